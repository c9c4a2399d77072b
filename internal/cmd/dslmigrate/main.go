// Command dslmigrate rewrites Go code written against the dsl API before
// issue 14 to the chained forms, in place:
//
//	dsl.InputOf[T](x)     → x.DeclareInput(dsl.Type[T]())
//	dsl.VarOf[T](x, n)    → x.DeclareVar(n, dsl.Type[T]())
//	dsl.ItemsOf[T](m)     → m.DeclareItem(dsl.Type[T]())
//	dsl.ResultOf[T](t)    → t.DeclareResult(dsl.Type[T]())
//	dsl.TakesOf[T](t)     → t.DeclareRequest(dsl.Type[T]())
//	dsl.OutputOf[T](s)    → s.DeclareOutput(dsl.Type[T]())
//	dsl.ExprOf[T](e)      → dsl.Expr(e).Returns(dsl.Type[T]())
//
// Usage: go run ./internal/cmd/dslmigrate FILE.go... (files are rewritten
// only when something changed; the output is gofmt'ed). The closures of
// Processor, Iterator and Branch are not rewritten: see the mapping in the
// issue 14 report.
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

var methods = map[string]string{
	"InputOf": "DeclareInput", "VarOf": "DeclareVar", "ItemsOf": "DeclareItem",
	"ResultOf": "DeclareResult", "TakesOf": "DeclareRequest", "OutputOf": "DeclareOutput",
}

func main() {
	failed := false
	for _, path := range os.Args[1:] {
		if err := rewrite(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func rewrite(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return err
	}
	changed := false
	astutil.Apply(f, nil, func(c *astutil.Cursor) bool {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return true
		}
		pkg, name, targs, ok := genericDSL(call.Fun)
		if !ok || len(targs) == 0 {
			return true
		}
		typ := &ast.CallExpr{Fun: &ast.IndexExpr{X: sel(pkg, "Type"), Index: targs[0]}}
		if name == "ExprOf" && len(call.Args) == 1 {
			conv := &ast.CallExpr{Fun: sel(pkg, "Expr"), Args: call.Args}
			c.Replace(&ast.CallExpr{Fun: &ast.SelectorExpr{X: conv, Sel: ast.NewIdent("Returns")}, Args: []ast.Expr{typ}})
			changed = true
			return true
		}
		m, ok := methods[name]
		if !ok || len(call.Args) == 0 {
			return true
		}
		args := append(append([]ast.Expr{}, call.Args[1:]...), typ)
		c.Replace(&ast.CallExpr{Fun: &ast.SelectorExpr{X: call.Args[0], Sel: ast.NewIdent(m)}, Args: args})
		changed = true
		return true
	})
	if !changed {
		return nil
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return os.WriteFile(path, out, 0o644)
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
	if _, known := methods[name]; !known && name != "ExprOf" {
		return "", "", nil, false
	}
	return pkg, name, targs, true
}
