package value

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// maxDirectDepth is the deepest nesting decodeDirect decodes; deeper values
// go through encoding/json, which has limits of its own.
const maxDirectDepth = 1000

// decodeDirect stores v in e (a zero, settable value) without going
// through JSON text, for the types whose decoding by encoding/json is plain
// (see directType). It reports false when v holds something encoding/json
// would reject or treat in a way decodeDirect does not (a number that does
// not fit, a kind that does not match, a key that matches a field only
// under Unicode case folding): the caller then zeroes e and asks
// encoding/json, so the result and the error are always encoding/json's.
func decodeDirect(v Value, e reflect.Value, depth int) bool {
	if depth > maxDirectDepth {
		return false
	}
	depth++
	switch v.Kind() {
	case Undefined, Null:
		// null leaves a Go value as it is (pointers, maps, slices and
		// interfaces are nil in a zero value); an undefined array item is
		// written as null.
		return true
	}
	t := e.Type()
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if !decodeDirect(v, p.Elem(), depth) {
			return false
		}
		e.Set(p)
		return true
	case reflect.Interface:
		x, ok := toAny(v, depth)
		if !ok {
			return false
		}
		if x != nil {
			e.Set(reflect.ValueOf(x))
		}
		return true
	}
	switch v.Kind() {
	case Bool:
		if t.Kind() != reflect.Bool {
			return false
		}
		e.SetBool(v.Bool())
		return true
	case Number:
		text := v.NumberText()
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			n, err := strconv.ParseInt(text, 10, 64)
			if err != nil || e.OverflowInt(n) {
				return false
			}
			e.SetInt(n)
			return true
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			n, err := strconv.ParseUint(text, 10, 64)
			if err != nil || e.OverflowUint(n) {
				return false
			}
			e.SetUint(n)
			return true
		case reflect.Float32, reflect.Float64:
			f, err := strconv.ParseFloat(text, t.Bits())
			if err != nil || e.OverflowFloat(f) {
				return false
			}
			e.SetFloat(f)
			return true
		}
		return false
	case String:
		if t.Kind() != reflect.String || !utf8.ValidString(v.Str()) {
			return false
		}
		e.SetString(v.Str())
		return true
	case Array:
		if t.Kind() != reflect.Slice {
			return false
		}
		items := v.Items()
		s := reflect.MakeSlice(t, len(items), len(items))
		for i, it := range items {
			if !decodeDirect(it, s.Index(i), depth) {
				return false
			}
		}
		e.Set(s)
		return true
	case Object:
		switch t.Kind() {
		case reflect.Map:
			m := reflect.MakeMapWithSize(t, v.Len())
			et := t.Elem()
			for i, k := range v.Keys() {
				x := v.Values()[i]
				if x.IsUndefined() {
					continue
				}
				if !utf8.ValidString(k) {
					return false
				}
				ev := reflect.New(et).Elem()
				if !decodeDirect(x, ev, depth) {
					return false
				}
				m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), ev)
			}
			e.Set(m)
			return true
		case reflect.Struct:
			fs := directFields(t)
			for i, k := range v.Keys() {
				x := v.Values()[i]
				if x.IsUndefined() {
					continue
				}
				f, ok := fs.find(k)
				if !ok {
					return false
				}
				if f < 0 {
					continue // no such field: left out, as encoding/json does
				}
				if fs.names[f] != k && namedTwice(v.Keys(), k, fs.names[f]) {
					// encoding/json fills the field once per key, in
					// order: a later key merges into a map or a pointer
					// an earlier one made, and null resets it.
					return false
				}
				if !decodeDirect(x, e.Field(f), depth) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// toAny returns v as encoding/json decodes JSON into an interface{}: nil,
// bool, float64, string, []any, map[string]any.
func toAny(v Value, depth int) (any, bool) {
	if depth > maxDirectDepth {
		return nil, false
	}
	depth++
	switch v.Kind() {
	case Undefined, Null:
		return nil, true
	case Bool:
		return v.Bool(), true
	case Number:
		f, err := strconv.ParseFloat(v.NumberText(), 64)
		if err != nil {
			return nil, false
		}
		return f, true
	case String:
		// JSON text holds invalid UTF-8 as U+FFFD: encoding/json decides.
		return v.Str(), utf8.ValidString(v.Str())
	case Array:
		out := make([]any, len(v.Items()))
		for i, it := range v.Items() {
			x, ok := toAny(it, depth)
			if !ok {
				return nil, false
			}
			out[i] = x
		}
		return out, true
	case Object:
		out := make(map[string]any, v.Len())
		for i, k := range v.Keys() {
			x := v.Values()[i]
			if x.IsUndefined() {
				continue
			}
			a, ok := toAny(x, depth)
			if !ok || !utf8.ValidString(k) {
				return nil, false
			}
			out[k] = a
		}
		return out, true
	}
	return nil, false
}

// fieldSet is the JSON names of a struct's fields, as encoding/json sees
// them for a struct that directType accepts.
type fieldSet struct {
	names []string // by field index; "" for a field JSON does not see
}

// find returns the index of the field key decodes into (-1: none). It
// reports false when encoding/json's choice could differ from an ASCII
// case-insensitive match (a key outside ASCII that matches no field
// exactly).
func (fs *fieldSet) find(key string) (int, bool) {
	for i, n := range fs.names {
		if n != "" && n == key {
			return i, true
		}
	}
	for i := 0; i < len(key); i++ {
		if key[i] >= 0x80 {
			return -1, false
		}
	}
	for i, n := range fs.names {
		if n != "" && len(n) == len(key) && strings.EqualFold(n, key) {
			return i, true
		}
	}
	return -1, true
}

// namedTwice reports whether a key of keys other than key names the field
// called name under case folding, as key does.
func namedTwice(keys []string, key, name string) bool {
	for _, k := range keys {
		if k != key && strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

var (
	directTypes  sync.Map // reflect.Type -> bool
	directStruct sync.Map // reflect.Type -> *fieldSet

	jsonNumber      = reflect.TypeFor[json.Number]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func directFields(t reflect.Type) *fieldSet {
	fs, _ := directStruct.Load(t)
	return fs.(*fieldSet)
}

// directType reports whether decodeDirect handles t: booleans, numbers,
// strings, slices (not of bytes, which JSON holds as base64), maps with
// string keys, pointers, interface{}, and structs without embedded fields
// whose exported fields have distinct ASCII names and no ",string" option,
// all of these made of the same and none with its own JSON or text
// unmarshaling.
func directType(t reflect.Type) bool {
	if ok, found := directTypes.Load(t); found {
		return ok.(bool)
	}
	ok := checkDirect(t, map[reflect.Type]bool{})
	directTypes.Store(t, ok)
	return ok
}

func checkDirect(t reflect.Type, seen map[reflect.Type]bool) bool {
	if ok, found := directTypes.Load(t); found {
		return ok.(bool)
	}
	if seen[t] {
		return true // a recursive type: decided by the first visit
	}
	seen[t] = true
	if t == jsonNumber {
		return false // a string that must hold a number
	}
	if t.Implements(jsonUnmarshaler) || t.Implements(textUnmarshaler) ||
		reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshaler) {
		return false
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	case reflect.Interface:
		return t.NumMethod() == 0
	case reflect.Pointer:
		return checkDirect(t.Elem(), seen)
	case reflect.Slice:
		return t.Elem().Kind() != reflect.Uint8 && checkDirect(t.Elem(), seen)
	case reflect.Map:
		return t.Key().Kind() == reflect.String && checkDirect(t.Key(), seen) && checkDirect(t.Elem(), seen)
	case reflect.Struct:
		fields, ok := plainFields(t)
		if !ok {
			return false
		}
		fs := &fieldSet{names: make([]string, t.NumField())}
		seenNames := map[string]bool{}
		for _, f := range fields {
			lower := strings.ToLower(f.name)
			if f.asString || seenNames[lower] {
				return false
			}
			seenNames[lower] = true
			if !checkDirect(t.Field(f.index).Type, seen) {
				return false
			}
			fs.names[f.index] = f.name
		}
		directStruct.Store(t, fs)
		return true
	}
	return false
}
