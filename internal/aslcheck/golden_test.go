package aslcheck

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcache"
)

// prunedDirs are folders, relative to the repository root, that
// goldenASLFiles does not walk into, each with the reason.
var prunedDirs = map[string]string{
	".git":                   "version-control metadata, not project files",
	"tools/npm/node_modules": "third-party npm packages installed by npm ci, not goasl output",
}

// excludedGoldenFiles lists golden ASL files, relative to the repository
// root, that TestGoldenASLPassesValidators does not require to pass, each
// with the reason (for instance a validator's false positive that
// validate.js cannot filter narrowly). Add an entry only with a reason,
// never silently.
var excludedGoldenFiles = map[string]string{
	"gen/dslgen/testdata/golden/placeholders.asl.json": "an import input with ${Name} placeholders where numbers go, which " +
		"deploy tools replace before AWS sees the definition; both validators check the text as written",
	"asl/testdata/marshal/empty.asl.json": "a Marshal/Parse fixture of present-but-empty arrays (Choices, Branches, And): " +
		"deliberately not a valid workflow",
	"asl/testdata/marshal/empty_strings.asl.json": "a Marshal/Parse fixture of string fields present and empty (\"\"), " +
		"kept apart from absent ones: deliberately not a valid workflow",
	"asl/testdata/marshal/jsonata.asl.json": "a Marshal/Parse fixture that sets every JSONata field, including a boolean " +
		"Choice Condition, which AWS accepts (checklist 7.1.1) and asl-validator's schema does not",
	"asl/testdata/marshal/jsonpath.asl.json": "a Marshal/Parse fixture that sets every JSONPath field, including a decimal " +
		"ToleratedFailurePercentage (AWS accepts it, checklist D7; both validators want an integer) and states kept " +
		"only to cover fields, so not all are reachable",
}

// isGoldenASL reports whether rel (slash-separated, relative to the
// repository root) is a file that TestGoldenASLPassesValidators covers: an
// *.asl.json below a testdata folder with a golden or marshal folder on its
// path, or any *.asl.json below the top-level examples folder.
func isGoldenASL(rel string) bool {
	if !strings.HasSuffix(rel, ".asl.json") {
		return false
	}
	dirs := strings.Split(rel, "/")
	dirs = dirs[:len(dirs)-1]
	if len(dirs) > 0 && dirs[0] == "examples" {
		return true
	}
	return slices.Contains(dirs, "testdata") && (slices.Contains(dirs, "golden") || slices.Contains(dirs, "marshal"))
}

// goldenASLFiles returns the files isGoldenASL selects below the
// directories dirs of the repository at root (each relative to root,
// slash-separated), relative to root, in lexical order.
func goldenASLFiles(root string, dirs []string) ([]string, error) {
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(root, filepath.FromSlash(dir)), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if _, ok := prunedDirs[rel]; ok {
					return filepath.SkipDir
				}
				return nil
			}
			if isGoldenASL(rel) {
				files = append(files, rel)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(files)
	return slices.Compact(files), nil
}

// goldenDirs returns where golden ASL files can be, relative to root: the
// testdata folder of every package of the module and the examples folder.
// It asks the go command for the packages rather than walking the
// repository: a test that lists the repository's root or its package
// directories is never cached by go test, since creating any file there
// (goasl generate's driver directory, an editor's temporary file) changes
// them. A golden file below the testdata folder of a directory that holds
// no Go package is not found.
func goldenDirs(root string) ([]string, error) {
	// Not cmd.Dir = root: starting a command in a directory stats it.
	cmd := exec.Command("go", "list", "-e", "-f", "{{.Dir}}", modulePath+"/...")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list %s/...: %v\n%s", modulePath, err, stderr.String())
	}
	dirs := []string{"examples"}
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		rel, err := filepath.Rel(root, line)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		if rel == "examples" || strings.HasPrefix(rel, "examples/") {
			continue
		}
		testdata := filepath.Join(line, "testdata")
		if info, err := os.Stat(testdata); err == nil && info.IsDir() {
			dirs = append(dirs, path.Join(rel, "testdata"))
		}
	}
	slices.Sort(dirs)
	return dirs, nil
}

func TestIsGoldenASL(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		want bool
	}{
		{"asl/testdata/marshal/pass.asl.json", true},
		{"compiler/testdata/golden/choice.asl.json", true},
		{"compiler/testdata/golden/nested/deep.asl.json", true},
		{"gen/testdata/cases/golden/x.asl.json", true},
		{"examples/order/order.asl.json", true},
		{"examples/order/testdata/out/order.asl.json", true},
		{"examples/top.asl.json", true},
		{"asl/testdata/parse/bad.asl.json", false},
		{"internal/aslcheck/testdata/bad/dangling-next.asl.json", false},
		{"compiler/golden/x.asl.json", false},
		{"compiler/testdata/golden.asl.json", false},
		{"compiler/testdata/golden/x.json", false},
		{"compiler/testdata/golden/x.asl.yaml", false},
		{"docs/examples/x.asl.json", false},
	} {
		if got := isGoldenASL(tc.rel); got != tc.want {
			t.Errorf("isGoldenASL(%q) = %v; want %v", tc.rel, got, tc.want)
		}
	}
}

func TestGoldenASLFiles(t *testing.T) {
	root := t.TempDir()
	for _, rel := range []string{
		".git/testdata/golden/pruned.asl.json",
		"tools/npm/node_modules/pkg/testdata/golden/pruned.asl.json",
		"asl/testdata/marshal/pass.asl.json",
		"asl/testdata/parse/not-golden.asl.json",
		"compiler/testdata/golden/b.asl.json",
		"compiler/testdata/golden/a.asl.json",
		"examples/order/order.asl.json",
		"examples/order/order.go",
	} {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := goldenASLFiles(root, []string{".", "asl/testdata"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"asl/testdata/marshal/pass.asl.json",
		"compiler/testdata/golden/a.asl.json",
		"compiler/testdata/golden/b.asl.json",
		"examples/order/order.asl.json",
	}
	if !slices.Equal(got, want) {
		t.Errorf("goldenASLFiles = %q; want %q", got, want)
	}
}

// TestGoldenASLPassesValidators requires every golden ASL file of the
// repository (see isGoldenASL) to pass both validators with no diagnostic
// at all. It passes on an empty set and logs how many files it checked.
func TestGoldenASLPassesValidators(t *testing.T) {
	t.Parallel()
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := goldenDirs(root)
	if err != nil {
		t.Fatal(err)
	}
	found, err := goldenASLFiles(root, dirs)
	if err != nil {
		t.Fatal(err)
	}
	for rel, why := range excludedGoldenFiles {
		if !slices.Contains(found, rel) {
			t.Errorf("excludedGoldenFiles names %s (%s), which is not a golden ASL file: remove the entry", rel, why)
		}
	}
	var files []string
	for _, rel := range found {
		if why, ok := excludedGoldenFiles[rel]; ok {
			t.Logf("excluded %s: %s", rel, why)
			continue
		}
		files = append(files, filepath.Join(root, filepath.FromSlash(rel)))
	}
	t.Logf("checking %d golden ASL files (%d found, %d excluded)", len(files), len(found), len(found)-len(files))
	if len(files) == 0 {
		return
	}
	Require(t)
	results, err := Validate(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.OK() {
			rel, _ := filepath.Rel(root, r.File)
			r.File = filepath.ToSlash(rel)
			t.Errorf("golden ASL file rejected:\n%s", formatResults([]Result{r}))
		}
	}
}

// TestGoldenDirs checks that goldenDirs finds the testdata folders of the
// packages (one at the root of the module, one nested) and the examples.
func TestGoldenDirs(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dirs, err := goldenDirs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"examples", "asl/testdata", "compiler/testdata", "gen/dslgen/testdata"} {
		if !slices.Contains(dirs, want) {
			t.Errorf("goldenDirs = %q: no %s", dirs, want)
		}
	}
}

// TestCacheable keeps this package's results cacheable by go test: finding
// the golden files looks at no directory of the module but testdata
// folders and the examples (see package internal/testcache).
func TestCacheable(t *testing.T) {
	testcache.CheckInputs(t, "TestGoldenDirs|TestGoldenASLPassesValidators", func(rel string) bool {
		return rel == "examples" || strings.HasPrefix(rel, "examples/")
	})
}
