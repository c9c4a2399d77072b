package intrinsic

import (
	"fmt"
	"strings"
	"testing"
)

type want struct {
	offset int
	msg    string
}

func errorsOf(t *testing.T, errs []error) []want {
	t.Helper()
	var got []want
	for _, err := range errs {
		e, ok := err.(*Error)
		if !ok {
			t.Fatalf("error %T, want *Error", err)
		}
		got = append(got, want{e.Offset, e.Msg})
	}
	return got
}

func sameErrors(got, exp []want) bool {
	if len(got) != len(exp) {
		return false
	}
	for i := range got {
		if got[i] != exp[i] {
			return false
		}
	}
	return true
}

func TestCheck(t *testing.T) {
	nested := func(n int) string { return strings.Repeat("States.Array(", n) + strings.Repeat(")", n) }
	tests := []struct {
		in   string
		errs []want
	}{
		// Valid calls of every function.
		{`States.Format('Hello {}, welcome to {}!', $.name, $place)`, nil},
		{`States.Format('No placeholders \{\} here')`, nil},
		{`States.Format($.template, $.a, $.b)`, nil},
		{`States.Format('{}', 'a', )`[:len(`States.Format('{}', 'a'`)] + ")", nil},
		{`States.Format('{} {} {} {}', 1, true, null, States.UUID())`, nil},
		{`States.StringToJson('{"a": 1}')`, nil},
		{`States.JsonToString($.a)`, nil},
		{`States.JsonToString(States.StringToJson($.s))`, nil},
		{`States.Array()`, nil},
		{`States.Array(1, 'a', $.x, States.Array())`, nil},
		{`States.ArrayPartition($.a, 2)`, nil},
		{`States.ArrayPartition(States.ArrayRange(1, 10, 1), $.n)`, nil},
		{`States.ArrayContains($.a, 5)`, nil},
		{`States.ArrayRange(1, 1000, 1)`, nil},
		{`States.ArrayRange(1000, 1, -1)`, nil},
		{`States.ArrayRange(0, 1998, 2)`, nil},
		{`States.ArrayRange(1, 5000, $.step)`, nil},
		{`States.ArrayGetItem($.a, 0)`, nil},
		{`States.ArrayLength($.a)`, nil},
		{`States.ArrayUnique($.a)`, nil},
		{`States.Base64Encode('abc')`, nil},
		{`States.Base64Decode($.b)`, nil},
		{`States.Hash($.a, 'SHA-256')`, nil},
		{`States.Hash($.a, 'MD5')`, nil},
		{`States.Hash($.a, $.alg)`, nil},
		{`States.JsonMerge($.a, $.b, false)`, nil},
		{`States.JsonMerge(States.StringToJson($.s), $.b, false)`, nil},
		{`States.MathRandom(1, 999)`, nil},
		{`States.MathRandom(1, 999, 7)`, nil},
		{`States.MathAdd(2147483647, -2147483648)`, nil},
		{`States.MathAdd(States.ArrayLength($.a), -1)`, nil},
		{`States.StringSplit($.csv, ',')`, nil},
		{`States.UUID()`, nil},
		{nested(10), nil},

		// Unknown functions.
		{`States.Formatt('x')`, []want{{0, `States.Formatt is not an intrinsic function; did you mean States.Format?`}}},
		{`States.format('x')`, []want{{0, `States.format is not an intrinsic function; did you mean States.Format?`}}},
		{`States.Split($.a, ',')`, []want{{0, `States.Split is not an intrinsic function; did you mean States.StringSplit?`}}},
		{`States.ArrayLen($.a)`, []want{{0, `States.ArrayLen is not an intrinsic function; did you mean States.ArrayLength?`}}},
		{`States.MyFunction($.a)`, []want{{0, `States.MyFunction is not an intrinsic function (ASL has no user-defined functions); use one of States.Format, States.StringToJson, States.JsonToString, States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique, States.Base64Encode, States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, States.MathAdd, States.StringSplit, States.UUID.`}}},
		{`States.Array(States.Foo(1))`, []want{{13, `States.Foo is not an intrinsic function (ASL has no user-defined functions); use one of States.Format, States.StringToJson, States.JsonToString, States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique, States.Base64Encode, States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, States.MathAdd, States.StringSplit, States.UUID.`}}},

		// Argument counts.
		{`States.UUID(1)`, []want{{0, `States.UUID takes no arguments, but 1 was given; write States.UUID().`}}},
		{`States.UUID($.a, 2)`, []want{{0, `States.UUID takes no arguments, but 2 were given; write States.UUID().`}}},
		{`States.Format()`, []want{{0, `States.Format takes at least 1 argument (template, value, ...), but none was given; add the template.`}}},
		{`States.Hash($.a)`, []want{{0, `States.Hash takes 2 arguments (data, algorithm), but 1 was given; add the algorithm.`}}},
		{`States.ArrayRange(1)`, []want{{0, `States.ArrayRange takes 3 arguments (start, end, step), but 1 was given; add the end, step.`}}},
		{`States.Hash($.a, 'MD5', 1, 2)`, []want{{24, `States.Hash takes 2 arguments (data, algorithm), but 4 were given; remove the last 2 arguments.`}}},
		{`States.ArrayLength($.a, $.b)`, []want{{24, `States.ArrayLength takes 1 argument (array), but 2 were given; remove the last 1 argument.`}}},
		{`States.MathRandom(1)`, []want{{0, `States.MathRandom takes 2 or 3 arguments (start, end, optional seed), but 1 was given; add the end.`}}},
		{`States.MathRandom(1, 2, 3, 4)`, []want{{27, `States.MathRandom takes 2 or 3 arguments (start, end, optional seed), but 4 were given; remove the last 1 argument.`}}},

		// Argument kinds.
		{`States.JsonToString('x')`, []want{{20, `States.JsonToString serializes the value at a path, but its argument is the string 'x'; pass a path such as $.order.`}}},
		{`States.JsonToString(42)`, []want{{20, `States.JsonToString serializes the value at a path, but its argument is the number 42; pass a path such as $.order.`}}},
		{`States.JsonToString(null)`, []want{{20, `States.JsonToString serializes the value at a path, but its argument is null; pass a path such as $.order.`}}},
		{`States.ArrayLength('x')`, []want{{19, `Argument 1 (array) of States.ArrayLength must be an array, but it is the string 'x'; pass a path to an array, such as $.items, or a function that returns one.`}}},
		{`States.ArrayLength(States.Format('{}', $.a))`, []want{{19, `Argument 1 (array) of States.ArrayLength must be an array, but it is a call of States.Format, which returns a string; pass a path to an array, such as $.items, or a function that returns one.`}}},
		{`States.JsonMerge($.a, 'b', false)`, []want{{22, `Argument 2 (second object) of States.JsonMerge must be an object, but it is the string 'b'; pass a path to an object, such as $.data, or a function that returns one.`}}},
		{`States.JsonMerge($.a, $.b, 'no')`, []want{{27, `Argument 3 (deep merge flag) of States.JsonMerge must be a boolean, but it is the string 'no'; pass true or false, or a path to a boolean.`}}},
		{`States.MathAdd('1', true)`, []want{
			{15, `Argument 1 (first number) of States.MathAdd must be an integer, but it is the string '1'; pass an integer or a path to one.`},
			{20, `Argument 2 (second number) of States.MathAdd must be an integer, but it is the literal true; pass an integer or a path to one.`},
		}},
		{`States.Base64Encode(123)`, []want{{20, `Argument 1 (data) of States.Base64Encode must be a string, but it is the number 123; pass a 'quoted string' or a path to a string.`}}},
		{`States.StringSplit($.s, null)`, []want{{24, `Argument 2 (delimiters) of States.StringSplit must be a string, but it is null; pass a 'quoted string' or a path to a string.`}}},
		{`States.Format(1)`, []want{{14, `Argument 1 (template) of States.Format must be a string, but it is the number 1; pass a 'quoted string' or a path to a string.`}}},
		{`States.Format('{}', States.Array(1))`, []want{{20, `Argument 2 (value) of States.Format must be a string, number, boolean or null, but it is a call of States.Array, which returns an array; turn it into a string first with States.JsonToString.`}}},
		{`States.ArrayContains('abcdefghijklmnopqrstuvwxyz0123456789', 1)`, []want{{21, `Argument 1 (array) of States.ArrayContains must be an array, but it is the string 'abcdefghijklmnopqrstuvwxyz0123...'; pass a path to an array, such as $.items, or a function that returns one.`}}},

		// Literal constraints.
		{`States.Format('Hello {} {}', $.name)`, []want{{14, `The template of States.Format has 2 {} placeholders, but 1 value follows it; pass one value per placeholder (write \{ and \} for literal braces).`}}},
		{`States.Format('Hello', $.name)`, []want{{14, `The template of States.Format has 0 {} placeholders, but 1 value follows it; pass one value per placeholder (write \{ and \} for literal braces).`}}},
		{`States.Format('Hello {}')`, []want{{14, `The template of States.Format has 1 {} placeholder, but no value follows it; pass one value per placeholder (write \{ and \} for literal braces).`}}},
		{`States.Format('\{} {}', $.a, $.b)`, []want{{14, `The template of States.Format has 1 {} placeholder, but 2 values follow it; pass one value per placeholder (write \{ and \} for literal braces).`}}},
		{`States.ArrayPartition($.a, 0)`, []want{{27, `The chunk size of States.ArrayPartition must be greater than 0, but it is 0; pass a positive integer.`}}},
		{`States.ArrayPartition($.a, -3)`, []want{{27, `The chunk size of States.ArrayPartition must be greater than 0, but it is -3; pass a positive integer.`}}},
		{`States.ArrayPartition($.a, 0.4)`, []want{{27, `The chunk size of States.ArrayPartition must be greater than 0, but it is 0.4; pass a positive integer.`}}},
		{`States.ArrayRange(1, 5, 0)`, []want{{24, `The step of States.ArrayRange cannot be 0; use a positive step to count up or a negative step to count down.`}}},
		{`States.ArrayRange($.a, $.b, 0)`, []want{{28, `The step of States.ArrayRange cannot be 0; use a positive step to count up or a negative step to count down.`}}},
		{`States.ArrayRange(1, 1001, 1)`, []want{{0, `States.ArrayRange(1, 1001, 1) would produce 1001 items, but the limit is 1000; narrow the range or take a larger step.`}}},
		{`States.ArrayRange(0, -5000, -2)`, []want{{0, `States.ArrayRange(0, -5000, -2) would produce 2501 items, but the limit is 1000; narrow the range or take a larger step.`}}},
		{`States.ArrayRange(0, 1e300, 1)`, []want{{0, `States.ArrayRange(0, 1e300, 1) would produce far more than 1000 items, but the limit is 1000; narrow the range or take a larger step.`}}},
		{`States.Hash($.a, 'SHA256')`, []want{{17, `'SHA256' is not a hash algorithm States.Hash supports; did you mean 'SHA-256'? The algorithms are MD5, SHA-1, SHA-256, SHA-384 and SHA-512.`}}},
		{`States.Hash($.a, 'md5')`, []want{{17, `'md5' is not a hash algorithm States.Hash supports; did you mean 'MD5'? The algorithms are MD5, SHA-1, SHA-256, SHA-384 and SHA-512.`}}},
		{`States.Hash($.a, 'CRC32')`, []want{{17, `'CRC32' is not a hash algorithm States.Hash supports; use one of MD5, SHA-1, SHA-256, SHA-384 and SHA-512.`}}},
		{`States.JsonMerge($.a, $.b, true)`, []want{{27, `States.JsonMerge supports only a shallow merge on AWS; pass false as the third argument.`}}},
		{`States.MathAdd(3000000000, 1)`, []want{{15, `Argument 1 of States.MathAdd is 3000000000, outside the range AWS accepts (-2147483648 to 2147483647); use a number in that range.`}}},
		{`States.MathAdd(1, -2147483649)`, []want{{18, `Argument 2 of States.MathAdd is -2147483649, outside the range AWS accepts (-2147483648 to 2147483647); use a number in that range.`}}},

		// Nesting.
		{nested(11), []want{{130, `Intrinsic functions are nested 11 deep here, but the limit is 10; compute part of the value in an earlier state.`}}},
		{`States.Array(` + nested(5) + `, ` + nested(11) + `)`, []want{{13 + 70 + 2 + 9*13, `Intrinsic functions are nested 12 deep here, but the limit is 10; compute part of the value in an earlier state.`}}},

		// Several errors, outer call first.
		{`States.Format('{}', States.Hash('x', 'SHA1'), States.UUID(1))`, []want{
			{14, `The template of States.Format has 1 {} placeholder, but 2 values follow it; pass one value per placeholder (write \{ and \} for literal braces).`},
			{37, `'SHA1' is not a hash algorithm States.Hash supports; did you mean 'SHA-1'? The algorithms are MD5, SHA-1, SHA-256, SHA-384 and SHA-512.`},
			{46, `States.UUID takes no arguments, but 1 was given; write States.UUID().`},
		}},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := errorsOf(t, Check(c))
		if !sameErrors(got, tt.errs) {
			t.Errorf("Check(%s):\n got %s\nwant %s", tt.in, fmtWants(got), fmtWants(tt.errs))
		}
	}
	if errs := Check(nil); errs != nil {
		t.Errorf("Check(nil) = %v", errs)
	}
}

func fmtWants(ws []want) string {
	if len(ws) == 0 {
		return "no errors"
	}
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprintf(&b, "\n  offset %d: %s", w.offset, w.msg)
	}
	return b.String()
}

func TestWarnings(t *testing.T) {
	long := strings.Repeat("a", MaxInputChars+1)
	tests := []struct {
		in   string
		errs []want
	}{
		{`States.MathAdd(1, 2)`, nil},
		{`States.Format('{}', $.a.b[0]['c-d'])`, nil},
		{`States.MathAdd(1.5, 2)`, []want{{15, `Argument 1 (first number) of States.MathAdd is 1.5, which AWS rounds to an integer; write 2.`}}},
		{`States.ArrayGetItem($.a, 2.25)`, []want{{25, `Argument 2 (index) of States.ArrayGetItem is 2.25, which AWS rounds to an integer; write 2.`}}},
		{`States.Array(1.5)`, nil},
		{`States.StringToJson('{"a": 1}')`, nil},
		{`States.StringToJson('{"a": 1')`, []want{{20, `The text passed to States.StringToJson is not valid JSON, so the call fails at run time; fix the literal or use the value directly.`}}},
		{`States.Base64Decode('aGVsbG8=')`, nil},
		{`States.Base64Decode('hello!')`, []want{{20, `The text passed to States.Base64Decode is not valid base64 (illegal base64 data at input byte 5), so the call fails at run time; fix the literal.`}}},
		{`States.Base64Encode('` + long + `')`, []want{{20, `The input of States.Base64Encode has 10001 characters; AWS fails at run time above 10000.`}}},
		{`States.Hash('` + long + `', 'MD5')`, []want{{12, `The input of States.Hash has 10001 characters; AWS fails at run time above 10000.`}}},
		{`States.Format('{}', $.detail-type)`, []want{{21, `The field name "detail-type" in the path $.detail-type needs bracket notation inside an intrinsic function; write $['detail-type'].`}}},
		{`States.Array(States.JsonToString($.a..b-c))`, []want{{36, `The field name "b-c" in the path $.a..b-c needs bracket notation inside an intrinsic function; write $.a..['b-c'].`}}},
	}
	for _, tt := range tests {
		c, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := errorsOf(t, Warnings(c))
		if !sameErrors(got, tt.errs) {
			t.Errorf("Warnings(%.80s):\n got %s\nwant %s", tt.in, fmtWants(got), fmtWants(tt.errs))
		}
	}
}

func TestCheckReturnsString(t *testing.T) {
	for _, in := range []string{`States.Format('{}', $.a)`, `States.JsonToString($.a)`, `States.ArrayGetItem($.a, 0)`,
		`States.Base64Encode($.a)`, `States.Base64Decode($.a)`, `States.Hash($.a, 'MD5')`, `States.UUID()`, `States.Nope()`} {
		c, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckReturnsString(c); err != nil {
			t.Errorf("CheckReturnsString(%s): %v", in, err)
		}
	}
	c, err := Parse(`States.Array($.a)`)
	if err != nil {
		t.Fatal(err)
	}
	const msg = `States.Array does not return a string, so it cannot be used in ErrorPath or CausePath; wrap it in States.JsonToString or States.Format, or use one of States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash and States.UUID.`
	if err := CheckReturnsString(c); err == nil || err.Error() != msg {
		t.Errorf("CheckReturnsString(States.Array($.a)) = %v, want %s", err, msg)
	}
}

func TestFunctions(t *testing.T) {
	if len(Functions) != 18 {
		t.Fatalf("%d functions, want 18", len(Functions))
	}
	var b strings.Builder
	stringReturning := 0
	for _, f := range Functions {
		g, ok := Lookup(f.Name)
		if !ok || g.Name != f.Name {
			t.Errorf("Lookup(%q) failed", f.Name)
		}
		if f.MaxArgs >= 0 && len(f.Params) != f.MaxArgs {
			t.Errorf("%s: %d params for at most %d arguments", f.Name, len(f.Params), f.MaxArgs)
		}
		if f.MaxArgs < 0 && len(f.Params) <= f.MinArgs {
			t.Errorf("%s: variadic, but no repeating parameter after the %d required", f.Name, f.MinArgs)
		}
		if ReturnsString(f.Name) {
			stringReturning++
		}
		max := fmt.Sprint(f.MaxArgs)
		if f.MaxArgs < 0 {
			max = "n"
		}
		fmt.Fprintf(&b, "%s %d..%s -> %s string-path=%v (", f.Name, f.MinArgs, max, f.Returns, ReturnsString(f.Name))
		for i, p := range f.Params {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(p.Name + " " + p.Type)
		}
		b.WriteString(")\n")
	}
	if stringReturning != 7 {
		t.Errorf("%d functions allowed in ErrorPath/CausePath, want 7", stringReturning)
	}
	if _, ok := Lookup("States.Nope"); ok {
		t.Error("Lookup(States.Nope) succeeded")
	}
	if ReturnsString("States.Array") || ReturnsString("Format") {
		t.Error("ReturnsString accepts a function outside the ErrorPath/CausePath set")
	}
	const want = `States.Format 1..n -> string string-path=true (template string, value scalar)
States.StringToJson 1..1 -> any string-path=false (JSON text string)
States.JsonToString 1..1 -> string string-path=true (value path)
States.Array 0..n -> array string-path=false (item any)
States.ArrayPartition 2..2 -> array string-path=false (array array, chunk size integer)
States.ArrayContains 2..2 -> boolean string-path=false (array array, value any)
States.ArrayRange 3..3 -> array string-path=false (start integer, end integer, step integer)
States.ArrayGetItem 2..2 -> any string-path=true (array array, index integer)
States.ArrayLength 1..1 -> integer string-path=false (array array)
States.ArrayUnique 1..1 -> array string-path=false (array array)
States.Base64Encode 1..1 -> string string-path=true (data string)
States.Base64Decode 1..1 -> string string-path=true (base64 data string)
States.Hash 2..2 -> string string-path=true (data any, algorithm string)
States.JsonMerge 3..3 -> object string-path=false (first object object, second object object, deep merge flag boolean)
States.MathRandom 2..3 -> integer string-path=false (start integer, end integer, seed integer)
States.MathAdd 2..2 -> integer string-path=false (first number integer, second number integer)
States.StringSplit 2..2 -> array string-path=false (string string, delimiters string)
States.UUID 0..0 -> string string-path=true ()
`
	if b.String() != want {
		t.Errorf("function table:\n%s\nwant\n%s", b.String(), want)
	}
}

func BenchmarkParseCheck(b *testing.B) {
	for name, in := range map[string]string{
		"format": `States.Format('s3://{}/{}', $.detail.bucket.name, $.detail.object.key)`,
		"nested": `States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))`,
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				c, err := Parse(in)
				if err != nil {
					b.Fatal(err)
				}
				if errs := Check(c); errs != nil {
					b.Fatal(errs)
				}
			}
		})
	}
}
