package conformance

import (
	"strings"
	"testing"

	"github.com/goasl/goasl/asl/value"
)

// parallelTransform reproduces SfnNoneRecursiveParallelTransformer's edits
// of a nested Parallel history (test_parallel_state_nested's recording):
// the inner block is sorted and masked, and the list shrinks at each
// closing event, dropping ParallelStateSucceeded of both blocks and the
// inner ParallelStateExited.
func TestParallelTransformNested(t *testing.T) {
	types := []string{"ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "ParallelStateEntered",
		"ParallelStateStarted", "PassStateEntered", "PassStateExited", "ParallelStateSucceeded", "ParallelStateExited",
		"ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded"}
	var ev []value.Value
	for i, typ := range types {
		ev = append(ev, value.FromMembers(value.Member{Key: "id", Value: value.FromInt(int64(i + 1))}, value.Member{Key: "type", Value: value.FromString(typ)}))
	}
	var got []string
	for _, e := range parallelTransform(ev) {
		id, _ := e.Get("id")
		typ, _ := e.Get("type")
		got = append(got, id.JSON()+" "+typ.Str())
	}
	want := "1 ExecutionStarted, 2 ParallelStateEntered, 3 ParallelStateStarted, [0] ParallelStateEntered, 5 ParallelStateStarted, " +
		"[0] PassStateEntered, [0] PassStateExited, 11 ParallelStateExited, 12 ExecutionSucceeded"
	if g := strings.Join(got, ", "); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}
