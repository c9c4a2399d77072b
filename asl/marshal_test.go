package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// TestMarshalRoundTrip checks that every canonical file under
// testdata/marshal comes back byte for byte from Marshal(Parse(file)), and
// compact from MarshalCompact.
func TestMarshalRoundTrip(t *testing.T) {
	files, err := filepath.Glob("testdata/marshal/*.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/marshal/*.asl.json files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sm, err := Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Marshal(sm)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, f, out)
			checkIndentStyle(t, out)
			checkCompactOf(t, f, sm, out)
		})
	}
}

// TestMarshalKeepsPathSpaces checks that paths with spaces before or after
// them (which AWS trims, and AWS's own samples deploy) come back byte for
// byte. The canonical files under testdata/marshal must also pass
// asl-validator, which rejects a leading space, so this file lives with
// the validate cases.
func TestMarshalKeepsPathSpaces(t *testing.T) {
	data, err := os.ReadFile("testdata/validate/path_spaces_ok.json")
	if err != nil {
		t.Fatal(err)
	}
	sm, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, data) {
		t.Errorf("Marshal(Parse(x)) differs from x:\n%s", golden.Diff(data, out))
	}
}

// checkIndentStyle checks that out is laid out exactly as encoding/json
// indents it (2 spaces, one element per line), with a trailing newline.
func checkIndentStyle(t *testing.T, out []byte) {
	t.Helper()
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		t.Fatal(err)
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), out) {
		t.Errorf("layout differs from json.Indent:\n%s", golden.Diff(indented.Bytes(), out))
	}
}

// TestMarshalCoverage checks that the canonical files, together with the
// Go-built machine of TestMarshalExtra, set every field of every model
// type, use every operator, and use both forms of NullablePath.
func TestMarshalCoverage(t *testing.T) {
	files, err := filepath.Glob("testdata/marshal/*.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	ops := map[Operator]bool{}
	nulls := map[string]bool{}
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path)
			}
		case reflect.Struct:
			typ := v.Type()
			if typ == reflect.TypeFor[Value]() {
				return
			}
			if typ == reflect.TypeFor[NullablePath]() {
				p := v.Interface().(NullablePath)
				if p.Null {
					nulls[path+" null"] = true
				} else if p.Set {
					nulls[path+" path"] = true
				}
				return
			}
			if typ == reflect.TypeFor[Comparison]() {
				ops[v.Interface().(Comparison).Operator] = true
			}
			for i := range typ.NumField() {
				name := typ.Name() + "." + typ.Field(i).Name
				if !v.Field(i).IsZero() {
					set[name] = true
				}
				walk(v.Field(i), name)
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sm, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		walk(reflect.ValueOf(sm), "")
	}
	walk(reflect.ValueOf(extraMachine()), "")

	var missing []string
	for _, v := range []any{StateMachine{}, State{}, Scope{}, ProcessorConfig{}, ItemReader{}, ReaderConfig{}, ItemBatcher{}, ResultWriter{}, WriterConfig{}, Retrier{}, Catcher{}, ChoiceRule{}, Comparison{}} {
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			if name := typ.Name() + "." + typ.Field(i).Name; !set[name] {
				missing = append(missing, name)
			}
		}
	}
	for _, o := range Operators {
		if !ops[o.Operator] {
			missing = append(missing, "operator "+string(o.Operator))
		}
	}
	for _, f := range []string{"State.InputPath", "State.OutputPath", "State.ResultPath", "Catcher.ResultPath"} {
		for _, form := range []string{" null", " path"} {
			if !nulls[f+form] {
				missing = append(missing, f+form)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("not covered by testdata/marshal:\n%s", strings.Join(missing, "\n"))
	}
}

// extraMachine is a machine built in Go with Extra members, which Parse
// never produces.
func extraMachine() *StateMachine {
	return &StateMachine{
		StartAt: "Call",
		States: States{{
			Name:     "Call",
			Type:     TypeTask,
			Resource: "arn:aws:states:::http:invoke",
			Arguments: ObjectValue(
				Member{"ApiEndpoint", StringValue("https://example.com/?a=1&b=<2>")},
				Member{"Method", StringValue("GET")},
			),
			End: true,
			Extra: []Member{
				{"NewField", ObjectValue(Member{"Enabled", BoolValue(true)})},
				{"Count", IntValue(3)},
				{"Ratio", FloatValue(0.25)},
				{"Big", FloatValue(1e21)},
				{"Empty", ArrayValue()},
			},
		}},
	}
}

func TestMarshalExtra(t *testing.T) {
	out, err := Marshal(extraMachine())
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/marshal/extra.golden", out)
	checkIndentStyle(t, out)
}

// TestMarshalOmits checks what unset means for each kind of field.
func TestMarshalOmits(t *testing.T) {
	sm := &StateMachine{
		Comment: "",
		StartAt: "A",
		States: States{
			{Name: "A", Type: TypePass, End: false, Next: "B", InputPath: NullablePath{}, ResultPath: PathValue(""), OutputPath: NullPath()},
			{Name: "B", Type: TypeSucceed, Choices: nil, Branches: nil, Retry: nil, Catch: nil, Comment: ""},
			{Name: "C", Type: TypeChoice, Choices: []*ChoiceRule{{And: []*ChoiceRule{}, Or: nil, Next: "A"}}},
			{Name: "D", Type: TypeTask, Retry: []*Retrier{{ErrorEquals: nil}}, Catch: []*Catcher{{ErrorEquals: []string{}}}, End: true},
		},
	}
	out, err := Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "StartAt": "A",
  "States": {
    "A": {
      "Type": "Pass",
      "ResultPath": "",
      "OutputPath": null,
      "Next": "B"
    },
    "B": {
      "Type": "Succeed"
    },
    "C": {
      "Type": "Choice",
      "Choices": [
        {
          "And": [],
          "Next": "A"
        }
      ]
    },
    "D": {
      "Type": "Task",
      "Retry": [
        {}
      ],
      "Catch": [
        {
          "ErrorEquals": []
        }
      ],
      "End": true
    }
  }
}
`
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// A machine without States: nil means absent, empty means {}.
	for _, tt := range []struct {
		sm   *StateMachine
		want string
	}{
		{&StateMachine{}, "{}\n"},
		{&StateMachine{States: States{}}, "{\n  \"States\": {}\n}\n"},
	} {
		out, err := Marshal(tt.sm)
		if err != nil || string(out) != tt.want {
			t.Errorf("Marshal(%+v) = %q, %v; want %q", tt.sm, out, err, tt.want)
		}
	}
}

func TestMarshalValue(t *testing.T) {
	tests := []struct {
		v    Value
		want string
	}{
		{NullValue(), `null`},
		{BoolValue(false), `false`},
		{NumberValue("-1.5E+10"), `-1.5E+10`},
		{IntValue(-42), `-42`},
		{FloatValue(1000000), `1000000`},
		{StringValue(""), `""`},
		{StringValue("<a href=\"x\">&</a>"), `"<a href=\"x\">&</a>"`},
		{StringValue("\x00\x1f\x7f\b\f\n\r\t\\/"), `"\u0000\u001f` + "\x7f" + `\b\f\n\r\t\\/"`},
		{StringValue("é😀\u2028"), "\"é😀\u2028\""},
		{StringValue("{% $x > 1 and $y < 2 %}"), `"{% $x > 1 and $y < 2 %}"`},
		{ArrayValue(), `[]`},
		{Value{Kind: Array}, `[]`},
		{Value{Kind: Object}, `{}`},
		{ArrayValue(IntValue(1), ArrayValue()), "[\n  1,\n  []\n]"},
		{ObjectValue(Member{"b", IntValue(1)}, Member{"a", ObjectValue()}), "{\n  \"b\": 1,\n  \"a\": {}\n}"},
	}
	for _, tt := range tests {
		got, err := MarshalValue(tt.v)
		if err != nil {
			t.Errorf("MarshalValue(%#v): %v", tt.v, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("MarshalValue(%#v) = %s, want %s", tt.v, got, tt.want)
		}
		back, err := ParseValue(got)
		if err != nil || !Equal(back, tt.v) {
			t.Errorf("ParseValue(%s) = %#v, %v; want the original value", got, back, err)
		}
	}
}

// TestMarshalRejects gives every model that cannot be written as JSON,
// with the full error.
func TestMarshalRejects(t *testing.T) {
	state := func(st *State) *StateMachine {
		st.Name = "A"
		return &StateMachine{StartAt: "A", States: States{st}}
	}
	tests := []struct {
		name string
		sm   *StateMachine
		want string
	}{
		{"nil machine", nil, "asl: cannot marshal a nil *StateMachine"},
		{"nil state", &StateMachine{States: States{{Name: "A"}, nil}}, "asl: cannot marshal /States: state 1 of States is nil"},
		{"duplicate state name", &StateMachine{States: States{{Name: "A"}, {Name: "A"}}}, `asl: cannot marshal /States/A: key "A" is written twice in one object (JSON keys must be unique)`},
		{"bad number", state(&State{Type: TypeWait, Seconds: NumberValue("1e")}), `asl: cannot marshal /States/A/Seconds: number "1e" is not a valid JSON number`},
		{"empty number", state(&State{Type: TypeWait, Seconds: Value{Kind: Number}}), `asl: cannot marshal /States/A/Seconds: number "" is not a valid JSON number`},
		{"NaN", state(&State{Type: TypePass, Result: FloatValue(nanFloat())}), `asl: cannot marshal /States/A/Result: number "NaN" is not a valid JSON number`},
		{"number with spaces", state(&State{Type: TypePass, Result: ArrayValue(NumberValue(" 1"))}), `asl: cannot marshal /States/A/Result/0: number " 1" is not a valid JSON number`},
		{"invalid UTF-8", state(&State{Type: TypePass, Comment: "caf\xe9"}), `asl: cannot marshal /States/A/Comment: string "caf\xe9" is not valid UTF-8 (byte 0xE9 at offset 3)`},
		{"invalid UTF-8 state name", &StateMachine{States: States{{Name: "\xff"}}}, `asl: cannot marshal /States/` + "\xff" + `: string "\xff" is not valid UTF-8 (byte 0xFF at offset 0)`},
		{"absent array element", state(&State{Type: TypePass, Result: ArrayValue(Value{})}), "asl: cannot marshal /States/A/Result/0: array element is absent (the zero Value): use NullValue() for JSON null"},
		{"absent member", state(&State{Type: TypePass, Parameters: ObjectValue(Member{"x", Value{}})}), "asl: cannot marshal /States/A/Parameters/x: member value is absent (the zero Value): use NullValue() for JSON null, or leave the member out"},
		{"duplicate payload key", state(&State{Type: TypePass, Parameters: ObjectValue(Member{"a/b", IntValue(1)}, Member{"a/b", IntValue(2)})}), `asl: cannot marshal /States/A/Parameters/a~1b: key "a/b" is written twice in one object (JSON keys must be unique)`},
		{"Extra repeats a field", state(&State{Type: TypePass, Next: "B", Extra: []Member{{"Next", StringValue("C")}}}), `asl: cannot marshal /States/A/Next: key "Next" is written twice in one object (JSON keys must be unique)`},
		{"unknown kind", state(&State{Type: TypePass, Result: Value{Kind: 9}}), "asl: cannot marshal /States/A/Result: value has unknown kind 9"},
		{"nil branch", state(&State{Type: TypeParallel, Branches: []*Scope{nil}}), "asl: cannot marshal /States/A/Branches/0: branch is nil"},
		{"nil rule", state(&State{Type: TypeChoice, Choices: []*ChoiceRule{{Not: &ChoiceRule{And: []*ChoiceRule{nil}}}}}), "asl: cannot marshal /States/A/Choices/0/Not/And/0: Choice rule is nil"},
		{"comparison without value", state(&State{Type: TypeChoice, Choices: []*ChoiceRule{{Variable: "$.x", Comparisons: []Comparison{{Operator: IsNull}}}}}), "asl: cannot marshal /States/A/Choices/0/IsNull: comparison IsNull has no value"},
		{"two equal operators", state(&State{Type: TypeChoice, Choices: []*ChoiceRule{{Variable: "$.x", Comparisons: []Comparison{{IsNull, BoolValue(true)}, {IsNull, BoolValue(false)}}}}}), `asl: cannot marshal /States/A/Choices/0/IsNull: key "IsNull" is written twice in one object (JSON keys must be unique)`},
		{"nil retrier", state(&State{Type: TypeTask, Retry: []*Retrier{{}, nil}}), "asl: cannot marshal /States/A/Retry/1: retrier is nil"},
		{"nil catcher", state(&State{Type: TypeTask, Catch: []*Catcher{nil}}), "asl: cannot marshal /States/A/Catch/0: catcher is nil"},
		{"bad number in a scope", state(&State{Type: TypeMap, ItemProcessor: &Scope{States: States{{Name: "B", Type: TypeTask, TimeoutSeconds: NumberValue("0x10")}}}}), `asl: cannot marshal /States/A/ItemProcessor/States/B/TimeoutSeconds: number "0x10" is not a valid JSON number`},
		{"bad number in ReaderConfig", state(&State{Type: TypeMap, ItemReader: &ItemReader{ReaderConfig: &ReaderConfig{MaxItems: NumberValue("+1")}}}), `asl: cannot marshal /States/A/ItemReader/ReaderConfig/MaxItems: number "+1" is not a valid JSON number`},
		{"bad number at the top", &StateMachine{TimeoutSeconds: NumberValue("01")}, `asl: cannot marshal /TimeoutSeconds: number "01" is not a valid JSON number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Marshal(tt.sm)
			if err == nil {
				t.Fatalf("Marshal succeeded:\n%s", out)
			}
			if out != nil {
				t.Errorf("Marshal returned output with its error")
			}
			if err.Error() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", err, tt.want)
			}
			if out, err := MarshalCompact(tt.sm); out != nil || err == nil || err.Error() != tt.want {
				t.Errorf("MarshalCompact: %q, %v; want the error\n%s", out, err, tt.want)
			}
		})
	}
	for _, tt := range []struct {
		v    Value
		want string
	}{
		{Value{}, "asl: cannot marshal /: value is absent (the zero Value)"},
		{NumberValue("1.e5"), `asl: cannot marshal /: number "1.e5" is not a valid JSON number`},
		{ObjectValue(Member{"k", NumberValue("-")}), `asl: cannot marshal /k: number "-" is not a valid JSON number`},
	} {
		if _, err := MarshalValue(tt.v); err == nil || err.Error() != tt.want {
			t.Errorf("MarshalValue(%#v): got %v, want %s", tt.v, err, tt.want)
		}
	}
}

func nanFloat() float64 {
	zero := 0.0
	return zero / zero
}

// TestMarshalDeterministic marshals the same machine many times.
func TestMarshalDeterministic(t *testing.T) {
	data, err := os.ReadFile("testdata/marshal/jsonpath.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	sm, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	first, err := Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := Marshal(sm)
		if err != nil || !bytes.Equal(again, first) {
			t.Fatalf("Marshal gave different output (err %v)", err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	sm, err := Parse(largestCorpusFile(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(sm); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMarshalErrorPointer checks that Marshal names the value it cannot
// write with a JSON pointer callers can use.
func TestMarshalErrorPointer(t *testing.T) {
	sm := &StateMachine{StartAt: "A", States: States{{Name: "A", Type: TypePass, Comment: "bad \xff", End: true}}}
	_, err := Marshal(sm)
	var merr *MarshalError
	if !errors.As(err, &merr) {
		t.Fatalf("got %T %v, want a *MarshalError", err, err)
	}
	if merr.Pointer != "/States/A/Comment" || err.Error() != "asl: cannot marshal "+merr.Pointer+": "+merr.Problem {
		t.Errorf("got pointer %q, error %q", merr.Pointer, err)
	}
}
