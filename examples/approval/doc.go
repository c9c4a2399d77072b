// Package approval asks a person to approve an expense: the request goes to
// an SQS queue with a task token, the workflow waits up to three days for
// the answer (SendTaskSuccess or SendTaskFailure), and a timeout counts as
// a rejection.
package approval

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
