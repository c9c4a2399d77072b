// Command goasl compiles Go workflows to the Amazon States Language and
// works with ASL files:
//
//	goasl generate  compile the workflows of Go packages; write <name>.asl.json and <name>_sfn.go
//	goasl compile   compile the workflows of Go packages and print their ASL
//	goasl validate  check ASL files (JSON or YAML) against every rule goasl knows
//	goasl graph     draw a state machine as a Mermaid or Graphviz diagram
//	goasl import    turn ASL files or CloudFormation/SAM templates into goasl Go code
//	goasl version   print goasl's version
//
// Run "goasl help" for the commands and "goasl help <command>" for a
// command's flags and examples. Use it from go generate with
//
//	//go:generate go tool goasl generate
package main
