package eval

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/value"
)

func mustParse(t *testing.T, s string) value.Value {
	t.Helper()
	v, err := value.ParseString(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// evalString evaluates expr against input (JSON, "" for none) and returns
// the result's JSON, "undefined", or "CODE: message".
func evalString(t *testing.T, expr, input string, opts *Options) string {
	t.Helper()
	var in value.Value
	if input != "" {
		in = mustParse(t, input)
	}
	e, err := Compile(expr)
	if err == nil {
		var r value.Value
		r, err = e.Evaluate(in, opts)
		if err == nil {
			if r.IsUndefined() {
				return "undefined"
			}
			return r.JSON()
		}
	}
	var je *jsonata.Error
	if !errors.As(err, &je) {
		t.Fatalf("%q: error %v is not a *jsonata.Error", expr, err)
	}
	return je.Code + ": " + je.Msg
}

func TestEvaluate(t *testing.T) {
	tests := []struct{ expr, input, want string }{
		// the input is read as JSON.parse reads it
		{`$`, `{"b": 1, "a": 1.0, "10": 2, "2": [1E2, 0.10]}`, `{"2":[100,0.1],"10":2,"b":1,"a":1}`},
		{`$keys($)`, `{"b": 1, "1": 2}`, `["1","b"]`},
		{`{"b": 1, "10": 2, "2": 3}`, ``, `{"2":3,"10":2,"b":1}`},
		// numbers print as JavaScript prints them
		{`0.1 + 0.2`, ``, `0.30000000000000004`},
		{`$string(0.1 + 0.2)`, ``, `"0.3"`},
		{`1e21 + 1`, ``, `1e+21`},
		{`$string(1/3)`, ``, `"0.333333333333333"`},
		{`-0`, ``, `0`},
		// sequences, flattening and undefined
		{`a.b`, `{"a": [{"b": 1}, {"b": [2, 3]}, {"c": 4}]}`, `[1,2,3]`},
		{`a[0].b`, `{"a": [{"b": 1}]}`, `1`},
		{`a.b[]`, `{"a": {"b": 1}}`, `[1]`},
		{`nothing`, `{"a": 1}`, `undefined`},
		{`[nothing]`, `{"a": 1}`, `[]`},
		{`null`, ``, `null`},
		// parent, position and focus bindings
		{`a.b.{"b": $, "a": %.n}`, `{"a": [{"n": 1, "b": [10, 11]}, {"n": 2, "b": 12}]}`, `[{"b":10,"a":1},{"b":11,"a":1},{"b":12,"a":2}]`},
		{`a#$i[$i > 0].n`, `{"a": [{"n": 1}, {"n": 2}, {"n": 3}]}`, `[2,3]`},
		{`a@$x.b@$y[$x.k = $y.k].{"n": $x.n, "m": $y.m}`, `{"a": [{"k": 1, "n": "one"}, {"k": 2, "n": "two"}], "b": [{"k": 2, "m": "deux"}]}`, `{"n":"two","m":"deux"}`},
		// order-by and group-by
		{`a^(>n).n`, `{"a": [{"n": 1}, {"n": 3}, {"n": 2}]}`, `[3,2,1]`},
		{`a{k: $sum(n)}`, `{"a": [{"k": "x", "n": 1}, {"k": "y", "n": 2}, {"k": "x", "n": 3}]}`, `{"x":4,"y":2}`},
		// functions, closures, partial application, signatures
		{`($add := function($a, $b) { $a + $b }; $inc := $add(?, 1); $inc(41))`, ``, `42`},
		{`($f := function($n) { $n <= 1 ? 1 : $n * $f($n - 1) }; $f(10))`, ``, `3628800`},
		{`($loop := function($n, $acc) { $n = 0 ? $acc : $loop($n - 1, $acc + 1) }; $loop(100000, 0))`, ``, `100000`},
		{`$map([1, 2, 3], $string)`, ``, `["1","2","3"]`},
		{`(function($x)<n:n>{$x})("a")`, ``, `T0410: Argument 1 of function (anonymous) does not match function signature`},
		{`$sort([3, 1, 2], function($a, $b) { $a < $b })`, ``, `[3,2,1]`},
		{`"abc" ~> $uppercase ~> $substring(1)`, ``, `"BC"`},
		// transforms
		{`$ ~> |a|{"n": n + 1}, ["x"]|`, `{"a": {"n": 1, "x": true}, "b": 2}`, `{"a":{"n":2},"b":2}`},
		// regular expressions with ECMAScript semantics
		{`$replace("2024-01-31", /(\d+)-(\d+)-(\d+)/, "$3/$2/$1")`, ``, `"31/01/2024"`},
		{`$match("ab12cd345", /\d+/).match`, ``, `["12","345"]`},
		{`$split("a1b22c", /\d+/)`, ``, `["a","b","c"]`},
		{`$contains("Hello", /^h/i)`, ``, `true`},
		{`$replace("aaa", /(?<=a)a/, "b")`, ``, `"abb"`},
		{`$match("aba", /a/, 1).match`, ``, `"a"`},
		{`$match("a", /a/, -1)`, ``, `D3040: Third argument of match function must evaluate to a positive number`},
		{`$replace("aaa", "a", "b", 1.5)`, ``, `"bba"`},
		{`$replace("a", "a", "b", -1)`, ``, `D3011: Fourth argument of replace function must evaluate to a positive number`},
		{`$split("a,b,c", ",", 2)`, ``, `["a","b"]`},
		{`$split("a", ",", -1)`, ``, `D3020: Third argument of split function must evaluate to a positive number`},
		{`$decodeUrlComponent("a%2Fb%3F")`, ``, `"a/b?"`},
		{`$decodeUrl("a%2Fb%3F%20")`, ``, `"a%2Fb%3F "`},
		{`$decodeUrlComponent("%E0%A4%A")`, ``, `D3140: Malformed URL passed to $decodeUrlComponent(): "%E0%A4%A"`},
		{`$decodeUrl("%")`, ``, `D3140: Malformed URL passed to $decodeUrl(): "%"`},
		// errors with JSONata's codes and messages
		{`"a" + 1`, ``, `T2001: The left side of the "+" operator must evaluate to a number`},
		{`1 + "a"`, ``, `T2002: The right side of the "+" operator must evaluate to a number`},
		{`1 < "a"`, ``, `T2009: The values 1 and "a" either side of operator "<" must be of the same data type`},
		{`$x()`, ``, `T1006: Attempted to invoke a non-function: $x`},
		{`sum([1])`, ``, `T1005: Attempted to invoke a non-function. Did you mean $sum?`},
		{`{"a": 1}{1: 2}`, ``, `T1003: Key in object structure must evaluate to a string; got: 1`},
		{`$error("stop")`, ``, `D3137: stop`},
		{`$eval("1")`, ``, `T1006: Attempted to invoke a non-function: $eval (Step Functions does not provide $eval: use $parse to read JSON text)`},
		{`(1`, ``, `S0203: expected ")" before the end of the expression`},
		{`[1..20000000]`, ``, `D2014: The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate 20000000.`},
		// Step Functions' functions
		{`$partition([1, 2, 3, 4, 5], 2)`, ``, `[[1,2],[3,4],[5]]`},
		{`$partition([1], 0)`, ``, `D3200: The second argument of $partition (the chunk size) must be a positive integer; got 0`},
		{`$range(0, 10, 5)`, ``, `[0,5,10]`},
		{`$range(3, 1, -1)`, ``, `[3,2,1]`},
		// AWS recorded $range(1, 9, 9) as 1 (test_array_jsonata.py::test_array_range)
		{`$range(1, 9, 9)`, ``, `1`},
		{`$range(0, 1, 0)`, ``, `D3201: The step of $range must not be 0`},
		{`$hash("abc", "SHA-256")`, ``, `"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"`},
		{`$hash("abc", "MD5")`, ``, `"900150983cd24fb0d6963f7d28e17f72"`},
		{`$hash("abc", "SHA-3")`, ``, `D3203: $hash: unsupported algorithm "SHA-3": use MD5, SHA-1, SHA-256, SHA-384 or SHA-512`},
		{`$parse('{"b": [1, 2.50], "1": null}')`, ``, `{"1":null,"b":[1,2.5]}`},
		{`$parse('{"b"')`, ``, `D3204: $parse: the argument is not JSON: invalid JSON at offset 4: unexpected end of input, expecting ':' after a member name`},
		{`$random(7) = $random(7)`, ``, `true`},
	}
	for _, tt := range tests {
		if got := evalString(t, tt.expr, tt.input, nil); got != tt.want {
			t.Errorf("%s with %s:\n got %s\nwant %s", tt.expr, tt.input, got, tt.want)
		}
	}
}

func TestOptions(t *testing.T) {
	opts := &Options{Vars: map[string]value.Value{
		"x":      value.FromInt(2),
		"string": value.FromString("shadowed"),
	}}
	if got := evalString(t, `$x * 21`, ``, opts); got != `42` {
		t.Errorf("Vars: got %s", got)
	}
	if got := evalString(t, `$string`, ``, opts); got != `"shadowed"` {
		t.Errorf("a variable shadows a built-in: got %s", got)
	}
	now := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	if got := evalString(t, `$millis()`, ``, &Options{Now: now}); got != fmt.Sprint(now.UnixMilli()) {
		t.Errorf("Now: $millis() = %s", got)
	}
	seeded := func() *Options { return &Options{Rand: rand.New(rand.NewPCG(1, 2))} }
	a := evalString(t, `[$random(), $uuid(), $shuffle([1,2,3,4,5,6,7,8])]`, ``, seeded())
	b := evalString(t, `[$random(), $uuid(), $shuffle([1,2,3,4,5,6,7,8])]`, ``, seeded())
	if a != b {
		t.Errorf("a seeded Rand gives different results: %s and %s", a, b)
	}
	if !regexp.MustCompile(`^\[0\.\d+,"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",\d,\d,\d,\d,\d,\d,\d,\d\]$`).MatchString(a) {
		t.Errorf("$random/$uuid: %s", a)
	}
	deep := `($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(1000))`
	if got := evalString(t, deep, ``, &Options{MaxDepth: 100}); got != "U1001: Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive." {
		t.Errorf("MaxDepth: got %s", got)
	}
	if got := evalString(t, deep, ``, nil); got != "1000" {
		t.Errorf("default depth: got %s", got)
	}
	deeper := `($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(20000))`
	if got := evalString(t, deeper, ``, nil); got != "20000" {
		t.Errorf("default depth, 20,000 levels of recursion (jsonata-js runs 100,000): got %s", got)
	}
	loop := `($f := function() { $f() }; $f())`
	if got := evalString(t, loop, ``, &Options{Timeout: 50 * time.Millisecond}); got != "U1001: Expression evaluation timeout: Check for infinite loop" {
		t.Errorf("Timeout: got %s", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	e := MustCompile(`$sum(items.(price * qty)) & "/" & $count(items[price > 2])`)
	in := mustParse(t, `{"items": [{"price": 1, "qty": 2}, {"price": 3, "qty": 4}]}`)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				r, err := e.Evaluate(in, nil)
				if err != nil || r.JSON() != `"14/1"` {
					errs <- fmt.Sprint(r, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func ExampleExpression_Evaluate() {
	e, err := Compile(`$sum(items.(price * qty))`)
	if err != nil {
		panic(err)
	}
	in, _ := value.ParseString(`{"items": [{"price": 2.5, "qty": 4}, {"price": 1, "qty": 3}]}`)
	total, err := e.Evaluate(in, nil)
	fmt.Println(total, err)
	// Output: 13 <nil>
}

// FuzzEvaluate evaluates arbitrary expressions against a few inputs: any
// result or JSONata error is fine, an internal error is not.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{`$sum(items.(price * qty))`, `a.b.%.c`, `$ ~> |a|{"b": 1}, ["c"]|`, `[1..3]#$i[$i > 0]{$string($): $}`, `($f := function($n){$n > 0 ? $f($n - 1) : 0}; $f(5))`, `$replace("abc", /(b)/, "$1$1")`, `a^(>b){c: $count($)}`} {
		f.Add(s, `{"a": [{"b": 1, "c": "x"}, {"b": 2}], "items": [{"price": 1, "qty": 2}]}`)
	}
	f.Fuzz(func(t *testing.T, expr, input string) {
		e, err := Compile(expr)
		if err != nil {
			return
		}
		in, err := value.ParseString(input)
		if err != nil {
			in = value.Value{}
		}
		_, err = e.Evaluate(in, &Options{MaxDepth: 200, Timeout: time.Second})
		var je *jsonata.Error
		if errors.As(err, &je) && je.Code == InternalError {
			t.Fatalf("%s on %s: %v", expr, input, err)
		}
	})
}

func TestStringLimits(t *testing.T) {
	if got := evalString(t, `$length($pad("x", 100000, "ab"))`, ``, nil); got != "100000" {
		t.Errorf("$pad: got %s", got)
	}
	if got := evalString(t, `$pad("x", 1e10)`, ``, nil); got != "RangeError: Invalid string length" {
		t.Errorf("$pad past V8's longest string: got %s", got)
	}
}
