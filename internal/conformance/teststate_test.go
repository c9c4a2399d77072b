package conformance

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/local"
)

// tsCall is one TestState call of a LocalStack test.
type tsCall struct {
	template  string // under templates-json, without .json
	input     string
	level     string
	stateName string
	mock      *local.TestStateMock
	retries   int
	match     string // the snapshot match key; "test_case_response" when ""
	// wantErr is the recorded exception text when the call is refused.
	wantErr string
	context string        // the context object given, JSON
	handler local.Handler // answers the Task (state "State") when there is no mock
	// recordedResponse names the key whose recorded output the handler
	// returns as the integration's whole response.
	recordedResponse string

	edit func(def value.Value) value.Value
}

// tsRecipe returns the calls of a test for its parameter id.
type tsRecipe func(param string) ([]tsCall, string)

const (
	helloInput  = `{"Value": "HelloWorld"}`
	nestedInput = `{"initialData": {"fieldFromInput": "value from input", "otherField": "other"}, "unrelatedData": {"someOtherField": 1234}}`
	choiceInput = `{"type": "Private", "value": 22}`
)

// baseBindings is BASE_TEMPLATE_INPUT_BINDINGS of test_test_state_scenarios.py.
var baseBindings = map[string]string{
	"BASE_PASS_STATE":        helloInput,
	"BASE_RESULT_PASS_STATE": helloInput,
	"IO_PASS_STATE":          nestedInput,
	"IO_RESULT_PASS_STATE":   nestedInput,
	"BASE_FAIL_STATE":        helloInput,
	"BASE_SUCCEED_STATE":     helloInput,
	"BASE_CHOICE_STATE":      choiceInput,
}

func inspectionLevel(level string) tsRecipe {
	return func(param string) ([]tsCall, string) {
		in, ok := baseBindings[param]
		if !ok {
			return nil, "unknown parameter " + param
		}
		return []tsCall{{template: "test_state/statemachines/" + strings.ToLower(param), input: in, level: level}}, ""
	}
}

// tsRecipes are written from tests/aws/services/stepfunctions/v2/test_state.
var tsRecipes = map[string]tsRecipe{
	"test_base_inspection_level_info":  inspectionLevel("INFO"),
	"test_base_inspection_level_debug": inspectionLevel("DEBUG"),
	"test_base_inspection_level_trace": inspectionLevel("TRACE"),
	// test_test_state_mock_scenarios.py
	"test_base_lambda_service_task_mock_success": mocked("base_lambda_service_task_state", `{"FunctionName": "<lambda_function_name>", "Payload": null}`, `{"Payload": "function output", "SdkHttpMetadata": {"HttpStatusCode": 200}}`),
	"test_io_dynamodb_service_task_mock_success": func(param string) ([]tsCall, string) {
		t := map[string]string{"base": "base_dynamodb_service_task_state", "io": "io_dynamodb_service_task_state", "io_output_path": "io_output_path_dynamodb_service_task_state"}[param]
		return mocked(t, `{"TableName": "<table_name>", "Item": {"data": {"S": "HelloWorld"}, "id": {"S": "id1"}}}`, `{"SdkHttpMetadata": {"HttpStatusCode": 200}}`)(param)
	},
	"test_put_events_mock_success":  mocked("base_events_put_events", `{"Entries": [{"Detail": "detail", "DetailType": "detail_type", "Source": "source"}]}`, `{"Entries": [{"EventId": "e0d7f9d5-4bc6-4c7c-9d2b-2f2b5f0f8a11"}]}`),
	"test_send_sqs_message_success": mocked("base_sqs_send_message", `{"QueueUrl": "queue_url", "MessageBody": "message_body"}`, `{"MD5OfMessageBody": "<md5_of_message_body>", "MessageId": "5f7b2c3e-9a1d-4e6f-8b2a-0c4d6e8f1a3b"}`),
	"test_base_parallel_state_mock_success": func(param string) ([]tsCall, string) {
		cs, why := mocked("base_parallel_state", `{"key": "value"}`, `[{"branch1": "result"}, {"branch2": "result"}]`)(param)
		cs[0].level = param
		return cs, why
	},
	"test_io_parallel_state_mock_success": func(param string) ([]tsCall, string) {
		cs, why := mocked("io_parallel_state", `{"parallelInput": {"data": "input_value"}}`, `[{"branch1": "result"}, {"branch2": "result"}]`)(param)
		cs[0].level = param
		return cs, why
	},
	"test_io_jsonata_parallel_state_mock_success": func(param string) ([]tsCall, string) {
		cs, why := mocked("io_jsonata_parallel_state", `{"parallelInput": {"data": "input_value"}}`, `[{"branch1": "result"}, {"branch2": "result"}]`)(param)
		cs[0].level = param
		return cs, why
	},
	"test_sfn_start_execution_success": mocked("base_sfn_start_execution", `{"stateMachineArn": "arn:<partition>:states:<region>:111111111111:stateMachine:TargetStateMachine", "targetInput": null, "name": "TestStartTarget"}`,
		`{"ExecutionArn": "arn:<partition>:states:<region>:111111111111:execution:TargetStateMachine:TestStartTarget", "StartDate": "2024-01-01T00:00:00.000000"}`),
	// test_state_context_object.py
	"test_state_wait_task_context_object": func(string) ([]tsCall, string) {
		cs, _ := mocked("io_sqs_service_task_wait", `{}`, pokemon)("")
		cs[0].level, cs[0].context = "TRACE", taskContextFull
		cs[0].edit = func(def value.Value) value.Value {
			return set(def, value.FromString("https://sqs.<region>.amazonaws.com/111111111111/test-queue"), "Parameters", "QueueUrl")
		}
		return cs, ""
	},
	"test_state_map_context_object": func(param string) ([]tsCall, string) {
		lit := map[string]string{"ALL": "$$", "EXECUTION_INPUT": "$$.Execution.Input", "EXECUTION_INPUT_VALUES": "$$.Execution.Input.values"}[param]
		v, _ := value.ParseString(`["CHARIZARD", "PIKACHU", "BULBASAUR"]`)
		return []tsCall{{template: "context_object/statemachines/context_object_items_path", input: `["fire", "electricity", "grass"]`, level: "TRACE",
			context: contextFull, mock: &local.TestStateMock{Result: v}, edit: testStateOf(lit)}}, ""
	},
	"test_state_context_object_validation_failures": func(param string) ([]tsCall, string) {
		ctx := map[string]string{
			"INVALID_EXECUTION_ID_TYPE": `{"Execution": {"Id": 1}}`,
			"INVALID_MAP":               `{"Map": {}}`,
			"INVALID_EXECUTION_FIELD":   `{"Execution": {"pokemon": "squirtle"}}`,
			"INVALID_FIELD":             `{"Pokedex": {}}`,
		}[param]
		if ctx == "" {
			return nil, "unknown parameter " + param
		}
		cs, _ := mocked("base_sfn_start_execution", `{"stateMachineArn": "arn", "targetInput": null, "name": "exec_name"}`, `{"ExecutionArn": "exec_arn", "StartDate": "2025-01-15T10:30:00.000000"}`)("")
		// The expected message is the recorded exception itself.
		cs[0].level, cs[0].context, cs[0].match, cs[0].wantErr = "TRACE", ctx, "exception", "yes"
		return cs, ""
	},
	"test_state_context_object_invalid_states": func(param string) ([]tsCall, string) {
		if param != "INVALID_STATE_PASS" {
			return nil, "its template (CONTEXT_OBJECT_RESULT_PATH) is not in the corpus"
		}
		v, _ := value.ParseString(`{"pokemon": ["CHARIZARD", "PIKACHU", "BULBASAUR"]}`)
		return []tsCall{{template: "context_object/statemachines/context_object_input_path", input: `["fire", "electricity", "grass"]`, level: "TRACE",
			context: contextFull, mock: &local.TestStateMock{Result: v}, edit: testStateOf("$$"), match: "exception", wantErr: "yes"}}, ""
	},
	"test_state_task_context_object": func(string) ([]tsCall, string) {
		return nil, "its template (CONTEXT_OBJECT_RESULT_PATH) is not in the corpus"
	},
	"test_state_context_object_edge_cases": func(string) ([]tsCall, string) {
		return nil, "its template (CONTEXT_OBJECT_RESULT_PATH) is not in the corpus"
	},
	// test_test_state_scenarios.py: a Lambda function (LAMBDA_RETURN_BYTES_STR,
	// which returns "HelloWorld!") behind a legacy Lambda resource.
	"test_base_lambda_task_state": func(param string) ([]tsCall, string) {
		return []tsCall{{template: "test_state/statemachines/base_lambda_task_state", input: `{"inputData": "HelloWorld"}`, level: param,
			edit: func(def value.Value) value.Value {
				return def.With("Resource", value.FromString("arn:aws:lambda:us-east-1:111111111111:function:lambda_function_name"))
			},
			handler: func(context.Context, *local.Task) (value.Value, error) { return value.FromString("HelloWorld!"), nil }}}, ""
	},
	// A Lambda function (LAMBDA_ID_FUNCTION) behind lambda:invoke; the
	// service's response (headers and all) is the one recorded at level INFO.
	"test_base_lambda_service_task_state": func(param string) ([]tsCall, string) {
		return []tsCall{{template: "test_state/statemachines/base_lambda_service_task_state", input: `{"FunctionName": "<lambda_function_name>", "Payload": null}`, level: param,
			recordedResponse: "tests/aws/services/stepfunctions/v2/test_state/test_test_state_scenarios.py::TestStateCaseScenarios::test_base_lambda_service_task_state[INFO]"}}, ""
	},
	// These tests' templates are JSONata states: they compile only once the
	// evaluator lands.
	"test_base_map_state_inspect_trace": jsonataTemplate("test_state/statemachines/base_map_state"),
	"test_map_state_failure_count": func(param string) ([]tsCall, string) {
		_, tmpl, _ := strings.Cut(param, "-")
		return jsonataTemplate("test_state/statemachines/" + strings.ToLower(tmpl))(param)
	},
	"test_state_with_variables": func(param string) ([]tsCall, string) {
		t := map[string]string{"base_expressions": "base_expr", "empty_variables": "base_literals"}[param]
		return []tsCall{{template: "outputdecl/statemachines/" + t, input: `{"input_values": [1, 2, 3]}`, stateName: "State0", level: "TRACE"}}, ""
	},
	// test_field_validation_mode*.py: fields outside the API's spec pass
	// through, whatever the validation mode.
	"test_strict_mode_mock_result_field_not_in_api_spec":  fieldsNotInSpec,
	"test_present_mode_mock_result_field_not_in_api_spec": fieldsNotInSpec,
	// test_test_state_machine_scenarios.py
	"test_base_state_name": func(param string) ([]tsCall, string) {
		level, tmpl, _ := strings.Cut(param, "-")
		state := map[string]string{"BASE_PASS_STATE_MACHINE": "State0", "BASE_FAIL_STATE_MACHINE": "State0", "BASE_MAP_STATE_MACHINE": "HandleItem"}[tmpl]
		if state == "" {
			return nil, "unknown parameter " + param
		}
		return []tsCall{{template: "test_state/statemachines/" + strings.ToLower(tmpl), input: helloInput, level: level, stateName: state}}, ""
	},
	"test_base_state_name_multi_state": func(param string) ([]tsCall, string) {
		level, state, _ := strings.Cut(param, "-")
		return []tsCall{{template: "test_state/statemachines/base_multi_state_machine", input: helloInput, level: level, stateName: state}}, ""
	},
	"test_base_state_name_validation_failures": func(param string) ([]tsCall, string) {
		state := map[string]string{"dne": "dne", "invalid": `"invalid"`}[param]
		if state == "" {
			return nil, "the empty state name is refused by the AWS SDK client (boto's parameter validation), before any service"
		}
		return []tsCall{{template: "test_state/statemachines/base_pass_state_machine", input: helloInput, stateName: state, match: "exception", wantErr: "State not found in definition"}}, ""
	},
}

// usesJSONata reports whether a test's templates (from the corpus index)
// declare the JSONata query language.
func (s *suite) usesJSONata(key string) bool {
	if s.index == nil {
		s.index = map[string][]string{}
		data, err := os.ReadFile(filepath.Join(s.dir, "index", "template_tests.json"))
		if err == nil {
			var idx struct {
				Index map[string][]struct {
					Test string `json:"test"`
				} `json:"index"`
			}
			if json.Unmarshal(data, &idx) == nil {
				for tmpl, tests := range idx.Index {
					for _, t := range tests {
						s.index[t.Test] = append(s.index[t.Test], tmpl)
					}
				}
			}
		}
	}
	test := key
	if i := strings.IndexByte(test, '['); i >= 0 {
		test = test[:i]
	}
	for _, tmpl := range s.index[test] {
		data, err := s.template(tmpl)
		if err == nil && strings.Contains(string(data), `"JSONata"`) {
			return true
		}
	}
	return false
}

// The context objects of test_state_context_object.py.
const (
	contextFull     = `{"Execution": {"Id": "arn:aws:states:::execution:MyStateMachine:execution-name-12345", "Input": {"input-value": 0, "message": "test data", "values": ["charizard", "pikachu", "bulbasaur"]}, "Name": "execution-name-12345", "RoleArn": "arn:aws:iam:::role/StepFunctionsRole", "StartTime": "2025-01-15T10:30:00.000Z"}, "State": {"EnteredTime": "2025-01-15T10:30:01.500Z", "Name": "MyTaskState", "RetryCount": 0}, "StateMachine": {"Id": "arn:aws:states:::stateMachine:MyStateMachine", "Name": "MyStateMachine"}}`
	taskContextFull = `{"Execution": {"Id": "arn:aws:states:::execution:MyStateMachine:execution-name-12345", "Input": {"input-value": 0, "message": "test data", "values": ["charizard", "pikachu", "bulbasaur"]}, "Name": "execution-name-12345", "RoleArn": "arn:aws:iam:::role/StepFunctionsRole", "StartTime": "2025-01-15T10:30:00.000Z"}, "State": {"EnteredTime": "2025-01-15T10:30:01.500Z", "Name": "MyTaskState", "RetryCount": 0}, "StateMachine": {"Id": "arn:aws:states:::stateMachine:MyStateMachine", "Name": "MyStateMachine"}, "Task": {"Token": "abcd123"}}`
	pokemon         = `{"pokemon": ["charizard", "pikachu", "bulbasaur"]}`
)

// testStateOf takes the state "TestState" out of a machine template and
// puts the context object path in its placeholder.
func testStateOf(literal string) func(value.Value) value.Value {
	return func(def value.Value) value.Value {
		st, _ := get(def, "States", "TestState")
		text := strings.ReplaceAll(st.JSON(), "%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%", literal)
		v, _ := value.ParseString(text)
		return v
	}
}

// fieldsNotInSpec is EVENTBRIDGE_VALIDATION_PASS_FIELDS_NOT_IN_SPEC.
func fieldsNotInSpec(param string) ([]tsCall, string) {
	result := map[string]string{"empty_json": `{}`, "field_not_part_of_api_spec": `{"random": "json"}`}[param]
	if result == "" {
		return nil, "unknown parameter " + param
	}
	return mocked("base_events_put_events", `{"Entries": [{"Detail": "detail", "DetailType": "detail_type", "Source": "source"}]}`, result)(param)
}

// jsonataTemplate is a call of a template whose states are JSONata.
func jsonataTemplate(template string) tsRecipe {
	return func(string) ([]tsCall, string) {
		return []tsCall{{template: template, input: `{"Values": [1, 2, 3]}`, mock: &local.TestStateMock{Result: value.FromArray(nil)}}}, ""
	}
}

// mocked is a TestState call of a test_state template with a mocked result.
func mocked(template, input, result string) tsRecipe {
	return func(string) ([]tsCall, string) {
		if template == "" {
			return nil, "unknown parameter"
		}
		v, err := value.ParseString(result)
		if err != nil {
			return nil, "harness: bad mock"
		}
		return []tsCall{{template: "test_state/statemachines/" + template, input: input, mock: &local.TestStateMock{Result: v}}}, ""
	}
}

// testStateCases replays the TestState responses (class TS of cases.tsv).
func (s *suite) testStateCases(t *testing.T) []result {
	data, err := os.ReadFile(filepath.Join(s.dir, "derived", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []result
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[1], "TS-") {
			continue
		}
		r := s.runTestState(f[0])
		if !r.outcome && strings.Contains(line, "jsonata") {
			r.jsonata = true
		}
		out = append(out, r)
	}
	return out
}

func (s *suite) runTestState(key string) result {
	res := result{key: key}
	name := key[strings.LastIndex(key, "::")+2:]
	param := ""
	if i := strings.IndexByte(name, '['); i >= 0 {
		name, param = name[:i], strings.TrimSuffix(name[i+1:], "]")
	}
	recipe, ok := tsRecipes[name]
	if !ok {
		res.reason, res.hreason = "TestState: no recipe for the test yet", "TestState"
		if s.usesJSONata(key) {
			res.jsonata = true
			res.reason = "TestState: no recipe yet; its templates use JSONata"
		}
		return res
	}
	calls, why := recipe(param)
	if why != "" {
		res.reason, res.hreason = "TestState: "+why, "TestState"
		return res
	}
	content := s.snapshot(key)
	for _, c := range calls {
		if why := s.testStateCall(c, content); why != "" {
			res.reason, res.hreason = "TestState: "+why, "TestState"
			res.jsonata = strings.Contains(why, "JSONata evaluation is not available yet")
			if k := os.Getenv("CONFORMANCE_DEBUG"); k != "" && strings.Contains(key, k) {
				fmt.Printf("== %s: %s\n", key, why)
			}
			return res
		}
	}
	// TestState has no history: the outcome is the whole response.
	res.outcome, res.history = true, true
	return res
}

func (s *suite) testStateCall(c tsCall, content map[string]json.RawMessage) string {
	data, err := s.template(c.template + ".json5")
	if err != nil {
		return "template missing: " + c.template
	}
	def, err := value.Parse(data)
	if err != nil {
		return "template does not parse"
	}
	if c.edit != nil {
		def = c.edit(def)
	}
	var m *local.Machine
	if _, ok := def.Get("States"); ok {
		sm, err := asl.Parse([]byte(def.JSON()))
		if err != nil {
			return "definition: " + firstLine(err.Error())
		}
		m, err = local.Compile(sm)
		if err != nil {
			return jsonataOr("compile: ", err)
		}
	} else {
		sm, err := asl.Parse([]byte(`{"StartAt":"State","States":{"State":` + def.JSON() + `}}`))
		if err != nil {
			return "definition: " + firstLine(err.Error())
		}
		m, err = local.CompileState(sm.States[0])
		if err != nil {
			return jsonataOr("compile: ", err)
		}
	}
	in, err := value.ParseString(c.input)
	if err != nil {
		return "harness: bad input"
	}
	level := c.level
	if level == "" {
		level = "INFO"
	}
	if c.recordedResponse != "" {
		raw := s.snapshot(c.recordedResponse)["test_case_response"]
		rec, _ := value.Parse(raw)
		out, _ := rec.Get("output")
		c.handler = func(_ context.Context, t *local.Task) (value.Value, error) {
			t.Raw = true
			return out, nil
		}
	}
	var ctxObj value.Value
	if c.context != "" {
		if ctxObj, err = value.ParseString(c.context); err != nil {
			return "harness: bad context"
		}
	}
	r, err := m.TestState(context.Background(), local.TestStateRequest{
		StateName: c.stateName, Input: in, InspectionLevel: level, Mock: c.mock, RetrierRetryCount: c.retries, Context: ctxObj,
		Options: local.Options{Partition: "<partition>", Region: "<region>", Account: "111111111111", Handlers: map[string]local.Handler{"State": c.handler}},
	})
	if c.wantErr != "" {
		var ve *local.ValidationError
		if !errors.As(err, &ve) {
			return fmt.Sprintf("got %v, want the validation error %q", err, c.wantErr)
		}
		raw := content[c.match]
		want, _ := value.Parse(raw)
		got := value.FromMembers(value.Member{Key: "exception", Value: value.FromMembers(
			value.Member{Key: "exception_typename", Value: value.FromString("ValidationException")},
			value.Member{Key: "exception_value", Value: value.FromString("An error occurred (ValidationException) when calling the TestState operation: " + ve.Message)})})
		ex, _ := got.Get("exception")
		if !value.Equal(want, ex) {
			return fmt.Sprintf("exception differs: got %s, want %s", ex.JSON(), want.JSON())
		}
		return ""
	}
	if err != nil {
		return "run error: " + firstLine(err.Error())
	}
	match := c.match
	if match == "" {
		match = "test_case_response"
	}
	raw, ok := content[match]
	if !ok {
		return "no recorded response " + match
	}
	want, err := value.Parse(raw)
	if err != nil {
		return "recorded response does not parse"
	}
	want = want.With("ResponseMetadata", value.Value{})
	got, err := value.Parse(r.JSON())
	if err != nil {
		return "response does not parse"
	}
	got = loadsOnce(got)
	if !newUnifier().value(want, got) {
		return fmt.Sprintf("response differs: got %s, want %s", firstLine(got.JSON()), firstLine(want.JSON()))
	}
	return ""
}

func jsonataOr(prefix string, err error) string {
	if strings.Contains(err.Error(), "JSONata evaluation is not available yet") {
		return "JSONata evaluation is not available yet"
	}
	return prefix + firstLine(err.Error())
}
