package flow_test

import (
	"strings"
	"testing"

	"github.com/goasl/goasl/compiler/flow"
)

// TestMismatches pins every message Mismatches writes: values of another
// kind, fractions for integers and missing required fields, for the whole
// value and below it (object fields, array items, map values).
func TestMismatches(t *testing.T) {
	want := flow.ObjectOf(
		flow.Field{Name: "id", Type: flow.StringType},
		flow.Field{Name: "n", Type: flow.IntegerType},
		flow.Field{Name: "note", Type: flow.StringType, Optional: true},
		flow.Field{Name: "sub", Type: flow.ObjectOf(flow.Field{Name: "x", Type: flow.StringType})},
		flow.Field{Name: "list", Type: flow.ArrayOf(flow.IntegerType)},
		flow.Field{Name: "tags", Type: flow.MapOf(flow.BoolType)},
	)
	got := flow.ObjectOf(
		flow.Field{Name: "n", Type: flow.NumberType},
		flow.Field{Name: "sub", Type: flow.ObjectOf(flow.Field{Name: "y", Type: flow.StringType})},
		flow.Field{Name: "list", Type: flow.ArrayOf(flow.StringType)},
		flow.Field{Name: "tags", Type: flow.ObjectOf(flow.Field{Name: "a", Type: flow.BoolType}, flow.Field{Name: "b", Type: flow.NumberType})},
	)
	cases := []struct {
		name      string
		want, got *flow.Type
		msgs      string
	}{
		{"fits", want, want, ""},
		{"unknown", want, flow.AnyType, ""},
		{"null", want, flow.NullType, ""},
		{"kind", flow.StringType, flow.IntegerType, "the value given is an integer, but the task expects a string"},
		{"fraction", flow.IntegerType, flow.NumberType, "the value given is a number that may have a fraction, but the task expects an integer"},
		{"fields", want, got, `it needs field "id" (string), which the value given does not have
field n is a number that may have a fraction, but the task expects an integer
field sub needs field "x" (string), which the value given does not have
field list[] is a string, but the task expects an integer
field tags.b is a number, but the task expects a boolean`},
		{"map of maps", flow.MapOf(flow.MapOf(flow.StringType)), flow.MapOf(flow.MapOf(flow.BoolType)), "field [*][*] is a boolean, but the task expects a string"},
	}
	for _, c := range cases {
		if g := strings.Join(flow.Mismatches(c.want, c.got), "\n"); g != c.msgs {
			t.Errorf("%s: Mismatches =\n%s\nwant\n%s", c.name, g, c.msgs)
		}
	}
}
