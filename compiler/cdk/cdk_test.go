package cdk_test

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/examples/hello"
	"github.com/goasl/goasl/examples/orderflow"
)

// needNode fails the test (it cannot skip: CDK output must be checked)
// when node is missing, with the reason.
func needNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("the CDK tests run the CDK through jsii, which needs Node.js on the PATH: %v", err)
	}
}

// newStack makes an app and an environment-agnostic stack. Every test of
// this binary shares one jsii runtime (started by the first call), which
// is the slow part; apps are cheap. The built-in CloudFormation validation
// is off: it costs seconds and hundreds of MB per synth.
func newStack(t *testing.T) awscdk.Stack {
	t.Helper()
	needNode(t)
	app := awscdk.NewApp(&awscdk.AppProps{BuiltinCloudFormationValidation: jsii.Bool(false)})
	return awscdk.NewStack(app, jsii.String("Test"), nil)
}

func function(stack awscdk.Stack, id string) awslambda.Function {
	return awslambda.NewFunction(stack, jsii.String(id), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_22_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async (e) => e;")),
	})
}

// resources returns the resources of a type in a template as JSON objects.
func resources(t *testing.T, tpl assertions.Template, typ string) map[string]map[string]any {
	t.Helper()
	raw := tpl.FindResources(jsii.String(typ), nil)
	data, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// only returns the single resource of a type.
func only(t *testing.T, tpl assertions.Template, typ string) map[string]any {
	t.Helper()
	rs := resources(t, tpl, typ)
	if len(rs) != 1 {
		t.Fatalf("%d resources of type %s, want 1", len(rs), typ)
	}
	for _, r := range rs {
		return r["Properties"].(map[string]any)
	}
	return nil
}

// show renders a CloudFormation value compactly: a string as is, Ref as
// ${X}, Fn::GetAtt as ${X.Attr}, Fn::Join by joining.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, show(e))
		}
		return strings.Join(parts, " ")
	case map[string]any:
		if r, ok := x["Ref"]; ok && len(x) == 1 {
			return "${" + show(r) + "}"
		}
		if g, ok := x["Fn::GetAtt"].([]any); ok && len(x) == 1 {
			return "${" + show(g[0]) + "." + show(g[1]) + "}"
		}
		if j, ok := x["Fn::Join"].([]any); ok && len(x) == 1 {
			var parts []string
			for _, e := range j[1].([]any) {
				parts = append(parts, show(e))
			}
			return strings.Join(parts, j[0].(string))
		}
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// statements renders the role policy's statements as "actions -> resources".
func statements(t *testing.T, tpl assertions.Template) []string {
	t.Helper()
	var out []string
	policies := resources(t, tpl, "AWS::IAM::Policy")
	var ids []string
	for id := range policies {
		ids = append(ids, id)
	}
	sort.Strings(ids) // one policy per role; sorted for a stable order
	for _, id := range ids {
		doc := policies[id]["Properties"].(map[string]any)["PolicyDocument"].(map[string]any)
		for _, s := range doc["Statement"].([]any) {
			st := s.(map[string]any)
			if st["Effect"] != "Allow" {
				t.Errorf("statement %v: effect %v", st, st["Effect"])
			}
			acts, res := st["Action"], st["Resource"]
			if _, ok := acts.([]any); !ok {
				acts = []any{acts}
			}
			if _, ok := res.([]any); !ok {
				res = []any{res}
			}
			out = append(out, show(acts)+" -> "+show(res))
		}
	}
	return out
}

func TestOrderFlow(t *testing.T) {
	stack := newStack(t)
	fns := map[string]awslambda.Function{}
	subs := map[string]*string{}
	for _, n := range []string{"ValidateFn", "ChargeFn", "ShipFn", "RefundFn"} {
		fns[n] = function(stack, n)
		subs[n] = fns[n].FunctionArn()
	}
	subs["ReviewQueueURL"] = jsii.String("https://sqs.eu-west-1.amazonaws.com/111122223333/review")
	sm, err := cdk.NewStateMachine(stack, "Orders", orderflow.OrderFlow(), &cdk.Props{
		Substitutions: subs,
		ARNs:          map[string]*string{"ReviewQueueURL": jsii.String("arn:aws:sqs:eu-west-1:111122223333:review")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sm.Role == nil || sm.StateMachine == nil {
		t.Fatal("no role or state machine")
	}
	tpl := assertions.Template_FromStack(stack, nil)

	want, err := compiler.Compile(orderflow.OrderFlow())
	if err != nil {
		t.Fatal(err)
	}
	indented, _ := asl.Marshal(want)
	if sm.Definition != string(indented) {
		t.Error("StateMachine.Definition is not the compiled definition")
	}
	// Deployed compact, with the integrations in the stack's partition.
	def := strings.ReplaceAll(compactJSON(t, indented), `"arn:aws:states:::`, `"arn:${AWS::Partition}:states:::`)
	props := only(t, tpl, "AWS::StepFunctions::StateMachine")
	if got := show(props["DefinitionString"]); got != def {
		t.Errorf("DefinitionString:\n%v\nwant:\n%s", got, def)
	}
	if props["StateMachineType"] != "STANDARD" {
		t.Errorf("StateMachineType %v, want STANDARD", props["StateMachineType"])
	}
	gotSubs := map[string]string{}
	for k, v := range props["DefinitionSubstitutions"].(map[string]any) {
		gotSubs[k] = show(v)
	}
	wantSubs := map[string]string{}
	for n := range fns {
		wantSubs[n] = "${" + logicalID(t, tpl, "AWS::Lambda::Function", n) + ".Arn}"
	}
	wantSubs["ReviewQueueURL"] = "https://sqs.eu-west-1.amazonaws.com/111122223333/review"
	if fmt.Sprint(gotSubs) != fmt.Sprint(wantSubs) {
		t.Errorf("DefinitionSubstitutions %v, want %v", gotSubs, wantSubs)
	}
	// After substitution the definition is the compiled one with the values.
	after := string(def)
	for k, v := range wantSubs {
		after = strings.ReplaceAll(after, "${"+k+"}", v)
	}
	substituted := show(props["DefinitionString"])
	for k, v := range gotSubs {
		substituted = strings.ReplaceAll(substituted, "${"+k+"}", v)
	}
	if substituted != after || strings.Contains(substituted, "${ChargeFn}") {
		t.Errorf("definition after substitution:\n%s\nwant:\n%s", substituted, after)
	}

	// One statement for the four functions, in document order.
	var lambdas []string
	for _, n := range []string{"ValidateFn", "ChargeFn", "ShipFn", "RefundFn"} {
		id := logicalID(t, tpl, "AWS::Lambda::Function", n)
		lambdas = append(lambdas, fmt.Sprintf("${%s.Arn} ${%s.Arn}:*", id, id))
	}
	wantStmts := []string{
		"lambda:InvokeFunction -> " + strings.Join(lambdas, " "),
		"sqs:SendMessage -> arn:aws:sqs:eu-west-1:111122223333:review",
	}
	checkLines(t, "statements", statements(t, tpl), wantStmts)
	// Neither logging nor tracing unless asked.
	if _, ok := props["LoggingConfiguration"]; ok {
		t.Error("LoggingConfiguration set without Props.Logs")
	}
	if _, ok := props["TracingConfiguration"]; ok {
		t.Error("TracingConfiguration set without Props.Tracing")
	}
}

// logicalID finds the logical id of the resource whose id starts with prefix.
func logicalID(t *testing.T, tpl assertions.Template, typ, prefix string) string {
	t.Helper()
	var ids []string
	for id := range resources(t, tpl, typ) {
		if strings.HasPrefix(id, prefix) {
			ids = append(ids, id)
		}
	}
	if len(ids) != 1 {
		t.Fatalf("resources %s named %s*: %v", typ, prefix, ids)
	}
	return ids[0]
}

func checkLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if g, w := strings.Join(got, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("%s:\n%s\nwant:\n%s", what, g, w)
	}
}

func TestExpressLoggingTracing(t *testing.T) {
	stack := newStack(t)
	fn := function(stack, "GreetFn")
	wf := hello.Greeting()
	wf.Type(dsl.Express)
	wf.Timeout(5 * time.Minute)
	_, err := cdk.NewStateMachine(stack, "Hello", wf, &cdk.Props{
		Substitutions: map[string]*string{"GreetFn": fn.FunctionArn()},
		Logs:          &cdk.Logs{Level: awsstepfunctions.LogLevel_ALL, IncludeExecutionData: true},
		Tracing:       true,
	})
	if err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromStack(stack, nil)
	tpl.HasResourceProperties(jsii.String("AWS::StepFunctions::StateMachine"), map[string]any{
		"StateMachineType":     "EXPRESS",
		"TracingConfiguration": map[string]any{"Enabled": true},
		"LoggingConfiguration": map[string]any{
			"Level":                "ALL",
			"IncludeExecutionData": true,
			"Destinations": []any{map[string]any{"CloudWatchLogsLogGroup": map[string]any{
				"LogGroupArn": map[string]any{"Fn::GetAtt": []any{logicalID(t, tpl, "AWS::Logs::LogGroup", "HelloLogs"), "Arn"}},
			}}},
		},
	})
	props := only(t, tpl, "AWS::StepFunctions::StateMachine")
	if !strings.Contains(show(props["DefinitionString"]), `"TimeoutSeconds":300,`) {
		t.Errorf("the definition has no TimeoutSeconds 300:\n%s", props["DefinitionString"])
	}
	id := logicalID(t, tpl, "AWS::Lambda::Function", "GreetFn")
	// CDK adds what logging and X-Ray need to the same policy.
	checkLines(t, "statements", statements(t, tpl), []string{
		fmt.Sprintf("lambda:InvokeFunction -> ${%s.Arn} ${%s.Arn}:*", id, id),
		"logs:CreateLogDelivery logs:GetLogDelivery logs:UpdateLogDelivery logs:DeleteLogDelivery logs:ListLogDeliveries logs:PutResourcePolicy logs:DescribeResourcePolicies logs:DescribeLogGroups -> *",
		"xray:PutTraceSegments xray:PutTelemetryRecords xray:GetSamplingRules xray:GetSamplingTargets -> *",
	})
}

func TestOwnRoleAndStatements(t *testing.T) {
	stack := newStack(t)
	role := awsiam.NewRole(stack, jsii.String("Mine"), &awsiam.RoleProps{AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), nil)})
	wf := dsl.NewWorkflow("W")
	wf.Task("Get", dsl.DynamoDBGetItem("orders", dsl.Obj{"id": dsl.DynamoDBString(dsl.Path("$.id"))})).End()
	extra := awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
		Actions:   jsii.Strings("kms:Decrypt"),
		Resources: jsii.Strings("arn:aws:kms:us-east-1:123456789012:key/k"),
	})
	sm, err := cdk.NewStateMachine(stack, "W", wf, &cdk.Props{Role: role, Statements: []awsiam.PolicyStatement{extra}})
	if err != nil {
		t.Fatal(err)
	}
	if sm.Role != role {
		t.Error("the returned role is not Props.Role")
	}
	tpl := assertions.Template_FromStack(stack, nil)
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(1))
	checkLines(t, "statements", statements(t, tpl), []string{
		"dynamodb:GetItem -> arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders",
		"kms:Decrypt -> arn:aws:kms:us-east-1:123456789012:key/k",
	})
}

func TestSubstitutionErrors(t *testing.T) {
	stack := newStack(t)
	for _, c := range []struct {
		name  string
		props *cdk.Props
		want  string
	}{
		{"missing", &cdk.Props{Substitutions: map[string]*string{"ChargeFn": jsii.String("arn:aws:lambda:us-east-1:123456789012:function:c")}},
			`cdk: workflow "OrderFlow": placeholder ${RefundFn} (Lambda function ARN) has no substitution: set Props.Substitutions["RefundFn"]` + "\n" +
				`cdk: workflow "OrderFlow": placeholder ${ReviewQueueURL} (SQS queue URL) has no substitution: set Props.Substitutions["ReviewQueueURL"]` + "\n" +
				`cdk: workflow "OrderFlow": placeholder ${ShipFn} (Lambda function ARN) has no substitution: set Props.Substitutions["ShipFn"]` + "\n" +
				`cdk: workflow "OrderFlow": placeholder ${ValidateFn} (Lambda function ARN) has no substitution: set Props.Substitutions["ValidateFn"]`},
		{"unused and nil", &cdk.Props{
			Substitutions: map[string]*string{"ChargeFn": nil, "ValidateFn": jsii.String("v"), "ShipFn": jsii.String("s"), "RefundFn": jsii.String("r"),
				"ReviewQueueURL": jsii.String("u"), "Chargefn": jsii.String("x"), "Extra": jsii.String("y")},
			ARNs: map[string]*string{"ReviewQueueURL": jsii.String("a"), "ShipFn": jsii.String("b"), "Nope": jsii.String("c")}},
			`cdk: workflow "OrderFlow": the substitution of placeholder ${ChargeFn} is nil` + "\n" +
				`cdk: workflow "OrderFlow": Props.Substitutions["Chargefn"] is not used: the definition has no placeholder ${Chargefn}` + "\n" +
				`cdk: workflow "OrderFlow": Props.Substitutions["Extra"] is not used: the definition has no placeholder ${Extra}` + "\n" +
				`cdk: workflow "OrderFlow": Props.ARNs["Nope"] is not used: the definition has no placeholder ${Nope}`},
		{"queue URL without ARN", &cdk.Props{Substitutions: map[string]*string{"ChargeFn": jsii.String("c"), "ValidateFn": jsii.String("v"), "ShipFn": jsii.String("s"), "RefundFn": jsii.String("r"),
			"ReviewQueueURL": jsii.String("u")}},
			`cdk: workflow "OrderFlow": placeholder ${ReviewQueueURL} is an SQS queue URL, not an ARN: set Props.ARNs["ReviewQueueURL"] (e.g. queue.QueueArn()) so the role can name the queue`},
	} {
		t.Run(c.name, func(t *testing.T) {
			sm, err := cdk.NewStateMachine(stack, "Orders"+strings.ReplaceAll(c.name, " ", ""), orderflow.OrderFlow(), c.props)
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, c.want)
			}
			if sm != nil {
				t.Error("a state machine despite the error")
			}
		})
	}
	// Nothing was added to the stack.
	tpl := assertions.Template_FromStack(stack, nil)
	tpl.ResourceCountIs(jsii.String("AWS::StepFunctions::StateMachine"), jsii.Number(0))
	tpl.ResourceCountIs(jsii.String("AWS::IAM::Role"), jsii.Number(0))
}

func TestOtherErrors(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("Bad")
	wf.Pass("P").Next(dsl.Named("Nowhere"))
	_, err := cdk.NewStateMachine(stack, "Bad", wf, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "cdk: workflow \"Bad\" does not compile:\n") {
		t.Errorf("error %v", err)
	}
	if _, err := cdk.NewStateMachine(stack, "Nil", nil, nil); err == nil || err.Error() != "cdk: the workflow is nil: build it with dsl.NewWorkflow" {
		t.Errorf("nil workflow: error %v", err)
	}
	ok := dsl.NewWorkflow("Ok")
	ok.Pass("P").End()
	if _, err := cdk.NewStateMachine(stack, "NilRole", ok, &cdk.Props{PassRoles: []*string{nil}}); err == nil || err.Error() != `cdk: workflow "Ok": Props.PassRoles[0] is nil` {
		t.Errorf("nil pass role: error %v", err)
	}
	if _, err := cdk.NewStateMachine(nil, "NilScope", ok, nil); err == nil || err.Error() != `cdk: workflow "Ok": the scope is nil` {
		t.Errorf("nil scope: error %v", err)
	}
	if _, err := cdk.NewStateMachine(stack, "Dup", ok, nil); err != nil {
		t.Fatal(err)
	}
	_, err = cdk.NewStateMachine(stack, "Dup", ok, nil)
	if err == nil || !strings.HasPrefix(err.Error(), `cdk: workflow "Ok": the CDK refused the state machine "Dup": `) ||
		!strings.Contains(err.Error(), "There is already a Construct with name 'DupRole'") {
		t.Errorf("duplicate id: error %v", err)
	}
	// The compiler rejects a definition over 1 MiB; FromDefinition checks
	// definitions that did not come through it.
	big := &asl.StateMachine{StartAt: "State0000"}
	for i := range 3000 {
		st := &asl.State{Name: fmt.Sprintf("State%04d", i), Type: asl.TypePass, Result: asl.StringValue(strings.Repeat("x", 400))}
		if i == 2999 {
			st.End = true
		} else {
			st.Next = fmt.Sprintf("State%04d", i+1)
		}
		big.States = append(big.States, st)
	}
	_, err = cdk.FromDefinition(stack, "Big", "Big", big, cdk.Standard, nil)
	if err == nil || err.Error() != `cdk: workflow "Big": the definition is 1377026 bytes as deployed (compact JSON; the partition counted as "aws-us-gov", substitutions known at synth time at their length), over the 1 MiB (1048576 bytes) Step Functions accepts: split it (a nested workflow with states:startExecution, or a Distributed Map)` {
		t.Errorf("big: error %v", err)
	}
}

// integration is one workflow per integration kind, with the exact role
// statements it gets.
type integration struct {
	name  string
	build func(wf *dsl.Workflow)
	props *cdk.Props
	want  []string
}

const (
	env  = "${AWS::Partition}:%s:${AWS::Region}:${AWS::AccountId}:"
	rule = "events:DescribeRule events:PutRule events:PutTargets -> arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/"
)

func arn(service, resource string) string { return "arn:" + fmt.Sprintf(env, service) + resource }

var integrations = []integration{
	{"lambda", func(wf *dsl.Workflow) { wf.Task("T", dsl.Lambda("charge")).End() }, nil,
		[]string{"lambda:InvokeFunction -> " + arn("lambda", "function:charge") + " " + arn("lambda", "function:charge:*")}},
	{"lambda placeholder waitForTaskToken", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.Lambda(dsl.Ref("Fn")).Payload(dsl.Obj{"token": dsl.TaskToken()}).WaitForTaskToken()).End()
	}, &cdk.Props{Substitutions: map[string]*string{"Fn": jsii.String("arn:aws:lambda:us-east-1:123456789012:function:f")}},
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:f arn:aws:lambda:us-east-1:123456789012:function:f:*"}},
	{"sns", func(wf *dsl.Workflow) { wf.Task("T", dsl.SNSPublish(dsl.Ref("Topic"), "hi")).End() },
		&cdk.Props{Substitutions: map[string]*string{"Topic": jsii.String("arn:aws:sns:us-east-1:123456789012:t")}},
		[]string{"sns:Publish -> arn:aws:sns:us-east-1:123456789012:t"}},
	{"sqs", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.SQSSendMessage("https://sqs.us-east-1.amazonaws.com/123456789012/q", "m")).End()
	}, nil, []string{"sqs:SendMessage -> arn:${AWS::Partition}:sqs:us-east-1:123456789012:q"}},
	{"dynamodb", func(wf *dsl.Workflow) {
		key := dsl.Obj{"id": dsl.DynamoDBString("1")}
		a := wf.Task("Get", dsl.DynamoDBGetItem("t", key))
		b := wf.Task("Put", dsl.DynamoDBPutItem("t", key))
		c := wf.Task("Update", dsl.DynamoDBUpdateItem(dsl.Ref("Table"), key))
		d := wf.Task("Delete", dsl.DynamoDBDeleteItem("t", key))
		a.Next(b)
		b.Next(c)
		c.Next(d)
		d.End()
	}, &cdk.Props{Substitutions: map[string]*string{"Table": jsii.String("arn:aws:dynamodb:us-east-1:123456789012:table/u")}},
		[]string{"dynamodb:GetItem -> " + arn("dynamodb", "table/t"), "dynamodb:PutItem -> " + arn("dynamodb", "table/t"),
			"dynamodb:UpdateItem -> arn:aws:dynamodb:us-east-1:123456789012:table/u", "dynamodb:DeleteItem -> " + arn("dynamodb", "table/t")}},
	{"ecs sync", func(wf *dsl.Workflow) { wf.Task("T", dsl.ECSRunTask("c", "app:1").Sync()).End() },
		&cdk.Props{PassRoles: []*string{jsii.String("arn:aws:iam::123456789012:role/task"), jsii.String("arn:aws:iam::123456789012:role/exec")}},
		[]string{"ecs:RunTask -> " + arn("ecs", "task-definition/app:1"),
			"iam:PassRole -> arn:aws:iam::123456789012:role/task arn:aws:iam::123456789012:role/exec",
			"ecs:DescribeTasks ecs:StopTask -> " + arn("ecs", "task/*"),
			rule + "StepFunctionsGetEventsForECSTaskRule"}},
	{"batch sync", func(wf *dsl.Workflow) { wf.Task("T", dsl.BatchSubmitJob("j", "q", "d").Sync()).End() }, nil,
		[]string{"batch:SubmitJob -> " + arn("batch", "job-definition/d:*") + " " + arn("batch", "job-queue/q"),
			"batch:DescribeJobs batch:TerminateJob -> *",
			rule + "StepFunctionsGetEventsForBatchJobsRule"}},
	{"glue sync", func(wf *dsl.Workflow) { wf.Task("T", dsl.GlueStartJobRun("etl").Sync()).End() }, nil,
		[]string{"glue:BatchStopJobRun glue:GetJobRun glue:GetJobRuns glue:StartJobRun -> " + arn("glue", "job/etl")}},
	{"step functions sync:2", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.StepFunctionsStartExecution("arn:aws:states:us-east-1:123456789012:stateMachine:child").Sync2()).End()
	}, nil,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:child",
			"states:DescribeExecution states:StopExecution -> " + arn("states", "execution:child:*"),
			rule + "StepFunctionsGetEventsForStepFunctionsExecutionRule"}},
	{"eventbridge", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.EventBridgePutEvents(dsl.EventBridgeEvent("app", "Ordered", dsl.Obj{}).EventBusName("orders"))).End()
	}, nil, []string{"events:PutEvents -> " + arn("events", "event-bus/orders")}},
	{"api gateway", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.APIGatewayInvoke("abc123.execute-api.us-east-1.amazonaws.com", "GET").Stage("prod").Path("/orders").AuthType(dsl.APIGatewayIAMRole)).End()
	}, nil, []string{"execute-api:Invoke -> " + arn("execute-api", "abc123/prod/GET/orders")}},
	{"http", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.HTTPInvoke("https://example.com/x", "POST", "arn:aws:events:us-east-1:123456789012:connection/api/0f1e")).End()
	}, nil, []string{"events:RetrieveConnectionCredentials -> arn:aws:events:us-east-1:123456789012:connection/api/0f1e",
		"secretsmanager:DescribeSecret secretsmanager:GetSecretValue -> " + arn("secretsmanager", "secret:events!connection/api/*"),
		// In a policy of the state machine, attached to the role once the
		// machine exists.
		"states:InvokeHTTPEndpoint -> " + arn("states", "stateMachine:${W8F2A5E99.Name}")}},
	{"http with a fixed name", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.HTTPInvoke("https://example.com/x", "POST", "arn:aws:events:us-east-1:123456789012:connection/api/0f1e")).End()
	}, &cdk.Props{StateMachineName: jsii.String("orders")}, []string{"states:InvokeHTTPEndpoint -> " + arn("states", "stateMachine:orders"),
		"events:RetrieveConnectionCredentials -> arn:aws:events:us-east-1:123456789012:connection/api/0f1e",
		"secretsmanager:DescribeSecret secretsmanager:GetSecretValue -> " + arn("secretsmanager", "secret:events!connection/api/*")}},
	{"athena", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.AthenaStartQueryExecution("select 1").WorkGroup("wg").Sync().
			QueryExecutionContext(dsl.Obj{"Database": "sales"}).
			ResultConfiguration(dsl.Obj{"OutputLocation": dsl.Ref("Results")})).End()
	}, &cdk.Props{Substitutions: map[string]*string{"Results": jsii.String("s3://results/athena/")}},
		[]string{"athena:GetQueryExecution athena:StartQueryExecution athena:StopQueryExecution -> " + arn("athena", "workgroup/wg"),
			"athena:GetDataCatalog -> " + arn("athena", "datacatalog/*"),
			"glue:BatchGetPartition glue:GetDatabase glue:GetDatabases glue:GetPartition glue:GetPartitions glue:GetTable glue:GetTables -> " +
				arn("glue", "catalog") + " " + arn("glue", "database/sales") + " " + arn("glue", "table/sales/*"),
			"s3:AbortMultipartUpload s3:GetBucketLocation s3:GetObject s3:ListBucket s3:ListBucketMultipartUploads s3:ListMultipartUploadParts s3:PutObject -> arn:${AWS::Partition}:s3:::*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena result location", func(wf *dsl.Workflow) {
		a := wf.Task("Start", dsl.AthenaStartQueryExecution("select 1").
			ResultConfiguration(dsl.Obj{"OutputLocation": "s3://results/athena/"}))
		b := wf.Task("Get", dsl.AthenaGetQueryResults(dsl.Path("$.QueryExecution.QueryExecutionId")))
		a.Next(b)
		b.End()
	}, nil,
		[]string{"athena:StartQueryExecution -> " + arn("athena", "workgroup/primary"),
			"athena:GetDataCatalog -> " + arn("athena", "datacatalog/*"),
			"glue:BatchGetPartition glue:GetDatabase glue:GetDatabases glue:GetPartition glue:GetPartitions glue:GetTable glue:GetTables -> " +
				arn("glue", "catalog") + " " + arn("glue", "database/*") + " " + arn("glue", "table/*"),
			"s3:GetBucketLocation s3:ListBucket s3:ListBucketMultipartUploads -> arn:${AWS::Partition}:s3:::results",
			"s3:AbortMultipartUpload s3:GetObject s3:ListMultipartUploadParts s3:PutObject -> arn:${AWS::Partition}:s3:::results/athena/*",
			"lakeformation:GetDataAccess -> *",
			"athena:GetQueryResults -> " + arn("athena", "workgroup/*"),
			"s3:GetObject -> arn:${AWS::Partition}:s3:::*"}},
	{"codebuild", func(wf *dsl.Workflow) { wf.Task("T", dsl.CodeBuildStartBuild("build").Sync()).End() }, nil,
		[]string{"codebuild:BatchGetBuilds codebuild:BatchGetReports codebuild:StartBuild codebuild:StopBuild -> " + arn("codebuild", "project/build"),
			rule + "StepFunctionsGetEventsForCodeBuildStartBuildRule"}},
	{"sagemaker", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.SageMakerCreateTrainingJob("job1", dsl.Obj{"TrainingInputMode": "File"}, "arn:aws:iam::123456789012:role/sm",
			dsl.Obj{"S3OutputPath": "s3://b/o"}, dsl.Obj{"InstanceCount": 1}, dsl.Obj{"MaxRuntimeInSeconds": 3600})).End()
	}, nil, []string{"sagemaker:AddTags sagemaker:CreateTrainingJob -> " + arn("sagemaker", "training-job/job1"),
		"iam:PassRole -> arn:aws:iam::123456789012:role/sm"}},
	{"bedrock", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.BedrockInvokeModel("amazon.titan-text-express-v1", dsl.Obj{"inputText": "hi"})).End()
	}, nil, []string{"bedrock:InvokeModel -> arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.titan-text-express-v1"}},
	{"aws-sdk", func(wf *dsl.Workflow) {
		a := wf.Task("Get", dsl.SDK("s3", "getObject", dsl.Obj{"Bucket": "b", "Key": "k"}))
		b := wf.Task("Describe", dsl.SDK("sfn", "describeExecution", dsl.Obj{"ExecutionArn": dsl.Path("$.arn")}))
		a.Next(b)
		b.End()
	}, nil, []string{"s3:GetObject -> arn:${AWS::Partition}:s3:::b/k", "states:DescribeExecution -> " + arn("states", "execution:*")}},
	{"activity", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.Activity(dsl.Ref("ApproveActivity"))).End()
	}, &cdk.Props{Substitutions: map[string]*string{"ApproveActivity": jsii.String("arn:aws:states:us-east-1:123456789012:activity:a")}}, nil},
	{"distributed map", func(wf *dsl.Workflow) {
		m := wf.Map("M").Distributed(dsl.ExecutionStandard).
			ItemReader(dsl.ReadS3Object("in", "items.json").InputType(dsl.InputJSON)).
			ResultWriter(dsl.WriteResultsToS3("out", "runs"))
		m.Processor(func(items *dsl.Scope) { items.Pass("P").End() })
		m.End()
	}, &cdk.Props{StateMachineName: jsii.String("orders")},
		[]string{"states:StartExecution -> " + arn("states", "stateMachine:orders"),
			"states:DescribeExecution states:StopExecution -> " + arn("states", "execution:orders/*") + " " + arn("states", "execution:orders:*"),
			"states:RedriveExecution -> " + arn("states", "execution:orders/*:*"),
			"s3:GetObject -> arn:${AWS::Partition}:s3:::in/items.json",
			"s3:AbortMultipartUpload s3:GetObject s3:ListMultipartUploadParts s3:PutObject -> arn:${AWS::Partition}:s3:::out/runs/*"}},
	{"distributed map S3 inventory", func(wf *dsl.Workflow) {
		m := wf.Map("M").Distributed(dsl.ExecutionExpress).
			ItemReader(dsl.ReadS3Object("inv", "reports/src/daily/2024-05-01T01-00Z/manifest.json").InputType(dsl.InputManifest))
		m.Processor(func(items *dsl.Scope) {
			items.Pass("P").End()
		})
		m.End()
	}, &cdk.Props{StateMachineName: jsii.String("orders")},
		[]string{"states:StartExecution -> " + arn("states", "stateMachine:orders"),
			"states:DescribeExecution states:StopExecution -> " + arn("states", "execution:orders/*") + " " + arn("states", "execution:orders:*"),
			"states:RedriveExecution -> " + arn("states", "execution:orders/*:*"),
			"s3:GetObject -> arn:${AWS::Partition}:s3:::inv/reports/src/daily/2024-05-01T01-00Z/manifest.json arn:${AWS::Partition}:s3:::inv/reports/src/daily/data/*"}},
	{"sqs waitForTaskToken with a queue", func(wf *dsl.Workflow) {
		wf.Task("T", dsl.SQSSendMessage(dsl.Ref("Q"), dsl.Obj{"token": dsl.TaskToken()}).WaitForTaskToken()).End()
	}, &cdk.Props{Substitutions: map[string]*string{"Q": jsii.String("https://sqs.us-east-1.amazonaws.com/123456789012/q")},
		ARNs: map[string]*string{"Q": jsii.String("arn:aws:sqs:us-east-1:123456789012:q")}},
		[]string{"sqs:SendMessage -> arn:aws:sqs:us-east-1:123456789012:q"}},
}

func TestIntegrationRoles(t *testing.T) {
	needNode(t)
	for _, c := range integrations {
		t.Run(c.name, func(t *testing.T) {
			stack := newStack(t)
			wf := dsl.NewWorkflow("W")
			c.build(wf)
			if _, err := cdk.NewStateMachine(stack, "W", wf, c.props); err != nil {
				t.Fatal(err)
			}
			tpl := assertions.Template_FromStack(stack, nil)
			got := statements(t, tpl)
			checkLines(t, "statements", got, c.want)
			if len(c.want) == 0 {
				tpl.ResourceCountIs(jsii.String("AWS::IAM::Policy"), jsii.Number(0))
			}
			// Every statement is in the policy once.
			seen := map[string]bool{}
			for _, s := range got {
				if seen[s] {
					t.Errorf("statement %s twice", s)
				}
				seen[s] = true
			}
		})
	}
}
