package jsonpath

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxVariableName is the longest variable name ASL allows, in characters.
const MaxVariableName = 80

// Parse parses a path. The error, if any, is an *Error with the byte offset
// of the problem and a message that says what was expected there.
func Parse(s string) (*Path, error) {
	if !utf8.ValidString(s) {
		off := 0
		for off < len(s) {
			r, n := utf8.DecodeRuneInString(s[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, &Error{Offset: off, Msg: "the path is not valid UTF-8"}
	}
	// Jayway, which AWS evaluates paths with, trims spaces (U+0020 only)
	// around the whole path before it compiles it. The parser reads the
	// untrimmed text from the first non-space byte to the last, so that
	// every offset still points into s.
	trimmed := strings.TrimLeft(s, " ")
	p := &parser{s: strings.TrimRight(s, " "), pos: len(s) - len(trimmed)}
	path, err := p.parse()
	if err != nil {
		return nil, err
	}
	return path, nil
}

// ParseReference parses a path and checks that it is a reference path: one
// that selects exactly one node, so only field names and indices. The error
// for a path that is valid but not a reference points at the first
// offending step.
func ParseReference(s string) (*Path, error) {
	p, err := Parse(s)
	if err != nil {
		return nil, err
	}
	for _, st := range p.Steps {
		if st.Kind != StepField && st.Kind != StepIndex {
			return nil, &Error{Offset: st.Offset, Msg: fmt.Sprintf(
				"%s %q is not allowed in a reference path, which must select exactly one node: use only field names and array indices",
				article(st.Kind), st.Text)}
		}
	}
	return p, nil
}

func article(k StepKind) string {
	switch k {
	case StepIndex:
		return "an index"
	case StepUnion:
		return "a union"
	case StepRecursive:
		return "the recursive descent"
	case StepWildcard:
		return "the wildcard"
	}
	return "a " + k.String()
}

type parser struct {
	s   string
	pos int
}

func (p *parser) errf(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// peek returns the rune at the position, or -1 at the end.
func (p *parser) peek() rune {
	if p.pos >= len(p.s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	return r
}

// quoteRune renders a rune for a message.
func quoteRune(r rune) string {
	if r == -1 {
		return "the end of the path"
	}
	return strconv.Quote(string(r))
}

// parse parses the path that starts at p.pos (after any leading spaces).
func (p *parser) parse() (*Path, error) {
	path := &Path{}
	lead := p.pos
	if p.s == "" {
		if lead > 0 {
			return nil, p.errf(0, `a path must start with "$", but it has only spaces`)
		}
		return nil, p.errf(0, `a path must start with "$", but it is empty`)
	}
	if !strings.HasPrefix(p.s[lead:], "$") {
		return nil, p.errf(lead, `a path must start with "$", not %s`, quoteRune(p.peek()))
	}
	p.pos = lead + 1
	switch r := p.peek(); {
	case r == '$':
		path.Root = RootContext
		p.pos++
	case r == -1 || r == '.' || r == '[':
		path.Root = RootInput
	case isIDStart(r):
		start := p.pos
		n := 0
		for p.pos < len(p.s) {
			r, size := utf8.DecodeRuneInString(p.s[p.pos:])
			if !isIDContinue(r) {
				break
			}
			p.pos += size
			n++
		}
		if n > MaxVariableName {
			return nil, p.errf(start, "the variable name has %d characters; the limit is %d", n, MaxVariableName)
		}
		path.Root = RootVariable
		path.Variable = p.s[start:p.pos]
		if r := p.peek(); r != -1 && r != '.' && r != '[' {
			return nil, p.errf(p.pos, `unexpected %s after the variable name %q: a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`, quoteRune(r), path.Variable)
		}
	default:
		return nil, p.errf(lead+1, `unexpected %s after "$": expected ".", "[", a variable name (starting with a letter) or the end of the path`, quoteRune(r))
	}
	if path.Root == RootContext {
		if r := p.peek(); r != -1 && r != '.' && r != '[' {
			return nil, p.errf(p.pos, `unexpected %s after "$$": expected ".", "[" or the end of the path`, quoteRune(r))
		}
	}
	if p.pos < len(p.s) {
		n := min(strings.Count(p.s, ".")+strings.Count(p.s, "["), 16)
		path.Steps = make([]Step, 0, n)
	}
	for p.pos < len(p.s) {
		st, err := p.step()
		if err != nil {
			return nil, err
		}
		path.Steps = append(path.Steps, st)
	}
	return path, nil
}

// step parses one step at p.pos, which is at "." or "[" (anything else is an
// error).
func (p *parser) step() (Step, error) {
	start := p.pos
	switch p.s[p.pos] {
	case '[':
		st, err := p.bracket()
		if err != nil {
			return Step{}, err
		}
		st.Offset = start
		st.Text = p.s[start:p.pos]
		return st, nil
	case '.':
	default:
		r := p.peek()
		return Step{}, p.errf(p.pos, `unexpected %s: expected ".", "[" or the end of the path`, quoteRune(r))
	}
	p.pos++
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		return p.recursive(start)
	}
	var st Step
	switch r := p.peek(); r {
	case -1:
		return Step{}, p.errf(p.pos, `expected a field name, "*" or "[" after "."`)
	case '[':
		var err error
		st, err = p.bracket()
		if err != nil {
			return Step{}, err
		}
	case '*':
		p.pos++
		if err := p.afterStar(); err != nil {
			return Step{}, err
		}
		st = Step{Kind: StepWildcard}
	default:
		name, err := p.dotName()
		if err != nil {
			return Step{}, err
		}
		st = Step{Kind: StepField, Name: name}
	}
	st.Offset = start
	st.Text = p.s[start:p.pos]
	return st, nil
}

// recursive parses the rest of a ".." step; p.pos is at the second dot.
func (p *parser) recursive(start int) (Step, error) {
	p.pos++
	st := Step{Kind: StepRecursive, Offset: start}
	switch r := p.peek(); r {
	case -1:
		return Step{}, p.errf(p.pos, `expected a field name, "*" or "[" after ".."`)
	case '.':
		return Step{}, p.errf(p.pos, `expected a field name, "*" or "[" after "..", not a third "."`)
	case '*':
		p.pos++
		if err := p.afterStar(); err != nil {
			return Step{}, err
		}
		st.Sub = &Step{Kind: StepWildcard, Offset: p.pos - 1, Text: "*"}
	case '[':
		subStart := p.pos
		sub, err := p.bracket()
		if err != nil {
			return Step{}, err
		}
		sub.Offset = subStart
		sub.Text = p.s[subStart:p.pos]
		if sub.Kind == StepField {
			st.Name = sub.Name
		} else {
			st.Sub = &sub
		}
	default:
		name, err := p.dotName()
		if err != nil {
			return Step{}, err
		}
		st.Name = name
	}
	st.Text = p.s[start:p.pos]
	return st, nil
}

func (p *parser) afterStar() error {
	if r := p.peek(); r != -1 && r != '.' && r != '[' {
		return p.errf(p.pos, `unexpected %s after "*": expected ".", "[" or the end of the path (a field name with "*" in it needs bracket notation, such as ['a*'])`, quoteRune(r))
	}
	return nil
}

// dotName reads a field name after "." up to the next "." or "[" or the
// end. A backslash escapes the next character.
func (p *parser) dotName() (string, error) {
	start := p.pos
	var b strings.Builder
	escaped := false
	name := func() string {
		if escaped {
			return b.String()
		}
		return p.s[start:p.pos]
	}
	for p.pos < len(p.s) {
		r, size := utf8.DecodeRuneInString(p.s[p.pos:])
		switch {
		case r == '.' || r == '[':
			return name(), nil
		case r == '\\':
			if p.pos+1 >= len(p.s) {
				return "", p.errf(p.pos, `a "\" at the end of the path escapes nothing: write "\\" for a backslash in a field name`)
			}
			if !escaped {
				escaped = true
				b.WriteString(p.s[start:p.pos])
			}
			e, esize := utf8.DecodeRuneInString(p.s[p.pos+1:])
			b.WriteRune(e)
			p.pos += 1 + esize
			continue
		case r == '(' && p.pos > start:
			return "", p.errf(p.pos, `functions such as %s() are not supported in ASL paths (a field name with "(" in it needs bracket notation)`, p.s[start:p.pos])
		case unicode.IsSpace(r):
			return "", p.errf(p.pos, `a field name after "." cannot contain whitespace: use bracket notation, such as ['first name']`)
		case unicode.IsControl(r):
			return "", p.errf(p.pos, `a field name after "." cannot contain the control character %s: use bracket notation`, quoteRune(r))
		case strings.ContainsRune(`]()'",`, r):
			if p.pos == start {
				return "", p.errf(p.pos, `unexpected %s after ".": expected a field name, "*" or "["`, quoteRune(r))
			}
			example := "['a" + string(r) + "b']"
			if r == '\'' {
				example = `["a'b"]`
			}
			return "", p.errf(p.pos, `unexpected %s in the field name %q: a name with %s in it needs bracket notation, such as %s`, quoteRune(r), name(), quoteRune(r), example)
		}
		if escaped {
			b.WriteRune(r)
		}
		p.pos += size
	}
	return name(), nil
}

func (p *parser) skipSpaces() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n' || p.s[p.pos] == '\r') {
		p.pos++
	}
}

// bracket parses a bracketed step; p.pos is at "[". It leaves p.pos after
// the closing "]". Offset and Text are set by the caller.
func (p *parser) bracket() (Step, error) {
	open := p.pos
	p.pos++
	p.skipSpaces()
	switch r := p.peek(); {
	case r == -1:
		return Step{}, p.errf(p.pos, `expected an index, a quoted name, "*", a slice or a filter after "["`)
	case r == '*':
		p.pos++
		if err := p.closeBracket(open); err != nil {
			return Step{}, err
		}
		return Step{Kind: StepWildcard}, nil
	case r == '?':
		return p.filter(open)
	case r == '\'' || r == '"':
		return p.names(open)
	case r == '-' || r == ':' || (r >= '0' && r <= '9'):
		return p.numbers(open)
	case r == ']':
		return Step{}, p.errf(p.pos, `empty brackets: expected an index, a quoted name, "*", a slice or a filter between "[" and "]"`)
	case unicode.IsLetter(r) || r == '_':
		end := p.pos
		for end < len(p.s) && p.s[end] != ']' && p.s[end] != '[' && p.s[end] != '.' {
			end++
		}
		word := p.s[p.pos:end]
		if end < len(p.s) && p.s[end] == ']' && !strings.ContainsAny(word, `'\`) {
			return Step{}, p.errf(p.pos, `a field name in brackets must be quoted: write ['%s']`, strings.TrimSpace(word))
		}
		return Step{}, p.errf(p.pos, `a field name in brackets must be quoted, as in ['name']`)
	default:
		return Step{}, p.errf(p.pos, `unexpected %s after "[": expected an index, a quoted name, "*", a slice or a filter`, quoteRune(r))
	}
}

// closeBracket skips spaces and expects "]".
func (p *parser) closeBracket(open int) error {
	p.skipSpaces()
	if p.pos >= len(p.s) {
		return p.errf(p.pos, `missing "]" to close the "[" at offset %d`, open)
	}
	if p.s[p.pos] != ']' {
		return p.errf(p.pos, `unexpected %s: expected "]" to close the "[" at offset %d`, quoteRune(p.peek()), open)
	}
	p.pos++
	return nil
}

// filter parses "?(" expr ")" "]"; p.pos is at "?".
func (p *parser) filter(open int) (Step, error) {
	p.pos++
	if p.pos >= len(p.s) || p.s[p.pos] != '(' {
		return Step{}, p.errf(p.pos, `expected "(" after "[?": a filter is written [?(expression)]`)
	}
	p.pos++
	exprStart := p.pos
	// Scan to the ")" that closes "?(", skipping quoted strings and
	// balanced parentheses and brackets.
	var stack []byte
	for {
		if p.pos >= len(p.s) {
			return Step{}, p.errf(p.pos, `unterminated filter: expected ")]" to close the "[?(" at offset %d`, open)
		}
		c := p.s[p.pos]
		switch c {
		case '\'', '"':
			qStart := p.pos
			p.pos++
			for p.pos < len(p.s) && p.s[p.pos] != c {
				if p.s[p.pos] == '\\' {
					p.pos++
				}
				p.pos++
			}
			if p.pos >= len(p.s) {
				return Step{}, p.errf(qStart, `unterminated string in the filter: add the closing %c`, c)
			}
		case '(':
			stack = append(stack, ')')
		case '[':
			stack = append(stack, ']')
		case ')', ']':
			if len(stack) == 0 {
				if c == ']' {
					return Step{}, p.errf(p.pos, `unexpected "]" in the filter: expected ")" to close the "?(" at offset %d`, open+1)
				}
				expr := p.s[exprStart:p.pos]
				if strings.TrimSpace(expr) == "" {
					return Step{}, p.errf(exprStart, `empty filter: write a condition between "[?(" and ")]", such as [?(@.price < 10)]`)
				}
				p.pos++
				if err := p.closeBracket(open); err != nil {
					return Step{}, err
				}
				return Step{Kind: StepFilter, Filter: expr}, nil
			}
			if stack[len(stack)-1] != c {
				return Step{}, p.errf(p.pos, `unexpected %q in the filter: expected %q`, c, stack[len(stack)-1])
			}
			stack = stack[:len(stack)-1]
		}
		p.pos++
	}
}

// quoted reads a quoted name; p.pos is at the quote. The name is the text
// between the quotes as written (see the package documentation).
func (p *parser) quoted() (string, error) {
	q := p.s[p.pos]
	qStart := p.pos
	p.pos++
	start := p.pos
	for p.pos < len(p.s) && p.s[p.pos] != q {
		if p.s[p.pos] == '\\' {
			p.pos++
		}
		p.pos++
	}
	if p.pos >= len(p.s) {
		return "", p.errf(qStart, `unterminated quoted name: add the closing %c and "]"`, q)
	}
	name := p.s[start:p.pos]
	p.pos++
	return name, nil
}

// names parses one or more quoted names separated by commas, and the "]".
func (p *parser) names(open int) (Step, error) {
	var names []string
	for {
		name, err := p.quoted()
		if err != nil {
			return Step{}, err
		}
		names = append(names, name)
		p.skipSpaces()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			p.skipSpaces()
			if r := p.peek(); r != '\'' && r != '"' {
				return Step{}, p.errf(p.pos, `expected a quoted name after "," in a union of names, not %s`, quoteRune(r))
			}
			continue
		}
		if p.pos >= len(p.s) {
			return Step{}, p.errf(p.pos, `missing "]" to close the "[" at offset %d`, open)
		}
		if p.s[p.pos] != ']' {
			return Step{}, p.errf(p.pos, `unexpected %s after a quoted name: expected "," or "]"`, quoteRune(p.peek()))
		}
		p.pos++
		break
	}
	if len(names) == 1 {
		return Step{Kind: StepField, Name: names[0]}, nil
	}
	return Step{Kind: StepUnion, Names: names}, nil
}

// integer reads an optionally negative integer that fits in 32 bits, the
// range of a Jayway index.
func (p *parser) integer() (int, error) {
	start := p.pos
	if p.pos < len(p.s) && p.s[p.pos] == '-' {
		p.pos++
	}
	digits := p.pos
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	if p.pos == digits {
		return 0, p.errf(p.pos, `expected a digit after "-", not %s`, quoteRune(p.peek()))
	}
	n, err := strconv.ParseInt(p.s[start:p.pos], 10, 32)
	if err != nil {
		return 0, p.errf(start, "the index %s is out of range: indices must lie between -2147483648 and 2147483647", p.s[start:p.pos])
	}
	return int(n), nil
}

func isIntStart(c byte) bool { return c == '-' || (c >= '0' && c <= '9') }

// numbers parses an index, a union of indices or a slice, and the "]".
func (p *parser) numbers(open int) (Step, error) {
	st := Step{}
	if isIntStart(p.s[p.pos]) {
		n, err := p.integer()
		if err != nil {
			return Step{}, err
		}
		st.Start, st.HasStart = n, true
		p.skipSpaces()
	}
	if p.pos < len(p.s) && p.s[p.pos] == ':' {
		p.pos++
		st.Kind = StepSlice
		p.skipSpaces()
		if p.pos < len(p.s) && isIntStart(p.s[p.pos]) {
			n, err := p.integer()
			if err != nil {
				return Step{}, err
			}
			st.End, st.HasEnd = n, true
			p.skipSpaces()
		}
		if p.pos < len(p.s) && p.s[p.pos] == ':' {
			return Step{}, p.errf(p.pos, `a slice has the form [start:end]; a step ([start:end:step]) is not supported`)
		}
		if err := p.closeBracket(open); err != nil {
			return Step{}, err
		}
		return st, nil
	}
	if p.pos < len(p.s) && p.s[p.pos] == ',' {
		indices := []int{st.Start}
		for p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			p.skipSpaces()
			if p.pos >= len(p.s) || !isIntStart(p.s[p.pos]) {
				return Step{}, p.errf(p.pos, `expected an index after "," in a union of indices, not %s`, quoteRune(p.peek()))
			}
			n, err := p.integer()
			if err != nil {
				return Step{}, err
			}
			indices = append(indices, n)
			p.skipSpaces()
		}
		if err := p.closeBracket(open); err != nil {
			return Step{}, err
		}
		return Step{Kind: StepUnion, Indices: indices}, nil
	}
	if p.pos >= len(p.s) {
		return Step{}, p.errf(p.pos, `missing "]" to close the "[" at offset %d`, open)
	}
	if p.s[p.pos] != ']' {
		return Step{}, p.errf(p.pos, `unexpected %s after an index: expected "]", "," or ":"`, quoteRune(p.peek()))
	}
	p.pos++
	return Step{Kind: StepIndex, Index: st.Start}, nil
}

// isIDStart reports whether r may start a variable name: Unicode ID_Start
// (UAX #31).
func isIDStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

// isIDContinue reports whether r may continue a variable name: Unicode
// ID_Continue (UAX #31).
func isIDContinue(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if isIDStart(r) {
		return true
	}
	if unicode.Is(unicode.Pattern_Syntax, r) || unicode.Is(unicode.Pattern_White_Space, r) {
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// CheckVariableName checks a variable name against ASL's rules (checklist
// 6.2, 6.3): 1 to 80 characters, a Unicode identifier (the first character
// ID_Start, the rest ID_Continue), and not the reserved name "states". The
// error is an *Error whose Offset is a byte offset in name.
func CheckVariableName(name string) error {
	if name == "" {
		return &Error{Msg: "a variable name cannot be empty"}
	}
	if !utf8.ValidString(name) {
		return &Error{Msg: "the variable name is not valid UTF-8"}
	}
	n := 0
	for i, r := range name {
		if i == 0 && !isIDStart(r) {
			return &Error{Offset: 0, Msg: fmt.Sprintf("the variable name %q must start with a letter, not %s", name, quoteRune(r))}
		}
		if !isIDContinue(r) {
			return &Error{Offset: i, Msg: fmt.Sprintf(`the variable name %q cannot contain %s: use only letters, digits and "_"`, name, quoteRune(r))}
		}
		n++
	}
	if n > MaxVariableName {
		return &Error{Msg: fmt.Sprintf("the variable name %q has %d characters; the limit is %d", name, n, MaxVariableName)}
	}
	if name == "states" {
		return &Error{Msg: `"states" is reserved and cannot be used as a variable name`}
	}
	return nil
}
