package jsonata

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// maxDepth bounds the nesting of the expression so that hostile input
// cannot exhaust the stack. jsonata-js has no explicit limit: it fails with
// a JavaScript stack overflow, for nested parentheses somewhere between
// 2,000 and 4,000 levels on node 20. Real expressions nest a handful of
// levels.
const maxDepth = 2000

// Parse parses a JSONata 2.0.6 expression (the text between "{%" and "%}")
// and returns its syntax tree. It accepts exactly the expressions that
// jsonata-js 2.0.6 compiles, including the checks jsonata-js makes after
// parsing (a number as a path step, a misplaced % parent, a variable
// binding after a predicate, and so on). The error, if any, is an *Error.
//
// Two limits differ, on input no one writes: Parse rejects nesting deeper
// than 2,000 levels, and it accepts operator chains of any length, where
// jsonata-js overflows its stack after several thousand operators
// (a+a+...+a with 10,000 terms).
func Parse(expr string) (Node, error) {
	n, err := parse(expr)
	if err != nil {
		return nil, err
	}
	return n, nil
}

func parse(expr string) (n Node, err *Error) {
	p := &parser{lx: lexer{src: expr}}
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			n, err = nil, b.err
		}
	}()
	p.advance(false)
	n = p.expression(0)
	if p.is("..") {
		p.failf("S0201", p.tok.pos, `unexpected "..": a range is allowed only as an item of an array constructor, as in [1..5]`)
	}
	if p.tok.kind != tkEnd {
		p.failf("S0201", p.tok.pos, "unexpected %s: expected an operator or the end of the expression", describe(p.tok))
	}
	if e := check(n); e != nil {
		return nil, e
	}
	return n, nil
}

// bailout carries a syntax error up the parser's recursion to parse, which
// recovers it; it never escapes the package.
type bailout struct{ err *Error }

type parser struct {
	lx    lexer
	tok   token // the current token
	depth int
}

func (p *parser) failf(code string, pos int, format string, args ...any) {
	panic(bailout{errorc(code, pos, format, args...)})
}

// advance reads the next token. infix says the parser expects an operator
// there (so "/" divides) rather than an operand (so "/" opens a regular
// expression). jsonata-js decides this the same way, which makes a / after
// some closing tokens (a[] / 2, a^(b) / 2) a regular expression.
func (p *parser) advance(infix bool) {
	t, err := p.lx.next(infix)
	if err != nil {
		panic(bailout{err})
	}
	if t.kind == tkOperator && !knownOperator(t.text) {
		p.failf("S0204", t.pos, "unknown operator %q", t.text)
	}
	p.tok = t
}

func knownOperator(op string) bool {
	switch op {
	case "!", "~":
		return false
	}
	return true
}

func (p *parser) is(op string) bool {
	return p.tok.kind == tkOperator && p.tok.text == op
}

// advanceAfterClose is advance(false) after the ] of x[], the ) of a
// sort, the | that ends a transform or the } of a lambda: jsonata-js reads
// an operand there, so a "/" starts a regular expression, and the error
// says so.
func (p *parser) advanceAfterClose(closer string) {
	t, err := p.lx.next(false)
	if err != nil {
		if strings.HasPrefix(p.lx.src[err.Pos:], "/") && !strings.HasPrefix(p.lx.src[err.Pos:], "/*") {
			err.Msg += fmt.Sprintf(` (JSONata 2.0.6 reads a "/" right after this %q as the start of a regular expression; put the left operand of the division in parentheses)`, closer)
		}
		panic(bailout{err})
	}
	if t.kind == tkOperator && !knownOperator(t.text) {
		p.failf("S0204", t.pos, "unknown operator %q", t.text)
	}
	p.tok = t
}

// expect checks that the current token is op and moves past it.
func (p *parser) expect(op string, infix bool) {
	if !p.is(op) {
		if p.is("..") {
			p.failf("S0202", p.tok.pos, "expected %q, got \"..\": a range is allowed only as an item of an array constructor, as in [1..5]", op)
		}
		if p.tok.kind == tkEnd {
			p.failf("S0203", p.tok.pos, "expected %q before the end of the expression", op)
		}
		p.failf("S0202", p.tok.pos, "expected %q, got %s", op, describe(p.tok))
	}
	p.advance(infix)
}

// expectClose is expect(op, false) for the closers of advanceAfterClose.
func (p *parser) expectClose(op string) {
	if !p.is(op) {
		p.expect(op, false)
	}
	p.advanceAfterClose(op)
}

// describe names a token for an error message.
func describe(t token) string {
	switch t.kind {
	case tkEnd:
		return "the end of the expression"
	case tkName:
		return fmt.Sprintf("name %q", t.text)
	case tkVariable:
		return fmt.Sprintf("variable %q", "$"+t.text)
	case tkString:
		return fmt.Sprintf("string %q", t.text)
	case tkNumber:
		return "number " + t.text
	case tkValue:
		return t.text
	case tkRegex:
		return "regular expression /" + t.text + "/" + t.flags
	}
	return fmt.Sprintf("%q", t.text)
}

// lbp is the left binding power of the current token: how strongly it
// binds to the expression on its left.
func lbp(t token) int {
	if t.kind != tkOperator {
		return 0
	}
	switch t.text {
	case "[", "(", "@", "#":
		return 80
	case ".":
		return 75
	case "{":
		return 70
	case "*", "/", "%":
		return 60
	case "+", "-", "&":
		return 50
	case "=", "!=", "<", "<=", ">", ">=", "^", "~>", "in":
		return 40
	case "and":
		return 30
	case "or":
		return 25
	case "?":
		return 20
	case ":=":
		return 10
	}
	return 0
}

// expression is the Pratt loop: an operand, then operators binding more
// strongly than rbp.
func (p *parser) expression(rbp int) Node {
	p.depth++
	if p.depth > maxDepth {
		p.failf("S0201", p.tok.pos, "expression nested too deeply (more than %d levels)", maxDepth)
	}
	t := p.tok
	p.advance(true)
	left := p.nud(t)
	for rbp < lbp(p.tok) {
		t = p.tok
		p.advance(false)
		left = p.led(t, left)
	}
	p.depth--
	return left
}

// nud parses the operand that starts with t (already consumed).
func (p *parser) nud(t token) Node {
	switch t.kind {
	case tkEnd:
		p.failf("S0207", t.pos, "unexpected end of the expression")
	case tkString:
		return &StringLit{Position: t.pos, Value: t.text, Quote: t.quote}
	case tkNumber:
		v, _ := strconv.ParseFloat(t.text, 64)
		return &NumberLit{Position: t.pos, Value: v, Text: t.text}
	case tkValue:
		switch t.text {
		case "true":
			return &BoolLit{Position: t.pos, Value: true}
		case "false":
			return &BoolLit{Position: t.pos}
		}
		return &NullLit{Position: t.pos}
	case tkRegex:
		return &Regex{Position: t.pos, Pattern: t.text, Flags: t.flags}
	case tkName:
		return &Name{Position: t.pos, Value: t.text, Quote: t.quote}
	case tkVariable:
		return &Variable{Position: t.pos, Name: t.text}
	}
	switch t.text {
	case "and", "or", "in":
		return &Name{Position: t.pos, Value: t.text}
	case "-":
		return &Negate{Position: t.pos, Expr: p.expression(70)}
	case "*":
		return &Wildcard{Position: t.pos}
	case "**":
		return &Descendant{Position: t.pos}
	case "%":
		return &Parent{Position: t.pos}
	case "[":
		return p.array(t)
	case "{":
		return &ObjectCons{Position: t.pos, Pairs: p.pairs()}
	case "(":
		return p.block(t)
	case "|":
		return p.transform(t)
	}
	p.failf("S0211", t.pos, "unexpected %q: it cannot start an operand", t.text)
	return nil
}

// led parses the operator t (already consumed) applied to left.
func (p *parser) led(t token, left Node) Node {
	switch t.text {
	case ".":
		rhs := stepify(p.expression(75))
		if path, ok := left.(*Path); ok {
			path.Steps = append(path.Steps, rhs)
			return path
		}
		return &Path{Position: t.pos, Steps: []Node{stepify(left), rhs}}
	case "[":
		if p.is("]") {
			p.advanceAfterClose("]")
			return &KeepArray{Position: t.pos, Expr: left}
		}
		pred := p.expression(0)
		p.expect("]", true)
		return &Filter{Position: t.pos, Expr: left, Predicate: pred}
	case "{":
		return &GroupBy{Position: t.pos, Expr: left, Pairs: p.pairs()}
	case "(":
		return p.call(t, left)
	case "^":
		return p.sort(t, left)
	case ":=":
		v, ok := left.(*Variable)
		if !ok {
			p.failf("S0212", left.Pos(), "the left side of := must be a variable name (start with $)")
		}
		return &Bind{Position: t.pos, Var: v, Value: p.expression(9)}
	case "@", "#":
		rhs := p.expression(80)
		v, ok := rhs.(*Variable)
		if !ok {
			p.failf("S0214", rhs.Pos(), "the right side of %s must be a variable name (start with $)", t.text)
		}
		if t.text == "@" {
			return &FocusBind{Position: t.pos, Expr: left, Var: v}
		}
		return &IndexBind{Position: t.pos, Expr: left, Var: v}
	case "?":
		if p.tok.kind == tkOperator && p.tok.pos == t.end {
			switch p.tok.text {
			case "?":
				p.failf("S0211", t.pos, "the ?? operator needs JSONata 2.1; Step Functions runs JSONata 2.0.6: use a condition such as $exists(a) ? a : b")
			case ":":
				p.failf("S0211", t.pos, "the ?: operator needs JSONata 2.1; Step Functions runs JSONata 2.0.6: use a condition such as a ? a : b")
			}
		}
		c := &Condition{Position: t.pos, Cond: left, Then: p.expression(0)}
		if p.is(":") {
			p.advance(false)
			c.Else = p.expression(0)
		}
		return c
	case "~>":
		return &Apply{Position: t.pos, LHS: left, RHS: p.expression(40)}
	}
	return &Binary{Position: t.pos, Op: t.text, LHS: left, RHS: p.expression(lbp(t))}
}

// stepify turns a string literal used as a path step (possibly under
// predicates, bindings, group-by or sort) into a *Name, as jsonata-js does.
func stepify(n Node) Node {
	switch n := n.(type) {
	case *StringLit:
		return &Name{Position: n.Position, Value: n.Value, Quote: n.Quote}
	case *Filter:
		n.Expr = stepify(n.Expr)
	case *KeepArray:
		n.Expr = stepify(n.Expr)
	case *FocusBind:
		n.Expr = stepify(n.Expr)
	case *IndexBind:
		n.Expr = stepify(n.Expr)
	case *GroupBy:
		n.Expr = stepify(n.Expr)
	case *Sort:
		n.Expr = stepify(n.Expr)
	}
	return n
}

func (p *parser) array(t token) Node {
	a := &ArrayCons{Position: t.pos}
	if !p.is("]") {
		for {
			item := p.expression(0)
			if p.is("..") {
				pos := p.tok.pos
				p.advance(false)
				item = &Range{Position: pos, From: item, To: p.expression(0)}
			}
			a.Items = append(a.Items, item)
			if !p.is(",") {
				break
			}
			p.advance(false)
		}
	}
	p.expect("]", true)
	return a
}

// pairs parses the inside of an object constructor after "{".
func (p *parser) pairs() []Pair {
	var pairs []Pair
	if !p.is("}") {
		for {
			k := p.expression(0)
			p.expect(":", false)
			v := p.expression(0)
			pairs = append(pairs, Pair{Key: k, Value: v})
			if !p.is(",") {
				break
			}
			p.advance(false)
		}
	}
	p.expect("}", true)
	return pairs
}

func (p *parser) block(t token) Node {
	b := &Block{Position: t.pos}
	for !p.is(")") {
		b.Exprs = append(b.Exprs, p.expression(0))
		if !p.is(";") {
			break
		}
		p.advance(false)
	}
	p.expect(")", true)
	return b
}

func (p *parser) transform(t token) Node {
	tr := &Transform{Position: t.pos, Pattern: p.expression(0)}
	p.expect("|", false)
	tr.Update = p.expression(0)
	if p.is(",") {
		p.advance(false)
		tr.Delete = p.expression(0)
	}
	p.expectClose("|")
	return tr
}

func (p *parser) sort(t token, left Node) Node {
	s := &Sort{Position: t.pos, Expr: left}
	p.expect("(", false)
	for {
		var term SortTerm
		if p.is("<") {
			p.advance(false)
		} else if p.is(">") {
			term.Descending = true
			p.advance(false)
		}
		term.Expr = p.expression(0)
		s.Terms = append(s.Terms, term)
		if !p.is(",") {
			break
		}
		p.advance(false)
	}
	p.expectClose(")")
	return s
}

// call parses a function call, a partial application or (when the callee
// is the name function or λ) a lambda definition.
func (p *parser) call(t token, left Node) Node {
	c := &Call{Position: t.pos, Func: left}
	if !p.is(")") {
		for {
			if p.is("?") {
				c.Args = append(c.Args, &Placeholder{Position: p.tok.pos})
				c.Partial = true
				p.advance(false)
			} else {
				c.Args = append(c.Args, p.expression(0))
			}
			if !p.is(",") {
				break
			}
			p.advance(false)
		}
	}
	p.expect(")", true)
	name, ok := left.(*Name)
	if !ok || (name.Quote != 0 && name.Quote != '`') || (name.Value != "function" && name.Value != "λ") {
		return c
	}
	l := &Lambda{Position: left.Pos()}
	for i, a := range c.Args {
		v, ok := a.(*Variable)
		if !ok {
			p.failf("S0208", a.Pos(), "parameter %d of the function definition must be a variable name (start with $)", i+1)
		}
		l.Params = append(l.Params, v)
	}
	if p.is("<") {
		start := p.tok.pos
		depth := 1
		var sig strings.Builder
		sig.WriteString("<")
		for depth > 0 && !p.is("{") && p.tok.kind != tkEnd {
			p.advance(false)
			if p.is(">") {
				depth--
			} else if p.is("<") {
				depth++
			}
			sig.WriteString(tokenValue(p.tok))
		}
		p.expect(">", false)
		l.Signature = sig.String()
		if _, err := ParseSignature(l.Signature); err != nil {
			p.failf(signatureCode(err.Error()), start, "invalid function signature %s: %s", l.Signature, err)
		}
	}
	p.expect("{", false)
	l.Body = p.expression(0)
	p.expectClose("}")
	return l
}

// tokenValue is the text a token contributes to a function signature:
// jsonata-js rebuilds the signature by concatenating token values, so
// blanks disappear, a variable loses its $, a string its quotes and a
// number is written the JavaScript way.
func tokenValue(t token) string {
	switch t.kind {
	case tkEnd:
		return "undefined"
	case tkNumber:
		v, _ := strconv.ParseFloat(t.text, 64)
		return jsNumber(v)
	case tkRegex:
		flags := "g"
		if strings.Contains(t.flags, "i") {
			flags += "i"
		}
		if strings.Contains(t.flags, "m") {
			flags += "m"
		}
		return "/" + t.text + "/" + flags
	}
	return t.text
}

// jsNumber formats v as JavaScript's Number#toString does (for the finite
// values the lexer produces).
func jsNumber(v float64) string {
	a := math.Abs(v)
	if a == 0 || (a >= 1e-6 && a < 1e21) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'e', -1, 64)
	mant, exp, _ := strings.Cut(s, "e")
	sign := exp[0]
	exp = strings.TrimLeft(exp[1:], "0")
	return mant + "e" + string(sign) + exp
}
