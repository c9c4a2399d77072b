package asl

import (
	"sort"
	"strings"
)

// integration is one row of the optimized-integration support matrix
// (checklist 11.7).
type integration struct {
	sync, token bool
}

// integrations maps the service token of arn:aws:states:::<service>:<api>
// to the patterns it supports beyond request-response.
var integrations = map[string]integration{
	"apigateway":       {token: true},
	"athena":           {sync: true},
	"batch":            {sync: true},
	"bedrock":          {sync: true, token: true},
	"codebuild":        {sync: true},
	"dynamodb":         {},
	"ecs":              {sync: true, token: true},
	"eks":              {sync: true, token: true},
	"elasticmapreduce": {sync: true},
	"emr-containers":   {sync: true},
	"emr-serverless":   {sync: true},
	"events":           {token: true},
	"glue":             {sync: true},
	"databrew":         {sync: true},
	"lambda":           {token: true},
	"mediaconvert":     {sync: true},
	"sagemaker":        {sync: true},
	"sns":              {token: true},
	"sqs":              {token: true},
	"states":           {sync: true, token: true},
}

var integrationNames = func() []string {
	l := []string{"aws-sdk", "http"}
	for k := range integrations {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}()

// resourceKind classifies a Task Resource.
type resourceKind uint8

const (
	resUnknown     resourceKind = iota
	resPlaceholder              // contains ${...}: checked after substitution
	resActivity
	resLambda
	resOptimized
	resSDK
	resHTTP
)

// resourceInfo is a parsed Task Resource.
type resourceInfo struct {
	kind    resourceKind
	service string // optimized: the service token; aws-sdk: the SDK service
	action  string
	suffix  string // "", ".sync", ".sync:2", ".waitForTaskToken"
}

// partitionOK reports whether p looks like an AWS partition name.
func partitionOK(p string) bool {
	if p != "aws" && !strings.HasPrefix(p, "aws-") {
		return false
	}
	for _, r := range p {
		if (r < 'a' || r > 'z') && r != '-' {
			return false
		}
	}
	return true
}

// parseResource classifies a Resource string; the message says why it is
// not a known form.
//
// A Resource with ${Name} placeholders (CloudFormation or SAM
// DefinitionSubstitutions) passes unchecked, unless it is a known form with
// every placeholder read as "aws": then its integration pattern is still
// checked.
func parseResource(r string) (resourceInfo, string) {
	if strings.Contains(r, "${") {
		sub := substitutePlaceholders(r)
		if strings.Contains(sub, "${") {
			return resourceInfo{kind: resPlaceholder}, ""
		}
		info, why := parseResource(sub)
		if why != "" {
			return resourceInfo{kind: resPlaceholder}, ""
		}
		return info, ""
	}
	parts := strings.SplitN(r, ":", 6)
	if len(parts) < 6 || parts[0] != "arn" {
		return resourceInfo{}, "it is not an ARN (arn:partition:service:region:account:resource)"
	}
	if !partitionOK(parts[1]) {
		return resourceInfo{}, "the partition " + quoteStr(parts[1]) + " is not an AWS partition (aws, aws-cn, aws-us-gov, ...)"
	}
	service, rest := parts[2], parts[5]
	switch service {
	case "lambda":
		name, ok := strings.CutPrefix(rest, "function:")
		if !ok || name == "" {
			return resourceInfo{}, "a Lambda ARN must end in function:<name>[:<qualifier>]"
		}
		return resourceInfo{kind: resLambda}, ""
	case "states":
	default:
		return resourceInfo{}, "the service " + quoteStr(service) + " has no Task integration; use arn:aws:states:::<service>:<action>, arn:aws:states:::aws-sdk:<service>:<action> or a Lambda function ARN"
	}
	if name, ok := strings.CutPrefix(rest, "activity:"); ok {
		if name == "" {
			return resourceInfo{}, "the activity name is missing"
		}
		return resourceInfo{kind: resActivity}, ""
	}
	info := resourceInfo{}
	for _, suf := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		if strings.HasSuffix(rest, suf) {
			info.suffix = suf
			rest = strings.TrimSuffix(rest, suf)
			break
		}
	}
	fields := strings.Split(rest, ":")
	switch {
	case fields[0] == "aws-sdk":
		if len(fields) != 3 || fields[1] == "" || fields[2] == "" {
			return resourceInfo{}, "an AWS SDK integration is arn:aws:states:::aws-sdk:<service>:<action>"
		}
		info.kind, info.service, info.action = resSDK, fields[1], fields[2]
	case fields[0] == "http":
		if len(fields) != 2 || fields[1] != "invoke" {
			return resourceInfo{}, "the HTTP integration is arn:aws:states:::http:invoke"
		}
		info.kind, info.service, info.action = resHTTP, "http", "invoke"
	default:
		if len(fields) != 2 || fields[1] == "" {
			return resourceInfo{}, "an optimized integration is arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]"
		}
		if _, ok := integrations[fields[0]]; !ok {
			return resourceInfo{}, "the service " + quoteStr(fields[0]) + " has no optimized integration" + didYouMean(fields[0], integrationNames) + "; use arn:aws:states:::aws-sdk:" + fields[0] + ":<action> for an AWS SDK call"
		}
		info.kind, info.service, info.action = resOptimized, fields[0], fields[1]
	}
	return info, ""
}

func quoteStr(s string) string { return "\"" + s + "\"" }

// task checks a Task state's own fields (checklist 3.1, 11).
func (v *validator) task(sc *stateCtx) {
	st := sc.st
	rp := ptrJoin(sc.at, "Resource")
	var res resourceInfo
	switch {
	case st.Resource == "" && st.Empty.Has("Resource"):
		// Reported with the other empty fields.
	case st.Resource == "":
		v.errorf(CodeSchema, sc.at, "Field 'Resource' is required: a Task state needs the ARN of what it runs, e.g. \"arn:aws:states:::lambda:invoke\"")
	case IsJSONata(st.Resource) || strings.HasPrefix(st.Resource, "{%"):
		v.errorf(CodeInvalidResource, rp, "The Task state's Resource field must be a constant string, not a JSONata expression; choose the target in Arguments (e.g. FunctionName) instead")
	default:
		var why string
		res, why = parseResource(st.Resource)
		if why != "" {
			v.errorf(CodeInvalidResource, rp, "Resource %q is not a valid Task resource: %s", st.Resource, why)
		} else {
			v.resourcePattern(sc, res, rp)
			if parts := strings.SplitN(st.Resource, ":", 3); len(parts) == 3 && parts[0] == "arn" && parts[1] != "" && !strings.Contains(parts[1], "${") {
				v.partitions = append(v.partitions, resourcePartition{parts[1], st.Resource, rp})
			}
		}
	}

	v.credentials(sc, res)

	// Timeouts.
	var timeout, heartbeat int64
	var timeoutOK, heartbeatOK bool
	if st.TimeoutSeconds.IsSet() && sc.ok("TimeoutSeconds") {
		p := ptrJoin(sc.at, "TimeoutSeconds")
		timeout, timeoutOK = v.intField(sc, st.TimeoutSeconds, p, "TimeoutSeconds", 1, maxSeconds)
		if timeoutOK {
			v.durationWarning(timeout, p, "TimeoutSeconds", sc.scope.express)
			if res.kind == resHTTP && timeout > 60 {
				v.warnf(CodeLimit, p, "Field 'TimeoutSeconds' is %d, but an HTTP Task times out after 60 seconds whatever TimeoutSeconds says (States.Http.Socket); use 60 or less", timeout)
			}
		}
	}
	if st.HeartbeatSeconds.IsSet() && sc.ok("HeartbeatSeconds") {
		heartbeat, heartbeatOK = v.intField(sc, st.HeartbeatSeconds, ptrJoin(sc.at, "HeartbeatSeconds"), "HeartbeatSeconds", 1, maxSeconds)
	}
	if timeoutOK && heartbeatOK && heartbeat >= timeout {
		v.errorf(CodeSchema, ptrJoin(sc.at, "HeartbeatSeconds"), "Field 'HeartbeatSeconds' (%d) must be smaller than 'TimeoutSeconds' (%d); lower it or raise TimeoutSeconds", heartbeat, timeout)
	}
	if st.TimeoutSecondsPath != "" && sc.ok("TimeoutSecondsPath") {
		p := ptrJoin(sc.at, "TimeoutSecondsPath")
		if st.TimeoutSeconds.IsSet() {
			v.errorf(CodeSchema, p, "There should only be one of the following fields: [TimeoutSeconds, TimeoutSecondsPath]; keep only one of them")
		}
		v.path(sc, st.TimeoutSecondsPath, p, "TimeoutSecondsPath", pathRef)
	}
	if st.HeartbeatSecondsPath != "" && sc.ok("HeartbeatSecondsPath") {
		p := ptrJoin(sc.at, "HeartbeatSecondsPath")
		if st.HeartbeatSeconds.IsSet() {
			v.errorf(CodeSchema, p, "There should only be one of the following fields: [HeartbeatSeconds, HeartbeatSecondsPath]; keep only one of them")
		}
		v.path(sc, st.HeartbeatSecondsPath, p, "HeartbeatSecondsPath", pathRef)
	}

	args, argsField := st.Parameters, "Parameters"
	if sc.lang == JSONata {
		args, argsField = st.Arguments, "Arguments"
	}
	if res.suffix == ".waitForTaskToken" && sc.ok(argsField) && !mentionsToken(args, 0) {
		v.warnf(CodeSchema, sc.at, "The Task waits for a task token (.waitForTaskToken) but its %s never pass the token (%s), so nothing can complete it; send the token to the worker", argsField, map[bool]string{true: "$states.context.Task.Token", false: "$$.Task.Token"}[sc.lang == JSONata])
	}
	if res.kind == resHTTP && sc.ok(argsField) {
		v.httpArguments(sc, args, ptrJoin(sc.at, argsField), argsField)
	}
}

// resourcePattern checks the integration pattern against the service and
// the workflow type (checklist 11.4–11.8, 14).
func (v *validator) resourcePattern(sc *stateCtx, res resourceInfo, p string) {
	st := sc.st
	switch res.kind {
	case resActivity:
		if sc.scope.express {
			v.errorf(CodeExpressUnsupported, p, "Express state machine does not support activities (%s); use a Lambda function or an integration, or make the workflow Standard", st.Resource)
		}
		return
	case resSDK:
		if strings.HasPrefix(res.suffix, ".sync") {
			v.errorf(CodeInvalidResource, p, "Resource %q uses %s, but AWS SDK integrations do not support the Run a Job (.sync) pattern; remove the suffix, or use an optimized integration that supports it", st.Resource, res.suffix)
			return
		}
	case resHTTP:
		if res.suffix != "" {
			v.errorf(CodeInvalidResource, p, "Resource %q uses %s, but the HTTP Task supports only request-response; use \"arn:aws:states:::http:invoke\"", st.Resource, res.suffix)
			return
		}
	case resOptimized:
		in := integrations[res.service]
		switch {
		case res.suffix == ".sync:2" && !(res.service == "states" && res.action == "startExecution"):
			v.errorf(CodeInvalidResource, p, "Resource %q uses .sync:2, which only states:startExecution supports; use .sync", st.Resource)
			return
		case strings.HasPrefix(res.suffix, ".sync") && !in.sync:
			v.errorf(CodeInvalidResource, p, "Resource %q uses .sync, but the %s integration does not support the Run a Job (.sync) pattern; remove the suffix", st.Resource, res.service)
			return
		case res.suffix == ".waitForTaskToken" && !in.token:
			v.errorf(CodeInvalidResource, p, "Resource %q uses .waitForTaskToken, but the %s integration does not support the callback pattern; remove the suffix", st.Resource, res.service)
			return
		case res.suffix == ".waitForTaskToken" && res.service == "eks":
			v.warnf(CodeInvalidResource, p, "Resource %q: the EKS integration page says the callback (.waitForTaskToken) pattern is not supported; use runJob.sync or call", st.Resource)
		}
	}
	if sc.scope.express && res.suffix != "" {
		where := "Express state machine"
		if !v.express {
			where = "An EXPRESS Distributed Map child workflow"
		}
		v.errorf(CodeExpressUnsupported, p, "%s does not support '%s' service integration (%s); use the request-response form, or run the work in a Standard workflow", where, res.suffix, st.Resource)
	}
}

// credentials checks Task Credentials (checklist 3.1.11).
func (v *validator) credentials(sc *stateCtx, res resourceInfo) {
	st := sc.st
	if !st.Credentials.IsSet() || !sc.ok("Credentials") {
		return
	}
	p := ptrJoin(sc.at, "Credentials")
	c := st.Credentials
	if c.Kind != Object {
		v.errorf(CodeSchema, p, "Field 'Credentials' is %s: it must be an object {\"RoleArn\": \"arn:aws:iam::<account>:role/<name>\"}", kindPhrase(c.Kind))
		return
	}
	if res.kind == resActivity {
		v.errorf(CodeSchema, p, "Field 'Credentials' is not supported for activities; remove it, or call a Lambda function or an integration")
	}
	if len(c.Members) != 1 || (c.Members[0].Key != "RoleArn" && c.Members[0].Key != "RoleArn.$") {
		v.errorf(CodeSchema, p, "Field 'Credentials' must hold exactly one field, 'RoleArn' (or 'RoleArn.$' with a path in JSONPath states)")
	}
	for _, m := range c.Members {
		mp := ptrJoin(p, m.Key)
		switch m.Key {
		case "RoleArn":
			if m.Value.Kind != String {
				v.errorf(CodeSchema, mp, "Field 'RoleArn' is %s: it must be a role ARN string", kindPhrase(m.Value.Kind))
			} else if sc.lang == JSONata && IsJSONata(m.Value.Str) {
				v.expr(sc, m.Value.Str, mp, jaCtx{field: "Credentials"})
			}
		case "RoleArn.$":
			if sc.lang == JSONata {
				v.errorf(CodeSchema, mp, "%s", langMismatch(JSONata, "RoleArn.$", "'RoleArn' with a JSONata expression"))
			} else {
				v.dynamicValue(sc, m.Value, mp, "Credentials")
			}
		}
	}
}

// mentionsToken reports whether a value passes the task token.
func mentionsToken(val Value, depth int) bool {
	if depth > 1000 {
		return false
	}
	switch val.Kind {
	case String:
		return strings.Contains(val.Str, "Task.Token") || passesContext(val.Str, "$$") ||
			passesContext(val.Str, "$states.context") || passesContext(val.Str, "$states")
	case Object:
		for _, m := range val.Members {
			if mentionsToken(m.Value, depth+1) {
				return true
			}
		}
	case Array:
		for _, it := range val.Items {
			if mentionsToken(it, depth+1) {
				return true
			}
		}
	}
	return false
}

// passesContext reports whether s reads, through root ("$$", or
// "$states.context" in JSONata), a value that holds the task token: the
// root itself (the whole context object) or its Task. "$states" alone
// holds the context too.
func passesContext(s, root string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], root)
		if j < 0 {
			return false
		}
		rest := s[i+j+len(root):]
		i += j + len(root)
		if rest != "" && isPathChar(rest[0]) {
			continue // a longer name: $statesX, or $$ inside $$$
		}
		if root == "$states" {
			// $states.input, $states.result...: only $states or
			// $states.context (checked with its own root) carry the token.
			if !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "[") {
				return true
			}
			continue
		}
		switch {
		case !strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, "["):
			return true // the whole context object
		case strings.HasPrefix(rest, ".Task") && (len(rest) == 5 || !isPathChar(rest[5])):
			return true
		case strings.HasPrefix(rest, "['Task']"), strings.HasPrefix(rest, `["Task"]`):
			return true
		}
	}
}

// isPathChar reports whether c may continue a field or variable name.
func isPathChar(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var httpMethods = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"}

// httpArguments checks the arguments of an HTTP Task (checklist 11.5).
func (v *validator) httpArguments(sc *stateCtx, args Value, p, field string) {
	if !args.IsSet() {
		v.errorf(CodeSchema, sc.at, "An HTTP Task needs '%s' with ApiEndpoint, Method and Authentication.ConnectionArn; add them", field)
		return
	}
	if args.Kind != Object {
		return // a JSONata expression, or a non-object reported elsewhere
	}
	get := func(obj Value, key string) (Value, string, bool) {
		if val, ok := obj.Get(key); ok {
			return val, key, true
		}
		if sc.lang == JSONPath {
			if val, ok := obj.Get(key + ".$"); ok {
				return val, key + ".$", true
			}
		}
		return Value{}, "", false
	}
	for _, k := range []string{"ApiEndpoint", "Method"} {
		if _, _, ok := get(args, k); !ok {
			v.errorf(CodeSchema, p, "An HTTP Task's %s need the field '%s'; add it", field, k)
		}
	}
	_, _, auth := get(args, "Authentication")
	_, _, inv := get(args, "InvocationConfig")
	if !auth && !inv {
		v.errorf(CodeSchema, p, "An HTTP Task's %s need 'Authentication' (or 'InvocationConfig' for a private API) with a ConnectionArn; add it", field)
	}
	if m, key, ok := get(args, "Method"); ok && key == "Method" && m.Kind == String && !IsJSONata(m.Str) {
		known := false
		for _, h := range httpMethods {
			known = known || h == m.Str
		}
		if !known {
			v.errorf(CodeSchema, ptrJoin(p, "Method"), "HTTP method %q is not supported%s; use one of %s", m.Str, didYouMean(m.Str, httpMethods), strings.Join(httpMethods, ", "))
		}
	}
	if a, key, ok := get(args, "Authentication"); ok && key == "Authentication" && a.Kind == Object {
		if _, _, ok := get(a, "ConnectionArn"); !ok {
			v.errorf(CodeSchema, ptrJoin(p, "Authentication"), "An HTTP Task's Authentication needs 'ConnectionArn' (an EventBridge connection); add it")
		}
	}
	if t, key, ok := get(args, "Transform"); ok && key == "Transform" && t.Kind == Object {
		tp := ptrJoin(p, "Transform")
		if e, ok := t.Get("RequestBodyEncoding"); ok && e.Kind == String && e.Str != "NONE" && e.Str != "URL_ENCODED" {
			v.errorf(CodeSchema, ptrJoin(tp, "RequestBodyEncoding"), "RequestBodyEncoding %q is not supported; use NONE or URL_ENCODED", e.Str)
		}
		if o, ok := t.Get("RequestEncodingOptions"); ok && o.Kind == Object {
			if f, ok := o.Get("ArrayFormat"); ok && f.Kind == String {
				switch f.Str {
				case "INDICES", "REPEAT", "COMMAS", "BRACKETS":
				default:
					v.errorf(CodeSchema, ptrJoin(ptrJoin(tp, "RequestEncodingOptions"), "ArrayFormat"), "ArrayFormat %q is not supported; use INDICES, REPEAT, COMMAS or BRACKETS", f.Str)
				}
			}
		}
	}
}

// substitutePlaceholders replaces each ${...} in s with "aws"; an
// unterminated "${" is left as it is.
func substitutePlaceholders(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteString("aws")
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
