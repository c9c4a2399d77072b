package dsl

// APIGatewayAuthType is how Step Functions authenticates an API Gateway
// call (AuthType).
type APIGatewayAuthType string

// The API Gateway authentication types.
const (
	// APIGatewayNoAuth calls the API without authorization (the default).
	APIGatewayNoAuth APIGatewayAuthType = "NO_AUTH"
	// APIGatewayIAMRole signs the request with SigV4 as the state
	// machine's role.
	APIGatewayIAMRole APIGatewayAuthType = "IAM_ROLE"
	// APIGatewayResourcePolicy lets the API's resource policy admit the state
	// machine (REST APIs only).
	APIGatewayResourcePolicy APIGatewayAuthType = "RESOURCE_POLICY"
)

// APIGatewayInvokeTask calls an Amazon API Gateway REST or HTTP API
// (apigateway:invoke). It supports Request Response and WaitForTaskToken.
// A status other than 2XX fails the task with ApiGateway.<status>.
//
//dsl:mixin x with callback
type APIGatewayInvokeTask struct{ *TaskState }

// APIGatewayInvoke calls the API at apiEndpoint (ApiEndpoint: the host
// name <api-id>.execute-api.<region>.amazonaws.com) with an HTTP method
// (Method: an HTTPMethod, or a Path or Expr).
func APIGatewayInvoke(apiEndpoint, method any) *APIGatewayInvokeTask {
	x := &APIGatewayInvokeTask{}
	x.TaskState = optimized("apigateway", "invoke", 0, "ApiEndpoint", apiEndpoint, "Method", method)
	return x
}

// Stage sets the stage the API is deployed to (optional for an HTTP API's
// $default stage).
func (x *APIGatewayInvokeTask) Stage(v any) *APIGatewayInvokeTask { return set(x, "Stage", v) }

// Path sets the resource path appended to the endpoint and stage.
func (x *APIGatewayInvokeTask) Path(v any) *APIGatewayInvokeTask { return set(x, "Path", v) }

// Headers sets the request headers: an Obj from name to an Arr of values.
// To send the task token of WaitForTaskToken in a JSONPath state, use
// Obj{"TaskToken": Array(Path("$$.Task.Token"))}; in a JSONata state,
// Obj{"TaskToken": Expr("[$states.context.Task.Token]")}.
func (x *APIGatewayInvokeTask) Headers(v any) *APIGatewayInvokeTask { return set(x, "Headers", v) }

// QueryParameters sets the query string: an Obj from name to an Arr of
// values.
func (x *APIGatewayInvokeTask) QueryParameters(v any) *APIGatewayInvokeTask {
	return set(x, "QueryParameters", v)
}

// RequestBody sets the request body: an Obj or a string.
func (x *APIGatewayInvokeTask) RequestBody(v any) *APIGatewayInvokeTask {
	return set(x, "RequestBody", v)
}

// AuthType sets how the call is authenticated (NO_AUTH by default).
func (x *APIGatewayInvokeTask) AuthType(t APIGatewayAuthType) *APIGatewayInvokeTask {
	return setPlain(x, "AuthType", t)
}

// HTTPArrayFormat is how an HTTP Task URL-encodes arrays in a request
// body (RequestEncodingOptions.ArrayFormat).
type HTTPArrayFormat string

// The array formats of URL-encoded request bodies, shown for
// {"a": ["x", "y"]}.
const (
	ArrayFormatIndices  HTTPArrayFormat = "INDICES"  // a[0]=x&a[1]=y (the default)
	ArrayFormatRepeat   HTTPArrayFormat = "REPEAT"   // a=x&a=y
	ArrayFormatCommas   HTTPArrayFormat = "COMMAS"   // a=x,y
	ArrayFormatBrackets HTTPArrayFormat = "BRACKETS" // a[]=x&a[]=y
)

// HTTPInvokeTask calls an HTTPS API (http:invoke), authorized by an
// Amazon EventBridge connection. Request Response only; each request is
// capped at 60 seconds.
//
//dsl:mixin x with
type HTTPInvokeTask struct{ *TaskState }

// HTTPInvoke calls the URL apiEndpoint (ApiEndpoint) with an HTTP method
// (Method: an HTTPMethod, or a Path or Expr), using the EventBridge
// connection with the given ARN for authorization
// (Authentication.ConnectionArn).
func HTTPInvoke(apiEndpoint, method, connectionARN any) *HTTPInvokeTask {
	x := &HTTPInvokeTask{}
	x.TaskState = optimized("http", "invoke", 0,
		"ApiEndpoint", apiEndpoint,
		"Method", method,
		"Authentication", Obj{"ConnectionArn": connectionARN})
	return x
}

// Headers sets the request headers: an Obj from name to value. The
// connection's headers are added to them.
func (x *HTTPInvokeTask) Headers(v any) *HTTPInvokeTask { return set(x, "Headers", v) }

// QueryParameters sets the query string: an Obj from name to value.
func (x *HTTPInvokeTask) QueryParameters(v any) *HTTPInvokeTask {
	return set(x, "QueryParameters", v)
}

// RequestBody sets the request body: an Obj or a string.
func (x *HTTPInvokeTask) RequestBody(v any) *HTTPInvokeTask { return set(x, "RequestBody", v) }

// Transform sets how the request body is encoded: an Obj with
// RequestBodyEncoding and RequestEncodingOptions. URLEncodeBody covers the
// usual case.
func (x *HTTPInvokeTask) Transform(v any) *HTTPInvokeTask { return set(x, "Transform", v) }

// URLEncodeBody sends the request body URL-encoded
// (application/x-www-form-urlencoded), writing arrays in the given format.
func (x *HTTPInvokeTask) URLEncodeBody(arrays HTTPArrayFormat) *HTTPInvokeTask {
	return set(x, "Transform", Obj{
		"RequestBodyEncoding":    "URL_ENCODED",
		"RequestEncodingOptions": Obj{"ArrayFormat": string(arrays)},
	})
}
