package eval

type fnKind uint8

const (
	fLambda fnKind = iota
	fNative
	fRegex
	fTransform
	fChain
)

// fn is a function value: a lambda (possibly a partial application, or a
// tail call waiting to be made), a built-in, a regular expression used as
// a function, a transform, or a ~> composition.
type fn struct {
	kind   fnKind
	name   string
	params []string
	body   *enode
	sig    *signature
	env    *frame
	input  val
	thunk  bool
	native *builtin // fNative, or the body of a partially applied built-in
	re     *jsRegex
	node   *enode // fTransform
	f, g   val    // fChain
	arity  int
}

// callCtx is what a built-in sees of its call.
type callCtx struct {
	input val
	env   *frame
	pos   int
	name  string
}

func (ev *evaluator) call(n *enode, input val, env *frame, applyto val, hasApplyto bool) val {
	proc := ev.eval(n.lhs, input, env)
	if proc == nil && n.lhs.typ == nPath && n.lhs.steps[0].typ == nName {
		if _, ok := env.lookup(n.lhs.steps[0].op); ok {
			throw("T1005", n.pos, "Attempted to invoke a non-function. Did you mean $%s?", n.lhs.steps[0].op)
		}
	}
	args := make([]val, 0, len(n.items)+1)
	if hasApplyto {
		args = append(args, applyto)
	}
	for _, a := range n.items {
		args = append(args, ev.eval(a, input, env))
	}
	return ev.apply(proc, args, input, env, n.procName, n.pos)
}

func (ev *evaluator) apply(proc val, args []val, input val, env *frame, name string, pos int) val {
	r := ev.applyInner(proc, args, input, env, name, pos)
	for {
		t, ok := r.(*fn)
		if !ok || !t.thunk {
			return r
		}
		c := t.body
		ev.enter(c.pos)
		next := ev.eval(c.lhs, t.input, t.env)
		targs := make([]val, len(c.items))
		for i, a := range c.items {
			targs[i] = ev.eval(a, t.input, t.env)
		}
		ev.depth--
		r = ev.applyInner(next, targs, input, env, c.procName, c.pos)
	}
}

func (ev *evaluator) applyInner(proc val, args []val, input val, env *frame, name string, pos int) val {
	p, ok := proc.(*fn)
	if !ok {
		if name == "eval" && proc == nil {
			throw("T1006", pos, "Attempted to invoke a non-function: $eval (Step Functions does not provide $eval: use $parse to read JSON text)")
		}
		if name != "" {
			throw("T1006", pos, "Attempted to invoke a non-function: %s", "$"+name)
		}
		throw("T1006", pos, "Attempted to invoke a non-function")
	}
	if name == "" {
		name = p.name
	}
	if p.sig != nil {
		args = p.sig.validate(args, input, name, pos)
	}
	switch p.kind {
	case fLambda:
		return ev.applyProcedure(p, args, pos)
	case fNative:
		return p.native.impl(ev, args, &callCtx{input: input, env: env, pos: pos, name: name})
	case fRegex:
		s, _ := argAt(args, 0).(string)
		from := 0
		if f, ok := argAt(args, 1).(float64); ok {
			from = int(f)
		}
		return ev.regexCall(p.re, s, from, pos)
	case fTransform:
		return ev.transform(p, argAt(args, 0))
	case fChain:
		x := ev.apply(p.f, []val{argAt(args, 0)}, nil, env, "", pos)
		return ev.apply(p.g, []val{x}, nil, env, "", pos)
	}
	return nil
}

func argAt(args []val, i int) val {
	if i < len(args) {
		return args[i]
	}
	return nil
}

func (ev *evaluator) applyProcedure(p *fn, args []val, pos int) val {
	env := newFrame(p.env)
	env.names = make([]string, 0, len(p.params))
	env.vals = make([]val, 0, len(p.params))
	for i, name := range p.params {
		env.bind(name, argAt(args, i))
	}
	if p.native != nil {
		nargs := make([]val, len(p.native.argNames))
		for i, a := range p.native.argNames {
			nargs[i], _ = env.lookup(a)
		}
		if p.native.sig != nil {
			nargs = checkPartialArgs(p.native, nargs, pos)
		}
		return p.native.impl(ev, nargs, &callCtx{env: env, pos: pos, name: p.native.name})
	}
	return ev.eval(p.body, p.input, env)
}

// checkPartialArgs checks the arguments of a partially applied built-in.
// jsonata-js runs such a call without checking its arguments, so a wrong
// type meets JavaScript's own coercions: usually a TypeError, sometimes
// an odd result ($substring(?, 1) applied to [1, 2, 3] is "23"). goasl
// reports a TypeError for every argument its signature rejects.
func checkPartialArgs(b *builtin, args []val, pos int) (out []val) {
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			throw("TypeError", pos, "the partially applied $%s was given an argument its signature %s does not accept (%s)", b.name, b.sig.text, je.Msg)
		}
	}()
	return b.sig.validate(args, nil, b.name, pos)
}

func (ev *evaluator) partial(n *enode, input val, env *frame) val {
	args := make([]val, len(n.items))
	holes := make([]bool, len(n.items))
	for i, a := range n.items {
		if a.typ == nPlaceholder {
			holes[i] = true
		} else {
			args[i] = ev.eval(a, input, env)
		}
	}
	proc := ev.eval(n.lhs, input, env)
	if proc == nil && n.lhs.typ == nPath && n.lhs.steps[0].typ == nName {
		if _, ok := env.lookup(n.lhs.steps[0].op); ok {
			throw("T1007", n.pos, "Attempted to partially apply a non-function. Did you mean $%s?", n.lhs.steps[0].op)
		}
	}
	p, ok := proc.(*fn)
	if !ok {
		throw("T1008", n.pos, "Attempted to partially apply a non-function")
	}
	var params []string
	var penv *frame
	base := &fn{kind: fLambda}
	switch p.kind {
	case fLambda:
		params, penv = p.params, p.env
		base.body, base.input, base.native = p.body, p.input, p.native
	case fNative:
		params = p.native.argNames
		base.native = p.native
	case fRegex:
		params = []string{"str", "fromIndex"}
		base.native = regexNative(p.re)
	case fTransform:
		params = []string{"obj"}
		base.native = transformNative(p)
	case fChain:
		params = []string{"x"}
		base.native = chainNative(p)
	}
	fenv := newFrame(penv)
	var unbound []string
	for i, name := range params {
		if i < len(holes) && holes[i] {
			unbound = append(unbound, name)
		} else {
			fenv.bind(name, argAt(args, i))
		}
	}
	base.params = unbound
	base.env = fenv
	base.arity = len(unbound)
	return base
}

func regexNative(re *jsRegex) *builtin {
	return &builtin{name: "", argNames: []string{"str", "fromIndex"}, impl: func(ev *evaluator, a []val, c *callCtx) val {
		s, _ := argAt(a, 0).(string)
		from := 0
		if f, ok := argAt(a, 1).(float64); ok {
			from = int(f)
		}
		return ev.regexCall(re, s, from, c.pos)
	}}
}

func transformNative(p *fn) *builtin {
	return &builtin{argNames: []string{"obj"}, impl: func(ev *evaluator, a []val, c *callCtx) val {
		return ev.transform(p, argAt(a, 0))
	}}
}

func chainNative(p *fn) *builtin {
	return &builtin{argNames: []string{"x"}, impl: func(ev *evaluator, a []val, c *callCtx) val {
		return ev.applyInner(p, a, nil, c.env, "", c.pos)
	}}
}

func (ev *evaluator) applyChain(n *enode, input val, env *frame) val {
	lhs := ev.eval(n.lhs, input, env)
	if n.rhs.typ == nCall {
		return ev.call(n.rhs, input, env, lhs, true)
	}
	f := ev.eval(n.rhs, input, env)
	if !isFunction(f) {
		throw("T2006", n.pos, "The right side of the function application operator ~> must be a function")
	}
	if isFunction(lhs) {
		return &fn{kind: fChain, f: lhs, g: f, arity: 1}
	}
	return ev.apply(f, []val{lhs}, nil, env, "", n.pos)
}

// arity is the number of arguments a higher-order function passes to f.
func arity(f val) int {
	if p, ok := f.(*fn); ok {
		switch p.kind {
		case fLambda:
			return len(p.params)
		case fNative:
			if p.native.name == "string" {
				return 1
			}
			return len(p.native.argNames)
		}
		return p.arity
	}
	return 0
}

func fnName(name string) string {
	if name == "" {
		return "(anonymous)"
	}
	return "\"" + name + "\""
}
