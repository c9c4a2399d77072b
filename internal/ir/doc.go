// Package ir is the plain data that the dsl builders fill in and the
// compiler reads. Users never see it: package dsl keeps it behind its
// builder types and hands it to the compiler through Of.
//
// Values (payloads, numbers that may be paths or expressions) are kept as
// the Go values the user gave; the compiler lowers them to ASL, choosing
// the field and the form from the value's type and the state's query
// language.
package ir
