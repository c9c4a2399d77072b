package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/driver"
	"github.com/goasl/goasl/local"
)

func init() { register(runWorkflowCmd) }

// subFlags collects repeated -sub NAME=VALUE flags.
type subFlags map[string]string

// String is flag.Value's; the flag has no default to show.
func (s subFlags) String() string { return "" }

// Set adds one NAME=VALUE.
func (s subFlags) Set(v string) error {
	name, val, ok := strings.Cut(v, "=")
	if !ok || name == "" {
		return fmt.Errorf("want NAME=VALUE, got %q", v)
	}
	s[name] = val
	return nil
}

var runWorkflowCmd = &command{
	name:    "run",
	summary: "run a workflow locally on a virtual clock",
	usage:   "[-input FILE] [-mock FILE[#TESTCASE]] [-sub NAME=VALUE]... [-history] [-workflow NAME] [-tags TAGS] TARGET",
	help: `Run executes a state machine in process, the way AWS Step Functions runs it,
on a virtual clock (Wait states, retries and timeouts take no real time).
TARGET is an ASL file (.asl.json, .json, .yaml) or a Go package holding
workflows (-workflow NAME picks one when there are several).

Tasks are answered by an AWS mock configuration file (-mock, the format of
Step Functions Local's mocked service integrations); FILE#TESTCASE picks the
test case, and a file with one state machine is used whatever its name.
-sub NAME=VALUE fills in each ${NAME} of the definition's string values, as
DefinitionSubstitutions do at deploy time; a NAME the definition has no
placeholder for is an error.

On success the execution output is printed on standard output and the
exit status is 0. A failed execution prints {"Error": ..., "Cause": ...}
(no Cause when there is none) and exits with 1. A bad definition, a usage
error, or a Task that nothing answers prints a message on standard error
and exits with 2. With -history the history (GetExecutionHistory JSON) is
printed instead of the output, with the same exit statuses.

Examples:

	goasl run -input order.json orderflow.asl.json
	goasl run -mock mocks.json#HappyPath -sub ChargeFn=arn:aws:lambda:us-east-1:123456789012:function:charge flow.asl.json
	goasl run -workflow OrderFlow ./examples/orderflow`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		input := fs.String("input", "", "execution input JSON file ('-' for standard input; default {})")
		mock := fs.String("mock", "", "an AWS mock configuration file, FILE or FILE#TESTCASE")
		subs := subFlags{}
		fs.Var(subs, "sub", "value for a ${NAME} placeholder in the definition, NAME=VALUE (repeatable)")
		history := fs.Bool("history", false, "print the history (GetExecutionHistory JSON) instead of the output")
		workflow := fs.String("workflow", "", "with a package TARGET: the workflow to run")
		tags := fs.String("tags", "", "with a package TARGET: comma-separated build tags")
		return func(e *env, args []string) int {
			if len(args) != 1 {
				e.errorf("run: want exactly one TARGET (an ASL file or a package), got %d arguments", len(args))
				return 2
			}
			sm, name, code := loadTarget(e, args[0], *workflow, *tags, subs)
			if sm == nil {
				return code
			}
			in, ok := readInput(e, "-input", *input)
			if !ok {
				return 2
			}
			opts := local.Options{Input: in, StateMachineName: name}
			if *mock != "" {
				mc, tc, ok := readMock(e, *mock)
				if !ok {
					return 2
				}
				opts.Mock, opts.TestCase = mc, tc
				if len(mc.StateMachines) > 1 {
					if _, ok := mc.StateMachines[name]; !ok {
						e.errorf("run: %s defines %d state machines and none is named %q: name the machine after the workflow or keep one machine in the file", *mock, len(mc.StateMachines), name)
						return 2
					}
				}
			}
			m, err := local.Compile(sm)
			if err != nil {
				e.errorf("run: %s: %v", args[0], err)
				return 2
			}
			x, err := m.Run(context.Background(), opts)
			if err != nil {
				e.errorf("run: %s: %v", args[0], err)
				return 2
			}
			if *history {
				e.stdout.Write(x.HistoryJSON())
				fmt.Fprintln(e.stdout)
			}
			switch x.Status {
			case local.Succeeded:
				if !*history {
					fmt.Fprintln(e.stdout, x.Output.JSON())
				}
				return 0
			default:
				if !*history {
					fmt.Fprintln(e.stdout, failureJSON(x))
				}
				return 1
			}
		}
	},
}

// failureJSON is {"Error": ..., "Cause": ...} of a failed execution.
func failureJSON(x *local.Execution) string {
	var b value.ObjectBuilder
	b.Set("Error", value.FromString(x.Error))
	if x.HasCause {
		b.Set("Cause", value.FromString(x.Cause))
	}
	return b.Value().JSON()
}

// loadTarget reads an ASL file or compiles a package's workflow. It
// returns the machine and its name, or nil and the exit status.
func loadTarget(e *env, target, workflow, tags string, subs subFlags) (*asl.StateMachine, string, int) {
	if target == "-" {
		e.errorf("run: TARGET is an ASL file or a package, not standard input (which -input - reads for the execution input): write the definition to a file such as flow.asl.json and name it")
		return nil, "", 2
	}
	info, err := os.Stat(target)
	if err != nil && isASLFileName(target) {
		// A TARGET named like an ASL file is a file, never a package path:
		// say that it is missing rather than that no module provides it.
		e.errorf("run: %v", err)
		return nil, "", 2
	}
	isFile := err == nil && !info.IsDir()
	if isFile {
		data, err := os.ReadFile(target)
		if err != nil {
			e.errorf("run: %v", err)
			return nil, "", 2
		}
		doc, err := parseASL(target, data)
		if err != nil {
			printParseError(e, e.stderr, target, err)
			return nil, "", 2
		}
		sm, err := asl.Substitute(doc.Machine, subs)
		if err != nil {
			e.errorf("run: %s: -sub: %v", target, err)
			return nil, "", 2
		}
		if ds := errorsOf(asl.Validate(sm, asl.ValidateOptions{})); len(ds) > 0 {
			for _, d := range ds {
				d.Pos = doc.Position(d.Pointer)
				printDiagnostic(e.stderr, target, d)
			}
			return nil, "", 2
		}
		name := filepath.Base(target)
		for _, ext := range aslFileExts {
			if strings.HasSuffix(name, ext) {
				name = strings.TrimSuffix(name, ext)
				break
			}
		}
		return sm, name, 0
	}
	ws, _, _, err := compileAll(e, []string{target}, driver.Request{}, tags)
	if err != nil {
		e.errorf("run: %v", err)
		return nil, "", 2
	}
	if !reportWorkflows(e, ws) {
		return nil, "", 2
	}
	var pick *driver.Workflow
	var names []string
	for i := range ws {
		names = append(names, ws[i].Name)
		if workflow == "" && len(ws) == 1 || ws[i].Name == workflow || ws[i].Func == workflow {
			pick = &ws[i]
		}
	}
	sort.Strings(names)
	if pick == nil {
		switch {
		case len(ws) == 0:
			e.errorf("run: %s has no workflow (no exported func() *dsl.Workflow)", target)
		case workflow == "":
			e.errorf("run: %s has %d workflows (%s): pick one with -workflow NAME", target, len(ws), strings.Join(names, ", "))
		default:
			e.errorf("run: %s has no workflow %q (it has %s)", target, workflow, strings.Join(names, ", "))
		}
		return nil, "", 2
	}
	sm, err := asl.Parse([]byte(pick.ASL))
	if err != nil {
		e.errorf("run: workflow %q: %v", pick.Name, err)
		return nil, "", 2
	}
	if sm, err = asl.Substitute(sm, subs); err != nil {
		e.errorf("run: workflow %q: -sub: %v", pick.Name, err)
		return nil, "", 2
	}
	return sm, pick.Name, 0
}

func errorsOf(ds []asl.Diagnostic) []asl.Diagnostic {
	var out []asl.Diagnostic
	for _, d := range ds {
		if d.Severity == asl.SeverityError {
			out = append(out, d)
		}
	}
	return out
}

// readInput reads the JSON file flagName names: a file, "-" for standard
// input, or {} when name is empty. Its errors name the flag.
func readInput(e *env, flagName, name string) (value.Value, bool) {
	if name == "" {
		return value.FromMembers(), true
	}
	data, err := e.readFile(name)
	if err != nil {
		e.errorf("%s: %v", flagName, err)
		return value.Value{}, false
	}
	name = displayName(name)
	v, err := value.Parse(data)
	if err != nil {
		e.errorf("%s: %s is not JSON: %v", flagName, name, err)
		return value.Value{}, false
	}
	return v, true
}

// readMock reads FILE[#TESTCASE].
func readMock(e *env, spec string) (*local.MockConfig, string, bool) {
	file, tc, _ := strings.Cut(spec, "#")
	data, err := os.ReadFile(file)
	if err != nil {
		e.errorf("-mock: %v", err)
		return nil, "", false
	}
	mc, err := local.ParseMockConfig(data)
	if err != nil {
		e.errorf("-mock: %s: %v", file, err)
		return nil, "", false
	}
	if tc == "" {
		for name, cases := range mc.StateMachines {
			if len(cases) > 1 {
				var names []string
				for c := range cases {
					names = append(names, c)
				}
				sort.Strings(names)
				e.errorf("-mock: %s: state machine %q has %d test cases (%s): pick one with %s#TESTCASE", file, name, len(cases), strings.Join(names, ", "), file)
				return nil, "", false
			}
		}
	}
	if tc != "" {
		found := false
		for _, cases := range mc.StateMachines {
			if _, ok := cases[tc]; ok {
				found = true
			}
		}
		if !found {
			e.errorf("-mock: %s has no test case %q", file, tc)
			return nil, "", false
		}
	}
	return mc, tc, true
}

// aslFileExts are the file name endings of the ASL files run reads, longest
// first.
var aslFileExts = []string{".asl.json", ".asl.yaml", ".json", ".yaml", ".yml"}

// isASLFileName reports whether a TARGET names an ASL file by its ending.
func isASLFileName(target string) bool {
	for _, ext := range aslFileExts {
		if strings.HasSuffix(target, ext) {
			return true
		}
	}
	return false
}
