// Package jsonpath parses the paths of the Amazon States Language: JSONPath
// with the roots $ (state input), $$ (context object) and $name (a
// variable), as AWS Step Functions (which evaluates paths with Jayway
// JsonPath) accepts them.
//
// The grammar:
//
//	path     = root *step
//	root     = "$" / "$$" / "$" varname          ; varname: UAX #31 identifier, at most 80 characters
//	step     = "." name                           ; field
//	         / "." "*" / "[*]" / ".[*]"           ; wildcard
//	         / ["."] "[" int "]"                  ; index, may be negative
//	         / ["."] "[" quoted "]"               ; field
//	         / ["."] "[" quoted 1*("," quoted) "]" ; union of names
//	         / ["."] "[" int 1*("," int) "]"      ; union of indices
//	         / ["."] "[" [int] ":" [int] "]"      ; slice
//	         / ["."] "[?(" filter ")]"            ; filter, kept as text
//	         / ".." (name / "*" / bracket)        ; recursive descent
//
// Jayway's extras are accepted: a dot before a bracket ($.[0], $.a.['b']) and
// most punctuation in dot names ($.detail-type, $.a:b). A dot name ends at
// "." or "["; whitespace, control characters and the characters ] ( ) ' " ,
// are not allowed in it (use bracket notation), and a backslash escapes the
// next character ($.store\.book is the field "store.book", as in the ASL
// specification's examples; how AWS reads such escapes is not measured).
//
// A quoted name ('a' or "a") keeps its text exactly as written: a backslash
// only stops the next character from closing the name and stays part of the
// name. AWS was measured to read $['Test\""Name"'] as the key Test\""Name"
// (a LocalStack snapshot recorded against AWS), which is the Jayway 2.4
// behaviour.
//
// Whitespace is allowed inside brackets around names, indices and commas,
// and spaces (U+0020) before and after the whole path, which Jayway trims
// before it compiles a path (AWS's own samples deploy "$$.Execution.Name ");
// nowhere else. Offsets in steps and errors count from the text as
// written, leading spaces included. Filters are parsed only far enough to find their end
// (balanced parentheses and brackets, quoted strings); their text is kept in
// Step.Filter and is not evaluated.
//
// For checks and typing, Path has IsReference (only field and index
// steps, checklist 4.2), IsDefinite (a single value rather than a list, as
// Jayway decides it), Fields and IsRoot; ParseReference rejects a path
// that is not a reference path, pointing at the offending step, and
// CheckVariableName applies the variable-name rules (6.2, 6.3). Input,
// Context, Variable, Child and At build paths in code.
//
// Path.String gives a canonical text that parses back to an equal Path:
// field names that are JSONPath member-name-shorthand are written .name,
// every other field name in brackets, wildcards as [*], and no dot before a
// bracket. Canonical text is safe as an intrinsic function argument
// (checklist 4.12).
package jsonpath
