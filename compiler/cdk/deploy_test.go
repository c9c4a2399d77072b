package cdk_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
)

// deployedDefinition renders the DefinitionString of the only state
// machine of a template as show does (an Fn::Join with the partition
// becomes "${AWS::Partition}").
func deployedDefinition(t *testing.T, tpl assertions.Template) string {
	t.Helper()
	return show(only(t, tpl, "AWS::StepFunctions::StateMachine")["DefinitionString"])
}

// noPseudoText fails when the template has a pseudo parameter as text,
// "${AWS::Partition}", where a {"Ref": "AWS::Partition"} belongs (show
// renders both the same way).
func noPseudoText(t *testing.T, tpl assertions.Template) {
	t.Helper()
	raw, err := json.Marshal(tpl.ToJSON())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "${AWS::") {
		t.Errorf("the template has a pseudo parameter as text:\n%s", raw)
	}
}

// compactJSON is data without insignificant white space.
func compactJSON(t *testing.T, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, data); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestPartition: the integration ARNs of the deployed definition are in
// the stack's partition, as the CDK writes them, and no policy names
// arn:aws: where goasl builds the ARN.
func TestPartition(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("W")
	a := wf.Task("Get", dsl.DynamoDBGetItem("orders", dsl.Obj{"id": dsl.DynamoDBString(dsl.Path("$.id"))}))
	m := wf.Map("M").Distributed(dsl.ExecutionStandard).
		ItemReader(dsl.ReadS3Object("in", "items.json").InputType(dsl.InputJSON)).
		ResultWriter(dsl.WriteResultsToS3("out", "runs"))
	m.Processor(func(items *dsl.Scope) {
		items.Task("Charge", dsl.Lambda("charge")).End()
	})
	a.Next(m)
	m.End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, nil); err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	def, err := compiler.Compile(wf)
	if err != nil {
		t.Fatal(err)
	}
	data, err := asl.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.ReplaceAll(compactJSON(t, data), `"arn:aws:states:::`, `"arn:${AWS::Partition}:states:::`)
	if got := deployedDefinition(t, tpl); got != want {
		t.Errorf("deployed definition:\n%s\nwant:\n%s", got, want)
	}
	for _, r := range []string{"dynamodb:getItem", "s3:getObject", "s3:putObject", "lambda:invoke"} {
		if !strings.Contains(want, `"arn:${AWS::Partition}:states:::`+r+`"`) {
			t.Errorf("no %s in the partition of the stack in\n%s", r, want)
		}
	}
	all, err := json.Marshal(tpl.ToJSON())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(all), "arn:aws:") {
		t.Errorf("the template names the aws partition:\n%s", all)
	}
	noPseudoText(t, tpl)
}

// TestTrustPolicy: the role may be assumed by Step Functions for a state
// machine of the stack's account only, as the CDK writes it.
func TestTrustPolicy(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("W")
	wf.Pass("P").End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, nil); err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	doc, err := json.Marshal(only(t, tpl, "AWS::IAM::Role")["AssumeRolePolicyDocument"])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Statement":[{"Action":"sts:AssumeRole","Condition":{"ArnLike":{"aws:SourceArn":{"Fn::Join":["",["arn:",{"Ref":"AWS::Partition"},":states:",{"Ref":"AWS::Region"},":",{"Ref":"AWS::AccountId"},":stateMachine:*"]]}},"StringEquals":{"aws:SourceAccount":{"Ref":"AWS::AccountId"}}},"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"}}],"Version":"2012-10-17"}`
	if string(doc) != want {
		t.Errorf("AssumeRolePolicyDocument:\n%s\nwant:\n%s", doc, want)
	}
}

// TestDistributedMapSelfPolicy: without a fixed name, a Distributed Map
// may start and redrive executions of its own state machine only, granted
// in a policy attached once the machine exists (no dependency cycle).
func TestDistributedMapSelfPolicy(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("W")
	m := wf.Map("M").Distributed(dsl.ExecutionStandard).Label("batch").
		ItemReader(dsl.ReadS3Object("in", "items.json").InputType(dsl.InputJSON))
	m.Processor(func(items *dsl.Scope) {
		items.Pass("P").End()
	})
	m.End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, nil); err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	smID := logicalID(t, tpl, "AWS::StepFunctions::StateMachine", "W")
	self := "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:"
	checkLines(t, "statements", statements(t, tpl), []string{
		"s3:GetObject -> arn:${AWS::Partition}:s3:::in/items.json",
		"states:StartExecution -> " + self + "stateMachine:${" + smID + ".Name}",
		"states:DescribeExecution states:StopExecution -> " + self + "execution:${" + smID + ".Name}/* " + self + "execution:${" + smID + ".Name}:*",
		"states:RedriveExecution -> " + self + "execution:${" + smID + ".Name}/batch:*",
	})
	policies := resources(t, tpl, "AWS::IAM::Policy")
	selfID := logicalID(t, tpl, "AWS::IAM::Policy", "WSelfPolicy")
	roleID := logicalID(t, tpl, "AWS::IAM::Role", "WRole")
	if got := show(policies[selfID]["Properties"].(map[string]any)["Roles"]); got != "${"+roleID+"}" {
		t.Errorf("the self policy is attached to %s, want the role %s", got, roleID)
	}
	// The machine depends on the role and its default policy, not on the
	// policy that names it.
	noPseudoText(t, tpl)
	sm := resources(t, tpl, "AWS::StepFunctions::StateMachine")[smID]
	if deps := fmt.Sprint(sm["DependsOn"]); strings.Contains(deps, selfID) {
		t.Errorf("the state machine depends on %s: %s", selfID, deps)
	}
}

// TestDeployedSize: the definition is deployed compact, and the 1 MiB
// quota is checked on that.
func TestDeployedSize(t *testing.T) {
	stack := newStack(t)
	chain := func(n int) *asl.StateMachine {
		sm := &asl.StateMachine{StartAt: "Invoke0"}
		for i := range n {
			st := &asl.State{Name: fmt.Sprintf("Invoke%d", i), Type: asl.TypeTask, Resource: "arn:aws:states:::lambda:invoke",
				Parameters: asl.ObjectValue(asl.Member{Key: "FunctionName", Value: asl.StringValue("${Fn}")}, asl.Member{Key: "Payload.$", Value: asl.StringValue("$")}),
				Retry: []*asl.Retrier{{ErrorEquals: []string{"Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"},
					IntervalSeconds: asl.NumberValue("1"), MaxAttempts: asl.NumberValue("3"), BackoffRate: asl.NumberValue("2")}},
				Next: fmt.Sprintf("Invoke%d", i+1)}
			if i == n-1 {
				st.Next, st.End = "", true
			}
			sm.States = append(sm.States, st)
		}
		return sm
	}
	fn := jsii.String("arn:aws:lambda:us-east-1:123456789012:function:f")
	def := chain(2500)
	indented, err := asl.Marshal(def)
	if err != nil {
		t.Fatal(err)
	}
	if len(indented) <= cdk.MaxDefinitionBytes {
		t.Fatalf("the test needs a definition over 1 MiB indented, not %d bytes", len(indented))
	}
	if _, err := cdk.FromDefinition(stack, "Chain", "Chain", def, cdk.Standard, &cdk.Props{Substitutions: map[string]*string{"Fn": fn}}); err != nil {
		t.Fatalf("%d bytes indented: %v", len(indented), err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	want := strings.ReplaceAll(compactJSON(t, indented), `"arn:aws:states:::`, `"arn:${AWS::Partition}:states:::`)
	if got := deployedDefinition(t, tpl); got != want {
		t.Errorf("the deployed definition is not the compact one (%d bytes, want %d)", len(got), len(want))
	}
	// 3,200 tasks: the message gives the deployed size, with the partition
	// at its longest and the function ARN at its length.
	big, err := asl.Marshal(chain(3200))
	if err != nil {
		t.Fatal(err)
	}
	size := len(compactJSON(t, big)) + 3200*(len("aws-us-gov")-len("aws")) + 3200*(len(*fn)-len("${Fn}"))
	if size != 1255406 {
		t.Errorf("size %d", size)
	}
	_, err = cdk.FromDefinition(stack, "Big", "Big", chain(3200), cdk.Standard, &cdk.Props{Substitutions: map[string]*string{"Fn": fn}})
	if want := `cdk: workflow "Big": the definition is 1255406 bytes as deployed (compact JSON; the partition counted as "aws-us-gov", substitutions known at synth time at their length), over the 1 MiB (1048576 bytes) Step Functions accepts: split it (a nested workflow with states:startExecution, or a Distributed Map)`; err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}
