package compiler_test

import (
	"errors"
	"sort"
	"testing"

	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/internal/golden"
)

// TestErrors compiles each broken workflow and compares the full error text
// with testdata/errors/<name>.golden.
func TestErrors(t *testing.T) {
	names := make([]string, 0, len(errorCases))
	for name := range errorCases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sm, err := compiler.Compile(errorCases[name]())
			if err == nil {
				t.Fatalf("compiled without error:\n%+v", sm)
			}
			var cerr *compiler.Error
			if !errors.As(err, &cerr) || len(cerr.Diagnostics) == 0 {
				t.Fatalf("error %T carries no diagnostics: %v", err, err)
			}
			for _, d := range cerr.Diagnostics {
				if d.File == "" || d.Line == 0 {
					t.Errorf("diagnostic without a Go position: %s", d)
				}
			}
			golden.Check(t, "testdata/errors/"+name+".golden", []byte(err.Error()+"\n"))
		})
	}
}

func TestCompileNilWorkflow(t *testing.T) {
	_, err := compiler.Compile(nil)
	want := `workflow "": the workflow is nil: build it with dsl.NewWorkflow`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}
