package compiler

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/ir"
)

// Compile lowers a workflow to ASL and checks it. It returns the state
// machine, or an *Error listing every problem (warnings included) when
// there is at least one error.
func Compile(wf *dsl.Workflow) (*asl.StateMachine, error) {
	sm, diags := Diagnose(wf)
	if hasError(diags) {
		return nil, &Error{Diagnostics: diags}
	}
	return sm, nil
}

// Diagnose lowers and checks a workflow like Compile, and returns every
// diagnostic, warnings included. The state machine is nil when any
// diagnostic is an error.
func Diagnose(wf *dsl.Workflow) (*asl.StateMachine, []Diagnostic) {
	r := Check(wf)
	return r.Machine, r.Diagnostics
}

// Result is everything the compiler works out about a workflow.
type Result struct {
	// Machine is the compiled state machine, nil when any diagnostic is
	// an error.
	Machine *asl.StateMachine
	// Types are the JSON types inferred at every state (package
	// compiler/flow), nil when the workflow has errors.
	Types *flow.Result
	// Diagnostics are the errors and warnings, in Go source order.
	Diagnostics []Diagnostic
}

// Check lowers and checks a workflow once and returns the state machine,
// the inferred types and every diagnostic.
func Check(wf *dsl.Workflow) Result { return CheckWith(wf, Options{}) }

// CheckWith is Check with options.
func CheckWith(wf *dsl.Workflow, opts Options) Result {
	w, ok := ir.Of(wf)
	if !ok {
		return Result{Diagnostics: []Diagnostic{{Severity: asl.SeverityError, Code: asl.CodeSchema, Message: "the workflow is nil: build it with dsl.NewWorkflow"}}}
	}
	c := &compiler{w: w, pos: map[string]ir.Pos{"": w.Pos}, opts: opts}
	sm := c.lower()
	c.builderErrors()
	c.sdkCheckNames()
	own := c.diags
	for _, d := range asl.Validate(sm, asl.ValidateOptions{Type: w.Type}) {
		if d.Severity == asl.SeverityError && explained(own, d) {
			continue // already explained in the builder's terms
		}
		c.add(d.Severity, d.Code, d.Pointer, c.at(d.Pointer), d.Message)
	}
	c.foldUnreachable()
	var types *flow.Result
	if !hasError(c.diags) {
		types = c.typeCheck(sm)
	}
	sort.SliceStable(c.diags, func(i, j int) bool {
		a, b := c.diags[i], c.diags[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Pointer < b.Pointer
	})
	if hasError(c.diags) {
		return Result{Diagnostics: c.diags}
	}
	return Result{Machine: sm, Types: types, Diagnostics: c.diags}
}

func hasError(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == asl.SeverityError {
			return true
		}
	}
	return false
}

type compiler struct {
	opts  Options
	w     *ir.Workflow
	pos   map[string]ir.Pos // JSON pointer → the Go call that made it
	diags []Diagnostic
	// pointerOf maps a state to its JSON pointer, for builder errors.
	pointerOf map[*ir.State]string
	// exprTypes are the declared result types of Expr(...).Returns expressions,
	// by the pointer of the string that holds them.
	exprTypes map[string]reflect.Type
	// lowering holds the maps, slices and pointers whose values are being
	// lowered, to report a value that contains itself.
	lowering map[container]bool
	// sdkCalls are the typed AWS SDK calls, in document order.
	sdkCalls []sdkCall
	// scopes are the States containers lowered, with their pointers.
	scopes []scopeAt
}

// container identifies a map, slice or pointer value: a slice by its first
// element and its length, as a sub-slice is a different value.
type container struct {
	ptr uintptr
	len int
}

// mark records the Go position of the value at a pointer.
func (c *compiler) mark(ptr string, pos ir.Pos) {
	if pos != 0 {
		c.pos[ptr] = pos
	}
}

// at returns the position recorded for ptr or its nearest ancestor.
func (c *compiler) at(ptr string) ir.Pos {
	for {
		if p, ok := c.pos[ptr]; ok {
			return p
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return c.w.Pos
		}
		ptr = ptr[:i]
	}
}

// add records a diagnostic at a pointer.
func (c *compiler) add(sev asl.Severity, code asl.Code, ptr string, pos ir.Pos, msg string) {
	d := Diagnostic{Severity: sev, Code: code, Workflow: c.w.Name, Pointer: ptr, Message: msg}
	if file, line, ok := pos.Resolve(); ok {
		d.File, d.Line = file, line
	}
	d.State, d.Field = splitPointer(ptr)
	c.diags = append(c.diags, d)
}

func (c *compiler) errorf(ptr string, pos ir.Pos, format string, args ...any) {
	if pos == 0 {
		pos = c.at(ptr)
	}
	c.add(asl.SeverityError, asl.CodeSchema, ptr, pos, fmt.Sprintf(format, args...))
}

func (c *compiler) builderErrors() {
	for _, e := range c.w.Errors {
		ptr := ""
		if e.State != nil {
			ptr = c.pointerOf[e.State]
		}
		if e.Field != "" {
			ptr += "/" + e.Field
		}
		c.add(asl.SeverityError, asl.CodeSchema, ptr, e.Pos, e.Msg)
	}
}

// explained reports whether a validator error is about a field that a
// builder error already covers: the same pointer, or the same state and
// the same top-level field (a nil Next explains "neither Next nor End").
func explained(own []Diagnostic, d asl.Diagnostic) bool {
	state, field := splitPointer(d.Pointer)
	top := topField(field)
	for _, o := range own {
		if o.Pointer == d.Pointer {
			return true
		}
		if o.State != state || o.Field == "" {
			continue
		}
		ot := topField(o.Field)
		if top == ot || (top == "" && strings.Contains(d.Message, "'"+ot+"'")) {
			return true
		}
	}
	return false
}

// topField returns the first name of a field path: "Catch" for
// "Catch[0].Next".
func topField(field string) string {
	if i := strings.IndexAny(field, ".["); i >= 0 {
		return field[:i]
	}
	return field
}

// splitPointer finds the state a pointer is in and the field below it.
func splitPointer(ptr string) (state, field string) {
	if ptr == "" {
		return "", ""
	}
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	i := 0
	if len(toks) >= 2 && toks[0] == "States" {
		state, i = unescape(toks[1]), 2
		for i < len(toks) {
			switch {
			case toks[i] == "Branches" && i+3 < len(toks) && toks[i+2] == "States":
				state, i = unescape(toks[i+3]), i+4
				continue
			case (toks[i] == "ItemProcessor" || toks[i] == "Iterator") && i+2 < len(toks) && toks[i+1] == "States":
				state, i = unescape(toks[i+2]), i+3
				continue
			}
			break
		}
	}
	rest := ""
	if i < len(toks) {
		rest = "/" + strings.Join(toks[i:], "/")
	}
	return state, fieldOf(rest)
}

func unescape(tok string) string {
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

func ptrJoin(base string, tokens ...string) string {
	for _, t := range tokens {
		base += "/" + asl.PointerEscape(t)
	}
	return base
}

func (c *compiler) lower() *asl.StateMachine {
	w := c.w
	c.pointerOf = map[*ir.State]string{}
	sm := &asl.StateMachine{
		Comment:       w.Comment,
		Version:       w.Version,
		QueryLanguage: asl.QueryLanguage(w.QueryLanguage),
	}
	if w.Name == "" {
		c.errorf("", w.Pos, "the workflow has no name: give dsl.NewWorkflow a name, e.g. dsl.NewWorkflow(\"OrderFlow\")")
	}
	if w.Timeout.Set {
		c.mark("/TimeoutSeconds", w.Timeout.Pos)
		sm.TimeoutSeconds = asl.IntValue(w.Timeout.V.(int64))
	}
	sm.StartAt, sm.States = c.scope(w.Root, "")
	return sm
}

// scope lowers a States container whose pointer is ptr.
func (c *compiler) scope(s *ir.Scope, ptr string) (string, asl.States) {
	c.mark(ptr, s.Pos)
	c.scopes = append(c.scopes, scopeAt{s, ptr})
	for _, st := range s.States {
		c.pointerOf[st] = ptrJoin(ptr, "States", st.Name)
	}
	start := c.target(s, s.StartAt, ptr+"/StartAt")
	states := make(asl.States, 0, len(s.States))
	for _, st := range s.States {
		states = append(states, c.state(st, ptrJoin(ptr, "States", st.Name)))
	}
	return start, states
}

// target resolves a transition of a state in scope s.
func (c *compiler) target(s *ir.Scope, t ir.Target, ptr string) string {
	c.mark(ptr, t.Pos)
	if t.State != nil && t.State.Scope != s {
		c.errorf(ptr, t.Pos, "state %q is not in this %s: a state can only move to states of its own scope (the workflow, one Parallel branch or one Map processor); pass a state built on the same scope", t.State.Name, scopeName(s))
	}
	return t.TargetName()
}

func scopeName(s *ir.Scope) string {
	switch s.Kind {
	case ir.ScopeBranch:
		return fmt.Sprintf("branch of Parallel state %q", s.Owner.Name)
	case ir.ScopeProcessor, ir.ScopeIterator:
		return fmt.Sprintf("item processor of Map state %q", s.Owner.Name)
	}
	return "workflow"
}

// lang returns whether a state is effectively JSONata.
func (c *compiler) jsonata(st *ir.State) bool {
	if st.QueryLanguage.Set {
		return st.QueryLanguage.V == string(dsl.JSONata)
	}
	return c.w.QueryLanguage == string(dsl.JSONata)
}

func (c *compiler) state(st *ir.State, ptr string) *asl.State {
	c.mark(ptr, st.Pos)
	ja := c.jsonata(st)
	out := &asl.State{Name: st.Name, Type: asl.StateType(st.Type)}
	if st.QueryLanguage.Set {
		c.mark(ptr+"/QueryLanguage", st.QueryLanguage.Pos)
		out.QueryLanguage = asl.QueryLanguage(st.QueryLanguage.V.(string))
	}
	if st.Comment.Set {
		c.mark(ptr+"/Comment", st.Comment.Pos)
		out.Comment = st.Comment.V.(string)
	}
	out.InputPath = c.path(st.InputPath, ptr+"/InputPath")
	out.OutputPath = c.path(st.OutputPath, ptr+"/OutputPath")
	out.ResultPath = c.path(st.ResultPath, ptr+"/ResultPath")
	out.Parameters = c.payload(st.Parameters, ja, ptr+"/Parameters")
	out.Arguments = c.payload(st.Arguments, ja, ptr+"/Arguments")
	out.ResultSelector = c.payload(st.ResultSelector, ja, ptr+"/ResultSelector")
	out.Output = c.payload(st.Output, ja, ptr+"/Output")
	out.Assign = c.payload(st.Assign, ja, ptr+"/Assign")
	out.Result = c.payload(st.Result, ja, ptr+"/Result")

	if st.Resource != nil {
		c.resource(st, out, ja, ptr)
	}
	if st.Credentials.Set {
		out.Credentials = c.credentials(st.Credentials, ja, ptr+"/Credentials")
	}
	out.TimeoutSeconds, out.TimeoutSecondsPath = c.number(st.Timeout, ja, ptr, "TimeoutSeconds")
	out.HeartbeatSeconds, out.HeartbeatSecondsPath = c.number(st.Heartbeat, ja, ptr, "HeartbeatSeconds")
	out.Seconds, out.SecondsPath = c.number(st.Seconds, ja, ptr, "Seconds")
	out.Timestamp, out.TimestampPath = c.text(st.Timestamp, ja, ptr, "Timestamp")
	out.Error, out.ErrorPath = c.text(st.Error, ja, ptr, "Error")
	out.Cause, out.CausePath = c.text(st.Cause, ja, ptr, "Cause")

	for i, r := range st.Choices {
		out.Choices = append(out.Choices, c.rule(st, r, ja, fmt.Sprintf("%s/Choices/%d", ptr, i)))
	}
	if st.Type == "Choice" && out.Choices == nil {
		out.Choices = []*asl.ChoiceRule{}
	}
	if st.Default.IsSet() {
		out.Default = c.target(st.Scope, st.Default, ptr+"/Default")
	}
	for i, b := range st.Branches {
		bp := fmt.Sprintf("%s/Branches/%d", ptr, i)
		sc := &asl.Scope{Comment: b.Comment}
		sc.StartAt, sc.States = c.scope(b, bp)
		out.Branches = append(out.Branches, sc)
	}
	if st.Type == "Parallel" && out.Branches == nil {
		out.Branches = []*asl.Scope{}
	}
	if st.Type == "Map" {
		c.mapFields(st, out, ja, ptr)
	}
	c.retries(st, out, ptr)
	for i, k := range st.Catch {
		out.Catch = append(out.Catch, c.catcher(st, k, ja, fmt.Sprintf("%s/Catch/%d", ptr, i)))
	}
	if st.Next.IsSet() {
		out.Next = c.target(st.Scope, st.Next, ptr+"/Next")
	}
	out.End = st.End
	for _, x := range st.Extra {
		xp := ptrJoin(ptr, x.Key)
		c.mark(xp, x.Pos)
		out.Extra = append(out.Extra, asl.Member{Key: x.Key, Value: c.value(x.Value, ja, xp, x.Pos)})
	}
	return out
}

func (c *compiler) path(p ir.Path, ptr string) asl.NullablePath {
	if !p.Set {
		return asl.NullablePath{}
	}
	c.mark(ptr, p.Pos)
	if p.Null {
		return asl.NullPath()
	}
	return asl.PathValue(p.Path)
}

// payload lowers a payload field (Parameters, Arguments, Output, ...).
func (c *compiler) payload(v ir.Val, ja bool, ptr string) asl.Value {
	if !v.Set {
		return asl.Value{}
	}
	c.mark(ptr, v.Pos)
	return c.value(v.V, ja, ptr, v.Pos)
}

// number lowers a field that takes a number, a path (the *Path field) or a
// JSONata expression.
func (c *compiler) number(v ir.Val, ja bool, ptr, field string) (asl.Value, string) {
	if !v.Set {
		return asl.Value{}, ""
	}
	switch x := v.V.(type) {
	case dsl.Path:
		c.mark(ptr+"/"+field+"Path", v.Pos)
		return asl.Value{}, string(x)
	case dsl.Expr:
		c.mark(ptr+"/"+field, v.Pos)
		return asl.StringValue(jsonataText(x)), ""
	case int64:
		c.mark(ptr+"/"+field, v.Pos)
		return asl.IntValue(x), ""
	case float64:
		c.mark(ptr+"/"+field, v.Pos)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			c.errorf(ptr+"/"+field, v.Pos, "%v is not a number JSON can hold: give a finite number", x)
			return asl.Value{}, ""
		}
		return asl.FloatValue(x), ""
	}
	c.mark(ptr+"/"+field, v.Pos)
	return c.value(v.V, ja, ptr+"/"+field, v.Pos), ""
}

// text lowers a field that takes a string, a path or intrinsic (the *Path
// field) or a JSONata expression: Timestamp, Error, Cause.
func (c *compiler) text(v ir.Val, ja bool, ptr, field string) (string, string) {
	if !v.Set {
		return "", ""
	}
	switch x := v.V.(type) {
	case string:
		c.mark(ptr+"/"+field, v.Pos)
		return x, ""
	case dsl.Path:
		c.mark(ptr+"/"+field+"Path", v.Pos)
		return "", string(x)
	case dsl.Intrinsic:
		c.mark(ptr+"/"+field+"Path", v.Pos)
		if err := x.Err(); err != nil {
			c.errorf(ptr+"/"+field+"Path", v.Pos, "%v", err)
		}
		return "", x.String()
	case dsl.Expr:
		c.mark(ptr+"/"+field, v.Pos)
		return jsonataText(x), ""
	}
	c.errorf(ptr+"/"+field, v.Pos, "a value of Go type %s: give a string, a dsl.Path, an intrinsic or a dsl.Expr", typeName(v.V))
	return "", ""
}

func jsonataText(e dsl.Expr) string { return "{% " + strings.TrimSpace(string(e)) + " %}" }

func (c *compiler) credentials(v ir.Val, ja bool, ptr string) asl.Value {
	c.mark(ptr, v.Pos)
	switch x := v.V.(type) {
	case dsl.Path:
		return asl.ObjectValue(asl.Member{Key: "RoleArn.$", Value: asl.StringValue(string(x))})
	case dsl.Intrinsic:
		if err := x.Err(); err != nil {
			c.errorf(ptr, v.Pos, "%v", err)
		}
		return asl.ObjectValue(asl.Member{Key: "RoleArn.$", Value: asl.StringValue(x.String())})
	}
	return asl.ObjectValue(asl.Member{Key: "RoleArn", Value: c.value(v.V, ja, ptr+"/RoleArn", v.Pos)})
}

// resource lowers a Task's resource and merges the integration's
// parameters with the state's own Parameters or Arguments.
func (c *compiler) resource(st *ir.State, out *asl.State, ja bool, ptr string) {
	r := st.Resource
	c.mark(ptr+"/Resource", r.Pos)
	// The diagnostics about the Resource are about its pattern, when a
	// later call (Sync, WaitForTaskToken) chose one.
	c.mark(ptr+"/Resource", r.PatternPos)
	out.Resource = r.ARN + r.Pattern
	if r.SDK {
		c.sdkResource(r, out, ptr)
	}
	if r.Err != "" {
		pos := r.ErrPos
		if pos == 0 {
			pos = r.Pos
		}
		c.errorf(ptr+"/Resource", pos, "%s", r.Err)
	}
	if len(r.Params) == 0 {
		return
	}
	field, target := "Parameters", &out.Parameters
	if ja {
		field, target = "Arguments", &out.Arguments
	}
	fp := ptr + "/" + field
	var members []asl.Member
	for _, p := range r.Params {
		pos := p.Pos
		if pos == 0 {
			pos = r.Pos
		}
		members = append(members, c.param(p.Key, p.Value, ja, fp, pos)...)
	}
	members = c.unique(members, fp, r.Pos)
	if target.IsSet() {
		if target.Kind != asl.Object {
			c.errorf(fp, c.at(fp), "%s must be an object (dsl.Obj) when the task uses an integration helper, which sets its own parameters", field)
			return
		}
		for _, m := range target.Members {
			for _, have := range members {
				if strings.TrimSuffix(have.Key, ".$") == strings.TrimSuffix(m.Key, ".$") {
					c.errorf(ptrJoin(fp, m.Key), c.at(ptrJoin(fp, m.Key)), "%q is set both by the integration helper and by %s: set it once, with the helper's method or With", strings.TrimSuffix(m.Key, ".$"), field)
				}
			}
		}
		members = append(members, target.Members...)
	} else {
		c.mark(fp, r.Pos)
	}
	*target = asl.ObjectValue(members...)
}

func (c *compiler) retries(st *ir.State, out *asl.State, ptr string) {
	var rs []*ir.Retrier
	if st.Resource != nil && st.Resource.DefaultRetry != nil {
		rs = append(rs, st.Resource.DefaultRetry)
	}
	rs = append(rs, st.Retry...)
	for i, r := range rs {
		rp := fmt.Sprintf("%s/Retry/%d", ptr, i)
		c.mark(rp, r.Pos)
		o := &asl.Retrier{ErrorEquals: r.Errors, Comment: r.Comment, JitterStrategy: r.JitterStrategy}
		o.IntervalSeconds = c.retrySeconds(r.Interval, rp+"/IntervalSeconds")
		o.MaxDelaySeconds = c.retrySeconds(r.MaxDelay, rp+"/MaxDelaySeconds")
		if r.MaxAttempts.Set {
			c.mark(rp+"/MaxAttempts", r.MaxAttempts.Pos)
			o.MaxAttempts = asl.IntValue(r.MaxAttempts.V.(int64))
		}
		if r.BackoffRate.Set {
			c.mark(rp+"/BackoffRate", r.BackoffRate.Pos)
			if f := r.BackoffRate.V.(float64); math.IsNaN(f) {
				c.errorf(rp+"/BackoffRate", r.BackoffRate.Pos, "%v is not a number JSON can hold: give a finite number", f)
			} else {
				o.BackoffRate = asl.FloatValue(f)
			}
		}
		out.Retry = append(out.Retry, o)
	}
}

func (c *compiler) retrySeconds(v ir.Val, ptr string) asl.Value {
	if !v.Set {
		return asl.Value{}
	}
	c.mark(ptr, v.Pos)
	switch x := v.V.(type) {
	case int64:
		return asl.IntValue(x)
	case time.Duration:
		r := x.Round(time.Second)
		if r%time.Second != 0 { // Round saturates near the limits of time.Duration
			r = x.Truncate(time.Second)
		}
		c.errorf(ptr, v.Pos, "%v is not a whole, non-negative number of seconds: ASL counts retry intervals in seconds, so round it (e.g. %v)", x, r.Abs())
	}
	return asl.Value{}
}

func (c *compiler) catcher(st *ir.State, k *ir.Catcher, ja bool, ptr string) *asl.Catcher {
	c.mark(ptr, k.Pos)
	o := &asl.Catcher{ErrorEquals: k.Errors, Comment: k.Comment}
	o.ResultPath = c.path(k.ResultPath, ptr+"/ResultPath")
	o.Output = c.payload(k.Output, ja, ptr+"/Output")
	o.Assign = c.payload(k.Assign, ja, ptr+"/Assign")
	if k.Next.IsSet() {
		o.Next = c.target(st.Scope, k.Next, ptr+"/Next")
	} else {
		c.errorf(ptr+"/Next", k.Pos, "the catcher has no fallback state: pass the state to move to as dsl.Catch's first argument")
	}
	return o
}

func (c *compiler) rule(st *ir.State, r *ir.ChoiceRule, ja bool, ptr string) *asl.ChoiceRule {
	c.mark(ptr, r.Pos)
	o := c.cond(r.Cond, ja, ptr)
	o.Comment = r.Comment
	o.Assign = c.payload(r.Assign, ja, ptr+"/Assign")
	o.Output = c.payload(r.Output, ja, ptr+"/Output")
	if r.Next.IsSet() {
		o.Next = c.target(st.Scope, r.Next, ptr+"/Next")
	}
	return o
}

func (c *compiler) cond(k *ir.Cond, ja bool, ptr string) *asl.ChoiceRule {
	o := &asl.ChoiceRule{}
	if k == nil {
		return o
	}
	c.mark(ptr, k.Pos)
	o.Comment = k.Comment
	switch k.Kind {
	case ir.CondJSONata:
		c.mark(ptr+"/Condition", k.Pos)
		o.Condition = c.value(k.Expr.V, true, ptr+"/Condition", k.Pos)
	case ir.CondCompare:
		o.Variable = k.Variable
		var v asl.Value
		if p, ok := k.Operand.(dsl.Path); ok {
			v = asl.StringValue(string(p))
		} else {
			v = c.value(k.Operand, false, ptr+"/"+k.Operator, k.Pos)
		}
		o.Comparisons = []asl.Comparison{{Operator: asl.Operator(k.Operator), Value: v}}
	case ir.CondAnd, ir.CondOr:
		kids := []*asl.ChoiceRule{}
		name := "And"
		if k.Kind == ir.CondOr {
			name = "Or"
		}
		for i, ch := range k.Children {
			kids = append(kids, c.cond(ch, ja, fmt.Sprintf("%s/%s/%d", ptr, name, i)))
		}
		if k.Kind == ir.CondAnd {
			o.And = kids
		} else {
			o.Or = kids
		}
	case ir.CondNot:
		if len(k.Children) == 1 {
			o.Not = c.cond(k.Children[0], ja, ptr+"/Not")
		}
	}
	return o
}

func (c *compiler) mapFields(st *ir.State, out *asl.State, ja bool, ptr string) {
	if st.Processor != nil {
		field := "ItemProcessor"
		if st.Processor.Kind == ir.ScopeIterator {
			field = "Iterator"
		}
		sc := &asl.Scope{Comment: st.Processor.Comment}
		sc.StartAt, sc.States = c.scope(st.Processor, ptr+"/"+field)
		if st.Mode != "" {
			sc.ProcessorConfig = &asl.ProcessorConfig{Mode: st.Mode, ExecutionType: st.ExecutionType}
		}
		if field == "Iterator" {
			out.Iterator = sc
		} else {
			out.ItemProcessor = sc
		}
	}
	if st.Items.Set {
		if p, ok := st.Items.V.(dsl.Path); ok {
			c.mark(ptr+"/ItemsPath", st.Items.Pos)
			out.ItemsPath = string(p)
		} else {
			out.Items = c.payload(st.Items, ja, ptr+"/Items")
		}
	}
	out.ItemSelector = c.payload(st.ItemSelector, ja, ptr+"/ItemSelector")
	out.MaxConcurrency, out.MaxConcurrencyPath = c.number(st.MaxConcurrency, ja, ptr, "MaxConcurrency")
	out.ToleratedFailurePercentage, out.ToleratedFailurePercentagePath = c.number(st.ToleratedFailurePercentage, ja, ptr, "ToleratedFailurePercentage")
	out.ToleratedFailureCount, out.ToleratedFailureCountPath = c.number(st.ToleratedFailureCount, ja, ptr, "ToleratedFailureCount")
	if st.Label.Set {
		c.mark(ptr+"/Label", st.Label.Pos)
		out.Label = st.Label.V.(string)
	}
	if r := st.ItemReader; r != nil {
		rp := ptr + "/ItemReader"
		c.mark(rp, r.Pos)
		o := &asl.ItemReader{Resource: r.Resource}
		if len(r.Params) > 0 {
			args := c.params(r.Params, ja, rp, r.Pos)
			if ja {
				o.Arguments = args
			} else {
				o.Parameters = args
			}
		}
		cfg := &asl.ReaderConfig{InputType: r.InputType, Transformation: r.Transformation, ManifestType: r.ManifestType,
			CSVHeaderLocation: r.CSVHeaderLocation, CSVHeaders: r.CSVHeaders, CSVDelimiter: r.CSVDelimiter, ItemsPointer: r.ItemsPointer}
		cfg.MaxItems, cfg.MaxItemsPath = c.number(r.MaxItems, ja, rp+"/ReaderConfig", "MaxItems")
		if r.KeepConfig || cfg.InputType != "" || cfg.Transformation != "" || cfg.ManifestType != "" || cfg.CSVHeaderLocation != "" ||
			cfg.CSVHeaders != nil || cfg.CSVDelimiter != "" || cfg.ItemsPointer != "" || cfg.MaxItems.IsSet() || cfg.MaxItemsPath != "" {
			o.ReaderConfig = cfg
		}
		out.ItemReader = o
	}
	if b := st.ItemBatcher; b != nil {
		bp := ptr + "/ItemBatcher"
		c.mark(bp, b.Pos)
		o := &asl.ItemBatcher{}
		o.MaxItemsPerBatch, o.MaxItemsPerBatchPath = c.number(b.MaxItemsPerBatch, ja, bp, "MaxItemsPerBatch")
		o.MaxInputBytesPerBatch, o.MaxInputBytesPerBatchPath = c.number(b.MaxInputBytesPerBatch, ja, bp, "MaxInputBytesPerBatch")
		o.BatchInput = c.payload(b.BatchInput, ja, bp+"/BatchInput")
		out.ItemBatcher = o
	}
	if w := st.ResultWriter; w != nil {
		wp := ptr + "/ResultWriter"
		c.mark(wp, w.Pos)
		o := &asl.ResultWriter{Resource: w.Resource}
		if len(w.Params) > 0 {
			args := c.params(w.Params, ja, wp, w.Pos)
			if ja {
				o.Arguments = args
			} else {
				o.Parameters = args
			}
		}
		if w.OutputType != "" || w.Transformation != "" {
			o.WriterConfig = &asl.WriterConfig{OutputType: w.OutputType, Transformation: w.Transformation}
		}
		out.ResultWriter = o
	}
}

// params lowers an integration's parameter list to Parameters (JSONPath)
// or Arguments (JSONata) under base.
func (c *compiler) params(ps []ir.Param, ja bool, base string, pos ir.Pos) asl.Value {
	field := "/Parameters"
	if ja {
		field = "/Arguments"
	}
	var members []asl.Member
	for _, p := range ps {
		pp := p.Pos
		if pp == 0 {
			pp = pos
		}
		members = append(members, c.param(p.Key, p.Value, ja, base+field, pp)...)
	}
	return asl.ObjectValue(c.unique(members, base+field, pos)...)
}

// param lowers one parameter an integration (or an item reader or result
// writer) set, and records its own position for what is found in it later
// (by the validator or the type check): the option's method may have been
// called on another line than the helper that made the integration.
func (c *compiler) param(key string, v any, ja bool, objPtr string, pos ir.Pos) []asl.Member {
	ms := c.member(key, v, ja, objPtr, pos)
	for _, m := range ms {
		c.mark(ptrJoin(objPtr, m.Key), pos)
	}
	return ms
}

// member lowers one object member. In JSONPath a Path, Intrinsic,
// StateInput or TaskToken value gets the ".$" key suffix.
func (c *compiler) member(key string, v any, ja bool, objPtr string, pos ir.Pos) []asl.Member {
	ptr := ptrJoin(objPtr, key)
	if !ja {
		switch x := v.(type) {
		case dsl.Path:
			return []asl.Member{{Key: key + ".$", Value: asl.StringValue(string(x))}}
		case dsl.Intrinsic:
			if err := x.Err(); err != nil {
				c.errorf(ptr, pos, "%v", err)
			}
			return []asl.Member{{Key: key + ".$", Value: asl.StringValue(x.String())}}
		case ir.StateInput:
			return []asl.Member{{Key: key + ".$", Value: asl.StringValue("$")}}
		case ir.TaskToken:
			return []asl.Member{{Key: key + ".$", Value: asl.StringValue("$$.Task.Token")}}
		}
	}
	return []asl.Member{{Key: key, Value: c.value(v, ja, ptr, pos)}}
}

// value lowers a Go value at a position that has no key of its own to
// carry ".$".
func (c *compiler) value(v any, ja bool, ptr string, pos ir.Pos) asl.Value {
	if k, ok := containerOf(v); ok {
		if c.lowering[k] {
			c.errorf(ptr, pos, "the value contains itself: JSON cannot hold a cycle, so build the value without one")
			return asl.NullValue()
		}
		if c.lowering == nil {
			c.lowering = map[container]bool{}
		}
		c.lowering[k] = true
		defer delete(c.lowering, k)
	}
	switch x := v.(type) {
	case nil:
		return asl.NullValue()
	case asl.Value:
		return x
	case dsl.Expr:
		if !ja {
			c.errorf(ptr, pos, "a dsl.Expr (JSONata) in a JSONPath state: use a dsl.Path, or make the state JSONata with QueryLanguage(dsl.JSONata)")
			return asl.StringValue(string(x))
		}
		return asl.StringValue(jsonataText(x))
	case dsl.TypedExpr:
		if ja && x.Type() != nil {
			if c.exprTypes == nil {
				c.exprTypes = map[string]reflect.Type{}
			}
			c.exprTypes[ptr] = x.Type()
		}
		return c.value(x.Expr(), ja, ptr, pos)
	case dsl.Path:
		if ja {
			c.errorf(ptr, pos, "a dsl.Path (JSONPath) in a JSONata state: use a dsl.Expr such as dsl.Expr(\"$states.input.x\"), or make the state JSONPath")
		} else {
			c.errorf(ptr, pos, "a dsl.Path here has no object key to carry the \".$\" suffix: put it in a dsl.Obj, or build the value with an intrinsic such as dsl.Array")
		}
		return asl.StringValue(string(x))
	case dsl.Intrinsic:
		if ja {
			c.errorf(ptr, pos, "an intrinsic function in a JSONata state: intrinsics are JSONPath only; use the JSONata equivalent in a dsl.Expr")
		} else {
			c.errorf(ptr, pos, "an intrinsic function here has no object key to carry the \".$\" suffix: put it in a dsl.Obj")
		}
		return asl.StringValue(x.String())
	case ir.StateInput:
		if ja {
			return asl.StringValue("{% $states.input %}")
		}
		c.errorf(ptr, pos, "dsl.StateInput() here has no object key to carry the \".$\" suffix: put it in a dsl.Obj")
		return asl.StringValue("$")
	case ir.TaskToken:
		if ja {
			return asl.StringValue("{% $states.context.Task.Token %}")
		}
		c.errorf(ptr, pos, "dsl.TaskToken() here has no object key to carry the \".$\" suffix: put it in a dsl.Obj")
		return asl.StringValue("$$.Task.Token")
	case dsl.Ref:
		return asl.StringValue("${" + string(x) + "}")
	case string:
		if ja && asl.IsJSONata(x) {
			c.errorf(ptr, pos, "the literal string %q would be evaluated as JSONata in a JSONata state: write the expression as dsl.Expr(%q)", x, strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(x, "{%"), "%}")))
		}
		return asl.StringValue(x)
	case bool:
		return asl.BoolValue(x)
	case dsl.Obj:
		return c.object(map[string]any(x), ja, ptr, pos)
	case map[string]any:
		return c.object(x, ja, ptr, pos)
	case dsl.Arr:
		return c.array([]any(x), ja, ptr, pos)
	case []any:
		return c.array(x, ja, ptr, pos)
	case json.Marshaler:
		return c.viaJSON(v, ptr, pos)
	}
	if s, ok := number(v); ok {
		if s == "" {
			c.errorf(ptr, pos, "%v is not a number JSON can hold: give a finite number", v)
			return asl.NullValue()
		}
		return asl.NumberValue(s)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map:
		if rv.Type().Key().Kind() != reflect.String {
			c.errorf(ptr, pos, "a map with %s keys: JSON object keys are strings, so use a map with string keys", rv.Type().Key())
			return asl.NullValue()
		}
		m := make(map[string]any, rv.Len())
		for it := rv.MapRange(); it.Next(); {
			m[it.Key().String()] = it.Value().Interface()
		}
		return c.object(m, ja, ptr, pos)
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return asl.NullValue()
		}
		items := make([]any, rv.Len())
		for i := range items {
			items[i] = rv.Index(i).Interface()
		}
		return c.array(items, ja, ptr, pos)
	case reflect.String:
		return c.value(rv.String(), ja, ptr, pos)
	case reflect.Bool:
		return asl.BoolValue(rv.Bool())
	case reflect.Pointer:
		if rv.IsNil() {
			return asl.NullValue()
		}
		return c.value(rv.Elem().Interface(), ja, ptr, pos)
	case reflect.Struct:
		return c.viaJSON(v, ptr, pos)
	}
	c.errorf(ptr, pos, "a value of Go type %s cannot be written as JSON: use strings, numbers, bools, nil, dsl.Obj, dsl.Arr or structs", typeName(v))
	return asl.NullValue()
}

func (c *compiler) object(m map[string]any, ja bool, ptr string, pos ir.Pos) asl.Value {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	members := make([]asl.Member, 0, len(keys))
	for _, k := range keys {
		members = append(members, c.member(k, m[k], ja, ptr, pos)...)
	}
	return asl.ObjectValue(c.unique(members, ptr, pos)...)
}

// unique drops, with an error, a member whose key an earlier member of the
// same object already has: JSON keys are unique, and "a" holding a Path is
// written as "a.$", which the object may also have.
func (c *compiler) unique(members []asl.Member, ptr string, pos ir.Pos) []asl.Member {
	seen := make(map[string]bool, len(members))
	out := members[:0]
	for _, m := range members {
		if seen[m.Key] {
			c.errorf(ptrJoin(ptr, m.Key), pos, "the key %q is written twice in one object (a value that is a dsl.Path, an intrinsic, dsl.StateInput() or dsl.TaskToken() adds \".$\" to its key): keep only one", m.Key)
			continue
		}
		seen[m.Key] = true
		out = append(out, m)
	}
	return out
}

func (c *compiler) array(items []any, ja bool, ptr string, pos ir.Pos) asl.Value {
	out := make([]asl.Value, len(items))
	for i, it := range items {
		out[i] = c.value(it, ja, fmt.Sprintf("%s/%d", ptr, i), pos)
	}
	return asl.ArrayValue(out...)
}

// viaJSON encodes a struct or json.Marshaler with encoding/json, keeping
// its field order.
func (c *compiler) viaJSON(v any, ptr string, pos ir.Pos) asl.Value {
	data, err := json.Marshal(v)
	if err != nil {
		c.errorf(ptr, pos, "cannot encode the %s value as JSON: %v", typeName(v), err)
		return asl.NullValue()
	}
	val, err := asl.ParseValue(data)
	if err != nil {
		c.errorf(ptr, pos, "cannot read back the JSON of the %s value: %v", typeName(v), err)
		return asl.NullValue()
	}
	return val
}

// containerOf identifies v when it is a map, slice or pointer that could
// hold itself.
func containerOf(v any) (container, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Map, reflect.Pointer:
		if !rv.IsNil() {
			return container{ptr: rv.Pointer()}, true
		}
	case reflect.Slice:
		if rv.Len() > 0 {
			return container{ptr: rv.Pointer(), len: rv.Len()}, true
		}
	}
	return container{}, false
}

// number formats Go numbers; it returns ("", true) for NaN and infinities.
func number(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprint(rv.Int()), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprint(rv.Uint()), true
	case reflect.Float32, reflect.Float64:
		f := rv.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return "", true
		}
		return asl.FloatValue(f).Num, true
	}
	return "", false
}

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}
