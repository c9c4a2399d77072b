package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/gen/dslgen"
)

func init() { register(importCmd) }

var importCmd = &command{
	name:    "import",
	summary: "turn ASL files into goasl Go code",
	usage:   "[-o FILE] [-pkg NAME] [-func NAME] [-from-template] [-sdk-types] FILE...",
	help: `Import reads existing state machine definitions and writes Go code that builds
the same workflows with package dsl: one exported function per workflow,
returning its *dsl.Workflow, with one variable per state. Compiling that
workflow gives back the definition (JSON-equal), so a team can move its ASL to
Go in one step and keep every behaviour.

FILE may be strict JSON (.asl.json), JSON5 (comments, trailing commas and
unquoted keys; comments are kept as Go comments) or YAML (.asl.yaml, .yml);
with -from-template it is a CloudFormation or SAM template in JSON or YAML,
and every AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine
in it is imported (Definition, or DefinitionString as a string or Fn::Sub).
"${Name}" placeholders become dsl.Ref("Name"). In a template's Definition,
every CloudFormation expression (!Ref, !GetAtt, !Join, !Sub... or their long
form {"Ref": ...}, {"Fn::GetAtt": ...}) becomes a ${Name} placeholder too: the
import names, on standard error and in a comment of the code, the expression
each stands for, to give as a substitution when deploying; one where ASL needs
an object, an array or a boolean is an error. A FILE of "-" reads standard
input.

With -sdk-types, an AWS SDK call (arn:aws:states:::aws-sdk:SERVICE:ACTION) is
written in its typed form, dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](...),
when the go.mod of the module the code goes to (the -o file's, else the current
directory's) requires the service's AWS SDK for Go v2 module and its version has
the operation; the other calls stay dsl.SDK, each named on standard error. The
typed form checks the parameters against the SDK's structs when the workflow is
compiled, so a definition AWS accepts may then report a problem (a member the
module's version does not know, a missing required member): this is why it is
not the default.

Each definition is checked first like 'goasl validate' does; a definition with
errors is not imported, and its problems are printed as validate prints them.
Anything package dsl cannot express is an error naming the field: nothing is
dropped. The Go code is written only when every file imported.

Examples:

	goasl import -o workflows/order.go -pkg workflows order.asl.json
	goasl import -func Checkout checkout.asl.json > checkout.go
	goasl import -from-template -o sm.go template.json`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		out := fs.String("o", "", "write the Go file here instead of standard output")
		pkg := fs.String("pkg", "workflows", "the package name of the Go file")
		fn := fs.String("func", "", "the name of the function (only with a single workflow; default: from the file or resource name)")
		fromTemplate := fs.Bool("from-template", false, "read the state machines of CloudFormation or SAM templates")
		sdkTypes := fs.Bool("sdk-types", false, "write AWS SDK calls typed by the SDK for Go v2 structs where the module's go.mod requires the service")
		return func(e *env, files []string) int {
			if len(files) == 0 {
				e.errorf("import needs at least one file: goasl import FILE...")
				return 2
			}
			if !token.IsIdentifier(*pkg) {
				e.errorf("-pkg %q: give a Go package name", *pkg)
				return 2
			}
			if *fn != "" && (!token.IsIdentifier(*fn) || !token.IsExported(*fn)) {
				e.errorf("-func %q: give an exported Go identifier, such as %s", *fn, dslgen.FuncName(*fn))
				return 2
			}
			if err := notAnInput(*out, files); err != nil {
				e.errorf("%v", err)
				return 2
			}
			var wfs []dslgen.Workflow
			sources := map[string]string{} // workflow name → file
			funcs := map[string]bool{}
			status := 0
			for _, f := range files {
				w, ok := importFile(e, f, *fromTemplate)
				if !ok {
					status = 1
					continue
				}
				for i := range w {
					sources[w[i].Name] = f
					// Files with the same name in different folders get
					// numbered functions.
					base := w[i].Func
					for n := 2; funcs[w[i].Func]; n++ {
						w[i].Func = fmt.Sprintf("%s%d", base, n)
					}
					funcs[w[i].Func] = true
				}
				wfs = append(wfs, w...)
			}
			if status != 0 {
				return status
			}
			if *fn != "" {
				if len(wfs) != 1 {
					e.errorf("-func names one function, but there are %d workflows", len(wfs))
					return 2
				}
				wfs[0].Func = *fn
			}
			var untyped map[string]string
			if *sdkTypes {
				var m dslgen.SDKTypes
				m, untyped = sdkTypesFor(*out)
				for i := range wfs {
					wfs[i].SDKTypes = m
				}
			}
			src, err := dslgen.Generate(*pkg, wfs...)
			calls := make([]string, 0, len(untyped))
			for call := range untyped {
				calls = append(calls, call)
			}
			sort.Strings(calls)
			for _, call := range calls {
				fmt.Fprintf(e.stderr, "goasl import: aws-sdk:%s stays untyped: %s\n", call, untyped[call])
			}
			if err != nil {
				var gerr *dslgen.Error
				if !errors.As(err, &gerr) {
					e.errorf("%v", err)
					return 1
				}
				for _, p := range gerr.Problems {
					ptr := p.Pointer
					if ptr == "" {
						ptr = "/"
					}
					e.errorf("%s: workflow %q: %s: %s", sources[p.Workflow], p.Workflow, ptr, p.Message)
				}
				return 1
			}
			if *out == "" {
				if _, err := e.stdout.Write(src); err != nil {
					e.errorf("%v", err)
					return 1
				}
				return 0
			}
			if err := writeFile(e, *out, src); err != nil {
				e.errorf("%v", err)
				return 1
			}
			return 0
		}
	},
}

// importFile reads, checks and names the workflows of one file. It prints
// every problem and reports whether there was none.
func importFile(e *env, name string, fromTemplate bool) ([]dslgen.Workflow, bool) {
	data, err := e.readFile(name)
	if err != nil {
		e.errorf("%v", err)
		return nil, false
	}
	display := displayName(name)
	if name == "-" {
		name = "stdin.json"
		if looksLikeYAML(data) {
			name = "stdin.yaml"
		}
	}
	defs, err := dslgen.ReadDefinitions(name, data, fromTemplate)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			e.errorf("%s: %s", display, line)
		}
		return nil, false
	}
	var inTemplate func(d dslgen.Definition, diag asl.Diagnostic) (asl.Position, string)
	if fromTemplate {
		inTemplate = templatePositions(name, data)
	}
	var wfs []dslgen.Workflow
	ok := true
	for _, d := range defs {
		if !fromTemplate && display != "<stdin>" {
			d.Name = importName(filepath.Base(name))
		}
		// A template's definitions are printed with their positions in
		// the template and pointers from its root.
		report := func(diag asl.Diagnostic) {
			if inTemplate != nil {
				diag.Pos, diag.Pointer = inTemplate(d, diag)
			}
			printDiagnostic(e.stderr, display, diag)
		}
		doc, err := d.Parse()
		if err != nil {
			if !fromTemplate && !d.YAML {
				err = yamlInJSONFile(name, data, err)
			}
			var aerr *asl.Error
			if !errors.As(err, &aerr) {
				e.errorf("%s: %s: %v", display, d.Name, err)
			} else {
				for _, diag := range aerr.Diagnostics {
					report(diag)
				}
			}
			ok = false
			continue
		}
		valid := true
		for _, diag := range asl.Validate(doc.Machine, asl.ValidateOptions{}) {
			diag.Pos = doc.Position(diag.Pointer)
			report(diag)
			if diag.Severity == asl.SeverityError {
				valid = false
			}
		}
		if !valid {
			ok = false
			continue
		}
		where := display
		if fromTemplate {
			where = display + ": " + d.Name
		}
		for _, s := range d.Substitutions {
			fmt.Fprintf(e.stderr, "%s: note: %s\n", where, s)
		}
		wfs = append(wfs, dslgen.Workflow{
			Func:     dslgen.FuncName(d.Name),
			Name:     d.Name,
			Source:   filepath.Base(display),
			Machine:  doc.Machine,
			Comments: dslgen.AttachSubstitutions(dslgen.AttachComments(doc, d.Comments), doc.Machine, d.Substitutions),
		})
	}
	return wfs, ok
}

// notAnInput refuses an -o file that is one of the input files.
func notAnInput(out string, files []string) error {
	if out == "" {
		return nil
	}
	ofi, err := os.Stat(out)
	if err != nil {
		return nil
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && os.SameFile(ofi, fi) {
			return fmt.Errorf("-o %s is also an input file: write the Go code to another file", out)
		}
	}
	return nil
}

// importName names the workflow of an ASL file after the whole file name
// less its extension, so that fis.ec2.asl.json and fis.ecs.asl.json give
// workflows fis.ec2 and fis.ecs.
func importName(base string) string {
	lower := strings.ToLower(base)
	for _, ext := range []string{".asl.json5", ".asl.json", ".asl.yaml", ".asl.yml", ".json5", ".json", ".yaml", ".yml"} {
		if strings.HasSuffix(lower, ext) && len(base) > len(ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return base
}

// sdkTypesFor maps AWS SDK calls to the SDK for Go v2 operations that the
// module of the output file (or of the current directory) requires; the
// map it returns is filled, as calls are looked up, with the calls left
// untyped and why.
func sdkTypesFor(out string) (dslgen.SDKTypes, map[string]string) {
	dir := "."
	if out != "" {
		dir = filepath.Dir(out)
	}
	// The output's folder may not exist yet: go list runs in the nearest
	// one that does.
	for {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	docs := &awssdk.SourceDocs{Dir: dir}
	untyped := map[string]string{}
	return func(service, action string) (string, string, bool) {
		pkg, op, err := docs.Operation(service, action)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "no required module provides package") {
				msg = fmt.Sprintf("the go.mod of %s does not require %s (go get it to type the call)", dir, awssdk.GoPackage(service))
			}
			untyped[service+":"+action] = msg
			return "", "", false
		}
		return pkg, op, true
	}, untyped
}

// templatePositions returns a function that places a diagnostic of one of
// a template's definitions in the template: for a Definition object, the
// position of the value in the template and its pointer from the
// template's root; for a DefinitionString (a string has no positions
// inside), the position of the string, with the pointer into the
// definition after it.
func templatePositions(name string, data []byte) func(dslgen.Definition, asl.Diagnostic) (asl.Position, string) {
	lower := strings.ToLower(name)
	yaml := strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml")
	text := data
	if !yaml {
		clean, err := dslgen.StripJSON5(data)
		if err != nil {
			return nil
		}
		text = clean
	}
	posOf, err := asl.ValuePositions(text, yaml)
	if err != nil {
		return nil
	}
	var root asl.Value
	if yaml {
		root, err = asl.ParseYAMLValue(text)
	} else {
		root, err = asl.ParseValue(text)
	}
	if err != nil {
		return nil
	}
	return func(d dslgen.Definition, diag asl.Diagnostic) (asl.Position, string) {
		props := "/Resources/" + pointerToken(d.Name) + "/Properties"
		res, _ := root.Get("Resources")
		r, _ := res.Get(d.Name)
		p, _ := r.Get("Properties")
		ptr := diag.Pointer
		if ptr == "" {
			ptr = "/"
		}
		if _, ok := p.Get("Definition"); ok {
			return posOf(props + "/Definition" + diag.Pointer), props + "/Definition" + diag.Pointer
		}
		return posOf(props + "/DefinitionString"), ptr + " in " + props + "/DefinitionString"
	}
}

// pointerToken escapes a key for a JSON pointer (RFC 6901).
func pointerToken(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}
