package awssdk_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/goasl/goasl/compiler/awssdk"
)

// TestRequiredMatchesValidators checks the source of required members
// against the SDK's own validators (validators.go): for every struct they
// check, the fields they report missing (smithy.NewErrParamRequired) are
// the fields whose doc comment says "This member is required.", except
// value fields (int32, bool, an enum string: never nil, so the validators
// cannot tell them unset) that the docs also mark. Output structs have no
// validators; their doc comments come from the same API model.
func TestRequiredMatchesValidators(t *testing.T) {
	for _, svc := range []string{"s3", "dynamodb", "sqs", "sns", "secretsmanager", "sfn", "eventbridge", "glue", "athena", "ecs"} {
		t.Run(svc, func(t *testing.T) {
			dir := pkgDir(t, awssdk.ServicePrefix+svc)
			docsOf := map[string][]string{}
			nilable := map[string]bool{} // "Struct.Field"
			for _, d := range []string{dir, filepath.Join(dir, "types")} {
				files, _ := filepath.Glob(filepath.Join(d, "*.go"))
				for _, f := range files {
					if strings.HasSuffix(f, "_test.go") {
						continue
					}
					af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ParseComments|parser.SkipObjectResolution)
					if err != nil {
						t.Fatal(err)
					}
					for name, req := range awssdk.RequiredFields(af) {
						docsOf[name] = req
					}
					for k, v := range nilableFields(af) {
						nilable[k] = v
					}
				}
			}
			validated := validators(t, filepath.Join(dir, "validators.go"))
			if len(validated) == 0 {
				t.Fatal("no validators found")
			}
			extra := 0
			for name, checked := range validated {
				var docNilable, docValue []string
				for _, f := range docsOf[name] {
					if nilable[name+"."+f] {
						docNilable = append(docNilable, f)
					} else {
						docValue = append(docValue, f)
					}
				}
				var checkedNilable []string
				for _, f := range checked {
					if nilable[name+"."+f] {
						checkedNilable = append(checkedNilable, f)
					} else if !contains(docValue, f) {
						t.Errorf("%s: validators.go checks value field %s, which the docs do not mark required", name, f)
					}
				}
				if !reflect.DeepEqual(docNilable, checkedNilable) {
					t.Errorf("%s: the docs mark %v required, validators.go checks %v", name, docNilable, checkedNilable)
				}
				extra += len(docValue)
			}
			t.Logf("%s: %d validated structs agree (%d required value fields only the docs tell)", svc, len(validated), extra)
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// nilableFields lists the "Struct.Field" fields of a file's structs that
// may be nil: pointers, slices, maps and interfaces (named types other
// than the few interfaces below count as values).
func nilableFields(f *ast.File) map[string]bool {
	out := map[string]bool{}
	ifaces := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok {
			if _, ok := ts.Type.(*ast.InterfaceType); ok {
				ifaces[ts.Name.Name] = true
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok {
			return true
		}
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			return true
		}
		for _, fld := range st.Fields.List {
			var nil_ bool
			switch x := fld.Type.(type) {
			case *ast.StarExpr, *ast.ArrayType, *ast.MapType, *ast.InterfaceType:
				nil_ = true
			case *ast.SelectorExpr:
				// types.AttributeValue, document.Interface, io.ReadCloser
				nil_ = x.Sel.Name == "Interface" || x.Sel.Name == "ReadCloser" || x.Sel.Name == "Reader" || unionName(x.Sel.Name)
			case *ast.Ident:
				nil_ = ifaces[x.Name]
			}
			for _, n := range fld.Names {
				out[ts.Name.Name+"."+n.Name] = nil_
			}
		}
		return false
	})
	return out
}

// unionName guesses whether a types.X selector is one of the SDK's union
// interfaces; the services tested here use these.
func unionName(n string) bool {
	switch n {
	case "AttributeValue", "ContentBlock", "SystemContentBlock", "Tool", "ToolChoice", "ToolInputSchema":
		return true
	}
	return false
}

func pkgDir(t *testing.T, pkg string) string {
	t.Helper()
	dir, err := goList(pkg)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// validators maps each struct that validators.go checks to the fields it
// requires, sorted.
func validators(t *testing.T, file string) map[string][]string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "validate") || fn.Recv != nil || fn.Type.Params.NumFields() != 1 {
			continue
		}
		star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		var name string
		switch x := star.X.(type) {
		case *ast.Ident:
			name = x.Name
		case *ast.SelectorExpr:
			name = x.Sel.Name
		default:
			continue
		}
		var req []string
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "NewErrParamRequired" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(lit.Value)
				req = append(req, s)
			}
			return true
		})
		if len(req) > 0 {
			sort.Strings(req)
			out[name] = req
		}
	}
	return out
}

func goList(pkg string) (string, error) {
	out, err := exec.Command("go", "list", "-f", "{{.Dir}}", "--", pkg).Output()
	return strings.TrimSpace(string(out)), err
}
