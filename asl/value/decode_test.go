package value

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

type decPlain struct {
	ID    string         `json:"id"`
	Count int            `json:"count,omitempty"`
	Small int8           `json:"small"`
	U     uint16         `json:"u"`
	F     float32        `json:"f"`
	D     float64        `json:"d"`
	OK    bool           `json:"ok"`
	Tags  []string       `json:"tags"`
	Attrs map[string]int `json:"attrs"`
	Next  *decPlain      `json:"next"`
	Any   any            `json:"any"`
	Skip  string         `json:"-"`
	Name  string
	inner string
}

type decNamed string

type decMapKey map[decNamed][]*int

type decEmbedded struct {
	decPlain
	X int
}

type decStringOpt struct {
	N int `json:"n,string"`
}

type decTime struct {
	T time.Time `json:"t"`
}

type decBytes struct {
	B []byte `json:"b"`
}

type decArray struct {
	A [2]int `json:"a"`
}

type decNumber struct {
	N json.Number `json:"n"`
}

type decFold struct {
	ID string
	Id string
}

type decUnicode struct {
	Név string
}

// Decode gives what encoding/json gives from the value's JSON text: the same
// Go value, or the same error, whichever way it decodes.
func TestDecodeAsEncodingJSON(t *testing.T) {
	inputs := []string{
		`{"id":"o1","count":3,"small":-5,"u":7,"f":1.5,"d":2.25,"ok":true,"tags":["a","b"],"attrs":{"x":1,"y":2},"next":{"id":"o2","next":null},"any":{"k":[1,"s",true,null,{"z":1.0}]},"Skip":"no","Name":"n","inner":"i"}`,
		`{"ID":"upper","COUNT":4,"Ok":true,"name":"lower","unknown":{"deep":[1,2]}}`,
		`{"id":"x","id2":1,"tags":[],"attrs":{},"any":null,"next":null}`,
		`{"small":300}`, `{"small":1.0}`, `{"small":1e2}`, `{"u":-1}`, `{"f":1e40}`, `{"d":1e400}`,
		`{"count":12345678901234567890}`, `{"count":-0}`, `{"d":-0.0}`, `{"d":12345678901234567890}`,
		`{"id":5}`, `{"ok":"true"}`, `{"tags":"a"}`, `{"tags":[1]}`, `{"attrs":[1]}`, `{"next":[]}`, `{"any":1E3}`, `{"any":[1e400]}`,
		`{"n":"12"}`, `{"n":12}`, `{"n":"x"}`, `{"t":"2024-01-01T00:00:00Z"}`, `{"b":"aGVsbG8="}`, `{"a":[1,2,3]}`,
		`{"ID":"a","id":"b","Id":"c"}`, `{"név":"x","NÉV":"y"}`, `{"K":"kelvin","ſ":1}`,
		`{"id":"\u00e9\u2028<>&"}`, `[1,2,3]`, `"str"`, `12.50`, `true`, `null`, `{}`, `[]`,
		`{"X":1,"id":"e"}`,
		`{"attrs":{"x":1},"Attrs":{"y":2}}`, `{"NEXT":{"small":2},"next":{"id":"a","count":1}}`, `{"next":{"id":"a"},"Next":null}`,
		`{"tags":["a"],"Tags":null}`, `{"any":1,"ANY":null}`,
	}
	targets := []func() any{
		func() any { return new(decPlain) },
		func() any { return new(*decPlain) },
		func() any { return new(any) },
		func() any { return new(map[string]any) },
		func() any { return new(decMapKey) },
		func() any { return new([]any) },
		func() any { return new([]int) },
		func() any { return new(string) },
		func() any { return new(float64) },
		func() any { return new(int) },
		func() any { return new(decNamed) },
		func() any { return new(decEmbedded) },
		func() any { return new(decStringOpt) },
		func() any { return new(decNumber) },
		func() any { return new(decTime) },
		func() any { return new(decBytes) },
		func() any { return new(decArray) },
		func() any { return new(decFold) },
		func() any { return new(decUnicode) },
		func() any { return new(Value) },
	}
	direct := 0
	for _, in := range inputs {
		v, err := ParseString(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		for _, mk := range targets {
			got, want := mk(), mk()
			gerr := Decode(v, got)
			werr := json.Unmarshal(AppendJSON(nil, v), want)
			if _, isValue := got.(*Value); isValue {
				continue
			}
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Errorf("%s into %T: error %v, encoding/json %v", in, got, gerr, werr)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s into %T:\n got %#v\nwant %#v", in, got, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
			}
			if e := reflect.ValueOf(mk()).Elem(); directType(e.Type()) && decodeDirect(v, e, 0) {
				direct++
			}
		}
	}
	// The plain cases take the direct way (the comparison above checks
	// that way, not only encoding/json against itself).
	if direct < 60 {
		t.Errorf("%d decodings took the direct way, want at least 60", direct)
	}
}

// Values built in Go (no JSON text behind them) decode as their JSON text
// does: computed numbers, undefined members and items, strings that are
// not UTF-8.
func TestDecodeBuiltValues(t *testing.T) {
	for _, v := range []Value{
		FromMembers(Member{Key: "d", Value: FromFloat(1e21)}, Member{Key: "f", Value: FromFloat(0.1)}, Member{Key: "id", Value: Value{}}),
		FromMembers(Member{Key: "tags", Value: FromArray([]Value{FromString("a"), {}})}),
		FromMembers(Member{Key: "id", Value: FromString("bad \xff byte")}),
		FromMembers(Member{Key: "attrs", Value: FromMembers(Member{Key: "k\xfe", Value: FromInt(1)})}),
		FromMembers(Member{Key: "any", Value: FromMembers(Member{Key: "s", Value: FromString("\xff")})}),
		FromArray([]Value{FromInt(1), {}, NullValue}),
	} {
		for _, mk := range []func() any{
			func() any { return new(decPlain) },
			func() any { return new(any) },
			func() any { return new([]*int) },
		} {
			got, want := mk(), mk()
			gerr := Decode(v, got)
			werr := json.Unmarshal(AppendJSON(nil, v), want)
			if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
				t.Errorf("%s into %T: error %v, encoding/json %v", v.JSON(), got, gerr, werr)
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s into %T:\n got %#v\nwant %#v", v.JSON(), got, reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem())
			}
		}
	}
}

// A target that is not zero, or not a pointer, is left to encoding/json
// (which merges into what is there, or reports the misuse).
func TestDecodeNonZeroTarget(t *testing.T) {
	v, _ := ParseString(`{"tags":["b"],"attrs":{"y":2}}`)
	got := decPlain{ID: "kept", Attrs: map[string]int{"x": 1}}
	want := got
	want.Attrs = map[string]int{"x": 1}
	if err := Decode(v, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(v.JSON()), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
	var p decPlain
	var target any = p // not a pointer: encoding/json says so
	if err, werr := Decode(v, target), json.Unmarshal([]byte(v.JSON()), target); err == nil || err.Error() != werr.Error() {
		t.Errorf("non-pointer: error %v, want %v", err, werr)
	}
	deep := strings.Repeat("[", 1500) + strings.Repeat("]", 1500)
	dv, err := ParseString(deep)
	if err != nil {
		t.Fatal(err)
	}
	var a, b any
	if err, werr := Decode(dv, &a), json.Unmarshal([]byte(deep), &b); (err == nil) != (werr == nil) || !reflect.DeepEqual(a, b) {
		t.Errorf("deep array: %v / %v", err, werr)
	}
}
