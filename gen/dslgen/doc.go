// Package dslgen turns an ASL document (asl.StateMachine) into Go source
// that builds the same workflow with package dsl: the generator behind
// `goasl import`.
//
// The code it writes is what a person would write: one variable per state,
// named after it; the typed integration helpers (dsl.Lambda, dsl.SDK,
// dsl.SNSPublish, dsl.SQSSendMessage, dsl.Activity) where the Resource is a
// known integration and dsl.ResourceARN otherwise; dsl.Retry, dsl.Catch and
// the typed Choice conditions; dsl.Path, dsl.Expr and dsl.RawIntrinsic for
// paths, JSONata expressions and intrinsic functions; dsl.Ref for "${Name}"
// placeholders. Compiling the generated workflow with package compiler
// gives back a document JSON-equal to the one imported. Whatever the
// builders cannot express is reported as an error naming the field; nothing
// is dropped.
//
// ReadDefinitions reads the inputs import accepts: strict JSON, JSON5
// (comments and trailing commas) and CloudFormation or SAM templates.
package dslgen
