package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goasl/goasl/driver"
	"github.com/goasl/goasl/gen"
)

func init() { register(compileCmd) }

var compileCmd = &command{
	name:    "compile",
	summary: "compile the workflows of Go packages and print their ASL",
	usage:   "[-o DIR] [-names snake|lower|exact] [-tags TAGS] [-timeout D] [packages]",
	help: `Compile loads the packages (default "."), runs every exported function of type
func() *dsl.Workflow, checks each workflow, and prints its Amazon States
Language definition on standard output (several workflows are printed one
after the other, in package and function order). With -o it writes each to
DIR/<name>.asl.json instead, listing them in DIR/` + manifestName + `: an existing
file is only overwritten when that list names it. Problems are printed as file:line: workflow "W":
state "S": message, and the command exits with status 1.

Examples:

	goasl compile ./examples/orderflow
	goasl compile -o build/asl ./...`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		outDir := fs.String("o", "", "write each definition to DIR/<name>.asl.json instead of printing it")
		names := fs.String("names", "snake", "how file names are made from workflow names with -o: snake, lower or exact")
		timeout, tags := loadFlags(fs)
		return func(e *env, patterns []string) int {
			naming, err := gen.ParseNaming(*names)
			if err != nil {
				e.errorf("-names: %v", err)
				return 2
			}
			ws, _, _, err := compileAll(e, patterns, driver.Request{Naming: naming, Timeout: *timeout}, *tags)
			if err != nil {
				e.errorf("%v", err)
				return 1
			}
			if !reportWorkflows(e, ws) {
				return 1
			}
			if *outDir == "" {
				for _, w := range ws {
					e.stdout.Write([]byte(w.ASL))
				}
				return 0
			}
			var outs []output
			writer := map[string]string{} // file → the workflow function that writes it
			var clash []string
			for _, w := range ws {
				path := filepath.Join(*outDir, gen.ASLFile(w.Base))
				fn := w.PackagePath + "." + w.Func
				if prev, ok := writer[path]; ok {
					clash = append(clash, fmt.Sprintf("%s and %s both write %s: give the workflows different names, or compile their packages to different -o directories", prev, fn, displayPath(path)))
					continue
				}
				writer[path] = fn
				outs = append(outs, output{path, []byte(w.ASL)})
			}
			if len(clash) > 0 {
				e.errorf("%s", strings.Join(clash, "\n"))
				return 1
			}
			if err := checkManifest(*outDir, outs); err != nil {
				e.errorf("%v", err)
				return 1
			}
			outs = append(outs, manifest(*outDir, outs))
			if err := writeAll(e, outs, false); err != nil {
				e.errorf("%v", err)
				return 1
			}
			return 0
		}
	},
}

// manifestName is the file in a compile -o directory that lists the files
// goasl wrote there.
const manifestName = ".goasl-generated"

// checkManifest refuses to overwrite a file of dir that goasl's manifest
// does not list.
func checkManifest(dir string, outs []output) error {
	listed := map[string]bool{}
	if data, err := os.ReadFile(filepath.Join(dir, manifestName)); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			listed[line] = true
		}
	}
	for _, o := range outs {
		if _, err := os.Stat(o.path); err == nil && !listed[filepath.Base(o.path)] {
			return fmt.Errorf("%s exists and was not written by goasl (%s does not list it): move it, or choose another -o directory", displayPath(o.path), manifestName)
		}
	}
	return nil
}

// manifest returns the manifest of dir after writing outs: the files it
// listed before and the new ones, sorted.
func manifest(dir string, outs []output) output {
	names := map[string]bool{}
	path := filepath.Join(dir, manifestName)
	if data, err := os.ReadFile(path); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if line != "" && !strings.HasPrefix(line, "#") {
				names[line] = true
			}
		}
	}
	for _, o := range outs {
		names[filepath.Base(o.path)] = true
	}
	list := make([]string, 0, len(names))
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	return output{path, []byte("# Files written by goasl compile -o; goasl overwrites only these.\n" + strings.Join(list, "\n") + "\n")}
}
