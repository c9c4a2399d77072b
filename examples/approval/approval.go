package approval

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Expense builds the workflow.
func Expense() *dsl.Workflow {
	wf := dsl.NewWorkflow("ExpenseApproval").Comment("Wait for a manager to approve an expense, for at most three days.")

	ask := wf.Task("AskManager", dsl.SQSSendMessage(dsl.Ref("ApprovalQueueURL"), dsl.Obj{
		"expenseId": dsl.Path("$.id"),
		"amount":    dsl.Path("$.amount"),
		"taskToken": dsl.TaskToken(),
	}).WaitForTaskToken()).
		Timeout(72 * time.Hour).
		ResultPath("$.decision")

	decide := wf.Choice("Approved?")
	pay := wf.Task("Pay", dsl.Lambda(dsl.Ref("PayFn"))).ResultPath(dsl.Path("$.payment"))
	rejected := wf.Fail("Rejected").Error("ExpenseRejected").CausePath("$.decision.reason")
	timedOut := wf.Fail("TimedOut").Error("ApprovalTimedOut").Cause("nobody answered within three days")
	done := wf.Succeed("Paid")

	ask.Next(decide).Catch(dsl.Catch(timedOut, dsl.ErrTimeout).ResultPath("$.error"))
	decide.When(dsl.BooleanEquals("$.decision.approved", true), pay)
	decide.Otherwise(rejected)
	pay.Next(done)
	return wf
}
