package local

import (
	"errors"
	"fmt"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// answer is how a task ended.
type answer struct {
	result   value.Value
	submit   value.Value // TaskSubmitted output (callbacks, .sync)
	fail     *Failure
	hang     bool          // never answers: times out
	took     time.Duration // virtual time the task took
	lastBeat time.Duration // time of the last heartbeat after the start
	hasBeat  bool
	fromMock bool
	worker   string // the activity worker's name (Task.WorkerName)
}

func (x *exec) secondsFrom(cs *cstate, p *path, r *roots, field string) (int64, *Failure) {
	v, ok, _ := p.eval(r)
	if !ok {
		return 0, x.runtime(p.notFound(len(p.p.Steps) - 1))
	}
	n, isInt := v.Int()
	if !isInt || n <= 0 {
		return 0, x.runtime(fmt.Sprintf("The %s field refers to value %q which is not a valid positive integer: %s", field, jsonScalar(v), p.text))
	}
	return n, nil
}

func (x *exec) task(cs *cstate, r *roots, in value.Value, th *thread) (value.Value, *Failure) {
	res := &cs.res
	if res.callback || res.activity || res.sync {
		r.sctx.token = x.token()
		r.sctx.hasBuilt = false
	}
	ri := &roots{input: in, vars: r.vars, sctx: r.sctx}
	params := in
	var f *Failure
	if cs.params != nil {
		if params, f = cs.params.eval(x, ri); f != nil {
			return value.Value{}, f
		}
	}
	if cs.jsonata {
		if params, f = x.jargs(cs, r, in); f != nil {
			return value.Value{}, f
		}
	} else {
		x.inspect("afterParameters", params)
	}
	timeout, heartbeat := cs.timeout, cs.heartbeat
	if cs.jTimeout != nil {
		if timeout, f = x.jseconds(cs.jTimeout, r, in); f != nil {
			return value.Value{}, f
		}
	}
	if cs.jHeartbeat != nil {
		if heartbeat, f = x.jseconds(cs.jHeartbeat, r, in); f != nil {
			return value.Value{}, f
		}
	}
	if cs.timeoutPath != nil {
		if timeout, f = x.secondsFrom(cs, cs.timeoutPath, ri, "TimeoutSecondsPath"); f != nil {
			return value.Value{}, f
		}
	}
	if cs.heartbeatPath != nil {
		if heartbeat, f = x.secondsFrom(cs, cs.heartbeatPath, ri, "HeartbeatSecondsPath"); f != nil {
			return value.Value{}, f
		}
	}
	var creds value.Value
	if cs.jCreds != nil {
		if creds, f = cs.jCreds.eval(x, &jenv{input: in, vars: r.vars, sctx: r.sctx}); f != nil {
			return value.Value{}, f
		}
	}
	if cs.credentials != nil {
		if creds, f = cs.credentials.eval(x, ri); f != nil {
			return value.Value{}, f
		}
	}
	// Scheduled and Started.
	switch {
	case res.legacyLambda:
		x.emit(th, eventInfo{Type: "LambdaFunctionScheduled", Resource: res.arn, Input: params, Timeout: timeout, Credentials: creds})
		x.emit(th, eventInfo{Type: "LambdaFunctionStarted"})
	case res.activity:
		x.emit(th, eventInfo{Type: "ActivityScheduled", Resource: res.arn, Input: params, Timeout: timeout, Heartbeat: heartbeat})
		// ActivityStarted follows, once the worker is known.
	default:
		if creds.IsUndefined() && cs.timeoutPath == nil && cs.heartbeatPath == nil && cs.jTimeout == nil && cs.jHeartbeat == nil {
			// The details are the same on every call: one copy per state
			// (and region), kept by the state for the next executions.
			tmpl := cs.scheduled.Load()
			if tmpl == nil || tmpl.Region != x.opts.Region {
				tmpl = &eventInfo{Type: "TaskScheduled", Resource: res.name, ResourceType: res.resourceType, Region: x.opts.Region, Timeout: timeout, Heartbeat: heartbeat, shared: true}
				cs.scheduled.Store(tmpl)
			}
			x.emit(th, eventInfo{Type: "TaskScheduled", Parameters: params, shared: true, sharedInfo: tmpl})
		} else {
			x.emit(th, eventInfo{Type: "TaskScheduled", Resource: res.name, ResourceType: res.resourceType, Region: x.opts.Region, Parameters: params, Timeout: timeout, Heartbeat: heartbeat, Credentials: creds})
		}
		x.emit(th, eventInfo{Type: "TaskStarted", res: res})
	}
	a := x.answerTask(cs, r, params, th)
	if x.runErr != nil {
		return value.Value{}, &Failure{Name: ErrRuntime}
	}
	if res.activity {
		worker := a.worker
		if worker == "" {
			worker = x.opts.ActivityWorker
		}
		x.emit(th, eventInfo{Type: "ActivityStarted", WorkerName: worker})
	}
	// Timeouts.
	limit := time.Duration(timeout) * time.Second
	if timeout == 0 {
		limit = DefaultTaskTimeout * time.Second
	}
	hb := time.Duration(heartbeat) * time.Second
	if !a.submit.IsUndefined() && !res.legacyLambda && !res.activity {
		x.emit(th, eventInfo{Type: "TaskSubmitted", res: res, Output: a.submit})
	}
	start := th.now
	if a.hang {
		// No answer yet: wait for an action to answer the token, or for
		// the timeouts.
		// The wait starts when the handler returns (after its Advance);
		// the timeouts count from the task's start.
		th.now = start.Add(a.took)
		var w *waiter
		if r.sctx.token != "" && (res.callback || res.activity) {
			w = x.register(th, Callback{State: cs.name, Resource: res.arn, Token: r.sctx.token, Input: params, Since: th.now})
			if a.hasBeat {
				// The handler's heartbeat counts while the task waits.
				w.beat, w.hasBeat = start.Add(a.lastBeat), true
			}
		}
		if x.await(th, w, start, limit, hb) {
			return value.Value{}, &Failure{aborted: true}
		}
		if x.runErr != nil {
			return value.Value{}, &Failure{Name: ErrRuntime}
		}
		if w != nil {
			if w.hasBeat {
				a.hasBeat, a.lastBeat = true, w.beat.Sub(start)
			}
			if w.done {
				a.hang, a.took, a.result, a.fail = false, w.at.Sub(start), w.result, w.fail
			}
		}
		th.now = start
	}
	timedOut, at := false, a.took
	if a.hang || a.took > limit {
		timedOut, at = true, limit
	}
	if hb > 0 {
		// The first heartbeat is due hb after the start, each next one hb
		// after the last.
		due := hb
		if a.hasBeat {
			due = a.lastBeat + hb
		}
		if (a.hang || a.took > due) && due < at || (a.hang && due < limit) {
			timedOut, at = true, min(due, limit)
		}
	}
	if timedOut {
		th.now = start.Add(at)
		if x.isStopped(th) {
			return value.Value{}, &Failure{aborted: true}
		}
		switch {
		case res.legacyLambda:
			x.emit(th, eventInfo{Type: "LambdaFunctionTimedOut", Error: ErrTimeout, HasError: true})
		case res.activity:
			x.emit(th, eventInfo{Type: "ActivityTimedOut", Error: ErrTimeout, HasError: true})
		default:
			x.emit(th, eventInfo{Type: "TaskTimedOut", Resource: res.name, ResourceType: res.resourceType, Error: ErrTimeout, HasError: true})
		}
		return value.Value{}, &Failure{Name: ErrTimeout}
	}
	th.now = start.Add(a.took)
	if x.isStopped(th) {
		return value.Value{}, &Failure{aborted: true}
	}
	if a.fail == nil && a.result.Size() > MaxPayloadSize {
		who := res.resourceType
		if res.legacyLambda {
			who = res.arn
		}
		a.fail = &Failure{Name: ErrDataLimitExceeded, HasCause: true, Cause: fmt.Sprintf("The state/task '%s' returned a result with a size exceeding the maximum number of bytes service limit.", who)}
	}
	if a.fail != nil {
		// A failure sent with no error name (SendTaskFailure without
		// one) has no error in its event.
		ev := eventInfo{Error: a.fail.Name, HasError: !(a.fail.nullError && a.fail.Name == ""), Cause: a.fail.Cause, HasCause: a.fail.HasCause}
		switch {
		case res.legacyLambda:
			ev.Type = "LambdaFunctionFailed"
		case res.activity:
			ev.Type = "ActivityFailed"
		default:
			ev.Type, ev.Resource, ev.ResourceType = "TaskFailed", res.name, res.resourceType
		}
		x.emit(th, ev)
		return value.Value{}, a.fail
	}
	switch {
	case res.legacyLambda:
		x.emit(th, eventInfo{Type: "LambdaFunctionSucceeded", Output: a.result})
	case res.activity:
		x.emit(th, eventInfo{Type: "ActivitySucceeded", Output: a.result})
	default:
		x.emit(th, eventInfo{Type: "TaskSucceeded", res: res, Output: a.result})
	}
	return a.result, nil
}

// answerTask asks the mock configuration, then the handlers.
func (x *exec) answerTask(cs *cstate, r *roots, params value.Value, th *thread) answer {
	if resp, ok := x.mockFor(cs.name); ok {
		return x.fromMock(resp)
	}
	h := x.opts.Handlers[cs.name]
	if h == nil {
		h = x.opts.Handlers[cs.res.arn]
	}
	if h == nil {
		if len(x.opts.Actions) > 0 && (cs.res.callback || cs.res.activity) {
			// The actions answer it.
			return answer{hang: true}
		}
		x.runErr = &MissingHandlerError{State: cs.name, Resource: cs.res.arn}
		return answer{}
	}
	input := params
	if cs.res.lambdaInvoke {
		if p, ok := params.Get("Payload"); ok {
			input = p
		} else {
			input = value.NullValue
		}
	}
	t := &Task{State: cs.name, Resource: cs.res.arn, Input: input, Token: r.sctx.token, RetryCount: r.sctx.retry, x: x, th: thread{now: th.now}}
	t.started = th.now
	out, err := h(x.ctx, t)
	a := answer{took: t.th.now.Sub(th.now), worker: t.WorkerName}
	if !t.beat.IsZero() {
		a.hasBeat, a.lastBeat = true, t.beat.Sub(th.now)
	}
	if t.submitted {
		a.submit = t.submit
	}
	if err != nil {
		var fl *Failure
		switch {
		case errors.Is(err, ErrNoAnswer):
			a.hang = true
		case errors.As(err, &fl):
			a.fail = fl
		default:
			a.fail = &Failure{Name: ErrTaskFailed, Cause: err.Error(), HasCause: true}
		}
		return a
	}
	if out.IsUndefined() {
		out = value.NullValue
	}
	if cs.res.lambdaInvoke && !t.Raw {
		if x.lambdaMeta.IsUndefined() {
			x.lambdaMeta = lambdaResponse(value.NullValue, x.uuid())
		}
		out = x.lambdaMeta.With("Payload", out)
	}
	a.result = out
	return a
}

// Submit records the response of the service call that starts a callback
// task (.waitForTaskToken), written as the TaskSubmitted event.
func (t *Task) Submit(v value.Value) { t.submit, t.submitted = v, true }

// lambdaResponse wraps a function's result as arn:aws:states:::lambda:invoke
// returns it.
func lambdaResponse(payload value.Value, requestID string) value.Value {
	headers := value.FromMembers(
		value.Member{Key: "Content-Type", Value: value.FromString("application/json")},
		value.Member{Key: "X-Amz-Executed-Version", Value: value.FromString("$LATEST")},
		value.Member{Key: "x-amzn-RequestId", Value: value.FromString(requestID)},
	)
	return value.FromMembers(
		value.Member{Key: "ExecutedVersion", Value: value.FromString("$LATEST")},
		value.Member{Key: "Payload", Value: payload},
		value.Member{Key: "SdkHttpMetadata", Value: value.FromMembers(
			value.Member{Key: "HttpHeaders", Value: headers},
			value.Member{Key: "HttpStatusCode", Value: value.FromInt(200)},
		)},
		value.Member{Key: "SdkResponseMetadata", Value: value.FromMembers(
			value.Member{Key: "RequestId", Value: value.FromString(requestID)},
		)},
		value.Member{Key: "StatusCode", Value: value.FromInt(200)},
	)
}
