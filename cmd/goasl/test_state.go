package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/local"
)

func init() { register(testStateCmd) }

var testStateCmd = &command{
	name:    "test-state",
	summary: "run one state alone, as the TestState API does",
	usage:   "[-state NAME] [-input FILE] [-variables FILE] [-inspection-level INFO|DEBUG|TRACE] [-mock-result FILE | -mock-error NAME [-mock-cause TEXT]] [-retrier-retry-count N] DEFINITION",
	help: `Test-state runs a single state, mirroring the AWS Step Functions TestState
API. DEFINITION is a file holding either one state's JSON or a whole state
machine (then -state NAME picks the state; the default is StartAt).

A Task, Map or Parallel state is answered by -mock-result (a JSON file, the
service result) or -mock-error/-mock-cause; without them a Task has nothing
to answer it. The response is printed on standard output as the API
returns it: {"output", "error", "cause", "inspectionData", "nextState",
"status"}, payloads as JSON text, inspectionData only at the DEBUG and
TRACE levels. The exit status is 0 when the status is SUCCEEDED, 1 for
FAILED, RETRIABLE and CAUGHT_ERROR, and 2 for a bad definition or usage.

Example:

	goasl test-state -input in.json -inspection-level DEBUG -mock-result charge.json state.json`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		state := fs.String("state", "", "with a whole machine: the state to run (default: StartAt)")
		input := fs.String("input", "", "the state input JSON file ('-' for standard input; default {})")
		vars := fs.String("variables", "", "a JSON file holding an object of workflow variables")
		level := fs.String("inspection-level", "INFO", "INFO, DEBUG or TRACE")
		mockResult := fs.String("mock-result", "", "a JSON file holding the mocked result of the Task, Map or Parallel state")
		mockError := fs.String("mock-error", "", "the mocked error name")
		mockCause := fs.String("mock-cause", "", "the mocked error cause (with -mock-error)")
		retries := fs.Int("retrier-retry-count", 0, "the number of retries assumed to have happened")
		return func(e *env, args []string) int {
			if len(args) != 1 {
				e.errorf("test-state: want exactly one DEFINITION file, got %d arguments", len(args))
				return 2
			}
			switch *level {
			case local.InspectionInfo, local.InspectionDebug, local.InspectionTrace:
			default:
				e.errorf("test-state: -inspection-level %q: want INFO, DEBUG or TRACE", *level)
				return 2
			}
			if *mockResult != "" && *mockError != "" {
				e.errorf("test-state: -mock-result and -mock-error exclude each other: a mock is a result or an error")
				return 2
			}
			if *mockCause != "" && *mockError == "" {
				e.errorf("test-state: -mock-cause needs -mock-error: a cause belongs to a mocked error")
				return 2
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				e.errorf("test-state: %v", err)
				return 2
			}
			m, err := compileTestState(args[0], data)
			if err != nil {
				var aerr *asl.Error
				if errors.As(err, &aerr) {
					printParseError(e, e.stderr, args[0], err)
				} else {
					e.errorf("test-state: %s: %v", args[0], err)
				}
				return 2
			}
			in, ok := readInput(e, "-input", *input)
			if !ok {
				return 2
			}
			req := local.TestStateRequest{StateName: *state, Input: in, InspectionLevel: *level, RetrierRetryCount: *retries}
			if *vars != "" {
				v, ok := readInput(e, "-variables", *vars)
				if !ok {
					return 2
				}
				if v.Kind() != value.Object {
					e.errorf("test-state: -variables: %s must hold a JSON object of variables", *vars)
					return 2
				}
				req.Variables = v
			}
			switch {
			case *mockResult != "":
				v, ok := readInput(e, "-mock-result", *mockResult)
				if !ok {
					return 2
				}
				req.Mock = &local.TestStateMock{Result: v}
			case *mockError != "":
				req.Mock = &local.TestStateMock{IsError: true, Error: *mockError, HasError: true, Cause: *mockCause, HasCause: *mockCause != ""}
			}
			res, err := m.TestState(context.Background(), req)
			if err != nil {
				var verr *local.ValidationError
				if *state != "" && errors.As(err, &verr) && verr.Message == "State not found in definition" {
					// AWS's words, with the state asked for and the fix.
					e.errorf("test-state: %s: -state %q: %v: name a state of the definition (state names are case-sensitive)", args[0], *state, err)
					return 2
				}
				e.errorf("test-state: %s: %v", args[0], err)
				return 2
			}
			fmt.Fprintln(e.stdout, string(res.JSON()))
			if res.Status != local.TestSucceeded {
				return 1
			}
			return 0
		}
	},
}

// compileTestState reads a definition that is either a whole machine or
// one state. A state is read inside a machine of its own, written so that
// the state's lines keep their numbers; the diagnostics' positions and
// pointers are then the file's.
func compileTestState(name string, data []byte) (*local.Machine, error) {
	v, err := value.Parse(data)
	if err == nil && v.Kind() == value.Object {
		if _, ok := v.Get("States"); !ok {
			const prefix = `{"StartAt":"State","States":{"State":`
			sm, err := asl.Parse([]byte(prefix + "\n" + string(data) + "\n}}"))
			if err != nil {
				return nil, stateDiagnostics(err)
			}
			m, err := local.CompileState(sm.States[0])
			if err != nil {
				// The file is the state: the wrapper's name says nothing.
				if rest, ok := strings.CutPrefix(err.Error(), `state "State": `); ok {
					return nil, errors.New(rest)
				}
				return nil, err
			}
			return m, nil
		}
	}
	doc, err := parseASL(name, data)
	if err != nil {
		return nil, err
	}
	// A whole machine is checked as goasl run and validate check it, so
	// that every command reports a bad definition in one format.
	if ds := errorsOf(asl.Validate(doc.Machine, asl.ValidateOptions{})); len(ds) > 0 {
		for i := range ds {
			ds[i].Pos = doc.Position(ds[i].Pointer)
		}
		return nil, &asl.Error{Diagnostics: ds}
	}
	return local.Compile(doc.Machine)
}

// stateDiagnostics moves the diagnostics of a state read inside its own
// machine (see compileTestState) back to the state's file: one line up,
// and the pointer relative to the state.
func stateDiagnostics(err error) error {
	var aerr *asl.Error
	if !errors.As(err, &aerr) {
		return err
	}
	out := &asl.Error{Diagnostics: make([]asl.Diagnostic, len(aerr.Diagnostics))}
	for i, d := range aerr.Diagnostics {
		if d.Pos.IsValid() {
			d.Pos.Line = max(d.Pos.Line-1, 1)
		}
		if rest, ok := strings.CutPrefix(d.Pointer, "/States/State"); ok {
			d.Pointer = rest
		}
		out.Diagnostics[i] = d
	}
	return out
}
