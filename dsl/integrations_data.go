package dsl

// AthenaStartQueryExecutionTask runs an Amazon Athena query
// (athena:startQueryExecution). It supports Request Response and Sync
// (wait for the query to finish).
//
//dsl:mixin x with sync
type AthenaStartQueryExecutionTask struct{ *TaskState }

// AthenaStartQueryExecution runs the SQL query queryString (QueryString).
func AthenaStartQueryExecution(queryString any) *AthenaStartQueryExecutionTask {
	x := &AthenaStartQueryExecutionTask{}
	x.TaskState = optimized("athena", "startQueryExecution", 0, "QueryString", queryString)
	return x
}

// WorkGroup runs the query in the given workgroup.
func (x *AthenaStartQueryExecutionTask) WorkGroup(v any) *AthenaStartQueryExecutionTask {
	return set(x, "WorkGroup", v)
}

// QueryExecutionContext sets the query's database: an Obj with Database
// and Catalog.
func (x *AthenaStartQueryExecutionTask) QueryExecutionContext(v any) *AthenaStartQueryExecutionTask {
	return set(x, "QueryExecutionContext", v)
}

// ResultConfiguration sets where results go: an Obj with OutputLocation
// (an S3 URI) and EncryptionConfiguration.
func (x *AthenaStartQueryExecutionTask) ResultConfiguration(v any) *AthenaStartQueryExecutionTask {
	return set(x, "ResultConfiguration", v)
}

// ClientRequestToken makes the request idempotent.
func (x *AthenaStartQueryExecutionTask) ClientRequestToken(v any) *AthenaStartQueryExecutionTask {
	return set(x, "ClientRequestToken", v)
}

// AthenaGetQueryResultsTask reads the results of an Athena query
// (athena:getQueryResults). Request Response only.
//
//dsl:mixin x with
type AthenaGetQueryResultsTask struct{ *TaskState }

// AthenaGetQueryResults reads the results of the query execution with the
// given id (QueryExecutionId).
func AthenaGetQueryResults(queryExecutionID any) *AthenaGetQueryResultsTask {
	x := &AthenaGetQueryResultsTask{}
	x.TaskState = optimized("athena", "getQueryResults", 0, "QueryExecutionId", queryExecutionID)
	return x
}

// MaxResults sets the number of rows per page (at most 1000).
func (x *AthenaGetQueryResultsTask) MaxResults(v any) *AthenaGetQueryResultsTask {
	return set(x, "MaxResults", v)
}

// NextToken reads the page after the one that returned this token.
func (x *AthenaGetQueryResultsTask) NextToken(v any) *AthenaGetQueryResultsTask {
	return set(x, "NextToken", v)
}

// AthenaQueryExecutionTask reads or stops an Athena query execution
// (athena:getQueryExecution, athena:stopQueryExecution). Request Response
// only.
//
//dsl:mixin x with
type AthenaQueryExecutionTask struct{ *TaskState }

// AthenaGetQueryExecution reads the state and statistics of the query
// execution with the given id (QueryExecutionId).
func AthenaGetQueryExecution(queryExecutionID any) *AthenaQueryExecutionTask {
	x := &AthenaQueryExecutionTask{}
	x.TaskState = optimized("athena", "getQueryExecution", 0, "QueryExecutionId", queryExecutionID)
	return x
}

// AthenaStopQueryExecution stops the query execution with the given id
// (QueryExecutionId).
func AthenaStopQueryExecution(queryExecutionID any) *AthenaQueryExecutionTask {
	x := &AthenaQueryExecutionTask{}
	x.TaskState = optimized("athena", "stopQueryExecution", 0, "QueryExecutionId", queryExecutionID)
	return x
}

// BedrockInvokeModelTask runs inference on an Amazon Bedrock model
// (bedrock:invokeModel). It supports Request Response and
// WaitForTaskToken.
//
//dsl:mixin x with callback
type BedrockInvokeModelTask struct{ *TaskState }

// BedrockInvokeModel invokes the model modelID (ModelId: a model id or
// ARN) with body (Body: the model-specific request, at most 256 KiB).
func BedrockInvokeModel(modelID, body any) *BedrockInvokeModelTask {
	return bedrockInvoke("Body", modelID, body)
}

// BedrockInvokeModelS3 invokes the model modelID (ModelId) with the request
// read from the S3 object inputS3URI (Input.S3Uri), for requests larger
// than Body allows.
func BedrockInvokeModelS3(modelID, inputS3URI any) *BedrockInvokeModelTask {
	return bedrockInvoke("Input", modelID, Obj{"S3Uri": inputS3URI})
}

func bedrockInvoke(key string, modelID, v any) *BedrockInvokeModelTask {
	x := &BedrockInvokeModelTask{}
	x.TaskState = optimized("bedrock", "invokeModel", 1, "ModelId", modelID, key, v)
	return x
}

// ContentType sets the MIME type of the request (application/json by
// default).
func (x *BedrockInvokeModelTask) ContentType(v any) *BedrockInvokeModelTask {
	return set(x, "ContentType", v)
}

// Accept sets the MIME type of the response (application/json by default).
func (x *BedrockInvokeModelTask) Accept(v any) *BedrockInvokeModelTask { return set(x, "Accept", v) }

// OutputS3 writes the model's response to the S3 location outputS3URI
// (Output.S3Uri); the task's result then refers to it instead of holding
// it.
func (x *BedrockInvokeModelTask) OutputS3(outputS3URI any) *BedrockInvokeModelTask {
	return set(x, "Output", Obj{"S3Uri": outputS3URI})
}

// BedrockCreateModelCustomizationJobTask starts a job that fine-tunes an
// Amazon Bedrock model (bedrock:createModelCustomizationJob). It supports
// Request Response and Sync (wait for the job to finish).
//
//dsl:mixin x with sync
type BedrockCreateModelCustomizationJobTask struct{ *TaskState }

// BedrockCreateModelCustomizationJob starts a customization job with the
// parameters Bedrock requires: JobName, CustomModelName, RoleArn,
// BaseModelIdentifier, TrainingDataConfig (an Obj with S3Uri) and
// OutputDataConfig (an Obj with S3Uri).
func BedrockCreateModelCustomizationJob(jobName, customModelName, roleARN, baseModelIdentifier, trainingDataConfig, outputDataConfig any) *BedrockCreateModelCustomizationJobTask {
	x := &BedrockCreateModelCustomizationJobTask{}
	x.TaskState = optimized("bedrock", "createModelCustomizationJob", 0,
		"JobName", jobName,
		"CustomModelName", customModelName,
		"RoleArn", roleARN,
		"BaseModelIdentifier", baseModelIdentifier,
		"TrainingDataConfig", trainingDataConfig,
		"OutputDataConfig", outputDataConfig)
	return x
}

// HyperParameters sets the training hyperparameters: an Obj of strings.
func (x *BedrockCreateModelCustomizationJobTask) HyperParameters(v any) *BedrockCreateModelCustomizationJobTask {
	return set(x, "HyperParameters", v)
}

// CustomizationType sets the kind of customization, e.g. FINE_TUNING or
// CONTINUED_PRE_TRAINING.
func (x *BedrockCreateModelCustomizationJobTask) CustomizationType(v any) *BedrockCreateModelCustomizationJobTask {
	return set(x, "CustomizationType", v)
}

// ValidationDataConfig sets the validation data: an Obj with Validators.
func (x *BedrockCreateModelCustomizationJobTask) ValidationDataConfig(v any) *BedrockCreateModelCustomizationJobTask {
	return set(x, "ValidationDataConfig", v)
}
