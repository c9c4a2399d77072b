// Package jsonata parses JSONata 2.0.6 expressions (the version AWS Step
// Functions runs) and reports what an expression reads, so the ASL
// validator can check it.
//
// Parse accepts exactly what jsonata-js 2.0.6 accepts; oracle_test.go
// checks that against jsonata-js itself. In particular the ?? and ?:
// operators of JSONata 2.1 are errors, as they are on AWS. Syntax errors
// carry JSONata's S0xxx codes in Error.Code.
//
// Package eval (asl/jsonata/eval) evaluates the expressions Parse reads.
package jsonata
