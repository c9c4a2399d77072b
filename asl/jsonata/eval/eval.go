package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/value"
)

// Error is the error of Compile and Evaluate: a jsonata.Error, with
// JSONata's code.
type Error = jsonata.Error

func errorc(code string, pos int, format string, args ...any) *Error {
	return &Error{Code: code, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// Expression is a compiled JSONata expression. It is immutable and safe
// for concurrent use: Evaluate may be called from many goroutines at once.
type Expression struct {
	src  string
	ast  jsonata.Node
	root *enode
}

// Compile parses expr and prepares it for evaluation. The error, if any,
// is an *Error with a JSONata S0xxx code.
func Compile(expr string) (*Expression, error) {
	n, err := jsonata.Parse(expr)
	if err != nil {
		return nil, err
	}
	c := &compiler{}
	root := c.compile(n)
	if e := c.checkRegexes(root); e != nil {
		return nil, e
	}
	optimize(root)
	return &Expression{src: expr, ast: n, root: root}, nil
}

// MustCompile is Compile for expressions known to be valid; it panics on a
// syntax error. It is meant for package-level variables and tests.
func MustCompile(expr string) *Expression {
	e, err := Compile(expr)
	if err != nil {
		panic(fmt.Sprintf("jsonata: Compile(%q): %v", expr, err))
	}
	return e
}

// String returns the expression's source text.
func (e *Expression) String() string { return e.src }

// AST returns the expression's syntax tree (shared: do not change it).
func (e *Expression) AST() jsonata.Node { return e.ast }

// Options are the settings of one evaluation. The zero Options (or a nil
// *Options) means no variables, the system clock, a randomly seeded random
// source, DefaultMaxDepth and no time limit.
type Options struct {
	// Vars binds variables: Vars["x"] is $x. The executor binds $states
	// here. A binding shadows a built-in function of the same name.
	Vars map[string]value.Value
	// Now is the time $now() and $millis() report; every call during one
	// evaluation reports the same instant, as in JSONata. The zero Time
	// means the system clock, read once when the evaluation starts.
	Now time.Time
	// Rand is the random source of $random(), $shuffle() and $uuid(). Nil
	// means a source seeded from the system. A *rand.Rand is not safe for
	// concurrent use: give each concurrent evaluation its own.
	Rand *rand.Rand
	// MaxDepth bounds the nesting of evaluation (recursion through
	// functions that are not tail calls); past it Evaluate fails with
	// U1001. 0 means DefaultMaxDepth.
	MaxDepth int
	// Timeout bounds the evaluation's duration; past it Evaluate fails
	// with U1001. 0 means no limit.
	Timeout time.Duration
}

// InternalError is the code of the error Evaluate returns if the evaluator
// itself fails (a bug), rather than letting the failure end the program.
const InternalError = "X0000"

// DefaultMaxDepth is the evaluation depth limit when Options.MaxDepth is 0.
// jsonata-js has no limit of its own (its evaluation is asynchronous, so a
// non-tail-recursive function still runs 100,000 levels deep); this bound
// allows about 30,000 levels of such recursion (each takes about three
// levels of evaluation) while keeping the Go stack far below its limit.
const DefaultMaxDepth = 100000

// Evaluate evaluates the expression against input (the document bound to
// $ and $$; the zero Value for none). An undefined result is the zero
// Value. The error, if any, is an *Error with JSONata's code.
//
// The input is read as JavaScript's JSON.parse would have produced it,
// which is how Step Functions hands state input to JSONata: a number keeps
// only its value (an input 1.0 or 1E2 is the number 1 or 100, written back
// as 1 and 100), and the members of an object whose keys are array indices
// ("0", "1", "42") come first, in ascending order. That is input.JS() (see
// value.Value.JS), which costs a walk of the input the first time and
// nothing after, since values remember it.
func (e *Expression) Evaluate(input value.Value, opts *Options) (result value.Value, err error) {
	ev := newEvaluator(opts)
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(*Error)
			if !ok {
				// a bug here must not bring the caller down
				je = &Error{Code: InternalError, Msg: fmt.Sprintf("internal error in the JSONata evaluator, please report it with the expression: %v", r)}
			}
			result, err = value.Value{}, je
		}
	}()
	env := &frame{}
	if opts != nil {
		for k, v := range opts.Vars {
			env.bind(k, fromValueCopy(v.JS()))
		}
	}
	in := fromValueCopy(input.JS())
	env.bind("$", in)
	if isArray(in) {
		in = &seq{items: []val{in}, sequence: true, outerWrapper: true}
	}
	r := ev.eval(e.root, in, env)
	if s, ok := r.(*seq); ok && s.tupleStream {
		r = ev.untuple(s)
	}
	return toValue(r), nil
}

type evaluator struct {
	depth    int
	maxDepth int
	deadline time.Time
	ticks    int
	now      time.Time
	rnd      *rand.Rand
}

func newEvaluator(opts *Options) *evaluator {
	ev := &evaluator{maxDepth: DefaultMaxDepth}
	if opts != nil {
		if opts.MaxDepth > 0 {
			ev.maxDepth = opts.MaxDepth
		}
		if opts.Timeout > 0 {
			ev.deadline = time.Now().Add(opts.Timeout)
		}
		ev.now = opts.Now
		ev.rnd = opts.Rand
	}
	return ev
}

func (ev *evaluator) clock() time.Time {
	if ev.now.IsZero() {
		ev.now = time.Now()
	}
	return ev.now
}

func (ev *evaluator) random() *rand.Rand {
	if ev.rnd == nil {
		ev.rnd = rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	return ev.rnd
}

// frame is a variable scope.
type frame struct {
	parent *frame
	names  []string
	vals   []val
}

func newFrame(parent *frame) *frame { return &frame{parent: parent} }

func (f *frame) bind(name string, v val) {
	for i, n := range f.names {
		if n == name {
			f.vals[i] = v
			return
		}
	}
	f.names = append(f.names, name)
	f.vals = append(f.vals, v)
}

func (f *frame) lookup(name string) (val, bool) {
	for ; f != nil; f = f.parent {
		for i := len(f.names) - 1; i >= 0; i-- {
			if f.names[i] == name {
				return f.vals[i], true
			}
		}
	}
	if b := builtins[name]; b != nil {
		return b.fn, true
	}
	return nil, false
}

func frameFromTuple(env *frame, t *tuple) *frame {
	f := &frame{parent: env, names: t.names, vals: t.vals}
	// the tuple's slices may grow later through clone; share read-only
	f.names = f.names[:len(f.names):len(f.names)]
	f.vals = f.vals[:len(f.vals):len(f.vals)]
	return f
}

func throw(code string, pos int, format string, args ...any) {
	panic(&Error{Code: code, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (ev *evaluator) enter(pos int) {
	ev.depth++
	if ev.depth > ev.maxDepth {
		throw("U1001", pos, "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.")
	}
	if !ev.deadline.IsZero() {
		ev.ticks++
		if ev.ticks&255 == 0 && time.Now().After(ev.deadline) {
			throw("U1001", pos, "Expression evaluation timeout: Check for infinite loop")
		}
	}
}

// eval evaluates n with input as its context.
func (ev *evaluator) eval(n *enode, input val, env *frame) val {
	ev.enter(n.pos)
	var r val
	switch n.typ {
	case nPath:
		if n.simple {
			if v, ok := ev.simplePath(n, input, env); ok {
				r = v
				break
			}
		}
		r = ev.path(n, input, env)
	case nString:
		r = n.op
	case nNumber:
		r = n.num
	case nBool:
		r = n.bval
	case nNull:
		r = jnull
	case nName:
		r = lookupField(input, n.op)
	case nVariable:
		if n.op == "" {
			if s, ok := input.(*seq); ok && s.outerWrapper {
				r = s.items[0]
			} else {
				r = input
			}
		} else {
			r, _ = env.lookup(n.op)
		}
	case nWildcard:
		r = wildcard(input)
	case nDescendant:
		r = descendants(input)
	case nParent:
		r, _ = env.lookup(n.slot.label)
	case nBinary:
		r = ev.binary(n, input, env)
	case nAnd, nOr:
		l := booleanize(ev.eval(n.lhs, input, env))
		if n.typ == nAnd {
			r = l && booleanize(ev.eval(n.rhs, input, env))
		} else {
			r = l || booleanize(ev.eval(n.rhs, input, env))
		}
	case nNegate:
		v := ev.eval(n.lhs, input, env)
		switch x := v.(type) {
		case nil:
		case float64:
			checkFinite(x, n.pos)
			r = -x
		default:
			throw("D1002", n.pos, "Cannot negate a non-numeric value: %s", describeValue(v))
		}
	case nArray:
		r = ev.array(n, input, env)
	case nObject:
		r = ev.groupBy(&group{pairs: n.pairs, pos: n.pos}, input, env)
	case nBlock:
		f := env
		if n.needsFrame {
			f = newFrame(env)
		}
		for _, e := range n.items {
			r = ev.eval(e, input, f)
		}
	case nBind:
		r = ev.eval(n.rhs, input, env)
		env.bind(n.op, r)
	case nCondition:
		c := ev.eval(n.cond, input, env)
		if b, _ := boolean(c); b {
			r = ev.eval(n.then, input, env)
		} else if n.els != nil {
			r = ev.eval(n.els, input, env)
		}
	case nRegex:
		r = &fn{kind: fRegex, re: n.re, arity: 2, name: n.op}
	case nCall:
		r = ev.call(n, input, env, nil, false)
	case nPartial:
		r = ev.partial(n, input, env)
	case nLambda:
		r = &fn{kind: fLambda, params: n.params, body: n.body, sig: n.sig, env: env, input: input, thunk: n.thunk, arity: len(n.params)}
	case nApply:
		r = ev.applyChain(n, input, env)
	case nTransform:
		r = &fn{kind: fTransform, node: n, env: env, sig: transformSig, arity: 1}
	case nSort:
		r = ev.sortExpr(n, input, env)
	case nPlaceholder:
		r = nil
	}
	for _, p := range n.predicate {
		r = ev.filter(p, r, env)
	}
	if n.typ != nPath && n.group != nil {
		r = ev.groupBy(n.group, r, env)
	}
	ev.depth--
	if s, ok := r.(*seq); ok && s.sequence && !s.tupleStream {
		if n.keepArray {
			s.keepSingleton = true
		}
		switch len(s.items) {
		case 0:
			return nil
		case 1:
			if !s.keepSingleton {
				return s.items[0]
			}
		}
	}
	return r
}

func checkFinite(f float64, pos int) {
	if math.IsInf(f, 0) {
		throw("D1001", pos, "Number out of range: %s", formatJSNumber(f))
	}
}

// lookupField is a name step: the field of an object, or of each object
// of an array, flattened.
func lookupField(input val, key string) val {
	switch x := input.(type) {
	case *value.Value:
		if x.Kind() == value.Object {
			v, _ := objGet(x, key)
			return v
		}
		if x.Kind() != value.Array {
			return nil
		}
	case *obj:
		v, _ := x.get(key)
		return v
	case *seq:
	default:
		return nil
	}
	n := arrLen(input)
	out := &seq{sequence: true}
	for i := 0; i < n; i++ {
		if r := lookupField(arrAt(input, i), key); r != nil {
			out.items = appendSpread(out.items, r)
		}
	}
	return out
}

// appendSpread is $append of v onto dst: the items of v when it is an
// array, else v itself.
func appendSpread(dst []val, v val) []val {
	if isArray(v) {
		return appendItems(dst, v)
	}
	return append(dst, v)
}

func appendItems(dst []val, arr val) []val {
	switch x := arr.(type) {
	case *seq:
		return append(dst, x.items...)
	case *value.Value:
		items := x.Items()
		for i := range items {
			dst = append(dst, fromValue(&items[i]))
		}
	}
	return dst
}

func wildcard(input val) val {
	if s, ok := input.(*seq); ok && s.outerWrapper && len(s.items) > 0 {
		input = s.items[0]
	}
	out := &seq{sequence: true}
	if !isObject(input) {
		if !isArray(input) {
			return out
		}
		// Object.keys of an array: its indices
		n := arrLen(input)
		for i := 0; i < n; i++ {
			v := arrAt(input, i)
			if isArray(v) {
				out.items = flattenInto(out.items, v)
				out.sequence = false
			} else {
				out.items = append(out.items, v)
			}
		}
		return out
	}
	n := objLen(input)
	for i := 0; i < n; i++ {
		_, v := objAt(input, i)
		if isArray(v) {
			out.items = flattenInto(out.items, v)
			out.sequence = false
		} else {
			out.items = append(out.items, v)
		}
	}
	return out
}

func flattenInto(dst []val, v val) []val {
	if isArray(v) {
		n := arrLen(v)
		for i := 0; i < n; i++ {
			dst = flattenInto(dst, arrAt(v, i))
		}
		return dst
	}
	return append(dst, v)
}

func descendants(input val) val {
	if input == nil {
		return nil
	}
	out := &seq{sequence: true}
	recurseDescendants(input, out)
	if len(out.items) == 1 {
		return out.items[0]
	}
	return out
}

func recurseDescendants(v val, out *seq) {
	if isArray(v) {
		n := arrLen(v)
		for i := 0; i < n; i++ {
			recurseDescendants(arrAt(v, i), out)
		}
		return
	}
	out.items = append(out.items, v)
	if isObject(v) {
		n := objLen(v)
		for i := 0; i < n; i++ {
			_, m := objAt(v, i)
			recurseDescendants(m, out)
		}
	}
}

func (ev *evaluator) path(n *enode, input val, env *frame) val {
	var inputSeq val
	if n.steps[0].typ == nVariable || !isArray(input) {
		inputSeq = newSeq(input)
	} else {
		inputSeq = input
	}
	var result val
	isTuple := false
	var tuples *seq
	last := len(n.steps) - 1
	for i, step := range n.steps {
		if step.tuple {
			isTuple = true
		}
		switch {
		case i == 0 && step.consarray:
			result = ev.eval(step, inputSeq, env)
		case isTuple:
			tuples = ev.tupleStep(step, inputSeq, tuples, env)
		default:
			result = ev.step(step, inputSeq, env, i == last)
		}
		if !isTuple && (result == nil || (isArray(result) && arrLen(result) == 0)) {
			break
		}
		if !step.hasFocus {
			inputSeq = result
		}
	}
	if isTuple {
		if n.tuple {
			result = tuples
		} else {
			result = ev.untuple(tuples)
		}
	}
	if n.keepSingleton {
		if s, ok := result.(*seq); ok {
			if s.cons && !s.sequence {
				s = newSeq(s)
				result = s
			}
			s.keepSingleton = true
		}
	}
	if n.group != nil {
		if isTuple {
			result = ev.groupBy(n.group, tuples, env)
		} else {
			result = ev.groupBy(n.group, result, env)
		}
	}
	return result
}

// simplePath evaluates a path of plain names (maybe after a variable) as
// long as every step meets a single value, which gives what path gives
// without building sequences; ok is false when a step meets an array.
func (ev *evaluator) simplePath(n *enode, input val, env *frame) (val, bool) {
	cur := input
	steps := n.steps
	if steps[0].typ == nVariable {
		cur = ev.eval(steps[0], input, env)
		steps = steps[1:]
	} else if isArray(input) {
		return nil, false
	}
	for _, s := range steps {
		if cur == nil {
			return nil, true
		}
		if isArray(cur) {
			return nil, false
		}
		cur = lookupField(cur, s.op)
	}
	if x, ok := cur.(*seq); ok && x.sequence {
		if x.tupleStream || x.keepSingleton {
			return nil, false
		}
		return &seq{sequence: true, items: x.items[:len(x.items):len(x.items)]}, true
	}
	return cur, true
}

func (ev *evaluator) untuple(t *seq) val {
	out := &seq{sequence: true}
	if t == nil {
		return out
	}
	out.items = make([]val, len(t.items))
	for i, x := range t.items {
		out.items[i] = x.(*tuple).ctx
	}
	return out
}

func (ev *evaluator) step(step *enode, input val, env *frame, last bool) val {
	if step.typ == nSort {
		r := ev.sortExpr(step, input, env)
		if step.stages != nil {
			r = ev.stages(step.stages, r, env)
		}
		return r
	}
	n := arrLen(input)
	var results []val
	if n > 0 {
		results = make([]val, 0, n)
	}
	for i := 0; i < n; i++ {
		res := ev.eval(step, arrAt(input, i), env)
		for _, st := range step.stages {
			if !st.index {
				res = ev.filter(st.expr, res, env)
			}
		}
		if res != nil {
			results = append(results, res)
		}
	}
	if last && len(results) == 1 && isArray(results[0]) && !isSequence(results[0]) {
		return results[0]
	}
	out := &seq{sequence: true, items: make([]val, 0, len(results))}
	for _, r := range results {
		if !isArray(r) || isCons(r) {
			out.items = append(out.items, r)
		} else {
			out.items = appendItems(out.items, r)
		}
	}
	return out
}

func isCons(v val) bool {
	s, ok := v.(*seq)
	return ok && s.cons
}

func (ev *evaluator) stages(stages []stage, input val, env *frame) val {
	r := input
	for _, st := range stages {
		if st.index {
			if s, ok := r.(*seq); ok {
				for i, t := range s.items {
					if tp, ok := t.(*tuple); ok {
						tp.set(st.name, float64(i))
					}
				}
			}
			continue
		}
		r = ev.filter(st.expr, r, env)
	}
	return r
}

func (ev *evaluator) tupleStep(step *enode, input val, tuples *seq, env *frame) *seq {
	if step.typ == nSort {
		var result *seq
		if tuples != nil {
			result = toSeq(ev.sortExpr(step, tuples, env))
			result.tupleStream = true
		} else {
			sorted := ev.sortExpr(step, input, env)
			result = &seq{sequence: true, tupleStream: true}
			nn := arrLen(sorted)
			for i := 0; i < nn; i++ {
				t := &tuple{ctx: arrAt(sorted, i)}
				if step.hasIndex {
					t.set(step.index, float64(i))
				}
				result.items = append(result.items, t)
			}
		}
		if step.stages != nil {
			if r, ok := ev.stages(step.stages, result, env).(*seq); ok {
				result = r
			} else {
				result = &seq{sequence: true, tupleStream: true}
			}
		}
		return result
	}
	result := &seq{sequence: true, tupleStream: true}
	if tuples == nil {
		n := arrLen(input)
		tuples = &seq{tupleStream: true, items: make([]val, n)}
		for i := 0; i < n; i++ {
			tuples.items[i] = &tuple{ctx: arrAt(input, i)}
		}
	}
	for _, x := range tuples.items {
		tb := x.(*tuple)
		stepEnv := frameFromTuple(env, tb)
		res := ev.eval(step, tb.ctx, stepEnv)
		if res == nil {
			continue
		}
		var items []val
		resTuple := isTupleStream(res)
		if isArray(res) {
			items = arrItems(res)
		} else {
			items = []val{res}
		}
		for bb, r := range items {
			t := tb.clone()
			if resTuple {
				rt := r.(*tuple)
				t.ctx = rt.ctx
				for i, nm := range rt.names {
					t.set(nm, rt.vals[i])
				}
			} else {
				if step.hasFocus {
					t.set(step.focus, r)
				} else {
					t.ctx = r
				}
				if step.hasIndex {
					t.set(step.index, float64(bb))
				}
				if step.ancestor != nil {
					t.set(step.ancestor.label, tb.ctx)
				}
			}
			result.items = append(result.items, t)
		}
	}
	if step.stages != nil {
		if r, ok := ev.stages(step.stages, result, env).(*seq); ok {
			result = r
		}
	}
	return result
}

func toSeq(v val) *seq {
	if s, ok := v.(*seq); ok {
		return s
	}
	if isArray(v) {
		return &seq{items: arrItems(v)}
	}
	if v == nil {
		return &seq{sequence: true}
	}
	return newSeq(v)
}

func (ev *evaluator) filter(pred *enode, input val, env *frame) val {
	tupleStream := isTupleStream(input)
	results := &seq{sequence: true, tupleStream: tupleStream}
	if !isArray(input) {
		input = newSeq(input)
	}
	n := arrLen(input)
	if pred.typ == nNumber && len(pred.predicate) == 0 && pred.group == nil {
		idx := int(math.Floor(pred.num))
		if math.IsInf(pred.num, 0) || math.Abs(pred.num) > 1e15 {
			return results
		}
		if idx < 0 {
			idx += n
		}
		if idx >= 0 && idx < n {
			item := arrAt(input, idx)
			if item != nil {
				if isArray(item) {
					return item
				}
				results.items = append(results.items, item)
			}
		}
		return results
	}
	var constant val
	if pred.constant {
		constant = ev.eval(pred, nil, env)
	}
	for i := 0; i < n; i++ {
		item := arrAt(input, i)
		ctx, fenv := item, env
		if tupleStream {
			t := item.(*tuple)
			ctx = t.ctx
			fenv = frameFromTuple(env, t)
		}
		var res val
		if pred.constant {
			res = constant
		} else {
			res = ev.eval(pred, ctx, fenv)
		}
		if f, ok := res.(float64); ok {
			checkFinite(f, pred.pos)
			ii := int(math.Floor(f))
			if ii < 0 {
				ii += n
			}
			if ii == i && item != nil {
				results.items = append(results.items, item)
			}
			continue
		}
		if isArrayOfNumbers(res) {
			m := arrLen(res)
			for j := 0; j < m; j++ {
				f := arrAt(res, j).(float64)
				ii := int(math.Floor(f))
				if ii < 0 {
					ii += n
				}
				if ii == i && item != nil {
					results.items = append(results.items, item)
				}
			}
			continue
		}
		if b, _ := boolean(res); b && item != nil {
			results.items = append(results.items, item)
		}
	}
	return results
}

func isArrayOfNumbers(v val) bool { return isArrayOf[float64](v) }

func isArrayOfStrings(v val) bool { return isArrayOf[string](v) }

// isArrayOf reports whether v is an array whose every item is a T.
func isArrayOf[T float64 | string](v val) bool {
	if !isArray(v) {
		return false
	}
	n := arrLen(v)
	for i := 0; i < n; i++ {
		if _, ok := arrAt(v, i).(T); !ok {
			return false
		}
	}
	return true
}

// appendVals is JSONata's $append: the result is a plain array.
func appendVals(a, b val) val {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	if s, ok := a.(*seq); ok && len(s.items) == 0 {
		if t, ok := b.(*seq); ok && !t.tupleStream {
			// concat onto an empty array: share the items (capped, so
			// that appends copy)
			return &seq{items: t.items[:len(t.items):len(t.items)]}
		}
	}
	out := &seq{}
	if isArray(a) {
		out.items = appendItems(make([]val, 0, arrLen(a)+1), a)
	} else {
		out.items = []val{a}
	}
	out.items = appendSpread(out.items, b)
	return out
}

func (ev *evaluator) array(n *enode, input val, env *frame) val {
	// jsonata-js starts from [] and appends each value with $append
	// (spreading arrays), except that an array constructor item is
	// pushed whole; the result is a plain array.
	out := &seq{items: make([]val, 0, len(n.items))}
	for _, item := range n.items {
		v := ev.eval(item, input, env)
		switch {
		case v == nil:
		case item.typ == nArray || !isArray(v):
			out.items = append(out.items, v)
		default:
			if s, ok := v.(*seq); ok && s.tupleStream {
				out.items = append(out.items, s.items...)
			} else {
				out.items = appendItems(out.items, v)
			}
		}
	}
	if n.consarray {
		out.cons = true
	}
	return out
}

type groupEntry struct {
	items     []val // the items of the group, in order
	exprIndex int
}

// data is what jsonata-js builds with $append, item after item (see
// appendAll).
func (e *groupEntry) data() val { return appendAll(e.items) }

func (ev *evaluator) groupBy(g *group, input val, env *frame) val {
	reduce := isTupleStream(input)
	var items []val
	if isArray(input) {
		items = arrItems(input)
	} else {
		items = []val{input}
	}
	if len(items) == 0 {
		items = []val{nil}
	}
	keys := newObj(4)
	var entries []*groupEntry
	for _, item := range items {
		ctx, genv := item, env
		if reduce {
			t, ok := item.(*tuple)
			if !ok {
				// jsonata-js reads '@' of undefined here
				throw("TypeError", g.pos, "Cannot read properties of undefined (reading '@')")
			}
			ctx = t.ctx
			genv = frameFromTuple(env, t)
		}
		for pi, pair := range g.pairs {
			k := ev.eval(pair[0], ctx, genv)
			if k == nil {
				continue
			}
			ks, ok := k.(string)
			if !ok {
				throw("T1003", g.pos, "Key in object structure must evaluate to a string; got: %s", describeValue(k))
			}
			if ix, found := keys.get(ks); found {
				e := entries[int(ix.(float64))]
				if e.exprIndex != pi {
					throw("D1009", g.pos, "Multiple key definitions evaluate to same key: %s", jsonQuote(ks))
				}
				e.items = append(e.items, item)
			} else {
				keys.set(ks, float64(len(entries)))
				entries = append(entries, &groupEntry{items: []val{item}, exprIndex: pi})
			}
		}
	}
	result := newObj(len(keys.keys))
	for i, k := range keys.keys {
		e := entries[int(keys.vals[i].(float64))]
		data := e.data()
		ctx, genv := data, env
		if reduce {
			t := reduceTuples(data)
			ctx = t.ctx
			genv = frameFromTuple(env, t)
		}
		v := ev.eval(g.pairs[e.exprIndex][1], ctx, genv)
		if v != nil {
			result.set(k, v)
		}
	}
	return result
}

// reduceTuples merges the tuples of a group as jsonata-js does, with
// $append on the context and on every variable.
func reduceTuples(data val) *tuple {
	if t, ok := data.(*tuple); ok {
		return t
	}
	items := arrItems(data)
	first := items[0].(*tuple)
	ctxs := make([]val, 0, len(items))
	byName := make([][]val, len(first.names))
	var extra []string // names that the first tuple does not have
	var extraVals [][]val
	for _, x := range items {
		t := x.(*tuple)
		ctxs = append(ctxs, t.ctx)
		for i, nm := range t.names {
			j := -1
			for k, fn := range first.names {
				if fn == nm {
					j = k
					break
				}
			}
			if j >= 0 {
				byName[j] = append(byName[j], t.vals[i])
				continue
			}
			k := -1
			for e, en := range extra {
				if en == nm {
					k = e
					break
				}
			}
			if k < 0 {
				extra = append(extra, nm)
				extraVals = append(extraVals, nil)
				k = len(extra) - 1
			}
			extraVals[k] = append(extraVals[k], t.vals[i])
		}
	}
	r := &tuple{ctx: foldAppend(ctxs)}
	for j, nm := range first.names {
		r.names = append(r.names, nm)
		r.vals = append(r.vals, foldAppend(byName[j]))
	}
	for k, nm := range extra {
		r.names = append(r.names, nm)
		r.vals = append(r.vals, foldAppend(extraVals[k]))
	}
	return r
}

// foldAppend is $append applied from left to right over vs, built at
// once: undefined values are skipped, a single value is itself, and
// several make a plain array with array values spread.
func foldAppend(vs []val) val {
	var defined []val
	for _, v := range vs {
		if v != nil {
			defined = append(defined, v)
		}
	}
	if len(defined) == 0 {
		return nil
	}
	return appendAll(defined)
}

// appendAll is $append applied from left to right over vs (at least one
// value, none undefined), built at once: a single value is itself, and
// several make a plain array with array values spread.
func appendAll(vs []val) val {
	if len(vs) == 1 {
		return vs[0]
	}
	out := &seq{items: make([]val, 0, len(vs))}
	for _, v := range vs {
		out.items = appendSpread(out.items, v)
	}
	return out
}

func (ev *evaluator) sortExpr(n *enode, input val, env *frame) val {
	isTuple := isTupleStream(input)
	comp := func(a, b val) bool {
		c := 0
		for _, term := range n.terms {
			if c != 0 {
				break
			}
			actx, aenv := a, env
			if isTuple {
				actx = a.(*tuple).ctx
				aenv = frameFromTuple(env, a.(*tuple))
			}
			aa := ev.eval(term.expr, actx, aenv)
			bctx, benv := b, env
			if isTuple {
				bctx = b.(*tuple).ctx
				benv = frameFromTuple(env, b.(*tuple))
			}
			bb := ev.eval(term.expr, bctx, benv)
			if aa == nil {
				if bb == nil {
					c = 0
				} else {
					c = 1
				}
				continue
			}
			if bb == nil {
				c = -1
				continue
			}
			_, an := aa.(float64)
			_, as := aa.(string)
			_, bn := bb.(float64)
			_, bs := bb.(string)
			if !(an || as) || !(bn || bs) {
				bad := aa
				if an || as {
					bad = bb
				}
				throw("T2008", n.pos, "The expressions within an order-by clause must evaluate to numeric or string values: %s", describeValue(bad))
			}
			if an != bn {
				throw("T2007", n.pos, "Type mismatch when comparing values %s and %s in order-by clause", describeValue(aa), describeValue(bb))
			}
			switch {
			case an && aa.(float64) == bb.(float64), as && aa.(string) == bb.(string):
				c = 0
			case an && aa.(float64) < bb.(float64), as && jsLess(aa.(string), bb.(string)):
				c = -1
			default:
				c = 1
			}
			if term.desc {
				c = -c
			}
		}
		return c == 1
	}
	if !isArray(input) {
		return input
	}
	if arrLen(input) <= 1 {
		return input
	}
	return &seq{items: mergeSort(arrItems(input), comp)}
}

// mergeSort is the stable merge sort of jsonata-js's $sort: swap(a, b)
// reports that b must come before a. The order of comparisons matches,
// which matters when a comparator fails or is inconsistent.
func mergeSort(items []val, swap func(a, b val) bool) []val {
	if len(items) <= 1 {
		return items
	}
	mid := len(items) / 2
	left := mergeSort(append([]val(nil), items[:mid]...), swap)
	right := mergeSort(append([]val(nil), items[mid:]...), swap)
	out := make([]val, 0, len(items))
	i, j := 0, 0
	for i < len(left) && j < len(right) {
		if swap(left[i], right[j]) {
			out = append(out, right[j])
			j++
		} else {
			out = append(out, left[i])
			i++
		}
	}
	out = append(out, left[i:]...)
	out = append(out, right[j:]...)
	return out
}
