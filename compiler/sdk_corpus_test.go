package compiler

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/aws/aws-sdk-go-v2/service/glue"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/ir"
	"github.com/goasl/goasl/internal/testcorpus"
)

type sdkPair struct{ in, out reflect.Type }

func sdkOp[In, Out any]() sdkPair { return sdkPair{reflect.TypeFor[In](), reflect.TypeFor[Out]()} }

// corpusOps are the corpus's aws-sdk operations of the services whose SDK
// modules these tests build.
var corpusOps = map[string]sdkPair{
	"dynamodb:batchWriteItem":           sdkOp[dynamodb.BatchWriteItemInput, dynamodb.BatchWriteItemOutput](),
	"dynamodb:createBackup":             sdkOp[dynamodb.CreateBackupInput, dynamodb.CreateBackupOutput](),
	"dynamodb:deleteItem":               sdkOp[dynamodb.DeleteItemInput, dynamodb.DeleteItemOutput](),
	"dynamodb:getItem":                  sdkOp[dynamodb.GetItemInput, dynamodb.GetItemOutput](),
	"dynamodb:putItem":                  sdkOp[dynamodb.PutItemInput, dynamodb.PutItemOutput](),
	"dynamodb:query":                    sdkOp[dynamodb.QueryInput, dynamodb.QueryOutput](),
	"dynamodb:scan":                     sdkOp[dynamodb.ScanInput, dynamodb.ScanOutput](),
	"dynamodb:transactWriteItems":       sdkOp[dynamodb.TransactWriteItemsInput, dynamodb.TransactWriteItemsOutput](),
	"dynamodb:updateItem":               sdkOp[dynamodb.UpdateItemInput, dynamodb.UpdateItemOutput](),
	"ec2:attachVolume":                  sdkOp[ec2.AttachVolumeInput, ec2.AttachVolumeOutput](),
	"ec2:authorizeSecurityGroupIngress": sdkOp[ec2.AuthorizeSecurityGroupIngressInput, ec2.AuthorizeSecurityGroupIngressOutput](),
	"ec2:createSnapshot":                sdkOp[ec2.CreateSnapshotInput, ec2.CreateSnapshotOutput](),
	"ec2:createTags":                    sdkOp[ec2.CreateTagsInput, ec2.CreateTagsOutput](),
	"ec2:createVolume":                  sdkOp[ec2.CreateVolumeInput, ec2.CreateVolumeOutput](),
	"ec2:describeInstances":             sdkOp[ec2.DescribeInstancesInput, ec2.DescribeInstancesOutput](),
	"ec2:describeSnapshots":             sdkOp[ec2.DescribeSnapshotsInput, ec2.DescribeSnapshotsOutput](),
	"ec2:describeVolumes":               sdkOp[ec2.DescribeVolumesInput, ec2.DescribeVolumesOutput](),
	"ec2:modifyInstanceAttribute":       sdkOp[ec2.ModifyInstanceAttributeInput, ec2.ModifyInstanceAttributeOutput](),
	"ec2:runInstances":                  sdkOp[ec2.RunInstancesInput, ec2.RunInstancesOutput](),
	"eventbridge:disableRule":           sdkOp[eventbridge.DisableRuleInput, eventbridge.DisableRuleOutput](),
	"eventbridge:enableRule":            sdkOp[eventbridge.EnableRuleInput, eventbridge.EnableRuleOutput](),
	"glue:getCrawler":                   sdkOp[glue.GetCrawlerInput, glue.GetCrawlerOutput](),
	"glue:getJobRun":                    sdkOp[glue.GetJobRunInput, glue.GetJobRunOutput](),
	"glue:getWorkflowRun":               sdkOp[glue.GetWorkflowRunInput, glue.GetWorkflowRunOutput](),
	"glue:startCrawler":                 sdkOp[glue.StartCrawlerInput, glue.StartCrawlerOutput](),
	"glue:startWorkflowRun":             sdkOp[glue.StartWorkflowRunInput, glue.StartWorkflowRunOutput](),
	"s3:copyObject":                     sdkOp[s3.CopyObjectInput, s3.CopyObjectOutput](),
	"s3:getObject":                      sdkOp[s3.GetObjectInput, s3.GetObjectOutput](),
	"s3:getObjectAttributes":            sdkOp[s3.GetObjectAttributesInput, s3.GetObjectAttributesOutput](),
	"s3:headObject":                     sdkOp[s3.HeadObjectInput, s3.HeadObjectOutput](),
	"s3:listBuckets":                    sdkOp[s3.ListBucketsInput, s3.ListBucketsOutput](),
	"s3:listObjects":                    sdkOp[s3.ListObjectsInput, s3.ListObjectsOutput](),
	"s3:putObject":                      sdkOp[s3.PutObjectInput, s3.PutObjectOutput](),
	"secretsmanager:createSecret":       sdkOp[secretsmanager.CreateSecretInput, secretsmanager.CreateSecretOutput](),
	"secretsmanager:listSecrets":        sdkOp[secretsmanager.ListSecretsInput, secretsmanager.ListSecretsOutput](),
	"sfn:getActivityTask":               sdkOp[sfn.GetActivityTaskInput, sfn.GetActivityTaskOutput](),
	"sfn:listExecutions":                sdkOp[sfn.ListExecutionsInput, sfn.ListExecutionsOutput](),
	"sfn:sendTaskFailure":               sdkOp[sfn.SendTaskFailureInput, sfn.SendTaskFailureOutput](),
	"sfn:sendTaskHeartbeat":             sdkOp[sfn.SendTaskHeartbeatInput, sfn.SendTaskHeartbeatOutput](),
	"sfn:sendTaskSuccess":               sdkOp[sfn.SendTaskSuccessInput, sfn.SendTaskSuccessOutput](),
	"sfn:startExecution":                sdkOp[sfn.StartExecutionInput, sfn.StartExecutionOutput](),
	"sfn:stopExecution":                 sdkOp[sfn.StopExecutionInput, sfn.StopExecutionOutput](),
	"sns:publish":                       sdkOp[sns.PublishInput, sns.PublishOutput](),
	"sqs:receiveMessage":                sdkOp[sqs.ReceiveMessageInput, sqs.ReceiveMessageOutput](),
}

// TestSDKCorpusParameters checks the Parameters of every corpus call of
// corpusOps as a typed call would be checked (member names, required
// members, at every literal level; the types of the values as the
// data-flow analysis infers them): real definitions written by others
// test that the member names are the Go field names. What is reported is
// in testdata/sdk/corpus_parameters.golden.
func TestSDKCorpusParameters(t *testing.T) {
	dir := testcorpus.Dir(t)
	docs := &awssdk.SourceDocs{}
	var report []string
	calls, flagged := 0, 0
	for _, f := range testcorpus.StateMachines(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil || !strings.Contains(string(data), "aws-sdk:") {
			continue
		}
		sm, err := asl.Parse(data)
		if err != nil {
			continue
		}
		res := flow.Infer(sm, nil)
		walkStates(sm.States, "", func(st *asl.State, ptr string) {
			base := strings.TrimSuffix(strings.TrimSuffix(st.Resource, ".waitForTaskToken"), ".sync")
			pair, ok := corpusOps[strings.TrimPrefix(base, "arn:aws:states:::aws-sdk:")]
			if !ok || !strings.HasPrefix(base, "arn:aws:states:::aws-sdk:") {
				return
			}
			op, err := awssdk.Lookup(pair.in, pair.out, docs)
			if err != nil || op.DocsErr != nil {
				t.Fatalf("%s: %v %v", base, err, op.DocsErr)
			}
			c := &compiler{w: &ir.Workflow{Name: f}, pos: map[string]ir.Pos{}}
			field, args := "Parameters", st.Parameters
			if st.Arguments.IsSet() {
				field, args = "Arguments", st.Arguments
			}
			if !args.IsSet() {
				args = asl.ObjectValue()
			}
			c.sdkMembers(op, args, op.Input, ptr+"/"+field, field)
			// The types of the values, static and read by paths, as the
			// data-flow analysis infers them without declared types.
			c.sdkCalls = []sdkCall{{op: op, ptr: ptr, st: st}}
			c.sdkCheckTypes(res)
			calls++
			if len(c.diags) > 0 {
				flagged++
			}
			for _, d := range c.diags {
				report = append(report, fmt.Sprintf("%s: %s: %s", f, d.Pointer, d.Message))
			}
		})
	}
	if calls < 100 {
		t.Fatalf("only %d corpus calls found", calls)
	}
	sort.Strings(report)
	t.Logf("%d corpus calls checked, %d with problems", calls, flagged)
	out := fmt.Sprintf("%d corpus calls of %d operations checked as typed calls; %d report problems:\n%s\n", calls, len(corpusOps), flagged, strings.Join(report, "\n"))
	golden.Check(t, "testdata/sdk/corpus_parameters.golden", []byte(out))
}

func walkStates(ss asl.States, ptr string, fn func(*asl.State, string)) {
	for _, st := range ss {
		p := ptr + "/States/" + asl.PointerEscape(st.Name)
		fn(st, p)
		for i, b := range st.Branches {
			walkStates(b.States, fmt.Sprintf("%s/Branches/%d", p, i), fn)
		}
		if st.ItemProcessor != nil {
			walkStates(st.ItemProcessor.States, p+"/ItemProcessor", fn)
		}
		if st.Iterator != nil {
			walkStates(st.Iterator.States, p+"/Iterator", fn)
		}
	}
}
