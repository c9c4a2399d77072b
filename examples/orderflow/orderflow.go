package orderflow

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Order is the workflow's input.
type Order struct {
	ID       string  `json:"id"`
	Customer string  `json:"customer"`
	Total    float64 `json:"total"`
}

// Charge is what the charge function returns.
type Charge struct {
	ChargeID string `json:"chargeId"`
}

// OrderFlow builds the workflow.
func OrderFlow() *dsl.Workflow {
	wf := dsl.NewWorkflow("OrderFlow").
		Comment("Validate, charge and ship an order; refund when shipping fails.").
		DeclareInput(dsl.Type[Order]())

	validate := wf.Task("Validate", dsl.LambdaInvoke[Order, Order](dsl.Ref("ValidateFn")).
		ResultSelector(dsl.Obj{"order": dsl.Path("$.Payload")}).
		OutputPath("$.order"))

	charge := wf.Task("Charge", dsl.LambdaInvoke[Order, Charge](dsl.Ref("ChargeFn")).
		ResultSelector(dsl.Obj{"chargeId": dsl.Path("$.Payload.chargeId")}).
		ResultPath("$.charge").
		Timeout(30*time.Second).
		Retry(dsl.Retry("Payment.Declined").MaxAttempts(0),
			dsl.Retry(dsl.ErrTaskFailed, dsl.ErrTimeout).Interval(2*time.Second).MaxAttempts(5).BackoffRate(2).MaxDelay(time.Minute).Jitter(dsl.JitterFull)))

	review := wf.Choice("NeedsReview?")
	approve := wf.Task("AwaitApproval", dsl.SQSSendMessage(dsl.Ref("ReviewQueueURL"), dsl.Obj{
		"orderId": dsl.Path("$.id"),
		"token":   dsl.TaskToken(),
	}).
		WaitForTaskToken().
		ResultPath("$.approval").
		Heartbeat(24*time.Hour))

	ship := wf.Task("Ship", dsl.Lambda(dsl.Ref("ShipFn")).
		ResultPath("$.shipment"))
	refund := wf.Task("Refund", dsl.Lambda(dsl.Ref("RefundFn")).
		Payload(dsl.Obj{"chargeId": dsl.Path("$.charge.chargeId")}).
		ResultPath("$.refund"))
	failed := wf.Fail("OrderFailed").Error("OrderFailed").Cause("the order could not be completed")
	done := wf.Succeed("Done")

	validate.Next(charge)
	charge.Next(review).Catch(dsl.Catch(failed, dsl.ErrAll).ResultPath("$.error"))
	review.When(dsl.NumericGreaterThan("$.total", 1000), approve)
	review.Otherwise(ship)
	approve.Next(ship)
	ship.Next(done).Catch(dsl.Catch(refund, dsl.ErrAll).ResultPath("$.error"))
	refund.Next(failed)
	return wf
}
