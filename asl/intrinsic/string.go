package intrinsic

import "strings"

// rawOf returns the text of a string argument between its quotes: Raw if
// set, else Str with backslashes and quotes escaped.
func rawOf(a Arg) string {
	if a.Raw != "" || a.Str == "" {
		return a.Raw
	}
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(a.Str)
}

// String returns the canonical text of the call: no whitespace except one
// space after each comma, strings as written, numbers as written, and paths
// in the canonical form of package jsonpath. It parses back to an equal
// Call.
func (c *Call) String() string {
	var b strings.Builder
	c.write(&b)
	return b.String()
}

func (c *Call) write(b *strings.Builder) {
	b.WriteString(c.Name)
	b.WriteByte('(')
	for i, a := range c.Args {
		if i > 0 {
			b.WriteString(", ")
		}
		a.write(b)
	}
	b.WriteByte(')')
}

// String returns the canonical text of the argument.
func (a Arg) String() string {
	var b strings.Builder
	a.write(&b)
	return b.String()
}

func (a Arg) write(b *strings.Builder) {
	switch a.Kind {
	case ArgString:
		b.WriteByte('\'')
		b.WriteString(rawOf(a))
		b.WriteByte('\'')
	case ArgNumber:
		b.WriteString(a.Num)
	case ArgBool:
		if a.Bool {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case ArgNull:
		b.WriteString("null")
	case ArgPath:
		if a.Path != nil {
			b.WriteString(a.Path.String())
		} else {
			b.WriteString(a.PathText)
		}
	case ArgCall:
		if a.Call != nil {
			a.Call.write(b)
		}
	}
}

// Equal reports whether two calls are the same: names, and arguments of
// the same kinds and values (strings compared as written, paths as parsed).
// Offsets and the text of paths as written are not compared.
func (c *Call) Equal(d *Call) bool {
	if c == nil || d == nil {
		return c == d
	}
	if c.Name != d.Name || len(c.Args) != len(d.Args) {
		return false
	}
	for i := range c.Args {
		if !argEqual(c.Args[i], d.Args[i]) {
			return false
		}
	}
	return true
}

func argEqual(a, b Arg) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case ArgString:
		return a.Str == b.Str && rawOf(a) == rawOf(b)
	case ArgNumber:
		return a.Num == b.Num
	case ArgBool:
		return a.Bool == b.Bool
	case ArgNull:
		return true
	case ArgPath:
		if a.Path == nil || b.Path == nil {
			return a.Path == b.Path && a.PathText == b.PathText
		}
		return a.Path.Equal(b.Path)
	case ArgCall:
		return a.Call.Equal(b.Call)
	}
	return false
}
