package jsonata

import (
	"reflect"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		expr string
		want Info
	}{
		{`$states.input.order.total`, Info{States: []string{"input"}}},
		{`$states.result.Payload & $states.context.Execution.Id & $states.input.x & $states.result.y`,
			Info{States: []string{"result", "context", "input"}}},
		{`$states.errorOutput.Cause`, Info{States: []string{"errorOutput"}}},
		{`$states.input[0].a`, Info{States: []string{"input"}}},
		{`$states`, Info{}},
		{`$customerName`, Info{Variables: []string{"customerName"}}},
		{`$a.x + $b + $a`, Info{Variables: []string{"a", "b"}}},
		{`$count($states.input.items)`, Info{States: []string{"input"}, Functions: []string{"count"}}},
		{`$eval('1 + 2')`, Info{Functions: []string{"eval"}}},
		{`$map($states.input.xs, $eval)`, Info{States: []string{"input"}, Functions: []string{"map", "eval"}}},
		{`$states.input.s ~> $uppercase ~> $substring(0, 2)`, Info{States: []string{"input"}, Functions: []string{"uppercase", "substring"}}},
		{`$substring(?, 0, 2)`, Info{Functions: []string{"substring"}}},
		{`$myFn(1)`, Info{Functions: []string{"myFn"}}},
		{`$uuid()`, Info{Functions: []string{"uuid"}}},
		// Bound variables are not free.
		{`($x := 5; $x + $y)`, Info{Variables: []string{"y"}}},
		{`($x := $x + 1; $x)`, Info{Variables: []string{"x"}}},
		{`($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f($states.input.n))`,
			Info{States: []string{"input"}}},
		{`($g := function(){ $later }; $later := 1; $g())`, Info{}},
		{`function($v){ $v + $w }`, Info{Variables: []string{"w"}}},
		{`($count := function($a){ 1 }; $count([1]))`, Info{}},
		{`(($x := 1); $x)`, Info{Variables: []string{"x"}}},
		{`$states.input.loans@$l.books#$i[$l.isbn = isbn and $i < 3].{'b': title, 'l': $l.id}`,
			Info{States: []string{"input"}}},
		// $ and $$.
		{`$$.Execution.Id`, Info{Root: true}},
		{`$`, Info{TopLevel: []string{"$"}}},
		{`$.phone`, Info{TopLevel: []string{"$"}}},
		// Top level: bare names evaluated against the implicit input.
		{`phone`, Info{TopLevel: []string{"phone"}}},
		{`phone.number`, Info{TopLevel: []string{"phone"}}},
		{`$count(items) + total`, Info{Functions: []string{"count"}, TopLevel: []string{"items", "total"}}},
		{`{'a': phone, 'b': [total]}`, Info{TopLevel: []string{"phone", "total"}}},
		{`ok ? a : b`, Info{TopLevel: []string{"ok", "a", "b"}}},
		{`(x; $y := z)`, Info{TopLevel: []string{"x", "z"}}},
		{`*`, Info{TopLevel: []string{"*"}}},
		{`**.id`, Info{TopLevel: []string{"**"}}},
		{"`first name`", Info{TopLevel: []string{"first name"}}},
		{`items[0]`, Info{TopLevel: []string{"items"}}},
		{`items^(price)`, Info{TopLevel: []string{"items"}}},
		// Nested: something else provides the context.
		{`$states.input.items[price > 10]`, Info{States: []string{"input"}}},
		{`$states.input.items[$ > 10]`, Info{States: []string{"input"}}},
		{`$sum($states.input.orders.(price * qty))`, Info{States: []string{"input"}, Functions: []string{"sum"}}},
		{`$states.input.items^(>price).name`, Info{States: []string{"input"}}},
		{`$states.input.items{category: $sum(price)}`, Info{States: []string{"input"}, Functions: []string{"sum"}}},
		{`$map($states.input.items, function($v){ $v.price + tax })`, Info{States: []string{"input"}, Functions: []string{"map"}}},
		{`$states.input ~> |items|{'done': flag}, [tmp]|`, Info{States: []string{"input"}}},
		{`$states.input.orders.items.{'order': %.id}`, Info{States: []string{"input"}}},
		{`(1).a`, Info{}},
		{`"a".b`, Info{TopLevel: []string{"a"}}},
		{`'literal' & "strings" & 1`, Info{}},
	}
	for _, tt := range tests {
		got, err := Analyze(tt.expr)
		if err != nil {
			t.Errorf("Analyze(%q): %v", tt.expr, err)
			continue
		}
		if !reflect.DeepEqual(*got, tt.want) {
			t.Errorf("Analyze(%q) =\n  %+v\nwant\n  %+v", tt.expr, *got, tt.want)
		}
	}
}
