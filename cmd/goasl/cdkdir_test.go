package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// TestGenerateCDK checks that -cdk-dir writes the typed CDK constructor
// into a package of its own and leaves the workflow's package without it.
// Building the constructor needs the CDK modules in the module's go.mod,
// which this test module does not have: package compiler/cdk compiles and
// synthesizes a constructor generated the same way.
func TestGenerateCDK(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "generate", "-cdk-dir", "deploy", "-v", "./good")
	if status != 0 {
		t.Fatalf("generate -cdk-dir: %s", errOut)
	}
	if out != "wrote deploy/order_flow_cdk.go\nwrote good/order_flow.asl.json\nwrote good/order_flow_sfn.go\n" {
		t.Errorf("generate -cdk-dir -v printed:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "deploy", "order_flow_cdk.go"))
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, goldenPath("order_flow_cdk.go.golden"), data)
	if _, err := os.Stat(filepath.Join(dir, "good", "order_flow_cdk.go")); !os.IsNotExist(err) {
		t.Errorf("the workflow's package got a CDK file (%v)", err)
	}

	// In a directory with Go files, the constructors join their package;
	// run from another directory, -cdk-dir is relative to it.
	app := filepath.Join(dir, "infra", "app")
	if err := os.MkdirAll(app, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(app, "main.go"), []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dir, "infra"))
	if status, _, errOut := runCase(t, "", "generate", "-cdk-dir", "app", "../good"); status != 0 {
		t.Fatalf("generate -cdk-dir app ../good: %s", errOut)
	}
	data, err = os.ReadFile(filepath.Join(app, "order_flow_cdk.go"))
	if err != nil || !strings.Contains(string(data), "\npackage main\n") || !strings.Contains(string(data), `good "example.com/wf/good"`) {
		t.Errorf("the constructor in infra/app is not in package main or does not import the workflow (%v):\n%s", err, data)
	}
	if status, _, errOut := runCase(t, "", "generate", "-check", "-cdk-dir", "app", "../good"); status != 0 {
		t.Errorf("generate -check -cdk-dir: %s", errOut)
	}
}

// TestGenerateCDKErrors checks the -cdk-dir values goasl refuses, with the
// whole message, and that they change nothing.
func TestGenerateCDKErrors(t *testing.T) {
	outside := t.TempDir()
	for _, c := range []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"cdk_alone", []string{"generate", "-cdk", "./good"}, 2,
			"goasl: -cdk needs -cdk-dir DIR: the CDK constructors go to a package of their own (your CDK app, say: -cdk-dir ../deploy), so that code that imports the workflow package for its types does not link the AWS CDK\n"},
		{"workflow_package", []string{"generate", "-cdk-dir", "good", "./good"}, 1,
			"goasl: -cdk-dir good is where the files of workflow package example.com/wf/good go: the constructors go to a package of their own, so that code that imports example.com/wf/good for its types does not link the AWS CDK\n"},
		{"testdata", []string{"generate", "-cdk-dir", "deploy/testdata", "./good"}, 2,
			"goasl: -cdk-dir deploy/testdata: the go command ignores folders named testdata or starting with . or _ (\"testdata\"): choose another directory\n"},
		{"hidden", []string{"generate", "-cdk-dir", ".deploy", "./good"}, 2,
			"goasl: -cdk-dir .deploy: the go command ignores folders named testdata or starting with . or _ (\".deploy\"): choose another directory\n"},
		{"file", []string{"generate", "-cdk-dir", "go.mod", "./good"}, 2,
			"goasl: -cdk-dir go.mod is a file: give a directory\n"},
		{"outside", []string{"generate", "-cdk-dir", outside, "./good"}, 2,
			"goasl: -cdk-dir " + outside + ": not inside a Go module (no go.mod in it or above it)\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := newModule(t)
			before := snapshot(t, dir)
			status, _, errOut := runCase(t, "", c.args...)
			if status != c.status || errOut != c.want {
				t.Errorf("status %d, stderr:\n%s\nwant status %d, stderr:\n%s", status, errOut, c.status, c.want)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
}
