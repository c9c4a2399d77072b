package jsonatavars_test

import (
	"context"
	"testing"

	"github.com/goasl/goasl/examples/jsonatavars"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

// payment is what the Charge function gets (the Payload of Arguments).
type payment struct {
	Amount   float64              `json:"amount"`
	Customer jsonatavars.Customer `json:"customer"`
}

// receipt is what the Charge function returns.
type receipt struct {
	Amount    float64 `json:"amount"`
	ReceiptID string  `json:"receiptId"`
}

// charge answers Charge and records what it was asked to charge.
func charge(got *payment) sfntest.HandlerMap {
	return sfntest.HandlerMap{
		"Charge": sfntest.Func(func(_ context.Context, p payment) (receipt, error) {
			*got = p
			return receipt{Amount: p.Amount, ReceiptID: "r-" + p.Customer.ID}, nil
		}),
	}
}

type output struct {
	Customer jsonatavars.Customer `json:"customer"`
	Charged  float64              `json:"charged"`
	Receipt  string               `json:"receipt"`
}

func TestCheckoutVIPDiscount(t *testing.T) {
	var got payment
	cart := jsonatavars.Cart{
		Customer: jsonatavars.Customer{ID: "c1", Tier: "vip"},
		Items:    []jsonatavars.Line{{SKU: "a", Price: 60, Quantity: 2}, {SKU: "b", Price: 9.99, Quantity: 1}},
	}
	r := sfntest.Run(t, jsonatavars.Checkout(), charge(&got), sfntest.Input(cart))
	r.RequireSucceeded().RequireVisited("Total", "Discount?", "VIPDiscount", "Charge")
	// $round((120 + 9.99) * (1 - 0.1), 2)
	if got.Amount != 116.99 || got.Customer.ID != "c1" {
		t.Errorf("Charge got %+v, want amount 116.99 for customer c1", got)
	}
	var out output
	r.DecodeOutput(&out)
	if out != (output{Customer: cart.Customer, Charged: 116.99, Receipt: "r-c1"}) {
		t.Errorf("output %+v", out)
	}
}

func TestCheckoutNoDiscount(t *testing.T) {
	var got payment
	cart := jsonatavars.Cart{
		Customer: jsonatavars.Customer{ID: "c2", Tier: "standard"},
		Items:    []jsonatavars.Line{{SKU: "a", Price: 60, Quantity: 2}},
	}
	r := sfntest.Run(t, jsonatavars.Checkout(), charge(&got), sfntest.Input(cart))
	r.RequireSucceeded().RequireVisited("Total", "Discount?", "NoDiscount", "Charge")
	if got.Amount != 120 {
		t.Errorf("Charge got amount %v, want 120", got.Amount)
	}
}

func TestCheckoutEmptyCartFails(t *testing.T) {
	var got payment
	// No items: $sum over nothing gives nothing, and Assign refuses it.
	r := sfntest.Run(t, jsonatavars.Checkout(), charge(&got), sfntest.Input(map[string]any{"customer": map[string]any{"id": "c3"}}))
	r.RequireFailed(local.ErrQueryEvaluationError).RequireVisited("Total")
	want := "An error occurred while executing the state 'Total' (entered at the event id #2). The JSONata expression '$sum($states.input.items.(price * quantity))' specified for the field 'Assign/subtotal' returned nothing (undefined)."
	if r.Cause != want {
		t.Errorf("cause %q\nwant  %q", r.Cause, want)
	}
}
