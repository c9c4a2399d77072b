package local

import (
	"context"
	"fmt"

	"github.com/goasl/goasl/asl/value"
)

// Typed adapts a typed Go function to a Handler: the task input is decoded
// into In (for arn:aws:states:::lambda:invoke, the Payload) and the result
// encoded from Out, as encoding/json does. A decoding error fails the task
// with States.TaskFailed and a cause naming the state.
func Typed[In, Out any](fn func(context.Context, In) (Out, error)) Handler {
	return func(ctx context.Context, t *Task) (value.Value, error) {
		var in In
		if err := value.Decode(t.Input, &in); err != nil {
			return value.Value{}, Error(ErrTaskFailed, fmt.Sprintf("decoding the input of state %q into %T: %v", t.State, in, err))
		}
		out, err := fn(ctx, in)
		if err != nil {
			return value.Value{}, err
		}
		v, err := value.FromGo(out)
		if err != nil {
			return value.Value{}, Error(ErrTaskFailed, fmt.Sprintf("encoding the result of state %q: %v", t.State, err))
		}
		return v, nil
	}
}
