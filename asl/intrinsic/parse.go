package intrinsic

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goasl/goasl/asl/jsonpath"
)

// maxParseDepth bounds the nesting Parse accepts, so that hostile input
// cannot exhaust the stack. Check enforces ASL's own limit, MaxNesting.
const maxParseDepth = 100

// Parse parses an intrinsic function call. The error, if any, is an *Error
// with the byte offset of the problem and a message that says what was
// expected there. Parse checks only the grammar: use Check for the rest.
func Parse(s string) (*Call, error) {
	if !utf8.ValidString(s) {
		off := 0
		for off < len(s) {
			r, n := utf8.DecodeRuneInString(s[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, &Error{Offset: off, Msg: "the intrinsic function call is not valid UTF-8"}
	}
	p := &parser{s: s}
	if !strings.HasPrefix(s, "States.") {
		return nil, p.errf(0, `an intrinsic function call starts with "States.", as in States.Format('{}', $.name)`)
	}
	c, err := p.call()
	if err != nil {
		return nil, err
	}
	if p.pos < len(s) {
		return nil, p.errf(p.pos, "unexpected %s after the closing \")\" of %s: nothing may follow the call", describeAt(s, p.pos), c.Name)
	}
	return c, nil
}

type parser struct {
	s     string
	pos   int
	depth int
}

func (p *parser) errf(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// describeAt renders the character at off for a message.
func describeAt(s string, off int) string {
	if off >= len(s) {
		return "the end of the text"
	}
	r, _ := utf8.DecodeRuneInString(s[off:])
	return strconv.Quote(string(r))
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) skipSpaces() {
	for p.pos < len(p.s) && isSpace(p.s[p.pos]) {
		p.pos++
	}
}

// call parses a call; p.pos is at "States.".
func (p *parser) call() (*Call, error) {
	start := p.pos
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxParseDepth {
		return nil, p.errf(start, "intrinsic functions are nested more than %d deep", maxParseDepth)
	}
	p.pos += len("States.")
	nameStart := p.pos
	for p.pos < len(p.s) && isNameByte(p.s[p.pos]) {
		p.pos++
	}
	if p.pos == nameStart {
		return nil, p.errf(p.pos, `expected a function name after "States.", such as States.Format`)
	}
	c := &Call{Name: p.s[start:p.pos], Offset: start}
	if p.pos >= len(p.s) || p.s[p.pos] != '(' {
		return nil, p.errf(p.pos, `expected "(" right after %s, not %s`, c.Name, describeAt(p.s, p.pos))
	}
	open := p.pos
	p.pos++
	p.skipSpaces()
	if p.pos < len(p.s) && p.s[p.pos] == ')' {
		p.pos++
		return c, nil
	}
	for {
		if p.pos >= len(p.s) {
			return nil, p.errf(p.pos, `missing ")" to close the "(" of %s at offset %d`, c.Name, open)
		}
		a, err := p.arg(c, len(c.Args)+1)
		if err != nil {
			return nil, err
		}
		c.Args = append(c.Args, a)
		p.skipSpaces()
		if p.pos >= len(p.s) {
			return nil, p.errf(p.pos, `missing ")" to close the "(" of %s at offset %d`, c.Name, open)
		}
		switch p.s[p.pos] {
		case ')':
			p.pos++
			return c, nil
		case ',':
			p.pos++
			p.skipSpaces()
		default:
			return nil, p.errf(p.pos, `expected "," or ")" after argument %d of %s, not %s`, len(c.Args), c.Name, describeAt(p.s, p.pos))
		}
	}
}

// arg parses argument n of c at p.pos.
func (p *parser) arg(c *Call, n int) (Arg, error) {
	start := p.pos
	ch := p.s[p.pos]
	switch {
	case ch == '\'':
		return p.str()
	case ch == '"':
		return Arg{}, p.errf(start, `strings in intrinsic functions are written in single quotes, as in 'text', not in double quotes`)
	case ch == '$':
		return p.path()
	case ch == '-' || ch >= '0' && ch <= '9':
		return p.number()
	case ch == ',' || ch == ')':
		return Arg{}, p.errf(start, `expected argument %d of %s before %q`, n, c.Name, ch)
	case isNameByte(ch):
		end := p.pos
		for end < len(p.s) && (isNameByte(p.s[end]) || p.s[end] == '.') {
			end++
		}
		word := p.s[p.pos:end]
		if strings.HasPrefix(word, "States.") {
			sub, err := p.call()
			if err != nil {
				return Arg{}, err
			}
			return Arg{Kind: ArgCall, Call: sub, Offset: start}, nil
		}
		var a Arg
		switch word {
		case "true", "false":
			a = Arg{Kind: ArgBool, Bool: word == "true", Offset: start}
		case "null":
			a = Arg{Kind: ArgNull, Offset: start}
		default:
			return Arg{}, p.errf(start, `unexpected %q: an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`, word)
		}
		p.pos = end
		if err := p.delimited("the literal " + word); err != nil {
			return Arg{}, err
		}
		return a, nil
	}
	return Arg{}, p.errf(start, `unexpected %s: an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`, describeAt(p.s, start))
}

// delimited checks that a literal ends where an argument may end.
func (p *parser) delimited(what string) error {
	if p.pos < len(p.s) && !isSpace(p.s[p.pos]) && p.s[p.pos] != ',' && p.s[p.pos] != ')' {
		return p.errf(p.pos, `unexpected %s after %s: expected "," or ")"`, describeAt(p.s, p.pos), what)
	}
	return nil
}

// str parses a single-quoted string; p.pos is at the quote.
func (p *parser) str() (Arg, error) {
	start := p.pos
	p.pos++
	var b strings.Builder
	for {
		if p.pos >= len(p.s) {
			return Arg{}, p.errf(start, `unterminated string: add the closing "'"`)
		}
		c := p.s[p.pos]
		switch c {
		case '\'':
			a := Arg{Kind: ArgString, Str: b.String(), Raw: p.s[start+1 : p.pos], Offset: start}
			p.pos++
			return a, nil
		case '\\':
			if p.pos+1 >= len(p.s) {
				return Arg{}, p.errf(start, `unterminated string: add the closing "'"`)
			}
			e := p.s[p.pos+1]
			if e != '\'' && e != '{' && e != '}' && e != '\\' {
				return Arg{}, p.errf(p.pos, `invalid escape \%s in a string: only \', \{, \} and \\ are allowed (write \\ for a backslash)`, describeRaw(p.s, p.pos+1))
			}
			b.WriteByte(e)
			p.pos += 2
		default:
			b.WriteByte(c)
			p.pos++
		}
	}
}

// describeRaw returns the character at off as it is if it is printable,
// else as U+XXXX, for an escape in a message.
func describeRaw(s string, off int) string {
	r, _ := utf8.DecodeRuneInString(s[off:])
	if strconv.IsPrint(r) {
		return string(r)
	}
	return fmt.Sprintf("%U", r)
}

// number parses a JSON number.
func (p *parser) number() (Arg, error) {
	start := p.pos
	i := p.pos
	if i < len(p.s) && p.s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(p.s) && p.s[i] >= '0' && p.s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	intStart := i
	if digits() == 0 {
		return Arg{}, p.errf(i, `expected a digit after "-", not %s`, describeAt(p.s, i))
	}
	if p.s[intStart] == '0' && i-intStart > 1 {
		return Arg{}, p.errf(start, "invalid number %s: a number cannot start with 0 unless it is 0", p.s[start:i])
	}
	if i < len(p.s) && p.s[i] == '.' {
		i++
		if digits() == 0 {
			return Arg{}, p.errf(i, `expected a digit after the decimal point, not %s`, describeAt(p.s, i))
		}
	}
	if i < len(p.s) && (p.s[i] == 'e' || p.s[i] == 'E') {
		i++
		if i < len(p.s) && (p.s[i] == '+' || p.s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return Arg{}, p.errf(i, `expected a digit in the exponent, not %s`, describeAt(p.s, i))
		}
	}
	p.pos = i
	text := p.s[start:i]
	if err := p.delimited("the number " + text); err != nil {
		return Arg{}, err
	}
	return Arg{Kind: ArgNumber, Num: text, Offset: start}, nil
}

// path scans a path argument up to a ",", ")" or whitespace outside
// brackets and quotes, and parses it.
func (p *parser) path() (Arg, error) {
	start := p.pos
	i := p.pos
	depth := 0
scan:
	for i < len(p.s) {
		c := p.s[i]
		switch {
		case depth == 0 && (c == ',' || c == ')' || isSpace(c)):
			break scan
		case c == '\\' && depth == 0:
			i += 2
			continue
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case (c == '\'' || c == '"') && depth > 0:
			i++
			for i < len(p.s) && p.s[i] != c {
				if p.s[i] == '\\' {
					i++
				}
				i++
			}
		}
		i++
	}
	if i > len(p.s) {
		i = len(p.s)
	}
	text := p.s[start:i]
	path, err := jsonpath.Parse(text)
	if err != nil {
		var pe *jsonpath.Error
		if errors.As(err, &pe) {
			return Arg{}, p.errf(start+pe.Offset, "in the path %s: %s", text, pe.Msg)
		}
		return Arg{}, p.errf(start, "in the path %s: %v", text, err)
	}
	p.pos = i
	return Arg{Kind: ArgPath, Path: path, PathText: text, Offset: start}, nil
}
