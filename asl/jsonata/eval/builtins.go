package eval

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// builtin is a built-in function.
type builtin struct {
	name     string
	sig      *signature
	argNames []string // the JavaScript parameters: their count is the arity
	impl     func(ev *evaluator, a []val, c *callCtx) val
	fn       *fn
}

var builtins = map[string]*builtin{}

func def(name, sig string, argNames string, impl func(ev *evaluator, a []val, c *callCtx) val) {
	b := &builtin{name: name, impl: impl}
	if argNames != "" {
		b.argNames = strings.Split(argNames, ",")
	}
	if sig != "" {
		b.sig = parseSignature(sig)
	}
	b.fn = &fn{kind: fNative, name: name, native: b, sig: b.sig, arity: len(b.argNames)}
	builtins[name] = b
}

var transformSig = parseSignature("<(oa):o>")

// defStr defines a built-in of one string argument that is undefined when
// the argument is.
func defStr(name, sig string, f func(s string) val) {
	def(name, sig, "str", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		return f(s)
	})
}

func str(a []val, i int) (string, bool) {
	s, ok := argAt(a, i).(string)
	return s, ok
}

func num(a []val, i int) (float64, bool) {
	f, ok := argAt(a, i).(float64)
	return f, ok
}

// limitArg is the optional match-count argument a[i] of $match, $replace
// and $split, rounded up: -1 when it is absent (no limit); a negative
// number throws code, naming the argument by its ordinal and the function.
func limitArg(a []val, i int, c *callCtx, code, ordinal, function string) int {
	l, ok := num(a, i)
	if !ok {
		return -1
	}
	if l < 0 {
		throw(code, c.pos, "%s argument of %s function must evaluate to a positive number", ordinal, function)
	}
	return int(math.Ceil(l))
}

func init() {
	// aggregation
	def("sum", "<a<n>:n>", "args", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		total := 0.0
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			f, _ := arrAt(arr, i).(float64)
			total += f
		}
		return total
	})
	def("count", "<a:n>", "args", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return 0.0
		}
		return float64(arrLen(arr))
	})
	minmax := func(max bool) func(ev *evaluator, a []val, c *callCtx) val {
		return func(ev *evaluator, a []val, c *callCtx) val {
			arr := argAt(a, 0)
			n := arrLen(arr)
			if arr == nil || n == 0 {
				return nil
			}
			r := math.Inf(1)
			if max {
				r = math.Inf(-1)
			}
			for i := 0; i < n; i++ {
				f, ok := arrAt(arr, i).(float64)
				if !ok || math.IsNaN(f) {
					return math.NaN()
				}
				if max && f > r || !max && f < r {
					r = f
				}
			}
			return r
		}
	}
	def("max", "<a<n>:n>", "args", minmax(true))
	def("min", "<a<n>:n>", "args", minmax(false))
	def("average", "<a<n>:n>", "args", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		n := arrLen(arr)
		if arr == nil || n == 0 {
			return nil
		}
		total := 0.0
		for i := 0; i < n; i++ {
			f, _ := arrAt(arr, i).(float64)
			total += f
		}
		return total / float64(n)
	})

	// strings
	// prettify has a default value in jsonata-js, so the function's
	// arity (what higher-order functions pass it) is 1.
	def("string", "<x-b?:s>", "arg,prettify", func(ev *evaluator, a []val, c *callCtx) val {
		x := argAt(a, 0)
		if x == nil {
			return nil
		}
		pretty, _ := argAt(a, 1).(bool)
		return ev.stringOf(x, pretty, c.pos)
	})
	def("substring", "<s-nn?:s>", "str,start,length", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		start, _ := num(a, 1)
		runes := []rune(s)
		n := float64(len(runes))
		if n+start < 0 {
			start = 0
		}
		if l, ok := num(a, 2); ok {
			if l <= 0 {
				return ""
			}
			end := start + l
			if start < 0 {
				end = n + start + l
			}
			return string(jsSlice(runes, start, end))
		}
		return string(jsSlice(runes, start, n))
	})
	def("substringBefore", "<s-s:s>", "str,chars", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		chars := jsString(argAt(a, 1))
		if i := strings.Index(s, chars); i >= 0 {
			return s[:i]
		}
		return s
	})
	def("substringAfter", "<s-s:s>", "str,chars", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		chars := jsString(argAt(a, 1))
		if i := strings.Index(s, chars); i >= 0 {
			return s[i+len(chars):]
		}
		return s
	})
	defStr("lowercase", "<s-:s>", func(s string) val { return jsLower(s) })
	defStr("uppercase", "<s-:s>", func(s string) val { return jsUpper(s) })
	defStr("length", "<s-:n>", func(s string) val { return float64(utf8.RuneCountInString(s)) })
	def("trim", "<s-:s>", "str", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		var b strings.Builder
		space := false
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case ' ', '\t', '\n', '\r':
				space = true
			default:
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteByte(s[i])
			}
		}
		if space {
			b.WriteByte(' ')
		}
		r := b.String()
		r = strings.TrimPrefix(r, " ")
		r = strings.TrimSuffix(r, " ")
		return r
	})
	def("pad", "<s-ns?:s>", "str,width,char", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		width, _ := num(a, 1)
		ch, ok := str(a, 2)
		if !ok || ch == "" {
			ch = " "
		}
		padLen := int(math.Abs(math.Trunc(width))) - utf8.RuneCountInString(s)
		if padLen <= 0 {
			return s
		}
		checkStringLen(padLen, c.pos)
		unit := utf8.RuneCountInString(ch)
		b := strings.Repeat(ch, padLen/unit+1)
		padding := string([]rune(b)[:padLen])
		if width > 0 {
			return s + padding
		}
		return padding + s
	})
	def("match", "<s-f<s:o>n?:a<o>>", "str,regex,limit", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		limit := limitArg(a, 2, c, "D3040", "Third", "match")
		out := &seq{sequence: true}
		if limit == 0 {
			return out
		}
		ev.matches(argAt(a, 1), s, limit, c.pos, func(m matchResult) bool {
			o := newObj(3)
			o.set("match", m.match)
			o.set("index", float64(m.start))
			o.set("groups", &seq{items: append([]val(nil), m.groups...)})
			out.items = append(out.items, o)
			return true
		})
		return out
	})
	def("contains", "<s-(sf):b>", "str,token", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		if t, ok := str(a, 1); ok {
			return strings.Contains(s, t)
		}
		found := false
		ev.matches(argAt(a, 1), s, 1, c.pos, func(m matchResult) bool {
			found = true
			return false
		})
		return found
	})
	def("replace", "<s-(sf)(sf)n?:s>", "str,pattern,replacement,limit", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		pattern := argAt(a, 1)
		if p, ok := pattern.(string); ok && p == "" {
			throw("D3010", c.pos, "Second argument of replace function cannot be an empty string")
		}
		limit := limitArg(a, 3, c, "D3011", "Fourth", "replace")
		if limit == 0 {
			return s
		}
		repl := argAt(a, 2)
		if p, ok := pattern.(string); ok {
			rs, ok := repl.(string)
			if !ok && repl == nil {
				rs = "undefined" // jsonata-js concatenates the replacement as is
			}
			if limit < 0 {
				return strings.ReplaceAll(s, p, rs)
			}
			return strings.Replace(s, p, rs, limit)
		}
		var b strings.Builder
		u := utf16.Encode([]rune(s))
		pos := 0
		found := false
		ev.matches(pattern, s, limit, c.pos, func(m matchResult) bool {
			found = true
			if m.start > pos && m.start <= len(u) {
				b.WriteString(string(utf16.Decode(u[pos:m.start])))
			}
			if rs, ok := repl.(string); ok {
				b.WriteString(substitute(rs, m))
			} else if repl == nil {
				throw("TypeError", c.pos, "Cannot read properties of undefined (reading 'apply')")
			} else {
				r := ev.apply(repl, []val{m.object()}, nil, c.env, "", c.pos)
				rstr, ok := r.(string)
				if !ok {
					throw("D3012", c.pos, "Attempted to replace a matched string with a non-string value")
				}
				b.WriteString(rstr)
			}
			pos = m.start + utf16Len(m.match)
			return true
		})
		if !found {
			return s
		}
		if pos < len(u) {
			b.WriteString(string(utf16.Decode(u[pos:])))
		}
		return b.String()
	})
	def("split", "<s-(sf)n?:a<s>>", "str,separator,limit", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		limit := limitArg(a, 2, c, "D3020", "Third", "split")
		out := &seq{}
		if limit == 0 {
			return out
		}
		if sep, ok := str(a, 1); ok {
			if l, ok := num(a, 2); ok {
				limit = int(math.Floor(l)) // String.prototype.split truncates
			}
			var parts []string
			if sep == "" {
				for _, u := range utf16.Encode([]rune(s)) {
					parts = append(parts, string(utf16.Decode([]uint16{u})))
				}
			} else {
				parts = strings.Split(s, sep)
			}
			for i, p := range parts {
				if limit >= 0 && i >= limit {
					break
				}
				out.items = append(out.items, p)
			}
			return out
		}
		u := utf16.Encode([]rune(s))
		start := 0
		count := 0
		found := false
		ev.matches(argAt(a, 1), s, limit, c.pos, func(m matchResult) bool {
			found = true
			out.items = append(out.items, utf16Sub(u, start, m.start))
			start = m.end
			count++
			return true
		})
		if !found {
			out.items = append(out.items, s)
			return out
		}
		if limit < 0 || count < limit {
			out.items = append(out.items, utf16Sub(u, start, len(u)))
		}
		return out
	})
	def("join", "<a<s>s?:s>", "strs,separator", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		sep, _ := str(a, 1)
		n := arrLen(arr)
		parts := make([]string, n)
		for i := 0; i < n; i++ {
			parts[i], _ = arrAt(arr, i).(string)
		}
		return strings.Join(parts, sep)
	})

	// numbers
	def("number", "<(nsb)-:n>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		switch x := argAt(a, 0).(type) {
		case nil:
			return nil
		case float64:
			return x
		case bool:
			if x {
				return 1.0
			}
			return 0.0
		case string:
			if f, ok := parseJSNumber(x); ok {
				return f
			}
		}
		throw("D3030", c.pos, "Unable to cast value to a number: %s", describeValue(argAt(a, 0)))
		return nil
	})
	def("floor", "<n-:n>", "arg", mathFn(math.Floor))
	def("ceil", "<n-:n>", "arg", mathFn(math.Ceil))
	def("abs", "<n-:n>", "arg", mathFn(math.Abs))
	def("sqrt", "<n-:n>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		if f < 0 {
			throw("D3060", c.pos, "The sqrt function cannot be applied to a negative number: %s", formatJSNumber(f))
		}
		return math.Sqrt(f)
	})
	def("power", "<n-n:n>", "arg,exp", func(ev *evaluator, a []val, c *callCtx) val {
		b, ok := num(a, 0)
		if !ok {
			return nil
		}
		e, ok := num(a, 1)
		if !ok {
			e = math.NaN() // Math.pow(b, undefined)
		}
		r := jsPow(b, e)
		if math.IsNaN(r) || math.IsInf(r, 0) {
			throw("D3061", c.pos, "The power function has resulted in a value that cannot be represented as a JSON number: base=%s, exponent=%s", formatJSNumber(b), formatJSNumber(e))
		}
		return r
	})
	def("round", "<n-n?:n>", "arg,precision", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		p, _ := num(a, 1)
		return roundHalfEven(f, p)
	})
	def("formatBase", "<n-n?:s>", "value,radix", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		f = roundHalfEven(f, 0)
		radix := 10.0
		if r, ok := num(a, 1); ok {
			radix = roundHalfEven(r, 0)
		}
		if radix < 2 || radix > 36 {
			throw("D3100", c.pos, "The radix of the formatBase function must be between 2 and 36.  It was given %s", formatJSNumber(radix))
		}
		if math.Abs(f) < 1<<62 {
			return strconv.FormatInt(int64(f), int(radix))
		}
		return formatJSNumber(f)
	})
	def("random", "<n?:n>", "seed", func(ev *evaluator, a []val, c *callCtx) val {
		if seed, ok := num(a, 0); ok {
			return seededRandom(seed)
		}
		return ev.random().Float64()
	})

	// booleans
	def("boolean", "<x-:b>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		b, defined := boolean(argAt(a, 0))
		if !defined {
			return nil
		}
		return b
	})
	def("not", "<x-:b>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		b, defined := boolean(argAt(a, 0))
		if !defined {
			return nil
		}
		return !b
	})
	def("exists", "<x:b>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		return argAt(a, 0) != nil
	})

	// objects and arrays
	def("keys", "<x-:a<s>>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		out := &seq{sequence: true}
		for _, k := range keysOf(argAt(a, 0)) {
			out.items = append(out.items, k)
		}
		return out
	})
	def("lookup", "<x-s:x>", "input,key", func(ev *evaluator, a []val, c *callCtx) val {
		k, _ := str(a, 1)
		return lookupField(argAt(a, 0), k)
	})
	def("append", "<xx:a>", "arg1,arg2", func(ev *evaluator, a []val, c *callCtx) val {
		return appendVals(argAt(a, 0), argAt(a, 1))
	})
	def("spread", "<x-:a<o>>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		return spread(argAt(a, 0))
	})
	def("merge", "<a<o>:o>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		out := newObj(4)
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			o := arrAt(arr, i)
			m := objLen(o)
			for j := 0; j < m; j++ {
				k, v := objAt(o, j)
				out.set(k, v)
			}
		}
		return out
	})
	def("reverse", "<a:a>", "arr", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		if arrLen(arr) <= 1 {
			return arr
		}
		items := arrItems(arr)
		out := make([]val, len(items))
		for i, x := range items {
			out[len(items)-1-i] = x
		}
		return &seq{items: out}
	})
	def("each", "<o-f:a>", "obj,func", func(ev *evaluator, a []val, c *callCtx) val {
		o, f := argAt(a, 0), argAt(a, 1)
		out := &seq{sequence: true}
		n := objLen(o)
		for i := 0; i < n; i++ {
			k, v := objAt(o, i)
			r := ev.apply(f, hofArgs(f, v, k, o), nil, c.env, "", c.pos)
			if r != nil {
				out.items = append(out.items, r)
			}
		}
		return out
	})
	def("error", "<s?:x>", "message", func(ev *evaluator, a []val, c *callCtx) val {
		msg, ok := str(a, 0)
		if !ok {
			msg = "$error() function evaluated"
		}
		throw("D3137", c.pos, "%s", msg)
		return nil
	})
	def("assert", "<bs?:x>", "condition,message", func(ev *evaluator, a []val, c *callCtx) val {
		if b, _ := argAt(a, 0).(bool); !b {
			msg, ok := str(a, 1)
			if !ok {
				msg = "$assert() statement failed"
			}
			throw("D3141", c.pos, "%s", msg)
		}
		return nil
	})
	def("type", "<x:s>", "value", func(ev *evaluator, a []val, c *callCtx) val {
		switch x := argAt(a, 0).(type) {
		case nil:
			return nil
		case nullType:
			return "null"
		case float64:
			if math.IsNaN(x) {
				return "object"
			}
			if math.IsInf(x, 0) {
				checkFinite(x, c.pos)
			}
			return "number"
		case string:
			return "string"
		case bool:
			return "boolean"
		case *fn:
			return "function"
		}
		if isArray(argAt(a, 0)) {
			return "array"
		}
		return "object"
	})
	def("sort", "<af?:a>", "arr,comparator", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		if arrLen(arr) <= 1 {
			return arr
		}
		items := arrItems(arr)
		cmp := argAt(a, 1)
		var swap func(x, y val) bool
		if cmp == nil {
			if !isArrayOfNumbers(arr) && !isArrayOfStrings(arr) {
				throw("D3070", c.pos, "The single argument form of the sort function can only be applied to an array of strings or an array of numbers.  Use the second argument to specify a comparison function")
			}
			swap = func(x, y val) bool {
				if xs, ok := x.(string); ok {
					ys, _ := y.(string)
					return jsLess(ys, xs)
				}
				return x.(float64) > y.(float64)
			}
		} else {
			swap = func(x, y val) bool {
				return jsTruthy(ev.apply(cmp, []val{x, y}, nil, c.env, "", c.pos))
			}
		}
		return &seq{items: mergeSort(items, swap)}
	})
	def("shuffle", "<a:a>", "arr", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		if arrLen(arr) <= 1 {
			return arr
		}
		items := append([]val(nil), arrItems(arr)...)
		r := ev.random()
		for i := len(items) - 1; i > 0; i-- {
			j := int(math.Floor(r.Float64() * float64(i+1)))
			items[i], items[j] = items[j], items[i]
		}
		return &seq{items: items}
	})
	def("distinct", "<x:x>", "arr", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		if arr == nil {
			return nil
		}
		if !isArray(arr) || arrLen(arr) <= 1 {
			return arr
		}
		out := &seq{sequence: isSequence(arr)}
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			v := arrAt(arr, i)
			dup := false
			for _, r := range out.items {
				if deepEqual(v, r) {
					dup = true
					break
				}
			}
			if !dup {
				out.items = append(out.items, v)
			}
		}
		return out
	})
	def("zip", "<a+>", "", func(ev *evaluator, a []val, c *callCtx) val {
		out := &seq{}
		length := -1
		for _, x := range a {
			l := 0
			if isArray(x) {
				l = arrLen(x)
			}
			if length < 0 || l < length {
				length = l
			}
		}
		for i := 0; i < length; i++ {
			t := &seq{}
			for _, x := range a {
				t.items = append(t.items, arrAt(x, i))
			}
			out.items = append(out.items, t)
		}
		return out
	})
	def("clone", "<(oa)-:o>", "arg", func(ev *evaluator, a []val, c *callCtx) val {
		x := argAt(a, 0)
		if x == nil {
			return nil
		}
		return ev.clone(x, c.pos)
	})

	// higher-order functions
	def("map", "<af>", "arr,func", func(ev *evaluator, a []val, c *callCtx) val {
		arr, f := argAt(a, 0), argAt(a, 1)
		if arr == nil {
			return nil
		}
		out := &seq{sequence: true}
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			r := ev.apply(f, hofArgs(f, arrAt(arr, i), float64(i), arr), nil, c.env, "", c.pos)
			if r != nil {
				out.items = append(out.items, r)
			}
		}
		return out
	})
	def("filter", "<af>", "arr,func", func(ev *evaluator, a []val, c *callCtx) val {
		arr, f := argAt(a, 0), argAt(a, 1)
		if arr == nil {
			return nil
		}
		out := &seq{sequence: true}
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			v := arrAt(arr, i)
			r := ev.apply(f, hofArgs(f, v, float64(i), arr), nil, c.env, "", c.pos)
			if b, _ := boolean(r); b {
				out.items = append(out.items, v)
			}
		}
		return out
	})
	def("single", "<af?>", "arr,func", func(ev *evaluator, a []val, c *callCtx) val {
		arr, f := argAt(a, 0), argAt(a, 1)
		if arr == nil {
			return nil
		}
		var result val
		found := false
		n := arrLen(arr)
		for i := 0; i < n; i++ {
			v := arrAt(arr, i)
			ok := true
			if f != nil {
				ok, _ = boolean(ev.apply(f, hofArgs(f, v, float64(i), arr), nil, c.env, "", c.pos))
			}
			if ok {
				if found {
					throw("D3138", c.pos, "The $single() function expected exactly 1 matching result.  Instead it matched more.")
				}
				result, found = v, true
			}
		}
		if !found {
			throw("D3139", c.pos, "The $single() function expected exactly 1 matching result.  Instead it matched 0.")
		}
		return result
	})
	def("reduce", "<afj?:j>", "sequence,func,init", func(ev *evaluator, a []val, c *callCtx) val {
		arr, f, init := argAt(a, 0), argAt(a, 1), argAt(a, 2)
		if arr == nil {
			return nil
		}
		ar := arity(f)
		if ar < 2 {
			throw("D3050", c.pos, "The second argument of reduce function must be a function with at least two arguments")
		}
		n := arrLen(arr)
		var result val
		i := 0
		if init == nil && n > 0 {
			result = arrAt(arr, 0)
			i = 1
		} else {
			result = init
		}
		for ; i < n; i++ {
			args := []val{result, arrAt(arr, i)}
			if ar >= 3 {
				args = append(args, float64(i))
			}
			if ar >= 4 {
				args = append(args, arr)
			}
			result = ev.apply(f, args, nil, c.env, "", c.pos)
		}
		return result
	})
	def("sift", "<o-f?:o>", "arg,func", func(ev *evaluator, a []val, c *callCtx) val {
		o, f := argAt(a, 0), argAt(a, 1)
		out := newObj(4)
		n := objLen(o)
		for i := 0; i < n; i++ {
			k, v := objAt(o, i)
			if b, _ := boolean(ev.apply(f, hofArgs(f, v, k, o), nil, c.env, "", c.pos)); b {
				out.set(k, v)
			}
		}
		if len(out.keys) == 0 {
			return nil
		}
		return out
	})

	// encoding
	defStr("base64encode", "<s-:s>", func(s string) val { return base64Latin1(s) })
	defStr("base64decode", "<s-:s>", func(s string) val { return unbase64Latin1(s) })
	defStr("encodeUrlComponent", "<s-:s>", func(s string) val { return encodeURI(s, uriUnreservedComponent) })
	defStr("encodeUrl", "<s-:s>", func(s string) val { return encodeURI(s, uriUnreservedURL) })
	defDecode("decodeUrlComponent", "")
	defDecode("decodeUrl", ";/?:@&=+$,#")
}

// defDecode defines $name, which decodes the percent escapes of a string
// except those of the reserved characters, and throws D3140 on a
// malformed escape.
func defDecode(name, reserved string) {
	def(name, "<s-:s>", "str", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		r, ok := decodeURI(s, reserved)
		if !ok {
			throw("D3140", c.pos, "Malformed URL passed to $%s(): %s", name, jsonQuote(s))
		}
		return r
	})
}

// upperSpecial holds the unconditional full case mappings of Unicode's
// SpecialCasing that String.prototype.toUpperCase applies and Go's
// simple mapping does not (the common ones: sharp s, ligatures, and
// letters without a precomposed capital).
var upperSpecial = map[rune]string{
	'ß': "SS", 'ŉ': "ʼN", 'ǰ': "J̌", 'ΐ': "Ϊ́", 'ΰ': "Ϋ́", 'և': "ԵՒ",
	'ẖ': "H̱", 'ẗ': "T̈", 'ẘ': "W̊", 'ẙ': "Y̊", 'ẚ': "Aʾ",
	'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL", 'ﬅ': "ST", 'ﬆ': "ST",
	'ﬓ': "ՄՆ", 'ﬔ': "ՄԵ", 'ﬕ': "ՄԻ", 'ﬖ': "ՎՆ", 'ﬗ': "ՄԽ",
}

// jsUpper is String.prototype.toUpperCase.
func jsUpper(s string) string {
	var b strings.Builder
	for _, r := range s {
		if sp, ok := upperSpecial[r]; ok {
			b.WriteString(sp)
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// jsLower is String.prototype.toLowerCase: Go's mapping plus İ, which
// becomes i with a combining dot, and the final sigma.
func jsLower(s string) string {
	runes := []rune(s)
	var b strings.Builder
	for i, r := range runes {
		switch {
		case r == 'İ':
			b.WriteString("i\u0307")
		case r == 'Σ' && i > 0 && unicode.IsLetter(runes[i-1]) && (i+1 >= len(runes) || !unicode.IsLetter(runes[i+1])):
			b.WriteRune('ς')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// maxStringLen is V8's longest string (2^29 - 24 UTF-16 units); longer
// ones fail with a RangeError in jsonata-js, and would exhaust memory here.
const maxStringLen = 1<<29 - 24

func checkStringLen(n int, pos int) {
	if n > maxStringLen {
		throw("RangeError", pos, "Invalid string length")
	}
}

// jsString is JavaScript's String(v) for the arguments jsonata-js hands to
// string methods unchecked (undefined becomes "undefined").
func jsString(v val) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case nullType:
		return "null"
	case string:
		return x
	case float64, bool:
		return jsPrimitiveString(x)
	}
	return "[object Object]"
}

func mathFn(f func(float64) float64) func(ev *evaluator, a []val, c *callCtx) val {
	return func(ev *evaluator, a []val, c *callCtx) val {
		x, ok := num(a, 0)
		if !ok {
			return nil
		}
		return f(x)
	}
}

// hofArgs are the arguments a higher-order function passes to f: the
// value, then the index and the whole array if f takes them.
func hofArgs(f val, v, i, all val) []val {
	n := arity(f)
	args := []val{v}
	if n >= 2 {
		args = append(args, i)
	}
	if n >= 3 {
		args = append(args, all)
	}
	return args
}

// jsTruthy is JavaScript's truthiness (for $sort comparators).
func jsTruthy(v val) bool {
	switch x := v.(type) {
	case nil, nullType:
		return false
	case bool:
		return x
	case float64:
		return x != 0 && !math.IsNaN(x)
	case string:
		return x != ""
	}
	return true
}

// jsSlice is Array.prototype.slice over runes with fractional bounds.
func jsSlice(r []rune, start, end float64) []rune {
	n := float64(len(r))
	norm := func(x float64) int {
		x = math.Trunc(x)
		if math.IsNaN(x) {
			x = 0
		}
		if x < 0 {
			x += n
			if x < 0 {
				x = 0
			}
		}
		if x > n {
			x = n
		}
		return int(x)
	}
	s, e := norm(start), norm(end)
	if s >= e {
		return nil
	}
	return r[s:e]
}

func utf16Sub(u []uint16, from, to int) string {
	if from < 0 {
		from = 0
	}
	if to > len(u) {
		to = len(u)
	}
	if from >= to {
		return ""
	}
	return string(utf16.Decode(u[from:to]))
}

// substitute expands $0, $1... and $$ in a replacement string.
func substitute(repl string, m matchResult) string {
	var b strings.Builder
	pos := 0
	ng := len(m.groups)
	for pos < len(repl) {
		i := strings.IndexByte(repl[pos:], '$')
		if i < 0 {
			break
		}
		b.WriteString(repl[pos : pos+i])
		pos += i + 1
		if pos >= len(repl) {
			b.WriteByte('$')
			break
		}
		switch c := repl[pos]; {
		case c == '$':
			b.WriteByte('$')
			pos++
		case c == '0':
			b.WriteString(m.match)
			pos++
		default:
			maxDigits := 1
			if ng > 0 {
				maxDigits = int(math.Floor(math.Log10(float64(ng)))) + 1
			}
			idx, digits := leadingInt(repl[pos:], maxDigits)
			if maxDigits > 1 && idx > ng {
				idx, digits = leadingInt(repl[pos:], maxDigits-1)
			}
			if digits == 0 {
				b.WriteByte('$')
				continue
			}
			if ng > 0 && idx >= 1 && idx <= ng {
				if g, ok := m.groups[idx-1].(string); ok {
					b.WriteString(g)
				}
			}
			pos += len(strconv.Itoa(idx))
		}
	}
	if pos < len(repl) {
		b.WriteString(repl[pos:])
	}
	return b.String()
}

// leadingInt is parseInt of the first max characters of s.
func leadingInt(s string, max int) (int, int) {
	if len(s) > max {
		s = s[:max]
	}
	n, d := 0, 0
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		n = n*10 + int(s[d]-'0')
		d++
	}
	return n, d
}

func keysOf(v val) []string {
	if isArray(v) {
		merge := newObj(4)
		n := arrLen(v)
		for i := 0; i < n; i++ {
			for _, k := range keysOf(arrAt(v, i)) {
				merge.set(k, true)
			}
		}
		return merge.keys
	}
	if isObject(v) {
		return append([]string(nil), objKeys(v)...)
	}
	return nil
}

func spread(v val) val {
	if isArray(v) {
		// $append of each item's spread onto an empty array: a plain array
		out := &seq{}
		n := arrLen(v)
		for i := 0; i < n; i++ {
			if x := spread(arrAt(v, i)); x != nil {
				out.items = appendSpread(out.items, x)
			}
		}
		if n == 0 {
			out.sequence = true
		}
		return out
	}
	if isObject(v) {
		out := &seq{sequence: true}
		n := objLen(v)
		for i := 0; i < n; i++ {
			k, x := objAt(v, i)
			o := newObj(1)
			o.set(k, x)
			out.items = append(out.items, o)
		}
		return out
	}
	return v
}

// roundHalfEven is $round: to the nearest, ties to even, at precision
// decimal places (negative for tens, hundreds...).
func roundHalfEven(f, precision float64) float64 {
	p := int(precision)
	x := f
	if p != 0 {
		x = shiftDecimal(f, p)
	}
	r := math.Floor(x + 0.5)
	if math.Abs(r-x) == 0.5 && math.Mod(math.Abs(r), 2) == 1 {
		r--
	}
	if p != 0 {
		r = shiftDecimal(r, -p)
	}
	if r == 0 {
		r = 0
	}
	return r
}

// shiftDecimal multiplies by 10^p through the decimal text, as JSONata
// does to avoid binary rounding.
func shiftDecimal(f float64, p int) float64 {
	s := formatJSNumber(f)
	mant, exp := s, 0
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant = s[:i]
		exp, _ = strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	}
	r, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(exp+p), 64)
	if err != nil && !math.IsInf(r, 0) {
		return math.NaN()
	}
	return r
}

// parseJSNumber is $number's reading of a string.
func parseJSNumber(s string) (float64, bool) {
	if isDecimalText(s) {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	if len(s) > 2 && s[0] == '0' {
		base := 0
		switch s[1] {
		case 'x', 'X':
			base = 16
		case 'o', 'O':
			base = 8
		case 'b', 'B':
			base = 2
		}
		if base != 0 {
			n, err := strconv.ParseUint(s[2:], base, 64)
			if err == nil {
				return float64(n), true
			}
		}
	}
	return 0, false
}

func isDecimalText(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	d := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == d {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		d = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d {
			return false
		}
	}
	return i == len(s)
}
