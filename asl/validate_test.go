package asl

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
)

// diagText renders diagnostics one a line, as the golden files hold them.
func diagText(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestValidateGolden validates each testdata/validate/<case>.json and
// compares the diagnostics with <case>.golden. Cases named express_* are
// validated as EXPRESS workflows. Cases whose name contains "_ok" must have
// no errors; every other case must report at least one diagnostic.
func TestValidateGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "validate", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test cases in testdata/validate")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sm, err := Parse(data)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			opts := ValidateOptions{}
			if strings.HasPrefix(name, "express_") {
				opts.Type = WorkflowExpress
			}
			ds := Validate(sm, opts)
			if strings.Contains(name, "_ok") {
				if HasErrors(ds) {
					t.Errorf("want no errors, got:\n%s", diagText(ds))
				}
			} else if len(ds) == 0 {
				t.Errorf("want diagnostics, got none")
			}
			again := Validate(sm, opts)
			if diagText(again) != diagText(ds) {
				t.Errorf("Validate is not deterministic:\n%s\nthen\n%s", diagText(ds), diagText(again))
			}
			golden.Check(t, filepath.Join("testdata", "validate", name+".golden"), []byte(diagText(ds)))
		})
	}
}

// oneScopeMachine builds a one-scope state machine from states; the first state
// is StartAt.
func oneScopeMachine(states ...*State) *StateMachine {
	return &StateMachine{StartAt: states[0].Name, States: states}
}

// TestValidateModel covers rules a parsed document cannot show: model
// values only the builder can make, options, and limits.
func TestValidateModel(t *testing.T) {
	big := strings.Repeat("x", MaxPayloadBytes)
	deep := func(n int) *StateMachine {
		// n nested Parallel states.
		inner := States{{Name: "S" + strconv.Itoa(n), Type: TypeSucceed}}
		for i := n - 1; i >= 0; i-- {
			inner = States{{Name: "P" + strconv.Itoa(i), Type: TypeParallel, End: true, Branches: []*Scope{{StartAt: inner[0].Name, States: inner}}}}
		}
		return &StateMachine{StartAt: inner[0].Name, States: inner}
	}
	// many builds a chain of n Pass states with 3000-byte results.
	many := func(n int) *StateMachine {
		var ss States
		for i := range n {
			ss = append(ss, &State{Name: "S" + strconv.Itoa(i), Type: TypePass, Result: StringValue(strings.Repeat("y", 3000)), Next: "S" + strconv.Itoa(i+1)})
		}
		ss = append(ss, &State{Name: "S" + strconv.Itoa(n), Type: TypeSucceed})
		return &StateMachine{StartAt: "S0", States: ss}
	}
	tests := []struct {
		name string
		sm   *StateMachine
		opts ValidateOptions
		want string
	}{
		{"nil machine", nil, ValidateOptions{}, "MISSING_DESCRIPTION: The state machine definition is missing; give a document with StartAt and States at /\n"},
		{"bad type option", oneScopeMachine(&State{Name: "A", Type: TypeSucceed}), ValidateOptions{Type: "express"},
			"SCHEMA_VALIDATION_FAILED: Unknown workflow type \"express\" (did you mean \"EXPRESS\"?); use \"STANDARD\" or \"EXPRESS\" at /\n"},
		{"nil state", &StateMachine{StartAt: "A", States: States{{Name: "A", Type: TypeSucceed}, nil}}, ValidateOptions{},
			"SCHEMA_VALIDATION_FAILED: State 1 of the state machine is missing (nil); remove it at /States/1\n"},
		{"duplicate in one container", oneScopeMachine(&State{Name: "A", Type: TypePass, Next: "B"}, &State{Name: "B", Type: TypeSucceed}, &State{Name: "A", Type: TypeSucceed}), ValidateOptions{},
			"DUPLICATE_STATE_NAME: State name \"A\" appears twice in the same States object; rename one of them at /States/A\n"},
		{"empty state name", &StateMachine{StartAt: "", States: States{{Name: "", Type: TypeSucceed}}}, ValidateOptions{},
			"SCHEMA_VALIDATION_FAILED: Field 'StartAt' is required: name the first state of the state machine at /StartAt\n" +
				"INVALID_STATE_NAME: State name is empty: give the state a name of 1 to 80 characters at /States/\n"},
		{"extra field", oneScopeMachine(&State{Name: "A", Type: TypeSucceed, Extra: []Member{{Key: "Foo/Bar", Value: IntValue(1)}}}), ValidateOptions{},
			"warning: SCHEMA_VALIDATION_FAILED: Field 'Foo/Bar' is not modelled by goasl; passed through unchecked. Check it with validate-state-machine-definition at /States/A/Foo~1Bar\n"},
		{"unknown operator", oneScopeMachine(&State{Name: "C", Type: TypeChoice, Default: "S", Choices: []*ChoiceRule{{Variable: "$.x", Next: "S", Comparisons: []Comparison{{Operator: "NumericEqual", Value: IntValue(1)}}}}}, &State{Name: "S", Type: TypeSucceed}), ValidateOptions{},
			"SCHEMA_VALIDATION_FAILED: \"NumericEqual\" is not a Choice comparison operator (did you mean \"NumericEquals\"?) at /States/C/Choices/0/NumericEqual\n"},
		{"nil rule, retrier, catcher, branch", oneScopeMachine(
			&State{Name: "C", Type: TypeChoice, Default: "P", Choices: []*ChoiceRule{nil}},
			&State{Name: "P", Type: TypeParallel, Branches: []*Scope{nil}, Retry: []*Retrier{nil}, Catch: []*Catcher{nil}, End: true}), ValidateOptions{},
			"SCHEMA_VALIDATION_FAILED: The Choice rule is not an object; give a rule object at /States/C/Choices/0\n" +
				"SCHEMA_VALIDATION_FAILED: Branch 0 is not an object: give {\"StartAt\": ..., \"States\": {...}} at /States/P/Branches/0\n" +
				"SCHEMA_VALIDATION_FAILED: Retrier 0 is not an object; give {\"ErrorEquals\": [...]} at /States/P/Retry/0\n" +
				"SCHEMA_VALIDATION_FAILED: Catcher 0 is not an object; give {\"ErrorEquals\": [...], \"Next\": ...} at /States/P/Catch/0\n"},
		{"branch with ProcessorConfig", oneScopeMachine(&State{Name: "P", Type: TypeParallel, End: true, Branches: []*Scope{{StartAt: "S", States: States{{Name: "S", Type: TypeSucceed}}, ProcessorConfig: &ProcessorConfig{Mode: ModeInline}}}}), ValidateOptions{},
			"SCHEMA_VALIDATION_FAILED: Field 'ProcessorConfig' is not supported in a Parallel branch; remove it at /States/P/Branches/0/ProcessorConfig\n"},
		{"too deeply nested", deep(4), ValidateOptions{MaxDepth: 3},
			"TOO_DEEPLY_NESTED: The states are too deeply nested: more than 3 nested state containers; flatten the workflow or move the inner part into its own state machine (states:startExecution) at /States/P0/Branches/0/States/P1/Branches/0/States/P2/Branches/0\n"},
		{"nested within limit", deep(3), ValidateOptions{MaxDepth: 4}, ""},
		{"literal too large", oneScopeMachine(&State{Name: "P", Type: TypePass, Result: StringValue(big), End: true}), ValidateOptions{},
			"LIMIT_EXCEEDED: Field 'Result' is a 262146-byte literal, more than the 256 KiB (262144 bytes) payload quota; keep large data in S3 and pass a reference at /States/P/Result\n"},
		{"assign too large", oneScopeMachine(&State{Name: "P", Type: TypePass, Assign: ObjectValue(Member{Key: "a", Value: StringValue(big[:200000])}, Member{Key: "b", Value: StringValue(big[:100000])}), End: true}), ValidateOptions{},
			"LIMIT_EXCEEDED: Field 'Assign' holds 300004 bytes of literals, more than the 256 KiB (262144 bytes) one Assign may set; split the assignments over several states or keep the data in the payload at /States/P/Assign\n"},
		{"variable too large", oneScopeMachine(&State{Name: "P", Type: TypePass, Assign: ObjectValue(Member{Key: "a", Value: StringValue(big)}), End: true}), ValidateOptions{},
			"LIMIT_EXCEEDED: Variable 'a' is assigned a 262146-byte literal, more than the 256 KiB (262144 bytes) a variable may hold; keep large data in the payload or in S3 at /States/P/Assign/a\n" +
				"LIMIT_EXCEEDED: Field 'Assign' holds 262146 bytes of literals, more than the 256 KiB (262144 bytes) one Assign may set; split the assignments over several states or keep the data in the payload at /States/P/Assign\n"},
		{"definition near the limit", many(320), ValidateOptions{},
			"warning: DEFINITION_TOO_LARGE: The definition is 975515 bytes as deployed (compact UTF-8 JSON), within 10% of the 1 MB quota (1048576 bytes), which the API request (with its headers and other parameters) must also fit; move large literals to the input or split the workflow at /\n"},
		{"definition too large", many(400), ValidateOptions{},
			"DEFINITION_TOO_LARGE: The definition is 1219435 bytes as deployed (compact UTF-8 JSON), more than the 1 MB quota (1048576 bytes); move large literals to the input or split the workflow into several state machines at /\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := diagText(Validate(tc.sm, tc.opts))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// matrixRow is one field of the §3.0 matrix, transcribed from the checklist
// (plus each type's own fields from §3.1–3.8): the types that take the
// field in JSONPath and in JSONata.
type matrixRow struct {
	field  string
	jp, ja string // space-separated state types
	set    func(*State)
}

const (
	matrixAllTypes    = "Task Parallel Map Pass Wait Choice Succeed Fail"
	matrixNotFail     = "Task Parallel Map Pass Wait Choice Succeed"
	matrixFlowTypes   = "Task Parallel Map Pass Wait"
	matrixResultTypes = "Task Parallel Map"
)

var matrixRows = []matrixRow{
	{"InputPath", matrixNotFail, "", func(s *State) { s.InputPath = PathValue("$") }},
	{"OutputPath", matrixNotFail, "", func(s *State) { s.OutputPath = PathValue("$") }},
	{"Parameters", "Task Parallel Map Pass", "", func(s *State) { s.Parameters = ObjectValue() }},
	{"ResultSelector", matrixResultTypes, "", func(s *State) { s.ResultSelector = ObjectValue() }},
	{"ResultPath", "Task Parallel Map Pass", "", func(s *State) { s.ResultPath = PathValue("$.r") }},
	{"Arguments", "", "Task Parallel", func(s *State) { s.Arguments = ObjectValue() }},
	{"Output", "", matrixNotFail, func(s *State) { s.Output = ObjectValue() }},
	{"Assign", "Task Parallel Map Pass Wait Choice", "Task Parallel Map Pass Wait Choice", func(s *State) { s.Assign = ObjectValue() }},
	{"Retry", matrixResultTypes, matrixResultTypes, func(s *State) { s.Retry = []*Retrier{{ErrorEquals: []string{"States.ALL"}}} }},
	{"Catch", matrixResultTypes, matrixResultTypes, func(s *State) { s.Catch = []*Catcher{{ErrorEquals: []string{"States.ALL"}, Next: "Z"}} }},
	{"TimeoutSeconds", "Task", "Task", func(s *State) { s.TimeoutSeconds = IntValue(10) }},
	{"HeartbeatSeconds", "Task", "Task", func(s *State) { s.HeartbeatSeconds = IntValue(5) }},
	{"TimeoutSecondsPath", "Task", "", func(s *State) { s.TimeoutSecondsPath = "$.t" }},
	{"HeartbeatSecondsPath", "Task", "", func(s *State) { s.HeartbeatSecondsPath = "$.h" }},
	{"Resource", "Task", "Task", func(s *State) { s.Resource = "arn:aws:states:::lambda:invoke" }},
	{"Credentials", "Task", "Task", func(s *State) {
		s.Credentials = ObjectValue(Member{Key: "RoleArn", Value: StringValue("arn:aws:iam::123456789012:role/r")})
	}},
	{"Result", "Pass", "", func(s *State) { s.Result = IntValue(1) }},
	{"Next", matrixFlowTypes, matrixFlowTypes, func(s *State) { s.Next = "Z"; s.End = false }},
	{"End", matrixFlowTypes, matrixFlowTypes, func(s *State) { s.End = true; s.Next = "" }},
	{"Seconds", "Wait", "Wait", func(s *State) { s.Seconds = IntValue(1) }},
	{"SecondsPath", "Wait", "", func(s *State) { s.SecondsPath = "$.s" }},
	{"Timestamp", "Wait", "Wait", func(s *State) { s.Timestamp = "2016-03-14T01:59:00Z" }},
	{"TimestampPath", "Wait", "", func(s *State) { s.TimestampPath = "$.t" }},
	{"Default", "Choice", "Choice", func(s *State) { s.Default = "Z" }},
	{"Error", "Fail", "Fail", func(s *State) { s.Error = "E" }},
	{"Cause", "Fail", "Fail", func(s *State) { s.Cause = "C" }},
	{"ErrorPath", "Fail", "", func(s *State) { s.ErrorPath = "$.e" }},
	{"CausePath", "Fail", "", func(s *State) { s.CausePath = "$.c" }},
	{"Branches", "Parallel", "Parallel", func(s *State) {
		s.Branches = []*Scope{{StartAt: "B", States: States{{Name: "B", Type: TypeSucceed}}}}
	}},
	{"Items", "", "Map", func(s *State) { s.Items = ArrayValue() }},
	{"ItemsPath", "Map", "", func(s *State) { s.ItemsPath = "$.items" }},
	{"ItemSelector", "Map", "Map", func(s *State) { s.ItemSelector = ObjectValue() }},
	{"MaxConcurrency", "Map", "Map", func(s *State) { s.MaxConcurrency = IntValue(1) }},
	{"MaxConcurrencyPath", "Map", "", func(s *State) { s.MaxConcurrencyPath = "$.m" }},
	{"ItemProcessor", "Map", "Map", func(s *State) {
		s.ItemProcessor = &Scope{StartAt: "I", States: States{{Name: "I", Type: TypeSucceed}}}
	}},
}

// minimalState returns a valid state of type t (name "A", moving on to
// "Z" where the type takes Next) in language lang.
func minimalState(t StateType, lang QueryLanguage) *State {
	s := &State{Name: "A", Type: t, QueryLanguage: lang}
	switch t {
	case TypeTask:
		s.Resource = "arn:aws:states:::lambda:invoke"
	case TypeWait:
		s.Seconds = IntValue(1)
	case TypeChoice:
		s.Choices = []*ChoiceRule{{Next: "Z", Variable: "$.x", Comparisons: []Comparison{{Operator: IsPresent, Value: BoolValue(true)}}}}
		if lang == JSONata {
			s.Choices = []*ChoiceRule{{Next: "Z", Condition: BoolValue(true)}}
		}
	case TypeParallel:
		s.Branches = []*Scope{{StartAt: "B", States: States{{Name: "B", Type: TypeSucceed}}}}
	case TypeMap:
		s.ItemProcessor = &Scope{StartAt: "I", States: States{{Name: "I", Type: TypeSucceed}}}
	}
	if strings.Contains(matrixFlowTypes, string(t)) {
		s.Next = "Z"
	}
	return s
}

// TestValidateFieldMatrix checks every state type × field × query
// language cell of the checklist's §3.0 matrix: a minimal valid state with
// the field added must be accepted when the matrix says ✓, and rejected at
// the field's pointer with AWS's message when it says –.
func TestValidateFieldMatrix(t *testing.T) {
	types := strings.Fields(matrixAllTypes)
	cells := 0
	for _, lang := range []QueryLanguage{JSONPath, JSONata} {
		for _, typ := range types {
			base := minimalState(StateType(typ), lang)
			if ds := Validate(oneScopeMachine(base, &State{Name: "Z", Type: TypeSucceed}), ValidateOptions{}); HasErrors(ds) && ds[0].Pointer != "/States/Z" {
				t.Fatalf("minimal %s %s state is not valid:\n%s", lang, typ, diagText(ds))
			}
			for _, row := range matrixRows {
				cells++
				st := minimalState(StateType(typ), lang)
				if typ == "Wait" && strings.Contains(" Seconds SecondsPath Timestamp TimestampPath ", " "+row.field+" ") {
					st.Seconds = Value{} // the field replaces the minimal Seconds
				}
				row.set(st)
				var ds []Diagnostic // the diagnostics about state A
				for _, d := range Validate(oneScopeMachine(st, &State{Name: "Z", Type: TypeSucceed}), ValidateOptions{}) {
					if strings.HasPrefix(d.Pointer, "/States/A") {
						ds = append(ds, d)
					}
				}
				allowedIn := row.jp
				if lang == JSONata {
					allowedIn = row.ja
				}
				allowed := strings.Contains(" "+allowedIn+" ", " "+typ+" ")
				p := "/States/A/" + row.field
				var found *Diagnostic
				for i := range ds {
					if ds[i].Pointer == p && ds[i].Severity == SeverityError {
						found = &ds[i]
						break
					}
				}
				if allowed {
					if HasErrors(ds) {
						t.Errorf("%s %s with %s: want accepted, got:\n%s", lang, typ, row.field, diagText(ds))
					}
					continue
				}
				otherIn := row.ja
				if lang == JSONata {
					otherIn = row.jp
				}
				var want string
				if strings.Contains(" "+otherIn+" ", " "+typ+" ") {
					other := JSONata
					if lang == JSONata {
						other = JSONPath
					}
					want = "The QueryLanguage is set to '" + string(lang) + "', but field '" + row.field + "' is only supported for the '" + string(other) + "' QueryLanguage"
				} else {
					want = "Field '" + row.field + "' is not supported"
				}
				if found == nil || found.Code != CodeSchema || !strings.HasPrefix(found.Message, want) {
					t.Errorf("%s %s with %s: want %q at %s, got:\n%s", lang, typ, row.field, want, p, diagText(ds))
				}
			}
		}
	}
	t.Logf("field matrix: %d cells", cells)
}

// corpusExceptions are corpus files that parse but are not valid, each
// with the reason.
var corpusExceptions = map[string]string{
	"localstack/templates-json/assign/statemachines/task_retry_reference_exception.json":                   "deliberately invalid LocalStack test: variables and paths in Retry fields and a path as Resource",
	"localstack/templates-json/base/statemachines/invalid_der.json":                                        "deliberately invalid LocalStack test: empty States",
	"localstack/templates-json/validation/statemachines/invalid_base_no_startat.json":                      "deliberately invalid LocalStack test: no StartAt",
	"localstack/templates-json/validation/statemachines/invalid_downgrade_query_language.json":             "deliberately invalid LocalStack test: JSONPath state under a JSONata top level",
	"localstack/templates-json/test_state/statemachines/base_invalid_state_definition.json":                "deliberately invalid LocalStack TestState input: unknown Type",
	"localstack/templates-json/test_state/statemachines/base_map_state_machine_choice_fail.json":           "LocalStack TestState input whose StartAt names a state it does not contain",
	"localstack/templates-json/credentials/statemachines/empty_credentials.json":                           "deliberately invalid LocalStack test (test_invalid_credentials_field): empty Credentials",
	"localstack/templates-json/credentials/statemachines/invalid_credentials_field.json":                   "deliberately invalid LocalStack test (test_invalid_credentials_field): unknown Credentials field",
	"localstack/templates-json/scenarios/statemachines/map_state_label_invalid_char_fail.json":             "deliberately invalid LocalStack test: Label with '{'",
	"localstack/templates-json/scenarios/statemachines/map_state_label_too_long_fail.json":                 "deliberately invalid LocalStack test: 41-character Label",
	"localstack/templates-json/scenarios/statemachines/map_state_label_empty_fail.json":                    "deliberately invalid LocalStack test: empty Label",
	"localstack/templates-json/errorhandling/statemachines/task_lambda_invoke_catch_tbd.json":              "LocalStack placeholder: the test fills the empty ErrorEquals (and Resource _tbd_) before AWS sees it",
	"localstack/templates-json/errorhandling/statemachines/task_service_lambda_invoke_catch_tbd.json":      "LocalStack placeholder: the test fills the empty ErrorEquals before AWS sees it",
	"localstack/templates-json/scenarios/statemachines/escape_sequences_illegal_intrinsic_function.json":   "deliberately invalid: AWS rejects the \\\" escape in an intrinsic string (snapshot: SCHEMA_VALIDATION_FAILED)",
	"localstack/templates-json/scenarios/statemachines/escape_sequences_illegal_intrinsic_function_2.json": "deliberately invalid: AWS rejects the \\\" escape in an intrinsic string (snapshot: SCHEMA_VALIDATION_FAILED)",
	"other/coinbase-step/examples__all_types.json":                                                         "coinbase/step example: unreachable states, dangling targets, a Parallel without Branches, Resource \"asd\"",
	"other/coinbase-step/examples__bad_path.json":                                                          "coinbase/step example, intentionally bad: ResultPath \"$.\"",
	"other/coinbase-step/examples__bad_type.json":                                                          "coinbase/step example, intentionally bad: unknown Type",
	"other/coinbase-step/examples__bad_unknown_state.json":                                                 "coinbase/step example, intentionally bad: StartAt names no state",
	"other/coinbase-step/examples__basic_choice.json":                                                      "coinbase/step example: a fragment whose states go to a missing NextState",
	"other/coinbase-step/examples__builder.json":                                                           "coinbase/step dialect: go:// resources, Type \"Success\", a dangling Default",
	"other/coinbase-step/examples__deployer.json":                                                          "coinbase/step dialect: go:// resources",
	"other/coinbase-step/examples__step_deployer.json":                                                     "coinbase/step dialect: empty Resource filled at deploy time, Type \"Success\"",
	"other/coinbase-step/examples__taskfn.json":                                                            "coinbase/step dialect: Type \"TaskFn\"",
}

// localstackPlaceholder matches LocalStack's test placeholders (__tbd__, _TBD_,
// __tbc__, %NAME%), which its tests replace before AWS sees the file.
var localstackPlaceholder = regexp.MustCompile(`(?i)"_{1,2}tb[dc]_{1,2}"|"%[A-Z_]+%"`)

// TestValidateCorpus validates every corpus file that parses and requires
// no errors, except the files listed in corpusExceptions and files whose
// every error is about a LocalStack placeholder value.
func TestValidateCorpus(t *testing.T) {
	dir := testcorpus.Dir(t)
	files := testcorpus.StateMachines(t, dir)
	parsed, clean, excused := 0, 0, 0
	listed := map[string]bool{} // exceptions found among the parsed files
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		sm, err := Parse(data)
		if err != nil {
			continue
		}
		parsed++
		reason, isListed := corpusExceptions[f]
		listed[f] = isListed
		ds := Validate(sm, ValidateOptions{})
		if !HasErrors(ds) {
			clean++
			if isListed {
				t.Errorf("%s is listed as invalid (%s) but has no errors: remove it from corpusExceptions", f, reason)
			}
			continue
		}
		if isListed {
			excused++
			continue
		}
		onlyPlaceholders := true
		for _, d := range ds {
			if d.Severity == SeverityError && !localstackPlaceholder.MatchString(d.Message) {
				onlyPlaceholders = false
			}
		}
		if onlyPlaceholders {
			excused++
			continue
		}
		t.Errorf("%s: unexpected errors:\n%s", f, diagText(ds))
	}
	for f := range corpusExceptions {
		if !listed[f] {
			t.Errorf("corpusExceptions lists %s, which is not a corpus file that parses: remove it", f)
		}
	}
	t.Logf("validate corpus: %d files, %d clean", parsed, clean)
	t.Logf("validate corpus: %d invalid files excused (listed or LocalStack placeholders)", excused)
}

// BenchmarkValidateLarge validates a machine of 2,000 states spread over a
// Parallel and a Map, with Choice rules, payload templates and retries.
func BenchmarkValidateLarge(b *testing.B) {
	sm := largeMachine(1000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if ds := Validate(sm, ValidateOptions{}); HasErrors(ds) {
			b.Fatal(diagText(ds))
		}
	}
}

// largeMachine builds a valid machine with n states in each of two nested
// scopes.
func largeMachine(n int) *StateMachine {
	chain := func(prefix string) States {
		var ss States
		for i := range n {
			name := prefix + strconv.Itoa(i)
			next := prefix + strconv.Itoa(i+1)
			var st *State
			switch i % 3 {
			case 0:
				st = &State{Name: name, Type: TypeTask, Resource: "arn:aws:states:::lambda:invoke",
					Parameters:     ObjectValue(Member{Key: "FunctionName", Value: StringValue("f")}, Member{Key: "Payload.$", Value: StringValue("$.input")}),
					ResultSelector: ObjectValue(Member{Key: "v.$", Value: StringValue("$.Payload.v")}),
					ResultPath:     PathValue("$.r" + strconv.Itoa(i)),
					Retry:          []*Retrier{{ErrorEquals: []string{"States.ALL"}, IntervalSeconds: IntValue(1), MaxAttempts: IntValue(2), BackoffRate: FloatValue(1.5)}},
					Next:           next}
			case 1:
				st = &State{Name: name, Type: TypeChoice, Default: next, Choices: []*ChoiceRule{{Next: next,
					And: []*ChoiceRule{{Variable: "$.a", Comparisons: []Comparison{{Operator: NumericGreaterThan, Value: IntValue(3)}}},
						{Variable: "$.b", Comparisons: []Comparison{{Operator: StringMatches, Value: StringValue("x*")}}}}}}}
			default:
				st = &State{Name: name, Type: TypePass, Assign: ObjectValue(Member{Key: prefix + "v" + strconv.Itoa(i), Value: IntValue(int64(i))}), Next: next}
			}
			ss = append(ss, st)
		}
		return append(ss, &State{Name: prefix + strconv.Itoa(n), Type: TypeSucceed})
	}
	return &StateMachine{StartAt: "P", States: States{
		{Name: "P", Type: TypeParallel, Next: "M", Branches: []*Scope{{StartAt: "b0", States: chain("b")}}},
		{Name: "M", Type: TypeMap, End: true, ItemsPath: "$.items", ItemProcessor: &Scope{StartAt: "m0", States: chain("m")}},
	}}
}

// TestValidateUnwritable checks that Validate reports a model Marshal
// cannot write, at the value's pointer.
func TestValidateUnwritable(t *testing.T) {
	sm := &StateMachine{StartAt: "A", States: States{{Name: "A", Type: TypePass, Comment: "caf\xe9", End: true}}}
	var got []string
	for _, d := range Validate(sm, ValidateOptions{}) {
		got = append(got, d.String())
	}
	want := `SCHEMA_VALIDATION_FAILED: string "caf\xe9" is not valid UTF-8 (byte 0xE9 at offset 3): the state machine cannot be written as JSON, so change the value at /States/A/Comment`
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
