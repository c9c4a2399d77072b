// Package dslgen turns an ASL document (asl.StateMachine) into Go source
// that builds the same workflow with package dsl: the generator behind
// `goasl import`.
//
// The code it writes is what a person would write: one variable per state
// that anything refers to, named after it; the typed integration helpers
// where the Resource is a known integration (dsl.Lambda, dsl.SDK,
// dsl.SNSPublish, dsl.SQSSendMessage, the DynamoDB, Step Functions, Athena,
// API Gateway, EventBridge, ECS, Batch, Glue, CodeBuild and Bedrock
// helpers, dsl.Activity), dsl.ResourceRef for a "${Name}" resource and
// dsl.ResourceARN otherwise; dsl.Retry, dsl.Catch and the typed Choice
// conditions; dsl.Path, dsl.Expr, the intrinsic helpers (dsl.RawIntrinsic
// when a helper would write different text) and dsl.Ref for "${Name}"
// placeholders; JSON5 comments as Go comments. Compiling the generated
// workflow with package compiler gives back a document JSON-equal to the
// one imported. Whatever the builders cannot express is reported as an
// error naming the field; nothing is dropped.
//
// ReadDefinitions reads the inputs import accepts: strict JSON, JSON5
// (comments, trailing commas, unquoted keys), YAML, and CloudFormation or
// SAM templates in JSON or YAML. In a template's Definition, every
// CloudFormation expression (YAML's short form !Ref, !GetAtt, !Join... or
// the long form {"Ref": ...}, {"Fn::GetAtt": ...}) becomes a "${Name}"
// placeholder, listed in Definition.Substitutions with the expression it
// stands for (AttachSubstitutions writes them as comments of the code);
// one where ASL needs an object, an array or a boolean is an error naming
// the field and its line in the template.
package dslgen
