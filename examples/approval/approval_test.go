package approval_test

import (
	"context"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/examples/approval"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

// manager answers the approval request after the delay, with the decision.
func manager(after time.Duration, decision string) local.Handler {
	return func(_ context.Context, tk *local.Task) (value.Value, error) {
		if tk.Token == "" {
			return value.Value{}, local.Error("Test.NoToken", "the message carries no task token")
		}
		tk.Advance(after)
		return value.ParseString(decision)
	}
}

func pay(_ context.Context, tk *local.Task) (value.Value, error) {
	return value.ParseString(`{"paid": true}`)
}

func TestExpenseApprovedAfterAnHour(t *testing.T) {
	r := sfntest.Run(t, approval.Expense(), sfntest.HandlerMap{"AskManager": manager(time.Hour, `{"approved": true}`), "Pay": pay},
		sfntest.Input(map[string]any{"id": "e1", "amount": 42}))
	r.RequireSucceeded().RequireVisited("AskManager", "Approved?", "Pay", "Paid").RequireDuration(time.Hour)
}

func TestExpenseRejected(t *testing.T) {
	r := sfntest.Run(t, approval.Expense(), sfntest.HandlerMap{"AskManager": manager(time.Minute, `{"approved": false, "reason": "too expensive"}`)},
		sfntest.Input(map[string]any{"id": "e2", "amount": 4200}))
	r.RequireFailed("ExpenseRejected")
	if r.Cause != "too expensive" {
		t.Errorf("cause %q", r.Cause)
	}
}

func TestExpenseTimesOutWhenNobodyAnswers(t *testing.T) {
	never := func(context.Context, *local.Task) (value.Value, error) { return value.Value{}, local.ErrNoAnswer }
	r := sfntest.Run(t, approval.Expense(), sfntest.HandlerMap{"AskManager": never}, sfntest.Input(map[string]any{"id": "e3", "amount": 1}))
	r.RequireFailed("ApprovalTimedOut").RequireDuration(72 * time.Hour)
}
