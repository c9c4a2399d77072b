package etl_test

import (
	"context"
	"testing"

	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/examples/etl"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

func ok(out string) local.Handler {
	return func(context.Context, *local.Task) (value.Value, error) { return value.ParseString(out) }
}

func TestETLSucceeds(t *testing.T) {
	r := sfntest.Run(t, etl.Pipeline(), sfntest.HandlerMap{
		"ExtractOrders":    ok(`{"JobRunState": "SUCCEEDED"}`),
		"ExtractCustomers": ok(`{"JobRunState": "SUCCEEDED"}`),
		"BuildReport":      ok(`{"QueryExecution": {"QueryExecutionId": "q-1"}}`),
	}, sfntest.Input(map[string]any{"date": "2024-05-01"}))
	r.RequireSucceeded().RequireVisited("Extract", "BuildReport", "Done")
	var out struct {
		Report struct {
			QueryID string `json:"queryId"`
		} `json:"report"`
	}
	r.DecodeOutput(&out)
	if out.Report.QueryID != "q-1" {
		t.Errorf("output %s", r.Output.JSON())
	}
}

// A failing branch fails the Parallel state; its catcher notifies and the
// execution fails with the branch's cause.
func TestETLBranchFails(t *testing.T) {
	var message string
	notify := func(_ context.Context, tk *local.Task) (value.Value, error) {
		m, _ := tk.Input.Get("Message")
		message = m.Str()
		return value.ParseString(`{"MessageId": "m-1"}`)
	}
	r := sfntest.Run(t, etl.Pipeline(), sfntest.HandlerMap{
		"ExtractOrders": ok(`{"JobRunState": "SUCCEEDED"}`),
		"ExtractCustomers": func(context.Context, *local.Task) (value.Value, error) {
			return value.Value{}, local.Error("Glue.ConcurrentRunsExceededException", "too many runs")
		},
		"NotifyFailure": notify,
	}, sfntest.Input(map[string]any{"date": "2024-05-01"}))
	r.RequireFailed("ETLFailed").RequireVisited("Extract", "NotifyFailure", "Failed")
	if r.Cause != "too many runs" || message != "ETL failed for 2024-05-01: too many runs" {
		t.Errorf("cause %q, message %q", r.Cause, message)
	}
}
