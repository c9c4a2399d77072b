package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"

	"golang.org/x/tools/go/ast/astutil"
)

// declares maps the removed generic functions to the methods that replace
// them.
var declares = map[string]string{
	"InputOf": "DeclareInput", "VarOf": "DeclareVar", "ItemsOf": "DeclareItem",
	"ResultOf": "DeclareResult", "TakesOf": "DeclareRequest", "OutputOf": "DeclareOutput",
}

// renamed maps, per integration helper, the options renamed because the
// Task's own fields now follow them in the chain.
var renamed = map[string]map[string]string{
	"GlueStartJobRun":             {"Arguments": "JobArguments", "Timeout": "JobTimeout"},
	"BatchSubmitJob":              {"Parameters": "JobParameters", "Timeout": "JobTimeout"},
	"StepFunctionsStartExecution": {"Input": "ExecutionInput", "Name": "ExecutionName"},
}

// scopeMethods take a function since issue 14, with the name its parameter
// gets.
var scopeMethods = map[string]string{"Processor": "items", "Iterator": "items", "Branch": "b"}

func main() {
	failed := false
	for _, path := range os.Args[1:] {
		src, err := os.ReadFile(path)
		if err == nil {
			var out []byte
			var manual []string
			out, manual, err = rewrite(path, src)
			for _, m := range manual {
				fmt.Fprintln(os.Stderr, m)
			}
			if err == nil && !bytes.Equal(out, src) {
				err = os.WriteFile(path, out, 0o644)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// rewrite returns src rewritten, and the places left to rewrite by hand.
func rewrite(path string, src []byte) ([]byte, []string, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, nil, err
	}
	var manual []string
	astutil.Apply(f, nil, func(c *astutil.Cursor) bool {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if r := declareCall(n); r != nil {
				c.Replace(r)
			}
			renameOption(n)
		case *ast.ExprStmt:
			if r := scopeCall(n.X); r != nil {
				c.Replace(&ast.ExprStmt{X: r})
			}
		}
		return true
	})
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return true
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && scopeMethods[sel.Sel.Name] != "" {
			manual = append(manual, fmt.Sprintf("%s: %s() takes a func(*dsl.Scope) now: move the statements that use its scope into it", fset.Position(call.Pos()), sel.Sel.Name))
		}
		return true
	})
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	return out, manual, nil
}

// declareCall rewrites dsl.InputOf[T](x) and the like, or returns nil.
func declareCall(call *ast.CallExpr) ast.Expr {
	pkg, name, targs, ok := genericDSL(call.Fun)
	if !ok || len(targs) == 0 {
		return nil
	}
	typ := &ast.CallExpr{Fun: &ast.IndexExpr{X: sel(pkg, "Type"), Index: targs[0]}}
	if name == "ExprOf" {
		if len(call.Args) != 1 {
			return nil
		}
		conv := &ast.CallExpr{Fun: sel(pkg, "Expr"), Args: call.Args}
		return &ast.CallExpr{Fun: &ast.SelectorExpr{X: conv, Sel: ast.NewIdent("Returns")}, Args: []ast.Expr{typ}}
	}
	if len(call.Args) == 0 {
		return nil
	}
	args := append(append([]ast.Expr{}, call.Args[1:]...), typ)
	return &ast.CallExpr{Fun: &ast.SelectorExpr{X: call.Args[0], Sel: ast.NewIdent(declares[name])}, Args: args}
}

// renameOption renames an option of a chain rooted at a helper whose
// options were renamed.
func renameOption(call *ast.CallExpr) {
	s, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	root := chainRoot(s.X)
	if root == nil {
		return
	}
	fn, ok := root.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	if id, ok := fn.X.(*ast.Ident); !ok || id.Name != "dsl" {
		return
	}
	if to, ok := renamed[fn.Sel.Name][s.Sel.Name]; ok {
		s.Sel = ast.NewIdent(to)
	}
}

// chainRoot returns the first call of a method chain a.B().C().
func chainRoot(e ast.Expr) *ast.CallExpr {
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return nil
		}
		s, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if _, isCall := s.X.(*ast.CallExpr); !isCall {
			return call
		}
		e = s.X
	}
}

// scopeCall rewrites a statement R.Processor().Rest... (or Iterator,
// Branch) into R.Processor(func(items *dsl.Scope) { items.Rest... }), or
// returns nil.
func scopeCall(e ast.Expr) ast.Expr {
	// Find the innermost call of the chain that is X.Processor().
	var path []*ast.CallExpr // from the outermost call inwards
	for {
		call, ok := e.(*ast.CallExpr)
		if !ok {
			return nil
		}
		s, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if param := scopeMethods[s.Sel.Name]; param != "" && len(call.Args) == 0 && len(path) > 0 {
			// Rebuild the calls after it on the parameter.
			var inner ast.Expr = ast.NewIdent(param)
			for i := len(path) - 1; i >= 0; i-- {
				ps := path[i].Fun.(*ast.SelectorExpr)
				inner = &ast.CallExpr{Fun: &ast.SelectorExpr{X: inner, Sel: ps.Sel}, Args: path[i].Args, Ellipsis: path[i].Ellipsis}
			}
			fn := &ast.FuncLit{
				Type: &ast.FuncType{Params: &ast.FieldList{List: []*ast.Field{{
					Names: []*ast.Ident{ast.NewIdent(param)},
					Type:  &ast.StarExpr{X: sel("dsl", "Scope")},
				}}}},
				Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ExprStmt{X: inner}}},
			}
			return &ast.CallExpr{Fun: s, Args: []ast.Expr{fn}}
		}
		path = append(path, call)
		e = s.X
	}
}

func sel(pkg, name string) ast.Expr {
	if pkg == "" {
		return ast.NewIdent(name)
	}
	return &ast.SelectorExpr{X: ast.NewIdent(pkg), Sel: ast.NewIdent(name)}
}

// genericDSL matches dsl.Name[T] or dsl.Name[T, U] (or Name[T] inside
// package dsl) for the names this tool rewrites.
func genericDSL(fun ast.Expr) (pkg, name string, targs []ast.Expr, ok bool) {
	var x ast.Expr
	switch ix := fun.(type) {
	case *ast.IndexExpr:
		x, targs = ix.X, []ast.Expr{ix.Index}
	case *ast.IndexListExpr:
		x, targs = ix.X, ix.Indices
	default:
		return "", "", nil, false
	}
	switch s := x.(type) {
	case *ast.SelectorExpr:
		id, isID := s.X.(*ast.Ident)
		if !isID || id.Name != "dsl" {
			return "", "", nil, false
		}
		pkg, name = id.Name, s.Sel.Name
	case *ast.Ident:
		name = s.Name
	default:
		return "", "", nil, false
	}
	if _, known := declares[name]; !known && name != "ExprOf" {
		return "", "", nil, false
	}
	return pkg, name, targs, true
}
