package bench

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	blues "github.com/blues/jsonata-go"
	"github.com/goasl/goasl/asl/jsonata/eval"
	"github.com/goasl/goasl/asl/value"
)

// input is the document every benchmark reads: an order and a list of
// 1,000 line items.
func input() string {
	var b strings.Builder
	b.WriteString(`{"order": {"id": "o-1", "items": [`)
	items := make([]string, 1000)
	for i := range items {
		items[i] = fmt.Sprintf(`{"sku": "SKU-%04d", "price": %d.%02d, "qty": %d}`, i, 1+i%50, i%100, 1+i%7)
	}
	b.WriteString(strings.Join(items, ", "))
	b.WriteString(`]}, "items": [`)
	b.WriteString(strings.Join(items, ", "))
	b.WriteString(`], "total": 150, "coupon": "SAVE10"}`)
	return b.String()
}

var cases = []struct {
	name, expr string
	want       string // the JSON result both evaluators must give
}{
	{"Path", `$.order.items[0].sku`, `"SKU-0000"`},
	{"Condition", `$states.input.total > 100 and $exists($states.input.coupon)`, `true`},
	{"ObjectMap", `{"id": order.id, "skus": $map(order.items[[0..9]], function($i) { $i.sku & "/" & $string($i.qty) })}`, ""},
	{"Aggregate", `$sum(items.(price * qty))`, ""},
}

func goaslEval(b testing.TB, expr string, doc value.Value) (*eval.Expression, *eval.Options) {
	e, err := eval.Compile(expr)
	if err != nil {
		b.Fatal(err)
	}
	opts := &eval.Options{Vars: map[string]value.Value{
		"states": value.FromMembers(value.Member{Key: "input", Value: doc}),
	}}
	return e, opts
}

func bluesEval(b testing.TB, expr string, doc any) *blues.Expr {
	e, err := blues.Compile(expr)
	if err != nil {
		b.Fatal(err)
	}
	if err := e.RegisterVars(map[string]any{"states": map[string]any{"input": doc}}); err != nil {
		b.Fatal(err)
	}
	return e
}

// TestSameResults checks that both evaluators agree on the benchmarked
// expressions, so that the benchmark compares equal work.
func TestSameResults(t *testing.T) {
	src := input()
	doc, err := value.ParseString(src)
	if err != nil {
		t.Fatal(err)
	}
	var gdoc any
	if err := json.Unmarshal([]byte(src), &gdoc); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		e, opts := goaslEval(t, c.expr, doc)
		got, err := e.Evaluate(doc, opts)
		if err != nil {
			t.Fatalf("%s: goasl: %v", c.name, err)
		}
		br, err := bluesEval(t, c.expr, gdoc).Eval(gdoc)
		if err != nil {
			t.Fatalf("%s: blues: %v", c.name, err)
		}
		bj, _ := json.Marshal(br)
		bv, err := value.Parse(bj)
		if err != nil {
			t.Fatal(err)
		}
		if !value.Equal(got, bv) {
			t.Errorf("%s: goasl %s, blues %s", c.name, got.JSON(), bj)
		}
		if c.want != "" && got.JSON() != c.want {
			t.Errorf("%s: goasl %s, want %s", c.name, got.JSON(), c.want)
		}
	}
}

func BenchmarkGoasl(b *testing.B) {
	doc, err := value.ParseString(input())
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			e, opts := goaslEval(b, c.expr, doc)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := e.Evaluate(doc, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkBlues(b *testing.B) {
	var doc any
	if err := json.Unmarshal([]byte(input()), &doc); err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			e := bluesEval(b, c.expr, doc)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := e.Eval(doc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
