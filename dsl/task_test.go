package dsl_test

import (
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
)

// TestTaskChainOrder checks that a Task whose chain adds another state
// (here as its Next) comes first, as written: the workflow starts at it
// and lists it first, although Scope.Task adds it after the state built
// inside its arguments.
func TestTaskChainOrder(t *testing.T) {
	wf := dsl.NewWorkflow("Order")
	wf.Task("A", dsl.Lambda("f").NoDefaultRetry().Next(wf.Pass("B").End()))
	sm, err := compiler.Compile(wf)
	if err != nil {
		t.Fatal(err)
	}
	out, err := asl.Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	if !strings.Contains(got, `"StartAt": "A"`) || strings.Index(got, `"A": {`) > strings.Index(got, `"B": {`) {
		t.Errorf("the workflow does not start at A, listed first:\n%s", got)
	}
}

// TestTaskFieldsInChain checks that the Task's fields set in the
// integration's chain and those set on the TaskState that Scope.Task
// returns write the same ASL.
func TestTaskFieldsInChain(t *testing.T) {
	build := func(inChain bool) string {
		wf := dsl.NewWorkflow("Same")
		l := dsl.Lambda("f").Payload(dsl.Obj{"id": dsl.Path("$.id")})
		var task *dsl.TaskState
		if inChain {
			task = wf.Task("T", l.ResultPath("$.r").Retry(dsl.Retry(dsl.ErrTimeout)).End())
		} else {
			task = wf.Task("T", l).ResultPath("$.r").Retry(dsl.Retry(dsl.ErrTimeout)).End()
		}
		if task.Name() != "T" {
			t.Errorf("Name() = %q, want T", task.Name())
		}
		sm, err := compiler.Compile(wf)
		if err != nil {
			t.Fatal(err)
		}
		out, err := asl.Marshal(sm)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if a, b := build(true), build(false); a != b {
		t.Errorf("in the chain:\n%s\nafter Task:\n%s", a, b)
	}
}
