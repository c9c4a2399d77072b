package value

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
)

func TestParseKeepsOrderAndNumberText(t *testing.T) {
	in := `{"b": 0.0, "a": [1E3, -2, 12345678901234567890, "x\u00e9\n"], "c": {"z": null, "y": true}}`
	v, err := ParseString(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"b":0.0,"a":[1E3,-2,12345678901234567890,"xé\n"],"c":{"z":null,"y":true}}`
	if got := v.JSON(); got != want {
		t.Fatalf("JSON() = %s\nwant     %s", got, want)
	}
	if got := v.Size(); got != len(want) {
		t.Errorf("Size() = %d, want %d", got, len(want))
	}
	if got, _ := v.Get("b"); got.Float() != 0 || got.NumberText() != "0.0" || !got.HasOwnText() {
		t.Errorf("b = %v (%q), want 0 written 0.0", got.Float(), got.NumberText())
	}
	if got := v.Keys(); strings.Join(got, ",") != "b,a,c" {
		t.Errorf("Keys() = %v", got)
	}
}

func TestParseDuplicateKeyKeepsFirstPositionLastValue(t *testing.T) {
	v, err := ParseString(`{"a":1,"b":2,"a":3}`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.JSON(); got != `{"a":3,"b":2}` {
		t.Fatalf("got %s", got)
	}
}

func TestParseErrors(t *testing.T) {
	for in, want := range map[string]string{
		``:           "invalid JSON at offset 0: unexpected end of input, expecting a JSON value",
		`{"a" 1}`:    `invalid JSON at offset 5: unexpected '1', expecting ':' after a member name`,
		`[1,]`:       `invalid JSON at offset 3: unexpected ']', expecting a JSON value`,
		`01`:         `invalid JSON at offset 1: unexpected '1' after the JSON value`,
		`1.`:         `invalid JSON at offset 2: unexpected end of input, expecting a digit after '.'`,
		`"a`:         `invalid JSON at offset 2: unexpected end of input in a string`,
		"\"a\tb\"":   `invalid JSON at offset 2: control character 0x09 in a string (write it as \u0009)`,
		`"\x"`:       `invalid JSON at offset 2: invalid escape \x in a string`,
		`{a:1}`:      `invalid JSON at offset 1: unexpected 'a', expecting a member name in quotes`,
		`tru`:        `invalid JSON at offset 0: unexpected 't', expecting a JSON value`,
		`[1 2]`:      `invalid JSON at offset 3: unexpected '2', expecting ',' or ']' in an array`,
		`{"a":1 "b"`: `invalid JSON at offset 7: unexpected '"', expecting ',' or '}' in an object`,
	} {
		_, err := ParseString(in)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) error = %v\nwant %s", in, err, want)
		}
	}
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if _, err := ParseString(deep); err == nil || !strings.Contains(err.Error(), "nested deeper than 10000 levels") {
		t.Errorf("deep nesting: %v", err)
	}
}

func TestSurrogatePairs(t *testing.T) {
	v, err := ParseString(`"\ud83d\ude00 \ud800"`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Str(); got != "😀 \ufffd" {
		t.Fatalf("got %q", got)
	}
}

func TestFormatNumberAsJavaScript(t *testing.T) {
	for f, want := range map[float64]string{
		0: "0", math.Copysign(0, -1): "0", 1: "1", -1.5: "-1.5",
		1e20: "100000000000000000000", 1e21: "1e+21", 1.5e21: "1.5e+21", 123456789012345680000: "123456789012345680000",
		1e-6: "0.000001", 1e-7: "1e-7", 1.25e-7: "1.25e-7", 3.14: "3.14", 100: "100", 1.7976931348623157e308: "1.7976931348623157e+308",
		5e-324: "5e-324", -0.000123: "-0.000123", 9007199254740993: "9007199254740992",
	} {
		if got := FormatNumber(f); got != want {
			t.Errorf("FormatNumber(%v) = %s, want %s", f, got, want)
		}
	}
	tenth := 0.1
	if got := FormatNumber(tenth + 0.2); got != "0.30000000000000004" {
		t.Errorf("FormatNumber(0.1+0.2) = %s", got)
	}
	if got := FromFloat(math.NaN()); !got.IsUndefined() {
		t.Errorf("FromFloat(NaN) = %v, want undefined", got)
	}
}

func TestStringEscapingAsJSONStringify(t *testing.T) {
	got := FromString("<a&b> \"q\" \\ \x01 \u2028 é\xff").JSON()
	want := `"<a&b> \"q\" \\ \u0001 ` + "\u2028 é\ufffd" + `"`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if n := FromString("<a&b> \"q\" \\ \x01 \u2028 é\xff").Size(); n != len(want) {
		t.Errorf("Size = %d, want %d", n, len(want))
	}
}

func TestWithAndBuilder(t *testing.T) {
	v, _ := ParseString(`{"a":1,"b":2}`)
	w := v.With("a", FromString("x")).With("c", True).With("b", Value{})
	if got := w.JSON(); got != `{"a":"x","c":true}` {
		t.Fatalf("With: %s", got)
	}
	if got := v.JSON(); got != `{"a":1,"b":2}` {
		t.Fatalf("original changed: %s", got)
	}
	var b ObjectBuilder
	for i := range 20 {
		b.Set(string(rune('a'+i)), FromInt(int64(i)))
	}
	b.Set("c", FromInt(99))
	o := b.Value()
	if x, ok := o.Get("c"); !ok || x.Float() != 99 || o.Len() != 20 {
		t.Fatalf("builder: %s", o)
	}
	if k, _ := o.Member(2); k != "c" {
		t.Fatalf("member 2 = %s", k)
	}
}

func TestUndefinedInsideContainers(t *testing.T) {
	a := FromArray([]Value{FromInt(1), {}})
	if got := a.JSON(); got != "[1,null]" || a.Size() != len(got) {
		t.Errorf("array: %s size %d", got, a.Size())
	}
	o := FromMembers(Member{"a", Value{}}, Member{"b", NullValue})
	if got := o.JSON(); got != `{"b":null}` || o.Size() != len(got) {
		t.Errorf("object: %s size %d", got, o.Size())
	}
}

func TestEqual(t *testing.T) {
	a, _ := ParseString(`{"x":[1,2.0,{"p":null}],"y":"s"}`)
	b, _ := ParseString(`{"y":"s","x":[1.0,2,{"p":null}]}`)
	c, _ := ParseString(`{"y":"s","x":[1.0,2,{"p":false}]}`)
	if !Equal(a, b) || Equal(a, c) || Equal(FromInt(1), FromString("1")) || !Equal(Value{}, Value{}) {
		t.Fatal("Equal disagrees")
	}
}

type sample struct {
	Name  string   `json:"name"`
	Count int      `json:"count"`
	Tags  []string `json:"tags,omitempty"`
	Raw   Value    `json:"raw"`
}

func TestGoRoundTrip(t *testing.T) {
	raw, _ := ParseString(`{"k":1.50}`)
	v, err := FromGo(sample{Name: "n", Count: 3, Raw: raw})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.JSON(); got != `{"name":"n","count":3,"raw":{"k":1.50}}` {
		t.Fatalf("FromGo: %s", got)
	}
	var s sample
	if err := Decode(v, &s); err != nil {
		t.Fatal(err)
	}
	if s.Name != "n" || s.Count != 3 || s.Raw.JSON() != `{"k":1.50}` {
		t.Fatalf("Decode: %+v", s)
	}
	if err := Decode(Value{}, &s); err == nil || err.Error() != "value: cannot decode an undefined value" {
		t.Fatalf("Decode(undefined): %v", err)
	}
	out, err := json.Marshal(map[string]Value{"u": {}})
	if err != nil || string(out) != `{"u":null}` {
		t.Fatalf("MarshalJSON: %s %v", out, err)
	}
}

func TestASLConversion(t *testing.T) {
	src := asl.ObjectValue(
		asl.Member{Key: "n", Value: asl.NumberValue("1.0")},
		asl.Member{Key: "a", Value: asl.ArrayValue(asl.StringValue("s"), asl.BoolValue(true), asl.NullValue())},
	)
	v := FromASL(src)
	if got := v.JSON(); got != `{"n":1.0,"a":["s",true,null]}` {
		t.Fatalf("FromASL: %s", got)
	}
	if back := ToASL(v); !asl.Equal(back, src) || back.Members[0].Value.Num != "1.0" {
		t.Fatalf("ToASL: %+v", back)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`{}`, `[1,"a",null,true,{"b":-1.5e3}]`, `"\ud83d\ude00"`, `{"a":1,"a":2}`, `0.0`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := Parse(data)
		if err != nil {
			if json.Valid(data) {
				t.Fatalf("Parse rejected valid JSON %q: %v", data, err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("Parse accepted invalid JSON %q", data)
		}
		out := AppendJSON(nil, v)
		if len(out) != v.Size() {
			t.Fatalf("Size %d != len %d for %s", v.Size(), len(out), out)
		}
		again, err := Parse(out)
		if err != nil || !Equal(v, again) || string(AppendJSON(nil, again)) != string(out) {
			t.Fatalf("round trip changed %q: %s then %v", data, out, err)
		}
	})
}
