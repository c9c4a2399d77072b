package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// TestParseYAMLCorpus reads every .asl.yaml file of the corpus and checks
// that it gives the same JSON as its converted twin in yaml-converted/.
func TestParseYAMLCorpus(t *testing.T) {
	dir := filepath.Join(testcorpus.Dir(t), "workflows-collection")
	files, err := filepath.Glob(filepath.Join(dir, "*.asl.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no .asl.yaml files under %s", dir)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			twin, err := os.ReadFile(filepath.Join(dir, "yaml-converted", strings.TrimSuffix(name, ".yaml")+".json"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ParseYAML(data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Marshal(doc.Machine)
			if err != nil {
				t.Fatal(err)
			}
			if d := jsonDiff(twin, out); d != "" {
				t.Errorf("differs from the JSON twin: %s", d)
			}
			fromJSON, err := Parse(twin)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(normalizeMachine(t, fromJSON), normalizeMachine(t, doc.Machine)) {
				t.Errorf("the model differs from the JSON twin's")
			}
		})
	}
	t.Logf("YAML corpus files: %d", len(files))
}

// normalizeMachine re-reads a machine from its canonical JSON, so that
// models compare equal when only number spelling differs.
func normalizeMachine(t *testing.T, sm *StateMachine) string {
	t.Helper()
	out, err := Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	v, err := ParseValue(out)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(v Value)
	walk = func(v Value) {
		switch v.Kind {
		case Number:
			f, _ := v.Float()
			b.WriteString(FloatValue(f).Num)
		case Array:
			b.WriteByte('[')
			for _, it := range v.Items {
				walk(it)
				b.WriteByte(',')
			}
			b.WriteByte(']')
		case Object:
			b.WriteByte('{')
			for _, m := range v.Members {
				b.WriteString(m.Key + ":")
				walk(m.Value)
				b.WriteByte(',')
			}
			b.WriteByte('}')
		default:
			s, _ := MarshalValue(v)
			b.Write(s)
		}
	}
	walk(v)
	return b.String()
}

func TestParseYAMLValues(t *testing.T) {
	in := `# comment
StartAt: A
States:
  A:
    Type: Pass
    Result:
      yes: yes
      off: no
      when: 2024-01-01
      stamp: 2024-01-01T10:00:00Z
      int: 42
      hex: 0x1F
      octal: 0o17
      exp: 1e3
      float: 2.50
      shortfloat: .5
      neg: -7
      nothing: ~
      empty:
      quoted: "0x1F"
      single: 'it''s'
      bool: true
      Bool: True
      list: [1, "two", {three: 3}]
      block: |
        line 1
        line 2
      folded: >-
        a
        b
      local: !Local "a tag of no meaning here is dropped"
      unicode: "é😀"
      ü: after
      huge: 0xFFFFFFFFFFFFFFFF
      base: &base {a: 1, b: 2}
      merged:
        <<: *base
        b: 3
        c: 4
      alias: *base
    End: true
`
	doc, err := ParseYAML([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	got, err := MarshalValue(doc.Machine.States[0].Result)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "yes": "yes",
  "off": "no",
  "when": "2024-01-01",
  "stamp": "2024-01-01T10:00:00Z",
  "int": 42,
  "hex": 31,
  "octal": 15,
  "exp": 1e3,
  "float": 2.50,
  "shortfloat": 0.5,
  "neg": -7,
  "nothing": null,
  "empty": null,
  "quoted": "0x1F",
  "single": "it's",
  "bool": true,
  "Bool": true,
  "list": [
    1,
    "two",
    {
      "three": 3
    }
  ],
  "block": "line 1\nline 2\n",
  "folded": "a b",
  "local": "a tag of no meaning here is dropped",
  "unicode": "é😀",
  "ü": "after",
  "huge": 18446744073709551615,
  "base": {
    "a": 1,
    "b": 2
  },
  "merged": {
    "b": 3,
    "c": 4,
    "a": 1
  },
  "alias": {
    "a": 1,
    "b": 2
  }
}`
	if string(got) != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, tt := range []struct{ ptr, want string }{
		{"", "2:1"},
		{"/StartAt", "2:10"},
		{"/States/A", "5:5"},
		{"/States/A/Result/when", "9:13"},
		{"/States/A/Result/list/2/three", "24:32"},
		{"/States/A/Result/unicode", "32:16"},
		{"/States/A/Result/ü", "33:11"}, // columns count bytes
		{"/States/A/Result/alias", "40:14"},
		{"/States/A/Result/alias/a", "40:14"}, // inside an alias: the alias
		{"/States/A/Result/merged/a", "37:9"}, // merged in: the mapping
		{"/States/A/End", "41:10"},
	} {
		if got := doc.Position(tt.ptr).String(); got != tt.want {
			t.Errorf("Position(%q) = %s, want %s", tt.ptr, got, tt.want)
		}
	}
}

// cfnTagHint ends the message of a CloudFormation tag in a plain ASL YAML
// file.
const cfnTagHint = "a plain ASL YAML file holds no CloudFormation expressions, they belong in a template; write the value itself or a ${Name} placeholder, or put the definition in a CloudFormation or SAM template and read it with goasl import -from-template"

func TestParseYAMLRejects(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "1:1: INVALID_JSON_DESCRIPTION: the document is empty: expected a YAML mapping with StartAt and States at /"},
		{"syntax", "StartAt: A\nStates:\n  A: [Pass\n", "3:1: INVALID_JSON_DESCRIPTION: invalid YAML: did not find expected ',' or ']' (a [ ... ] sequence that starts here is not closed, or lacks a comma) at /"},
		{"indentation of a key", "StartAt: A\nStates:\n  A:\n    Type: Pass\n   End: true\n", "3:1: INVALID_JSON_DESCRIPTION: invalid YAML: did not find expected key (check the indentation of the keys of the mapping that starts here) at /"},
		{"mapping value in a scalar", "StartAt: A\n States: {}\n", "2:1: INVALID_JSON_DESCRIPTION: invalid YAML: mapping values are not allowed in this context at /"},
		{"tab indentation", "StartAt: A\nStates:\n\tA: {}\n", "3:1: INVALID_JSON_DESCRIPTION: invalid YAML: found character that cannot start any token at /"},
		{"unknown anchor", "StartAt: *start\n", "INVALID_JSON_DESCRIPTION: invalid YAML: unknown anchor 'start' referenced at /"},
		{"two documents", "StartAt: A\n---\nStartAt: B\n", "2:1: INVALID_JSON_DESCRIPTION: a second YAML document starts here: a file holds exactly one state machine at /"},
		{"duplicate key", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n  A:\n    Type: Succeed\n", "6:3: SCHEMA_VALIDATION_FAILED: duplicate key \"A\": first at line 3, column 3, again at line 6, column 3; keys must be unique, so remove or rename one at /States/A"},
		{"unknown field", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Nxt: B\n", "5:5: SCHEMA_VALIDATION_FAILED: field \"Nxt\" is not supported in a Pass state (did you mean \"Next\"?) at /States/A/Nxt"},
		{"YAML 1.1 boolean", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: yes\n", "5:10: SCHEMA_VALIDATION_FAILED: field \"End\" must be a boolean, not a string at /States/A/End"},
		{"sequence as root", "- StartAt: A\n", "1:1: SCHEMA_VALIDATION_FAILED: a state machine must be a JSON object with StartAt and States, not an array at /"},
		{"complex key", "? [a, b]\n: 1\n", "1:3: SCHEMA_VALIDATION_FAILED: a mapping key must be a plain string, not a sequence: JSON has no other keys at /"},
		{"infinity", "StartAt: A\nTimeoutSeconds: .inf\n", "2:17: SCHEMA_VALIDATION_FAILED: .inf is not a JSON number: use a finite number, or quote it to make a string at /TimeoutSeconds"},
		{"NaN", "StartAt: A\nTimeoutSeconds: .nan\n", "2:17: SCHEMA_VALIDATION_FAILED: .nan is not a JSON number: use a finite number, or quote it to make a string at /TimeoutSeconds"},
		{"merge of a scalar", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      <<: 5\n", "6:11: SCHEMA_VALIDATION_FAILED: a merge key (<<) needs a mapping or a sequence of mappings, not a scalar at /States/A/Result"},
		{"invalid boolean, reported once", "StartAt: A\nComment: !!bool maybe\nStates:\n  A: {Type: Succeed}\n", "2:10: SCHEMA_VALIDATION_FAILED: invalid boolean \"maybe\" at /Comment"},
		{"invalid boolean in a list, reported once", "StartAt: A\nStates:\n  A: {Type: Task, Resource: x, End: true, Retry: [{ErrorEquals: [!!bool maybe]}]}\n", "3:66: SCHEMA_VALIDATION_FAILED: invalid boolean \"maybe\" at /States/A/Retry/0/ErrorEquals/0"},
		{"alias as a key", "StartAt: &k A\nStates:\n  A: {Type: Succeed}\n  *k : 1\n", "4:3: SCHEMA_VALIDATION_FAILED: a mapping key must be a plain string, not an alias: JSON has no other keys at /States"},
		{"CloudFormation !GetAtt", "StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: !GetAtt Fn.Arn\n    End: true\n", "5:15: SCHEMA_VALIDATION_FAILED: field \"Resource\" is tagged !GetAtt (CloudFormation's Fn::GetAtt): HINT at /States/A/Resource"},
		{"CloudFormation !Sub and !Ref", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Parameters:\n      Bucket: !Sub '${AWS::StackName}-b'\n      Keys: [a, !Ref Key]\n    End: true\n", "6:15: SCHEMA_VALIDATION_FAILED: field \"Bucket\" is tagged !Sub (CloudFormation's Fn::Sub): HINT at /States/A/Parameters/Bucket\n7:17: SCHEMA_VALIDATION_FAILED: item 1 of \"Keys\" is tagged !Ref (CloudFormation's Ref): HINT at /States/A/Parameters/Keys/1"},
		{"CloudFormation !Join of a sequence", "StartAt: !Join ['', [A]]\nStates: {A: {Type: Succeed}}\n", "1:10: SCHEMA_VALIDATION_FAILED: field \"StartAt\" is tagged !Join (CloudFormation's Fn::Join): HINT at /StartAt\n1:10: SCHEMA_VALIDATION_FAILED: field \"StartAt\" must be a string, not an array at /StartAt"},
		{"alias bomb", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      a: &a [x, x, x, x, x, x, x, x, x, x]\n      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "6:41: SCHEMA_VALIDATION_FAILED: the document expands to more than 500000 values through aliases at /States/A/Result/f/2/9/7/9/7/9"},
		{"alias bomb before End", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result:\n      a: &a [x, x, x, x, x, x, x, x, x, x]\n      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n    End: true\n", "6:41: SCHEMA_VALIDATION_FAILED: the document expands to more than 500000 values through aliases at /States/A/Result/f/2/9/7/9/7/9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want = strings.ReplaceAll(tt.want, "HINT", cfnTagHint)
			doc, err := ParseYAML([]byte(tt.in))
			if err == nil {
				t.Fatalf("ParseYAML succeeded: %+v", doc.Machine)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, want *asl.Error", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// FuzzParseYAML checks that ParseYAML never panics and that what it
// accepts marshals to JSON that Parse accepts.
func FuzzParseYAML(f *testing.F) {
	for _, s := range []string{"StartAt: A\nStates:\n  A: {Type: Pass, End: true}\n", "a: &x [1]\nb: *x\n", "- 1\n", "{}", "a: !Sub x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := ParseYAML(data)
		if err != nil {
			return
		}
		out, err := Marshal(doc.Machine)
		if err != nil {
			t.Fatalf("Marshal: %v", err)
		}
		if _, err := Parse(out); err != nil {
			t.Fatalf("Parse(Marshal(ParseYAML(x))): %v\n%s", err, out)
		}
	})
}

func TestParseYAMLValue(t *testing.T) {
	v, err := ParseYAMLValue([]byte("Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\"StartAt\": \"A\"}\n      Role: !GetAtt Role.Arn\n      Tags: [a, 1, true, null]\n"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := MarshalValue(v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "Resources": {
    "Machine": {
      "Type": "AWS::Serverless::StateMachine",
      "Properties": {
        "DefinitionString": {
          "Fn::Sub": "{\"StartAt\": \"A\"}\n"
        },
        "Role": {
          "Fn::GetAtt": [
            "Role",
            "Arn"
          ]
        },
        "Tags": [
          "a",
          1,
          true,
          null
        ]
      }
    }
  }
}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Every short form becomes the long form CloudFormation reads it as,
	// never the literal text (issue 11).
	for _, tt := range []struct{ in, want string }{
		{"a: !Ref Param\n", `{"a":{"Ref":"Param"}}`},
		{"a: !Ref 123\n", `{"a":{"Ref":"123"}}`},
		{"a: !GetAtt Fn.Arn\n", `{"a":{"Fn::GetAtt":["Fn","Arn"]}}`},
		{"a: !GetAtt Db.Endpoint.Address\n", `{"a":{"Fn::GetAtt":["Db","Endpoint.Address"]}}`},
		{"a: !GetAtt [Fn, Arn]\n", `{"a":{"Fn::GetAtt":["Fn","Arn"]}}`},
		{"a: !Join ['-', [x, !Ref B]]\n", `{"a":{"Fn::Join":["-",["x",{"Ref":"B"}]]}}`},
		{"a: !Select [0, !GetAZs '']\n", `{"a":{"Fn::Select":[0,{"Fn::GetAZs":""}]}}`},
		{"a: !Sub 'arn:${AWS::Partition}:s3:::b'\n", `{"a":{"Fn::Sub":"arn:${AWS::Partition}:s3:::b"}}`},
		{"a: !Condition IsProd\n", `{"a":{"Condition":"IsProd"}}`},
		{"a: !If [IsProd, 1, 2]\n", `{"a":{"Fn::If":["IsProd",1,2]}}`},
		{"a: !!str 12\n", `{"a":"12"}`},
	} {
		v, err := ParseYAMLValue([]byte(tt.in))
		if err != nil {
			t.Errorf("ParseYAMLValue(%q): %v", tt.in, err)
			continue
		}
		var b bytes.Buffer
		got, _ := MarshalValue(v)
		if err := json.Compact(&b, got); err != nil {
			t.Fatal(err)
		}
		if b.String() != tt.want {
			t.Errorf("ParseYAMLValue(%q) = %s, want %s", tt.in, b.String(), tt.want)
		}
	}
	doc, err := ParseYAMLValueDocument([]byte("a:\n  b: !GetAtt Fn.Arn\n"))
	if err != nil {
		t.Fatal(err)
	}
	if p := doc.Position("/a/b"); p.Line != 2 || p.Column != 6 {
		t.Errorf("position of /a/b = %d:%d, want 2:6", p.Line, p.Column)
	}
	for _, tt := range []struct{ in, want string }{
		{"", "1:1: INVALID_JSON_DESCRIPTION: the document is empty: expected a YAML value at /"},
		{"a: 1\na: 2\n", `2:1: SCHEMA_VALIDATION_FAILED: duplicate key "a": first at line 1, column 1, again at line 2, column 1; keys must be unique, so remove or rename one at /a`},
		{"a: 1\n---\nb: 2\n", "2:1: INVALID_JSON_DESCRIPTION: a second YAML document starts here: a file holds exactly one document at /"},
	} {
		_, err := ParseYAMLValue([]byte(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseYAMLValue(%q): got %v, want %s", tt.in, err, tt.want)
		}
	}
}
