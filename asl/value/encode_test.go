package value

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"
)

type encPlain struct {
	ID     string            `json:"id"`
	N      int               `json:"n,omitempty"`
	U      uint64            `json:"u,omitempty"`
	F      float64           `json:"f,omitempty"`
	F32    float32           `json:"f32"`
	OK     bool              `json:"ok,omitempty"`
	Tags   []string          `json:"tags"`
	Attrs  map[string]any    `json:"attrs,omitempty"`
	Next   *encPlain         `json:"next,omitempty"`
	Any    any               `json:"any"`
	Skip   string            `json:"-"`
	Named  map[decNamed]int8 `json:"named"`
	Plain  string
	hidden int
}

type encOmitZero struct {
	T time.Time `json:"t,omitzero"`
}

// encOmitZeroPlain has ",omitzero" on plain types (generated structs mark
// optional fields so): the direct path omits their zero values.
type encOmitZeroPlain struct {
	N     int             `json:"n,omitzero"`
	S     []int           `json:"s,omitzero"`
	P     *int            `json:"p,omitzero"`
	M     map[string]int  `json:"m,omitzero"`
	Inner struct{ X int } `json:"inner,omitzero"`
	F     float64         `json:"f,omitzero"`
}

// zeroByMethod has an IsZero method, which decides ",omitzero".
type zeroByMethod struct{ N int }

func (z zeroByMethod) IsZero() bool { return z.N < 0 }

type encOmitZeroMethod struct {
	Z zeroByMethod `json:"z,omitzero"`
}

type encDup struct {
	A string `json:"X"`
	X string
}

type encCycle struct {
	Next *encCycle `json:"next"`
}

// FromGo gives what encoding/json's text of the Go value parses to: the
// same members in the same order, the same number text, or the same error.
func TestFromGoAsEncodingJSON(t *testing.T) {
	negZero := math.Copysign(0, -1)
	cyc := &encCycle{}
	cyc.Next = cyc
	inputs := []any{
		nil, true, 0, -7, uint8(200), int64(math.MaxInt64), uint64(math.MaxUint64), 1.5, negZero, 1e20, 1e21, 1e-6, 1e-7, 123456789.125,
		float32(0.1), float32(1e20), float32(3.4e38), math.NaN(), math.Inf(1), "a<b>&\u2028é", "bad \xff", []int(nil), []int{}, []byte("hi"),
		map[string]int{"b": 2, "a": 1, "é": 3, "A": 0}, map[string]int(nil), map[decNamed]int{"z": 1, "y": 2},
		&encPlain{ID: "x", N: 0, F: negZero, Tags: nil, Attrs: map[string]any{"k": []any{1, "s", nil, map[string]any{"z": 1.25}}}, Any: 5, Skip: "no", Plain: "p", hidden: 3},
		encPlain{ID: "y", N: 3, U: 4, F: 0.5, F32: 2.5, OK: true, Tags: []string{"a"}, Next: &encPlain{ID: "z"}, Any: []any{true, nil, 1e300, float32(0.2)}, Named: map[decNamed]int8{"k": -1}},
		encPlain{Any: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, encPlain{Any: json.Number("12")}, encPlain{Any: math.NaN()},
		encPlain{Any: map[string]any{"ch": make(chan int)}}, encPlain{Any: []byte("x")}, encPlain{Any: FromInt(3)},
		encOmitZero{}, encDup{A: "a", X: "b"}, cyc, []any{1, "2", []any{}}, make(chan int), complex(1, 2), [2]int{1, 2},
		struct{ decPlain }{}, json.RawMessage(`{"raw":1}`), FromString("v"),
		encOmitZeroPlain{}, encOmitZeroPlain{N: 1, S: []int{}, P: new(int), M: map[string]int{}, F: math.Copysign(0, -1)},
		encOmitZeroPlain{Inner: struct{ X int }{1}}, encOmitZeroMethod{}, encOmitZeroMethod{Z: zeroByMethod{-1}},
	}
	direct := 0
	for _, x := range inputs {
		got, gerr := FromGo(x)
		data, werr := json.Marshal(x)
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Errorf("%#v: error %v, encoding/json %v", x, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		want, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if _, isValue := x.(Value); isValue {
			continue
		}
		if got.JSON() != want.JSON() || !Equal(got, want) {
			t.Errorf("%#v:\n got %s\nwant %s", x, got.JSON(), want.JSON())
		}
		if x != nil && encodeType(typeOf(x)) {
			if _, ok := encodeDirect(valueOf(x), 0); ok {
				direct++
			}
		}
	}
	if direct < 20 {
		t.Errorf("%d values took the direct way, want at least 20", direct)
	}
	// Generated structs mark optional fields ",omitzero": they take the
	// direct way, unless an IsZero method decides.
	if !encodeType(typeOf(encOmitZeroPlain{})) || encodeType(typeOf(encOmitZeroMethod{})) {
		t.Errorf("direct: %v for ,omitzero on plain types (want true), %v with an IsZero method (want false)",
			encodeType(typeOf(encOmitZeroPlain{})), encodeType(typeOf(encOmitZeroMethod{})))
	}
}

func typeOf(x any) reflect.Type   { return reflect.TypeOf(x) }
func valueOf(x any) reflect.Value { return reflect.ValueOf(x) }
