// Command dslmigrate rewrites Go code written against the dsl API before
// issue 14 to the new forms, in place:
//
//	dsl.InputOf[T](x)     → x.DeclareInput(dsl.Type[T]())
//	dsl.VarOf[T](x, n)    → x.DeclareVar(n, dsl.Type[T]())
//	dsl.ItemsOf[T](m)     → m.DeclareItem(dsl.Type[T]())
//	dsl.ResultOf[T](t)    → t.DeclareResult(dsl.Type[T]())
//	dsl.TakesOf[T](t)     → t.DeclareRequest(dsl.Type[T]())
//	dsl.OutputOf[T](s)    → s.DeclareOutput(dsl.Type[T]())
//	dsl.ExprOf[T](e)      → dsl.Expr(e).Returns(dsl.Type[T]())
//	m.Processor().X()...  → m.Processor(func(items *dsl.Scope) { items.X()... })  (a statement; also Iterator, Branch)
//	dsl.GlueStartJobRun(j).Arguments(a).Timeout(n)   → .JobArguments(a).JobTimeout(n)
//	dsl.BatchSubmitJob(...).Parameters(p).Timeout(t) → .JobParameters(p).JobTimeout(t)
//	dsl.StepFunctionsStartExecution(s).Input(i).Name(n) → .ExecutionInput(i).ExecutionName(n)
//
// Usage: go run ./internal/cmd/dslmigrate FILE.go... Files are rewritten
// only when something changed, gofmt'ed. A Processor(), Iterator() or
// Branch() call whose scope is kept in a variable cannot be rewritten
// mechanically: each is listed on stderr as file:line, to move by hand.
// The old Task style (options inside Task(...), fields after it) still
// compiles and is left as it is.
package main
