// Package cdkgen writes, for one workflow, a Go file with a typed CDK
// constructor: NewXStateMachine(scope, id, XProps) where XProps has one
// field per placeholder of the workflow (dsl.Ref), typed after the resource
// the definition uses it for (awslambda.IFunction for a Lambda function,
// awssqs.IQueue for a queue URL, ... and *string otherwise). Renaming or
// removing a placeholder then breaks the deploying code at compile time,
// and a field left nil is an error naming it when the app synthesizes.
//
// goasl generate -cdk-dir DIR writes the file into DIR, a package of its
// own (a CDK app, say), never beside the <name>_sfn.go in the workflow's
// package: Lambda handlers import that package for its types, and would
// otherwise link the whole CDK. The generated code calls
// compiler/cdk.NewStateMachine. The generator itself imports
// neither the CDK nor jsii: it only names their packages.
package cdkgen
