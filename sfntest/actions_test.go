package sfntest

import (
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/local"
)

const approve = `{"StartAt":"Ask","States":{
	"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","HeartbeatSeconds":60,
		"Parameters":{"QueueUrl":"q","MessageBody":{"Token.$":"$$.Task.Token"}},
		"Catch":[{"ErrorEquals":["Rejected"],"ResultPath":"$.why","Next":"No"}],"Next":"Yes"},
	"Yes":{"Type":"Succeed"},
	"No":{"Type":"Fail","Error":"NotApproved","CausePath":"$.why.Cause"}}}`

func approvalMachine(t *testing.T) *asl.StateMachine {
	sm, err := asl.Parse([]byte(approve))
	if err != nil {
		t.Fatal(err)
	}
	return sm
}

type decision struct {
	Approved bool   `json:"approved"`
	By       string `json:"by"`
}

func TestActionsAnswerTokens(t *testing.T) {
	sm := approvalMachine(t)
	r := RunASL(t, "Approve", sm, nil,
		At(0, SendTaskHeartbeat("Ask", 50*time.Second)),
		At(time.Hour, SendTaskSuccess("Ask", decision{Approved: true, By: "ann"})))
	r.RequireSucceeded().RequireDuration(time.Hour)
	var d decision
	r.DecodeOutput(&d)
	if d != (decision{true, "ann"}) {
		t.Errorf("output %+v", d)
	}

	RunASL(t, "Approve", sm, nil, At(0, SendTaskHeartbeat("Ask", 50*time.Second)),
		At(10*time.Minute, SendTaskFailure("Ask", "Rejected", "too much"))).
		RequireFailed("NotApproved").RequireDuration(10 * time.Minute)

	// Without heartbeats the task times out after HeartbeatSeconds.
	RunASL(t, "Approve", sm, nil, At(time.Hour, SendTaskSuccess("Ask", decision{}))).
		RequireFailed("States.Timeout").RequireDuration(time.Minute)

	RunASL(t, "Approve", sm, nil, At(30*time.Second, StopExecution("Ops", "by hand"))).
		RequireStatus(local.Aborted).RequireDuration(30 * time.Second)
}

func TestActionMessages(t *testing.T) {
	sm := approvalMachine(t)
	msg := capture(func(tb testing.TB) {
		RunASL(tb, "Approve", sm, nil, At(time.Minute, SendTaskSuccess("Asq", 1)))
	})
	want := `workflow "Approve": local: the action at 1m0s failed: no task of state "Asq" waits for its token at 1m0s after the start (the tasks waiting for their token are those of "Ask"): schedule the action after the task has started, or check the state name`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
	msg = capture(func(tb testing.TB) {
		RunASL(tb, "Approve", sm, nil, At(time.Second, SendTaskSuccess("Ask", func() {})))
	})
	want = `workflow "Approve": local: the action at 1s failed: sfntest.SendTaskSuccess("Ask"): encoding the output: json: unsupported type: func()`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
	msg = capture(func(tb testing.TB) {
		RunASL(tb, "Approve", sm, nil, At(time.Second, StopExecution("", ""))).RequireSucceeded()
	})
	want = `workflow "Approve": the execution ABORTED; want SUCCEEDED (visited Ask)`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
}

func TestRequireOutput(t *testing.T) {
	sm := approvalMachine(t)
	at := At(time.Minute, SendTaskSuccess("Ask", map[string]any{"approved": true, "n": 2.0}))
	RunASL(t, "Approve", sm, nil, at).RequireOutput(map[string]any{"n": 2, "approved": true})
	msg := capture(func(tb testing.TB) {
		RunASL(tb, "Approve", sm, nil, at).RequireOutput(decision{Approved: true, By: "ann"})
	})
	want := `workflow "Approve": the execution SUCCEEDED with output {"approved":true,"n":2}; want SUCCEEDED with output {"approved":true,"by":"ann"}`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
	msg = capture(func(tb testing.TB) {
		RunASL(tb, "Approve", sm, nil, At(time.Second, StopExecution("", ""))).RequireOutput(nil)
	})
	want = `workflow "Approve": the execution ABORTED; want SUCCEEDED with output null`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
}
