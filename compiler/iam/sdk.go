package iam

import (
	"fmt"
	"strings"

	"github.com/goasl/goasl/asl"
)

// iamPrefixes are the SDK service names (arn:aws:states:::aws-sdk:NAME:...)
// whose IAM service prefix is not the same word.
var iamPrefixes = map[string]string{
	"acmpca":                   "acm-pca",
	"apigatewaymanagementapi":  "execute-api",
	"apigatewayv2":             "apigateway",
	"appconfigdata":            "appconfig",
	"applicationautoscaling":   "application-autoscaling",
	"bedrockagent":             "bedrock",
	"bedrockagentruntime":      "bedrock",
	"bedrockruntime":           "bedrock",
	"cloudwatchlogs":           "logs",
	"codestarconnections":      "codestar-connections",
	"cognitoidentity":          "cognito-identity",
	"cognitoidentityprovider":  "cognito-idp",
	"configservice":            "config",
	"costexplorer":             "ce",
	"databasemigration":        "dms",
	"directoryservice":         "ds",
	"dynamodbstreams":          "dynamodb",
	"efs":                      "elasticfilesystem",
	"elasticloadbalancingv2":   "elasticloadbalancing",
	"elasticsearch":            "es",
	"emrcontainers":            "emr-containers",
	"emrserverless":            "emr-serverless",
	"iotdata":                  "iot",
	"lexmodelsv2":              "lex",
	"lexruntimev2":             "lex",
	"location":                 "geo",
	"marketplacecatalog":       "aws-marketplace",
	"mediapackagevod":          "mediapackage-vod",
	"networkfirewall":          "network-firewall",
	"opensearch":               "es",
	"pinpointemail":            "ses",
	"rdsdata":                  "rds-data",
	"redshiftdata":             "redshift-data",
	"resourcegroupstaggingapi": "tag",
	"sagemakerruntime":         "sagemaker",
	"sesv2":                    "ses",
	"sfn":                      "states",
	"ssmincidents":             "ssm-incidents",
	"ssoadmin":                 "sso",
	"timestreamquery":          "timestream",
	"timestreamwrite":          "timestream",
}

// IAMService returns the IAM service prefix of an SDK integration's
// service name: the name itself except for the known differences (sfn is
// states, cloudwatchlogs is logs, efs is elasticfilesystem, ...).
func IAMService(sdkService string) string {
	if p, ok := iamPrefixes[sdkService]; ok {
		return p
	}
	return sdkService
}

// sdkActions are the SDK calls whose IAM actions are not the API name.
var sdkActions = map[string][]string{
	"s3:listObjectsV2":        {"s3:ListBucket"},
	"s3:listObjects":          {"s3:ListBucket"},
	"s3:headBucket":           {"s3:ListBucket"},
	"s3:headObject":           {"s3:GetObject"},
	"s3:deleteObjects":        {"s3:DeleteObject"},
	"s3:copyObject":           {"s3:GetObject", "s3:PutObject"},
	"s3:getObjectAttributes":  {"s3:GetObject", "s3:GetObjectAttributes"},
	"lambda:invoke":           {"lambda:InvokeFunction"},
	"sfn:startSyncExecution":  {"states:StartSyncExecution"},
	"dynamodb:batchGetItem":   {"dynamodb:BatchGetItem"},
	"dynamodb:batchWriteItem": {"dynamodb:BatchWriteItem"},
}

// SDKActions returns the IAM actions an SDK integration call needs, e.g.
// ["s3:GetObject"] for ("s3", "getObject").
func SDKActions(service, action string) []string {
	if a, ok := sdkActions[service+":"+action]; ok {
		return append([]string(nil), a...)
	}
	return []string{IAMService(service) + ":" + upperFirst(action)}
}

func (d *deriver) sdk(st *asl.State, service, action string) {
	acts := SDKActions(service, action)
	who := fmt.Sprintf("aws-sdk:%s:%s", service, action)
	p := params(st)
	switch service {
	case "s3":
		bucket := field(p, "Bucket")
		if acts[0] == "s3:ListBucket" || strings.HasSuffix(action, "Bucket") || strings.Contains(action, "Bucket") {
			d.allow(who+" calls the S3 API on a bucket", acts, d.bucketARN(bucket))
			return
		}
		obj := d.bucketARN(bucket) + "/*"
		if key := field(p, "Key"); bucket.static() && key.static() {
			obj = d.bucketARN(bucket) + "/" + key.str
		}
		d.allow(who+" calls the S3 API on an object", acts, obj)
	case "dynamodb":
		d.allow(who+" calls the DynamoDB API on a table", acts, d.tableARN(field(p, "TableName")))
	case "lambda":
		fn := field(p, "FunctionName")
		if fn.static() && (strings.HasPrefix(fn.str, "arn:") || strings.HasPrefix(fn.str, "${")) {
			d.named(fn.str, "lambda", "function:")
			d.allow(who+" calls the Lambda API on a function", acts, lambdaResources(fn.str)...)
			return
		}
		d.allow(who+" calls the Lambda API on a function", acts, d.nameOrARN(fn, "lambda", "function", ":"))
	case "sqs":
		if q := field(p, "QueueUrl"); q.static() {
			d.allow(who+" calls the SQS API on a queue", acts, d.queueARN(q.str))
			return
		}
		d.allow(who+" calls the SQS API on a queue chosen at run time, so any queue of the account", acts, d.arn("sqs", "*"))
	case "sns":
		if t := field(p, "TopicArn"); t.static() {
			d.allow(who+" calls the SNS API on a topic", acts, t.str)
			return
		}
		d.allow(who+" calls the SNS API on a topic chosen at run time, so any topic of the account", acts, d.arn("sns", "*"))
	case "sfn":
		if a := field(p, "StateMachineArn"); a.static() {
			d.allow(who+" calls the Step Functions API on a state machine", acts, a.str)
			return
		}
		d.allow(who+" calls the Step Functions API", acts, d.arn("states", "*"))
	default:
		// The SDK integration reaches every AWS API; goasl does not know the
		// resource types of each, so the action is allowed on "*". Add a
		// narrower statement of your own and a policy boundary if needed.
		d.allow(who+" calls an AWS API whose resources goasl does not model, so \"*\"", acts, "*")
	}
}
