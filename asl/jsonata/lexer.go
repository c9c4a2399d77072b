package jsonata

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token.
type tokKind int

const (
	tkEnd tokKind = iota
	tkName
	tkVariable
	tkOperator
	tkString
	tkNumber
	tkValue // true, false, null
	tkRegex
)

// token is one lexical token. text is the operator, the name, the variable
// name (without $), the decoded string, the number or value as written, or
// the regex pattern.
type token struct {
	kind  tokKind
	text  string
	pos   int  // byte offset of the first character
	end   int  // byte offset after the last character
	quote byte // for names and strings: the quote character, 0 if none
	flags string
}

// isBlank reports the characters jsonata skips between tokens. Note that
// form feed and non-ASCII spaces are not among them: they are name
// characters.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v'
}

// isOpChar reports the single-character operators; they end a name.
func isOpChar(c byte) bool {
	return strings.IndexByte(".[]{}(),@#;:?+-*/%|=<>^&!~", c) >= 0
}

// lexer splits an expression into tokens on demand. Whether "/" starts a
// regular expression or is the division operator depends on where the
// parser is, so the parser says which one it expects on each call.
type lexer struct {
	src string
	pos int
}

func (l *lexer) errf(code string, pos int, format string, args ...any) *Error {
	return errorc(code, pos, format, args...)
}

// next returns the next token. With infix true, "/" is the division
// operator; otherwise it opens a regular expression.
func (l *lexer) next(infix bool) (token, *Error) {
	src := l.src
	for {
		for l.pos < len(src) && isBlank(src[l.pos]) {
			l.pos++
		}
		if !strings.HasPrefix(src[l.pos:], "/*") {
			break
		}
		start := l.pos
		end := strings.Index(src[l.pos+2:], "*/")
		if end < 0 {
			return token{}, l.errf("S0106", start, "comment not terminated: missing */")
		}
		l.pos += 2 + end + 2
	}
	if l.pos >= len(src) {
		return token{kind: tkEnd, pos: len(src), end: len(src)}, nil
	}
	start := l.pos
	c := src[l.pos]
	if c == '/' && !infix {
		return l.regex()
	}
	if l.pos+1 < len(src) {
		switch two := src[l.pos : l.pos+2]; two {
		case "..", ":=", "!=", ">=", "<=", "**", "~>":
			l.pos += 2
			return token{kind: tkOperator, text: two, pos: start, end: l.pos}, nil
		}
	}
	if isOpChar(c) {
		l.pos++
		return token{kind: tkOperator, text: src[start:l.pos], pos: start, end: l.pos}, nil
	}
	switch {
	case c == '"' || c == '\'':
		return l.str(c)
	case c >= '0' && c <= '9':
		return l.number()
	case c == '`':
		end := strings.IndexByte(src[l.pos+1:], '`')
		if end < 0 {
			l.pos = len(src)
			return token{}, l.errf("S0105", start, "quoted name not terminated: missing `")
		}
		l.pos += 1 + end + 1
		return token{kind: tkName, text: src[start+1 : l.pos-1], pos: start, end: l.pos, quote: '`'}, nil
	}
	i := l.pos
	for i < len(src) && !isBlank(src[i]) && !isOpChar(src[i]) {
		i++
	}
	word := src[start:i]
	l.pos = i
	if word[0] == '$' {
		return token{kind: tkVariable, text: word[1:], pos: start, end: i}, nil
	}
	switch word {
	case "and", "or", "in":
		return token{kind: tkOperator, text: word, pos: start, end: i}, nil
	case "true", "false", "null":
		return token{kind: tkValue, text: word, pos: start, end: i}, nil
	}
	return token{kind: tkName, text: word, pos: start, end: i}, nil
}

// number scans a number in JSON syntax: 0 or a digit sequence without a
// leading zero, an optional fraction and an optional exponent.
func (l *lexer) number() (token, *Error) {
	src := l.src
	start := l.pos
	i := l.pos
	if src[i] == '0' {
		i++
	} else {
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i+1 < len(src) && src[i] == '.' && isDigit(src[i+1]) {
		i += 2
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(src[j]) {
			for j < len(src) && isDigit(src[j]) {
				j++
			}
			i = j
		}
	}
	text := src[start:i]
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && !math.IsInf(v, 0) {
		// Underflow to zero is fine; only overflow is an error.
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return token{}, l.errf("S0201", start, "invalid number %q", text)
		}
	}
	if math.IsInf(v, 0) {
		return token{}, l.errf("S0102", start, "number out of range: %s", text)
	}
	l.pos = i
	return token{kind: tkNumber, text: text, pos: start, end: i}, nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// str scans a string literal quoted with q. Escapes are JSON's; \u takes
// exactly four hex digits, and a surrogate pair written as two \u escapes
// becomes one character. A lone surrogate becomes U+FFFD.
func (l *lexer) str(q byte) (token, *Error) {
	src := l.src
	start := l.pos
	i := l.pos + 1
	var b strings.Builder
	var units []uint16 // pending \u escapes, combined when the run ends
	flush := func() {
		if len(units) > 0 {
			b.WriteString(string(utf16.Decode(units)))
			units = units[:0]
		}
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			if i+1 >= len(src) {
				return token{}, l.errf("S0101", start, "string not terminated: missing %c", q)
			}
			e := src[i+1]
			if e == 'u' {
				if i+6 > len(src) || !isHex(src[i+2]) || !isHex(src[i+3]) || !isHex(src[i+4]) || !isHex(src[i+5]) {
					if allHex(src[i+2:]) {
						// Fewer than four characters left, all hex: the
						// string cannot be terminated.
						return token{}, l.errf("S0101", start, "string not terminated: missing %c", q)
					}
					return token{}, l.errf("S0104", i, `invalid escape: \u must be followed by four hex digits`)
				}
				u, _ := strconv.ParseUint(src[i+2:i+6], 16, 16)
				units = append(units, uint16(u))
				i += 6
				continue
			}
			flush()
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				r, _ := utf8.DecodeRuneInString(src[i+1:])
				return token{}, l.errf("S0103", i, "invalid escape sequence %q in string", `\`+string(r))
			}
			i += 2
		case c == q:
			flush()
			l.pos = i + 1
			return token{kind: tkString, text: b.String(), pos: start, end: l.pos, quote: q}, nil
		default:
			flush()
			b.WriteByte(c)
			i++
		}
	}
	return token{}, l.errf("S0101", start, "string not terminated: missing %c", q)
}

func allHex(s string) bool {
	if len(s) == 0 || len(s) >= 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// regex scans /pattern/flags. The pattern ends at the first "/" that is not
// escaped by an odd number of backslashes and is outside any (...), [...]
// or {...} (a bracket counts unless the character before it is a
// backslash). Flags are any run of i and m.
func (l *lexer) regex() (token, *Error) {
	src := l.src
	start := l.pos
	i := l.pos + 1
	depth := 0
	for i < len(src) {
		c := src[i]
		if c == '/' && depth == 0 {
			bs := 0
			for j := i - 1; j > start && src[j] == '\\'; j-- {
				bs++
			}
			if bs%2 == 0 {
				pattern := src[start+1 : i]
				if pattern == "" {
					return token{}, l.errf("S0301", start, "empty regular expression")
				}
				i++
				fstart := i
				for i < len(src) && (src[i] == 'i' || src[i] == 'm') {
					i++
				}
				flags := src[fstart:i]
				if strings.Count(flags, "i") > 1 || strings.Count(flags, "m") > 1 {
					return token{}, l.errf("S0201", fstart, "invalid regular expression flags %q", flags)
				}
				if msg := checkJSRegex(pattern); msg != "" {
					return token{}, l.errf("S0303", start, "invalid regular expression /%s/: %s", pattern, msg)
				}
				l.pos = i
				return token{kind: tkRegex, text: pattern, flags: flags, pos: start, end: i}, nil
			}
		}
		prevBS := i > 0 && src[i-1] == '\\'
		switch c {
		case '(', '[', '{':
			if !prevBS {
				depth++
			}
		case ')', ']', '}':
			if !prevBS {
				depth--
			}
		}
		i++
	}
	return token{}, l.errf("S0302", start, "regular expression not terminated: missing /")
}
