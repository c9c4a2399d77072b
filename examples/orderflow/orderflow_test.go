package orderflow_test

import (
	"context"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/examples/orderflow"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

// handlers answers every task; charge decides how Charge behaves.
func handlers(charge func(context.Context, orderflow.Order) (orderflow.Charge, error)) sfntest.HandlerMap {
	return sfntest.HandlerMap{
		"Validate": sfntest.Func(func(_ context.Context, o orderflow.Order) (orderflow.Order, error) { return o, nil }),
		"Charge":   sfntest.Func(charge),
		"AwaitApproval": sfntest.Func(func(_ context.Context, _ map[string]any) (map[string]any, error) {
			return map[string]any{"approved": true}, nil
		}),
		"Ship": sfntest.Func(func(_ context.Context, _ map[string]any) (map[string]any, error) {
			return map[string]any{"tracking": "T1"}, nil
		}),
		"Refund": sfntest.Func(func(_ context.Context, _ map[string]any) (map[string]any, error) {
			return map[string]any{"refunded": true}, nil
		}),
	}
}

func TestOrderFlowHappyPath(t *testing.T) {
	r := sfntest.Run(t, orderflow.OrderFlow(), handlers(func(_ context.Context, o orderflow.Order) (orderflow.Charge, error) {
		return orderflow.Charge{ChargeID: "ch-" + o.ID}, nil
	}), sfntest.Input(orderflow.Order{ID: "o1", Customer: "c1", Total: 25}))
	r.RequireSucceeded().RequireVisited("Validate", "Charge", "NeedsReview?", "Ship", "Done")
	var out struct {
		ID     string           `json:"id"`
		Charge orderflow.Charge `json:"charge"`
	}
	r.DecodeOutput(&out)
	if out.ID != "o1" || out.Charge.ChargeID != "ch-o1" {
		t.Errorf("output %+v", out)
	}
}

func TestOrderFlowChargeGivesUp(t *testing.T) {
	r := sfntest.Run(t, orderflow.OrderFlow(), handlers(func(context.Context, orderflow.Order) (orderflow.Charge, error) {
		return orderflow.Charge{}, local.Error("Payment.Failed", "card expired")
	}), sfntest.Input(orderflow.Order{ID: "o1", Total: 25}), sfntest.Seed(1))
	// Payment.Failed is a States.TaskFailed: five retries, then the catcher fails the order.
	r.RequireFailed("OrderFailed").RequireRetries("Charge", 5).RequireVisited("Charge", "OrderFailed")
	if r.Duration() <= 0 || r.Duration() > 2*time.Minute {
		t.Errorf("the retries took %v of virtual time; the full jitter keeps them under 2s+4s+8s+16s+32s", r.Duration())
	}
}

func TestOrderFlowLargeOrderWaitsForApproval(t *testing.T) {
	h := handlers(func(_ context.Context, o orderflow.Order) (orderflow.Charge, error) {
		return orderflow.Charge{ChargeID: "c"}, nil
	})
	h["AwaitApproval"] = func(_ context.Context, tk *local.Task) (valueT, error) {
		tk.Advance(time.Hour) // the reviewer answers after an hour
		return tk.Input, nil
	}
	r := sfntest.Run(t, orderflow.OrderFlow(), h, sfntest.Input(orderflow.Order{ID: "big", Total: 5000}))
	r.RequireSucceeded().RequireVisited("NeedsReview?", "AwaitApproval", "Ship").RequireDuration(time.Hour)
}

type valueT = value.Value

func TestOrderFlowDeclinedIsNotRetried(t *testing.T) {
	r := sfntest.Run(t, orderflow.OrderFlow(), handlers(func(context.Context, orderflow.Order) (orderflow.Charge, error) {
		return orderflow.Charge{}, local.Error("Payment.Declined", "insufficient funds")
	}), sfntest.Input(orderflow.Order{ID: "o1", Total: 25}))
	r.RequireFailed("OrderFailed").RequireRetries("Charge", 0)
}

// TestOrderFlowGeneratedHandlers uses the typed Handlers struct goasl
// generate writes; the untyped tasks get handlers of their own.
func TestOrderFlowGeneratedHandlers(t *testing.T) {
	h := orderflow.OrderFlowHandlers{
		Validate: func(_ context.Context, o orderflow.Order) (orderflow.Order, error) { return o, nil },
		Charge: func(_ context.Context, o orderflow.Order) (orderflow.Charge, error) {
			return orderflow.Charge{ChargeID: "ch-" + o.ID}, nil
		},
	}
	ship := func(_ context.Context, tk *local.Task) (valueT, error) { return tk.Input, nil }
	r := sfntest.Run(t, orderflow.OrderFlow(), h, sfntest.Input(orderflow.Order{ID: "o2", Total: 10}), sfntest.Handler("Ship", ship))
	r.RequireSucceeded().RequireVisited("Validate", "Charge", "Ship", "Done")

	_, err := orderflow.OrderFlowHandlers{Validate: h.Validate}.TaskHandlers()
	want := `workflow "OrderFlow": OrderFlowHandlers.Charge is nil: give state "Charge" a handler`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
