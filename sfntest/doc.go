// Package sfntest runs goasl workflows in Go tests: it compiles a dsl
// workflow, runs it on the local executor (package local) with Go handlers
// or an AWS mock configuration, and asserts on the outcome.
//
//	func TestOrderFlow(t *testing.T) {
//		r := sfntest.Run(t, orderflow.OrderFlow(), sfntest.HandlerMap{
//			"Charge": sfntest.Func(func(ctx context.Context, in orderflow.Order) (orderflow.Charge, error) {
//				return orderflow.Charge{}, local.Error("Lambda.ServiceException", "boom")
//			}),
//		}, sfntest.Input(orderflow.Order{ID: "o1"}))
//		r.RequireFailed("OrderFailed")
//	}
//
// At schedules what the outside world does at a virtual time: answer a
// task token (SendTaskSuccess, SendTaskFailure), send heartbeats
// (SendTaskHeartbeat) or stop the execution (StopExecution):
//
//	sfntest.Run(t, approval.Expense(), handlers,
//		sfntest.At(time.Hour, sfntest.SendTaskSuccess("AskManager", approval.Decision{Approved: true})))
//
// Failures are reported through testing.TB with the workflow's name; the
// Result gives the output (decoded into Go types), the visited states, the
// retries per state, the virtual time the run took and the history.
package sfntest
