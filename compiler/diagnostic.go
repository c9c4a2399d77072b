package compiler

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
)

// Diagnostic is one problem in a workflow, placed at the Go call site that
// caused it.
type Diagnostic struct {
	Severity asl.Severity
	Code     asl.Code
	File     string // the Go file, "" when unknown
	Line     int
	Workflow string
	State    string // "" for the workflow itself
	// Field is the ASL field concerned, e.g. "Next" or "Catch[0].Next";
	// "" for the state as a whole.
	Field   string
	Pointer string // JSON pointer into the emitted ASL
	Message string
}

// String formats the diagnostic as
// file.go:LINE: workflow "W": state "S": Field: message.
// The file is shown relative to the working directory when it lies below
// it.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(displayPath(d.File))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(d.Line))
		b.WriteString(": ")
	}
	if d.Severity == asl.SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString("workflow ")
	b.WriteString(strconv.Quote(d.Workflow))
	b.WriteString(": ")
	if d.State != "" {
		b.WriteString("state ")
		b.WriteString(strconv.Quote(d.State))
		b.WriteString(": ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	return b.String()
}

func displayPath(file string) string {
	wd, err := os.Getwd()
	if err != nil {
		return file
	}
	rel, err := filepath.Rel(wd, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return file
	}
	return rel
}

// Error is returned by Compile when a workflow has errors. It holds every
// diagnostic, warnings included; Error prints one per line.
type Error struct {
	Diagnostics []Diagnostic
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// fieldOf turns the part of a pointer below a state into a field name:
// "/Catch/0/Next" becomes "Catch[0].Next". A payload key's ".$" suffix is
// left out ("/Parameters/id.$" is "Parameters.id"), as the Go code that
// built it names the key without it.
func fieldOf(rest string) string {
	if rest == "" {
		return ""
	}
	var b strings.Builder
	for _, tok := range strings.Split(strings.TrimPrefix(rest, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		if _, err := strconv.Atoi(tok); err == nil {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strings.TrimSuffix(tok, ".$"))
	}
	return b.String()
}
