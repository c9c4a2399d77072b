package sfntest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/local"
)

// Handlers answers a workflow's Task states. The generated Handlers struct
// of a workflow implements it; HandlerMap is the untyped form.
type Handlers interface {
	// TaskHandlers returns the handlers by state name or resource ARN:
	// each a local.Handler or a func(context.Context, In) (Out, error)
	// (see local.HandlerOf). An error (a nil field of a generated struct)
	// stops the run before it starts.
	TaskHandlers() (map[string]any, error)
}

// HandlerMap maps state names (or resource ARNs) to handlers.
type HandlerMap map[string]local.Handler

// TaskHandlers returns the map's handlers.
func (m HandlerMap) TaskHandlers() (map[string]any, error) {
	out := make(map[string]any, len(m))
	for k, h := range m {
		out[k] = h
	}
	return out, nil
}

// Func adapts a typed Go function to a handler: the task input is decoded
// into In (for arn:aws:states:::lambda:invoke, the Payload) and the result
// encoded from Out, as encoding/json does.
func Func[In, Out any](fn func(context.Context, In) (Out, error)) local.Handler {
	return local.Typed(fn)
}

type config struct {
	opts  local.Options
	subs  map[string]string
	extra map[string]local.Handler
	err   error
}

// Handler adds a handler for a state name or resource ARN, besides the
// Handlers given to Run (the untyped tasks a generated Handlers struct has
// no field for).
func Handler(stateOrResource string, h local.Handler) Option {
	return func(c *config) {
		if c.extra == nil {
			c.extra = map[string]local.Handler{}
		}
		c.extra[stateOrResource] = h
	}
}

// Option configures a run.
type Option func(*config)

// Input sets the execution input, encoded from v as encoding/json does.
func Input(v any) Option {
	return func(c *config) {
		in, err := value.FromGo(v)
		if err != nil {
			c.err = fmt.Errorf("sfntest.Input: %v", err)
			return
		}
		c.opts.Input = in
	}
}

// Mock answers the mocked states from an AWS mock configuration file's
// test case.
func Mock(mc *local.MockConfig, testCase string) Option {
	return func(c *config) { c.opts.Mock, c.opts.TestCase = mc, testCase }
}

// S3 gives the run an in-memory S3 (Distributed Map's ItemReader and
// ResultWriter).
func S3(s *local.S3) Option { return func(c *config) { c.opts.S3 = s } }

// Seed seeds the retriers' jitter and the random intrinsic functions.
func Seed(n uint64) Option { return func(c *config) { c.opts.Seed = n } }

// Sub gives a value to a ${name} placeholder of the definition (a dsl.Ref):
// each ${name} in a string value of the definition becomes value, as
// DefinitionSubstitutions do at deploy time. A name the definition has no
// placeholder for fails the test.
func Sub(name, value string) Option {
	return func(c *config) {
		if c.subs == nil {
			c.subs = map[string]string{}
		}
		c.subs[name] = value
	}
}

// Options sets any other executor option (identity, start time, ...);
// it replaces what the options before it set.
func Options(o local.Options) Option { return func(c *config) { c.opts = o } }

// Result is a finished run.
type Result struct {
	*local.Execution
	t        testing.TB
	workflow string
}

// Run compiles the workflow and runs it. Compile errors, a Task nothing
// answers and a handler set that cannot be built fail the test at once.
func Run(t testing.TB, wf *dsl.Workflow, h Handlers, opts ...Option) *Result {
	t.Helper()
	sm, err := compiler.Compile(wf)
	if err != nil {
		t.Fatalf("sfntest.Run: workflow %q does not compile:\n%v", wf.Name(), err)
		return nil
	}
	return RunASL(t, wf.Name(), sm, h, opts...)
}

// RunASL runs a state machine definition.
func RunASL(t testing.TB, name string, sm *asl.StateMachine, h Handlers, opts ...Option) *Result {
	t.Helper()
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.err != nil {
		t.Fatalf("workflow %q: %v", name, c.err)
		return nil
	}
	if len(c.subs) > 0 {
		var err error
		if sm, err = substitute(sm, c.subs); err != nil {
			t.Fatalf("workflow %q: %v", name, err)
			return nil
		}
	}
	c.opts.Handlers = map[string]local.Handler{}
	if h != nil {
		hs, err := h.TaskHandlers()
		if err != nil {
			t.Fatalf("workflow %q: %v", name, err)
			return nil
		}
		// In name order: the first bad handler is the same on every run.
		for _, k := range slices.Sorted(maps.Keys(hs)) {
			if c.opts.Handlers[k], err = local.HandlerOf(hs[k]); err != nil {
				t.Fatalf("workflow %q: the handler of %q: %v", name, k, err)
				return nil
			}
		}
	}
	// The Handler options come on top.
	maps.Copy(c.opts.Handlers, c.extra)
	if c.opts.StateMachineName == "" {
		c.opts.StateMachineName = name
	}
	m, err := local.Compile(sm)
	if err != nil {
		t.Fatalf("workflow %q: %v", name, err)
		return nil
	}
	x, err := m.Run(context.Background(), c.opts)
	if err != nil {
		t.Fatalf("workflow %q: %v", name, err)
		return nil
	}
	return &Result{Execution: x, t: t, workflow: name}
}

func (r *Result) describe() string {
	switch {
	case r.Status == local.Succeeded:
		return fmt.Sprintf("%s with output %s", r.Status, r.Output.JSON())
	case r.Error == "" && !r.HasCause:
		return string(r.Status)
	case !r.HasCause:
		return fmt.Sprintf("%s with %s", r.Status, r.Error)
	}
	return fmt.Sprintf("%s with %s: %s", r.Status, r.Error, r.Cause)
}

// RequireSucceeded fails the test unless the execution succeeded.
func (r *Result) RequireSucceeded() *Result {
	r.t.Helper()
	if r.Status != local.Succeeded {
		r.t.Fatalf("workflow %q: the execution %s; want SUCCEEDED (visited %s)", r.workflow, r.describe(), strings.Join(r.Visited, " → "))
	}
	return r
}

// RequireFailed fails the test unless the execution failed with the error
// name.
func (r *Result) RequireFailed(errorName string) *Result {
	r.t.Helper()
	if r.Status != local.Failed || r.Error != errorName {
		r.t.Fatalf("workflow %q: the execution %s; want FAILED with %s (visited %s)", r.workflow, r.describe(), errorName, strings.Join(r.Visited, " → "))
	}
	return r
}

// RequireStatus fails the test unless the execution ended with the status
// (local.Aborted for a stopped execution, local.TimedOut for one past its
// TimeoutSeconds).
func (r *Result) RequireStatus(s local.Status) *Result {
	r.t.Helper()
	if r.Status != s {
		r.t.Fatalf("workflow %q: the execution %s; want %s (visited %s)", r.workflow, r.describe(), s, strings.Join(r.Visited, " → "))
	}
	return r
}

// RequireOutput fails the test unless the execution succeeded with the
// output want, encoded as encoding/json does (a value.Value as it is):
// numbers compare by value, objects whatever their member order.
func (r *Result) RequireOutput(want any) *Result {
	r.t.Helper()
	w, err := value.FromGo(want)
	if err != nil {
		r.t.Fatalf("workflow %q: RequireOutput: encoding the expected output: %v", r.workflow, err)
		return r
	}
	if r.Status != local.Succeeded || !value.Equal(r.Output, w) {
		r.t.Fatalf("workflow %q: the execution %s; want SUCCEEDED with output %s", r.workflow, r.describe(), w.JSON())
	}
	return r
}

// DecodeOutput decodes the output into out (a pointer), as encoding/json
// does.
func (r *Result) DecodeOutput(out any) {
	r.t.Helper()
	if err := value.Decode(r.Output, out); err != nil {
		r.t.Fatalf("workflow %q: decoding the output %s: %v", r.workflow, r.Output.JSON(), err)
	}
}

// RequireVisited fails the test unless the states were entered in this
// order (other states may come between them).
func (r *Result) RequireVisited(states ...string) *Result {
	r.t.Helper()
	i := 0
	for _, v := range r.Visited {
		if i < len(states) && v == states[i] {
			i++
		}
	}
	if i < len(states) {
		r.t.Fatalf("workflow %q: state %q was not entered in the order %s (visited %s)", r.workflow, states[i], strings.Join(states, " → "), strings.Join(r.Visited, " → "))
	}
	return r
}

// RequireRetries fails the test unless the state was retried n times.
func (r *Result) RequireRetries(state string, n int) *Result {
	r.t.Helper()
	if got := r.Retries[state]; got != n {
		r.t.Fatalf("workflow %q: state %q was retried %d times, want %d", r.workflow, state, got, n)
	}
	return r
}

// RequireDuration fails the test unless the run took d of virtual time.
func (r *Result) RequireDuration(d time.Duration) *Result {
	r.t.Helper()
	if got := r.Duration(); got != d {
		r.t.Fatalf("workflow %q: the execution took %v of virtual time, want %v", r.workflow, got, d)
	}
	return r
}

// substitute fills in the ${NAME} placeholders the Sub options give
// values to (asl.Substitute, as goasl run -sub does). A name that is no
// placeholder of the definition is an error naming the placeholders there
// are.
func substitute(sm *asl.StateMachine, subs map[string]string) (*asl.StateMachine, error) {
	out, err := asl.Substitute(sm, subs)
	if err != nil {
		return nil, fmt.Errorf("sfntest.Sub: %w", err)
	}
	return out, nil
}
