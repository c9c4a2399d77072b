// Package iam derives the least-privilege IAM policy of a state machine's
// execution role from its ASL definition: for every Task integration,
// Distributed Map, ItemReader, ResultWriter and Credentials field, the
// actions it calls and the resources it names.
//
// It does not import the CDK, so the policy is testable without Node.js;
// package compiler/cdk turns the statements into awsiam.PolicyStatement
// values.
//
// Resources keep the "${Name}" placeholders of the definition (see
// dsl.Ref): the caller replaces each with the deploy-time value, which
// Placeholders describes. A resource is "*" or ends in a wildcard only where
// the definition does not name it (a JSONPath or JSONata value chosen at
// run time) or where AWS requires it; every such statement says why in its
// Reason.
//
// A placeholder is taken to stand for an ARN; where the definition takes a
// name as well (TableName, FunctionName, JobName, ...), Analyze gives the
// ARN to name instead when the deploy-time value is a name (with the
// statements, from one reading of the definition), and Placeholders says
// what each placeholder is used for.
//
// PolicySize estimates how many characters of IAM's quota on a role's
// inline policies (MaxRolePolicySize) the statements use, counting
// deploy-time values at their longest.
package iam
