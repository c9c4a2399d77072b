package local

import (
	"context"
	"fmt"
	"reflect"

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
			return value.Value{}, inputError(t, reflect.TypeFor[In](), err)
		}
		out, err := fn(ctx, in)
		return typedResult(t, out, err)
	}
}

// inputError fails the task of a typed handler whose input does not
// decode into the handler's In type.
func inputError(t *Task, in reflect.Type, err error) error {
	return Error(ErrTaskFailed, fmt.Sprintf("decoding the input of state %q into %v: %v", t.State, in, err))
}

// typedResult is the answer of a typed handler that returned out and err:
// its error, or out encoded as encoding/json does.
func typedResult(t *Task, out any, err error) (value.Value, error) {
	if err != nil {
		return value.Value{}, err
	}
	v, err := value.FromGo(out)
	if err != nil {
		return value.Value{}, Error(ErrTaskFailed, fmt.Sprintf("encoding the result of state %q: %v", t.State, err))
	}
	return v, nil
}

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
	handlerType = reflect.TypeFor[Handler]()
)

// HandlerOf adapts a handler given as a value of any type: a Handler (or
// a function of its type) as it is, a func(context.Context, In) (Out,
// error) as Typed adapts it. Generated Handlers structs list their typed
// functions this way, so that the code a workflow package ships does not
// import the executor.
func HandlerOf(fn any) (Handler, error) {
	if h, ok := fn.(Handler); ok && h != nil {
		return h, nil
	}
	if fn == nil {
		return nil, fmt.Errorf("the handler is nil")
	}
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.Kind() != reflect.Func || t.NumIn() != 2 || t.NumOut() != 2 || t.IsVariadic() ||
		t.In(0) != contextType || t.Out(1) != errorType {
		return nil, fmt.Errorf("a handler must be a local.Handler or a func(context.Context, In) (Out, error), not %T", fn)
	}
	if v.IsNil() {
		return nil, fmt.Errorf("the handler is a nil %T", fn)
	}
	if t.ConvertibleTo(handlerType) {
		return v.Convert(handlerType).Interface().(Handler), nil
	}
	in := t.In(1)
	return func(ctx context.Context, task *Task) (value.Value, error) {
		arg := reflect.New(in)
		if err := value.Decode(task.Input, arg.Interface()); err != nil {
			return value.Value{}, inputError(task, in, err)
		}
		res := v.Call([]reflect.Value{reflect.ValueOf(ctx), arg.Elem()})
		err, _ := res[1].Interface().(error)
		return typedResult(task, res[0].Interface(), err)
	}, nil
}
