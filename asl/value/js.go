package value

import "strconv"

// JS returns v as JavaScript's JSON.parse would have built it, which is
// what a JavaScript program (jsonata-js in Step Functions, for one) sees of
// a JSON document: every number keeps only its value, so its text becomes
// the JavaScript form ("1.0" is 1, "1E3" is 1000, 12345678901234567890 is
// 12345678901234567000), and in every object the keys that are array
// indices ("0", "1", "42", up to 4294967294) come first in ascending
// order, then the other keys in their order.
//
// JS returns v itself, sharing everything, when v is already so. Arrays
// and objects remember the answer (keeping the copy alive as long as
// themselves), so asking again costs nothing.
func (v Value) JS() Value {
	switch v.Kind() {
	case Number:
		if v.HasOwnText() {
			return FromFloat(v.num)
		}
	case Array:
		if p := v.arr().js.Load(); p != nil {
			return *p
		}
		items := v.arr().items
		var out []Value
		for i := range items {
			n := items[i].JS()
			if out == nil && !sameJS(n, items[i]) {
				out = make([]Value, len(items))
				copy(out, items[:i])
			}
			if out != nil {
				out[i] = n
			}
		}
		if out == nil {
			v.arr().js.Store(&v)
			return v
		}
		r := FromArray(out)
		r.arr().js.Store(&r)
		v.arr().js.Store(&r)
		return r
	case Object:
		if p := v.obj().js.Load(); p != nil {
			return *p
		}
		keys, vals := v.obj().keys, v.obj().vals
		var out []Value
		for i := range vals {
			n := vals[i].JS()
			if out == nil && !sameJS(n, vals[i]) {
				out = make([]Value, len(vals))
				copy(out, vals[:i])
			}
			if out != nil {
				out[i] = n
			}
		}
		ordered := indexKeysFirst(keys)
		if out == nil && ordered {
			v.obj().js.Store(&v)
			return v
		}
		if out == nil {
			out = vals
		}
		var b ObjectBuilder
		b.Grow(len(keys))
		if ordered {
			for i, k := range keys {
				b.Append(k, out[i])
			}
		} else {
			// the index keys, ascending (they are distinct), then the rest
			var idx []int
			for i, k := range keys {
				if IsArrayIndex(k) {
					idx = append(idx, i)
				}
			}
			for a := 1; a < len(idx); a++ {
				for c := a; c > 0 && IndexLess(keys[idx[c]], keys[idx[c-1]]); c-- {
					idx[c], idx[c-1] = idx[c-1], idx[c]
				}
			}
			for _, i := range idx {
				b.Append(keys[i], out[i])
			}
			for i, k := range keys {
				if !IsArrayIndex(k) {
					b.Append(k, out[i])
				}
			}
		}
		r := b.Value()
		r.obj().js.Store(&r)
		v.obj().js.Store(&r)
		return r
	}
	return v
}

// sameJS reports whether JS returned its argument itself.
func sameJS(a, b Value) bool {
	switch a.Kind() {
	case Number:
		return a.str == b.str
	case Array:
		return a.arr() == b.arr()
	case Object:
		return a.obj() == b.obj()
	}
	return true
}

// IsArrayIndex reports whether k is a canonical array index ("0", "42", up
// to "4294967294"), a key that JavaScript objects order first.
func IsArrayIndex(k string) bool {
	if k == "" || len(k) > 10 || (k[0] == '0' && len(k) > 1) {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return err == nil && n < 4294967295
}

// IndexLess orders two array-index keys by their numbers.
func IndexLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// indexKeysFirst reports whether the array-index keys already come first,
// ascending.
func indexKeysFirst(keys []string) bool {
	other := false
	prev := ""
	for _, k := range keys {
		if IsArrayIndex(k) {
			if other || (prev != "" && !IndexLess(prev, k)) {
				return false
			}
			prev = k
		} else {
			other = true
		}
	}
	return true
}
