// Package etl is a nightly ETL pipeline: two Glue jobs run in parallel
// and are awaited (.sync), Athena then rebuilds the report table, and any
// failure is published to an SNS topic before the execution fails.
package etl

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
