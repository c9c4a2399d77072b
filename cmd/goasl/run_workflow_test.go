package main

import (
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

func TestRunWorkflow(t *testing.T) {
	const order = "testdata/run/order.asl.json"
	const sub = "ChargeFn=arn:aws:lambda:us-east-1:123456789012:function:charge"
	tests := []struct {
		name   string
		args   []string
		status int
	}{
		{"happy", []string{"run", "-input", "testdata/run/input.json", "-mock", "testdata/run/mocks.json#Happy", "-sub", sub, order}, 0},
		{"retried_then_caught", []string{"run", "-input", "testdata/run/input.json", "-mock", "testdata/run/mocks.json#Broken", "-sub", sub, order}, 1},
		{"history", []string{"run", "-history", "-mock", "testdata/run/mocks.json#Happy", "-sub", sub, order}, 0},
		{"runtime_error", []string{"run", "testdata/run/broken.asl.json"}, 1},
		{"no_handler", []string{"run", "-sub", sub, order}, 2},
		{"no_test_case", []string{"run", "-mock", "testdata/run/mocks.json", order}, 2},
		{"unknown_test_case", []string{"run", "-mock", "testdata/run/mocks.json#Nope", order}, 2},
		{"no_target", []string{"run"}, 2},
		{"missing_file", []string{"run", "testdata/run/missing.asl.json"}, 2},
		{"stdin_target", []string{"run", "-"}, 2},
		{"yaml_in_json", []string{"run", "testdata/yaml_in.asl.json"}, 2},
		{"sub_quotes_backslashes", []string{"run", "-sub", `Msg=say "hi" \ bye \n ${Left}`, "-sub", "Region=eu-west-1", "testdata/run/sub.asl.json"}, 0},
		{"sub_unknown", []string{"run", "-sub", "Msg=hi", "-sub", "Nope=x", "-sub", "Other=y", "testdata/run/sub.asl.json"}, 2},
		{"sub_unknown_none", []string{"run", "-sub", "Fn=x", "testdata/run/broken.asl.json"}, 2},
		{"bad_input", []string{"run", "-input", "testdata/run/order.asl.json.missing", order}, 2},
		{"test_state_pass", []string{"test-state", "-input", "testdata/run/input.json", "-inspection-level", "DEBUG", "testdata/run/pass_state.json"}, 0},
		{"test_state_unknown_flag", []string{"test-state", "-state", "Charge", "-sub", sub, order}, 2},
		{"test_state_retriable", []string{"test-state", "-state", "Charge", "-mock-error", "Lambda.ServiceException", "-mock-cause", "boom", order}, 1},
		{"test_state_caught", []string{"test-state", "-state", "Charge", "-retrier-retry-count", "2", "-inspection-level", "DEBUG", "-mock-error", "Lambda.ServiceException", order}, 1},
		{"test_state_bad_mock_result", []string{"test-state", "-mock-result", "testdata/run/missing.json", "testdata/run/pass_state.json"}, 2},
		{"test_state_cause_without_error", []string{"test-state", "-mock-cause", "boom", "testdata/run/pass_state.json"}, 2},
		{"test_state_bad_level", []string{"test-state", "-inspection-level", "LOUD", "testdata/run/pass_state.json"}, 2},
		{"test_state_bad_state", []string{"test-state", "testdata/run/bad_state.json"}, 2},
		{"test_state_bad_path", []string{"test-state", "testdata/run/bad_path_state.json"}, 2},
		{"test_state_unknown_state", []string{"test-state", "-state", "charge", "testdata/run/order.asl.json"}, 2},
		{"test_state_missing_file", []string{"test-state", "testdata/run/missing.json"}, 2},
		{"test_state_bad_machine", []string{"test-state", "-state", "Charge", "testdata/bad.asl.json"}, 2},
		{"test_state_yaml_in_json", []string{"test-state", "testdata/yaml_in.asl.json"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCase(t, "", tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, out, errOut)
			}
			golden.Check(t, "testdata/run/"+tt.name+".golden", []byte("-- stdout --\n"+out+"-- stderr --\n"+errOut))
		})
	}
}
