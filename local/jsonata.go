package local

import "github.com/goasl/goasl/asl/value"

// jsonataEvaluator is the one place the executor calls JSONata. Until
// goasl's evaluator (asl/jsonata) lands, jsonataEngine is nil and Compile
// rejects JSONata states with "JSONata evaluation is not available yet".
// Wiring it in is a type implementing this interface and assigning it.
type jsonataEvaluator interface {
	// Eval evaluates expr (the text between "{%" and "%}") with $states
	// and the workflow variables bound.
	Eval(expr string, states value.Value, vars func(name string) (value.Value, bool)) (value.Value, error)
}

// jsonataEngine is nil until the evaluator is wired in.
var jsonataEngine jsonataEvaluator
