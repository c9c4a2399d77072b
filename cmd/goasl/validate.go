package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/goasl/goasl/asl"
)

func init() { register(validateCmd) }

var validateCmd = &command{
	name:    "validate",
	summary: "check ASL files against every rule goasl knows",
	usage:   "[-type STANDARD|EXPRESS] [-strict] FILE...",
	help: `Validate parses each ASL file strictly (duplicate keys and unknown fields are
errors) and checks it with every document-level rule of the Amazon States
Language: transitions, reachability, the fields each state type allows in its
query language, value ranges, paths, intrinsic functions, JSONata expressions,
variables and service integrations. A FILE of "-" reads standard input.

Each problem is printed as
	file:line:col: CODE: message [/json/pointer]
and warnings as
	file:line:col: CODE: warning: message [/json/pointer]
Validate exits with status 1 when any file has an error (or, with -strict, a
warning).

Examples:

	goasl validate statemachine.asl.json
	goasl validate -type EXPRESS workflows/*.asl.json`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		typ := fs.String("type", "STANDARD", "the state machine type the files are checked for: STANDARD or EXPRESS")
		strict := fs.Bool("strict", false, "treat warnings as errors")
		return func(e *env, files []string) int {
			t := strings.ToUpper(*typ)
			if t != "STANDARD" && t != "EXPRESS" {
				e.errorf("-type %q: give STANDARD or EXPRESS", *typ)
				return 2
			}
			if len(files) == 0 {
				e.errorf("validate needs at least one file: goasl validate FILE...")
				return 2
			}
			status := 0
			for _, f := range files {
				if !validateFile(e, f, t, *strict) {
					status = 1
				}
			}
			return status
		}
	},
}

// validateFile prints the diagnostics of one file and reports whether it
// passed.
func validateFile(e *env, name, typ string, strict bool) bool {
	data, err := e.readFile(name)
	if err != nil {
		e.errorf("%v", err)
		return false
	}
	name = displayName(name)
	doc, err := parseASL(name, data)
	if err != nil {
		printParseError(e, e.stdout, name, err)
		return false
	}
	ok := true
	for _, d := range asl.Validate(doc.Machine, asl.ValidateOptions{Type: typ}) {
		d.Pos = doc.Position(d.Pointer)
		printDiagnostic(e.stdout, name, d)
		if d.Severity == asl.SeverityError || strict {
			ok = false
		}
	}
	return ok
}

// parseASL reads a document by its file name: YAML for .yaml and .yml
// files, JSON otherwise.
func parseASL(name string, data []byte) (*asl.Document, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return asl.ParseYAML(data)
	}
	if (name == "<stdin>" || name == "-") && looksLikeYAML(data) {
		return asl.ParseYAML(data)
	}
	doc, err := asl.ParseDocument(data)
	if err != nil {
		return nil, yamlInJSONFile(name, data, err)
	}
	return doc, nil
}

// printParseError prints the error of reading the file name (as its
// messages name it) as a definition: the diagnostics of an *asl.Error to w
// in the one diagnostic format, any other error to standard error.
func printParseError(e *env, w io.Writer, name string, err error) {
	var aerr *asl.Error
	if !errors.As(err, &aerr) {
		e.errorf("%s: %v", name, err)
		return
	}
	for _, d := range aerr.Diagnostics {
		printDiagnostic(w, name, d)
	}
}

// yamlInJSONFile turns err, the error of reading the file name as JSON,
// into a hint a user of goasl can act on when the file holds YAML: asl's
// own hint names its Go function ParseYAML, while goasl reads a file as
// YAML by its name.
func yamlInJSONFile(name string, data []byte, err error) error {
	if name == "<stdin>" || name == "-" || !asl.LooksLikeYAML(data) {
		return err
	}
	base := filepath.Base(name)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if !strings.EqualFold(filepath.Ext(stem), ".asl") {
		stem += ".asl"
	}
	return &asl.Error{Diagnostics: []asl.Diagnostic{{
		Code:    asl.CodeInvalidJSON,
		Pos:     asl.Position{Line: 1, Column: 1},
		Message: fmt.Sprintf("this looks like YAML, but goasl reads a file as YAML only when its name ends in .yaml or .yml: rename it to %s, or convert it to JSON, e.g. with `yq -o=json`", stem+".yaml"),
	}}}
}

// looksLikeYAML tells YAML from JSON on standard input, which has no file
// name: a JSON (or JSON5) document starts with "{" or a comment.
func looksLikeYAML(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] != '{' && t[0] != '/'
}

func printDiagnostic(w io.Writer, file string, d asl.Diagnostic) {
	pos := "1:1"
	if d.Pos.IsValid() {
		pos = fmt.Sprintf("%d:%d", d.Pos.Line, d.Pos.Column)
	}
	sev := ""
	if d.Severity == asl.SeverityWarning {
		sev = "warning: "
	}
	ptr := d.Pointer
	if ptr == "" {
		ptr = "/"
	}
	fmt.Fprintf(w, "%s:%s: %s: %s%s [%s]\n", file, pos, d.Code, sev, d.Message, ptr)
}
