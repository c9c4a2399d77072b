package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/diagram"
	"github.com/goasl/goasl/driver"
)

func init() { register(graphCmd) }

var graphCmd = &command{
	name:    "graph",
	summary: "draw a state machine as a Mermaid or Graphviz diagram",
	usage:   "[-format mermaid|dot] [-tags TAGS] [-timeout D] PACKAGE|FILE...",
	help: `Graph draws each workflow of the Go packages, or each ASL file (a path ending in
.json, .yaml or .yml), as a diagram on standard output: Mermaid (renders in
GitHub Markdown inside a mermaid code block) or DOT (for Graphviz: pipe it to
"dot -Tsvg"). Parallel branches and Map item processors are subgraphs; Choice
rules and Catch edges are labelled.

Examples:

	goasl graph ./examples/orderflow
	goasl graph -format dot statemachine.asl.json | dot -Tsvg > statemachine.svg`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		format := fs.String("format", "mermaid", "the diagram format: mermaid or dot")
		timeout, tags := loadFlags(fs)
		return func(e *env, args []string) int {
			draw := diagram.Mermaid
			switch *format {
			case "mermaid":
			case "dot":
				draw = diagram.DOT
			default:
				e.errorf("-format %q: give mermaid or dot", *format)
				return 2
			}
			if len(args) == 0 {
				e.errorf("graph needs a package or an ASL file: goasl graph ./mypackage")
				return 2
			}
			var files, patterns []string
			for _, a := range args {
				if isASLFile(a) {
					files = append(files, a)
				} else {
					patterns = append(patterns, a)
				}
			}
			for _, f := range files {
				data, err := e.readFile(f)
				if err != nil {
					e.errorf("%v", err)
					return 1
				}
				doc, err := parseASL(f, data)
				if err != nil {
					printParseError(e, e.stderr, displayName(f), err)
					return 1
				}
				fmt.Fprint(e.stdout, draw(doc.Machine))
			}
			if len(patterns) == 0 {
				return 0
			}
			ws, _, _, err := compileAll(e, patterns, driver.Request{Timeout: *timeout}, *tags)
			if err != nil {
				e.errorf("%v", err)
				return 1
			}
			if !reportWorkflows(e, ws) {
				return 1
			}
			for _, w := range ws {
				sm, err := asl.Parse([]byte(w.ASL))
				if err != nil {
					e.errorf("workflow %q: %v", w.Name, err)
					return 1
				}
				fmt.Fprint(e.stdout, draw(sm))
			}
			return 0
		}
	},
}

func isASLFile(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasSuffix(lower, ".json") || strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") || arg == "-"
}
