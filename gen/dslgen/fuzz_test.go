package dslgen

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/testcache"
)

// FuzzImport imports any document asl.Parse accepts, read as JSON5 so that
// comments are carried into the Go code. The import either fails with an
// *Error whose every problem names a field, or gives gofmt-clean Go that
// type-checks against the real dsl package.
func FuzzImport(f *testing.F) {
	for _, in := range goldenInputs {
		data, err := os.ReadFile(filepath.Join("testdata", "golden", in.file))
		if err != nil {
			f.Fatal(err)
		}
		if !in.fromTemplate {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}`))
	f.Add([]byte("// top\n{\"StartAt\":\"A\",\"States\":{/* a */\"A\":{\"Type\":\"Pass\",\"End\":true}}} // end"))
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":"${X}","Next":"B"},"B":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.x","StringEquals":"y"},"Next":"A"}]}}}`))
	f.Add([]byte(`{"StartAt":"if","States":{"if":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName.$":"$.f"},"TimeoutSeconds":1.5,"End":true}}}`))
	f.Add([]byte(`{"QueryLanguage":"JSONata","StartAt":"1","States":{"1":{"Type":"Map","Items":[1,2],"ItemProcessor":{"StartAt":"x","States":{"x":{"Type":"Succeed"}}},"End":true}}}`))

	fset := token.NewFileSet()
	// From export data, not source: source importing stats the module's
	// directories, and go test would never cache this package.
	imp := testcache.Importer(fset)
	f.Fuzz(func(t *testing.T, data []byte) {
		defs, err := ReadDefinitions("fuzz.asl.json5", data, false)
		if err != nil {
			return
		}
		doc, err := asl.ParseDocument(defs[0].Data)
		if err != nil {
			return
		}
		src, err := Generate("fuzz", Workflow{Func: "Imported", Name: "fuzz", Machine: doc.Machine, Comments: AttachComments(doc, defs[0].Comments)})
		if err != nil {
			var gerr *Error
			if !errors.As(err, &gerr) || len(gerr.Problems) == 0 {
				t.Fatalf("Generate failed without problems: %v", err)
			}
			for _, p := range gerr.Problems {
				if p.Message == "" {
					t.Fatalf("a problem without a message at %q", p.Pointer)
				}
			}
			return
		}
		formatted, err := format.Source(src)
		if err != nil {
			t.Fatalf("the generated code does not parse: %v\n%s", err, src)
		}
		if !bytes.Equal(formatted, src) {
			t.Fatalf("the generated code is not gofmt-clean:\n%s", src)
		}
		file, err := parser.ParseFile(fset, "imported.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check("fuzz", fset, []*ast.File{file}, nil); err != nil {
			t.Fatalf("the generated code does not type-check: %v\n%s", err, src)
		}
	})
}

// FuzzFuncName checks that FuncName always gives an exported identifier.
func FuzzFuncName(f *testing.F) {
	for _, s := range []string{"", "order-flow.asl.json", "1st", "état", "日本", "a_b c", "ÿ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		name := FuncName(s)
		if !token.IsIdentifier(name) || !token.IsExported(name) {
			t.Fatalf("FuncName(%q) = %q, not an exported identifier", s, name)
		}
		v := names{}.take(varName(s))
		if !token.IsIdentifier(v) || token.IsKeyword(v) {
			t.Fatalf("varName(%q) = %q, not an identifier", s, v)
		}
	})
}

// TestCacheable keeps this package's results cacheable by go test: the
// import tests look at no directory of the module but their testdata (see
// package internal/testcache).
func TestCacheable(t *testing.T) {
	for _, test := range []string{"FuzzImport", "TestGolden"} {
		testcache.CheckInputs(t, test, nil)
	}
}
