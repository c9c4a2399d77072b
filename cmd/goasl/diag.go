package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"

	"github.com/goasl/goasl/compiler"
)

// positions finds columns for diagnostics. The builders record where the
// user's code called them with runtime.Callers, which gives a file and a
// line but no column. goasl parses that file and, when exactly one call
// expression has its opening parenthesis on the line (the go compiler
// places a call there), gives the column where that call starts, as go
// build and go vet do; when the line holds several calls, it cannot tell
// which one, and gives the line alone.
type positions struct {
	fset  *token.FileSet
	files map[string]*ast.File // nil for a file that cannot be parsed
}

func newPositions() *positions {
	return &positions{fset: token.NewFileSet(), files: map[string]*ast.File{}}
}

// column returns the column of the only call on line of file, or 0.
func (p *positions) column(file string, line int) int {
	f, ok := p.files[file]
	if !ok {
		f, _ = parser.ParseFile(p.fset, file, nil, parser.SkipObjectResolution)
		p.files[file] = f
	}
	if f == nil {
		return 0
	}
	col, n := 0, 0
	ast.Inspect(f, func(node ast.Node) bool {
		call, ok := node.(*ast.CallExpr)
		if !ok {
			return true
		}
		if p.fset.Position(call.Lparen).Line == line {
			n++
			col = p.fset.Position(call.Pos()).Column
			if p.fset.Position(call.Pos()).Line != line {
				col = p.fset.Position(call.Lparen).Column
			}
		}
		return true
	})
	if n != 1 {
		return 0
	}
	return col
}

// format prints a compiler diagnostic as go build prints a position:
// file:line:column, the file relative to the current directory when that
// is shorter.
func (p *positions) format(d compiler.Diagnostic) string {
	if d.File == "" {
		return d.String()
	}
	file, line := d.File, d.Line
	d.File = ""
	pos := fmt.Sprintf("%s:%d", displayPath(file), line)
	if col := p.column(file, line); col > 0 {
		pos += fmt.Sprintf(":%d", col)
	}
	return pos + ": " + d.String()
}

// displayPath shows a path as the go command does: relative to the
// working directory when that is shorter.
func displayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil || !filepath.IsAbs(path) {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || len(rel) >= len(path) {
		return path
	}
	return rel
}
