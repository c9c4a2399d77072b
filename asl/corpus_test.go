package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// corpusFailures lists every corpus file that is valid JSON but does not
// parse, or does not come back JSON-equal from Marshal: why, and a part of
// the problem the test sees. The test fails if a listed file passes (remove
// it here), fails differently, or an unlisted file fails.
var corpusFailures = map[string]corpusFailure{
	"localstack/templates-json/choiceoperators/statemachines/template.json":                                                               {"LocalStack placeholder %ComparisonOperatorType% stands where a comparison operator goes", `field "%ComparisonOperatorType%" is not supported in a Choice rule`},
	"localstack/templates-json/scenarios/statemachines/map_item_reader_base_csv_headers_decl.json":                                        {"LocalStack placeholder \"__TBD__\" stands where the CSVHeaders array goes", `field "CSVHeaders" must be an array of strings, not a string`},
	"localstack/templates-json/test_state/statemachines/base_aws_api_kms_encrypt.json":                                                    testState,
	"localstack/templates-json/test_state/statemachines/base_aws_api_lambda_get_function.json":                                            testState,
	"localstack/templates-json/test_state/statemachines/base_aws_api_s3_get_object.json":                                                  testState,
	"localstack/templates-json/test_state/statemachines/base_choice_state.json":                                                           testState,
	"localstack/templates-json/test_state/statemachines/base_dynamodb_service_task_state.json":                                            testState,
	"localstack/templates-json/test_state/statemachines/base_events_put_events.json":                                                      testState,
	"localstack/templates-json/test_state/statemachines/base_fail_state.json":                                                             testState,
	"localstack/templates-json/test_state/statemachines/base_lambda_service_task_state.json":                                              testState,
	"localstack/templates-json/test_state/statemachines/base_lambda_task_state.json":                                                      testState,
	"localstack/templates-json/test_state/statemachines/base_map_state.json":                                                              testState,
	"localstack/templates-json/test_state/statemachines/base_map_state_catch.json":                                                        testState,
	"localstack/templates-json/test_state/statemachines/base_map_state_result_writer.json":                                                testState,
	"localstack/templates-json/test_state/statemachines/base_map_state_retry.json":                                                        testState,
	"localstack/templates-json/test_state/statemachines/base_parallel_state.json":                                                         testState,
	"localstack/templates-json/test_state/statemachines/base_pass_state.json":                                                             testState,
	"localstack/templates-json/test_state/statemachines/base_result_pass_state.json":                                                      testState,
	"localstack/templates-json/test_state/statemachines/base_sfn_start_execution.json":                                                    testState,
	"localstack/templates-json/test_state/statemachines/base_sqs_send_message.json":                                                       testState,
	"localstack/templates-json/test_state/statemachines/base_succeed_state.json":                                                          testState,
	"localstack/templates-json/test_state/statemachines/base_task_state_catch.json":                                                       testState,
	"localstack/templates-json/test_state/statemachines/base_task_state_retry.json":                                                       testState,
	"localstack/templates-json/test_state/statemachines/base_wait_state.json":                                                             testState,
	"localstack/templates-json/test_state/statemachines/io_dynamodb_service_task_state.json":                                              testState,
	"localstack/templates-json/test_state/statemachines/io_jsonata_parallel_state.json":                                                   testState,
	"localstack/templates-json/test_state/statemachines/io_lambda_service_task_state.json":                                                testState,
	"localstack/templates-json/test_state/statemachines/io_output_path_dynamodb_service_task_state.json":                                  testState,
	"localstack/templates-json/test_state/statemachines/io_parallel_state.json":                                                           testState,
	"localstack/templates-json/test_state/statemachines/io_pass_state.json":                                                               testState,
	"localstack/templates-json/test_state/statemachines/io_result_pass_state.json":                                                        testState,
	"localstack/templates-json/test_state/statemachines/io_sqs_service_task_wait.json":                                                    testState,
	"localstack/templates-json/test_state/statemachines/map_task_state.json":                                                              testState,
	"other/serverless-step-functions/embedded/fixtures__activities__serverless.yml__activityMachine.definition.asl.json":                  cfnResource,
	"other/serverless-step-functions/embedded/fixtures__basic-state-machine__serverless.yml__basicMachine.definition.asl.json":            cfnResource,
	"other/serverless-step-functions/embedded/fixtures__basic-state-machine__serverless.yml__fnSubMachine.definition.asl.json":            cfnResource,
	"other/serverless-step-functions/embedded/fixtures__circular-dependency__serverless.yml__circularMachine.definition.asl.json":         cfnResource,
	"other/serverless-step-functions/embedded/fixtures__cloudwatch-alarms__serverless.yml__alarmMachine.definition.asl.json":              cfnResource,
	"other/serverless-step-functions/embedded/fixtures__configure-task-timeouts__serverless.yml__autoTimeoutsMachine.definition.asl.json": cfnResource,
	"other/serverless-step-functions/embedded/fixtures__configure-task-timeouts__serverless.yml__backCompatMachine.definition.asl.json":   cfnResource,
	"other/serverless-step-functions/embedded/fixtures__express-workflow__serverless.yml__expressMachine.definition.asl.json":             cfnResource,
	"other/serverless-step-functions/embedded/fixtures__use-exact-version__serverless.yml__exactVersionMachine.definition.asl.json":       cfnResource,
	"workflows-collection/embedded/script-generator__ScriptGeneratorStateMachine.asl.json":                                                cfnResource,
	"workflows-collection/embedded/tts-converter__TTSStateMachine.asl.json":                                                               cfnResource,
	"workflows-collection/embedded/word-filtering-script-generator__FilteringStateMachine.asl.json":                                       cfnResource,
	"workflows-collection/shared-fallback-state-jsonata.asl.json":                                                                         {"broken upstream: \"QueryLanguage\": \"JSONata\" is inside States, where AWS expects a state object", `state "QueryLanguage" must be an object with a Type, not a string`},
}

type corpusFailure struct {
	reason string
	want   string // a substring of the problem
}

var (
	testState = corpusFailure{
		"a single state for LocalStack's TestState API, not a state machine",
		`field "Type" is not supported at the top level of a state machine`,
	}
	cfnResource = corpusFailure{
		"Resource is a CloudFormation intrinsic ({\"Ref\": ...}, {\"Fn::GetAtt\": ...}, {\"!Sub\": ...}) that the deployment tool replaces with a string before AWS sees it",
		`field "Resource" must be a string, not an object`,
	}
)

func TestCorpusRoundTrip(t *testing.T) {
	dir := testcorpus.Dir(t)
	files := testcorpus.StateMachines(t, dir)
	if len(files) < 500 {
		t.Fatalf("found only %d corpus files under %s", len(files), dir)
	}
	ok, total := 0, 0
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			continue
		}
		total++
		problem := corpusRoundTrip(data)
		want, listed := corpusFailures[f]
		seen[f] = true
		switch {
		case problem == "" && listed:
			t.Errorf("%s: listed as failing (%s) but it round-trips now: remove it from corpusFailures", f, want.reason)
		case problem == "":
			ok++
		case !listed:
			t.Errorf("%s: %s", f, problem)
		case !strings.Contains(problem, want.want):
			t.Errorf("%s: listed as failing with %q (%s), but the problem is: %s", f, want.want, want.reason, problem)
		}
	}
	for f := range corpusFailures {
		if !seen[f] {
			t.Errorf("%s: listed in corpusFailures but not a valid-JSON corpus file", f)
		}
	}
	t.Logf("corpus parse round trip: %d/%d", ok, total)
}

// corpusRoundTrip parses, marshals and compares one file, and describes
// the first problem, or returns "".
func corpusRoundTrip(data []byte) string {
	sm, err := Parse(data)
	if err != nil {
		return "Parse: " + err.Error()
	}
	out, err := Marshal(sm)
	if err != nil {
		return "Marshal: " + err.Error()
	}
	if d := jsonDiff(data, out); d != "" {
		return "round trip changed the JSON: " + d
	}
	sm2, err := Parse(out)
	if err != nil {
		return "Parse(Marshal): " + err.Error()
	}
	out2, err := Marshal(sm2)
	if err != nil {
		return "Marshal(Parse(Marshal)): " + err.Error()
	}
	if !bytes.Equal(out, out2) {
		return "Marshal is not a fixed point"
	}
	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		return "output is not JSON: " + err.Error()
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		return err.Error()
	}
	indented.WriteByte('\n')
	if !bytes.Equal(indented.Bytes(), out) {
		return "layout differs from json.Indent"
	}
	return ""
}

// jsonDiff decodes a and b with encoding/json and describes the first
// difference ("" if none). Numbers compare by value.
func jsonDiff(a, b []byte) string {
	va, err := decodeStd(a)
	if err != nil {
		return "original: " + err.Error()
	}
	vb, err := decodeStd(b)
	if err != nil {
		return "output: " + err.Error()
	}
	return stdDiff("", va, vb)
}

func decodeStd(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

func stdDiff(ptr string, a, b any) string {
	switch a := a.(type) {
	case map[string]any:
		bm, ok := b.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: object became %T", ptr, b)
		}
		keys := make([]string, 0, len(a))
		for k := range a {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			bv, ok := bm[k]
			if !ok {
				return fmt.Sprintf("%s/%s: missing in the output", ptr, k)
			}
			if d := stdDiff(ptr+"/"+k, a[k], bv); d != "" {
				return d
			}
		}
		for k := range bm {
			if _, ok := a[k]; !ok {
				return fmt.Sprintf("%s/%s: added in the output", ptr, k)
			}
		}
		return ""
	case []any:
		bs, ok := b.([]any)
		if !ok || len(bs) != len(a) {
			return fmt.Sprintf("%s: array changed", ptr)
		}
		for i := range a {
			if d := stdDiff(ptr+"/"+strconv.Itoa(i), a[i], bs[i]); d != "" {
				return d
			}
		}
		return ""
	case json.Number:
		bn, ok := b.(json.Number)
		if !ok {
			return fmt.Sprintf("%s: number became %T", ptr, b)
		}
		fa, erra := a.Float64()
		fb, errb := bn.Float64()
		if a != bn && (erra != nil || errb != nil || fa != fb) {
			return fmt.Sprintf("%s: number %s became %s", ptr, a, bn)
		}
		return ""
	default:
		if a != b {
			return fmt.Sprintf("%s: %v became %v", ptr, a, b)
		}
		return ""
	}
}

// corpusInvalidJSON lists the corpus files that are not JSON, with the
// syntax error the strict reader must report.
var corpusInvalidJSON = map[string]string{
	// Broken upstream: a ':' where a ',' should be.
	"workflows-collection/sfn-iot-data-analytics-dataset.asl.json": "10:33: INVALID_JSON_DESCRIPTION: expected ',' or '}' after object member at /States/BatchPutMessage/Parameters",
}

// TestCorpusStrictJSON checks that the strict reader accepts exactly the
// corpus files that encoding/json accepts (none of them has invalid UTF-8
// or a lone surrogate, where the two differ).
func TestCorpusStrictJSON(t *testing.T) {
	dir := testcorpus.Dir(t)
	for _, f := range testcorpus.StateMachines(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		_, err = ParseValue(data)
		want, invalid := corpusInvalidJSON[f]
		switch {
		case json.Valid(data) != (err == nil):
			t.Errorf("%s: encoding/json says valid=%v, ParseValue says %v", f, json.Valid(data), err)
		case invalid && err == nil:
			t.Errorf("%s: listed as invalid JSON but it parses: remove it from corpusInvalidJSON", f)
		case invalid && err.Error() != want:
			t.Errorf("%s: got error\n%s\nwant\n%s", f, err, want)
		case !invalid && err != nil:
			t.Errorf("%s: %v", f, err)
		}
	}
}

// TestCorpusJSON5Hint reads the LocalStack templates in their original
// JSON5 form: every one that is not strict JSON must be rejected with a
// syntax error that says it looks like JSON5 or JSONC.
func TestCorpusJSON5Hint(t *testing.T) {
	root := filepath.Join(testcorpus.Dir(t), "localstack", "templates")
	hinted := 0
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".json5") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if json.Valid(data) {
			return nil
		}
		_, perr := Parse(data)
		var pe *Error
		if !errors.As(perr, &pe) {
			t.Errorf("%s: not strict JSON, but Parse gave %v", path, perr)
			return nil
		}
		d := pe.Diagnostics[len(pe.Diagnostics)-1]
		if d.Code != CodeInvalidJSON || !strings.Contains(d.Message, "JSON5") {
			t.Errorf("%s: got %s, want a syntax error that mentions JSON5", path, d)
		}
		hinted++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if hinted < 150 {
		t.Errorf("only %d JSON5 templates checked", hinted)
	}
	t.Logf("JSON5 templates rejected with a JSON5 hint: %d", hinted)
}
