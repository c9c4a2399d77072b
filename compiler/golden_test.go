package compiler_test

import (
	"bytes"
	"sort"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/internal/golden"
)

// TestGolden compiles every golden case and compares its ASL with
// testdata/golden/<name>.asl.json (rewrite with -update). It also checks
// that asl.Parse followed by asl.Marshal gives back the same bytes.
func TestGolden(t *testing.T) {
	names := make([]string, 0, len(goldenCases))
	for name := range goldenCases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sm, diags := compiler.Diagnose(goldenCases[name]())
			for _, d := range diags {
				if d.Severity == asl.SeverityError {
					t.Errorf("unexpected error: %s", d)
				}
			}
			if sm == nil {
				t.FailNow()
			}
			out, err := asl.Marshal(sm)
			if err != nil {
				t.Fatal(err)
			}
			path := "testdata/golden/" + name + ".asl.json"
			golden.Check(t, path, out)

			back, err := asl.Parse(out)
			if err != nil {
				t.Fatalf("the compiled ASL does not parse: %v", err)
			}
			again, err := asl.Marshal(back)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again, out) {
				t.Errorf("Parse then Marshal changed the document:\n%s", golden.Diff(out, again))
			}
		})
	}
}

// TestGoldenWarnings records the warnings of each golden case, so a new
// warning shows up as a diff.
func TestGoldenWarnings(t *testing.T) {
	names := make([]string, 0, len(goldenCases))
	for name := range goldenCases {
		names = append(names, name)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, name := range names {
		_, diags := compiler.Diagnose(goldenCases[name]())
		for _, d := range diags {
			if d.Severity == asl.SeverityWarning {
				b.WriteString(name + ": " + d.String() + "\n")
			}
		}
	}
	golden.Check(t, "testdata/golden/warnings.golden", b.Bytes())
}
