package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// pkgDir is this package's directory: the tests below change the working
// directory, so golden files are found from here.
var pkgDir, _ = os.Getwd()

func goldenPath(name string) string { return filepath.Join(pkgDir, "testdata", "generate", name) }

// repoRoot is the goasl repository, which the test modules replace
// github.com/goasl/goasl with.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join(pkgDir, "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

// moduleTemplate builds, once per test binary, a module with the packages
// of testdata/module and a tidied go.mod that uses this repository through
// a replace directive.
func moduleTemplate(t *testing.T) string {
	t.Helper()
	templateOnce.Do(func() {
		dir, err := os.MkdirTemp("", "goasl-module-*")
		if err != nil {
			templateErr = err
			return
		}
		templateDir = dir
		root := repoRoot(t)
		// The tool directive is how users install goasl (go get -tool): it
		// keeps the driver's dependencies in go.mod.
		gomod := "module example.com/wf\n\ngo 1.26\n\ntool github.com/goasl/goasl/cmd/goasl\n\nrequire github.com/goasl/goasl v0.0.0\n\nreplace github.com/goasl/goasl => " + root + "\n"
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
			templateErr = err
			return
		}
		sum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
		if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
			templateErr = err
			return
		}
		templateErr = copyTree(filepath.Join(pkgDir, "testdata", "module"), dir)
		if templateErr != nil {
			return
		}
		cmd := exec.Command("go", "mod", "tidy")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			templateErr = &tidyError{string(out)}
		}
	})
	if templateErr != nil {
		t.Fatalf("making the test module: %v", templateErr)
	}
	return templateDir
}

type tidyError struct{ out string }

func (e *tidyError) Error() string { return "go mod tidy: " + e.out }

// copyTree copies src into dst, renaming *.go.txt files to *.go.
func copyTree(src, dst string) error {
	return filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, strings.TrimSuffix(rel, ".txt"))
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// newModule returns a fresh copy of the test module and makes it the
// working directory for the test.
func newModule(t *testing.T) string {
	t.Helper()
	tmpl := moduleTemplate(t)
	dir := t.TempDir()
	if err := copyTree(tmpl, dir); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

// snapshot returns every file of dir with its contents, for checking that a
// failed command changed nothing.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			data, _ := os.ReadFile(path)
			files[path] = string(data)
		}
		return nil
	})
	return files
}

func sameFiles(t *testing.T, before, after map[string]string) {
	t.Helper()
	for p, c := range after {
		if b, ok := before[p]; !ok {
			t.Errorf("the command created %s", p)
		} else if b != c {
			t.Errorf("the command changed %s", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("the command removed %s", p)
		}
	}
}

func normalize(dir, s string) string {
	s = strings.ReplaceAll(s, dir, "$MODULE")
	return s
}

// TestGenerateEndToEnd runs goasl generate for real in a module that uses
// goasl through a replace directive, builds the result, and checks -check
// before and after a change.
func TestGenerateEndToEnd(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "generate", "-v", "./good")
	if status != 0 {
		t.Fatalf("generate failed (%d):\n%s%s", status, out, errOut)
	}
	if out != "wrote good/order_flow.asl.json\nwrote good/order_flow_sfn.go\n" {
		t.Errorf("generate -v printed:\n%s", out)
	}
	for _, f := range []string{"order_flow.asl.json", "order_flow_sfn.go"} {
		data, err := os.ReadFile(filepath.Join(dir, "good", f))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, goldenPath(f+".golden"), data)
	}
	build := exec.Command("go", "vet", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the generated code does not build: %v\n%s", err, out)
	}

	// Up to date: -check passes, and a second generate writes nothing.
	if status, out, errOut := runCase(t, "", "generate", "-check", "-v", "./good"); status != 0 || errOut != "" {
		t.Errorf("-check on fresh files: status %d\n%s%s", status, out, errOut)
	}
	if status, out, _ := runCase(t, "", "generate", "-v", "./good"); status != 0 || out != "" {
		t.Errorf("a second generate rewrote files: %s", out)
	}

	// Change the workflow: -check names the stale file and writes nothing.
	src := filepath.Join(dir, "good", "good.go")
	data, _ := os.ReadFile(src)
	os.WriteFile(src, bytes.Replace(data, []byte(`"Done"`), []byte(`"Finished"`), 1), 0o644)
	before := snapshot(t, dir)
	status, out, errOut = runCase(t, "", "generate", "-check", "./good")
	if status != 1 || errOut != "stale: good/order_flow.asl.json\nstale: good/order_flow_sfn.go\nrun 'goasl generate' (or go generate) to update them\n" {
		t.Errorf("-check after a change: status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	sameFiles(t, before, snapshot(t, dir))
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate after a change: %s", errOut)
	}
	if status, _, errOut := runCase(t, "", "generate", "-check", "./good"); status != 0 {
		t.Errorf("-check after regenerating: %s", errOut)
	}
}

// TestGenerateFailures checks that every kind of bad input gives a clear
// message and leaves the module as it was.
func TestGenerateFailures(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		setup func(t *testing.T, dir string)
	}{
		{name: "no_workflows", args: []string{"generate", "./nowf"}},
		{name: "panics", args: []string{"generate", "./panics"}},
		{name: "compile_error", args: []string{"generate", "./broken"}},
		{name: "main_package", args: []string{"generate", "./mainpkg"}},
		{name: "does_not_build", args: []string{"generate", "./good"}, setup: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "good", "bad.go"), []byte("package good\n\nvar x int = \"s\"\n"), 0o644)
		}},
		{name: "foreign_go_file", args: []string{"generate", "./good"}, setup: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "good", "order_flow_sfn.go"), []byte("// my own file\npackage good\n"), 0o644)
		}},
		{name: "foreign_json_file", args: []string{"generate", "./good"}, setup: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "good", "order_flow.asl.json"), []byte("{}\n"), 0o644)
		}},
		{name: "unwritable", args: []string{"generate", "./good"}, setup: func(t *testing.T, dir string) {
			// A directory where the Go file should go cannot be replaced
			// by a file (root ignores permission bits, so chmod would not
			// make the directory unwritable here).
			os.Mkdir(filepath.Join(dir, "good", "order_flow_sfn.go"), 0o755)
		}},
		{name: "bad_names_flag", args: []string{"generate", "-names", "camel", "./good"}},
		{name: "syntax_error", args: []string{"generate", "./nowf"}, setup: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, "nowf", "bad.go"), []byte("package nowf\n\nfunc (\n"), 0o644)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newModule(t)
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			before := snapshot(t, dir)
			status, out, errOut := runCase(t, "", tt.args...)
			if status == 0 {
				t.Errorf("succeeded:\n%s%s", out, errOut)
			}
			sameFiles(t, before, snapshot(t, dir))
			golden.Check(t, goldenPath(tt.name+".golden"), []byte(normalize(dir, "-- stdout --\n"+out+"-- stderr --\n"+errOut)))
		})
	}
}

func TestCompileAndGraph(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "compile", "./good")
	if status != 0 {
		t.Fatalf("compile: %s", errOut)
	}
	golden.Check(t, goldenPath("compile.golden"), []byte(out))

	status, _, errOut = runCase(t, "", "compile", "-o", "out", "./good")
	if status != 0 {
		t.Fatalf("compile -o: %s", errOut)
	}
	written, err := os.ReadFile(filepath.Join(dir, "out", "order_flow.asl.json"))
	if err != nil || string(written) != out {
		t.Errorf("compile -o wrote %q (%v), want what compile printed", written, err)
	}
	if m, _ := os.ReadFile(filepath.Join(dir, "out", ".goasl-generated")); string(m) != "# Files written by goasl compile -o; goasl overwrites only these.\norder_flow.asl.json\n" {
		t.Errorf("manifest: %q", m)
	}
	// Again: goasl may overwrite its own file.
	if status, _, errOut := runCase(t, "", "compile", "-o", "out", "./good"); status != 0 {
		t.Errorf("compile -o again: %s", errOut)
	}
	// A file goasl did not write stays.
	os.Mkdir(filepath.Join(dir, "other"), 0o755)
	os.WriteFile(filepath.Join(dir, "other", "order_flow.asl.json"), []byte("mine"), 0o644)
	status, _, errOut = runCase(t, "", "compile", "-o", "other", "./good")
	if status != 1 || errOut != "goasl: other/order_flow.asl.json exists and was not written by goasl (.goasl-generated does not list it): move it, or choose another -o directory\n" {
		t.Errorf("compile -o over a foreign file: %d %s", status, errOut)
	}

	status, out, errOut = runCase(t, "", "graph", "./good")
	if status != 0 {
		t.Fatalf("graph: %s", errOut)
	}
	golden.Check(t, goldenPath("graph.mmd.golden"), []byte(out))
	status, out, errOut = runCase(t, "", "graph", "-format", "dot", filepath.Join(dir, "out", "order_flow.asl.json"))
	if status != 0 {
		t.Fatalf("graph -format dot FILE: %s", errOut)
	}
	golden.Check(t, goldenPath("graph.dot.golden"), []byte(out))
	if status, _, errOut := runCase(t, "", "graph", "-format", "svg", "./good"); status != 2 || errOut != "goasl: -format \"svg\": give mermaid or dot\n" {
		t.Errorf("graph -format svg: %d %s", status, errOut)
	}
}

// TestGenerateDir writes the files to a subdirectory, as a package of
// their own, and checks that they build.
func TestGenerateDir(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "generate", "-v", "-dir", "sfn", "-names", "lower", "./good")
	if status != 0 {
		t.Fatalf("generate -dir: %s", errOut)
	}
	if out != "wrote good/sfn/orderflow.asl.json\nwrote good/sfn/orderflow_sfn.go\n" {
		t.Errorf("generate -dir -v printed:\n%s", out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "good", "sfn", "orderflow_sfn.go"))
	if err != nil || !bytes.Contains(src, []byte("\npackage sfn\n")) || !bytes.Contains(src, []byte("//go:embed orderflow.asl.json\n")) {
		t.Errorf("the Go file is not in package sfn or does not embed its definition:\n%s", src)
	}
	build := exec.Command("go", "vet", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the generated code does not build: %v\n%s", err, out)
	}
	if status, _, errOut := runCase(t, "", "generate", "-dir", "../elsewhere", "./good"); status != 2 || errOut != "goasl: -dir: \"../elsewhere\" is not inside the package directory: give a relative path such as sfn\n" {
		t.Errorf("generate -dir ../elsewhere: %d %s", status, errOut)
	}
}

// TestGenerateDirRefused checks that -dir names a directory the go tool
// builds, inside the package.
func TestGenerateDirRefused(t *testing.T) {
	dir := newModule(t)
	for _, tt := range []struct{ dir, msg string }{
		{".hidden", `goasl: -dir: ".hidden": the go tool ignores a directory named ".hidden" (names starting with "." or "_", and testdata), so the generated package would not build: choose another name, such as sfn` + "\n"},
		{"gen/_x", `goasl: -dir: "gen/_x": the go tool ignores a directory named "_x" (names starting with "." or "_", and testdata), so the generated package would not build: choose another name, such as sfn` + "\n"},
		{"testdata", `goasl: -dir: "testdata": the go tool ignores a directory named "testdata" (names starting with "." or "_", and testdata), so the generated package would not build: choose another name, such as sfn` + "\n"},
	} {
		if status, _, errOut := runCase(t, "", "generate", "-dir", tt.dir, "./good"); status != 2 || errOut != tt.msg {
			t.Errorf("-dir %s: status %d\n%s", tt.dir, status, errOut)
		}
	}
	outside := t.TempDir()
	os.Symlink(outside, filepath.Join(dir, "good", "sfn"))
	before := snapshot(t, dir)
	status, _, errOut := runCase(t, "", "generate", "-dir", "sfn/x", "./good")
	want := "goasl: -dir: good/sfn/x leads to " + filepath.Join(outside, "x") + ", outside the package directory good, through a symbolic link: give a directory inside the package\n"
	if status != 1 || errOut != want {
		t.Errorf("-dir through a symbolic link: status %d\n%s", status, errOut)
	}
	sameFiles(t, before, snapshot(t, dir))
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("generate wrote outside the module: %d files", len(entries))
	}
}

// TestGenerateLeftoverDefinition deletes the Go file of a workflow and
// keeps its .asl.json: a file that holds exactly what goasl would write is
// no conflict.
func TestGenerateLeftoverDefinition(t *testing.T) {
	dir := newModule(t)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate: %s", errOut)
	}
	os.Remove(filepath.Join(dir, "good", "order_flow_sfn.go"))
	status, out, errOut := runCase(t, "", "generate", "-v", "./good")
	if status != 0 || out != "wrote good/order_flow_sfn.go\n" || errOut != "" {
		t.Errorf("generate with a leftover definition: status %d\n%s%s", status, out, errOut)
	}
	// A definition that differs is still refused.
	os.Remove(filepath.Join(dir, "good", "order_flow_sfn.go"))
	os.WriteFile(filepath.Join(dir, "good", "order_flow.asl.json"), []byte("{}\n"), 0o644)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 1 || errOut != "goasl: good/order_flow.asl.json exists and was not generated by goasl (no goasl-generated Go file embeds it): rename it or the workflow\n" {
		t.Errorf("generate over a changed leftover: status %d\n%s", status, errOut)
	}
}

// TestGenerateFromScratch deletes every generated file of a package whose
// other files (and another package) use generated names, and runs go
// generate for real: goasl builds the driver without the files that need
// the generated names, and writes the files again.
func TestGenerateFromScratch(t *testing.T) {
	dir := newModule(t)
	if err := copyTree(filepath.Join(pkgDir, "testdata", "scratch"), dir); err != nil {
		t.Fatal(err)
	}
	// The package does not build before its first generation: this is
	// generation from scratch already.
	status, out, errOut := runCase(t, "", "generate", "-v", "./claims", "./api")
	if status != 0 || out != "wrote claims/claim_pipeline.asl.json\nwrote claims/claim_pipeline_sfn.go\n" || errOut != "" {
		t.Fatalf("generate from scratch: status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	vet := func() {
		t.Helper()
		cmd := exec.Command("go", "vet", "./claims", "./api")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the packages do not build after generating: %v\n%s", err, out)
		}
	}
	vet()
	first := snapshot(t, filepath.Join(dir, "claims"))
	for _, f := range []string{"claim_pipeline.asl.json", "claim_pipeline_sfn.go"} {
		os.Remove(filepath.Join(dir, "claims", f))
	}
	cmd := exec.Command("go", "generate", "./...")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go generate ./... after deleting the generated files: %v\n%s", err, out)
	}
	sameFiles(t, first, snapshot(t, filepath.Join(dir, "claims")))
	vet()

	// A file the workflow function needs that uses a generated name
	// cannot be left out: the errors are those of go build.
	os.Remove(filepath.Join(dir, "claims", "claim_pipeline_sfn.go"))
	os.WriteFile(filepath.Join(dir, "claims", "uses.go"), []byte("package claims\n\nvar _ = Pipeline\n\nfunc init() { _ = ClaimPipelineDoneOutput{} }\n"), 0o644)
	src, _ := os.ReadFile(filepath.Join(dir, "claims", "claims.go"))
	os.WriteFile(filepath.Join(dir, "claims", "claims.go"), bytes.Replace(src, []byte("wf.Pass(\"Validate\")"), []byte("_ = ClaimPipelineDoneInput{}\n\twf.Pass(\"Validate\")"), 1), 0o644)
	status, _, errOut = runCase(t, "", "generate", "./claims")
	want := "goasl: the packages do not build:\nclaims/handler.go:4:35: undefined: ClaimPipelineDefinition\nclaims/handler.go:7:18: undefined: ClaimPipelineValidateInput\nclaims/claims.go:17:6: undefined: ClaimPipelineDoneInput\nclaims/uses.go:5:19: undefined: ClaimPipelineDoneOutput\n"
	if status != 1 || errOut != want {
		t.Errorf("a workflow function using a generated name: status %d\n%s\nwant\n%s", status, errOut, want)
	}
}

// TestGenerateMissingDefinition deletes only the .asl.json that a
// generated Go file embeds: the package then fails to build on the embed
// pattern, and goasl builds the driver without the generated file and
// writes both again.
func TestGenerateMissingDefinition(t *testing.T) {
	dir := newModule(t)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate: %s", errOut)
	}
	want, err := os.ReadFile(filepath.Join(dir, "good", "order_flow.asl.json"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "good", "order_flow.asl.json"))
	status, out, errOut := runCase(t, "", "generate", "-v", "./good")
	if status != 0 || out != "wrote good/order_flow.asl.json\n" || errOut != "" {
		t.Errorf("generate without the definition: status %d\n%s%s", status, out, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "good", "order_flow.asl.json")); string(got) != string(want) {
		t.Errorf("the definition written again differs:\n%s", got)
	}
}
