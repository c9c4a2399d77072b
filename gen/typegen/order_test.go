package typegen_test

import (
	"bytes"
	"slices"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/gen/typegen"
	"github.com/goasl/goasl/gen/typegen/testtypes"
	"github.com/goasl/goasl/internal/golden"
)

// claimsDoc has shapes that several states share (the validation object
// is ValidateClaim's result and a field of ReleaseReserve's input), state
// names that make the same Go identifier (Done, done), a Parallel whose
// second branch ends in two states of different shapes, a Catch and a
// Choice that join at their targets.
const claimsDoc = `{
  "StartAt": "ValidateClaim",
  "States": {
    "ValidateClaim": {"Type": "Pass", "Result": {"valid": true, "reason": "ok"}, "ResultPath": "$.validation", "Next": "Route"},
    "Route": {"Type": "Choice", "Choices": [{"Variable": "$.validation.valid", "BooleanEquals": true, "Next": "Reserve"}], "Default": "Reject"},
    "Reserve": {"Type": "Parallel", "ResultPath": "$.reserve", "Next": "ReleaseReserve",
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Reject"}],
      "Branches": [
        {"StartAt": "Score", "States": {"Score": {"Type": "Pass", "Result": {"score": 0}, "End": true}}},
        {"StartAt": "Pick", "States": {
          "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.id", "StringEquals": "a", "Next": "A"}], "Default": "B"},
          "A": {"Type": "Pass", "Result": {"name": "a", "first": true}, "End": true},
          "B": {"Type": "Pass", "Result": {"extra": 1, "name": "b"}, "End": true}
        }}
      ]},
    "ReleaseReserve": {"Type": "Pass", "Parameters": {"validation.$": "$.validation", "id.$": "$.id", "reserve.$": "$.reserve"}, "Next": "Done"},
    "Reject": {"Type": "Pass", "Next": "done"},
    "Done": {"Type": "Succeed"},
    "done": {"Type": "Succeed"}
  }
}`

// claimInput is the input of the claims workflow. Its types belong to
// this test package, which the generated file cannot import: the
// claimant's struct is named after its Go type (ClaimPipelineClaimant),
// wherever it first appears.
type claimInput struct {
	ID       string   `json:"id"`
	Claimant claimant `json:"claimant"`
}

type claimant struct {
	Name string `json:"name"`
}

// reorder returns a copy of the machine whose States lists (at every
// level) are permuted by perm: what moving declarations in the Go code
// does to the definition.
func reorder(sm *asl.StateMachine, perm func(asl.States) asl.States) *asl.StateMachine {
	c := *sm
	c.States = reorderStates(sm.States, perm)
	return &c
}

func reorderStates(states asl.States, perm func(asl.States) asl.States) asl.States {
	out := perm(slices.Clone(states))
	for i, st := range out {
		c := *st
		c.Branches = nil
		for _, b := range st.Branches {
			bc := *b
			bc.States = reorderStates(b.States, perm)
			c.Branches = append(c.Branches, &bc)
		}
		if st.ItemProcessor != nil {
			p := *st.ItemProcessor
			p.States = reorderStates(p.States, perm)
			c.ItemProcessor = &p
		}
		out[i] = &c
	}
	return out
}

// TestStableNames generates the types of workflows whose states are
// declared in other orders (reversed, rotated): the files must be
// identical, so that moving a block of a workflow renames nothing that
// handler code uses.
func TestStableNames(t *testing.T) {
	claims := machine(t, claimsDoc)
	claimsAnn := &flow.Annotations{Input: typeOf[claimInput]()}
	order := machine(t, orderDoc)
	orderAnn := &flow.Annotations{Input: typeOf[testtypes.Order](), States: map[string]flow.StateAnnotation{
		"/States/Charge card": {TaskInput: typeOf[testtypes.Charge](), TaskOutput: typeOf[testtypes.Receipt]()},
	}}
	perms := map[string]func(asl.States) asl.States{
		"reversed": func(s asl.States) asl.States { slices.Reverse(s); return s },
		"rotated": func(s asl.States) asl.States {
			if len(s) > 1 {
				s = append(s[1:], s[0])
			}
			return s
		},
	}
	for _, c := range []struct {
		name string
		sm   *asl.StateMachine
		ann  *flow.Annotations
	}{{"ClaimPipeline", claims, claimsAnn}, {"OrderFlow", order, orderAnn}} {
		gen := func(sm *asl.StateMachine) []byte {
			res := flow.Infer(sm, c.ann)
			if len(res.Diagnostics) > 0 {
				t.Fatalf("%s: diagnostics: %v", c.name, res.Diagnostics)
			}
			src, err := typegen.Generate(pkgPath, c.name, sm, res)
			if err != nil {
				t.Fatal(err)
			}
			return src
		}
		want := gen(c.sm)
		if c.name == "ClaimPipeline" {
			golden.Check(t, "testdata/claim_pipeline.go.golden", want)
			typeCheck(t, "claim_pipeline.go", want)
		}
		for pname, perm := range perms {
			if got := gen(reorder(c.sm, perm)); !bytes.Equal(got, want) {
				t.Errorf("%s with its states %s: the generated file differs:\n%s", c.name, pname, golden.Diff(want, got))
			}
		}
	}
}
