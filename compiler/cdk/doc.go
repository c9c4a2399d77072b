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
//
// The definition is deployed as compact JSON (the .asl.json files goasl
// writes stay indented for people), with its service integration ARNs in
// the stack's partition, so that it deploys to aws-cn and aws-us-gov too;
// the 1 MiB quota is checked on that. The role trusts Step Functions only
// for state machines of the stack's account (aws:SourceArn and
// aws:SourceAccount conditions, as the CDK writes them).
//
// IAM limits what a role's policies may hold (10,240 characters of inline
// policies; managed policies of 6,144, 10 a role by default), and neither
// the CDK nor CloudFormation's validation checks it before deploying.
// NewStateMachine cuts large derived statements so the CDK can move what
// does not fit inline into managed policies, and refuses a workflow whose
// statements are more than one role can hold; CheckTemplates checks the
// synthesized templates against each quota.
package cdk
