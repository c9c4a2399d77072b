package dsl_test

import (
	"fmt"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
)

// printASL compiles wf and prints its ASL, or the compiler's errors.
func printASL(wf *dsl.Workflow) {
	sm, err := compiler.Compile(wf)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := asl.Marshal(sm)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(out))
}

// An SNS message that waits for a human to approve: the task token travels
// in the message, and the workflow resumes when someone calls
// SendTaskSuccess with it.
func ExampleSNSPublish() {
	wf := dsl.NewWorkflow("Approval")
	wf.Task("AskApproval", dsl.SNSPublish(dsl.Ref("ApprovalTopic"), dsl.Obj{
		"order": dsl.Path("$.order"),
		"token": dsl.TaskToken(),
	}).
		Subject("Please approve").
		WaitForTaskToken().
		End())
	printASL(wf)
	// Output:
	// {
	//   "StartAt": "AskApproval",
	//   "States": {
	//     "AskApproval": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::sns:publish.waitForTaskToken",
	//       "Parameters": {
	//         "TopicArn": "${ApprovalTopic}",
	//         "Message": {
	//           "order.$": "$.order",
	//           "token.$": "$$.Task.Token"
	//         },
	//         "Subject": "Please approve"
	//       },
	//       "End": true
	//     }
	//   }
	// }
}

// A DynamoDB write in a JSONata workflow: values are expressions.
func ExampleDynamoDBPutItem() {
	wf := dsl.NewWorkflow("SaveOrder").QueryLanguage(dsl.JSONata)
	wf.Task("Save", dsl.DynamoDBPutItem("Orders", dsl.Obj{
		"id":    dsl.DynamoDBString(dsl.Expr("$states.input.id")),
		"total": dsl.DynamoDBNumber(dsl.Expr("$string($states.input.total)")),
	}).
		ConditionExpression("attribute_not_exists(id)").
		End())
	printASL(wf)
	// Output:
	// {
	//   "QueryLanguage": "JSONata",
	//   "StartAt": "Save",
	//   "States": {
	//     "Save": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::dynamodb:putItem",
	//       "Arguments": {
	//         "TableName": "Orders",
	//         "Item": {
	//           "id": {
	//             "S": "{% $states.input.id %}"
	//           },
	//           "total": {
	//             "N": "{% $string($states.input.total) %}"
	//           }
	//         },
	//         "ConditionExpression": "attribute_not_exists(id)"
	//       },
	//       "End": true
	//     }
	//   }
	// }
}

// A Fargate task that the workflow waits for (.sync).
func ExampleECSRunTask() {
	wf := dsl.NewWorkflow("Report")
	wf.Task("Render", dsl.ECSRunTask(dsl.Ref("Cluster"), "report:7").
		LaunchType(dsl.LaunchFargate).
		NetworkConfiguration(dsl.Obj{"AwsvpcConfiguration": dsl.Obj{"Subnets": dsl.Arr{"subnet-0abc"}}}).
		Overrides(dsl.Obj{"ContainerOverrides": dsl.Arr{dsl.Obj{"Name": "render", "Command": dsl.Path("$.args")}}}).
		Sync().
		End())
	printASL(wf)
	// Output:
	// {
	//   "StartAt": "Render",
	//   "States": {
	//     "Render": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::ecs:runTask.sync",
	//       "Parameters": {
	//         "Cluster": "${Cluster}",
	//         "TaskDefinition": "report:7",
	//         "LaunchType": "FARGATE",
	//         "NetworkConfiguration": {
	//           "AwsvpcConfiguration": {
	//             "Subnets": [
	//               "subnet-0abc"
	//             ]
	//           }
	//         },
	//         "Overrides": {
	//           "ContainerOverrides": [
	//             {
	//               "Command.$": "$.args",
	//               "Name": "render"
	//             }
	//           ]
	//         }
	//       },
	//       "End": true
	//     }
	//   }
	// }
}

// A child workflow whose output comes back as JSON (.sync:2), linked to
// its parent in the console.
func ExampleStepFunctionsStartExecution() {
	wf := dsl.NewWorkflow("Parent")
	wf.Task("RunChild", dsl.StepFunctionsStartExecution(dsl.Ref("ChildArn")).
		ExecutionInput(dsl.Obj{
			"items": dsl.Path("$.items"),
			"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID": dsl.Path("$$.Execution.Id"),
		}).
		Sync2().
		End())
	printASL(wf)
	// Output:
	// {
	//   "StartAt": "RunChild",
	//   "States": {
	//     "RunChild": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::states:startExecution.sync:2",
	//       "Parameters": {
	//         "StateMachineArn": "${ChildArn}",
	//         "Input": {
	//           "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$": "$$.Execution.Id",
	//           "items.$": "$.items"
	//         }
	//       },
	//       "End": true
	//     }
	//   }
	// }
}

// A call to a third-party HTTPS API through an EventBridge connection.
func ExampleHTTPInvoke() {
	wf := dsl.NewWorkflow("Charge").QueryLanguage(dsl.JSONata)
	wf.Task("Charge", dsl.HTTPInvoke("https://api.example.com/v1/charges", dsl.MethodPost, dsl.Ref("PaymentsConnection")).
		RequestBody(dsl.Obj{"amount": dsl.Expr("$states.input.amount"), "currency": "eur"}).
		URLEncodeBody(dsl.ArrayFormatBrackets).
		End())
	printASL(wf)
	// Output:
	// {
	//   "QueryLanguage": "JSONata",
	//   "StartAt": "Charge",
	//   "States": {
	//     "Charge": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::http:invoke",
	//       "Arguments": {
	//         "ApiEndpoint": "https://api.example.com/v1/charges",
	//         "Method": "POST",
	//         "Authentication": {
	//           "ConnectionArn": "${PaymentsConnection}"
	//         },
	//         "RequestBody": {
	//           "amount": "{% $states.input.amount %}",
	//           "currency": "eur"
	//         },
	//         "Transform": {
	//           "RequestBodyEncoding": "URL_ENCODED",
	//           "RequestEncodingOptions": {
	//             "ArrayFormat": "BRACKETS"
	//           }
	//         }
	//       },
	//       "End": true
	//     }
	//   }
	// }
}
