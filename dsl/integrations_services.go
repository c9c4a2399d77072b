package dsl

import "github.com/goasl/goasl/internal/ir"

// This file holds what the typed service integration helpers share. Each
// helper builds an ir.Resource for an optimized integration
// (arn:aws:states:::service:action): its required parameters are the
// constructor's arguments, its optional ones are methods, and the
// integration patterns AWS supports for it are methods too (Sync,
// WaitForTaskToken, Sync2), so a pattern AWS does not support does not
// compile. Parameter values may be Go values or the special values Path,
// Expr, Ref, Intrinsic, StateInput and TaskToken.

// HTTPMethod is an HTTP method, for APIGatewayInvoke and HTTPInvoke.
type HTTPMethod string

// The HTTP methods API Gateway accepts; HTTPInvoke takes them too.
const (
	MethodGet     HTTPMethod = "GET"
	MethodPost    HTTPMethod = "POST"
	MethodPut     HTTPMethod = "PUT"
	MethodDelete  HTTPMethod = "DELETE"
	MethodPatch   HTTPMethod = "PATCH"
	MethodHead    HTTPMethod = "HEAD"
	MethodOptions HTTPMethod = "OPTIONS"
)

// plain turns the enum types of this package into plain strings, so the
// compiler sees ordinary JSON strings; other values pass through.
func plain(v any) any {
	switch x := v.(type) {
	case HTTPMethod:
		return string(x)
	case APIGatewayAuthType:
		return string(x)
	case ECSLaunchType:
		return string(x)
	case DynamoDBReturnValues:
		return string(x)
	case HTTPArrayFormat:
		return string(x)
	}
	return v
}

// optimized starts an optimized integration with its required parameters,
// given as key, value pairs in the order they are written. skip counts the
// frames between the user's call and optimized (0: called by the exported
// constructor).
func optimized(service, action string, skip int, kv ...any) *TaskState {
	t := newIntegration(service, action, skip+1)
	r := t.resource()
	for j := 0; j+1 < len(kv); j += 2 {
		key, _ := kv[j].(string)
		r.Params = append(r.Params, ir.Param{Key: key, Value: plain(kv[j+1]), Pos: r.Pos})
	}
	return t
}

// setPlain sets an optional parameter whose value may be one of this
// package's enum types. Like set, it records the position of the caller of
// the method that calls it.
func setPlain[S Resource](x S, key string, value any) S {
	r := x.resource()
	r.Params = setParam(r.Params, key, plain(value), ir.Caller(1))
	return x
}
