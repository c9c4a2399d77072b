package awssdk

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Docs tells which members of an SDK struct are required.
type Docs interface {
	// Required returns the Go names of the required fields of the struct
	// type name of the package at import path pkg.
	Required(pkg, name string) ([]string, error)
}

// RequiredMark is the sentence the SDK for Go v2 writes in the doc comment
// of every required member (the members its validators check).
const RequiredMark = "This member is required."

// SourceDocs reads the required members from the SDK's source: it finds a
// package's directory with `go list -f {{.Dir}}`, run in Dir, and parses
// the files that declare the structs (api_op_<Op>.go for an operation's
// input and output, types.go for the shapes of the types subpackage, any
// file otherwise) with go/parser. A SourceDocs is safe for concurrent use
// and caches what it read; the zero value runs `go list` in the current
// directory.
type SourceDocs struct {
	// Dir is a directory of the module whose go.mod requires the SDK
	// modules ("" for the current directory).
	Dir string

	mu      sync.Mutex
	dirs    map[string]dirOf
	structs map[string]map[string][]string // package → struct → required fields
	unions  map[string]map[string][]UnionMember
	// basics maps a package's named types of a basic underlying type
	// (enums: type X string) to that type's name.
	basics map[string]map[string]string
	parsed map[string]bool // files read
}

// UnionDocs is a Docs that also knows the members of the SDK's unions:
// interface types such as DynamoDB's AttributeValue, whose values are the
// structs <Union>Member<Name> with one field, Value. The integration
// writes a union as an object with one member, {"S": "text"}.
type UnionDocs interface {
	Docs
	// Union returns the members of the union name of package pkg, in
	// source order; ok is false for an interface that is no union.
	Union(pkg, name string) (members []UnionMember, ok bool, err error)
	// Basic returns the name of the basic type ("string", "int32") a named
	// type of pkg is declared with, "" for other types.
	Basic(pkg, name string) string
}

// UnionMember is one member of a union: its name in JSON ("S") and the
// type of its Value field, as written in the source.
type UnionMember struct {
	Name  string
	Value ast.Expr
}

// Union implements UnionDocs. Unions are declared in the types
// subpackage's types.go.
func (d *SourceDocs) Union(pkg, name string) ([]UnionMember, bool, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	dir, err := d.dir(pkg)
	if err != nil {
		return nil, false, err
	}
	if err := d.parse(pkg, filepath.Join(dir, "types.go")); err != nil && !os.IsNotExist(err) {
		return nil, false, err
	}
	ms, ok := d.unions[pkg][name]
	return ms, ok, nil
}

// Basic implements UnionDocs.
func (d *SourceDocs) Basic(pkg, name string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.basics[pkg][name]
}

type dirOf struct {
	dir string
	err error
}

// Required implements Docs.
func (d *SourceDocs) Required(pkg, name string) ([]string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if req, ok := d.structs[pkg][name]; ok {
		return req, nil
	}
	dir, err := d.dir(pkg)
	if err != nil {
		return nil, err
	}
	var first []string
	if op, ok := strings.CutSuffix(name, "Input"); ok {
		first = append(first, "api_op_"+op+".go")
	} else if op, ok := strings.CutSuffix(name, "Output"); ok {
		first = append(first, "api_op_"+op+".go")
	}
	first = append(first, "types.go")
	for _, f := range first {
		if err := d.parse(pkg, filepath.Join(dir, f)); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		if req, ok := d.structs[pkg][name]; ok {
			return req, nil
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading the source of %s: %v", pkg, err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		if err := d.parse(pkg, filepath.Join(dir, n)); err != nil {
			return nil, err
		}
		if req, ok := d.structs[pkg][name]; ok {
			return req, nil
		}
	}
	return nil, fmt.Errorf("the source of %s in %s declares no struct %s", pkg, dir, name)
}

// dir returns the source directory of a package.
func (d *SourceDocs) dir(pkg string) (string, error) {
	if r, ok := d.dirs[pkg]; ok {
		return r.dir, r.err
	}
	cmd := exec.Command("go", "list", "-f", "{{.Dir}}", "--", pkg)
	cmd.Dir = d.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	var r dirOf
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		r.err = fmt.Errorf("locating the source of %s with go list: %s", pkg, msg)
	} else if r.dir = strings.TrimSpace(stdout.String()); r.dir == "" {
		r.err = fmt.Errorf("locating the source of %s with go list: no directory", pkg)
	}
	if d.dirs == nil {
		d.dirs = map[string]dirOf{}
	}
	d.dirs[pkg] = r
	return r.dir, r.err
}

// parse reads the struct types of one file.
func (d *SourceDocs) parse(pkg, file string) error {
	if d.parsed[file] {
		return nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if d.parsed == nil {
		d.parsed = map[string]bool{}
	}
	d.parsed[file] = true
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return fmt.Errorf("reading the source of %s: %v", pkg, err)
	}
	if d.structs == nil {
		d.structs = map[string]map[string][]string{}
	}
	if d.structs[pkg] == nil {
		d.structs[pkg] = map[string][]string{}
	}
	for name, req := range RequiredFields(f) {
		d.structs[pkg][name] = req
	}
	d.readUnions(pkg, f)
	return nil
}

// readUnions records the unions and the basic named types of a file.
func (d *SourceDocs) readUnions(pkg string, f *ast.File) {
	if d.unions == nil {
		d.unions, d.basics = map[string]map[string][]UnionMember{}, map[string]map[string]string{}
	}
	if d.unions[pkg] == nil {
		d.unions[pkg], d.basics[pkg] = map[string][]UnionMember{}, map[string]string{}
	}
	ifaces := map[string]bool{}
	type member struct {
		union, name string
		value       ast.Expr
	}
	var members []member
	for ts := range typeSpecs(f) {
		switch t := ts.Type.(type) {
		case *ast.InterfaceType:
			ifaces[ts.Name.Name] = true
		case *ast.Ident:
			d.basics[pkg][ts.Name.Name] = t.Name
		case *ast.StructType:
			union, name, ok := strings.Cut(ts.Name.Name, "Member")
			if !ok || union == "" || name == "" || len(t.Fields.List) == 0 {
				continue
			}
			first := t.Fields.List[0]
			if len(first.Names) == 1 && first.Names[0].Name == "Value" {
				members = append(members, member{union, name, first.Type})
			}
		}
	}
	for _, m := range members {
		if ifaces[m.union] {
			d.unions[pkg][m.union] = append(d.unions[pkg][m.union], UnionMember{Name: m.name, Value: m.value})
		}
	}
}

// RequiredFields returns, for every struct type a file declares, the names
// of its fields whose doc comment holds RequiredMark (an empty, non-nil
// list for a struct without any), sorted.
func RequiredFields(f *ast.File) map[string][]string {
	out := map[string][]string{}
	for ts := range typeSpecs(f) {
		st, ok := ts.Type.(*ast.StructType)
		if !ok {
			continue
		}
		req := []string{}
		for _, fld := range st.Fields.List {
			if fld.Doc == nil || !strings.Contains(fld.Doc.Text(), RequiredMark) {
				continue
			}
			for _, n := range fld.Names {
				req = append(req, n.Name)
			}
		}
		sort.Strings(req)
		out[ts.Name.Name] = req
	}
	return out
}

// typeSpecs yields the type definitions of a file (not aliases).
func typeSpecs(f *ast.File) iter.Seq[*ast.TypeSpec] {
	return func(yield func(*ast.TypeSpec) bool) {
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, spec := range g.Specs {
				if ts, ok := spec.(*ast.TypeSpec); ok && ts.Assign == 0 && !yield(ts) {
					return
				}
			}
		}
	}
}

// Operation finds the SDK for Go v2 operation of an integration's service
// and action ("s3", "getObject") in the source the module at d.Dir
// requires: it returns the package's import path and the operation's Go
// name, or an error saying why there is none (the service's module is not
// required, or its version has no such operation, or the typed form would
// not name the same service and action: "GetObject" for "getObject").
func (d *SourceDocs) Operation(service, action string) (pkg, op string, err error) {
	pkg, op = GoPackage(service), GoOperation(action)
	if op == "" || !token.IsIdentifier(op) {
		return "", "", fmt.Errorf("%q is not an operation name", action)
	}
	if ActionName(op) != action || ServiceName(pkgName(pkg)) != service {
		return "", "", fmt.Errorf("the typed form of %s:%s would call %s:%s", service, action, ServiceName(pkgName(pkg)), ActionName(op))
	}
	for _, t := range []string{op + "Input", op + "Output"} {
		if _, err := d.Required(pkg, t); err != nil {
			return "", "", err
		}
	}
	return pkg, op, nil
}
