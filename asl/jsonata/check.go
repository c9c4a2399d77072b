package jsonata

// check applies the rules jsonata-js enforces after parsing, when it
// rewrites the parse tree into paths of steps:
//
//   - a number, true, false or null cannot be a path step (1.a, a.-1);
//   - a predicate cannot follow a group-by on the same step, nor a second
//     group-by;
//   - a focus binding @$v cannot follow a predicate or a sort on its step;
//   - every % (parent) must be resolvable to an enclosing step that is a
//     name or a wildcard, and none may be left over at the top level.
//
// It works on a scratch model of jsonata-js's step tree (pnode), built the
// same way, so that the verdicts agree case for case.
func check(n Node) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	root := proc(n)
	if root.kind == pkParent || root.seeking != nil {
		pos := root.pos
		if root.kind != pkParent {
			pos = root.seeking.s[0].pos
		}
		return errorc("S0217", pos, "the parent operator %% has no enclosing step to refer to")
	}
	return nil
}

type pkind int

const (
	pkOther pkind = iota
	pkPath
	pkName
	pkString
	pkNumber
	pkValue
	pkWildcard
	pkParent
	pkBlock
	pkSort
)

// pnode is a node of jsonata-js's rewritten tree, reduced to what the
// checks need.
type pnode struct {
	kind    pkind
	pos     int
	steps   []*pnode // path steps
	last    *pnode   // a block's last expression
	slot    *slot    // a parent's slot
	seeking *slotList

	stages, predicate, group, focus bool
}

// slot is a pending parent reference: level counts the steps still to
// climb.
type slot struct{ level, pos int }

// slotList is shared by reference between nodes, like the JavaScript array
// it models.
type slotList struct{ s []*slot }

func bail(code string, pos int, format string, args ...any) {
	panic(bailout{errorc(code, pos, format, args...)})
}

func proc(n Node) *pnode {
	switch n := n.(type) {
	case *Name:
		if n.Quote == '"' || n.Quote == '\'' {
			// A string literal step; it becomes a name when its path is
			// assembled.
			return &pnode{kind: pkString, pos: n.Position}
		}
		return &pnode{kind: pkPath, pos: n.Position, steps: []*pnode{{kind: pkName, pos: n.Position}}}
	case *StringLit:
		return &pnode{kind: pkString, pos: n.Position}
	case *NumberLit:
		return &pnode{kind: pkNumber, pos: n.Position}
	case *BoolLit, *NullLit:
		return &pnode{kind: pkValue, pos: n.Pos()}
	case *Wildcard:
		return &pnode{kind: pkWildcard, pos: n.Position}
	case *Parent:
		return &pnode{kind: pkParent, pos: n.Position, slot: &slot{level: 1, pos: n.Position}}
	case *Regex, *Variable, *Descendant, *Placeholder:
		return &pnode{pos: n.Pos()}
	case *Path:
		result := proc(n.Steps[0])
		for _, s := range n.Steps[1:] {
			result = procDot(result, proc(s))
		}
		return result
	case *Filter:
		result := proc(n.Expr)
		step := result
		if result.kind == pkPath {
			step = result.steps[len(result.steps)-1]
		}
		if step.group {
			bail("S0209", n.Position, "a predicate cannot follow a group-by on the same step")
		}
		if result.kind == pkPath {
			step.stages = true
		} else {
			step.predicate = true
		}
		pred := proc(n.Predicate)
		if pred.seeking != nil {
			for _, sl := range pred.seeking.s {
				if sl.level == 1 {
					seekParent(step, sl)
				} else {
					sl.level--
				}
			}
			pushAncestry(step, pred)
		}
		return result
	case *KeepArray:
		return proc(n.Expr)
	case *GroupBy:
		result := proc(n.Expr)
		if result.group {
			bail("S0210", n.Position, "a step can have only one group-by")
		}
		result.group = true
		for _, pr := range n.Pairs {
			proc(pr.Key)
			proc(pr.Value)
		}
		return result
	case *Sort:
		result := proc(n.Expr)
		if result.kind != pkPath {
			result = &pnode{kind: pkPath, pos: n.Position, steps: []*pnode{result}}
		}
		st := &pnode{kind: pkSort, pos: n.Position}
		for _, t := range n.Terms {
			pushAncestry(st, proc(t.Expr))
		}
		result.steps = append(result.steps, st)
		resolveAncestry(result)
		return result
	case *FocusBind:
		result := proc(n.Expr)
		step := result
		if result.kind == pkPath {
			step = result.steps[len(result.steps)-1]
		}
		if step.stages || step.predicate {
			bail("S0215", n.Position, "a focus binding @%s must come before any predicate on its step", "$"+n.Var.Name)
		}
		if step.kind == pkSort {
			bail("S0216", n.Position, "a focus binding @%s must come before the sort (^) on its step", "$"+n.Var.Name)
		}
		step.focus = true
		return result
	case *IndexBind:
		result := proc(n.Expr)
		if result.kind != pkPath {
			step := result
			result = &pnode{kind: pkPath, pos: n.Position, steps: []*pnode{step}}
			if step.predicate {
				step.predicate = false
				step.stages = true
			}
		}
		return result
	case *Bind:
		r := &pnode{pos: n.Position}
		proc(n.Var)
		pushAncestry(r, proc(n.Value))
		return r
	case *Apply:
		proc(n.LHS)
		proc(n.RHS)
		return &pnode{pos: n.Position}
	case *Binary:
		r := &pnode{pos: n.Position}
		pushAncestry(r, proc(n.LHS))
		pushAncestry(r, proc(n.RHS))
		return r
	case *Range:
		r := &pnode{pos: n.Position}
		pushAncestry(r, proc(n.From))
		pushAncestry(r, proc(n.To))
		return r
	case *Negate:
		e := proc(n.Expr)
		if e.kind == pkNumber {
			return e // jsonata-js folds -number into a number
		}
		r := &pnode{pos: n.Position}
		pushAncestry(r, e)
		return r
	case *ArrayCons:
		r := &pnode{pos: n.Position}
		for _, it := range n.Items {
			pushAncestry(r, proc(it))
		}
		return r
	case *ObjectCons:
		r := &pnode{pos: n.Position}
		for _, pr := range n.Pairs {
			pushAncestry(r, proc(pr.Key))
			pushAncestry(r, proc(pr.Value))
		}
		return r
	case *Call:
		r := &pnode{pos: n.Position}
		for _, a := range n.Args {
			pushAncestry(r, proc(a))
		}
		proc(n.Func)
		return r
	case *Lambda:
		proc(n.Body)
		return &pnode{pos: n.Position}
	case *Condition:
		r := &pnode{pos: n.Position}
		pushAncestry(r, proc(n.Cond))
		pushAncestry(r, proc(n.Then))
		if n.Else != nil {
			pushAncestry(r, proc(n.Else))
		}
		return r
	case *Transform:
		proc(n.Pattern)
		proc(n.Update)
		if n.Delete != nil {
			proc(n.Delete)
		}
		return &pnode{pos: n.Position}
	case *Block:
		r := &pnode{kind: pkBlock, pos: n.Position}
		for _, e := range n.Exprs {
			pe := proc(e)
			pushAncestry(r, pe)
			r.last = pe
		}
		return r
	}
	return &pnode{pos: n.Pos()}
}

// procDot appends rest to the path lstep (making lstep a path first).
func procDot(lstep, rest *pnode) *pnode {
	result := lstep
	if lstep.kind != pkPath {
		result = &pnode{kind: pkPath, pos: lstep.pos, steps: []*pnode{lstep}}
	}
	if lstep.kind == pkParent {
		result.seeking = &slotList{s: []*slot{lstep.slot}}
	}
	if rest.kind == pkPath {
		result.steps = append(result.steps, rest.steps...)
	} else {
		if rest.predicate {
			rest.predicate = false
			rest.stages = true
		}
		result.steps = append(result.steps, rest)
	}
	for _, s := range result.steps {
		switch s.kind {
		case pkNumber, pkValue:
			bail("S0213", s.pos, "a number, true, false or null cannot be a step in a path")
		case pkString:
			s.kind = pkName
		}
	}
	resolveAncestry(result)
	return result
}

// seekParent climbs from node towards the step that a parent reference
// designates.
func seekParent(node *pnode, sl *slot) {
	switch node.kind {
	case pkName, pkWildcard:
		sl.level--
	case pkParent:
		sl.level++
	case pkBlock:
		if node.last != nil {
			seekParent(node.last, sl)
		}
	case pkPath:
		i := len(node.steps) - 1
		seekParent(node.steps[i], sl)
		i--
		for sl.level > 0 && i >= 0 {
			seekParent(node.steps[i], sl)
			i--
		}
	default:
		bail("S0217", sl.pos, "the parent operator %% must refer to a field name or * step, not to the expression at offset %d", node.pos)
	}
}

func pushAncestry(result, value *pnode) {
	if value.seeking == nil && value.kind != pkParent {
		return
	}
	slots := value.seeking
	if slots == nil {
		slots = &slotList{}
	}
	if value.kind == pkParent {
		slots.s = append(slots.s, value.slot)
	}
	if result.seeking == nil {
		result.seeking = slots
	} else {
		result.seeking.s = append(result.seeking.s, slots.s...)
	}
}

func resolveAncestry(path *pnode) {
	last := path.steps[len(path.steps)-1]
	slots := last.seeking
	if slots == nil {
		slots = &slotList{}
	}
	if last.kind == pkParent {
		slots.s = append(slots.s, last.slot)
	}
	for is := 0; is < len(slots.s); is++ {
		sl := slots.s[is]
		i := len(path.steps) - 2
		for sl.level > 0 {
			if i < 0 {
				if path.seeking == nil {
					path.seeking = &slotList{}
				}
				path.seeking.s = append(path.seeking.s, sl)
				break
			}
			step := path.steps[i]
			i--
			for i >= 0 && step.focus && path.steps[i].focus {
				step = path.steps[i]
				i--
			}
			seekParent(step, sl)
		}
	}
}
