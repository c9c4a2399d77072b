// Package cdk deploys a goasl workflow with the AWS CDK (aws-cdk-go v2):
// NewStateMachine compiles the workflow, creates an
// awsstepfunctions.StateMachine from the compiled definition and gives it
// an execution role with exactly the permissions its integrations need
// (derived by package compiler/iam).
//
// It is the only goasl package that imports the CDK, constructs and jsii,
// so packages that do not deploy never build them. It needs only awscdk,
// awsstepfunctions, awsiam and awslogs (not awsstepfunctionstasks or EC2):
// a cold build of it takes about half a minute.
//
// Values known only at deploy time are placeholders in the workflow
// (dsl.Ref("ChargeFn") is written "${ChargeFn}"); Props.Substitutions gives
// each one its CDK token, such as fn.FunctionArn(), which fills the state
// machine's DefinitionSubstitutions and scopes the role. A placeholder
// without a substitution, or a substitution the definition does not use,
// is an error that names it.
package cdk
