package testtypes

import "time"

// Order is a workflow input.
type Order struct {
	ID     string    `json:"id"`
	Total  float64   `json:"total"`
	Placed time.Time `json:"placed"`
	Items  []Item    `json:"items"`
	Note   *string   `json:"note,omitempty"`
}

// Item is one line of an order.
type Item struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

// Charge is what the charge Lambda takes.
type Charge struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Receipt is what the charge Lambda returns.
type Receipt struct {
	TxID string `json:"txId"`
}
