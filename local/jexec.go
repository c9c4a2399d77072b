package local

import (
	"fmt"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// This file runs JSONata states (executor.md rule 11): Output and Assign
// both read the values as they were when the state was entered;
// $states.result is bound only in the Output and Assign of Task, Map and
// Parallel, $states.errorOutput only in catchers.

// evalEvent writes the EvaluationFailed event of a failed JSONata
// evaluation, once.
func (x *exec) evalEvent(f *Failure, th *thread) {
	if f == nil || !f.evalEvent {
		return
	}
	f.evalEvent = false
	if th.prev == x.curEntered && !f.evalKeepPrev {
		// Right after the state's Entered event, AWS links the
		// EvaluationFailed event to the event before it.
		th.prev = x.curEnteredPrev
	}
	x.emit(th, eventInfo{Type: "EvaluationFailed", Name: f.evalState, Location: f.evalLoc, Error: f.Name, HasError: true, Cause: f.Cause, HasCause: f.HasCause})
}

// jfinish evaluates Assign and Output of a JSONata state; out is the
// output when there is no Output field.
func (x *exec) jfinish(cs *cstate, env *jenv, assign, output *jtmpl, out value.Value) (value.Value, []assignedVar, *Failure) {
	asg, f := x.jassign(assign, env)
	if f != nil {
		return value.Value{}, nil, f
	}
	if output != nil {
		if out, f = output.eval(x, env); f != nil {
			return value.Value{}, nil, f
		}
	}
	return out, asg, nil
}

func (x *exec) jenv(r *roots) *jenv {
	return &jenv{input: r.input, vars: r.vars, sctx: r.sctx}
}

func (x *exec) jpass(cs *cstate, r *roots) (value.Value, []assignedVar, *Failure) {
	out := r.input
	if cs.hasResult {
		out = cs.result
	}
	return x.jfinish(cs, x.jenv(r), cs.jAssign, cs.jOutput, out)
}

func (x *exec) jsucceed(cs *cstate, r *roots) (value.Value, *Failure) {
	out, _, f := x.jfinish(cs, x.jenv(r), nil, cs.jOutput, r.input)
	return out, f
}

func (x *exec) jchoice(cs *cstate, r *roots) (value.Value, *cstate, []assignedVar, *Failure) {
	env := x.jenv(r)
	for _, rule := range cs.choices {
		if rule.jCond == nil {
			continue
		}
		v, f := rule.jCond.eval(x, env)
		if f != nil {
			return value.Value{}, nil, nil, f
		}
		if v.Kind() != value.Bool {
			return value.Value{}, nil, nil, x.typeFailure(rule.jCond, "boolean", v)
		}
		if v.Bool() {
			out, asg, f := x.jfinish(cs, env, rule.jAssign, rule.jOutput, r.input)
			return out, rule.next, asg, f
		}
	}
	if cs.def == nil {
		return value.Value{}, nil, nil, &Failure{Name: ErrNoChoiceMatched, HasCause: true, Cause: fmt.Sprintf("No Matches! for state '%s'", cs.name)}
	}
	out, asg, f := x.jfinish(cs, env, cs.jAssign, cs.jOutput, r.input)
	return out, cs.def, asg, f
}

func (x *exec) jwait(cs *cstate, r *roots, th *thread) (value.Value, []assignedVar, *Failure) {
	env := x.jenv(r)
	switch {
	case cs.hasSeconds:
		th.now = th.now.Add(time.Duration(cs.seconds) * time.Second)
	case cs.jSeconds != nil:
		n, f := cs.jSeconds.evalInt(x, env)
		if f != nil {
			return value.Value{}, nil, f
		}
		if n < 0 {
			return value.Value{}, nil, x.evalFailure("Seconds", fmt.Sprintf("The JSONata expression '%s' specified for the field 'Seconds' returned a negative value: %d", cs.jSeconds.text, n))
		}
		th.now = th.now.Add(time.Duration(n) * time.Second)
	case cs.jTimestamp != nil:
		v, f := cs.jTimestamp.eval(x, env)
		if f != nil {
			return value.Value{}, nil, f
		}
		t, ok := time.Time{}, false
		if v.Kind() == value.String {
			t, ok = parseTimestamp(v.Str())
		}
		if !ok {
			f := x.evalFailure("Timestamp", "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "+jsonScalar(v))
			f.evalKeepPrev = true
			return value.Value{}, nil, f
		}
		if t.After(th.now) {
			th.now = t
		}
	}
	if x.isStopped(th) {
		return value.Value{}, nil, &Failure{aborted: true}
	}
	return x.jfinish(cs, env, cs.jAssign, cs.jOutput, r.input)
}

func (x *exec) jfail(cs *cstate, r *roots) *Failure {
	env := x.jenv(r)
	f := &Failure{}
	if cs.jError != nil {
		v, ff := cs.jError.eval(x, env)
		if ff != nil {
			return ff
		}
		if v.Kind() != value.String {
			return x.typeFailure(cs.jError, "string", v)
		}
		f.Name = v.Str()
	}
	if cs.jCause != nil {
		v, ff := cs.jCause.eval(x, env)
		if ff != nil {
			return ff
		}
		if v.Kind() != value.String {
			return x.typeFailure(cs.jCause, "string", v)
		}
		f.Cause, f.HasCause = v.Str(), true
	}
	return f
}

// jattempt runs a JSONata Task, Parallel or Map state's work once.
func (x *exec) jattempt(cs *cstate, r *roots, th *thread) (value.Value, []assignedVar, *Failure) {
	in := r.input
	result, f := x.work(cs, r, in, th)
	if f != nil && f.evalEvent && cs.typ == asl.TypeMap {
		f = stateFailed(f) // MapStateFailed follows EvaluationFailed
	}
	if f != nil {
		return value.Value{}, nil, f
	}
	if x.ts != nil && (cs.typ == asl.TypeTask || x.ts.mock == nil) {
		x.ts.insp.Set("result", result)
	}
	env := &jenv{input: r.input, result: result, vars: r.vars, sctx: r.sctx}
	return x.jfinish(cs, env, cs.jAssign, cs.jOutput, result)
}

// jcatch is a JSONata catcher's Output and Assign.
func (x *exec) jcatch(c *ccatcher, r *roots, errOut value.Value) (value.Value, []assignedVar, *Failure) {
	env := &jenv{input: r.input, errorOutput: errOut, vars: r.vars, sctx: r.sctx}
	return x.jfinish(nil, env, c.jAssign, c.jOutput, errOut)
}

// jargs evaluates a JSONata state's Arguments (the input without them).
func (x *exec) jargs(cs *cstate, r *roots, in value.Value) (value.Value, *Failure) {
	if cs.jArgs == nil {
		return in, nil
	}
	v, f := cs.jArgs.eval(x, &jenv{input: in, vars: r.vars, sctx: r.sctx})
	if f == nil {
		x.inspect("afterArguments", v)
	}
	return v, f
}

// jseconds evaluates TimeoutSeconds or HeartbeatSeconds.
func (x *exec) jseconds(t *jtmpl, r *roots, in value.Value) (int64, *Failure) {
	return t.evalInt(x, &jenv{input: in, vars: r.vars, sctx: r.sctx})
}

// jmocked evaluates, for TestState with a mock, the fields of a JSONata
// Task (Arguments) or Map (Items, MaxConcurrency, the tolerated failures)
// that the inspection data reports.
func (x *exec) jmocked(cs *cstate, r *roots, in value.Value) *Failure {
	env := &jenv{input: in, vars: r.vars, sctx: r.sctx}
	switch cs.typ {
	case asl.TypeTask:
		_, f := x.jargs(cs, r, in)
		return f
	case asl.TypeMap:
		if cs.jItems != nil {
			items, f := cs.jItems.eval(x, env)
			if f != nil {
				return f
			}
			if items.Kind() != value.Array {
				return x.typeFailure(cs.jItems, "array", items)
			}
		}
		maxConc := cs.maxConcurrency
		if cs.jMaxConc != nil {
			var f *Failure
			if maxConc, f = cs.jMaxConc.evalInt(x, env); f != nil {
				return f
			}
		}
		x.inspect("maxConcurrency", value.FromInt(maxConc))
		switch {
		case cs.jTolCount != nil:
			n, f := cs.jTolCount.evalInt(x, env)
			if f != nil {
				return f
			}
			x.inspect("toleratedFailureCount", value.FromInt(n))
			x.ts.tolCount, x.ts.hasTolCount = float64(n), true
		case cs.hasToleratedCount:
			x.inspect("toleratedFailureCount", value.FromInt(cs.toleratedCount))
			x.ts.tolCount, x.ts.hasTolCount = float64(cs.toleratedCount), true
		}
		switch {
		case cs.jTolPct != nil:
			p, f := cs.jTolPct.evalFloat(x, env)
			if f != nil {
				return f
			}
			x.inspect("toleratedFailurePercentage", value.FromFloat(p))
			x.ts.tolPct, x.ts.hasTolPct = p, true
		case cs.hasToleratedPercent:
			x.inspect("toleratedFailurePercentage", value.FromFloat(cs.toleratedPercent))
			x.ts.tolPct, x.ts.hasTolPct = cs.toleratedPercent, true
		}
	}
	return nil
}
