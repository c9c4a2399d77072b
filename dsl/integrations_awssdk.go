package dsl

import "reflect"

// AWSSDK calls an AWS API through the AWS SDK integration, typed by the
// operation's input and output structs of the AWS SDK for Go v2:
//
//	wf.Task("Fetch", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{
//		"Bucket": "reports",
//		"Key":    dsl.Path("$.key"),
//	}).ResultSelector(dsl.Obj{"size": dsl.Path("$.ContentLength")}))
//
// The structs give the resource (arn:aws:states:::aws-sdk:s3:getObject),
// the IAM action and the JSON types of the call. goasl reports a parameter
// the input struct does not have (with a did-you-mean), a member the SDK
// marks required that is missing and a value of the wrong type, and it
// types the result for ResultSelector, ResultPath and the next states.
// Parameter keys are the struct's field names, as dsl.SDK takes them; the
// values are Go values, Paths, Exprs, Refs or Intrinsics.
//
// In and Out must be an operation's <Op>Input and <Op>Output structs from
// a package github.com/aws/aws-sdk-go-v2/service/<name>. goasl imports no
// SDK module itself: your module brings the services it calls, and goasl
// generate reads which members are required from their source.
func AWSSDK[In, Out any](params Obj) *SDKTask {
	// The compiler names the service and action from the types.
	x := &SDKTask{newIntegration("aws-sdk", "", 0)}
	r := x.resource()
	r.SDK, r.In, r.Out = true, reflect.TypeFor[In](), reflect.TypeFor[Out]()
	r.Params = objParams(params)
	return x
}
