package local

import (
	"context"
	"math"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// Inspection levels of TestState.
const (
	InspectionInfo  = "INFO"
	InspectionDebug = "DEBUG"
	InspectionTrace = "TRACE"
)

// TestState statuses.
const (
	TestSucceeded   = "SUCCEEDED"
	TestFailed      = "FAILED"
	TestRetriable   = "RETRIABLE"
	TestCaughtError = "CAUGHT_ERROR"
)

// TestStateRequest is the input of the TestState API: one state run alone.
type TestStateRequest struct {
	// StateName picks the state of the machine to run; it may be empty
	// when the machine has one state.
	StateName string
	// Input is the state input (undefined: {}).
	Input value.Value
	// Variables are the workflow variables the state sees (an object).
	Variables value.Value
	// InspectionLevel is INFO (the default), DEBUG or TRACE.
	InspectionLevel string
	// Mock answers a Task, Map or Parallel state instead of running it:
	// a Result, or an error (MockError set).
	Mock *TestStateMock
	// RetrierRetryCount is the number of retries assumed to have happened.
	RetrierRetryCount int
	// MapIterationFailureCount, with HasMapIterationFailureCount, is the
	// number of iterations of a mocked Map state assumed to have failed
	// (stateConfiguration.mapIterationFailureCount): past the state's
	// ToleratedFailureCount or ToleratedFailurePercentage the state fails
	// with States.ExceedToleratedFailureThreshold.
	MapIterationFailureCount    int
	HasMapIterationFailureCount bool
	// Context, when set, is the context object the state sees (an object
	// with Execution, State, StateMachine and, for a callback or .sync
	// Task, Task).
	Context value.Value
	// Options configure handlers, identity and the like, as for Run.
	Options Options
}

// TestStateMock is TestState's mock: a result, or (IsError) an error
// output with an optional error name and cause.
type TestStateMock struct {
	Result             value.Value // the service's result
	IsError            bool        // the mock is an error
	Error, Cause       string      // the error's name and cause
	HasError, HasCause bool        // which of Error and Cause are given
}

// TestStateResult is TestState's response.
type TestStateResult struct {
	Status    string // SUCCEEDED, FAILED, RETRIABLE or CAUGHT_ERROR
	Output    value.Value
	Error     string
	Cause     string
	HasError  bool
	HasCause  bool
	NextState string
	// Inspection holds the input after each processing step (DEBUG and
	// TRACE levels): input, afterInputPath, afterParameters, result,
	// afterResultSelector, afterResultPath, variables, errorDetails.
	Inspection map[string]value.Value
	level      string
}

// inspectionOrder is the order TestState writes inspection data in.
var inspectionOrder = []string{"input", "afterInputPath", "afterParameters", "afterArguments", "afterItemsPath", "maxConcurrency", "toleratedFailureCount", "toleratedFailurePercentage", "result", "afterResultSelector", "afterResultPath", "variables", "errorDetails"}

// JSON renders the result as the TestState API returns it: payloads as
// JSON text.
func (r *TestStateResult) JSON() []byte {
	var b value.ObjectBuilder
	if !r.Output.IsUndefined() {
		b.Set("output", value.FromString(r.Output.JSON()))
	}
	if r.HasError {
		b.Set("error", value.FromString(r.Error))
	}
	if r.HasCause {
		b.Set("cause", value.FromString(r.Cause))
	}
	if r.level != InspectionInfo && len(r.Inspection) > 0 {
		var ib value.ObjectBuilder
		for _, k := range inspectionOrder {
			v, ok := r.Inspection[k]
			if !ok {
				continue
			}
			if k == "errorDetails" || k == "maxConcurrency" || k == "toleratedFailureCount" || k == "toleratedFailurePercentage" {
				ib.Set(k, v)
				continue
			}
			ib.Set(k, value.FromString(v.JSON()))
		}
		b.Set("inspectionData", ib.Value())
	}
	if r.NextState != "" {
		b.Set("nextState", value.FromString(r.NextState))
	}
	b.Set("status", value.FromString(r.Status))
	return []byte(b.Value().JSON())
}

// ValidationError is a request TestState refuses, with AWS's message
// (a ValidationException).
type ValidationError struct {
	Message string
}

// Error returns AWS's message.
func (e *ValidationError) Error() string { return e.Message }

// checkContext applies TestState's rules for a given context object and
// returns what is wrong ("" when nothing).
func checkContext(c value.Value, cs *cstate) string {
	if c.Kind() != value.Object {
		return "the context object must be a JSON object"
	}
	allowed := map[string][]string{
		"Execution":    {"Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"},
		"State":        {"EnteredTime", "Name", "RetryCount"},
		"StateMachine": {"Id", "Name"},
		"Task":         {"Token"},
	}
	for i, k := range c.Keys() {
		if k == "Map" {
			return "'Map' field is not supported when mocking a Context object"
		}
		fields, ok := allowed[k]
		if !ok {
			return "Field '" + k + "' is not allowed"
		}
		v := c.Values()[i]
		for j, f := range v.Keys() {
			known := false
			for _, a := range fields {
				known = known || a == f
			}
			if !known {
				return "Field '" + f + "' is not allowed"
			}
			fv := v.Values()[j]
			switch f {
			case "Id", "Name", "RoleArn", "StartTime", "EnteredTime", "Token":
				if fv.Kind() != value.String {
					return k + "." + f + " must be a string"
				}
			}
		}
		if k == "Task" && !(cs.typ == asl.TypeTask && (cs.res.callback || cs.res.sync)) {
			return "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"
		}
	}
	return ""
}

// findState looks a state up by name in a scope and every scope nested in
// it (Parallel branches, Map item processors).
func findState(sc *cscope, name string) *cstate {
	if cs, ok := sc.states[name]; ok {
		return cs
	}
	for _, cs := range sc.states {
		for _, b := range cs.branches {
			if f := findState(b, name); f != nil {
				return f
			}
		}
		if cs.proc != nil {
			if f := findState(cs.proc, name); f != nil {
				return f
			}
		}
	}
	return nil
}

type testState struct {
	mock *TestStateMock
	insp inspection
	// mapFailures is the request's MapIterationFailureCount.
	mapFailures    int
	hasMapFailures bool
	// The mocked Map state's tolerated failures, as evaluated.
	tolCount, tolPct       float64
	hasTolCount, hasTolPct bool
}

// exceedsTolerance reports whether the assumed iteration failures of a
// mocked Map state pass its tolerated failures; a state that tolerates
// nothing explicitly is not checked (as AWS recorded).
func (ts *testState) exceedsTolerance(items int) bool {
	if !ts.hasMapFailures || ts.mapFailures == 0 {
		return false
	}
	n := float64(ts.mapFailures)
	switch {
	case ts.hasTolCount && n > ts.tolCount:
		return !ts.hasTolPct || items == 0 || n*100/float64(items) > ts.tolPct
	case ts.hasTolPct && !ts.hasTolCount && items > 0:
		return n*100/float64(items) > ts.tolPct
	}
	return false
}

// inspection collects TestState's inspection data.
type inspection map[string]value.Value

// Set records one step.
func (i inspection) Set(k string, v value.Value) { i[k] = v }

func (ts *testState) mocked(x *exec, cs *cstate, r *roots, in value.Value) (value.Value, *Failure) {
	m := ts.mock
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	if cs.typ == asl.TypeTask && cs.params != nil {
		if cs.res.callback || cs.res.activity {
			if r.sctx.fixedToken != "" {
				r.sctx.token = r.sctx.fixedToken
			} else {
				r.sctx.token = x.token()
				r.sctx.hasBuilt = false
			}
		}
		params, f := cs.params.eval(x, ri)
		if f != nil {
			return value.Value{}, f
		}
		x.inspect("afterParameters", params)
	}
	if cs.jsonata {
		if f := x.jmocked(cs, r, in); f != nil {
			return value.Value{}, f
		}
	} else if cs.typ == asl.TypeMap {
		if cs.itemsPath != nil {
			v, ok, at := cs.itemsPath.eval(ri)
			if !ok {
				return value.Value{}, x.runtime(cs.itemsPath.notFound(at))
			}
			if v.Kind() != value.Array {
				return value.Value{}, x.runtime(notArray(cs.itemsPath))
			}
			x.inspect("afterItemsPath", v)
		}
		x.inspect("maxConcurrency", value.FromInt(cs.maxConcurrency))
		if cs.hasToleratedCount {
			x.inspect("toleratedFailureCount", value.FromInt(cs.toleratedCount))
			ts.tolCount, ts.hasTolCount = float64(cs.toleratedCount), true
		}
		if cs.hasToleratedPercent {
			ts.tolPct, ts.hasTolPct = cs.toleratedPercent, true
		}
	}
	if m.IsError {
		f := &Failure{Name: m.Error, Cause: m.Cause, HasCause: m.HasCause, nullError: !m.HasError}
		return value.Value{}, f
	}
	if cs.typ == asl.TypeMap && ts.exceedsTolerance(m.Result.Len()) {
		return value.Value{}, &Failure{Name: ErrExceedToleratedFailureThreshold, HasCause: true, Cause: "The specified tolerated failure threshold was exceeded"}
	}
	return m.Result, nil
}

// TestState runs one state of the machine alone, as the TestState API
// does: one attempt, whose error is reported as RETRIABLE when a retrier
// would retry it and as CAUGHT_ERROR when a catcher takes it.
func (m *Machine) TestState(ctx context.Context, req TestStateRequest) (*TestStateResult, error) {
	cs := m.root.start
	if req.StateName != "" {
		if cs = findState(m.root, req.StateName); cs == nil {
			return nil, &ValidationError{Message: "State not found in definition"}
		}
	}
	if req.Mock != nil && cs.typ != asl.TypeTask && cs.typ != asl.TypeMap && cs.typ != asl.TypeParallel {
		return nil, &ValidationError{Message: "State type '" + string(cs.typ) + "' is not supported when a mock is specified"}
	}
	if !req.Context.IsUndefined() {
		if msg := checkContext(req.Context, cs); msg != "" {
			return nil, &ValidationError{Message: "Invalid Context object provided: " + msg}
		}
	}
	level := req.InspectionLevel
	if level == "" {
		level = InspectionInfo
	}
	opts := req.Options
	if opts.Input.IsUndefined() {
		// The context object's Execution.Input is the state input.
		opts.Input = req.Input
	}
	role := value.NullValue
	if opts.RoleArn != "" {
		role = value.FromString(opts.RoleArn)
	}
	x := newExec(ctx, m, opts)
	// TestState's context object: an express execution ARN, no role, no
	// RedriveCount; the state is named "StateName".
	o := x.opts
	x.ctxExec = value.FromMembers(
		value.Member{Key: "Id", Value: value.FromString("arn:" + o.Partition + ":states:" + o.Region + ":" + o.Account + ":express:" + o.StateMachineName + ":" + o.ExecutionName)},
		value.Member{Key: "Input", Value: x.input},
		value.Member{Key: "Name", Value: value.FromString(o.ExecutionName)},
		value.Member{Key: "RoleArn", Value: role},
		value.Member{Key: "StartTime", Value: value.FromString(formatTime(o.StartTime))},
	)
	x.ts = &testState{mock: req.Mock, insp: inspection{}, mapFailures: req.MapIterationFailureCount, hasMapFailures: req.HasMapIterationFailureCount}
	in := req.Input
	if in.IsUndefined() {
		in = value.FromMembers()
	}
	x.ts.insp.Set("input", in)
	vars := newScope(nil)
	for i, k := range req.Variables.Keys() {
		vars.set(k, req.Variables.Values()[i])
	}
	th := &thread{now: x.opts.StartTime}
	res := &TestStateResult{level: level, Inspection: x.ts.insp}
	switch cs.typ {
	case asl.TypeTask, asl.TypeMap, asl.TypeParallel:
		x.curName, x.curEntered = cs.name, 0
		sctx := &stateCtx{x: x, name: cs.name, entered: th.now, retry: req.RetrierRetryCount, task: cs.typ == asl.TypeTask, mapState: cs.typ == asl.TypeMap}
		if !req.Context.IsUndefined() {
			sctx.built, sctx.hasBuilt, sctx.fixed = req.Context, true, true
			if tk, ok := req.Context.Get("Task"); ok {
				tok, _ := tk.Get("Token")
				sctx.fixedToken = tok.Str()
			}
		}
		r := &roots{input: in, vars: vars, sctx: sctx}
		out, asg, f := x.attempt(cs, r, th, nil)
		if x.runErr != nil {
			return nil, x.runErr
		}
		if f == nil {
			res.Status, res.Output = TestSucceeded, out
			if !cs.end && cs.next != nil {
				res.NextState = cs.next.name
			}
			setVars(vars, asg, res)
			return res, nil
		}
		res.Error, res.HasError = f.Name, !f.nullError
		res.Cause, res.HasCause = f.Cause, f.HasCause
		if f.Name != ErrRuntime {
			for i, rt := range cs.retry {
				if !matches(rt.equals, f.Name) {
					continue
				}
				if int64(req.RetrierRetryCount) < rt.max {
					delay := rt.interval * math.Pow(rt.backoff, float64(req.RetrierRetryCount))
					if rt.hasMax && delay > rt.maxDelay {
						delay = rt.maxDelay
					}
					res.Status = TestRetriable
					res.Inspection["errorDetails"] = value.FromMembers(
						value.Member{Key: "retryBackoffIntervalSeconds", Value: value.FromInt(int64(delay))},
						value.Member{Key: "retryIndex", Value: value.FromInt(int64(i))},
					)
					return res, nil
				}
				// The retrier is exhausted: the response names it.
				res.Inspection["errorDetails"] = value.FromMembers(value.Member{Key: "retryIndex", Value: value.FromInt(int64(i))})
				break
			}
			for i, c := range cs.catch {
				if !matches(c.equals, f.Name) {
					continue
				}
				errOut := errorOutput(f)
				out := errOut
				switch {
				case cs.jsonata:
					var ff *Failure
					if out, _, ff = x.jcatch(c, r, errOut); ff != nil {
						res.Status, res.Output = TestFailed, value.Value{}
						res.Error, res.HasError, res.Cause, res.HasCause = ff.Name, true, ff.Cause, ff.HasCause
						return res, nil
					}
				case c.resultNull:
					out = in
				case c.resultPath != nil:
					out, _, _ = setPath(in, c.resultPath.p.Steps, errOut)
				}
				res.Status, res.Output, res.NextState = TestCaughtError, out, c.next.name
				res.Inspection["errorDetails"] = value.FromMembers(value.Member{Key: "catchIndex", Value: value.FromInt(int64(i))})
				return res, nil
			}
		}
		res.Status = TestFailed
		return res, nil
	}
	out, next, f := x.runState(cs, in, vars, th, nil)
	if x.runErr != nil {
		return nil, x.runErr
	}
	if f != nil {
		res.Status = TestFailed
		res.Error, res.HasError = f.Name, f.Name != ""
		res.Cause, res.HasCause = f.Cause, f.HasCause
		return res, nil
	}
	res.Status, res.Output = TestSucceeded, out
	if next != nil {
		res.NextState = next.name
	}
	switch {
	case len(vars.vars) > 0 && len(req.Variables.Keys()) == 0:
		var b value.ObjectBuilder
		for k, v := range vars.vars {
			b.Set(k, v)
		}
		res.Inspection["variables"] = sortedObject(b.Value())
	case len(req.Variables.Keys()) > 0:
		// The variables the request gave, as it gave them.
		res.Inspection["variables"] = req.Variables
	}
	return res, nil
}

func setVars(vars *scope, asg []assignedVar, res *TestStateResult) {
	for _, a := range asg {
		vars.set(a.name, a.v)
	}
	if len(asg) > 0 {
		var b value.ObjectBuilder
		for _, a := range asg {
			b.Set(a.name, a.v)
		}
		res.Inspection["variables"] = b.Value()
	}
}

func sortedObject(v value.Value) value.Value {
	keys := append([]string(nil), v.Keys()...)
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	var b value.ObjectBuilder
	for _, k := range keys {
		x, _ := v.Get(k)
		b.Set(k, x)
	}
	return b.Value()
}

// CompileState compiles a single state for TestState: the state becomes a
// machine of its own, and every state it names (Next, Default, a Choice
// rule's or a catcher's Next) a Succeed state, so that the name can be
// reported as the next state.
func CompileState(st *asl.State) (*Machine, error) {
	if st.Name == "" {
		st.Name = "State"
	}
	sm := &asl.StateMachine{StartAt: st.Name, States: asl.States{st}}
	seen := map[string]bool{st.Name: true}
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			sm.States = append(sm.States, &asl.State{Name: n, Type: asl.TypeSucceed})
		}
	}
	add(st.Next)
	add(st.Default)
	for _, c := range st.Catch {
		add(c.Next)
	}
	var rules func(rs []*asl.ChoiceRule)
	rules = func(rs []*asl.ChoiceRule) {
		for _, r := range rs {
			add(r.Next)
		}
	}
	rules(st.Choices)
	if st.Next == "" && !st.End && st.Type != asl.TypeChoice && st.Type != asl.TypeSucceed && st.Type != asl.TypeFail {
		st.End = true
	}
	return Compile(sm)
}

// newExec prepares an execution (the identity, the clock, the seeded
// generator) without running it.
func newExec(ctx context.Context, m *Machine, opts Options) *exec {
	x := &exec{ctx: ctx, m: m, opts: &opts, res: &Execution{}}
	x.hist = !opts.NoHistory
	x.max = opts.MaxEvents
	if x.max == 0 {
		x.max = 25000
	}
	x.rand = newRand(opts.Seed)
	if opts.StartTime.IsZero() {
		opts.StartTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&opts.Partition, "aws")
	def(&opts.Region, "us-east-1")
	def(&opts.Account, "123456789012")
	def(&opts.StateMachineName, m.Name)
	def(&opts.ExecutionName, "local-execution")
	def(&opts.RoleArn, "arn:"+opts.Partition+":iam::"+opts.Account+":role/StepFunctionsRole")
	x.input = opts.Input
	if x.input.IsUndefined() {
		x.input = value.FromMembers()
	}
	x.execArn = "arn:" + opts.Partition + ":states:" + opts.Region + ":" + opts.Account + ":execution:" + opts.StateMachineName + ":" + opts.ExecutionName
	if opts.Express {
		x.execArn = "arn:" + opts.Partition + ":states:" + opts.Region + ":" + opts.Account + ":express:" + opts.StateMachineName + ":" + opts.ExecutionName + ":" + x.uuid()
	}
	if m.timeout > 0 {
		x.deadline = opts.StartTime.Add(m.timeout)
	}
	if opts.StopAt > 0 {
		x.stop(opts.StartTime.Add(opts.StopAt), "", "")
	}
	for _, a := range opts.Actions {
		x.schedule(opts.StartTime.Add(a.At), a.Do)
	}
	return x
}
