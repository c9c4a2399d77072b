package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
)

const dslPath = "github.com/goasl/goasl/dsl"

// workflowPackage is a loaded package and its workflow functions.
type workflowPackage struct {
	Path, Name, Dir string
	ModuleDir       string
	Funcs           []string // exported func() *dsl.Workflow, sorted
	// Dropped lists the files of the package that the driver is built
	// without (see reduce); nil when the whole package builds.
	Dropped []string
}

// loaded is the outcome of loadWorkflows.
type loaded struct {
	pkgs []*workflowPackage
	// sources are the files of the workflow packages and of every
	// dependency that is not in the module cache or the standard library:
	// goasl hashes them before and after it runs the driver.
	sources []string
	// exports maps the import path of every package listed to its export
	// file, which the go command names after a hash of its contents, and
	// deps to its dependencies: together they identify the driver program
	// (driverKey).
	exports map[string]string
	deps    map[string][]string
	// hashes are the hashes of sources right after loading.
	hashes map[string]string
	// listed is everything go list said; reduced is set when a package
	// was loaded without some of its files (see reduce).
	listed  []*listedPackage
	reduced bool
	// dirs are the listings of the loaded packages' directories, taken
	// with hashes (see fastDirs).
	dirs map[string]string
}

// driverPkgPath is the package every driver program imports. goasl lists
// it with the user's packages, so that its dependencies are built (or
// found in the build cache) by the same go list, and known.
const driverPkgPath = "github.com/goasl/goasl/driver"

// listedPackage is what go list -json says of a package.
type listedPackage struct {
	ImportPath, Name, Dir, Export string
	GoFiles, CgoFiles, EmbedFiles []string
	Deps                          []string
	Standard, DepOnly             bool
	Module                        *struct {
		Path, Dir, Version string
		Main               bool
		Replace            *struct{ Version string }
	}
	Error      *struct{ Err string }
	DepsErrors []*struct{ Err string }
}

// goList runs go list -export -deps on patterns: it builds every package
// (or takes it from the build cache) and names the file holding each
// package's export data, from which goasl reads the types.
func goList(ctx context.Context, patterns []string, tags, overlay string) ([]*listedPackage, error) {
	args := []string{"list", "-e", "-export", "-deps", "-json=ImportPath,Name,Dir,Export,Deps,GoFiles,CgoFiles,EmbedFiles,Standard,DepOnly,Module,Error,DepsErrors"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	if overlay != "" {
		args = append(args, "-overlay="+overlay)
	}
	args = append(args, patterns...)
	cmd := childCommand(ctx, "", "go", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := runCommand(cmd); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		if strings.Contains(msg, "go.mod file not found") {
			wd, _ := os.Getwd()
			return nil, fmt.Errorf("no go.mod in %s or any directory above it: goasl loads packages of a Go module; run it inside the module that holds them (go mod init makes one)", wd)
		}
		msg = strings.TrimPrefix(msg, "go: ")
		if strings.Contains(msg, "go.mod") || strings.Contains(msg, "go.sum") {
			msg += "\n" + toolHint("")
		}
		return nil, fmt.Errorf("loading %s: %s", strings.Join(userPatterns(patterns), " "), msg)
	}
	var out []*listedPackage
	dec := json.NewDecoder(&stdout)
	for {
		p := new(listedPackage)
		if err := dec.Decode(p); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("reading go list's output: %v", err)
		}
		out = append(out, p)
	}
	return out, nil
}

// userPatterns drops the driver package goasl adds to the patterns.
func userPatterns(patterns []string) []string {
	if n := len(patterns); n > 1 && patterns[n-1] == driverPkgPath {
		return patterns[:n-1]
	}
	return patterns
}

// errorLines returns the lines of a go command error without the
// "# package" headers.
func errorLines(msg string) []string {
	var out []string
	for _, line := range strings.Split(strings.TrimRight(msg, "\n"), "\n") {
		if line == "" || strings.HasPrefix(line, "# ") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// packageErrors returns the errors of a package and of its dependencies.
func packageErrors(p *listedPackage) []string {
	var out []string
	if p.Error != nil {
		out = append(out, errorLines(p.Error.Err)...)
	}
	for _, e := range p.DepsErrors {
		out = append(out, errorLines(e.Err)...)
	}
	return out
}

// loadWorkflows loads the packages matching patterns and finds, by type,
// every exported function that takes nothing and returns a *dsl.Workflow.
//
// A package that does not build because other files use names that the
// files goasl generates define (they were deleted, or are not written
// yet) is loaded without those files: see reduce.
func loadWorkflows(ctx context.Context, e *env, patterns []string, tags string) (*loaded, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	listed, err := goList(ctx, append(append([]string(nil), patterns...), driverPkgPath), tags, "")
	if err != nil {
		return nil, err
	}
	var problems []string
	seen := map[string]bool{}
	report := func(lines []string) {
		for _, l := range lines {
			if !seen[l] {
				seen[l] = true
				problems = append(problems, l)
			}
		}
	}
	var good []*listedPackage
	reduced := map[string][]string{} // import path → files left out
	var reducedPaths []string
	original := map[string][]string{} // import path → its errors, to report if reducing fails
	for _, p := range listed {
		if p.DepOnly || p.ImportPath == driverPkgPath {
			// go run reports the driver's errors, with advice.
			continue
		}
		errs := packageErrors(p)
		if len(errs) == 0 && p.Export != "" {
			good = append(good, p)
			continue
		}
		if p.Error == nil && len(p.DepsErrors) == 0 {
			report([]string{p.ImportPath + ": the go command did not build the package"})
			continue
		}
		files := absFiles(p)
		fset := token.NewFileSet()
		syntax := parseFiles(fset, files)
		if len(workflowCandidates(syntax)) == 0 && allUndefined(errs) {
			// No function of the package can be a workflow function,
			// and it uses names that are not there, such as those goasl
			// is about to generate: goasl does not need it.
			continue
		}
		if dropped := reduce(p, errs, syntax); len(dropped) > 0 {
			reduced[p.ImportPath] = dropped
			reducedPaths = append(reducedPaths, p.ImportPath)
			original[p.ImportPath] = errs
			continue
		}
		report(errs)
	}
	if len(reducedPaths) > 0 {
		dir, done, err := tempDir(e)
		if err != nil {
			return nil, fmt.Errorf("loading the packages: %v", plainError(err))
		}
		defer done()
		ov := filepath.Join(dir, "load-overlay.json")
		if err := writeOverlay(ov, reduced, nil); err != nil {
			return nil, fmt.Errorf("loading the packages: %v", plainError(err))
		}
		again, err := goList(ctx, reducedPaths, tags, ov)
		if err != nil {
			return nil, err
		}
		for _, p := range again {
			if p.DepOnly {
				continue
			}
			if len(packageErrors(p)) == 0 && p.Export != "" {
				good = append(good, p)
				listed = append(listed, p)
			} else {
				report(original[p.ImportPath])
			}
		}
	}
	if len(problems) > 0 {
		msg := strings.Join(problems, "\n")
		if strings.Contains(msg, "no required module provides package github.com/goasl/goasl/") {
			msg += "\n" + toolHint("")
		}
		return nil, fmt.Errorf("the packages do not build:\n%s", msg)
	}
	l := &loaded{exports: map[string]string{}, deps: map[string][]string{}, listed: listed, reduced: len(reducedPaths) > 0}
	for _, p := range listed {
		l.exports[p.ImportPath], l.deps[p.ImportPath] = p.Export, p.Deps
	}
	for _, p := range good {
		wp := &workflowPackage{Path: p.ImportPath, Name: p.Name, Dir: p.Dir, Dropped: reduced[p.ImportPath]}
		if p.Module != nil {
			wp.ModuleDir = p.Module.Dir
		}
		pkg, err := readExport(p.Export, p.ImportPath)
		if err != nil {
			return nil, fmt.Errorf("%s: reading the package's types: %v", p.ImportPath, err)
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if fn, ok := scope.Lookup(name).(*types.Func); ok && fn.Exported() && isWorkflowFunc(fn) {
				wp.Funcs = append(wp.Funcs, name)
			}
		}
		if len(wp.Funcs) == 0 {
			continue
		}
		if p.Name == "main" {
			return nil, fmt.Errorf("%s: package main cannot be imported by goasl's driver: move the workflow functions (%s) to a non-main package", p.ImportPath, strings.Join(wp.Funcs, ", "))
		}
		if wp.ModuleDir == "" {
			return nil, fmt.Errorf("%s is not in a Go module: goasl needs a go.mod that requires github.com/goasl/goasl", p.ImportPath)
		}
		l.pkgs = append(l.pkgs, wp)
	}
	sort.Slice(l.pkgs, func(i, j int) bool { return l.pkgs[i].Path < l.pkgs[j].Path })
	if len(l.pkgs) == 0 {
		return nil, fmt.Errorf("no workflow functions in %s: goasl looks for exported functions of type func() *dsl.Workflow", strings.Join(patterns, " "))
	}
	l.sources = localSources(listed)
	return l, nil
}

// absFiles returns the absolute paths of a package's Go files.
func absFiles(p *listedPackage) []string {
	var out []string
	for _, f := range append(append([]string(nil), p.GoFiles...), p.CgoFiles...) {
		out = append(out, filepath.Join(p.Dir, f))
	}
	sort.Strings(out)
	return out
}

// localSources lists the files that may change while goasl runs: those of
// packages outside the standard library and the module cache.
func localSources(listed []*listedPackage) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range listed {
		if p.Standard || inModuleCache(p) {
			continue
		}
		for _, f := range fastFiles(p) {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out
}

// inModuleCache reports whether a package comes from a module in the
// module cache, whose files the go command never changes, rather than
// from the main module, a directory replacement or a vendor directory
// (-mod=vendor: go list gives the module's version but no Dir, and the
// files are the user's to edit). It is goasl's one rule for this
// (localSources, fastRecordRun, fastDirs). It does not ask where the
// cache is (GOMODCACHE set or not, reached through a symbolic link or
// not): go list names each cached module's directory path@version, with
// the same prefix as the directories of its packages.
func inModuleCache(p *listedPackage) bool {
	m := p.Module
	if m == nil || m.Main || m.Version == "" || m.Dir == "" || (m.Replace != nil && m.Replace.Version == "") {
		return false
	}
	if !strings.Contains(filepath.Base(m.Dir), "@") {
		return false
	}
	rel, err := filepath.Rel(m.Dir, p.Dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readExport reads a package's types from its export data.
func readExport(file, path string) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	return gcexportdata.Read(r, token.NewFileSet(), map[string]*types.Package{}, path)
}

// isWorkflowFunc reports whether fn is func() *dsl.Workflow.
func isWorkflowFunc(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 || sig.TypeParams().Len() != 0 {
		return false
	}
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := ptr.Elem().(*types.Named)
	return ok && named.Obj().Pkg() != nil && named.Obj().Pkg().Path() == dslPath && named.Obj().Name() == "Workflow"
}

// parsedFile is one Go file of a package that does not build.
type parsedFile struct {
	path string
	file *ast.File
}

func parseFiles(fset *token.FileSet, files []string) []parsedFile {
	var out []parsedFile
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution|parser.ParseComments)
		if file == nil {
			continue
		}
		_ = err // a syntax error is reported by go list
		out = append(out, parsedFile{f, file})
	}
	return out
}

// workflowCandidates returns, by syntax, the functions of the files that
// look like workflow functions: exported, without receiver, parameters
// or type parameters, returning *dsl.Workflow.
func workflowCandidates(files []parsedFile) map[string]string {
	out := map[string]string{} // function → file
	for _, pf := range files {
		dslName := ""
		for _, imp := range pf.file.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == dslPath {
				dslName = "dsl"
				if imp.Name != nil {
					dslName = imp.Name.Name
				}
			}
		}
		if dslName == "" {
			continue
		}
		for _, d := range pf.file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || !fd.Name.IsExported() || fd.Type.TypeParams != nil || fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 1 {
				continue
			}
			star, ok := fd.Type.Results.List[0].Type.(*ast.StarExpr)
			if !ok {
				continue
			}
			sel, ok := star.X.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Workflow" {
				continue
			}
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == dslName {
				out[fd.Name.Name] = pf.path
			}
		}
	}
	return out
}

// undefinedError matches a compiler error about an undefined name.
var undefinedError = regexp.MustCompile(`^(.+\.go):\d+:\d+: undefined: [\pL\pN_.]+$`)

// missingEmbed matches the go command's error about a //go:embed pattern
// that matches no file, such as the .asl.json of a generated Go file after
// the definition was deleted.
var missingEmbed = regexp.MustCompile(`^pattern (\S+): no matching files found$`)

// allUndefined reports whether every error is about an undefined name or
// an embedded file that is not there: what deleting generated files causes.
func allUndefined(errs []string) bool {
	for _, e := range errs {
		if !strings.HasPrefix(e, "too many errors") && !undefinedError.MatchString(e) && !missingEmbed.MatchString(e) {
			return false
		}
	}
	return len(errs) > 0
}

// reduce decides whether a workflow package that does not build can be
// built without some of its files, and returns those files.
//
// goasl generate writes files that other files of the package use: the
// definition function, the typed structs of the states. When those are
// deleted (or not written yet), the package does not build, and the
// workflow functions cannot run to write them again. The workflow
// functions rarely need the files that use generated names, so goasl
// builds the driver with only the files the workflow functions need: the
// files that declare them and, following every name they use, the files
// that declare those names, with the methods of every type. This is done
// only when every error is an undefined name outside those files, and the
// package is then built again without the other files to confirm it.
func reduce(p *listedPackage, errs []string, files []parsedFile) []string {
	if p.Error == nil || len(p.DepsErrors) > 0 {
		return nil
	}
	if !allUndefined(errs) {
		return nil
	}
	var errFiles []string
	for _, e := range errs {
		if m := missingEmbed.FindStringSubmatch(e); m != nil {
			// Only a file goasl generated may be left out for a missing
			// embedded file: goasl writes the file it embeds again.
			embedders := generatedEmbedders(files, m[1])
			if len(embedders) == 0 {
				return nil
			}
			errFiles = append(errFiles, embedders...)
			continue
		}
		m := undefinedError.FindStringSubmatch(e)
		if m == nil {
			continue
		}
		f, err := filepath.Abs(m[1])
		if err != nil {
			return nil
		}
		errFiles = append(errFiles, f)
	}
	decls := map[string]string{}     // top-level name → file
	methods := map[string][]string{} // receiver type name → files
	for _, pf := range files {
		for _, d := range pf.file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					decls[d.Name.Name] = pf.path
				} else if len(d.Recv.List) == 1 {
					t := d.Recv.List[0].Type
					for {
						switch x := t.(type) {
						case *ast.StarExpr:
							t = x.X
							continue
						case *ast.IndexExpr:
							t = x.X
							continue
						case *ast.IndexListExpr:
							t = x.X
							continue
						}
						break
					}
					if id, ok := t.(*ast.Ident); ok {
						methods[id.Name] = append(methods[id.Name], pf.path)
					}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						decls[s.Name.Name] = pf.path
					case *ast.ValueSpec:
						for _, n := range s.Names {
							decls[n.Name] = pf.path
						}
					}
				}
			}
		}
	}
	byPath := map[string]*ast.File{}
	for _, pf := range files {
		byPath[pf.path] = pf.file
	}
	needed := map[string]bool{}
	var work []string
	need := func(f string) {
		if !needed[f] {
			needed[f] = true
			work = append(work, f)
		}
	}
	for _, f := range workflowCandidates(files) {
		need(f)
	}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		ast.Inspect(byPath[f], func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(n.X, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok {
						useName(id.Name, decls, methods, need)
					}
					return true
				})
				return false
			case *ast.Ident:
				useName(n.Name, decls, methods, need)
			}
			return true
		})
	}
	for _, f := range errFiles {
		if needed[f] {
			return nil
		}
	}
	var dropped []string
	for _, pf := range files {
		if !needed[pf.path] {
			dropped = append(dropped, pf.path)
		}
	}
	return dropped
}

// generatedEmbedders returns the files that goasl generated (they start
// with its header) and that embed pattern with a //go:embed directive.
func generatedEmbedders(files []parsedFile, pattern string) []string {
	var out []string
	for _, pf := range files {
		if len(pf.file.Comments) == 0 || !strings.HasPrefix(pf.file.Comments[0].Text(), "Code generated by goasl. DO NOT EDIT.") {
			continue
		}
		for _, cg := range pf.file.Comments {
			for _, c := range cg.List {
				if fields := strings.Fields(strings.TrimPrefix(c.Text, "//go:embed")); strings.HasPrefix(c.Text, "//go:embed ") && slices.Contains(fields, pattern) {
					out = append(out, pf.path)
				}
			}
		}
	}
	return out
}

func useName(name string, decls map[string]string, methods map[string][]string, need func(string)) {
	if f, ok := decls[name]; ok {
		need(f)
	}
	for _, f := range methods[name] {
		need(f)
	}
}

// writeOverlay writes a go command -overlay file that leaves out the
// dropped files of each package and adds the files of extra.
func writeOverlay(path string, dropped map[string][]string, extra map[string]string) error {
	replace := map[string]string{}
	for _, files := range dropped {
		for _, f := range files {
			replace[f] = ""
		}
	}
	for k, v := range extra {
		replace[k] = v
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
