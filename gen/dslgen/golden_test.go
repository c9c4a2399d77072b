package dslgen

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/golden"
)

// goldenInputs are representative definitions written for these tests:
// JSONPath with Lambda, SDK, SNS, Choice, Retry and Catch (orders);
// JSONata with Distributed Map, Parallel and Choice (batch); JSON5 with
// legacy Iterator, an activity and placeholders (legacy); a CloudFormation
// template with two state machines (template); the typed helpers of
// DynamoDB, Step Functions, Athena, API Gateway and EventBridge (services);
// placeholders in every number position (placeholders); a SAM template
// whose Definition uses CloudFormation's short-form tags (intrinsics);
// paths with spaces around them, which AWS trims and the import keeps
// (spaces).
var goldenInputs = []struct {
	file         string
	fromTemplate bool
}{
	{"orders.asl.json", false},
	{"batch.asl.json", false},
	{"services.asl.json", false},
	{"placeholders.asl.json", false},
	{"legacy.asl.json5", false},
	{"template.json", true},
	{"intrinsics.yaml", true},
	{"spaces.asl.json", false},
}

// goldenCase reads one golden input and returns its workflows.
func goldenCase(t *testing.T, file string, fromTemplate bool) []Workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "golden", file))
	if err != nil {
		t.Fatal(err)
	}
	defs, err := ReadDefinitions(file, data, fromTemplate)
	if err != nil {
		t.Fatal(err)
	}
	var wfs []Workflow
	for _, d := range defs {
		doc, err := asl.ParseDocument(d.Data)
		if err != nil {
			t.Fatalf("%s: %s: %v", file, d.Name, err)
		}
		sm := doc.Machine
		if ds := asl.Validate(sm, asl.ValidateOptions{}); asl.HasErrors(ds) && d.Name != "legacy" {
			t.Fatalf("%s: %s: %v", file, d.Name, ds)
		}
		wfs = append(wfs, Workflow{Func: FuncName(d.Name), Name: d.Name, Source: file, Machine: sm, Comments: AttachSubstitutions(AttachComments(doc, d.Comments), sm, d.Substitutions)})
	}
	return wfs
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs {
		t.Run(in.file, func(t *testing.T) {
			wfs := goldenCase(t, in.file, in.fromTemplate)
			src, err := Generate("workflows", wfs...)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "golden", stem(in.file)+".go.golden"), src)
		})
	}
}

// TestGoldenRoundTrip builds the golden inputs' code and checks that each
// workflow compiles back to its definition. The legacy input's
// placeholder in Seconds is left out of the comparison: asl.Validate,
// which Compile runs, rejects a placeholder where a number goes.
func TestGoldenRoundTrip(t *testing.T) {
	gendir, outdir := t.TempDir(), t.TempDir()
	var cases []corpusCase
	for _, in := range goldenInputs {
		for _, w := range goldenCase(t, in.file, in.fromTemplate) {
			canon, err := asl.Marshal(w.Machine)
			if err != nil {
				t.Fatal(err)
			}
			cv, err := asl.ParseValue(canon)
			if err != nil {
				t.Fatal(err)
			}
			w.Func = fmt.Sprintf("W%03d", len(cases))
			src, err := Generate("main", w)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(gendir, strings.ToLower(w.Func)+".go"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			cases = append(cases, corpusCase{file: in.file + ": " + w.Name, canonical: cv, fn: w.Func})
		}
	}
	writeDriver(t, gendir, cases)
	cmd := exec.Command("go", "run", ".", outdir)
	cmd.Dir = gendir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the generated code: %v\n%s", err, truncate(out))
	}
	for _, c := range cases {
		if problem := roundTripProblem(outdir, c); problem != "" {
			t.Errorf("%s: %s", c.file, problem)
		}
	}
}
