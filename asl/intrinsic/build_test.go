package intrinsic

import (
	"math"
	"testing"

	"github.com/goasl/goasl/asl/jsonpath"
)

func TestBuild(t *testing.T) {
	c := New("States.Format", StringArg(`It's {} \o/`),
		PathArg(jsonpath.Input("order", "id")),
		CallArg(New("States.MathAdd", IntArg(-3), NumberArg(2.5))),
		BoolArg(true), NullArg())
	const text = `States.Format('It\'s {} \\o/', $.order.id, States.MathAdd(-3, 2.5), true, null)`
	if got := c.String(); got != text {
		t.Fatalf("String() = %s, want %s", got, text)
	}
	back, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if !back.Equal(c) {
		t.Errorf("Parse(%s) differs from the built call", text)
	}
	got := errorsOf(t, Check(c))
	exp := []want{{0, `The template of States.Format has 1 {} placeholder, but 4 values follow it; pass one value per placeholder (write \{ and \} for literal braces).`}}
	if !sameErrors(got, exp) {
		t.Errorf("Check: got %s, want %s", fmtWants(got), fmtWants(exp))
	}
}

func TestCheckBuiltCalls(t *testing.T) {
	tests := []struct {
		c    *Call
		errs []want
	}{
		{New("States.Array", Arg{Kind: ArgString, Raw: `a\{b`}), nil},
		{New("States.Array", Arg{Kind: ArgString, Raw: `a', 'b`}), []want{{0, `Argument 1 of States.Array has the raw string text "a', 'b", which is not a valid intrinsic string; escape ', {, } and \ with a backslash, or set Str instead of Raw.`}}},
		{New("States.Array", Arg{Kind: ArgString, Raw: `a\`}), []want{{0, `Argument 1 of States.Array has the raw string text "a\\", which is not a valid intrinsic string; escape ', {, } and \ with a backslash, or set Str instead of Raw.`}}},
		{New("States.Array", NumberArg(math.NaN())), []want{{0, `Argument 1 of States.Array is "NaN", which is not a JSON number; write a number such as 2 or -0.5.`}}},
		{New("States.Array", NumberArg(math.Inf(-1))), []want{{0, `Argument 1 of States.Array is "-Inf", which is not a JSON number; write a number such as 2 or -0.5.`}}},
		{New("States.Array", Arg{Kind: ArgNumber, Num: "1 "}), []want{{0, `Argument 1 of States.Array is "1 ", which is not a JSON number; write a number such as 2 or -0.5.`}}},
		{New("States.Array", NumberArg(1e21)), nil},
		{New("States.Array", Arg{Kind: ArgPath, PathText: "$.a"}), nil},
		{New("States.Array", Arg{Kind: ArgPath, PathText: "$."}), []want{{0, `Argument 1 of States.Array is the path "$.", which is not valid: expected a field name, "*" or "[" after ".".`}}},
		{New("States.Array", Arg{Kind: ArgCall}), []want{{0, `Argument 1 of States.Array is a nested call with no function; set Call.`}}},
		{New("States.Array", Arg{}), []want{{0, `Argument 1 of States.Array has no kind; set Kind.`}}},
	}
	for _, tt := range tests {
		got := errorsOf(t, Check(tt.c))
		if !sameErrors(got, tt.errs) {
			t.Errorf("Check(%s):\n got %s\nwant %s", tt.c, fmtWants(got), fmtWants(tt.errs))
		}
	}
}
