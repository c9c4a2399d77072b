package dslgen

import (
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
)

func TestFuncName(t *testing.T) {
	tests := map[string]string{
		"order-flow.asl.json":        "OrderFlowAslJSON",
		"order-flow":                 "OrderFlow",
		"":                           "Workflow",
		"---":                        "Workflow",
		"1st step":                   "W1stStep",
		"HelloMachine":               "HelloMachine",
		"api_gateway_url":            "APIGatewayURL",
		"état":                       "État",
		"日本":                         "W日本",
		"step-functions__sfn.asl":    "StepFunctionsSfnAsl",
		"distributed-map-csv-reader": "DistributedMapCsvReader",
	}
	for in, want := range tests {
		if got := FuncName(in); got != want {
			t.Errorf("FuncName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVarNames(t *testing.T) {
	n := names{}
	n["wf"] = true
	tests := []struct{ state, want string }{
		{"Validate Order", "validateOrder"},
		{"Validate order", "validateOrder2"},
		{"Is Valid?", "isValid"},
		{"API Call", "apiCall"},
		{"type", "typeState"},
		{"len", "lenState"},
		{"wf", "wfState"},
		{"1 first", "s1First"},
		{"!!!", "state"},
		{"!?", "state2"},
		{"Ünïcode ñame", "ünïcodeÑame"},
	}
	for _, tt := range tests {
		if got := n.take(varName(tt.state)); got != tt.want {
			t.Errorf("variable for state %q = %q, want %q", tt.state, got, tt.want)
		}
	}
}

// TestGenerateProblems checks the full message of every field the
// builders cannot express.
func TestGenerateProblems(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"fractional timeout", `{"StartAt":"A","TimeoutSeconds":1.5,"States":{"A":{"Type":"Succeed"}}}`,
			`workflow "w": /TimeoutSeconds: the number 1.5: dsl.Workflow.Timeout takes a whole number of seconds`},
		{"spaced expression", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Wait","Seconds":"{%1%}","End":true}}}`,
			`workflow "w": /States/A/Seconds: the JSONata expression "{%1%}" has spaces dsl.Expr does not keep: write it as "{% expr %}"`},
		{"field of another type", `{"StartAt":"A","States":{"A":{"Type":"Pass","Resource":"arn:x","End":true}}}`,
			`workflow "w": /States/A/Resource: a Pass state cannot have Resource: dsl's PassState has no setter for it`},
		{"empty retry", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:x","Retry":[],"End":true}}}`,
			`workflow "w": /States/A/Retry: an empty Retry array: dsl writes Retry only when there are retriers; remove the field`},
		{"empty catch", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:x","Catch":[],"End":true}}}`,
			`workflow "w": /States/A/Catch: an empty Catch array: dsl writes Catch only when there are catchers; remove the field`},
		{"assign not an object", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":"{% $x %}","End":true}}}`,
			`workflow "w": /States/A/Assign: the string "{% $x %}": dsl's Assign takes a dsl.Obj`},
		{"credentials", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:x","Credentials":{},"End":true}}}`,
			`workflow "w": /States/A/Credentials: dsl's Credentials writes {"RoleArn": ...} or {"RoleArn.$": ...} only`},
		{"retrier", `{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:x","Retry":[{"ErrorEquals":["E"],"MaxAttempts":1.5,"IntervalSeconds":0.5}],"End":true}}}`,
			"workflow \"w\": /States/A/Retry/0/IntervalSeconds: the number 0.5: Retrier.Interval takes a whole number of seconds\n" +
				`workflow "w": /States/A/Retry/0/MaxAttempts: the number 1.5: Retrier.MaxAttempts takes an int`},
		{"condition", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Condition":"{%true%}","Next":"A"}]}}}`,
			`workflow "w": /States/A/Choices/0/Condition: the string "{%true%}": dsl.Cond writes the expression as "{% expr %}"`},
		{"two kinds of rule", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"Not":{"Variable":"$.x","IsNull":true},"Next":"A"}]}}}`,
			`workflow "w": /States/A/Choices/0: a Choice rule needs exactly one of Condition, a data test (Variable and one comparison), And, Or or Not`},
		{"nested next", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.x","IsNull":true,"Next":"A"},"Next":"A"}]}}}`,
			`workflow "w": /States/A/Choices/0/Not: a nested Choice rule with Next, Assign or Output: dsl sets them on top-level rules only`},
		{"two comparisons", `{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","IsNull":true,"IsString":true,"Next":"A"}]}}}`,
			`workflow "w": /States/A/Choices/0: a data test needs a Variable and exactly one comparison operator`},
		{"processor and iterator", `{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"Iterator":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/Iterator: a Map state with both ItemProcessor and Iterator: dsl keeps one of them`},
		{"processor mode", `{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"FAST"},"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ItemProcessor/ProcessorConfig/Mode: Mode "FAST": dsl writes a ProcessorConfig with Mode INLINE or DISTRIBUTED only`},
		{"inline execution type", `{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE","ExecutionType":"EXPRESS"},"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ItemProcessor/ProcessorConfig/ExecutionType: an INLINE Map with an ExecutionType: dsl's Inline writes none`},
		{"reader payload", `{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b"}},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ItemReader/Parameters: dsl writes Arguments here, from the state's query language`},
		{"empty reader parameters", `{"StartAt":"A","States":{"A":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{}},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ItemReader/Parameters: a JSON object: dsl writes Parameters as a non-empty object`},
		{"result writer", `{"StartAt":"A","States":{"A":{"Type":"Map","ResultWriter":{"Resource":"arn:aws:states:::s3:getObject"},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ResultWriter/Resource: dsl writes a ResultWriter with s3:putObject and Bucket and Prefix (dsl.WriteResultsToS3), or with no Resource (dsl.ResultsConfig)`},
		{"writer config", `{"StartAt":"A","States":{"A":{"Type":"Map","ResultWriter":{"WriterConfig":{}},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/ResultWriter/WriterConfig: an empty WriterConfig: dsl writes WriterConfig only when a field is set; remove it`},
		{"map count", `{"StartAt":"A","States":{"A":{"Type":"Map","MaxConcurrency":2.5,"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}`,
			`workflow "w": /States/A/MaxConcurrency: the number 2.5: MaxConcurrency takes a whole number`},
		{"empty start", `{"StartAt":"","States":{"A":{"Type":"Succeed"}}}`,
			`workflow "w": /StartAt: StartAt is empty: dsl starts a scope at its first state`},
		{"empty strings", `{"Comment":"","StartAt":"A","States":{"A":{"Type":"Task","Comment":"","Resource":"arn:x","Retry":[{"ErrorEquals":["E"],"Comment":""}],"Next":"B"},"B":{"Type":"Fail","Error":"","Cause":""}}}`,
			"workflow \"w\": /Comment: field \"Comment\" is present and empty (\"\"): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value\n" +
				"workflow \"w\": /States/A/Comment: field \"Comment\" is present and empty (\"\"): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value\n" +
				"workflow \"w\": /States/A/Retry/0/Comment: field \"Comment\" is present and empty (\"\"): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value\n" +
				"workflow \"w\": /States/B/Error: field \"Error\" is present and empty (\"\"): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value\n" +
				`workflow "w": /States/B/Cause: field "Cause" is present and empty (""): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value`},
		{"unknown type", `{"StartAt":"A","States":{"A":{"Type":"Sleep"}}}`,
			`workflow "w": /States/A/Type: unknown state type "Sleep": dsl builds only the eight ASL state types`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := asl.Parse([]byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Generate("p", Workflow{Func: "W", Name: "w", Machine: sm})
			if err == nil {
				t.Fatalf("no error, want\n%s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

func TestGenerateArguments(t *testing.T) {
	sm, err := asl.Parse([]byte(`{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		pkg  string
		wfs  []Workflow
		want string
	}{
		{"package", "my-pkg", []Workflow{{Func: "W", Name: "w", Machine: sm}}, `package name "my-pkg" is not a Go identifier`},
		{"unexported", "p", []Workflow{{Func: "w", Name: "w", Machine: sm}}, `workflow "w": /: function name "w" is not an exported Go identifier`},
		{"twice", "p", []Workflow{{Func: "W", Name: "a", Machine: sm}, {Func: "W", Name: "b", Machine: sm}}, `workflow "b": /: two workflows would both be function W: give them different names`},
		{"no machine", "p", []Workflow{{Func: "W", Name: "w"}}, `workflow "w": /: no state machine`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Generate(tt.pkg, tt.wfs...)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v, want %s", err, tt.want)
			}
		})
	}
}

// TestGenerateDeterministic checks that the same input gives the same
// bytes.
func TestGenerateDeterministic(t *testing.T) {
	wfs := goldenCase(t, "orders.asl.json", false)
	first, err := Generate("p", wfs...)
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		again, err := Generate("p", wfs...)
		if err != nil {
			t.Fatal(err)
		}
		if string(again) != string(first) {
			t.Fatal("two runs gave different code")
		}
	}
	if !strings.HasPrefix(string(first), "// Imported from ASL by goasl import.\n") {
		t.Errorf("the file does not start with the import header:\n%s", first)
	}
}
