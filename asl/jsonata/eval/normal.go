package eval

import "github.com/goasl/goasl/asl/value"

// jsNormal returns v as JavaScript's JSON.parse would have made it: every
// number keeps only its value (its text is the JavaScript form), and in
// every object the array-index keys come first, ascending. It returns v
// itself when nothing changes.
func jsNormal(v value.Value) value.Value {
	switch v.Kind() {
	case value.Number:
		if v.HasOwnText() {
			return value.FromFloat(v.Float())
		}
	case value.Array:
		items := v.Items()
		var out []value.Value
		for i := range items {
			n := jsNormal(items[i])
			if out == nil && !same(n, items[i]) {
				out = make([]value.Value, len(items))
				copy(out, items[:i])
			}
			if out != nil {
				out[i] = n
			}
		}
		if out != nil {
			return value.FromArray(out)
		}
	case value.Object:
		keys, vals := v.Keys(), v.Values()
		var out []value.Value
		for i := range vals {
			n := jsNormal(vals[i])
			if out == nil && !same(n, vals[i]) {
				out = make([]value.Value, len(vals))
				copy(out, vals[:i])
			}
			if out != nil {
				out[i] = n
			}
		}
		if !indexKeysOrdered(keys) {
			if out == nil {
				out = vals
			}
			o := newObj(len(keys))
			for i, k := range keys {
				o.set(k, i)
			}
			var b value.ObjectBuilder
			b.Grow(len(keys))
			for j, k := range o.keys {
				b.Append(k, out[o.vals[j].(int)])
			}
			return b.Value()
		}
		if out != nil {
			var b value.ObjectBuilder
			b.Grow(len(keys))
			for i, k := range keys {
				b.Append(k, out[i])
			}
			return b.Value()
		}
	}
	return v
}

// same reports whether jsNormal returned its argument unchanged.
func same(a, b value.Value) bool {
	if a.Kind() != b.Kind() {
		return false
	}
	switch a.Kind() {
	case value.Number:
		return a.HasOwnText() == b.HasOwnText()
	case value.Array:
		ai, bi := a.Items(), b.Items()
		return len(ai) == 0 || &ai[0] == &bi[0]
	case value.Object:
		ak, bk := a.Keys(), b.Keys()
		av, bv := a.Values(), b.Values()
		return len(ak) == 0 || (&ak[0] == &bk[0] && &av[0] == &bv[0])
	}
	return true
}

// indexKeysOrdered reports whether the array-index keys are already first
// and ascending.
func indexKeysOrdered(keys []string) bool {
	seenOther := false
	prev := ""
	for _, k := range keys {
		if isArrayIndex(k) {
			if seenOther || (prev != "" && !indexLess(prev, k)) {
				return false
			}
			prev = k
		} else {
			seenOther = true
		}
	}
	return true
}
