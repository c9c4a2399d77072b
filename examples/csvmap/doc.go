// Package csvmap processes a large CSV file in S3 with a Distributed Map:
// rows are read by Step Functions itself, batched 500 at a time for a
// Lambda function, run as Express child executions, and the results are
// written back to S3.
package csvmap

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
