package compiler

import (
	"fmt"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/ir"
)

// typeCheck infers the JSON type at every state of sm from the Go types the
// workflow declares and reports what cannot work (see package
// compiler/flow). It runs after asl.Validate found no errors.
//
// A workflow that declares no Go types at all (an imported one, say) gets
// the problems as warnings: it still compiles, as AWS would accept it, and
// the warnings show what would fail at run time. Declaring types (with
// Workflow.DeclareInput, dsl.LambdaInvoke[In, Out], ...) makes them errors.
func (c *compiler) typeCheck(sm *asl.StateMachine) *flow.Result {
	a := annotations(c.w)
	c.sdkAnnotate(a)
	for ptr, t := range c.exprTypes {
		if a.Exprs == nil {
			a.Exprs = map[string]*flow.Type{}
		}
		a.Exprs[ptr] = flow.FromGo(t)
	}
	untyped := a.Input == nil && len(a.Variables) == 0 && len(a.States) == 0 && len(a.Exprs) == 0
	res := flow.Infer(sm, a)
	unassigned := map[string]bool{}
	for _, d := range res.Diagnostics {
		msg := d.Message
		if untyped && d.Severity == asl.SeverityError {
			d.Severity = asl.SeverityWarning
			msg += " (a warning because the workflow declares no Go types: declare them, e.g. with DeclareInput, to make it an error)"
		}
		if d.Code == flow.CodeUnassignedVariable {
			unassigned[d.Pointer] = true
		}
		c.add(d.Severity, d.Code, d.Pointer, c.at(d.Pointer), msg)
	}
	// The validator's cheaper unassigned-variable warning says less than
	// the data-flow check at the same place: keep only the latter.
	kept := c.diags[:0]
	for _, d := range c.diags {
		if d.Severity == asl.SeverityWarning && d.Code == asl.CodeSchema && unassigned[d.Pointer] && strings.HasPrefix(d.Message, "Variable '$") {
			continue
		}
		kept = append(kept, d)
	}
	c.diags = kept
	c.sdkCheckTypes(res)
	return res
}

// Types compiles a workflow like Compile and also returns the JSON types
// inferred at each of its states, for code generation.
func Types(wf *dsl.Workflow) (*asl.StateMachine, *flow.Result, error) {
	r := Check(wf)
	if hasError(r.Diagnostics) {
		return nil, nil, &Error{Diagnostics: r.Diagnostics}
	}
	return r.Machine, r.Types, nil
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
		if r := st.Resource; r != nil && !r.SDK {
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
