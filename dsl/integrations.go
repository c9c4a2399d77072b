package dsl

import (
	"reflect"
	"sort"
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// Resource is what a Task runs: an AWS service integration built with a
// helper of this package (LambdaInvoke, SNSPublish, SDK, ...), an activity,
// or any ARN. Each helper returns a type that embeds *TaskState: set the
// integration's options first, then, if you like, the Task's own fields,
// and pass the whole chain to Scope.Task:
//
//	wf.Task("Charge", dsl.Lambda(dsl.Ref("ChargeFn")).
//		Payload(dsl.Obj{"amount": dsl.Path("$.total")}).
//		ResultPath("$.charge"))
type Resource interface {
	resource() *ir.Resource
	task() *TaskState
}

// StateInput stands for the whole state input in a payload: "$" in JSONPath
// states and $states.input in JSONata states.
func StateInput() any { return ir.StateInput{} }

// TaskToken stands for the task token of a .waitForTaskToken task:
// $$.Task.Token in JSONPath states and $states.context.Task.Token in
// JSONata states.
func TaskToken() any { return ir.TaskToken{} }

// newTask returns a Task state not yet added to a scope, running r. Until
// Scope.Task adds it, the problems its methods find are kept in a
// workflow of its own, and moved to the real one then.
func newTask(r *ir.Resource) *TaskState {
	st := &ir.State{Type: "Task", Resource: r, Seq: nextSeq()}
	return &TaskState{&core{st: st, w: &ir.Workflow{}}}
}

func (t *TaskState) resource() *ir.Resource { return t.c.st.Resource }

func (t *TaskState) task() *TaskState { return t }

// With sets a parameter of the service call that the helper has no method
// for. Values may be Go values, Refs, Paths, Exprs or Intrinsics.
//
//dsl:group with
func (c *core) with(pos ir.Pos, key string, value any) { c.param(pos, key, value) }

// param sets a parameter of the task's resource.
func (c *core) param(pos ir.Pos, key string, value any) {
	r := c.st.Resource
	r.Params = setParam(r.Params, key, value, pos)
}

// set sets an optional parameter of an integration and returns it. It
// records the position of the caller of the method that calls it.
func set[S Resource](x S, key string, value any) S {
	r := x.resource()
	r.Params = setParam(r.Params, key, value, ir.Caller(1))
	return x
}

// setParam sets key to value, replacing an earlier value of the same key.
func setParam(ps []ir.Param, key string, value any, pos ir.Pos) []ir.Param {
	for i := range ps {
		if ps[i].Key == key {
			ps[i].Value, ps[i].Pos = value, pos
			return ps
		}
	}
	return append(ps, ir.Param{Key: key, Value: value, Pos: pos})
}

// newIntegration starts an optimized integration arn:aws:states:::service:action.
func newIntegration(service, action string, skip int) *TaskState {
	return newTask(&ir.Resource{
		ARN:     "arn:aws:states:::" + service + ":" + action,
		Service: service,
		Action:  action,
		Pos:     ir.Caller(skip + 1),
	})
}

// WaitForTaskToken makes the task wait until an external system calls
// SendTaskSuccess or SendTaskFailure with the task token (pass it with
// dsl.TaskToken()). Standard workflows only.
//
//dsl:group callback
func (c *core) waitForTaskToken(pos ir.Pos) {
	c.st.Resource.Pattern, c.st.Resource.PatternPos = ".waitForTaskToken", pos
}

// Sync makes the task wait until the job it starts completes (.sync).
// Standard workflows only.
//
//dsl:group sync
func (c *core) sync(pos ir.Pos) { c.st.Resource.Pattern, c.st.Resource.PatternPos = ".sync", pos }

// RawResource is a Task resource given as an ARN.
//
//dsl:mixin x with
type RawResource struct{ *TaskState }

// ResourceARN runs any resource ARN: a Lambda function ARN (the legacy form),
// an optimized or SDK integration written out, or a "${Name}" placeholder.
// Set its parameters with the Task's Parameters or Arguments.
func ResourceARN(arn string) *RawResource {
	return &RawResource{newTask(&ir.Resource{ARN: arn, Pos: ir.Caller(0)})}
}

// Activity runs an activity: a worker polls for the task with
// GetActivityTask. Standard workflows only.
func Activity(arn any) *RawResource {
	x := &RawResource{}
	r := &ir.Resource{Service: "activity", Pos: ir.Caller(0)}
	switch a := arn.(type) {
	case string:
		r.ARN = a
	case Ref:
		r.ARN = "${" + string(a) + "}"
	default:
		r.ARN = "${invalid}"
		r.Err = "an activity ARN must be a string or a dsl.Ref: the Resource field cannot be a path or an expression"
	}
	x.TaskState = newTask(r)
	return x
}

// LambdaTask invokes a Lambda function (lambda:invoke). By default it passes
// the whole state input as the payload and retries Lambda's transient
// service errors as AWS recommends.
//
//dsl:mixin l with callback
type LambdaTask struct{ *TaskState }

// Lambda invokes a function given by name, ARN, Ref, Path or Expr.
func Lambda(function any) *LambdaTask { return lambda(function, nil, nil) }

// LambdaInvoke invokes a function whose handler takes In and returns Out.
// The types let goasl check the data that flows into and out of the task
// and generate the handler's Go types.
func LambdaInvoke[In, Out any](function any) *LambdaTask {
	return lambda(function, reflect.TypeFor[In](), reflect.TypeFor[Out]())
}

// LambdaDefaultRetry returns the retrier Lambda tasks get unless told
// otherwise: Lambda's transient service errors, retried 6 times from 2 s
// with backoff 2.
func LambdaDefaultRetry() *Retrier {
	return Retry("Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException",
		"Lambda.AWSLambdaException", "Lambda.SdkClientException").
		Interval(2 * time.Second).MaxAttempts(6).BackoffRate(2)
}

func lambda(function any, in, out reflect.Type) *LambdaTask {
	l := &LambdaTask{newIntegration("lambda", "invoke", 1)}
	r := l.resource()
	r.In, r.Out = in, out
	r.DefaultRetry = LambdaDefaultRetry().r
	r.Params = []ir.Param{{Key: "FunctionName", Value: function, Pos: r.Pos}, {Key: "Payload", Value: ir.StateInput{}, Pos: r.Pos}}
	return l
}

// Payload sets the event passed to the function (by default the whole state
// input).
func (l *LambdaTask) Payload(v any) *LambdaTask { return set(l, "Payload", v) }

// Qualifier invokes a version or alias of the function.
func (l *LambdaTask) Qualifier(q any) *LambdaTask { return set(l, "Qualifier", q) }

// InvocationType sets the invocation type (RequestResponse, Event or
// DryRun).
func (l *LambdaTask) InvocationType(t any) *LambdaTask { return set(l, "InvocationType", t) }

// NoPayload removes the default payload.
func (l *LambdaTask) NoPayload() *LambdaTask {
	l.resource().Params = removeParam(l.resource().Params, "Payload")
	return l
}

// NoDefaultRetry turns off the default retrier for transient Lambda errors.
func (l *LambdaTask) NoDefaultRetry() *LambdaTask {
	l.resource().DefaultRetry = nil
	return l
}

// DefaultRetry replaces the default retrier for transient Lambda errors.
func (l *LambdaTask) DefaultRetry(r *Retrier) *LambdaTask {
	if r == nil || r.r == nil {
		if res := l.resource(); res.Err == "" {
			res.Err = "DefaultRetry needs a retrier built with dsl.Retry: use NoDefaultRetry to turn the default retrier off"
			res.ErrPos = ir.Caller(0)
		}
		return l
	}
	l.resource().DefaultRetry = r.r
	return l
}

func removeParam(ps []ir.Param, key string) []ir.Param {
	out := ps[:0]
	for _, p := range ps {
		if p.Key != key {
			out = append(out, p)
		}
	}
	return out
}

// SDKTask calls any AWS API through the AWS SDK integration
// (arn:aws:states:::aws-sdk:service:action).
//
//dsl:mixin x with callback
type SDKTask struct{ *TaskState }

// SDK calls action (camelCase, e.g. "getObject") of service (the SDK
// service name, e.g. "s3") with the given parameters (PascalCase keys).
func SDK(service, action string, params Obj) *SDKTask {
	x := &SDKTask{newIntegration("aws-sdk:"+service, action, 0)}
	x.resource().Params = objParams(params)
	return x
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
