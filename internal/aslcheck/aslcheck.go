package aslcheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// modulePath identifies the repository's go.mod when looking for the root.
const modulePath = "github.com/goasl/goasl"

// Result is the verdict of both validators on one file.
type Result struct {
	// File is the path exactly as it was given to Validate.
	File string
	// LanguageService holds the errors and warnings of
	// amazon-states-language-service, each as "LINE:COL: severity: message"
	// (1-based line and column).
	LanguageService []string
	// ASLValidator holds the errors of asl-validator (run with checkPaths
	// and checkArn), each as "ERROR_CODE: message".
	ASLValidator []string
}

// OK reports whether neither validator found anything wrong with the file.
func (r Result) OK() bool {
	return len(r.LanguageService) == 0 && len(r.ASLValidator) == 0
}

// RepoRoot returns the root of the goasl repository: the nearest directory,
// from the working directory upwards, whose go.mod declares the module
// github.com/goasl/goasl.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("aslcheck: %w", err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && declaresModule(data) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("aslcheck: no go.mod of module %s in the working directory or above it", modulePath)
		}
		dir = parent
	}
}

func declaresModule(gomod []byte) bool {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == modulePath {
			return true
		}
	}
	return false
}

// NPMDir returns the folder that holds the pinned validators:
// tools/npm under the repository root.
func NPMDir() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "tools", "npm"), nil
}

// Available reports why the validators cannot run, or nil when they can:
// node must be on PATH, and every dependency pinned in
// tools/npm/package.json must be installed in tools/npm/node_modules at
// exactly the pinned version.
func Available() error {
	_, _, err := available()
	return err
}

// available returns the paths of node and of validate.js.
func available() (node, script string, err error) {
	dir, err := NPMDir()
	if err != nil {
		return "", "", err
	}
	node, err = exec.LookPath("node")
	if err != nil {
		return "", "", errors.New("aslcheck: Node.js (node) is not on PATH")
	}
	script = filepath.Join(dir, "validate.js")
	if _, err := os.Stat(script); err != nil {
		return "", "", fmt.Errorf("aslcheck: %w", err)
	}
	pins, err := readDependencies(filepath.Join(dir, "package.json"))
	if err != nil {
		return "", "", err
	}
	names := make([]string, 0, len(pins))
	for name := range pins {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		installed := filepath.Join(dir, "node_modules", filepath.FromSlash(name), "package.json")
		data, err := os.ReadFile(installed)
		if err != nil {
			return "", "", fmt.Errorf("aslcheck: %s is not installed in %s", name, filepath.Join(dir, "node_modules"))
		}
		var pkg struct {
			Version string `json:"version"`
		}
		if err := json.Unmarshal(data, &pkg); err != nil {
			return "", "", fmt.Errorf("aslcheck: %s: %w", installed, err)
		}
		if pkg.Version != pins[name] {
			return "", "", fmt.Errorf("aslcheck: %s %s is installed but tools/npm/package.json pins %s", name, pkg.Version, pins[name])
		}
	}
	return node, script, nil
}

func readDependencies(packageJSON string) (map[string]string, error) {
	data, err := os.ReadFile(packageJSON)
	if err != nil {
		return nil, fmt.Errorf("aslcheck: %w", err)
	}
	var pkg struct {
		Dependencies map[string]string `json:"dependencies"`
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, fmt.Errorf("aslcheck: %s: %w", packageJSON, err)
	}
	if len(pkg.Dependencies) == 0 {
		return nil, fmt.Errorf("aslcheck: %s pins no dependencies", packageJSON)
	}
	return pkg.Dependencies, nil
}

// ciEnabled reports whether the tests run under CI, where missing
// validators are a failure rather than a reason to skip.
func ciEnabled() bool { return os.Getenv("CI") == "true" }

// installHint tells a developer how to get the validators.
const installHint = "run `bash scripts/test.sh`, or `npm ci --ignore-scripts --no-audit --no-fund` in tools/npm, with Node.js 20 or later on PATH"

// Require skips t, with a message saying how to install them, when the
// validators cannot run (see Available). When the environment variable CI
// is "true" it fails t instead: CI must never pass without running them.
func Require(t testing.TB) {
	t.Helper()
	err := Available()
	if err == nil {
		return
	}
	if ciEnabled() {
		t.Fatalf("%v; CI=true, so the ASL validators are required: %s", err, installHint)
	}
	t.Skipf("skipping, the ASL validators are not available: %v; %s", err, installHint)
}

// wireResult is one line of the results file written by validate.js.
type wireResult struct {
	File            string   `json:"file"`
	LanguageService []string `json:"languageService"`
	ASLValidator    []string `json:"aslValidator"`
	ReadError       string   `json:"readError"`
}

// Validate runs both validators over files in one Node.js process and
// returns one Result per file, in the order given. Relative paths are
// relative to the working directory. A file that cannot be read, a path
// with a line break in it, or a failure of the Node.js process is an error;
// diagnostics are not. An empty list returns no results without starting
// Node.js.
func Validate(files []string) ([]Result, error) {
	return validate(files, nil)
}

// validate is Validate with extra environment variables (NAME=value) for
// the Node.js process.
func validate(files, env []string) ([]Result, error) {
	if len(files) == 0 {
		return nil, nil
	}
	node, script, err := available()
	if err != nil {
		return nil, err
	}
	var list strings.Builder
	for _, f := range files {
		if f == "" || strings.ContainsAny(f, "\r\n") {
			return nil, fmt.Errorf("aslcheck: unusable file path %q", f)
		}
		// Reading each file here reports a missing file before Node.js
		// starts, with Go's own error message.
		if _, err := os.ReadFile(f); err != nil {
			return nil, fmt.Errorf("aslcheck: %w", err)
		}
		list.WriteString(f)
		list.WriteByte('\n')
	}
	tmp, err := os.MkdirTemp("", "aslcheck-")
	if err != nil {
		return nil, fmt.Errorf("aslcheck: %w", err)
	}
	defer os.RemoveAll(tmp)
	resultsFile := filepath.Join(tmp, "results.jsonl")

	cmd := exec.Command(node, script, resultsFile)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(list.String())
	var stderr bytes.Buffer
	cmd.Stdout = &stderr // validate.js writes nothing there; keep it for error messages
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("aslcheck: node %s: %v\n%s", filepath.Base(script), err, strings.TrimSpace(stderr.String()))
	}
	return readResults(resultsFile, files)
}

// readResults parses the JSON Lines written by validate.js and checks that
// they answer exactly the files asked about, in order.
func readResults(resultsFile string, files []string) ([]Result, error) {
	f, err := os.Open(resultsFile)
	if err != nil {
		return nil, fmt.Errorf("aslcheck: validate.js left no results: %w", err)
	}
	defer f.Close()
	results := make([]Result, 0, len(files))
	var readErrs []error
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 64*1024*1024)
	for sc.Scan() {
		var w wireResult
		if err := json.Unmarshal(sc.Bytes(), &w); err != nil {
			return nil, fmt.Errorf("aslcheck: results line %d: %w", len(results)+1, err)
		}
		i := len(results)
		if i >= len(files) || w.File != files[i] {
			return nil, fmt.Errorf("aslcheck: results line %d is for %q, not for the file asked about", i+1, w.File)
		}
		if w.ReadError != "" {
			readErrs = append(readErrs, fmt.Errorf("aslcheck: %s: %s", w.File, w.ReadError))
		}
		results = append(results, Result{
			File:            w.File,
			LanguageService: nonEmpty(w.LanguageService),
			ASLValidator:    nonEmpty(w.ASLValidator),
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("aslcheck: reading results: %w", err)
	}
	if len(results) != len(files) {
		return nil, fmt.Errorf("aslcheck: validate.js returned %d results for %d files", len(results), len(files))
	}
	if len(readErrs) > 0 {
		return results, errors.Join(readErrs...)
	}
	return results, nil
}

func nonEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
