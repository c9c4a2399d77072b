package approval

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Report is the expense the workflow starts with.
type Report struct {
	ID       string  `json:"id"`
	Employee string  `json:"employee"`
	Amount   float64 `json:"amount"`
}

// Decision is what the manager's tool sends back with SendTaskSuccess.
type Decision struct {
	Approved bool   `json:"approved"`
	Reason   string `json:"reason,omitempty"`
}

// Expense builds the workflow.
func Expense() *dsl.Workflow {
	wf := dsl.NewWorkflow("ExpenseApproval").
		Comment("Wait for a manager to approve an expense, for at most three days.").
		DeclareInput(dsl.Type[Report]())

	ask := wf.Task("AskManager", dsl.SQSSendMessage(dsl.Ref("ApprovalQueueURL"), dsl.Obj{
		"expenseId": dsl.Path("$.id"),
		"amount":    dsl.Path("$.amount"),
		"taskToken": dsl.TaskToken(),
	}).
		WaitForTaskToken().
		DeclareResult(dsl.Type[Decision]()).
		Timeout(72*time.Hour).
		ResultPath("$.decision"))

	decide := wf.Choice("Approved?")
	pay := wf.Task("Pay", dsl.Lambda(dsl.Ref("PayFn")).ResultPath("$.payment"))
	rejected := wf.Fail("Rejected").Error("ExpenseRejected").CausePath("$.decision.reason")
	timedOut := wf.Fail("TimedOut").Error("ApprovalTimedOut").Cause("nobody answered within three days")
	done := wf.Succeed("Paid")

	ask.Next(decide).Catch(dsl.Catch(timedOut, dsl.ErrTimeout).ResultPath("$.error"))
	decide.When(dsl.BooleanEquals("$.decision.approved", true), pay)
	decide.Otherwise(rejected)
	pay.Next(done)
	return wf
}
