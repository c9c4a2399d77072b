package compiler_test

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/compiler/iam"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/golden"
)

// sdkDocs reads the SDK's source in goasl's module, whose go.mod requires
// the SDK modules these tests use, as the driver does in the user's.
var sdkDocs = &awssdk.SourceDocs{}

// compileSDK compiles like compiler.Compile with the SDK's docs.
func compileSDK(wf *dsl.Workflow) (*asl.StateMachine, error) {
	r := compiler.CheckWith(wf, compiler.Options{SDKDocs: sdkDocs})
	if r.Machine == nil {
		return nil, &compiler.Error{Diagnostics: r.Diagnostics}
	}
	return r.Machine, nil
}

// order is the execution input of the SDK workflows.
type order struct {
	ID     string
	Bucket string
	Count  int
}

// sdkErrorCases are workflows whose typed SDK calls are wrong; the full
// error text is compared with testdata/sdk/<name>.golden.
var sdkErrorCases = map[string]func() *dsl.Workflow{
	"unknown_member": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Fetch")
		wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Buckt": "reports", "Key": "a.csv"})).End()
		return wf
	},
	"missing_member": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Fetch")
		wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": "reports"})).End()
		return wf
	},
	"nested_member": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Hosts")
		wf.Task("Describe", dsl.AWSSDK[ec2.DescribeInstancesInput, ec2.DescribeInstancesOutput](dsl.Obj{
			"Filters": dsl.Arr{dsl.Obj{"Nme": "tag:team", "Values": dsl.Arr{"data"}}},
		})).End()
		return wf
	},
	"wrong_types": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("List").DeclareInput(dsl.Type[order]())
		wf.Task("List", dsl.AWSSDK[s3.ListObjectsV2Input, s3.ListObjectsV2Output](dsl.Obj{
			"Bucket": dsl.Path("$.Count"), "Prefix": 5, "MaxKeys": "10", "FetchOwner": true,
		})).End()
		return wf
	},
	"wrong_text": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("List")
		wf.Task("List", dsl.AWSSDK[s3.ListObjectsV2Input, s3.ListObjectsV2Output](dsl.Obj{
			"Bucket": "b", "MaxKeys": "ten", "FetchOwner": "yes",
		})).End()
		return wf
	},
	"union_member": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Lookup")
		wf.Task("Get", dsl.AWSSDK[dynamodb.GetItemInput, dynamodb.GetItemOutput](dsl.Obj{
			"TableName": "orders",
			"Key":       dsl.Obj{"id": dsl.Obj{"s": "1"}, "n": dsl.Obj{"N": 2}},
		})).End()
		return wf
	},
	"union_value_type": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Lookup")
		wf.Task("Get", dsl.AWSSDK[dynamodb.GetItemInput, dynamodb.GetItemOutput](dsl.Obj{
			"TableName": "orders",
			"Key":       dsl.Obj{"id": dsl.Obj{"S": "1"}, "n": dsl.Obj{"N": 2}},
		})).End()
		return wf
	},
	"result_path_typo": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Fetch").DeclareInput(dsl.Type[order]())
		wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": dsl.Path("$.Bucket"), "Key": dsl.Path("$.ID")})).
			ResultSelector(dsl.Obj{"size": dsl.Path("$.ContentLenght")}).End()
		return wf
	},
	"not_an_sdk_type": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Fetch")
		wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.PutObjectOutput](dsl.Obj{"Bucket": "b", "Key": "k"})).End()
		return wf
	},
}

func TestSDKErrors(t *testing.T) {
	names := make([]string, 0, len(sdkErrorCases))
	for name := range sdkErrorCases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sm, err := compileSDK(sdkErrorCases[name]())
			if err == nil {
				t.Fatalf("compiled without error:\n%+v", sm)
			}
			var cerr *compiler.Error
			if !errors.As(err, &cerr) {
				t.Fatalf("error %T: %v", err, err)
			}
			for _, d := range cerr.Diagnostics {
				if d.File == "" || d.Line == 0 {
					t.Errorf("diagnostic without a Go position: %s", d)
				}
			}
			golden.Check(t, "testdata/sdk/"+name+".golden", []byte(err.Error()+"\n"))
		})
	}
}

// TestSDKTyped compiles a workflow of typed SDK calls: the resources come
// from the Go types, and the results are typed for the next states.
func TestSDKTyped(t *testing.T) {
	wf := dsl.NewWorkflow("Report").DeclareInput(dsl.Type[order]())
	get := wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": dsl.Path("$.Bucket"), "Key": dsl.Path("$.ID")})).
		ResultSelector(dsl.Obj{"size": dsl.Path("$.ContentLength"), "type": dsl.Path("$.ContentType")}).ResultPath("$.object")
	q := wf.Task("Query", dsl.AWSSDK[dynamodb.QueryInput, dynamodb.QueryOutput](dsl.Obj{
		"TableName":                 "orders",
		"KeyConditionExpression":    "pk = :id",
		"ExpressionAttributeValues": dsl.Obj{":id": dsl.Obj{"S.$": "$.ID"}},
		"Limit":                     10,
	})).ResultPath("$.rows")
	sec := wf.Task("Secret", dsl.AWSSDK[secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput](dsl.Obj{"SecretId": "prod/api"})).
		ResultSelector(dsl.Obj{"value": dsl.Path("$.SecretString")}).ResultPath("$.secret")
	get.Next(q)
	q.Next(sec)
	sec.End()
	r := compiler.CheckWith(wf, compiler.Options{SDKDocs: sdkDocs})
	for _, d := range r.Diagnostics {
		t.Errorf("%s", d)
	}
	if r.Machine == nil {
		t.Fatal("no machine")
	}
	data, err := asl.Marshal(r.Machine)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.Write(data)
	b.WriteString("\n")
	b.WriteString(r.Types.Dump())
	golden.Check(t, "testdata/sdk/typed.golden", []byte(b.String()))

	// The execution role: each typed call's exact action on the resource
	// its parameters name.
	policy, err := iam.Policy(r.Machine, iam.Options{Partition: "aws", Region: "eu-west-1", Account: "111122223333"})
	if err != nil {
		t.Fatal(err)
	}
	var p strings.Builder
	for _, st := range policy {
		fmt.Fprintf(&p, "%v %s -> %s\n  (%s)\n", st.States, strings.Join(st.Actions, ","), strings.Join(st.Resources, " "), st.Reason)
	}
	golden.Check(t, "testdata/sdk/typed_iam.golden", []byte(p.String()))
}

// noDocs stands for a module whose go.mod does not require the SDK.
type noDocs struct{}

func (noDocs) Required(pkg, name string) ([]string, error) {
	return nil, errors.New("locating the source of " + pkg + " with go list: no required module provides package " + pkg)
}

// TestSDKDocsUnavailable: without the SDK's source the call still
// compiles, with a warning that its required members are not checked.
func TestSDKDocsUnavailable(t *testing.T) {
	wf := dsl.NewWorkflow("Fetch")
	wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": "reports"})).End()
	r := compiler.CheckWith(wf, compiler.Options{SDKDocs: noDocs{}})
	if r.Machine == nil || len(r.Diagnostics) != 1 {
		t.Fatalf("want a machine and one warning, got %v", r.Diagnostics)
	}
	golden.Check(t, "testdata/sdk/docs_unavailable.golden", []byte(r.Diagnostics[0].String()+"\n"))
}

// TestSDKJSONata: the checks read Arguments in JSONata states, and the
// result is typed for $states.result.
func TestSDKJSONata(t *testing.T) {
	wf := dsl.NewWorkflow("Fetch").QueryLanguage(dsl.JSONata).DeclareInput(dsl.Type[order]())
	wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": dsl.Expr("$states.input.Count"), "Key": "a"})).
		Output(dsl.Expr("$states.result.ContentLenght")).End()
	_, err := compileSDK(wf)
	if err == nil {
		t.Fatal("compiled")
	}
	golden.Check(t, "testdata/sdk/jsonata.golden", []byte(err.Error()+"\n"))
}

// TestSDKPure: Check (no Options) reads no files: a typed call compiles,
// with a warning that its required members are not checked and how to
// have them checked.
func TestSDKPure(t *testing.T) {
	wf := dsl.NewWorkflow("Fetch")
	wf.Task("Get", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{"Bucket": "reports"})).End()
	r := compiler.Check(wf)
	if r.Machine == nil || len(r.Diagnostics) != 1 {
		t.Fatalf("want a machine and one warning, got %v", r.Diagnostics)
	}
	golden.Check(t, "testdata/sdk/docs_default.golden", []byte(r.Diagnostics[0].String()+"\n"))
}
