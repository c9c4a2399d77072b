//go:build unix

package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/goasl/goasl/driver"
)

// TestWriteAllRollback makes the second of three renames fail: the first
// file gets its old contents back, the third is untouched, the new file is
// not created, and no temporary file is left.
func TestWriteAllRollback(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("a.asl.json", []byte("old a"), 0o644)
	os.WriteFile("c_sfn.go", []byte("old c"), 0o644)
	calls := 0
	rename = func(from, to string) error {
		calls++
		if calls == 2 {
			return &os.LinkError{Op: "rename", Old: from, New: to, Err: errors.New("disk on fire")}
		}
		return os.Rename(from, to)
	}
	defer func() { rename = os.Rename }()
	var out, errOut bytes.Buffer
	err := writeAll(&env{stdout: &out, stderr: &errOut}, []output{
		{filepath.Join(dir, "a.asl.json"), []byte("new a")},
		{filepath.Join(dir, "b.asl.json"), []byte("new b")},
		{filepath.Join(dir, "c_sfn.go"), []byte("new c")},
	}, true)
	if err == nil || err.Error() != "cannot write b.asl.json: disk on fire" {
		t.Errorf("error: %v", err)
	}
	want := map[string]string{"a.asl.json": "old a", "c_sfn.go": "old c"}
	entries, _ := os.ReadDir(dir)
	got := map[string]string{}
	for _, ent := range entries {
		data, _ := os.ReadFile(ent.Name())
		got[ent.Name()] = string(data)
	}
	if len(got) != len(want) || got["a.asl.json"] != want["a.asl.json"] || got["c_sfn.go"] != want["c_sfn.go"] {
		t.Errorf("after a failed rename the directory holds %q, want %q", got, want)
	}
	if out.Len() != 0 {
		t.Errorf("-v listed files of a failed run: %q", out.String())
	}
}

// TestWriteAllMode checks that written files get 0644 less the umask, as
// files other programs create.
func TestWriteAllMode(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "x.asl.json")
	if err := writeAll(&env{stdout: new(bytes.Buffer)}, []output{{path, []byte("{}\n")}}, false); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want -rw-r----- (0644 with umask 027)", fi.Mode().Perm())
	}
}

// TestWriteNonRegular checks that goasl never replaces anything but a
// regular file: a named pipe, a directory and a symbolic link stay.
func TestWriteNonRegular(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := syscall.Mkfifo("pipe.go", 0o644); err != nil {
		t.Fatal(err)
	}
	os.Mkdir("dir.go", 0o755)
	os.WriteFile("target", []byte("mine"), 0o644)
	os.Symlink("target", "link.go")
	for _, tt := range []struct{ name, msg string }{
		{"pipe.go", "cannot write pipe.go: is a named pipe, not a regular file: goasl replaces only regular files"},
		{"dir.go", "cannot write dir.go: is a directory"},
		{"link.go", "cannot write link.go: is a symbolic link: goasl replaces only regular files; remove the link or write elsewhere"},
	} {
		err := writeAll(&env{stdout: new(bytes.Buffer)}, []output{{filepath.Join(dir, tt.name), []byte("x")}}, false)
		if err == nil || err.Error() != tt.msg {
			t.Errorf("%s: error %v, want %s", tt.name, err, tt.msg)
		}
	}
	if fi, err := os.Lstat("pipe.go"); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the named pipe was replaced: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Lstat("link.go"); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if data, _ := os.ReadFile("target"); string(data) != "mine" {
		t.Errorf("the link's target was changed: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("temporary files were left: %d entries", len(entries))
	}
}

// TestImportOutputSpecial checks import -o on a character device (written
// to, not replaced), on a named pipe (refused) and on its own input.
func TestImportOutputSpecial(t *testing.T) {
	in, _ := filepath.Abs("testdata/import/order.asl.json")
	status, out, errOut := runCase(t, "", "import", "-o", "/dev/null", in)
	if status != 0 || out != "" || errOut != "" {
		t.Errorf("import -o /dev/null: status %d\n%s%s", status, out, errOut)
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a character device: %v %v", fi.Mode(), err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	syscall.Mkfifo("pipe.go", 0o644)
	status, _, errOut = runCase(t, "", "import", "-o", "pipe.go", in)
	if status != 1 || errOut != "goasl: cannot write pipe.go: is a named pipe, not a regular file: goasl replaces only regular files\n" {
		t.Errorf("import -o pipe: status %d\n%s", status, errOut)
	}
	data, _ := os.ReadFile(in)
	os.WriteFile("order.asl.json", data, 0o644)
	status, _, errOut = runCase(t, "", "import", "-o", "order.asl.json", "order.asl.json")
	if status != 2 || errOut != "goasl: -o order.asl.json is also an input file: write the Go code to another file\n" {
		t.Errorf("import -o INPUT: status %d\n%s", status, errOut)
	}
	if after, _ := os.ReadFile("order.asl.json"); !bytes.Equal(after, data) {
		t.Errorf("import -o overwrote its input")
	}
}

// TestCheckResult checks that goasl refuses a driver result that names
// what it did not ask for, instead of panicking or writing outside the
// package.
func TestCheckResult(t *testing.T) {
	pkgs := []*workflowPackage{{Path: "example.com/wf/good", Name: "good", Funcs: []string{"Orders"}}}
	ok := driver.Workflow{PackagePath: "example.com/wf/good", Func: "Orders", Name: "OrderFlow", Base: "order_flow"}
	tests := []struct {
		name string
		ws   []driver.Workflow
		want string
	}{
		{"ok", []driver.Workflow{ok}, ""},
		{"unknown_package", []driver.Workflow{{PackagePath: "example.com/other", Func: "Orders", Name: "OrderFlow", Base: "order_flow"}},
			`goasl's driver program returned a result it was not asked for (workflow function "example.com/other.Orders"): did a workflow function write to the driver's files? Run goasl again`},
		{"outside", []driver.Workflow{{PackagePath: "example.com/wf/good", Func: "Orders", Name: "OrderFlow", Base: "../../evil"}},
			`goasl's driver program returned a result it was not asked for (file name "../../evil" for workflow "OrderFlow"): did a workflow function write to the driver's files? Run goasl again`},
		{"outside_unnamed", []driver.Workflow{{PackagePath: "example.com/wf/good", Func: "Orders", Base: "../../evil"}},
			`goasl's driver program returned a result it was not asked for (file name "../../evil" for workflow ""): did a workflow function write to the driver's files? Run goasl again`},
		{"failed", []driver.Workflow{{PackagePath: "example.com/wf/good", Func: "Orders", Failure: "Orders panicked"}}, ""},
		{"twice", []driver.Workflow{ok, ok},
			`goasl's driver program returned a result it was not asked for (example.com/wf/good.Orders twice): did a workflow function write to the driver's files? Run goasl again`},
		{"missing", nil,
			`goasl's driver program returned a result it was not asked for (0 of 1 workflow functions): did a workflow function write to the driver's files? Run goasl again`},
	}
	for _, tt := range tests {
		err := checkResult(&driver.Result{Workflows: tt.ws}, pkgs, "")
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}
