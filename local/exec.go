package local

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// MaxPayloadSize is Step Functions' limit on a state's input, output and
// result, and on an execution's input: 256 KiB of UTF-8 JSON text.
const MaxPayloadSize = 256 * 1024

// DefaultTaskTimeout is the TimeoutSeconds of a Task that sets none.
const DefaultTaskTimeout = 99999999

// Status is an execution's final status.
type Status string

// The statuses a run ends with.
const (
	Succeeded Status = "SUCCEEDED"
	Failed    Status = "FAILED"
	TimedOut  Status = "TIMED_OUT"
	Aborted   Status = "ABORTED"
)

// Options configure one execution. The zero Options run with input {}, the
// start time 2024-01-01T00:00:00Z, seed 0 and history on.
type Options struct {
	// Input is the execution input; undefined means {}.
	Input value.Value
	// Handlers answer Task states, by state name or by Resource ARN (a
	// state name wins).
	Handlers map[string]Handler
	// Mock is an AWS mock configuration file, TestCase the test case to
	// use (with a single test case in the file, "" picks it). Mocked
	// states are answered from it before Handlers are looked up.
	Mock     *MockConfig
	TestCase string
	// S3 is the in-memory S3 that Distributed Map's ItemReader reads and
	// ResultWriter writes.
	S3 *S3
	// Seed seeds the jitter of retriers, States.MathRandom and States.UUID.
	Seed uint64
	// StartTime is the virtual time the execution starts at.
	StartTime time.Time
	// Identity of the execution, for the context object and ARNs.
	Partition, Region, Account      string
	StateMachineName, ExecutionName string
	RoleArn                         string
	// ActivityWorker is the name of the worker that takes activity tasks
	// (ActivityStarted's workerName) when the handler does not set
	// Task.WorkerName; empty: none is written.
	ActivityWorker string
	// TaskToken, when set, is the token every callback task gets (the
	// default is a token derived from the execution and the event id).
	TaskToken string
	// StopAt, when positive, stops the execution (StopExecution) once that
	// much virtual time has passed: it ends ABORTED.
	StopAt time.Duration
	// Actions run at virtual times during the execution: they answer task
	// tokens, send heartbeats, stop the execution (see Action, Control).
	// A .waitForTaskToken task or an activity whose handler returns
	// ErrNoAnswer, or that has no handler or mocked response in a run with
	// actions, waits for them until its TimeoutSeconds or HeartbeatSeconds.
	Actions []Action
	// Express runs the machine as an Express workflow: the execution ARN
	// is an express one (arn:...:express:<machine>:<name>:<id>).
	Express bool
	// NoHistory turns the history off (events are then not recorded).
	NoHistory bool
	// MaxEvents bounds the history, as Step Functions' quota of 25,000
	// events does (0: 25,000; negative: no bound). An execution over it
	// fails with States.Runtime.
	MaxEvents int
}

// Handler answers a Task. It returns the task's result (for
// arn:aws:states:::lambda:invoke, the function's result: the executor
// wraps it in the integration's response, Payload and StatusCode) or an
// error: a *Failure (see Error) fails the task with that error name and
// cause, any other error with States.TaskFailed.
type Handler func(ctx context.Context, t *Task) (value.Value, error)

// Task is what a Handler is called with.
type Task struct {
	State    string      // the state name
	Resource string      // the Resource ARN
	Input    value.Value // the effective parameters (for lambda:invoke, Payload)
	// Token is the task token of a .waitForTaskToken task or an activity.
	Token string
	// RetryCount is the number of retries so far.
	RetryCount int
	// WorkerName, set by the handler of an activity, is the name of the
	// worker that took the task (GetActivityTask's workerName), written
	// in the ActivityStarted event.
	WorkerName string
	// Raw, set by the handler, says that its result is the integration's
	// whole response: for arn:aws:states:::lambda:invoke the executor then
	// does not wrap it in the Payload/StatusCode response.
	Raw bool

	x         *exec
	th        thread
	started   time.Time
	beat      time.Time
	submit    value.Value
	submitted bool
}

// Now returns the virtual time.
func (t *Task) Now() time.Time { return t.th.now }

// Advance lets d of virtual time pass while the task works: a callback
// that arrives after an hour is Advance(time.Hour) before returning.
// The task times out if it passes TimeoutSeconds or HeartbeatSeconds.
func (t *Task) Advance(d time.Duration) {
	if d > 0 {
		t.th.now = t.th.now.Add(d)
	}
}

// Heartbeat records a heartbeat (SendTaskHeartbeat) at the current virtual
// time.
func (t *Task) Heartbeat() { t.beat = t.th.now }

// ErrNoAnswer is what a Handler returns for a task that has no answer yet:
// a .waitForTaskToken task or an activity then waits for an Action to
// answer its token (Options.Actions), and any task fails with
// States.Timeout when its TimeoutSeconds or HeartbeatSeconds passes first
// (a lost callback).
var ErrNoAnswer = errors.New("local: the task never answers")

// Execution is the result of a run.
type Execution struct {
	Status Status
	Output value.Value // when Succeeded
	// Error and Cause when Failed (HasCause tells an empty cause from none).
	Error, Cause string
	HasCause     bool
	Events       []Event // nil with NoHistory
	// Start and Stop are the virtual start and end times.
	Start, Stop time.Time
	// Visited lists the states entered, in order (nested ones included).
	Visited []string
	// Retries counts the retries per state name.
	Retries map[string]int
	// Transitions counts the states entered.
	Transitions int
}

// Duration is the virtual time the execution took.
func (x *Execution) Duration() time.Duration { return x.Stop.Sub(x.Start) }

// MissingHandlerError is returned by Run for a Task that nothing answers.
type MissingHandlerError struct {
	State, Resource string
}

// Error names the state and the resource and says how to answer the task.
func (e *MissingHandlerError) Error() string {
	return fmt.Sprintf("state %q: no handler or mocked response for resource %q: add a Handler for the state name or the resource, or a mocked response for the state in the mock configuration", e.State, e.Resource)
}

// Run compiles sm and runs one execution (see Machine.Run).
func Run(ctx context.Context, sm *asl.StateMachine, opts Options) (*Execution, error) {
	m, err := Compile(sm)
	if err != nil {
		return nil, err
	}
	return m.Run(ctx, opts)
}

type thread struct {
	now  time.Time
	prev int64
	// co is the Parallel branch the thread runs in (nil outside one).
	co *coro
	// task: a Task state is open (entered, not exited); failTask: the
	// state that failed last was a Task state.
	task, failTask bool
	// child counts the events of the Distributed Map child execution the
	// thread runs in (nil outside one): they are not in the parent's
	// history.
	child *int64
}

// exec is one running execution.
type exec struct {
	ctx   context.Context
	m     *Machine
	opts  *Options
	rand  *rand.Rand
	res   *Execution
	hist  bool
	max   int
	nev   int
	input value.Value

	execArn string
	// ctxExec and ctxSM are the context object's Execution and
	// StateMachine, built when first asked for (contextExecution,
	// contextStateMachine): most runs never read the context object.
	ctxExec, ctxSM value.Value
	mockCounts     map[string]int
	tokens         int
	runErr         error // a Go error that stops the run (missing handler, ctx)
	deadline       time.Time

	// lambdaMeta is the lambda:invoke response wrapper of this execution
	// (one request id per execution).
	lambdaMeta value.Value

	// freeRuns are the stateRuns of ended states, for newRun to reuse.
	freeRuns []*stateRun

	// ts is set for TestState.
	ts *testState

	// acts are the actions not run yet, in time order; seq numbers them.
	acts []*pending
	seq  int
	// waiters are the tasks waiting for their token; ended holds the
	// tokens of tasks that no longer wait.
	waiters []*waiter
	ended   map[string]bool
	// stopped: StopExecution at stopTime, with stopError and stopCause.
	stopped              bool
	stopTime             time.Time
	stopError, stopCause string

	// The state running now, for error messages.
	curName    string
	curEntered int64
	// curEnteredPrev is the previousEventId of the current state's
	// Entered event.
	curEnteredPrev int64
}

// Run executes the machine once. The error is for runs that cannot
// proceed: a Task with nothing to answer it, a cancelled ctx; a failed
// execution is an Execution with Status Failed.
func (m *Machine) Run(ctx context.Context, opts Options) (*Execution, error) {
	for i, a := range opts.Actions {
		switch {
		case a.Do == nil:
			return nil, fmt.Errorf("local: Options.Actions[%d] (at %v) has no Do function: give it the function that acts, e.g. local.At(d, func(c *local.Control) error { ... })", i, a.At)
		case a.At < 0:
			return nil, fmt.Errorf("local: Options.Actions[%d] is at %v, before the start of the execution: give it a time of 0 or more", i, a.At)
		}
	}
	if err := m.unsupported(opts.Express); err != nil {
		return nil, err
	}
	x := newExec(ctx, m, opts)
	opts = *x.opts
	if x.hist {
		x.res.Events = make([]Event, 0, max(16, int(m.eventsHint.Load())))
		x.res.Visited = make([]string, 0, max(8, int(m.visitedHint.Load())))
	}
	th := &thread{now: opts.StartTime}
	x.res.Start = opts.StartTime
	x.emit(th, eventInfo{Type: "ExecutionStarted", Input: x.input, Resource: opts.RoleArn})
	defer func() {
		if x.hist {
			m.eventsHint.Store(int64(len(x.res.Events)))
			m.visitedHint.Store(int64(len(x.res.Visited)))
		}
	}()
	th.prev = 0
	out, f := x.runScope(m.root, x.input, newScope(nil), th, nil)
	if x.runErr != nil {
		return nil, x.runErr
	}
	x.res.Stop = th.now
	switch {
	case f == nil:
		x.res.Status = Succeeded
		x.res.Output = out
		x.emit(th, eventInfo{Type: "ExecutionSucceeded", Output: out})
	case f.aborted:
		x.res.Status = Aborted
		x.res.Error, x.res.Cause, x.res.HasCause = x.stopError, x.stopCause, x.stopCause != ""
		// The stop comes from outside: no event caused it
		// (test_sfn_api.py::test_stop_execution).
		th.prev = 0
		x.emit(th, eventInfo{Type: "ExecutionAborted", Error: x.stopError, HasError: x.stopError != "", Cause: x.stopCause, HasCause: x.stopCause != ""})
	case f.Name == ErrTimeout && f.execTimeout:
		x.res.Status = TimedOut
		x.res.Error, x.res.Cause, x.res.HasCause = f.Name, f.Cause, f.HasCause
		x.emit(th, eventInfo{Type: "ExecutionTimedOut", Error: f.Name, HasError: true, Cause: f.Cause, HasCause: f.HasCause})
	default:
		x.res.Status = Failed
		x.res.Error, x.res.Cause, x.res.HasCause = f.Name, f.Cause, f.HasCause
		ev := eventInfo{Type: "ExecutionFailed", Error: f.Name, HasError: f.Name != "", Cause: f.Cause, HasCause: f.HasCause}
		x.emit(th, ev)
	}
	return x.res, nil
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// emit records an event (when the history is on) and returns its id.
func (x *exec) emit(th *thread, e eventInfo) int64 {
	id, prev, record := x.newEvent(th)
	if record {
		e.ID = id
		e.PreviousEventID = prev
		e.Timestamp = th.now
		x.res.Events = append(x.res.Events, compact(&e))
	}
	return id
}

// emitState records a state's Entered or Exited event that has no details
// beyond the state name and the payload (the Event compact makes of it),
// without building an eventInfo.
func (x *exec) emitState(th *thread, typ, name string, payload value.Value) int64 {
	id, prev, record := x.newEvent(th)
	if record {
		x.res.Events = append(x.res.Events, Event{ID: id, PreviousEventID: prev, Timestamp: th.now, Type: typ, Name: name, Payload: payload})
	}
	return id
}

// newEvent gives th's next event its turn (in a Parallel branch or a Map
// iteration) and its id; it returns the id, the previous event's id and
// whether the event is to be recorded in the history.
func (x *exec) newEvent(th *thread) (id, prev int64, record bool) {
	if th.co != nil {
		x.yield(th)
	}
	if len(x.acts) > 0 {
		x.runDue(th, false)
	}
	if th.child != nil {
		// A Distributed Map child's events are counted, not recorded.
		*th.child++
		th.prev = *th.child
		return th.prev, 0, false
	}
	x.nev++
	id, prev = int64(x.nev), th.prev
	th.prev = id
	return id, prev, x.hist
}

// runtime returns a States.Runtime failure of the current state.
func (x *exec) runtime(msg string) *Failure {
	return x.stateFailure(ErrRuntime, msg)
}

func (x *exec) stateFailure(name, msg string) *Failure {
	if x.ts != nil {
		// TestState reports the message alone.
		return &Failure{Name: name, HasCause: true, Cause: msg}
	}
	return &Failure{Name: name, HasCause: true, Cause: fmt.Sprintf("An error occurred while executing the state '%s' (entered at the event id #%d). %s", x.curName, x.curEntered, msg)}
}

// scope holds the variables of one scope; inner scopes read outer ones.
type scope struct {
	parent *scope
	vars   map[string]value.Value
}

func newScope(parent *scope) *scope { return &scope{parent: parent} }

func (s *scope) get(name string) (value.Value, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	return value.Value{}, false
}

func (s *scope) set(name string, v value.Value) {
	if s.vars == nil {
		s.vars = make(map[string]value.Value, 4)
	}
	s.vars[name] = v
}

// mapItem is the Map.Item of the context object inside an iteration.
type mapItem struct {
	index int
	value value.Value
}

// stateCtx is what a state's context object is built from, lazily.
type stateCtx struct {
	x        *exec
	name     string
	entered  time.Time
	retry    int
	token    string
	item     *mapItem
	task     bool // a Task state: State.RetryCount is there
	mapState bool // a Map state (TestState gives it State.RetryCount)
	built    value.Value
	hasBuilt bool
	// fixed: built is a context object given by TestState and is kept.
	fixed      bool
	fixedToken string
}

func (c *stateCtx) value() value.Value {
	if c.hasBuilt || c.fixed {
		return c.built
	}
	var st value.ObjectBuilder
	name, task := c.name, c.task
	if c.x.ts != nil {
		// TestState names the state "StateName" and gives a Map state
		// its RetryCount too.
		name, task = "StateName", task || c.mapState
	}
	st.Set("EnteredTime", value.FromString(formatTime(c.entered)))
	st.Set("Name", value.FromString(name))
	if task {
		st.Set("RetryCount", value.FromInt(int64(c.retry)))
	}
	var b value.ObjectBuilder
	b.Set("Execution", c.x.contextExecution())
	b.Set("State", st.Value())
	b.Set("StateMachine", c.x.contextStateMachine())
	if c.token != "" {
		b.Set("Task", value.FromMembers(value.Member{Key: "Token", Value: value.FromString(c.token)}))
	}
	if c.item != nil {
		b.Set("Map", value.FromMembers(value.Member{Key: "Item", Value: value.FromMembers(
			value.Member{Key: "Index", Value: value.FromInt(int64(c.item.index))},
			value.Member{Key: "Value", Value: c.item.value},
		)}))
	}
	c.built, c.hasBuilt = b.Value(), true
	return c.built
}

// contextExecution returns the context object's Execution.
func (x *exec) contextExecution() value.Value {
	if x.ctxExec.IsUndefined() {
		o := x.opts
		x.ctxExec = value.FromMembers(
			value.Member{Key: "Id", Value: value.FromString(x.execArn)},
			value.Member{Key: "Input", Value: x.input},
			value.Member{Key: "Name", Value: value.FromString(o.ExecutionName)},
			value.Member{Key: "RoleArn", Value: value.FromString(o.RoleArn)},
			value.Member{Key: "StartTime", Value: value.FromString(formatTime(o.StartTime))},
			value.Member{Key: "RedriveCount", Value: value.FromInt(0)},
		)
	}
	return x.ctxExec
}

// contextStateMachine returns the context object's StateMachine.
func (x *exec) contextStateMachine() value.Value {
	if x.ctxSM.IsUndefined() {
		o := x.opts
		x.ctxSM = value.FromMembers(
			value.Member{Key: "Id", Value: value.FromString("arn:" + o.Partition + ":states:" + o.Region + ":" + o.Account + ":stateMachine:" + o.StateMachineName)},
			value.Member{Key: "Name", Value: value.FromString(o.StateMachineName)},
		)
	}
	return x.ctxSM
}

// runScope runs a States object from its StartAt to an end state.
func (x *exec) runScope(sc *cscope, input value.Value, vars *scope, th *thread, item *mapItem) (value.Value, *Failure) {
	st := sc.start
	for {
		if x.runErr != nil {
			return value.Value{}, &Failure{Name: ErrRuntime}
		}
		out, next, f := x.runState(st, input, vars, th, item)
		if f != nil {
			return value.Value{}, f
		}
		if next == nil {
			return out, nil
		}
		st, input = next, out
	}
}

// stateRun holds a running state's context and roots in one allocation.
type stateRun struct {
	sctx stateCtx
	r    roots
}

// newRun returns a stateRun to fill, reusing one a state that ended gave
// back: the state machines of one execution take turns on one goroutine at
// a time, and a state's context and roots are not used after it ends.
func (x *exec) newRun() *stateRun {
	if n := len(x.freeRuns); n > 0 {
		sr := x.freeRuns[n-1]
		x.freeRuns = x.freeRuns[:n-1]
		return sr
	}
	return new(stateRun)
}

// freeRun gives sr back for the next state (newRun's caller overwrites
// all of it).
func (x *exec) freeRun(sr *stateRun) {
	x.freeRuns = append(x.freeRuns, sr)
}

// runState runs one state and returns its output and the next state (nil
// at an end).
func (x *exec) runState(cs *cstate, input value.Value, vars *scope, th *thread, item *mapItem) (value.Value, *cstate, *Failure) {
	if x.max > 0 && (x.nev >= x.max || th.child != nil && *th.child >= int64(x.max)) {
		return value.Value{}, nil, &Failure{Name: ErrRuntime, HasCause: true, Cause: fmt.Sprintf("The execution reached the maximum number of history events (%d).", x.max)}
	}
	if err := x.ctx.Err(); err != nil {
		x.runErr = err
		return value.Value{}, nil, &Failure{Name: ErrRuntime}
	}
	if x.isStopped(th) {
		return value.Value{}, nil, &Failure{aborted: true}
	}
	if !x.deadline.IsZero() && th.now.After(x.deadline) {
		return value.Value{}, nil, &Failure{Name: ErrTimeout, execTimeout: true}
	}
	x.res.Transitions++
	x.res.Visited = append(x.res.Visited, cs.name)
	enteredPrev := th.prev
	entered := x.emitState(th, cs.enteredType, cs.name, input)
	saveName, saveEntered, savePrev := x.curName, x.curEntered, x.curEnteredPrev
	x.curName, x.curEntered, x.curEnteredPrev = cs.name, entered, enteredPrev
	out, next, f := x.stateBody(cs, input, vars, th, item, entered)
	if f != nil {
		th.failTask = cs.typ == asl.TypeTask
	}
	x.curName, x.curEntered, x.curEnteredPrev = saveName, saveEntered, savePrev
	return out, next, f
}

func (x *exec) stateBody(cs *cstate, input value.Value, vars *scope, th *thread, item *mapItem, entered int64) (value.Value, *cstate, *Failure) {
	sr := x.newRun()
	sr.sctx = stateCtx{x: x, name: cs.name, entered: th.now, item: item, task: cs.typ == asl.TypeTask, mapState: cs.typ == asl.TypeMap}
	sr.r = roots{input: input, vars: vars, sctx: &sr.sctx}
	r := &sr.r

	var (
		out    value.Value
		next   = cs.next
		f      *Failure
		asg    []assignedVar
		caught bool
	)
	switch {
	case cs.typ == asl.TypePass && cs.jsonata:
		out, asg, f = x.jpass(cs, r)
	case cs.typ == asl.TypePass:
		out, asg, f = x.pass(cs, r)
	case cs.typ == asl.TypeTask || cs.typ == asl.TypeParallel || cs.typ == asl.TypeMap:
		var handler *cstate
		th.task = cs.typ == asl.TypeTask
		out, asg, handler, f = x.withRetry(cs, r, th, item)
		th.task = false
		if handler != nil {
			next, caught = handler, true
		}
	case cs.typ == asl.TypeChoice && cs.jsonata:
		out, next, asg, f = x.jchoice(cs, r)
	case cs.typ == asl.TypeChoice:
		out, next, asg, f = x.choice(cs, r)
	case cs.typ == asl.TypeWait && cs.jsonata:
		out, asg, f = x.jwait(cs, r, th)
	case cs.typ == asl.TypeWait:
		out, asg, f = x.wait(cs, r, th)
	case cs.typ == asl.TypeSucceed && cs.jsonata:
		out, f = x.jsucceed(cs, r)
		next = nil
	case cs.typ == asl.TypeSucceed:
		out, f = x.inputOutput(cs, r)
		next = nil
	case cs.typ == asl.TypeFail && cs.jsonata:
		f = x.jfail(cs, r)
		x.evalEvent(f, th)
		return value.Value{}, nil, f
	case cs.typ == asl.TypeFail:
		return value.Value{}, nil, x.fail(cs, r)
	default:
		return value.Value{}, nil, x.runtime("unknown state type " + string(cs.typ))
	}
	if f != nil {
		x.evalEvent(f, th)
		return value.Value{}, nil, f
	}
	if out.Size() > MaxPayloadSize {
		return value.Value{}, nil, &Failure{Name: ErrDataLimitExceeded, HasCause: true, Cause: fmt.Sprintf("The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", cs.name)}
	}
	for _, a := range asg {
		vars.set(a.name, a.v)
	}
	if len(asg) > 0 {
		x.emit(th, eventInfo{Type: cs.exitedType, Name: cs.name, Output: out, Assigned: asg, HasAssigned: true})
	} else {
		x.emitState(th, cs.exitedType, cs.name, out)
	}
	x.freeRun(sr)
	if !caught && (cs.end || cs.typ == asl.TypeSucceed) {
		return out, nil, nil
	}
	return out, next, nil
}

// effectiveInput applies InputPath.
func (x *exec) effectiveInput(cs *cstate, r *roots) (value.Value, *Failure) {
	if cs.inputNull {
		return value.FromMembers(), nil
	}
	if cs.inputPath == nil {
		return r.input, nil
	}
	v, ok, at := cs.inputPath.eval(r)
	if !ok {
		return value.Value{}, x.runtime(cs.inputPath.notFound(at))
	}
	return v, nil
}

// inspectInput records the effective input of TestState.
func (x *exec) inspect(key string, v value.Value) {
	if x.ts != nil {
		x.ts.insp.Set(key, v)
	}
}

// finish applies ResultPath (into the raw input) and OutputPath.
func (x *exec) finish(cs *cstate, r *roots, result value.Value) (value.Value, *Failure) {
	var out value.Value
	switch {
	case cs.resultNull:
		out = r.input
	case cs.resultPath == nil:
		out = result
	default:
		var ok bool
		var bad int
		out, bad, ok = setPath(r.input, cs.resultPath.p.Steps, result)
		if !ok {
			return value.Value{}, x.runtime(fmt.Sprintf("Invalid path '%s' : Missing property in path %s", cs.resultPath.text, cs.resultPath.bracketPath(bad-1)))
		}
	}
	x.inspect("afterResultPath", out)
	return x.outputPath(cs, r, out)
}

func (x *exec) outputPath(cs *cstate, r *roots, out value.Value) (value.Value, *Failure) {
	if cs.outputNull {
		return value.FromMembers(), nil
	}
	if cs.outputPath == nil {
		return out, nil
	}
	rr := &roots{input: out, vars: r.vars, sctx: r.sctx}
	v, ok, at := cs.outputPath.eval(rr)
	if !ok {
		return value.Value{}, x.runtime(cs.outputPath.notFound(at))
	}
	return v, nil
}

// inputOutput is InputPath then OutputPath (Succeed, Wait, Choice).
func (x *exec) inputOutput(cs *cstate, r *roots) (value.Value, *Failure) {
	in, f := x.effectiveInput(cs, r)
	if f != nil {
		return value.Value{}, f
	}
	x.inspect("afterInputPath", in)
	return x.outputPath(cs, r, in)
}

// assign evaluates an Assign template with $ bound to result; every
// right-hand side reads the variables as they were when the state was
// entered (they are set by the caller after OutputPath).
func (x *exec) assignVars(t *tmpl, r *roots, result value.Value) ([]assignedVar, *Failure) {
	if t == nil {
		return nil, nil
	}
	rr := &roots{input: result, vars: r.vars, sctx: r.sctx}
	v, f := t.eval(x, rr)
	if f != nil {
		return nil, f
	}
	return assigned(v), nil
}

// assigned lists the members of an evaluated Assign object in key order.
func assigned(v value.Value) []assignedVar {
	out := make([]assignedVar, 0, v.Len())
	for i, k := range v.Keys() {
		out = append(out, assignedVar{name: k, v: v.Values()[i]})
	}
	return out
}

func (x *exec) pass(cs *cstate, r *roots) (value.Value, []assignedVar, *Failure) {
	in, f := x.effectiveInput(cs, r)
	if f != nil {
		return value.Value{}, nil, f
	}
	x.inspect("afterInputPath", in)
	result := in
	if cs.params != nil {
		ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
		if result, f = cs.params.eval(x, ri); f != nil {
			return value.Value{}, nil, f
		}
	}
	if cs.hasResult {
		// TestState reports the Result instead of the input steps.
		result = cs.result
		if x.ts != nil {
			delete(x.ts.insp, "afterInputPath")
			x.inspect("result", result)
		}
	} else {
		x.inspect("afterParameters", result)
	}
	x.inspect("afterResultSelector", result)
	asg, f := x.assignVars(cs.assign, r, result)
	if f != nil {
		return value.Value{}, nil, f
	}
	out, f := x.finish(cs, r, result)
	return out, asg, f
}

func (x *exec) choice(cs *cstate, r *roots) (value.Value, *cstate, []assignedVar, *Failure) {
	in, f := x.effectiveInput(cs, r)
	if f != nil {
		return value.Value{}, nil, nil, f
	}
	x.inspect("afterInputPath", in)
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	for _, rule := range cs.choices {
		ok, f := x.test(rule, ri)
		if f != nil {
			return value.Value{}, nil, nil, f
		}
		if ok {
			asg, f := x.assignVars(rule.assign, r, in)
			if f != nil {
				return value.Value{}, nil, nil, f
			}
			out, f := x.outputPath(cs, r, in)
			return out, rule.next, asg, f
		}
	}
	if cs.def == nil {
		return value.Value{}, nil, nil, &Failure{Name: ErrNoChoiceMatched, HasCause: true, Cause: fmt.Sprintf("No Matches! for state '%s'", cs.name)}
	}
	asg, f := x.assignVars(cs.assign, r, in)
	if f != nil {
		return value.Value{}, nil, nil, f
	}
	out, f := x.outputPath(cs, r, in)
	return out, cs.def, asg, f
}

func (x *exec) wait(cs *cstate, r *roots, th *thread) (value.Value, []assignedVar, *Failure) {
	in, f := x.effectiveInput(cs, r)
	if f != nil {
		return value.Value{}, nil, f
	}
	x.inspect("afterInputPath", in)
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	switch {
	case cs.hasSeconds:
		th.now = th.now.Add(time.Duration(cs.seconds) * time.Second)
	case cs.hasTimestamp:
		if cs.timestamp.After(th.now) {
			th.now = cs.timestamp
		}
	case cs.secondsPath != nil:
		v, ok, _ := cs.secondsPath.eval(ri)
		if !ok {
			return value.Value{}, nil, x.runtime("The SecondsPath parameter does not reference an input value: " + cs.secondsPathText)
		}
		n, isInt := v.Int()
		if v.Kind() != value.Number || !isInt || v.HasOwnText() && v.Float() != math.Trunc(v.Float()) {
			return value.Value{}, nil, x.runtime(fmt.Sprintf("The SecondsPath parameter cannot be parsed as a long value: %s == %s", cs.secondsPathText, jsonScalar(v)))
		}
		if n < 0 {
			return value.Value{}, nil, x.runtime(fmt.Sprintf("The SecondsPath parameter references a negative value: %s == %d", cs.secondsPathText, n))
		}
		th.now = th.now.Add(time.Duration(n) * time.Second)
	case cs.tsPath != nil:
		v, ok, _ := cs.tsPath.eval(ri)
		if !ok {
			return value.Value{}, nil, x.runtime("The TimestampPath parameter does not reference an input value: " + cs.timestampPathText)
		}
		t, tok := time.Time{}, false
		if v.Kind() == value.String {
			t, tok = parseTimestamp(v.Str())
		}
		if !tok {
			return value.Value{}, nil, x.runtime(fmt.Sprintf("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: %s == %s", cs.timestampPathText, jsonScalar(v)))
		}
		if t.After(th.now) {
			th.now = t
		}
	}
	if x.isStopped(th) {
		return value.Value{}, nil, &Failure{aborted: true}
	}
	asg, f := x.assignVars(cs.assign, r, in)
	if f != nil {
		return value.Value{}, nil, f
	}
	out, f := x.outputPath(cs, r, in)
	return out, asg, f
}

// jsonScalar renders a value as AWS quotes it in messages: strings bare.
func jsonScalar(v value.Value) string {
	if v.Kind() == value.String {
		return v.Str()
	}
	return v.JSON()
}

func (x *exec) fail(cs *cstate, r *roots) *Failure {
	f := &Failure{Name: cs.s.Error, Cause: cs.s.Cause, HasCause: cs.s.Cause != ""}
	in := r.input
	x.inspect("afterInputPath", in)
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	if cs.errorPath != nil {
		v, ff := cs.errorPath.eval(x, ri)
		if ff != nil {
			return ff
		}
		f.Name = jsonScalar(v)
	}
	if cs.causePath != nil {
		v, ff := cs.causePath.eval(x, ri)
		if ff != nil {
			return ff
		}
		f.Cause, f.HasCause = jsonScalar(v), true
	}
	return f
}

// withRetry runs a Task, Parallel or Map state with its retriers and
// catchers. A caught error returns the catcher's Next.
func (x *exec) withRetry(cs *cstate, r *roots, th *thread, item *mapItem) (value.Value, []assignedVar, *cstate, *Failure) {
	counts := make([]int64, len(cs.retry))
	retries := 0
	for {
		r.sctx.retry = retries
		r.sctx.hasBuilt = false
		out, asg, f := x.attempt(cs, r, th, item)
		if f == nil {
			return out, asg, nil, nil
		}
		if f.Name == ErrRuntime || x.runErr != nil || f.execTimeout || f.aborted {
			x.evalEvent(f, th)
			x.stateFailedEvent(cs, f, th)
			return value.Value{}, nil, nil, f
		}
		retried := false
		for i, rt := range cs.retry {
			if !matches(rt.equals, f.Name) {
				continue
			}
			if counts[i] >= rt.max {
				break
			}
			counts[i]++
			delay := rt.interval * math.Pow(rt.backoff, float64(counts[i]-1))
			if rt.hasMax && delay > rt.maxDelay {
				delay = rt.maxDelay
			}
			if rt.jitterFull {
				delay = x.rand.Float64() * delay
			}
			th.now = th.now.Add(time.Duration(delay * float64(time.Second)))
			retries++
			if x.res.Retries == nil {
				x.res.Retries = map[string]int{}
			}
			x.res.Retries[cs.name]++
			retried = true
			break
		}
		if retried {
			if x.isStopped(th) {
				return value.Value{}, nil, nil, &Failure{aborted: true}
			}
			continue
		}
		x.evalEvent(f, th)
		x.stateFailedEvent(cs, f, th)
		for _, c := range cs.catch {
			if !matches(c.equals, f.Name) {
				continue
			}
			errOut := errorOutput(f)
			if cs.jsonata {
				out, asg, ff := x.jcatch(c, r, errOut)
				if ff != nil {
					return value.Value{}, nil, nil, ff
				}
				return out, asg, c.next, nil
			}
			var asg []assignedVar
			if c.assign != nil {
				var ff *Failure
				if asg, ff = x.assignVars(c.assign, r, errOut); ff != nil {
					return value.Value{}, nil, nil, ff
				}
			}
			var out value.Value
			switch {
			case c.resultNull:
				out = r.input
			case c.resultPath == nil:
				out = errOut
			default:
				var ok bool
				out, _, ok = setPath(r.input, c.resultPath.p.Steps, errOut)
				if !ok {
					return value.Value{}, nil, nil, x.runtime(fmt.Sprintf("Invalid path '%s' : Missing property in path %s", c.resultPath.text, c.resultPath.bracketPath(0)))
				}
			}
			return out, asg, c.next, nil
		}
		return value.Value{}, nil, nil, f
	}
}

// stateFailedEvent writes MapStateFailed or ParallelStateFailed when the
// state's work failed for good.
func (x *exec) stateFailedEvent(cs *cstate, f *Failure, th *thread) {
	if !f.stateFailed || f.aborted {
		// A stopped execution writes no Failed event for the state.
		return
	}
	switch cs.typ {
	case asl.TypeMap:
		x.emit(th, eventInfo{Type: "MapStateFailed"})
	case asl.TypeParallel:
		x.emit(th, eventInfo{Type: "ParallelStateFailed"})
	}
}

// work runs a Task, Parallel or Map state's own work on its effective
// input, or answers it from TestState's mock.
func (x *exec) work(cs *cstate, r *roots, in value.Value, th *thread) (value.Value, *Failure) {
	switch {
	case x.ts != nil && x.ts.mock != nil:
		return x.ts.mocked(x, cs, r, in)
	case cs.typ == asl.TypeTask:
		return x.task(cs, r, in, th)
	case cs.typ == asl.TypeParallel:
		return x.parallel(cs, r, in, th)
	case cs.typ == asl.TypeMap:
		return x.mapState(cs, r, in, th)
	}
	return value.Value{}, nil
}

// attempt runs the state's work once.
func (x *exec) attempt(cs *cstate, r *roots, th *thread, item *mapItem) (value.Value, []assignedVar, *Failure) {
	if cs.jsonata {
		return x.jattempt(cs, r, th)
	}
	in, f := x.effectiveInput(cs, r)
	if f != nil {
		return value.Value{}, nil, f
	}
	x.inspect("afterInputPath", in)
	result, f := x.work(cs, r, in, th)
	if f != nil {
		return value.Value{}, nil, f
	}
	if x.ts != nil {
		switch {
		case cs.typ == asl.TypeTask || x.ts.mock == nil:
			x.ts.insp.Set("result", result)
		case cs.typ == asl.TypeParallel:
			// A mocked Parallel state reports no steps before its result.
			delete(x.ts.insp, "afterInputPath")
		}
	}
	if cs.resultSelector != nil {
		rr := &roots{input: result, vars: r.vars, sctx: r.sctx}
		if result, f = cs.resultSelector.eval(x, rr); f != nil {
			return value.Value{}, nil, f
		}
	}
	if x.ts != nil {
		x.ts.insp.Set("afterResultSelector", result)
	}
	asg, f := x.assignVars(cs.assign, r, result)
	if f != nil {
		return value.Value{}, nil, f
	}
	out, f := x.finish(cs, r, result)
	return out, asg, f
}

func (x *exec) token() string {
	if x.opts.TaskToken != "" {
		return x.opts.TaskToken
	}
	x.tokens++
	return "token-" + strconv.Itoa(x.nev) + "-" + strconv.Itoa(x.tokens)
}

// uuid returns a version-4 UUID from the seeded generator.
func (x *exec) uuid() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		v := x.rand.Uint64()
		for j := 0; j < 8; j++ {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&15])
	}
	return string(out)
}

// errorOutput is what a catcher receives: {"Error", "Cause"}, both always
// present; a failure without a name or cause gives null, except the cause
// of a timeout, which is "".
func errorOutput(f *Failure) value.Value {
	name, cause := value.NullValue, value.NullValue
	if f.Name != "" || !f.nullError {
		name = value.FromString(f.Name)
	}
	switch {
	case f.HasCause:
		cause = value.FromString(f.Cause)
	case f.Name == ErrTimeout:
		cause = value.FromString("")
	}
	return value.FromMembers(value.Member{Key: "Error", Value: name}, value.Member{Key: "Cause", Value: cause})
}
