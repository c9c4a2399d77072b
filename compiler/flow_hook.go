package compiler

import (
	"fmt"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/ir"
)

// typeCheck infers the JSON type at every state of sm from the Go types the
// workflow declares and reports what cannot work (see package
// compiler/flow). It runs after asl.Validate found no errors.
func (c *compiler) typeCheck(sm *asl.StateMachine) {
	res := flow.Infer(sm, annotations(c.w))
	for _, d := range res.Diagnostics {
		c.add(d.Severity, d.Code, d.Pointer, c.at(d.Pointer), d.Message)
	}
}

// Types compiles a workflow like Compile and also returns the JSON types
// inferred at each of its states, for code generation.
func Types(wf *dsl.Workflow) (*asl.StateMachine, *flow.Result, error) {
	sm, err := Compile(wf)
	if err != nil {
		return nil, nil, err
	}
	w, _ := ir.Of(wf)
	return sm, flow.Infer(sm, annotations(w)), nil
}

// annotations collects the Go types a workflow declares, keyed by the JSON
// pointers of its states.
func annotations(w *ir.Workflow) *flow.Annotations {
	a := &flow.Annotations{States: map[string]flow.StateAnnotation{}}
	if w.Input != nil {
		a.Input = flow.FromGo(w.Input)
	}
	if len(w.Variables) > 0 {
		a.Variables = map[string]*flow.Type{}
		for _, v := range w.Variables {
			a.Variables[v.Name] = flow.FromGo(v.Type)
		}
	}
	annotateScope(a, w.Root, "")
	return a
}

func annotateScope(a *flow.Annotations, s *ir.Scope, ptr string) {
	if s == nil {
		return
	}
	for _, st := range s.States {
		sp := ptrJoin(ptr, "States", st.Name)
		var sa flow.StateAnnotation
		if r := st.Resource; r != nil {
			if r.In != nil {
				sa.TaskInput = flow.FromGo(r.In)
			}
			if r.Out != nil {
				sa.TaskOutput = flow.FromGo(r.Out)
			}
		}
		if st.ResultType != nil {
			sa.Result = flow.FromGo(st.ResultType)
		}
		if st.OutputType != nil {
			sa.Output = flow.FromGo(st.OutputType)
		}
		if st.ItemType != nil {
			sa.Item = flow.FromGo(st.ItemType)
		}
		if sa != (flow.StateAnnotation{}) {
			a.States[sp] = sa
		}
		for i, b := range st.Branches {
			annotateScope(a, b, fmt.Sprintf("%s/Branches/%d", sp, i))
		}
		if p := st.Processor; p != nil {
			field := "/ItemProcessor"
			if p.Kind == ir.ScopeIterator {
				field = "/Iterator"
			}
			annotateScope(a, p, sp+field)
		}
	}
}
