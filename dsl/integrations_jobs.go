package dsl

import "github.com/goasl/goasl/internal/ir"

// ECSLaunchType is where an Amazon ECS task runs (LaunchType).
type ECSLaunchType string

// The ECS launch types.
const (
	LaunchFargate  ECSLaunchType = "FARGATE"
	LaunchEC2      ECSLaunchType = "EC2"
	LaunchExternal ECSLaunchType = "EXTERNAL"
)

// ECSTask runs an Amazon ECS or Fargate task (ecs:runTask). It supports
// Request Response, Sync (wait for the task to stop) and WaitForTaskToken.
//
//dsl:mixin x with sync callback
type ECSTask struct{ *TaskState }

// ECSRunTask runs a task of the given task definition (TaskDefinition: a
// family, family:revision or ARN) on a cluster (Cluster: a name or ARN).
func ECSRunTask(cluster, taskDefinition any) *ECSTask {
	x := &ECSTask{}
	x.TaskState = optimized("ecs", "runTask", 0, "Cluster", cluster, "TaskDefinition", taskDefinition)
	return x
}

// LaunchType sets where the task runs. Leave it out when using
// CapacityProviderStrategy.
func (x *ECSTask) LaunchType(t ECSLaunchType) *ECSTask { return setPlain(x, "LaunchType", t) }

// NetworkConfiguration sets the task's network, required for the awsvpc
// network mode (and so for Fargate): an Obj with AwsvpcConfiguration
// {Subnets, SecurityGroups, AssignPublicIp}.
func (x *ECSTask) NetworkConfiguration(v any) *ECSTask { return set(x, "NetworkConfiguration", v) }

// Overrides overrides the task definition: an Obj with ContainerOverrides
// (per container Name, Command, Environment, ...), Cpu, Memory and so on.
// Step Functions does not accept ExecutionRoleArn or TaskRoleArn here.
func (x *ECSTask) Overrides(v any) *ECSTask { return set(x, "Overrides", v) }

// Group sets the task group of the task.
func (x *ECSTask) Group(v any) *ECSTask { return set(x, "Group", v) }

// PlacementConstraints sets the placement constraints (EC2 launch type).
func (x *ECSTask) PlacementConstraints(v any) *ECSTask { return set(x, "PlacementConstraints", v) }

// PlacementStrategy sets the placement strategy (EC2 launch type).
func (x *ECSTask) PlacementStrategy(v any) *ECSTask { return set(x, "PlacementStrategy", v) }

// PlatformVersion sets the Fargate platform version, e.g. "LATEST".
func (x *ECSTask) PlatformVersion(v any) *ECSTask { return set(x, "PlatformVersion", v) }

// CapacityProviderStrategy runs the task on capacity providers (such as
// FARGATE_SPOT) instead of a launch type.
func (x *ECSTask) CapacityProviderStrategy(v any) *ECSTask {
	return set(x, "CapacityProviderStrategy", v)
}

// PropagateTags copies tags to the task from its TASK_DEFINITION or
// SERVICE.
func (x *ECSTask) PropagateTags(v any) *ECSTask { return set(x, "PropagateTags", v) }

// EnableExecuteCommand turns on ECS Exec for the task's containers.
func (x *ECSTask) EnableExecuteCommand(v any) *ECSTask { return set(x, "EnableExecuteCommand", v) }

// BatchSubmitJobTask submits an AWS Batch job (batch:submitJob). It
// supports Request Response and Sync (wait for the job to finish).
//
//dsl:mixin x with sync
type BatchSubmitJobTask struct{ *TaskState }

// BatchSubmitJob submits a job named jobName (JobName) to a job queue
// (JobQueue) using a job definition (JobDefinition).
func BatchSubmitJob(jobName, jobQueue, jobDefinition any) *BatchSubmitJobTask {
	x := &BatchSubmitJobTask{}
	x.TaskState = optimized("batch", "submitJob", 0, "JobName", jobName, "JobQueue", jobQueue, "JobDefinition", jobDefinition)
	return x
}

// JobParameters sets the substitutions for placeholders in the job
// definition's command (the Batch job's Parameters; the state's own are
// set with Parameters).
func (x *BatchSubmitJobTask) JobParameters(v any) *BatchSubmitJobTask {
	return set(x, "Parameters", v)
}

// ContainerOverrides overrides the job definition's container: an Obj with
// Command, Environment, ResourceRequirements and so on.
func (x *BatchSubmitJobTask) ContainerOverrides(v any) *BatchSubmitJobTask {
	return set(x, "ContainerOverrides", v)
}

// ArrayProperties makes the job an array job: an Obj with Size.
func (x *BatchSubmitJobTask) ArrayProperties(v any) *BatchSubmitJobTask {
	return set(x, "ArrayProperties", v)
}

// DependsOn sets the jobs this job waits for: an Arr of Obj with JobId
// and Type.
func (x *BatchSubmitJobTask) DependsOn(v any) *BatchSubmitJobTask { return set(x, "DependsOn", v) }

// RetryStrategy sets how Batch retries the job: an Obj with Attempts.
func (x *BatchSubmitJobTask) RetryStrategy(v any) *BatchSubmitJobTask {
	return set(x, "RetryStrategy", v)
}

// JobTimeout sets Batch's own job timeout (the Batch job's Timeout): an Obj
// with AttemptDurationSeconds. The state's TimeoutSeconds is set with
// Timeout.
func (x *BatchSubmitJobTask) JobTimeout(v any) *BatchSubmitJobTask { return set(x, "Timeout", v) }

// GlueStartJobRunTask starts an AWS Glue job run (glue:startJobRun). It
// supports Request Response and Sync (wait for the run to finish).
//
//dsl:mixin x with sync
type GlueStartJobRunTask struct{ *TaskState }

// GlueStartJobRun starts a run of the Glue job named jobName (JobName).
func GlueStartJobRun(jobName any) *GlueStartJobRunTask {
	x := &GlueStartJobRunTask{}
	x.TaskState = optimized("glue", "startJobRun", 0, "JobName", jobName)
	return x
}

// JobArguments sets the job's arguments: an Obj from "--name" to value (the
// Glue run's Arguments; the state's own are set with Arguments).
func (x *GlueStartJobRunTask) JobArguments(v any) *GlueStartJobRunTask {
	return set(x, "Arguments", v)
}

// JobRunID retries an earlier run with the given id (JobRunId).
func (x *GlueStartJobRunTask) JobRunID(v any) *GlueStartJobRunTask { return set(x, "JobRunId", v) }

// AllocatedCapacity sets the number of DPUs of the run (deprecated by Glue
// in favour of MaxCapacity, which With can set).
func (x *GlueStartJobRunTask) AllocatedCapacity(v any) *GlueStartJobRunTask {
	return set(x, "AllocatedCapacity", v)
}

// JobTimeout sets Glue's own run timeout, in minutes (the Glue run's
// Timeout). The state's TimeoutSeconds is set with Timeout.
func (x *GlueStartJobRunTask) JobTimeout(v any) *GlueStartJobRunTask { return set(x, "Timeout", v) }

// SecurityConfiguration sets the name of the security configuration.
func (x *GlueStartJobRunTask) SecurityConfiguration(v any) *GlueStartJobRunTask {
	return set(x, "SecurityConfiguration", v)
}

// NotificationProperty sets when Glue notifies of a delay: an Obj with
// NotifyDelayAfter (minutes).
func (x *GlueStartJobRunTask) NotificationProperty(v any) *GlueStartJobRunTask {
	return set(x, "NotificationProperty", v)
}

// CodeBuildStartBuildTask starts an AWS CodeBuild build
// (codebuild:startBuild). It supports Request Response and Sync (wait for
// the build to finish).
//
//dsl:mixin x with sync
type CodeBuildStartBuildTask struct{ *TaskState }

// CodeBuildStartBuild starts a build of the project (ProjectName). Set any
// of StartBuild's other *Override parameters with With.
func CodeBuildStartBuild(projectName any) *CodeBuildStartBuildTask {
	x := &CodeBuildStartBuildTask{}
	x.TaskState = optimized("codebuild", "startBuild", 0, "ProjectName", projectName)
	return x
}

// SourceVersion builds the given commit, branch, tag or version.
func (x *CodeBuildStartBuildTask) SourceVersion(v any) *CodeBuildStartBuildTask {
	return set(x, "SourceVersion", v)
}

// EnvironmentVariablesOverride adds or replaces environment variables: an
// Arr of Obj with Name, Value and Type.
func (x *CodeBuildStartBuildTask) EnvironmentVariablesOverride(v any) *CodeBuildStartBuildTask {
	return set(x, "EnvironmentVariablesOverride", v)
}

// BuildspecOverride replaces the project's buildspec (its text or a path).
func (x *CodeBuildStartBuildTask) BuildspecOverride(v any) *CodeBuildStartBuildTask {
	return set(x, "BuildspecOverride", v)
}

// TimeoutInMinutesOverride replaces the build timeout, in minutes.
func (x *CodeBuildStartBuildTask) TimeoutInMinutesOverride(v any) *CodeBuildStartBuildTask {
	return set(x, "TimeoutInMinutesOverride", v)
}

// IdempotencyToken makes the request idempotent for five minutes.
func (x *CodeBuildStartBuildTask) IdempotencyToken(v any) *CodeBuildStartBuildTask {
	return set(x, "IdempotencyToken", v)
}

// SageMakerCreateTrainingJobTask starts an Amazon SageMaker AI training
// job (sagemaker:createTrainingJob). It supports Request Response and Sync
// (wait for the job to finish).
//
//dsl:mixin x with sync
type SageMakerCreateTrainingJobTask struct{ *TaskState }

// SageMakerCreateTrainingJob starts a training job with the parameters
// SageMaker requires: TrainingJobName, AlgorithmSpecification (an Obj with
// TrainingImage or AlgorithmName, and TrainingInputMode), RoleArn,
// OutputDataConfig (an Obj with S3OutputPath), ResourceConfig (an Obj with
// InstanceCount, InstanceType, VolumeSizeInGB) and StoppingCondition (an
// Obj with MaxRuntimeInSeconds).
func SageMakerCreateTrainingJob(trainingJobName, algorithmSpecification, roleARN, outputDataConfig, resourceConfig, stoppingCondition any) *SageMakerCreateTrainingJobTask {
	x := &SageMakerCreateTrainingJobTask{}
	x.TaskState = optimized("sagemaker", "createTrainingJob", 0,
		"TrainingJobName", trainingJobName,
		"AlgorithmSpecification", algorithmSpecification,
		"RoleArn", roleARN,
		"OutputDataConfig", outputDataConfig,
		"ResourceConfig", resourceConfig,
		"StoppingCondition", stoppingCondition)
	return x
}

// HyperParameters sets the algorithm's hyperparameters: an Obj of strings.
func (x *SageMakerCreateTrainingJobTask) HyperParameters(v any) *SageMakerCreateTrainingJobTask {
	return set(x, "HyperParameters", v)
}

// InputDataConfig sets the training data channels: an Arr of Obj with
// ChannelName and DataSource.
func (x *SageMakerCreateTrainingJobTask) InputDataConfig(v any) *SageMakerCreateTrainingJobTask {
	return set(x, "InputDataConfig", v)
}

// VpcConfig runs the job in a VPC: an Obj with SecurityGroupIds and
// Subnets.
func (x *SageMakerCreateTrainingJobTask) VpcConfig(v any) *SageMakerCreateTrainingJobTask {
	return set(x, "VpcConfig", v)
}

// Tags tags the job: an Arr of Obj with Key and Value.
func (x *SageMakerCreateTrainingJobTask) Tags(v any) *SageMakerCreateTrainingJobTask {
	return set(x, "Tags", v)
}

// StepFunctionsStartExecutionTask starts an execution of another state
// machine (states:startExecution). It supports Request Response, Sync
// (wait, with the child's Output as a JSON string), Sync2 (wait, with
// Output as JSON) and WaitForTaskToken.
//
//dsl:mixin x with sync callback
type StepFunctionsStartExecutionTask struct{ *TaskState }

// StepFunctionsStartExecution starts the state machine with the given ARN
// (StateMachineArn).
func StepFunctionsStartExecution(stateMachineARN any) *StepFunctionsStartExecutionTask {
	x := &StepFunctionsStartExecutionTask{}
	x.TaskState = optimized("states", "startExecution", 0, "StateMachineArn", stateMachineARN)
	return x
}

// ExecutionInput sets the execution's input (Input): an Obj, a JSON string, a Path or an
// Expr. To link the child to this execution in the console, include the
// key AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID with
// Path("$$.Execution.Id") (JSONPath) or
// Expr("$states.context.Execution.Id") (JSONata).
func (x *StepFunctionsStartExecutionTask) ExecutionInput(v any) *StepFunctionsStartExecutionTask {
	return set(x, "Input", v)
}

// ExecutionName sets the execution's name (Name), unique for 90 days.
func (x *StepFunctionsStartExecutionTask) ExecutionName(v any) *StepFunctionsStartExecutionTask {
	return set(x, "Name", v)
}

// Sync2 makes the task wait until the child execution completes (.sync:2),
// with the child's Output in the result as JSON rather than a JSON string.
// Standard workflows only.
func (x *StepFunctionsStartExecutionTask) Sync2() *StepFunctionsStartExecutionTask {
	x.resource().Pattern, x.resource().PatternPos = ".sync:2", ir.Caller(0)
	return x
}
