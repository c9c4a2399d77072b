package dsl

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/ir"
)

// kv is an expected parameter: its key and value.
type kv struct {
	Key   string
	Value any
}

// integrationCase is a helper call and the resource it must build.
type integrationCase struct {
	name    string
	build   func() Resource
	arn     string // ARN without the pattern
	service string
	action  string
	pattern string
	params  []kv
	err     string
}

// checkIntegrations builds each case and compares the whole resource. Every
// position must point into this test file: the line that called the
// constructor or the method.
func checkIntegrations(t *testing.T, cases []integrationCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.build().resource()
			if r.ARN != c.arn || r.Service != c.service || r.Action != c.action || r.Pattern != c.pattern {
				t.Errorf("resource = (%q, %q, %q, %q), want (%q, %q, %q, %q)",
					r.ARN, r.Service, r.Action, r.Pattern, c.arn, c.service, c.action, c.pattern)
			}
			if r.Err != c.err {
				t.Errorf("Err = %q, want %q", r.Err, c.err)
			}
			got := make([]kv, len(r.Params))
			for i, p := range r.Params {
				got[i] = kv{p.Key, p.Value}
			}
			if !reflect.DeepEqual(got, c.params) {
				t.Errorf("params:\n got %s\nwant %s", showParams(got), showParams(c.params))
			}
			checkPos(t, "resource", r.Pos)
			for _, p := range r.Params {
				checkPos(t, "param "+p.Key, p.Pos)
			}
			if r.In != nil || r.Out != nil || r.DefaultRetry != nil {
				t.Errorf("In, Out, DefaultRetry = %v, %v, %v, want none", r.In, r.Out, r.DefaultRetry)
			}
		})
	}
}

// checkPos checks that pos is a line of a Test function of this file (the
// build closure), not of the helpers nor of checkIntegrations.
func checkPos(t *testing.T, what string, pos ir.Pos) {
	t.Helper()
	file, line, ok := pos.Resolve()
	frame, _ := runtime.CallersFrames([]uintptr{uintptr(pos)}).Next()
	fn := frame.Function
	if !ok || filepath.Base(file) != "integrations_services_test.go" || !strings.HasPrefix(fn, "github.com/goasl/goasl/dsl.Test") {
		t.Errorf("%s: position %s:%d in %s (ok %v), want a line of a Test function of integrations_services_test.go", what, file, line, fn, ok)
	}
}

func showParams(ps []kv) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n\t%s: %#v", p.Key, p.Value)
	}
	return b.String()
}

func TestSNSPublish(t *testing.T) {
	const arn = "arn:aws:states:::sns:publish"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return SNSPublish(Ref("Topic"), Path("$.message")) },
			arn:   arn, service: "sns", action: "publish",
			params: []kv{{"TopicArn", Ref("Topic")}, {"Message", Path("$.message")}},
		},
		{
			name: "options",
			build: func() Resource {
				return SNSPublish("arn:aws:sns:us-east-1:123456789012:t", "hi").
					Subject("s").
					MessageAttributes(Obj{"a": Obj{"DataType": "String", "StringValue": "v"}}).
					MessageStructure("json").
					MessageGroupID("g").
					MessageDeduplicationID(Expr("$uuid()")).
					With("Extra", 1)
			},
			arn: arn, service: "sns", action: "publish",
			params: []kv{
				{"TopicArn", "arn:aws:sns:us-east-1:123456789012:t"},
				{"Message", "hi"},
				{"Subject", "s"},
				{"MessageAttributes", Obj{"a": Obj{"DataType": "String", "StringValue": "v"}}},
				{"MessageStructure", "json"},
				{"MessageGroupId", "g"},
				{"MessageDeduplicationId", Expr("$uuid()")},
				{"Extra", 1},
			},
		},
		{
			name:  "an option set twice keeps its place and the last value",
			build: func() Resource { return SNSPublish("t", "m").Subject("a").MessageGroupID("g").Subject("b") },
			arn:   arn, service: "sns", action: "publish",
			params: []kv{{"TopicArn", "t"}, {"Message", "m"}, {"Subject", "b"}, {"MessageGroupId", "g"}},
		},
		{
			name:  "phone",
			build: func() Resource { return SNSPublishToPhone("+15555550100", "code 1234") },
			arn:   arn, service: "sns", action: "publish",
			params: []kv{{"PhoneNumber", "+15555550100"}, {"Message", "code 1234"}},
		},
		{
			name:  "target",
			build: func() Resource { return SNSPublishToTarget(Path("$.endpoint"), "m") },
			arn:   arn, service: "sns", action: "publish",
			params: []kv{{"TargetArn", Path("$.endpoint")}, {"Message", "m"}},
		},
		{
			name: "callback",
			build: func() Resource {
				return SNSPublish("t", Obj{"token": TaskToken(), "input": StateInput()}).WaitForTaskToken()
			},
			arn: arn, service: "sns", action: "publish", pattern: ".waitForTaskToken",
			params: []kv{{"TopicArn", "t"}, {"Message", Obj{"token": ir.TaskToken{}, "input": ir.StateInput{}}}},
		},
	})
}

func TestSQSSendMessage(t *testing.T) {
	const arn = "arn:aws:states:::sqs:sendMessage"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return SQSSendMessage(Ref("QueueUrl"), Path("$.body")) },
			arn:   arn, service: "sqs", action: "sendMessage",
			params: []kv{{"QueueUrl", Ref("QueueUrl")}, {"MessageBody", Path("$.body")}},
		},
		{
			name: "options",
			build: func() Resource {
				return SQSSendMessage("https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo", Obj{"a": 1}).
					DelaySeconds(10).
					MessageGroupID("g").
					MessageDeduplicationID(Path("$$.Execution.Id")).
					MessageAttributes(Obj{"k": Obj{"DataType": "Number", "StringValue": "1"}})
			},
			arn: arn, service: "sqs", action: "sendMessage",
			params: []kv{
				{"QueueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo"},
				{"MessageBody", Obj{"a": 1}},
				{"DelaySeconds", 10},
				{"MessageGroupId", "g"},
				{"MessageDeduplicationId", Path("$$.Execution.Id")},
				{"MessageAttributes", Obj{"k": Obj{"DataType": "Number", "StringValue": "1"}}},
			},
		},
		{
			name:  "callback",
			build: func() Resource { return SQSSendMessage("q", Obj{"TaskToken": TaskToken()}).WaitForTaskToken() },
			arn:   arn, service: "sqs", action: "sendMessage", pattern: ".waitForTaskToken",
			params: []kv{{"QueueUrl", "q"}, {"MessageBody", Obj{"TaskToken": ir.TaskToken{}}}},
		},
	})
}

func TestEventBridgePutEvents(t *testing.T) {
	const arn = "arn:aws:states:::events:putEvents"
	checkIntegrations(t, []integrationCase{
		{
			name: "plain",
			build: func() Resource {
				return EventBridgePutEvents(EventBridgeEvent("my.app", "OrderPlaced", Obj{"id": Path("$.id")}))
			},
			arn: arn, service: "events", action: "putEvents",
			params: []kv{{"Entries", Arr{Obj{"Source": "my.app", "DetailType": "OrderPlaced", "Detail": Obj{"id": Path("$.id")}}}}},
		},
		{
			name: "entry options",
			build: func() Resource {
				return EventBridgePutEvents(
					EventBridgeEvent("a", "A", Obj{}).EventBusName("bus").Resources(Arr{"arn:x"}).Time("2026-01-01T00:00:00Z").With("TraceHeader", "h"),
					EventBridgeEvent("b", "B", Expr("$states.input")),
				)
			},
			arn: arn, service: "events", action: "putEvents",
			params: []kv{{"Entries", Arr{
				Obj{"Source": "a", "DetailType": "A", "Detail": Obj{}, "EventBusName": "bus", "Resources": Arr{"arn:x"}, "Time": "2026-01-01T00:00:00Z", "TraceHeader": "h"},
				Obj{"Source": "b", "DetailType": "B", "Detail": Expr("$states.input")},
			}}},
		},
		{
			name: "callback",
			build: func() Resource {
				return EventBridgePutEvents(EventBridgeEvent("s", "T", Obj{"token": TaskToken()})).WaitForTaskToken()
			},
			arn: arn, service: "events", action: "putEvents", pattern: ".waitForTaskToken",
			params: []kv{{"Entries", Arr{Obj{"Source": "s", "DetailType": "T", "Detail": Obj{"token": ir.TaskToken{}}}}}},
		},
		{
			name:  "no entries",
			build: func() Resource { return EventBridgePutEvents() },
			arn:   arn, service: "events", action: "putEvents",
			params: []kv{{"Entries", Arr{}}},
			err:    "EventBridgePutEvents needs at least one entry: pass dsl.EventBridgeEvent(...) values, or set them with Entries",
		},
		{
			name:  "nil entry",
			build: func() Resource { return EventBridgePutEvents(EventBridgeEvent("s", "T", nil), nil) },
			arn:   arn, service: "events", action: "putEvents",
			params: []kv{{"Entries", Arr{Obj{"Source": "s", "DetailType": "T", "Detail": nil}}}},
			err:    "EventBridgePutEvents got a nil entry: build each with dsl.EventBridgeEvent(...)",
		},
		{
			name:  "entries from a path replace the constructor's and their problems",
			build: func() Resource { return EventBridgePutEvents().Entries(Path("$.events")) },
			arn:   arn, service: "events", action: "putEvents",
			params: []kv{{"Entries", Path("$.events")}},
		},
	})
}

func TestEventBridgeEntrySnapshot(t *testing.T) {
	e := EventBridgeEvent("s", "T", 1)
	task := EventBridgePutEvents(e)
	e.EventBusName("later")
	want := Arr{Obj{"Source": "s", "DetailType": "T", "Detail": 1}}
	if got := task.resource().Params[0].Value; !reflect.DeepEqual(got, want) {
		t.Errorf("Entries = %#v, want %#v: an entry changed after the call must not change the task", got, want)
	}
}

func TestDynamoDB(t *testing.T) {
	key := Obj{"pk": DynamoDBString(Path("$.id"))}
	checkIntegrations(t, []integrationCase{
		{
			name:  "getItem",
			build: func() Resource { return DynamoDBGetItem(Ref("Table"), key) },
			arn:   "arn:aws:states:::dynamodb:getItem", service: "dynamodb", action: "getItem",
			params: []kv{{"TableName", Ref("Table")}, {"Key", Obj{"pk": Obj{"S": Path("$.id")}}}},
		},
		{
			name: "getItem options",
			build: func() Resource {
				return DynamoDBGetItem("t", key).ConsistentRead(true).ProjectionExpression("#a, b").
					ExpressionAttributeNames(Obj{"#a": "a"}).ReturnConsumedCapacity("TOTAL")
			},
			arn: "arn:aws:states:::dynamodb:getItem", service: "dynamodb", action: "getItem",
			params: []kv{
				{"TableName", "t"}, {"Key", key},
				{"ConsistentRead", true}, {"ProjectionExpression", "#a, b"},
				{"ExpressionAttributeNames", Obj{"#a": "a"}}, {"ReturnConsumedCapacity", "TOTAL"},
			},
		},
		{
			name:  "putItem",
			build: func() Resource { return DynamoDBPutItem("t", Obj{"pk": DynamoDBString("a"), "n": DynamoDBNumber(3)}) },
			arn:   "arn:aws:states:::dynamodb:putItem", service: "dynamodb", action: "putItem",
			params: []kv{{"TableName", "t"}, {"Item", Obj{"pk": Obj{"S": "a"}, "n": Obj{"N": "3"}}}},
		},
		{
			name: "putItem options",
			build: func() Resource {
				return DynamoDBPutItem("t", key).
					ConditionExpression("attribute_not_exists(pk)").
					ExpressionAttributeNames(Obj{"#p": "pk"}).
					ExpressionAttributeValues(Obj{":v": DynamoDBBool(true)}).
					ReturnValues(ReturnAllOld).
					ReturnConsumedCapacity("NONE").
					ReturnItemCollectionMetrics("SIZE")
			},
			arn: "arn:aws:states:::dynamodb:putItem", service: "dynamodb", action: "putItem",
			params: []kv{
				{"TableName", "t"}, {"Item", key},
				{"ConditionExpression", "attribute_not_exists(pk)"},
				{"ExpressionAttributeNames", Obj{"#p": "pk"}},
				{"ExpressionAttributeValues", Obj{":v": Obj{"BOOL": true}}},
				{"ReturnValues", "ALL_OLD"},
				{"ReturnConsumedCapacity", "NONE"},
				{"ReturnItemCollectionMetrics", "SIZE"},
			},
		},
		{
			name: "updateItem",
			build: func() Resource {
				return DynamoDBUpdateItem("t", key).UpdateExpression("SET c = c + :one").
					ExpressionAttributeValues(Obj{":one": DynamoDBNumber(1.5)}).ReturnValues(ReturnUpdatedNew)
			},
			arn: "arn:aws:states:::dynamodb:updateItem", service: "dynamodb", action: "updateItem",
			params: []kv{
				{"TableName", "t"}, {"Key", key},
				{"UpdateExpression", "SET c = c + :one"},
				{"ExpressionAttributeValues", Obj{":one": Obj{"N": "1.5"}}},
				{"ReturnValues", "UPDATED_NEW"},
			},
		},
		{
			name: "deleteItem",
			build: func() Resource {
				return DynamoDBDeleteItem("t", key).ConditionExpression("x = :x").ReturnValues(ReturnNone)
			},
			arn: "arn:aws:states:::dynamodb:deleteItem", service: "dynamodb", action: "deleteItem",
			params: []kv{{"TableName", "t"}, {"Key", key}, {"ConditionExpression", "x = :x"}, {"ReturnValues", "NONE"}},
		},
	})
}

func TestDynamoDBAttributeValues(t *testing.T) {
	tests := []struct {
		got, want Obj
	}{
		{DynamoDBString("a"), Obj{"S": "a"}},
		{DynamoDBString(Path("$.a")), Obj{"S": Path("$.a")}},
		{DynamoDBNumber(42), Obj{"N": "42"}},
		{DynamoDBNumber(int64(-7)), Obj{"N": "-7"}},
		{DynamoDBNumber(0.25), Obj{"N": "0.25"}},
		{DynamoDBNumber("12"), Obj{"N": "12"}},
		{DynamoDBNumber(Expr("$string($states.input.n)")), Obj{"N": Expr("$string($states.input.n)")}},
		{DynamoDBBool(false), Obj{"BOOL": false}},
	}
	for i, tt := range tests {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%d: got %#v, want %#v", i, tt.got, tt.want)
		}
	}
}

func TestECSRunTask(t *testing.T) {
	const arn = "arn:aws:states:::ecs:runTask"
	net := Obj{"AwsvpcConfiguration": Obj{"Subnets": Arr{"subnet-1"}, "AssignPublicIp": "ENABLED"}}
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return ECSRunTask(Ref("Cluster"), "app:3") },
			arn:   arn, service: "ecs", action: "runTask",
			params: []kv{{"Cluster", Ref("Cluster")}, {"TaskDefinition", "app:3"}},
		},
		{
			name: "fargate options, sync",
			build: func() Resource {
				return ECSRunTask("c", "td").LaunchType(LaunchFargate).NetworkConfiguration(net).
					Overrides(Obj{"ContainerOverrides": Arr{Obj{"Name": "app", "Command": Path("$.cmd")}}}).
					PlatformVersion("LATEST").PropagateTags("TASK_DEFINITION").EnableExecuteCommand(true).Sync()
			},
			arn: arn, service: "ecs", action: "runTask", pattern: ".sync",
			params: []kv{
				{"Cluster", "c"}, {"TaskDefinition", "td"},
				{"LaunchType", "FARGATE"},
				{"NetworkConfiguration", net},
				{"Overrides", Obj{"ContainerOverrides": Arr{Obj{"Name": "app", "Command": Path("$.cmd")}}}},
				{"PlatformVersion", "LATEST"},
				{"PropagateTags", "TASK_DEFINITION"},
				{"EnableExecuteCommand", true},
			},
		},
		{
			name: "ec2 options, callback",
			build: func() Resource {
				return ECSRunTask("c", "td").LaunchType(LaunchEC2).Group("g").
					PlacementConstraints(Arr{Obj{"Type": "distinctInstance"}}).
					PlacementStrategy(Arr{Obj{"Type": "random"}}).WaitForTaskToken()
			},
			arn: arn, service: "ecs", action: "runTask", pattern: ".waitForTaskToken",
			params: []kv{
				{"Cluster", "c"}, {"TaskDefinition", "td"},
				{"LaunchType", "EC2"}, {"Group", "g"},
				{"PlacementConstraints", Arr{Obj{"Type": "distinctInstance"}}},
				{"PlacementStrategy", Arr{Obj{"Type": "random"}}},
			},
		},
		{
			name: "capacity providers",
			build: func() Resource {
				return ECSRunTask("c", "td").CapacityProviderStrategy(Arr{Obj{"CapacityProvider": "FARGATE_SPOT", "Weight": 1}})
			},
			arn: arn, service: "ecs", action: "runTask",
			params: []kv{{"Cluster", "c"}, {"TaskDefinition", "td"}, {"CapacityProviderStrategy", Arr{Obj{"CapacityProvider": "FARGATE_SPOT", "Weight": 1}}}},
		},
		{
			name:  "external launch type",
			build: func() Resource { return ECSRunTask("c", "td").LaunchType(LaunchExternal) },
			arn:   arn, service: "ecs", action: "runTask",
			params: []kv{{"Cluster", "c"}, {"TaskDefinition", "td"}, {"LaunchType", "EXTERNAL"}},
		},
	})
}

func TestBatchSubmitJob(t *testing.T) {
	const arn = "arn:aws:states:::batch:submitJob"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return BatchSubmitJob("job", Ref("Queue"), "def:1") },
			arn:   arn, service: "batch", action: "submitJob",
			params: []kv{{"JobName", "job"}, {"JobQueue", Ref("Queue")}, {"JobDefinition", "def:1"}},
		},
		{
			name: "options, sync",
			build: func() Resource {
				return BatchSubmitJob("job", "q", "d").JobParameters(Path("$.params")).
					ContainerOverrides(Obj{"Command": Arr{"run"}}).ArrayProperties(Obj{"Size": 10}).
					DependsOn(Arr{Obj{"JobId": "j1"}}).RetryStrategy(Obj{"Attempts": 2}).
					JobTimeout(Obj{"AttemptDurationSeconds": 600}).Sync()
			},
			arn: arn, service: "batch", action: "submitJob", pattern: ".sync",
			params: []kv{
				{"JobName", "job"}, {"JobQueue", "q"}, {"JobDefinition", "d"},
				{"Parameters", Path("$.params")},
				{"ContainerOverrides", Obj{"Command": Arr{"run"}}},
				{"ArrayProperties", Obj{"Size": 10}},
				{"DependsOn", Arr{Obj{"JobId": "j1"}}},
				{"RetryStrategy", Obj{"Attempts": 2}},
				{"Timeout", Obj{"AttemptDurationSeconds": 600}},
			},
		},
	})
}

func TestGlueStartJobRun(t *testing.T) {
	const arn = "arn:aws:states:::glue:startJobRun"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return GlueStartJobRun("etl") },
			arn:   arn, service: "glue", action: "startJobRun",
			params: []kv{{"JobName", "etl"}},
		},
		{
			name: "options, sync",
			build: func() Resource {
				return GlueStartJobRun(Path("$.job")).JobArguments(Obj{"--day": Path("$.day")}).JobRunID("jr_1").
					AllocatedCapacity(2).JobTimeout(30).SecurityConfiguration("sc").
					NotificationProperty(Obj{"NotifyDelayAfter": 5}).Sync()
			},
			arn: arn, service: "glue", action: "startJobRun", pattern: ".sync",
			params: []kv{
				{"JobName", Path("$.job")},
				{"Arguments", Obj{"--day": Path("$.day")}},
				{"JobRunId", "jr_1"},
				{"AllocatedCapacity", 2},
				{"Timeout", 30},
				{"SecurityConfiguration", "sc"},
				{"NotificationProperty", Obj{"NotifyDelayAfter": 5}},
			},
		},
	})
}

func TestStepFunctionsStartExecution(t *testing.T) {
	const arn = "arn:aws:states:::states:startExecution"
	input := Obj{"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": Path("$$.Execution.Id")}
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return StepFunctionsStartExecution(Ref("Child")) },
			arn:   arn, service: "states", action: "startExecution",
			params: []kv{{"StateMachineArn", Ref("Child")}},
		},
		{
			name: "options",
			build: func() Resource {
				return StepFunctionsStartExecution("sm").ExecutionInput(input).ExecutionName(Path("$.name"))
			},
			arn: arn, service: "states", action: "startExecution",
			params: []kv{{"StateMachineArn", "sm"}, {"Input", input}, {"Name", Path("$.name")}},
		},
		{
			name:  "sync",
			build: func() Resource { return StepFunctionsStartExecution("sm").Sync() },
			arn:   arn, service: "states", action: "startExecution", pattern: ".sync",
			params: []kv{{"StateMachineArn", "sm"}},
		},
		{
			name:  "sync:2",
			build: func() Resource { return StepFunctionsStartExecution("sm").Sync2() },
			arn:   arn, service: "states", action: "startExecution", pattern: ".sync:2",
			params: []kv{{"StateMachineArn", "sm"}},
		},
		{
			name: "callback",
			build: func() Resource {
				return StepFunctionsStartExecution("sm").ExecutionInput(Obj{"token": TaskToken()}).WaitForTaskToken()
			},
			arn: arn, service: "states", action: "startExecution", pattern: ".waitForTaskToken",
			params: []kv{{"StateMachineArn", "sm"}, {"Input", Obj{"token": ir.TaskToken{}}}},
		},
		{
			name:  "the last pattern wins",
			build: func() Resource { return StepFunctionsStartExecution("sm").WaitForTaskToken().Sync2() },
			arn:   arn, service: "states", action: "startExecution", pattern: ".sync:2",
			params: []kv{{"StateMachineArn", "sm"}},
		},
	})
}

func TestAPIGatewayInvoke(t *testing.T) {
	const arn = "arn:aws:states:::apigateway:invoke"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return APIGatewayInvoke("abc123.execute-api.us-east-1.amazonaws.com", MethodGet) },
			arn:   arn, service: "apigateway", action: "invoke",
			params: []kv{{"ApiEndpoint", "abc123.execute-api.us-east-1.amazonaws.com"}, {"Method", "GET"}},
		},
		{
			name: "options",
			build: func() Resource {
				return APIGatewayInvoke(Ref("Api"), Path("$.method")).Stage("prod").Path("bills").
					Headers(Obj{"k": Arr{"v"}}).QueryParameters(Obj{"id": Arr{Path("$.id")}}).
					RequestBody(Obj{"a": 1}).AuthType(APIGatewayIAMRole)
			},
			arn: arn, service: "apigateway", action: "invoke",
			params: []kv{
				{"ApiEndpoint", Ref("Api")}, {"Method", Path("$.method")},
				{"Stage", "prod"}, {"Path", "bills"},
				{"Headers", Obj{"k": Arr{"v"}}},
				{"QueryParameters", Obj{"id": Arr{Path("$.id")}}},
				{"RequestBody", Obj{"a": 1}},
				{"AuthType", "IAM_ROLE"},
			},
		},
		{
			name: "callback",
			build: func() Resource {
				return APIGatewayInvoke("e", MethodPost).Headers(Obj{"TaskToken": Array(Path("$$.Task.Token"))}).
					AuthType(APIGatewayResourcePolicy).WaitForTaskToken()
			},
			arn: arn, service: "apigateway", action: "invoke", pattern: ".waitForTaskToken",
			params: []kv{{"ApiEndpoint", "e"}, {"Method", "POST"}, {"Headers", Obj{"TaskToken": Array(Path("$$.Task.Token"))}}, {"AuthType", "RESOURCE_POLICY"}},
		},
		{
			name:  "no auth",
			build: func() Resource { return APIGatewayInvoke("e", MethodDelete).AuthType(APIGatewayNoAuth) },
			arn:   arn, service: "apigateway", action: "invoke",
			params: []kv{{"ApiEndpoint", "e"}, {"Method", "DELETE"}, {"AuthType", "NO_AUTH"}},
		},
	})
}

func TestHTTPMethods(t *testing.T) {
	got := []HTTPMethod{MethodGet, MethodPost, MethodPut, MethodDelete, MethodPatch, MethodHead, MethodOptions}
	want := []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}
	for i := range got {
		if plain(got[i]) != want[i] {
			t.Errorf("plain(%q) = %#v, want the plain string %q", got[i], plain(got[i]), want[i])
		}
	}
}

func TestHTTPInvoke(t *testing.T) {
	const arn = "arn:aws:states:::http:invoke"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return HTTPInvoke("https://api.example.com/v1/items", MethodGet, Ref("Conn")) },
			arn:   arn, service: "http", action: "invoke",
			params: []kv{
				{"ApiEndpoint", "https://api.example.com/v1/items"},
				{"Method", "GET"},
				{"Authentication", Obj{"ConnectionArn": Ref("Conn")}},
			},
		},
		{
			name: "options",
			build: func() Resource {
				return HTTPInvoke(Expr("'https://api.example.com/' & $id"), MethodPut, "arn:conn").
					Headers(Obj{"Content-Type": "application/json"}).QueryParameters(Obj{"q": "x"}).
					RequestBody(Obj{"a": Arr{1, 2}}).Transform(Obj{"RequestBodyEncoding": "NONE"})
			},
			arn: arn, service: "http", action: "invoke",
			params: []kv{
				{"ApiEndpoint", Expr("'https://api.example.com/' & $id")},
				{"Method", "PUT"},
				{"Authentication", Obj{"ConnectionArn": "arn:conn"}},
				{"Headers", Obj{"Content-Type": "application/json"}},
				{"QueryParameters", Obj{"q": "x"}},
				{"RequestBody", Obj{"a": Arr{1, 2}}},
				{"Transform", Obj{"RequestBodyEncoding": "NONE"}},
			},
		},
		{
			name:  "url-encoded body",
			build: func() Resource { return HTTPInvoke("u", MethodPatch, "c").URLEncodeBody(ArrayFormatBrackets) },
			arn:   arn, service: "http", action: "invoke",
			params: []kv{
				{"ApiEndpoint", "u"}, {"Method", "PATCH"}, {"Authentication", Obj{"ConnectionArn": "c"}},
				{"Transform", Obj{"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": Obj{"ArrayFormat": "BRACKETS"}}},
			},
		},
	})
	for f, want := range map[HTTPArrayFormat]string{ArrayFormatIndices: "INDICES", ArrayFormatRepeat: "REPEAT", ArrayFormatCommas: "COMMAS", ArrayFormatBrackets: "BRACKETS"} {
		if plain(f) != want {
			t.Errorf("plain(%q) = %#v, want %q", f, plain(f), want)
		}
	}
}

func TestAthena(t *testing.T) {
	checkIntegrations(t, []integrationCase{
		{
			name:  "startQueryExecution",
			build: func() Resource { return AthenaStartQueryExecution("SELECT 1") },
			arn:   "arn:aws:states:::athena:startQueryExecution", service: "athena", action: "startQueryExecution",
			params: []kv{{"QueryString", "SELECT 1"}},
		},
		{
			name: "startQueryExecution options, sync",
			build: func() Resource {
				return AthenaStartQueryExecution(Path("$.sql")).WorkGroup("primary").
					QueryExecutionContext(Obj{"Database": "db"}).
					ResultConfiguration(Obj{"OutputLocation": "s3://bucket/out/"}).
					ClientRequestToken(Path("$$.Execution.Name")).Sync()
			},
			arn: "arn:aws:states:::athena:startQueryExecution", service: "athena", action: "startQueryExecution", pattern: ".sync",
			params: []kv{
				{"QueryString", Path("$.sql")},
				{"WorkGroup", "primary"},
				{"QueryExecutionContext", Obj{"Database": "db"}},
				{"ResultConfiguration", Obj{"OutputLocation": "s3://bucket/out/"}},
				{"ClientRequestToken", Path("$$.Execution.Name")},
			},
		},
		{
			name:  "getQueryResults",
			build: func() Resource { return AthenaGetQueryResults(Path("$.QueryExecution.QueryExecutionId")) },
			arn:   "arn:aws:states:::athena:getQueryResults", service: "athena", action: "getQueryResults",
			params: []kv{{"QueryExecutionId", Path("$.QueryExecution.QueryExecutionId")}},
		},
		{
			name:  "getQueryResults options",
			build: func() Resource { return AthenaGetQueryResults("id").MaxResults(100).NextToken(Path("$.NextToken")) },
			arn:   "arn:aws:states:::athena:getQueryResults", service: "athena", action: "getQueryResults",
			params: []kv{{"QueryExecutionId", "id"}, {"MaxResults", 100}, {"NextToken", Path("$.NextToken")}},
		},
		{
			name:  "getQueryExecution",
			build: func() Resource { return AthenaGetQueryExecution("id") },
			arn:   "arn:aws:states:::athena:getQueryExecution", service: "athena", action: "getQueryExecution",
			params: []kv{{"QueryExecutionId", "id"}},
		},
		{
			name:  "stopQueryExecution",
			build: func() Resource { return AthenaStopQueryExecution(Expr("$id")) },
			arn:   "arn:aws:states:::athena:stopQueryExecution", service: "athena", action: "stopQueryExecution",
			params: []kv{{"QueryExecutionId", Expr("$id")}},
		},
	})
}

func TestCodeBuildStartBuild(t *testing.T) {
	const arn = "arn:aws:states:::codebuild:startBuild"
	checkIntegrations(t, []integrationCase{
		{
			name:  "plain",
			build: func() Resource { return CodeBuildStartBuild("proj") },
			arn:   arn, service: "codebuild", action: "startBuild",
			params: []kv{{"ProjectName", "proj"}},
		},
		{
			name: "options, sync",
			build: func() Resource {
				return CodeBuildStartBuild(Ref("Project")).SourceVersion(Path("$.commit")).
					EnvironmentVariablesOverride(Arr{Obj{"Name": "A", "Value": "1", "Type": "PLAINTEXT"}}).
					BuildspecOverride("buildspec-ci.yml").TimeoutInMinutesOverride(20).
					IdempotencyToken("tok").With("ComputeTypeOverride", "BUILD_GENERAL1_LARGE").Sync()
			},
			arn: arn, service: "codebuild", action: "startBuild", pattern: ".sync",
			params: []kv{
				{"ProjectName", Ref("Project")},
				{"SourceVersion", Path("$.commit")},
				{"EnvironmentVariablesOverride", Arr{Obj{"Name": "A", "Value": "1", "Type": "PLAINTEXT"}}},
				{"BuildspecOverride", "buildspec-ci.yml"},
				{"TimeoutInMinutesOverride", 20},
				{"IdempotencyToken", "tok"},
				{"ComputeTypeOverride", "BUILD_GENERAL1_LARGE"},
			},
		},
	})
}

func TestSageMakerCreateTrainingJob(t *testing.T) {
	const arn = "arn:aws:states:::sagemaker:createTrainingJob"
	alg := Obj{"TrainingImage": "img", "TrainingInputMode": "File"}
	out := Obj{"S3OutputPath": "s3://b/out"}
	res := Obj{"InstanceCount": 1, "InstanceType": "ml.m5.large", "VolumeSizeInGB": 10}
	stop := Obj{"MaxRuntimeInSeconds": 3600}
	required := []kv{
		{"TrainingJobName", Path("$$.Execution.Name")},
		{"AlgorithmSpecification", alg},
		{"RoleArn", Ref("Role")},
		{"OutputDataConfig", out},
		{"ResourceConfig", res},
		{"StoppingCondition", stop},
	}
	checkIntegrations(t, []integrationCase{
		{
			name: "plain",
			build: func() Resource {
				return SageMakerCreateTrainingJob(Path("$$.Execution.Name"), alg, Ref("Role"), out, res, stop)
			},
			arn: arn, service: "sagemaker", action: "createTrainingJob",
			params: required,
		},
		{
			name: "options, sync",
			build: func() Resource {
				return SageMakerCreateTrainingJob(Path("$$.Execution.Name"), alg, Ref("Role"), out, res, stop).
					HyperParameters(Obj{"epochs": "3"}).
					InputDataConfig(Arr{Obj{"ChannelName": "train"}}).
					VpcConfig(Obj{"Subnets": Arr{"s"}}).
					Tags(Arr{Obj{"Key": "k", "Value": "v"}}).Sync()
			},
			arn: arn, service: "sagemaker", action: "createTrainingJob", pattern: ".sync",
			params: append(append([]kv{}, required...),
				kv{"HyperParameters", Obj{"epochs": "3"}},
				kv{"InputDataConfig", Arr{Obj{"ChannelName": "train"}}},
				kv{"VpcConfig", Obj{"Subnets": Arr{"s"}}},
				kv{"Tags", Arr{Obj{"Key": "k", "Value": "v"}}},
			),
		},
	})
}

func TestBedrock(t *testing.T) {
	const invoke = "arn:aws:states:::bedrock:invokeModel"
	const customize = "arn:aws:states:::bedrock:createModelCustomizationJob"
	body := Obj{"prompt": Path("$.prompt"), "max_tokens": 200}
	checkIntegrations(t, []integrationCase{
		{
			name:  "invokeModel",
			build: func() Resource { return BedrockInvokeModel("anthropic.claude-v2", body) },
			arn:   invoke, service: "bedrock", action: "invokeModel",
			params: []kv{{"ModelId", "anthropic.claude-v2"}, {"Body", body}},
		},
		{
			name: "invokeModel options",
			build: func() Resource {
				return BedrockInvokeModel(Ref("Model"), body).ContentType("application/json").
					Accept("application/json").OutputS3(Path("$.out"))
			},
			arn: invoke, service: "bedrock", action: "invokeModel",
			params: []kv{
				{"ModelId", Ref("Model")}, {"Body", body},
				{"ContentType", "application/json"}, {"Accept", "application/json"},
				{"Output", Obj{"S3Uri": Path("$.out")}},
			},
		},
		{
			name:  "invokeModel from S3",
			build: func() Resource { return BedrockInvokeModelS3("m", "s3://b/in.json") },
			arn:   invoke, service: "bedrock", action: "invokeModel",
			params: []kv{{"ModelId", "m"}, {"Input", Obj{"S3Uri": "s3://b/in.json"}}},
		},
		{
			name:  "invokeModel callback",
			build: func() Resource { return BedrockInvokeModel("m", Obj{"token": TaskToken()}).WaitForTaskToken() },
			arn:   invoke, service: "bedrock", action: "invokeModel", pattern: ".waitForTaskToken",
			params: []kv{{"ModelId", "m"}, {"Body", Obj{"token": ir.TaskToken{}}}},
		},
		{
			name: "createModelCustomizationJob",
			build: func() Resource {
				return BedrockCreateModelCustomizationJob("job", "my-model", Ref("Role"), "amazon.titan-text-express-v1",
					Obj{"S3Uri": "s3://b/train.jsonl"}, Obj{"S3Uri": "s3://b/out/"})
			},
			arn: customize, service: "bedrock", action: "createModelCustomizationJob",
			params: []kv{
				{"JobName", "job"}, {"CustomModelName", "my-model"}, {"RoleArn", Ref("Role")},
				{"BaseModelIdentifier", "amazon.titan-text-express-v1"},
				{"TrainingDataConfig", Obj{"S3Uri": "s3://b/train.jsonl"}},
				{"OutputDataConfig", Obj{"S3Uri": "s3://b/out/"}},
			},
		},
		{
			name: "createModelCustomizationJob options, sync",
			build: func() Resource {
				return BedrockCreateModelCustomizationJob("j", "m", "r", "b", "t", "o").
					HyperParameters(Obj{"epochCount": "2"}).CustomizationType("FINE_TUNING").
					ValidationDataConfig(Obj{"Validators": Arr{}}).Sync()
			},
			arn: customize, service: "bedrock", action: "createModelCustomizationJob", pattern: ".sync",
			params: []kv{
				{"JobName", "j"}, {"CustomModelName", "m"}, {"RoleArn", "r"},
				{"BaseModelIdentifier", "b"}, {"TrainingDataConfig", "t"}, {"OutputDataConfig", "o"},
				{"HyperParameters", Obj{"epochCount": "2"}},
				{"CustomizationType", "FINE_TUNING"},
				{"ValidationDataConfig", Obj{"Validators": Arr{}}},
			},
		},
	})
}

// TestIntegrationsInTask checks that the helpers plug into a Task state.
func TestIntegrationsInTask(t *testing.T) {
	wf := NewWorkflow("W")
	task := wf.Task("Notify", SNSPublish("t", "m").WaitForTaskToken())
	if r := task.c.st.Resource; r == nil || r.ARN+r.Pattern != "arn:aws:states:::sns:publish.waitForTaskToken" {
		t.Fatalf("Task resource = %+v, want the SNS publish callback resource", r)
	}
}
