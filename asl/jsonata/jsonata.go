package jsonata

import "fmt"

// Error is a syntax error.
type Error struct {
	Pos int // byte offset in the expression
	Msg string
}

// Error returns the message; the byte offset is in Pos.
func (e *Error) Error() string { return e.Msg }

func errorf(pos int, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}
