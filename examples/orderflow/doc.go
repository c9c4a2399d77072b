// Package orderflow is an order-processing workflow: validate an order,
// charge the card with retries (exponential backoff with jitter), route
// large orders to a manual review, ship, and refund the charge when
// shipping fails.
package orderflow

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
