package dsl

import (
	"reflect"
	"sort"
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// Resource is what a Task runs: an AWS service integration built with a
// helper of this package (LambdaInvoke, SNSPublish, SDK, ...), an activity,
// or any ARN.
type Resource interface {
	resource() *ir.Resource
}

// StateInput stands for the whole state input in a payload: "$" in JSONPath
// states and $states.input in JSONata states.
func StateInput() any { return ir.StateInput{} }

// TaskToken stands for the task token of a .waitForTaskToken task:
// $$.Task.Token in JSONPath states and $states.context.Task.Token in
// JSONata states.
func TaskToken() any { return ir.TaskToken{} }

// integration holds what every service integration helper shares.
type integration[S any] struct {
	self S
	r    *ir.Resource
}

func (i integration[S]) resource() *ir.Resource { return i.r }

// With sets a parameter of the service call that the helper has no method
// for. Values may be Go values, Refs, Paths, Exprs or Intrinsics.
func (i integration[S]) With(key string, value any) S {
	i.r.Params = setParam(i.r.Params, key, value, ir.Caller(0))
	return i.self
}

func (i integration[S]) set(key string, value any) S {
	i.r.Params = setParam(i.r.Params, key, value, ir.Caller(1))
	return i.self
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
func newIntegration[S any](self S, service, action string, skip int) integration[S] {
	return integration[S]{self: self, r: &ir.Resource{
		ARN:     "arn:aws:states:::" + service + ":" + action,
		Service: service,
		Action:  action,
		Pos:     ir.Caller(skip + 1),
	}}
}

// callback adds WaitForTaskToken to integrations that support it.
type callback[S any] struct {
	self S
	r    *ir.Resource
}

// WaitForTaskToken makes the task wait until an external system calls
// SendTaskSuccess or SendTaskFailure with the task token (pass it with
// dsl.TaskToken()). Standard workflows only.
func (c callback[S]) WaitForTaskToken() S {
	c.r.Pattern = ".waitForTaskToken"
	return c.self
}

// syncable adds Sync to integrations that support it.
type syncable[S any] struct {
	self S
	r    *ir.Resource
}

// Sync makes the task wait until the job it starts completes (.sync).
// Standard workflows only.
func (s syncable[S]) Sync() S {
	s.r.Pattern = ".sync"
	return s.self
}

// RawResource is a Task resource given as an ARN.
type RawResource struct{ integration[*RawResource] }

// ResourceARN runs any resource ARN: a Lambda function ARN (the legacy form),
// an optimized or SDK integration written out, or a "${Name}" placeholder.
// Set its parameters with the Task's Parameters or Arguments.
func ResourceARN(arn string) *RawResource {
	x := &RawResource{}
	x.integration = integration[*RawResource]{self: x, r: &ir.Resource{ARN: arn, Pos: ir.Caller(0)}}
	return x
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
	x.integration = integration[*RawResource]{self: x, r: r}
	return x
}

// LambdaTask invokes a Lambda function (lambda:invoke). By default it passes
// the whole state input as the payload and retries Lambda's transient
// service errors as AWS recommends.
type LambdaTask struct {
	integration[*LambdaTask]
	callback[*LambdaTask]
}

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
	l := &LambdaTask{}
	l.integration = newIntegration(l, "lambda", "invoke", 1)
	l.callback = callback[*LambdaTask]{l, l.integration.r}
	l.integration.r.In, l.integration.r.Out = in, out
	l.integration.r.DefaultRetry = LambdaDefaultRetry().r
	l.integration.r.Params = []ir.Param{{Key: "FunctionName", Value: function, Pos: l.integration.r.Pos}, {Key: "Payload", Value: ir.StateInput{}, Pos: l.integration.r.Pos}}
	return l
}

// Payload sets the event passed to the function (by default the whole state
// input).
func (l *LambdaTask) Payload(v any) *LambdaTask { return l.set("Payload", v) }

// Qualifier invokes a version or alias of the function.
func (l *LambdaTask) Qualifier(q any) *LambdaTask { return l.set("Qualifier", q) }

// InvocationType sets the invocation type (RequestResponse, Event or
// DryRun).
func (l *LambdaTask) InvocationType(t any) *LambdaTask { return l.set("InvocationType", t) }

// NoPayload removes the default payload.
func (l *LambdaTask) NoPayload() *LambdaTask {
	l.integration.r.Params = removeParam(l.integration.r.Params, "Payload")
	return l
}

// NoDefaultRetry turns off the default retrier for transient Lambda errors.
func (l *LambdaTask) NoDefaultRetry() *LambdaTask {
	l.integration.r.DefaultRetry = nil
	return l
}

// DefaultRetry replaces the default retrier for transient Lambda errors.
func (l *LambdaTask) DefaultRetry(r *Retrier) *LambdaTask {
	if r == nil || r.r == nil {
		if l.integration.r.Err == "" {
			l.integration.r.Err = "DefaultRetry needs a retrier built with dsl.Retry: use NoDefaultRetry to turn the default retrier off"
		}
		return l
	}
	l.integration.r.DefaultRetry = r.r
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
type SDKTask struct {
	integration[*SDKTask]
	callback[*SDKTask]
}

// SDK calls action (camelCase, e.g. "getObject") of service (the SDK
// service name, e.g. "s3") with the given parameters (PascalCase keys).
func SDK(service, action string, params Obj) *SDKTask {
	x := &SDKTask{}
	x.integration = newIntegration(x, "aws-sdk:"+service, action, 0)
	x.callback = callback[*SDKTask]{x, x.integration.r}
	x.integration.r.Params = objParams(params)
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
