package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
)

func TestImport(t *testing.T) {
	const dir = "testdata/import/"
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
	}{
		{"import_good", "", []string{"import", "-pkg", "flows", "-func", "Order", dir + "order.asl.json"}, 0},
		{"import_json5", "", []string{"import", dir + "commented.asl.json5"}, 0},
		{"import_several", "", []string{"import", dir + "order.asl.json", dir + "commented.asl.json5"}, 0},
		{"import_same_name", "", []string{"import", dir + "order.asl.json", dir + "order.asl.json"}, 0},
		{"import_template", "", []string{"import", "-from-template", dir + "template.json"}, 0},
		{"import_stdin", `{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}`, []string{"import", "-"}, 0},
		{"import_stdin_yaml", "StartAt: A\nStates:\n  A:\n    Type: Succeed\n", []string{"import", "-"}, 0},
		{"import_invalid", "", []string{"import", dir + "invalid.asl.json"}, 1},
		{"import_unexpressible", "", []string{"import", dir + "unexpressible.asl.json"}, 1},
		{"import_yaml", "", []string{"import", dir + "machine.asl.yaml"}, 0},
		{"import_yaml_template", "", []string{"import", "-from-template", dir + "template.yaml"}, 0},
		{"import_yaml_intrinsics", "", []string{"import", "-from-template", dir + "intrinsics.yaml"}, 0},
		{"import_json_intrinsics", "", []string{"import", "-from-template", dir + "intrinsics.json"}, 0},
		{"import_intrinsics_misplaced", "", []string{"import", "-from-template", dir + "intrinsics_misplaced.yaml"}, 1},
		{"import_template_invalid", "", []string{"import", "-from-template", dir + "template_invalid.json"}, 1},
		{"import_yaml_template_invalid", "", []string{"import", "-from-template", dir + "template_invalid.yaml"}, 1},
		{"import_yaml_not_template", "", []string{"import", "-from-template", dir + "machine.asl.yaml"}, 1},
		{"import_not_template", "", []string{"import", "-from-template", dir + "order.asl.json"}, 1},
		{"import_yaml_in_json", "", []string{"import", dir + "yaml_in.json"}, 1},
		{"import_missing_file", "", []string{"import", dir + "missing.asl.json"}, 1},
		{"import_no_files", "", []string{"import"}, 2},
		{"import_bad_pkg", "", []string{"import", "-pkg", "my-pkg", dir + "order.asl.json"}, 2},
		{"import_bad_func", "", []string{"import", "-func", "order", dir + "order.asl.json"}, 2},
		{"import_func_several", "", []string{"import", "-func", "Order", dir + "order.asl.json", dir + "commented.asl.json5"}, 2},
		{"import_sdk_types", "", []string{"import", "-sdk-types", dir + "sdk.asl.json"}, 0},
		{"import_sdk_untyped", "", []string{"import", dir + "sdk.asl.json"}, 0},
		{"help_import", "", []string{"help", "import"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCase(t, tt.stdin, tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", status, tt.status, out, errOut)
			}
			golden.Check(t, dir+tt.name+".golden", []byte("-- stdout --\n"+out+"-- stderr --\n"+errOut))
		})
	}
}

// TestImportOutputFile checks that -o writes what standard output would
// show, and leaves no temporary file behind.
func TestImportOutputFile(t *testing.T) {
	tmp := t.TempDir()
	out := filepath.Join(tmp, "order.go")
	status, stdout, stderr := runCase(t, "", "import", "-o", out, "-pkg", "flows", "-func", "Order", "testdata/import/order.asl.json")
	if status != 0 || stdout != "" || stderr != "" {
		t.Fatalf("status %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := runCase(t, "", "import", "-pkg", "flows", "-func", "Order", "testdata/import/order.asl.json")
	if string(got) != want {
		t.Errorf("-o wrote\n%s\nstandard output shows\n%s", got, want)
	}
	entries, err := os.ReadDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("the output folder holds %d files, want only order.go", len(entries))
	}
	// A failed import writes nothing.
	bad := filepath.Join(tmp, "bad.go")
	if status, _, _ := runCase(t, "", "import", "-o", bad, "testdata/import/invalid.asl.json"); status != 1 {
		t.Errorf("invalid input: status %d, want 1", status)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("a failed import wrote %s (%v)", bad, err)
	}
}

// TestImportCorpusDiagnostics checks that every corpus definition that
// goasl validate rejects gets the same diagnostics from goasl import.
func TestImportCorpusDiagnostics(t *testing.T) {
	dir := testcorpus.Dir(t)
	n := 0
	files := testcorpus.StateMachines(t, dir)
	files = append(files, testcorpus.Files(t, dir, ".asl.yaml", "workflows-collection", "localstack/templates-json", "other")...)
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f))
		yaml := strings.HasSuffix(path, ".asl.yaml")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !yaml && !json.Valid(data) {
			continue // import reads JSON5, so broken JSON may import
		}
		if doc, err := parseASL(path, data); err == nil && !asl.HasErrors(asl.Validate(doc.Machine, asl.ValidateOptions{})) {
			continue
		}
		n++
		vstatus, vout, _ := runCase(t, "", "validate", path)
		istatus, iout, ierr := runCase(t, "", "import", path)
		if vstatus != 1 || istatus != 1 || iout != "" || ierr != vout {
			t.Errorf("%s: validate (status %d) printed\n%s\nimport (status %d) printed\n%s%s", path, vstatus, vout, istatus, iout, ierr)
		}
	}
	if n < 50 {
		t.Errorf("only %d rejected corpus definitions found", n)
	}
	t.Logf("%d rejected corpus definitions: same diagnostics through import and validate", n)
}
