package local

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// eventLines renders a history as "id prev +seconds Type Name" lines.
func eventLines(x *Execution) string {
	var b strings.Builder
	for _, e := range x.Events {
		fmt.Fprintf(&b, "%d %d +%v %s %s\n", e.ID, e.PreviousEventID, e.Timestamp.Sub(x.Start), e.Type, e.Name)
	}
	return b.String()
}

// A failing branch stops its siblings at the virtual time of the failure:
// a branch that is waiting calls no handler after it, a task in progress
// is aborted, and the events interleave by virtual time.
func TestParallelFailureStopsSiblings(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"A"},"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}},
		{"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}},
		{"StartAt":"C","States":{"C":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}],
		"End":true}}}`)
	var calls []string
	handler := func(took time.Duration, err error) Handler {
		return func(_ context.Context, tk *Task) (value.Value, error) {
			calls = append(calls, fmt.Sprintf("%s at +%v", tk.State, tk.Now().Sub(tk.x.opts.StartTime)))
			tk.Advance(took)
			return value.FromMembers(), err
		}
	}
	x := run(t, m, Options{Handlers: map[string]Handler{
		"A": handler(0, nil),
		"B": handler(5*time.Second, Error("Boom", "branch 1 failed")),
		"C": handler(20*time.Second, nil),
	}})
	if x.Status != Failed || x.Error != "Boom" || x.Cause != "branch 1 failed" || x.Duration() != 5*time.Second {
		t.Errorf("got %s %s %q after %v, want FAILED Boom \"branch 1 failed\" after 5s", x.Status, x.Error, x.Cause, x.Duration())
	}
	if got, want := strings.Join(calls, ", "), "B at +0s, C at +0s"; got != want {
		t.Errorf("handlers called: %s\nwant %s", got, want)
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s WaitStateEntered W
5 3 +0s TaskStateEntered B
6 5 +0s TaskScheduled 
7 6 +0s TaskStarted 
8 3 +0s TaskStateEntered C
9 8 +0s TaskScheduled 
10 9 +0s TaskStarted 
11 7 +5s TaskFailed 
12 11 +5s TaskStateAborted 
13 11 +5s TaskStateAborted 
14 11 +5s ParallelStateFailed 
15 14 +5s ExecutionFailed 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// Branches that succeed interleave their events by virtual time, then by
// branch index; the Parallel ends with its slowest branch.
func TestParallelEventsInterleave(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"X"},"X":{"Type":"Pass","End":true}}},
		{"StartAt":"V","States":{"V":{"Type":"Wait","Seconds":3,"Next":"Y"},"Y":{"Type":"Pass","End":true}}}],
		"End":true}}}`)
	x := run(t, m, Options{})
	if x.Status != Succeeded || x.Output.JSON() != `[{},{}]` || x.Duration() != 10*time.Second {
		t.Errorf("got %s %s after %v", x.Status, x.Output.JSON(), x.Duration())
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s WaitStateEntered W
5 3 +0s WaitStateEntered V
6 5 +3s WaitStateExited V
7 6 +3s PassStateEntered Y
8 7 +3s PassStateExited Y
9 4 +10s WaitStateExited W
10 9 +10s PassStateEntered X
11 10 +10s PassStateExited X
12 11 +10s ParallelStateSucceeded 
13 11 +10s ParallelStateExited P
14 13 +10s ExecutionSucceeded 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// A failure in a nested Parallel stops the outer siblings too, and their
// nested branches.
func TestParallelNestedFailure(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
		{"StartAt":"Q","States":{"Q":{"Type":"Parallel","End":true,"Branches":[
			{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}]}}},
		{"StartAt":"R","States":{"R":{"Type":"Parallel","End":true,"Branches":[
			{"StartAt":"F","States":{"F":{"Type":"Wait","Seconds":2,"Next":"G"},"G":{"Type":"Fail","Error":"Nested"}}}]}}}],
		"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Next":"Done"}],"End":true},
		"Done":{"Type":"Succeed"}}}`)
	x := run(t, m, Options{Handlers: map[string]Handler{
		"S": func(_ context.Context, tk *Task) (value.Value, error) {
			tk.Advance(time.Minute)
			return value.FromMembers(), nil
		},
	}})
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s ParallelStateEntered Q
5 4 +0s ParallelStateStarted 
6 5 +0s TaskStateEntered S
7 6 +0s TaskScheduled 
8 7 +0s TaskStarted 
9 3 +0s ParallelStateEntered R
10 9 +0s ParallelStateStarted 
11 10 +0s WaitStateEntered F
12 11 +2s WaitStateExited F
13 12 +2s FailStateEntered G
14 13 +2s ParallelStateFailed 
15 14 +2s TaskStateAborted 
16 14 +2s ParallelStateFailed 
17 16 +2s ParallelStateExited P
18 17 +2s SucceedStateEntered Done
19 18 +2s SucceedStateExited Done
20 19 +2s ExecutionSucceeded 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// A handler's panic in a branch reaches the caller of Run; t.FailNow in
// one (runtime.Goexit) is a run error that says what to do instead.
func TestParallelHandlerPanicAndGoexit(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}]}}}`)
	func() {
		defer func() {
			if p := recover(); p != "handler bug" {
				t.Errorf("recovered %v, want the handler's panic", p)
			}
		}()
		m.Run(context.Background(), Options{Handlers: map[string]Handler{"A": func(context.Context, *Task) (value.Value, error) { panic("handler bug") }}})
	}()
	_, err := m.Run(context.Background(), Options{Handlers: map[string]Handler{"A": func(context.Context, *Task) (value.Value, error) {
		runtime.Goexit()
		return value.Value{}, nil
	}}})
	want := "local: a handler called runtime.Goexit (t.FailNow, t.Fatal) inside a Parallel branch or a Map iteration, which runs on a goroutine of its own: report the failure with t.Error and return an error from the handler instead"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v\nwant %s", err, want)
	}
}

// An error message of a state in a branch names that state and its event,
// though other branches ran in between.
func TestParallelRuntimeErrorNamesItsState(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":1,"Next":"X"},"X":{"Type":"Pass","End":true}}},
		{"StartAt":"V","States":{"V":{"Type":"Wait","Seconds":2,"Next":"Y"},"Y":{"Type":"Pass","InputPath":"$.nope","End":true}}}]}}}`)
	x := run(t, m, Options{})
	want := "An error occurred while executing the state 'Y' (entered at the event id #10). Invalid path '$.nope' : No results for path: $['nope']"
	if x.Error != ErrRuntime || x.Cause != want {
		t.Errorf("got %s %q\nwant %s %q", x.Error, x.Cause, ErrRuntime, want)
	}
}

// A failing iteration of an inline Map stops the running ones at the time
// of the failure (MapIterationAborted, TaskStateAborted) and starts no
// other.
func TestMapFailureStopsIterations(t *testing.T) {
	def := `{"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{"StartAt":"T","States":{
		"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}},"End":true}}}`
	for _, tc := range []struct {
		conc, calls, want string
	}{{"", "10 at +0s, 3 at +0s, 20 at +0s", `1 0 +0s ExecutionStarted 
2 0 +0s MapStateEntered M
3 2 +0s MapStateStarted 
4 3 +0s MapIterationStarted M
5 4 +0s TaskStateEntered T
6 5 +0s TaskScheduled 
7 6 +0s TaskStarted 
8 3 +0s MapIterationStarted M
9 8 +0s TaskStateEntered T
10 9 +0s TaskScheduled 
11 10 +0s TaskStarted 
12 3 +0s MapIterationStarted M
13 12 +0s TaskStateEntered T
14 13 +0s TaskScheduled 
15 14 +0s TaskStarted 
16 11 +3s TaskFailed 
17 16 +3s MapIterationFailed M
18 16 +3s TaskStateAborted 
19 16 +3s MapIterationAborted M
20 16 +3s TaskStateAborted 
21 16 +3s MapIterationAborted M
22 16 +3s TaskStateAborted 
23 16 +3s MapStateFailed 
24 23 +3s ExecutionFailed 
`}, {`"MaxConcurrency":2,`, "10 at +0s, 3 at +0s", `1 0 +0s ExecutionStarted 
2 0 +0s MapStateEntered M
3 2 +0s MapStateStarted 
4 3 +0s MapIterationStarted M
5 4 +0s TaskStateEntered T
6 5 +0s TaskScheduled 
7 6 +0s TaskStarted 
8 3 +0s MapIterationStarted M
9 8 +0s TaskStateEntered T
10 9 +0s TaskScheduled 
11 10 +0s TaskStarted 
12 11 +3s TaskFailed 
13 12 +3s MapIterationFailed M
14 12 +3s TaskStateAborted 
15 12 +3s MapIterationAborted M
16 12 +3s TaskStateAborted 
17 12 +3s MapStateFailed 
18 17 +3s ExecutionFailed 
`}} {
		m := mustMachine(t, fmt.Sprintf(def, tc.conc))
		var calls []string
		x := run(t, m, Options{Input: mustJSON(t, `[10,3,20]`), Handlers: map[string]Handler{
			"T": func(_ context.Context, tk *Task) (value.Value, error) {
				n, _ := tk.Input.Int()
				calls = append(calls, fmt.Sprintf("%d at +%v", n, tk.Now().Sub(tk.x.opts.StartTime)))
				tk.Advance(time.Duration(n) * time.Second)
				if n == 3 {
					return value.Value{}, Error("Boom", "item 1")
				}
				return value.FromMembers(), nil
			},
		}})
		if x.Status != Failed || x.Error != "Boom" || x.Duration() != 3*time.Second {
			t.Errorf("%s: got %s %s after %v, want FAILED Boom after 3s", tc.conc, x.Status, x.Error, x.Duration())
		}
		if got := strings.Join(calls, ", "); got != tc.calls {
			t.Errorf("%s: handlers called: %s\nwant %s", tc.conc, got, tc.calls)
		}
		if got := eventLines(x); got != tc.want {
			t.Errorf("%s: history:\n%s\nwant:\n%s", tc.conc, got, tc.want)
		}
	}
}

// Stopped branches and iterations leave no goroutine behind.
func TestStoppedBranchesLeaveNoGoroutine(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":9,"End":true}}}}}},
		{"StartAt":"V","States":{"V":{"Type":"Wait","Seconds":1,"Next":"F"},"F":{"Type":"Fail","Error":"Stop"}}}]}}}`)
	before := runtime.NumGoroutine()
	for range 50 {
		if x := run(t, m, Options{Input: mustJSON(t, `[1,2,3]`)}); x.Error != "Stop" {
			t.Fatalf("got %s %s", x.Status, x.Error)
		}
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines after 50 runs, %d before", after, before)
	}
}
