// Package value is the run-time JSON value of goasl: the data that flows
// through an executing workflow and through JSONata evaluation.
//
// A Value is immutable, keeps the order of object members and the text of
// numbers it was read from ("0.0" stays "0.0"), and caches the size of its
// compact JSON form, which Step Functions' payload limits are measured on.
// Copying a Value copies a small header; arrays and objects share their
// members. The zero Value is undefined: no value at all, which JSONata and
// the executor both need to tell apart from null.
//
// Package asl has its own Value for the literal JSON of a definition (a
// parse tree that keeps positions and marshals canonically); FromASL turns
// one into the other once, when a definition is loaded.
package value
