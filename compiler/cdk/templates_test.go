package cdk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
	_ "github.com/goasl/goasl/internal/golden" // defines -update for go test ./... -update
)

func TestCheckTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{}"+strings.Repeat(" ", size-2)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := cdk.CheckTemplates(dir); err == nil || err.Error() != "cdk: no *.template.json in "+dir+": is it a cloud assembly (cdk.out)?" {
		t.Errorf("empty dir: error %v", err)
	}
	write("Small.template.json", 100)
	write("Exact.template.json", cdk.MaxTemplateBytes)
	write("Big.template.json", cdk.MaxTemplateBytes+1)
	write("manifest.json", 2*cdk.MaxTemplateBytes)
	err := cdk.CheckTemplates(dir)
	want := "cdk: template Big.template.json is 1048577 bytes, over the 1 MB (1048576 bytes) CloudFormation accepts: split the stack or move state machines to stacks of their own"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestCheckTemplatesSynth checks a real cloud assembly.
func TestCheckTemplatesSynth(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("W")
	wf.Pass("P").End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, nil); err != nil {
		t.Fatal(err)
	}
	asm := awscdk.Stage_Of(stack).Synth(&awscdk.StageSynthesisOptions{Force: jsii.Bool(true)})
	if err := cdk.CheckTemplates(*asm.Directory()); err != nil {
		t.Error(err)
	}
}

// TestCheckTemplatesResourceNames: a policy that names a resource of the
// template by its name or URL (a Ref that is not an ARN) is reported.
func TestCheckTemplatesResourceNames(t *testing.T) {
	dir := t.TempDir()
	tpl := `{"Resources":{
		"Claims":{"Type":"AWS::DynamoDB::Table","Properties":{}},
		"Fn":{"Type":"AWS::Lambda::Function","Properties":{}},
		"Alerts":{"Type":"AWS::SNS::Topic","Properties":{}},
		"Review":{"Type":"AWS::SQS::Queue","Properties":{}},
		"Role":{"Type":"AWS::IAM::Role","Properties":{"Policies":[{"PolicyName":"inline","PolicyDocument":{"Statement":
			{"Effect":"Allow","Action":"sqs:SendMessage","Resource":{"Ref":"Review"}}}}]}},
		"Policy":{"Type":"AWS::IAM::Policy","Properties":{"Roles":[{"Ref":"Role"}],"PolicyDocument":{"Statement":[
			{"Effect":"Allow","Action":"dynamodb:PutItem","Resource":{"Ref":"Claims"}},
			{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":{"Fn::GetAtt":["Claims","Arn"]}},
			{"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":[{"Fn::GetAtt":["Fn","Arn"]},{"Fn::Join":["",[{"Ref":"Fn"},":*"]]}]},
			{"Effect":"Allow","Action":["sns:Publish"],"Resource":[{"Ref":"Alerts"},{"Fn::GetAtt":["Alerts","TopicName"]}]},
			{"Effect":"Allow","Action":"s3:GetObject","Resource":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":s3:::b/*"]]}}]}}}}}`
	if err := os.WriteFile(filepath.Join(dir, "S.template.json"), []byte(tpl), 0o644); err != nil {
		t.Fatal(err)
	}
	err := cdk.CheckTemplates(dir)
	want := `cdk: template S.template.json: policy Policy: Statement[0] (dynamodb:PutItem) names the resource {"Ref":"Claims"}, the name of the AWS::DynamoDB::Table Claims (its Ref), not an ARN, so the permission applies to nothing: use its Fn::GetAtt Arn (table.TableArn())` + "\n" +
		`cdk: template S.template.json: policy Policy: Statement[2] (lambda:InvokeFunction) names the resource {"Fn::Join":["",[{"Ref":"Fn"},":*"]]}, the name of the AWS::Lambda::Function Fn (its Ref), not an ARN, so the permission applies to nothing: use its Fn::GetAtt Arn (fn.FunctionArn())` + "\n" +
		`cdk: template S.template.json: policy Policy: Statement[3] (["sns:Publish"]) names the resource {"Fn::GetAtt":["Alerts","TopicName"]}, the name of the AWS::SNS::Topic Alerts (its TopicName attribute), not an ARN, so the permission applies to nothing: use its Ref (topic.TopicArn())` + "\n" +
		`cdk: template S.template.json: policy Role.inline: Statement[0] (sqs:SendMessage) names the resource {"Ref":"Review"}, the URL of the AWS::SQS::Queue Review (its Ref), not an ARN, so the permission applies to nothing: use its Fn::GetAtt Arn (queue.QueueArn())`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}
