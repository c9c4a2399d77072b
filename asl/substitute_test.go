package asl

import (
	"fmt"
	"testing"
)

const placeholderMachine = `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:${Region}:123456789012:function:${Fn}",
        "Payload": {"${Fn}": "key, not a placeholder", "note.$": "States.Format('{} ${Note}', $.x)"}
      },
      "TimeoutSeconds": "${Timeout}",
      "Next": "Done"
    },
    "Done": {"Type": "Pass", "Result": {"msg": "${Msg}", "left": "${Left}"}, "End": true}
  }
}`

func TestPlaceholders(t *testing.T) {
	sm, err := Parse([]byte(placeholderMachine))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Placeholders(sm)
	if err != nil {
		t.Fatal(err)
	}
	want := "[Fn Left Msg Note Region Timeout]"
	if s := fmt.Sprint(got); s != want {
		t.Errorf("placeholders %s, want %s", s, want)
	}
}

func TestSubstitute(t *testing.T) {
	sm, err := Parse([]byte(placeholderMachine))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Substitute(sm, map[string]string{
		"Region":  "us-east-1",
		"Fn":      "charge",
		"Note":    `it's "quoted" \ and \n not a newline`,
		"Timeout": "30",
		"Msg":     `${Left} "}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {
        "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:charge",
        "Payload": {
          "${Fn}": "key, not a placeholder",
          "note.$": "States.Format('{} it's \"quoted\" \\ and \\n not a newline', $.x)"
        }
      },
      "TimeoutSeconds": "30",
      "Next": "Done"
    },
    "Done": {
      "Type": "Pass",
      "Result": {
        "msg": "${Left} \"}",
        "left": "${Left}"
      },
      "End": true
    }
  }
}
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
	if same, err := Substitute(sm, nil); err != nil || same != sm {
		t.Errorf("no values: %v, %v", same, err)
	}
}

func TestSubstituteUnknown(t *testing.T) {
	sm, err := Parse([]byte(placeholderMachine))
	if err != nil {
		t.Fatal(err)
	}
	none, err := Parse([]byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sm     *StateMachine
		values map[string]string
		want   string
	}{
		{sm, map[string]string{"Fn": "f", "Nope": "x"}, "the definition has no placeholder ${Nope}; its placeholders are ${Fn}, ${Left}, ${Msg}, ${Note}, ${Region}, ${Timeout}"},
		{sm, map[string]string{"B": "x", "A": "y"}, "the definition has no placeholders ${A}, ${B}; its placeholders are ${Fn}, ${Left}, ${Msg}, ${Note}, ${Region}, ${Timeout}"},
		{none, map[string]string{"Fn": "f"}, "the definition has no placeholder ${Fn}; it has none"},
	}
	for _, tt := range tests {
		_, err := Substitute(tt.sm, tt.values)
		if err == nil || err.Error() != tt.want {
			t.Errorf("got  %v\nwant %s", err, tt.want)
		}
		if _, ok := err.(*UnknownPlaceholderError); !ok {
			t.Errorf("error %T, want *UnknownPlaceholderError", err)
		}
	}
}
