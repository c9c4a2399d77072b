// Package jsonatavars is a JSONata workflow with variables: it prices a
// cart, keeps the running total in a variable (Assign), passes Arguments to
// a Lambda function, chooses a discount with a Condition and shapes its
// result with Output.
package jsonatavars

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
