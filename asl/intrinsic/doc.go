// Package intrinsic parses and checks the intrinsic functions of the Amazon
// States Language (States.Format, States.Array, ...), which JSONPath states
// may use in payload templates, Assign and ErrorPath/CausePath.
//
// The grammar:
//
//	call = "States." name "(" [ws] [arg *([ws] "," [ws] arg)] [ws] ")"
//	arg  = string / number / "true" / "false" / "null" / path / call
//
// A string is single-quoted; inside it \' \{ \} and \\ are the only escapes
// (AWS rejects the definition for any other backslash, \" included, as a
// LocalStack snapshot recorded against AWS shows). Any other character,
// a newline included, stands for itself. A number is a JSON number. A path
// starts with "$" and ends at a "," or ")" or whitespace outside brackets
// and quotes; it is parsed by package jsonpath. Whitespace (space, tab,
// newline, carriage return) may surround arguments; nothing may follow the
// closing parenthesis.
//
// Parse checks only the grammar. Check runs the static checks of the
// checklist (§10): known function names, argument counts, argument kinds
// where an argument is a literal or a nested call, the literal constraints
// (ArrayPartition size > 0, ArrayRange step ≠ 0 and at most 1000 items,
// Hash algorithm, JsonMerge without deep merge, MathAdd range, Format
// placeholder count, UUID without arguments) and nesting at most 10 deep.
// Warnings reports what AWS accepts but may not mean: non-integer numbers
// where AWS rounds, literals over the 10,000-character input limit,
// literal text that States.StringToJson or States.Base64Decode cannot
// decode, and path field names that need bracket notation in intrinsic
// arguments. CheckReturnsString is the ErrorPath/CausePath rule (3.6.2).
//
// Functions is the table of the 18 functions, with their parameter and
// return types, for the type checker; Lookup and ReturnsString query it.
//
// Code that builds calls uses New and the argument constructors
// (StringArg, IntArg, NumberArg, BoolArg, NullArg, PathArg, CallArg);
// Call.String prints canonical text that Parse reads back to an equal call
// (Call.Equal).
package intrinsic
