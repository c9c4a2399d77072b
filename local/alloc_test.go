package local

import (
	"context"
	"testing"

	"github.com/goasl/goasl/asl/value"
)

// The executor's allocations per execution are part of its speed: the
// README gives them per benchmark. This test holds each to a budget a
// little above today's count, so that a change that adds allocations on
// the hot path (a value that escapes, a closure per state) fails here, not
// only in a benchmark nobody reran. Counts, not times: no flakiness.
func TestAllocationBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation budget: skipped in -short mode")
	}
	in := mustJSON(t, `{"order":{"id":"o1","items":[1,2,3]}}`)
	h := func(_ context.Context, tk *Task) (value.Value, error) { return tk.Input, nil }
	for _, tc := range []struct {
		name   string
		def    string
		opts   Options
		budget float64
	}{
		{"100 Pass states", chain(100, `"Type":"Pass"`), Options{Input: in}, 20},
		{"100 Lambda tasks", chain(100, `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$.order"},"ResultSelector":{"r.$":"$.Payload"},"ResultPath":"$.result"`),
			Options{Input: in, Handlers: map[string]Handler{"arn:aws:states:::lambda:invoke": h}}, 600},
	} {
		m := mustMachine(t, tc.def)
		n := testing.AllocsPerRun(20, func() {
			if _, err := m.Run(context.Background(), tc.opts); err != nil {
				t.Fatal(err)
			}
		})
		if n > tc.budget {
			t.Errorf("%s: %.0f allocations per execution, budget %.0f (see BenchmarkPass, BenchmarkTask)", tc.name, n, tc.budget)
		}
	}
}
