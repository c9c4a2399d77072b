package local_test

import (
	"context"
	"fmt"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/local"
)

// A Task answered by a Go handler that fails twice, a retrier with
// back-off, and a Wait: the run takes no real time, and reports the
// virtual time it took.
func ExampleMachine_Run() {
	sm, err := asl.Parse([]byte(`{
	  "StartAt": "Charge",
	  "States": {
	    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
	      "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
	      "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 2}],
	      "ResultSelector": {"id.$": "$.Payload.id"}, "ResultPath": "$.charge", "Next": "Settle"},
	    "Settle": {"Type": "Wait", "Seconds": 3600, "End": true}
	  }
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := local.Compile(sm)
	if err != nil {
		fmt.Println(err)
		return
	}
	calls := 0
	charge := func(_ context.Context, t *local.Task) (value.Value, error) {
		calls++
		if calls < 3 {
			return value.Value{}, local.Error("Lambda.ServiceException", "try again")
		}
		return value.ParseString(`{"id": "ch-1"}`)
	}
	in, _ := value.ParseString(`{"order": "o1"}`)
	x, err := m.Run(context.Background(), local.Options{Input: in, Handlers: map[string]local.Handler{"Charge": charge}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(x.Status, x.Output)
	fmt.Println("retries:", x.Retries["Charge"], "virtual time:", x.Duration(), "events:", len(x.Events))
	fmt.Println(x.Duration() == time.Hour+6*time.Second)
	// Output:
	// SUCCEEDED {"order":"o1","charge":{"id":"ch-1"}}
	// retries: 2 virtual time: 1h0m6s events: 15
	// true
}
