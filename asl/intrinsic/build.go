package intrinsic

import (
	"strconv"

	"github.com/goasl/goasl/asl/jsonpath"
)

// New returns a call of the named function ("States.Format") with the
// given arguments, for code that builds calls to print with String. Check
// it like a parsed call.
func New(name string, args ...Arg) *Call {
	return &Call{Name: name, Args: args}
}

// StringArg returns a string argument. Backslashes and quotes are escaped
// when the call is printed; braces are not, so {} in a States.Format
// template is a placeholder. For a literal brace, set Raw with \{ or \}.
func StringArg(s string) Arg { return Arg{Kind: ArgString, Str: s} }

// IntArg returns an integer argument.
func IntArg(n int64) Arg { return Arg{Kind: ArgNumber, Num: strconv.FormatInt(n, 10)} }

// NumberArg returns a number argument. NaN and the infinities are not JSON
// numbers: Check reports them.
func NumberArg(f float64) Arg {
	return Arg{Kind: ArgNumber, Num: strconv.FormatFloat(f, 'g', -1, 64)}
}

// BoolArg returns true or false.
func BoolArg(b bool) Arg { return Arg{Kind: ArgBool, Bool: b} }

// NullArg returns null.
func NullArg() Arg { return Arg{Kind: ArgNull} }

// PathArg returns a path argument.
func PathArg(p *jsonpath.Path) Arg {
	a := Arg{Kind: ArgPath, Path: p}
	if p != nil {
		a.PathText = p.String()
	}
	return a
}

// CallArg returns a nested call as an argument.
func CallArg(c *Call) Arg { return Arg{Kind: ArgCall, Call: c} }
