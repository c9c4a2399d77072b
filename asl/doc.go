// Package asl is the Amazon States Language document model.
//
// A StateMachine holds every field of every state exactly as ASL defines it,
// in both query languages (JSONPath and JSONata): nothing is summarised, so a
// parsed document marshals back to the same JSON and a later executor can run
// it. Marshal writes canonical, deterministic JSON; Parse reads JSON strictly
// (duplicate keys and unknown fields are errors with their location);
// Validate checks every document-level rule of the ASL checklist and returns
// diagnostics with stable codes and JSON pointers. Substitute fills in the
// ${Name} placeholders of a definition's string values, as CloudFormation's
// DefinitionSubstitutions do at deploy time.
//
// A field that is absent and one that is present with a value that reads as
// Go's zero value are kept apart, so that a round trip never changes the
// document: a NullablePath tells an absent path from JSON null, a Value
// has the kind Absent, nil slices are absent and empty ones present, and
// each struct's Empty (EmptyStrings) names its string fields present as "".
//
// The package knows nothing of the goasl builder (package dsl): it is the
// target of the compiler and the source of import, validation and code
// generation.
package asl
