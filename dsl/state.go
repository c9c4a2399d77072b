package dsl

import (
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// core is what every mixin of a state builder shares: the builder itself
// (returned by each setter so calls chain) and the state's data.
type core[S any] struct {
	self S
	st   *ir.State
	w    *ir.Workflow
}

func (c *core[S]) val(v any) ir.Val { return ir.Val{Set: true, V: v, Pos: ir.Caller(1)} }

func (c *core[S]) seconds(field string, d time.Duration) ir.Val {
	pos := ir.Caller(1)
	n, ok := wholeSeconds(c.w, c.st, field, d, pos)
	if !ok {
		return ir.Val{}
	}
	return ir.Val{Set: true, V: n, Pos: pos}
}

// base holds the setters every state has.
type base[S any] struct{ *core[S] }

// Name returns the state's name.
func (b base[S]) Name() string { return b.st.Name }

func (b base[S]) node() *ir.State { return b.st }

// Comment sets the state's Comment.
func (b base[S]) Comment(text string) S {
	b.st.Comment = b.val(text)
	return b.self
}

// QueryLanguage sets the state's own query language.
func (b base[S]) QueryLanguage(l QueryLanguage) S {
	b.st.QueryLanguage = b.val(string(l))
	return b.self
}

// Extra sets a field that goasl does not model yet, written as given. It is
// the escape hatch for new ASL features; the compiler warns about it.
func (b base[S]) Extra(field string, value any) S {
	pos := ir.Caller(0)
	if modelledFields[field] {
		addError(b.w, b.st, field, pos, "%s is a field goasl models: set it with its builder method, not Extra (which would write it twice)", field)
		return b.self
	}
	for _, x := range b.st.Extra {
		if x.Key == field {
			addError(b.w, b.st, field, pos, "Extra(%q) is given twice: a JSON object holds a key once, so give the field one value", field)
			return b.self
		}
	}
	b.st.Extra = append(b.st.Extra, ir.Extra{Key: field, Value: value, Pos: pos})
	return b.self
}

// modelledFields are the state fields goasl writes itself, which Extra
// must not write again.
var modelledFields = map[string]bool{
	"Type": true, "QueryLanguage": true, "Comment": true, "Resource": true, "Credentials": true,
	"InputPath": true, "Parameters": true, "Arguments": true, "Result": true, "Seconds": true,
	"SecondsPath": true, "Timestamp": true, "TimestampPath": true, "Choices": true, "Default": true,
	"Error": true, "ErrorPath": true, "Cause": true, "CausePath": true, "Branches": true,
	"ItemReader": true, "Items": true, "ItemsPath": true, "ItemSelector": true, "ItemBatcher": true,
	"MaxConcurrency": true, "MaxConcurrencyPath": true, "ToleratedFailurePercentage": true,
	"ToleratedFailurePercentagePath": true, "ToleratedFailureCount": true, "ToleratedFailureCountPath": true,
	"Label": true, "ItemProcessor": true, "Iterator": true, "ResultWriter": true, "ResultSelector": true,
	"ResultPath": true, "OutputPath": true, "Output": true, "Assign": true, "TimeoutSeconds": true,
	"TimeoutSecondsPath": true, "HeartbeatSeconds": true, "HeartbeatSecondsPath": true, "Retry": true,
	"Catch": true, "Next": true, "End": true,
}

// io holds the input and output setters (all states but Fail).
type io[S any] struct{ *core[S] }

// InputPath selects the part of the input the state works on (JSONPath).
func (x io[S]) InputPath(p Path) S {
	x.st.InputPath = ir.Path{Set: true, Path: string(p), Pos: ir.Caller(0)}
	return x.self
}

// NoInput sets InputPath to null: the state works on an empty object
// (JSONPath).
func (x io[S]) NoInput() S {
	x.st.InputPath = ir.Path{Set: true, Null: true, Pos: ir.Caller(0)}
	return x.self
}

// OutputPath selects the part of the state's output passed on (JSONPath).
func (x io[S]) OutputPath(p Path) S {
	x.st.OutputPath = ir.Path{Set: true, Path: string(p), Pos: ir.Caller(0)}
	return x.self
}

// NoOutput sets OutputPath to null: the state passes on an empty object
// (JSONPath).
func (x io[S]) NoOutput() S {
	x.st.OutputPath = ir.Path{Set: true, Null: true, Pos: ir.Caller(0)}
	return x.self
}

// Output sets the state's output (JSONata): an Expr, or a JSON value whose
// strings may be Exprs.
func (x io[S]) Output(v any) S {
	x.st.Output = x.val(v)
	return x.self
}

// DeclareOutput declares t as the type of the state's output. The output
// goasl infers is checked against t, and the states after it see t: use it
// where goasl cannot infer a type, such as a JSONata Output expression that
// calls functions, or an untyped service result.
func (x io[S]) DeclareOutput(t GoType) S {
	declareOutput(x.st, t)
	return x.self
}

// assign holds Assign (all states but Succeed and Fail).
type assign[S any] struct{ *core[S] }

// Assign sets workflow variables when the state completes. In JSONPath
// states the values may be Paths (read from the state's result) and
// Intrinsics; in JSONata states, Exprs.
func (x assign[S]) Assign(vars Obj) S {
	x.st.Assign = x.val(vars)
	return x.self
}

// next holds the transition setters (Task, Pass, Wait, Parallel, Map).
type next[S any] struct{ *core[S] }

// Next sets the state that runs after this one.
func (x next[S]) Next(s State) S {
	x.st.Next = target(x.w, x.st, "Next", s, ir.Caller(0))
	return x.self
}

// End makes this state end its scope (the workflow, branch or iteration).
func (x next[S]) End() S {
	x.st.End = true
	return x.self
}

// resultPath holds ResultPath (Task, Pass, Parallel, Map).
type resultPath[S any] struct{ *core[S] }

// ResultPath places the state's result into its input at p (JSONPath): "$"
// replaces the input, "$.charge" adds a field.
func (x resultPath[S]) ResultPath(p Path) S {
	x.st.ResultPath = ir.Path{Set: true, Path: string(p), Pos: ir.Caller(0)}
	return x.self
}

// DiscardResult sets ResultPath to null: the state's output is its input
// (JSONPath).
func (x resultPath[S]) DiscardResult() S {
	x.st.ResultPath = ir.Path{Set: true, Null: true, Pos: ir.Caller(0)}
	return x.self
}

// parameters holds Parameters (Task, Pass, Parallel, Map).
type parameters[S any] struct{ *core[S] }

// Parameters sets the payload template (JSONPath): usually an Obj whose
// values may be Paths and Intrinsics. On a Map it is the deprecated form of
// ItemSelector.
func (x parameters[S]) Parameters(v any) S {
	x.st.Parameters = x.val(v)
	return x.self
}

// arguments holds Arguments (Task, Parallel).
type arguments[S any] struct{ *core[S] }

// Arguments sets the state's arguments (JSONata): an Obj whose values may be
// Exprs, or a single Expr.
func (x arguments[S]) Arguments(v any) S {
	x.st.Arguments = x.val(v)
	return x.self
}

// handling holds ResultSelector, Retry and Catch (Task, Parallel, Map).
type handling[S any] struct{ *core[S] }

// ResultSelector reshapes the raw result (JSONPath), before ResultPath.
func (x handling[S]) ResultSelector(v any) S {
	x.st.ResultSelector = x.val(v)
	return x.self
}

// Retry adds retriers, tried in order. Build them with dsl.Retry.
func (x handling[S]) Retry(retriers ...*Retrier) S {
	for _, r := range retriers {
		if r == nil {
			addError(x.w, x.st, "Retry", ir.Caller(0), "a nil retrier: build one with dsl.Retry")
			continue
		}
		if r.r == nil {
			addError(x.w, x.st, "Retry", ir.Caller(0), "a retrier not built with dsl.Retry (a zero dsl.Retrier): build one with dsl.Retry")
			continue
		}
		x.st.Retry = append(x.st.Retry, r.r)
	}
	return x.self
}

// Catch adds catchers, tried in order. Build them with dsl.Catch.
func (x handling[S]) Catch(catchers ...*Catcher) S {
	for _, c := range catchers {
		if c == nil {
			addError(x.w, x.st, "Catch", ir.Caller(0), "a nil catcher: build one with dsl.Catch")
			continue
		}
		if c.c == nil {
			addError(x.w, x.st, "Catch", ir.Caller(0), "a catcher not built with dsl.Catch (a zero dsl.Catcher): build one with dsl.Catch")
			continue
		}
		x.st.Catch = append(x.st.Catch, c.c)
	}
	return x.self
}

// TaskState is a Task state: it runs a Resource, such as a Lambda function
// or an AWS service call.
type TaskState struct {
	base[*TaskState]
	io[*TaskState]
	assign[*TaskState]
	next[*TaskState]
	resultPath[*TaskState]
	parameters[*TaskState]
	arguments[*TaskState]
	handling[*TaskState]
}

// Task adds a Task state that runs r. Build r with an integration helper
// such as LambdaInvoke, SNSPublish or SDK, or with Resource for any ARN.
func (s *Scope) Task(name string, r Resource) *TaskState {
	st := s.add(name, "Task", 0)
	c := &core[*TaskState]{st: st, w: s.w}
	t := &TaskState{base[*TaskState]{c}, io[*TaskState]{c}, assign[*TaskState]{c}, next[*TaskState]{c}, resultPath[*TaskState]{c}, parameters[*TaskState]{c}, arguments[*TaskState]{c}, handling[*TaskState]{c}}
	c.self = t
	if isNil(r) {
		addError(s.w, st, "Resource", st.Pos, "the resource is nil: pass an integration such as dsl.LambdaInvoke(...) or dsl.ResourceARN(\"arn:...\")")
	} else {
		st.Resource = r.resource()
	}
	return t
}

// Timeout sets TimeoutSeconds: the task fails with States.Timeout after d.
func (t *TaskState) Timeout(d time.Duration) *TaskState {
	t.base.st.Timeout = t.base.seconds("TimeoutSeconds", d)
	return t
}

// TimeoutPath reads TimeoutSeconds from the input (TimeoutSecondsPath,
// JSONPath).
func (t *TaskState) TimeoutPath(p Path) *TaskState {
	t.base.st.Timeout = t.base.val(p)
	return t
}

// TimeoutExpr computes TimeoutSeconds with a JSONata expression.
func (t *TaskState) TimeoutExpr(e Expr) *TaskState {
	t.base.st.Timeout = t.base.val(e)
	return t
}

// Heartbeat sets HeartbeatSeconds: the task fails with
// States.HeartbeatTimeout when it does not report for d.
func (t *TaskState) Heartbeat(d time.Duration) *TaskState {
	t.base.st.Heartbeat = t.base.seconds("HeartbeatSeconds", d)
	return t
}

// HeartbeatPath reads HeartbeatSeconds from the input (JSONPath).
func (t *TaskState) HeartbeatPath(p Path) *TaskState {
	t.base.st.Heartbeat = t.base.val(p)
	return t
}

// HeartbeatExpr computes HeartbeatSeconds with a JSONata expression.
func (t *TaskState) HeartbeatExpr(e Expr) *TaskState {
	t.base.st.Heartbeat = t.base.val(e)
	return t
}

// DeclareResult declares t as the type of the task's whole result (what
// ResultSelector sees, and what ResultPath places), for SDK and other
// integrations whose response shape goasl does not know. For a Lambda,
// declare the handler's types with LambdaInvoke[In, Out] instead.
func (t *TaskState) DeclareResult(typ GoType) *TaskState {
	if t == nil {
		return t
	}
	declareResult(t.base.st, typ)
	return t
}

// DeclareRequest declares t as the type the task's resource is called with
// (its effective Parameters or Arguments), so a payload of the wrong shape
// is reported, and goasl generate writes a handler type for it. For a
// Lambda, use LambdaInvoke[In, Out].
func (t *TaskState) DeclareRequest(typ GoType) *TaskState {
	if t == nil {
		return t
	}
	declareRequest(t.base.st, typ)
	return t
}

// Credentials runs the task with the given IAM role: an ARN string, a Ref,
// a Path or Intrinsic (JSONPath) or an Expr (JSONata).
func (t *TaskState) Credentials(roleARN any) *TaskState {
	t.base.st.Credentials = t.base.val(roleARN)
	return t
}

// PassState is a Pass state: it passes its input on, optionally reshaped or
// replaced by a fixed Result.
type PassState struct {
	base[*PassState]
	io[*PassState]
	assign[*PassState]
	next[*PassState]
	resultPath[*PassState]
	parameters[*PassState]
}

// Pass adds a Pass state.
func (s *Scope) Pass(name string) *PassState {
	st := s.add(name, "Pass", 0)
	c := &core[*PassState]{st: st, w: s.w}
	p := &PassState{base[*PassState]{c}, io[*PassState]{c}, assign[*PassState]{c}, next[*PassState]{c}, resultPath[*PassState]{c}, parameters[*PassState]{c}}
	c.self = p
	return p
}

// Result sets the fixed result of the Pass state (JSONPath). Use Output in
// JSONata states.
func (p *PassState) Result(v any) *PassState {
	p.base.st.Result = p.base.val(v)
	return p
}

// WaitState is a Wait state: it pauses for a time or until a timestamp.
type WaitState struct {
	base[*WaitState]
	io[*WaitState]
	assign[*WaitState]
	next[*WaitState]
}

// Wait adds a Wait state. Give it exactly one of For, ForPath, ForExpr,
// Until, UntilText, UntilPath or UntilExpr.
func (s *Scope) Wait(name string) *WaitState {
	st := s.add(name, "Wait", 0)
	c := &core[*WaitState]{st: st, w: s.w}
	w := &WaitState{base[*WaitState]{c}, io[*WaitState]{c}, assign[*WaitState]{c}, next[*WaitState]{c}}
	c.self = w
	return w
}

// For waits d (Seconds).
func (w *WaitState) For(d time.Duration) *WaitState {
	w.base.st.Seconds = w.base.seconds("Seconds", d)
	return w
}

// ForPath waits the number of seconds read from p (SecondsPath, JSONPath).
func (w *WaitState) ForPath(p Path) *WaitState {
	w.base.st.Seconds = w.base.val(p)
	return w
}

// ForExpr waits the number of seconds a JSONata expression computes.
func (w *WaitState) ForExpr(e Expr) *WaitState {
	w.base.st.Seconds = w.base.val(e)
	return w
}

// Until waits until t (Timestamp, written in RFC 3339 in UTC).
func (w *WaitState) Until(t time.Time) *WaitState {
	w.base.st.Timestamp = w.base.val(t.UTC().Format(time.RFC3339Nano))
	return w
}

// UntilText waits until a timestamp given as RFC 3339 text, kept as
// written (e.g. "2026-03-14T01:59:00Z").
func (w *WaitState) UntilText(timestamp string) *WaitState {
	w.base.st.Timestamp = w.base.val(timestamp)
	return w
}

// UntilPath waits until the timestamp read from p (TimestampPath, JSONPath).
func (w *WaitState) UntilPath(p Path) *WaitState {
	w.base.st.Timestamp = w.base.val(p)
	return w
}

// UntilExpr waits until the timestamp a JSONata expression computes.
func (w *WaitState) UntilExpr(e Expr) *WaitState {
	w.base.st.Timestamp = w.base.val(e)
	return w
}

// SucceedState is a Succeed state: it ends its scope successfully.
type SucceedState struct {
	base[*SucceedState]
	io[*SucceedState]
}

// Succeed adds a Succeed state.
func (s *Scope) Succeed(name string) *SucceedState {
	st := s.add(name, "Succeed", 0)
	c := &core[*SucceedState]{st: st, w: s.w}
	x := &SucceedState{base[*SucceedState]{c}, io[*SucceedState]{c}}
	c.self = x
	return x
}

// FailState is a Fail state: it ends the execution with an error.
type FailState struct {
	base[*FailState]
}

// Fail adds a Fail state.
func (s *Scope) Fail(name string) *FailState {
	st := s.add(name, "Fail", 0)
	c := &core[*FailState]{st: st, w: s.w}
	f := &FailState{base[*FailState]{c}}
	c.self = f
	return f
}

// Error sets the error name.
func (f *FailState) Error(name string) *FailState {
	f.base.st.Error = f.base.val(name)
	return f
}

// ErrorPath reads the error name from a path (JSONPath).
func (f *FailState) ErrorPath(p Path) *FailState {
	f.base.st.Error = f.base.val(p)
	return f
}

// ErrorIntrinsic computes the error name with an intrinsic function that
// returns a string (JSONPath ErrorPath).
func (f *FailState) ErrorIntrinsic(i Intrinsic) *FailState {
	f.base.st.Error = f.base.val(i)
	return f
}

// ErrorExpr computes the error name with a JSONata expression.
func (f *FailState) ErrorExpr(e Expr) *FailState {
	f.base.st.Error = f.base.val(e)
	return f
}

// Cause sets the human-readable cause.
func (f *FailState) Cause(text string) *FailState {
	f.base.st.Cause = f.base.val(text)
	return f
}

// CausePath reads the cause from a path (JSONPath).
func (f *FailState) CausePath(p Path) *FailState {
	f.base.st.Cause = f.base.val(p)
	return f
}

// CauseIntrinsic computes the cause with an intrinsic function that returns
// a string (JSONPath CausePath).
func (f *FailState) CauseIntrinsic(i Intrinsic) *FailState {
	f.base.st.Cause = f.base.val(i)
	return f
}

// CauseExpr computes the cause with a JSONata expression.
func (f *FailState) CauseExpr(e Expr) *FailState {
	f.base.st.Cause = f.base.val(e)
	return f
}

// ParallelState is a Parallel state: it runs its branches at the same time
// and outputs the array of their outputs.
type ParallelState struct {
	base[*ParallelState]
	io[*ParallelState]
	assign[*ParallelState]
	next[*ParallelState]
	resultPath[*ParallelState]
	parameters[*ParallelState]
	arguments[*ParallelState]
	handling[*ParallelState]
}

// Parallel adds a Parallel state. Add its branches with Branch.
func (s *Scope) Parallel(name string) *ParallelState {
	st := s.add(name, "Parallel", 0)
	c := &core[*ParallelState]{st: st, w: s.w}
	p := &ParallelState{base[*ParallelState]{c}, io[*ParallelState]{c}, assign[*ParallelState]{c}, next[*ParallelState]{c}, resultPath[*ParallelState]{c}, parameters[*ParallelState]{c}, arguments[*ParallelState]{c}, handling[*ParallelState]{c}}
	c.self = p
	return p
}

// Branch adds a branch: build calls its argument with the branch's scope,
// to which states are added like to a workflow, and Branch returns p, so
// the Parallel's own fields may follow:
//
//	wf.Parallel("Extract").
//		Branch(func(b *dsl.Scope) { b.Task("Orders", dsl.Lambda(dsl.Ref("OrdersFn"))).End() }).
//		Branch(func(b *dsl.Scope) { b.Task("Customers", dsl.Lambda(dsl.Ref("CustomersFn"))).End() }).
//		ResultPath("$.extract")
func (p *ParallelState) Branch(build func(b *Scope)) *ParallelState {
	pos := ir.Caller(0)
	b := &ir.Scope{Kind: ir.ScopeBranch, Owner: p.base.st, Pos: pos}
	p.base.st.Branches = append(p.base.st.Branches, b)
	if build == nil {
		addError(p.base.w, p.base.st, "Branches", pos, "Branch(nil): pass a function that adds the branch's states, e.g. func(b *dsl.Scope) { b.Pass(\"P\").End() }")
		return p
	}
	build(&Scope{s: b, w: p.base.w})
	return p
}
