package compiler_test

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// errorCases are workflows with mistakes. Each must fail to compile; the
// full error text is compared with testdata/errors/<name>.golden (rewrite
// with -update and review the diff).
var errorCases = map[string]func() *dsl.Workflow{
	"next_typo": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("OrderFlow")
		charge := wf.Task("Charge", dsl.Lambda("charge"))
		wf.Succeed("Ship")
		charge.Next(dsl.Named("Shipp"))
		return wf
	},
	"cross_scope": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("CrossScope")
		p := wf.Parallel("Fan")
		done := wf.Succeed("Done")
		p.Branch(func(b *dsl.Scope) { b.Pass("Inside").Next(done) })
		p.Next(done)
		return wf
	},
	"nil_arguments": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Nils")
		t := wf.Task("NoResource", nil)
		t.Next(nil)
		t.Catch(dsl.Catch(nil, dsl.ErrAll))
		t.Retry(nil)
		return wf
	},
	"durations": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Durations").Timeout(1500 * time.Millisecond)
		wf.Wait("Negative").For(-time.Second).Next(
			wf.Task("Fraction", dsl.Lambda("f")).Timeout(2500 * time.Millisecond).
				Retry(dsl.Retry(dsl.ErrAll).Interval(500 * time.Millisecond)).End())
		return wf
	},
	"wrong_language_values": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Languages")
		jp := wf.Pass("JSONPathState").Parameters(dsl.Obj{"x": dsl.Expr("$states.input.x"), "list": dsl.Arr{dsl.Path("$.a")}})
		ja := wf.Pass("JSONataState").QueryLanguage(dsl.JSONata).Output(dsl.Obj{"y": dsl.Path("$.y"), "lit": "{% 1 + 1 %}", "f": dsl.UUID()})
		jp.Next(ja)
		ja.End()
		return wf
	},
	"field_language_matrix": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Matrix").QueryLanguage(dsl.JSONata)
		wf.Task("Call", dsl.Lambda("f")).ResultPath("$.r").InputPath("$.in").End()
		return wf
	},
	"duplicate_and_unreachable": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Graph")
		a := wf.Pass("A")
		p := wf.Parallel("P")
		p.Branch(func(b *dsl.Scope) { b.Pass("A").End() })
		a.Next(p)
		p.End()
		wf.Pass("Orphan").End()
		return wf
	},
	"retry_catch_order": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("ErrorHandling")
		call := wf.Task("Call", dsl.Lambda("f").NoDefaultRetry())
		done := wf.Succeed("Done")
		call.Retry(dsl.Retry(dsl.ErrAll), dsl.Retry(dsl.ErrTimeout)).
			Catch(dsl.Catch(done, dsl.ErrAll, dsl.ErrTaskFailed)).
			Next(done)
		return wf
	},
	"express_restrictions": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("ExpressFlow").Type(dsl.Express)
		cb := wf.Task("Callback", dsl.Lambda("f").WaitForTaskToken().Payload(dsl.Obj{"token": dsl.TaskToken()}))
		m := wf.Map("Big").Distributed(dsl.ExecutionStandard).ItemReader(dsl.ReadS3Object("b", "k").InputType(dsl.InputCSV))
		m.Processor(func(items *dsl.Scope) { items.Pass("Row").End() })
		cb.Next(m)
		m.End()
		return wf
	},
	"empty_structures": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Empty")
		c := wf.Choice("Decide")
		m := wf.Map("NoProcessor")
		p := wf.Parallel("NoBranches")
		c.Otherwise(m)
		m.Next(p)
		p.End()
		return wf
	},
	"no_states": func() *dsl.Workflow {
		return dsl.NewWorkflow("Nothing")
	},
	"parameter_conflict": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Conflict")
		wf.Task("Invoke", dsl.Lambda("f")).Parameters(dsl.Obj{"FunctionName": "other"}).End()
		return wf
	},
	"bad_intrinsic_argument": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Intrinsic")
		wf.Pass("Format").Parameters(dsl.Obj{"s": dsl.Format("{}", struct{}{})}).End()
		return wf
	},
	"jsonata_errors": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("BadJSONata").QueryLanguage(dsl.JSONata)
		wf.Pass("Syntax").Output(dsl.Expr("$states.input.a +")).
			Next(wf.Task("ReadsResult", dsl.Lambda("f").Payload(dsl.Expr("$states.result"))).End())
		return wf
	},
	"option_positions": func() *dsl.Workflow {
		// Each diagnostic about an integration option names the line of
		// the method that set it, not of the helper that made the
		// integration.
		wf := dsl.NewWorkflow("Options").Type(dsl.Express)
		wf.Task("Invoke", dsl.Lambda("f").
			Payload(dsl.Obj{"id": dsl.Path("$.order[")}).
			DefaultRetry(nil).
			Next(wf.Task("Run", dsl.GlueStartJobRun("etl").
				JobArguments(dsl.Obj{"--day": dsl.Path("$.day[")}).
				Sync().
				End())))
		return wf
	},
	"task_chain": func() *dsl.Workflow {
		// The Task's own fields set in the integration's chain, before
		// Scope.Task adds the state, report their mistakes like the
		// fields set after it.
		wf := dsl.NewWorkflow("TaskChain")
		shared := dsl.Lambda("f")
		wf.Task("First", shared.
			Timeout(1500*time.Millisecond).
			Next(nil))
		wf.Task("Second", shared).End()
		wf.Task("Zero", &dsl.LambdaTask{}).End()
		wf.Map("Each").Processor(nil).End()
		wf.Parallel("Both").Branch(nil).End()
		return wf
	},
	"implied_start_at": func() *dsl.Workflow {
		// Declared last to first: the workflow starts at its first state,
		// "Done", and the others are unreachable: one diagnostic.
		wf := dsl.NewWorkflow("Reversed")
		done := wf.Succeed("Done")
		ship := wf.Pass("Ship").Next(done)
		wf.Pass("Charge").Next(ship)
		p := wf.Parallel("Fan").End()
		p.Branch(func(b *dsl.Scope) {
			last := b.Succeed("BranchDone")
			b.Pass("BranchWork").Next(last)
			b.Pass("BranchStart").Next(last)
		})
		return wf
	},
	"explicit_start_at_unreachable": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Explicit")
		done := wf.Succeed("Done")
		wf.Pass("Orphan1").Next(done)
		wf.Pass("Orphan2").Next(done)
		wf.StartAt(done)
		return wf
	},
}
