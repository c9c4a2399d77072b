package jsonata

import (
	"errors"
	"fmt"
	"regexp/syntax"
	"strings"
)

// Signature is a function signature such as "<n-n:n>" as jsonata-js 2.0.6
// reads one: its parameters, each with the regular expression over type
// symbols (one letter per argument: a array, s string, n number, b
// boolean, l null, f function, o object, m missing) that jsonata-js
// matches the arguments of a call against. The return type, after ":", is
// not read.
type Signature struct {
	Params []SignatureParam
}

// SignatureParam is one parameter of a Signature.
type SignatureParam struct {
	// Type is the parameter's type letter (s n b l o a x f j), or a
	// choice of them in parentheses ("(sn)").
	Type string
	// Class is the regular expression of the symbols one argument of the
	// parameter may have: "[sm]" for s, "[asnblfom]" for a and x,
	// "[asnblom]" for j, "f" for f and "[snm]" for the choice "(sn)".
	Class string
	// Quantifiers follow Class in the expression: a "?" for each "?" or
	// "-" after the type and a "+" for each "+", in the signature's order
	// ("?" optional, "+" one or more, "??" and "+?" their lazy forms).
	Quantifiers string
	// Context is set by "-": an argument left out is the context value.
	// ContextRegex is then Class with the quantifiers before the "-", the
	// expression jsonata-js tests the context value's symbol with.
	Context      bool
	ContextRegex string
	// Subtype is the text between "<" and ">" after an a or f parameter:
	// the type of an array's members ("<a<s>>"), a function's signature.
	Subtype string
}

// Regex is the parameter's part of the signature's expression: Class and
// Quantifiers.
func (p SignatureParam) Regex() string { return p.Class + p.Quantifiers }

// ParseSignature reads sig and checks it the way jsonata-js 2.0.6 does
// when it compiles one: it builds the regular expression of the
// parameters and rejects the signature if that expression is invalid in
// JavaScript (for example "<n???>", or a choice "(s-n)" whose range is out
// of order). A "<" subtype is allowed only after a or f, and a choice in
// parentheses cannot contain one. Unknown characters are ignored. The
// error's text is the reason alone ("nothing to repeat").
func ParseSignature(sig string) (*Signature, error) {
	s := sig
	var params []SignatureParam
	prev := -1 // the parameter "-", "?", "+" and "<" apply to
	add := func(typ, class string) {
		params = append(params, SignatureParam{Type: typ, Class: class})
		prev = len(params) - 1
	}
	closing := func(start int, open, close byte) int {
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
			add(string(c), "["+string(c)+"m]")
		case 'a', 'x':
			add(string(c), "[asnblfom]")
		case 'f':
			add("f", "f")
		case 'j':
			add("j", "[asnblom]")
		case '-':
			// jsonata-js compiles the expression so far as the context's
			// test; before any parameter there is nothing to apply it to.
			if prev >= 0 {
				p := &params[prev]
				if msg := checkJSRegex(p.Regex()); msg != "" {
					return nil, errors.New(msg)
				}
				p.Context, p.ContextRegex = true, p.Regex()
				p.Quantifiers += "?"
			}
		case '?', '+':
			if prev >= 0 {
				params[prev].Quantifiers += string(c)
			}
		case '(':
			end := closing(i, '(', ')')
			choice := s[i+1 : min(end, len(s))]
			if strings.Contains(choice, "<") {
				return nil, errors.New(errChoiceSubtype)
			}
			add("("+choice+")", "["+choice+"m]")
			i = end
		case '<':
			if prev < 0 || (params[prev].Type != "a" && params[prev].Type != "f") {
				return nil, errors.New("only a (array) and f (function) parameters can have a subtype")
			}
			end := closing(i, '<', '>')
			params[prev].Subtype = s[i+1 : min(end, len(s))]
			i = end
		}
	}
	out := &Signature{Params: params}
	whole := out.Expression(len(params)) + "$"
	if msg := checkJSRegex(whole); msg != "" {
		return nil, errors.New(msg)
	}
	// goasl's evaluator matches a choice of types that is more than type
	// letters with Go's regexp (the whole expression and its prefixes):
	// one that JavaScript reads but Go does not, such as (\k), is rejected
	// here rather than failing there.
	for i, p := range params {
		if !strings.HasPrefix(p.Type, "(") {
			continue
		}
		for k := i + 1; k <= len(params)+1; k++ {
			re := whole
			if k <= len(params) {
				re = out.Expression(k)
			}
			if _, err := syntax.Parse(re, syntax.Perl); err != nil {
				return nil, fmt.Errorf("goasl cannot read the choice of types %s: write it as type letters only, such as (sn)", p.Type)
			}
		}
	}
	return out, nil
}

// Expression returns the regular expression of the signature's first n
// parameters, "^" and then one group of Regex per parameter: the
// arguments' symbols of a call must match Expression(len(Params)) + "$",
// and the longest n whose expression matches a prefix of them tells which
// argument does not.
func (s *Signature) Expression(n int) string {
	var b strings.Builder
	b.WriteString("^")
	for _, p := range s.Params[:n] {
		b.WriteString("(" + p.Regex() + ")")
	}
	return b.String()
}

// errChoiceSubtype is the reason of the S0402 error.
const errChoiceSubtype = "a choice of types cannot have a subtype"
