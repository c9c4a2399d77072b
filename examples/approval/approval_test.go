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

func pay(_ context.Context, tk *local.Task) (value.Value, error) {
	return value.ParseString(`{"paid": true}`)
}

// The manager's answer arrives after a virtual hour, through the task
// token the request carried: the expense is paid.
func TestExpenseApprovedAfterAnHour(t *testing.T) {
	r := sfntest.Run(t, approval.Expense(), sfntest.HandlerMap{"Pay": pay},
		sfntest.Input(approval.Report{ID: "e1", Amount: 42}),
		sfntest.At(time.Hour, sfntest.SendTaskSuccess("AskManager", approval.Decision{Approved: true})))
	r.RequireSucceeded().RequireVisited("AskManager", "Approved?", "Pay", "Paid").RequireDuration(time.Hour)
}

// The SQS message carries the expense and the token the manager's tool
// answers with: the action reads the token from the message, as the tool
// would.
func TestExpenseMessageCarriesTheToken(t *testing.T) {
	var token string
	ask := func(_ context.Context, tk *local.Task) (value.Value, error) {
		body, _ := tk.Input.Get("MessageBody")
		id, _ := body.Get("expenseId")
		tok, _ := body.Get("taskToken")
		if id.Str() != "e2" || tok.Str() != tk.Token {
			return value.Value{}, local.Error("Test.BadMessage", body.JSON())
		}
		token = tok.Str()
		tk.Submit(value.FromMembers(value.Member{Key: "MessageId", Value: value.FromString("m-1")}))
		return value.Value{}, local.ErrNoAnswer // the manager answers later
	}
	r := sfntest.Run(t, approval.Expense(), sfntest.HandlerMap{"AskManager": ask},
		sfntest.Input(approval.Report{ID: "e2", Amount: 4200}),
		sfntest.At(30*time.Minute, func(c *local.Control) error {
			return c.SendTaskSuccess(token, value.FromMembers(
				value.Member{Key: "approved", Value: value.False},
				value.Member{Key: "reason", Value: value.FromString("too expensive")}))
		}))
	r.RequireFailed("ExpenseRejected").RequireDuration(30 * time.Minute)
	if r.Cause != "too expensive" {
		t.Errorf("cause %q", r.Cause)
	}
}

// Nobody answers: after three days the task times out and the catcher
// fails the execution with ApprovalTimedOut; an answer after that is too
// late.
func TestExpenseTimesOutWhenNobodyAnswers(t *testing.T) {
	r := sfntest.Run(t, approval.Expense(), nil, sfntest.Input(approval.Report{ID: "e3", Amount: 1}),
		sfntest.At(73*time.Hour, sfntest.SendTaskSuccess("AskManager", approval.Decision{Approved: true})))
	r.RequireFailed("ApprovalTimedOut").RequireVisited("AskManager", "TimedOut").RequireDuration(72 * time.Hour)
}
