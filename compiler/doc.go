// Package compiler turns a dsl.Workflow into an asl.StateMachine.
//
// Compile lowers the builder values to the ASL document model, choosing
// each field's form from the value's type and the state's query language
// (a dsl.Path becomes a "key.$" member or a *Path field in JSONPath states;
// a dsl.Expr becomes "{% expr %}" in JSONata states), then checks the
// result with asl.Validate and the builder's own records. Every problem is
// reported at once, each with the Go file and line that caused it:
//
//	orderflow.go:42: workflow "OrderFlow": state "Charge": Next: Missing 'Next' target: Shipp ...
//
// The compiler is a pure function: it reads no files and writes none. The
// one thing it may read, through CheckWith's Options.SDKDocs, is which
// members of a typed AWS SDK call (dsl.AWSSDK) the SDK marks required;
// the goasl driver gives it the SDK's source in the user's module
// (package compiler/awssdk).
package compiler
