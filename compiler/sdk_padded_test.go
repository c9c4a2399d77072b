package compiler_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/golden"
)

// TestSDKPaddedExpression: " {% ... %}" (white space outside the
// delimiters) is a literal string to AWS, not an expression, in the
// member checks as in the data-flow analysis: MaxKeys gets text that is no
// number, and Bucket a string (not the integer the expression would give).
func TestSDKPaddedExpression(t *testing.T) {
	wf := dsl.NewWorkflow("List").QueryLanguage(dsl.JSONata).DeclareInput(dsl.Type[order]())
	wf.Task("List", dsl.AWSSDK[s3.ListObjectsV2Input, s3.ListObjectsV2Output](dsl.Obj{
		"Bucket": " {% $states.input.Count %}", "MaxKeys": " {% 10 %}",
	})).End()
	_, err := compileSDK(wf)
	if err == nil {
		t.Fatal("compiled")
	}
	golden.Check(t, "testdata/sdk/padded_expression.golden", []byte(err.Error()+"\n"))
}
