package sfntest

import (
	"context"
	"testing"
)

// badHandlers lists a handler of the wrong shape.
type badHandlers struct{}

func (badHandlers) TaskHandlers() (map[string]any, error) {
	return map[string]any{"Double": func(int) int { return 0 }, "Triple": 3}, nil
}

// typedHandlers is what a generated Handlers struct returns: typed
// functions by state name.
type typedHandlers struct {
	double func(context.Context, int) (int, error)
}

func (h typedHandlers) TaskHandlers() (map[string]any, error) {
	return map[string]any{"Double": h.double}, nil
}

func TestTaskHandlers(t *testing.T) {
	h := typedHandlers{func(_ context.Context, n int) (int, error) { return 3 * n, nil }}
	r := RunASL(t, "Double", machine(t), h, Input(5))
	var out int
	r.RequireSucceeded().DecodeOutput(&out)
	if out != 15 {
		t.Errorf("output %d, want 15", out)
	}
	// With several bad handlers, the first by name is the one named, on
	// every run.
	for range 20 {
		msg := capture(func(tb testing.TB) { RunASL(tb, "Double", machine(t), badHandlers{}, Input(1)) })
		want := `workflow "Double": the handler of "Double": a handler must be a local.Handler or a func(context.Context, In) (Out, error), not func(int) int`
		if msg != want {
			t.Fatalf("got  %s\nwant %s", msg, want)
		}
	}
}
