package local

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl/jsonpath"
	"github.com/goasl/goasl/asl/value"
)

// path is a parsed JSONPath with its text and its filters compiled.
type path struct {
	text     string
	p        *jsonpath.Path
	definite bool
	filters  map[int]*filterExpr // by step index (and -1-i for a recursive step's sub)
}

// compilePath parses a JSONPath once, for the machine.
func compilePath(text string) (*path, error) {
	p, err := jsonpath.Parse(text)
	if err != nil {
		return nil, err
	}
	cp := &path{text: text, p: p, definite: p.IsDefinite()}
	for i := range p.Steps {
		s := &p.Steps[i]
		f := s
		if s.Kind == jsonpath.StepRecursive && s.Sub != nil {
			f = s.Sub
		}
		if f.Kind == jsonpath.StepFilter {
			fe, err := parseFilter(f.Filter)
			if err != nil {
				return nil, err
			}
			if cp.filters == nil {
				cp.filters = map[int]*filterExpr{}
			}
			cp.filters[i] = fe
		}
	}
	return cp, nil
}

// roots are the three values a path can start from.
type roots struct {
	input   value.Value
	context value.Value // set: the context object; else built from sctx
	vars    *scope
	sctx    *stateCtx
}

func (r *roots) contextValue() value.Value {
	if r.context.IsUndefined() && r.sctx != nil {
		return r.sctx.value()
	}
	return r.context
}

// eval returns the value the path selects. For a definite path it reports
// false, with the index of the step that found nothing, when there is no
// such value; an indefinite path always yields an array (Jayway's list).
func (cp *path) eval(r *roots) (value.Value, bool, int) {
	var root value.Value
	switch cp.p.Root {
	case jsonpath.RootContext:
		root = r.contextValue()
	case jsonpath.RootVariable:
		v, ok := r.vars.get(cp.p.Variable)
		if !ok {
			return value.Value{}, false, -1
		}
		root = v
	default:
		root = r.input
	}
	if cp.definite {
		cur := root
		for i := range cp.p.Steps {
			s := &cp.p.Steps[i]
			switch s.Kind {
			case jsonpath.StepField:
				v, ok := cur.Get(s.Name)
				if !ok {
					return value.Value{}, false, i
				}
				cur = v
			case jsonpath.StepIndex:
				if cur.Kind() != value.Array {
					return value.Value{}, false, i
				}
				idx := s.Index
				if idx < 0 {
					idx += cur.Len()
				}
				if idx < 0 || idx >= cur.Len() {
					return value.Value{}, false, i
				}
				cur = cur.Index(idx)
			case jsonpath.StepUnion: // names, last step: an object of those present
				if cur.Kind() != value.Object {
					return value.Value{}, false, i
				}
				var b value.ObjectBuilder
				for _, n := range s.Names {
					if v, ok := cur.Get(n); ok {
						b.Set(n, v)
					}
				}
				cur = b.Value()
			}
		}
		return cur, true, 0
	}
	nodes := []value.Value{root}
	for i := range cp.p.Steps {
		s := &cp.p.Steps[i]
		var next []value.Value
		for _, n := range nodes {
			next = cp.step(next, s, i, n, r)
		}
		nodes = next
	}
	if nodes == nil {
		nodes = []value.Value{}
	}
	return value.FromArray(nodes), true, 0
}

func (cp *path) step(out []value.Value, s *jsonpath.Step, i int, n value.Value, r *roots) []value.Value {
	switch s.Kind {
	case jsonpath.StepField:
		if v, ok := n.Get(s.Name); ok {
			out = append(out, v)
		}
	case jsonpath.StepIndex:
		if n.Kind() == value.Array {
			idx := s.Index
			if idx < 0 {
				idx += n.Len()
			}
			if idx >= 0 && idx < n.Len() {
				out = append(out, n.Index(idx))
			}
		}
	case jsonpath.StepWildcard:
		switch n.Kind() {
		case value.Array:
			out = append(out, n.Items()...)
		case value.Object:
			out = append(out, n.Values()...)
		}
	case jsonpath.StepSlice:
		if n.Kind() == value.Array {
			l := n.Len()
			start, end := 0, l
			if s.HasStart {
				start = s.Start
			}
			if s.HasEnd {
				end = s.End
			}
			if start < 0 {
				start = max(0, l+start)
			}
			if end < 0 {
				end = l + end
			}
			end = min(end, l)
			for j := start; j < end; j++ {
				out = append(out, n.Index(j))
			}
		}
	case jsonpath.StepUnion:
		if s.Names != nil {
			for _, name := range s.Names {
				if v, ok := n.Get(name); ok {
					out = append(out, v)
				}
			}
		} else if n.Kind() == value.Array {
			for _, idx := range s.Indices {
				if idx < 0 {
					idx += n.Len()
				}
				if idx >= 0 && idx < n.Len() {
					out = append(out, n.Index(idx))
				}
			}
		}
	case jsonpath.StepFilter:
		f := cp.filters[i]
		var items []value.Value
		switch n.Kind() {
		case value.Array:
			items = n.Items()
		case value.Object:
			items = []value.Value{n}
		}
		for _, it := range items {
			if f.test(it, r) {
				out = append(out, it)
			}
		}
	case jsonpath.StepRecursive:
		out = cp.descend(out, s, i, n, r)
	}
	return out
}

// descend applies a recursive step: the selector to n and to every node
// below it, in document order.
func (cp *path) descend(out []value.Value, s *jsonpath.Step, i int, n value.Value, r *roots) []value.Value {
	if s.Sub == nil {
		if v, ok := n.Get(s.Name); ok {
			out = append(out, v)
		}
	} else {
		out = cp.step(out, s.Sub, i, n, r)
	}
	switch n.Kind() {
	case value.Array:
		for _, it := range n.Items() {
			out = cp.descend(out, s, i, it, r)
		}
	case value.Object:
		for _, it := range n.Values() {
			out = cp.descend(out, s, i, it, r)
		}
	}
	return out
}

// bracketPath renders the steps up to and including step i the way Jayway
// writes a path in its messages: $['a']['b'][0].
func (cp *path) bracketPath(upto int) string {
	var b strings.Builder
	switch cp.p.Root {
	case jsonpath.RootContext:
		b.WriteString("$$")
	case jsonpath.RootVariable:
		b.WriteString("$" + cp.p.Variable)
	default:
		b.WriteString("$")
	}
	for i := 0; i <= upto && i < len(cp.p.Steps); i++ {
		s := cp.p.Steps[i]
		switch s.Kind {
		case jsonpath.StepField:
			b.WriteString("['" + s.Name + "']")
		case jsonpath.StepIndex:
			b.WriteString("[" + strconv.Itoa(s.Index) + "]")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// notFound is Jayway's message for a definite path that found nothing at
// step at: a missing property before the last step is "Missing property",
// at the last step "No results".
func (cp *path) notFound(at int) string {
	if at >= 0 && at < len(cp.p.Steps)-1 {
		return fmt.Sprintf("Invalid path '%s' : Missing property in path %s", cp.text, cp.bracketPath(at))
	}
	return fmt.Sprintf("Invalid path '%s' : No results for path: %s", cp.text, cp.bracketPath(len(cp.p.Steps)-1))
}

// setPath returns input with the value at a reference path replaced by v,
// creating objects on the way as ResultPath does. It reports the index of
// a step that cannot be followed (a field of a non-object, an index out of
// range).
func setPath(input value.Value, steps []jsonpath.Step, v value.Value) (value.Value, int, bool) {
	if len(steps) == 0 {
		return v, 0, true
	}
	s := steps[0]
	switch s.Kind {
	case jsonpath.StepField:
		if input.Kind() != value.Object {
			if input.IsUndefined() || input.IsNull() {
				input = value.Value{}
			} else {
				return value.Value{}, 0, false
			}
		}
		child, _ := input.Get(s.Name)
		nv, bad, ok := setPath(child, steps[1:], v)
		if !ok {
			return value.Value{}, bad + 1, false
		}
		return input.With(s.Name, nv), 0, true
	case jsonpath.StepIndex:
		if input.Kind() != value.Array {
			return value.Value{}, 0, false
		}
		idx := s.Index
		if idx < 0 {
			idx += input.Len()
		}
		if idx < 0 || idx >= input.Len() {
			return value.Value{}, 0, false
		}
		nv, bad, ok := setPath(input.Index(idx), steps[1:], v)
		if !ok {
			return value.Value{}, bad + 1, false
		}
		items := append([]value.Value(nil), input.Items()...)
		items[idx] = nv
		return value.FromArray(items), 0, true
	}
	return value.Value{}, 0, false
}

// filterExpr is a compiled filter expression [?( ... )].
type filterExpr struct {
	op          string // "&&", "||", "!", a comparison, "exists"
	left, right *filterExpr
	operand     *filterOperand // for "exists"
	a, b        *filterOperand // for comparisons
	re          *regexp.Regexp
}

type filterOperand struct {
	rel  bool // @...
	abs  bool // $...
	path *path
	lit  value.Value
}

func (o *filterOperand) value(it value.Value, r *roots) (value.Value, bool) {
	switch {
	case o.rel:
		rr := &roots{input: it, context: r.context, vars: r.vars, sctx: r.sctx}
		v, ok, _ := o.path.eval(rr)
		return v, ok
	case o.abs:
		v, ok, _ := o.path.eval(r)
		return v, ok
	}
	return o.lit, true
}

func (f *filterExpr) test(it value.Value, r *roots) bool {
	switch f.op {
	case "&&":
		return f.left.test(it, r) && f.right.test(it, r)
	case "||":
		return f.left.test(it, r) || f.right.test(it, r)
	case "!":
		return !f.left.test(it, r)
	case "exists":
		v, ok := f.operand.value(it, r)
		return ok && !(v.Kind() == value.Bool && !v.Bool())
	}
	a, okA := f.a.value(it, r)
	b, okB := f.b.value(it, r)
	if !okA || !okB {
		return f.op == "!=" && okA != okB
	}
	switch f.op {
	case "=~":
		return a.Kind() == value.String && f.re != nil && f.re.MatchString(a.Str())
	case "in", "nin":
		found := false
		for _, x := range b.Items() {
			if value.Equal(a, x) {
				found = true
				break
			}
		}
		return found == (f.op == "in")
	}
	c, comparable := compareFilter(a, b)
	switch f.op {
	case "==":
		return comparable && c == 0
	case "!=":
		return !comparable || c != 0
	case "<":
		return comparable && c < 0
	case "<=":
		return comparable && c <= 0
	case ">":
		return comparable && c > 0
	case ">=":
		return comparable && c >= 0
	}
	return false
}

func compareFilter(a, b value.Value) (int, bool) {
	if a.Kind() == value.Number && b.Kind() == value.Number {
		switch {
		case a.Float() < b.Float():
			return -1, true
		case a.Float() > b.Float():
			return 1, true
		}
		return 0, true
	}
	if a.Kind() == value.String && b.Kind() == value.String {
		return strings.Compare(a.Str(), b.Str()), true
	}
	if a.Kind() != b.Kind() {
		return 0, false
	}
	if value.Equal(a, b) {
		return 0, true
	}
	return 1, a.Kind() == value.Bool || a.Kind() == value.Null
}

// parseFilter parses the text between "?(" and ")".
func parseFilter(s string) (*filterExpr, error) {
	p := &filterParser{s: s}
	e, err := p.or()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(p.s) {
		return nil, &jsonpath.Error{Offset: p.pos, Msg: "unexpected text in filter: " + p.s[p.pos:]}
	}
	return e, nil
}

type filterParser struct {
	s   string
	pos int
}

func (p *filterParser) ws() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\n') {
		p.pos++
	}
}

func (p *filterParser) eat(tok string) bool {
	p.ws()
	if strings.HasPrefix(p.s[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *filterParser) or() (*filterExpr, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.eat("||") {
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = &filterExpr{op: "||", left: l, right: r}
	}
	return l, nil
}

func (p *filterParser) and() (*filterExpr, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.eat("&&") {
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &filterExpr{op: "&&", left: l, right: r}
	}
	return l, nil
}

func (p *filterParser) unary() (*filterExpr, error) {
	if p.eat("!") {
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &filterExpr{op: "!", left: e}, nil
	}
	if p.eat("(") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, &jsonpath.Error{Offset: p.pos, Msg: `expected ")" in filter`}
		}
		return e, nil
	}
	a, err := p.operand()
	if err != nil {
		return nil, err
	}
	for _, op := range []string{"==", "!=", "<=", ">=", "=~", "<", ">", " in ", " nin "} {
		p.ws()
		if strings.HasPrefix(p.s[p.pos:], strings.TrimLeft(op, " ")) && (op[0] != ' ' || p.pos > 0) {
			p.pos += len(strings.TrimSpace(op))
			op = strings.TrimSpace(op)
			if op == "=~" {
				p.ws()
				re, err := p.regex()
				if err != nil {
					return nil, err
				}
				return &filterExpr{op: op, a: a, b: &filterOperand{lit: value.NullValue}, re: re}, nil
			}
			b, err := p.operand()
			if err != nil {
				return nil, err
			}
			return &filterExpr{op: op, a: a, b: b}, nil
		}
	}
	return &filterExpr{op: "exists", operand: a}, nil
}

func (p *filterParser) regex() (*regexp.Regexp, error) {
	if p.pos >= len(p.s) || p.s[p.pos] != '/' {
		return nil, &jsonpath.Error{Offset: p.pos, Msg: "expected a /regex/ in filter"}
	}
	end := strings.LastIndexByte(p.s[p.pos+1:], '/')
	if end < 0 {
		return nil, &jsonpath.Error{Offset: p.pos, Msg: "unterminated regex in filter"}
	}
	pat := p.s[p.pos+1 : p.pos+1+end]
	p.pos += end + 2
	flags := ""
	for p.pos < len(p.s) && strings.IndexByte("imsx", p.s[p.pos]) >= 0 {
		if p.s[p.pos] != 'x' {
			flags += string(p.s[p.pos])
		}
		p.pos++
	}
	if flags != "" {
		pat = "(?" + flags + ")" + pat
	}
	return regexp.Compile(pat)
}

func (p *filterParser) operand() (*filterOperand, error) {
	p.ws()
	if p.pos >= len(p.s) {
		return nil, &jsonpath.Error{Offset: p.pos, Msg: "expected an operand in filter"}
	}
	c := p.s[p.pos]
	switch {
	case c == '@' || c == '$':
		start := p.pos
		depth := 0
		p.pos++
		for p.pos < len(p.s) {
			ch := p.s[p.pos]
			if ch == '[' {
				depth++
			} else if ch == ']' {
				depth--
			} else if depth == 0 && strings.IndexByte(" \t=!<>&|)", ch) >= 0 {
				break
			}
			p.pos++
		}
		text := p.s[start:p.pos]
		if c == '@' {
			text = "$" + text[1:]
		}
		cp, err := compilePath(text)
		if err != nil {
			return nil, err
		}
		return &filterOperand{rel: c == '@', abs: c == '$', path: cp}, nil
	case c == '\'' || c == '"':
		end := strings.IndexByte(p.s[p.pos+1:], c)
		if end < 0 {
			return nil, &jsonpath.Error{Offset: p.pos, Msg: "unterminated string in filter"}
		}
		s := p.s[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return &filterOperand{lit: value.FromString(s)}, nil
	case c == '[':
		end := strings.IndexByte(p.s[p.pos:], ']')
		if end < 0 {
			return nil, &jsonpath.Error{Offset: p.pos, Msg: "unterminated list in filter"}
		}
		text := strings.ReplaceAll(p.s[p.pos:p.pos+end+1], "'", `"`)
		p.pos += end + 1
		v, err := value.ParseString(text)
		if err != nil {
			return nil, err
		}
		return &filterOperand{lit: v}, nil
	}
	start := p.pos
	for p.pos < len(p.s) && strings.IndexByte(" \t=!<>&|)", p.s[p.pos]) < 0 {
		p.pos++
	}
	word := p.s[start:p.pos]
	switch word {
	case "true":
		return &filterOperand{lit: value.True}, nil
	case "false":
		return &filterOperand{lit: value.False}, nil
	case "null":
		return &filterOperand{lit: value.NullValue}, nil
	}
	if n, ok := value.FromNumberText(word); ok {
		return &filterOperand{lit: n}, nil
	}
	// Jayway reads an unquoted word as a string.
	return &filterOperand{lit: value.FromString(word)}, nil
}
