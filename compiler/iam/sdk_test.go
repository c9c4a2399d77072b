package iam

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// sdkCases are AWS SDK integration calls, one state each (Parameters as
// JSON); testdata/sdk.golden holds the statements of each, with reasons.
var sdkCases = []struct{ name, resource, params string }{
	{"s3 getObject", "s3:getObject", `{"Bucket":"reports","Key":"2024/a.csv"}`},
	{"s3 getObject key at run time", "s3:getObject", `{"Bucket":"reports","Key.$":"$.key"}`},
	{"s3 putObject placeholder bucket", "s3:putObject", `{"Bucket":"${Bucket}","Key":"out.json","Body.$":"$"}`},
	{"s3 listObjectsV2", "s3:listObjectsV2", `{"Bucket":"reports","Prefix":"2024/"}`},
	{"s3 listBuckets", "s3:listBuckets", `{}`},
	{"s3 headObject", "s3:headObject", `{"Bucket":"reports","Key":"a"}`},
	{"s3 copyObject", "s3:copyObject", `{"Bucket":"dst","Key":"b","CopySource":"src/a"}`},
	{"s3 deleteObjects", "s3:deleteObjects", `{"Bucket":"reports","Delete":{"Objects":[{"Key":"a"}]}}`},
	{"s3 getBucketEncryption", "s3:getBucketEncryption", `{"Bucket":"reports"}`},
	{"dynamodb query", "dynamodb:query", `{"TableName":"orders","KeyConditionExpression":"pk = :p"}`},
	{"dynamodb batchWriteItem", "dynamodb:batchWriteItem", `{"RequestItems":{"orders":[],"audit":[]}}`},
	{"dynamodb transactWriteItems", "dynamodb:transactWriteItems", `{"TransactItems":[{"Put":{"TableName":"orders","Item":{}}},{"Update":{"TableName":"stock","Key":{}}}]}`},
	{"dynamodb table at run time", "dynamodb:scan", `{"TableName.$":"$.table"}`},
	{"sqs receiveMessage", "sqs:receiveMessage", `{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/111122223333/jobs"}`},
	{"sqs sendMessageBatch", "sqs:sendMessageBatch", `{"QueueUrl":"${Queue}","Entries":[]}`},
	{"sns publish", "sns:publish", `{"TopicArn":"arn:aws:sns:us-east-1:123456789012:alerts","Message":"x"}`},
	{"sns publishBatch at run time", "sns:publishBatch", `{"TopicArn.$":"$.topic","PublishBatchRequestEntries":[]}`},
	{"secretsmanager by name", "secretsmanager:getSecretValue", `{"SecretId":"prod/api"}`},
	{"secretsmanager by ARN", "secretsmanager:getSecretValue", `{"SecretId":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/api-AbCdEf"}`},
	{"secretsmanager listSecrets", "secretsmanager:listSecrets", `{}`},
	{"sfn startExecution", "sfn:startExecution", `{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:child","Input":"{}"}`},
	{"sfn describeExecution", "sfn:describeExecution", `{"ExecutionArn.$":"$.arn"}`},
	{"sfn sendTaskSuccess", "sfn:sendTaskSuccess", `{"TaskToken.$":"$.token","Output":"{}"}`},
	{"lambda getFunction", "lambda:getFunction", `{"FunctionName":"charge"}`},
	{"lambda listFunctions", "lambda:listFunctions", `{}`},
	{"kms encrypt by key id", "kms:encrypt", `{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Plaintext":"x"}`},
	{"kms encrypt by alias", "kms:encrypt", `{"KeyId":"alias/app","Plaintext":"x"}`},
	{"eventbridge putEvents", "eventbridge:putEvents", `{"Entries":[{"EventBusName":"orders","Detail":"{}","DetailType":"t","Source":"s"}]}`},
	{"athena startQueryExecution", "athena:startQueryExecution", `{"QueryString":"SELECT 1","WorkGroup":"analytics"}`},
	{"glue startJobRun", "glue:startJobRun", `{"JobName":"nightly"}`},
	{"glue startCrawler", "glue:startCrawler", `{"Name":"raw"}`},
	{"ecs runTask", "ecs:runTask", `{"Cluster":"c","TaskDefinition":"app:3"}`},
	{"bedrockruntime converse", "bedrockruntime:converse", `{"ModelId":"anthropic.claude-3-haiku-20240307-v1:0","Messages":[]}`},
	{"bedrockruntime invokeModel at run time", "bedrockruntime:invokeModel", `{"ModelId.$":"$.model","Body":"{}"}`},
	{"ec2 describeInstances", "ec2:describeInstances", `{"InstanceIds":["i-1"]}`},
}

func TestSDKPolicy(t *testing.T) {
	var b strings.Builder
	for _, c := range sdkCases {
		sm := parseState(t, `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:`+c.resource+`","Parameters":`+c.params)
		got, err := Policy(sm, testOpts)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fmt.Fprintf(&b, "%s: aws-sdk:%s %s\n", c.name, c.resource, c.params)
		for _, s := range got {
			fmt.Fprintf(&b, "  %s -> %s\n    (%s)\n", strings.Join(s.Actions, ","), strings.Join(s.Resources, " "), s.Reason)
		}
	}
	golden.Check(t, "testdata/sdk.golden", []byte(b.String()))
}
