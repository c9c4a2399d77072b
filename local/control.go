package local

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// Action is something the world outside the execution does at a virtual
// time: answer a task token, send a heartbeat, stop the execution (see
// Control). A test lists its actions in Options.Actions.
type Action struct {
	// At is the virtual time after the start of the execution.
	At time.Duration
	// Do acts through the Control; an error it returns ends Run with that
	// error (wrapped in an *ActionError).
	Do func(*Control) error
}

// At returns the action that calls do when d of virtual time has passed
// since the start of the execution.
func At(d time.Duration, do func(*Control) error) Action { return Action{At: d, Do: do} }

// ActionError is the error of Run when an action returned an error.
type ActionError struct {
	At  time.Duration // the action's time after the start
	Err error
}

// Error names the action by its time.
func (e *ActionError) Error() string {
	return fmt.Sprintf("local: the action at %v failed: %v", e.At, e.Err)
}

// Unwrap returns the action's error.
func (e *ActionError) Unwrap() error { return e.Err }

// APIError is what a Control call returns when Step Functions would refuse
// it, with the API's error code and message.
type APIError struct {
	Code    string // e.g. "InvalidToken", "TaskTimedOut"
	Message string
}

// Error returns "Code: Message".
func (e *APIError) Error() string { return e.Code + ": " + e.Message }

// Control is what an Action gets: the execution at the action's virtual
// time. Its methods are the Step Functions API calls a worker or an
// operator makes (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat,
// StopExecution); a Control is valid only during the action's call.
type Control struct {
	x   *exec
	now time.Time
}

// Callback is a task that waits for its token: a .waitForTaskToken task or
// an activity whose handler returned ErrNoAnswer, or that has no handler
// in a run with actions.
type Callback struct {
	State    string      // the state name
	Resource string      // the Resource ARN
	Token    string      // the task token
	Input    value.Value // the effective parameters the task was started with
	Since    time.Time   // the virtual time the task started waiting
}

// waiter is a task waiting for its token.
type waiter struct {
	Callback
	co      *coro // the branch it waits in (nil: the execution's own thread)
	done    bool  // answered
	at      time.Time
	result  value.Value
	fail    *Failure
	beat    time.Time
	hasBeat bool
}

// pending is an action not run yet.
type pending struct {
	at  time.Time
	seq int
	do  func(*Control) error
}

// Control returns the execution's Control at the handler's virtual time:
// a handler acts on other tasks (a function in one branch answers the
// callback another waits for), schedules actions (the answer to its own
// token an hour later, Control().After) or stops the execution. Its own
// token is answered by its result, or by an action once it returned
// ErrNoAnswer.
func (t *Task) Control() *Control { return &Control{x: t.x, now: t.th.now} }

// Now returns the virtual time of the action.
func (c *Control) Now() time.Time { return c.now }

// Waiting returns the tasks that wait for their token now, in the order
// they started waiting.
func (c *Control) Waiting() []Callback {
	out := make([]Callback, len(c.x.waiters))
	for i, w := range c.x.waiters {
		out[i] = w.Callback
	}
	return out
}

// Token returns the token of the task of the given state that waits for
// it now; it is an error when no task of that state waits, or more than
// one does (in a Map or a Parallel: pick one from Waiting).
func (c *Control) Token(state string) (string, error) {
	var found []*waiter
	for _, w := range c.x.waiters {
		if w.State == state {
			found = append(found, w)
		}
	}
	switch len(found) {
	case 1:
		return found[0].Token, nil
	case 0:
		names := make([]string, len(c.x.waiters))
		for i, w := range c.x.waiters {
			names[i] = fmt.Sprintf("%q", w.State)
		}
		waiting := "no task waits for its token"
		if len(names) > 0 {
			waiting = "the tasks waiting for their token are those of " + strings.Join(names, ", ")
		}
		return "", fmt.Errorf("no task of state %q waits for its token at %v after the start (%s): schedule the action after the task has started, or check the state name", state, c.now.Sub(c.x.res.Start), waiting)
	}
	return "", fmt.Errorf("%d tasks of state %q wait for their token at %v after the start: pick one from Control.Waiting", len(found), state, c.now.Sub(c.x.res.Start))
}

// take removes and returns the waiting task of the token (the oldest one
// when Options.TaskToken gives every task the same token).
func (c *Control) take(token string) (*waiter, error) {
	for i, w := range c.x.waiters {
		if w.Token == token {
			c.x.waiters = slices.Delete(c.x.waiters, i, i+1)
			c.x.ended[token] = true
			return w, nil
		}
	}
	return nil, c.noTask(token)
}

func (c *Control) noTask(token string) error {
	if c.x.ended[token] {
		return &APIError{Code: "TaskTimedOut", Message: "Task Timed Out: 'Provided task does not exist anymore'"}
	}
	return &APIError{Code: "InvalidToken", Message: "Invalid token"}
}

// SendTaskSuccess answers the task of the token with its output: the task
// succeeds at the action's time with that result.
func (c *Control) SendTaskSuccess(token string, output value.Value) error {
	if output.IsUndefined() {
		return &APIError{Code: "InvalidOutput", Message: "the output is not a JSON value"}
	}
	w, err := c.take(token)
	if err != nil {
		return err
	}
	w.done, w.at, w.result = true, c.now, output
	c.wake(w)
	return nil
}

// wake makes the branch of an answered task due at the answer's time: a
// handler in another branch may answer before the time the branch waits
// for.
func (c *Control) wake(w *waiter) {
	if w.co != nil && w.co.at.After(c.now) {
		w.co.at = c.now
	}
}

// SendTaskFailure fails the task of the token with the error name and
// cause (an empty name is SendTaskFailure without one).
func (c *Control) SendTaskFailure(token, errorName, cause string) error {
	w, err := c.take(token)
	if err != nil {
		return err
	}
	w.done, w.at = true, c.now
	w.fail = &Failure{Name: errorName, Cause: cause, HasCause: cause != "", nullError: errorName == ""}
	c.wake(w)
	return nil
}

// SendTaskHeartbeat records a heartbeat of the task of the token: its
// HeartbeatSeconds count from now.
func (c *Control) SendTaskHeartbeat(token string) error {
	for _, w := range c.x.waiters {
		if w.Token == token {
			w.beat, w.hasBeat = c.now, true
			return nil
		}
	}
	return c.noTask(token)
}

// StopExecution stops the execution at the action's time: it ends
// Aborted, with the error and cause given (either may be empty).
func (c *Control) StopExecution(errorName, cause string) {
	c.x.stop(c.now, errorName, cause)
}

// After schedules another action d of virtual time after this one (a
// heartbeat every minute, an answer after the third heartbeat).
func (c *Control) After(d time.Duration, do func(*Control) error) {
	c.x.schedule(c.now.Add(max(d, 0)), do)
}

// schedule adds an action at the given virtual time; actions at the same
// time run in the order they were added.
func (x *exec) schedule(at time.Time, do func(*Control) error) {
	x.seq++
	p := &pending{at: at, seq: x.seq, do: do}
	i, _ := slices.BinarySearchFunc(x.acts, p, func(a, b *pending) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return a.seq - b.seq
	})
	x.acts = slices.Insert(x.acts, i, p)
}

// stop stops the execution at the given time, unless it was stopped
// earlier.
func (x *exec) stop(at time.Time, errorName, cause string) {
	if x.stopped && !at.Before(x.stopTime) {
		return
	}
	x.stopped, x.stopTime, x.stopError, x.stopCause = true, at, errorName, cause
}

// runDue runs, in time order, every action due before th's virtual time
// (and at it too, with inclusive): an action at a time runs once the
// execution has done all it does at that time, but before a task waiting
// for its token times out then (await runs them inclusive). A branch of a Parallel
// or a Map iteration first lets every branch that is earlier in virtual
// time, or at the action's time, run, so an action sees the execution as
// it is at its time.
func (x *exec) runDue(th *thread, inclusive bool) {
	for x.runErr == nil && len(x.acts) > 0 {
		a := x.acts[0]
		if a.at.After(th.now) || !inclusive && a.at.Equal(th.now) {
			return
		}
		if th.co != nil {
			// Every branch at an earlier time, or at the action's time
			// whatever its index, runs first.
			now := th.now
			th.now, th.co.late = a.at, true
			x.yield(th)
			th.now, th.co.late = now, false
			if len(x.acts) == 0 || x.acts[0] != a {
				continue // another branch ran it
			}
		}
		x.acts = x.acts[1:]
		if err := a.do(&Control{x: x, now: a.at}); err != nil && x.runErr == nil {
			x.runErr = &ActionError{At: a.at.Sub(x.res.Start), Err: err}
		}
	}
}

// isStopped reports whether the execution has been stopped at or before
// th's virtual time, after running the actions due before it; th's clock
// then stops at the time of the stop.
func (x *exec) isStopped(th *thread) bool {
	if len(x.acts) > 0 {
		x.runDue(th, false)
	}
	if !x.stopped || th.now.Before(x.stopTime) {
		return false
	}
	th.now = x.stopTime
	return true
}

// register records a task of th waiting for its token.
func (x *exec) register(th *thread, cb Callback) *waiter {
	w := &waiter{Callback: cb, co: th.co}
	x.waiters = append(x.waiters, w)
	if x.ended == nil {
		x.ended = map[string]bool{}
	}
	return w
}

// await lets virtual time pass for a task that has no answer yet, from
// start, running the actions due meanwhile: it returns when an action
// answers w's token (w.done, th at the answer's time), when the task's
// TimeoutSeconds (limit) or HeartbeatSeconds (hb, 0: none) passes (th at
// that time), or when the execution is stopped (true). w is nil for a
// task without a token: only time passes.
func (x *exec) await(th *thread, w *waiter, start time.Time, limit, hb time.Duration) (stopped bool) {
	defer func() {
		if w != nil && !w.done {
			x.waiters = slices.DeleteFunc(x.waiters, func(v *waiter) bool { return v == w })
			x.ended[w.Token] = true
		}
	}()
	for {
		if w != nil && w.done {
			th.now = w.at
			return false
		}
		if x.isStopped(th) || x.runErr != nil {
			return x.runErr == nil
		}
		end := start.Add(limit)
		if hb > 0 {
			due := start.Add(hb)
			if w != nil && w.hasBeat {
				due = w.beat.Add(hb)
			}
			if due.Before(end) {
				end = due
			}
		}
		next := end
		if len(x.acts) > 0 && x.acts[0].at.Before(end) {
			next = x.acts[0].at
		}
		if next.Before(th.now) {
			next = th.now // the handler's own time passed (Task.Advance)
		}
		th.now = next
		if th.co != nil {
			// The branches before that time run first: a handler there
			// may answer the token, beat, or schedule an action.
			x.yield(th)
			if w != nil && (w.done || w.hasBeat && w.beat.Add(hb).After(end)) {
				continue
			}
			if len(x.acts) > 0 && x.acts[0].at.Before(next) {
				continue
			}
		}
		if len(x.acts) > 0 && !x.acts[0].at.After(next) {
			x.runDue(th, true)
			continue
		}
		if next.Before(end) {
			continue // another branch ran the action this one waited for
		}
		return x.isStopped(th)
	}
}
