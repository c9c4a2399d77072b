package compiler

import (
	"strings"
	"testing"

	"github.com/goasl/goasl/compiler/flow"
)

// TestSDKMismatches pins sdkMismatches' messages and the conversions the
// integration makes (text for booleans and numbers, JSON text for
// strings), which are no mismatches; a required member missing below the
// top level is sdkMembers' to report, not a type mismatch.
func TestSDKMismatches(t *testing.T) {
	want := flow.ObjectOf(
		flow.Field{Name: "Limit", Type: flow.IntegerType},
		flow.Field{Name: "Flag", Type: flow.BoolType},
		flow.Field{Name: "Input", Type: flow.StringType},
		flow.Field{Name: "At", Type: flow.TimestampType},
		flow.Field{Name: "Needed", Type: flow.StringType},
		flow.Field{Name: "Filters", Type: flow.ArrayOf(flow.ObjectOf(flow.Field{Name: "Name", Type: flow.StringType}))},
		flow.Field{Name: "Tags", Type: flow.MapOf(flow.StringType)},
	)
	got := flow.ObjectOf(
		flow.Field{Name: "Limit", Type: flow.NumberType},
		flow.Field{Name: "Flag", Type: flow.StringType},
		flow.Field{Name: "Input", Type: flow.ObjectOf()},
		flow.Field{Name: "At", Type: flow.ObjectOf()},
		flow.Field{Name: "Filters", Type: flow.ArrayOf(flow.ObjectOf(flow.Field{Name: "Name", Type: flow.BoolType}))},
		flow.Field{Name: "Tags", Type: flow.ObjectOf(flow.Field{Name: "k", Type: flow.ArrayOf(flow.StringType)}, flow.Field{Name: "n", Type: flow.IntegerType})},
	)
	g := strings.Join(sdkMismatches(want, got, "Params"), "\n")
	w := `Params.Limit takes an integer, but the value is a number that may have a fraction: pass an integer
Params.At takes a timestamp string, but the value is an object: pass a timestamp string
Params.Filters[].Name takes a string, but the value is a boolean: pass a string
Params.Tags.n takes a string, but the value is an integer: pass a string`
	if g != w {
		t.Errorf("sdkMismatches =\n%s\nwant\n%s", g, w)
	}
}
