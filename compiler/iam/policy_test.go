package iam

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/golden"
)

var testOpts = Options{Partition: "aws", Region: "us-east-1", Account: "123456789012"}

// Cases is one per integration kind: a state (JSON, without End) and the
// exact statements, written "actions -> resources".
var cases = []struct {
	name  string
	state string
	want  []string
}{
	{"lambda by name", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:charge arn:aws:lambda:us-east-1:123456789012:function:charge:*"}},
	{"lambda by qualified ARN", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"arn:aws:lambda:eu-west-1:111122223333:function:f:live"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:eu-west-1:111122223333:function:f arn:aws:lambda:eu-west-1:111122223333:function:f:*"}},
	{"lambda by partial ARN", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"111122223333:function:f:live"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:111122223333:function:f arn:aws:lambda:us-east-1:111122223333:function:f:*"}},
	{"lambda by name and alias", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f:live"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:f arn:aws:lambda:us-east-1:123456789012:function:f:*"}},
	{"lambda placeholder", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${ChargeFn}"}`,
		[]string{"lambda:InvokeFunction -> ${ChargeFn} ${ChargeFn}:*"}},
	{"lambda chosen at run time", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName.$":"$.fn"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:*"}},
	{"lambda legacy resource", `"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f"`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:f arn:aws:lambda:us-east-1:123456789012:function:f:*"}},
	{"lambda waitForTaskToken", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"${Fn}","Payload":{"token.$":"$$.Task.Token"}}`,
		[]string{"lambda:InvokeFunction -> ${Fn} ${Fn}:*"}},
	{"sns topic", `"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"hi"}`,
		[]string{"sns:Publish -> arn:aws:sns:us-east-1:123456789012:t"}},
	{"sns phone", `"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"PhoneNumber":"+15555550100","Message":"hi"}`,
		[]string{"sns:Publish -> *"}},
	{"sqs url", `"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/111122223333/q","MessageBody":"x"}`,
		[]string{"sqs:SendMessage -> arn:aws:sqs:eu-west-1:111122223333:q"}},
	{"sqs waitForTaskToken placeholder", `"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"${Q}","MessageBody":{"t.$":"$$.Task.Token"}}`,
		[]string{"sqs:SendMessage -> ${Q}"}},
	{"dynamodb getItem", `"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"orders","Key":{"id":{"S":"1"}}}`,
		[]string{"dynamodb:GetItem -> arn:aws:dynamodb:us-east-1:123456789012:table/orders"}},
	{"dynamodb putItem", `"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${Table}","Item":{}}`,
		[]string{"dynamodb:PutItem -> ${Table}"}},
	{"dynamodb updateItem", `"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"TableName":"orders","Key":{}}`,
		[]string{"dynamodb:UpdateItem -> arn:aws:dynamodb:us-east-1:123456789012:table/orders"}},
	{"dynamodb deleteItem", `"Type":"Task","Resource":"arn:aws:states:::dynamodb:deleteItem","Parameters":{"TableName":"orders","Key":{}}`,
		[]string{"dynamodb:DeleteItem -> arn:aws:dynamodb:us-east-1:123456789012:table/orders"}},
	{"ecs runTask", `"Type":"Task","Resource":"arn:aws:states:::ecs:runTask","Parameters":{"Cluster":"c","TaskDefinition":"app:3"}`,
		[]string{"ecs:RunTask -> arn:aws:ecs:us-east-1:123456789012:task-definition/app:3",
			"iam:PassRole -> arn:aws:iam::123456789012:role/*"}},
	{"ecs runTask.sync", `"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","Parameters":{"Cluster":"c","TaskDefinition":"app"}`,
		[]string{"ecs:RunTask -> arn:aws:ecs:us-east-1:123456789012:task-definition/app:*",
			"iam:PassRole -> arn:aws:iam::123456789012:role/*",
			"ecs:DescribeTasks,ecs:StopTask -> arn:aws:ecs:us-east-1:123456789012:task/*",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForECSTaskRule"}},
	{"batch submitJob.sync", `"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync","Parameters":{"JobName":"j","JobQueue":"q","JobDefinition":"d"}`,
		[]string{"batch:SubmitJob -> arn:aws:batch:us-east-1:123456789012:job-definition/d:* arn:aws:batch:us-east-1:123456789012:job-queue/q",
			"batch:DescribeJobs,batch:TerminateJob -> *",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForBatchJobsRule"}},
	{"glue startJobRun.sync", `"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","Parameters":{"JobName":"etl"}`,
		[]string{"glue:BatchStopJobRun,glue:GetJobRun,glue:GetJobRuns,glue:StartJobRun -> arn:aws:glue:us-east-1:123456789012:job/etl"}},
	{"states startExecution", `"Type":"Task","Resource":"arn:aws:states:::states:startExecution","Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:child"}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:child"}},
	{"states startExecution.sync", `"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync","Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:child"}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:child",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:child:*",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"}},
	{"states startExecution.sync:2", `"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"${Child}"}`,
		[]string{"states:StartExecution -> ${Child}",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"}},
	{"eventbridge putEvents", `"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[{"Source":"s","DetailType":"d","Detail":{}},{"Source":"s","DetailType":"d","Detail":{},"EventBusName":"orders"}]}`,
		[]string{"events:PutEvents -> arn:aws:events:us-east-1:123456789012:event-bus/default arn:aws:events:us-east-1:123456789012:event-bus/orders"}},
	{"api gateway IAM", `"Type":"Task","Resource":"arn:aws:states:::apigateway:invoke","Parameters":{"ApiEndpoint":"abc123.execute-api.us-east-1.amazonaws.com","Method":"GET","Stage":"prod","Path":"/orders","AuthType":"IAM_ROLE"}`,
		[]string{"execute-api:Invoke -> arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/orders"}},
	{"api gateway no auth", `"Type":"Task","Resource":"arn:aws:states:::apigateway:invoke","Parameters":{"ApiEndpoint":"abc123.execute-api.us-east-1.amazonaws.com","Method":"GET"}`,
		nil},
	{"http invoke", `"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"https://example.com","Method":"GET","Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/api/0f1e"}}`,
		[]string{"states:InvokeHTTPEndpoint -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"events:RetrieveConnectionCredentials -> arn:aws:events:us-east-1:123456789012:connection/api/0f1e",
			"secretsmanager:DescribeSecret,secretsmanager:GetSecretValue -> arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/api/*"}},
	{"athena startQueryExecution.sync", `"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution.sync","Parameters":{"QueryString":"select 1","WorkGroup":"wg","QueryExecutionContext":{"Database":"sales","Catalog":"AwsDataCatalog"},"ResultConfiguration":{"OutputLocation":"s3://results/athena"}}`,
		[]string{"athena:GetQueryExecution,athena:StartQueryExecution,athena:StopQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/wg",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/AwsDataCatalog",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/sales arn:aws:glue:us-east-1:123456789012:table/sales/*",
			"s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads -> arn:aws:s3:::results",
			"s3:AbortMultipartUpload,s3:GetObject,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::results/athena/*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena startQueryExecution bucket only", `"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution","Parameters":{"QueryString":"select 1","QueryExecutionContext":{"Database":"sales"},"ResultConfiguration":{"OutputLocation":"s3://results/"}}`,
		[]string{"athena:StartQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/primary",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/*",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/sales arn:aws:glue:us-east-1:123456789012:table/sales/*",
			"s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads -> arn:aws:s3:::results",
			"s3:AbortMultipartUpload,s3:GetObject,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::results/*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena startQueryExecution without context or location", `"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution","Parameters":{"QueryString":"select 1"}`,
		[]string{"athena:StartQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/primary",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/*",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/* arn:aws:glue:us-east-1:123456789012:table/*",
			"s3:AbortMultipartUpload,s3:GetBucketLocation,s3:GetObject,s3:ListBucket,s3:ListBucketMultipartUploads,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena startQueryExecution paths and a bucket placeholder", `"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution.sync","Parameters":{"QueryString.$":"$.sql","WorkGroup.$":"$.wg","QueryExecutionContext":{"Database.$":"$.db","Catalog.$":"$.catalog"},"ResultConfiguration":{"OutputLocation":"s3://${ResultsBucket}/q/"}}`,
		[]string{"athena:GetQueryExecution,athena:StartQueryExecution,athena:StopQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/*",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/*",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/* arn:aws:glue:us-east-1:123456789012:table/*",
			"s3:GetBucketLocation,s3:ListBucket,s3:ListBucketMultipartUploads -> arn:aws:s3:::${ResultsBucket}",
			"s3:AbortMultipartUpload,s3:GetObject,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::${ResultsBucket}/q/*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena startQueryExecution location placeholder", `"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution","Parameters":{"QueryString":"select 1","WorkGroup":"wg","ResultConfiguration":{"OutputLocation":"${ResultsURI}"}}`,
		[]string{"athena:StartQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/wg",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/*",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/* arn:aws:glue:us-east-1:123456789012:table/*",
			"s3:AbortMultipartUpload,s3:GetBucketLocation,s3:GetObject,s3:ListBucket,s3:ListBucketMultipartUploads,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena startQueryExecution jsonata", `"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::athena:startQueryExecution","Arguments":{"QueryString":"select 1","QueryExecutionContext":"{% $states.input.ctx %}","ResultConfiguration":"{% $states.input.rc %}"}`,
		[]string{"athena:StartQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/primary",
			"athena:GetDataCatalog -> arn:aws:athena:us-east-1:123456789012:datacatalog/*",
			"glue:BatchGetPartition,glue:GetDatabase,glue:GetDatabases,glue:GetPartition,glue:GetPartitions,glue:GetTable,glue:GetTables -> arn:aws:glue:us-east-1:123456789012:catalog arn:aws:glue:us-east-1:123456789012:database/* arn:aws:glue:us-east-1:123456789012:table/*",
			"s3:AbortMultipartUpload,s3:GetBucketLocation,s3:GetObject,s3:ListBucket,s3:ListBucketMultipartUploads,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::*",
			"lakeformation:GetDataAccess -> *"}},
	{"athena getQueryResults", `"Type":"Task","Resource":"arn:aws:states:::athena:getQueryResults","Parameters":{"QueryExecutionId.$":"$.id"}`,
		[]string{"athena:GetQueryResults -> arn:aws:athena:us-east-1:123456789012:workgroup/*",
			"s3:GetObject -> arn:aws:s3:::*"}},
	{"athena getQueryExecution", `"Type":"Task","Resource":"arn:aws:states:::athena:getQueryExecution","Parameters":{"QueryExecutionId.$":"$.id"}`,
		[]string{"athena:GetQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/*"}},
	{"athena stopQueryExecution", `"Type":"Task","Resource":"arn:aws:states:::athena:stopQueryExecution","Parameters":{"QueryExecutionId.$":"$.id"}`,
		[]string{"athena:StopQueryExecution -> arn:aws:athena:us-east-1:123456789012:workgroup/*"}},
	{"codebuild startBuild.sync", `"Type":"Task","Resource":"arn:aws:states:::codebuild:startBuild.sync","Parameters":{"ProjectName":"build"}`,
		[]string{"codebuild:BatchGetBuilds,codebuild:BatchGetReports,codebuild:StartBuild,codebuild:StopBuild -> arn:aws:codebuild:us-east-1:123456789012:project/build",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForCodeBuildStartBuildRule"}},
	{"sagemaker createTrainingJob.sync", `"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync","Parameters":{"TrainingJobName":"t1","RoleArn":"arn:aws:iam::123456789012:role/sm","AlgorithmSpecification":{},"OutputDataConfig":{},"ResourceConfig":{},"StoppingCondition":{}}`,
		[]string{"sagemaker:AddTags,sagemaker:CreateTrainingJob,sagemaker:DescribeTrainingJob,sagemaker:StopTrainingJob -> arn:aws:sagemaker:us-east-1:123456789012:training-job/t1",
			"iam:PassRole -> arn:aws:iam::123456789012:role/sm",
			"events:DescribeRule,events:PutRule,events:PutTargets -> arn:aws:events:us-east-1:123456789012:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"}},
	{"bedrock invokeModel", `"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel","Parameters":{"ModelId":"amazon.titan-text-express-v1","Body":{},"Output":{"S3Uri":"s3://out/results/"}}`,
		[]string{"bedrock:InvokeModel -> arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
			"s3:PutObject -> arn:aws:s3:::out/results/*"}},
	{"bedrock invokeModel chosen at run time", `"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel","Parameters":{"ModelId.$":"$.model","Body":{}}`,
		[]string{"bedrock:InvokeModel -> arn:aws:bedrock:us-east-1::foundation-model/* arn:aws:bedrock:us-east-1:123456789012:*"}},
	{"bedrock createModelCustomizationJob", `"Type":"Task","Resource":"arn:aws:states:::bedrock:createModelCustomizationJob","Parameters":{"JobName":"j","CustomModelName":"m","RoleArn":"arn:aws:iam::123456789012:role/b","BaseModelIdentifier":"amazon.titan-text-express-v1","TrainingDataConfig":{},"OutputDataConfig":{}}`,
		[]string{"bedrock:CreateModelCustomizationJob -> arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1 arn:aws:bedrock:us-east-1:123456789012:custom-model/* arn:aws:bedrock:us-east-1:123456789012:model-customization-job/*",
			"iam:PassRole -> arn:aws:iam::123456789012:role/b"}},
	{"aws-sdk s3 getObject", `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b","Key":"k.json"}`,
		[]string{"s3:GetObject -> arn:aws:s3:::b/k.json"}},
	{"aws-sdk s3 listObjectsV2", `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:listObjectsV2","Parameters":{"Bucket":"b"}`,
		[]string{"s3:ListBucket -> arn:aws:s3:::b"}},
	{"aws-sdk sfn (prefix states)", `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:describeExecution","Parameters":{"ExecutionArn.$":"$.arn"}`,
		[]string{"states:DescribeExecution -> arn:aws:states:us-east-1:123456789012:execution:*"}},
	{"aws-sdk cloudwatchlogs (prefix logs)", `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:cloudwatchlogs:putLogEvents","Parameters":{"LogGroupName":"g","LogStreamName":"s","LogEvents":[]}`,
		[]string{"logs:PutLogEvents -> *"}},
	{"aws-sdk waitForTaskToken", `"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:getItem.waitForTaskToken","Parameters":{"TableName":"t","Key":{}}`,
		[]string{"dynamodb:GetItem -> arn:aws:dynamodb:us-east-1:123456789012:table/t"}},
	{"activity", `"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:approve"`,
		nil},
	{"credentials", `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Credentials":{"RoleArn":"arn:aws:iam::111122223333:role/x"},"Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:111122223333:function:f"}`,
		[]string{"sts:AssumeRole -> arn:aws:iam::111122223333:role/x",
			"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:111122223333:function:f arn:aws:lambda:us-east-1:111122223333:function:f:*"}},
	{"distributed map", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"in","Key":"items.json"}},` +
		`"ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"out","Prefix":"runs"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:GetObject -> arn:aws:s3:::in/items.json",
			"s3:AbortMultipartUpload,s3:GetObject,s3:ListMultipartUploadParts,s3:PutObject -> arn:aws:s3:::out/runs/*"}},
	{"distributed map reading through the S3 API by another name", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::aws-sdk:s3:listObjects","Parameters":{"Bucket":"in"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:ListBucket -> *"}},
	{"distributed map S3 inventory", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST"},"Parameters":{"Bucket":"inv","Key":"reports/src/daily/2024-05-01T01-00Z/manifest.json"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:GetObject -> arn:aws:s3:::inv/reports/src/daily/2024-05-01T01-00Z/manifest.json arn:aws:s3:::inv/reports/src/daily/data/*"}},
	{"distributed map S3 inventory at the bucket's root", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST","ManifestType":"S3_INVENTORY"},"Parameters":{"Bucket":"inv","Key":"2024-05-01T01-00Z/manifest.json"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:GetObject -> arn:aws:s3:::inv/2024-05-01T01-00Z/manifest.json arn:aws:s3:::inv/data/*"}},
	{"distributed map S3 inventory chosen at run time", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST"},"Parameters":{"Bucket":"inv","Key.$":"$.manifest"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:GetObject -> arn:aws:s3:::inv/*"}},
	{"distributed map Athena manifest", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST","ManifestType":"ATHENA_DATA"},"Parameters":{"Bucket":"results","Key":"q/abc-manifest.csv"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:GetObject -> arn:aws:s3:::results/q/abc-manifest.csv",
			"s3:GetObject -> arn:aws:s3:::*"}},
	{"distributed map listing objects", `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},` +
		`"ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"in","Prefix":"p/"}}`,
		[]string{"states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:*",
			"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:*/* arn:aws:states:us-east-1:123456789012:execution:*:*",
			"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:*/*:*",
			"s3:ListBucket -> arn:aws:s3:::in"}},
	{"jsonata arguments", `"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input %}"}`,
		[]string{"lambda:InvokeFunction -> arn:aws:lambda:us-east-1:123456789012:function:f arn:aws:lambda:us-east-1:123456789012:function:f:*"}},
	{"jsonata expression argument", `"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::sns:publish","Arguments":{"TopicArn":"{% $states.input.topic %}","Message":"x"}`,
		[]string{"sns:Publish -> arn:aws:sns:us-east-1:123456789012:*"}},
}

func parseState(t *testing.T, state string) *asl.StateMachine {
	t.Helper()
	sm, err := asl.Parse([]byte(`{"StartAt":"T","States":{"T":{` + state + `,"End":true}}}`))
	if err != nil {
		t.Fatalf("parsing the test document: %v", err)
	}
	return sm
}

func show(ss []Statement) []string {
	var out []string
	for _, s := range ss {
		out = append(out, strings.Join(s.Actions, ",")+" -> "+strings.Join(s.Resources, " "))
	}
	return out
}

func TestPolicy(t *testing.T) {
	var reasons strings.Builder
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Policy(parseState(t, c.state), testOpts)
			if err != nil {
				t.Fatalf("Policy: %v", err)
			}
			for _, s := range got {
				if s.Effect != "Allow" {
					t.Errorf("effect %q, want Allow", s.Effect)
				}
				if s.Reason == "" {
					t.Errorf("statement %v has no reason", s.Actions)
				}
			}
			if g, w := strings.Join(show(got), "\n"), strings.Join(c.want, "\n"); g != w {
				t.Errorf("statements:\n%s\nwant:\n%s", g, w)
			}
			fmt.Fprintf(&reasons, "%s\n", c.name)
			for _, s := range got {
				fmt.Fprintf(&reasons, "  %v %s\n", s.States, s.Reason)
			}
		})
	}
	golden.Check(t, "testdata/reasons.golden", []byte(reasons.String()))
}

func TestPolicyMergesAndDefaults(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"A","States":{
		"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${F}"},"Next":"B"},
		"B":{"Type":"Parallel","Branches":[{"StartAt":"C","States":{"C":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"t","Key":{}},"End":true}}}],"Next":"D"},
		"D":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"u","Key":{}},"Next":"E"},
		"E":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"g:1"},"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Policy(sm, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var shown []string
	for i, line := range show(got) {
		shown = append(shown, fmt.Sprintf("%s %v", line, got[i].States))
	}
	want := []string{
		"lambda:InvokeFunction -> ${F} ${F}:* arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:g arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:g:* [A E]",
		"dynamodb:GetItem -> arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/t arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/u [C D]",
	}
	if g, w := strings.Join(shown, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("statements:\n%s\nwant:\n%s", g, w)
	}
}

func TestPolicyOptions(t *testing.T) {
	o := testOpts
	o.StateMachineName = "orders"
	o.PassRoles = []string{"arn:aws:iam::123456789012:role/task", "arn:aws:iam::123456789012:role/exec"}
	sm := parseState(t, `"Type":"Task","Resource":"arn:aws:states:::ecs:runTask","Parameters":{"Cluster":"c","TaskDefinition":"arn:aws:ecs:us-east-1:123456789012:task-definition/app:1"}`)
	got, err := Policy(sm, o)
	if err != nil {
		t.Fatal(err)
	}
	want := "ecs:RunTask -> arn:aws:ecs:us-east-1:123456789012:task-definition/app:1\n" +
		"iam:PassRole -> arn:aws:iam::123456789012:role/task arn:aws:iam::123456789012:role/exec"
	if g := strings.Join(show(got), "\n"); g != want {
		t.Errorf("statements:\n%s\nwant:\n%s", g, want)
	}
	sm = parseState(t, `"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}`)
	got, err = Policy(sm, o)
	if err != nil {
		t.Fatal(err)
	}
	want = "states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:orders\n" +
		"states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:orders/* arn:aws:states:us-east-1:123456789012:execution:orders:*\n" +
		"states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:orders/*:*"
	if g := strings.Join(show(got), "\n"); g != want {
		t.Errorf("statements:\n%s\nwant:\n%s", g, want)
	}
}

func TestPolicyErrors(t *testing.T) {
	for _, c := range []struct{ state, want string }{
		{`"Type":"Task","Resource":"arn:aws:states:::foo:bar"`,
			`state "T": goasl does not know the permissions of the integration foo:bar: use the SDK integration (dsl.SDK) or add the statements yourself`},
		{`"Type":"Task","Resource":"arn:aws:states:::dynamodb:scan","Parameters":{"TableName":"t"}`,
			`state "T": goasl does not know the permissions of the integration dynamodb:scan`},
		{`"Type":"Task","Resource":"arn:aws:s3:::bucket"`,
			`state "T": the Resource "arn:aws:s3:::bucket" is neither a service integration, an activity nor a Lambda function`},
	} {
		_, err := Policy(parseState(t, c.state), testOpts)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %s", c.state, err, c.want)
		}
	}
	if _, err := Policy(nil, testOpts); err == nil || err.Error() != "iam: the state machine is nil" {
		t.Errorf("nil: error %v", err)
	}
}

func TestPlaceholders(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"A","States":{
		"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${Fn}","Payload":{"env":"${Stage}-x"}},"Next":"B"},
		"B":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"${Queue}","MessageBody":"${Fn}"},"Next":"C"},
		"C":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"${Topic}","Message":"m"},"Next":"D"},
		"D":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${Table}","Item":{}},"Next":"E"},
		"E":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"StateMachineArn":"${Child}"},"Next":"F"},
		"F":{"Type":"Task","Resource":"${ApproveActivity}","Next":"G"},
		"G":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"${Table}","MessageBody":"m"},"Next":"H"},
		"H":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${Worker}"},"Next":"I"},
		"I":{"Type":"Task","Resource":"${Worker}","End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Placeholders(sm)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%s %s %v %v %v", p.Name, p.Kind, p.NeedsARN, p.NameAccepted, p.States))
	}
	want := "ApproveActivity activity ARN false false [F]\nChild state machine ARN false false [E]\nFn Lambda function ARN false true [A]\n" +
		"Queue SQS queue URL true false [B]\nStage value false false []\nTable value false false [D G]\nTopic SNS topic ARN false false [C]\n" +
		"Worker Lambda function ARN false false [H I]"
	if g := strings.Join(lines, "\n"); g != want {
		t.Errorf("placeholders:\n%s\nwant:\n%s", g, want)
	}
	if _, err := Placeholders(nil); err == nil {
		t.Error("Placeholders(nil): no error")
	}
}

func TestIAMService(t *testing.T) {
	for in, want := range map[string]string{"sfn": "states", "cloudwatchlogs": "logs", "efs": "elasticfilesystem", "s3": "s3", "sesv2": "ses"} {
		if got := IAMService(in); got != want {
			t.Errorf("IAMService(%q) = %q, want %q", in, got, want)
		}
	}
	if got := strings.Join(SDKActions("s3", "copyObject"), ","); got != "s3:GetObject,s3:PutObject" {
		t.Errorf("SDKActions(s3, copyObject) = %s", got)
	}
}

// TestPolicySelf: the statements on the state machine itself are marked,
// name it with the placeholder given, and redrive only the Map Run's label.
func TestPolicySelf(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"M","States":{
		"M":{"Type":"Map","Label":"batch","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"Next":"H"},
		"H":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"https://example.com","Method":"GET","Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/api/0f1e"}},"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	o := testOpts
	o.StateMachineName = "${Self}"
	got, err := Policy(sm, o)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range got {
		lines = append(lines, fmt.Sprintf("%v %s -> %s", s.Self, strings.Join(s.Actions, ","), strings.Join(s.Resources, " ")))
	}
	want := "true states:StartExecution -> arn:aws:states:us-east-1:123456789012:stateMachine:${Self}\n" +
		"true states:DescribeExecution,states:StopExecution -> arn:aws:states:us-east-1:123456789012:execution:${Self}/* arn:aws:states:us-east-1:123456789012:execution:${Self}:*\n" +
		"true states:RedriveExecution -> arn:aws:states:us-east-1:123456789012:execution:${Self}/batch:*\n" +
		"true states:InvokeHTTPEndpoint -> arn:aws:states:us-east-1:123456789012:stateMachine:${Self}\n" +
		"false events:RetrieveConnectionCredentials -> arn:aws:events:us-east-1:123456789012:connection/api/0f1e\n" +
		"false secretsmanager:DescribeSecret,secretsmanager:GetSecretValue -> arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/api/*"
	if g := strings.Join(lines, "\n"); g != want {
		t.Errorf("statements:\n%s\nwant:\n%s", g, want)
	}
}

// TestPolicyOtherPartitions: a definition written for aws-cn or
// aws-us-gov names its integrations in that partition.
func TestPolicyOtherPartitions(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"A","States":{
		"A":{"Type":"Task","Resource":"arn:aws-cn:states:::lambda:invoke","Parameters":{"FunctionName":"${Fn}"},"Next":"M"},
		"M":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"B","States":{
			"B":{"Type":"Task","Resource":"arn:aws-us-gov:states:::aws-sdk:s3:headObject","Parameters":{"Bucket":"b","Key":"k"},"End":true}}},
			"ItemReader":{"Resource":"arn:aws-cn:states:::s3:listObjectsV2","Parameters":{"Bucket":"in"}},"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Policy(sm, Options{Partition: "aws-cn", Region: "cn-north-1", Account: "123456789012", StateMachineName: "w"})
	if err != nil {
		t.Fatal(err)
	}
	want := "lambda:InvokeFunction -> ${Fn} ${Fn}:*\n" +
		"states:StartExecution -> arn:aws-cn:states:cn-north-1:123456789012:stateMachine:w\n" +
		"states:DescribeExecution,states:StopExecution -> arn:aws-cn:states:cn-north-1:123456789012:execution:w/* arn:aws-cn:states:cn-north-1:123456789012:execution:w:*\n" +
		"states:RedriveExecution -> arn:aws-cn:states:cn-north-1:123456789012:execution:w/*:*\n" +
		"s3:ListBucket -> arn:aws-cn:s3:::in\n" +
		"s3:GetObject -> arn:aws-cn:s3:::b/k"
	if g := strings.Join(show(got), "\n"); g != want {
		t.Errorf("statements:\n%s\nwant:\n%s", g, want)
	}
	places, err := Placeholders(sm)
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 1 || places[0].Kind != KindLambdaFunction {
		t.Errorf("placeholders %v, want Fn a Lambda function ARN", places)
	}
}

// TestPolicyPartition: every ARN goasl builds is in the partition of the
// options; only ARNs the definition itself names keep theirs.
func TestPolicyPartition(t *testing.T) {
	o := Options{Partition: "aws-cn", Region: "cn-north-1", Account: "123456789012"}
	for _, c := range cases {
		got, err := Policy(parseState(t, c.state), o)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, s := range got {
			for _, r := range s.Resources {
				if r == "*" || strings.HasPrefix(r, "arn:aws-cn:") || strings.HasPrefix(r, "${") || strings.Contains(c.state, strings.TrimSuffix(r, ":*")) {
					continue
				}
				t.Errorf("%s: resource %s is not in the partition aws-cn", c.name, r)
			}
		}
	}
}

// TestAnalyzeNameARNs: Analyze gives the ARN by name of each placeholder
// taken by name or by ARN, and the statements Policy gives.
func TestAnalyzeNameARNs(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"A","States":{
		"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${Fn}"},"Next":"B"},
		"B":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","Parameters":{"JobName":"${Job}"},"Next":"C"},
		"C":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:dynamodb:query","Parameters":{"TableName":"${Table}"},"Next":"D"},
		"D":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${Table}","Item":{}},"Next":"E"},
		"E":{"Type":"Task","Resource":"arn:aws:states:::codebuild:startBuild","Parameters":{"ProjectName":"${Both}"},"Next":"F"},
		"F":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","Parameters":{"JobName":"${Both}"},"Next":"G"},
		"G":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"${Topic}","Message":"m"},"End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	a, err := Analyze(sm, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := a.NameARNs
	want := "map[Fn:arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn} " +
		"Job:arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/${Job} " +
		"Table:arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}]"
	if g := fmt.Sprint(got); g != want {
		t.Errorf("NameARNs:\n%s\nwant:\n%s", g, want)
	}
	stmts, err := Policy(sm, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Statements, stmts) {
		t.Errorf("Analyze's statements:\n%+v\nPolicy:\n%+v", a.Statements, stmts)
	}
	if _, err := Analyze(nil, Options{}); err == nil || err.Error() != "iam: the state machine is nil" {
		t.Errorf("Analyze(nil): error %v", err)
	}
}
