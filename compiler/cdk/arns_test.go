package cdk_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssns"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
)

func table(stack awscdk.Stack, id string) awsdynamodb.Table {
	return awsdynamodb.NewTable(stack, jsii.String(id), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("id"), Type: awsdynamodb.AttributeType_STRING},
	})
}

// TestNamesWhereTheDefinitionTakesThem: a DynamoDB table or Lambda
// function given by name (table.TableName(), fn.FunctionName()) is valid
// in the definition; the role names the ARN built from it.
func TestNamesWhereTheDefinitionTakesThem(t *testing.T) {
	stack := newStack(t)
	claims := table(stack, "Claims")
	fn := function(stack, "Score")
	wf := dsl.NewWorkflow("W")
	a := wf.Task("Save", dsl.DynamoDBPutItem(dsl.Ref("Claims"), dsl.Obj{"id": dsl.DynamoDBString(dsl.Path("$.id"))}))
	b := wf.Task("Score", dsl.Lambda(dsl.Ref("Score")))
	c := wf.Task("Archive", dsl.DynamoDBPutItem(dsl.Ref("Archive"), dsl.Obj{"id": dsl.DynamoDBString(dsl.Path("$.id"))}))
	d := wf.Task("Audit", dsl.Lambda(dsl.Ref("Audit")))
	e := wf.Task("Lookup", dsl.SDK("dynamodb", "query", dsl.Obj{"TableName": dsl.Ref("Claims")}))
	f := wf.Task("Export", dsl.GlueStartJobRun(dsl.Ref("Job")))
	a.Next(b)
	b.Next(c)
	c.Next(d)
	d.Next(e)
	e.Next(f)
	f.End()
	_, err := cdk.NewStateMachine(stack, "W", wf, &cdk.Props{Substitutions: map[string]*string{
		"Claims": claims.TableName(), "Score": fn.FunctionName(),
		"Archive": jsii.String("archive"), "Audit": jsii.String("123456789012:function:audit:live"), "Job": jsii.String("export"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	tid := logicalID(t, tpl, "AWS::DynamoDB::Table", "Claims")
	fid := logicalID(t, tpl, "AWS::Lambda::Function", "Score")
	props := only(t, tpl, "AWS::StepFunctions::StateMachine")
	subs := props["DefinitionSubstitutions"].(map[string]any)
	if got := show(subs["Claims"]) + " " + show(subs["Score"]); got != "${"+tid+"} ${"+fid+"}" {
		t.Errorf("substitutions %s: the definition gets the names", got)
	}
	noPseudoText(t, tpl)
	env := "arn:${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:%s"
	checkLines(t, "statements", statements(t, tpl), []string{
		"dynamodb:PutItem -> " + fmt.Sprintf(env, "dynamodb", "table/${"+tid+"}") + " " + fmt.Sprintf(env, "dynamodb", "table/archive"),
		"lambda:InvokeFunction -> " + fmt.Sprintf(env, "lambda", "function:${"+fid+"}") + " " + fmt.Sprintf(env, "lambda", "function:${"+fid+"}:*") +
			" arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:audit arn:${AWS::Partition}:lambda:${AWS::Region}:123456789012:function:audit:*",
		"dynamodb:Query -> " + fmt.Sprintf(env, "dynamodb", "table/${"+tid+"}"),
		"glue:StartJobRun -> " + fmt.Sprintf(env, "glue", "job/export"),
	})
}

// TestNameWhereAnARNBelongs: a name or URL where an ARN is needed is
// refused, naming the prop, what the value is and the accessor to use.
func TestNameWhereAnARNBelongs(t *testing.T) {
	stack := newStack(t)
	topic := awssns.NewTopic(stack, jsii.String("Alerts"), nil)
	queue := awssqs.NewQueue(stack, jsii.String("Review"), nil)
	fn := function(stack, "Score")

	wf := dsl.NewWorkflow("Claims")
	a := wf.Task("Notify", dsl.SNSPublish(dsl.Ref("Topic"), "new claim"))
	b := wf.Task("Review", dsl.SQSSendMessage(dsl.Ref("Queue"), "m"))
	c := wf.Task("Report", dsl.BatchSubmitJob("report", "reports", dsl.Ref("Def")))
	a.Next(b)
	b.Next(c)
	c.End()
	_, err := cdk.NewStateMachine(stack, "Claims", wf, &cdk.Props{
		Substitutions: map[string]*string{"Topic": topic.TopicName(), "Queue": queue.QueueArn(), "Def": jsii.String("report:3")},
		ARNs:          map[string]*string{"Queue": queue.QueueArn()},
	})
	want := `cdk: workflow "Claims": Props.Substitutions["Def"] is the name "report:3", but the execution role names the resource by ARN (state "Report"): give the ARN (or, if the definition needs this value, keep it and give the ARN in Props.ARNs["Def"])` + "\n" +
		`cdk: workflow "Claims": Props.Substitutions["Queue"] is the ARN of the SQS queue Test/Review/Resource (its Arn attribute), but placeholder ${Queue} is an SQS queue URL (state "Review"): pass queue.QueueUrl(), and its ARN in Props.ARNs["Queue"]` + "\n" +
		`cdk: workflow "Claims": Props.Substitutions["Topic"] is the name of the SNS topic Test/Alerts/Resource (its TopicName attribute), but placeholder ${Topic} is an SNS topic ARN (state "Notify"): pass topic.TopicArn()`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}

	// The ARN of a queue given its URL in Props.ARNs.
	wf = dsl.NewWorkflow("Queue")
	wf.Task("Review", dsl.SQSSendMessage(dsl.Ref("Queue"), "m")).End()
	_, err = cdk.NewStateMachine(stack, "Queue", wf, &cdk.Props{
		Substitutions: map[string]*string{"Queue": queue.QueueUrl()},
		ARNs:          map[string]*string{"Queue": queue.QueueUrl()},
	})
	want = `cdk: workflow "Queue": Props.ARNs["Queue"] is the URL of the SQS queue Test/Review/Resource (its Ref), but the execution role names the resource by ARN (state "Review"): pass queue.QueueArn()`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}

	// A Task whose Resource is the function: it must be an ARN.
	def, err := asl.Parse([]byte(`{"StartAt":"Score","States":{"Score":{"Type":"Task","Resource":"${Score}","End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = cdk.FromDefinition(stack, "Legacy", "Legacy", def, cdk.Standard, &cdk.Props{Substitutions: map[string]*string{"Score": fn.FunctionName()}})
	want = `cdk: workflow "Legacy": Props.Substitutions["Score"] is the name of the Lambda function Test/Score/Resource (its Ref), but placeholder ${Score} is a Lambda function ARN (state "Score"): pass fn.FunctionArn()`
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}

	tpl := assertions.Template_FromStack(stack, nil)
	tpl.ResourceCountIs(jsii.String("AWS::StepFunctions::StateMachine"), jsii.Number(0))
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(1)) // the function's
}

// TestARNsAccepted: ARNs from accessors, literal ARNs and imported
// resources (an Fn::Join that starts with "arn:") pass.
func TestARNsAccepted(t *testing.T) {
	stack := newStack(t)
	topic := awssns.NewTopic(stack, jsii.String("Alerts"), nil)
	imported := awsdynamodb.Table_FromTableName(stack, jsii.String("Orders"), jsii.String("orders"))
	wf := dsl.NewWorkflow("W")
	a := wf.Task("Notify", dsl.SNSPublish(dsl.Ref("Topic"), "m"))
	b := wf.Task("Lookup", dsl.SDK("dynamodb", "getItem", dsl.Obj{"TableName": dsl.Ref("Table"), "Key": dsl.Obj{}}))
	a.Next(b)
	b.End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, &cdk.Props{Substitutions: map[string]*string{"Topic": topic.TopicArn(), "Table": imported.TableArn()}}); err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	got := strings.Join(statements(t, tpl), "\n")
	want := "sns:Publish -> ${" + logicalID(t, tpl, "AWS::SNS::Topic", "Alerts") + "}\n" +
		"dynamodb:GetItem -> arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
	if got != want {
		t.Errorf("statements:\n%s\nwant:\n%s", got, want)
	}
}
