package sfntest

import (
	"fmt"
	"time"

	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/local"
)

// At schedules an action at virtual time d after the start of the
// execution: the outside world answering a task token, sending a
// heartbeat or stopping the execution (SendTaskSuccess, SendTaskFailure,
// SendTaskHeartbeat, StopExecution, or any function of a local.Control).
// A .waitForTaskToken task with no handler waits for its token in a run
// with actions. An action's error fails the test.
//
//	sfntest.At(time.Hour, sfntest.SendTaskSuccess("AskManager", Decision{Approved: true}))
func At(d time.Duration, do func(*local.Control) error) Option {
	return func(c *config) { c.opts.Actions = append(c.opts.Actions, local.At(d, do)) }
}

// SendTaskSuccess answers the task of the state that waits for its token
// with out, encoded as encoding/json does; it is an error when no task of
// that state waits, or several do (see local.Control.Token).
func SendTaskSuccess(state string, out any) func(*local.Control) error {
	return func(c *local.Control) error {
		v, err := value.FromGo(out)
		if err != nil {
			return fmt.Errorf("sfntest.SendTaskSuccess(%q): encoding the output: %v", state, err)
		}
		tok, err := c.Token(state)
		if err != nil {
			return err
		}
		return c.SendTaskSuccess(tok, v)
	}
}

// SendTaskFailure fails the task of the state that waits for its token
// with the error name and cause.
func SendTaskFailure(state, errorName, cause string) func(*local.Control) error {
	return func(c *local.Control) error {
		tok, err := c.Token(state)
		if err != nil {
			return err
		}
		return c.SendTaskFailure(tok, errorName, cause)
	}
}

// SendTaskHeartbeat sends a heartbeat for the task of the state that waits
// for its token; with every > 0 it sends one more every that long while
// the task waits.
func SendTaskHeartbeat(state string, every time.Duration) func(*local.Control) error {
	var beat func(*local.Control) error
	beat = func(c *local.Control) error {
		tok, err := c.Token(state)
		if err != nil {
			return err
		}
		if every > 0 {
			c.After(every, func(c *local.Control) error {
				if !waits(c, tok) {
					return nil // the task has ended: the heartbeats stop
				}
				return beat(c)
			})
		}
		return c.SendTaskHeartbeat(tok)
	}
	return beat
}

// waits reports whether the task of the token still waits.
func waits(c *local.Control, token string) bool {
	for _, w := range c.Waiting() {
		if w.Token == token {
			return true
		}
	}
	return false
}

// StopExecution stops the execution (it ends ABORTED) with the error name
// and cause, either of which may be empty.
func StopExecution(errorName, cause string) func(*local.Control) error {
	return func(c *local.Control) error {
		c.StopExecution(errorName, cause)
		return nil
	}
}
