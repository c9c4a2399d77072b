package main

import (
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/goasl/goasl/gen"
)

// cdkTarget is where goasl generate -cdk-dir writes the CDK constructors:
// a package of its own.
type cdkTarget struct {
	Dir       string // absolute
	ModuleDir string // the root of the module that holds Dir
	Path      string // the package's import path
	Name      string // the package's name
}

// errCDKWithoutDir is the error for -cdk alone.
var errCDKWithoutDir = errors.New("-cdk needs -cdk-dir DIR: the CDK constructors go to a package of their own " +
	"(your CDK app, say: -cdk-dir ../deploy), so that code that imports the workflow package for its types does not link the AWS CDK")

// resolveCDKDir finds the package that -cdk-dir names: dir is relative to
// the working directory (or absolute), inside a Go module, in a folder
// the go command builds. The package's name is that of the Go files
// already there, or else made from the folder's name.
func resolveCDKDir(dir string) (*cdkTarget, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("-cdk-dir %s: %v", dir, err)
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return nil, fmt.Errorf("-cdk-dir %s is a file: give a directory", dir)
	}
	modDir, modPath, err := findModule(abs)
	if err != nil {
		return nil, fmt.Errorf("-cdk-dir %s: %v", dir, err)
	}
	rel, err := filepath.Rel(modDir, abs)
	if err != nil {
		return nil, fmt.Errorf("-cdk-dir %s: %v", dir, err)
	}
	rel = filepath.ToSlash(rel)
	importPath := modPath
	if rel != "." {
		for _, elem := range strings.Split(rel, "/") {
			if elem == "testdata" || strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") {
				return nil, fmt.Errorf("-cdk-dir %s: the go command ignores folders named testdata or starting with . or _ (%q): choose another directory", dir, elem)
			}
		}
		importPath = path.Join(modPath, rel)
	}
	name, err := packageNameIn(abs)
	if err != nil {
		return nil, fmt.Errorf("-cdk-dir %s: %v", dir, err)
	}
	if name == "" {
		name = gen.PackageName(path.Base(importPath))
	}
	return &cdkTarget{Dir: abs, ModuleDir: modDir, Path: importPath, Name: name}, nil
}

// check refuses a target that is the folder of a workflow package (or of
// its -dir output) or in another module than a workflow package.
func (c *cdkTarget) check(pkgs map[string]*workflowPackage, sub string) error {
	paths := make([]string, 0, len(pkgs))
	for p := range pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		wp := pkgs[p]
		if wp.ModuleDir != "" && filepath.Clean(wp.ModuleDir) != c.ModuleDir {
			return fmt.Errorf("-cdk-dir %s is in module %s, but workflow package %s is in %s: the constructors must be in the workflow's module",
				displayPath(c.Dir), displayPath(c.ModuleDir), p, displayPath(wp.ModuleDir))
		}
		out := filepath.Join(wp.Dir, filepath.FromSlash(sub))
		if filepath.Clean(out) == c.Dir {
			return fmt.Errorf("-cdk-dir %s is where the files of workflow package %s go: the constructors go to a package of their own, so that code that imports %s for its types does not link the AWS CDK",
				displayPath(c.Dir), p, p)
		}
	}
	return nil
}

// findModule returns the root and the module path of the module that
// holds dir (which need not exist yet).
func findModule(dir string) (root, modPath string, err error) {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			if mp := moduleLine(data); mp != "" {
				return d, mp, nil
			}
			return "", "", fmt.Errorf("%s declares no module path", displayPath(filepath.Join(d, "go.mod")))
		}
		if filepath.Dir(d) == d {
			return "", "", errors.New("not inside a Go module (no go.mod in it or above it)")
		}
	}
}

// moduleLine returns the path of the module directive of a go.mod file.
func moduleLine(gomod []byte) string {
	for line := range strings.SplitSeq(string(gomod), "\n") {
		if i := strings.Index(line, "//"); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == "module" {
			if p, err := strconv.Unquote(f[1]); err == nil {
				return p
			}
			return f[1]
		}
	}
	return ""
}

// packageNameIn returns the package name of the Go files in dir (not the
// tests), "" when there are none.
func packageNameIn(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, n), nil, parser.PackageClauseOnly)
		if err != nil {
			return "", err
		}
		return f.Name.Name, nil
	}
	return "", nil
}
