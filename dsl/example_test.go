package dsl_test

import (
	"fmt"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
	_ "github.com/goasl/goasl/internal/golden" // defines -update for go test ./... -update
)

// A complete workflow: a Lambda task with a retry and a fallback, a Choice
// and a Wait, compiled to ASL.
func ExampleNewWorkflow() {
	wf := dsl.NewWorkflow("Refunds").Comment("Refund an order, retrying the payment provider.")

	refund := wf.Task("Refund", dsl.Lambda(dsl.Ref("RefundFn")).
		NoDefaultRetry().
		ResultPath("$.refund").
		Retry(dsl.Retry("Provider.Busy").Interval(5*time.Second).MaxAttempts(3).Jitter(dsl.JitterFull)))
	check := wf.Choice("Settled?")
	wait := wf.Wait("WaitForSettlement").For(time.Hour)
	done := wf.Succeed("Done")
	failed := wf.Fail("Failed").Error("RefundFailed")

	refund.Next(check).Catch(dsl.Catch(failed, dsl.ErrAll))
	check.When(dsl.StringEquals("$.refund.Payload.status", "settled"), done)
	check.Otherwise(wait)
	wait.Next(refund)

	sm, err := compiler.Compile(wf)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, _ := asl.Marshal(sm)
	fmt.Print(string(out))
	// Output:
	// {
	//   "Comment": "Refund an order, retrying the payment provider.",
	//   "StartAt": "Refund",
	//   "States": {
	//     "Refund": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::lambda:invoke",
	//       "Parameters": {
	//         "FunctionName": "${RefundFn}",
	//         "Payload.$": "$"
	//       },
	//       "ResultPath": "$.refund",
	//       "Retry": [
	//         {
	//           "ErrorEquals": [
	//             "Provider.Busy"
	//           ],
	//           "IntervalSeconds": 5,
	//           "MaxAttempts": 3,
	//           "JitterStrategy": "FULL"
	//         }
	//       ],
	//       "Catch": [
	//         {
	//           "ErrorEquals": [
	//             "States.ALL"
	//           ],
	//           "Next": "Failed"
	//         }
	//       ],
	//       "Next": "Settled?"
	//     },
	//     "Settled?": {
	//       "Type": "Choice",
	//       "Choices": [
	//         {
	//           "Variable": "$.refund.Payload.status",
	//           "StringEquals": "settled",
	//           "Next": "Done"
	//         }
	//       ],
	//       "Default": "WaitForSettlement"
	//     },
	//     "WaitForSettlement": {
	//       "Type": "Wait",
	//       "Seconds": 3600,
	//       "Next": "Refund"
	//     },
	//     "Done": {
	//       "Type": "Succeed"
	//     },
	//     "Failed": {
	//       "Type": "Fail",
	//       "Error": "RefundFailed"
	//     }
	//   }
	// }
}

// Compile reports every problem at once, each at the Go line that caused
// it.
func ExampleScope_Task() {
	wf := dsl.NewWorkflow("Typo")
	wf.Task("Charge", dsl.Lambda("charge").NoDefaultRetry().Next(dsl.Named("Shipp")))
	wf.Succeed("Ship")
	_, err := compiler.Compile(wf)
	for _, d := range err.(*compiler.Error).Diagnostics {
		where := fmt.Sprintf("state %q", d.State)
		if d.Field != "" {
			where += ", field " + d.Field
		}
		fmt.Printf("%s: %s\n", where, d.Message)
	}
	// Output:
	// state "Charge", field Next: Missing 'Next' target: Shipp: no state named "Shipp" (did you mean "Ship"?); name one of the state machine's states
	// state "Ship": State "Ship" is not reachable: StartAt is not set, so the workflow starts at its first state, "Charge", and no path from there leads to it; add a Next, Default or Catch that targets it, remove it, or if the workflow should start elsewhere, say so with wf.StartAt(state)
}

// Line is an order line, for the examples.
type Line struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Order is an order, for the examples.
type Order struct {
	ID    string `json:"id"`
	Lines []Line `json:"lines"`
}

// Types are declared in the chain of what they type: the workflow's input
// and variables, a Map's items. The compiler then checks every path
// against them.
func ExampleWorkflow_DeclareInput() {
	wf := dsl.NewWorkflow("Orders").
		DeclareInput(dsl.Type[Order]()).
		DeclareVar("orderId", dsl.Type[string]())
	wf.Pass("Remember").Assign(dsl.Obj{"orderId": dsl.Path("$.id")}).
		Next(wf.Map("Lines").ItemsPath("$.lines").DeclareItem(dsl.Type[Line]()).
			Processor(func(line *dsl.Scope) {
				line.Pass("Count").Parameters(dsl.Obj{"n": dsl.Path("$.qty")}).End()
			}).
			End())
	_, err := compiler.Compile(wf)
	for _, d := range err.(*compiler.Error).Diagnostics {
		fmt.Printf("state %q, field %s: %s\n", d.State, d.Field, d.Message)
	}
	// Output:
	// state "Count", field Parameters.n: $.qty selects nothing: $ has no field "qty" (it has "sku", "quantity")
}

// A Task is written top to bottom: the integration, its options, then the
// Task's own fields, in one chain.
func ExampleResource() {
	wf := dsl.NewWorkflow("Reserve").QueryLanguage(dsl.JSONata)
	wf.Task("Reserve", dsl.LambdaInvoke[Line, string](dsl.Ref("ReserveFn")).
		Payload(dsl.Obj{"sku": dsl.Expr("$states.input.item"), "quantity": 1}).
		NoDefaultRetry().
		Timeout(30*time.Second).
		Output(dsl.Obj{"reservation": dsl.Expr("$states.result.Payload")}).
		End())
	printASL(wf)
	// Output:
	// {
	//   "QueryLanguage": "JSONata",
	//   "StartAt": "Reserve",
	//   "States": {
	//     "Reserve": {
	//       "Type": "Task",
	//       "Resource": "arn:aws:states:::lambda:invoke",
	//       "Arguments": {
	//         "FunctionName": "${ReserveFn}",
	//         "Payload": {
	//           "quantity": 1,
	//           "sku": "{% $states.input.item %}"
	//         }
	//       },
	//       "Output": {
	//         "reservation": "{% $states.result.Payload %}"
	//       },
	//       "TimeoutSeconds": 30,
	//       "End": true
	//     }
	//   }
	// }
}
