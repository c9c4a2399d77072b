package typegen_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/gen/typegen"
)

// TestGenerateSDKResults: where a state's data is exactly an SDK
// operation's output, the generated types name the SDK's struct, unless it
// holds an interface (s3.GetObjectOutput's Body stream) that JSON cannot
// be decoded into; where a ResultSelector reshapes it, they are goasl's
// own.
func TestGenerateSDKResults(t *testing.T) {
	sm := machine(t, `{"StartAt": "Get", "States": {
    "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "Parameters": {"Bucket": "b", "Key": "k"}, "ResultPath": "$.object", "Next": "Query"},
    "Query": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:query", "Parameters": {"TableName": "t"},
      "ResultSelector": {"n.$": "$.Count"}, "ResultPath": "$.rows", "Next": "Secret"},
    "Secret": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:secretsmanager:getSecretValue", "Parameters": {"SecretId": "s"},
      "ResultPath": "$.secret", "End": true}
  }}`)
	get, err := awssdk.Lookup(reflect.TypeFor[s3.GetObjectInput](), reflect.TypeFor[s3.GetObjectOutput](), nil)
	if err != nil {
		t.Fatal(err)
	}
	query, err := awssdk.Lookup(reflect.TypeFor[dynamodb.QueryInput](), reflect.TypeFor[dynamodb.QueryOutput](), nil)
	if err != nil {
		t.Fatal(err)
	}
	secret, err := awssdk.Lookup(reflect.TypeFor[secretsmanager.GetSecretValueInput](), reflect.TypeFor[secretsmanager.GetSecretValueOutput](), nil)
	if err != nil {
		t.Fatal(err)
	}
	res := flow.Infer(sm, &flow.Annotations{States: map[string]flow.StateAnnotation{
		"/States/Get":    {Result: get.Output},
		"/States/Query":  {Result: query.Output},
		"/States/Secret": {Result: secret.Output},
	}})
	if len(res.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", res.Diagnostics)
	}
	src, err := typegen.Generate(pkgPath, "Report", sm, res)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"secretsmanager.GetSecretValueOutput", "type ReportGetResult struct", "type ReportQueryResult struct"} {
		if !strings.Contains(string(src), want) {
			t.Errorf("no %q in:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "s3.GetObjectOutput") {
		t.Errorf("s3.GetObjectOutput (its Body is an io.ReadCloser) reused:\n%s", src)
	}
	if strings.Contains(string(src), "Handler") {
		t.Errorf("an SDK call has no Go handler:\n%s", src)
	}
	typeCheck(t, "report.go", src)
}
