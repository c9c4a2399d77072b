package local

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// distributedMap is a Distributed Map over the input array whose child
// waits the item's seconds, then runs the Task T with the item, then the
// Task After.
const distributedMap = `{"StartAt":"M","States":{"M":{"Type":"Map",%s"ItemProcessor":{
	"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"W","States":{
	"W":{"Type":"Wait","SecondsPath":"$.wait","Next":"T"},
	"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Next":"After"},
	"After":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}},"End":true}}}`

// recorder returns handlers for T and After that log "State item at +t"
// into calls; T takes the item's "took" seconds and fails with Boom when
// the item has "fail".
func recorder(calls *[]string) map[string]Handler {
	h := func(_ context.Context, tk *Task) (value.Value, error) {
		id, _ := tk.Input.Get("id")
		*calls = append(*calls, fmt.Sprintf("%s %s at +%v", tk.State, id.Str(), tk.Now().Sub(tk.x.opts.StartTime)))
		if tk.State == "T" {
			took, _ := tk.Input.Get("took")
			n, _ := took.Int()
			tk.Advance(time.Duration(n) * time.Second)
			if _, ok := tk.Input.Get("fail"); ok {
				return value.Value{}, Error("Boom", "item "+id.Str())
			}
		}
		return tk.Input, nil
	}
	return map[string]Handler{"T": h, "After": h}
}

// The children of a Distributed Map run concurrently in virtual time: a
// child's Task is called when its virtual time comes, whatever the
// child's index, and at most MaxConcurrency children run at a time.
func TestDistributedMapChildrenRunConcurrently(t *testing.T) {
	input := `[{"id":"a","wait":30,"took":0},{"id":"b","wait":10,"took":0},{"id":"c","wait":5,"took":0}]`
	for _, c := range []struct {
		conc, calls string
		took        time.Duration
	}{
		{``, "T c at +5s, After c at +5s, T b at +10s, After b at +10s, T a at +30s, After a at +30s", 30 * time.Second},
		{`"MaxConcurrency":2,`, "T b at +10s, After b at +10s, T c at +15s, After c at +15s, T a at +30s, After a at +30s", 30 * time.Second},
		{`"MaxConcurrency":1,`, "T a at +30s, After a at +30s, T b at +40s, After b at +40s, T c at +45s, After c at +45s", 45 * time.Second},
	} {
		m := mustMachine(t, fmt.Sprintf(distributedMap, c.conc))
		var calls []string
		x := run(t, m, Options{Input: mustJSON(t, input), Handlers: recorder(&calls)})
		if x.Status != Succeeded || x.Duration() != c.took {
			t.Fatalf("%s: got %s %s after %v, want SUCCEEDED after %v", c.conc, x.Status, x.Error, x.Duration(), c.took)
		}
		if got := strings.Join(calls, ", "); got != c.calls {
			t.Errorf("%s: handlers called:\n%s\nwant\n%s", c.conc, got, c.calls)
		}
		// The output keeps the items' order; the children's events are
		// not in the parent's history.
		if got, want := x.Output.JSON(), mustJSON(t, input).JSON(); got != want {
			t.Errorf("%s: output %s, want %s", c.conc, got, want)
		}
		want := fmt.Sprintf("1 0 +0s ExecutionStarted \n2 0 +0s MapStateEntered M\n3 2 +0s MapStateStarted \n4 3 +0s MapRunStarted \n"+
			"5 4 +%[1]v MapRunSucceeded \n6 5 +%[1]v MapStateSucceeded \n7 4 +%[1]v MapStateExited M\n8 7 +%[1]v ExecutionSucceeded \n", c.took)
		if got := eventLines(x); got != want {
			t.Errorf("%s: history:\n%s\nwant:\n%s", c.conc, got, want)
		}
	}
}

// A child failure beyond the tolerated threshold fails the Map Run at its
// virtual time and stops the children still running (no handler is
// called after it, none starts); a tolerated failure lets the others run
// to their end, and its {Error, Cause} takes the item's place.
func TestDistributedMapFailureThreshold(t *testing.T) {
	input := `[{"id":"a","wait":0,"took":10},{"id":"b","wait":0,"took":3,"fail":true},{"id":"c","wait":0,"took":20}]`
	for _, c := range []struct {
		conf, calls, status, out string
		took                     time.Duration
	}{
		{``, "T a at +0s, T b at +0s, T c at +0s", "FAILED", "", 3 * time.Second},
		{`"MaxConcurrency":1,`, "T a at +0s, After a at +10s, T b at +10s", "FAILED", "", 13 * time.Second},
		{`"ToleratedFailurePercentage":30,`, "T a at +0s, T b at +0s, T c at +0s", "FAILED", "", 3 * time.Second},
		{`"ToleratedFailureCount":1,`, "T a at +0s, T b at +0s, T c at +0s, After a at +10s, After c at +20s", "SUCCEEDED",
			`[{"id":"a","wait":0,"took":10},{"Error":"Boom","Cause":"item b"},{"id":"c","wait":0,"took":20}]`, 20 * time.Second},
		{`"ToleratedFailurePercentage":34,`, "T a at +0s, T b at +0s, T c at +0s, After a at +10s, After c at +20s", "SUCCEEDED",
			`[{"id":"a","wait":0,"took":10},{"Error":"Boom","Cause":"item b"},{"id":"c","wait":0,"took":20}]`, 20 * time.Second},
	} {
		m := mustMachine(t, fmt.Sprintf(distributedMap, c.conf))
		var calls []string
		x := run(t, m, Options{Input: mustJSON(t, input), Handlers: recorder(&calls)})
		if string(x.Status) != c.status || x.Duration() != c.took {
			t.Errorf("%s: got %s %s after %v, want %s after %v", c.conf, x.Status, x.Error, x.Duration(), c.status, c.took)
		}
		if got := strings.Join(calls, ", "); got != c.calls {
			t.Errorf("%s: handlers called:\n%s\nwant\n%s", c.conf, got, c.calls)
		}
		if c.status == "SUCCEEDED" {
			if got := x.Output.JSON(); got != c.out {
				t.Errorf("%s: output %s\nwant %s", c.conf, got, c.out)
			}
			continue
		}
		if x.Error != ErrExceedToleratedFailureThreshold || x.Cause != "The specified tolerated failure threshold was exceeded" {
			t.Errorf("%s: error %s %q", c.conf, x.Error, x.Cause)
		}
		want := fmt.Sprintf("1 0 +0s ExecutionStarted \n2 0 +0s MapStateEntered M\n3 2 +0s MapStateStarted \n4 3 +0s MapRunStarted \n"+
			"5 4 +%[1]v MapRunFailed \n6 5 +%[1]v MapStateFailed \n7 6 +%[1]v ExecutionFailed \n", c.took)
		if got := eventLines(x); got != want {
			t.Errorf("%s: history:\n%s\nwant:\n%s", c.conf, got, want)
		}
	}
}

// A Distributed Map in a Parallel branch: its children (with a Parallel of
// their own) write nothing in the history, while the sibling branch's
// events interleave by virtual time and keep their ids.
func TestDistributedMapInParallel(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},
			"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"CP"},
			"CP":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}]}}}}}},
		{"StartAt":"S","States":{"S":{"Type":"Wait","Seconds":5,"Next":"Q"},"Q":{"Type":"Pass","End":true}}}]}}}`)
	x := run(t, m, Options{Input: mustJSON(t, `[1,2]`)})
	if x.Status != Succeeded || x.Output.JSON() != `[[[1],[2]],[1,2]]` {
		t.Fatalf("got %s %s %s", x.Status, x.Error, x.Output.JSON())
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s MapStateEntered M
5 4 +0s MapStateStarted 
6 5 +0s MapRunStarted 
7 3 +0s WaitStateEntered S
8 7 +5s WaitStateExited S
9 8 +5s PassStateEntered Q
10 9 +5s PassStateExited Q
11 6 +10s MapRunSucceeded 
12 11 +10s MapStateSucceeded 
13 6 +10s MapStateExited M
14 13 +10s ParallelStateSucceeded 
15 13 +10s ParallelStateExited P
16 15 +10s ExecutionSucceeded 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}

// When a sibling branch fails, the Distributed Map's children are stopped
// without a TaskStateAborted in the parent's history (their tasks are in
// their own histories); the Map state is not aborted by an event of its
// own either, as a Task in a Parallel branch would be.
func TestDistributedMapStoppedBySibling(t *testing.T) {
	m := mustMachine(t, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
		{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},
			"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}}}},
		{"StartAt":"F","States":{"F":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","End":true}}}]}}}`)
	var calls []string
	x := run(t, m, Options{Input: mustJSON(t, `[{"id":"a","took":10},{"id":"b","took":10}]`), Handlers: map[string]Handler{
		"T": recorder(&calls)["T"],
		"F": func(_ context.Context, tk *Task) (value.Value, error) {
			tk.Advance(3 * time.Second)
			return value.Value{}, Error("Boom", "sibling")
		},
	}})
	if x.Status != Failed || x.Error != "Boom" || x.Duration() != 3*time.Second {
		t.Fatalf("got %s %s after %v", x.Status, x.Error, x.Duration())
	}
	want := `1 0 +0s ExecutionStarted 
2 0 +0s ParallelStateEntered P
3 2 +0s ParallelStateStarted 
4 3 +0s MapStateEntered M
5 4 +0s MapStateStarted 
6 5 +0s MapRunStarted 
7 3 +0s TaskStateEntered F
8 7 +0s TaskScheduled 
9 8 +0s TaskStarted 
10 9 +3s TaskFailed 
11 10 +3s TaskStateAborted 
12 10 +3s ParallelStateFailed 
13 12 +3s ExecutionFailed 
`
	if got := eventLines(x); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
}
