package local

import (
	"strings"
	"testing"
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
