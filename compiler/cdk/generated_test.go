package cdk_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/cdk"
)

// TestGeneratedConstructor synthesizes the constructor gen/cdkgen writes
// for OrderFlow (order_flow_cdk_test.go): typed props become the
// substitutions, the queue's ARN scopes the role.
func TestGeneratedConstructor(t *testing.T) {
	stack := newStack(t)
	queue := awssqs.NewQueue(stack, jsii.String("Review"), nil)
	sm, err := NewOrderFlowStateMachine(stack, "Orders", OrderFlowProps{
		ValidateFn:     function(stack, "ValidateFn"),
		ChargeFn:       function(stack, "ChargeFn"),
		ShipFn:         function(stack, "ShipFn"),
		RefundFn:       function(stack, "RefundFn"),
		ReviewQueueURL: queue,
		Options:        cdk.Props{Tracing: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sm == nil {
		t.Fatal("no state machine")
	}
	tpl := assertions.Template_FromStack(stack, nil)
	props := only(t, tpl, "AWS::StepFunctions::StateMachine")
	want := strings.ReplaceAll(compactJSON(t, []byte(sm.Definition)), `"arn:aws:states:::`, `"arn:${AWS::Partition}:states:::`)
	if got := show(props["DefinitionString"]); got != want {
		t.Errorf("DefinitionString is not the compiled definition, compact, in the stack's partition:\n%s\nwant:\n%s", got, want)
	}
	qid := logicalID(t, tpl, "AWS::SQS::Queue", "Review")
	subs := props["DefinitionSubstitutions"].(map[string]any)
	if got := show(subs["ReviewQueueURL"]); got != "${"+qid+"}" {
		t.Errorf("ReviewQueueURL substitution %s, want the queue URL ${%s}", got, qid)
	}
	var lambdas []string
	for _, n := range []string{"ValidateFn", "ChargeFn", "ShipFn", "RefundFn"} {
		id := logicalID(t, tpl, "AWS::Lambda::Function", n)
		if got := show(subs[n]); got != "${"+id+".Arn}" {
			t.Errorf("%s substitution %s", n, got)
		}
		lambdas = append(lambdas, fmt.Sprintf("${%s.Arn} ${%s.Arn}:*", id, id))
	}
	checkLines(t, "statements", statements(t, tpl), []string{
		"lambda:InvokeFunction -> " + strings.Join(lambdas, " "),
		"sqs:SendMessage -> ${" + qid + ".Arn}",
		"xray:PutTraceSegments xray:PutTelemetryRecords xray:GetSamplingRules xray:GetSamplingTargets -> *",
	})
}

func TestGeneratedConstructorMissingFields(t *testing.T) {
	stack := newStack(t)
	_, err := NewOrderFlowStateMachine(stack, "Orders", OrderFlowProps{ChargeFn: function(stack, "ChargeFn")})
	want := "NewOrderFlowStateMachine: OrderFlowProps: fields not set: RefundFn, ReviewQueueURL, ShipFn, ValidateFn"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
