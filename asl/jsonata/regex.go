package jsonata

import (
	"unicode"
	"unicode/utf16"
)

// checkJSRegex checks pattern against the ECMAScript regular expression
// grammar as Node.js 20 applies it to new RegExp(pattern, "g"): no "u"
// flag, so the web-compatibility grammar of ECMA-262 Annex B applies
// (a lone "{" or "]" is a literal, \c without a letter is a backslash, and
// so on). JavaScript sees the pattern as UTF-16 code units, so characters
// outside the BMP count as two units, which matters in class ranges. It
// returns "" when the pattern is valid, else a short reason.
func checkJSRegex(pattern string) string {
	r := &reParser{s: utf16.Encode([]rune(pattern)), names: map[string]bool{}}
	r.hasNamed = r.scanNamedGroups()
	r.disjunction()
	if r.err == "" && r.i < len(r.s) {
		r.err = "unmatched ')'"
	}
	if r.err == "" {
		for _, ref := range r.refs {
			if !r.names[ref] {
				r.err = "invalid named capture referenced"
				break
			}
		}
	}
	return r.err
}

type reParser struct {
	s        []uint16
	i        int
	err      string
	hasNamed bool
	names    map[string]bool
	refs     []string
}

func (r *reParser) peek(k int) int {
	if r.i+k < len(r.s) {
		return int(r.s[r.i+k])
	}
	return -1
}

func (r *reParser) fail(msg string) {
	if r.err == "" {
		r.err = msg
	}
}

// scanNamedGroups reports whether the pattern has a named group "(?<name>",
// skipping escapes and character classes, as the engine does before
// parsing (it decides what \k means).
func (r *reParser) scanNamedGroups() bool {
	inClass := false
	for i := 0; i < len(r.s); i++ {
		switch r.s[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '(':
			if !inClass && i+3 < len(r.s) && r.s[i+1] == '?' && r.s[i+2] == '<' && r.s[i+3] != '=' && r.s[i+3] != '!' {
				return true
			}
		}
	}
	return false
}

func (r *reParser) disjunction() {
	for r.err == "" {
		r.alternative()
		if r.peek(0) != '|' {
			return
		}
		r.i++
	}
}

func (r *reParser) alternative() {
	for r.err == "" && r.i < len(r.s) {
		switch r.s[r.i] {
		case '|', ')':
			return
		}
		r.term()
	}
}

func (r *reParser) term() {
	c := r.s[r.i]
	switch c {
	case '^', '$':
		r.i++
		r.assertionQuantifier()
		return
	case '\\':
		if r.peek(1) == 'b' || r.peek(1) == 'B' {
			r.i += 2
			r.assertionQuantifier()
			return
		}
		r.atomEscape()
	case '(':
		r.group()
		return
	case '[':
		r.class()
	case '*', '+', '?':
		r.fail("nothing to repeat")
		return
	case '{':
		if _, _, n := r.braced(r.i); n > 0 {
			r.fail("nothing to repeat")
			return
		}
		r.i++
	default:
		r.i++
	}
	if r.err == "" {
		r.quantifier()
	}
}

// assertionQuantifier rejects a quantifier after ^, $, \b or \B.
func (r *reParser) assertionQuantifier() {
	if r.atQuantifier() {
		r.fail("nothing to repeat")
	}
}

func (r *reParser) atQuantifier() bool {
	switch r.peek(0) {
	case '*', '+', '?':
		return true
	case '{':
		_, _, n := r.braced(r.i)
		return n > 0
	}
	return false
}

// braced parses {n}, {n,} or {n,m} at position at and returns the bounds
// (max -1 when open) and its length, or length 0 when the text there is not
// a braced quantifier. Bounds saturate instead of overflowing.
func (r *reParser) braced(at int) (lo, hi int64, n int) {
	s := r.s
	i := at + 1
	digits := func() (int64, bool) {
		start := i
		var v int64
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if v < 1<<53 {
				v = v*10 + int64(s[i]-'0')
			}
			i++
		}
		return v, i > start
	}
	lo, ok := digits()
	if !ok {
		return 0, 0, 0
	}
	hi = lo
	if i < len(s) && s[i] == ',' {
		i++
		hi = -1
		if v, ok := digits(); ok {
			hi = v
		}
	}
	if i < len(s) && s[i] == '}' {
		return lo, hi, i + 1 - at
	}
	return 0, 0, 0
}

func (r *reParser) quantifier() {
	switch r.peek(0) {
	case '*', '+', '?':
		r.i++
	case '{':
		lo, hi, n := r.braced(r.i)
		if n == 0 {
			return
		}
		if hi >= 0 && hi < lo {
			r.fail("numbers out of order in {} quantifier")
			return
		}
		r.i += n
	default:
		return
	}
	if r.peek(0) == '?' {
		r.i++
	}
}

// atomEscape consumes an escape outside a character class (not \b, \B).
func (r *reParser) atomEscape() {
	if r.i+1 >= len(r.s) {
		r.fail(`\ at end of pattern`)
		return
	}
	if r.s[r.i+1] == 'k' && r.hasNamed {
		r.i += 2
		if r.peek(0) != '<' {
			r.fail("invalid named reference")
			return
		}
		r.i++
		name, ok := r.groupName()
		if !ok {
			r.fail("invalid capture group name")
			return
		}
		r.refs = append(r.refs, name)
		return
	}
	if r.s[r.i+1] == 'c' && !isASCIILetter(r.peek(2)) {
		r.i++ // a lone backslash; the c follows as a literal
		return
	}
	r.i += 2
}

func isASCIILetter(c int) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func (r *reParser) group() {
	r.i++ // (
	lookbehind := false
	if r.peek(0) == '?' {
		switch r.peek(1) {
		case ':', '=', '!':
			r.i += 2
		case '<':
			if r.peek(2) == '=' || r.peek(2) == '!' {
				r.i += 3
				lookbehind = true
				break
			}
			r.i += 2
			name, ok := r.groupName()
			if !ok {
				r.fail("invalid capture group name")
				return
			}
			if r.names[name] {
				r.fail("duplicate capture group name")
				return
			}
			r.names[name] = true
		default:
			r.fail("invalid group")
			return
		}
	}
	r.disjunction()
	if r.err != "" {
		return
	}
	if r.peek(0) != ')' {
		r.fail("unterminated group")
		return
	}
	r.i++
	if lookbehind {
		if r.atQuantifier() {
			r.fail("invalid quantifier")
		}
		return
	}
	r.quantifier()
}

// groupName reads an identifier name up to and including ">".
func (r *reParser) groupName() (string, bool) {
	var units []uint16
	for {
		c := r.peek(0)
		if c < 0 {
			return "", false
		}
		if c == '>' {
			r.i++
			break
		}
		if c == '\\' {
			if r.peek(1) != 'u' {
				return "", false
			}
			v, ok := r.hex4(r.i + 2)
			if !ok {
				return "", false
			}
			units = append(units, uint16(v))
			r.i += 6
			continue
		}
		units = append(units, uint16(c))
		r.i++
	}
	runes := utf16.Decode(units)
	if len(runes) == 0 {
		return "", false
	}
	for k, c := range runes {
		if c == '$' || c == '_' || unicode.IsLetter(c) || unicode.Is(unicode.Nl, c) {
			continue
		}
		if k > 0 && (unicode.IsDigit(c) || unicode.In(c, unicode.Mn, unicode.Mc, unicode.Pc) || c == 0x200C || c == 0x200D) {
			continue
		}
		return "", false
	}
	return string(runes), true
}

func (r *reParser) hex4(at int) (int, bool) {
	if at+4 > len(r.s) {
		return 0, false
	}
	v := 0
	for k := at; k < at+4; k++ {
		d := hexVal(int(r.s[k]))
		if d < 0 {
			return 0, false
		}
		v = v*16 + d
	}
	return v, true
}

func hexVal(c int) int {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return -1
}

func (r *reParser) class() {
	r.i++ // [
	if r.peek(0) == '^' {
		r.i++
	}
	for r.err == "" {
		if r.i >= len(r.s) {
			r.fail("unterminated character class")
			return
		}
		if r.s[r.i] == ']' {
			r.i++
			return
		}
		a := r.classAtom()
		if r.err != "" {
			return
		}
		if r.peek(0) == '-' && r.peek(1) >= 0 && r.peek(1) != ']' {
			r.i++
			b := r.classAtom()
			if r.err == "" && a >= 0 && b >= 0 && a > b {
				r.fail("range out of order in character class")
			}
		}
	}
}

// classAtom consumes one class atom and returns its code unit, or -1 for a
// class escape such as \d.
func (r *reParser) classAtom() int {
	c := int(r.s[r.i])
	if c != '\\' {
		r.i++
		return c
	}
	e := r.peek(1)
	if e < 0 {
		r.fail(`\ at end of pattern`)
		return -1
	}
	switch e {
	case 'd', 'D', 's', 'S', 'w', 'W':
		r.i += 2
		return -1
	case 'b':
		r.i += 2
		return 8
	case 'f':
		r.i += 2
		return 12
	case 'n':
		r.i += 2
		return 10
	case 'r':
		r.i += 2
		return 13
	case 't':
		r.i += 2
		return 9
	case 'v':
		r.i += 2
		return 11
	case 'c':
		x := r.peek(2)
		if isASCIILetter(x) || (x >= '0' && x <= '9') || x == '_' {
			r.i += 3
			return x % 32
		}
		r.i++ // a lone backslash
		return '\\'
	case 'x':
		if a, b := hexVal(r.peek(2)), hexVal(r.peek(3)); a >= 0 && b >= 0 {
			r.i += 4
			return a*16 + b
		}
		r.i += 2
		return 'x'
	case 'u':
		if v, ok := r.hex4(r.i + 2); ok {
			r.i += 6
			return v
		}
		r.i += 2
		return 'u'
	}
	if e >= '0' && e <= '7' {
		r.i++
		v := 0
		limit := 3
		if e >= '4' {
			limit = 2
		}
		for k := 0; k < limit && r.peek(0) >= '0' && r.peek(0) <= '7'; k++ {
			v = v*8 + r.peek(0) - '0'
			r.i++
		}
		return v
	}
	r.i += 2
	return e
}
