package dsl

import (
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// ErrorName names an error in Retry and Catch, and in Fail states. Service
// errors pass through as written, e.g. "Lambda.ServiceException".
type ErrorName string

// The errors Step Functions predefines.
const (
	// ErrAll matches every error except ErrDataLimitExceeded and
	// ErrRuntime; it must be alone and last.
	ErrAll                             ErrorName = "States.ALL"
	ErrHeartbeatTimeout                ErrorName = "States.HeartbeatTimeout"
	ErrTimeout                         ErrorName = "States.Timeout"
	ErrTaskFailed                      ErrorName = "States.TaskFailed"
	ErrPermissions                     ErrorName = "States.Permissions"
	ErrResultPathMatchFailure          ErrorName = "States.ResultPathMatchFailure"
	ErrParameterPathFailure            ErrorName = "States.ParameterPathFailure"
	ErrQueryEvaluationError            ErrorName = "States.QueryEvaluationError"
	ErrBranchFailed                    ErrorName = "States.BranchFailed"
	ErrNoChoiceMatched                 ErrorName = "States.NoChoiceMatched"
	ErrIntrinsicFailure                ErrorName = "States.IntrinsicFailure"
	ErrExceedToleratedFailureThreshold ErrorName = "States.ExceedToleratedFailureThreshold"
	ErrItemReaderFailed                ErrorName = "States.ItemReaderFailed"
	ErrResultWriterFailed              ErrorName = "States.ResultWriterFailed"
	ErrDataLimitExceeded               ErrorName = "States.DataLimitExceeded"
	ErrRuntime                         ErrorName = "States.Runtime"
	ErrHTTPSocket                      ErrorName = "States.Http.Socket"
)

// ErrHTTPStatus returns the error an HTTP Task raises for a status code,
// e.g. States.Http.StatusCode.404.
func ErrHTTPStatus(code int) ErrorName {
	n, _ := numberText(code)
	return ErrorName("States.Http.StatusCode." + n)
}

// JitterStrategy says whether retry intervals are randomised.
type JitterStrategy string

// Jitter strategies.
const (
	JitterNone JitterStrategy = "NONE"
	JitterFull JitterStrategy = "FULL"
)

// Retrier retries a failed Task, Parallel or Map state. Build one with
// Retry; unset fields take the ASL defaults (1 s interval, 3 attempts,
// backoff 2.0, no cap, no jitter).
type Retrier struct{ r *ir.Retrier }

// Retry returns a retrier for the given errors.
func Retry(errors ...ErrorName) *Retrier {
	r := &ir.Retrier{Pos: ir.Caller(0), Errors: []string{}}
	for _, e := range errors {
		r.Errors = append(r.Errors, string(e))
	}
	return &Retrier{r: r}
}

// Interval sets IntervalSeconds, the wait before the first retry.
func (r *Retrier) Interval(d time.Duration) *Retrier {
	r.r.Interval = r.seconds(d)
	return r
}

// MaxAttempts sets the number of retries (0: never retry).
func (r *Retrier) MaxAttempts(n int) *Retrier {
	r.r.MaxAttempts = ir.Val{Set: true, V: int64(n), Pos: ir.Caller(0)}
	return r
}

// BackoffRate sets the multiplier of the interval after each attempt (at
// least 1.0).
func (r *Retrier) BackoffRate(rate float64) *Retrier {
	r.r.BackoffRate = ir.Val{Set: true, V: rate, Pos: ir.Caller(0)}
	return r
}

// MaxDelay caps the interval between retries (MaxDelaySeconds).
func (r *Retrier) MaxDelay(d time.Duration) *Retrier {
	r.r.MaxDelay = r.seconds(d)
	return r
}

// Jitter sets the JitterStrategy.
func (r *Retrier) Jitter(j JitterStrategy) *Retrier {
	r.r.JitterStrategy = string(j)
	return r
}

// Comment sets the retrier's Comment.
func (r *Retrier) Comment(text string) *Retrier {
	r.r.Comment = text
	return r
}

// seconds stores d as whole seconds; a fraction is kept as a float so the
// compiler reports it with the retrier's position.
func (r *Retrier) seconds(d time.Duration) ir.Val {
	pos := ir.Caller(1)
	if d%time.Second != 0 || d < 0 {
		return ir.Val{Set: true, V: d, Pos: pos}
	}
	return ir.Val{Set: true, V: int64(d / time.Second), Pos: pos}
}

// Catcher moves a failed Task, Parallel or Map state to a fallback state.
// Build one with Catch.
type Catcher struct{ c *ir.Catcher }

// Catch returns a catcher that moves to next on the given errors.
func Catch(next State, errors ...ErrorName) *Catcher {
	pos := ir.Caller(0)
	c := &ir.Catcher{Pos: pos, Errors: []string{}}
	for _, e := range errors {
		c.Errors = append(c.Errors, string(e))
	}
	c.Next = catchTarget(next, pos)
	return &Catcher{c: c}
}

func catchTarget(s State, pos ir.Pos) ir.Target {
	if isNil(s) {
		return ir.Target{Pos: pos}
	}
	if n := s.node(); n != nil {
		return ir.Target{State: n, Pos: pos}
	}
	return ir.Target{Name: s.Name(), Pos: pos}
}

// ResultPath places the error output ({"Error", "Cause"}) into the input at
// p (JSONPath); by default it replaces the input.
func (c *Catcher) ResultPath(p Path) *Catcher {
	c.c.ResultPath = ir.Path{Set: true, Path: string(p), Pos: ir.Caller(0)}
	return c
}

// DiscardResult sets the catcher's ResultPath to null: the fallback state
// gets the failed state's input (JSONPath).
func (c *Catcher) DiscardResult() *Catcher {
	c.c.ResultPath = ir.Path{Set: true, Null: true, Pos: ir.Caller(0)}
	return c
}

// Output sets what the fallback state receives (JSONata); by default the
// error output.
func (c *Catcher) Output(v any) *Catcher {
	c.c.Output = ir.Val{Set: true, V: v, Pos: ir.Caller(0)}
	return c
}

// Assign sets variables when the catcher matches.
func (c *Catcher) Assign(vars Obj) *Catcher {
	c.c.Assign = ir.Val{Set: true, V: vars, Pos: ir.Caller(0)}
	return c
}

// Comment sets the catcher's Comment.
func (c *Catcher) Comment(text string) *Catcher {
	c.c.Comment = text
	return c
}
