package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFastPath checks that goasl generate skips go list and the driver
// when nothing it depends on changed, and that every change that could
// change its output (a file of a package the workflow imports, a new file
// in a package, go.mod, a build tag, a flag, a deleted or edited output)
// makes it run in full and write what the sources say. A file of a module
// replaced by a directory counts as much as one of the main module.
func TestFastPath(t *testing.T) {
	dir := newModule(t)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(t.TempDir(), "cache"))
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A module of its own, replaced by a directory.
	other := t.TempDir()
	writeOther := func(suffix string) {
		t.Helper()
		text := "// Package other ends a state name.\npackage other\n\n// Suffix ends the last state's name.\nconst Suffix = \"" + suffix + "\"\n"
		if err := os.WriteFile(filepath.Join(other, "other.go"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeOther("")
	if err := os.WriteFile(filepath.Join(other, "go.mod"), []byte("module example.com/other\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gomodText, _ := os.ReadFile(filepath.Join(dir, "go.mod"))
	write("go.mod", string(gomodText)+"\nrequire example.com/other v0.0.0\n\nreplace example.com/other => "+other+"\n")
	write("dep/dep.go", "// Package dep names the last state.\npackage dep\n\n// Last is the name of the last state.\nconst Last = \"Done\"\n")
	write("flow/flow.go", `// Package flow has a workflow that uses package dep.
package flow

import (
	"fmt"
	"os"

	"example.com/other"
	"example.com/wf/dep"
	"github.com/goasl/goasl/dsl"
)

// Flow builds the workflow.
func Flow() *dsl.Workflow {
	fmt.Fprintln(os.Stderr, "note: building Flow")
	wf := dsl.NewWorkflow("MyFlow")
	wf.Pass(first).Next(wf.Succeed(dep.Last+other.Suffix))
	return wf
}
`)
	write("flow/first.go", "//go:build !special\n\npackage flow\n\nconst first = \"Start\"\n")
	write("flow/first_special.go", "//go:build special\n\npackage flow\n\nconst first = \"SpecialStart\"\n")
	t.Chdir(filepath.Join(dir, "flow"))
	lists := 0
	beforeList = func() { lists++ }
	t.Cleanup(func() { beforeList = nil })
	asl := filepath.Join(dir, "flow", "my_flow.asl.json")
	// run runs goasl generate and reports whether it ran go list.
	run := func(args ...string) bool {
		t.Helper()
		before := lists
		status, out, errOut := runCase(t, "", append([]string{"generate"}, args...)...)
		if status != 0 {
			t.Fatalf("generate %q: %s", args, errOut)
		}
		if out != "" {
			t.Errorf("generate %q printed on stdout: %q", args, out)
		}
		if errOut != "note: building Flow\n" {
			t.Errorf("generate %q: stderr %q, want what the workflow function printed", args, errOut)
		}
		return lists > before
	}
	// settle runs until a run takes the fast path: the first run writes
	// the generated files, which the next builds with.
	settle := func(what string, args ...string) {
		t.Helper()
		if !run(args...) {
			t.Fatalf("after %s: goasl took the fast path", what)
		}
		for i := 0; run(args...); i++ {
			if i == 2 {
				t.Fatalf("after %s: three full runs and no fast path", what)
			}
		}
	}
	contains := func(what, file, want string) {
		t.Helper()
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("after %s: %v", what, err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("after %s: %s does not contain %s:\n%s", what, filepath.Base(file), want, data)
		}
	}

	settle("the first run")
	contains("the first run", asl, `"Done"`)

	write("dep/dep.go", "// Package dep names the last state.\npackage dep\n\n// Last is the name of the last state.\nconst Last = \"Finished\"\n")
	settle("an edit of a package the workflow imports")
	contains("an edit of dep", asl, `"Finished"`)

	writeOther("Now")
	settle("an edit of a module replaced by a directory")
	contains("an edit of other", asl, `"FinishedNow"`)

	write("flow/last.go", "package flow\n\nvar unused = 1\n")
	if !run() {
		t.Errorf("a new file in the package: goasl took the fast path")
	}
	os.Remove(filepath.Join(dir, "flow", "last.go"))
	settle("a file removed")

	gomod := filepath.Join(dir, "go.mod")
	data, _ := os.ReadFile(gomod)
	write("go.mod", string(data)+"\n// an edit\n")
	settle("an edit of go.mod")

	settle("-tags special", "-tags", "special")
	contains("-tags special", asl, `"SpecialStart"`)
	if !run() {
		t.Fatalf("no tags after -tags special: goasl took the fast path")
	}
	contains("no tags", asl, `"Start"`)
	// Every file is again as the record of the run without tags says.
	if run() {
		t.Errorf("back to the files of a recorded run: goasl ran in full")
	}

	// The record is per set of flags.
	settle("-timeout 30s", "-timeout", "30s")
	if run() {
		t.Errorf("no -timeout again: goasl ran in full")
	}

	sfn := filepath.Join(dir, "flow", "my_flow_sfn.go")
	os.Remove(sfn)
	if !run() {
		t.Fatalf("a deleted output: goasl took the fast path")
	}
	contains("a deleted output", sfn, "MyFlowDefinition")

	write("flow/my_flow.asl.json", "{}\n")
	if !run() {
		t.Fatalf("an edited output: goasl took the fast path")
	}
	contains("an edited output", asl, `"FinishedNow"`)

	t.Setenv("GOASL_NOCACHE", "1")
	if !run() {
		t.Errorf("GOASL_NOCACHE=1: goasl took the fast path")
	}
}
