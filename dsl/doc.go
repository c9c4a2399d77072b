// Package dsl is the Go builder API for AWS Step Functions workflows.
//
// A workflow is Go code: create it with NewWorkflow, add states to it (Task,
// Pass, Choice, Wait, Succeed, Fail, Parallel, Map), link them with Next,
// and hand it to package compiler, which checks it like a compiler checks a
// program and emits the Amazon States Language.
//
//	wf := dsl.NewWorkflow("OrderFlow")
//	charge := wf.Task("Charge", dsl.LambdaInvoke[Order, Receipt](dsl.Ref("ChargeFn")))
//	done := wf.Succeed("Done")
//	charge.Next(done)
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
