package cdk_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
)

// lambdaChain invokes n distinct Lambda functions by ARN, one state each:
// the role gets one statement of 215 characters for the first function and
// 112 more for each other (the ARN, and the ARN with ":*").
func lambdaChain(n int) *dsl.Workflow {
	wf := dsl.NewWorkflow("Fanout")
	var prev *dsl.TaskState
	for i := range n {
		t := wf.Task(fmt.Sprintf("S%03d", i), dsl.Lambda(fmt.Sprintf("arn:aws:lambda:us-east-1:123456789012:function:fn%03d", i)))
		if prev != nil {
			prev.Next(t)
		}
		prev = t
	}
	prev.End()
	return wf
}

const tooBig = `cdk: workflow "Fanout": the execution role's policy is about %d characters (white space not counted; deploy-time values counted at their longest), over the 71680 one role can hold (IAM allows 10240 characters of inline policies and, by default, 10 managed policies of 6144; the CDK moves what does not fit inline into managed policies): give the state machine a role of your own whose policies grant the permissions with fewer, broader resources (Props.Role, imported with awsiam.Role_FromRoleArn and Mutable false so goasl adds nothing to it), or split the workflow (a child workflow started with states:startExecution)`

func TestRolePolicySize(t *testing.T) {
	stack := newStack(t)
	// 619 functions: 69,431 characters in one statement, 71,771 once cut
	// into 37 statements of at most 2,000.
	sm, err := cdk.NewStateMachine(stack, "Over", lambdaChain(619), nil)
	if want := fmt.Sprintf(tooBig, 71771); err == nil || err.Error() != want {
		t.Errorf("619 functions: error\n%v\nwant\n%s", err, want)
	}
	if sm != nil {
		t.Error("a state machine despite the error")
	}
	// The same with a role defined in the app.
	mine := awsiam.NewRole(stack, jsii.String("Mine"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)})
	_, err = cdk.NewStateMachine(stack, "OverMine", lambdaChain(619), &cdk.Props{Role: mine})
	if want := fmt.Sprintf(tooBig, 71771); err == nil || err.Error() != want {
		t.Errorf("619 functions, own role: error\n%v\nwant\n%s", err, want)
	}
	// 618 functions (71,659) and a statement of the user's: 1 + 95 more.
	extra := awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("kms:Decrypt"),
		Resources: jsii.Strings("arn:aws:kms:us-east-1:123456789012:key/k"),
	})
	_, err = cdk.NewStateMachine(stack, "OverExtra", lambdaChain(618), &cdk.Props{Statements: []awsiam.PolicyStatement{extra}})
	if want := fmt.Sprintf(tooBig, 71755); err == nil || err.Error() != want {
		t.Errorf("618 functions and a statement: error\n%v\nwant\n%s", err, want)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	tpl.ResourceCountIs(jsii.String("AWS::StepFunctions::StateMachine"), jsii.Number(0))
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Policy"), jsii.Number(0))

	// An imported immutable role is left as is: no check, no policy.
	stack = newStack(t)
	role := awsiam.Role_FromRoleArn(stack, jsii.String("Imported"), jsii.String("arn:aws:iam::123456789012:role/big"), &awsiam.FromRoleArnOptions{Mutable: jsii.Bool(false)})
	sm, err = cdk.NewStateMachine(stack, "Big", lambdaChain(619), &cdk.Props{Role: role})
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Statements) != 37 {
		t.Errorf("%d statements, want 37", len(sm.Statements))
	}
	tpl = assertions.Template_FromStack(stack, nil)
	tpl.ResourceCountIs(jsii.String("AWS::StepFunctions::StateMachine"), jsii.Number(1))
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Policy"), jsii.Number(0))
}

// policySizes returns the size of every policy document of a type in a
// template, by logical id.
func policySizes(t *testing.T, tpl assertions.Template, typ string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for id, r := range resources(t, tpl, typ) {
		out[id] = cdk.DocumentSize(r["Properties"].(map[string]any)["PolicyDocument"])
	}
	return out
}

// TestRolePolicySplit deploys 90 functions: 10,183 characters in one
// statement, which the CDK would move whole into a managed policy over
// IAM's 6,144 (measured before goasl cut statements). Cut into 6
// statements (10,508 characters), 5 stay inline (9,883) and the CDK moves
// the last into OverflowPolicy1 (663).
func TestRolePolicySplit(t *testing.T) {
	stack := newStack(t)
	sm, err := cdk.NewStateMachine(stack, "Under", lambdaChain(90), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Statements) != 6 {
		t.Errorf("%d statements, want 6", len(sm.Statements))
	}
	tpl := assertions.Template_FromStack(stack, nil)
	inline := policySizes(t, tpl, "AWS::IAM::Policy")
	over := policySizes(t, tpl, "AWS::IAM::ManagedPolicy")
	wantInline := map[string]int{logicalID(t, tpl, "AWS::IAM::Policy", "UnderRoleDefaultPolicy"): 9883}
	wantOver := map[string]int{logicalID(t, tpl, "AWS::IAM::ManagedPolicy", "UnderRoleOverflowPolicy1"): 663}
	if fmt.Sprint(inline) != fmt.Sprint(wantInline) || fmt.Sprint(over) != fmt.Sprint(wantOver) {
		t.Errorf("inline %v, managed %v; want %v, %v", inline, over, wantInline, wantOver)
	}
	asm := awscdk.Stage_Of(stack).Synth(&awscdk.StageSynthesisOptions{Force: jsii.Bool(true)})
	if err := cdk.CheckTemplates(*asm.Directory()); err != nil {
		t.Errorf("CheckTemplates: %v", err)
	}
}

// TestRolePolicyJustUnder deploys 618 functions (71,659 characters, under
// what a role can hold): NewStateMachine accepts it, but the CDK packs the
// 37 statements into 11 managed policies, one more than IAM's default
// quota, which CheckTemplates reports.
func TestRolePolicyJustUnder(t *testing.T) {
	stack := newStack(t)
	if _, err := cdk.NewStateMachine(stack, "Many", lambdaChain(618), nil); err != nil {
		t.Fatal(err)
	}
	role := logicalID(t, assertions.Template_FromStack(stack, nil), "AWS::IAM::Role", "ManyRole")
	asm := awscdk.Stage_Of(stack).Synth(&awscdk.StageSynthesisOptions{Force: jsii.Bool(true)})
	err := cdk.CheckTemplates(*asm.Directory())
	want := "cdk: template Test.template.json: role " + role + " has 11 managed policies, over the 10 IAM allows a role by default (a quota you can raise): " + fix
	if err == nil || err.Error() != want {
		t.Errorf("CheckTemplates:\n%v\nwant:\n%s", err, want)
	}
}

const fix = "give the state machine a role of your own whose policies grant the permissions with fewer, broader resources (Props.Role, imported with awsiam.Role_FromRoleArn and Mutable false so goasl adds nothing to it), or split the workflow (a child workflow started with states:startExecution)"

// TestCheckTemplatesRolePolicies checks a hand-written template: a role's
// own Policies and the AWS::IAM::Policy and AWS::IAM::RolePolicy resources
// attached to it add up; a policy of an imported role counts under its
// name.
func TestCheckTemplatesRolePolicies(t *testing.T) {
	// A statement with n resources of 100 characters each (102 with quotes).
	stmt := func(n int) map[string]any {
		var res []any
		for i := range n {
			res = append(res, fmt.Sprintf("arn:aws:s3:::%087d", i))
		}
		return map[string]any{"Effect": "Allow", "Action": "s3:GetObject", "Resource": res}
	}
	doc := func(stmts ...any) map[string]any {
		return map[string]any{"Version": "2012-10-17", "Statement": stmts}
	}
	tpl := map[string]any{"Resources": map[string]any{
		"R": map[string]any{"Type": "AWS::IAM::Role", "Properties": map[string]any{
			"Policies": []any{map[string]any{"PolicyName": "inline", "PolicyDocument": doc(stmt(40))}},
		}},
		"RPolicy": map[string]any{"Type": "AWS::IAM::Policy", "Properties": map[string]any{
			"PolicyName": "p", "Roles": []any{map[string]any{"Ref": "R"}}, "PolicyDocument": doc(stmt(60)),
		}},
		"RRolePolicy": map[string]any{"Type": "AWS::IAM::RolePolicy", "Properties": map[string]any{
			"PolicyName": "rp", "RoleName": map[string]any{"Ref": "R"},
			"PolicyDocument": doc(map[string]any{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": map[string]any{
				"Fn::Join": []any{"", []any{"arn:", map[string]any{"Ref": "AWS::Partition"}, ":s3:::", map[string]any{"Fn::GetAtt": []any{"B", "Arn"}}}},
			}}),
		}},
		"Small": map[string]any{"Type": "AWS::IAM::Policy", "Properties": map[string]any{
			"PolicyName": "s", "Roles": []any{"imported-role"}, "PolicyDocument": doc(stmt(99)),
		}},
		"B": map[string]any{"Type": "AWS::S3::Bucket"},
		"Big": map[string]any{"Type": "AWS::IAM::ManagedPolicy", "Properties": map[string]any{
			"Roles": []any{map[string]any{"Ref": "R2"}}, "PolicyDocument": doc(stmt(60)),
		}},
		"R2": map[string]any{"Type": "AWS::IAM::Role", "Properties": map[string]any{
			"ManagedPolicyArns": []any{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"},
		}},
	}}
	data, err := json.MarshalIndent(tpl, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "S.template.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// 40 resources: 2 + 40*102 + 39 = 4,121 for the list; the statement
	// {"Effect":"Allow","Action":"s3:GetObject","Resource":[…]} adds 54,
	// the document around it 39: 4,214 (6,274 with 60, 10,291 with 99).
	// The joined resource counts "arn:" + 10 + ":s3:::" + 128 characters.
	err = cdk.CheckTemplates(dir)
	want := "cdk: template S.template.json: managed policy Big is about 6274 characters, over the 6144 IAM allows for a managed policy (white space not counted; deploy-time values counted at their longest): " + fix + "\n" +
		"cdk: template S.template.json: role R has inline policies of about 10732 characters (R.inline: 4214, RPolicy: 6274, RRolePolicy: 244), over the 10240 IAM allows for all the inline policies of a role (white space not counted; deploy-time values counted at their longest): " + fix + "\n" +
		"cdk: template S.template.json: role R2 has 11 managed policies, over the 10 IAM allows a role by default (a quota you can raise): " + fix + "\n" +
		"cdk: template S.template.json: role imported-role has inline policies of about 10291 characters (Small: 10291), over the 10240 IAM allows for all the inline policies of a role (white space not counted; deploy-time values counted at their longest): " + fix
	if err == nil || err.Error() != want {
		t.Errorf("CheckTemplates:\n%v\nwant:\n%s", err, want)
	}
	// Without intrinsic functions the estimate is the compact JSON's length.
	d := doc(stmt(3))
	compact, _ := json.Marshal(d)
	var decoded any
	if err := json.Unmarshal(compact, &decoded); err != nil {
		t.Fatal(err)
	}
	if got := cdk.DocumentSize(decoded); got != len(compact) {
		t.Errorf("DocumentSize %d, compact JSON %d", got, len(compact))
	}
	if err := os.WriteFile(filepath.Join(dir, "S.template.json"), []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := cdk.CheckTemplates(dir); err == nil || !strings.HasPrefix(err.Error(), "cdk: template S.template.json is not a CloudFormation template in JSON: ") {
		t.Errorf("not JSON: error %v", err)
	}
}
