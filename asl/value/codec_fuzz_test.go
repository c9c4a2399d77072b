package value

import (
	"encoding/json"
	"reflect"
	"testing"
)

// fuzzTargets are the Go types the codec fuzzers decode into: the plain
// types the direct paths handle and some they hand to encoding/json.
var fuzzTargets = []func() any{
	func() any { return new(any) },
	func() any { return new(decPlain) },
	func() any { return new(decEmbedded) },
	func() any { return new(decMapKey) },
	func() any { return new(decFold) },
	func() any { return new(decUnicode) },
	func() any { return new(decStringOpt) },
	func() any { return new(decNumber) },
	func() any { return new([]int8) },
	func() any { return new(map[string]*float32) },
	func() any { return new(struct{ A []map[string][]uint }) },
	func() any { return new(string) },
	func() any { return new(*bool) },
}

// FuzzDecodeAsEncodingJSON checks Decode against encoding/json on any JSON
// text and every target type: the same Go value, or the same error.
func FuzzDecodeAsEncodingJSON(f *testing.F) {
	for _, s := range []string{`{"id":"o1","count":3,"small":-5,"tags":["a"],"next":{"id":"x"}}`, `[1,2,300]`, `{"ID":"a","id":"b","Id":"c"}`,
		`{"NÉV":"x"}`, `{"n":"12"}`, `{"a":{"b":1.5e3}}`, `{"any":[{"z":-0.0}]}`, `"\ud800"`, `1e400`, `{"A":[{"x":[1,-1]}]}`,
		`{"attrs":{"x":1},"Attrs":{"y":2}}`, `{"next":{"id":"a"},"Next":null}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := ParseString(text)
		if err != nil {
			return
		}
		data := []byte(v.JSON())
		for _, target := range fuzzTargets {
			got, want := target(), target()
			gerr := Decode(v, got)
			werr := json.Unmarshal(data, want)
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Fatalf("%T from %s: Decode error %v, encoding/json %v", got, data, gerr, werr)
			}
			if gerr == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("%T from %s: Decode gives %#v, encoding/json %#v", got, data, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
			}
		}
	})
}

// FuzzFromGoAsEncodingJSON decodes JSON text into Go values with
// encoding/json and checks that FromGo reads each as encoding/json
// writes it.
func FuzzFromGoAsEncodingJSON(f *testing.F) {
	for _, s := range []string{`{"id":"o1","n":3,"f":0.5,"tags":["a"],"attrs":{"b":1,"a":[true]},"next":{"id":"x"},"named":{"k":-1}}`,
		`{"any":{"z":1e21,"y":1e-7,"x":123456789012345678}}`, `{"f32":3.4e38}`, `[{"a":1},{"a":"\u2028<>&"}]`} {
		f.Add(s)
	}
	targets := []func() any{
		func() any { return new(any) },
		func() any { return new(encPlain) },
		func() any { return new(decPlain) },
		func() any { return new(map[string]float32) },
		func() any { return new([]map[string]any) },
		func() any { return new(encOmitZeroPlain) },
		func() any { return new(encOmitZeroMethod) },
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, target := range targets {
			x := target()
			if json.Unmarshal([]byte(text), x) != nil {
				continue
			}
			in := reflect.ValueOf(x).Elem().Interface()
			got, gerr := FromGo(in)
			data, werr := json.Marshal(in)
			if (gerr == nil) != (werr == nil) {
				t.Fatalf("%T %#v: FromGo error %v, encoding/json %v", in, in, gerr, werr)
			}
			if werr != nil {
				continue
			}
			want, err := Parse(data)
			if err != nil {
				t.Fatalf("encoding/json wrote %s, which does not parse: %v", data, err)
			}
			if got.JSON() != want.JSON() {
				t.Fatalf("%T %#v:\nFromGo        %s\nencoding/json %s", in, in, got.JSON(), want.JSON())
			}
		}
	})
}
