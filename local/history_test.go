package local

import (
	"strings"
	"testing"
	"time"
)

// eventJSON renders the events of the given types, one a line, as
// GetExecutionHistory writes them (timestamps cut).
func eventJSON(x *Execution, types ...string) string {
	var b strings.Builder
	for i := range x.Events {
		e := &x.Events[i]
		for _, t := range types {
			if e.Type == t {
				s := string(e.AppendJSON(nil))
				if i := strings.Index(s, `"timestamp":"`); i >= 0 {
					s = s[:i] + s[i+len(`"timestamp":"2006-01-02T15:04:05.000Z",`):]
				}
				b.WriteString(s + "\n")
			}
		}
	}
	return b.String()
}

// A task failure sent without an error name (SendTaskFailure with no
// error) has no error in its TaskFailed event, and the catcher sees
// {"Error": null, "Cause": null}
// (callback/test_callback.py::test_sqs_failure_in_wait_for_task_tok_no_error_field).
func TestTaskFailedWithoutError(t *testing.T) {
	mc, err := ParseMockConfig([]byte(`{"StateMachines":{"M":{"TestCases":{"C":{"T":"R"}}}},
		"MockedResponses":{"R":{"0":{"Throw":{}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"QueueUrl":"q","MessageBody":{"TaskToken.$":"$$.Task.Token"}},
		"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"P"}],"End":true},"P":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{Mock: mc, TestCase: "C"})
	if got, want := x.Output.JSON(), `{"err":{"Error":null,"Cause":null}}`; got != want {
		t.Errorf("output %s, want %s", got, want)
	}
	want := `{"id":5,"previousEventId":4,"type":"TaskFailed","taskFailedEventDetails":{"resourceType":"sqs","resource":"sendMessage.waitForTaskToken"}}` + "\n"
	if got := eventJSON(x, "TaskFailed"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// An execution stopped from outside ends with ExecutionAborted, which no
// event caused: its previousEventId is 0 (test_sfn_api.py::test_stop_execution).
func TestExecutionAbortedFollowsNothing(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}`)
	x := run(t, m, Options{StopAt: 10 * time.Second})
	want := "1 0 +0s ExecutionStarted \n2 0 +0s WaitStateEntered W\n3 0 +10s ExecutionAborted \n"
	if got := eventLines(x); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

// A MaxConcurrencyPath that names no integer fails the Map state before it
// starts (no MapStateStarted), a ToleratedFailureCountPath after
// (test_max_concurrency_path, test_map_state_tolerated_failure_count_path).
func TestMapPathFieldErrorsAndMapStateStarted(t *testing.T) {
	for _, c := range []struct{ field, want string }{
		{`"MaxConcurrencyPath":"$.n"`, "1 0 +0s ExecutionStarted \n2 0 +0s MapStateEntered M\n3 2 +0s ExecutionFailed \n"},
		{`"ToleratedFailureCountPath":"$.n"`, "1 0 +0s ExecutionStarted \n2 0 +0s MapStateEntered M\n3 2 +0s MapStateStarted \n4 3 +0s ExecutionFailed \n"},
	} {
		m := mustMachine(t, `{"StartAt":"M","States":{"M":{"Type":"Map",`+c.field+`,"ItemsPath":"$.items",
			"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
		x := run(t, m, Options{Input: mustJSON(t, `{"items":[1],"n":"NoNumber"}`)})
		if x.Status != Failed || x.Error != ErrRuntime {
			t.Errorf("%s: got %s %s, want FAILED %s", c.field, x.Status, x.Error, ErrRuntime)
		}
		if got := eventLines(x); got != c.want {
			t.Errorf("%s: got\n%swant\n%s", c.field, got, c.want)
		}
	}
}
