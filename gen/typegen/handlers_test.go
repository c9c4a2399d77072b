package typegen

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The generated files are imported by the Lambda functions they type: they
// import the standard library and the user's own types, never a goasl
// package (the executor doubled a function's binary, 2.4 MB to 4.4 MB).
func TestGeneratedImportsNoGoasl(t *testing.T) {
	files, err := filepath.Glob("testdata/*.go.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			// testtypes stands for the user's types in these tests.
			if strings.HasPrefix(path, "github.com/goasl/goasl/") && path != "github.com/goasl/goasl/gen/typegen/testtypes" {
				t.Errorf("%s imports %s: generated code must not import goasl", file, path)
			}
		}
	}
}
