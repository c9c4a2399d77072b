// Package flow infers the JSON type of the data at every state of an ASL
// state machine and reports what cannot work: a path into a field the
// flowing value does not have, a Choice operator that does not fit the
// field it tests, a typed task fed a value of the wrong shape, a ResultPath
// into a non-object, an ItemsPath that selects neither an array nor an
// object (whose items are its {Key, Value} pairs), a Fail error or cause
// that is not a string, a variable read before it is assigned on every
// path. JSONata paths are followed through filters, whose predicates are
// checked against the items they test.
//
// Types come from Go types the way encoding/json sees them (FromGo), from
// the literals of the document (Pass Result, Parameters, Arguments) and
// from the services a Task calls (Lambda's Payload wrapper). What is not
// known is Any, and Any never causes an error: unknown in, unknown out.
//
// Infer runs over a whole machine, both query languages, with the
// declarations of an Annotations value, and returns a Result: the types of
// every state and the problems found, each at the JSON pointer of the
// offending field.
package flow
