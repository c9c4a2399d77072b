package flow

import (
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/jsonata"
)

// stateJSONata runs a JSONata state. $states.input is the state input,
// Arguments what the service is called with, $states.result the result,
// Output the state output (by default the result, or the input for states
// without one) and $states.errorOutput what a catcher receives.
func (in *inferrer) stateJSONata(st *asl.State, ptr string, info *StateInfo, v vars, mc *mapCtx, depth int, record bool) ([]edge, *Type) {
	raw := info.Input
	ctx := in.contextType(mc)
	statesOf := func(extra ...Field) *Type {
		return ObjectOf(append([]Field{{Name: "input", Type: raw}, {Name: "context", Type: ctx}}, extra...)...)
	}
	e := &env{states: statesOf(), vars: v, mc: mc, context: ctx}
	var edges []edge
	terminal := func(out *Type) *Type {
		if st.End || st.Type == asl.TypeSucceed {
			return out
		}
		return nil
	}
	text := func(s, field string) {
		if s != "" {
			in.value(asl.StringValue(s), e, ptr+"/"+field)
		}
	}
	if st.Type == asl.TypeFail {
		for _, f := range []struct{ s, name string }{{st.Error, "Error"}, {st.Cause, "Cause"}} {
			if f.s != "" {
				in.failText(in.value(asl.StringValue(f.s), e, ptr+"/"+f.name), f.s, ptr+"/"+f.name, f.name)
			}
		}
		return nil, nil
	}
	eff := raw
	if st.Arguments.IsSet() {
		eff = in.value(st.Arguments, e, ptr+"/Arguments")
	}
	info.Effective = eff
	for _, f := range []struct {
		v    asl.Value
		name string
	}{{st.TimeoutSeconds, "TimeoutSeconds"}, {st.HeartbeatSeconds, "HeartbeatSeconds"}, {st.Seconds, "Seconds"}, {st.Credentials, "Credentials"}} {
		if f.v.IsSet() {
			in.value(f.v, e, ptr+"/"+f.name)
		}
	}
	text(st.Timestamp, "Timestamp")

	var result *Type
	switch st.Type {
	case asl.TypeTask:
		in.checkTaskInput(st, info, eff, "Arguments", st.Arguments, ptr)
		result = in.taskResult(st, info)
	case asl.TypeParallel:
		items := make([]*Type, len(st.Branches))
		for i, b := range st.Branches {
			items[i] = in.scope(b.StartAt, b.States, ptr+"/Branches/"+strconv.Itoa(i), eff, v, nil, depth+1, record)
		}
		result = TupleOf(items...)
	case asl.TypeMap:
		result = in.mapJSONata(st, ptr, info, eff, e, v, depth, record)
	case asl.TypeChoice:
		for i, r := range st.Choices {
			rp := ptr + "/Choices/" + strconv.Itoa(i)
			if r.Condition.IsSet() {
				in.value(r.Condition, e, rp+"/Condition")
			}
			out := raw
			if r.Output.IsSet() {
				out = in.value(r.Output, e, rp+"/Output")
			}
			out = in.declaredOutput(info, st, out)
			edges = append(edges, edge{r.Next, out, v.with(in.assign(r.Assign, e, rp+"/Assign", true))})
		}
		out := raw
		if st.Output.IsSet() {
			out = in.value(st.Output, e, ptr+"/Output")
		}
		out = in.declaredOutput(info, st, out)
		info.Output = out
		if st.Default != "" {
			edges = append(edges, edge{st.Default, out, v.with(in.assign(st.Assign, e, ptr+"/Assign", true))})
		}
		return edges, nil
	}
	oe := e
	out := raw
	if result != nil {
		info.Result = result
		oe = &env{states: statesOf(Field{Name: "result", Type: result}), vars: v, mc: mc, context: ctx}
		out = result
	}
	if st.Output.IsSet() {
		out = in.value(st.Output, oe, ptr+"/Output")
	}
	out = in.declaredOutput(info, st, out)
	info.Output = out
	nv := v.with(in.assign(st.Assign, oe, ptr+"/Assign", true))
	if st.Next != "" {
		edges = append(edges, edge{st.Next, out, nv})
	}
	for i, k := range st.Catch {
		kp := ptr + "/Catch/" + strconv.Itoa(i)
		ke := &env{states: statesOf(Field{Name: "errorOutput", Type: errorOutput}), vars: v, mc: mc, context: ctx}
		co := errorOutput
		if k.Output.IsSet() {
			co = in.value(k.Output, ke, kp+"/Output")
		}
		edges = append(edges, edge{k.Next, co, v.with(in.assign(k.Assign, ke, kp+"/Assign", true))})
	}
	return edges, terminal(out)
}

// mapJSONata runs a JSONata Map state and returns its result.
func (in *inferrer) mapJSONata(st *asl.State, ptr string, info *StateInfo, eff *Type, e *env, v vars, depth int, record bool) *Type {
	declared := in.ann.States[ptr].Item
	item, mc := orAny(declared), &mapCtx{value: orAny(declared)}
	if st.ItemReader == nil {
		items, text := eff, "$states.input"
		if st.Items.IsSet() {
			items, text = in.value(st.Items, e, ptr+"/Items"), jsonataText(st.Items)
		}
		item, mc = in.mapItems(items, declared, text, ptr+"/Items")
	} else if st.ItemReader.Arguments.IsSet() {
		in.value(st.ItemReader.Arguments, e, ptr+"/ItemReader/Arguments")
	}
	info.Item = item
	procIn := item
	if st.ItemSelector.IsSet() {
		ctx := in.contextType(mc)
		se := &env{states: ObjectOf(Field{Name: "input", Type: info.Input}, Field{Name: "context", Type: ctx}), vars: v, mc: mc, context: ctx}
		procIn = in.value(st.ItemSelector, se, ptr+"/ItemSelector")
	}
	if st.ItemBatcher != nil {
		procIn = ObjectOf(Field{Name: "Items", Type: ArrayOf(procIn)}, Field{Name: "BatchInput", Type: AnyType, Optional: true})
	}
	proc, field := st.ItemProcessor, "/ItemProcessor"
	if proc == nil {
		proc, field = st.Iterator, "/Iterator"
	}
	if proc == nil {
		return ArrayOf(AnyType)
	}
	distributed := proc.ProcessorConfig != nil && proc.ProcessorConfig.Mode == asl.ModeDistributed
	inner := v
	if distributed {
		inner = vars{}
	}
	out := in.scope(proc.StartAt, proc.States, ptr+field, procIn, inner, nil, depth+1, record)
	if st.ResultWriter != nil {
		return ObjectOf(Field{Name: "MapRunArn", Type: StringType}, Field{Name: "ResultWriterDetails", Type: AnyType})
	}
	if distributed {
		return AnyType
	}
	return ArrayOf(out)
}

func jsonataText(v asl.Value) string {
	if v.Kind == asl.String {
		return v.Str
	}
	return "Items"
}

// value types a JSONata field value: "{% %}" strings are expressions,
// objects and arrays are typed member by member, other values are
// literals.
func (in *inferrer) value(v asl.Value, e *env, ptr string) *Type {
	switch v.Kind {
	case asl.String:
		if s := v.Str; asl.IsJSONata(s) {
			return in.expr(strings.TrimSpace(s[2:len(s)-2]), e, ptr)
		}
		return StringType
	case asl.Object:
		fs := make([]Field, 0, len(v.Members))
		for _, m := range v.Members {
			fs = append(fs, Field{Name: m.Key, Type: in.value(m.Value, e, ptr+"/"+asl.PointerEscape(m.Key))})
		}
		return ObjectOf(fs...)
	case asl.Array:
		var elem *Type
		for i, it := range v.Items {
			t := in.value(it, e, ptr+"/"+strconv.Itoa(i))
			if i == 0 {
				elem = t
			} else {
				elem = Join(elem, t)
			}
		}
		return ArrayOf(elem)
	}
	return literal(v)
}

// exprTyper types the nodes of one JSONata expression.
type exprTyper struct {
	in    *inferrer
	e     *env
	ptr   string
	src   string          // the expression, for quoting filters in messages
	bound map[string]bool // variables the expression binds itself
	// ctx is the context value relative names read: the item a filter
	// predicate tests (Any outside predicates: unknown, never checked),
	// and ctxText how messages name it.
	ctx     *Type
	ctxText string
}

// expr types a JSONata expression. Simple paths from $states or a
// variable are followed through the known types (and typos reported);
// literals, constructors, operators and common functions have their
// result types; anything else is Any.
func (in *inferrer) expr(src string, e *env, ptr string) *Type {
	n, err := jsonata.Parse(src)
	if err != nil {
		return AnyType
	}
	info, err := jsonata.Analyze(src)
	if err != nil {
		return AnyType
	}
	for _, name := range info.Variables {
		in.variable(name, e, ptr)
	}
	x := &exprTyper{in: in, e: e, ptr: ptr, src: src, bound: map[string]bool{}, ctx: AnyType}
	x.collectBound(n)
	t := x.node(n)
	if declared := in.ann.Exprs[ptr]; declared != nil {
		return declared
	}
	return t
}

func (x *exprTyper) collectBound(n jsonata.Node) {
	switch n := n.(type) {
	case *jsonata.Bind:
		x.bound[n.Var.Name] = true
	case *jsonata.Lambda:
		for _, p := range n.Params {
			x.bound[p.Name] = true
		}
	case *jsonata.FocusBind:
		x.bound[n.Var.Name] = true
	case *jsonata.IndexBind:
		x.bound[n.Var.Name] = true
	}
	for _, c := range children(n) {
		x.collectBound(c)
	}
}

// root returns the type of a variable at the start of a path.
func (x *exprTyper) root(v *jsonata.Variable) (*Type, bool) {
	if x.bound[v.Name] {
		return nil, false
	}
	if v.Name == "states" {
		return x.e.states, true
	}
	t, ok := x.e.vars[v.Name]
	return t, ok
}

var jsonataReturns = map[string]*Type{
	"string": StringType, "uppercase": StringType, "lowercase": StringType, "trim": StringType, "substring": StringType,
	"substringBefore": StringType, "substringAfter": StringType, "join": StringType, "pad": StringType, "replace": StringType,
	"base64encode": StringType, "base64decode": StringType, "encodeUrl": StringType, "encodeUrlComponent": StringType,
	"decodeUrl": StringType, "decodeUrlComponent": StringType, "formatNumber": StringType, "formatBase": StringType,
	"formatInteger": StringType, "uuid": StringType, "hash": StringType,
	"now":    TimestampType,
	"number": NumberType, "sum": NumberType, "max": NumberType, "min": NumberType, "average": NumberType,
	"abs": NumberType, "floor": IntegerType, "ceil": IntegerType, "round": NumberType, "power": NumberType,
	"sqrt": NumberType, "random": NumberType, "toMillis": IntegerType, "parseInteger": IntegerType,
	"count": IntegerType, "length": IntegerType, "millis": IntegerType, "randomNumber": NumberType,
	"boolean": BoolType, "not": BoolType, "exists": BoolType, "contains": BoolType,
	"keys":      ArrayOf(StringType),
	"split":     ArrayOf(StringType),
	"partition": ArrayOf(AnyType), "range": ArrayOf(IntegerType),
}

// node types one node; it visits the children of nodes it cannot type so
// their paths are still checked.
func (x *exprTyper) node(n jsonata.Node) *Type {
	switch n := n.(type) {
	case *jsonata.StringLit:
		return StringType
	case *jsonata.NumberLit:
		if n.Value == float64(int64(n.Value)) {
			return IntegerType
		}
		return NumberType
	case *jsonata.BoolLit:
		return BoolType
	case *jsonata.NullLit:
		return NullType
	case *jsonata.Variable:
		if n.Name == "" && !x.bound[""] {
			return x.ctx // $: the context value
		}
		if t, ok := x.root(n); ok {
			return orAny(t)
		}
		return AnyType
	case *jsonata.Name:
		t, _ := x.relative(n, jsonataName(n.Value))
		return t
	case *jsonata.Path:
		return x.path(n)
	case *jsonata.Filter, *jsonata.KeepArray:
		return x.path(&jsonata.Path{Steps: []jsonata.Node{n}})
	case *jsonata.Binary:
		lt := x.node(n.LHS)
		rt := x.node(n.RHS)
		switch n.Op {
		case "+", "-", "*", "/", "%":
			for _, o := range []struct {
				t *Type
				n jsonata.Node
			}{{lt, n.LHS}, {rt, n.RHS}} {
				if k := o.t.Kind; k == String || k == Bool || k == Object {
					x.in.add(CodeTypeMismatch, x.ptr, "%s is %s, but %q needs numbers", x.operandText(o.n), o.t.Describe(), n.Op)
				}
			}
			return NumberType
		case "<", "<=", ">", ">=":
			bad := false
			for _, o := range []struct {
				t *Type
				n jsonata.Node
			}{{lt, n.LHS}, {rt, n.RHS}} {
				if k := o.t.Kind; k == Bool || k == Object {
					x.in.add(CodeTypeMismatch, x.ptr, "%s is %s, but %q compares numbers or strings", x.operandText(o.n), o.t.Describe(), n.Op)
					bad = true
				}
			}
			if !bad && (lt.Kind == Number || lt.Kind == String) && (rt.Kind == Number || rt.Kind == String) && lt.Kind != rt.Kind {
				x.in.add(CodeTypeMismatch, x.ptr, "%q compares %s (%s) with %s (%s): both sides must be numbers or both strings", n.Op, x.operandText(n.LHS), lt.Describe(), x.operandText(n.RHS), rt.Describe())
			}
			return BoolType
		case "&":
			return StringType
		case "=", "!=", "and", "or", "in":
			return BoolType
		}
		return AnyType
	case *jsonata.Negate:
		x.node(n.Expr)
		return NumberType
	case *jsonata.Condition:
		x.node(n.Cond)
		t := x.node(n.Then)
		if n.Else == nil {
			return AnyType
		}
		return Join(t, x.node(n.Else))
	case *jsonata.ObjectCons:
		fs := make([]Field, 0, len(n.Pairs))
		known := true
		for _, p := range n.Pairs {
			vt := x.node(p.Value)
			k, ok := p.Key.(*jsonata.StringLit)
			if !ok {
				x.node(p.Key)
				known = false
				continue
			}
			fs = append(fs, Field{Name: k.Value, Type: vt})
		}
		o := ObjectOf(fs...)
		o.Open = !known
		return o
	case *jsonata.ArrayCons:
		var elem *Type
		for i, it := range n.Items {
			var t *Type
			if r, ok := it.(*jsonata.Range); ok {
				x.node(r.From)
				x.node(r.To)
				t = IntegerType
			} else {
				t = x.node(it)
			}
			if i == 0 {
				elem = t
			} else {
				elem = Join(elem, t)
			}
		}
		return ArrayOf(elem)
	case *jsonata.Block:
		var t *Type = AnyType
		for _, c := range n.Exprs {
			t = x.node(c)
		}
		return t
	case *jsonata.Call:
		for _, a := range n.Args {
			x.node(a)
		}
		if v, ok := n.Func.(*jsonata.Variable); ok && !x.bound[v.Name] && !n.Partial {
			if t, ok := jsonataReturns[v.Name]; ok {
				return t
			}
		} else {
			x.node(n.Func)
		}
		return AnyType
	}
	// Other nodes (sort terms, group-by pairs, lambdas, bindings...) may
	// evaluate their parts against another context: names there are not
	// checked, paths from $states and variables still are.
	x.within(AnyType, "", func() {
		for _, c := range children(n) {
			x.node(c)
		}
	})
	return AnyType
}

// within runs f with ctx as the context value.
func (x *exprTyper) within(ctx *Type, text string, f func()) {
	saved, savedText := x.ctx, x.ctxText
	x.ctx, x.ctxText = orAny(ctx), text
	f()
	x.ctx, x.ctxText = saved, savedText
}

// relative reads a field of the context value (a name inside a filter
// predicate); ok is false when the context is unknown or has no such
// field (reported).
func (x *exprTyper) relative(n *jsonata.Name, text string) (*Type, bool) {
	if x.ctx.IsAny() {
		return AnyType, false
	}
	t, ok := x.in.field(x.ctx, n.Value, x.ctxText, text, x.ptr)
	if !ok {
		return AnyType, false
	}
	return t, true
}

// unwrapStep splits a path step into its core (a name, a variable...) and
// the predicates applied to it, innermost first: items[qty > 1][0] is
// items with [qty > 1] then [0]. keep reports a [] (keep array) suffix.
func unwrapStep(n jsonata.Node) (core jsonata.Node, preds []*jsonata.Filter) {
	for {
		switch s := n.(type) {
		case *jsonata.Filter:
			preds = append(preds, s)
			n = s.Expr
		case *jsonata.KeepArray:
			n = s.Expr
		default:
			for i, j := 0, len(preds)-1; i < j; i, j = i+1, j-1 {
				preds[i], preds[j] = preds[j], preds[i]
			}
			return n, preds
		}
	}
}

// itemsOf is the type of the items a filter tests: the items of an
// array (of arrays, flattened), the value itself otherwise.
func itemsOf(t *Type) *Type {
	for i := 0; i < 8 && t.Kind == Array; i++ {
		t = t.ItemType()
	}
	return t
}

// filter types t[pred]: the predicate is checked with each item of t as
// its context; a number selects one item, anything else keeps the items
// it is true for.
func (x *exprTyper) filter(t *Type, f *jsonata.Filter, text string) *Type {
	elem := AnyType
	if !t.IsAny() {
		elem = itemsOf(t)
	}
	at := text
	if t.Kind == Array {
		at += "[*]"
	}
	var pt *Type
	x.within(elem, at, func() { pt = x.node(f.Predicate) })
	switch {
	case t.IsAny():
		return AnyType
	case pt.Kind == Number:
		return elem // an index
	case t.Kind == Array:
		return ArrayOf(elem)
	}
	return t
}

// path types a path that starts at $states, a variable, or (inside a
// filter predicate) a name of the item tested, and continues with names
// and filters; the steps after anything else are still visited so their
// paths are checked, but their type is Any.
func (x *exprTyper) path(p *jsonata.Path) *Type {
	core, preds := unwrapStep(p.Steps[0])
	var t *Type
	ok := false
	var text string
	switch c := core.(type) {
	case *jsonata.Variable:
		text = "$" + c.Name
		if c.Name == "" && !x.bound[""] {
			t, ok = x.ctx, !x.ctx.IsAny()
		} else {
			t, ok = x.root(c)
		}
	case *jsonata.Name:
		text = jsonataName(c.Value)
		t, ok = x.relative(c, x.pathText(p))
		if !ok && !x.ctx.IsAny() {
			// Reported: the rest is not checked against a wrong type.
			x.rest(p.Steps[1:], preds)
			return AnyType
		}
	}
	if !ok || t.IsAny() {
		if _, isVar := core.(*jsonata.Variable); !isVar || !ok {
			x.node(core)
		}
		x.rest(p.Steps[1:], preds)
		return AnyType
	}
	t = orAny(t)
	for _, f := range preds {
		t = x.filter(t, f, text)
		text += x.bracket(f)
	}
	for i, s := range p.Steps[1:] {
		core, preds := unwrapStep(s)
		name, isName := core.(*jsonata.Name)
		if !isName || t.IsAny() {
			// Anything else evaluates with each item as its context.
			x.within(itemsOf(t), text, func() { x.node(core) })
			x.rest(p.Steps[i+2:], preds)
			return AnyType
		}
		next := text + "." + jsonataName(name.Value)
		var nt *Type
		if t.Kind == Array {
			if t.ItemType().IsAny() {
				x.rest(p.Steps[i+2:], preds)
				return ArrayOf(AnyType)
			}
			ft, ok := x.in.field(t.ItemType(), name.Value, text+"[*]", x.pathText(p), x.ptr)
			if !ok {
				x.rest(p.Steps[i+2:], preds)
				return AnyType
			}
			nt = ArrayOf(ft)
		} else {
			ft, ok := x.in.field(t, name.Value, text, x.pathText(p), x.ptr)
			if !ok {
				x.rest(p.Steps[i+2:], preds)
				return AnyType
			}
			nt = ft
		}
		t, text = nt, next
		for _, f := range preds {
			t = x.filter(t, f, text)
			text += x.bracket(f)
		}
	}
	return t
}

// rest visits the predicates preds and the steps after a step whose value
// is unknown: names there are not checked, paths from $states and
// variables inside them are.
func (x *exprTyper) rest(steps []jsonata.Node, preds []*jsonata.Filter) {
	x.within(AnyType, "", func() {
		for _, f := range preds {
			x.node(f.Predicate)
		}
		for _, s := range steps {
			x.node(s)
		}
	})
}

// bracket is a filter's predicate as written, with its brackets.
func (x *exprTyper) bracket(f *jsonata.Filter) string {
	if end := closingBracket(x.src, f.Position); end > 0 {
		return x.src[f.Position : end+1]
	}
	return "[…]"
}

// closingBracket returns the index of the "]" that closes the "[" at
// open in src (strings and nested brackets skipped), or -1.
func closingBracket(src string, open int) int {
	if open < 0 || open >= len(src) || src[open] != '[' {
		return -1
	}
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return i
			}
		case '\'', '"', '`':
			for i++; i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' && c != '`' {
					i++
				}
			}
		}
	}
	return -1
}

func jsonataName(s string) string {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return "`" + s + "`"
		}
	}
	return s
}

// pathText writes a path of a variable or name, names and filters, as
// written.
func (x *exprTyper) pathText(p *jsonata.Path) string {
	var b strings.Builder
	for i, s := range p.Steps {
		if !x.stepText(&b, s, i) {
			b.WriteString(".…")
			break
		}
	}
	return b.String()
}

func (x *exprTyper) stepText(b *strings.Builder, s jsonata.Node, i int) bool {
	switch s := s.(type) {
	case *jsonata.Variable:
		b.WriteString("$" + s.Name)
	case *jsonata.Name:
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(jsonataName(s.Value))
	case *jsonata.Filter:
		if !x.stepText(b, s.Expr, i) {
			return false
		}
		b.WriteString(x.bracket(s))
	case *jsonata.KeepArray:
		if !x.stepText(b, s.Expr, i) {
			return false
		}
		b.WriteString("[]")
	default:
		return false
	}
	return true
}

// children lists the direct subexpressions of a node.
func children(n jsonata.Node) []jsonata.Node {
	var out []jsonata.Node
	add := func(ns ...jsonata.Node) {
		for _, c := range ns {
			if c != nil {
				out = append(out, c)
			}
		}
	}
	switch n := n.(type) {
	case *jsonata.Path:
		add(n.Steps...)
	case *jsonata.Binary:
		add(n.LHS, n.RHS)
	case *jsonata.Negate:
		add(n.Expr)
	case *jsonata.Filter:
		add(n.Expr, n.Predicate)
	case *jsonata.KeepArray:
		add(n.Expr)
	case *jsonata.ObjectCons:
		for _, p := range n.Pairs {
			add(p.Key, p.Value)
		}
	case *jsonata.GroupBy:
		add(n.Expr)
		for _, p := range n.Pairs {
			add(p.Key, p.Value)
		}
	case *jsonata.ArrayCons:
		add(n.Items...)
	case *jsonata.Range:
		add(n.From, n.To)
	case *jsonata.Block:
		add(n.Exprs...)
	case *jsonata.Bind:
		add(n.Value)
	case *jsonata.Condition:
		add(n.Cond, n.Then, n.Else)
	case *jsonata.Call:
		add(n.Func)
		add(n.Args...)
	case *jsonata.Lambda:
		add(n.Body)
	case *jsonata.Apply:
		add(n.LHS, n.RHS)
	case *jsonata.Sort:
		add(n.Expr)
		for _, t := range n.Terms {
			add(t.Expr)
		}
	case *jsonata.FocusBind:
		add(n.Expr)
	case *jsonata.IndexBind:
		add(n.Expr)
	case *jsonata.Transform:
		add(n.Pattern, n.Update, n.Delete)
	}
	return out
}

// operandText names an operand in messages: a path as written, otherwise
// "the left operand"-like wording is avoided by describing its kind of
// expression.
func (x *exprTyper) operandText(n jsonata.Node) string {
	switch n := n.(type) {
	case *jsonata.Path:
		return x.pathText(n)
	case *jsonata.Name:
		return jsonataName(n.Value)
	case *jsonata.Variable:
		return "$" + n.Name
	case *jsonata.StringLit:
		return strconv.Quote(n.Value)
	case *jsonata.NumberLit:
		return n.Text
	case *jsonata.BoolLit:
		return strconv.FormatBool(n.Value)
	}
	return "an operand"
}
