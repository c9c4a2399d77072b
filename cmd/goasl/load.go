package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/goasl/goasl/driver"
	"github.com/goasl/goasl/gen"
)

const dslPath = "github.com/goasl/goasl/dsl"

// workflowPackage is a loaded package and its workflow functions.
type workflowPackage struct {
	Path, Name, Dir string
	ModuleDir       string
	Funcs           []string // exported func() *dsl.Workflow, sorted
}

// loadWorkflows loads the packages matching patterns and finds, by type,
// every exported function that takes nothing and returns a *dsl.Workflow.
func loadWorkflows(patterns []string, tags string) ([]*workflowPackage, error) {
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedTypes | packages.NeedModule}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %v", strings.Join(patterns, " "), err)
	}
	var problems []string
	seen := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		// Type errors say the same as the go command's build output, with
		// better positions: show those when there are any.
		errs := p.Errors
		var typeErrs []packages.Error
		for _, e := range errs {
			if e.Kind == packages.TypeError {
				typeErrs = append(typeErrs, e)
			}
		}
		if len(typeErrs) > 0 {
			errs = typeErrs
		}
		for _, e := range errs {
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = displayPath(e.Pos) + ": " + msg
			}
			if !seen[msg] {
				seen[msg] = true
				problems = append(problems, msg)
			}
		}
	})
	if len(problems) > 0 {
		return nil, fmt.Errorf("the packages do not build:\n%s", strings.Join(problems, "\n"))
	}
	var out []*workflowPackage
	for _, p := range pkgs {
		wp := &workflowPackage{Path: p.PkgPath, Name: p.Name}
		if len(p.GoFiles) > 0 {
			wp.Dir = filepath.Dir(p.GoFiles[0])
		}
		if p.Module != nil {
			wp.ModuleDir = p.Module.Dir
		}
		if p.Types == nil {
			continue
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			if fn, ok := scope.Lookup(name).(*types.Func); ok && fn.Exported() && isWorkflowFunc(fn) {
				wp.Funcs = append(wp.Funcs, name)
			}
		}
		if len(wp.Funcs) == 0 {
			continue
		}
		if p.Name == "main" {
			return nil, fmt.Errorf("%s: package main cannot be imported by goasl's driver: move the workflow functions (%s) to a non-main package", p.PkgPath, strings.Join(wp.Funcs, ", "))
		}
		if wp.ModuleDir == "" {
			return nil, fmt.Errorf("%s is not in a Go module: goasl needs a go.mod that requires github.com/goasl/goasl", p.PkgPath)
		}
		out = append(out, wp)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	if len(out) == 0 {
		return nil, fmt.Errorf("no workflow functions in %s: goasl looks for exported functions of type func() *dsl.Workflow", strings.Join(patterns, " "))
	}
	return out, nil
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

// runDriver builds and runs the temporary driver program for the packages
// of one module and returns its results.
func runDriver(e *env, moduleDir string, pkgs []*workflowPackage, req driver.Request, tags string) (*driver.Result, error) {
	dir, err := os.MkdirTemp(moduleDir, ".goasl-driver-*")
	if err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "main.go"), driverSource(pkgs), 0o644); err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", err)
	}
	reqData, _ := json.Marshal(req)
	reqFile := filepath.Join(dir, "request.json")
	resFile := filepath.Join(dir, "result.json")
	if err := os.WriteFile(reqFile, reqData, 0o644); err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", err)
	}
	args := []string{"run"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	args = append(args, "./"+filepath.Base(dir), reqFile, resFile)
	cmd := exec.Command("go", args...)
	cmd.Dir = moduleDir
	var stderr bytes.Buffer
	cmd.Stdout = e.stderr // workflow functions may print; keep it off our stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "go.mod") || strings.Contains(msg, "go.sum") {
			msg += "\n(goasl's driver program needs goasl's own dependencies in your go.mod: run 'go get -tool github.com/goasl/goasl/cmd/goasl' in " + moduleDir + ")"
		}
		return nil, fmt.Errorf("running the workflow functions failed: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(resFile)
	if err != nil {
		return nil, fmt.Errorf("reading the driver's results: %v", err)
	}
	var res driver.Result
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, fmt.Errorf("reading the driver's results: %v", err)
	}
	return &res, nil
}

// driverSource returns the driver program for the given packages.
func driverSource(pkgs []*workflowPackage) []byte {
	var b bytes.Buffer
	b.WriteString(gen.Header + "\n\n// The temporary program goasl builds to run workflow functions.\npackage main\n\nimport (\n\t\"os\"\n\n\t\"github.com/goasl/goasl/driver\"\n")
	for i, p := range pkgs {
		fmt.Fprintf(&b, "\tp%d %s\n", i, strconv.Quote(p.Path))
	}
	b.WriteString(")\n\nfunc main() {\n\tos.Exit(driver.Main(os.Args[1:], []driver.Func{\n")
	for i, p := range pkgs {
		for _, f := range p.Funcs {
			fmt.Fprintf(&b, "\t\t{PackagePath: %s, PackageName: %s, Name: %s, Build: p%d.%s},\n", strconv.Quote(p.Path), strconv.Quote(p.Name), strconv.Quote(f), i, f)
		}
	}
	b.WriteString("\t}))\n}\n")
	return b.Bytes()
}

// byModule groups packages by their module directory, in a fixed order.
func byModule(pkgs []*workflowPackage) ([]string, map[string][]*workflowPackage) {
	m := map[string][]*workflowPackage{}
	var dirs []string
	for _, p := range pkgs {
		if _, ok := m[p.ModuleDir]; !ok {
			dirs = append(dirs, p.ModuleDir)
		}
		m[p.ModuleDir] = append(m[p.ModuleDir], p)
	}
	sort.Strings(dirs)
	return dirs, m
}

// compileAll loads the packages, runs the driver per module and returns
// every workflow, with each package, in package and function order.
func compileAll(e *env, patterns []string, req driver.Request, tags string) ([]driver.Workflow, map[string]*workflowPackage, error) {
	pkgs, err := loadWorkflows(patterns, tags)
	if err != nil {
		return nil, nil, err
	}
	byPath := map[string]*workflowPackage{}
	for _, p := range pkgs {
		byPath[p.Path] = p
	}
	dirs, groups := byModule(pkgs)
	var all []driver.Workflow
	for _, d := range dirs {
		res, err := runDriver(e, d, groups[d], req, tags)
		if err != nil {
			return nil, nil, err
		}
		if err := checkResult(res, groups[d], req.Naming); err != nil {
			return nil, nil, err
		}
		all = append(all, res.Workflows...)
	}
	return all, byPath, nil
}

// checkResult checks the driver's answer before goasl uses it: the driver
// runs the user's code, which may write anything to the result file.
// Every workflow must be one goasl asked for, once, and its file base the
// one goasl derives from its name, so nothing is written outside the
// package directory.
func checkResult(res *driver.Result, pkgs []*workflowPackage, naming gen.Naming) error {
	if naming == "" {
		naming = gen.Snake
	}
	asked := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.Funcs {
			asked[p.Path+"."+f] = true
		}
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("goasl's driver program returned a result it was not asked for (%s): did a workflow function write to the driver's files? Run goasl again", fmt.Sprintf(format, args...))
	}
	seen := map[string]bool{}
	for _, w := range res.Workflows {
		key := w.PackagePath + "." + w.Func
		switch {
		case !asked[key]:
			return bad("workflow function %s", strconv.Quote(key))
		case seen[key]:
			return bad("%s twice", key)
		case w.Name != "" && w.Base != gen.FileBase(w.Name, naming):
			return bad("file name %q for workflow %q", w.Base, w.Name)
		}
		seen[key] = true
	}
	if len(seen) != len(asked) {
		return bad("%d of %d workflow functions", len(seen), len(asked))
	}
	return nil
}

// reportWorkflows prints failures and diagnostics and reports whether
// every workflow compiled.
func reportWorkflows(e *env, ws []driver.Workflow) bool {
	ok := true
	for _, w := range ws {
		if w.Failure != "" {
			e.errorf("%s", w.Failure)
			ok = false
		}
		for _, d := range w.Diagnostics {
			fmt.Fprintln(e.stderr, d.String())
		}
		if w.Failure == "" && w.ASL == "" {
			ok = false
		}
	}
	return ok
}
