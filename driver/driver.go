package driver

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/gen"
	"github.com/goasl/goasl/gen/cdkgen"
	"github.com/goasl/goasl/gen/typegen"
)

// Func is one workflow function of a user package.
type Func struct {
	PackagePath string // import path of the package
	PackageName string // its name
	Name        string // the function's name
	Build       func() *dsl.Workflow
}

// Request is what the goasl command asks of the driver.
type Request struct {
	Naming gen.Naming
	// GoFiles asks for the generated Go files too (generate); compile needs
	// only the ASL.
	GoFiles bool
	// CDK asks for a <name>_cdk.go file with a typed CDK constructor per
	// workflow (gen/cdkgen), in the package CDKPackagePath (named
	// CDKPackageName): a package of its own, so that the workflow's
	// package does not import the CDK.
	CDK                            bool
	CDKPackagePath, CDKPackageName string
	// Dir is where the files go, relative to each package's directory
	// ("" for the package directory itself). The Go file of a
	// subdirectory belongs to a package named after it.
	Dir string
	// Timeout bounds the time each workflow function may take to return
	// its workflow; zero means no bound.
	Timeout time.Duration
}

// Result is what the driver hands back.
type Result struct {
	Workflows []Workflow
}

// Workflow is the outcome for one function.
type Workflow struct {
	PackagePath string
	Func        string
	Name        string // the workflow's name; "" if the function failed
	Base        string // the base of the output file names
	ASL         string // the canonical definition; "" on errors
	GoSource    string // the Go file; "" on errors or when not asked
	CDKSource   string // the CDK constructor file; "" unless asked
	Diagnostics []compiler.Diagnostic
	// Failure explains a function that panicked or returned nil.
	Failure string
}

// RunningFile is the file next to the result file in which Main names the
// function it is running ("package/path.Func"), so that goasl can name the
// function that ended the program (os.Exit, log.Fatal, a panic in another
// goroutine, a stack overflow).
func RunningFile(result string) string { return result + ".running" }

// Main runs the driver: args are the request file and the result file.
// It returns the process exit status.
func Main(args []string, funcs []Func) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "goasl driver: usage: driver REQUEST RESULT")
		return 2
	}
	var req Request
	data, err := os.ReadFile(args[0])
	if err == nil {
		err = json.Unmarshal(data, &req)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goasl driver: reading the request:", err)
		return 2
	}
	running := RunningFile(args[1])
	res := run(req, funcs, func(f Func) {
		os.WriteFile(running, []byte(f.PackagePath+"."+f.Name), 0o644)
	})
	os.Remove(running)
	out, err := json.Marshal(res)
	if err == nil {
		err = os.WriteFile(args[1], out, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goasl driver: writing the result:", err)
		return 2
	}
	return 0
}

// sdkDocs reads the required members of typed AWS SDK calls from the SDK's
// source in the user's module, where the driver runs; it caches what it
// read for every workflow of the run.
var sdkDocs = &awssdk.SourceDocs{}

// Run builds, compiles and renders every function.
func Run(req Request, funcs []Func) Result { return run(req, funcs, func(Func) {}) }

func run(req Request, funcs []Func, starting func(Func)) Result {
	if req.Naming == "" {
		req.Naming = gen.Snake
	}
	var res Result
	for _, f := range funcs {
		starting(f)
		res.Workflows = append(res.Workflows, runOne(req, f))
	}
	return res
}

func runOne(req Request, f Func) (w Workflow) {
	w = Workflow{PackagePath: f.PackagePath, Func: f.Name}
	wf, failure := callWithin(f, req.Timeout)
	if failure != "" {
		w.Failure = failure
		return w
	}
	w.Name = wf.Name()
	w.Base = gen.FileBase(w.Name, req.Naming)
	r := compiler.CheckWith(wf, compiler.Options{SDKDocs: sdkDocs})
	sm, types := r.Machine, r.Types
	w.Diagnostics = r.Diagnostics
	if sm == nil {
		return w
	}
	data, err := asl.Marshal(sm)
	if err != nil {
		w.Failure = fmt.Sprintf("marshaling the definition: %v", err)
		return w
	}
	w.ASL = string(data)
	if req.GoFiles {
		pkgPath, pkgName := f.PackagePath, f.PackageName
		if req.Dir != "" {
			pkgPath, pkgName = pkgPath+"/"+req.Dir, gen.PackageName(req.Dir)
		}
		var declErr error
		src, err := gen.GoSource(gen.Workflow{PackageName: pkgName, PackagePath: pkgPath, Func: f.Name, Name: w.Name, Base: w.Base,
			Extra: func(file *jen.File) {
				declErr = typegen.Declare(file, pkgPath, w.Name, sm, types, gen.DefinitionFunc(w.Name))
			}})
		if err == nil {
			err = declErr
		}
		if err == nil && req.CDK {
			var cdkSrc []byte
			cdkSrc, err = cdkgen.CdkGenerate(cdkgen.Workflow{PackagePath: f.PackagePath, PackageName: f.PackageName, Func: f.Name, Name: w.Name,
				OutPackagePath: req.CDKPackagePath, OutPackageName: req.CDKPackageName, Definition: sm})
			w.CDKSource = string(cdkSrc)
		}
		if err != nil {
			w.Failure = err.Error()
			return w
		}
		w.GoSource = string(src)
	}
	return w
}

// callWithin calls f and gives up after timeout (if not zero): the
// function keeps running in its goroutine, and the driver goes on with the
// next one.
func callWithin(f Func, timeout time.Duration) (*dsl.Workflow, string) {
	if timeout <= 0 {
		return call(f)
	}
	type outcome struct {
		wf      *dsl.Workflow
		failure string
	}
	done := make(chan outcome, 1)
	go func() {
		wf, failure := call(f)
		done <- outcome{wf, failure}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case o := <-done:
		return o.wf, o.failure
	case <-timer.C:
		return nil, fmt.Sprintf("%s.%s did not return within %v: a workflow function should only build its workflow; if it needs longer, give goasl a longer -timeout", f.PackagePath, f.Name, timeout)
	}
}

// call runs a workflow function, turning a panic or a nil result into a
// message that names the function.
func call(f Func) (wf *dsl.Workflow, failure string) {
	defer func() {
		if r := recover(); r != nil {
			failure = fmt.Sprintf("%s.%s panicked: %v\n%s", f.PackagePath, f.Name, r, panicFrames())
		}
	}()
	wf = f.Build()
	if wf == nil {
		return nil, fmt.Sprintf("%s.%s returned a nil workflow: return the *dsl.Workflow it builds", f.PackagePath, f.Name)
	}
	return wf, ""
}

// panicFrames returns the stack of a panic without the runtime and driver
// frames, so the message points at the user's code.
func panicFrames() string {
	lines := strings.Split(strings.TrimSpace(string(debug.Stack())), "\n")
	var out []string
	for i := 1; i+1 < len(lines); i += 2 {
		fn, loc := lines[i], lines[i+1]
		if strings.HasPrefix(fn, "runtime") || strings.HasPrefix(fn, "panic(") || strings.Contains(fn, "goasl/goasl/driver.") || strings.HasPrefix(fn, "main.") {
			continue
		}
		if i := strings.LastIndex(loc, " +0x"); i >= 0 {
			loc = loc[:i] // the program counter offset changes from build to build
		}
		out = append(out, fn, loc)
	}
	return strings.Join(out, "\n")
}
