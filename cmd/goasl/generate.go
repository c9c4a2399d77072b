package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goasl/goasl/driver"
	"github.com/goasl/goasl/gen"
	"github.com/goasl/goasl/gen/cdkgen"
)

func init() { register(generateCmd) }

var generateCmd = &command{
	name:    "generate",
	summary: "compile the workflows of Go packages and write their ASL and Go files",
	usage:   "[-check] [-v] [-cdk-dir DIR] [-dir DIR] [-names snake|lower|exact] [-tags TAGS] [-timeout D] [packages]",
	help: `Generate loads the packages (default ".") and finds, by type, every exported
function of type func() *dsl.Workflow. It builds a program in your module that
calls each function (nothing is written into the module; the program is kept
in your user cache directory and reused while nothing changes) and compiles
its workflow, then writes, next to the package's sources, for each workflow:

	<name>.asl.json   the Amazon States Language definition
	<name>_sfn.go     the definition embedded in Go, with a function that returns it

With -cdk-dir DIR it also writes <name>_cdk.go into DIR: a typed constructor
that deploys the workflow with the AWS CDK (package compiler/cdk), with one
props field per dsl.Ref placeholder. DIR (relative to the current directory)
is a package of its own in the same module, such as your CDK app: the
workflow's package, which Lambda handlers import for its types, must not
import the CDK, or every handler links it. The constructors belong to the
package of the Go files already in DIR, or to one named after DIR.

<name> comes from the workflow's name (-names). With -dir, the files go to
that subdirectory of each package instead, and the Go file belongs to a
package named after the directory. Files are written only when
every workflow compiled, all of them or none, and only over regular files goasl
generated: a Go file must start with "` + gen.Header + `",
and an .asl.json file must be named by the //go:embed line of such a Go file
or hold exactly what goasl would write. Nothing is ever removed.

Each workflow function may take -timeout to return its workflow.

When the packages are given as directories (as go generate does: ".", no
"..."), a run that changes nothing is fast: goasl records in the user cache
directory every file the last run depended on (the Go files and directories
of the packages it loaded outside the module cache, go.mod and go.sum, the
files it wrote) and, while every one is as recorded and the flags, the
environment, the go command and goasl itself are the same, prints what that
run printed and builds nothing. A workflow function that reads other files
while it runs defeats this: set GOASL_NOCACHE=1 to always run in full.

Problems are printed as file:line:col: workflow "W": state "S": message (the
column when the line holds a single call), and the
command exits with status 1.

Use it from go generate, in a file of the package:

	//go:generate go run github.com/goasl/goasl/cmd/goasl generate

Examples:

	goasl generate
	goasl generate -v ./workflows/...
	goasl generate -check ./...    # in CI: fail when generated files are stale
	goasl generate -cdk-dir ../deploy    # and the CDK constructors, in ../deploy`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		check := fs.Bool("check", false, "write nothing; exit 1 and name each missing or stale file")
		verbose := fs.Bool("v", false, "list the files written (or, with -check, the files that are up to date)")
		names := fs.String("names", "snake", "how file names are made from workflow names: snake (OrderFlow → order_flow), lower (orderflow) or exact (OrderFlow)")
		timeout, tags := loadFlags(fs)
		withCDK := fs.Bool("cdk", false, "replaced by -cdk-dir, which writes the constructors to a package of their own (alone it is an error)")
		cdkDir := fs.String("cdk-dir", "", "also write <name>_cdk.go, a typed AWS CDK constructor for each workflow, into this directory: a package of its own")
		dir := fs.String("dir", "", "write the files to this subdirectory of each package (a relative path inside it) instead of next to its sources")
		return func(e *env, patterns []string) int {
			naming, err := gen.ParseNaming(*names)
			if err != nil {
				e.errorf("-names: %v", err)
				return 2
			}
			d, err := cleanDir(*dir)
			if err != nil {
				e.errorf("-dir: %v", err)
				return 2
			}
			req := driver.Request{Naming: naming, GoFiles: true, Dir: d, Timeout: *timeout}
			var cdk *cdkTarget
			if *withCDK && *cdkDir == "" {
				e.errorf("%v", errCDKWithoutDir)
				return 2
			}
			if *cdkDir != "" {
				if cdk, err = resolveCDKDir(*cdkDir); err != nil {
					e.errorf("%v", err)
					return 2
				}
				req.CDK, req.CDKPackagePath, req.CDKPackageName = true, cdk.Path, cdk.Name
			}
			return generate(e, patterns, req, cdk, *tags, *check, *verbose)
		}
	},
}

// output is one file goasl generate wants to write.
type output struct {
	path string
	data []byte
}

// cleanDir checks a -dir value: a relative path inside the package
// directory, returned slash-separated ("" for the package directory).
func cleanDir(dir string) (string, error) {
	if dir == "" {
		return "", nil
	}
	clean := filepath.ToSlash(filepath.Clean(dir))
	if filepath.IsAbs(dir) || clean == ".." || strings.HasPrefix(clean, "../") {
		return "", fmt.Errorf("%q is not inside the package directory: give a relative path such as sfn", dir)
	}
	if clean == "." {
		return "", nil
	}
	for _, elem := range strings.Split(clean, "/") {
		if strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") || elem == "testdata" {
			return "", fmt.Errorf("%q: the go tool ignores a directory named %q (names starting with \".\" or \"_\", and testdata), so the generated package would not build: choose another name, such as sfn", dir, elem)
		}
	}
	return clean, nil
}

// insidePackage checks that dir, a package directory joined with a -dir
// value, does not leave the package directory through a symbolic link.
func insidePackage(pkgDir, dir string) error {
	real, err := filepath.EvalSymlinks(pkgDir)
	if err != nil {
		return nil // reported when writing
	}
	// Resolve the deepest part of dir that exists.
	d, rest := dir, ""
	for {
		if _, err := os.Lstat(d); err == nil || d == filepath.Dir(d) {
			break
		}
		d, rest = filepath.Dir(d), filepath.Join(filepath.Base(d), rest)
	}
	target, err := filepath.EvalSymlinks(d)
	if err != nil {
		return nil
	}
	target = filepath.Join(target, rest)
	if rel, err := filepath.Rel(real, target); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("-dir: %s leads to %s, outside the package directory %s, through a symbolic link: give a directory inside the package", displayPath(dir), target, displayPath(pkgDir))
	}
	return nil
}

func generate(e *env, patterns []string, req driver.Request, cdk *cdkTarget, tags string, check, verbose bool) int {
	// The fast path (fastpath.go): nothing this run depends on changed
	// since the last one that wrote its files.
	key := ""
	if !check && !verbose {
		key = fastKey(patterns, req, cdk, tags, verbose)
	}
	if fastHit(e, key) {
		return 0
	}
	pre := fastBefore(key, patterns, cdk)
	var printed bytes.Buffer
	e = &env{stdin: e.stdin, stdout: e.stdout, stderr: teeWriter{e.stderr, &printed}}
	ws, pkgs, l, err := compileAll(e, patterns, req, tags)
	if err != nil {
		e.errorf("%v", err)
		return 1
	}
	if !reportWorkflows(e, ws) {
		return 1
	}
	outs, err := plan(ws, pkgs, req.Dir, cdk)
	if err != nil {
		e.errorf("%v", err)
		return 1
	}
	if check {
		return checkOutputs(e, outs, verbose)
	}
	if err := writeAll(e, outs, verbose); err != nil {
		e.errorf("%v", err)
		return 1
	}
	fastRecordRun(key, pre, l, outs, printed.String())
	return 0
}

// plan lists the files to write and checks that goasl may write each.
func plan(ws []driver.Workflow, pkgs map[string]*workflowPackage, sub string, cdk *cdkTarget) ([]output, error) {
	if cdk != nil {
		if err := cdk.check(pkgs, sub); err != nil {
			return nil, err
		}
	}
	var outs []output
	seen := map[string]string{}
	var problems []string
	for _, w := range ws {
		dir := filepath.Join(pkgs[w.PackagePath].Dir, filepath.FromSlash(sub))
		if err := insidePackage(pkgs[w.PackagePath].Dir, dir); err != nil {
			problems = append(problems, err.Error())
			continue
		}
		aslPath := filepath.Join(dir, gen.ASLFile(w.Base))
		goPath := filepath.Join(dir, gen.GoFile(w.Base))
		if prev, ok := seen[goPath]; ok {
			problems = append(problems, fmt.Sprintf("%s and %s both write %s: give the workflows different names", prev, w.Func, displayPath(goPath)))
			continue
		}
		seen[goPath] = w.Func
		outs = append(outs, output{aslPath, []byte(w.ASL)}, output{goPath, []byte(w.GoSource)})
		if w.CDKSource != "" && cdk != nil {
			cdkPath := filepath.Join(cdk.Dir, cdkgen.GoFile(w.Base))
			if prev, ok := seen[cdkPath]; ok {
				problems = append(problems, fmt.Sprintf("%s and %s both write %s: give the workflows different names", prev, w.Func, displayPath(cdkPath)))
				continue
			}
			seen[cdkPath] = w.Func
			outs = append(outs, output{cdkPath, []byte(w.CDKSource)})
		}
	}
	for _, o := range outs {
		if err := mayWrite(o.path, o.data); err != nil {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return outs, nil
}

// mayWrite reports an error if path exists and goasl did not generate it.
// A file that already holds exactly what goasl would write is no conflict.
func mayWrite(path string, want []byte) error {
	if err := targetProblem(path); err != nil {
		return fmt.Errorf("cannot write %s: %v", displayPath(path), err)
	}
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) || (err == nil && bytes.Equal(data, want)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", displayPath(path), unwrapPathError(err))
	}
	if strings.HasSuffix(path, ".go") {
		if !bytes.HasPrefix(data, []byte(gen.Header+"\n")) {
			return fmt.Errorf("%s exists and was not generated by goasl (it does not start with %q): rename it or the workflow", displayPath(path), gen.Header)
		}
		return nil
	}
	if !claimed(path) {
		return fmt.Errorf("%s exists and was not generated by goasl (no goasl-generated Go file embeds it): rename it or the workflow", displayPath(path))
	}
	return nil
}

// claimed reports whether a goasl-generated Go file in the same directory
// embeds the .asl.json file at path.
func claimed(path string) bool {
	dir, name := filepath.Split(path)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return false
	}
	want := "//go:embed " + name
	for _, ent := range entries {
		if ent.IsDir() || !strings.HasSuffix(ent.Name(), ".go") {
			continue
		}
		f, err := os.Open(filepath.Join(dir, ent.Name()))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		first := true
		for sc.Scan() {
			line := sc.Text()
			if first {
				if line != gen.Header {
					break
				}
				first = false
			}
			if strings.TrimSpace(line) == want {
				f.Close()
				return true
			}
		}
		f.Close()
	}
	return false
}

// checkOutputs compares the files with what would be written.
func checkOutputs(e *env, outs []output, verbose bool) int {
	status := 0
	for _, o := range outs {
		have, err := os.ReadFile(o.path)
		switch {
		case os.IsNotExist(err):
			fmt.Fprintf(e.stderr, "missing: %s\n", displayPath(o.path))
			status = 1
		case err != nil:
			e.errorf("%v", err)
			status = 1
		case !bytes.Equal(have, o.data):
			fmt.Fprintf(e.stderr, "stale: %s\n", displayPath(o.path))
			status = 1
		case verbose:
			fmt.Fprintf(e.stdout, "up to date: %s\n", displayPath(o.path))
		}
	}
	if status != 0 {
		fmt.Fprintln(e.stderr, "run 'goasl generate' (or go generate) to update them")
	}
	return status
}

// unwrapPathError drops the operation and path that an *os.PathError
// repeats.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
