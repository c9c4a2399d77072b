package eval

import (
	"math"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goasl/goasl/asl/value"
)

// val is a value during evaluation, the JavaScript value jsonata-js would
// hold: nil is undefined, jnull is null, bool, float64 and string are the
// primitives, *value.Value is an array or object of the input (read in
// place, never copied), *seq is an array made during evaluation (with the
// flags JSONata keeps on sequences), *obj an object made during
// evaluation, *fn a function, and *tuple an item of a tuple stream.
type val = any

type nullType struct{}

var jnull = nullType{}

// seq is an array built during evaluation.
type seq struct {
	items         []val
	sequence      bool // a JSONata sequence: singletons collapse
	keepSingleton bool
	cons          bool // built by an array constructor
	outerWrapper  bool
	tupleStream   bool // items are *tuple
}

func newSeq(items ...val) *seq { return &seq{items: items, sequence: true} }

// obj is an object built during evaluation. Keys follow JavaScript's
// property order: array-index keys first, ascending, then the others in
// insertion order.
type obj struct {
	keys  []string
	vals  []val
	index map[string]int
}

// tuple is one item of a tuple stream: the context value and the
// variables bound along the path.
type tuple struct {
	ctx   val
	names []string
	vals  []val
}

func (t *tuple) clone() *tuple {
	return &tuple{ctx: t.ctx, names: append([]string(nil), t.names...), vals: append([]val(nil), t.vals...)}
}

func (t *tuple) set(name string, v val) {
	for i, n := range t.names {
		if n == name {
			t.vals[i] = v
			return
		}
	}
	t.names = append(t.names, name)
	t.vals = append(t.vals, v)
}

func (t *tuple) get(name string) (val, bool) {
	for i, n := range t.names {
		if n == name {
			return t.vals[i], true
		}
	}
	return nil, false
}

func newObj(n int) *obj {
	return &obj{keys: make([]string, 0, n), vals: make([]val, 0, n)}
}

func (o *obj) find(k string) int {
	if o.index != nil {
		if i, ok := o.index[k]; ok {
			return i
		}
		return -1
	}
	for i, x := range o.keys {
		if x == k {
			return i
		}
	}
	if len(o.keys) > 16 {
		o.index = make(map[string]int, len(o.keys))
		for i, x := range o.keys {
			o.index[x] = i
		}
	}
	return -1
}

func (o *obj) get(k string) (val, bool) {
	if i := o.find(k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// set gives k the value v, in JavaScript property order.
func (o *obj) set(k string, v val) {
	if i := o.find(k); i >= 0 {
		o.vals[i] = v
		return
	}
	if value.IsArrayIndex(k) {
		// insert among the leading index keys
		at := 0
		for at < len(o.keys) && value.IsArrayIndex(o.keys[at]) && value.IndexLess(o.keys[at], k) {
			at++
		}
		if at < len(o.keys) {
			o.keys = append(o.keys, "")
			copy(o.keys[at+1:], o.keys[at:])
			o.keys[at] = k
			o.vals = append(o.vals, nil)
			copy(o.vals[at+1:], o.vals[at:])
			o.vals[at] = v
			o.index = nil
			return
		}
	}
	if o.index != nil {
		o.index[k] = len(o.keys)
	}
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

func (o *obj) del(k string) {
	i := o.find(k)
	if i < 0 {
		return
	}
	o.keys = append(o.keys[:i:i], o.keys[i+1:]...)
	o.vals = append(o.vals[:i:i], o.vals[i+1:]...)
	o.index = nil
}

// fromValue turns a JSON value into an evaluation value.
func fromValue(p *value.Value) val {
	switch p.Kind() {
	case value.Null:
		return jnull
	case value.Bool:
		return p.Bool()
	case value.Number:
		return p.Float()
	case value.String:
		return p.Str()
	case value.Array, value.Object:
		return p
	}
	return nil
}

func fromValueCopy(v value.Value) val {
	switch v.Kind() {
	case value.Array, value.Object:
		return &v
	}
	return fromValue(&v)
}

// toValue turns an evaluation value into JSON as JSON.stringify would
// write it: functions are left out of objects and become null in arrays.
func toValue(v val) value.Value { return toValueD(v, 0) }

// maxNesting bounds the nesting of values that are walked recursively. A
// transform can make an object contain itself (|x|{"self": $}|); in
// jsonata-js writing it fails ("Converting circular structure to JSON").
const maxNesting = 10000

func tooDeep(depth int) {
	if depth > maxNesting {
		throw("D1011", 0, "The value nests more than %d levels deep or contains itself (a transform inserted an object into itself): it cannot be written as JSON", maxNesting)
	}
}

func toValueD(v val, depth int) value.Value {
	tooDeep(depth)
	switch x := v.(type) {
	case nil:
		return value.Value{}
	case nullType:
		return value.NullValue
	case bool:
		return value.FromBool(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return value.NullValue
		}
		if x == 0 {
			x = 0 // -0 prints as 0
		}
		return value.FromFloat(x)
	case string:
		return value.FromString(x)
	case *value.Value:
		return *x
	case *seq:
		if x.tupleStream {
			items := make([]value.Value, 0, len(x.items))
			for _, it := range x.items {
				items = append(items, elemValue(it.(*tuple).ctx, depth+1))
			}
			return value.FromArray(items)
		}
		items := make([]value.Value, len(x.items))
		for i, it := range x.items {
			items[i] = elemValue(it, depth+1)
		}
		return value.FromArray(items)
	case *obj:
		var b value.ObjectBuilder
		b.Grow(len(x.keys))
		for i, k := range x.keys {
			e := x.vals[i]
			if e == nil {
				continue
			}
			if _, ok := e.(*fn); ok {
				b.Append(k, value.FromMembers())
				continue
			}
			b.Append(k, toValueD(e, depth+1))
		}
		return b.Value()
	case *fn:
		return value.FromString("")
	case *tuple:
		return toValueD(x.ctx, depth+1)
	}
	return value.Value{}
}

func elemValue(v val, depth int) value.Value {
	switch v.(type) {
	case nil:
		return value.NullValue
	case *fn:
		return value.FromMembers()
	}
	return toValueD(v, depth)
}

// array access over the two array forms

func isArray(v val) bool {
	switch x := v.(type) {
	case *seq:
		return true
	case *value.Value:
		return x.Kind() == value.Array
	}
	return false
}

func isObject(v val) bool {
	switch x := v.(type) {
	case *obj:
		return true
	case *value.Value:
		return x.Kind() == value.Object
	}
	return false
}

func arrLen(v val) int {
	switch x := v.(type) {
	case *seq:
		return len(x.items)
	case *value.Value:
		return x.Len()
	}
	return 0
}

func arrAt(v val, i int) val {
	switch x := v.(type) {
	case *seq:
		return x.items[i]
	case *value.Value:
		return fromValue(&x.Items()[i])
	}
	return nil
}

// arrItems returns the items of an array (a fresh slice for input arrays).
func arrItems(v val) []val {
	switch x := v.(type) {
	case *seq:
		return x.items
	case *value.Value:
		items := x.Items()
		out := make([]val, len(items))
		for i := range items {
			out[i] = fromValue(&items[i])
		}
		return out
	}
	return nil
}

func isSequence(v val) bool {
	s, ok := v.(*seq)
	return ok && s.sequence
}

// isTupleStream says whether v is a stream of tuples (the bindings of a
// path with focus or index variables).
func isTupleStream(v val) bool {
	s, ok := v.(*seq)
	return ok && s.tupleStream
}

// object access over the two object forms

func objLen(v val) int {
	switch x := v.(type) {
	case *obj:
		return len(x.keys)
	case *value.Value:
		if x.Kind() == value.Object {
			return x.Len()
		}
	}
	return 0
}

func objKeys(v val) []string {
	switch x := v.(type) {
	case *obj:
		return x.keys
	case *value.Value:
		return x.Keys()
	}
	return nil
}

func objGet(v val, k string) (val, bool) {
	switch x := v.(type) {
	case *obj:
		return x.get(k)
	case *value.Value:
		if x.Kind() != value.Object {
			return nil, false
		}
		keys := x.Keys()
		vals := x.Values()
		if len(keys) <= 8 {
			for i, kk := range keys {
				if kk == k {
					return fromValue(&vals[i]), true
				}
			}
			return nil, false
		}
		m, ok := x.Get(k)
		if !ok {
			return nil, false
		}
		// find the member in place so that containers are not copied
		for i := range keys {
			if keys[i] == k {
				return fromValue(&vals[i]), true
			}
		}
		return fromValueCopy(m), true
	}
	return nil, false
}

// objAt returns member i.
func objAt(v val, i int) (string, val) {
	switch x := v.(type) {
	case *obj:
		return x.keys[i], x.vals[i]
	case *value.Value:
		return x.Keys()[i], fromValue(&x.Values()[i])
	}
	return "", nil
}

// copyObj makes an evaluation object with the members of v.
func copyObj(v val) *obj {
	n := objLen(v)
	o := newObj(n)
	for i := 0; i < n; i++ {
		k, e := objAt(v, i)
		o.keys = append(o.keys, k)
		o.vals = append(o.vals, e)
	}
	return o
}

func isFunction(v val) bool {
	_, ok := v.(*fn)
	return ok
}

func isNumber(v val) bool {
	_, ok := v.(float64)
	return ok
}

func isString(v val) bool {
	_, ok := v.(string)
	return ok
}

// typeSymbol is the letter a function signature uses for the type of an
// evaluation value: m (undefined), l, b, n, s, f, a or o.
func typeSymbol(v val) byte {
	switch x := v.(type) {
	case nil:
		return 'm'
	case nullType:
		return 'l'
	case bool:
		return 'b'
	case float64:
		return 'n'
	case string:
		return 's'
	case *fn:
		return 'f'
	case *seq:
		return 'a'
	case *obj, *tuple:
		return 'o'
	case *value.Value:
		if x.Kind() == value.Array {
			return 'a'
		}
		return 'o'
	}
	return 'm'
}

// deepEqual is JSONata's = on any two values.
func deepEqual(a, b val) bool { return deepEqualD(a, b, 0) }

func deepEqualD(a, b val, depth int) bool {
	tooDeep(depth)
	switch x := a.(type) {
	case nil:
		return b == nil
	case nullType:
		_, ok := b.(nullType)
		return ok
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case *fn:
		return a == b
	}
	if isArray(a) {
		if !isArray(b) {
			return false
		}
		n := arrLen(a)
		if n != arrLen(b) {
			return false
		}
		for i := 0; i < n; i++ {
			if !deepEqualD(arrAt(a, i), arrAt(b, i), depth+1) {
				return false
			}
		}
		return true
	}
	if isObject(a) {
		if !isObject(b) {
			return false
		}
		n := objLen(a)
		if n != objLen(b) {
			return false
		}
		for i := 0; i < n; i++ {
			k, av := objAt(a, i)
			bv, ok := objGet(b, k)
			if !ok || !deepEqualD(av, bv, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// strictEqual is JavaScript's ===.
func strictEqual(a, b val) bool {
	switch x := a.(type) {
	case nil, nullType, bool, float64, string:
		return a == b
	case *value.Value:
		y, ok := b.(*value.Value)
		return ok && (x == y || (x.Kind() == y.Kind() && sameContainer(*x, *y)))
	}
	return a == b
}

func sameContainer(a, b value.Value) bool {
	switch a.Kind() {
	case value.Array:
		ai, bi := a.Items(), b.Items()
		return len(ai) == len(bi) && (len(ai) == 0 || &ai[0] == &bi[0]) && len(ai) > 0
	case value.Object:
		ak, bk := a.Keys(), b.Keys()
		return len(ak) == len(bk) && len(ak) > 0 && &ak[0] == &bk[0]
	}
	return false
}

// jsLess compares strings as JavaScript does, by UTF-16 code units.
func jsLess(a, b string) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < utf8.RuneSelf && b[i] < utf8.RuneSelf {
				return a[i] < b[i]
			}
			return utf16Less(a[i:], b[i:])
		}
	}
	return len(a) < len(b)
}

func utf16Less(a, b string) bool {
	ua := utf16.Encode([]rune(a))
	ub := utf16.Encode([]rune(b))
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}

// utf16Len is a string's JavaScript length.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// sortedKeys returns keys sorted as JavaScript's Array.prototype.sort does
// (UTF-16 order).
func sortedKeys(keys []string) []string {
	out := append([]string(nil), keys...)
	sort.SliceStable(out, func(i, j int) bool { return jsLess(out[i], out[j]) })
	return out
}
