package dslgen

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

const (
	dslPath  = "github.com/goasl/goasl/dsl"
	timePath = "time"
	jsonPath = "encoding/json"
)

// Workflow is one state machine to write as a Go function.
type Workflow struct {
	// Func is the name of the exported function that returns the workflow;
	// it must be a Go identifier (see FuncName).
	Func string
	// Name is the workflow's name, given to dsl.NewWorkflow.
	Name string
	// Source says where the definition came from, for the function's doc
	// comment (e.g. "order.asl.json"); it may be empty.
	Source string
	// Machine is the definition.
	Machine *asl.StateMachine
	// Comments are written as Go comments: those of the pointer "" in the
	// function's doc comment, those of a state's JSON pointer (e.g.
	// /States/Charge) above its declaration. See AttachComments.
	Comments map[string][]string
	// SDKTypes, when set, writes the AWS SDK calls it maps in their typed
	// form (dsl.AWSSDK); nil writes every one with dsl.SDK.
	SDKTypes SDKTypes
}

// Problem is one thing the builders cannot express.
type Problem struct {
	Workflow string // the workflow's Name
	Pointer  string // JSON pointer of the field, e.g. /States/Wait/Seconds
	Message  string
}

// Error lists every problem found, in document order.
type Error struct {
	Problems []Problem
}

// Error writes one problem per line: workflow "W": /pointer: message.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		ptr := p.Pointer
		if ptr == "" {
			ptr = "/"
		}
		fmt.Fprintf(&b, "workflow %q: %s: %s", p.Workflow, ptr, p.Message)
	}
	return b.String()
}

// Generate writes a gofmt'ed Go file of package pkg with one function per
// workflow. It returns an *Error listing every field that cannot be
// expressed with package dsl; no file is produced then.
func Generate(pkg string, workflows ...Workflow) ([]byte, error) {
	if !token.IsIdentifier(pkg) {
		return nil, fmt.Errorf("package name %q is not a Go identifier", pkg)
	}
	f := jen.NewFile(pkg)
	// Imported code is the user's from now on: no "DO NOT EDIT" header.
	f.HeaderComment("Imported from ASL by goasl import.")
	f.ImportName(dslPath, "dsl")
	var problems []Problem
	funcs := map[string]bool{}
	for _, w := range workflows {
		if !token.IsIdentifier(w.Func) || !token.IsExported(w.Func) {
			problems = append(problems, Problem{Workflow: w.Name, Message: fmt.Sprintf("function name %q is not an exported Go identifier", w.Func)})
			continue
		}
		if funcs[w.Func] {
			problems = append(problems, Problem{Workflow: w.Name, Message: fmt.Sprintf("two workflows would both be function %s: give them different names", w.Func)})
			continue
		}
		funcs[w.Func] = true
		if w.Machine == nil {
			problems = append(problems, Problem{Workflow: w.Name, Message: "no state machine"})
			continue
		}
		g := newGen(w)
		body := g.workflow()
		problems = append(problems, g.problems...)
		doc := fmt.Sprintf("%s returns the %s workflow.", w.Func, w.Name)
		if w.Source != "" {
			doc = fmt.Sprintf("%s returns the workflow imported from %s.", w.Func, w.Source)
		}
		f.Comment(doc)
		if cs := w.Comments[""]; len(cs) > 0 {
			f.Comment("")
			for _, line := range cs {
				f.Comment(line)
			}
		}
		f.Func().Id(w.Func).Params().Op("*").Qual(dslPath, "Workflow").Block(body...)
		f.Line()
	}
	if len(problems) > 0 {
		return nil, &Error{Problems: problems}
	}
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("formatting the generated code: %v", err)
	}
	return groupImports(buf.Bytes())
}

// groupImports puts the standard library imports first, in a group of
// their own, as goimports does.
func groupImports(src []byte) ([]byte, error) {
	const open, end = "\nimport (\n", "\n)\n"
	i := bytes.Index(src, []byte(open))
	if i < 0 {
		return src, nil
	}
	j := bytes.Index(src[i+len(open):], []byte(end))
	if j < 0 {
		return src, nil
	}
	block := src[i+len(open) : i+len(open)+j]
	var std, other []string
	for _, line := range strings.Split(string(block), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		path := strings.Trim(line[strings.IndexByte(line, '"'):], `"`)
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			other = append(other, line)
		} else {
			std = append(std, line)
		}
	}
	if len(std) == 0 || len(other) == 0 {
		return src, nil
	}
	var b bytes.Buffer
	b.Write(src[:i+len(open)])
	b.WriteString("\t" + strings.Join(std, "\n\t") + "\n\n\t" + strings.Join(other, "\n\t"))
	b.Write(src[i+len(open)+j:])
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated code: %v", err)
	}
	return out, nil
}

// FuncName turns any text (a file or resource name) into an exported Go
// identifier: "order-flow.asl.json" gives "OrderFlowAslJSON" and the empty
// text "Workflow". Letters and digits are kept, everything else separates
// words.
func FuncName(s string) string {
	words := splitWords(s)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(capitalize(w))
	}
	out := b.String()
	if out == "" {
		return "Workflow"
	}
	r := []rune(out)
	if !unicode.IsUpper(r[0]) {
		// A digit, or a letter without case: prefix to export it.
		out = "W" + out
	}
	return out
}

// varName turns a state name into a lower-camel-case Go identifier, not
// yet deduplicated.
func varName(s string) string {
	words := splitWords(s)
	var b strings.Builder
	for i, w := range words {
		if i == 0 {
			b.WriteString(lowerFirst(w))
		} else {
			b.WriteString(capitalize(w))
		}
	}
	out := b.String()
	if out == "" {
		return "state"
	}
	if r := []rune(out); !unicode.IsLetter(r[0]) {
		out = "s" + out
	}
	return out
}

// splitWords splits s at every rune that cannot be in a Go identifier and
// at lower-to-upper case changes.
func splitWords(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// initialisms are written in upper case in Go names.
var initialisms = map[string]string{
	"api": "API", "arn": "ARN", "aws": "AWS", "id": "ID", "json": "JSON", "sns": "SNS", "sqs": "SQS",
	"url": "URL", "http": "HTTP", "https": "HTTPS", "s3": "S3", "sql": "SQL", "uri": "URI", "uuid": "UUID",
}

func capitalize(w string) string {
	if up, ok := initialisms[strings.ToLower(w)]; ok && strings.ToLower(w) == w {
		return up
	}
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func lowerFirst(w string) string {
	if strings.ToUpper(w) == w && len(w) > 1 {
		// An all-caps word such as "API" or "ETL": all lower case.
		return strings.ToLower(w)
	}
	r := []rune(w)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// reserved names may not be used for state variables: keywords, the
// predeclared identifiers, the imported packages and the workflow.
var reserved = map[string]bool{
	"dsl": true, "time": true, "json": true, "wf": true,
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true, "int32": true,
	"int64": true, "rune": true, "string": true, "uint": true, "uint8": true, "uint16": true, "uint32": true,
	"uint64": true, "uintptr": true, "true": true, "false": true, "iota": true, "nil": true, "append": true,
	"cap": true, "clear": true, "close": true, "complex": true, "copy": true, "delete": true, "imag": true,
	"len": true, "make": true, "max": true, "min": true, "new": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true,
}

// names hands out collision-free identifiers.
type names map[string]bool

func (n names) take(base string) string {
	if token.IsKeyword(base) || reserved[base] {
		base += "State"
	}
	name := base
	for i := 2; n[name]; i++ {
		name = fmt.Sprintf("%s%d", base, i)
	}
	n[name] = true
	return name
}
