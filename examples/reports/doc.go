// Package reports builds a customer's monthly report with typed AWS SDK
// calls: it reads the report template from S3 (s3.GetObject), queries the
// customer's orders in DynamoDB (dynamodb.Query) and reads the mail API
// key from Secrets Manager (secretsmanager.GetSecretValue). The SDK for Go
// v2 structs name each call, check its parameters and type its result for
// the states after it.
package reports

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
