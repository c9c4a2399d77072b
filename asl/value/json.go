package value

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of arrays and objects Parse accepts.
const MaxDepth = 10000

// Parse reads one JSON value (RFC 8259) from data, keeping object member
// order and number text. A key given twice keeps its first position and its
// last value, as JSON.parse does. Only whitespace may follow the value.
func Parse(data []byte) (Value, error) {
	p := parser{data: data}
	p.space()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.space()
	if p.i < len(p.data) {
		return Value{}, p.errorf("unexpected %s after the JSON value", p.describe())
	}
	return v, nil
}

// ParseString is Parse over a string.
func ParseString(s string) (Value, error) { return Parse([]byte(s)) }

// SyntaxError is a Parse error and the byte offset where it was found.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

type parser struct {
	data []byte
	i    int
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.i, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) describe() string {
	if p.i >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.i:])
	return strconv.QuoteRune(r)
}

func (p *parser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) literal(word string, v Value) (Value, error) {
	if len(p.data)-p.i >= len(word) && string(p.data[p.i:p.i+len(word)]) == word {
		p.i += len(word)
		return v, nil
	}
	return Value{}, p.errorf("unexpected %s, expecting a JSON value", p.describe())
}

func (p *parser) value(depth int) (Value, error) {
	if p.i >= len(p.data) {
		return Value{}, p.errorf("unexpected end of input, expecting a JSON value")
	}
	switch c := p.data[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.string()
		return FromString(s), err
	case c == 't':
		return p.literal("true", True)
	case c == 'f':
		return p.literal("false", False)
	case c == 'n':
		return p.literal("null", NullValue)
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return Value{}, p.errorf("unexpected %s, expecting a JSON value", p.describe())
}

func (p *parser) object(depth int) (Value, error) {
	if depth > MaxDepth {
		return Value{}, p.errorf("nested deeper than %d levels", MaxDepth)
	}
	p.i++ // {
	var b ObjectBuilder
	p.space()
	if p.i < len(p.data) && p.data[p.i] == '}' {
		p.i++
		return b.Value(), nil
	}
	for {
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != '"' {
			return Value{}, p.errorf("unexpected %s, expecting a member name in quotes", p.describe())
		}
		key, err := p.string()
		if err != nil {
			return Value{}, err
		}
		p.space()
		if p.i >= len(p.data) || p.data[p.i] != ':' {
			return Value{}, p.errorf("unexpected %s, expecting ':' after a member name", p.describe())
		}
		p.i++
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		b.Set(key, v)
		p.space()
		if p.i < len(p.data) {
			switch p.data[p.i] {
			case ',':
				p.i++
				continue
			case '}':
				p.i++
				return b.Value(), nil
			}
		}
		return Value{}, p.errorf("unexpected %s, expecting ',' or '}' in an object", p.describe())
	}
}

func (p *parser) array(depth int) (Value, error) {
	if depth > MaxDepth {
		return Value{}, p.errorf("nested deeper than %d levels", MaxDepth)
	}
	p.i++ // [
	items := []Value{}
	p.space()
	if p.i < len(p.data) && p.data[p.i] == ']' {
		p.i++
		return FromArray(items), nil
	}
	for {
		p.space()
		v, err := p.value(depth)
		if err != nil {
			return Value{}, err
		}
		items = append(items, v)
		p.space()
		if p.i < len(p.data) {
			switch p.data[p.i] {
			case ',':
				p.i++
				continue
			case ']':
				p.i++
				return FromArray(items), nil
			}
		}
		return Value{}, p.errorf("unexpected %s, expecting ',' or ']' in an array", p.describe())
	}
}

func (p *parser) number() (Value, error) {
	start := p.i
	if p.data[p.i] == '-' {
		p.i++
	}
	digits := func() int {
		n := 0
		for p.i < len(p.data) && p.data[p.i] >= '0' && p.data[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i < len(p.data) && p.data[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return Value{}, p.errorf("unexpected %s in a number", p.describe())
	}
	if p.i < len(p.data) && p.data[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return Value{}, p.errorf("unexpected %s, expecting a digit after '.'", p.describe())
		}
	}
	if p.i < len(p.data) && (p.data[p.i] == 'e' || p.data[p.i] == 'E') {
		p.i++
		if p.i < len(p.data) && (p.data[p.i] == '+' || p.data[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return Value{}, p.errorf("unexpected %s, expecting a digit in an exponent", p.describe())
		}
	}
	text := string(p.data[start:p.i])
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !isRangeErr(err) {
		return Value{}, &SyntaxError{Offset: start, Msg: "invalid number " + text}
	}
	return Value{ref: numberRef, num: f, str: text}, nil
}

func isRangeErr(err error) bool {
	var ne *strconv.NumError
	return errors.As(err, &ne) && ne.Err == strconv.ErrRange
}

// isNumberText reports whether s is a JSON number.
func isNumberText(s string) bool {
	p := parser{data: []byte(s)}
	if len(s) == 0 || !(s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) {
		return false
	}
	_, err := p.number()
	return err == nil && p.i == len(s)
}

func (p *parser) string() (string, error) {
	p.i++ // opening quote
	start := p.i
	// Fast path: no escapes.
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '"' {
			s := p.data[start:p.i]
			p.i++
			if !utf8.Valid(s) {
				return string([]rune(string(s))), nil // invalid bytes become U+FFFD
			}
			return string(s), nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.errorf("control character %#02x in a string (write it as \\u%04x)", c, c)
		}
		p.i++
	}
	buf := append([]byte(nil), p.data[start:p.i]...)
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			if !utf8.Valid(buf) {
				return string([]rune(string(buf))), nil
			}
			return string(buf), nil
		case c < 0x20:
			return "", p.errorf("control character %#02x in a string (write it as \\u%04x)", c, c)
		case c != '\\':
			buf = append(buf, c)
			p.i++
			continue
		}
		p.i++
		if p.i >= len(p.data) {
			break
		}
		e := p.data[p.i]
		p.i++
		switch e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", p.errorf("invalid \\u escape in a string")
			}
			if r >= 0xD800 && r < 0xDC00 && p.i+1 < len(p.data) && p.data[p.i] == '\\' && p.data[p.i+1] == 'u' {
				save := p.i
				p.i += 2
				if r2, ok := p.hex4(); ok && r2 >= 0xDC00 && r2 < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (r2 - 0xDC00)
				} else {
					p.i = save
				}
			}
			buf = utf8.AppendRune(buf, r) // a lone surrogate becomes U+FFFD
		default:
			p.i--
			return "", p.errorf("invalid escape \\%c in a string", e)
		}
	}
	return "", p.errorf("unexpected end of input in a string")
}

func (p *parser) hex4() (rune, bool) {
	if len(p.data)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.i : p.i+4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// AppendJSON appends the compact JSON text of v to dst. An undefined value
// appends nothing; an undefined array item is written as null and an
// undefined member is left out, as JSON.stringify does.
func AppendJSON(dst []byte, v Value) []byte {
	switch v.Kind() {
	case Null:
		return append(dst, "null"...)
	case Bool:
		if v.Bool() {
			return append(dst, "true"...)
		}
		return append(dst, "false"...)
	case Number:
		if v.str != "" {
			return append(dst, v.str...)
		}
		return AppendNumber(dst, v.num)
	case String:
		return AppendString(dst, v.str)
	case Array:
		dst = append(dst, '[')
		for i, it := range v.arr().items {
			if i > 0 {
				dst = append(dst, ',')
			}
			if it.Kind() == Undefined {
				dst = append(dst, "null"...)
				continue
			}
			dst = AppendJSON(dst, it)
		}
		return append(dst, ']')
	case Object:
		dst = append(dst, '{')
		first := true
		for i, k := range v.obj().keys {
			if v.obj().vals[i].Kind() == Undefined {
				continue
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = AppendString(dst, k)
			dst = append(dst, ':')
			dst = AppendJSON(dst, v.obj().vals[i])
		}
		return append(dst, '}')
	}
	return dst
}

// JSON returns the compact JSON text of v ("" for undefined).
func (v Value) JSON() string { return string(AppendJSON(nil, v)) }

// String returns the compact JSON text of v, so a Value prints as JSON.
func (v Value) String() string { return v.JSON() }

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string, escaped as JSON.stringify does:
// quote, backslash and control characters only; no HTML escaping. Bytes that
// are not UTF-8 are written as U+FFFD.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\ufffd"...)
			i++
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Size returns the length in bytes of v's compact JSON text, the measure of
// Step Functions' payload limits. It is computed once per array or object.
func (v Value) Size() int {
	switch v.Kind() {
	case Undefined:
		return 0
	case Null:
		return 4
	case Bool:
		if v.Bool() {
			return 4
		}
		return 5
	case Number:
		if v.str != "" {
			return len(v.str)
		}
		return len(AppendNumber(nil, v.num))
	case String:
		return stringSize(v.str)
	case Array:
		if n := v.arr().size.Load(); n > 0 {
			return int(n - 1)
		}
		n := 2
		for i, it := range v.arr().items {
			if i > 0 {
				n++
			}
			if it.Kind() == Undefined {
				n += 4
			} else {
				n += it.Size()
			}
		}
		v.arr().size.Store(int64(n) + 1)
		return n
	case Object:
		if n := v.obj().size.Load(); n > 0 {
			return int(n - 1)
		}
		n, count := 2, 0
		for i, k := range v.obj().keys {
			if v.obj().vals[i].Kind() == Undefined {
				continue
			}
			if count > 0 {
				n++
			}
			count++
			n += stringSize(k) + 1 + v.obj().vals[i].Size()
		}
		v.obj().size.Store(int64(n) + 1)
		return n
	}
	return 0
}

func stringSize(s string) int {
	n := 2
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t':
				n += 2
			case c < 0x20:
				n += 6
			default:
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n += 3
		} else {
			n += size
		}
		i += size
	}
	return n
}

// MarshalJSON writes v's compact JSON; an undefined Value is written as null
// (encoding/json cannot leave a value out).
func (v Value) MarshalJSON() ([]byte, error) {
	if v.Kind() == Undefined {
		return []byte("null"), nil
	}
	return AppendJSON(nil, v), nil
}

// UnmarshalJSON reads v from JSON text with Parse.
func (v *Value) UnmarshalJSON(data []byte) error {
	x, err := Parse(data)
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// FromGo returns the JSON value encoding/json makes of x.
func FromGo(x any) (Value, error) {
	if v, ok := x.(Value); ok {
		return v, nil
	}
	if x == nil {
		return NullValue, nil
	}
	// Plain Go types are read directly, without writing and parsing JSON
	// text; encodeDirect leaves anything else to encoding/json.
	if rv := reflect.ValueOf(x); encodeType(rv.Type()) {
		if v, ok := encodeDirect(rv, 0); ok {
			return v, nil
		}
	}
	data, err := json.Marshal(x)
	if err != nil {
		return Value{}, err
	}
	return Parse(data)
}

// Decode stores v in the Go value out points to, as encoding/json would
// decode v's JSON text.
func Decode(v Value, out any) error {
	if p, ok := out.(*Value); ok {
		*p = v
		return nil
	}
	if v.Kind() == Undefined {
		return errors.New("value: cannot decode an undefined value")
	}
	// Plain Go types are filled in directly, without writing and reading
	// JSON text; decodeDirect hands anything else back to encoding/json.
	if rv := reflect.ValueOf(out); rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if e := rv.Elem(); e.CanSet() && e.IsZero() && directType(e.Type()) {
			if decodeDirect(v, e, 0) {
				return nil
			}
			e.SetZero()
		}
	}
	return json.Unmarshal(AppendJSON(nil, v), out)
}

// FormatNumber writes f as JavaScript's Number.prototype.toString does:
// the shortest digits that read back as f, in fixed notation for
// 1e-7 < |f| < 1e21 and as "1.5e+21" or "1e-7" beyond. NaN and infinities
// give "null", as JSON.stringify writes them.
func FormatNumber(f float64) string { return string(AppendNumber(nil, f)) }

// AppendNumber appends FormatNumber(f) to dst.
func AppendNumber(dst []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	if f == 0 {
		return append(dst, '0')
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		if math.Abs(f) < 1<<63 {
			return strconv.AppendInt(dst, int64(f), 10)
		}
	}
	// Shortest digits and exponent: d.ddde±x
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], f, 'e', -1, 64)
	neg := e[0] == '-'
	if neg {
		e = e[1:]
		dst = append(dst, '-')
	}
	ePos := 0
	for ePos < len(e) && e[ePos] != 'e' {
		ePos++
	}
	mant := e[:ePos]
	exp, _ := strconv.Atoi(string(e[ePos+1:]))
	var digits []byte
	digits = append(digits, mant[0])
	if len(mant) > 2 {
		digits = append(digits, mant[2:]...)
	}
	k := len(digits)
	n := exp + 1 // value = 0.digits × 10^n
	switch {
	case k <= n && n <= 21:
		dst = append(dst, digits...)
		for i := 0; i < n-k; i++ {
			dst = append(dst, '0')
		}
	case 0 < n && n <= 21:
		dst = append(dst, digits[:n]...)
		dst = append(dst, '.')
		dst = append(dst, digits[n:]...)
	case -6 < n && n <= 0:
		dst = append(dst, '0', '.')
		for i := 0; i < -n; i++ {
			dst = append(dst, '0')
		}
		dst = append(dst, digits...)
	default:
		dst = append(dst, digits[0])
		if k > 1 {
			dst = append(dst, '.')
			dst = append(dst, digits[1:]...)
		}
		dst = append(dst, 'e')
		if n-1 >= 0 {
			dst = append(dst, '+')
		}
		dst = strconv.AppendInt(dst, int64(n-1), 10)
	}
	return dst
}
