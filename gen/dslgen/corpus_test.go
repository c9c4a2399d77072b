package dslgen

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
)

// repoRoot is the module root, two levels up from this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// localstackPlaceholder matches LocalStack's test placeholders, which
// its tests replace before running a template.
var localstackPlaceholder = regexp.MustCompile(`(?i)%[A-Za-z_]+%|"_+tb[dc]_+"`)

// knownFailures lists the accepted definitions that do not round-trip,
// and why. The test fails when a listed file round-trips (remove it here)
// or an unlisted one does not.
var knownFailures = map[string]string{}

// corpusCase is one corpus definition on its way through the round trip.
type corpusCase struct {
	file      string
	canonical asl.Value // Marshal(Parse(original)), as a JSON value
	fn        string
}

// TestCorpusRoundTrip imports every corpus definition that AWS would
// accept, builds all the generated Go in one temporary module with one
// `go run`, compiles each workflow with compiler.Compile and checks that
// the ASL it writes is JSON-equal to the original. Definitions that are
// skipped are listed with their reason in testdata/corpus_skipped.golden.
func TestCorpusRoundTrip(t *testing.T) {
	dir := testcorpus.Dir(t)
	files := testcorpus.StateMachines(t, dir)
	files = append(files, testcorpus.Files(t, dir, ".asl.yaml", "workflows-collection")...)
	if len(files) < 500 {
		t.Fatalf("found only %d corpus files under %s", len(files), dir)
	}
	var skipped bytes.Buffer
	var cases []corpusCase
	var importFailed []string
	gendir := t.TempDir()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		reason := ""
		var sm *asl.StateMachine
		yaml := strings.HasSuffix(f, ".yaml")
		switch {
		case !yaml && !json.Valid(data):
			reason = "not JSON"
		case localstackPlaceholder.Match(data):
			reason = "LocalStack test placeholder (" + localstackPlaceholder.FindString(string(data)) + ")"
		default:
			var doc *asl.Document
			doc, err = Definition{Data: data, YAML: yaml}.Parse()
			if doc != nil {
				sm = doc.Machine
			}
			if err != nil {
				reason = "asl.Parse rejects it: " + parseProblem(err)
			} else if ds := asl.Validate(sm, asl.ValidateOptions{}); asl.HasErrors(ds) {
				reason = "invalid: " + firstError(ds)
			}
		}
		if reason != "" {
			fmt.Fprintf(&skipped, "%s: %s\n", f, reason)
			continue
		}
		canon, err := asl.Marshal(sm)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cv, err := asl.ParseValue(canon)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		fn := fmt.Sprintf("W%03d", len(cases))
		src, err := Generate("main", Workflow{Func: fn, Name: stem(filepath.Base(f)), Source: f, Machine: sm})
		if err != nil {
			importFailed = append(importFailed, f)
			if _, listed := knownFailures[f]; !listed {
				t.Errorf("%s: import: %v", f, err)
			}
			continue
		}
		if err := os.WriteFile(filepath.Join(gendir, strings.ToLower(fn)+".go"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, corpusCase{file: f, canonical: cv, fn: fn})
	}
	golden.Check(t, "testdata/corpus_skipped.golden", skipped.Bytes())

	outdir := t.TempDir()
	writeDriver(t, gendir, cases)
	cmd := exec.Command("go", "run", ".", outdir)
	cmd.Dir = gendir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the generated code: %v\n%s", err, truncate(out))
	}
	ok := 0
	var flowRejected []string
	for _, c := range cases {
		if msg, err := os.ReadFile(filepath.Join(outdir, c.fn+".flow")); err == nil {
			// AWS accepts these definitions; the executions would fail.
			// The data-flow check is the compiler's, not import's, and
			// still changing, so they are counted, not listed.
			flowRejected = append(flowRejected, c.file+": "+firstLine(string(msg)))
			continue
		}
		problem := roundTripProblem(outdir, c)
		reason, listed := knownFailures[c.file]
		switch {
		case problem == "" && listed:
			t.Errorf("%s: listed as failing (%s) but it round-trips now: remove it from knownFailures", c.file, reason)
		case problem != "" && !listed:
			t.Errorf("%s: %s", c.file, problem)
		}
		if problem == "" {
			ok++
		}
	}
	total := len(cases) + len(importFailed)
	fmt.Printf("round trip: %d/%d ok\n", ok, total)
	t.Logf("round trip: %d/%d ok (%d files skipped, see testdata/corpus_skipped.golden; %d rejected by compiler.Compile's data-flow check)", ok, total, strings.Count(skipped.String(), "\n"), len(flowRejected))
	for _, f := range flowRejected {
		t.Logf("data-flow check: %s", f)
	}
}

// roundTripProblem compares the ASL the driver wrote for a case with the
// original, returning "" when they are JSON-equal.
func roundTripProblem(outdir string, c corpusCase) string {
	got, err := os.ReadFile(filepath.Join(outdir, c.fn+".json"))
	if err != nil {
		msg, _ := os.ReadFile(filepath.Join(outdir, c.fn+".err"))
		if flow, err := os.ReadFile(filepath.Join(outdir, c.fn+".flow")); err == nil {
			msg = flow
		}
		return "compiling the imported workflow: " + string(msg)
	}
	gv, err := asl.ParseValue(got)
	if err != nil {
		return err.Error()
	}
	if !asl.Equal(gv, c.canonical) {
		return "the round trip changed the definition: " + firstDifference(c.canonical, gv, "")
	}
	return ""
}

// writeDriver writes go.mod, go.sum and a main package that compiles every
// generated workflow and writes its ASL (or its diagnostics) to a file.
func writeDriver(t *testing.T, gendir string, cases []corpusCase) {
	t.Helper()
	root := repoRoot(t)
	mod := "module goasl.test/roundtrip\n\ngo 1.26.0\n\nrequire github.com/goasl/goasl v0.0.0\n\nreplace github.com/goasl/goasl => " + root + "\n"
	if err := os.WriteFile(filepath.Join(gendir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gendir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"errors\"\n\t\"os\"\n\t\"path/filepath\"\n\n\t\"github.com/goasl/goasl/asl\"\n\t\"github.com/goasl/goasl/compiler\"\n\t\"github.com/goasl/goasl/dsl\"\n)\n\n")
	b.WriteString("var workflows = map[string]func() *dsl.Workflow{\n")
	for _, c := range cases {
		fmt.Fprintf(&b, "\t%q: %s,\n", c.fn, c.fn)
	}
	b.WriteString("}\n\n")
	b.WriteString(`func main() {
	for name, f := range workflows {
		sm, err := compiler.Compile(f())
		var cerr *compiler.Error
		if errors.As(err, &cerr) && onlyFlow(cerr) {
			os.WriteFile(filepath.Join(os.Args[1], name+".flow"), []byte(err.Error()), 0o644)
			continue
		}
		if err != nil {
			os.WriteFile(filepath.Join(os.Args[1], name+".err"), []byte(err.Error()), 0o644)
			continue
		}
		data, err := asl.Marshal(sm)
		if err != nil {
			os.WriteFile(filepath.Join(os.Args[1], name+".err"), []byte(err.Error()), 0o644)
			continue
		}
		os.WriteFile(filepath.Join(os.Args[1], name+".json"), data, 0o644)
	}
}

// onlyFlow reports whether every error comes from the data-flow check.
func onlyFlow(e *compiler.Error) bool {
	for _, d := range e.Diagnostics {
		if d.Severity == asl.SeverityError && d.Code != "NO_SUCH_FIELD" && d.Code != "TYPE_MISMATCH" && d.Code != "UNASSIGNED_VARIABLE" {
			return false
		}
	}
	return true
}
`)
	if err := os.WriteFile(filepath.Join(gendir, "main.go"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// firstError names the first error of a validation by its code and
// pointer (messages change more often than rules).
func firstError(ds []asl.Diagnostic) string {
	for _, d := range ds {
		if d.Severity == asl.SeverityError {
			return string(d.Code) + " at " + pointerText(d.Pointer)
		}
	}
	return ""
}

// parseProblem names the first problem of a parse error by its code and
// pointer.
func parseProblem(err error) string {
	var aerr *asl.Error
	if errors.As(err, &aerr) && len(aerr.Diagnostics) > 0 {
		d := aerr.Diagnostics[0]
		return string(d.Code) + " at " + pointerText(d.Pointer)
	}
	return firstLine(err.Error())
}

func pointerText(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

func truncate(b []byte) string {
	if len(b) > 4000 {
		return string(b[:4000]) + "..."
	}
	return string(b)
}

// firstDifference describes where two JSON values first differ.
func firstDifference(want, got asl.Value, ptr string) string {
	if want.Kind != got.Kind {
		w, _ := asl.MarshalValue(want)
		g, _ := asl.MarshalValue(got)
		return fmt.Sprintf("%s: want %s, got %s", ptr, truncate(w), truncate(g))
	}
	switch want.Kind {
	case asl.Object:
		for _, m := range want.Members {
			o, ok := got.Get(m.Key)
			if !ok {
				return ptr + "/" + m.Key + ": missing"
			}
			if !asl.Equal(m.Value, o) {
				return firstDifference(m.Value, o, ptr+"/"+m.Key)
			}
		}
		for _, m := range got.Members {
			if _, ok := want.Get(m.Key); !ok {
				return ptr + "/" + m.Key + ": unexpected"
			}
		}
	case asl.Array:
		if len(want.Items) != len(got.Items) {
			return fmt.Sprintf("%s: %d items, want %d", ptr, len(got.Items), len(want.Items))
		}
		for i := range want.Items {
			if !asl.Equal(want.Items[i], got.Items[i]) {
				return firstDifference(want.Items[i], got.Items[i], fmt.Sprintf("%s/%d", ptr, i))
			}
		}
	}
	w, _ := asl.MarshalValue(want)
	g, _ := asl.MarshalValue(got)
	return fmt.Sprintf("%s: want %s, got %s", ptr, truncate(w), truncate(g))
}
