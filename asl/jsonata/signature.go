package jsonata

import "strings"

// checkSignature checks a lambda signature such as "<n-n:n>" the way
// jsonata-js 2.0.6 does when it compiles one: it builds a regular
// expression from the parameter types and rejects the signature if that
// expression is invalid (for example "<n???>" or a choice "(s-n)" whose
// range is out of order). A "<" subtype is allowed only after a or f, and
// a choice in parentheses cannot contain one. Unknown characters are
// ignored, and everything after ":" (the return type) is not checked.
func checkSignature(sig string) string {
	s := []rune(sig)
	type param struct {
		regex string
		typ   string
		set   bool // regex assigned (jsonata-js starts with undefined)
	}
	var params []*param
	cur := &param{}
	prev := cur
	next := func() {
		params = append(params, cur)
		prev = cur
		cur = &param{}
	}
	closing := func(start int, open, close rune) int {
		depth := 1
		i := start
		for i < len(s) {
			i++
			if i >= len(s) {
				break
			}
			if s[i] == close {
				depth--
				if depth == 0 {
					break
				}
			} else if s[i] == open {
				depth++
			}
		}
		return i
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == ':' {
			break
		}
		switch c {
		case 's', 'n', 'b', 'l', 'o':
			cur.regex, cur.set, cur.typ = "["+string(c)+"m]", true, string(c)
			next()
		case 'a', 'x':
			cur.regex, cur.set, cur.typ = "[asnblfom]", true, string(c)
			next()
		case 'f':
			cur.regex, cur.set, cur.typ = "f", true, "f"
			next()
		case 'j':
			cur.regex, cur.set, cur.typ = "[asnblom]", true, "j"
			next()
		case '-':
			if prev.set {
				if msg := checkJSRegex(prev.regex); msg != "" {
					return msg
				}
			}
			prev.regex += "?"
		case '?', '+':
			prev.regex += string(c)
		case '(':
			end := closing(i, '(', ')')
			choice := ""
			if i+1 < len(s) {
				choice = string(s[i+1 : min(end, len(s))])
			}
			if strings.Contains(choice, "<") {
				return "a choice of types cannot have a subtype"
			}
			cur.regex, cur.set, cur.typ = "["+choice+"m]", true, "("+choice+")"
			i = end
			next()
		case '<':
			if prev.typ != "a" && prev.typ != "f" {
				return "only a (array) and f (function) parameters can have a subtype"
			}
			i = closing(i, '<', '>')
		}
	}
	var b strings.Builder
	b.WriteString("^")
	for _, p := range params {
		b.WriteString("(" + p.regex + ")")
	}
	b.WriteString("$")
	return checkJSRegex(b.String())
}
