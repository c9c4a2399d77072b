package local

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/internal/golden"
)

func mustMachine(t testing.TB, def string) *Machine {
	t.Helper()
	sm, err := asl.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(sm)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mustJSON(t testing.TB, s string) value.Value {
	t.Helper()
	v, err := value.ParseString(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func run(t *testing.T, m *Machine, opts Options) *Execution {
	t.Helper()
	x, err := m.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestPassChoiceWait(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"Init","States":{
		"Init":{"Type":"Pass","Parameters":{"n.$":"$.n","tags.$":"States.Array('a', $.n)","seen":[1.0]},"Next":"Check"},
		"Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"}],"Default":"Small"},
		"Big":{"Type":"Wait","Seconds":90,"Next":"Done"},
		"Small":{"Type":"Pass","Result":"small","ResultPath":"$.size","Next":"Done"},
		"Done":{"Type":"Succeed"}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"n":42}`)})
	if x.Status != Succeeded || x.Output.JSON() != `{"n":42,"tags":["a",42],"seen":[1.0]}` {
		t.Fatalf("got %s %s", x.Status, x.Output.JSON())
	}
	if x.Duration() != 90*time.Second {
		t.Errorf("virtual time %v, want 1m30s", x.Duration())
	}
	if got := strings.Join(x.Visited, ","); got != "Init,Check,Big,Done" {
		t.Errorf("visited %s", got)
	}
	golden.Check(t, "testdata/pass_choice_wait.history.json", append(x.HistoryJSON(), '\n'))
}

func TestRetryBackoffThenCatch(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"Charge","States":{
		"Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},
			"Retry":[{"ErrorEquals":["Lambda.ServiceException"],"IntervalSeconds":2,"BackoffRate":3,"MaxAttempts":3,"MaxDelaySeconds":10}],
			"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Compensate"}],"End":true},
		"Compensate":{"Type":"Pass","End":true}}}`)
	calls := 0
	x := run(t, m, Options{Handlers: map[string]Handler{"Charge": func(ctx context.Context, tk *Task) (value.Value, error) {
		calls++
		if tk.RetryCount != calls-1 {
			t.Errorf("RetryCount %d on call %d", tk.RetryCount, calls)
		}
		return value.Value{}, Error("Lambda.ServiceException", "boom")
	}}, Input: mustJSON(t, `{"id":"o1"}`)})
	if calls != 4 || x.Retries["Charge"] != 3 {
		t.Errorf("calls %d, retries %d; want 4 and 3", calls, x.Retries["Charge"])
	}
	// 2s, 6s, then 18s capped at 10s.
	if x.Duration() != 18*time.Second {
		t.Errorf("virtual time %v, want 18s", x.Duration())
	}
	if want := `{"id":"o1","error":{"Error":"Lambda.ServiceException","Cause":"boom"}}`; x.Output.JSON() != want {
		t.Errorf("output %s, want %s", x.Output.JSON(), want)
	}
}

func TestJitterIsSeeded(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
		"Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":100,"MaxAttempts":1,"JitterStrategy":"FULL"}],"End":true}}}`)
	fail := map[string]Handler{"T": func(context.Context, *Task) (value.Value, error) { return value.Value{}, errors.New("down") }}
	a := run(t, m, Options{Handlers: fail, Seed: 7})
	b := run(t, m, Options{Handlers: fail, Seed: 7})
	c := run(t, m, Options{Handlers: fail, Seed: 8})
	if a.Duration() != b.Duration() || a.Duration() == c.Duration() || a.Duration() > 100*time.Second {
		t.Errorf("durations %v %v %v: the same seed must give the same jitter, another seed another", a.Duration(), b.Duration(), c.Duration())
	}
	if a.Error != ErrTaskFailed || a.Cause != "down" {
		t.Errorf("got %s: %s", a.Error, a.Cause)
	}
}

func TestLambdaInvokeWrapper(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"F","States":{"F":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
		"Parameters":{"FunctionName":"f","Payload":{"x.$":"$.x"}},"ResultSelector":{"y.$":"$.Payload.y","code.$":"$.StatusCode"},"End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"x":2}`), Handlers: map[string]Handler{"F": func(_ context.Context, tk *Task) (value.Value, error) {
		if tk.Input.JSON() != `{"x":2}` {
			t.Errorf("handler got %s, want the Payload", tk.Input.JSON())
		}
		return mustJSON(t, `{"y":3}`), nil
	}}})
	if x.Output.JSON() != `{"y":3,"code":200}` {
		t.Errorf("output %s", x.Output.JSON())
	}
}

func TestCallbackTimeoutAndHeartbeat(t *testing.T) {
	def := `{"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
		"Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"TimeoutSeconds":7200,"HeartbeatSeconds":1800,"End":true}}}`
	m := mustMachine(t, def)
	late := func(d time.Duration, beat bool) map[string]Handler {
		return map[string]Handler{"Approve": func(_ context.Context, tk *Task) (value.Value, error) {
			if tk.Token == "" {
				t.Error("no task token")
			}
			for i := 0; beat && i < 4; i++ {
				tk.Advance(20 * time.Minute)
				tk.Heartbeat()
			}
			tk.Advance(d)
			return value.FromString("approved"), nil
		}}
	}
	if x := run(t, m, Options{Handlers: late(20*time.Minute, false)}); x.Status != Succeeded || x.Output.JSON() != `"approved"` {
		t.Errorf("in time: %s %s %s", x.Status, x.Output.JSON(), x.Error)
	}
	if x := run(t, m, Options{Handlers: late(time.Hour, false)}); x.Error != ErrTimeout || x.HasCause || x.Duration() != 30*time.Minute {
		t.Errorf("no heartbeat: %s %q after %v, want States.Timeout without a cause after 30m", x.Error, x.Cause, x.Duration())
	}
	if x := run(t, m, Options{Handlers: late(20*time.Minute, true)}); x.Status != Succeeded {
		t.Errorf("with heartbeats: %s %s", x.Status, x.Error)
	}
	never := map[string]Handler{"Approve": func(context.Context, *Task) (value.Value, error) { return value.Value{}, ErrNoAnswer }}
	if x := run(t, m, Options{Handlers: never}); x.Error != ErrTimeout || x.Duration() != 30*time.Minute {
		t.Errorf("never: %s after %v", x.Error, x.Duration())
	}
}

func TestParallelAndMap(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{
		"P":{"Type":"Parallel","Branches":[
			{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":5,"End":true}}},
			{"StartAt":"B","States":{"B":{"Type":"Pass","Result":2,"End":true}}}],"ResultPath":"$.p","Next":"M"},
		"M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
			"ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Pass","Parameters":{"r.$":"States.MathAdd($.v, $.v)","i.$":"$.i"},"End":true}}},
			"ResultPath":"$.m","End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"items":[1,2,3]}`)})
	want := `{"items":[1,2,3],"p":[{"items":[1,2,3]},2],"m":[{"r":2,"i":0},{"r":4,"i":1},{"r":6,"i":2}]}`
	if x.Output.JSON() != want || x.Duration() != 5*time.Second {
		t.Errorf("got %s after %v\nwant %s after 5s", x.Output.JSON(), x.Duration(), want)
	}
}

func TestParallelBranchFailure(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Fail","Error":"Broken","Cause":"branch 0"}}},
		{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],
		"Catch":[{"ErrorEquals":["Broken"],"Next":"H"}],"End":true},"H":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{})
	if x.Output.JSON() != `{"Error":"Broken","Cause":"branch 0"}` {
		t.Errorf("got %s", x.Output.JSON())
	}
}

func TestRuntimeErrorsAreNotCaught(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","OutputPath":"$.nope",
		"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},"H":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{Handlers: map[string]Handler{"arn:aws:states:::sqs:sendMessage": func(context.Context, *Task) (value.Value, error) {
		return mustJSON(t, `{"MessageId":"m"}`), nil
	}}})
	want := "An error occurred while executing the state 'T' (entered at the event id #2). Invalid path '$.nope' : No results for path: $['nope']"
	if x.Error != ErrRuntime || x.Cause != want {
		t.Errorf("got %s: %s\nwant States.Runtime: %s", x.Error, x.Cause, want)
	}
}

func TestPayloadLimit(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"Big","States":{"Big":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{Input: value.FromMembers(value.Member{Key: "s", Value: value.FromString(strings.Repeat("x", MaxPayloadSize))})})
	want := "The state/task 'Big' returned a result with a size exceeding the maximum number of bytes service limit."
	if x.Error != ErrDataLimitExceeded || x.Cause != want {
		t.Errorf("got %s: %s", x.Error, x.Cause)
	}
}

func TestRunErrors(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}`)
	_, err := m.Run(context.Background(), Options{})
	want := `state "T": no handler or mocked response for resource "arn:aws:lambda:us-east-1:123456789012:function:f": add a Handler for the state name or the resource, or a mocked response for the state in the mock configuration`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestMockConfig(t *testing.T) {
	mc, err := ParseMockConfig([]byte(`{"StateMachines":{"M":{"TestCases":{"Flaky":{"T":"R"}}}},
		"MockedResponses":{"R":{"0-1":{"Throw":{"Error":"E","Cause":"c"}},"2":{"Return":{"ok":true}}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
		"Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1,"MaxAttempts":5}],"End":true}}}`)
	x := run(t, m, Options{Mock: mc})
	if x.Output.JSON() != `{"ok":true}` || x.Retries["T"] != 2 {
		t.Errorf("got %s after %d retries", x.Output.JSON(), x.Retries["T"])
	}
	_, err = ParseMockConfig([]byte(`{"StateMachines":{"M":{"TestCases":{"C":{"T":"Nope"}}}},"MockedResponses":{}}`))
	want := `mock configuration: StateMachines.M.TestCases.C.T names the response "Nope", which MockedResponses does not define`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

func TestJSONPathFilters(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"F","States":{"F":{"Type":"Pass","Parameters":{
		"cheap.$":"$.books[?(@.price < 10)].title","named.$":"$.books[?(@.title == 'B')].price","all.$":"$..price","last.$":"$.books[-1:]"},"End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"books":[{"title":"A","price":8},{"title":"B","price":12.5}]}`)})
	want := `{"cheap":["A"],"named":[12.5],"all":[8,12.5],"last":[{"title":"B","price":12.5}]}`
	if x.Output.JSON() != want {
		t.Errorf("got %s\nwant %s", x.Output.JSON(), want)
	}
}

func TestTestState(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
		"Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"MaxAttempts":1}],
		"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"H"}],"ResultSelector":{"p.$":"$.Payload"},"Next":"N"},
		"H":{"Type":"Pass","End":true},"N":{"Type":"Pass","End":true}}}`)
	ctx := context.Background()
	r, err := m.TestState(ctx, TestStateRequest{StateName: "T", InspectionLevel: InspectionDebug, Input: mustJSON(t, `{"a":1}`),
		Mock: &TestStateMock{Result: mustJSON(t, `{"Payload":5}`)}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"output":"{\"p\":5}","inspectionData":{"input":"{\"a\":1}","afterInputPath":"{\"a\":1}","result":"{\"Payload\":5}","afterResultSelector":"{\"p\":5}","afterResultPath":"{\"p\":5}"},"nextState":"N","status":"SUCCEEDED"}`
	if string(r.JSON()) != want {
		t.Errorf("got  %s\nwant %s", r.JSON(), want)
	}
	mockErr := &TestStateMock{IsError: true, Error: "E", HasError: true, Cause: "c", HasCause: true}
	r, _ = m.TestState(ctx, TestStateRequest{StateName: "T", Mock: mockErr})
	if r.Status != TestRetriable {
		t.Errorf("status %s, want RETRIABLE", r.Status)
	}
	r, _ = m.TestState(ctx, TestStateRequest{StateName: "T", Mock: mockErr, RetrierRetryCount: 1})
	if r.Status != TestCaughtError || r.NextState != "H" || r.Output.JSON() != `{"err":{"Error":"E","Cause":"c"}}` {
		t.Errorf("got %s %s %s", r.Status, r.NextState, r.Output.JSON())
	}
}

// A catcher's Next runs even when the failing state is an End state.
func TestCatchOnEndState(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
		"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handle"}],"End":true},
		"Handle":{"Type":"Pass","Result":"handled","ResultPath":"$.handled","End":true}}}`)
	x := run(t, m, Options{Handlers: map[string]Handler{"T": func(context.Context, *Task) (value.Value, error) {
		return value.Value{}, Error("Boom", "b")
	}}})
	if got := strings.Join(x.Visited, ","); got != "T,Handle" || x.Output.JSON() != `{"error":{"Error":"Boom","Cause":"b"},"handled":"handled"}` {
		t.Errorf("visited %s, output %s", got, x.Output.JSON())
	}
}

// A handler that sets Task.Raw returns the lambda:invoke response itself.
func TestLambdaInvokeRaw(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"F","States":{"F":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}`)
	x := run(t, m, Options{Handlers: map[string]Handler{"F": func(_ context.Context, tk *Task) (value.Value, error) {
		tk.Raw = true
		return mustJSON(t, `{"Payload":{},"StatusCode":202}`), nil
	}}})
	if x.Output.JSON() != `{"Payload":{},"StatusCode":202}` {
		t.Errorf("output %s", x.Output.JSON())
	}
}

// StopAt stops the execution at a virtual time: a minute's Wait is cut
// short and the execution ends ABORTED.
func TestStopAt(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"P"},"P":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{StopAt: 10 * time.Second})
	if x.Status != Aborted || x.Duration() != 10*time.Second || strings.Join(x.Visited, ",") != "W" {
		t.Errorf("got %s after %v, visited %v", x.Status, x.Duration(), x.Visited)
	}
	if last := x.Events[len(x.Events)-1]; last.Type != "ExecutionAborted" {
		t.Errorf("last event %s", last.Type)
	}
}

// A Machine runs executions concurrently (run with -race).
func TestConcurrentRuns(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"ResultSelector":{"v.$":"$.Payload.n"},"ResultPath":"$.r","Next":"M"},
		"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"ResultPath":"$.m","End":true}}}`)
	h := map[string]Handler{"T": func(_ context.Context, tk *Task) (value.Value, error) { return tk.Input, nil }}
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func(i int) {
			x, err := m.Run(context.Background(), Options{Handlers: h, Input: value.FromMembers(
				value.Member{Key: "n", Value: value.FromInt(int64(i))},
				value.Member{Key: "items", Value: value.FromArray([]value.Value{value.FromInt(1)})})})
			if err != nil {
				done <- err.Error()
				return
			}
			done <- x.Output.JSON() + string(x.HistoryJSON()[:10])
		}(i)
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !strings.Contains(got, `"m":[1]`) {
			t.Errorf("run: %s", got)
		}
	}
}

// Executions of one Machine in different regions, at the same time, each
// write their own region in TaskScheduled (the details the state keeps for
// its events are per region) and the history a lone run writes (run with
// -race).
func TestConcurrentRunsRegions(t *testing.T) {
	m := mustMachine(t, chain(3, `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"ResultPath":"$.r"`))
	h := map[string]Handler{"arn:aws:states:::lambda:invoke": func(_ context.Context, tk *Task) (value.Value, error) { return tk.Input, nil }}
	regions := []string{"us-east-1", "eu-west-1", "ap-south-1"}
	want := map[string]string{}
	for _, r := range regions {
		want[r] = string(run(t, m, Options{Handlers: h, Region: r}).HistoryJSON())
		if !strings.Contains(want[r], `"region":"`+r+`"`) {
			t.Fatalf("%s: no TaskScheduled region in %s", r, want[r])
		}
	}
	done := make(chan string, 30)
	for i := range 30 {
		go func(r string) {
			x, err := m.Run(context.Background(), Options{Handlers: h, Region: r})
			switch {
			case err != nil:
				done <- err.Error()
			case string(x.HistoryJSON()) != want[r]:
				done <- r + ": " + string(x.HistoryJSON())
			default:
				done <- ""
			}
		}(regions[i%len(regions)])
	}
	for range 30 {
		if got := <-done; got != "" {
			t.Errorf("history differs from a lone run's: %s", got)
		}
	}
}

// TestMapMaxConcurrencyVirtualTime checks that MaxConcurrency schedules a
// Map's iterations on the virtual clock: iterations whose Wait lasts the
// item's number of seconds run in slots, so the state takes as long as
// its busiest slot.
func TestMapMaxConcurrencyVirtualTime(t *testing.T) {
	for _, c := range []struct {
		conc string
		want time.Duration
	}{
		{`"MaxConcurrency":0,`, 40 * time.Second},            // all at once: the longest item
		{``, 40 * time.Second},                               // no limit
		{`"MaxConcurrency":1,`, 100 * time.Second},           // one after another: the sum
		{`"MaxConcurrency":2,`, 60 * time.Second},            // slots: 10+30, 20+40
		{`"MaxConcurrency":3,`, 50 * time.Second},            // slots: 10+40, 20, 30
		{`"MaxConcurrencyPath":"$.conc",`, 60 * time.Second}, // 2, from the input
	} {
		m := mustMachine(t, `{"StartAt":"Each","States":{"Each":{"Type":"Map",`+c.conc+`"ItemsPath":"$.items",
			"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$","End":true}}},"End":true}}}`)
		x := run(t, m, Options{Input: mustJSON(t, `{"items":[10,20,30,40],"conc":2}`)})
		if x.Status != Succeeded {
			t.Fatalf("%s: %s %s", c.conc, x.Status, x.Output.JSON())
		}
		if x.Duration() != c.want {
			t.Errorf("%s: virtual time %v, want %v", c.conc, x.Duration(), c.want)
		}
	}
}
