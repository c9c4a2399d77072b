package dsl_test

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/dsl"
)

// A typed AWS SDK call: the SDK for Go v2 structs name the call and check
// its parameters and the paths into its result. goasl generate reads which
// members are required from the SDK's source; from Go, CheckWith does
// with an awssdk.SourceDocs.
func ExampleAWSSDK() {
	docs := compiler.Options{SDKDocs: &awssdk.SourceDocs{}}
	wf := dsl.NewWorkflow("Archive")
	wf.Task("Size", dsl.AWSSDK[s3.HeadObjectInput, s3.HeadObjectOutput](dsl.Obj{
		"Bucket": "archive",
		"Key":    dsl.Path("$.key"),
	}).ResultSelector(dsl.Obj{"bytes": dsl.Path("$.ContentLength")}).End())
	r := compiler.CheckWith(wf, docs)
	if r.Machine == nil {
		fmt.Println(r.Diagnostics)
		return
	}
	out, _ := asl.Marshal(r.Machine)
	fmt.Print(string(out))

	// A misspelt member is reported with the member meant; the member
	// it stands for, which the SDK marks required, is then not reported
	// missing as well.
	bad := dsl.NewWorkflow("Archive")
	bad.Task("Size", dsl.AWSSDK[s3.HeadObjectInput, s3.HeadObjectOutput](dsl.Obj{
		"Bucket": "archive",
		"Kye":    dsl.Path("$.key"),
	}).End())
	for _, d := range compiler.CheckWith(bad, docs).Diagnostics {
		s := d.String()
		fmt.Println(s[strings.Index(s, "workflow "):])
	}
	// Output:
	// {
	//   "StartAt": "Size",
	//   "States": {
	//     "Size": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::aws-sdk:s3:headObject",
	//       "Parameters": {
	//         "Bucket": "archive",
	//         "Key.$": "$.key"
	//       },
	//       "ResultSelector": {
	//         "bytes.$": "$.ContentLength"
	//       },
	//       "End": true
	//     }
	//   }
	// }
	// workflow "Archive": state "Size": Parameters.Kye: s3.HeadObjectInput has no member "Kye" (did you mean "Key"?): the members of an AWS SDK call are the exported fields of its Go input struct; rename or remove it
}
