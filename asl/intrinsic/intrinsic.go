package intrinsic

import "github.com/goasl/goasl/asl/jsonpath"

// ArgKind is the kind of an intrinsic function argument.
type ArgKind uint8

// Argument kinds.
const (
	ArgString ArgKind = iota + 1 // 'text'
	ArgNumber                    // 3, -1.5
	ArgBool                      // true, false
	ArgNull                      // null
	ArgPath                      // $.x, $$.Execution.Id, $var.x
	ArgCall                      // a nested intrinsic function
)

// Arg is one argument.
type Arg struct {
	Kind     ArgKind
	Str      string         // ArgString: the unescaped text
	Num      string         // ArgNumber: the literal text
	Bool     bool           // ArgBool
	Path     *jsonpath.Path // ArgPath
	PathText string         // ArgPath: the path as written
	Call     *Call          // ArgCall

	// Raw is the text of an ArgString between the quotes, as written
	// (escapes kept). It tells an escaped \{ from a placeholder {. Call.String
	// writes Raw when it is set, and Str with ' and \ escaped otherwise.
	Raw string

	// Offset is the byte offset of the argument in the source text.
	Offset int
}

// Call is a call of an intrinsic function.
type Call struct {
	Name   string // e.g. "States.Format"
	Args   []Arg
	Offset int // byte offset of the name in the source text
}

// Error is a syntax error or a failed static check.
type Error struct {
	Offset int    // byte offset in the source text
	Msg    string // what is wrong and how to fix it, without the offset
}

// Error returns the message (the offset is in Offset).
func (e *Error) Error() string { return e.Msg }

// Looks reports whether s has the form of an intrinsic function call:
// "States." followed by a name (letters, digits, "_") and "(". A string
// that looks like a call must parse as one: a .$ field holding it is
// otherwise invalid.
func Looks(s string) bool {
	const prefix = "States."
	if len(s) <= len(prefix) || s[:len(prefix)] != prefix {
		return false
	}
	i := len(prefix)
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	return i > len(prefix) && i < len(s) && s[i] == '('
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
