package conformance

import (
	"fmt"
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
		name := c.Key[strings.LastIndex(c.Key, "::")+2:]
		if d, ok := inlineDefinitions[name]; ok {
			return d(), ""
		}
		// Tests that deploy a CloudFormation template recorded the
		// definition AWS returned (describe_state_machine).
		if raw, ok := s.snapshot(c.Key)["describe_statemachine"]; ok {
			if v, err := value.Parse(raw); err == nil {
				if def, ok := v.Get("definition"); ok && def.Kind() == value.Object {
					return []byte(def.JSON()), ""
				}
			}
		}
		return nil, "no template for the test"
	}
	name := s.pickTemplate(c)
	data, err := s.template(name)
	if err != nil {
		return nil, "template missing: " + name
	}
	if r, param, ok := recipeFor(c.Key); ok {
		def, err := value.Parse(data)
		if err != nil {
			return nil, "template does not parse"
		}
		def, why := r(def, param)
		if why != "" {
			return nil, why
		}
		return s.resourcesFromHistory(c, []byte(def.JSON())), ""
	}
	// Without a recipe the template runs as it is: the edits of most
	// "structural" tests only put resource ARNs in. A case that needs more
	// fails on its outcome.
	return s.resourcesFromHistory(c, data), ""
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
	// Express recordings keep no input: the tests' inputs.
	if strings.Contains(c.Key, "/express/") && strings.HasSuffix(c.Key, "::test_catch") {
		return value.FromMembers(value.Member{Key: "FunctionName", Value: value.FromString("lambda_function_name")}, value.Member{Key: "Payload", Value: value.NullValue})
	}
	if strings.Contains(c.Key, "/express/") && strings.HasSuffix(c.Key, "::test_query_runtime_memory") {
		return value.FromMembers(value.Member{Key: "message", Value: value.FromString("TestMessage")})
	}
	if _, param, _ := recipeFor(c.Key); strings.Contains(c.Key, "::test_wait_timestamp_path[") || strings.Contains(c.Key, "::test_wait_timestamp_jsonata[") {
		if ts, ok := waitTimestamps[param]; ok {
			return input.With("TimestampValue", value.FromString(ts))
		}
	}
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

// recipe is a structural edit a LocalStack test made to its template;
// param is the test's parameter id ("" when none).
type recipe func(def value.Value, param string) (value.Value, string)

// recipes are the structural edits of LocalStack tests, by test name,
// written from the test code (tests/aws/services/stepfunctions/v2 at the
// corpus commit).
var recipes = map[string]recipe{
	// base/test_base.py: template["States"]["EntryState"]["Parameters"]["item.$"] = json_path_string
	"test_json_path_array_access":                          setParam("States", "EntryState", "Parameters", "item.$"),
	"test_json_path_array_wildcard_or_slice_with_no_input": setParam("States", "EntryState", "Parameters", "item.$"),
	// context_object/test_context_object.py: the placeholder replaced by a path.
	"test_input_path":      replaceText("%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%", ""),
	"test_output_path":     replaceText("%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%", ""),
	"test_result_selector": replaceText("%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%", "$$.Execution.Input"),
	"test_variable":        replaceText("%CONTEXT_OBJECT_LITERAL_PLACEHOLDER%", "$$.Execution.Input.input-value"),
	// error_handling/test_task_*lambda.py: Catch[0].ErrorEquals.append("CustomException")
	"test_raise_custom_exception": func(def value.Value, _ string) (value.Value, string) {
		st, _ := get(def, "States", "InvokeLambda")
		catch, _ := st.Get("Catch")
		c0 := catch.Index(0)
		eq, _ := c0.Get("ErrorEquals")
		eq = value.FromArray(append(append([]value.Value(nil), eq.Items()...), value.FromString("CustomException")))
		items := append([]value.Value(nil), catch.Items()...)
		items[0] = c0.With("ErrorEquals", eq)
		return set(def, value.FromArray(items), "States", "InvokeLambda", "Catch"), ""
	},
	// template["States"]["InvokeLambda"]["OutputPath"] = output_path_value
	"test_raise_exception_catch_output_path": func(def value.Value, param string) (value.Value, string) {
		v := value.FromString(param)
		if param == "None" {
			v = value.NullValue
		}
		return set(def, v, "States", "InvokeLambda", "OutputPath"), ""
	},
	// base/test_base.py: template["States"]["State_1"]["Result"] = {...}
	"test_state_pass_result_jsonpaths": func(def value.Value, _ string) (value.Value, string) {
		v, _ := value.ParseString(`{"unsupported1.$": "$.jsonpath", "unsupported2.$": "$$"}`)
		return set(def, v, "States", "State_1", "Result"), ""
	},
	// local_mocking/test_base_scenarios.py: the function's return value.
	"test_map_state_lambda": func(def value.Value, _ string) (value.Value, string) {
		v, _ := value.ParseString(`[{"body": "string body"}]`)
		return set(def, v, "States", "StartState", "Parameters", "Values"), ""
	},
	// error_handling/test_task_service_sqs.py
	"test_sqs_failure_in_wait_for_task_tok": replaceText("<%WaitForTaskTokenFailureErrorName%>", "Failure error"),
	// evaluate_jsonata/test_base_evaluate_expressions.py:
	// template["States"]["Start"].update(expression_dict) and the like.
	"test_base_task": setStart(map[string][2]string{
		"TIMEOUT_SECONDS": {"TimeoutSeconds", `"{% $variable := 1 %}"`}, "HEARTBEAT_SECONDS": {"HeartbeatSeconds", `"{% $variable := 1 %}"`}}),
	"test_base_task_from_input": setStart(map[string][2]string{
		"TIMEOUT_SECONDS": {"TimeoutSeconds", jsonataInputValue}, "HEARTBEAT_SECONDS": {"HeartbeatSeconds", jsonataInputValue}}),
	"test_base_map": setStart(map[string][2]string{
		"ITEMS":                        {"Items", `[1, "{% $number(\"2\") %}", 3]`},
		"ITEMS_DOUBLE_QUOTES":          {"Items", `[1, "{% $number('2') %}", 3]`},
		"MAX_CONCURRENCY":              {"MaxConcurrency", `"{% $variable := 1 %}"`},
		"TOLERATED_FAILURE_PERCENTAGE": {"ToleratedFailurePercentage", `"{% $variable := 1 %}"`},
		"TOLERATED_FAILURE_COUNT":      {"ToleratedFailureCount", `"{% $variable := 1 %}"`}}),
	"test_base_map_from_input": setStart(map[string][2]string{
		"ITEMS": {"Items", jsonataInputValue}, "MAX_CONCURRENCY": {"MaxConcurrency", jsonataInputValue},
		"TOLERATED_FAILURE_PERCENTAGE": {"ToleratedFailurePercentage", jsonataInputValue},
		"TOLERATED_FAILURE_COUNT":      {"ToleratedFailureCount", jsonataInputValue}}),
	"test_base_jsonata_regular_expressions": setStart(map[string][2]string{
		"BASE":                    {"Output", `"{% $contains(\"hello$world\", /^hello\\$/) %}"`},
		"BASE_FALSE":              {"Output", `"{% $contains(\"hello$world\", /^hello\\ /) %}"`},
		"BASE_SINGLE_QUOTE":       {"Output", `"{% $contains('hello$world', /^hello\\$/) %}"`},
		"BASE_SINGLE_QUOTE_FALSE": {"Output", `"{% $contains('hello$world', /^hello\\ /) %}"`}}),
	"test_merge_with_dynamic_args": setStart(map[string][2]string{
		"": {"Output", `"{% $merge([$states.input.part1, $states.input.part2]) %}"`}}),
	// scenarios: the input is {"TimestampValue": timestamp_value} (see
	// fixInput); the key without a parameter is from an earlier version of
	// the test whose timestamp the recording normalised to "date".
	"test_wait_timestamp_jsonata": func(def value.Value, param string) (value.Value, string) {
		if param == "" {
			return def, "the recording normalised the input timestamp to \"date\" and this unparameterised version of the test is gone: the value is unknown"
		}
		return def, ""
	},
	// outputdecl/test_output.py: template["States"]["State0"]["Output"] = output_value
	"test_base_output_any_non_dict": func(def value.Value, param string) (value.Value, string) {
		lit, ok := map[string]string{"NULL": "null", "INT": "0", "FLOAT": "0.1", "BOOL": "true", "STR_LIT": `"string literal"`,
			"JSONATA_EXPR": `"{% $states.input %}"`, "LIST_EMPY": "[]",
			"LIST_RICH": `[null, 0, 0.1, true, "string", [], "$nosuchvar", "$.no.such.path", "{% $states.input %}", {"key": "{% true %}"}]`}[param]
		if !ok {
			return def, "unknown parameter " + param
		}
		v, _ := value.ParseString(lit)
		return set(def, v, "States", "State0", "Output"), ""
	},
	// scenarios/test_base_scenarios.py: definition.replace("_tbd_", f"{{% {items_literal} %}}")
	"test_map_state_items_eval_jsonata_fail":                   itemsLiteral("_tbd_", "{%% %s %%}", jsonataItemsFail),
	"test_map_state_items_eval_jsonata_variable_sampling_fail": itemsLiteral("_tbd_", "{%% %s %%}", jsonataItemsFail),
	"test_map_state_items_eval_jsonata":                        itemsLiteral("_tbd_", "{%% %s %%}", jsonataItems),
	// definition.replace('"_tbd_"', items_literal)
	"test_map_state_items_variable_sampling": itemsLiteral(`"_tbd_"`, "%s", map[string]string{
		"number": "1", "string": `"string"`, "boolean": "true", "object": `{"foo": "bar"}`, "null": "null"}),
	// callback/test_callback.py: template["States"]["SendMessageWithWait"]["HeartbeatSeconds"] = 60
	"test_sqs_wait_for_task_tok_with_heartbeat": func(def value.Value, _ string) (value.Value, string) {
		return set(def, value.FromInt(60), "States", "SendMessageWithWait", "HeartbeatSeconds"), ""
	},
	// timeouts/test_heartbeats.py: del template["States"]["SendMessageWithWait"]["TimeoutSeconds"]
	"test_heartbeat_no_timeout": func(def value.Value, _ string) (value.Value, string) {
		st, _ := get(def, "States", "SendMessageWithWait")
		return set(def, without(st, "TimeoutSeconds"), "States", "SendMessageWithWait"), ""
	},
	// services/test_aws_sdk_task_service.py: the target state machine's
	// ARN in Parameters.StateMachineArn (as the recording wrote it).
	"test_sfn_start_execution_implicit_json_serialisation": func(def value.Value, _ string) (value.Value, string) {
		arn := value.FromString("arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>")
		return set(def, arn, "States", "StartTarget", "Parameters", "StateMachineArn"), ""
	},
	// local_mocking/test_base_scenarios.py: the Lambda's ARN (as the
	// recording wrote it) and the Payload the test sets.
	"test_numbered_mock_responses_multiple_success_invocations": func(def value.Value, _ string) (value.Value, string) {
		def = set(def, value.FromString("arn:<partition>:lambda:<region>:111111111111:function:lambda_function_name"), "States", "LambdaState", "Arguments", "FunctionName")
		payload := value.FromMembers(value.Member{Key: "status", Value: value.FromString("{% $exists($status) ? 'completed' : 'running' %}")})
		return set(def, payload, "States", "LambdaState", "Arguments", "Payload"), ""
	},
	// services/test_sns_task_service.py: the unparameterised key was
	// recorded in September 2023, before LocalStack #12190 (January 2025)
	// added the "Version" attribute to the template.
	"test_publish_message_attributes": func(def value.Value, param string) (value.Value, string) {
		if param != "" {
			return def, ""
		}
		attrs, _ := get(def, "States", "Publish", "Parameters", "MessageAttributes")
		return set(def, without(attrs, "Version"), "States", "Publish", "Parameters", "MessageAttributes"), ""
	},
	// scenarios: template["States"]["WaitUntil"]["Timestamp"] = timestamp_value
	"test_wait_timestamp": func(def value.Value, param string) (value.Value, string) {
		ts, ok := waitTimestamps[param]
		if !ok {
			return def, "unknown parameter " + param
		}
		return set(def, value.FromString(ts), "States", "WaitUntil", "Timestamp"), ""
	},
}

// jsonataInputValue is EvaluateJsonataTemplate.JSONATA_STATE_INPUT_EXPRESSION.
const jsonataInputValue = `"{% $states.input.input_value %}"`

// setStart sets a field of the state "Start" per parameter: {field, JSON}.
func setStart(fields map[string][2]string) recipe {
	return func(def value.Value, param string) (value.Value, string) {
		f, ok := fields[param]
		if !ok {
			return def, "unknown parameter " + param
		}
		v, err := value.ParseString(f[1])
		if err != nil {
			return def, "recipe: " + err.Error()
		}
		return set(def, v, "States", "Start", f[0]), ""
	}
}

// jsonataItemsFail and jsonataItems are the items_literal parameters of
// test_map_state_items_eval_jsonata*, as Python's f-string writes them.
var (
	jsonataItemsFail = map[string]string{"number": "1", "string": "'string'", "boolean": "true", "object": "{'foo': 'bar'}", "null": "null", "function": "$fn := function($x){$x}"}
	jsonataItems     = map[string]string{"empty": "[]", "singleton": "[0]", "mixed": "[1, 'two', 3]"}
)

// itemsLiteral replaces a placeholder in the definition's JSON text by the
// parameter's literal, formatted by format.
func itemsLiteral(placeholder, format string, literals map[string]string) recipe {
	return func(def value.Value, param string) (value.Value, string) {
		lit, ok := literals[param]
		if !ok {
			return def, "unknown parameter " + param
		}
		return replaceText(placeholder, fmt.Sprintf(format, lit))(def, param)
	}
}

// waitTimestamps are the timestamp_value parameters of test_wait_timestamp*.
var waitTimestamps = map[string]string{
	"SECONDS":      "2016-03-14T01:59:00Z",
	"NANOSECONDS":  "2016-03-05T21:29:29.243167252Z",
	"NO_T":         "2016-12-05 21:29:29Z",
	"NO_Z":         "2016-12-05T21:29:29",
	"INVALID_DATE": "2016-13-05T21:29:29Z",
	"INVALID_TIME": "2016-12-05T25:29:29Z",
	"INVALID_ISO":  "05-12-2016T21:29:29Z",
}

func recipeFor(key string) (recipe, string, bool) {
	name := key[strings.LastIndex(key, "::")+2:]
	param := ""
	if i := strings.IndexByte(name, '['); i >= 0 {
		name, param = name[:i], strings.TrimSuffix(name[i+1:], "]")
	}
	r, ok := recipes[name]
	return r, param, ok
}

func get(v value.Value, keys ...string) (value.Value, bool) {
	for _, k := range keys {
		var ok bool
		if v, ok = v.Get(k); !ok {
			return value.Value{}, false
		}
	}
	return v, true
}

// set returns v with the member at keys replaced by x.
func set(v value.Value, x value.Value, keys ...string) value.Value {
	if len(keys) == 0 {
		return x
	}
	child, _ := v.Get(keys[0])
	return v.With(keys[0], set(child, x, keys[1:]...))
}

// without returns the object v without its member key.
func without(v value.Value, key string) value.Value {
	var b value.ObjectBuilder
	for i, k := range v.Keys() {
		if k != key {
			b.Set(k, v.Values()[i])
		}
	}
	return b.Value()
}

// setParam sets the member at keys to the test parameter (a string).
func setParam(keys ...string) recipe {
	return func(def value.Value, param string) (value.Value, string) {
		return set(def, value.FromString(param), keys...), ""
	}
}

// replaceText replaces a placeholder in the definition's text by with, or
// by the test parameter when with is "".
func replaceText(placeholder, with string) recipe {
	return func(def value.Value, param string) (value.Value, string) {
		by := with
		if by == "" {
			by = param
		}
		text := strings.ReplaceAll(def.JSON(), placeholder, by)
		v, err := value.ParseString(text)
		if err != nil {
			return def, "recipe: " + err.Error()
		}
		return v, ""
	}
}

// pickTemplate chooses the test's state machine among its templates: the
// one named in the test parameters, else the one holding the first state
// the recorded history entered, else the first.
func (s *suite) pickTemplate(c *harnessCase) string {
	// services/test_sns_task_service.py: fail_template picks the template.
	if strings.HasSuffix(c.Key, "::test_fifo_message_attribute[input_params0-True]") {
		return "services/statemachines/sns_fifo_publish_fail.json5"
	}
	if i := strings.IndexByte(c.Key, '['); i >= 0 {
		param := strings.TrimSuffix(c.Key[i+1:], "]")
		for _, t := range c.Templates {
			base := t[strings.LastIndexByte(t, '/')+1:]
			if strings.Contains(param, base) {
				return t
			}
		}
		dir := c.Templates[0][:strings.LastIndexByte(c.Templates[0], '/')+1]
		for _, tok := range strings.Split(param, "-") {
			if i := strings.IndexByte(tok, '.'); i >= 0 {
				tok = tok[i+1:] // "ST.INVALID_JSONPATH_IN_INPUTPATH"
			}
			// A template constant the test names but the index does not
			// list with it.
			if name := dir + strings.ToLower(tok) + ".json5"; tok != "" {
				if _, err := s.template(name); err == nil {
					found := false
					for _, t := range c.Templates {
						found = found || t == name
					}
					if !found {
						return name
					}
				}
			}
			for _, t := range c.Templates {
				base := strings.TrimSuffix(t[strings.LastIndexByte(t, '/')+1:], ".json5")
				if strings.EqualFold(tok, base) {
					return t
				}
			}
		}
	}
	if len(c.Templates) == 1 {
		return c.Templates[0]
	}
	first, res := s.firstEntered(c)
	if first != "" {
		var fit []string
		for _, t := range c.Templates {
			data, err := s.template(t)
			if err != nil {
				continue
			}
			v, err := value.Parse(data)
			if err != nil {
				continue
			}
			states, _ := v.Get("States")
			start, _ := v.Get("StartAt")
			if _, ok := states.Get(first); ok && start.Str() == first {
				fit = append(fit, t)
			}
		}
		// Templates that differ only in their Task's integration pattern
		// (startExecution.sync and .sync:2): the one whose Resource ends
		// as the recorded TaskScheduled's resource.
		if len(fit) > 1 && res != "" {
			for _, t := range fit {
				data, _ := s.template(t)
				if strings.Contains(string(data), ":"+res+`"`) {
					return t
				}
			}
		}
		if len(fit) > 0 {
			return fit[0]
		}
	}
	return c.Templates[0]
}

// firstEntered returns the name of the first state the recorded history
// of the case's first execution that entered one entered, and the
// resource of the first TaskScheduled event up to there ("" when none).
func (s *suite) firstEntered(c *harnessCase) (name, resource string) {
	content := s.snapshot(c.Key)
	for _, e := range c.Executions {
		raw, ok := content[strings.TrimPrefix(e.Path, "/")]
		if !ok {
			continue
		}
		v, err := value.Parse(raw)
		if err != nil {
			continue
		}
		events, _ := v.Get("events")
		for _, ev := range events.Items() {
			if d, ok := ev.Get("taskScheduledEventDetails"); ok && resource == "" {
				r, _ := d.Get("resource")
				resource = r.Str()
			}
			if d, ok := ev.Get("stateEnteredEventDetails"); ok && name == "" {
				n, _ := d.Get("name")
				name = n.Str()
			}
		}
		if name != "" {
			return name, resource
		}
	}
	return "", ""
}

// transformOutput applies the per-test transformers of the LocalStack
// tests that replaced non-deterministic results before recording.
func transformOutput(key string, out value.Value) value.Value {
	name := key[strings.LastIndex(key, "::")+2:]
	fr, ok := out.Get("FunctionResult")
	if !ok {
		return out
	}
	switch {
	case strings.HasPrefix(name, "test_math_random"):
		if fr.Kind() == value.Number {
			return out.With("FunctionResult", value.FromString("RandomNumberGenerated"))
		}
	case name == "test_uuid":
		if fr.Kind() == value.String && len(fr.Str()) == 36 {
			return out.With("FunctionResult", value.FromString("generated-uuid"))
		}
	}
	return out
}

// fixMocks re-serialises the Cause of a mocked Lambda error for states that
// call arn:aws:states:::lambda:invoke: the service integration reports the
// function's error object as compact JSON, while harness_cases.jsonl wrote
// it with Python's separators.
func fixMocks(raw []byte, def []byte) []byte {
	mc, err := value.Parse(raw)
	if err != nil {
		return raw
	}
	d, err := value.Parse(def)
	if err != nil {
		return raw
	}
	invoke := map[string]bool{}
	var walk func(states value.Value)
	walk = func(states value.Value) {
		for i, name := range states.Keys() {
			st := states.Values()[i]
			if r, ok := st.Get("Resource"); ok && strings.HasPrefix(r.Str(), "arn:aws:states:::lambda:invoke") {
				invoke[name] = true
			}
			for _, k := range []string{"ItemProcessor", "Iterator"} {
				if p, ok := st.Get(k); ok {
					ss, _ := p.Get("States")
					walk(ss)
				}
			}
			if bs, ok := st.Get("Branches"); ok {
				for _, b := range bs.Items() {
					ss, _ := b.Get("States")
					walk(ss)
				}
			}
		}
	}
	states, _ := d.Get("States")
	walk(states)
	sms, _ := mc.Get("StateMachines")
	resps, _ := mc.Get("MockedResponses")
	changed := false
	for _, sm := range sms.Values() {
		tcs, _ := sm.Get("TestCases")
		for _, tc := range tcs.Values() {
			for i, st := range tc.Keys() {
				if !invoke[st] {
					continue
				}
				rn := tc.Values()[i].Str()
				r, _ := resps.Get(rn)
				for j, k := range r.Keys() {
					entry := r.Values()[j]
					th, ok := entry.Get("Throw")
					if !ok {
						continue
					}
					cause, _ := th.Get("Cause")
					cv, err := value.ParseString(cause.Str())
					if err != nil || cv.Kind() != value.Object {
						continue
					}
					th = th.With("Cause", value.FromString(cv.JSON()))
					r = r.With(k, entry.With("Throw", th))
					changed = true
				}
				resps = resps.With(rn, r)
			}
		}
	}
	if !changed {
		return raw
	}
	return []byte(mc.With("MockedResponses", resps).JSON())
}

// resourcesFromHistory puts in the Lambda function and activity ARNs the
// test substituted for the template's placeholders (template["States"][S]
// ["Resource"] = function_arn): the recorded LambdaFunctionScheduled and
// ActivityScheduled events name them, after the entering of their state.
func (s *suite) resourcesFromHistory(c *harnessCase, data []byte) []byte {
	content := s.snapshot(c.Key)
	res := map[string]string{}
	fnArn := ""
	for _, e := range c.Executions {
		raw, ok := content[strings.TrimPrefix(e.Path, "/")]
		if !ok {
			continue
		}
		v, err := value.Parse(raw)
		if err != nil {
			continue
		}
		events, _ := v.Get("events")
		state := ""
		for _, ev := range events.Items() {
			if d, ok := ev.Get("stateEnteredEventDetails"); ok {
				n, _ := d.Get("name")
				state = n.Str()
			}
			// The ARN the test put for QueryLanguageTemplate's
			// LAMBDA_FUNCTION_ARN_LITERAL_PLACEHOLDER.
			if d, ok := ev.Get("taskScheduledEventDetails"); ok && fnArn == "" {
				if fn, ok := get(d, "parameters", "FunctionName"); ok && fn.Kind() == value.String && strings.Contains(fn.Str(), ":function:") {
					fnArn = fn.Str()
				}
			}
			for _, k := range []string{"lambdaFunctionScheduledEventDetails", "activityScheduledEventDetails"} {
				if d, ok := ev.Get(k); ok {
					r, _ := d.Get("resource")
					arn := r.Str()
					if !strings.Contains(arn, ":") && k == "activityScheduledEventDetails" {
						arn = "arn:aws:states:us-east-1:111111111111:activity:" + arn // a transformer's token
					}
					res[state] = arn
				}
			}
		}
	}
	if fnArn != "" {
		data = []byte(strings.ReplaceAll(string(data), "%LAMBDA_FUNCTION_ARN_LITERAL_PLACEHOLDER%", fnArn))
	}
	if len(res) == 0 {
		return data
	}
	def, err := value.Parse(data)
	if err != nil {
		return data
	}
	var walk func(states value.Value) value.Value
	walk = func(states value.Value) value.Value {
		for i, name := range states.Keys() {
			st := states.Values()[i]
			if arn, ok := res[name]; ok {
				r, _ := st.Get("Resource")
				// A Lambda function's ARN is the test's function (the
				// template's is a placeholder such as the AWS docs'
				// "arn:aws:lambda:your-region:...").
				if !strings.Contains(r.Str(), ":activity:") {
					st = st.With("Resource", value.FromString(arn))
				}
			}
			for _, k := range []string{"ItemProcessor", "Iterator"} {
				if p, ok := st.Get(k); ok {
					ss, _ := p.Get("States")
					st = st.With(k, p.With("States", walk(ss)))
				}
			}
			if bs, ok := st.Get("Branches"); ok {
				items := make([]value.Value, bs.Len())
				for j, b := range bs.Items() {
					ss, _ := b.Get("States")
					items[j] = b.With("States", walk(ss))
				}
				st = st.With("Branches", value.FromArray(items))
			}
			states = states.With(name, st)
		}
		return states
	}
	states, _ := def.Get("States")
	return []byte(def.With("States", walk(states)).JSON())
}

// inlineDefinitions are the definitions tests write in Python rather than
// load from a template.
var inlineDefinitions = map[string]func() []byte{
	// error_handling/test_states_errors.py: a Pass state whose Result is
	// over the 256 KiB limit.
	"test_start_large_input": func() []byte {
		return []byte(`{"StartAt":"State_1","States":{"State_1":{"Type":"Pass","Result":{"Arg1":"` + strings.Repeat("a", 257*1024) + `"},"End":true}}}`)
	},
}
