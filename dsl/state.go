package dsl

import (
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// core is the data behind every state builder: the state and its
// workflow. The builder methods several state types share are methods of
// core, each marked with the group it belongs to (//dsl:group); go
// generate writes them out for each state type that lists the group
// (//dsl:mixin), in methods_gen.go, so each type shows in go doc with its
// own methods.
type core struct {
	st *ir.State
	w  *ir.Workflow
}

//go:generate go run ./internal/methodgen

// val records v as set by the caller of the method that calls val.
func (c *core) val(v any) ir.Val { return ir.Val{Set: true, V: v, Pos: ir.Caller(1)} }

// valAt records v as set at pos.
func valAt(v any, pos ir.Pos) ir.Val { return ir.Val{Set: true, V: v, Pos: pos} }

func (c *core) seconds(field string, d time.Duration) ir.Val {
	pos := ir.Caller(1)
	n, ok := wholeSeconds(c.w, c.st, field, d, pos)
	if !ok {
		return ir.Val{}
	}
	return ir.Val{Set: true, V: n, Pos: pos}
}

// Name returns the state's name.
//
//dsl:group base
func (c *core) name() string { return c.st.Name }

// Comment sets the state's Comment.
//
//dsl:group base
func (c *core) comment(pos ir.Pos, text string) { c.st.Comment = valAt(text, pos) }

// QueryLanguage sets the state's own query language.
//
//dsl:group base
func (c *core) queryLanguage(pos ir.Pos, lang QueryLanguage) {
	c.st.QueryLanguage = valAt(string(lang), pos)
}

// Extra sets a field that goasl does not model yet, written as given. It is
// the escape hatch for new ASL features; the compiler warns about it.
//
//dsl:group base
func (c *core) extra(pos ir.Pos, field string, value any) {
	if modelledFields[field] {
		addError(c.w, c.st, field, pos, "%s is a field goasl models: set it with its builder method, not Extra (which would write it twice)", field)
		return
	}
	for _, x := range c.st.Extra {
		if x.Key == field {
			addError(c.w, c.st, field, pos, "Extra(%q) is given twice: a JSON object holds a key once, so give the field one value", field)
			return
		}
	}
	c.st.Extra = append(c.st.Extra, ir.Extra{Key: field, Value: value, Pos: pos})
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

// InputPath selects the part of the input the state works on (JSONPath).
//
//dsl:group io
func (c *core) inputPath(pos ir.Pos, path Path) {
	c.st.InputPath = ir.Path{Set: true, Path: string(path), Pos: pos}
}

// NoInput sets InputPath to null: the state works on an empty object
// (JSONPath).
//
//dsl:group io
func (c *core) noInput(pos ir.Pos) { c.st.InputPath = ir.Path{Set: true, Null: true, Pos: pos} }

// OutputPath selects the part of the state's output passed on (JSONPath).
//
//dsl:group io
func (c *core) outputPath(pos ir.Pos, path Path) {
	c.st.OutputPath = ir.Path{Set: true, Path: string(path), Pos: pos}
}

// NoOutput sets OutputPath to null: the state passes on an empty object
// (JSONPath).
//
//dsl:group io
func (c *core) noOutput(pos ir.Pos) { c.st.OutputPath = ir.Path{Set: true, Null: true, Pos: pos} }

// Output sets the state's output (JSONata): an Expr, or a JSON value whose
// strings may be Exprs.
//
//dsl:group io
func (c *core) output(pos ir.Pos, v any) { c.st.Output = valAt(v, pos) }

// DeclareOutput declares typ as the Go type of the state's output: the
// output goasl infers is checked against typ, and the states after this one
// see typ. Use it where goasl cannot infer a type, such as a JSONata Output
// expression that calls functions, or an untyped service result.
//
//dsl:group io
func (c *core) declareOutput(typ GoType) { c.st.OutputType = typ.t }

// Assign sets workflow variables when the state completes. In JSONPath
// states the values may be Paths (read from the state's result) and
// Intrinsics; in JSONata states, Exprs.
//
//dsl:group assign
func (c *core) assign(pos ir.Pos, vars Obj) { c.st.Assign = valAt(vars, pos) }

// Next sets the state that runs after this one.
//
//dsl:group next
func (c *core) next(pos ir.Pos, state State) { c.st.Next = target(c.w, c.st, "Next", state, pos) }

// End makes this state end its scope (the workflow, branch or iteration).
//
//dsl:group next
func (c *core) end() { c.st.End = true }

// ResultPath places the state's result into its input at path (JSONPath): "$"
// replaces the input, "$.charge" adds a field.
//
//dsl:group resultPath
func (c *core) resultPath(pos ir.Pos, path Path) {
	c.st.ResultPath = ir.Path{Set: true, Path: string(path), Pos: pos}
}

// DiscardResult sets ResultPath to null: the state's output is its input
// (JSONPath).
//
//dsl:group resultPath
func (c *core) discardResult(pos ir.Pos) {
	c.st.ResultPath = ir.Path{Set: true, Null: true, Pos: pos}
}

// Parameters sets the payload template (JSONPath): usually an Obj whose
// values may be Paths and Intrinsics. On a Map it is the deprecated form of
// ItemSelector.
//
//dsl:group parameters
func (c *core) parameters(pos ir.Pos, v any) { c.st.Parameters = valAt(v, pos) }

// Arguments sets the state's arguments (JSONata): an Obj whose values may be
// Exprs, or a single Expr.
//
//dsl:group arguments
func (c *core) arguments(pos ir.Pos, v any) { c.st.Arguments = valAt(v, pos) }

// ResultSelector reshapes the raw result (JSONPath), before ResultPath.
//
//dsl:group handling
func (c *core) resultSelector(pos ir.Pos, v any) { c.st.ResultSelector = valAt(v, pos) }

// Retry adds retriers, tried in order. Build them with dsl.Retry.
//
//dsl:group handling
func (c *core) retry(pos ir.Pos, retriers ...*Retrier) {
	for _, r := range retriers {
		if r == nil {
			addError(c.w, c.st, "Retry", pos, "a nil retrier: build one with dsl.Retry")
			continue
		}
		if r.r == nil {
			addError(c.w, c.st, "Retry", pos, "a retrier not built with dsl.Retry (a zero dsl.Retrier): build one with dsl.Retry")
			continue
		}
		c.st.Retry = append(c.st.Retry, r.r)
	}
}

// Catch adds catchers, tried in order. Build them with dsl.Catch.
//
//dsl:group handling
func (c *core) catch(pos ir.Pos, catchers ...*Catcher) {
	for _, k := range catchers {
		if k == nil {
			addError(c.w, c.st, "Catch", pos, "a nil catcher: build one with dsl.Catch")
			continue
		}
		if k.c == nil {
			addError(c.w, c.st, "Catch", pos, "a catcher not built with dsl.Catch (a zero dsl.Catcher): build one with dsl.Catch")
			continue
		}
		c.st.Catch = append(c.st.Catch, k.c)
	}
}

func (t *TaskState) node() *ir.State     { return t.c.st }
func (p *PassState) node() *ir.State     { return p.c.st }
func (w *WaitState) node() *ir.State     { return w.c.st }
func (x *SucceedState) node() *ir.State  { return x.c.st }
func (f *FailState) node() *ir.State     { return f.c.st }
func (p *ParallelState) node() *ir.State { return p.c.st }
func (c *ChoiceState) node() *ir.State   { return c.c.st }
func (m *MapState) node() *ir.State      { return m.c.st }

// TaskState is a Task state: it runs a Resource, such as a Lambda function
// or an AWS service call. The integration helpers return types (LambdaTask,
// SNSPublishTask, ...) that embed *TaskState: their own methods set the
// integration's options, and the TaskState methods, which follow them in
// the chain, set the Task's fields.
//
//dsl:mixin t base io assign next resultPath parameters arguments handling
type TaskState struct{ c *core }

// Task adds a Task state named name that runs r. Build r with an
// integration helper such as LambdaInvoke, SNSPublish or SDK, or with
// ResourceARN for any ARN. The helper's options come first; the Task's own
// fields may follow them in the same chain, or on the TaskState that Task
// returns:
//
//	charge := wf.Task("Charge", dsl.LambdaInvoke[Order, Receipt](dsl.Ref("ChargeFn")).
//		Payload(dsl.Obj{"amount": dsl.Path("$.total")}).
//		ResultPath("$.receipt"))
//
// Each integration value makes one Task: pass a new one to each call.
func (s *Scope) Task(name string, r Resource) *TaskState {
	if isNil(r) {
		st := s.add(name, "Task", 0)
		addError(s.w, st, "Resource", st.Pos, "the resource is nil: pass an integration such as dsl.LambdaInvoke(...) or dsl.ResourceARN(\"arn:...\")")
		return &TaskState{&core{st: st, w: s.w}}
	}
	t := r.task()
	if t == nil || t.c == nil {
		st := s.add(name, "Task", 0)
		addError(s.w, st, "Resource", st.Pos, "the resource was not built with a helper (a zero %s): build it with an integration such as dsl.LambdaInvoke(...) or dsl.ResourceARN(\"arn:...\")", typeName(r))
		return &TaskState{&core{st: st, w: s.w}}
	}
	if t.c.st.Scope != nil {
		st := s.add(name, "Task", 0)
		addError(s.w, st, "Resource", st.Pos, "this integration value already runs Task %q: each Task needs its own, so call the helper (e.g. dsl.Lambda(...)) again for this one", t.c.st.Name)
		return &TaskState{&core{st: st, w: s.w}}
	}
	st := t.c.st
	st.Name, st.Pos, st.Scope = name, ir.Caller(0), s.s
	s.attach(st)
	s.w.Errors = append(s.w.Errors, t.c.w.Errors...)
	t.c.w = s.w
	return t
}

// Timeout sets TimeoutSeconds: the task fails with States.Timeout after d.
func (t *TaskState) Timeout(d time.Duration) *TaskState {
	t.c.st.Timeout = t.c.seconds("TimeoutSeconds", d)
	return t
}

// TimeoutPath reads TimeoutSeconds from the input (TimeoutSecondsPath,
// JSONPath).
func (t *TaskState) TimeoutPath(p Path) *TaskState {
	t.c.st.Timeout = t.c.val(p)
	return t
}

// TimeoutExpr computes TimeoutSeconds with a JSONata expression.
func (t *TaskState) TimeoutExpr(e Expr) *TaskState {
	t.c.st.Timeout = t.c.val(e)
	return t
}

// Heartbeat sets HeartbeatSeconds: the task fails with
// States.HeartbeatTimeout when it does not report for d.
func (t *TaskState) Heartbeat(d time.Duration) *TaskState {
	t.c.st.Heartbeat = t.c.seconds("HeartbeatSeconds", d)
	return t
}

// HeartbeatPath reads HeartbeatSeconds from the input (JSONPath).
func (t *TaskState) HeartbeatPath(p Path) *TaskState {
	t.c.st.Heartbeat = t.c.val(p)
	return t
}

// HeartbeatExpr computes HeartbeatSeconds with a JSONata expression.
func (t *TaskState) HeartbeatExpr(e Expr) *TaskState {
	t.c.st.Heartbeat = t.c.val(e)
	return t
}

// DeclareResult declares typ as the Go type of the task's whole result (what
// ResultSelector sees, and what ResultPath places), for SDK and other
// integrations whose response shape goasl does not know. For a Lambda,
// declare the handler's types with LambdaInvoke[In, Out] instead.
func (t *TaskState) DeclareResult(typ GoType) *TaskState {
	if t == nil {
		return t
	}
	declareResult(t.c.st, typ)
	return t
}

// DeclareRequest declares typ as the Go type the task's resource is called with
// (its effective Parameters or Arguments), so a payload of the wrong shape
// is reported, and goasl generate writes a handler type for it. For a
// Lambda, use LambdaInvoke[In, Out].
func (t *TaskState) DeclareRequest(typ GoType) *TaskState {
	if t == nil {
		return t
	}
	declareRequest(t.c.st, typ)
	return t
}

// Credentials runs the task with the given IAM role: an ARN string, a Ref,
// a Path or Intrinsic (JSONPath) or an Expr (JSONata).
func (t *TaskState) Credentials(roleARN any) *TaskState {
	t.c.st.Credentials = t.c.val(roleARN)
	return t
}

// PassState is a Pass state: it passes its input on, optionally reshaped or
// replaced by a fixed Result.
//
//dsl:mixin p base io assign next resultPath parameters
type PassState struct{ c *core }

// Pass adds a Pass state.
func (s *Scope) Pass(name string) *PassState {
	st := s.add(name, "Pass", 0)
	p := &PassState{&core{st: st, w: s.w}}
	return p
}

// Result sets the fixed result of the Pass state (JSONPath). Use Output in
// JSONata states.
func (p *PassState) Result(v any) *PassState {
	p.c.st.Result = p.c.val(v)
	return p
}

// WaitState is a Wait state: it pauses for a time or until a timestamp.
//
//dsl:mixin w base io assign next
type WaitState struct{ c *core }

// Wait adds a Wait state. Give it exactly one of For, ForPath, ForExpr,
// Until, UntilText, UntilPath or UntilExpr.
func (s *Scope) Wait(name string) *WaitState {
	st := s.add(name, "Wait", 0)
	w := &WaitState{&core{st: st, w: s.w}}
	return w
}

// For waits d (Seconds).
func (w *WaitState) For(d time.Duration) *WaitState {
	w.c.st.Seconds = w.c.seconds("Seconds", d)
	return w
}

// ForPath waits the number of seconds read from p (SecondsPath, JSONPath).
func (w *WaitState) ForPath(p Path) *WaitState {
	w.c.st.Seconds = w.c.val(p)
	return w
}

// ForExpr waits the number of seconds a JSONata expression computes.
func (w *WaitState) ForExpr(e Expr) *WaitState {
	w.c.st.Seconds = w.c.val(e)
	return w
}

// Until waits until t (Timestamp, written in RFC 3339 in UTC).
func (w *WaitState) Until(t time.Time) *WaitState {
	w.c.st.Timestamp = w.c.val(t.UTC().Format(time.RFC3339Nano))
	return w
}

// UntilText waits until a timestamp given as RFC 3339 text, kept as
// written (e.g. "2026-03-14T01:59:00Z").
func (w *WaitState) UntilText(timestamp string) *WaitState {
	w.c.st.Timestamp = w.c.val(timestamp)
	return w
}

// UntilPath waits until the timestamp read from p (TimestampPath, JSONPath).
func (w *WaitState) UntilPath(p Path) *WaitState {
	w.c.st.Timestamp = w.c.val(p)
	return w
}

// UntilExpr waits until the timestamp a JSONata expression computes.
func (w *WaitState) UntilExpr(e Expr) *WaitState {
	w.c.st.Timestamp = w.c.val(e)
	return w
}

// SucceedState is a Succeed state: it ends its scope successfully.
//
//dsl:mixin x base io
type SucceedState struct{ c *core }

// Succeed adds a Succeed state.
func (s *Scope) Succeed(name string) *SucceedState {
	st := s.add(name, "Succeed", 0)
	x := &SucceedState{&core{st: st, w: s.w}}
	return x
}

// FailState is a Fail state: it ends the execution with an error.
//
//dsl:mixin f base
type FailState struct{ c *core }

// Fail adds a Fail state.
func (s *Scope) Fail(name string) *FailState {
	st := s.add(name, "Fail", 0)
	f := &FailState{&core{st: st, w: s.w}}
	return f
}

// Error sets the error name.
func (f *FailState) Error(name string) *FailState {
	f.c.st.Error = f.c.val(name)
	return f
}

// ErrorPath reads the error name from a path (JSONPath).
func (f *FailState) ErrorPath(p Path) *FailState {
	f.c.st.Error = f.c.val(p)
	return f
}

// ErrorIntrinsic computes the error name with an intrinsic function that
// returns a string (JSONPath ErrorPath).
func (f *FailState) ErrorIntrinsic(i Intrinsic) *FailState {
	f.c.st.Error = f.c.val(i)
	return f
}

// ErrorExpr computes the error name with a JSONata expression.
func (f *FailState) ErrorExpr(e Expr) *FailState {
	f.c.st.Error = f.c.val(e)
	return f
}

// Cause sets the human-readable cause.
func (f *FailState) Cause(text string) *FailState {
	f.c.st.Cause = f.c.val(text)
	return f
}

// CausePath reads the cause from a path (JSONPath).
func (f *FailState) CausePath(p Path) *FailState {
	f.c.st.Cause = f.c.val(p)
	return f
}

// CauseIntrinsic computes the cause with an intrinsic function that returns
// a string (JSONPath CausePath).
func (f *FailState) CauseIntrinsic(i Intrinsic) *FailState {
	f.c.st.Cause = f.c.val(i)
	return f
}

// CauseExpr computes the cause with a JSONata expression.
func (f *FailState) CauseExpr(e Expr) *FailState {
	f.c.st.Cause = f.c.val(e)
	return f
}

// ParallelState is a Parallel state: it runs its branches at the same time
// and outputs the array of their outputs.
//
//dsl:mixin p base io assign next resultPath parameters arguments handling
type ParallelState struct{ c *core }

// Parallel adds a Parallel state. Add its branches with Branch.
func (s *Scope) Parallel(name string) *ParallelState {
	st := s.add(name, "Parallel", 0)
	p := &ParallelState{&core{st: st, w: s.w}}
	return p
}

// Branch adds a branch: it calls build with the branch's scope, to which
// states are added like to a workflow, and returns p, so the Parallel's own
// fields may follow:
//
//	wf.Parallel("Extract").
//		Branch(func(b *dsl.Scope) { b.Task("Orders", dsl.Lambda(dsl.Ref("OrdersFn")).End()) }).
//		Branch(func(b *dsl.Scope) { b.Task("Customers", dsl.Lambda(dsl.Ref("CustomersFn")).End()) }).
//		ResultPath("$.extract")
func (p *ParallelState) Branch(build func(b *Scope)) *ParallelState {
	pos := ir.Caller(0)
	b := &ir.Scope{Kind: ir.ScopeBranch, Owner: p.c.st, Pos: pos}
	p.c.st.Branches = append(p.c.st.Branches, b)
	if build == nil {
		addError(p.c.w, p.c.st, "Branches", pos, "Branch(nil): pass a function that adds the branch's states, e.g. func(b *dsl.Scope) { b.Pass(\"P\").End() }")
		return p
	}
	build(&Scope{s: b, w: p.c.w})
	return p
}
