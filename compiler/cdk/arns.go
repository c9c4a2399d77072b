package cdk

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/iam"
)

// form is what a substitution value is: an ARN, a resource name, a URL,
// or something goasl cannot tell (a parameter, an import, an expression).
type form int

const (
	formUnknown form = iota
	formARN
	formName
	formURL
)

func (f form) String() string {
	switch f {
	case formARN:
		return "ARN"
	case formName:
		return "name"
	case formURL:
		return "URL"
	}
	return "value"
}

// refForms is what the Ref of a resource type returns (CloudFormation
// documents it for each type), for the types a workflow names.
var refForms = map[string]form{
	"AWS::DynamoDB::Table":                    formName,
	"AWS::DynamoDB::GlobalTable":              formName,
	"AWS::Lambda::Function":                   formName,
	"AWS::Lambda::Alias":                      formARN,
	"AWS::Lambda::Version":                    formARN,
	"AWS::SNS::Topic":                         formARN,
	"AWS::SQS::Queue":                         formURL,
	"AWS::StepFunctions::StateMachine":        formARN,
	"AWS::StepFunctions::StateMachineAlias":   formARN,
	"AWS::StepFunctions::StateMachineVersion": formARN,
	"AWS::StepFunctions::Activity":            formARN,
	"AWS::Events::EventBus":                   formName,
	"AWS::IAM::Role":                          formName,
	"AWS::S3::Bucket":                         formName,
	"AWS::Glue::Job":                          formName,
	"AWS::CodeBuild::Project":                 formName,
	"AWS::Batch::JobQueue":                    formARN,
	"AWS::Batch::JobDefinition":               formARN,
	"AWS::ECS::TaskDefinition":                formARN,
	"AWS::Athena::WorkGroup":                  formName,
	"AWS::SecretsManager::Secret":             formARN,
	"AWS::Lambda::LayerVersion":               formARN,
}

// nouns names the resource types of refForms in messages.
var nouns = map[string]string{
	"AWS::DynamoDB::Table":             "DynamoDB table",
	"AWS::Lambda::Function":            "Lambda function",
	"AWS::SNS::Topic":                  "SNS topic",
	"AWS::SQS::Queue":                  "SQS queue",
	"AWS::StepFunctions::StateMachine": "state machine",
	"AWS::StepFunctions::Activity":     "activity",
}

// arnAccessors are the CDK accessors of the ARN of a resource type, and
// of a placeholder kind.
var arnAccessors = map[string]string{
	"AWS::DynamoDB::Table":             "table.TableArn()",
	"AWS::Lambda::Function":            "fn.FunctionArn()",
	"AWS::SNS::Topic":                  "topic.TopicArn()",
	"AWS::SQS::Queue":                  "queue.QueueArn()",
	"AWS::StepFunctions::StateMachine": "stateMachine.StateMachineArn()",
	"AWS::StepFunctions::Activity":     "activity.ActivityArn()",
	string(iam.KindDynamoDBTable):      "table.TableArn()",
	string(iam.KindLambdaFunction):     "fn.FunctionArn()",
	string(iam.KindSNSTopic):           "topic.TopicArn()",
	string(iam.KindSQSQueueURL):        "queue.QueueArn()",
	string(iam.KindStateMachine):       "stateMachine.StateMachineArn()",
	string(iam.KindActivity):           "activity.ActivityArn()",
}

// value is a substitution value as goasl understands it.
type value struct {
	form form
	typ  string // the CloudFormation type of the resource it comes from, if known
	desc string // how messages name it
}

// classify tells what a substitution value is. A literal string is judged
// by its text; a CDK token by the attribute it resolves to: a Ref, whose
// meaning depends on the resource type (a DynamoDB table's Ref is its
// name, an SNS topic's its ARN, an SQS queue's its URL), or an Fn::GetAtt
// (Arn, TableName, QueueUrl, ...); a concatenation by its literal start
// (the CDK builds ARNs as "arn:" + partition + ...).
func classify(stack awscdk.Stack, v string) value {
	if !tokenString(v) {
		switch {
		case strings.HasPrefix(v, "arn:"):
			return value{form: formARN}
		case strings.HasPrefix(v, "https://") || strings.HasPrefix(v, "http://"):
			return value{form: formURL, desc: fmt.Sprintf("the URL %q", v)}
		case strings.Contains(v, "${"):
			return value{}
		}
		return value{form: formName, desc: fmt.Sprintf("the name %q", v)}
	}
	rev := awscdk.Tokenization_Reverse(jsii.String(v), &awscdk.ReverseOptions{FailConcat: jsii.Bool(false)})
	if rev != nil {
		ref, ok := rev.(awscdk.Reference)
		if !ok {
			return value{}
		}
		res, ok := ref.Target().(awscdk.CfnResource)
		if !ok {
			return value{}
		}
		typ, attr := *res.CfnResourceType(), *ref.DisplayName()
		noun := nouns[typ]
		if noun == "" {
			noun = typ
		}
		var f form
		how := "its " + attr + " attribute"
		switch {
		case attr == "Ref":
			f, how = refForms[typ], "its Ref"
		case strings.HasSuffix(attr, "Arn"):
			f = formARN
		case strings.HasSuffix(attr, "Name"):
			f = formName
		case strings.HasSuffix(attr, "Url") || strings.HasSuffix(attr, "URL"):
			f = formURL
		}
		return value{form: f, typ: typ, desc: fmt.Sprintf("the %s of the %s %s (%s)", f, noun, *res.Node().Path(), how)}
	}
	if m, ok := stack.Resolve(jsii.String(v)).(map[string]any); ok {
		if j, ok := m["Fn::Join"].([]any); ok && len(j) == 2 {
			if parts, ok := j[1].([]any); ok && len(parts) > 0 {
				if s, ok := parts[0].(string); ok {
					switch {
					case strings.HasPrefix(s, "arn:"):
						return value{form: formARN}
					case strings.HasPrefix(s, "https://"):
						return value{form: formURL, desc: "a URL"}
					}
				}
			}
		}
	}
	return value{}
}

// checkARNs refuses a substitution that is a name or a URL where the
// definition or the role needs an ARN, naming the prop and the accessor
// to use. Where the definition takes a name (a Lambda function's
// FunctionName, a DynamoDB TableName) it returns, by placeholder, the ARN
// the role's statements name instead, built from the name in the stack's
// partition, region and account (where Step Functions looks the name up).
func checkARNs(stack awscdk.Stack, name string, places []iam.Placeholder, stmts []iam.Statement, byName map[string]string, props *Props) (map[string]string, error) {
	// The placeholders a statement names a resource by (its ARN), and the
	// states of those statements; and those also used inside a longer
	// resource (whose value cannot be swapped for an ARN).
	roleStates := map[string][]string{}
	inside := map[string]bool{}
	for _, s := range stmts {
		for _, r := range s.Resources {
			for _, m := range varRE.FindAllStringSubmatchIndex(r, -1) {
				if m[0] > 0 {
					inside[r[m[2]:m[3]]] = true
				}
			}
			if !strings.HasPrefix(r, "${") {
				continue
			}
			p := r[2:strings.IndexByte(r, '}')]
			for _, st := range s.States {
				if !containsString(roleStates[p], st) {
					roleStates[p] = append(roleStates[p], st)
				}
			}
		}
	}
	built := map[string]string{}
	var errs []error
	for _, p := range places {
		v := props.Substitutions[p.Name]
		if v == nil {
			continue
		}
		val := classify(stack, *v)
		where := statesPhrase(p.States)
		switch p.Kind {
		case iam.KindSNSTopic, iam.KindStateMachine, iam.KindActivity, iam.KindLambdaFunction:
			if (val.form == formName && !p.NameAccepted) || val.form == formURL {
				errs = append(errs, fmt.Errorf("cdk: workflow %q: Props.Substitutions[%q] is %s, but placeholder ${%s} is %s %s (%s): pass %s",
					name, p.Name, val.desc, p.Name, article(p.Kind), p.Kind, where, arnAccessors[string(p.Kind)]))
				continue
			}
		case iam.KindSQSQueueURL:
			if val.form == formARN || val.form == formName {
				desc := val.desc
				if desc == "" {
					desc = "an ARN"
				}
				errs = append(errs, fmt.Errorf("cdk: workflow %q: Props.Substitutions[%q] is %s, but placeholder ${%s} is an %s (%s): pass queue.QueueUrl(), and its ARN in Props.ARNs[%q]",
					name, p.Name, desc, p.Name, p.Kind, where, p.Name))
				continue
			}
		}
		states, named := roleStates[p.Name]
		if !named {
			continue
		}
		field, given := "Substitutions", val
		if a := props.ARNs[p.Name]; a != nil {
			field, given = "ARNs", classify(stack, *a)
		}
		if given.form != formName && given.form != formURL {
			continue
		}
		if pattern, ok := byName[p.Name]; ok && field == "Substitutions" && given.form == formName && !inside[p.Name] {
			built[p.Name] = arnFromName(pattern, p.Name, *v)
			continue
		}
		accessor := arnAccessors[given.typ]
		if accessor == "" {
			accessor = arnAccessors[string(p.Kind)]
		}
		fix := "give the ARN"
		if accessor != "" {
			fix = "pass " + accessor
		}
		if field == "Substitutions" {
			fix += fmt.Sprintf(" (or, if the definition needs this value, keep it and give the ARN in Props.ARNs[%q])", p.Name)
		}
		errs = append(errs, fmt.Errorf("cdk: workflow %q: Props.%s[%q] is %s, but the execution role names the resource by ARN (%s): %s",
			name, field, p.Name, given.desc, statesPhrase(states), fix))
	}
	return built, errors.Join(errs...)
}

// arnFromName fills pattern, the ARN of a resource with the placeholder
// ${ph} standing for its name (iam.Analysis.NameARNs), with the name v: where Step
// Functions looks a name up, in the stack's partition, region and account.
// A literal Lambda name may be qualified (name:alias) or a partial ARN
// (ACCOUNT:function:name); the role names the function.
func arnFromName(pattern, ph, v string) string {
	if strings.Contains(pattern, ":lambda:") && !tokenString(v) {
		if account, rest, ok := strings.Cut(v, ":function:"); ok {
			pattern, v = strings.Replace(pattern, "${AWS::AccountId}", account, 1), rest
		}
		v, _, _ = strings.Cut(v, ":")
	}
	return strings.ReplaceAll(pattern, "${"+ph+"}", v)
}

// statesPhrase names states in a message: `state "A"`, `states "A", "B"`.
func statesPhrase(states []string) string {
	q := make([]string, len(states))
	for i, s := range states {
		q[i] = fmt.Sprintf("%q", s)
	}
	if len(q) == 1 {
		return "state " + q[0]
	}
	return "states " + strings.Join(q, ", ")
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// article is "a" or "an" before a placeholder kind.
func article(k iam.Kind) string {
	switch k {
	case iam.KindLambdaFunction, iam.KindDynamoDBTable, iam.KindStateMachine:
		return "a"
	}
	return "an"
}
