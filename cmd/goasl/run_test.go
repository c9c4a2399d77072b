package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// runCase runs goasl with args and returns the exit status and the
// combined output, stdout first.
func runCase(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestCommands(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
	}{
		{"no_args", "", nil, 2},
		{"help", "", []string{"help"}, 0},
		{"help_validate", "", []string{"help", "validate"}, 0},
		{"help_unknown", "", []string{"help", "frobnicate"}, 2},
		{"unknown_command", "", []string{"frobnicate"}, 2},
		{"validate_dash_h", "", []string{"validate", "-h"}, 0},
		{"validate_good", "", []string{"validate", "testdata/good.asl.json"}, 0},
		{"validate_bad", "", []string{"validate", "testdata/bad.asl.json"}, 1},
		{"validate_syntax", "", []string{"validate", "testdata/syntax.asl.json"}, 1},
		{"validate_several", "", []string{"validate", "testdata/good.asl.json", "testdata/bad.asl.json"}, 1},
		{"validate_express", "", []string{"validate", "-type", "express", "testdata/express.asl.json"}, 1},
		{"validate_standard", "", []string{"validate", "testdata/express.asl.json"}, 0},
		{"validate_bad_type", "", []string{"validate", "-type", "FAST", "testdata/good.asl.json"}, 2},
		{"validate_no_files", "", []string{"validate"}, 2},
		{"validate_stdin_yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: 1\n", []string{"validate", "-"}, 1},
		{"graph_bad_file", "", []string{"graph", "testdata/syntax.asl.json"}, 1},
		{"validate_missing_file", "", []string{"validate", "testdata/missing.asl.json"}, 1},
		{"validate_stdin", `{"StartAt":"A","States":{"A":{"Type":"Pass","Nxt":"B","End":true}}}`, []string{"validate", "-"}, 1},
		{"validate_bad_flag", "", []string{"validate", "-frob", "x"}, 2},
		{"validate_yaml", "", []string{"validate", "testdata/good.asl.yaml"}, 0},
		{"validate_bad_yaml", "", []string{"validate", "testdata/bad.asl.yaml"}, 1},
		{"validate_yaml_cfn_tag", "", []string{"validate", "testdata/cfn_tag.asl.yaml"}, 1},
		{"validate_yaml_in_json", "", []string{"validate", "testdata/yaml_in.asl.json"}, 1},
		{"graph_yaml_in_json", "", []string{"graph", "testdata/yaml_in.asl.json"}, 1},
		{"version_args", "", []string{"version", "extra"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCase(t, tt.stdin, tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, out, errOut)
			}
			golden.Check(t, "testdata/"+tt.name+".golden", []byte("-- stdout --\n"+out+"-- stderr --\n"+errOut))
		})
	}
}

func TestVersion(t *testing.T) {
	status, out, _ := runCase(t, "", "version")
	if status != 0 || !strings.HasPrefix(out, "goasl ") || !strings.Contains(out, "go1.") {
		t.Errorf("version: status %d, output %q", status, out)
	}
}
