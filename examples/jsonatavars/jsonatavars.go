package jsonatavars

import (
	"github.com/goasl/goasl/dsl"
)

// Cart is the workflow's input.
type Cart struct {
	Customer Customer `json:"customer"`
	Items    []Line   `json:"items"`
}

// Customer is who checks out.
type Customer struct {
	ID   string `json:"id"`
	Tier string `json:"tier"`
}

// Line is one line of the cart.
type Line struct {
	SKU      string  `json:"sku"`
	Price    float64 `json:"price"`
	Quantity int     `json:"quantity"`
}

// Checkout builds the workflow.
func Checkout() *dsl.Workflow {
	wf := dsl.NewWorkflow("Checkout").
		QueryLanguage(dsl.JSONata).
		Comment("Price a cart with JSONata and variables.").
		DeclareInput(dsl.Type[Cart]())

	total := wf.Pass("Total").
		Assign(dsl.Obj{
			"customer": dsl.Expr("$states.input.customer"),
			"subtotal": dsl.Expr("$sum($states.input.items.(price * quantity))"),
		})

	discount := wf.Choice("Discount?")
	vip := wf.Pass("VIPDiscount").Assign(dsl.Obj{"rate": 0.1})
	none := wf.Pass("NoDiscount").Assign(dsl.Obj{"rate": 0})

	charge := wf.Task("Charge", dsl.Lambda(dsl.Ref("ChargeFn")).
		Payload(dsl.Obj{
			"customer": dsl.Expr("$customer"),
			"amount":   dsl.Expr("$round($subtotal * (1 - $rate), 2)"),
		}).
		Output(dsl.Obj{
			"customer": dsl.Expr("$customer"),
			"charged":  dsl.Expr("$states.result.Payload.amount"),
			"receipt":  dsl.Expr("$states.result.Payload.receiptId"),
		}))

	total.Next(discount)
	discount.When(dsl.Cond("$subtotal > 100 and $customer.tier = 'vip'"), vip)
	discount.Otherwise(none)
	vip.Next(charge)
	none.Next(charge)
	charge.End()
	return wf
}
