// Package dsl is the Go builder API for AWS Step Functions workflows.
//
// A workflow is Go code: create it with NewWorkflow, add states to it (Task,
// Pass, Choice, Wait, Succeed, Fail, Parallel, Map), link them with Next,
// and hand it to package compiler, which checks it like a compiler checks a
// program and emits the Amazon States Language.
//
//	wf := dsl.NewWorkflow("OrderFlow").DeclareInput(dsl.Type[Order]())
//	charge := wf.Task("Charge", dsl.LambdaInvoke[Order, Receipt](dsl.Ref("ChargeFn")).
//		ResultPath("$.receipt").
//		Retry(dsl.Retry(dsl.ErrTimeout).MaxAttempts(2)))
//	charge.Next(wf.Succeed("Done"))
//
// Every builder method returns the builder it was called on, with its own
// type, so a state is written as one chain, in the order it reads:
//
//   - A Task is one chain inside Scope.Task: the integration helper
//     (LambdaInvoke, SNSPublish, SDK, ResourceARN, ...), the integration's
//     options (Payload, Subject, Sync, WaitForTaskToken, ...), then the
//     Task's own fields (ResultPath, Retry, Next, ...). Each helper returns
//     a type that embeds *TaskState, so the Task's fields follow the
//     options; after the first of them the chain is a *TaskState.
//   - A Map's item processor and a Parallel's branches are functions that
//     add their states to the scope they are given; Processor and Branch
//     return the state, so its own fields follow (see the example below).
//   - Go types are declared where the data is, with methods whose names
//     start with Declare, taking the type as a value made by Type:
//     Workflow.DeclareInput, Workflow.DeclareVar, MapState.DeclareItem,
//     TaskState.DeclareRequest and DeclareResult, DeclareOutput on every
//     state that has an output, and Expr.Returns for a JSONata expression.
//     The methods without Declare set ASL fields (Items, ItemsPath, Output,
//     OutputPath, ResultPath, ResultSelector, ...).
//
// A Map with typed items, written top to bottom:
//
//	wf.Map("Lines").ItemsPath("$.lines").DeclareItem(dsl.Type[Line]()).
//		Processor(func(line *dsl.Scope) {
//			line.Task("Price", dsl.Lambda(dsl.Ref("PriceFn")).End())
//		}).
//		ResultPath("$.priced")
//
// Both query languages are supported: JSONPath (Path values, Parameters,
// ResultPath, Intrinsic functions) and JSONata (Expr values, Arguments,
// Output), per workflow or per state, with variables (Assign) in both.
// Payload values are plain Go values plus the special values Path, Expr,
// Ref, Intrinsic, StateInput and TaskToken, so a literal string is never
// mistaken for a path.
//
// Builders never panic. A mistake (a nil state, a duration that is not a
// whole number of seconds) is recorded with the Go file and line that made
// it, and the compiler reports it with every other problem at once.
package dsl
