package value

import "testing"

func TestJS(t *testing.T) {
	tests := []struct{ in, want string }{
		{`1.0`, `1`},
		{`1E3`, `1000`},
		{`12345678901234567890`, `12345678901234567000`},
		{`-0.0`, `0`},
		{`"1.0"`, `"1.0"`},
		{`{"b": 1, "10": 2, "a": 3, "2": 4, "01": 5, "4294967295": 6, "4294967294": 7}`, `{"2":4,"10":2,"4294967294":7,"b":1,"a":3,"01":5,"4294967295":6}`},
		{`[{"x": 0.50}, 2, [3.0]]`, `[{"x":0.5},2,[3]]`},
		{`{"a": {"1": true, "0": false}}`, `{"a":{"0":false,"1":true}}`},
	}
	for _, tt := range tests {
		v, err := ParseString(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.JS().JSON(); got != tt.want {
			t.Errorf("%s.JS() = %s, want %s", tt.in, got, tt.want)
		}
		if got := v.JSON(); got == tt.want && tt.in != tt.want && v.JSON() != tt.in {
			t.Errorf("JS changed its receiver: %s", got)
		}
	}
}

func TestJSSharesWhatIsAlreadyJS(t *testing.T) {
	v, _ := ParseString(`{"a": [1, 2.5, {"b": "c"}], "d": null}`)
	r := v.JS()
	if r.obj() != v.obj() {
		t.Error("JS copied an object that was already as JSON.parse builds it")
	}
	if v.obj().js.Load() == nil || v.obj().vals[0].arr().js.Load() == nil {
		t.Error("JS did not remember its answer")
	}
	w, _ := ParseString(`{"a": [1.0], "b": [2]}`)
	r = w.JS()
	if a, _ := r.Get("a"); a.Kind() != Array || a.Items()[0].NumberText() != "1" {
		t.Errorf("a = %s", a)
	}
	if again := w.JS(); again.obj() != r.obj() {
		t.Error("JS made a second copy instead of remembering the first")
	}
	b1, _ := w.Get("b")
	b2, _ := r.Get("b")
	if b1.arr() != b2.arr() {
		t.Error("JS copied the unchanged member b")
	}
}
