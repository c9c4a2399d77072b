package eval

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/goasl/goasl/asl/intrinsic"
	"github.com/goasl/goasl/asl/jsonata/picture"
	"github.com/goasl/goasl/asl/value"
)

// stringOf is $string: JSON.stringify with numbers to 15 significant
// digits and functions as "".
func (ev *evaluator) stringOf(v val, pretty bool, pos int) string {
	switch x := v.(type) {
	case string:
		return x
	case *fn:
		return ""
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			throw("D3001", pos, "Attempting to invoke string function on Infinity or NaN")
		}
	}
	if s, ok := v.(*seq); ok && s.outerWrapper && len(s.items) > 0 {
		v = s.items[0]
	}
	var b []byte
	b = appendJS(b, v, pretty, "", pos, 0)
	return string(b)
}

func prec15(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64)
	return r
}

func appendJS(b []byte, v val, pretty bool, indent string, pos, depth int) []byte {
	tooDeep(depth)
	switch x := v.(type) {
	case nil, nullType:
		return append(b, "null"...)
	case bool:
		if x {
			return append(b, "true"...)
		}
		return append(b, "false"...)
	case float64:
		if math.IsNaN(x) {
			return append(b, "null"...)
		}
		checkFinite(x, pos)
		x = prec15(x)
		if x == 0 {
			x = 0
		}
		return value.AppendNumber(b, x)
	case string:
		return value.AppendString(b, x)
	case *fn:
		return append(b, `""`...)
	case *tuple:
		return appendJS(b, x.ctx, pretty, indent, pos, depth+1)
	}
	inner := indent + "  "
	if isArray(v) {
		n := arrLen(v)
		if n == 0 {
			return append(b, "[]"...)
		}
		b = append(b, '[')
		for i := 0; i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			if pretty {
				b = append(b, '\n')
				b = append(b, inner...)
			}
			b = appendJS(b, arrAt(v, i), pretty, inner, pos, depth+1)
		}
		if pretty {
			b = append(b, '\n')
			b = append(b, indent...)
		}
		return append(b, ']')
	}
	n := objLen(v)
	first := true
	b = append(b, '{')
	for i := 0; i < n; i++ {
		k, e := objAt(v, i)
		if e == nil {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		if pretty {
			b = append(b, '\n')
			b = append(b, inner...)
		}
		b = value.AppendString(b, k)
		b = append(b, ':')
		if pretty {
			b = append(b, ' ')
		}
		b = appendJS(b, e, pretty, inner, pos, depth+1)
	}
	if pretty && !first {
		b = append(b, '\n')
		b = append(b, indent...)
	}
	return append(b, '}')
}

// clone is $clone: a deep copy made of evaluation values, as
// JSON.parse(JSON.stringify(x)) makes it, which transforms then change.
func (ev *evaluator) clone(v val, pos int) val { return ev.cloneD(v, pos, 0) }

func (ev *evaluator) cloneD(v val, pos, depth int) val {
	tooDeep(depth)
	switch x := v.(type) {
	case float64:
		if math.IsNaN(x) {
			return jnull
		}
		checkFinite(x, pos)
		return prec15(x)
	case *fn:
		return ""
	case nil, nullType, bool, string:
		return v
	case *tuple:
		return ev.cloneD(x.ctx, pos, depth+1)
	}
	if isArray(v) {
		n := arrLen(v)
		out := &seq{items: make([]val, n)}
		for i := 0; i < n; i++ {
			e := arrAt(v, i)
			if e == nil {
				out.items[i] = jnull
			} else {
				out.items[i] = ev.cloneD(e, pos, depth+1)
			}
		}
		return out
	}
	n := objLen(v)
	o := newObj(n)
	for i := 0; i < n; i++ {
		k, e := objAt(v, i)
		if e == nil {
			continue
		}
		o.set(k, ev.cloneD(e, pos, depth+1))
	}
	return o
}

func (ev *evaluator) transform(p *fn, x val) val {
	if x == nil {
		return nil
	}
	n := p.node
	env := p.env
	cl, _ := env.lookup("clone")
	if !isFunction(cl) {
		throw("T2013", n.pos, "The transform expression clones the input object using the $clone() function.  This has been overridden in the current scope by a non-function.")
	}
	result := ev.apply(cl, []val{x}, nil, env, "clone", n.pos)
	matches := ev.eval(n.pattern, result, env)
	if matches == nil {
		return result
	}
	var ms []val
	if isArray(matches) {
		ms = arrItems(matches)
	} else {
		ms = []val{matches}
	}
	for _, m := range ms {
		upd := ev.eval(n.upd, m, env)
		if upd != nil {
			if !isObject(upd) {
				throw("T2011", n.upd.pos, "The insert/update clause of the transform expression must evaluate to an object: %s", describeValue(upd))
			}
			cnt := objLen(upd)
			switch mo := m.(type) {
			case *obj:
				for i := 0; i < cnt; i++ {
					k, e := objAt(upd, i)
					mo.set(k, e)
				}
			case *seq:
				// properties set on an array are not part of its JSON
			default:
				if cnt > 0 {
					k, _ := objAt(upd, 0)
					if _, isNull := m.(nullType); isNull {
						throw("TypeError", n.pos, "Cannot set properties of null (setting '%s')", k)
					}
					throw("TypeError", n.pos, "Cannot create property '%s' on %s '%s'", k, jsTypeName(m), jsPrimitiveString(m))
				}
			}
		}
		if n.del != nil {
			dels := ev.eval(n.del, m, env)
			if dels != nil {
				d := dels
				if !isArray(d) {
					d = newSeq(d)
				}
				if !isArrayOfStrings(d) {
					throw("T2012", n.del.pos, "The delete clause of the transform expression must evaluate to a string or array of strings: %s", describeValue(dels))
				}
				if mo, ok := m.(*obj); ok {
					cnt := arrLen(d)
					for i := 0; i < cnt; i++ {
						mo.del(arrAt(d, i).(string))
					}
				}
			}
		}
	}
	return result
}

func jsTypeName(v val) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	}
	return "object"
}

// jsPrimitiveString is String(v) for a primitive.
func jsPrimitiveString(v val) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return formatJSNumber(x)
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// base64Latin1 is Node's Buffer.from(s, 'binary').toString('base64'):
// each UTF-16 unit keeps its low byte.
func base64Latin1(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, len(u))
	for i, c := range u {
		b[i] = byte(c)
	}
	return base64.StdEncoding.EncodeToString(b)
}

func unbase64Latin1(s string) string {
	clean := strings.Map(func(r rune) rune {
		if r == '-' {
			return '+'
		}
		if r == '_' {
			return '/'
		}
		if (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '+' || r == '/' {
			return r
		}
		return -1
	}, s)
	b, err := base64.RawStdEncoding.DecodeString(clean[:len(clean)-len(clean)%4+min(len(clean)%4, 4)])
	if err != nil {
		// decode what can be decoded, as Node does
		for len(clean) > 0 {
			clean = clean[:len(clean)-1]
			if b, err = base64.RawStdEncoding.DecodeString(clean); err == nil {
				break
			}
		}
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

const (
	uriUnreservedComponent = "-_.!~*'()"
	uriUnreservedURL       = "-_.!~*'();/?:@&=+$,#"
)

func encodeURI(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func decodeURI(s, reserved string) (string, bool) {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '%' {
			out = append(out, c)
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return "", false
		}
		v, _ := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if v < 0x80 {
			if strings.IndexByte(reserved, byte(v)) >= 0 {
				out = append(out, s[i:i+3]...)
			} else {
				out = append(out, byte(v))
			}
			i += 2
			continue
		}
		// a multi-byte UTF-8 sequence: every byte must be escaped
		var seqb []byte
		j := i
		need := 0
		switch {
		case v&0xE0 == 0xC0:
			need = 2
		case v&0xF0 == 0xE0:
			need = 3
		case v&0xF8 == 0xF0:
			need = 4
		default:
			return "", false
		}
		for k := 0; k < need; k++ {
			if j+2 >= len(s) || s[j] != '%' || !isHex(s[j+1]) || !isHex(s[j+2]) {
				return "", false
			}
			bv, _ := strconv.ParseUint(s[j+1:j+3], 16, 8)
			seqb = append(seqb, byte(bv))
			j += 3
		}
		r, size := utf8.DecodeRune(seqb)
		if r == utf8.RuneError || size != need {
			return "", false
		}
		out = append(out, seqb...)
		i = j - 1
	}
	return string(out), true
}

// seededRandom is Step Functions' $random(seed): the same seed gives the
// same number in [0, 1).
func seededRandom(seed float64) float64 {
	r := rand.New(rand.NewPCG(math.Float64bits(seed), 0x5eed))
	return r.Float64()
}

// pictureError turns a picture package error into a JSONata error.
func pictureError(err error, pos int) {
	var pe *picture.Error
	if errors.As(err, &pe) {
		throw(pe.Code, pos, "%s", pe.Message)
	}
	throw(InternalError, pos, "%s", err.Error())
}

var decimalKeys = map[string]func(d *picture.Decimal, s string){
	"decimal-separator":  func(d *picture.Decimal, s string) { d.DecimalSeparator = s },
	"grouping-separator": func(d *picture.Decimal, s string) { d.GroupingSeparator = s },
	"exponent-separator": func(d *picture.Decimal, s string) { d.ExponentSeparator = s },
	"minus-sign":         func(d *picture.Decimal, s string) { d.MinusSign = s },
	"infinity":           func(d *picture.Decimal, s string) { d.Infinity = s },
	"NaN":                func(d *picture.Decimal, s string) { d.NaN = s },
	"percent":            func(d *picture.Decimal, s string) { d.Percent = s },
	"per-mille":          func(d *picture.Decimal, s string) { d.PerMille = s },
	"zero-digit":         func(d *picture.Decimal, s string) { d.ZeroDigit = s },
	"digit":              func(d *picture.Decimal, s string) { d.Digit = s },
	"pattern-separator":  func(d *picture.Decimal, s string) { d.PatternSeparator = s },
}

func (ev *evaluator) millis() float64 {
	return float64(ev.clock().UnixMilli())
}

func init() {
	def("formatNumber", "<n-so?:s>", "value,picture,options", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		pic, _ := str(a, 1)
		var d picture.Decimal
		if o := argAt(a, 2); o != nil {
			n := objLen(o)
			for i := 0; i < n; i++ {
				k, v := objAt(o, i)
				if set, ok := decimalKeys[k]; ok {
					s, _ := v.(string)
					set(&d, s)
				}
			}
		}
		s, err := picture.FormatNumber(f, pic, d)
		if err != nil {
			pictureError(err, c.pos)
		}
		return s
	})
	def("formatInteger", "<n-s:s>", "value,picture", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		pic, _ := str(a, 1)
		s, err := picture.FormatInteger(f, pic)
		if err != nil {
			pictureError(err, c.pos)
		}
		return s
	})
	def("parseInteger", "<s-s:n>", "value,picture", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		pic, _ := str(a, 1)
		f, ok, err := picture.ParseInteger(s, pic)
		if err != nil {
			pictureError(err, c.pos)
		}
		if !ok {
			return nil
		}
		return f
	})
	def("fromMillis", "<n-s?s?:s>", "millis,picture,timezone", func(ev *evaluator, a []val, c *callCtx) val {
		f, ok := num(a, 0)
		if !ok {
			return nil
		}
		pic, _ := str(a, 1)
		tz, _ := str(a, 2)
		s, err := picture.FormatDateTime(f, pic, tz)
		if err != nil {
			pictureError(err, c.pos)
		}
		return s
	})
	def("toMillis", "<s-s?:n>", "timestamp,picture", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		pic, _ := str(a, 1)
		f, ok, err := picture.ParseDateTime(s, pic, ev.millis())
		if err != nil {
			pictureError(err, c.pos)
		}
		if !ok {
			return nil
		}
		return f
	})
	def("now", "<s?s?:s>", "picture,timezone", func(ev *evaluator, a []val, c *callCtx) val {
		pic, _ := str(a, 0)
		tz, _ := str(a, 1)
		s, err := picture.FormatDateTime(ev.millis(), pic, tz)
		if err != nil {
			pictureError(err, c.pos)
		}
		return s
	})
	def("millis", "<:n>", "", func(ev *evaluator, a []val, c *callCtx) val {
		return ev.millis()
	})

	// Step Functions' additions
	def("partition", "<an:a>", "array,size", func(ev *evaluator, a []val, c *callCtx) val {
		arr := argAt(a, 0)
		size, _ := num(a, 1)
		if size < 1 || size != math.Trunc(size) {
			throw("D3200", c.pos, "The second argument of $partition (the chunk size) must be a positive integer; got %s", describeValue(argAt(a, 1)))
		}
		items := arrItems(arr)
		out := &seq{items: []val{}}
		for i := 0; i < len(items); i += int(size) {
			end := min(len(items), i+int(size))
			out.items = append(out.items, &seq{items: append([]val(nil), items[i:end]...)})
		}
		return out
	})
	def("range", "<nnn?:a>", "start,end,step", func(ev *evaluator, a []val, c *callCtx) val {
		start, _ := num(a, 0)
		end, _ := num(a, 1)
		step := 1.0
		if s, ok := num(a, 2); ok {
			step = s
		}
		for _, x := range []float64{start, end, step} {
			if x != math.Trunc(x) {
				throw("D3201", c.pos, "The arguments of $range must be integers; got %s", formatJSNumber(x))
			}
		}
		if step == 0 {
			throw("D3201", c.pos, "The step of $range must not be 0")
		}
		out := &seq{items: []val{}}
		for x := start; (step > 0 && x <= end) || (step < 0 && x >= end); x += step {
			if len(out.items) >= 1000 {
				throw("D3202", c.pos, "$range would return more than 1000 items")
			}
			out.items = append(out.items, x)
		}
		if len(out.items) == 1 {
			// A range of one number is that number, as AWS returns it.
			return out.items[0]
		}
		return out
	})
	def("hash", "<ss:s>", "data,algorithm", func(ev *evaluator, a []val, c *callCtx) val {
		data, _ := str(a, 0)
		alg, _ := str(a, 1)
		digest, ok := intrinsic.Hash(data, alg)
		if !ok {
			throw("D3203", c.pos, "$hash: unsupported algorithm %s: use MD5, SHA-1, SHA-256, SHA-384 or SHA-512", jsonQuote(alg))
		}
		return digest
	})
	def("uuid", "<:s>", "", func(ev *evaluator, a []val, c *callCtx) val {
		r := ev.random()
		var b [16]byte
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		h := hex.EncodeToString(b[:])
		return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	})
	def("parse", "<s:j>", "str", func(ev *evaluator, a []val, c *callCtx) val {
		s, ok := str(a, 0)
		if !ok {
			return nil
		}
		v, err := value.ParseString(s)
		if err != nil {
			throw("D3204", c.pos, "$parse: the argument is not JSON: %v", err)
		}
		return fromValueCopy(v.JS())
	})
}
