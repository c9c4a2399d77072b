package local

import (
	"context"
	"testing"

	"github.com/goasl/goasl/asl/value"
)

type order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

type chargeFunc func(context.Context, order) (map[string]any, error)

// HandlerOf takes what generated Handlers structs list: typed functions
// (named function types too) and Handlers; anything else is an error that
// says what a handler is.
func TestHandlerOf(t *testing.T) {
	typed := chargeFunc(func(_ context.Context, o order) (map[string]any, error) {
		return map[string]any{"charged": o.Total, "id": o.ID}, nil
	})
	raw := func(_ context.Context, tk *Task) (value.Value, error) { return value.FromString(tk.State), nil }
	for _, tc := range []struct {
		name string
		fn   any
		in   string
		want string
	}{
		{"typed", typed, `{"id":"o1","total":2.5}`, `{"charged":2.5,"id":"o1"}`},
		{"Handler", Handler(raw), `{}`, `"S"`},
		{"func of Handler's type", raw, `{}`, `"S"`},
		{"bad input", typed, `{"total":"x"}`, `States.TaskFailed: decoding the input of state "S" into local.order: json: cannot unmarshal string into Go struct field order.total of type float64`},
		{"bad input through Typed", Typed(typed), `{"total":"x"}`, `States.TaskFailed: decoding the input of state "S" into local.order: json: cannot unmarshal string into Go struct field order.total of type float64`},
	} {
		h, err := HandlerOf(tc.fn)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		out, err := h(context.Background(), &Task{State: "S", Input: mustJSON(t, tc.in)})
		got := out.JSON()
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s: got %s\nwant %s", tc.name, got, tc.want)
		}
	}
	for _, tc := range []struct {
		fn   any
		want string
	}{
		{nil, "the handler is nil"},
		{chargeFunc(nil), "the handler is a nil local.chargeFunc"},
		{Handler(nil), "the handler is a nil local.Handler"},
		{42, "a handler must be a local.Handler or a func(context.Context, In) (Out, error), not int"},
		{func(order) (order, error) { return order{}, nil }, "a handler must be a local.Handler or a func(context.Context, In) (Out, error), not func(local.order) (local.order, error)"},
		{func(context.Context, order) order { return order{} }, "a handler must be a local.Handler or a func(context.Context, In) (Out, error), not func(context.Context, local.order) local.order"},
	} {
		if _, err := HandlerOf(tc.fn); err == nil || err.Error() != tc.want {
			t.Errorf("HandlerOf(%T): %v\nwant %s", tc.fn, err, tc.want)
		}
	}
}
