package aslcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// badFixtures says, for every file under testdata/bad, which validator is
// expected to flag it and why. A bad fixture missing from this table fails
// the test, so none is run without an expectation.
var badFixtures = map[string]struct {
	languageService, aslValidator bool
	why                           string
}{
	"bad-arn.asl.json":                         {false, true, "a Task Resource that is not an ARN (asl-validator's checkArn)"},
	"bad-jsonpath-parameters.asl.json":         {false, true, "an unparseable JSONPath in Parameters (asl-validator's checkPaths)"},
	"branch-next-leaves-scope.asl.json":        {true, true, "a Parallel branch's Next naming a state outside the branch"},
	"choice-with-end.asl.json":                 {true, false, "a Choice state with End"},
	"duplicate-state-across-branches.asl.json": {false, true, "the same state name in two Parallel branches"},
	"fail-error-and-errorpath.asl.json":        {true, true, "a Fail state with both Error and ErrorPath"},
	"dangling-next.asl.json":                   {true, true, "a Next naming no state, and a state nothing reaches"},
	"duplicate-key.asl.json":                   {true, false, "a duplicate JSON key, which the language service reports as a warning (severity 2)"},
	"empty-error.asl.json":                     {true, false, `an empty Fail "Error": the empty "Comment" beside it is filtered, this is not`},
	"jsonata-empty.asl.json":                   {false, true, `"{%%}" holds no expression and is not rewritten by the JSONata filter`},
	"jsonata-multiline-syntax.asl.json":        {false, true, "a multi-line JSONata expression with a syntax error: the filter normalises the layout, JSONata still rejects it"},
	"jsonata-syntax.asl.json":                  {false, true, "a JSONata syntax error"},
	"jsonpath-field-in-jsonata.asl.json":       {false, true, "InputPath in a JSONata state"},
	"long-state-name.asl.json":                 {false, true, "an 81-character state name"},
	"missing-resource.asl.json":                {true, true, "a Task without Resource"},
	"next-and-end.asl.json":                    {true, true, "a state with both Next and End"},
	"not-json.asl.json":                        {true, true, "a truncated JSON document"},
	"result-path-wildcard.asl.json":            {false, true, "a wildcard in ResultPath"},
	"retry-out-of-range.asl.json":              {true, false, "BackoffRate below 1, MaxDelaySeconds 0 and an unknown JitterStrategy"},
	"unknown-field.asl.json":                   {true, true, "a field ASL does not define"},
}

func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	files, err := fixtureFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// fixtureFiles lists testdata/<dir>/*.asl.json in lexical order.
func fixtureFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*.asl.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no fixtures in testdata/%s", dir)
	}
	sort.Strings(files)
	return files, nil
}

// allFixtures lists the good fixtures, then the bad ones.
func allFixtures() ([]string, error) {
	good, err := fixtureFiles("good")
	if err != nil {
		return nil, err
	}
	bad, err := fixtureFiles("bad")
	if err != nil {
		return nil, err
	}
	return append(good, bad...), nil
}

// formatResults renders results for a golden file: every diagnostic of
// both validators, file by file.
func formatResults(results []Result) []byte {
	var b strings.Builder
	section := func(name string, diags []string) {
		if len(diags) == 0 {
			b.WriteString("  " + name + ": none\n")
			return
		}
		b.WriteString("  " + name + ":\n")
		for _, d := range diags {
			b.WriteString("    " + d + "\n")
		}
	}
	for _, r := range results {
		b.WriteString(filepath.ToSlash(r.File) + "\n")
		section("amazon-states-language-service", r.LanguageService)
		section("asl-validator", r.ASLValidator)
	}
	return []byte(b.String())
}

// TestFixtures runs the validators over known-good and known-bad files:
// good ones (including the documented false positives that validate.js
// filters) must pass both, bad ones must be flagged by the validator
// expected to catch them, and every diagnostic is compared in full with
// testdata/fixtures.golden.
func TestFixtures(t *testing.T) {
	t.Parallel()
	Require(t)
	good := fixtures(t, "good")
	bad := fixtures(t, "bad")
	results, err := Validate(append(append([]string{}, good...), bad...))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != len(good)+len(bad) {
		t.Fatalf("got %d results for %d files", len(results), len(good)+len(bad))
	}
	for _, r := range results[:len(good)] {
		if !r.OK() {
			t.Errorf("%s: a good fixture was rejected:\n%s", r.File, formatResults([]Result{r}))
		}
	}
	seen := map[string]bool{}
	for _, r := range results[len(good):] {
		name := filepath.Base(r.File)
		seen[name] = true
		want, ok := badFixtures[name]
		if !ok {
			t.Errorf("%s: bad fixture missing from the badFixtures table", r.File)
			continue
		}
		if got := len(r.LanguageService) > 0; got != want.languageService {
			t.Errorf("%s (%s): amazon-states-language-service flagged it: %v, want %v", r.File, want.why, got, want.languageService)
		}
		if got := len(r.ASLValidator) > 0; got != want.aslValidator {
			t.Errorf("%s (%s): asl-validator flagged it: %v, want %v", r.File, want.why, got, want.aslValidator)
		}
	}
	for name := range badFixtures {
		if !seen[name] {
			t.Errorf("badFixtures names %s, which is not in testdata/bad", name)
		}
	}
	golden.Check(t, "testdata/fixtures.golden", formatResults(results))
}

// TestSharedAjvMatchesFreshAjv checks validate.js's schema cache (see
// shareAjvInstance there): asl-validator must give the same verdicts,
// diagnostic for diagnostic, when it builds a fresh Ajv instance for every
// file as it does on its own.
func TestSharedAjvMatchesFreshAjv(t *testing.T) {
	t.Parallel()
	Require(t)
	files := append(fixtures(t, "good"), fixtures(t, "bad")...)
	shared, err := validate(files, nil)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := validate(files, []string{"ASLCHECK_FRESH_AJV=1"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := formatResults(shared), formatResults(fresh); string(got) != string(want) {
		t.Errorf("verdicts with a shared Ajv instance differ from those with a fresh one per file:\n%s", golden.Diff(want, got))
	}
}

func TestValidateEmpty(t *testing.T) {
	results, err := Validate(nil)
	if err != nil || results != nil {
		t.Fatalf("Validate(nil) = %v, %v; want nil, nil", results, err)
	}
}

func TestValidateMissingFile(t *testing.T) {
	Require(t)
	missing := filepath.Join(t.TempDir(), "missing.asl.json")
	_, err := Validate([]string{"testdata/good/empty-comment.asl.json", missing})
	want := "aslcheck: open " + missing + ": no such file or directory"
	if err == nil || err.Error() != want {
		t.Fatalf("Validate(missing file) error = %v; want %s", err, want)
	}
}

func TestValidateBadPath(t *testing.T) {
	Require(t)
	_, err := Validate([]string{"a\nb.asl.json"})
	want := `aslcheck: unusable file path "a\nb.asl.json"`
	if err == nil || err.Error() != want {
		t.Fatalf("Validate(path with a line break) error = %v; want %s", err, want)
	}
}

// TestValidateAbsoluteAndRepeated checks that a path is echoed back exactly
// as given, whether absolute or relative, and that a file listed twice gets
// two results.
func TestValidateAbsoluteAndRepeated(t *testing.T) {
	t.Parallel()
	Require(t)
	abs, err := filepath.Abs("testdata/bad/duplicate-key.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	rel := "testdata/bad/duplicate-key.asl.json"
	results, err := Validate([]string{abs, rel, abs})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"6:7: warning: Duplicate object key", "7:7: warning: Duplicate object key"}
	for i, file := range []string{abs, rel, abs} {
		r := results[i]
		if r.File != file || strings.Join(r.LanguageService, "\n") != strings.Join(want, "\n") || r.ASLValidator != nil {
			t.Errorf("result %d = %+v; want File %q, LanguageService %q, no asl-validator errors", i, r, file, want)
		}
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Dir(filepath.Dir(wd)); root != want {
		t.Fatalf("RepoRoot() = %s; want %s", root, want)
	}
}

func TestDeclaresModule(t *testing.T) {
	for _, tc := range []struct {
		gomod string
		want  bool
	}{
		{"module github.com/goasl/goasl\n\ngo 1.26\n", true},
		{"module \"github.com/goasl/goasl\"\n", true},
		{"module github.com/goasl/goasl/v2\n", false},
		{"module example.com/user\n", false},
		{"", false},
	} {
		if got := declaresModule([]byte(tc.gomod)); got != tc.want {
			t.Errorf("declaresModule(%q) = %v; want %v", tc.gomod, got, tc.want)
		}
	}
}

func TestReadResults(t *testing.T) {
	files := []string{"a.asl.json", "b.asl.json"}
	for _, tc := range []struct {
		name, content, want string
	}{
		{"ok", `{"file":"a.asl.json","languageService":[],"aslValidator":["X: y"]}` + "\n" +
			`{"file":"b.asl.json","languageService":["1:1: error: z"],"aslValidator":[]}` + "\n", ""},
		{"too few", `{"file":"a.asl.json","languageService":[],"aslValidator":[]}` + "\n",
			"aslcheck: validate.js returned 1 results for 2 files"},
		{"wrong file", `{"file":"b.asl.json","languageService":[],"aslValidator":[]}` + "\n",
			`aslcheck: results line 1 is for "b.asl.json", not for the file asked about`},
		{"not JSON", "{\n",
			"aslcheck: results line 1: unexpected end of JSON input"},
		{"read error", `{"file":"a.asl.json","readError":"EACCES: permission denied"}` + "\n" +
			`{"file":"b.asl.json","languageService":[],"aslValidator":[]}` + "\n",
			"aslcheck: a.asl.json: EACCES: permission denied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "results.jsonl")
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			results, err := readResults(path, files)
			if tc.want != "" {
				if err == nil || err.Error() != tc.want {
					t.Fatalf("readResults error = %v; want %s", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := []Result{
				{File: "a.asl.json", ASLValidator: []string{"X: y"}},
				{File: "b.asl.json", LanguageService: []string{"1:1: error: z"}},
			}
			if fmt.Sprintf("%#v", results) != fmt.Sprintf("%#v", want) {
				t.Errorf("readResults = %#v; want %#v", results, want)
			}
		})
	}
	_, err := readResults(filepath.Join(t.TempDir(), "none.jsonl"), files)
	if err == nil || !strings.HasPrefix(err.Error(), "aslcheck: validate.js left no results: open ") {
		t.Errorf("readResults(missing file) error = %v; want it to say validate.js left no results", err)
	}
}
