package flow_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/internal/testcorpus"
)

// corpusBugs are corpus machines with a real data-flow bug that AWS only
// finds at run time (States.Runtime): the checker must keep reporting
// exactly these problems, and nothing in any other file. The types involved
// are not declared by anyone: they come from the document itself (a Catch's
// {Error, Cause}, a literal Result) or from what lambda:invoke always
// returns.
var corpusBugs = map[string]struct{ why, want string }{
	"localstack/templates-json/scenarios/statemachines/invalid_jsonpath_in_causepath.json": {
		"a LocalStack test of the run-time error for a CausePath that selects nothing",
		`NO_SUCH_FIELD: $.NoSuchCausePath selects nothing: $ has no field "NoSuchCausePath" (it has "Error") at /States/fail/CausePath`},
	"localstack/templates-json/scenarios/statemachines/invalid_jsonpath_in_errorpath.json": {
		"a LocalStack test of the run-time error for an ErrorPath that selects nothing",
		`NO_SUCH_FIELD: $.ErrorX selects nothing: $ has no field "ErrorX" (did you mean "Error"?) at /States/fail/ErrorPath`},
	"workflows-collection/app-control-concurrency-with-dynamodb-tf__statemachines__test-run-semaphore.asl.json": {
		"the Map items are numbers (a literal array), and the catcher's ResultPath writes into such a number",
		`TYPE_MISMATCH: $.stateoutput.RunChildStateMachine writes into $, which is an integer, not an object at /States/StartInParallel/Iterator/States/RunChildStateMachine/Catch/0/ResultPath`},
	"workflows-collection/embedded/parallelized-embedding-pipeline__definition.asl.json": {
		"lambda:invoke without ResultPath replaces the input with the invoke result ({Payload, StatusCode, ...}), yet the next states read the old input; and the ItemSelector reads $.Map.Item.Value instead of $$.Map.Item.Value",
		`NO_SUCH_FIELD: $.Bucket selects nothing: $ has no field "Bucket" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode") at /States/GetObjectMetadata/Parameters/Bucket.$
NO_SUCH_FIELD: $.SourceKey selects nothing: $ has no field "SourceKey" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode") at /States/GetObjectMetadata/Parameters/Key.$
NO_SUCH_FIELD: $.byteRanges.byteRanges selects nothing: $.byteRanges has no field "byteRanges" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode") at /States/ParallelProcessing/ItemsPath
NO_SUCH_FIELD: $.Bucket selects nothing: $ has no field "Bucket" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode", "objectMetadata", "byteRanges") at /States/ParallelProcessing/ItemSelector/Bucket.$
NO_SUCH_FIELD: $.SourceKey selects nothing: $ has no field "SourceKey" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode", "objectMetadata", "byteRanges") at /States/ParallelProcessing/ItemSelector/Key.$
NO_SUCH_FIELD: $.Map.Item.Value selects nothing: $ has no field "Map" (it has "ExecutedVersion", "LogResult", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode", "objectMetadata", "byteRanges") at /States/ParallelProcessing/ItemSelector/ByteRange.$`},
	"localstack/templates-json/assign/statemachines/base_undefined_arguments.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State0/Arguments`},
	"localstack/templates-json/assign/statemachines/base_undefined_arguments_field.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State0/Arguments/FunctionName`},
	"localstack/templates-json/assign/statemachines/base_undefined_assign.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State0/Assign/result`},
	"localstack/templates-json/assign/statemachines/base_undefined_output.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State0/Output`},
	"localstack/templates-json/assign/statemachines/base_undefined_output_field.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State0/Output/result`},
	"localstack/templates-json/assign/statemachines/base_undefined_output_multiple_states.json": {
		undefinedVariable,
		`UNASSIGNED_VARIABLE: variable $doesNotExist is never assigned: no Assign sets it at /States/State2/Output/result`},
	"localstack/templates-json/scenarios/statemachines/map_state_items_variable.json": {
		"LocalStack replaces the placeholder string \"_tbd_\" with an array before running the test",
		`TYPE_MISMATCH: {% $ItemsVar %} selects a string, not an array: a Map needs an array of items at /States/MapIterateState/Items`},
	"localstack/templates-json/statevariables/statemachines/map_catch_error_output_with_retry.json": {
		"the item processor reads $stateError and $stateResult, which no state assigns (the previous states put them in their Output instead)",
		`UNASSIGNED_VARIABLE: variable $stateError is never assigned: no Assign sets it at /States/ProcessItems/ItemProcessor/States/Fallback/Output/error
UNASSIGNED_VARIABLE: variable $stateResult is never assigned: no Assign sets it at /States/ProcessItems/ItemProcessor/States/Finish/Output/result`},
	"localstack/templates-json/statevariables/statemachines/parallel_catch_error_variable_sampling.json": {
		"a LocalStack test that reads $resultVar after the Parallel whose branch assigns it: a branch's variables end with the branch",
		`UNASSIGNED_VARIABLE: variable $resultVar is read before it is assigned: not every path to this state goes through an Assign that sets it (an inner scope cannot see the variables it assigns after it ends, and a Distributed Map's processor sees none) at /States/Finish/Output/result`},
}

const undefinedVariable = "a LocalStack test of the run-time error for a JSONata variable that no state assigns"

// TestCorpusNoFalsePositives infers every corpus machine that asl.Validate
// accepts with no declared types: unknown in, unknown out, so there must
// be no type error, except the run-time bugs listed in corpusBugs.
func TestCorpusNoFalsePositives(t *testing.T) {
	checked := 0
	root := testcorpus.Dir(t)
	for _, rel := range testcorpus.StateMachines(t, root) {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		sm, err := asl.Parse(data)
		if err != nil {
			continue
		}
		if asl.HasErrors(asl.Validate(sm, asl.ValidateOptions{})) {
			continue
		}
		checked++
		res := flow.Infer(sm, nil)
		var got []string
		for _, d := range res.Diagnostics {
			got = append(got, d.String())
		}
		if bug, ok := corpusBugs[rel]; ok {
			if g := strings.Join(got, "\n"); g != bug.want {
				t.Errorf("%s (%s):\n got: %s\nwant: %s", rel, bug.why, g, bug.want)
			}
			continue
		}
		for _, g := range got {
			t.Errorf("%s: %s", rel, g)
		}
	}
	if checked < 100 {
		t.Errorf("only %d corpus machines were checked; expected hundreds", checked)
	}
	t.Logf("%d corpus machines inferred without a type error", checked)
}
