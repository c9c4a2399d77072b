package local

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
)

const callbackDef = `{"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
	"Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"TimeoutSeconds":7200,"HeartbeatSeconds":1800,"End":true}}}`

// jsonValue parses JSON written in a test.
func jsonValue(s string) value.Value {
	v, err := value.ParseString(s)
	if err != nil {
		panic(err)
	}
	return v
}

// succeed answers the one waiting task of the state.
func succeed(state, out string) func(*Control) error {
	return func(c *Control) error {
		tok, err := c.Token(state)
		if err != nil {
			return err
		}
		return c.SendTaskSuccess(tok, jsonValue(out))
	}
}

// A callback task without a handler waits for the action that answers its
// token: it succeeds at the action's virtual time with the action's
// output.
func TestActionSendTaskSuccess(t *testing.T) {
	m := mustMachine(t, callbackDef)
	x := run(t, m, Options{Actions: []Action{
		At(20*time.Minute, func(c *Control) error {
			tok, err := c.Token("Approve")
			if err != nil {
				return err
			}
			return c.SendTaskHeartbeat(tok)
		}),
		At(45*time.Minute, succeed("Approve", `{"approved":true}`)),
	}})
	if x.Status != Succeeded || x.Output.JSON() != `{"approved":true}` || x.Duration() != 45*time.Minute {
		t.Fatalf("got %s %s %s after %v, want SUCCEEDED {\"approved\":true} after 45m", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s TaskStateEntered Approve
3 2 +0s TaskScheduled 
4 3 +0s TaskStarted 
5 4 +45m0s TaskSucceeded 
6 5 +45m0s TaskStateExited Approve
7 6 +45m0s ExecutionSucceeded 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// A handler that makes the service call (Submit) and returns ErrNoAnswer
// leaves the answer to the actions; the token it saw is the one they
// answer, and the TaskSubmitted event carries the call's response.
func TestActionAnswersHandlerToken(t *testing.T) {
	m := mustMachine(t, callbackDef)
	var sent string
	x := run(t, m, Options{
		Handlers: map[string]Handler{"Approve": func(_ context.Context, tk *Task) (value.Value, error) {
			body, _ := tk.Input.Get("MessageBody")
			tok, _ := body.Get("token")
			sent = tok.Str()
			tk.Submit(jsonValue(`{"MessageId":"m1"}`))
			return value.Value{}, ErrNoAnswer
		}},
		Actions: []Action{At(29*time.Minute, func(c *Control) error {
			if w := c.Waiting(); len(w) != 1 || w[0].Token != sent || w[0].State != "Approve" || w[0].Since != c.x.res.Start {
				t.Errorf("waiting %+v, want the one task with token %q", w, sent)
			}
			return c.SendTaskHeartbeat(sent)
		}), At(50*time.Minute, func(c *Control) error { return c.SendTaskSuccess(sent, value.FromString("ok")) })},
	})
	if x.Status != Succeeded || x.Output.JSON() != `"ok"` || x.Duration() != 50*time.Minute {
		t.Fatalf("got %s %s %s after %v", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
	if got := eventLines(x); !strings.Contains(got, "5 4 +0s TaskSubmitted \n6 5 +50m0s TaskSucceeded") {
		t.Errorf("history:\n%s", got)
	}
}

// Heartbeats keep a task alive past HeartbeatSeconds; when they stop, the
// task times out HeartbeatSeconds after the last one; without any, after
// HeartbeatSeconds.
func TestActionHeartbeats(t *testing.T) {
	m := mustMachine(t, callbackDef)
	beats := func(n int) func(*Control) error {
		var beat func(*Control) error
		beat = func(c *Control) error {
			tok, err := c.Token("Approve")
			if err != nil {
				return err
			}
			if n--; n > 0 {
				c.After(20*time.Minute, beat)
			}
			return c.SendTaskHeartbeat(tok)
		}
		return beat
	}
	for _, tc := range []struct {
		name    string
		actions []Action
		status  Status
		took    time.Duration
	}{
		{"kept alive", []Action{At(20*time.Minute, beats(5)), At(110*time.Minute, succeed("Approve", `1`))}, Succeeded, 110 * time.Minute},
		{"beats stop", []Action{At(20*time.Minute, beats(2)), At(110*time.Minute, succeed("Approve", `1`))}, Failed, 70 * time.Minute},
		{"no beat", []Action{At(110*time.Minute, succeed("Approve", `1`))}, Failed, 30 * time.Minute},
		{"TimeoutSeconds first", []Action{At(20*time.Minute, beats(100))}, Failed, 2 * time.Hour},
	} {
		x, err := m.Run(context.Background(), Options{Actions: tc.actions})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if x.Status != tc.status || x.Duration() != tc.took || tc.status == Failed && x.Error != ErrTimeout {
			t.Errorf("%s: got %s %s after %v, want %s after %v", tc.name, x.Status, x.Error, x.Duration(), tc.status, tc.took)
		}
	}
}

// An action runs only while the execution runs: the answer scheduled after
// a task timed out never runs when the execution has ended, and a task
// that timed out refuses a late answer with TaskTimedOut while the
// execution goes on.
func TestActionLateAnswer(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"Approve","States":{
		"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","TimeoutSeconds":60,
			"Catch":[{"ErrorEquals":["States.Timeout"],"ResultPath":"$.err","Next":"Linger"}],"End":true},
		"Linger":{"Type":"Wait","Seconds":600,"End":true}}}`)
	var tok string
	var late error
	x := run(t, m, Options{Actions: []Action{
		At(30*time.Second, func(c *Control) error {
			var err error
			tok, err = c.Token("Approve")
			return err
		}),
		At(5*time.Minute, func(c *Control) error {
			late = c.SendTaskSuccess(tok, value.FromString("too late"))
			return nil
		}),
	}})
	var api *APIError
	if !errors.As(late, &api) || api.Error() != "TaskTimedOut: Task Timed Out: 'Provided task does not exist anymore'" {
		t.Errorf("late answer: %v, want the TaskTimedOut APIError", late)
	}
	if x.Status != Succeeded || x.Duration() != 11*time.Minute {
		t.Errorf("got %s after %v", x.Status, x.Duration())
	}
}

// A failure sent for the token fails the task with that error and cause:
// the retrier retries it with a new token, the catcher takes it.
func TestActionSendTaskFailure(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"Approve","States":{
		"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
			"Retry":[{"ErrorEquals":["Busy"],"IntervalSeconds":10,"MaxAttempts":1}],
			"Catch":[{"ErrorEquals":["Rejected"],"Next":"No"}],"End":true},
		"No":{"Type":"Pass","End":true}}}`)
	var first, second string
	x := run(t, m, Options{Actions: []Action{
		At(time.Minute, func(c *Control) error {
			first, _ = c.Token("Approve")
			return c.SendTaskFailure(first, "Busy", "try again")
		}),
		At(2*time.Minute, func(c *Control) error {
			if err := c.SendTaskFailure(first, "Busy", "again"); err == nil || err.Error() != "TaskTimedOut: Task Timed Out: 'Provided task does not exist anymore'" {
				t.Errorf("answer to the first attempt's token: %v", err)
			}
			if err := c.SendTaskSuccess("no-such-token", value.NullValue); err == nil || err.Error() != "InvalidToken: Invalid token" {
				t.Errorf("unknown token: %v", err)
			}
			second, _ = c.Token("Approve")
			return c.SendTaskFailure(second, "Rejected", "by Ann")
		}),
	}})
	if first == second || second == "" {
		t.Errorf("tokens %q and %q: each attempt gets its own", first, second)
	}
	if x.Status != Succeeded || x.Output.JSON() != `{"Error":"Rejected","Cause":"by Ann"}` || x.Duration() != 2*time.Minute || x.Retries["Approve"] != 1 {
		t.Errorf("got %s %s after %v, %d retries", x.Status, x.Output.JSON(), x.Duration(), x.Retries["Approve"])
	}
}

// StopExecution ends the execution at the action's time, ABORTED with the
// error and cause given, cutting a Wait short.
func TestActionStopExecution(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"P"},"P":{"Type":"Pass","End":true}}}`)
	x := run(t, m, Options{Actions: []Action{At(10*time.Second, func(c *Control) error {
		c.StopExecution("Operator", "stopped by hand")
		return nil
	})}})
	if x.Status != Aborted || x.Error != "Operator" || x.Cause != "stopped by hand" || x.Duration() != 10*time.Second {
		t.Fatalf("got %s %s %q after %v", x.Status, x.Error, x.Cause, x.Duration())
	}
	h := string(x.HistoryJSON())
	if !strings.Contains(h, `"executionAbortedEventDetails":{"error":"Operator","cause":"stopped by hand"}`) {
		t.Errorf("history: %s", h)
	}
}

// Actions and the branches of a Parallel interleave in virtual time: each
// branch waits for its own token, the answers come in the other order,
// and the events follow the answers' times.
func TestActionsInParallel(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}},
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"B"},
			"B":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}],
		"End":true}}}`)
	x := run(t, m, Options{Actions: []Action{
		At(30*time.Second, func(c *Control) error {
			if n := len(c.Waiting()); n != 1 {
				t.Errorf("at 30s, %d tasks wait, want 1 (B starts at 60s)", n)
			}
			return nil
		}),
		At(2*time.Minute, succeed("B", `"b"`)),
		At(3*time.Minute, succeed("A", `"a"`)),
	}})
	if x.Status != Succeeded || x.Output.JSON() != `["a","b"]` || x.Duration() != 3*time.Minute {
		t.Fatalf("got %s %s %s after %v", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s TaskStateEntered A
5 4 +0s TaskScheduled 
6 5 +0s TaskStarted 
7 3 +0s WaitStateEntered W
8 7 +1m0s WaitStateExited W
9 8 +1m0s TaskStateEntered B
10 9 +1m0s TaskScheduled 
11 10 +1m0s TaskStarted 
12 11 +2m0s TaskSucceeded 
13 12 +2m0s TaskStateExited B
14 6 +3m0s TaskSucceeded 
15 14 +3m0s TaskStateExited A
16 15 +3m0s ParallelStateSucceeded 
17 15 +3m0s ParallelStateExited P
18 17 +3m0s ExecutionSucceeded 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// The iterations of a Map wait side by side; an action answers each by
// its token, in any order.
func TestActionsInMap(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
		"ItemProcessor":{"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
			"Parameters":{"item.$":"$"},"End":true}}},"End":true}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `{"items":["x","y","z"]}`), Actions: []Action{At(time.Minute, func(c *Control) error {
		w := c.Waiting()
		if len(w) != 3 {
			t.Fatalf("%d waiting, want 3", len(w))
		}
		if _, err := c.Token("Ask"); err == nil || err.Error() != `3 tasks of state "Ask" wait for their token at 1m0s after the start: pick one from Control.Waiting` {
			t.Errorf("Token: %v", err)
		}
		for i := len(w) - 1; i >= 0; i-- {
			item, _ := w[i].Input.Get("item")
			c.After(time.Duration(len(w)-i)*time.Second, func(c *Control) error {
				return c.SendTaskSuccess(w[i].Token, value.FromString(strings.ToUpper(item.Str())))
			})
		}
		return nil
	})}})
	if x.Status != Succeeded || x.Output.JSON() != `["X","Y","Z"]` || x.Duration() != time.Minute+3*time.Second {
		t.Errorf("got %s %s %s after %v", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
}

// What a test gets wrong is an error of Run with a message that says what
// to do.
func TestActionErrors(t *testing.T) {
	m := mustMachine(t, callbackDef)
	for _, tc := range []struct {
		name    string
		actions []Action
		want    string
	}{
		{"no Do", []Action{{At: time.Second}}, `local: Options.Actions[0] (at 1s) has no Do function: give it the function that acts, e.g. local.At(d, func(c *local.Control) error { ... })`},
		{"negative", []Action{At(-time.Second, func(*Control) error { return nil })}, `local: Options.Actions[0] is at -1s, before the start of the execution: give it a time of 0 or more`},
		{"wrong state", []Action{At(time.Minute, succeed("Aprove", `1`))}, `local: the action at 1m0s failed: no task of state "Aprove" waits for its token at 1m0s after the start (the tasks waiting for their token are those of "Approve"): schedule the action after the task has started, or check the state name`},
		{"bad token", []Action{At(time.Minute, func(c *Control) error { return c.SendTaskHeartbeat("t") })}, `local: the action at 1m0s failed: InvalidToken: Invalid token`},
	} {
		_, err := m.Run(context.Background(), Options{Actions: tc.actions})
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: got %v\nwant %s", tc.name, err, tc.want)
		}
	}
	// Without actions, a callback task with nothing to answer it is still
	// an error that names it.
	if _, err := m.Run(context.Background(), Options{}); !errors.As(err, new(*MissingHandlerError)) {
		t.Errorf("no handler, no action: %v", err)
	}
}

// An action at the virtual time a task starts runs after it started: the
// execution does all it does at a time before the actions of that time.
func TestActionAtTaskStart(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"Next":"Approve"},
		"Approve":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}`)
	x := run(t, m, Options{Actions: []Action{At(time.Hour, succeed("Approve", `"yes"`))}})
	if x.Status != Succeeded || x.Output.JSON() != `"yes"` || x.Duration() != time.Hour {
		t.Errorf("got %s %s after %v", x.Status, x.Output.JSON(), x.Duration())
	}
}

// The same actions give the same execution.
func TestActionsDeterministic(t *testing.T) {
	m := mustMachine(t, callbackDef)
	opts := Options{Actions: []Action{At(10*time.Minute, succeed("Approve", `{"n":1.50}`))}}
	a, b := run(t, m, opts), run(t, m, opts)
	if string(a.HistoryJSON()) != string(b.HistoryJSON()) {
		t.Error("two runs with the same actions differ")
	}
}

// A branch that fails while its sibling waits for a token aborts the
// waiting task; StopExecution during a Parallel stops every branch at
// its time, and no goroutine is left behind.
func TestActionsParallelStops(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}},
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"F"},"F":{"Type":"Fail","Error":"Late"}}}],
		"End":true}}}`)
	before := runtime.NumGoroutine()
	x := run(t, m, Options{Actions: []Action{At(5*time.Minute, succeed("A", `1`))}})
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s TaskStateEntered A
5 4 +0s TaskScheduled 
6 5 +0s TaskStarted 
7 3 +0s WaitStateEntered W
8 7 +1m0s WaitStateExited W
9 8 +1m0s FailStateEntered F
10 9 +1m0s TaskStateAborted 
11 9 +1m0s ParallelStateFailed 
12 11 +1m0s ExecutionFailed 
`
	if got := eventLines(x); x.Error != "Late" || got != want {
		t.Errorf("failing branch: %s\n%s\nwant:\n%s", x.Error, got, want)
	}
	x = run(t, m, Options{Actions: []Action{At(30*time.Second, func(c *Control) error {
		c.StopExecution("", "")
		return nil
	})}})
	want = `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s TaskStateEntered A
5 4 +0s TaskScheduled 
6 5 +0s TaskStarted 
7 3 +0s WaitStateEntered W
8 0 +30s ExecutionAborted 
`
	if got := eventLines(x); x.Status != Aborted || x.Duration() != 30*time.Second || got != want {
		t.Errorf("stopped: %s after %v\n%s\nwant:\n%s", x.Status, x.Duration(), got, want)
	}
	for i := 0; i < 100 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left behind", n-before)
	}
}

// An Express workflow runs no callback, .sync or activity task, as
// CreateStateMachine refuses them: Run says so before it starts.
func TestExpressRefusesCallbacks(t *testing.T) {
	m := mustMachine(t, callbackDef)
	_, err := m.Run(context.Background(), Options{Express: true, Actions: []Action{At(time.Minute, succeed("Approve", `1`))}})
	want := "local: StateMachine cannot run as an Express workflow:\n\t/States/Approve/Resource: Express state machine does not support '.waitForTaskToken' service integration (arn:aws:states:::sqs:sendMessage.waitForTaskToken); use the request-response form, or run the work in a Standard workflow"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	if x := run(t, m, Options{Actions: []Action{At(time.Minute, succeed("Approve", `1`))}}); x.Status != Succeeded {
		t.Errorf("as a Standard workflow: %s", x.Status)
	}
}

// A handler acts through its Task's Control: the function of one branch
// answers the callback the other branch waits for, at its own virtual
// time (the callback ends first: the answer comes while the function
// runs), and a callback's handler schedules the answer to its own token.
func TestHandlerControl(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","TimeoutSeconds":3600,"End":true}}},
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"B"},
			"B":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"V"},
			"V":{"Type":"Wait","Seconds":60,"End":true}}}],
		"End":true}}}`)
	x := run(t, m, Options{Handlers: map[string]Handler{"B": func(_ context.Context, tk *Task) (value.Value, error) {
		c := tk.Control()
		tok, err := c.Token("A")
		if err != nil {
			return value.Value{}, err
		}
		return value.FromString("sent"), c.SendTaskSuccess(tok, value.FromString("approved by B"))
	}}, Actions: []Action{At(0, func(*Control) error { return nil })}})
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s TaskStateEntered A
5 4 +0s TaskScheduled 
6 5 +0s TaskStarted 
7 3 +0s WaitStateEntered W
8 7 +1m0s WaitStateExited W
9 8 +1m0s TaskStateEntered B
10 9 +1m0s TaskScheduled 
11 10 +1m0s TaskStarted 
12 6 +1m0s TaskSucceeded 
13 12 +1m0s TaskStateExited A
14 11 +1m0s TaskSucceeded 
15 14 +1m0s TaskStateExited B
16 15 +1m0s WaitStateEntered V
17 16 +2m0s WaitStateExited V
18 17 +2m0s ParallelStateSucceeded 
19 17 +2m0s ParallelStateExited P
20 19 +2m0s ExecutionSucceeded 
`
	if got := eventLines(x); x.Status != Succeeded || got != want {
		t.Errorf("%s %s\n%s\nwant:\n%s", x.Status, x.Error, got, want)
	}

	m = mustMachine(t, callbackDef)
	x = run(t, m, Options{Handlers: map[string]Handler{"Approve": func(_ context.Context, tk *Task) (value.Value, error) {
		tok := tk.Token
		tk.Control().After(25*time.Minute, func(c *Control) error { return c.SendTaskSuccess(tok, value.FromString("later")) })
		return value.Value{}, ErrNoAnswer
	}}})
	if x.Status != Succeeded || x.Output.JSON() != `"later"` || x.Duration() != 25*time.Minute {
		t.Errorf("answer scheduled by the handler: %s %s after %v", x.Status, x.Output.JSON(), x.Duration())
	}
}

// An action runs once every branch has done all it does at the action's
// time, whatever the branch order: the second branch's task, which starts
// at the action's time, waits for its token when the action runs, though
// the first branch waited for an action before it.
func TestActionAtTaskStartInLaterBranch(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}},
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"Next":"B"},
			"B":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}],
		"End":true}}}`)
	x := run(t, m, Options{Actions: []Action{
		At(time.Minute, succeed("B", `"b"`)),
		At(2*time.Minute, succeed("A", `"a"`)),
	}})
	if x.Status != Succeeded || x.Output.JSON() != `["a","b"]` || x.Duration() != 2*time.Minute {
		t.Fatalf("got %s %s %s after %v", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
}

// A heartbeat the handler sent before it returned ErrNoAnswer counts while
// the task waits for its token: the task waits HeartbeatSeconds after that
// heartbeat, not after its start.
func TestActionAfterHandlerHeartbeat(t *testing.T) {
	m := mustMachine(t, callbackDef)
	x := run(t, m, Options{
		Handlers: map[string]Handler{"Approve": func(_ context.Context, tk *Task) (value.Value, error) {
			tk.Advance(20 * time.Minute)
			tk.Heartbeat()
			return value.Value{}, ErrNoAnswer
		}},
		Actions: []Action{At(45*time.Minute, succeed("Approve", `"yes"`))},
	})
	if x.Status != Succeeded || x.Output.JSON() != `"yes"` || x.Duration() != 45*time.Minute {
		t.Errorf("got %s %s %s after %v, want SUCCEEDED \"yes\" after 45m", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
}

// An answer at the very time the task would time out comes in time: the
// task's own deadline is the one thing the execution does at a time that
// waits for the actions of that time.
func TestActionAtTimeoutComesInTime(t *testing.T) {
	m := mustMachine(t, callbackDef)
	x := run(t, m, Options{Actions: []Action{At(30*time.Minute, succeed("Approve", `"yes"`))}})
	if x.Status != Succeeded || x.Output.JSON() != `"yes"` || x.Duration() != 30*time.Minute {
		t.Errorf("got %s %s %s after %v, want SUCCEEDED \"yes\" after 30m (HeartbeatSeconds)", x.Status, x.Output.JSON(), x.Error, x.Duration())
	}
}

// A handler that takes time (Advance) and then leaves the answer to the
// actions starts waiting when it returns; the timeouts still count from
// the task's start.
func TestActionAfterHandlerAdvance(t *testing.T) {
	m := mustMachine(t, callbackDef)
	var since time.Duration
	h := map[string]Handler{"Approve": func(_ context.Context, tk *Task) (value.Value, error) {
		tk.Advance(10 * time.Minute)
		return value.Value{}, ErrNoAnswer
	}}
	x := run(t, m, Options{Handlers: h, Actions: []Action{At(20*time.Minute, func(c *Control) error {
		w := c.Waiting()
		if len(w) != 1 {
			return errors.New("no task waits")
		}
		since = w[0].Since.Sub(c.x.res.Start)
		return c.SendTaskSuccess(w[0].Token, value.FromString("ok"))
	})}})
	if x.Status != Succeeded || x.Duration() != 20*time.Minute || since != 10*time.Minute {
		t.Errorf("got %s after %v, waiting since %v; want SUCCEEDED after 20m, waiting since 10m", x.Status, x.Duration(), since)
	}
	// HeartbeatSeconds (30 minutes) counts from the start, not from the
	// handler's return.
	x = run(t, m, Options{Handlers: h, Actions: []Action{At(35*time.Minute, succeed("Approve", `1`))}})
	if x.Error != ErrTimeout || x.Duration() != 30*time.Minute {
		t.Errorf("got %s %s after %v, want States.Timeout after 30m", x.Status, x.Error, x.Duration())
	}
}
