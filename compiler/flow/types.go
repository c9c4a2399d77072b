package flow

import (
	"encoding"
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"time"
)

// Kind is the JSON kind of a Type.
type Kind uint8

// The kinds. The zero Kind, Any, is a value about which nothing is known.
const (
	Any Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"any", "null", "boolean", "number", "string", "array", "object"}

// String names the kind as JSON does.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "any"
}

// Type is a JSON type. A nil *Type means Any. Types are immutable once
// built: every operation returns a new Type.
type Type struct {
	Kind Kind
	// Integer marks a Number that is always whole.
	Integer bool
	// Timestamp marks a String that holds an RFC 3339 timestamp.
	Timestamp bool
	// Nullable marks a value that may also be null (a Go pointer, slice or
	// map).
	Nullable bool
	// Elem is the item type of an Array (nil with Items: a tuple) and the
	// value type of a Map Object.
	Elem *Type
	// Items are the item types of a tuple, an Array of known length.
	Items []*Type
	// Fields are the known fields of an Object, in order.
	Fields []Field
	// Open marks an Object that may have fields besides Fields (unknown
	// fields read as Any).
	Open bool
	// Map marks an Object whose keys are not fixed (a Go map); its values
	// are Elem.
	Map bool
	// Go is the named Go type this type was derived from, if any, so
	// generated code can reuse it.
	Go reflect.Type
}

// Field is one field of an Object.
type Field struct {
	Name     string
	Type     *Type
	Optional bool // may be absent (omitempty, or missing on some path)
}

// Constructors of simple types.
var (
	AnyType       = &Type{}
	NullType      = &Type{Kind: Null}
	BoolType      = &Type{Kind: Bool}
	NumberType    = &Type{Kind: Number}
	IntegerType   = &Type{Kind: Number, Integer: true}
	StringType    = &Type{Kind: String}
	TimestampType = &Type{Kind: String, Timestamp: true}
)

// ArrayOf returns an array of elem.
func ArrayOf(elem *Type) *Type { return &Type{Kind: Array, Elem: orAny(elem)} }

// TupleOf returns an array of known length with the given item types.
func TupleOf(items ...*Type) *Type {
	if items == nil {
		items = []*Type{}
	}
	return &Type{Kind: Array, Items: items}
}

// ObjectOf returns a closed object with the given fields.
func ObjectOf(fields ...Field) *Type { return &Type{Kind: Object, Fields: fields} }

// MapOf returns an object with any keys and values of type elem.
func MapOf(elem *Type) *Type { return &Type{Kind: Object, Map: true, Elem: orAny(elem)} }

func orAny(t *Type) *Type {
	if t == nil {
		return AnyType
	}
	return t
}

// IsAny reports whether nothing is known about t.
func (t *Type) IsAny() bool { return t == nil || t.Kind == Any }

// Field returns the field named name of an object type.
func (t *Type) Field(name string) (Field, bool) {
	if t == nil {
		return Field{}, false
	}
	for _, f := range t.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// ItemType returns the type of the items of an array type (the join of a
// tuple's items), Any for other types.
func (t *Type) ItemType() *Type {
	if t == nil || t.Kind != Array {
		return AnyType
	}
	if t.Items != nil {
		var j *Type
		for i, it := range t.Items {
			if i == 0 {
				j = it
			} else {
				j = Join(j, it)
			}
		}
		return orAny(j)
	}
	return orAny(t.Elem)
}

// clone returns a shallow copy of t (Go identity dropped: the copy is
// changed by the caller).
func (t *Type) clone() *Type {
	c := *t
	c.Go = nil
	c.Fields = append([]Field(nil), t.Fields...)
	return &c
}

// withNullable returns t marked nullable.
func (t *Type) withNullable() *Type {
	if t.IsAny() || t.Nullable || t.Kind == Null {
		return t
	}
	c := *t
	c.Nullable = true
	return &c
}

// nonNull returns t without the null option.
func (t *Type) nonNull() *Type {
	if t == nil || !t.Nullable {
		return t
	}
	c := *t
	c.Nullable = false
	return &c
}

// Describe names the type in a short phrase for messages: "a string", "an
// object", "an array", "a number".
func (t *Type) Describe() string {
	switch {
	case t.IsAny():
		return "any value"
	case t.Kind == Null:
		return "null"
	case t.Kind == Number && t.Integer:
		return "an integer"
	case t.Kind == String && t.Timestamp:
		return "a timestamp string"
	case t.Kind == Array:
		return "an array"
	case t.Kind == Object:
		return "an object"
	case t.Kind == Bool:
		return "a boolean"
	}
	return "a " + t.Kind.String()
}

// String writes the type readably: {id string, total number, note?
// string}, []string, [string, number] (a tuple), map[string]number,
// {a string, ...} (an open object), integer, timestamp, any; "|null" marks
// a nullable type.
func (t *Type) String() string {
	var b strings.Builder
	t.write(&b, map[*Type]bool{})
	return b.String()
}

func (t *Type) write(b *strings.Builder, seen map[*Type]bool) {
	if t.IsAny() {
		b.WriteString("any")
		return
	}
	if seen[t] {
		if t.Go != nil {
			b.WriteString(t.Go.String())
		} else {
			b.WriteString("...")
		}
		return
	}
	seen[t] = true
	defer delete(seen, t)
	switch t.Kind {
	case Null:
		b.WriteString("null")
	case Bool:
		b.WriteString("boolean")
	case Number:
		if t.Integer {
			b.WriteString("integer")
		} else {
			b.WriteString("number")
		}
	case String:
		if t.Timestamp {
			b.WriteString("timestamp")
		} else {
			b.WriteString("string")
		}
	case Array:
		if t.Items != nil {
			b.WriteByte('[')
			for i, it := range t.Items {
				if i > 0 {
					b.WriteString(", ")
				}
				it.write(b, seen)
			}
			b.WriteByte(']')
		} else {
			b.WriteString("[]")
			writeElem(b, t.Elem, seen)
		}
	case Object:
		if t.Map {
			b.WriteString("map[string]")
			writeElem(b, t.Elem, seen)
			break
		}
		b.WriteByte('{')
		for i, f := range t.Fields {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteField(f.Name))
			if f.Optional {
				b.WriteByte('?')
			}
			b.WriteByte(' ')
			f.Type.write(b, seen)
		}
		if t.Open {
			if len(t.Fields) > 0 {
				b.WriteString(", ")
			}
			b.WriteString("...")
		}
		b.WriteByte('}')
	}
	if t.Nullable {
		b.WriteString("|null")
	}
}

// writeElem writes an item or value type, in parentheses when nullable so
// that "|null" is not read as applying to the container.
func writeElem(b *strings.Builder, t *Type, seen map[*Type]bool) {
	if t != nil && t.Nullable {
		b.WriteByte('(')
		t.write(b, seen)
		b.WriteByte(')')
		return
	}
	t.write(b, seen)
}

func quoteField(name string) string {
	if name == "" {
		return `""`
	}
	for _, r := range name {
		if !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return `"` + strings.ReplaceAll(name, `"`, `\"`) + `"`
		}
	}
	return name
}

// Join returns a type that holds every value of a and of b: fields present
// in only one object become optional, numbers stay integers only if both
// are, different kinds give Any.
func Join(a, b *Type) *Type {
	return join(a, b, 0)
}

func join(a, b *Type, depth int) *Type {
	if a == b {
		return a
	}
	if a.IsAny() || b.IsAny() || depth > 32 {
		return AnyType
	}
	if a.Kind == Null {
		return b.withNullable()
	}
	if b.Kind == Null {
		return a.withNullable()
	}
	if a.Kind != b.Kind {
		return AnyType
	}
	if a.Go != nil && a.Go == b.Go {
		if a.Nullable == b.Nullable {
			return a
		}
		return a.withNullable()
	}
	r := &Type{Kind: a.Kind, Nullable: a.Nullable || b.Nullable}
	switch a.Kind {
	case Number:
		r.Integer = a.Integer && b.Integer
	case String:
		r.Timestamp = a.Timestamp && b.Timestamp
	case Array:
		if a.Items != nil && b.Items != nil && len(a.Items) == len(b.Items) {
			r.Items = make([]*Type, len(a.Items))
			for i := range a.Items {
				r.Items[i] = join(a.Items[i], b.Items[i], depth+1)
			}
		} else {
			r.Elem = join(a.ItemType(), b.ItemType(), depth+1)
		}
	case Object:
		if a.Map || b.Map {
			if a.Map && b.Map {
				r.Map, r.Elem = true, join(a.Elem, b.Elem, depth+1)
				return r
			}
			r.Open = true
			return r
		}
		r.Open = a.Open || b.Open
		for _, f := range a.Fields {
			g, ok := b.Field(f.Name)
			if !ok {
				f.Optional = true
				r.Fields = append(r.Fields, f)
				continue
			}
			r.Fields = append(r.Fields, Field{Name: f.Name, Type: join(f.Type, g.Type, depth+1), Optional: f.Optional || g.Optional})
		}
		for _, g := range b.Fields {
			if _, ok := a.Field(g.Name); !ok {
				g.Optional = true
				r.Fields = append(r.Fields, g)
			}
		}
	}
	return r
}

// Equal reports whether two types describe the same values.
func Equal(a, b *Type) bool { return equal(a, b, 0) }

func equal(a, b *Type, depth int) bool {
	if a == b {
		return true
	}
	if a.IsAny() || b.IsAny() {
		return a.IsAny() && b.IsAny()
	}
	if depth > 32 {
		return true
	}
	if a.Kind != b.Kind || a.Integer != b.Integer || a.Timestamp != b.Timestamp || a.Nullable != b.Nullable ||
		a.Open != b.Open || a.Map != b.Map || len(a.Fields) != len(b.Fields) || len(a.Items) != len(b.Items) ||
		(a.Items == nil) != (b.Items == nil) || a.Go != b.Go {
		return false
	}
	if (a.Elem != nil || b.Elem != nil) && !equal(a.Elem, b.Elem, depth+1) {
		return false
	}
	for i := range a.Items {
		if !equal(a.Items[i], b.Items[i], depth+1) {
			return false
		}
	}
	for i, f := range a.Fields {
		g := b.Fields[i]
		if f.Name != g.Name || f.Optional != g.Optional || !equal(f.Type, g.Type, depth+1) {
			return false
		}
	}
	return true
}

var (
	timeType          = reflect.TypeFor[time.Time]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
	marshalerType     = reflect.TypeFor[json.Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

// FromGo returns the JSON type that encoding/json writes for values of the
// Go type t: struct fields by their json tags (renamed, omitempty or
// omitzero optional, "-" left out, ",string" a string), embedded structs
// promoted, pointers, slices and maps nullable, []byte a string, time.Time
// a timestamp, json.RawMessage, interfaces and types with their own
// MarshalJSON Any, encoding.TextMarshaler a string. A nil t is Any.
func FromGo(t reflect.Type) *Type {
	return (&goTypes{done: map[reflect.Type]*Type{}}).of(t)
}

type goTypes struct {
	done map[reflect.Type]*Type
}

func (g *goTypes) of(t reflect.Type) *Type {
	if t == nil {
		return AnyType
	}
	if r, ok := g.done[t]; ok {
		return r
	}
	switch {
	case t == timeType:
		return &Type{Kind: String, Timestamp: true, Go: t}
	case t == rawMessageType:
		return AnyType
	case t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface &&
		(t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType)):
		return AnyType
	case t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface &&
		(t.Implements(textMarshalerType) || reflect.PointerTo(t).Implements(textMarshalerType)):
		return &Type{Kind: String, Go: GoNamed(t)}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &Type{Kind: Bool, Go: GoNamed(t)}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return &Type{Kind: Number, Integer: true, Go: GoNamed(t)}
	case reflect.Float32, reflect.Float64:
		return &Type{Kind: Number, Go: GoNamed(t)}
	case reflect.String:
		return &Type{Kind: String, Go: GoNamed(t)}
	case reflect.Pointer:
		return g.of(t.Elem()).withNullable()
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !t.Elem().Implements(marshalerType) && !reflect.PointerTo(t.Elem()).Implements(marshalerType) {
			return &Type{Kind: String, Nullable: true, Go: GoNamed(t)}
		}
		r := &Type{Kind: Array, Nullable: true, Go: GoNamed(t)}
		g.done[t] = r
		r.Elem = g.of(t.Elem())
		return r
	case reflect.Array:
		r := &Type{Kind: Array, Go: GoNamed(t)}
		g.done[t] = r
		r.Elem = g.of(t.Elem())
		return r
	case reflect.Map:
		switch t.Key().Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		default:
			if !t.Key().Implements(textMarshalerType) {
				return AnyType // encoding/json cannot write it
			}
		}
		r := &Type{Kind: Object, Map: true, Nullable: true, Go: GoNamed(t)}
		g.done[t] = r
		r.Elem = g.of(t.Elem())
		return r
	case reflect.Struct:
		r := &Type{Kind: Object, Go: GoNamed(t)}
		g.done[t] = r
		r.Fields = g.structFields(t)
		return r
	}
	return AnyType
}

// GoNamed returns t if it is a named type declared in a package (one that
// generated Go code may refer to), and nil otherwise: the Go of a Type made
// from t.
func GoNamed(t reflect.Type) reflect.Type {
	if t.Name() == "" || t.PkgPath() == "" {
		return nil
	}
	return t
}

// IsGoTime reports whether t is time.Time, whose values are timestamps (a
// string Type with Timestamp set).
func IsGoTime(t reflect.Type) bool { return t == timeType }

type goField struct {
	name   string
	tagged bool
	depth  int
	index  []int
	f      Field
}

// structFields lists the JSON fields of a struct as encoding/json does:
// the shallowest field of a name wins, a tagged one among equals, and a
// name with several equal candidates is left out.
func (g *goTypes) structFields(t reflect.Type) []Field {
	var all []goField
	g.collect(t, nil, 0, &all, map[reflect.Type]bool{})
	byName := map[string][]goField{}
	var order []string
	for _, f := range all {
		if _, ok := byName[f.name]; !ok {
			order = append(order, f.name)
		}
		byName[f.name] = append(byName[f.name], f)
	}
	var picked []goField
	for _, name := range order {
		cands := byName[name]
		min := cands[0].depth
		for _, c := range cands {
			if c.depth < min {
				min = c.depth
			}
		}
		var best []goField
		for _, c := range cands {
			if c.depth == min {
				best = append(best, c)
			}
		}
		if len(best) > 1 {
			var tagged []goField
			for _, c := range best {
				if c.tagged {
					tagged = append(tagged, c)
				}
			}
			best = tagged
		}
		if len(best) == 1 {
			picked = append(picked, best[0])
		}
	}
	sort.SliceStable(picked, func(i, j int) bool {
		a, b := picked[i].index, picked[j].index
		for k := 0; k < len(a) && k < len(b); k++ {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return len(a) < len(b)
	})
	fields := make([]Field, len(picked))
	for i, p := range picked {
		fields[i] = p.f
	}
	return fields
}

func (g *goTypes) collect(t reflect.Type, index []int, depth int, out *[]goField, visiting map[reflect.Type]bool) {
	if visiting[t] {
		return
	}
	visiting[t] = true
	defer delete(visiting, t)
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		idx := append(append([]int(nil), index...), i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if !sf.IsExported() && et.Kind() != reflect.Struct {
				continue
			}
			if name == "" && et.Kind() == reflect.Struct {
				g.collect(et, idx, depth+1, out, visiting)
				continue
			}
		} else if !sf.IsExported() {
			continue
		}
		tagged := name != ""
		if name == "" {
			name = sf.Name
		}
		var typ *Type
		if hasOpt(opts, "string") && isScalar(ft) {
			typ = StringType
		} else {
			typ = g.of(ft)
		}
		optional := hasOpt(opts, "omitempty") || hasOpt(opts, "omitzero")
		*out = append(*out, goField{name: name, tagged: tagged, depth: depth, index: idx, f: Field{Name: name, Type: typ, Optional: optional}})
	}
}

func hasOpt(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == want {
			return true
		}
	}
	return false
}

func isScalar(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}
