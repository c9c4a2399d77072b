package jsonata

import "fmt"

// Error is a JSONata error: a syntax error from Parse or Compile, or an
// evaluation error from Evaluate.
type Error struct {
	// Code is JSONata's error code: S0xxx for syntax errors, T, D and U
	// codes for evaluation errors (T2001, D3137, ...), as jsonata-js 2.0.6
	// reports them.
	Code string
	Pos  int    // byte offset in the expression
	Msg  string // what is wrong, without the code
	// Token is the token or function name the error is about, where
	// JSONata names one; "" otherwise.
	Token string
}

// Error returns the message; the code is in Code and the byte offset in Pos.
func (e *Error) Error() string { return e.Msg }

func errorc(code string, pos int, format string, args ...any) *Error {
	return &Error{Code: code, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// signatureCode is the error code of an invalid function signature.
func signatureCode(msg string) string {
	if msg == errChoiceSubtype {
		return "S0402"
	}
	return "S0401"
}
