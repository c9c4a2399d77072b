package flow

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/intrinsic"
	"github.com/goasl/goasl/asl/jsonpath"
	"github.com/goasl/goasl/internal/suggest"
)

// stateJSONPath runs a JSONPath state.
func (in *inferrer) stateJSONPath(st *asl.State, ptr string, info *StateInfo, v vars, mc *mapCtx, depth int, record bool) ([]edge, *Type) {
	raw := info.Input
	ctx := in.contextType(mc)
	e := &env{input: raw, vars: v, context: ctx}
	var edges []edge
	terminal := func(out *Type) *Type {
		if st.End || st.Type == asl.TypeSucceed {
			return out
		}
		return nil
	}

	if st.Type == asl.TypeFail {
		if st.ErrorPath != "" {
			in.failText(in.dynamic(st.ErrorPath, e, ptr+"/ErrorPath"), st.ErrorPath, ptr+"/ErrorPath", "ErrorPath")
		}
		if st.CausePath != "" {
			in.failText(in.dynamic(st.CausePath, e, ptr+"/CausePath"), st.CausePath, ptr+"/CausePath", "CausePath")
		}
		return nil, nil
	}

	eff := in.nullablePath(st.InputPath, raw, e, ptr+"/InputPath")
	pe := &env{input: eff, vars: v, context: ctx}
	if st.Parameters.IsSet() && st.Type != asl.TypeMap {
		eff = in.template(st.Parameters, pe, ptr+"/Parameters")
	}
	info.Effective = eff
	assignEnv := &env{input: eff, vars: v, context: ctx}
	var result *Type

	switch st.Type {
	case asl.TypeTask:
		in.checkTaskInput(st, info, eff, "Parameters", st.Parameters, ptr)
		result = in.taskResult(st, info)
	case asl.TypePass:
		result = eff
		if st.Result.IsSet() {
			result = literal(st.Result)
		}
	case asl.TypeParallel:
		items := make([]*Type, len(st.Branches))
		for i, b := range st.Branches {
			bp := ptr + "/Branches/" + strconv.Itoa(i)
			items[i] = in.scope(b.StartAt, b.States, bp, eff, v, nil, depth+1, record)
		}
		result = TupleOf(items...)
	case asl.TypeMap:
		result = in.mapJSONPath(st, ptr, info, eff, v, ctx, depth, record)
	case asl.TypeWait:
		if st.SecondsPath != "" {
			in.expect(in.dynamic(st.SecondsPath, pe, ptr+"/SecondsPath"), Number, st.SecondsPath, ptr+"/SecondsPath", "SecondsPath")
		}
		if st.TimestampPath != "" {
			in.expect(in.dynamic(st.TimestampPath, pe, ptr+"/TimestampPath"), String, st.TimestampPath, ptr+"/TimestampPath", "TimestampPath")
		}
	case asl.TypeChoice:
		for i, r := range st.Choices {
			rp := ptr + "/Choices/" + strconv.Itoa(i)
			in.rule(r, pe, rp)
			out := in.declaredOutput(info, st, in.nullablePath(st.OutputPath, eff, pe, ptr+"/OutputPath"))
			nv := v.with(in.assign(r.Assign, pe, rp+"/Assign", false))
			edges = append(edges, edge{r.Next, out, nv})
		}
		out := in.declaredOutput(info, st, in.nullablePath(st.OutputPath, eff, pe, ptr+"/OutputPath"))
		info.Output = out
		if st.Default != "" {
			// The Choice state's own Assign applies when no rule matches.
			edges = append(edges, edge{st.Default, out, v.with(in.assign(st.Assign, pe, ptr+"/Assign", false))})
		}
		return edges, nil
	}
	if st.TimeoutSecondsPath != "" {
		in.expect(in.dynamic(st.TimeoutSecondsPath, pe, ptr+"/TimeoutSecondsPath"), Number, st.TimeoutSecondsPath, ptr+"/TimeoutSecondsPath", "TimeoutSecondsPath")
	}
	if st.HeartbeatSecondsPath != "" {
		in.expect(in.dynamic(st.HeartbeatSecondsPath, pe, ptr+"/HeartbeatSecondsPath"), Number, st.HeartbeatSecondsPath, ptr+"/HeartbeatSecondsPath", "HeartbeatSecondsPath")
	}
	in.credentials(st.Credentials, pe, ptr+"/Credentials")

	out := eff
	if result != nil {
		if st.ResultSelector.IsSet() {
			result = in.template(st.ResultSelector, &env{input: result, vars: v, context: ctx}, ptr+"/ResultSelector")
		}
		info.Result = result
		assignEnv = &env{input: result, vars: v, context: ctx}
		out = in.resultPath(st.ResultPath, raw, result, ptr+"/ResultPath")
	}
	out = in.nullablePath(st.OutputPath, out, &env{input: out, vars: v, context: ctx}, ptr+"/OutputPath")
	out = in.declaredOutput(info, st, out)
	info.Output = out
	nv := v.with(in.assign(st.Assign, assignEnv, ptr+"/Assign", false))
	if st.Next != "" {
		edges = append(edges, edge{st.Next, out, nv})
	}
	for i, k := range st.Catch {
		kp := ptr + "/Catch/" + strconv.Itoa(i)
		ke := &env{input: errorOutput, vars: v, context: ctx}
		co := in.resultPath(k.ResultPath, raw, errorOutput, kp+"/ResultPath")
		kv := v.with(in.assign(k.Assign, ke, kp+"/Assign", false))
		edges = append(edges, edge{k.Next, co, kv})
	}
	return edges, terminal(out)
}

// credentials types the role ARN of Credentials.
func (in *inferrer) credentials(c asl.Value, e *env, ptr string) {
	if c.Kind == asl.Object {
		in.template(c, e, ptr)
	}
}

// mapJSONPath runs a JSONPath Map state and returns its result.
func (in *inferrer) mapJSONPath(st *asl.State, ptr string, info *StateInfo, eff *Type, v vars, ctx *Type, depth int, record bool) *Type {
	e := &env{input: eff, vars: v, context: ctx}
	declared := in.ann.States[ptr].Item
	item, mc := orAny(declared), &mapCtx{value: orAny(declared)}
	if st.ItemReader == nil {
		items := eff
		if st.ItemsPath != "" {
			items = in.dynamic(st.ItemsPath, e, ptr+"/ItemsPath")
		}
		text := st.ItemsPath
		if text == "" {
			text = "$"
		}
		item, mc = in.mapItems(items, declared, text, ptr+"/ItemsPath")
	} else if st.ItemReader.Parameters.IsSet() {
		in.template(st.ItemReader.Parameters, e, ptr+"/ItemReader/Parameters")
	}
	info.Item = item
	procIn := item
	se := &env{input: eff, vars: v, context: in.contextType(mc), mc: mc}
	sel := st.ItemSelector
	if !sel.IsSet() {
		sel = st.Parameters
	}
	if sel.IsSet() {
		field := "/ItemSelector"
		if !st.ItemSelector.IsSet() {
			field = "/Parameters"
		}
		procIn = in.template(sel, se, ptr+field)
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
	inner := v
	if proc.ProcessorConfig != nil && proc.ProcessorConfig.Mode == asl.ModeDistributed {
		inner = vars{}
	}
	out := in.scope(proc.StartAt, proc.States, ptr+field, procIn, inner, nil, depth+1, record)
	if st.ResultWriter != nil {
		return ObjectOf(Field{Name: "MapRunArn", Type: StringType}, Field{Name: "ResultWriterDetails", Type: AnyType})
	}
	if proc.ProcessorConfig != nil && proc.ProcessorConfig.Mode == asl.ModeDistributed {
		return AnyType
	}
	return ArrayOf(out)
}

// mapItems types what a Map iterates: items (what ItemsPath or Items
// selects) with the item type declared for the Map, if any. It returns the
// type of each item (the processor's input before ItemSelector) and what
// $$.Map.Item holds. An array gives its items; an object gives one
// {"Key": key, "Value": value} item per member (AWS iterates key-value
// pairs, and $$.Map.Item.Key and $$.Map.Item.Value are the key and the
// member value); anything else is reported.
func (in *inferrer) mapItems(items, declared *Type, text, ptr string) (*Type, *mapCtx) {
	item, mc := AnyType, &mapCtx{value: AnyType}
	switch {
	case items.IsAny():
	case items.Kind == Array:
		item = items.ItemType()
		mc.value = item
	case items.Kind == Object:
		mc.value, mc.key = memberType(items), true
		item = ObjectOf(Field{Name: "Key", Type: StringType}, Field{Name: "Value", Type: mc.value})
	default:
		in.add(CodeTypeMismatch, ptr, "%s selects %s, not an array: a Map needs an array of items", text, items.Describe())
	}
	if declared == nil {
		return item, mc
	}
	if !mc.key {
		mc.value = declared
		return declared, mc
	}
	if len(Compare(declared, item, "", Rules{})) > 0 {
		what := items.Describe()
		if items.Go != nil {
			what += " (" + items.Go.String() + ")"
		}
		in.add(CodeTypeMismatch, ptr, "%s selects %s, not an array: a Map over an object runs one iteration per key-value pair, with items %s, not %s as the items are declared; select an array of %s, or declare the items as the {Key, Value} pairs", text, what, item, typeLabel(declared), typeLabel(declared))
	} else if f, ok := declared.Field("Value"); ok {
		mc.value = orAny(f.Type)
	}
	return declared, mc
}

// memberType is the type of the member values of an object: a Go map's
// values, the join of a struct's fields, Any when unknown.
func memberType(t *Type) *Type {
	if t.Map {
		return orAny(t.Elem)
	}
	if t.Open || len(t.Fields) == 0 {
		return AnyType
	}
	v := t.Fields[0].Type
	for _, f := range t.Fields[1:] {
		v = Join(v, f.Type)
	}
	return orAny(v)
}

// failText checks that a Fail state's error or cause (ErrorPath,
// CausePath, or a JSONata Error or Cause) is a string, as AWS requires:
// any other value fails the state with a runtime error instead of the
// intended one.
func (in *inferrer) failText(t *Type, text, ptr, field string) {
	if t.IsAny() || t.Kind == String {
		return
	}
	verb, how := "selects", "select a string, or turn the value into one with States.JsonToString or States.Format"
	switch {
	case strings.HasPrefix(strings.TrimSpace(text), "{%"):
		verb, how = "returns", "make the expression return a string, e.g. with $string(...) or $join(...)"
	case intrinsic.Looks(text):
		verb = "returns"
	}
	in.add(CodeTypeMismatch, ptr, "%s %s %s, but %s must be a string; %s", text, verb, t.Describe(), field, how)
}

// expect reports a value of a known kind other than want.
func (in *inferrer) expect(t *Type, want Kind, text, ptr, field string) {
	if t.IsAny() || t.Kind == want {
		return
	}
	in.add(CodeTypeMismatch, ptr, "%s selects %s, but %s needs a %s", text, t.Describe(), field, want)
}

// nullablePath applies InputPath or OutputPath: absent keeps the value,
// null gives {}.
func (in *inferrer) nullablePath(p asl.NullablePath, t *Type, e *env, ptr string) *Type {
	if !p.Set {
		return t
	}
	if p.Null {
		return ObjectOf()
	}
	ne := *e
	ne.input = t
	return in.dynamic(p.Path, &ne, ptr)
}

// resultPath places result into input as ResultPath says.
func (in *inferrer) resultPath(p asl.NullablePath, input, result *Type, ptr string) *Type {
	if p.Set && p.Null {
		return input
	}
	if !p.Set || p.Path == "$" {
		return result
	}
	path, err := jsonpath.Parse(p.Path)
	if err != nil || path.Root != jsonpath.RootInput {
		return AnyType
	}
	names, ok := path.Fields()
	if !ok {
		return AnyType
	}
	return in.place(input, names, result, "$", p.Path, ptr)
}

// place returns t with the field path names set to v.
func (in *inferrer) place(t *Type, names []string, v *Type, at, text, ptr string) *Type {
	if len(names) == 0 {
		return v
	}
	if t.IsAny() {
		o := ObjectOf(Field{Name: names[0], Type: in.place(AnyType, names[1:], v, "", text, ptr)})
		o.Open = true
		return o
	}
	if t.Kind != Object {
		in.add(CodeTypeMismatch, ptr, "%s writes into %s, which is %s, not an object", text, at, t.Describe())
		return AnyType
	}
	next := at + "." + names[0]
	if !jsonpath.IsShorthand(names[0]) {
		next = at + "['" + names[0] + "']"
	}
	o := t.clone()
	o.Nullable = false
	if o.Map {
		o.Map, o.Open, o.Elem = false, true, nil
	}
	for i, f := range o.Fields {
		if f.Name == names[0] {
			o.Fields[i] = Field{Name: f.Name, Type: in.place(f.Type, names[1:], v, next, text, ptr)}
			return o
		}
	}
	o.Fields = append(o.Fields, Field{Name: names[0], Type: in.place(AnyType, names[1:], v, next, text, ptr)})
	return o
}

// literal is the type of a JSON value written in the document.
func literal(v asl.Value) *Type {
	switch v.Kind {
	case asl.Null:
		return NullType
	case asl.Bool:
		return BoolType
	case asl.Number:
		if _, ok := v.Int(); ok {
			return IntegerType
		}
		return NumberType
	case asl.String:
		if isTimestamp(v.Str) {
			return TimestampType
		}
		return StringType
	case asl.Array:
		var elem *Type
		for i, it := range v.Items {
			if i == 0 {
				elem = literal(it)
			} else {
				elem = Join(elem, literal(it))
			}
		}
		return ArrayOf(elem)
	case asl.Object:
		fs := make([]Field, 0, len(v.Members))
		for _, m := range v.Members {
			fs = append(fs, Field{Name: m.Key, Type: literal(m.Value)})
		}
		return ObjectOf(fs...)
	}
	return AnyType
}

func isTimestamp(s string) bool {
	if len(s) < 20 || s[4] != '-' {
		return false
	}
	_, err := time.Parse(time.RFC3339Nano, s)
	return err == nil
}

// template types a JSONPath payload template (Parameters, ResultSelector,
// ItemSelector, Assign values): ".$" keys are paths or intrinsic calls.
func (in *inferrer) template(v asl.Value, e *env, ptr string) *Type {
	switch v.Kind {
	case asl.Object:
		fs := make([]Field, 0, len(v.Members))
		for _, m := range v.Members {
			mp := ptr + "/" + asl.PointerEscape(m.Key)
			if name, ok := strings.CutSuffix(m.Key, ".$"); ok && m.Value.Kind == asl.String {
				fs = append(fs, Field{Name: name, Type: in.dynamic(m.Value.Str, e, mp)})
				continue
			}
			fs = append(fs, Field{Name: m.Key, Type: in.template(m.Value, e, mp)})
		}
		return ObjectOf(fs...)
	case asl.Array:
		var elem *Type
		for i, it := range v.Items {
			t := in.template(it, e, ptr+"/"+strconv.Itoa(i))
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

// assign types an Assign object and returns the variables it sets.
func (in *inferrer) assign(v asl.Value, e *env, ptr string, jsonata bool) vars {
	if v.Kind != asl.Object {
		return nil
	}
	out := vars{}
	for _, m := range v.Members {
		mp := ptr + "/" + asl.PointerEscape(m.Key)
		name := m.Key
		var t *Type
		if jsonata {
			t = in.value(m.Value, e, mp)
		} else if n, ok := strings.CutSuffix(m.Key, ".$"); ok && m.Value.Kind == asl.String {
			name, t = n, in.dynamic(m.Value.Str, e, mp)
		} else {
			t = in.template(m.Value, e, mp)
		}
		if want, ok := in.ann.Variables[name]; ok {
			for _, p := range mismatches(want, t, "the variable is declared as") {
				in.add(CodeTypeMismatch, mp, "$%s is declared as %s: %s", name, typeLabel(want), p)
			}
			t = want
		}
		out[name] = t
	}
	return out
}

// dynamic types the value of a ".$" field or a *Path field: a path or an
// intrinsic function call.
func (in *inferrer) dynamic(s string, e *env, ptr string) *Type {
	if intrinsic.Looks(s) {
		c, err := intrinsic.Parse(s)
		if err != nil {
			return AnyType
		}
		return in.call(c, e, ptr)
	}
	p, err := jsonpath.Parse(s)
	if err != nil {
		return AnyType
	}
	return in.path(p, s, e, ptr)
}

// path types a JSONPath path read in env e.
func (in *inferrer) path(p *jsonpath.Path, text string, e *env, ptr string) *Type {
	var base *Type
	var root string
	switch p.Root {
	case jsonpath.RootInput:
		base, root = e.input, "$"
	case jsonpath.RootContext:
		base, root = e.context, "$$"
		if base == nil {
			base = in.contextType(e.mc)
		}
	case jsonpath.RootVariable:
		t, ok := in.variable(p.Variable, e, ptr)
		if !ok {
			return AnyType
		}
		base, root = t, "$"+p.Variable
	default:
		return AnyType
	}
	return in.follow(base, p, root, text, ptr)
}

// variable looks a variable up, reporting a read before assignment.
func (in *inferrer) variable(name string, e *env, ptr string) (*Type, bool) {
	if t, ok := e.vars[name]; ok {
		return t, true
	}
	if !in.assigned[name] {
		known := make([]string, 0, len(in.assigned))
		for n := range in.assigned {
			known = append(known, n)
		}
		sortStrings(known)
		if s := suggest.Closest(name, known); s != "" {
			in.add(CodeUnassignedVariable, ptr, "variable $%s is never assigned: no Assign sets it (did you mean $%s?)", name, s)
		} else {
			in.add(CodeUnassignedVariable, ptr, "variable $%s is never assigned: no Assign sets it", name)
		}
		return nil, false
	}
	in.add(CodeUnassignedVariable, ptr, "variable $%s is read before it is assigned: not every path to this state goes through an Assign that sets it (an inner scope cannot see the variables it assigns after it ends, and a Distributed Map's processor sees none)", name)
	return nil, false
}

// follow walks the steps of p from base.
func (in *inferrer) follow(base *Type, p *jsonpath.Path, root, text, ptr string) *Type {
	t := base
	at := root
	for i := range p.Steps {
		s := &p.Steps[i]
		if t.IsAny() {
			if !p.IsDefinite() {
				return AnyType
			}
			return AnyType
		}
		switch s.Kind {
		case jsonpath.StepField:
			nt, ok := in.field(t, s.Name, at, text, ptr)
			if !ok {
				return AnyType
			}
			t = nt
		case jsonpath.StepIndex:
			if t.Kind != Array {
				in.add(CodeNoSuchField, ptr, "%s selects nothing: %s is %s, not an array", text, at, t.Describe())
				return AnyType
			}
			if t.Items != nil {
				idx := s.Index
				if idx < 0 {
					idx += len(t.Items)
				}
				if idx < 0 || idx >= len(t.Items) {
					in.add(CodeNoSuchField, ptr, "%s selects nothing: %s has %d items", text, at, len(t.Items))
					return AnyType
				}
				t = t.Items[idx]
			} else {
				t = t.ItemType()
			}
		case jsonpath.StepWildcard, jsonpath.StepSlice, jsonpath.StepFilter:
			if t.Kind != Array {
				return AnyType
			}
			rest := &jsonpath.Path{Root: jsonpath.RootInput, Steps: p.Steps[i+1:]}
			sub := in.follow(t.ItemType(), rest, at+"[*]", text, ptr)
			if !p.IsDefinite() {
				return ArrayOf(sub)
			}
			return AnyType
		default:
			return AnyType
		}
		at = (&jsonpath.Path{Root: p.Root, Variable: p.Variable, Steps: p.Steps[:i+1]}).String()
	}
	return t
}

// field reads field name of t.
func (in *inferrer) field(t *Type, name, at, text, ptr string) (*Type, bool) {
	if t.Kind != Object {
		in.add(CodeNoSuchField, ptr, "%s selects nothing: %s is %s, not an object", text, at, t.Describe())
		return nil, false
	}
	if t.Map {
		return t.Elem, true
	}
	if f, ok := t.Field(name); ok {
		return orAny(f.Type), true
	}
	if t.Open {
		return AnyType, true
	}
	names := make([]string, len(t.Fields))
	for i, f := range t.Fields {
		names[i] = f.Name
	}
	msg := fmt.Sprintf("%s selects nothing: %s has no field %q", text, at, name)
	if len(names) == 0 {
		msg += " (it is an empty object)"
	} else if s := suggest.Closest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += " (it has " + strings.Join(quoteAll(names), ", ") + ")"
	}
	in.add(CodeNoSuchField, ptr, "%s", msg)
	return nil, false
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strconv.Quote(n)
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// call types an intrinsic function call and checks its arguments' types.
func (in *inferrer) call(c *intrinsic.Call, e *env, ptr string) *Type {
	args := make([]*Type, len(c.Args))
	for i, a := range c.Args {
		switch a.Kind {
		case intrinsic.ArgString:
			args[i] = StringType
		case intrinsic.ArgNumber:
			args[i] = literal(asl.NumberValue(a.Num))
		case intrinsic.ArgBool:
			args[i] = BoolType
		case intrinsic.ArgNull:
			args[i] = NullType
		case intrinsic.ArgPath:
			args[i] = in.path(a.Path, a.PathText, e, ptr)
		case intrinsic.ArgCall:
			args[i] = in.call(a.Call, e, ptr)
		}
	}
	f, ok := intrinsic.Lookup(c.Name)
	if !ok {
		return AnyType
	}
	for i, a := range c.Args {
		if a.Kind != intrinsic.ArgPath || len(f.Params) == 0 {
			continue
		}
		p := f.Params[min(i, len(f.Params)-1)]
		t := args[i]
		if t.IsAny() || t.Kind == Null {
			continue
		}
		var want Kind
		switch p.Type {
		case "string":
			want = String
		case "integer", "number":
			want = Number
		case "boolean":
			want = Bool
		case "array":
			want = Array
		case "object":
			want = Object
		default:
			continue
		}
		if t.Kind != want {
			in.add(CodeTypeMismatch, ptr, "%s takes %s as its %s, but %s is %s", c.Name, (&Type{Kind: want}).Describe(), p.Name, a.PathText, t.Describe())
		}
	}
	arg := func(i int) *Type {
		if i < len(args) {
			return orAny(args[i])
		}
		return AnyType
	}
	switch c.Name {
	case "States.Array":
		return TupleOf(args...)
	case "States.ArrayPartition":
		return ArrayOf(ArrayOf(arg(0).ItemType()))
	case "States.ArrayRange":
		return ArrayOf(IntegerType)
	case "States.ArrayGetItem":
		return arg(0).ItemType()
	case "States.ArrayUnique":
		if arg(0).Kind == Array {
			return ArrayOf(arg(0).ItemType())
		}
		return ArrayOf(AnyType)
	case "States.StringSplit":
		return ArrayOf(StringType)
	case "States.JsonMerge":
		a, b := arg(0), arg(1)
		if a.Kind == Object && b.Kind == Object && !a.Map && !b.Map {
			o := a.clone()
			o.Open = a.Open || b.Open
			for _, f := range b.Fields {
				replaced := false
				for i, g := range o.Fields {
					if g.Name == f.Name {
						o.Fields[i], replaced = f, true
					}
				}
				if !replaced {
					o.Fields = append(o.Fields, f)
				}
			}
			return o
		}
		o := ObjectOf()
		o.Open = true
		return o
	}
	switch f.Returns {
	case "string":
		return StringType
	case "integer":
		return IntegerType
	case "number":
		return NumberType
	case "boolean":
		return BoolType
	case "array":
		return ArrayOf(AnyType)
	case "object":
		o := ObjectOf()
		o.Open = true
		return o
	}
	return AnyType
}

// rule checks a JSONPath Choice rule against the value it tests.
func (in *inferrer) rule(r *asl.ChoiceRule, e *env, ptr string) {
	for i, c := range r.And {
		in.rule(c, e, ptr+"/And/"+strconv.Itoa(i))
	}
	for i, c := range r.Or {
		in.rule(c, e, ptr+"/Or/"+strconv.Itoa(i))
	}
	if r.Not != nil {
		in.rule(r.Not, e, ptr+"/Not")
	}
	if r.Variable == "" || len(r.Comparisons) != 1 {
		return
	}
	c := r.Comparisons[0]
	op, ok := asl.LookupOperator(c.Operator)
	if !ok {
		return
	}
	if op.Family == "" {
		// Type tests and IsPresent are how a workflow asks whether a
		// value is there: never an error.
		saved := in.report
		in.report = false
		in.dynamic(r.Variable, e, ptr+"/Variable")
		in.report = saved
		return
	}
	t := in.dynamic(r.Variable, e, ptr+"/Variable")
	opPtr := ptr + "/" + asl.PointerEscape(string(c.Operator))
	if !fits(op.Family, t) {
		in.add(CodeTypeMismatch, opPtr, "%s compares %s, but %s is %s", c.Operator, familyPhrase(op.Family), r.Variable, t.Describe())
		return
	}
	if op.Operand == asl.OperandPath && c.Value.Kind == asl.String {
		u := in.dynamic(c.Value.Str, e, opPtr)
		if !fits(op.Family, u) {
			in.add(CodeTypeMismatch, opPtr, "%s compares %s, but %s is %s (%s is %s)", c.Operator, familyPhrase(op.Family), c.Value.Str, u.Describe(), r.Variable, t.Describe())
		}
	}
}

func fits(family string, t *Type) bool {
	if t.IsAny() || t.Kind == Null {
		return true
	}
	switch family {
	case "String":
		return t.Kind == String
	case "Numeric":
		return t.Kind == Number
	case "Boolean":
		return t.Kind == Bool
	case "Timestamp":
		// Any string may hold RFC 3339 text (API and DynamoDB data carry
		// timestamps as strings); time.Time is only the precise form.
		return t.Kind == String
	}
	return true
}

func familyPhrase(family string) string {
	switch family {
	case "String":
		return "strings"
	case "Numeric":
		return "numbers"
	case "Boolean":
		return "booleans"
	case "Timestamp":
		return "timestamps (RFC 3339 strings)"
	}
	return "values"
}

// Literal returns the type of a JSON value: integers are integers, RFC 3339
// strings timestamps, objects closed.
func Literal(v asl.Value) *Type { return literal(v) }
