package local

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// eventTypes lists the history's event types.
func eventTypes(x *Execution) string {
	var b []string
	for _, e := range x.Events {
		b = append(b, e.Type)
	}
	return strings.Join(b, ",")
}

func echo(_ context.Context, t *Task) (value.Value, error) { return t.Input, nil }

func TestJSONataDataFlow(t *testing.T) {
	// Output and Assign both read the values as they were when the state
	// was entered; $states.result is the task's result; {% %} strings
	// inside objects and arrays are evaluated.
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"Init","States":{
		"Init":{"Type":"Pass","Assign":{"n":1,"name":"{% $states.input.name %}"},"Output":{"greeting":"{% 'hi ' & $states.input.name %}"},"Next":"Work"},
		"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
			"Arguments":{"FunctionName":"f","Payload":{"n":"{% $n %}","list":[1,"{% $n + 1 %}",{"x":"{% $name %}"}],"literal":"$.not.a.path"}},
			"Assign":{"n":"{% $n + 10 %}","sawResult":"{% $states.result.Payload.n %}"},
			"Output":{"nBefore":"{% $n %}","result":"{% $states.result.Payload %}","input":"{% $states.input %}"},
			"Next":"Done"},
		"Done":{"Type":"Succeed","Output":{"n":"{% $n %}","saw":"{% $sawResult %}","name":"{% $states.context.State.Name %}"}}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"name":"Ann"}`), Handlers: map[string]Handler{"Work": echo}})
	if x.Status != Succeeded {
		t.Fatalf("got %s %s: %s", x.Status, x.Error, x.Cause)
	}
	if got, want := x.Output.JSON(), `{"n":11,"saw":1,"name":"Done"}`; got != want {
		t.Errorf("output %s, want %s", got, want)
	}
	var work value.Value
	for _, e := range x.Events {
		if e.Type == "TaskStateExited" {
			work = e.Payload
		}
	}
	if got, want := work.JSON(), `{"nBefore":1,"result":{"n":1,"list":[1,2,{"x":"Ann"}],"literal":"$.not.a.path"},"input":{"greeting":"hi Ann"}}`; got != want {
		t.Errorf("Work output %s\nwant %s", got, want)
	}
}

func TestJSONataDefaults(t *testing.T) {
	// Without Output a Task's output is its result, a Pass's its input;
	// without Arguments the task gets the state input.
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"P","States":{
		"P":{"Type":"Pass","Next":"T"},
		"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"a":1}`), Handlers: map[string]Handler{"T": func(_ context.Context, t *Task) (value.Value, error) {
		return value.FromMembers(value.Member{Key: "got", Value: t.Input}), nil
	}}})
	if x.Status != Succeeded || x.Output.JSON() != `{"got":{"a":1}}` {
		t.Errorf("got %s %s", x.Status, x.Output.JSON())
	}
}

// failure runs a JSONata machine that must fail and checks its error,
// cause and history.
func failure(t *testing.T, def, input, wantErr, wantCause, wantEvents string) *Execution {
	t.Helper()
	m := mustMachine(t, def)
	x := run(t, m, Options{Input: mustJSON(t, input), Handlers: map[string]Handler{"T": echo}})
	if x.Status != Failed || x.Error != wantErr || x.Cause != wantCause {
		t.Errorf("got %s %s: %s\nwant %s: %s", x.Status, x.Error, x.Cause, wantErr, wantCause)
	}
	if wantEvents != "" {
		if got := eventTypes(x); got != wantEvents {
			t.Errorf("events %s\nwant   %s", got, wantEvents)
		}
	}
	return x
}

func TestJSONataUndefined(t *testing.T) {
	x := failure(t, `{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":{"a":{"b":"{% $nope %}"}},"End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$nope' specified for the field 'Output/a/b' returned nothing (undefined).",
		"ExecutionStarted,PassStateEntered,EvaluationFailed,ExecutionFailed")
	ev := x.Events[2]
	d := ev.Details()
	if loc, _ := d.Get("location"); loc.Str() != "Output/a/b" {
		t.Errorf("location %s", loc.JSON())
	}
	if st, _ := d.Get("state"); st.Str() != "S" {
		t.Errorf("state %s", st.JSON())
	}
	// AWS links the event to the one the state's Entered event follows
	// (0 for the first state).
	if ev.PreviousEventID != 0 {
		t.Errorf("previousEventId %d, want 0", ev.PreviousEventID)
	}
}

func TestJSONataResultOnlyInTaskMapParallel(t *testing.T) {
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":"{% $states.result %}","End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined).", "")
	// $states.errorOutput only in catchers.
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Output":"{% $states.errorOutput %}","End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'T' (entered at the event id #2). The JSONata expression '$states.errorOutput' specified for the field 'Output' returned nothing (undefined).", "")
}

func TestJSONataRuntimeError(t *testing.T) {
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"S","States":{"S":{"Type":"Pass","Output":{"r":"{% $nofn(1) %}"},"End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$nofn(1)' specified for the field 'Output/r' threw an error during evaluation. T1006: Attempted to invoke a non-function", "")
}

func TestJSONataMapItems(t *testing.T) {
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% 1 %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'M' (entered at the event id #2). The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
		"ExecutionStarted,MapStateEntered,EvaluationFailed,MapStateFailed,ExecutionFailed")
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`, `{"foo":"bar"}`,
		ErrQueryEvaluationError,
		`An error occurred while executing the state 'M' (entered at the event id #2). Map state input must be an array but was: {"foo":"bar"}`, "")
	// Items, ItemSelector with $states.context.Map.Item, the result.
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.xs %}","MaxConcurrency":"{% 1 %}",
		"ItemSelector":{"i":"{% $states.context.Map.Item.Index %}","v":"{% $states.context.Map.Item.Value * 10 %}","k":"{% $states.input.k %}"},
		"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input.v + $states.input.i %}","End":true}}},
		"Output":{"sum":"{% $sum($states.result) %}"},"End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"xs":[1,2,3],"k":"K"}`)})
	if x.Status != Succeeded || x.Output.JSON() != `{"sum":63}` {
		t.Errorf("got %s %s %s", x.Status, x.Output.JSON(), x.Cause)
	}
}

func TestJSONataFunctionResult(t *testing.T) {
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $fn := function($x){$x} %}","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`, `{}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'M' (entered at the event id #2). The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.", "")
}

func TestJSONataChoice(t *testing.T) {
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"C","States":{
		"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n > 10 %}","Assign":{"size":"big"},"Output":{"n":"{% $states.input.n %}"},"Next":"Done"}],
			"Default":"Done","Assign":{"size":"small"}},
		"Done":{"Type":"Pass","Output":"{% $size %}","End":true}}}`)
	for in, want := range map[string]string{`{"n":42}`: `"big"`, `{"n":1}`: `"small"`} {
		x := run(t, m, Options{Input: mustJSON(t, in)})
		if x.Status != Succeeded || x.Output.JSON() != want {
			t.Errorf("%s: got %s %s, want %s", in, x.Status, x.Output.JSON(), want)
		}
	}
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n %}","Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}`, `{"n":1}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'C' (entered at the event id #2). The JSONata expression '$states.input.n' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 1", "")
}

func TestJSONataWaitAndClock(t *testing.T) {
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"W","States":{
		"W":{"Type":"Wait","Seconds":"{% $states.input.s %}","Next":"U"},
		"U":{"Type":"Wait","Timestamp":"{% $states.input.until %}","Next":"Now"},
		"Now":{"Type":"Pass","Output":{"now":"{% $now() %}","r":"{% $random() %}"},"End":true}}}`)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	x := run(t, m, Options{StartTime: start, Input: mustJSON(t, `{"s":30,"until":"2024-01-01T01:00:00Z"}`)})
	if x.Status != Succeeded || x.Duration() != time.Hour {
		t.Fatalf("got %s after %v: %s", x.Status, x.Duration(), x.Cause)
	}
	if now, _ := x.Output.Get("now"); now.Str() != "2024-01-01T01:00:00.000Z" {
		t.Errorf("$now() = %s, want the virtual time 2024-01-01T01:00:00.000Z", now.JSON())
	}
	// $random draws from the seeded generator: the same seed, the same run.
	y := run(t, m, Options{StartTime: start, Input: mustJSON(t, `{"s":30,"until":"2024-01-01T01:00:00Z"}`)})
	if x.Output.JSON() != y.Output.JSON() {
		t.Errorf("two runs with seed 0 differ: %s and %s", x.Output.JSON(), y.Output.JSON())
	}
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"U","States":{"U":{"Type":"Wait","Timestamp":"{% $states.input.until %}","End":true}}}`, `{"until":"2016-12-05 21:29:29Z"}`,
		ErrQueryEvaluationError,
		"An error occurred while executing the state 'U' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z",
		"ExecutionStarted,WaitStateEntered,EvaluationFailed,ExecutionFailed")
}

func TestJSONataFail(t *testing.T) {
	failure(t, `{"QueryLanguage":"JSONata","StartAt":"F","States":{"F":{"Type":"Fail","Error":"{% $states.input.e %}","Cause":"{% 'because ' & $states.input.c %}"}}}`, `{"e":"Custom.Error","c":"x"}`,
		"Custom.Error", "because x", "ExecutionStarted,FailStateEntered,ExecutionFailed")
}

func TestJSONataCatch(t *testing.T) {
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"T","States":{
		"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
			"Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"err":"{% $states.errorOutput.Error %}"},
				"Output":{"in":"{% $states.input %}","cause":"{% $states.errorOutput.Cause %}"},"Next":"H"}],"End":true},
		"H":{"Type":"Pass","Output":{"err":"{% $err %}","was":"{% $states.input %}"},"End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"a":1}`), Handlers: map[string]Handler{"T": func(context.Context, *Task) (value.Value, error) {
		return value.Value{}, Error("Boom", "it broke")
	}}})
	if got, want := x.Output.JSON(), `{"err":"Boom","was":{"in":{"a":1},"cause":"it broke"}}`; x.Status != Succeeded || got != want {
		t.Errorf("got %s %s\nwant %s", x.Status, got, want)
	}
}

func TestJSONataParallelAndTimeout(t *testing.T) {
	m := mustMachine(t, `{"QueryLanguage":"JSONata","StartAt":"P","States":{
		"P":{"Type":"Parallel","Arguments":{"x":"{% $states.input.x * 2 %}"},
			"Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.x %}","End":true}}},
				{"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.x + 1 %}","End":true}}}],
			"Output":"{% $sum($states.result) %}","Next":"T"},
		"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","TimeoutSeconds":"{% $states.input %}",
			"Catch":[{"ErrorEquals":["States.Timeout"],"Next":"Timed"}],"End":true},
		"Timed":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"x":5}`), Handlers: map[string]Handler{"T": func(_ context.Context, t *Task) (value.Value, error) {
		t.Advance(time.Hour)
		return value.FromMembers(), nil
	}}})
	// 10 + 11 = 21 seconds of timeout, then the catcher's output.
	if x.Status != Succeeded || x.Output.JSON() != `{"Error":"States.Timeout","Cause":""}` || x.Duration() != 21*time.Second {
		t.Errorf("got %s %s after %v", x.Status, x.Output.JSON(), x.Duration())
	}
}

func TestJSONataCompileError(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"QueryLanguage":"JSONata","StartAt":"J","States":{"J":{"Type":"Pass","Output":{"a":"{% 1 + %}"},"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(sm)
	want := `state "J": Output: Output/a: the JSONata expression "1 +" does not parse: `
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v\nwant %s...", err, want)
	}
}

func TestJSONataTestState(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"T","States":{"T":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
		"Arguments":{"FunctionName":"foo","Payload":"{% $states.input.v %}"},
		"Retry":[{"ErrorEquals":["MockException"],"MaxAttempts":5}],
		"Catch":[{"ErrorEquals":["States.ALL"],"Output":{"e":"{% $states.errorOutput.Error %}","in":"{% $states.input %}"},"Next":"H"}],"End":true},
		"H":{"Type":"Succeed"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(sm)
	if err != nil {
		t.Fatal(err)
	}
	mock := &TestStateMock{IsError: true, Error: "MockException", Cause: "c", HasError: true, HasCause: true}
	// The retrier still has attempts left: RETRIABLE.
	r, err := m.TestState(context.Background(), TestStateRequest{Input: mustJSON(t, `{"v":1}`), InspectionLevel: "TRACE", Mock: mock, RetrierRetryCount: 4})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.JSON()), `{"error":"MockException","cause":"c","inspectionData":{"input":"{\"v\":1}","afterArguments":"{\"FunctionName\":\"foo\",\"Payload\":1}","errorDetails":{"retryBackoffIntervalSeconds":16,"retryIndex":0}},"status":"RETRIABLE"}`; got != want {
		t.Errorf("retriable:\n got %s\nwant %s", got, want)
	}
	// Exhausted: the catcher's JSONata Output, and the exhausted retrier
	// is named.
	r, err = m.TestState(context.Background(), TestStateRequest{Input: mustJSON(t, `{"v":1}`), InspectionLevel: "TRACE", Mock: mock, RetrierRetryCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(r.JSON()), `{"output":"{\"e\":\"MockException\",\"in\":{\"v\":1}}","error":"MockException","cause":"c","inspectionData":{"input":"{\"v\":1}","afterArguments":"{\"FunctionName\":\"foo\",\"Payload\":1}","errorDetails":{"catchIndex":0}},"nextState":"H","status":"CAUGHT_ERROR"}`; got != want {
		t.Errorf("caught:\n got %s\nwant %s", got, want)
	}
}

func TestTestStateRetrierExhausted(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"T","States":{"T":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
		"Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["MockException"],"MaxAttempts":5}],"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(sm)
	if err != nil {
		t.Fatal(err)
	}
	mock := &TestStateMock{IsError: true, Error: "MockException", Cause: "c", HasError: true, HasCause: true}
	r, err := m.TestState(context.Background(), TestStateRequest{InspectionLevel: "DEBUG", Mock: mock, RetrierRetryCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	// AWS names the exhausted retrier (test_state_configuration_retrier_retry_count).
	if got, want := string(r.JSON()), `{"error":"MockException","cause":"c","inspectionData":{"input":"{}","errorDetails":{"retryIndex":1}},"status":"FAILED"}`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestTestStateMapIterationFailureCount(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"M","States":{"M":{"Type":"Map","QueryLanguage":"JSONata","Items":"{% $states.input.Values %}","ToleratedFailureCount":1,
		"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
		"Catch":[{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"Next":"H"}],"End":true},"H":{"Type":"Succeed"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(sm)
	if err != nil {
		t.Fatal(err)
	}
	for failures, want := range map[int]string{
		1: `{"output":"[1,1,1]","inspectionData":{"input":"{\"Values\":[1,2,3]}","maxConcurrency":0,"toleratedFailureCount":1},"status":"SUCCEEDED"}`,
		2: `{"output":"{\"Error\":\"States.ExceedToleratedFailureThreshold\",\"Cause\":\"The specified tolerated failure threshold was exceeded\"}","error":"States.ExceedToleratedFailureThreshold","cause":"The specified tolerated failure threshold was exceeded","inspectionData":{"input":"{\"Values\":[1,2,3]}","maxConcurrency":0,"toleratedFailureCount":1,"errorDetails":{"catchIndex":0}},"nextState":"H","status":"CAUGHT_ERROR"}`,
	} {
		r, err := m.TestState(context.Background(), TestStateRequest{Input: mustJSON(t, `{"Values":[1,2,3]}`), InspectionLevel: "DEBUG",
			Mock: &TestStateMock{Result: mustJSON(t, `[1,1,1]`)}, MapIterationFailureCount: failures, HasMapIterationFailureCount: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := string(r.JSON()); got != want {
			t.Errorf("%d failures:\n got %s\nwant %s", failures, got, want)
		}
	}
}
