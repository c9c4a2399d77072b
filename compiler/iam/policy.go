package iam

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
)

// Statement is one IAM policy statement of the execution role.
type Statement struct {
	Effect    string   // always "Allow"
	Actions   []string // sorted
	Resources []string // in the order first found
	// States names the states that need the statement, in document order
	// (a Map or Parallel state's inner states by their own names).
	States []string
	// Reason says which integration needs the statement and, for a
	// wildcard resource, why the resource cannot be named.
	Reason string
	// Self is true when the resources are the state machine itself or its
	// executions (a Distributed Map, an HTTP Task), named with
	// Options.StateMachineName. A deployer that names the machine by an
	// attribute of the machine's own resource must attach such statements
	// to the role after the machine exists (a policy of their own), or the
	// role and the machine depend on each other.
	Self bool
}

// Options are the environment the ARNs are built in. The zero value uses
// the CloudFormation pseudo parameters written as ${AWS::Partition},
// ${AWS::Region} and ${AWS::AccountId}; package compiler/cdk passes the
// stack's tokens.
type Options struct {
	Partition, Region, Account string
	// StateMachineName is the name the state machine is deployed with, if
	// fixed, or a "${Name}" placeholder for it. A Distributed Map or an
	// HTTP Task needs permissions on the machine itself (statements with
	// Self set); without a name they are scoped to every state machine of
	// the account and region.
	StateMachineName string
	// PassRoles are the roles that ECS tasks started by the workflow run
	// with (task and execution roles of the task definitions). They are
	// named in the task definition, not in the workflow; without them
	// iam:PassRole is allowed on every role passed to ECS tasks.
	PassRoles []string
}

func (o Options) withDefaults() Options {
	if o.Partition == "" {
		o.Partition = "${AWS::Partition}"
	}
	if o.Region == "" {
		o.Region = "${AWS::Region}"
	}
	if o.Account == "" {
		o.Account = "${AWS::AccountId}"
	}
	return o
}

// Analysis is what Analyze finds in a state machine.
type Analysis struct {
	// Statements are the statements the execution role needs, merged
	// (statements with the same actions and reason share one resource
	// list) and in the order the states come in the document.
	Statements []Statement
	// NameARNs gives, for each "${Name}" placeholder that the definition
	// uses where a resource is taken by name or by ARN (TableName,
	// FunctionName, JobName, ProjectName, EventBusName, WorkGroup,
	// JobQueue, TrainingJobName), the resource's ARN with the placeholder
	// standing for its name, in the options' environment:
	// "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/${Job}".
	// Statements name such a resource by the placeholder alone, right when
	// its value is an ARN; a deployer whose value is a name gives the role
	// this ARN instead. A placeholder used for two kinds of resource is
	// left out.
	NameARNs map[string]string
}

// Analyze reads the integrations of sm once for both the statements of
// its execution role and the ARNs of the resources its placeholders name.
// It returns an error naming the state for a Task resource it does not
// understand.
func Analyze(sm *asl.StateMachine, opts Options) (*Analysis, error) {
	if sm == nil {
		return nil, fmt.Errorf("iam: the state machine is nil")
	}
	d := &deriver{o: opts.withDefaults()}
	sm.States.Each(d.state)
	if len(d.errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(d.errs, "\n"))
	}
	a := &Analysis{Statements: d.out, NameARNs: map[string]string{}}
	for k, v := range d.names {
		if v != "" {
			a.NameARNs[k] = v
		}
	}
	return a, nil
}

// Policy returns the statements the execution role of sm needs: Analyze's
// Statements.
func Policy(sm *asl.StateMachine, opts Options) ([]Statement, error) {
	a, err := Analyze(sm, opts)
	if err != nil {
		return nil, err
	}
	return a.Statements, nil
}

type deriver struct {
	o    Options
	cur  string // the state being read
	out  []Statement
	errs []string
	// names maps a placeholder used where a name or an ARN is taken to
	// the ARN of the resource by name ("" when uses disagree).
	names map[string]string
}

// named records that the placeholder v (if v is exactly one) stands for
// a resource that may be given by name: its ARN by name is
// d.arn(service, prefix+"${Name}").
func (d *deriver) named(v, service, prefix string) {
	p, ok := whole(v)
	if !ok {
		return
	}
	a := d.arn(service, prefix+v)
	if d.names == nil {
		d.names = map[string]string{}
	}
	if old, seen := d.names[p]; seen && old != a {
		a = ""
	}
	d.names[p] = a
}

func (d *deriver) errorf(st *asl.State, format string, args ...any) {
	d.errs = append(d.errs, fmt.Sprintf("state %q: ", st.Name)+fmt.Sprintf(format, args...))
}

// allow adds a statement for the current state, merging it into an
// earlier one with the same actions and reason (so all the Lambda functions
// a workflow invokes share one statement).
func (d *deriver) allow(reason string, actions []string, resources ...string) {
	d.add(false, reason, actions, resources)
}

// allowSelf is allow for a statement on the state machine itself.
func (d *deriver) allowSelf(reason string, actions []string, resources ...string) {
	d.add(true, reason, actions, resources)
}

func (d *deriver) add(self bool, reason string, actions, resources []string) {
	acts := append([]string(nil), actions...)
	sort.Strings(acts)
	acts = uniq(acts)
	for i := range d.out {
		s := &d.out[i]
		if s.Reason == reason && s.Self == self && strings.Join(s.Actions, ",") == strings.Join(acts, ",") {
			for _, r := range resources {
				if !contains(s.Resources, r) {
					s.Resources = append(s.Resources, r)
				}
			}
			if !contains(s.States, d.cur) {
				s.States = append(s.States, d.cur)
			}
			return
		}
	}
	d.out = append(d.out, Statement{Effect: "Allow", Actions: acts, Resources: uniq(append([]string(nil), resources...)), States: []string{d.cur}, Reason: reason, Self: self})
}

func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// arn builds an ARN in the options' partition, region and account.
func (d *deriver) arn(service, resource string) string {
	return "arn:" + d.o.Partition + ":" + service + ":" + d.o.Region + ":" + d.o.Account + ":" + resource
}

func (d *deriver) state(st *asl.State) {
	d.cur = st.Name
	if st.Credentials.IsSet() {
		d.credentials(st)
	}
	switch st.Type {
	case asl.TypeTask:
		d.task(st)
	case asl.TypeMap:
		d.mapState(st)
	}
}

// credentials: a Task that runs with another role assumes it.
func (d *deriver) credentials(st *asl.State) {
	a := field(st.Credentials, "RoleArn")
	reason := "Credentials: the task runs with another role"
	if a.static() {
		d.allow(reason, []string{"sts:AssumeRole"}, a.str)
		return
	}
	// The role is chosen at run time: any role of the account.
	d.allow(reason+" (chosen at run time, so any role of the account)", []string{"sts:AssumeRole"}, "arn:"+d.o.Partition+":iam::"+d.o.Account+":role/*")
}

// arg is a parameter of a state or a member of an object parameter.
type arg struct {
	set     bool   // the member is present
	dynamic bool   // a path, an intrinsic or a JSONata expression
	str     string // for a static string
	val     asl.Value
}

func (a arg) static() bool { return a.set && !a.dynamic && a.val.Kind == asl.String }

// params returns the Parameters or Arguments of a state.
func params(st *asl.State) asl.Value {
	if st.Arguments.IsSet() {
		return st.Arguments
	}
	return st.Parameters
}

// field reads member key of an object value: "key" (static unless it is a
// JSONata "{% %}" string) or "key.$" (dynamic).
func field(v asl.Value, key string) arg {
	if v.Kind == asl.String && isExpr(v.Str) {
		return arg{set: true, dynamic: true}
	}
	if x, ok := v.Get(key + ".$"); ok {
		return arg{set: true, dynamic: true, val: x}
	}
	x, ok := v.Get(key)
	if !ok {
		return arg{}
	}
	if x.Kind == asl.String && isExpr(x.Str) {
		return arg{set: true, dynamic: true, val: x}
	}
	return arg{set: true, str: x.Str, val: x}
}

// isExpr reports whether s may be a JSONata expression: unlike
// asl.IsJSONata it also takes one with white space around the delimiters
// (a literal string to AWS), so that such a value is never read as a
// fixed ARN or name to grant permissions on.
func isExpr(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "{%") && strings.HasSuffix(t, "%}")
}

// integrationRest returns service:action[.pattern] of a service
// integration ARN, arn:PARTITION:states:::service:action[.pattern], in any
// partition (aws, aws-cn, aws-us-gov, ...).
func integrationRest(res string) (string, bool) {
	rest, ok := strings.CutPrefix(res, "arn:")
	if !ok {
		return "", false
	}
	partition, rest, ok := strings.Cut(rest, ":")
	if !ok || strings.ContainsAny(partition, "${}") {
		return "", false
	}
	return strings.CutPrefix(rest, "states:::")
}

func (d *deriver) task(st *asl.State) {
	res := st.Resource
	if isExpr(res) || res == "" {
		d.errorf(st, "the Resource is not a fixed ARN: goasl cannot tell which permissions it needs")
		return
	}
	if !strings.HasPrefix(res, "arn:") {
		// A ${Name} placeholder or another value filled in at deploy time:
		// an activity or a Lambda function ARN (the legacy form).
		d.legacy(st, res)
		return
	}
	parts := strings.SplitN(res, ":", 7)
	if len(parts) < 6 {
		d.errorf(st, "the Resource %q is not an ARN", res)
		return
	}
	rest, isIntegration := integrationRest(res)
	switch {
	case isIntegration:
		d.integration(st, rest)
	case parts[2] == "states" && strings.HasPrefix(parts[5], "activity"):
		d.activity(st, res)
	case parts[2] == "lambda":
		d.allow(lambdaReason(st), []string{"lambda:InvokeFunction"}, lambdaResources(res)...)
	default:
		d.errorf(st, "the Resource %q is neither a service integration, an activity nor a Lambda function", res)
	}
}

func lambdaReason(*asl.State) string {
	return "lambda:invoke: the function and its versions and aliases"
}

// legacy handles a Resource that is a placeholder: by convention an
// activity when its name says so, else a Lambda function ARN.
func (d *deriver) legacy(st *asl.State, res string) {
	name := strings.ToLower(res)
	if strings.Contains(name, "activity") {
		d.activity(st, res)
		return
	}
	d.allow(lambdaReason(st), []string{"lambda:InvokeFunction"}, res, res+":*")
}

// activity: the role needs no permission to schedule an activity task (the
// worker polls with its own credentials); goasl records none.
func (d *deriver) activity(*asl.State, string) {}

// lambdaResources is a function ARN without its qualifier, and with ":*"
// for its versions and aliases.
func lambdaResources(fn string) []string {
	if strings.HasPrefix(fn, "arn:") {
		p := strings.Split(fn, ":")
		if len(p) >= 7 {
			base := strings.Join(p[:7], ":")
			return []string{base, base + ":*"}
		}
	}
	return []string{fn, fn + ":*"}
}

// integration handles arn:aws:states:::service:action[.pattern].
func (d *deriver) integration(st *asl.State, rest string) {
	pattern := ""
	for _, p := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		if strings.HasSuffix(rest, p) {
			pattern, rest = p, strings.TrimSuffix(rest, p)
			break
		}
	}
	if strings.HasPrefix(rest, "aws-sdk:") {
		svcAction := strings.TrimPrefix(rest, "aws-sdk:")
		i := strings.LastIndexByte(svcAction, ':')
		if i <= 0 || i == len(svcAction)-1 {
			d.errorf(st, "the SDK integration %q has no service:action", rest)
			return
		}
		d.sdk(st, svcAction[:i], svcAction[i+1:])
		return
	}
	i := strings.IndexByte(rest, ':')
	if i <= 0 {
		d.errorf(st, "the integration %q has no service:action", rest)
		return
	}
	service, action := rest[:i], rest[i+1:]
	p := params(st)
	who := fmt.Sprintf("%s:%s%s", service, action, pattern)
	switch service {
	case "lambda":
		d.lambda(st, p)
	case "sns":
		d.sns(who, p)
	case "sqs":
		d.sqs(who, p)
	case "dynamodb":
		d.dynamodb(st, who, action, p)
	case "ecs":
		d.ecs(who, pattern, p)
	case "batch":
		d.batch(who, pattern, p)
	case "glue":
		d.glue(who, pattern, p)
	case "states":
		d.startExecution(who, action, pattern, p)
	case "events":
		d.events(who, p)
	case "apigateway":
		d.apigateway(who, p)
	case "http":
		d.http(who, p)
	case "athena":
		d.athena(who, action, pattern, p)
	case "codebuild":
		d.codebuild(who, action, pattern, p)
	case "sagemaker":
		d.sagemaker(who, action, pattern, p)
	case "bedrock":
		d.bedrock(who, action, p)
	default:
		d.errorf(st, "goasl does not know the permissions of the integration %s:%s: use the SDK integration (dsl.SDK) or add the statements yourself", service, action)
	}
}

func (d *deriver) lambda(st *asl.State, p asl.Value) {
	fn := field(p, "FunctionName")
	if !fn.static() {
		// The function is chosen at run time: every function of the account.
		d.allow(lambdaReason(st)+"; the function is chosen at run time, so any function of the account", []string{"lambda:InvokeFunction"}, d.arn("lambda", "function:*"))
		return
	}
	name := fn.str
	if strings.HasPrefix(name, "arn:") || strings.HasPrefix(name, "${") {
		d.named(name, "lambda", "function:")
		d.allow(lambdaReason(st), []string{"lambda:InvokeFunction"}, lambdaResources(name)...)
		return
	}
	var base string
	if i := strings.Index(name, ":function:"); i >= 0 { // 123456789012:function:name[:qualifier]
		fnName, _, _ := strings.Cut(name[i+len(":function:"):], ":")
		base = "arn:" + d.o.Partition + ":lambda:" + d.o.Region + ":" + name[:i] + ":function:" + fnName
	} else { // name or name:qualifier
		fnName, _, _ := strings.Cut(name, ":")
		base = d.arn("lambda", "function:"+fnName)
	}
	d.allow(lambdaReason(st), []string{"lambda:InvokeFunction"}, base, base+":*")
}

func (d *deriver) sns(who string, p asl.Value) {
	for _, key := range []string{"TopicArn", "TargetArn"} {
		if a := field(p, key); a.static() {
			d.allow(who+" publishes to a topic", []string{"sns:Publish"}, a.str)
			return
		} else if a.set {
			d.allow(who+" publishes to a topic chosen at run time, so any topic of the account", []string{"sns:Publish"}, d.arn("sns", "*"))
			return
		}
	}
	// A text message to a phone number has no resource ARN: IAM requires "*".
	d.allow(who+" sends an SMS to a phone number, which has no ARN: IAM requires \"*\"", []string{"sns:Publish"}, "*")
}

func (d *deriver) sqs(who string, p asl.Value) {
	a := field(p, "QueueUrl")
	if !a.static() {
		d.allow(who+" sends to a queue chosen at run time, so any queue of the account", []string{"sqs:SendMessage"}, d.arn("sqs", "*"))
		return
	}
	d.allow(who+" sends a message to a queue", []string{"sqs:SendMessage"}, d.queueARN(a.str))
}

// queueARN turns a queue URL into the queue's ARN. A ${Name} placeholder is
// kept: its deploy-time ARN is given separately (see Placeholders).
func (d *deriver) queueARN(url string) string {
	if strings.HasPrefix(url, "${") || strings.HasPrefix(url, "arn:") {
		return url
	}
	rest := url
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	host, path, _ := strings.Cut(rest, "/")
	account, name, ok := strings.Cut(path, "/")
	if !ok || account == "" || name == "" {
		return d.arn("sqs", "*")
	}
	region := d.o.Region
	hp := strings.Split(host, ".")
	switch {
	case len(hp) >= 3 && hp[0] == "sqs":
		region = hp[1]
	case len(hp) >= 3 && hp[1] == "queue":
		region = hp[0]
	}
	return "arn:" + d.o.Partition + ":sqs:" + region + ":" + account + ":" + strings.TrimSuffix(name, "/")
}

var dynamoActions = map[string]string{
	"getItem": "dynamodb:GetItem", "putItem": "dynamodb:PutItem",
	"updateItem": "dynamodb:UpdateItem", "deleteItem": "dynamodb:DeleteItem",
}

func (d *deriver) dynamodb(st *asl.State, who, action string, p asl.Value) {
	act, ok := dynamoActions[action]
	if !ok {
		d.errorf(st, "goasl does not know the permissions of the integration dynamodb:%s", action)
		return
	}
	d.allow(who+" calls "+act+" on a table", []string{act}, d.tableARN(field(p, "TableName")))
}

// tableARN is the ARN of a DynamoDB table given by name or ARN (a
// placeholder stands for the ARN).
func (d *deriver) tableARN(a arg) string {
	switch {
	case !a.static():
		return d.arn("dynamodb", "table/*")
	case strings.HasPrefix(a.str, "arn:") || strings.HasPrefix(a.str, "${"):
		d.named(a.str, "dynamodb", "table/")
		return a.str
	}
	return d.arn("dynamodb", "table/"+a.str)
}

// rule is the managed EventBridge rule Step Functions uses to learn that
// a .sync job finished.
func (d *deriver) rule(who, name string) {
	d.allow(who+" waits for the job (.sync) through the managed EventBridge rule", []string{"events:DescribeRule", "events:PutRule", "events:PutTargets"}, d.arn("events", "rule/"+name))
}

// nameOrARN returns the ARN of a resource named by name or ARN; a
// placeholder stands for the ARN. kind is the ARN's resource type.
func (d *deriver) nameOrARN(a arg, service, kind, sep string) string {
	switch {
	case !a.static():
		return d.arn(service, kind+sep+"*")
	case strings.HasPrefix(a.str, "arn:") || strings.HasPrefix(a.str, "${"):
		d.named(a.str, service, kind+sep)
		return a.str
	}
	return d.arn(service, kind+sep+a.str)
}

func (d *deriver) ecs(who, pattern string, p asl.Value) {
	td := field(p, "TaskDefinition")
	res := d.arn("ecs", "task-definition/*")
	if td.static() {
		switch {
		case strings.HasPrefix(td.str, "arn:") || strings.HasPrefix(td.str, "${"):
			res = td.str
		case strings.Contains(td.str, ":"): // family:revision
			res = d.arn("ecs", "task-definition/"+td.str)
		default: // family: any revision
			res = d.arn("ecs", "task-definition/"+td.str+":*")
		}
	}
	d.allow(who+" runs a task", []string{"ecs:RunTask"}, res)
	if len(d.o.PassRoles) > 0 {
		d.allow(who+" passes the task and execution roles to ECS", []string{"iam:PassRole"}, d.o.PassRoles...)
	} else {
		// The task and execution roles are named in the task definition,
		// not the workflow: any role of the account (Options.PassRoles
		// narrows this).
		d.allow(who+" passes the task and execution roles to ECS; they are in the task definition, so any role of the account unless given", []string{"iam:PassRole"}, "arn:"+d.o.Partition+":iam::"+d.o.Account+":role/*")
	}
	if pattern == ".sync" {
		// Task ARNs are made when the task starts: they cannot be named.
		d.allow(who+" stops and polls the task it started (.sync); task ARNs only exist at run time", []string{"ecs:DescribeTasks", "ecs:StopTask"}, d.arn("ecs", "task/*"))
		d.rule(who, "StepFunctionsGetEventsForECSTaskRule")
	}
}

func (d *deriver) batch(who, pattern string, p asl.Value) {
	d.allow(who+" submits a job", []string{"batch:SubmitJob"},
		d.jobDefinition(field(p, "JobDefinition")),
		d.nameOrARN(field(p, "JobQueue"), "batch", "job-queue", "/"))
	if pattern == ".sync" {
		// Job ids are made when the job is submitted; Batch's DescribeJobs
		// takes no resource: IAM requires "*".
		d.allow(who+" polls and stops the job it submitted (.sync); batch:DescribeJobs supports no resource, so IAM requires \"*\"", []string{"batch:DescribeJobs", "batch:TerminateJob"}, "*")
		d.rule(who, "StepFunctionsGetEventsForBatchJobsRule")
	}
}

func (d *deriver) jobDefinition(a arg) string {
	switch {
	case !a.static():
		return d.arn("batch", "job-definition/*")
	case strings.HasPrefix(a.str, "arn:") || strings.HasPrefix(a.str, "${"):
		return a.str
	case strings.Contains(a.str, ":"):
		return d.arn("batch", "job-definition/"+a.str)
	}
	return d.arn("batch", "job-definition/"+a.str+":*")
}

func (d *deriver) glue(who, pattern string, p asl.Value) {
	job := d.nameOrARN(field(p, "JobName"), "glue", "job", "/")
	actions := []string{"glue:StartJobRun"}
	if pattern == ".sync" {
		actions = append(actions, "glue:BatchStopJobRun", "glue:GetJobRun", "glue:GetJobRuns")
	}
	d.allow(who+" starts a job run", actions, job)
}

func (d *deriver) startExecution(who, action, pattern string, p asl.Value) {
	a := field(p, "StateMachineArn")
	sm := d.arn("states", "stateMachine:*")
	exec := d.arn("states", "execution:*")
	if a.static() {
		sm = a.str
		if name, ok := arnResourceName(a.str, "stateMachine"); ok {
			exec = d.arn("states", "execution:"+name+":*")
		}
	}
	switch action {
	case "startExecution":
		d.allow(who+" starts an execution of a state machine", []string{"states:StartExecution"}, sm)
	case "startSyncExecution":
		d.allow(who+" starts a synchronous execution of a state machine", []string{"states:StartSyncExecution"}, sm)
	default:
		d.allow(who+" calls states:"+action, []string{"states:" + upperFirst(action)}, sm)
	}
	if strings.HasPrefix(pattern, ".sync") {
		// Execution ARNs are made when it starts: every execution of the
		// machine (of any machine when the ARN is chosen at run time or
		// filled in at deploy time).
		d.allow(who+" polls and stops the execution it started (.sync); execution ARNs only exist at run time", []string{"states:DescribeExecution", "states:StopExecution"}, exec)
		d.rule(who, "StepFunctionsGetEventsForStepFunctionsExecutionRule")
	}
}

// arnResourceName returns the name of an ARN arn:p:service:r:a:kind:name.
func arnResourceName(arn, kind string) (string, bool) {
	p := strings.Split(arn, ":")
	if len(p) < 7 || p[0] != "arn" || p[5] != kind || strings.Contains(arn, "${") {
		return "", false
	}
	return p[6], true
}

func (d *deriver) events(who string, p asl.Value) {
	entries := field(p, "Entries")
	var buses []string
	if entries.dynamic || entries.val.Kind != asl.Array {
		buses = append(buses, d.arn("events", "event-bus/*"))
	} else {
		for _, e := range entries.val.Items {
			b := field(e, "EventBusName")
			switch {
			case !b.set:
				buses = append(buses, d.arn("events", "event-bus/default"))
			default:
				buses = append(buses, d.nameOrARN(b, "events", "event-bus", "/"))
			}
		}
	}
	d.allow(who+" puts events on a bus", []string{"events:PutEvents"}, buses...)
}

func (d *deriver) apigateway(who string, p asl.Value) {
	auth := field(p, "AuthType")
	if !auth.static() || auth.str != "IAM_ROLE" {
		return // no IAM permission without IAM authorization
	}
	api := "*"
	if e := field(p, "ApiEndpoint"); e.static() {
		host := e.str
		if i := strings.Index(host, "://"); i >= 0 {
			host = host[i+3:]
		}
		if i := strings.IndexByte(host, '.'); i > 0 {
			api = host[:i]
		} else if strings.HasPrefix(host, "${") {
			api = host
		}
	}
	stage, method, path := "*", "*", "*"
	if s := field(p, "Stage"); s.static() {
		stage = s.str
	}
	if m := field(p, "Method"); m.static() {
		method = m.str
	}
	if pa := field(p, "Path"); pa.static() {
		path = strings.TrimPrefix(pa.str, "/")
	}
	d.allow(who+" calls an API with IAM authorization", []string{"execute-api:Invoke"}, d.arn("execute-api", api+"/"+stage+"/"+method+"/"+path))
}

func (d *deriver) http(who string, p asl.Value) {
	// The permission is on the state machine itself; naming its ARN would
	// make the role depend on the machine that uses it, so the name is used
	// when fixed, else every state machine of the account.
	sm := d.arn("states", "stateMachine:*")
	if d.o.StateMachineName != "" {
		sm = d.arn("states", "stateMachine:"+d.o.StateMachineName)
	}
	d.allowSelf(who+" calls an HTTPS endpoint (the permission is on the state machine itself)", []string{"states:InvokeHTTPEndpoint"}, sm)
	conn := field(field(p, "Authentication").val, "ConnectionArn")
	connARN := d.arn("events", "connection/*")
	secret := d.arn("secretsmanager", "secret:events!connection/*")
	if conn.static() {
		connARN = conn.str
		if name, ok := connectionName(conn.str); ok {
			secret = d.arn("secretsmanager", "secret:events!connection/"+name+"/*")
		}
	}
	d.allow(who+" reads the credentials of its EventBridge connection", []string{"events:RetrieveConnectionCredentials"}, connARN)
	// The connection's secret is named by EventBridge: events!connection/<name>/<id>.
	d.allow(who+" reads the secret EventBridge keeps for the connection", []string{"secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"}, secret)
}

// connectionName returns NAME of arn:p:events:r:a:connection/NAME/ID.
func connectionName(arn string) (string, bool) {
	p := strings.Split(arn, ":")
	if len(p) != 6 || strings.Contains(arn, "${") {
		return "", false
	}
	parts := strings.Split(p[5], "/")
	if len(parts) < 2 || parts[0] != "connection" {
		return "", false
	}
	return parts[1], true
}

// athenaGlueActions are the Glue Data Catalog actions a query that reads
// tables needs (the read actions of the list the Step Functions developer
// guide gives; the guide's list also has the create, update and delete
// actions that only DDL statements and INSERT need).
var athenaGlueActions = []string{
	"glue:BatchGetPartition", "glue:GetDatabase", "glue:GetDatabases",
	"glue:GetPartition", "glue:GetPartitions", "glue:GetTable", "glue:GetTables",
}

func (d *deriver) athena(who, action, pattern string, p asl.Value) {
	if action != "startQueryExecution" {
		d.athenaByID(who, action)
		return
	}
	wg := d.arn("athena", "workgroup/primary")
	reason := " runs a query in its workgroup (primary unless WorkGroup names another)"
	if a := field(p, "WorkGroup"); a.set {
		wg = d.nameOrARN(a, "athena", "workgroup", "/")
		if !a.static() {
			reason = " runs a query in a workgroup chosen at run time, so any workgroup of the account"
		}
	}
	acts := []string{"athena:StartQueryExecution"}
	if pattern == ".sync" {
		acts = append(acts, "athena:GetQueryExecution", "athena:StopQueryExecution")
	}
	// The S3 locations of the tables' data are in the Glue catalog, not in
	// the definition.
	d.allow(who+reason+"; the S3 data of the tables it reads needs statements of its own", acts, wg)

	ctx := field(p, "QueryExecutionContext")
	catalog := field(ctx.val, "Catalog")
	if ctx.dynamic || catalog.dynamic {
		catalog = arg{set: true, dynamic: true}
	}
	if catalog.static() {
		d.allow(who+" reads the data catalog named in QueryExecutionContext", []string{"athena:GetDataCatalog"}, d.arn("athena", "datacatalog/"+catalog.str))
	} else {
		d.allow(who+" reads the data catalogs the query uses; QueryExecutionContext names none (or chooses it at run time) and goasl does not parse the SQL, so any catalog of the account", []string{"athena:GetDataCatalog"}, d.arn("athena", "datacatalog/*"))
	}

	db := field(ctx.val, "Database")
	if ctx.dynamic {
		db = arg{set: true, dynamic: true}
	}
	if db.static() {
		d.allow(who+" reads the Glue tables of the database named in QueryExecutionContext (tables of other databases the SQL names, and DDL or INSERT, need statements of their own)", athenaGlueActions,
			d.arn("glue", "catalog"), d.arn("glue", "database/"+db.str), d.arn("glue", "table/"+db.str+"/*"))
	} else {
		d.allow(who+" reads the Glue tables the query uses; QueryExecutionContext names no database (or chooses it at run time) and goasl does not parse the SQL, so any database and table of the catalog (DDL or INSERT need statements of their own)", athenaGlueActions,
			d.arn("glue", "catalog"), d.arn("glue", "database/*"), d.arn("glue", "table/*"))
	}

	rc := field(p, "ResultConfiguration")
	loc := field(rc.val, "OutputLocation")
	if rc.dynamic {
		loc = arg{set: true, dynamic: true}
	}
	d.athenaResults(who, loc)
	// Lake Formation's GetDataAccess supports no resource.
	d.allow(who+" gets data access from Lake Formation for tables it governs; lakeformation:GetDataAccess supports no resource, so IAM requires \"*\"", []string{"lakeformation:GetDataAccess"}, "*")
}

// athenaResults grants the result location of a query: Athena writes the
// results there with the caller's permissions.
func (d *deriver) athenaResults(who string, loc arg) {
	bucketActs := []string{"s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"}
	objectActs := []string{"s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"}
	bucket, prefix, ok := s3Location(loc)
	if !ok {
		why := "ResultConfiguration.OutputLocation is chosen at run time"
		switch {
		case !loc.set:
			why = "the definition has no ResultConfiguration.OutputLocation (the workgroup's is used)"
		case loc.static():
			if _, isRef := whole(loc.str); isRef {
				why = "ResultConfiguration.OutputLocation is filled in at deploy time"
			} else {
				why = "ResultConfiguration.OutputLocation names no bucket goasl can read"
			}
		}
		all := "arn:" + d.o.Partition + ":s3:::*"
		d.allow(who+" writes the query results to S3; "+why+", so any bucket", append(bucketActs, objectActs...), all)
		return
	}
	b := "arn:" + d.o.Partition + ":s3:::" + bucket
	d.allow(who+" finds and lists the bucket of ResultConfiguration.OutputLocation (a workgroup that enforces its own location needs that one instead)", bucketActs, b)
	obj := b + "/*"
	if prefix != "" {
		obj = b + "/" + prefix + "*"
	}
	d.allow(who+" writes the query results under ResultConfiguration.OutputLocation", objectActs, obj)
}

// s3Location splits a literal s3://bucket/prefix into the bucket and the
// key prefix (ending in "/" unless empty). A location that is one
// placeholder, or whose bucket is not literal text, is not split.
func s3Location(a arg) (bucket, prefix string, ok bool) {
	if !a.static() || !strings.HasPrefix(a.str, "s3://") {
		return "", "", false
	}
	rest := strings.TrimPrefix(a.str, "s3://")
	bucket, prefix, _ = strings.Cut(rest, "/")
	if bucket == "" || strings.ContainsAny(bucket, "*?") {
		return "", "", false
	}
	if prefix != "" && !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return bucket, prefix, true
}

// athenaByID handles the calls that name a query by its id only, which
// names neither its workgroup nor its result location.
func (d *deriver) athenaByID(who, action string) {
	d.allow(who+" reads or stops a query given by id, which does not name its workgroup, so any workgroup of the account", []string{"athena:" + upperFirst(action)}, d.arn("athena", "workgroup/*"))
	if action == "getQueryResults" {
		// Athena reads the results from S3 with the caller's permissions.
		d.allow(who+" reads the query results from S3; the query is given by id, which does not name its result location, so any bucket", []string{"s3:GetObject"}, "arn:"+d.o.Partition+":s3:::*")
	}
}

func (d *deriver) codebuild(who, action, pattern string, p asl.Value) {
	proj := d.nameOrARN(field(p, "ProjectName"), "codebuild", "project", "/")
	acts := []string{"codebuild:" + upperFirst(action)}
	if pattern == ".sync" {
		acts = append(acts, "codebuild:BatchGetBuilds", "codebuild:BatchGetReports", "codebuild:StopBuild")
	}
	d.allow(who+" starts a build of a project", acts, proj)
	if pattern == ".sync" {
		d.rule(who, "StepFunctionsGetEventsForCodeBuildStartBuildRule")
	}
}

func (d *deriver) sagemaker(who, action, pattern string, p asl.Value) {
	job := d.nameOrARN(field(p, "TrainingJobName"), "sagemaker", "training-job", "/")
	acts := []string{"sagemaker:AddTags", "sagemaker:" + upperFirst(action)}
	if pattern == ".sync" {
		acts = append(acts, "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob")
	}
	d.allow(who+" creates a training job", acts, job)
	d.passRole(who, field(p, "RoleArn"), "sagemaker.amazonaws.com")
	if pattern == ".sync" {
		d.rule(who, "StepFunctionsGetEventsForSageMakerTrainingJobsRule")
	}
}

func (d *deriver) passRole(who string, role arg, service string) {
	if role.static() {
		d.allow(who+" passes its role to "+service, []string{"iam:PassRole"}, role.str)
		return
	}
	d.allow(who+" passes a role chosen at run time to "+service+", so any role of the account", []string{"iam:PassRole"}, "arn:"+d.o.Partition+":iam::"+d.o.Account+":role/*")
}

func (d *deriver) bedrock(who, action string, p asl.Value) {
	model := field(p, "ModelId")
	if action == "createModelCustomizationJob" {
		model = field(p, "BaseModelIdentifier")
	}
	modelARNs := d.modelARNs(model)
	modelWhy := ""
	if !model.static() {
		modelWhy = " (chosen at run time, so any foundation model and any model resource of the account)"
	}
	switch action {
	case "invokeModel":
		d.allow(who+" invokes a model"+modelWhy, []string{"bedrock:InvokeModel"}, modelARNs...)
		if in := field(field(p, "Input").val, "S3Uri"); in.set {
			d.allow(who+" reads the model input from S3", []string{"s3:GetObject"}, d.s3Object(in))
		}
		if out := field(field(p, "Output").val, "S3Uri"); out.set {
			d.allow(who+" writes the model output to S3", []string{"s3:PutObject"}, d.s3Object(out))
		}
	case "createModelCustomizationJob":
		d.allow(who+" creates a model customization job from a base model"+modelWhy, []string{"bedrock:CreateModelCustomizationJob"},
			append(modelARNs, d.arn("bedrock", "custom-model/*"), d.arn("bedrock", "model-customization-job/*"))...)
		d.passRole(who, field(p, "RoleArn"), "bedrock.amazonaws.com")
	default:
		d.allow(who+" calls bedrock:"+upperFirst(action)+modelWhy, []string{"bedrock:" + upperFirst(action)}, modelARNs...)
	}
}

// modelARNs returns the ARNs of the Bedrock model named by m: its ARN (or
// placeholder), a foundation model's ARN for a model ID, and for a model
// chosen at run time any foundation model and any model resource of the
// account. Foundation models belong to no account, so their ARNs have none;
// custom and provisioned models and inference profiles belong to this one.
func (d *deriver) modelARNs(m arg) []string {
	foundation := "arn:" + d.o.Partition + ":bedrock:" + d.o.Region + "::foundation-model/"
	switch {
	case !m.static():
		return []string{foundation + "*", d.arn("bedrock", "*")}
	case strings.HasPrefix(m.str, "arn:") || strings.HasPrefix(m.str, "${"):
		return []string{m.str}
	}
	return []string{foundation + m.str}
}

// s3Object returns the ARN of an s3:// URI (a prefix ending in "/" covers
// every key under it).
func (d *deriver) s3Object(a arg) string {
	if !a.static() || !strings.HasPrefix(a.str, "s3://") {
		return "arn:" + d.o.Partition + ":s3:::*"
	}
	key := strings.TrimPrefix(a.str, "s3://")
	if strings.HasSuffix(key, "/") || !strings.Contains(key, "/") {
		key = strings.TrimSuffix(key, "/") + "/*"
	}
	return "arn:" + d.o.Partition + ":s3:::" + key
}

func (d *deriver) mapState(st *asl.State) {
	proc := st.ItemProcessor
	distributed := proc != nil && proc.ProcessorConfig != nil && proc.ProcessorConfig.Mode == asl.ModeDistributed
	who := "Distributed Map"
	if distributed {
		// The child executions run the state machine itself, named by
		// Options.StateMachineName (every state machine of the account
		// without one). A child execution's ARN is
		// execution:NAME/LABEL:ID (LABEL is the Map Run's label); the
		// CDK also grants DescribeExecution and StopExecution on the
		// machine's own executions, execution:NAME:*.
		name := "*"
		if d.o.StateMachineName != "" {
			name = d.o.StateMachineName
		}
		label := st.Label
		if label == "" {
			label = "*"
		}
		d.allowSelf(who+" starts child executions of its own state machine", []string{"states:StartExecution"}, d.arn("states", "stateMachine:"+name))
		d.allowSelf(who+" reads and stops its child executions", []string{"states:DescribeExecution", "states:StopExecution"}, d.arn("states", "execution:"+name+"/*"), d.arn("states", "execution:"+name+":*"))
		d.allowSelf(who+" redrives the child executions of its Map Run when the execution is redriven", []string{"states:RedriveExecution"}, d.arn("states", "execution:"+name+"/"+label+":*"))
	}
	if r := st.ItemReader; r != nil {
		d.itemReader(who, r)
	}
	if w := st.ResultWriter; w != nil {
		d.resultWriter(who, w)
	}
}

func (d *deriver) bucketARN(a arg) string {
	if !a.static() {
		return "arn:" + d.o.Partition + ":s3:::*"
	}
	return "arn:" + d.o.Partition + ":s3:::" + a.str
}

func (d *deriver) itemReader(who string, r *asl.ItemReader) {
	p := r.Parameters
	if r.Arguments.IsSet() {
		p = r.Arguments
	}
	bucket := field(p, "Bucket")
	switch {
	case strings.Contains(r.Resource, "s3:listObjectsV2"):
		d.allow(who+" lists the objects it reads (ItemReader)", []string{"s3:ListBucket"}, d.bucketARN(bucket))
	case strings.Contains(r.Resource, "s3:getObject"):
		key := field(p, "Key")
		if !bucket.static() || !key.static() {
			d.allow(who+" reads its items from S3 (ItemReader)", []string{"s3:GetObject"}, d.bucketARN(bucket)+"/*")
			return
		}
		obj := d.bucketARN(bucket) + "/" + key.str
		rc := r.ReaderConfig
		switch {
		case rc == nil || rc.InputType != "MANIFEST":
			d.allow(who+" reads its items from S3 (ItemReader)", []string{"s3:GetObject"}, obj)
		case rc.ManifestType == "ATHENA_DATA":
			d.allow(who+" reads the Athena manifest (ItemReader)", []string{"s3:GetObject"}, obj)
			d.allow(who+" reads the data files an Athena manifest lists (ItemReader); they can be in any bucket, so any object", []string{"s3:GetObject"}, "arn:"+d.o.Partition+":s3:::*")
		default:
			d.allow(who+" reads an S3 inventory (ItemReader): its manifest and the data files under the data/ folder of the inventory configuration", []string{"s3:GetObject"}, obj, d.bucketARN(bucket)+"/"+inventoryData(key.str))
		}
	default:
		d.allow(who+" reads its items (ItemReader "+r.Resource+")", itemReaderActions(r.Resource), "*")
	}
}

func (d *deriver) resultWriter(who string, w *asl.ResultWriter) {
	p := w.Parameters
	if w.Arguments.IsSet() {
		p = w.Arguments
	}
	bucket := field(p, "Bucket")
	obj := d.bucketARN(bucket) + "/*"
	if pre := field(p, "Prefix"); bucket.static() && pre.static() && pre.str != "" {
		obj = d.bucketARN(bucket) + "/" + strings.TrimSuffix(pre.str, "/") + "/*"
	}
	// GetObject as the CDK grants it for a ResultWriter (a redriven Map
	// Run reads what it wrote).
	d.allow(who+" writes its results to S3 (ResultWriter)", []string{"s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"}, obj)
}

// inventoryData returns the key pattern of the data files of the S3
// inventory whose manifest is at key. S3 writes an inventory as
// PREFIX/SOURCE-BUCKET/CONFIG-ID/YYYY-MM-DDTHH-MMZ/manifest.json with the
// data files under PREFIX/SOURCE-BUCKET/CONFIG-ID/data/.
func inventoryData(key string) string {
	parts := strings.Split(key, "/")
	if len(parts) < 2 {
		return "data/*"
	}
	return strings.Join(append(parts[:len(parts)-2:len(parts)-2], "data", "*"), "/")
}

// itemReaderActions returns the IAM actions of an ItemReader resource goasl does not
// model, through the same table as the SDK integrations.
func itemReaderActions(resource string) []string {
	rest, _ := integrationRest(resource)
	rest = strings.TrimPrefix(rest, "aws-sdk:")
	svc, action, _ := strings.Cut(rest, ":")
	return SDKActions(svc, action)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
