// Package gen writes the Go files that goasl generate produces: for each
// workflow, a <name>_sfn.go that embeds the compiled definition
// (<name>.asl.json) and returns it, built with github.com/dave/jennifer so
// the output is gofmt'ed and deterministic.
package gen
