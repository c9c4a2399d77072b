// Package hello is the README's example: greet a user, wait, and say
// goodbye only to users who asked for it.
package hello

//go:generate go run github.com/goasl/goasl/cmd/goasl generate
