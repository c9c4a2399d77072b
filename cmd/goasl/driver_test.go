//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestGenerateDriverEnds checks the messages for workflow functions that
// do not return: each names the function.
func TestGenerateDriverEnds(t *testing.T) {
	newModule(t)
	tests := []struct {
		pkg, first string
		output     []string
	}{
		{"./sleeps", "goasl: example.com/wf/sleeps.Slow did not return within 2s: a workflow function should only build its workflow; if it needs longer, give goasl a longer -timeout\n", nil},
		{"./ends/exits", "goasl: example.com/wf/ends/exits.Quit ended goasl's driver program (exit status 3) before returning its workflow: a workflow function must return, not call os.Exit or log.Fatal, and not crash in another goroutine (a panic there, a stack overflow); its output:\n", []string{"giving up\n"}},
		{"./ends/fatal", "goasl: example.com/wf/ends/fatal.Fatal ended goasl's driver program (exit status 1) before returning its workflow: a workflow function must return, not call os.Exit or log.Fatal, and not crash in another goroutine (a panic there, a stack overflow); its output:\n", []string{"no configuration\n"}},
		{"./ends/gopanic", "goasl: example.com/wf/ends/gopanic.Background ended goasl's driver program (exit status 2) before returning its workflow: a workflow function must return, not call os.Exit or log.Fatal, and not crash in another goroutine (a panic there, a stack overflow); its output:\n", []string{"panic: lost in a goroutine\n", "gopanic/gopanic.go:12"}},
		{"./ends/overflow", "goasl: example.com/wf/ends/overflow.Deep ended goasl's driver program (exit status 2) before returning its workflow: a workflow function must return, not call os.Exit or log.Fatal, and not crash in another goroutine (a panic there, a stack overflow); its output:\n", []string{"fatal error: stack overflow", "more lines)"}},
	}
	for _, tt := range tests {
		status, out, errOut := runCase(t, "", "generate", "-timeout", "2s", tt.pkg)
		if status != 1 || out != "" || !strings.HasPrefix(errOut, tt.first) {
			t.Errorf("%s: status %d\nstdout:\n%s\nstderr:\n%s\nwant stderr starting with\n%s", tt.pkg, status, out, errOut, tt.first)
		}
		for _, o := range tt.output {
			if !strings.Contains(errOut, o) {
				t.Errorf("%s: the message does not show %q:\n%s", tt.pkg, o, errOut)
			}
		}
	}
}

// TestGenerateShowsStderr checks that what a workflow function writes to
// standard error is shown when it succeeds too.
func TestGenerateShowsStderr(t *testing.T) {
	newModule(t)
	status, out, errOut := runCase(t, "", "generate", "-v", "./prints")
	if status != 0 || out != "wrote prints/noisy.asl.json\nwrote prints/noisy_sfn.go\n" || errOut != "warning: using the default table\n" {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
}

// TestGenerateSourceChanged checks that a source file edited while goasl
// runs makes goasl try again and then give up, writing nothing.
func TestGenerateSourceChanged(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "generate", "./edits")
	want := "goasl: edits/edits.go changed while goasl was running, twice: goasl wrote nothing; run it again when the sources are not being edited\n"
	if status != 1 || out != "" || errOut != want {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "edits", "edit.asl.json")); !os.IsNotExist(err) {
		t.Errorf("goasl wrote output for a source that changed (%v)", err)
	}
}

// TestGenerateLeftovers checks that a run removes the driver directories
// a killed goasl left behind: in the module (earlier versions) and in the
// temporary directory.
func TestGenerateLeftovers(t *testing.T) {
	dir := newModule(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	legacy := filepath.Join(dir, ".goasl-driver-1234")
	os.Mkdir(legacy, 0o755)
	os.WriteFile(filepath.Join(legacy, "main.go"), []byte(legacyDriverHeader+"\npackage main\n"), 0o644)
	dead := exec.Command("true")
	dead.Run()
	left := filepath.Join(tmp, "goasl-driver-1")
	os.Mkdir(left, 0o755)
	os.WriteFile(filepath.Join(left, "pid"), []byte(strconv.Itoa(dead.Process.Pid)), 0o644)
	alive := filepath.Join(tmp, "goasl-driver-2")
	os.Mkdir(alive, 0o755)
	os.WriteFile(filepath.Join(alive, "pid"), []byte(strconv.Itoa(os.Getpid())), 0o644)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate: %s", errOut)
	}
	for _, d := range []string{legacy, left} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("the leftover %s is still there (%v)", d, err)
		}
	}
	if _, err := os.Stat(alive); err != nil {
		t.Errorf("the directory of a running goasl was removed: %v", err)
	}
}

// TestGenerateSignal sends SIGTERM, then SIGKILL, to a goasl whose
// workflow function sleeps: the driver dies with goasl; after SIGTERM
// nothing is left behind, after SIGKILL the next run removes what is.
func TestGenerateSignal(t *testing.T) {
	dir := newModule(t)
	bin := filepath.Join(t.TempDir(), "goasl")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building goasl: %v\n%s", err, out)
	}
	t.Run("SIGTERM", func(t *testing.T) { signalDuringRun(t, bin, dir, syscall.SIGTERM) })
	t.Run("SIGKILL", func(t *testing.T) { signalDuringRun(t, bin, dir, syscall.SIGKILL) })
}

func signalDuringRun(t *testing.T, bin, dir string, sig syscall.Signal) {
	tmp := t.TempDir()
	pidFile := filepath.Join(tmp, "driver.pid")
	cmd := exec.Command(bin, "generate", "-timeout", "10m", "./sleeps")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "GOASL_TEST_PIDFILE="+pidFile)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var driverPid int
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if data, err := os.ReadFile(pidFile); err == nil && len(data) > 0 {
			driverPid, _ = strconv.Atoi(string(data))
			break
		}
	}
	if driverPid == 0 {
		cmd.Process.Kill()
		t.Fatalf("the workflow function did not start: %s", stderr.String())
	}
	cmd.Process.Signal(sig)
	err := cmd.Wait()
	if sig == syscall.SIGTERM {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 143 || stderr.String() != "goasl: terminated: stopped\n" {
			t.Errorf("goasl ended with %v, stderr:\n%s", err, stderr.String())
		}
	}
	for deadline := time.Now().Add(10 * time.Second); alive(driverPid) && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
	}
	if alive(driverPid) {
		syscall.Kill(driverPid, syscall.SIGKILL)
		t.Errorf("the driver (pid %d) outlived goasl", driverPid)
	}
	if sig == syscall.SIGKILL {
		// goasl had no chance to clean up: the next run does.
		if m, _ := filepath.Glob(filepath.Join(tmp, "goasl-driver-*")); len(m) != 1 {
			t.Errorf("after SIGKILL: %q", m)
		}
		next := exec.Command(bin, "generate", "./good")
		next.Dir = dir
		next.Env = append(os.Environ(), "TMPDIR="+tmp)
		if out, err := next.CombinedOutput(); err != nil {
			t.Fatalf("the next run: %v\n%s", err, out)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(tmp, "goasl-driver-*")); len(m) > 0 {
		t.Errorf("left behind: %s", m)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".goasl-driver*")); len(m) > 0 {
		t.Errorf("left behind in the module: %s", m)
	}
}

// alive reports whether a process exists and is not a zombie.
func alive(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	// pid (comm) STATE ...
	s := string(data)
	i := strings.LastIndex(s, ")")
	return i < 0 || i+2 >= len(s) || s[i+2] != 'Z'
}

// TestCompileSameName checks that compile -o refuses two workflows that
// would write the same file, naming both.
func TestCompileSameName(t *testing.T) {
	dir := newModule(t)
	status, out, errOut := runCase(t, "", "compile", "-o", "out", "./dup/...")
	want := "goasl: example.com/wf/dup/a.Flow and example.com/wf/dup/b.Flow both write out/flow.asl.json: give the workflows different names, or compile their packages to different -o directories\n"
	if status != 1 || out != "" || errOut != want {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("compile -o made its directory anyway (%v)", err)
	}
}

// TestImportWholeFileName checks that a workflow is named after the whole
// file name: fis.ec2.asl.json and fis.ecs.asl.json are two workflows.
func TestImportWholeFileName(t *testing.T) {
	data, err := os.ReadFile("testdata/import/order.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"fis.ec2.asl.json", "fis.ecs.asl.json"} {
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	status, out, errOut := runCase(t, "", "import", filepath.Join(dir, "fis.ec2.asl.json"), filepath.Join(dir, "fis.ecs.asl.json"))
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut)
	}
	for _, want := range []string{"func FisEc2() *dsl.Workflow {", `dsl.NewWorkflow("fis.ec2")`, "func FisEcs() *dsl.Workflow {", `dsl.NewWorkflow("fis.ecs")`} {
		if !strings.Contains(out, want) {
			t.Errorf("the Go code does not contain %s:\n%s", want, out)
		}
	}
}

// TestDiagnosticPositions runs goasl from a subdirectory of the module:
// positions are relative to the current directory, as go build prints
// them, with a column when the line holds one call.
func TestDiagnosticPositions(t *testing.T) {
	dir := newModule(t)
	t.Chdir(filepath.Join(dir, "good"))
	status, out, errOut := runCase(t, "", "generate", "../broken")
	want := `../broken/broken.go:9: workflow "Broken": state "Start": Next: Missing 'Next' target: Ed: no state named "Ed" (did you mean "End"?); name one of the state machine's states
../broken/broken.go:10:2: workflow "Broken": state "End": State "End" is not reachable: StartAt is not set, so the workflow starts at its first state, "Start", and no path from there leads to it; add a Next, Default or Catch that targets it, remove it, or if the workflow should start elsewhere, say so with wf.StartAt(state)
`
	if status != 1 || out != "" || errOut != want {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", status, out, errOut, want)
	}
}

// TestNoModule checks the messages for packages outside any module and
// for a module that does not require goasl.
func TestNoModule(t *testing.T) {
	hint := "goasl needs github.com/goasl/goasl and its dependencies in your module's go.mod: add goasl as a tool with\n" +
		"\tgo get -tool github.com/goasl/goasl/cmd/goasl\n" +
		"or, when go.mod replaces github.com/goasl/goasl with a directory,\n" +
		"\tgo mod edit -tool=github.com/goasl/goasl/cmd/goasl && go mod tidy\n" +
		"(offline, with the modules in your module cache: GOPROXY=off GOSUMDB=off go mod tidy)\n"
	t.Setenv("GOPROXY", "off")
	mod := t.TempDir()
	os.Mkdir(filepath.Join(mod, "p"), 0o755)
	os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module example.com/x\n\ngo 1.26\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "p", "p.go"), []byte("package p\n\nimport \"github.com/goasl/goasl/dsl\"\n\n// F is a workflow.\nfunc F() *dsl.Workflow { return dsl.NewWorkflow(\"F\") }\n"), 0o644)

	outside := t.TempDir()
	t.Chdir(outside)
	status, out, errOut := runCase(t, "", "compile", filepath.Join(mod, "p"))
	want := "goasl: no go.mod in " + outside + " or any directory above it: goasl loads packages of a Go module; run it inside the module that holds them (go mod init makes one)\n"
	if status != 1 || out != "" || errOut != want {
		t.Errorf("outside a module: status %d\nstderr:\n%s\nwant:\n%s", status, errOut, want)
	}

	t.Chdir(mod)
	status, out, errOut = runCase(t, "", "generate", "./p")
	want = "goasl: the packages do not build:\nno required module provides package github.com/goasl/goasl/dsl; to add it:\n\tgo get github.com/goasl/goasl/dsl\n" + hint
	if status != 1 || out != "" || errOut != want {
		t.Errorf("without goasl in go.mod: status %d\nstderr:\n%s\nwant:\n%s", status, errOut, want)
	}
}

// TestGenerateSourceChangedDuringList edits a source while go list builds
// it (between the first hashing and go list): goasl notices, tries again,
// and gives up, writing nothing.
func TestGenerateSourceChangedDuringList(t *testing.T) {
	dir := newModule(t)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate: %s", errOut)
	}
	src := filepath.Join(dir, "good", "good.go")
	beforeList = func() {
		f, _ := os.OpenFile(src, os.O_APPEND|os.O_WRONLY, 0)
		f.WriteString("// edited\n")
		f.Close()
	}
	defer func() { beforeList = nil }()
	before := snapshot(t, filepath.Join(dir, "good"))
	status, out, errOut := runCase(t, "", "generate", "./good")
	want := "goasl: good/good.go changed while goasl was running, twice: goasl wrote nothing; run it again when the sources are not being edited\n"
	if status != 1 || out != "" || errOut != want {
		t.Errorf("status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	after := snapshot(t, filepath.Join(dir, "good"))
	delete(before, src)
	delete(after, src)
	sameFiles(t, before, after)
}

// TestTempDirSweepsOnce checks that a run looks for the leftovers of
// killed runs once, with its first temporary directory, not with each.
func TestTempDirSweepsOnce(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dead := exec.Command("true")
	dead.Run()
	leave := func(name string) string {
		d := filepath.Join(tmp, name)
		os.Mkdir(d, 0o755)
		os.WriteFile(filepath.Join(d, "pid"), []byte(strconv.Itoa(dead.Process.Pid)), 0o644)
		return d
	}
	exists := func(d string) bool { _, err := os.Stat(d); return err == nil }
	first := leave("goasl-driver-1")
	e := &env{}
	_, done, err := tempDir(e)
	if err != nil {
		t.Fatal(err)
	}
	done()
	if exists(first) {
		t.Errorf("the first temporary directory of a run did not remove the leftover %s", first)
	}
	second := leave("goasl-driver-2")
	_, done, err = tempDir(e)
	if err != nil {
		t.Fatal(err)
	}
	done()
	if !exists(second) {
		t.Errorf("the second temporary directory of the same run looked for leftovers again")
	}
	_, done, err = tempDir(&env{})
	if err != nil {
		t.Fatal(err)
	}
	done()
	if exists(second) {
		t.Errorf("the next run did not remove the leftover %s", second)
	}
}
