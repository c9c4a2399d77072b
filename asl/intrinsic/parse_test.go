package intrinsic

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

func TestLooks(t *testing.T) {
	for s, want := range map[string]bool{
		"States.Format('x')":  true,
		"States.UUID()":       true,
		"States.Foo(":         true,
		"States.Format":       false,
		"States.(":            false,
		"States.Format ('x')": false,
		" States.UUID()":      false,
		"states.UUID()":       false,
		"$.a":                 false,
		"":                    false,
		"States.":             false,
	} {
		if got := Looks(s); got != want {
			t.Errorf("Looks(%q) = %v, want %v", s, got, want)
		}
	}
}

// validCalls are parsed and dumped to testdata/valid.golden.
var validCalls = []string{
	`States.UUID()`,
	`States.UUID( )`,
	`States.Array()`,
	`States.Format('Hello {}', $.name)`,
	`States.Format('{}', $$.Execution.Id)`,
	`States.Format('{}', $name)`,
	`States.Format('It\'s \{not\} a \\ placeholder {}', $.x)`,
	`States.Format('')`,
	"States.Format('line\nbreak\ttab', 'ünï')",
	`States.Array(1, -2, 0, 1.5, -0.25, 1e3, 2E-7, 3.5e+2)`,
	`States.Array(true, false, null)`,
	"States.Array( 1 ,\t2\n,3 )",
	`States.ArrayRange(1,5,1)`,
	`States.Array($, $$, $.a[0], $['first name'], $.[*].['bucket', 'key'], $.a[?(@.b == 'x, y)')], $.a\,b)`,
	`States.JsonToString($.detail-type)`,
	`States.JsonToString($.a[?(@.b, 'c')])`,
	`States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))`,
	`States.Format('{}/', States.ArrayGetItem( States.StringSplit($.detail.object.key , '/'), 0))`,
	`States.Foo($.a)`,
}

func dumpCall(b *strings.Builder, c *Call, indent string) {
	fmt.Fprintf(b, "%s%s @%d\n", indent, c.Name, c.Offset)
	for _, a := range c.Args {
		switch a.Kind {
		case ArgString:
			fmt.Fprintf(b, "%s  string @%d %q raw %q\n", indent, a.Offset, a.Str, a.Raw)
		case ArgNumber:
			fmt.Fprintf(b, "%s  number @%d %s\n", indent, a.Offset, a.Num)
		case ArgBool:
			fmt.Fprintf(b, "%s  bool @%d %v\n", indent, a.Offset, a.Bool)
		case ArgNull:
			fmt.Fprintf(b, "%s  null @%d\n", indent, a.Offset)
		case ArgPath:
			fmt.Fprintf(b, "%s  path @%d %q canonical %s\n", indent, a.Offset, a.PathText, a.Path)
		case ArgCall:
			dumpCall(b, a.Call, indent+"  ")
		}
	}
}

func TestParseValid(t *testing.T) {
	var b strings.Builder
	for _, in := range validCalls {
		c, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		fmt.Fprintf(&b, "%q\n  canonical %q\n", in, c.String())
		dumpCall(&b, c, "  ")
		again, err := Parse(c.String())
		if err != nil {
			t.Errorf("Parse(%q), the canonical form of %q: %v", c.String(), in, err)
		} else if !again.Equal(c) {
			t.Errorf("the canonical form %q of %q parses to a different call", c.String(), in)
		}
	}
	golden.Check(t, "testdata/valid.golden", []byte(b.String()))
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{``, 0, `an intrinsic function call starts with "States.", as in States.Format('{}', $.name)`},
		{`$.a`, 0, `an intrinsic function call starts with "States.", as in States.Format('{}', $.name)`},
		{`States.`, 7, `expected a function name after "States.", such as States.Format`},
		{`States.(1)`, 7, `expected a function name after "States.", such as States.Format`},
		{`States.Format`, 13, `expected "(" right after States.Format, not the end of the text`},
		{`States.Format ('a')`, 13, `expected "(" right after States.Format, not " "`},
		{`States.Format(`, 14, `missing ")" to close the "(" of States.Format at offset 13`},
		{`States.Format('a'`, 17, `missing ")" to close the "(" of States.Format at offset 13`},
		{`States.Format('a',`, 18, `missing ")" to close the "(" of States.Format at offset 13`},
		{`States.Format('a' 'b')`, 18, `expected "," or ")" after argument 1 of States.Format, not "'"`},
		{`States.Format('a',)`, 18, `expected argument 2 of States.Format before ')'`},
		{`States.Format(,'a')`, 14, `expected argument 1 of States.Format before ','`},
		{`States.Format('a')x`, 18, `unexpected "x" after the closing ")" of States.Format: nothing may follow the call`},
		{`States.Format('a') `, 18, `unexpected " " after the closing ")" of States.Format: nothing may follow the call`},
		{`States.Format("a")`, 14, `strings in intrinsic functions are written in single quotes, as in 'text', not in double quotes`},
		{`States.Format('a`, 14, `unterminated string: add the closing "'"`},
		{`States.Format('a\`, 14, `unterminated string: add the closing "'"`},
		{`States.Format('a\')`, 14, `unterminated string: add the closing "'"`},
		{`States.Format('a\nb')`, 16, `invalid escape \n in a string: only \', \{, \} and \\ are allowed (write \\ for a backslash)`},
		{`States.StringToJson('{"text":"An \"e\" here"}')`, 33, `invalid escape \" in a string: only \', \{, \} and \\ are allowed (write \\ for a backslash)`},
		{"States.Format('a\\\tb')", 16, `invalid escape \U+0009 in a string: only \', \{, \} and \\ are allowed (write \\ for a backslash)`},
		{`States.Format(abc)`, 14, `unexpected "abc": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format(True)`, 14, `unexpected "True": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format(#)`, 14, `unexpected "#": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format(.5)`, 14, `unexpected ".": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format(truex)`, 14, `unexpected "truex": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format(true'a')`, 18, `unexpected "'" after the literal true: expected "," or ")"`},
		{`States.Format(-)`, 15, `expected a digit after "-", not ")"`},
		{`States.Format(-x)`, 15, `expected a digit after "-", not "x"`},
		{`States.Format(01)`, 14, `invalid number 01: a number cannot start with 0 unless it is 0`},
		{`States.Format(1.)`, 16, `expected a digit after the decimal point, not ")"`},
		{`States.Format(1e)`, 16, `expected a digit in the exponent, not ")"`},
		{`States.Format(1x)`, 15, `unexpected "x" after the number 1: expected "," or ")"`},
		{`States.Format(+1)`, 14, `unexpected "+": an argument is a 'string', a number, true, false, null, a path starting with "$" or a States. function`},
		{`States.Format($.)`, 16, `in the path $.: expected a field name, "*" or "[" after "."`},
		{`States.Format($.a b)`, 18, `expected "," or ")" after argument 1 of States.Format, not "b"`},
		{`States.Format($.a['b)`, 18, `in the path $.a['b): unterminated quoted name: add the closing ' and "]"`},
		{`States.Format($x-y)`, 16, `in the path $x-y: unexpected "-" after the variable name "x": a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`},
		{`States.Format(States.UUID()`, 27, `missing ")" to close the "(" of States.Format at offset 13`},
		{`States.Format(States.)`, 21, `expected a function name after "States.", such as States.Format`},
		{`States.Format(States.UUID)`, 25, `expected "(" right after States.UUID, not ")"`},
		{strings.Repeat("States.Array(", 101) + strings.Repeat(")", 101), 1300, `intrinsic functions are nested more than 100 deep`},
		{"States.Format('\xff')", 15, `the intrinsic function call is not valid UTF-8`},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.in, c)
			continue
		}
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q): error %T, want *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset || e.Msg != tt.msg || e.Error() != tt.msg {
			t.Errorf("Parse(%q):\n got offset %d: %s\nwant offset %d: %s", tt.in, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
}

func TestString(t *testing.T) {
	// Calls built in code, with strings given only unescaped.
	c := &Call{Name: "States.Format", Args: []Arg{
		{Kind: ArgString, Str: `It's {} \ here`},
		{Kind: ArgPath, PathText: "$.a"},
		{Kind: ArgCall, Call: &Call{Name: "States.UUID"}},
		{Kind: ArgNumber, Num: "-1.5"},
		{Kind: ArgBool, Bool: true},
		{Kind: ArgBool},
		{Kind: ArgNull},
		{Kind: ArgString},
	}}
	want := `States.Format('It\'s {} \\ here', $.a, States.UUID(), -1.5, true, false, null, '')`
	if got := c.String(); got != want {
		t.Fatalf("String() = %s, want %s", got, want)
	}
	back, err := Parse(want)
	if err != nil {
		t.Fatal(err)
	}
	if back.Args[0].Str != c.Args[0].Str {
		t.Errorf("string argument reads back as %q, want %q", back.Args[0].Str, c.Args[0].Str)
	}
	if got := back.Args[1].String(); got != "$.a" {
		t.Errorf("Arg.String() = %s, want $.a", got)
	}
}

func TestEqual(t *testing.T) {
	parse := func(s string) *Call {
		c, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	same := [][2]string{
		{`States.Format('{}', $['a'])`, `States.Format( '{}' ,$.a )`},
		{`States.Array($.a.*)`, `States.Array($.a[*])`},
	}
	for _, p := range same {
		if !parse(p[0]).Equal(parse(p[1])) {
			t.Errorf("%s and %s should be equal", p[0], p[1])
		}
	}
	different := [][2]string{
		{`States.Format('\{}')`, `States.Format('{}')`},
		{`States.Array(1)`, `States.Array(1.0)`},
		{`States.Array(1)`, `States.Array('1')`},
		{`States.Array(true)`, `States.Array(false)`},
		{`States.Array($.a)`, `States.Array($$.a)`},
		{`States.Array(States.UUID())`, `States.Array(States.Array())`},
		{`States.Array()`, `States.Array(null)`},
		{`States.Array()`, `States.UUID()`},
	}
	for _, p := range different {
		if parse(p[0]).Equal(parse(p[1])) {
			t.Errorf("%s and %s should differ", p[0], p[1])
		}
	}
	var nilCall *Call
	if !nilCall.Equal(nil) || nilCall.Equal(parse(`States.UUID()`)) {
		t.Error("Equal on nil calls")
	}
}
