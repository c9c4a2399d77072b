package conformance

import (
	"strings"

	"github.com/goasl/goasl/asl/value"
)

// definition builds a case's state machine: its template, then the edits
// the LocalStack test made (the recipe). It returns why not when it
// cannot.
func (s *suite) definition(c *harnessCase) ([]byte, string) {
	if strings.Contains(c.Key, "/choice_operators/") {
		return s.choiceDefinition(c)
	}
	if len(c.Templates) == 0 {
		return nil, "no template for the test"
	}
	data, err := s.template(c.Templates[0])
	if err != nil {
		return nil, "template missing: " + c.Templates[0]
	}
	if r, ok := recipeFor(c.Key); ok {
		return r(data)
	}
	if c.Recipe == "structural" {
		return nil, "structural change by the test: no recipe written yet"
	}
	return data, ""
}

// choiceDefinition is create_and_test_comparison_function of
// choice_operators/utils.py: the operator replaces the placeholder; the
// literal operand replaces "$.Value" for operators without Path (done per
// execution in fixDefinition, as the value differs per case).
func (s *suite) choiceDefinition(c *harnessCase) ([]byte, string) {
	data, err := s.template("choiceoperators/statemachines/template.json5")
	if err != nil {
		return nil, "template missing: choiceoperators/statemachines/template.json5"
	}
	name := c.Key[strings.LastIndex(c.Key, "::test_")+len("::test_"):]
	var op strings.Builder
	for _, part := range strings.Split(name, "_") {
		if part == "" {
			continue
		}
		op.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return []byte(strings.ReplaceAll(string(data), "%ComparisonOperatorType%", op.String())), ""
}

// isChoiceLiteral reports whether the choice case puts the Value in the
// definition as a literal (add_literal_value=True).
func isChoiceLiteral(key string) bool {
	return strings.Contains(key, "/choice_operators/") && !strings.HasSuffix(key, "_path")
}

const (
	t0 = "2012-10-09T19:00:55Z"
	t1 = "2012-10-09T19:00:56Z"
)

// timestampCases are the inputs of choice_operators/test_timestamp_operators.py:
// the recording replaced the timestamps by "date".
func timestampCases(key string) [][2]any {
	base := [][2]any{{t0, t0}, {t0, t1}, {t1, t0}}
	name := key[strings.LastIndex(key, "::")+2:]
	switch name {
	case "test_timestamp_equals":
		vars := []any{nil, 0, 0.0, 1, 1.1, "", " ", "2023-02-24 12:15:56.832957", []any{}, []any{""}, map[string]any{}, map[string]any{"A": 0}, false, true}
		var out [][2]any
		for _, v := range vars {
			out = append(out, [2]any{v, t0})
		}
		return append(out, base...)
	case "test_timestamp_greater_than_path", "test_timestamp_greater_than_equals_path":
		return [][2]any{{t0, t1}}
	case "test_timestamp_less_than_path", "test_timestamp_less_than_equals_path":
		return [][2]any{{t1, t0}}
	case "test_timestamp_equals_path", "test_timestamp_greater_than", "test_timestamp_greater_than_equals",
		"test_timestamp_less_than", "test_timestamp_less_than_equals":
		return base
	}
	return nil
}

// fixInput restores inputs the recording normalised away.
func fixInput(c *harnessCase, n int, input value.Value) value.Value {
	if strings.Contains(c.Key, "test_timestamp_operators.py") {
		if cases := timestampCases(c.Key); n < len(cases) {
			v, err := value.FromGo(map[string]any{"Variable": cases[n][0], "Value": cases[n][1]})
			if err == nil {
				// Keep the key order of the recording: Variable, Value.
				vv, _ := v.Get("Variable")
				va, _ := v.Get("Value")
				return value.FromMembers(value.Member{Key: "Variable", Value: vv}, value.Member{Key: "Value", Value: va})
			}
		}
	}
	return input
}

// recipes are the structural edits of LocalStack tests, by test name.
var recipes = map[string]func([]byte) ([]byte, string){}

func recipeFor(key string) (func([]byte) ([]byte, string), bool) {
	name := key[strings.LastIndex(key, "::")+2:]
	if r, ok := recipes[name]; ok {
		return r, true
	}
	if i := strings.IndexByte(name, '['); i >= 0 {
		r, ok := recipes[name[:i]]
		return r, ok
	}
	return nil, false
}
