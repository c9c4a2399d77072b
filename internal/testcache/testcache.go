package testcache

import (
	"bufio"
	"bytes"
	"fmt"
	"go/importer"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Importer returns an importer that reads packages from the export data
// the go command builds (go list -export, run in the current directory),
// so importing touches no directory of the module. One importer shares
// each package, so types from different imports are identical.
func Importer(fset *token.FileSet) types.Importer {
	l := &lookup{exports: map[string]string{}}
	return importer.ForCompiler(fset, "gc", l.open)
}

type lookup struct {
	mu      sync.Mutex
	exports map[string]string // import path → export data file
}

// open is the gc importer's lookup: it finds a package's export data,
// asking the go command for it and its dependencies the first time.
func (l *lookup) open(path string) (io.ReadCloser, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	file, ok := l.exports[path]
	if !ok {
		cmd := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}\t{{.Export}}", path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list -export %s: %v\n%s", path, err, stderr.Bytes())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			p, f, _ := strings.Cut(sc.Text(), "\t")
			if f != "" {
				l.exports[p] = f
			}
		}
		file, ok = l.exports[path]
		if !ok {
			return nil, fmt.Errorf("go list -export %s: no export data for %s", path, path)
		}
	}
	return os.Open(file)
}

// CheckInputs runs the test named test of the running test binary again,
// alone, and fails t if it stat'ed or opened a directory of the module
// that allowDir (given the path relative to the module root,
// slash-separated; "." for the root) does not accept. Directories below
// a testdata folder are always accepted: what is in them is the test's
// input.
func CheckInputs(t *testing.T, test string, allowDir func(rel string) bool) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs a test again in a subprocess; skipped with -short")
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	logFile := filepath.Join(t.TempDir(), "testlog.txt")
	cmd := exec.Command(os.Args[0], "-test.run=^("+test+")$", "-test.count=1", "-test.testlogfile="+logFile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("running %s again: %v\n%s", test, err, out)
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	seen := map[string]bool{}
	for line := range strings.SplitSeq(string(data), "\n") {
		op, name, ok := strings.Cut(line, " ")
		if !ok || (op != "stat" && op != "open") || seen[line] {
			continue
		}
		seen[line] = true
		rel, err := filepath.Rel(root, name)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			continue // outside the module: go test does not look at it
		}
		rel = filepath.ToSlash(rel)
		if info, err := os.Stat(name); err != nil || !info.IsDir() {
			continue
		}
		if underTestdata(rel) || allowDir != nil && allowDir(rel) {
			continue
		}
		bad = append(bad, line)
	}
	if len(bad) > 0 {
		t.Errorf("%s looks at directories of the module (%s), so go test cannot cache its package's result whenever a file is created there:\n%s",
			test, root, strings.Join(bad, "\n"))
	}
}

func underTestdata(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if part == "testdata" {
			return true
		}
	}
	return false
}

// moduleRoot is the nearest directory at or above the working directory
// with a go.mod file.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod in the working directory or above it")
		}
		dir = parent
	}
}
