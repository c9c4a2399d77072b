package awssdk_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/athena"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/internal/golden"
)

// docs is shared by the tests: it reads the SDK sources of goasl's own
// module (the SDK modules are test dependencies).
var docs = &awssdk.SourceDocs{}

type pair struct{ in, out reflect.Type }

func op[In, Out any]() pair { return pair{reflect.TypeFor[In](), reflect.TypeFor[Out]()} }

// shapes are the operations whose shapes are golden: a dozen services.
var shapes = []pair{
	op[s3.GetObjectInput, s3.GetObjectOutput](),
	op[s3.ListObjectsV2Input, s3.ListObjectsV2Output](),
	op[dynamodb.QueryInput, dynamodb.QueryOutput](),
	op[sqs.SendMessageInput, sqs.SendMessageOutput](),
	op[sns.PublishInput, sns.PublishOutput](),
	op[secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput](),
	op[eventbridge.PutEventsInput, eventbridge.PutEventsOutput](),
	op[ecs.RunTaskInput, ecs.RunTaskOutput](),
	op[glue.StartJobRunInput, glue.StartJobRunOutput](),
	op[athena.StartQueryExecutionInput, athena.StartQueryExecutionOutput](),
	op[bedrockruntime.InvokeModelInput, bedrockruntime.InvokeModelOutput](),
	op[bedrockruntime.ConverseInput, bedrockruntime.ConverseOutput](),
	op[ec2.DescribeInstancesInput, ec2.DescribeInstancesOutput](),
	op[sfn.StartExecutionInput, sfn.StartExecutionOutput](),
}

// TestShapes writes the resource, IAM actions and the Parameters and
// result types of each operation to testdata/<service>_<action>.golden.
func TestShapes(t *testing.T) {
	for _, p := range shapes {
		o, err := awssdk.Lookup(p.in, p.out, docs)
		if err != nil {
			t.Fatal(err)
		}
		if o.DocsErr != nil {
			t.Fatalf("%s: %v", p.in, o.DocsErr)
		}
		t.Run(o.Service+"_"+o.Action, func(t *testing.T) {
			golden.Check(t, "testdata/"+o.Service+"_"+o.Action+".golden", []byte(render(o)))
		})
	}
}

// render writes an operation one member a line; a named struct already
// written is named only.
func render(o *awssdk.Operation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s\nresource: %s\niam: %s\n", o.InputType, o.OutputType, o.Resource(), strings.Join(o.IAMActions, " "))
	seen := map[reflect.Type]bool{}
	b.WriteString("\nparameters:")
	writeType(&b, o.Input, 1, seen)
	b.WriteString("\nresult:")
	writeType(&b, o.Output, 1, seen)
	return b.String()
}

// open holds the objects without a Go type being written.
var open = map[*flow.Type]bool{}

func writeType(b *strings.Builder, t *flow.Type, depth int, seen map[reflect.Type]bool) {
	desc := t.Kind.String()
	switch {
	case t.IsAny():
		desc = "any"
	case t.Kind == flow.Number && t.Integer:
		desc = "integer"
	case t.Timestamp:
		desc = "timestamp"
	case t.Kind == flow.Object && t.Map:
		desc = "map"
	}
	b.WriteString(" " + desc)
	if t.Go != nil {
		b.WriteString(" (" + t.Go.String() + ")")
	}
	switch {
	case t.Kind == flow.Array || t.Map:
		b.WriteString(" of")
		writeType(b, t.Elem, depth, seen)
		return
	case t.Kind != flow.Object:
		b.WriteString("\n")
		return
	}
	if t.Go != nil && seen[t.Go] {
		b.WriteString(" (above)\n")
		return
	}
	if t.Go != nil {
		seen[t.Go] = true
	} else {
		// A union has no Go type to name it by: stop where it recurs.
		if open[t] {
			b.WriteString(" (recursive)\n")
			return
		}
		open[t] = true
		defer delete(open, t)
	}
	b.WriteString("\n")
	for _, f := range t.Fields {
		opt := ""
		if !f.Optional {
			opt = " required"
		}
		fmt.Fprintf(b, "%s%s%s:", strings.Repeat("  ", depth), f.Name, opt)
		writeType(b, f.Type, depth+1, seen)
	}
}

func TestLookupNames(t *testing.T) {
	o, err := awssdk.Lookup(reflect.TypeFor[*s3.ListObjectsV2Input](), reflect.TypeFor[s3.ListObjectsV2Output](), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(o.Service, " ", o.Action, " ", o.Name, " ", o.IAMActions, " ", o.Resource()); got != "s3 listObjectsV2 ListObjectsV2 [s3:ListBucket] arn:aws:states:::aws-sdk:s3:listObjectsV2" {
		t.Errorf("got %s", got)
	}
	if o.DocsErr == nil || o.DocsErr.Error() != "no source of the SDK's documentation was given" {
		t.Errorf("DocsErr = %v", o.DocsErr)
	}
	if f, _ := o.Input.Field("Bucket"); !f.Optional {
		t.Errorf("without docs, Bucket should not be required")
	}
	o, err = awssdk.Lookup(reflect.TypeFor[sfn.StartExecutionInput](), reflect.TypeFor[sfn.StartExecutionOutput](), docs)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(o.IAMActions, " "); o.Resource() != "arn:aws:states:::aws-sdk:sfn:startExecution" || got != "states:StartExecution" {
		t.Errorf("sfn: %s %s", o.Resource(), got)
	}
}

func TestLookupErrors(t *testing.T) {
	for _, c := range []struct {
		in, out reflect.Type
		want    string
	}{
		{nil, reflect.TypeFor[s3.GetObjectOutput](), "the input and output types of an AWS SDK call must be given: use the <Op>Input and <Op>Output structs of a github.com/aws/aws-sdk-go-v2/service/<name> package"},
		{reflect.TypeFor[struct{ Bucket string }](), reflect.TypeFor[s3.GetObjectOutput](), "struct { Bucket string } is not the input of an AWS SDK for Go v2 operation: use an <Op>Input struct of a github.com/aws/aws-sdk-go-v2/service/<name> package, such as s3.GetObjectInput"},
		{reflect.TypeFor[s3.GetObjectOutput](), reflect.TypeFor[s3.GetObjectOutput](), "s3.GetObjectOutput is not the input of an AWS SDK for Go v2 operation: use an <Op>Input struct of a github.com/aws/aws-sdk-go-v2/service/<name> package, such as s3.GetObjectInput"},
		{reflect.TypeFor[s3.GetObjectInput](), reflect.TypeFor[s3.PutObjectOutput](), "s3.PutObjectOutput is not the output of s3.GetObjectInput: the operation GetObject returns s3.GetObjectOutput"},
	} {
		_, err := awssdk.Lookup(c.in, c.out, nil)
		if err == nil || err.Error() != c.want {
			t.Errorf("Lookup(%v, %v) = %v, want %s", c.in, c.out, err, c.want)
		}
	}
}

func TestServiceNames(t *testing.T) {
	for pkg, svc := range map[string]string{"configservice": "config", "directoryservice": "directory", "s3": "s3", "sfn": "sfn", "databasemigrationservice": "databasemigration"} {
		if got := awssdk.ServiceName(pkg); got != svc {
			t.Errorf("ServiceName(%q) = %q, want %q", pkg, got, svc)
		}
		if got := awssdk.GoPackage(svc); got != awssdk.ServicePrefix+pkg {
			t.Errorf("GoPackage(%q) = %q", svc, got)
		}
	}
	if awssdk.GoOperation("getObject") != "GetObject" || awssdk.ActionName("ListObjectsV2") != "listObjectsV2" {
		t.Error("operation names")
	}
}

// TestLookupOddTypes: types that are no SDK operation are errors, never
// panics.
func TestLookupOddTypes(t *testing.T) {
	for _, in := range []reflect.Type{
		reflect.TypeFor[int](), reflect.TypeFor[*int](), reflect.TypeFor[map[string]any](), reflect.TypeFor[func()](),
		reflect.TypeFor[any](), reflect.TypeFor[**s3.GetObjectOutput](), reflect.TypeFor[[]s3.GetObjectInput](),
	} {
		if _, err := awssdk.Lookup(in, reflect.TypeFor[s3.GetObjectOutput](), nil); err == nil {
			t.Errorf("Lookup(%v) gave no error", in)
		}
	}
	if _, err := awssdk.Lookup(reflect.TypeFor[s3.GetObjectInput](), reflect.TypeFor[any](), nil); err == nil {
		t.Error("an interface output gave no error")
	}
}

// TestMemberName: Step Functions calls a member named Equals EqualsValue.
func TestMemberName(t *testing.T) {
	if awssdk.MemberName("Equals") != "EqualsValue" || awssdk.MemberName("Bucket") != "Bucket" {
		t.Error(awssdk.MemberName("Equals"), awssdk.MemberName("Bucket"))
	}
}

// BenchmarkLookup derives EC2 DescribeInstances (the largest shape of
// the goldens) with the docs already read, as each compile after the
// first does.
func BenchmarkLookup(b *testing.B) {
	in, out := reflect.TypeFor[ec2.DescribeInstancesInput](), reflect.TypeFor[ec2.DescribeInstancesOutput]()
	if _, err := awssdk.Lookup(in, out, docs); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		awssdk.Lookup(in, out, docs)
	}
}

// BenchmarkFirstRead derives S3 GetObject with fresh docs: go list, then
// parsing api_op_GetObject.go and types.go, as the first typed call of a
// goasl generate run does.
func BenchmarkFirstRead(b *testing.B) {
	in, out := reflect.TypeFor[s3.GetObjectInput](), reflect.TypeFor[s3.GetObjectOutput]()
	for b.Loop() {
		if o, err := awssdk.Lookup(in, out, &awssdk.SourceDocs{}); err != nil || o.DocsErr != nil {
			b.Fatal(err, o.DocsErr)
		}
	}
}
