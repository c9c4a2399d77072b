package eval

import (
	"strconv"

	"github.com/goasl/goasl/asl/jsonata"
)

// ntype is the kind of an evaluation node.
type ntype uint8

const (
	nString ntype = iota
	nNumber
	nBool
	nNull
	nRegex
	nName
	nVariable
	nWildcard
	nDescendant
	nParent
	nPath
	nBinary
	nAnd
	nOr
	nNegate
	nArray
	nObject
	nBlock
	nBind
	nCondition
	nCall
	nPartial
	nPlaceholder
	nLambda
	nApply
	nSort
	nTransform
)

// enode is a node of the evaluation tree that Compile builds from the
// syntax tree: predicates, bindings, group-by and sort are attached to the
// steps they apply to, and the parent operator is resolved to the step
// whose context it names, as JSONata's reference implementation does
// before it evaluates.
type enode struct {
	typ  ntype
	pos  int
	op   string // operator, name, variable name, string value
	num  float64
	bval bool

	lhs, rhs *enode
	steps    []*enode // path steps
	items    []*enode // array items, block expressions, call arguments
	pairs    [][2]*enode

	// predicates: stages inside a path, predicate outside
	stages    []stage
	predicate []*enode
	group     *group

	focus, index  string
	hasFocus      bool
	hasIndex      bool
	tuple         bool
	ancestor      *pslot
	slot          *pslot // for nParent
	seeking       []*pslot
	keepArray     bool
	keepSingleton bool // path: keep singleton arrays
	consarray     bool
	terms         []sortTerm
	cond, then    *enode
	els           *enode
	params        []string
	sig           *signature
	body          *enode
	thunk         bool
	re            *jsRegex
	pattern, upd  *enode
	del           *enode
	procName      string // the function's name for error messages
	simple        bool   // a path of plain names, maybe after a variable
	constant      bool   // depends on neither the context nor variables
	needsFrame    bool   // a block that binds variables of its own
}

type stage struct {
	index bool   // an index stage (#$var) rather than a filter
	name  string // the variable of an index stage
	expr  *enode // the predicate of a filter stage
	pos   int
}

type group struct {
	pairs [][2]*enode
	pos   int
}

type sortTerm struct {
	desc bool
	expr *enode
}

// pslot is a pending parent reference, resolved to a label.
type pslot struct {
	label string
	level int
}

type compiler struct {
	labels int
}

func (c *compiler) compile(n jsonata.Node) *enode {
	switch n := n.(type) {
	case *jsonata.StringLit:
		return &enode{typ: nString, pos: n.Position, op: n.Value}
	case *jsonata.NumberLit:
		return &enode{typ: nNumber, pos: n.Position, num: n.Value}
	case *jsonata.BoolLit:
		return &enode{typ: nBool, pos: n.Position, bval: n.Value}
	case *jsonata.NullLit:
		return &enode{typ: nNull, pos: n.Position}
	case *jsonata.Regex:
		re, _ := compileRegex(n.Pattern, n.Flags)
		return &enode{typ: nRegex, pos: n.Position, re: re, op: n.Pattern}
	case *jsonata.Name:
		if n.Quote == '"' || n.Quote == '\'' {
			return &enode{typ: nString, pos: n.Position, op: n.Value}
		}
		nm := &enode{typ: nName, pos: n.Position, op: n.Value}
		return &enode{typ: nPath, pos: n.Position, steps: []*enode{nm}}
	case *jsonata.Variable:
		return &enode{typ: nVariable, pos: n.Position, op: n.Name}
	case *jsonata.Wildcard:
		return &enode{typ: nWildcard, pos: n.Position}
	case *jsonata.Descendant:
		return &enode{typ: nDescendant, pos: n.Position}
	case *jsonata.Parent:
		c.labels++
		return &enode{typ: nParent, pos: n.Position, slot: &pslot{label: "!" + strconv.Itoa(c.labels), level: 1}}
	case *jsonata.Placeholder:
		return &enode{typ: nPlaceholder, pos: n.Position}
	case *jsonata.Path:
		result := c.compile(n.Steps[0])
		for _, s := range n.Steps[1:] {
			result = c.dot(result, c.compile(s), n.Position)
		}
		return result
	case *jsonata.Filter:
		result := c.compile(n.Expr)
		step := result
		inPath := false
		if result.typ == nPath {
			step = result.steps[len(result.steps)-1]
			inPath = true
		}
		pred := c.compile(n.Predicate)
		if pred.seeking != nil {
			for _, sl := range pred.seeking {
				if sl.level == 1 {
					c.seekParent(step, sl)
				} else {
					sl.level--
				}
			}
			pushAncestry(step, pred)
		}
		if inPath {
			step.stages = append(step.stages, stage{expr: pred, pos: n.Position})
		} else {
			step.predicate = append(step.predicate, pred)
		}
		return result
	case *jsonata.KeepArray:
		result := c.compile(n.Expr)
		markKeepArray(result)
		return result
	case *jsonata.GroupBy:
		result := c.compile(n.Expr)
		g := &group{pos: n.Position}
		for _, pr := range n.Pairs {
			g.pairs = append(g.pairs, [2]*enode{c.compile(pr.Key), c.compile(pr.Value)})
		}
		result.group = g
		return result
	case *jsonata.Sort:
		result := c.compile(n.Expr)
		if result.typ != nPath {
			result = &enode{typ: nPath, pos: n.Position, steps: []*enode{result}}
		}
		st := &enode{typ: nSort, pos: n.Position}
		for _, t := range n.Terms {
			e := c.compile(t.Expr)
			pushAncestry(st, e)
			st.terms = append(st.terms, sortTerm{desc: t.Descending, expr: e})
		}
		result.steps = append(result.steps, st)
		c.resolveAncestry(result)
		return result
	case *jsonata.FocusBind:
		result := c.compile(n.Expr)
		step := result
		if result.typ == nPath {
			step = result.steps[len(result.steps)-1]
		}
		step.focus = n.Var.Name
		step.hasFocus = true
		step.tuple = true
		return result
	case *jsonata.IndexBind:
		result := c.compile(n.Expr)
		step := result
		if result.typ == nPath {
			step = result.steps[len(result.steps)-1]
		} else {
			result = &enode{typ: nPath, pos: n.Position, steps: []*enode{step}}
			for _, p := range step.predicate {
				step.stages = append(step.stages, stage{expr: p})
			}
			step.predicate = nil
		}
		if step.stages == nil {
			step.index = n.Var.Name
			step.hasIndex = true
		} else {
			step.stages = append(step.stages, stage{index: true, name: n.Var.Name})
		}
		step.tuple = true
		return result
	case *jsonata.Bind:
		r := &enode{typ: nBind, pos: n.Position, op: n.Var.Name, rhs: c.compile(n.Value)}
		pushAncestry(r, r.rhs)
		return r
	case *jsonata.Apply:
		r := &enode{typ: nApply, pos: n.Position, lhs: c.compile(n.LHS), rhs: c.compile(n.RHS)}
		r.keepArray = r.rhs.keepArray
		return r
	case *jsonata.Binary:
		r := &enode{typ: nBinary, pos: n.Position, op: n.Op, lhs: c.compile(n.LHS), rhs: c.compile(n.RHS)}
		switch n.Op {
		case "and":
			r.typ = nAnd
		case "or":
			r.typ = nOr
		}
		pushAncestry(r, r.lhs)
		pushAncestry(r, r.rhs)
		return r
	case *jsonata.Range:
		r := &enode{typ: nBinary, pos: n.Position, op: "..", lhs: c.compile(n.From), rhs: c.compile(n.To)}
		pushAncestry(r, r.lhs)
		pushAncestry(r, r.rhs)
		return r
	case *jsonata.Negate:
		e := c.compile(n.Expr)
		if e.typ == nNumber {
			e.num = -e.num
			return e
		}
		r := &enode{typ: nNegate, pos: n.Position, lhs: e}
		pushAncestry(r, e)
		return r
	case *jsonata.ArrayCons:
		r := &enode{typ: nArray, pos: n.Position}
		for _, it := range n.Items {
			e := c.compile(it)
			pushAncestry(r, e)
			r.items = append(r.items, e)
		}
		return r
	case *jsonata.ObjectCons:
		r := &enode{typ: nObject, pos: n.Position}
		for _, pr := range n.Pairs {
			k, v := c.compile(pr.Key), c.compile(pr.Value)
			pushAncestry(r, k)
			pushAncestry(r, v)
			r.pairs = append(r.pairs, [2]*enode{k, v})
		}
		return r
	case *jsonata.Call:
		r := &enode{typ: nCall, pos: n.Position}
		if n.Partial {
			r.typ = nPartial
		}
		for _, a := range n.Args {
			e := c.compile(a)
			pushAncestry(r, e)
			r.items = append(r.items, e)
		}
		r.lhs = c.compile(n.Func)
		switch f := n.Func.(type) {
		case *jsonata.Variable:
			r.procName = f.Name
		case *jsonata.Name:
			r.procName = f.Value
		}
		return r
	case *jsonata.Lambda:
		r := &enode{typ: nLambda, pos: n.Position}
		for _, p := range n.Params {
			r.params = append(r.params, p.Name)
		}
		if n.Signature != "" {
			r.sig = parseSignature(n.Signature)
		}
		r.body = tailCall(c.compile(n.Body))
		return r
	case *jsonata.Condition:
		r := &enode{typ: nCondition, pos: n.Position, cond: c.compile(n.Cond), then: c.compile(n.Then)}
		pushAncestry(r, r.cond)
		pushAncestry(r, r.then)
		if n.Else != nil {
			r.els = c.compile(n.Else)
			pushAncestry(r, r.els)
		}
		return r
	case *jsonata.Transform:
		r := &enode{typ: nTransform, pos: n.Position, pattern: c.compile(n.Pattern), upd: c.compile(n.Update)}
		if n.Delete != nil {
			r.del = c.compile(n.Delete)
		}
		return r
	case *jsonata.Block:
		r := &enode{typ: nBlock, pos: n.Position}
		for _, e := range n.Exprs {
			pe := c.compile(e)
			pushAncestry(r, pe)
			if pe.consarray || (pe.typ == nPath && len(pe.steps) > 0 && pe.steps[0].consarray) {
				r.consarray = true
			}
			r.items = append(r.items, pe)
		}
		return r
	}
	return &enode{typ: nNull}
}

// markKeepArray sets the keep-array flag as the parser of the reference
// implementation does: on the expression under any predicates, and on the
// path that contains it.
func markKeepArray(n *enode) {
	if n.typ == nPath {
		n.keepSingleton = true
		n.steps[len(n.steps)-1].keepArray = true
		return
	}
	n.keepArray = true
}

// tailCall marks a function call in tail position of a lambda body so that
// it runs in the caller's loop instead of growing the stack.
func tailCall(n *enode) *enode {
	switch {
	case n.typ == nCall && len(n.predicate) == 0:
		return &enode{typ: nLambda, pos: n.pos, body: n, thunk: true}
	case n.typ == nCondition:
		n.then = tailCall(n.then)
		if n.els != nil {
			n.els = tailCall(n.els)
		}
	case n.typ == nBlock && len(n.items) > 0:
		n.items[len(n.items)-1] = tailCall(n.items[len(n.items)-1])
	}
	return n
}

// optimize marks the paths that evaluate without sequences when every
// step meets a single object, and the blocks that need a scope.
func optimize(n *enode) {
	if n == nil {
		return
	}
	switch n.typ {
	case nPath:
		n.simple = !n.keepSingleton && n.group == nil && !n.tuple && len(n.predicate) == 0 && !n.keepArray
		for i, s := range n.steps {
			plain := len(s.stages) == 0 && len(s.predicate) == 0 && s.group == nil && !s.hasFocus && !s.hasIndex && !s.tuple && !s.keepArray && s.ancestor == nil
			if !plain || !(s.typ == nName || (i == 0 && s.typ == nVariable)) {
				n.simple = false
			}
		}
	case nBlock:
		n.needsFrame = bindsHere(n.items...)
	}
	n.eachChild(optimize)
	n.constant = isConstant(n)
}

// eachChild calls f on each of n's subexpressions (f is called with nil for
// an absent one).
func (n *enode) eachChild(f func(*enode)) {
	for _, x := range []*enode{n.lhs, n.rhs, n.cond, n.then, n.els, n.body, n.pattern, n.upd, n.del} {
		f(x)
	}
	for _, x := range n.steps {
		f(x)
	}
	for _, x := range n.items {
		f(x)
	}
	for _, p := range n.pairs {
		f(p[0])
		f(p[1])
	}
	for _, st := range n.stages {
		f(st.expr)
	}
	for _, x := range n.predicate {
		f(x)
	}
	if n.group != nil {
		for _, p := range n.group.pairs {
			f(p[0])
			f(p[1])
		}
	}
	for _, t := range n.terms {
		f(t.expr)
	}
}

// isConstant reports whether n is made of literals only (numbers,
// strings, ranges and arrays of them, arithmetic on them), so that its
// value can be computed once where it would be computed for every item.
func isConstant(n *enode) bool {
	if n == nil || len(n.predicate) > 0 || n.group != nil || n.keepArray {
		return false
	}
	switch n.typ {
	case nNumber, nString, nBool, nNull:
		return true
	case nNegate:
		return isConstant(n.lhs)
	case nBinary:
		return isConstant(n.lhs) && isConstant(n.rhs)
	case nArray:
		for _, it := range n.items {
			if !isConstant(it) {
				return false
			}
		}
		return true
	}
	return false
}

// bindsHere reports whether a variable binding in ns (outside nested
// blocks and lambdas, which have scopes of their own) binds in the scope
// the expressions are evaluated in.
func bindsHere(ns ...*enode) bool {
	found := false
	var visit func(n *enode)
	visit = func(n *enode) {
		if found || n == nil || n.typ == nBlock || n.typ == nLambda {
			return
		}
		if n.typ == nBind {
			found = true
			return
		}
		n.eachChild(visit)
	}
	for _, n := range ns {
		visit(n)
	}
	return found
}

func (c *compiler) dot(lstep, rest *enode, pos int) *enode {
	result := lstep
	if lstep.typ != nPath {
		result = &enode{typ: nPath, pos: pos, steps: []*enode{lstep}}
	}
	if lstep.typ == nParent {
		result.seeking = []*pslot{lstep.slot}
	}
	if rest.typ == nPath {
		result.steps = append(result.steps, rest.steps...)
		if rest.keepSingleton {
			result.keepSingleton = true
		}
	} else {
		if rest.predicate != nil {
			for _, p := range rest.predicate {
				rest.stages = append(rest.stages, stage{expr: p})
			}
			rest.predicate = nil
		}
		result.steps = append(result.steps, rest)
	}
	for _, s := range result.steps {
		if s.typ == nString {
			s.typ = nName
		}
		if s.keepArray {
			result.keepSingleton = true
		}
	}
	if f := result.steps[0]; f.typ == nArray {
		f.consarray = true
	}
	if l := result.steps[len(result.steps)-1]; l.typ == nArray {
		l.consarray = true
	}
	c.resolveAncestry(result)
	return result
}

func (c *compiler) seekParent(node *enode, sl *pslot) {
	switch node.typ {
	case nName, nWildcard:
		sl.level--
		if sl.level == 0 {
			if node.ancestor == nil {
				node.ancestor = sl
			} else {
				sl.label = node.ancestor.label
				node.ancestor = sl
			}
			node.tuple = true
		}
	case nParent:
		sl.level++
	case nBlock:
		if len(node.items) > 0 {
			node.tuple = true
			c.seekParent(node.items[len(node.items)-1], sl)
		}
	case nPath:
		node.tuple = true
		i := len(node.steps) - 1
		c.seekParent(node.steps[i], sl)
		i--
		for sl.level > 0 && i >= 0 {
			c.seekParent(node.steps[i], sl)
			i--
		}
	}
}

func pushAncestry(result, value *enode) {
	if value.seeking == nil && value.typ != nParent {
		return
	}
	slots := value.seeking
	if value.typ == nParent {
		slots = append(slots, value.slot)
	}
	result.seeking = append(result.seeking, slots...)
}

func (c *compiler) resolveAncestry(path *enode) {
	last := path.steps[len(path.steps)-1]
	slots := last.seeking
	if last.typ == nParent {
		slots = append(slots, last.slot)
	}
	for _, sl := range slots {
		i := len(path.steps) - 2
		for sl.level > 0 {
			if i < 0 {
				path.seeking = append(path.seeking, sl)
				break
			}
			step := path.steps[i]
			i--
			for i >= 0 && step.hasFocus && path.steps[i].hasFocus {
				step = path.steps[i]
				i--
			}
			c.seekParent(step, sl)
		}
	}
}
