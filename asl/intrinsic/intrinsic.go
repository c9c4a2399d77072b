// Package intrinsic parses and checks the intrinsic functions of the Amazon
// States Language (States.Format, States.Array, ...), which JSONPath states
// may use in payload templates, Assign and ErrorPath/CausePath.
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
}

// Call is a call of an intrinsic function.
type Call struct {
	Name   string // e.g. "States.Format"
	Args   []Arg
	Offset int // byte offset of the name in the source text
}

// Error is a syntax error or a failed static check.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Looks reports whether s has the form of an intrinsic function call
// ("States.Name(" ...). STUB.
func Looks(s string) bool { return false }

// Parse parses an intrinsic function call. STUB.
func Parse(s string) (*Call, error) { return &Call{}, nil }

// Check runs the static checks on a parsed call and its nested calls:
// known function names, argument counts and kinds, and the literal
// constraints ASL gives (see the package documentation). STUB.
func Check(c *Call) []error { return nil }
