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

// withCalls writes the remaining parameters as .With(key, value).
func withCalls(ps []param) []call {
	var calls []call
	for _, p := range ps {
		calls = append(calls, c("With", jen.Lit(p.key), p.code))
	}
	return calls
}

// optimized are the optimized integrations written with a typed helper
// whose arguments are required parameters.
var optimized = map[string][]struct {
	fn   string
	keys []string
}{
	"arn:aws:states:::sns:publish": {
		{"SNSPublish", []string{"TopicArn", "Message"}},
		{"SNSPublishToTarget", []string{"TargetArn", "Message"}},
		{"SNSPublishToPhone", []string{"PhoneNumber", "Message"}},
	},
	"arn:aws:states:::sqs:sendMessage": {{"SQSSendMessage", []string{"QueueUrl", "MessageBody"}}},
}

const waitForTaskToken = ".waitForTaskToken"

// resource writes a Task's resource. consumed reports that the helper
// holds the state's Parameters (JSONPath) or Arguments (JSONata); rest is
// the Retry list left for the state once a helper's default retrier is
// accounted for.
func (g *gen) resource(st *asl.State, ptr string) (code jen.Code, rest []*asl.Retrier, consumed bool) {
	res := st.Resource
	m := g.payloadMode(st)
	payload := st.Parameters
	other := st.Arguments
	if m == jsonata {
		payload, other = st.Arguments, st.Parameters
	}
	base, pattern := res, ""
	if strings.HasSuffix(res, waitForTaskToken) {
		base, pattern = strings.TrimSuffix(res, waitForTaskToken), waitForTaskToken
	}
	var tail []call
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
		calls = append(calls, withCalls(ps)...)
		calls = append(calls, tail...)
		rest = st.Retry
		if len(st.Retry) > 0 && isLambdaDefault(st.Retry[0]) {
			rest = st.Retry[1:]
		} else {
			calls = append(calls, c("NoDefaultRetry"))
		}
		return chain(dslID("Lambda").Call(fn), calls), rest, true
	case strings.HasPrefix(base, "arn:aws:states:::aws-sdk:") && (objOK || !payload.IsSet()):
		svc, action, ok := strings.Cut(strings.TrimPrefix(base, "arn:aws:states:::aws-sdk:"), ":")
		if !ok || svc == "" || action == "" || strings.Contains(action, ":") {
			break
		}
		var obj jen.Code = jen.Nil()
		if payload.IsSet() {
			obj = g.object(payload, m)
		}
		return chain(dslID("SDK").Call(jen.Lit(svc), jen.Lit(action), obj), tail), st.Retry, payload.IsSet()
	case optimized[base] != nil && objOK:
		for _, o := range optimized[base] {
			if !hasKey(payload, o.keys[0]) || !hasKey(payload, o.keys[1]) {
				continue
			}
			ps := g.params(payload, m)
			var args []jen.Code
			for _, k := range o.keys {
				var a jen.Code
				var found bool
				a, ps, found = take(ps, k)
				if !found {
					return g.rawResource(res), st.Retry, false
				}
				args = append(args, a)
			}
			calls := append(withCalls(ps), tail...)
			return chain(dslID(o.fn).Call(args...), calls), st.Retry, true
		}
	}
	return g.rawResource(res), st.Retry, false
}

// rawResource writes an ARN the helpers do not cover: an activity, a
// placeholder or any other resource.
func (g *gen) rawResource(res string) jen.Code {
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
			return []call{c("Credentials", pathCode(mem.Value.Str))}
		}
	}
	g.errf(ptr, "dsl's Credentials writes {\"RoleArn\": ...} or {\"RoleArn.$\": ...} only")
	return nil
}

// seconds writes a duration field that may also be a path or a JSONata
// expression: Timeout, Heartbeat, and Wait's For.
func (g *gen) seconds(v asl.Value, path, ptr, field, method string) []call {
	var calls []call
	if v.IsSet() {
		switch {
		case v.Kind == asl.Number:
			if d, ok := durationCode(v); ok {
				calls = append(calls, c(method, d))
			} else {
				g.errf(ptr+"/"+field, "%s: %s takes a whole number of seconds", describe(v), method)
			}
		case v.Kind == asl.String && method == "For" && placeholderRe.MatchString(v.Str):
			name, _ := refName(v.Str)
			calls = append(calls, c("ForRef", dslID("Ref").Call(jen.Lit(name))))
		case v.Kind == asl.String && isExpr(v.Str):
			if e, ok := exprText(v.Str); ok {
				calls = append(calls, c(method+"Expr", dslID("Expr").Call(jen.Lit(e))))
			} else {
				g.errf(ptr+"/"+field, "the JSONata expression %q has spaces dsl.Expr does not keep: write it as \"{%% expr %%}\"", v.Str)
			}
		default:
			g.errf(ptr+"/"+field, "%s: dsl writes %s as a number, a path or a JSONata expression", describe(v), field)
		}
	}
	if path != "" {
		calls = append(calls, c(method+"Path", jen.Lit(path)))
	}
	return calls
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
				calls = append(calls, c(name+"Intrinsic", dslID("RawIntrinsic").Call(jen.Lit(path))))
			} else {
				calls = append(calls, c(name+"Path", jen.Lit(path)))
			}
		}
	}
	text(st.Error, st.ErrorPath, "Error")
	text(st.Cause, st.CausePath, "Cause")
	return calls
}
