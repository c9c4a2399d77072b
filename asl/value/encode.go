package value

import (
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

// encodeDirect returns the value encoding/json makes of x (read back with
// Parse) without writing JSON text, for the types whose encoding is plain
// (see encodeType). It reports false for anything it leaves to
// encoding/json: a float written in exponent form, a string that is not
// UTF-8, a dynamic type inside an interface{} that is not plain, nesting
// deeper than maxDirectDepth.
func encodeDirect(x reflect.Value, depth int) (Value, bool) {
	if depth > maxDirectDepth {
		return Value{}, false
	}
	depth++
	switch x.Kind() {
	case reflect.Bool:
		return FromBool(x.Bool()), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return FromInt(x.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u := x.Uint()
		return Value{ref: numberRef, num: float64(u), str: strconv.FormatUint(u, 10)}, true
	case reflect.Float32, reflect.Float64:
		f, bits := x.Float(), x.Type().Bits()
		abs := math.Abs(f)
		if math.IsNaN(f) || math.IsInf(f, 0) || abs != 0 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && abs != 0 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			return Value{}, false // an error, or the exponent form: encoding/json's
		}
		text := strconv.FormatFloat(f, 'f', -1, bits)
		n, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return Value{}, false
		}
		return Value{ref: numberRef, num: n, str: text}, true
	case reflect.String:
		s := x.String()
		if !utf8.ValidString(s) {
			return Value{}, false
		}
		return FromString(s), true
	case reflect.Pointer, reflect.Interface:
		if x.IsNil() {
			return NullValue, true
		}
		e := x.Elem()
		if x.Kind() == reflect.Interface && !encodeType(e.Type()) {
			return Value{}, false
		}
		return encodeDirect(e, depth)
	case reflect.Slice:
		if x.IsNil() {
			return NullValue, true
		}
		items := make([]Value, x.Len())
		for i := range items {
			v, ok := encodeDirect(x.Index(i), depth)
			if !ok {
				return Value{}, false
			}
			items[i] = v
		}
		return FromArray(items), true
	case reflect.Map:
		if x.IsNil() {
			return NullValue, true
		}
		keys := make([]string, 0, x.Len())
		vals := make(map[string]reflect.Value, x.Len())
		it := x.MapRange()
		for it.Next() {
			k := it.Key().String()
			if !utf8.ValidString(k) {
				return Value{}, false
			}
			keys = append(keys, k)
			vals[k] = it.Value()
		}
		sort.Strings(keys)
		var b ObjectBuilder
		b.Grow(len(keys))
		for _, k := range keys {
			v, ok := encodeDirect(vals[k], depth)
			if !ok {
				return Value{}, false
			}
			b.Append(k, v)
		}
		return b.Value(), true
	case reflect.Struct:
		fs := encodeFields(x.Type())
		var b ObjectBuilder
		b.Grow(len(fs))
		for _, f := range fs {
			fv := x.Field(f.index)
			if f.omitEmpty && isEmpty(fv) || f.omitZero && fv.IsZero() {
				continue
			}
			v, ok := encodeDirect(fv, depth)
			if !ok {
				return Value{}, false
			}
			b.Append(f.name, v)
		}
		return b.Value(), true
	}
	return Value{}, false
}

// isEmpty is encoding/json's test for omitempty.
func isEmpty(x reflect.Value) bool {
	switch x.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return x.Len() == 0
	case reflect.Bool:
		return !x.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return x.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return x.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return x.Float() == 0 // -0 too
	case reflect.Interface, reflect.Pointer:
		return x.IsNil()
	}
	return false
}

// isZeroer is the method encoding/json asks ",omitzero" fields for.
var isZeroer = reflect.TypeFor[interface{ IsZero() bool }]()

var (
	encodeTypes  sync.Map // reflect.Type -> bool
	encodeStruct sync.Map // reflect.Type -> []jsonField

	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func encodeFields(t reflect.Type) []jsonField {
	fs, _ := encodeStruct.Load(t)
	return fs.([]jsonField)
}

// encodeType reports whether encodeDirect handles t: booleans, numbers,
// strings, slices (not of bytes, which JSON holds as base64), maps with
// string keys, pointers, interfaces, and structs without embedded fields
// whose exported fields have distinct ASCII names, no ",string" option and
// no ",omitzero" on a type with an IsZero method, all of these made of the
// same and none with its own JSON or text marshaling.
func encodeType(t reflect.Type) bool {
	if ok, found := encodeTypes.Load(t); found {
		return ok.(bool)
	}
	ok := checkEncode(t, map[reflect.Type]bool{})
	encodeTypes.Store(t, ok)
	return ok
}

func checkEncode(t reflect.Type, seen map[reflect.Type]bool) bool {
	if ok, found := encodeTypes.Load(t); found {
		return ok.(bool)
	}
	if seen[t] {
		return true // a recursive type: decided by the first visit
	}
	seen[t] = true
	if t == jsonNumber || t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler) {
		return false
	}
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64, reflect.Interface:
		return true // an interface's dynamic type is checked when it is met
	case reflect.Pointer:
		return checkEncode(t.Elem(), seen)
	case reflect.Slice:
		return t.Elem().Kind() != reflect.Uint8 && checkEncode(t.Elem(), seen)
	case reflect.Map:
		return t.Key().Kind() == reflect.String && checkEncode(t.Key(), seen) && checkEncode(t.Elem(), seen)
	case reflect.Struct:
		fields, ok := plainFields(t)
		if !ok {
			return false
		}
		fs := make([]jsonField, 0, len(fields))
		names := map[string]bool{}
		for _, f := range fields {
			ft := t.Field(f.index).Type
			if f.asString || f.omitZero && (ft.Implements(isZeroer) || reflect.PointerTo(ft).Implements(isZeroer)) || names[f.name] {
				// ",string" writes inside a string; an IsZero method
				// decides ",omitzero": encoding/json's.
				return false
			}
			names[f.name] = true
			if !checkEncode(t.Field(f.index).Type, seen) {
				return false
			}
			fs = append(fs, f)
		}
		encodeStruct.Store(t, fs)
		return true
	}
	return false
}
