package iam

import (
	"fmt"
	"strings"

	"github.com/goasl/goasl/asl"
)

// iamPrefixes are the SDK service names (arn:aws:states:::aws-sdk:NAME:...)
// whose IAM service prefix is not the same word.
var iamPrefixes = map[string]string{
	"acmpca":                          "acm-pca",
	"apigatewaymanagementapi":         "execute-api",
	"apigatewayv2":                    "apigateway",
	"appconfigdata":                   "appconfig",
	"applicationautoscaling":          "application-autoscaling",
	"bedrockagent":                    "bedrock",
	"bedrockagentruntime":             "bedrock",
	"bedrockruntime":                  "bedrock",
	"cloudwatchlogs":                  "logs",
	"codestarconnections":             "codestar-connections",
	"cognitoidentity":                 "cognito-identity",
	"cognitoidentityprovider":         "cognito-idp",
	"costexplorer":                    "ce",
	"databasemigration":               "dms",
	"directory":                       "ds",
	"dynamodbstreams":                 "dynamodb",
	"efs":                             "elasticfilesystem",
	"eventbridge":                     "events",
	"elasticloadbalancingv2":          "elasticloadbalancing",
	"elasticsearch":                   "es",
	"emrcontainers":                   "emr-containers",
	"emrserverless":                   "emr-serverless",
	"iotdata":                         "iot",
	"lexmodelsv2":                     "lex",
	"lexruntimev2":                    "lex",
	"lexmodelbuilding":                "lex",
	"lexruntime":                      "lex",
	"location":                        "geo",
	"marketplacecatalog":              "aws-marketplace",
	"mediapackagevod":                 "mediapackage-vod",
	"networkfirewall":                 "network-firewall",
	"opensearch":                      "es",
	"pinpointemail":                   "ses",
	"rdsdata":                         "rds-data",
	"redshiftdata":                    "redshift-data",
	"resourcegroupstaggingapi":        "tag",
	"sagemakerruntime":                "sagemaker",
	"sagemakera2iruntime":             "sagemaker",
	"sagemakerfeaturestoreruntime":    "sagemaker",
	"kinesisanalyticsv2":              "kinesisanalytics",
	"kinesisvideoarchivedmedia":       "kinesisvideo",
	"kinesisvideomedia":               "kinesisvideo",
	"kinesisvideosignaling":           "kinesisvideo",
	"greengrassv2":                    "greengrass",
	"cloudhsmv2":                      "cloudhsm",
	"docdb":                           "rds",
	"neptune":                         "rds",
	"applicationdiscovery":            "discovery",
	"costandusagereport":              "cur",
	"marketplaceentitlement":          "aws-marketplace",
	"marketplacemetering":             "aws-marketplace",
	"personalizeevents":               "personalize",
	"personalizeruntime":              "personalize",
	"ioteventsdata":                   "iotevents",
	"iotjobsdataplane":                "iotjobsdata",
	"keyspaces":                       "cassandra",
	"mturk":                           "mechanicalturk",
	"opensearchserverless":            "aoss",
	"redshiftserverless":              "redshift-serverless",
	"resourcegroups":                  "resource-groups",
	"serverlessapplicationrepository": "serverlessrepo",
	"servicecatalogappregistry":       "servicecatalog",
	"ssmcontacts":                     "ssm-contacts",
	"ssooidc":                         "sso-oauth",
	"licensemanager":                  "license-manager",
	"migrationhub":                    "mgh",
	"sesv2":                           "ses",
	"sfn":                             "states",
	"ssmincidents":                    "ssm-incidents",
	"ssoadmin":                        "sso",
	"timestreamquery":                 "timestream",
	"timestreamwrite":                 "timestream",
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
	"s3:listBuckets":                        {"s3:ListAllMyBuckets"},
	"s3:listObjectVersions":                 {"s3:ListBucketVersions"},
	"s3:listMultipartUploads":               {"s3:ListBucketMultipartUploads"},
	"s3:listParts":                          {"s3:ListMultipartUploadParts"},
	"s3:createMultipartUpload":              {"s3:PutObject"},
	"s3:uploadPart":                         {"s3:PutObject"},
	"s3:completeMultipartUpload":            {"s3:PutObject"},
	"s3:uploadPartCopy":                     {"s3:GetObject", "s3:PutObject"},
	"s3:selectObjectContent":                {"s3:GetObject"},
	"s3:getBucketLifecycleConfiguration":    {"s3:GetLifecycleConfiguration"},
	"s3:putBucketLifecycleConfiguration":    {"s3:PutLifecycleConfiguration"},
	"s3:getBucketNotificationConfiguration": {"s3:GetBucketNotification"},
	"s3:putBucketNotificationConfiguration": {"s3:PutBucketNotification"},
	"s3:getBucketEncryption":                {"s3:GetEncryptionConfiguration"},
	"s3:putBucketEncryption":                {"s3:PutEncryptionConfiguration"},
	"s3:getBucketReplication":               {"s3:GetReplicationConfiguration"},
	"s3:putBucketReplication":               {"s3:PutReplicationConfiguration"},
	"s3:getBucketCors":                      {"s3:GetBucketCORS"},
	"s3:putBucketCors":                      {"s3:PutBucketCORS"},
	"dynamodb:transactGetItems":             {"dynamodb:GetItem"},
	"dynamodb:transactWriteItems":           {"dynamodb:ConditionCheckItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"},
	"sqs:sendMessageBatch":                  {"sqs:SendMessage"},
	"sqs:deleteMessageBatch":                {"sqs:DeleteMessage"},
	"sqs:changeMessageVisibilityBatch":      {"sqs:ChangeMessageVisibility"},
	"sns:publishBatch":                      {"sns:Publish"},
	"bedrockruntime:converse":               {"bedrock:InvokeModel"},
	"bedrockruntime:converseStream":         {"bedrock:InvokeModelWithResponseStream"},
	"s3:listObjectsV2":                      {"s3:ListBucket"},
	"s3:listObjects":                        {"s3:ListBucket"},
	"s3:headBucket":                         {"s3:ListBucket"},
	"s3:headObject":                         {"s3:GetObject"},
	"s3:deleteObjects":                      {"s3:DeleteObject"},
	"s3:copyObject":                         {"s3:GetObject", "s3:PutObject"},
	"s3:getObjectAttributes":                {"s3:GetObject", "s3:GetObjectAttributes"},
	"lambda:invoke":                         {"lambda:InvokeFunction"},
	"sfn:startSyncExecution":                {"states:StartSyncExecution"},
	"dynamodb:batchGetItem":                 {"dynamodb:BatchGetItem"},
	"dynamodb:batchWriteItem":               {"dynamodb:BatchWriteItem"},
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
		if action == "listBuckets" {
			d.allow(who+" lists the account's buckets; s3:ListAllMyBuckets supports no resource, so IAM requires \"*\"", acts, "*")
			return
		}
		if acts[0] == "s3:ListBucket" || strings.Contains(action, "Bucket") || acts[0] == "s3:ListBucketMultipartUploads" || acts[0] == "s3:ListBucketVersions" {
			if !bucket.static() {
				d.allow(who+" calls the S3 API on a bucket chosen at run time, so any bucket", acts, d.bucketARN(bucket))
				return
			}
			d.allow(who+" calls the S3 API on a bucket", acts, d.bucketARN(bucket))
			return
		}
		obj := d.bucketARN(bucket) + "/*"
		if key := field(p, "Key"); bucket.static() && key.static() {
			obj = d.bucketARN(bucket) + "/" + key.str
		}
		if action == "copyObject" || action == "uploadPartCopy" {
			// The source is "bucket/key" in CopySource.
			src := "arn:" + d.o.Partition + ":s3:::*"
			if cs := field(p, "CopySource"); cs.static() {
				src = "arn:" + d.o.Partition + ":s3:::" + strings.TrimPrefix(strings.SplitN(cs.str, "?", 2)[0], "/")
			}
			d.allow(who+" reads the object it copies", []string{"s3:GetObject"}, src)
			d.allow(who+" writes the copy", []string{"s3:PutObject"}, obj)
			return
		}
		switch {
		case !bucket.static():
			d.allow(who+" calls the S3 API on an object of a bucket chosen at run time, so any bucket", acts, obj)
		case !field(p, "Key").static():
			d.allow(who+" calls the S3 API on an object chosen at run time, so any object of the bucket", acts, obj)
		default:
			d.allow(who+" calls the S3 API on an object", acts, obj)
		}
	case "dynamodb":
		d.allow(who+" calls the DynamoDB API on a table", acts, d.sdkTables(action, p)...)
	case "lambda":
		fn := field(p, "FunctionName")
		if fn.static() && (strings.HasPrefix(fn.str, "arn:") || strings.HasPrefix(fn.str, "${")) {
			d.allow(who+" calls the Lambda API on a function", acts, lambdaResources(fn.str)...)
			return
		}
		if !fn.set {
			d.allow(who+" calls a Lambda API that names no function, so \"*\"", acts, "*")
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
		switch {
		case field(p, "StateMachineArn").set:
			if a := field(p, "StateMachineArn"); a.static() {
				d.allow(who+" calls the Step Functions API on a state machine", acts, a.str)
				return
			}
			d.allow(who+" calls the Step Functions API on a state machine chosen at run time, so any state machine of the account", acts, d.arn("states", "stateMachine:*"))
		case field(p, "ExecutionArn").set:
			if a := field(p, "ExecutionArn"); a.static() {
				d.allow(who+" calls the Step Functions API on an execution", acts, a.str)
				return
			}
			d.allow(who+" calls the Step Functions API on an execution chosen at run time, so any execution of the account", acts, d.arn("states", "execution:*"))
		case field(p, "ActivityArn").set:
			if a := field(p, "ActivityArn"); a.static() {
				d.allow(who+" calls the Step Functions API on an activity", acts, a.str)
				return
			}
			d.allow(who+" calls the Step Functions API on an activity chosen at run time, so any activity of the account", acts, d.arn("states", "activity:*"))
		default:
			d.allow(who+" calls a Step Functions API whose parameters name no resource (a task token, a list), so \"*\"", acts, "*")
		}
	case "secretsmanager":
		sec := field(p, "SecretId")
		switch {
		case !sec.set:
			d.allow(who+" calls a Secrets Manager API that names no secret, so \"*\"", acts, "*")
		case !sec.static():
			d.allow(who+" calls the Secrets Manager API on a secret chosen at run time, so any secret of the account", acts, d.arn("secretsmanager", "secret:*"))
		case strings.HasPrefix(sec.str, "arn:") || strings.HasPrefix(sec.str, "${"):
			d.allow(who+" calls the Secrets Manager API on a secret", acts, sec.str)
		default:
			// A secret's ARN ends in its name, a dash and six random
			// characters.
			d.allow(who+" calls the Secrets Manager API on a secret (its ARN ends in the name, \"-\" and 6 random characters)", acts, d.arn("secretsmanager", "secret:"+sec.str+"-??????"))
		}
	case "kms":
		key := field(p, "KeyId")
		switch {
		case !key.set:
			d.allow(who+" calls a KMS API that names no key, so \"*\"", acts, "*")
		case key.static() && (strings.HasPrefix(key.str, "arn:") && strings.Contains(key.str, ":key/") || strings.HasPrefix(key.str, "${")):
			d.allow(who+" calls the KMS API on a key", acts, key.str)
		case key.static() && !strings.HasPrefix(key.str, "alias/") && !strings.HasPrefix(key.str, "arn:"):
			d.allow(who+" calls the KMS API on a key", acts, d.arn("kms", "key/"+key.str))
		default:
			// IAM checks the key an alias points to, which is only known
			// at run time.
			d.allow(who+" calls the KMS API on a key given by an alias or at run time; IAM checks the key itself, so any key of the account", acts, d.arn("kms", "key/*"))
		}
	case "eventbridge":
		if action == "putEvents" {
			d.events(who, p)
			return
		}
		d.defaultSDK(who, acts)
	case "athena":
		if wg := field(p, "WorkGroup"); wg.set || action == "startQueryExecution" {
			name := "primary"
			if wg.set {
				name = wg.str
			}
			if wg.set && !wg.static() {
				name = "*"
			}
			d.allow(who+" calls the Athena API in a workgroup", acts, d.arn("athena", "workgroup/"+name))
			return
		}
		d.defaultSDK(who, acts)
	case "glue":
		switch {
		case field(p, "JobName").set:
			d.allow(who+" calls the Glue API on a job", acts, d.nameOrARN(field(p, "JobName"), "glue", "job", "/"))
		case field(p, "Name").set && strings.Contains(action, "Crawler"):
			d.allow(who+" calls the Glue API on a crawler", acts, d.nameOrARN(field(p, "Name"), "glue", "crawler", "/"))
		default:
			d.defaultSDK(who, acts)
		}
	case "bedrockruntime":
		if m := field(p, "ModelId"); m.set {
			why := " invokes a model"
			if !m.static() {
				why += " chosen at run time, so any foundation model and any model resource of the account"
			}
			d.allow(who+why, acts, d.modelARNs(m)...)
			return
		}
		d.defaultSDK(who, acts)
	case "ecs":
		if action == "runTask" {
			d.ecs(who, "", p)
			return
		}
		d.defaultSDK(who, acts)
	default:
		d.defaultSDK(who, acts)
	}
}

// defaultSDK allows an SDK call whose resources goasl does not model.
func (d *deriver) defaultSDK(who string, acts []string) {
	// The SDK integration reaches every AWS API; goasl does not know the
	// resource types of each, so the action is allowed on "*". Add a
	// narrower statement of your own and a policy boundary if needed.
	d.allow(who+" calls an AWS API whose resources goasl does not model, so \"*\"", acts, "*")
}

// sdkTables lists the tables a DynamoDB API call names: TableName, the
// keys of RequestItems (batch calls) or the TableName of each
// TransactItems entry.
func (d *deriver) sdkTables(action string, p asl.Value) []string {
	if t := field(p, "TableName"); t.set {
		return []string{d.tableARN(t)}
	}
	var out []string
	if ri := field(p, "RequestItems"); ri.set {
		if ri.dynamic || ri.val.Kind != asl.Object {
			return []string{d.arn("dynamodb", "table/*")}
		}
		for _, m := range ri.val.Members {
			if strings.HasSuffix(m.Key, ".$") {
				return []string{d.arn("dynamodb", "table/*")}
			}
			out = append(out, d.tableARN(arg{set: true, str: m.Key, val: asl.StringValue(m.Key)}))
		}
	}
	if ti := field(p, "TransactItems"); ti.set {
		if ti.dynamic || ti.val.Kind != asl.Array {
			return []string{d.arn("dynamodb", "table/*")}
		}
		for _, it := range ti.val.Items {
			if it.Kind != asl.Object {
				return []string{d.arn("dynamodb", "table/*")}
			}
			for _, m := range it.Members {
				out = append(out, d.tableARN(field(m.Value, "TableName")))
			}
		}
	}
	if len(out) == 0 {
		return []string{d.arn("dynamodb", "table/*")}
	}
	return out
}
