// Package conformance replays the AWS-recorded LocalStack Step Functions
// snapshots of ../shared/corpus/localstack against the local executor
// (package local). It is test-only: run
//
//	go test ./internal/conformance -run TestConformance -v
//
// It prints "conformance: outcome N/697, history M/697" and keeps the list
// of failing cases, grouped by reason, in testdata/failures.golden
// (rewrite it with -update).
package conformance
