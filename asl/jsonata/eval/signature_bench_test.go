package eval

import (
	"testing"

	"github.com/goasl/goasl/asl/value"
)

// signatureCalls are expressions whose time goes mostly into calls, each
// call's arguments checked against the function's signature: built-ins
// with optional and context parameters, and lambdas with signatures.
var signatureCalls = []struct{ name, expr string }{
	{"builtins", `$map([1..2000], function($v) { $substring($string($v), 0, 2) & $uppercase("a") })`},
	{"context", `$map([1..2000].$string(), function($v) { $v.$length() + $v.$trim().$length() })`},
	{"lambda", `($f := function($a, $b)<nn?:n>{ $a + ($b ? $b : 0) }; $reduce([1..2000], function($acc, $v)<nn:n>{ $f($acc, $v) }))`},
	{"subtype", `($g := function($xs)<a<n>:n>{ $count($xs) }; $sum($map([1..2000], function($v) { $g([$v, $v]) })))`},
}

// BenchmarkSignatureCalls times calls whose arguments are checked
// against signatures.
func BenchmarkSignatureCalls(b *testing.B) {
	for _, c := range signatureCalls {
		e := MustCompile(c.expr)
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				if _, err := e.Evaluate(value.FromMembers(), nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSignatureValidate times the argument check alone, for
// signatures of built-ins and lambdas, on arguments that match.
func BenchmarkSignatureValidate(b *testing.B) {
	arr := &seq{items: []val{1.0, 2.0, 3.0}}
	cases := []struct {
		name string
		sig  string
		args []val
	}{
		{"substring", "<s-nn?:s>", []val{"hello", 1.0, 2.0}},
		{"context", "<s-nn?:s>", []val{1.0}},
		{"array", "<a<n>:n>", []val{arr}},
		{"variadic", "<x+:s>", []val{"a", 1.0, true, nil}},
		{"lambda", "<nn?:n>", []val{1.0}},
	}
	for _, c := range cases {
		sig := parseSignature(c.sig)
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				sig.validate(c.args, "ctx", "f", 0)
			}
		})
	}
}
