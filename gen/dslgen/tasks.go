package dslgen

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

// param is one parameter of a payload object, as Go key and value.
type param struct {
	key  string
	code jen.Code
}

// params splits a payload object into parameters, like object does.
func (g *gen) params(v asl.Value, m mode) []param {
	ps := make([]param, 0, len(v.Members))
	for _, mem := range v.Members {
		k, code := g.member(v, mem, m)
		ps = append(ps, param{k, code})
	}
	return ps
}

// take removes the parameter with the given Go key.
func take(ps []param, key string) (jen.Code, []param, bool) {
	for i, p := range ps {
		if p.key == key {
			return p.code, append(ps[:i:i], ps[i+1:]...), true
		}
	}
	return nil, ps, false
}

// hasKey reports whether a payload object has key, with or without ".$".
func hasKey(v asl.Value, key string) bool {
	_, a := v.Get(key)
	_, b := v.Get(key + ".$")
	return a || b
}

// withCalls writes the remaining parameters of helper fn with its
// setter for the key when it has one, else as .With(key, value).
func withCalls(fn string, ps []param) []call {
	var calls []call
	for _, p := range ps {
		if m, ok := setters[fn][p.key]; ok {
			calls = append(calls, c(m, p.code))
			continue
		}
		calls = append(calls, c("With", jen.Lit(p.key), p.code))
	}
	return calls
}

// setterSet builds a key → method table from keys whose setter has the
// key's name, and renamed ones given as "Key=Method".
func setterSet(keys ...string) map[string]string {
	m := map[string]string{}
	for _, k := range keys {
		key, method, ok := strings.Cut(k, "=")
		if !ok {
			method = key
		}
		m[key] = method
	}
	return m
}

var (
	snsSetters = setterSet("Subject", "MessageAttributes", "MessageStructure", "MessageGroupId=MessageGroupID", "MessageDeduplicationId=MessageDeduplicationID")
	ddbRead    = []string{"ExpressionAttributeNames", "ReturnConsumedCapacity"}
	ddbWrite   = append([]string{"ConditionExpression", "ExpressionAttributeValues", "ReturnItemCollectionMetrics"}, ddbRead...)
)

// setters lists, per helper, the parameters it has a setter for (the
// setters that take any value; enum-typed ones are written with With).
var setters = map[string]map[string]string{
	"Lambda":                      setterSet("Qualifier", "InvocationType"),
	"SNSPublish":                  snsSetters,
	"SNSPublishToTarget":          snsSetters,
	"SNSPublishToPhone":           snsSetters,
	"SQSSendMessage":              setterSet("DelaySeconds", "MessageAttributes", "MessageGroupId=MessageGroupID", "MessageDeduplicationId=MessageDeduplicationID"),
	"DynamoDBGetItem":             setterSet(append([]string{"ConsistentRead", "ProjectionExpression"}, ddbRead...)...),
	"DynamoDBPutItem":             setterSet(ddbWrite...),
	"DynamoDBUpdateItem":          setterSet(append([]string{"UpdateExpression"}, ddbWrite...)...),
	"DynamoDBDeleteItem":          setterSet(ddbWrite...),
	"StepFunctionsStartExecution": setterSet("Input=ExecutionInput", "Name=ExecutionName"),
	"AthenaStartQueryExecution":   setterSet("ClientRequestToken", "QueryExecutionContext", "ResultConfiguration", "WorkGroup"),
	"AthenaGetQueryResults":       setterSet("MaxResults", "NextToken"),
	"APIGatewayInvoke":            setterSet("Headers", "Path", "QueryParameters", "RequestBody", "Stage"),
	"BatchSubmitJob":              setterSet("ArrayProperties", "ContainerOverrides", "DependsOn", "Parameters=JobParameters", "RetryStrategy", "Timeout=JobTimeout"),
	"ECSRunTask":                  setterSet("CapacityProviderStrategy", "EnableExecuteCommand", "Group", "NetworkConfiguration", "Overrides", "PlacementConstraints", "PlacementStrategy", "PlatformVersion", "PropagateTags"),
	"GlueStartJobRun":             setterSet("AllocatedCapacity", "Arguments=JobArguments", "JobRunId=JobRunID", "NotificationProperty", "SecurityConfiguration", "Timeout=JobTimeout"),
	"CodeBuildStartBuild":         setterSet("BuildspecOverride", "EnvironmentVariablesOverride", "IdempotencyToken", "SourceVersion", "TimeoutInMinutesOverride"),
	"BedrockInvokeModel":          setterSet("Accept", "ContentType"),
}

// helper is a typed integration helper of package dsl: its function, the
// required parameters it takes as arguments, and the integration patterns
// it has methods for.
type helper struct {
	fn                    string
	keys                  []string
	sync, sync2, callback bool
}

// helpers maps an optimized integration's ARN (without the pattern) to the
// helpers that build it, tried in order.
var helpers = map[string][]helper{
	"arn:aws:states:::sns:publish": {
		{fn: "SNSPublish", keys: []string{"TopicArn", "Message"}, callback: true},
		{fn: "SNSPublishToTarget", keys: []string{"TargetArn", "Message"}, callback: true},
		{fn: "SNSPublishToPhone", keys: []string{"PhoneNumber", "Message"}, callback: true},
	},
	"arn:aws:states:::sqs:sendMessage":            {{fn: "SQSSendMessage", keys: []string{"QueueUrl", "MessageBody"}, callback: true}},
	"arn:aws:states:::dynamodb:getItem":           {{fn: "DynamoDBGetItem", keys: []string{"TableName", "Key"}}},
	"arn:aws:states:::dynamodb:putItem":           {{fn: "DynamoDBPutItem", keys: []string{"TableName", "Item"}}},
	"arn:aws:states:::dynamodb:updateItem":        {{fn: "DynamoDBUpdateItem", keys: []string{"TableName", "Key"}}},
	"arn:aws:states:::dynamodb:deleteItem":        {{fn: "DynamoDBDeleteItem", keys: []string{"TableName", "Key"}}},
	"arn:aws:states:::states:startExecution":      {{fn: "StepFunctionsStartExecution", keys: []string{"StateMachineArn"}, sync: true, sync2: true, callback: true}},
	"arn:aws:states:::athena:startQueryExecution": {{fn: "AthenaStartQueryExecution", keys: []string{"QueryString"}, sync: true}},
	"arn:aws:states:::athena:getQueryResults":     {{fn: "AthenaGetQueryResults", keys: []string{"QueryExecutionId"}}},
	"arn:aws:states:::athena:getQueryExecution":   {{fn: "AthenaGetQueryExecution", keys: []string{"QueryExecutionId"}}},
	"arn:aws:states:::athena:stopQueryExecution":  {{fn: "AthenaStopQueryExecution", keys: []string{"QueryExecutionId"}}},
	"arn:aws:states:::apigateway:invoke":          {{fn: "APIGatewayInvoke", keys: []string{"ApiEndpoint", "Method"}, callback: true}},
	"arn:aws:states:::ecs:runTask":                {{fn: "ECSRunTask", keys: []string{"Cluster", "TaskDefinition"}, sync: true, callback: true}},
	"arn:aws:states:::batch:submitJob":            {{fn: "BatchSubmitJob", keys: []string{"JobName", "JobQueue", "JobDefinition"}, sync: true}},
	"arn:aws:states:::glue:startJobRun":           {{fn: "GlueStartJobRun", keys: []string{"JobName"}, sync: true}},
	"arn:aws:states:::codebuild:startBuild":       {{fn: "CodeBuildStartBuild", keys: []string{"ProjectName"}, sync: true}},
	"arn:aws:states:::bedrock:invokeModel":        {{fn: "BedrockInvokeModel", keys: []string{"ModelId", "Body"}, callback: true}},
}

// patternCall returns the helper method for an integration pattern, and
// whether the helper has it.
func (h helper) patternCall(pattern string) ([]call, bool) {
	switch {
	case pattern == "":
		return nil, true
	case pattern == ".sync" && h.sync:
		return []call{c("Sync")}, true
	case pattern == ".sync:2" && h.sync2:
		return []call{c("Sync2")}, true
	case pattern == waitForTaskToken && h.callback:
		return []call{c("WaitForTaskToken")}, true
	}
	return nil, false
}

// splitPattern splits an optimized integration's ARN from its pattern.
func splitPattern(res string) (string, string) {
	for _, p := range []string{waitForTaskToken, ".sync:2", ".sync"} {
		if strings.HasSuffix(res, p) {
			return strings.TrimSuffix(res, p), p
		}
	}
	return res, ""
}

const waitForTaskToken = ".waitForTaskToken"

// resource writes a Task's resource: the helper call and the calls of its
// options, to which the caller appends the state's own. consumed reports that the helper
// holds the state's Parameters (JSONPath) or Arguments (JSONata); rest is
// the Retry list left for the state once a helper's default retrier is
// accounted for.
func (g *gen) resource(st *asl.State, ptr string) (root *jen.Statement, calls []call, rest []*asl.Retrier, consumed bool) {
	res := st.Resource
	m := g.payloadMode(st)
	payload := st.Parameters
	other := st.Arguments
	if m == jsonata {
		payload, other = st.Arguments, st.Parameters
	}
	base, pattern := splitPattern(res)
	var tail []call
	if pattern != "" && pattern != waitForTaskToken {
		// Only the helpers below that take .sync have it.
		base, pattern = res, ""
	}
	if pattern != "" {
		tail = append(tail, c("WaitForTaskToken"))
	}
	objOK := payload.Kind == asl.Object && len(payload.Members) > 0 && !other.IsSet()
	switch {
	case base == "arn:aws:states:::lambda:invoke" && objOK && hasKey(payload, "FunctionName"):
		ps := g.params(payload, m)
		fn, ps, ok := take(ps, "FunctionName")
		if !ok {
			break
		}
		calls := []call{}
		pl, ps, hasPayload := take(ps, "Payload")
		switch {
		case !hasPayload:
			calls = append(calls, c("NoPayload"))
		case isStateInput(payload, m):
			// The default payload.
		default:
			calls = append(calls, c("Payload", pl))
		}
		calls = append(calls, withCalls("Lambda", ps)...)
		calls = append(calls, tail...)
		rest = st.Retry
		if len(st.Retry) > 0 && isLambdaDefault(st.Retry[0]) {
			rest = st.Retry[1:]
		} else {
			calls = append(calls, c("NoDefaultRetry"))
		}
		return dslID("Lambda").Call(fn), calls, rest, true
	case strings.HasPrefix(base, "arn:aws:states:::aws-sdk:") && (objOK || !payload.IsSet()):
		svc, action, ok := strings.Cut(strings.TrimPrefix(base, "arn:aws:states:::aws-sdk:"), ":")
		if !ok || svc == "" || action == "" || strings.Contains(action, ":") {
			break
		}
		var obj jen.Code = jen.Nil()
		if payload.IsSet() {
			obj = g.object(payload, m)
		}
		return g.sdkCall(svc, action, obj), tail, st.Retry, payload.IsSet()
	case base == "arn:aws:states:::events:putEvents" && objOK && hasKey(payload, "Entries"):
		ps := g.params(payload, m)
		entries, ps, _ := take(ps, "Entries")
		var args []jen.Code
		var calls []call
		if ev, ok := payload.Get("Entries"); ok && ev.Kind == asl.Array && len(ev.Items) > 0 {
			for _, e := range ev.Items {
				a, ok := g.eventEntry(e, m)
				if !ok {
					args = nil
					break
				}
				args = append(args, a)
			}
		}
		if args == nil {
			calls = append(calls, c("Entries", entries))
		}
		calls = append(calls, withCalls("EventBridgePutEvents", ps)...)
		calls = append(calls, tail...)
		if len(args) > 1 {
			return dslID("EventBridgePutEvents").Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}, args...), calls, st.Retry, true
		}
		return dslID("EventBridgePutEvents").Call(args...), calls, st.Retry, true
	}
	base, pattern = splitPattern(res)
	if hs := helpers[base]; hs != nil && objOK {
		for _, o := range hs {
			tail, ok := o.patternCall(pattern)
			if !ok {
				continue
			}
			found := true
			for _, k := range o.keys {
				found = found && hasKey(payload, k)
			}
			if !found {
				continue
			}
			ps := g.params(payload, m)
			var args []jen.Code
			for _, k := range o.keys {
				var a jen.Code
				var found bool
				a, ps, found = take(ps, k)
				if !found {
					return g.rawResource(res), nil, st.Retry, false
				}
				args = append(args, a)
			}
			calls := append(withCalls(o.fn, ps), tail...)
			return dslID(o.fn).Call(args...), calls, st.Retry, true
		}
	}
	return g.rawResource(res), nil, st.Retry, false
}

// eventEntry writes one EventBridge entry with dsl.EventBridgeEvent, when
// it is an object with Source, DetailType and Detail.
func (g *gen) eventEntry(e asl.Value, m mode) (jen.Code, bool) {
	if e.Kind != asl.Object {
		return nil, false
	}
	for _, k := range []string{"Source", "DetailType", "Detail"} {
		if !hasKey(e, k) {
			return nil, false
		}
	}
	ps := g.params(e, m)
	var args []jen.Code
	for _, k := range []string{"Source", "DetailType", "Detail"} {
		a, rest, ok := take(ps, k)
		if !ok {
			return nil, false
		}
		ps = rest
		args = append(args, a)
	}
	var calls []call
	for _, p := range ps {
		if p.key == "EventBusName" {
			calls = append(calls, c("EventBusName", p.code))
		} else {
			calls = append(calls, c("With", jen.Lit(p.key), p.code))
		}
	}
	return chain(dslID("EventBridgeEvent").Call(args...), calls), true
}

// rawResource writes an ARN the helpers do not cover: an activity, a
// placeholder or any other resource.
func (g *gen) rawResource(res string) *jen.Statement {
	if name, ok := refName(res); ok {
		return dslID("ResourceRef").Call(dslID("Ref").Call(jen.Lit(name)))
	}
	if strings.HasPrefix(res, "arn:") && strings.Contains(res, ":activity:") {
		return dslID("Activity").Call(jen.Lit(res))
	}
	return dslID("ResourceARN").Call(jen.Lit(res))
}

// isStateInput reports whether a Lambda payload is the whole state input,
// which dsl.Lambda passes by default.
func isStateInput(payload asl.Value, m mode) bool {
	if m == jsonata {
		v, ok := payload.Get("Payload")
		return ok && v.Kind == asl.String && v.Str == "{% $states.input %}"
	}
	v, ok := payload.Get("Payload.$")
	_, plain := payload.Get("Payload")
	return ok && !plain && v.Kind == asl.String && v.Str == "$"
}

// isLambdaDefault reports whether r is exactly dsl.LambdaDefaultRetry().
func isLambdaDefault(r *asl.Retrier) bool {
	if r == nil || r.Comment != "" || r.JitterStrategy != "" || r.MaxDelaySeconds.IsSet() {
		return false
	}
	want := []string{"Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"}
	if len(r.ErrorEquals) != len(want) {
		return false
	}
	for i := range want {
		if r.ErrorEquals[i] != want[i] {
			return false
		}
	}
	return asl.Equal(r.IntervalSeconds, asl.IntValue(2)) && asl.Equal(r.MaxAttempts, asl.IntValue(6)) && asl.Equal(r.BackoffRate, asl.IntValue(2))
}

// task writes a Task's own fields.
func (g *gen) task(st *asl.State, m mode, ptr string) []call {
	var calls []call
	if st.Credentials.IsSet() {
		calls = append(calls, g.credentials(st.Credentials, m, ptr+"/Credentials")...)
	}
	calls = append(calls, g.seconds(st.TimeoutSeconds, st.TimeoutSecondsPath, ptr, "TimeoutSeconds", "Timeout")...)
	calls = append(calls, g.seconds(st.HeartbeatSeconds, st.HeartbeatSecondsPath, ptr, "HeartbeatSeconds", "Heartbeat")...)
	return calls
}

func (g *gen) credentials(v asl.Value, m mode, ptr string) []call {
	if v.Kind == asl.Object && len(v.Members) == 1 {
		mem := v.Members[0]
		switch {
		case mem.Key == "RoleArn":
			return []call{c("Credentials", g.value(mem.Value, m))}
		case mem.Key == "RoleArn.$" && mem.Value.Kind == asl.String && m == template:
			if strings.HasPrefix(mem.Value.Str, "States.") {
				return []call{c("Credentials", intrinsicCode(mem.Value.Str))}
			}
			return []call{c("Credentials", dslID("Path").Call(jen.Lit(mem.Value.Str)))}
		}
	}
	g.errf(ptr, "dsl's Credentials writes {\"RoleArn\": ...} or {\"RoleArn.$\": ...} only")
	return nil
}

// wait writes a Wait state's own fields.
func (g *gen) wait(st *asl.State, ptr string) []call {
	calls := g.seconds(st.Seconds, st.SecondsPath, ptr, "Seconds", "For")
	if st.Timestamp != "" {
		if e, ok := exprText(st.Timestamp); ok && g.isJSONata(st) {
			calls = append(calls, c("UntilExpr", dslID("Expr").Call(jen.Lit(e))))
		} else {
			calls = append(calls, c("UntilText", jen.Lit(st.Timestamp)))
		}
	}
	if st.TimestampPath != "" {
		calls = append(calls, c("UntilPath", jen.Lit(st.TimestampPath)))
	}
	return calls
}

// fail writes a Fail state's own fields.
func (g *gen) fail(st *asl.State) []call {
	var calls []call
	text := func(s, path, name string) {
		if s != "" {
			if e, ok := exprText(s); ok && g.isJSONata(st) {
				calls = append(calls, c(name+"Expr", dslID("Expr").Call(jen.Lit(e))))
			} else {
				calls = append(calls, c(name, jen.Lit(s)))
			}
		}
		if path != "" {
			if strings.HasPrefix(path, "States.") {
				calls = append(calls, c(name+"Intrinsic", intrinsicCode(path)))
			} else {
				calls = append(calls, c(name+"Path", jen.Lit(path)))
			}
		}
	}
	text(st.Error, st.ErrorPath, "Error")
	text(st.Cause, st.CausePath, "Cause")
	return calls
}
