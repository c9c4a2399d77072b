// Package suggest finds the likely intended name behind a typo, for the
// "did you mean" hints of goasl's messages.
package suggest
