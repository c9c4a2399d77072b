package local

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// ActivityStarted names the worker that took the task: the handler's
// Task.WorkerName, else Options.ActivityWorker, else none. An activity
// with no handler in a run with actions waits for its token.
func TestActivityWorkerName(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:review","End":true}}}`)
	worker := func(name string) map[string]Handler {
		return map[string]Handler{"A": func(_ context.Context, tk *Task) (value.Value, error) {
			tk.WorkerName = name
			return value.FromString("done"), nil
		}}
	}
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"handler", Options{Handlers: worker("w-1"), ActivityWorker: "default"}, `"activityStartedEventDetails":{"workerName":"w-1"}`},
		{"option", Options{Handlers: worker(""), ActivityWorker: "default"}, `"activityStartedEventDetails":{"workerName":"default"}`},
		{"none", Options{Handlers: worker("")}, `"type":"ActivityStarted","activityStartedEventDetails":{}}`},
		{"action", Options{ActivityWorker: "poller", Actions: []Action{At(time.Minute, succeed("A", `"late"`))}}, `"activityStartedEventDetails":{"workerName":"poller"}`},
	} {
		x := run(t, m, tc.opts)
		h := string(x.HistoryJSON())
		if x.Status != Succeeded || !strings.Contains(h, tc.want) {
			t.Errorf("%s: %s\n%s\nwant it to hold %s", tc.name, x.Status, h, tc.want)
		}
	}
}
