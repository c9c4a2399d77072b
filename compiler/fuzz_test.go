package compiler_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
)

// FuzzBuild reads the fuzz bytes as a small program of builder calls (see
// fuzzProgram), builds the workflows it describes and compiles them. No
// builder and no compiler call may panic; every diagnostic has a message,
// the workflow's name and the position of a builder call in this file; a
// workflow that compiles must marshal, parse back to the same bytes and
// validate without errors; and compiling the same program twice must give
// the same bytes and the same diagnostics.
func FuzzBuild(f *testing.F) {
	for _, seed := range fuzzSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		first := runFuzzProgram(t, data)
		second := runFuzzProgram(t, data)
		if first != second {
			t.Fatalf("the same program compiled differently:\n--- first\n%s\n--- second\n%s", first, second)
		}
	})
}

// fuzzSeeds are programs worth starting from: a typed Lambda chain, a
// Choice with rules and a default, a Parallel with a Catch to a state of
// the workflow, and a Map whose processor holds a Wait and a Fail.
var fuzzSeeds = [][]byte{
	// Task "A" (a Lambda) moving to Pass "B", which ends.
	{0, opAdd, 0, 0, 0, 35, opAdd, 1, 0, 1, opNext, 1, 5, 2, opEnd, 2},
	// JSONata workflow: Choice "Start" with a rule to Succeed "Done" and a
	// default Fail "A".
	{1, opAdd, 2, 0, 2, opAdd, 4, 0, 3, opAdd, 5, 0, 0, opWhen, 1, 2, 0, 5, 2, 0, opOtherwise, 1, 5, 3},
	// Parallel "Start" with a branch holding Pass "A", catching States.ALL
	// to Succeed "Done", then moving to it.
	{0, opAdd, 6, 0, 2, opBranch, 1, 1, opAdd, 1, 1, 0, opEnd, 2, opAdd, 4, 0, 3, opCatch, 1, 5, 3, 0, 0, 1, 0, 0, 2, opNext, 1, 5, 3},
	// Express workflow: Map "Start" whose processor holds Wait "A" (1 s)
	// moving to Fail "B".
	{2, opAdd, 7, 0, 2, opProcessor, 1, 1, opAdd, 3, 1, 0, opAdd, 5, 1, 1, opNext, 2, 5, 3, opField, 2, 13, 1, opEnd, 1},
	// Setters with special values on a Task with an SNS integration.
	{0, opAdd, 0, 0, 1, 8, 9, 4, 30, 3, 12, opField, 1, 3, 9, opField, 1, 11, 31, 2, 0, 9, opRetry, 1, 1, 2, 3, 0, 2, 3, opWorkflow, 2, 4},
}

// The operations of a fuzz program. The first byte sets the workflow's
// query language and type; each operation then reads its operands.
const (
	opAdd       = iota // kind, scope, name: add a state
	opNext             // from, target
	opEnd              // state
	opCatch            // state, target, errors, setters
	opWhen             // choice, condition, target, setters
	opOtherwise        // choice, target
	opBranch           // parallel: add a branch scope
	opProcessor        // map, iterator?: add or get the processor scope
	opField            // state, setter, value...
	opRetry            // state, retrier fields
	opStartAt          // scope, target
	opWorkflow         // workflow setter
	opMapConfig        // map, config
	opTypes            // a Go type declaration
	opTaskChain        // scope, name, how: a Task whose fields are set in the integration's chain
	opCount
)

// fuzzProgram is a program being run: its bytes and what it has built.
type fuzzProgram struct {
	data   []byte
	i      int
	wfs    []*dsl.Workflow
	scopes []*dsl.Scope
	states []dsl.State
	// extra is set once a state has an Extra field: the strict parser
	// rejects the fields goasl does not model, so the ASL is then only
	// marshalled, not parsed back.
	extra bool
	// What finish needs: the scope of each state, the states that have a
	// transition (or a rule, or a branch, or a processor), and the number
	// of states of each scope.
	scopeOf map[dsl.State]*dsl.Scope
	linked  map[dsl.State]bool
	ruled   map[dsl.State]bool // Choice states with a rule
	nested  map[dsl.State]bool // Parallel and Map states with a scope
	jsonata bool
	filled  map[*dsl.Scope]int
	fillers int
	// lastResource is the integration given to the last Task.
	lastResource dsl.Resource
}

func (p *fuzzProgram) next() byte {
	if p.i >= len(p.data) {
		return 0
	}
	b := p.data[p.i]
	p.i++
	return b
}

func (p *fuzzProgram) pick(n int) int {
	if n <= 0 {
		return 0
	}
	return int(p.next()) % n
}

func (p *fuzzProgram) done() bool { return p.i >= len(p.data) }

// runFuzzProgram builds and compiles the workflows of data and returns a
// summary of what the compiler said, for the determinism check.
func runFuzzProgram(t *testing.T, data []byte) string {
	p := &fuzzProgram{data: data}
	p.build()
	var sum strings.Builder
	for _, wf := range p.wfs {
		sum.WriteString(checkFuzzWorkflow(t, wf, !p.extra))
	}
	return sum.String()
}

// checkFuzzWorkflow compiles wf and checks the compiler's promises; parse
// says whether the output must parse back.
func checkFuzzWorkflow(t *testing.T, wf *dsl.Workflow, parse bool) string {
	t.Helper()
	res := compiler.Check(wf)
	if _, err := compiler.Compile(wf); (err == nil) != (res.Machine != nil) {
		t.Errorf("Compile and Check disagree: Compile says %v, Check returns a machine: %v", err, res.Machine != nil)
	} else if err != nil && err.Error() == "" {
		t.Errorf("Compile fails with an empty message")
	}
	// Positions are found by JSON pointer, which two states of one name
	// share: then a diagnostic may be placed at the other state's call.
	dupNames := false
	for _, d := range res.Diagnostics {
		dupNames = dupNames || strings.Contains(d.Message, "appears twice in the same States object")
	}
	var sum strings.Builder
	for _, d := range res.Diagnostics {
		if d.Message == "" {
			t.Errorf("a diagnostic without a message: %+v", d)
		}
		if d.Line <= 0 || (!dupNames && !strings.HasSuffix(d.File, "/compiler/fuzz_test.go")) {
			t.Errorf("a diagnostic is not placed at a builder call of this file: %s:%d: %s", d.File, d.Line, d.Message)
		}
		if d.Workflow != wf.Name() {
			t.Errorf("a diagnostic names workflow %q, not %q: %s", d.Workflow, wf.Name(), d)
		}
		if strings.HasSuffix(d.Message, "the state machine cannot be written as JSON, so change the value") && !strings.Contains(d.Message, "is not valid UTF-8") {
			// The last-resort check caught what the lowering should
			// have reported in its own terms.
			t.Errorf("only Marshal noticed the problem: %s", d)
		}
		fmt.Fprintf(&sum, "%s\n", d)
	}
	if res.Machine == nil {
		if !hasErrorDiag(res.Diagnostics) {
			t.Errorf("no state machine and no error for workflow %q", wf.Name())
		}
		return sum.String()
	}
	if hasErrorDiag(res.Diagnostics) {
		t.Errorf("a state machine together with errors:\n%s", sum.String())
	}
	out, err := asl.Marshal(res.Machine)
	if err != nil {
		t.Fatalf("Check accepted workflow %q but Marshal fails: %v", wf.Name(), err)
	}
	if !parse {
		return sum.String() + string(out)
	}
	back, err := asl.Parse(out)
	if err != nil {
		t.Fatalf("Check accepted workflow %q but its ASL does not parse back: %v\n%s", wf.Name(), err, out)
	}
	if again, err := asl.Marshal(back); err != nil || !bytes.Equal(again, out) {
		t.Errorf("the ASL of workflow %q does not marshal back to the same bytes (%v):\n%s\n---\n%s", wf.Name(), err, out, again)
	}
	for _, d := range asl.Validate(back, asl.ValidateOptions{Type: string(wf.WorkflowType())}) {
		if d.Severity == asl.SeverityError {
			t.Errorf("Check accepted workflow %q but its parsed ASL has an error: %s: %s\n%s", wf.Name(), d.Pointer, d.Message, out)
		}
	}
	sum.Write(out)
	return sum.String()
}

func hasErrorDiag(ds []compiler.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == asl.SeverityError {
			return true
		}
	}
	return false
}

// build runs the program: a main workflow, a second workflow whose states
// are targets from the wrong workflow, then operations until the bytes run
// out (at most 64 of them).
func (p *fuzzProgram) build() {
	head := p.next()
	name := "Fuzz"
	if head&4 != 0 {
		name = p.name()
	}
	wf := dsl.NewWorkflow(name)
	if head&1 != 0 {
		wf.QueryLanguage(dsl.JSONata)
	}
	if head&2 != 0 {
		wf.Type(dsl.Express)
	}
	other := dsl.NewWorkflow("Other")
	p.wfs = []*dsl.Workflow{wf, other}
	p.scopes = []*dsl.Scope{wf.Scope}
	p.states = []dsl.State{other.Pass("Elsewhere").End()}
	p.scopeOf = map[dsl.State]*dsl.Scope{}
	p.linked = map[dsl.State]bool{}
	p.ruled = map[dsl.State]bool{}
	p.nested = map[dsl.State]bool{}
	p.jsonata = head&1 != 0
	p.filled = map[*dsl.Scope]int{}
	for n := 0; n < 64 && !p.done(); n++ {
		// Adding states and linking them is what most programs need
		// more of: the bytes past the last operation mean those.
		op := p.pick(opCount + 4)
		if op >= opCount {
			op = []int{opAdd, opAdd, opNext, opField}[op-opCount]
		}
		p.op(op)
	}
	if head&8 != 0 {
		p.finish()
	}
}

// finish completes what the program left open, so more programs compile
// and reach the data flow check: a state in every scope, End on every
// state without a transition, a default for every Choice without rules, a
// branch for every Parallel and a processor for every Map.
func (p *fuzzProgram) finish() {
	filler := func(sc *dsl.Scope) dsl.State {
		p.fillers++
		st := sc.Succeed(fmt.Sprintf("Filler %d", p.fillers))
		p.filled[sc]++
		return st
	}
	for i := 0; i < len(p.states); i++ {
		st := p.states[i]
		if p.scopeOf[st] == nil {
			continue // the other workflow's
		}
		switch x := st.(type) {
		case *dsl.ChoiceState:
			if !p.ruled[st] {
				cond := dsl.IsPresent("$.x", true)
				if p.jsonata {
					cond = dsl.Cond("$exists($states.input.x)")
				}
				x.When(cond, filler(p.scopeOf[st]))
			}
		case *dsl.ParallelState:
			if !p.nested[st] {
				x.Branch(func(b *dsl.Scope) { filler(b) })
			}
		case *dsl.MapState:
			if !p.nested[st] {
				x.Processor(func(items *dsl.Scope) { filler(items) })
			}
		}
		if p.linked[st] {
			continue
		}
		switch x := st.(type) {
		case *dsl.TaskState:
			x.End()
		case *dsl.PassState:
			x.End()
		case *dsl.WaitState:
			x.End()
		case *dsl.ChoiceState:
			x.Otherwise(filler(p.scopeOf[st]))
		case *dsl.ParallelState:
			x.End()
		case *dsl.MapState:
			x.End()
		}
	}
	for _, sc := range p.scopes {
		if p.filled[sc] == 0 {
			filler(sc)
		}
	}
}

func (p *fuzzProgram) op(op int) {
	switch op {
	case opAdd:
		kind := p.pick(8)
		sc := p.scopes[p.pick(len(p.scopes))]
		st := p.add(sc, kind, p.name())
		p.states = append(p.states, st)
		p.scopeOf[st] = sc
		p.filled[sc]++
	case opTaskChain:
		sc := p.scopes[p.pick(len(p.scopes))]
		name := p.name()
		var r dsl.Resource
		if p.pick(2) == 0 {
			// The Task's own fields in the integration's chain, before
			// Task adds the state; a state built inside the chain comes
			// after this one.
			l := dsl.Lambda(p.value(1))
			r = l.Payload(p.value(1)).Comment(p.name()).Timeout(time.Duration(p.pick(3000)) * time.Millisecond).
				ResultPath(p.path()).Next(sc.Pass(p.name()).End())
		} else if p.lastResource != nil {
			// An integration value given to a second Task.
			r = p.lastResource
		}
		st := sc.Task(name, r)
		p.lastResource = r
		p.states = append(p.states, st)
		p.scopeOf[st] = sc
		p.filled[sc]++
	case opNext:
		st := p.state()
		target := p.target()
		p.linked[st] = true
		switch x := st.(type) {
		case *dsl.TaskState:
			x.Next(target)
		case *dsl.PassState:
			x.Next(target)
		case *dsl.WaitState:
			x.Next(target)
		case *dsl.ParallelState:
			x.Next(target)
		case *dsl.MapState:
			x.Next(target)
		}
	case opEnd:
		st := p.state()
		p.linked[st] = true
		switch x := st.(type) {
		case *dsl.TaskState:
			x.End()
		case *dsl.PassState:
			x.End()
		case *dsl.WaitState:
			x.End()
		case *dsl.ParallelState:
			x.End()
		case *dsl.MapState:
			x.End()
		}
	case opCatch:
		st := p.state()
		c := dsl.Catch(p.target(), p.errorNames()...)
		p.catcherSetters(c)
		var cs []*dsl.Catcher
		switch p.pick(8) {
		case 0:
			cs = append(cs, nil)
		case 1:
			cs = append(cs, new(dsl.Catcher)) // not built with dsl.Catch
		}
		cs = append(cs, c)
		switch x := st.(type) {
		case *dsl.TaskState:
			x.Catch(cs...)
		case *dsl.ParallelState:
			x.Catch(cs...)
		case *dsl.MapState:
			x.Catch(cs...)
		}
	case opWhen:
		if x, ok := p.state().(*dsl.ChoiceState); ok {
			p.ruled[x] = true
			r := x.When(p.condition(0), p.target())
			switch p.pick(4) {
			case 1:
				r.Assign(p.obj(0))
			case 2:
				r.Output(p.value(0))
			case 3:
				r.Comment(p.name())
			}
		} else {
			p.condition(0)
			p.target()
		}
	case opOtherwise:
		if x, ok := p.state().(*dsl.ChoiceState); ok {
			p.linked[x] = true
			x.Otherwise(p.target())
		} else {
			p.target()
		}
	case opBranch:
		if x, ok := p.state().(*dsl.ParallelState); ok {
			p.nested[x] = true
			var b *dsl.Scope
			x.Branch(func(s *dsl.Scope) { b = s })
			if p.pick(4) == 0 {
				b.Comment(p.name())
			}
			p.scopes = append(p.scopes, b)
		}
	case opProcessor:
		if x, ok := p.state().(*dsl.MapState); ok {
			p.nested[x] = true
			var sc *dsl.Scope
			if p.pick(4) == 0 {
				x.Iterator(func(s *dsl.Scope) { sc = s })
			} else {
				x.Processor(func(s *dsl.Scope) { sc = s })
			}
			p.scopes = append(p.scopes, sc)
		} else {
			p.next()
		}
	case opField:
		p.field(p.state())
	case opRetry:
		r := p.retrier()
		switch x := p.state().(type) {
		case *dsl.TaskState:
			x.Retry(r)
		case *dsl.ParallelState:
			x.Retry(r)
		case *dsl.MapState:
			x.Retry(r)
		}
	case opStartAt:
		sc := p.scopes[p.pick(len(p.scopes))]
		if sc == p.wfs[0].Scope && p.pick(2) == 0 {
			p.wfs[0].StartAt(p.target())
		} else {
			sc.StartAt(p.target())
		}
	case opWorkflow:
		p.workflowSetter(p.wfs[0])
	case opMapConfig:
		if x, ok := p.state().(*dsl.MapState); ok {
			p.mapConfig(x)
		}
	case opTypes:
		p.declareTypes()
	}
}

// add adds a state of the given kind to sc.
func (p *fuzzProgram) add(sc *dsl.Scope, kind int, name string) dsl.State {
	switch kind {
	case 0:
		r := p.resource()
		p.lastResource = r
		return sc.Task(name, r)
	case 1:
		return sc.Pass(name)
	case 2:
		return sc.Choice(name)
	case 3:
		return sc.Wait(name)
	case 4:
		return sc.Succeed(name)
	case 5:
		return sc.Fail(name)
	case 6:
		return sc.Parallel(name)
	default:
		return sc.Map(name)
	}
}

// fuzzNames are state names that are hard to get right: empty, too long
// (in bytes or in runes), non-ASCII, with JSON pointer escapes, with
// control characters, not UTF-8, and ordinary ones that collide.
var fuzzNames = []string{
	"A", "B", "Start", "Done", "", "Ünïcödé ✓", strings.Repeat("n", 81), strings.Repeat("é", 80),
	"a/b~c", " ", "$.x", "nul\x00", "line\nbreak", "\xff\xfe", "日本語の状態", "States.ALL",
	"C", "D", "E", "F", "Charge", "Ship", "Notify", "Retry later", "Step: 1", "x.y",
}

// name returns a name from fuzzNames, or one made of the next bytes.
func (p *fuzzProgram) name() string {
	n := p.pick(len(fuzzNames) + 1)
	if n < len(fuzzNames) {
		return fuzzNames[n]
	}
	size := p.pick(24)
	var b []byte
	for range size {
		b = append(b, p.next())
	}
	return string(b)
}

// state returns one of the states built so far (the first is in the
// other workflow).
func (p *fuzzProgram) state() dsl.State { return p.states[p.pick(len(p.states))] }

// target returns a transition target: a built state (of any scope or
// workflow), a name, nil or a nil builder.
func (p *fuzzProgram) target() dsl.State {
	switch p.pick(8) {
	case 0:
		return nil
	case 1:
		return (*dsl.PassState)(nil)
	case 2:
		return (*dsl.TaskState)(nil)
	case 3, 4:
		return dsl.Named(p.name())
	}
	return p.state()
}

func (p *fuzzProgram) errorNames() []dsl.ErrorName {
	names := []dsl.ErrorName{dsl.ErrAll, dsl.ErrTimeout, "Custom.Error", "", dsl.ErrDataLimitExceeded, dsl.ErrHTTPStatus(p.pick(600) - 50), dsl.ErrorName(p.name())}
	var out []dsl.ErrorName
	for n := p.pick(4); n > 0; n-- {
		out = append(out, names[p.pick(len(names))])
	}
	return out
}

// fuzzDurations are durations for the time.Duration setters.
var fuzzDurations = []time.Duration{
	0, time.Second, 90 * time.Second, -time.Second, 1500 * time.Millisecond, -time.Nanosecond,
	math.MaxInt64, math.MinInt64, 400 * 24 * time.Hour, 301 * time.Second,
}

func (p *fuzzProgram) duration() time.Duration { return fuzzDurations[p.pick(len(fuzzDurations))] }

// fuzzStruct is a struct payload; fuzzBadStruct holds a Path, which must
// not be encoded as a literal string.
type fuzzStruct struct {
	ID    string  `json:"id"`
	Total float64 `json:"total,omitempty"`
	Tags  []string
}

type fuzzBadStruct struct {
	Where dsl.Path
}

type fuzzFuncStruct struct {
	F func()
}

// fuzzNode is a recursive type, for the type declarations and the data
// flow check.
type fuzzNode struct {
	Name  string               `json:"name"`
	Next  *fuzzNode            `json:"next,omitempty"`
	Kids  []fuzzNode           `json:"kids"`
	ByKey map[string]*fuzzNode `json:"byKey,omitempty"`
	Any   any                  `json:"-"`
	Raw   json.RawMessage
	When  time.Time
	Ch    chan int `json:"ch"`
}

// declareOutput declares t as the output type of s, whatever kind of state
// it is (a Fail state has no output; a nil builder or a Named state is
// skipped).
func declareOutput(s dsl.State, t dsl.GoType) {
	switch x := s.(type) {
	case *dsl.TaskState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.PassState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.WaitState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.ChoiceState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.SucceedState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.ParallelState:
		if x != nil {
			x.DeclareOutput(t)
		}
	case *dsl.MapState:
		if x != nil {
			x.DeclareOutput(t)
		}
	}
}

// declareTypes declares a Go type somewhere: the input, a variable, or
// the output, result, items or parameters of a state.
func (p *fuzzProgram) declareTypes() {
	wf := p.wfs[0]
	switch p.pick(10) {
	case 0:
		wf.DeclareInput(dsl.Type[fuzzNode]())
	case 1:
		wf.DeclareInput(dsl.Type[[]map[string]int]())
	case 2:
		wf.DeclareVar(p.name(), dsl.Type[fuzzNode]())
	case 3:
		wf.DeclareVar(p.name(), dsl.Type[float64]())
	case 4:
		declareOutput(p.state(), dsl.Type[fuzzNode]())
	case 5:
		declareOutput(p.target(), dsl.Type[string]())
	case 6:
		if m, ok := p.state().(*dsl.MapState); ok {
			m.DeclareItem(dsl.Type[fuzzNode]())
		}
	case 7:
		if t, ok := p.state().(*dsl.TaskState); ok {
			t.DeclareResult(dsl.Type[*fuzzNode]())
		}
	case 8:
		if t, ok := p.state().(*dsl.TaskState); ok {
			t.DeclareRequest(dsl.Type[fuzzNode]())
		}
	default:
		(*dsl.MapState)(nil).DeclareItem(dsl.Type[int]())
		(*dsl.TaskState)(nil).DeclareResult(dsl.Type[int]())
		(*dsl.TaskState)(nil).DeclareRequest(dsl.Type[int]())
		(*dsl.Workflow)(nil).DeclareInput(dsl.Type[int]())
		(*dsl.Workflow)(nil).DeclareVar("x", dsl.Type[int]())
	}
}

// fuzzPaths, fuzzExprs and fuzzIntrinsics are the special values, valid
// and not.
var (
	fuzzPaths = []dsl.Path{"$", "$.order.id", "$$.Execution.Id", "$total", "", "order", "$.a[?(@.x)]", "$..x", "$.ü"}
	fuzzExprs = []dsl.Expr{"$states.input", "$states.input.total * 2", "", "  ", "$x", "1 +", "{% nested %}", "$states.result.Payload"}
	fuzzRaw   = []string{"States.Format('x {}', $.id)", "", "States.Format(", "States.Nope()", "States.UUID()", "$.x", "States.Array($.a, 'b\\'", "States.MathAdd(1, 2)"}
)

// path returns a Path from fuzzPaths, or one written from the next bytes.
func (p *fuzzProgram) path() dsl.Path {
	n := p.pick(len(fuzzPaths) + 2)
	switch {
	case n < len(fuzzPaths):
		return fuzzPaths[n]
	case n == len(fuzzPaths):
		return dsl.Path("$" + p.text())
	}
	return dsl.Path(p.name())
}

// fuzzTokens are pieces of paths, expressions and intrinsic calls.
var fuzzTokens = []string{
	"$", "$$", ".", "..", "[", "]", "(", ")", "{", "}", "'", "\"", "\\", ",", "*", "?", "@", ":", ";", ":=",
	"%}", "{%", "states", "input", "result", "context", "Map", "Item", "Value", "Task", "Token", "x",
	"0", "-1", "1e999", "0.5", " ", "and", "or", "function", "$string", "$count", "&", "+", "=",
	"States.Format", "States.Array", "States.JsonToString", "States.MathAdd", "[?(@.x > 1)]", "[-1:]", "\u0000", "é",
}

// text returns a string of tokens chosen by the next bytes.
func (p *fuzzProgram) text() string {
	var b strings.Builder
	for n := p.pick(12); n > 0; n-- {
		b.WriteString(fuzzTokens[p.pick(len(fuzzTokens))])
	}
	return b.String()
}

// expr returns an Expr from fuzzExprs, or one written from the next bytes.
func (p *fuzzProgram) expr() dsl.Expr {
	n := p.pick(len(fuzzExprs) + 2)
	switch {
	case n < len(fuzzExprs):
		return fuzzExprs[n]
	case n == len(fuzzExprs):
		return dsl.Expr(p.text())
	}
	return dsl.Expr(p.name())
}

func (p *fuzzProgram) intrinsic() dsl.Intrinsic {
	switch p.pick(9) {
	case 0:
		return dsl.RawIntrinsic(fuzzRaw[p.pick(len(fuzzRaw))])
	case 1:
		return dsl.Format(p.name(), p.path(), 3)
	case 2:
		return dsl.Array(p.value(2), p.path())
	case 3:
		return dsl.UUID()
	case 4:
		return dsl.MathAdd(p.value(2), math.NaN())
	case 5:
		return dsl.Hash(p.path(), dsl.HashAlgorithm(p.name()))
	case 6:
		return dsl.ArrayRange(1, p.value(2), 1)
	case 7:
		a, b := p.value(2), p.value(2)
		all := []func() dsl.Intrinsic{
			func() dsl.Intrinsic { return dsl.ArrayContains(a, b) },
			func() dsl.Intrinsic { return dsl.ArrayGetItem(a, b) },
			func() dsl.Intrinsic { return dsl.ArrayLength(a) },
			func() dsl.Intrinsic { return dsl.ArrayPartition(a, b) },
			func() dsl.Intrinsic { return dsl.ArrayUnique(a) },
			func() dsl.Intrinsic { return dsl.Base64Decode(a) },
			func() dsl.Intrinsic { return dsl.Base64Encode(a) },
			func() dsl.Intrinsic { return dsl.JSONMerge(a, b) },
			func() dsl.Intrinsic { return dsl.JSONToString(p.path()) },
			func() dsl.Intrinsic { return dsl.MathRandom(a, b) },
			func() dsl.Intrinsic { return dsl.MathRandomSeeded(a, b, a) },
			func() dsl.Intrinsic { return dsl.StringSplit(a, b) },
			func() dsl.Intrinsic { return dsl.StringToJSON(a) },
		}
		return all[p.pick(len(all))]()
	}
	if p.pick(2) == 0 {
		return dsl.RawIntrinsic("States." + p.text())
	}
	return dsl.RawIntrinsic(p.name())
}

// value returns a payload value: Go literals of every kind, the special
// values, containers holding them, and values JSON cannot hold.
func (p *fuzzProgram) value(depth int) any {
	n := p.pick(41)
	if depth > 3 && n >= 30 {
		n %= 30
	}
	switch n {
	case 0:
		return nil
	case 1:
		return p.name()
	case 2:
		return int64(math.MaxInt64)
	case 3:
		return uint64(math.MaxUint64)
	case 4:
		return math.NaN()
	case 5:
		return math.Inf(1)
	case 6:
		return float32(math.Inf(-1))
	case 7:
		return -0.5
	case 8:
		return 1e308
	case 9:
		return p.path()
	case 10:
		return p.expr()
	case 11:
		return p.intrinsic()
	case 12:
		return dsl.Ref(p.name())
	case 13:
		return true
	case 14:
		return "{% $states.input %}"
	case 15:
		return dsl.StateInput()
	case 16:
		return dsl.TaskToken()
	case 17:
		return fuzzStruct{ID: p.name(), Total: 2.5}
	case 18:
		return fuzzBadStruct{Where: p.path()}
	case 19:
		return make(chan int)
	case 20:
		return func() {}
	case 21:
		return map[int]string{1: "a"}
	case 22:
		return []int(nil)
	case 23:
		return (*fuzzStruct)(nil)
	case 24:
		return time.Date(2026, 3, 14, 1, 59, 0, 0, time.UTC)
	case 25:
		if p.pick(2) == 0 {
			return dsl.Expr(string(p.expr())).Returns(dsl.Type[fuzzNode]())
		}
		return dsl.Expr(string(p.expr())).Returns(dsl.Type[fuzzStruct]())
	case 26:
		return complex(1, 2)
	case 27:
		return fuzzFuncStruct{}
	case 28:
		return -time.Duration(p.pick(5)) * 700 * time.Millisecond
	case 29:
		return int8(-128)
	case 30, 31, 32:
		return p.obj(depth + 1)
	case 33, 34:
		return p.arr(depth + 1)
	case 35:
		return map[string]any{p.name(): p.value(depth + 1)}
	case 36:
		return []any{p.value(depth + 1)}
	case 37:
		return []fuzzStruct{{ID: "x"}}
	case 38:
		return &fuzzStruct{ID: p.name()}
	case 39:
		return fuzzCycle(p.pick(4))
	}
	return [2]any{p.value(depth + 1), p.value(depth + 1)}
}

// fuzzCycle returns a value that contains itself.
func fuzzCycle(kind int) any {
	switch kind {
	case 0:
		o := dsl.Obj{}
		o["self"] = o
		return o
	case 1:
		a := dsl.Arr{1, nil}
		a[1] = a
		return a
	case 2:
		m := map[string]any{}
		m["x"] = &m
		return m
	}
	o := dsl.Obj{"n": 1}
	o["a"], o["b"] = o, []any{dsl.Obj{"deeper": o}}
	return o
}

// obj returns an object with keys that are plain, end in ".$", are empty
// or repeat after the suffix is added.
func (p *fuzzProgram) obj(depth int) dsl.Obj {
	keys := []string{"a", "b.$", "", "a.$", "Payload", "FunctionName", "x/y~z", "\xff"}
	o := dsl.Obj{}
	for n := p.pick(4); n > 0; n-- {
		k := keys[p.pick(len(keys))]
		if p.pick(6) == 0 {
			k = p.name()
		}
		o[k] = p.value(depth + 1)
	}
	return o
}

func (p *fuzzProgram) arr(depth int) dsl.Arr {
	var a dsl.Arr
	for n := p.pick(4); n > 0; n-- {
		a = append(a, p.value(depth+1))
	}
	return a
}

// resource returns a Task resource: nil, a nil helper, a raw ARN, or one
// of the service integration helpers with special values.
func (p *fuzzProgram) resource() dsl.Resource {
	v := func() any { return p.value(1) }
	switch p.pick(36) {
	case 0:
		return nil
	case 1:
		return (*dsl.LambdaTask)(nil)
	case 2:
		return dsl.ResourceARN(p.name())
	case 3:
		return dsl.ResourceRef(dsl.Ref(p.name()))
	case 4:
		return dsl.Activity(v())
	case 5:
		l := dsl.Lambda(v())
		switch p.pick(8) {
		case 0:
			l.Payload(v())
		case 1:
			l.NoPayload()
		case 2:
			l.NoDefaultRetry()
		case 3:
			l.DefaultRetry(nil)
		case 4:
			l.DefaultRetry(p.retrier())
		case 5:
			l.WaitForTaskToken().Payload(dsl.Obj{"token": dsl.TaskToken()})
		case 6:
			l.Qualifier(v()).InvocationType(v())
		case 7:
			l.With(p.name(), v())
		}
		return l
	case 6:
		return dsl.LambdaInvoke[fuzzStruct, []fuzzStruct](v())
	case 7:
		return dsl.SDK(p.name(), p.name(), p.obj(1))
	case 8:
		return dsl.SNSPublish(v(), v()).Subject(v()).MessageAttributes(v())
	case 9:
		return dsl.SNSPublishToPhone(v(), v()).MessageGroupID(v()).WaitForTaskToken()
	case 10:
		return dsl.SQSSendMessage(v(), v()).DelaySeconds(v()).MessageDeduplicationID(v())
	case 11:
		var es []*dsl.EventBridgeEntry
		for n := p.pick(3); n > 0; n-- {
			if p.pick(5) == 0 {
				es = append(es, nil)
				continue
			}
			es = append(es, dsl.EventBridgeEvent(v(), v(), v()).EventBusName(v()).With(p.name(), v()))
		}
		x := dsl.EventBridgePutEvents(es...)
		if p.pick(3) == 0 {
			x.Entries(v())
		}
		return x
	case 12:
		return dsl.DynamoDBGetItem(v(), dsl.Obj{"pk": dsl.DynamoDBString(v())}).ConsistentRead(v()).ProjectionExpression(v())
	case 13:
		return dsl.DynamoDBPutItem(v(), dsl.Obj{"n": dsl.DynamoDBNumber(v()), "b": dsl.DynamoDBBool(v())}).ReturnValues(dsl.DynamoDBReturnValues(p.name()))
	case 14:
		return dsl.DynamoDBUpdateItem(v(), v()).UpdateExpression(v()).ExpressionAttributeValues(v()).ReturnValues(dsl.ReturnAllOld)
	case 15:
		return dsl.DynamoDBDeleteItem(v(), v()).ConditionExpression(v()).ExpressionAttributeNames(v())
	case 16:
		return dsl.APIGatewayInvoke(v(), dsl.HTTPMethod(p.name())).Stage(v()).Path(v()).Headers(v()).AuthType(dsl.APIGatewayAuthType(p.name()))
	case 17:
		return dsl.HTTPInvoke(v(), dsl.MethodPost, v()).RequestBody(v()).URLEncodeBody(dsl.HTTPArrayFormat(p.name())).Transform(v())
	case 18:
		x := dsl.ECSRunTask(v(), v()).LaunchType(dsl.ECSLaunchType(p.name())).Overrides(v())
		if p.pick(2) == 0 {
			x.Sync()
		} else {
			x.WaitForTaskToken()
		}
		return x
	case 19:
		if p.pick(2) == 0 {
			return dsl.ECSRunTask(v(), v()).NetworkConfiguration(v()).Group(v()).PlacementConstraints(v()).PlacementStrategy(v()).
				PlatformVersion(v()).CapacityProviderStrategy(v()).PropagateTags(v()).EnableExecuteCommand(v())
		}
		return dsl.BatchSubmitJob(v(), v(), v()).JobParameters(v()).JobTimeout(v()).ContainerOverrides(v()).ArrayProperties(v()).DependsOn(v()).RetryStrategy(v()).Sync()
	case 20:
		return dsl.GlueStartJobRun(v()).JobArguments(v()).AllocatedCapacity(v()).Sync()
	case 21:
		return dsl.CodeBuildStartBuild(v()).EnvironmentVariablesOverride(v()).Sync()
	case 22:
		return dsl.SageMakerCreateTrainingJob(v(), v(), v(), v(), v(), v()).HyperParameters(v()).Sync()
	case 23:
		x := dsl.StepFunctionsStartExecution(v()).ExecutionInput(v()).ExecutionName(v())
		switch p.pick(3) {
		case 0:
			x.Sync()
		case 1:
			x.Sync2()
		default:
			x.WaitForTaskToken()
		}
		return x
	case 24:
		return dsl.AthenaStartQueryExecution(v()).WorkGroup(v()).ResultConfiguration(v()).Sync()
	case 25:
		return dsl.AthenaGetQueryResults(v()).MaxResults(v()).NextToken(v())
	case 26:
		return dsl.AthenaGetQueryExecution(v())
	case 27:
		return dsl.AthenaStopQueryExecution(v())
	case 28:
		return dsl.BedrockInvokeModel(v(), v()).ContentType(v()).Accept(v())
	case 29:
		return dsl.BedrockInvokeModelS3(v(), v()).OutputS3(v()).WaitForTaskToken()
	case 30:
		return dsl.BedrockCreateModelCustomizationJob(v(), v(), v(), v(), v(), v()).HyperParameters(v()).Sync()
	case 31:
		return dsl.SNSPublishToTarget(v(), v()).MessageStructure(v())
	case 32:
		return dsl.SQSSendMessage(v(), v()).MessageGroupID(v()).WaitForTaskToken()
	case 33:
		switch p.pick(4) {
		case 0:
			return new(dsl.SDKTask) // not built with dsl.SDK
		case 1:
			return new(dsl.RawResource)
		case 2:
			return dsl.EventBridgePutEvents(new(dsl.EventBridgeEntry))
		}
		return (*dsl.SDKTask)(nil)
	case 34:
		if p.pick(2) == 0 {
			return dsl.LambdaInvoke[fuzzNode, *fuzzNode](v())
		}
		return dsl.LambdaInvoke[int, string](dsl.Ref(p.name()))
	}
	return dsl.Lambda("fn")
}

// retrier returns a retrier with some of its fields set to special values.
func (p *fuzzProgram) retrier() *dsl.Retrier {
	switch p.pick(12) {
	case 0:
		return nil
	case 1:
		return new(dsl.Retrier) // not built with dsl.Retry
	}
	r := dsl.Retry(p.errorNames()...)
	for n := p.pick(4); n > 0; n-- {
		switch p.pick(6) {
		case 0:
			r.Interval(p.duration())
		case 1:
			r.MaxAttempts([]int{-1, 0, 3, math.MaxInt, math.MinInt}[p.pick(5)])
		case 2:
			r.BackoffRate([]float64{0.5, 1, 2, math.NaN(), math.Inf(1), -1}[p.pick(6)])
		case 3:
			r.MaxDelay(p.duration())
		case 4:
			r.Jitter(dsl.JitterStrategy(p.name()))
		case 5:
			r.Comment(p.name())
		}
	}
	return r
}

func (p *fuzzProgram) catcherSetters(c *dsl.Catcher) {
	switch p.pick(5) {
	case 1:
		c.ResultPath(p.path())
	case 2:
		c.DiscardResult()
	case 3:
		c.Output(p.value(0))
	case 4:
		c.Assign(p.obj(0)).Comment(p.name())
	}
}

// condition returns a Choice condition, JSONata or JSONPath, possibly
// empty or nested.
func (p *fuzzProgram) condition(depth int) dsl.Condition {
	n := p.pick(12)
	if depth > 3 {
		n %= 8
	}
	switch n {
	case 0:
		return dsl.Condition{}
	case 1:
		return dsl.Cond(p.expr())
	case 2:
		return dsl.CondValue(p.pick(2) == 0)
	case 3:
		return dsl.NumericGreaterThan(p.path(), []float64{1, math.NaN(), math.Inf(-1), 1e308}[p.pick(4)])
	case 4:
		return dsl.StringEquals(p.path(), p.name())
	case 5:
		return dsl.Compare(p.path(), dsl.Operator(p.name()), p.value(2))
	case 6:
		return dsl.StringEqualsPath(p.path(), p.path())
	case 7:
		return dsl.IsPresent(p.path(), true).WithComment(p.name())
	case 8:
		return dsl.Not(p.condition(depth + 1))
	case 9:
		return dsl.Or(p.condition(depth+1), p.condition(depth+1))
	case 10:
		if p.pick(2) == 0 {
			return dsl.And()
		}
		return p.comparison()
	}
	return dsl.And(p.condition(depth+1), p.condition(depth+1))
}

// comparison returns one of the typed JSONPath comparisons.
func (p *fuzzProgram) comparison() dsl.Condition {
	v, o := p.path(), p.path()
	f := []float64{0, -1, 1e308, math.NaN(), math.Inf(1)}[p.pick(5)]
	ts := []time.Time{{}, time.Date(2026, 3, 14, 1, 59, 0, 1, time.FixedZone("x", -3600)), time.Unix(1<<40, 0)}[p.pick(3)]
	str := p.name()
	b := p.pick(2) == 0
	conds := []func() dsl.Condition{
		func() dsl.Condition { return dsl.StringLessThan(v, str) },
		func() dsl.Condition { return dsl.StringGreaterThan(v, str) },
		func() dsl.Condition { return dsl.StringLessThanEquals(v, str) },
		func() dsl.Condition { return dsl.StringGreaterThanEquals(v, str) },
		func() dsl.Condition { return dsl.StringMatches(v, str) },
		func() dsl.Condition { return dsl.StringLessThanPath(v, o) },
		func() dsl.Condition { return dsl.StringGreaterThanPath(v, o) },
		func() dsl.Condition { return dsl.StringLessThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.StringGreaterThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.NumericEquals(v, f) },
		func() dsl.Condition { return dsl.NumericLessThan(v, f) },
		func() dsl.Condition { return dsl.NumericLessThanEquals(v, f) },
		func() dsl.Condition { return dsl.NumericGreaterThanEquals(v, f) },
		func() dsl.Condition { return dsl.NumericEqualsPath(v, o) },
		func() dsl.Condition { return dsl.NumericLessThanPath(v, o) },
		func() dsl.Condition { return dsl.NumericGreaterThanPath(v, o) },
		func() dsl.Condition { return dsl.NumericLessThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.NumericGreaterThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.BooleanEquals(v, b) },
		func() dsl.Condition { return dsl.BooleanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.TimestampEquals(v, ts) },
		func() dsl.Condition { return dsl.TimestampLessThan(v, ts) },
		func() dsl.Condition { return dsl.TimestampGreaterThan(v, ts) },
		func() dsl.Condition { return dsl.TimestampLessThanEquals(v, ts) },
		func() dsl.Condition { return dsl.TimestampGreaterThanEquals(v, ts) },
		func() dsl.Condition { return dsl.TimestampEqualsPath(v, o) },
		func() dsl.Condition { return dsl.TimestampLessThanPath(v, o) },
		func() dsl.Condition { return dsl.TimestampGreaterThanPath(v, o) },
		func() dsl.Condition { return dsl.TimestampLessThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.TimestampGreaterThanEqualsPath(v, o) },
		func() dsl.Condition { return dsl.IsNull(v, b) },
		func() dsl.Condition { return dsl.IsNumeric(v, b) },
		func() dsl.Condition { return dsl.IsString(v, b) },
		func() dsl.Condition { return dsl.IsBoolean(v, b) },
		func() dsl.Condition { return dsl.IsTimestamp(v, b) },
	}
	return conds[p.pick(len(conds))]()
}

func (p *fuzzProgram) workflowSetter(wf *dsl.Workflow) {
	switch p.pick(7) {
	case 6:
		// A state of the other workflow, a target from the wrong one.
		p.states = append(p.states, p.add(p.wfs[1].Scope, p.pick(8), p.name()))
	case 0:
		wf.Comment(p.name())
	case 1:
		wf.Version(p.name())
	case 2:
		wf.Timeout(p.duration())
	case 3:
		wf.QueryLanguage(dsl.QueryLanguage(p.name()))
	case 4:
		wf.Type(dsl.WorkflowType(p.name()))
	default:
		wf.QueryLanguage(dsl.JSONPath)
	}
}

// The setters every kind of state shares, by mixin.
type (
	fuzzBase[S any] interface {
		Comment(string) S
		QueryLanguage(dsl.QueryLanguage) S
		Extra(string, any) S
	}
	fuzzIO[S any] interface {
		InputPath(dsl.Path) S
		NoInput() S
		OutputPath(dsl.Path) S
		NoOutput() S
		Output(any) S
	}
	fuzzAssign[S any] interface {
		Assign(dsl.Obj) S
	}
	fuzzResult[S any] interface {
		ResultPath(dsl.Path) S
		DiscardResult() S
		Parameters(any) S
	}
	fuzzHandling[S any] interface {
		ResultSelector(any) S
	}
)

func setBase[S any](p *fuzzProgram, x fuzzBase[S], n int) {
	switch n {
	case 0:
		x.Comment(p.name())
	case 1:
		x.QueryLanguage([]dsl.QueryLanguage{dsl.JSONata, dsl.JSONPath, ""}[p.pick(3)])
	case 2:
		keys := []string{"Next", "Type", "End", "Comment", "Parameters", "Resource"}
		key := p.name()
		if k := p.pick(len(keys) * 2); k < len(keys) {
			key = keys[k]
		}
		p.extra = true
		x.Extra(key, p.value(0))
	}
}

func setIO[S any](p *fuzzProgram, x fuzzIO[S], n int) {
	switch n {
	case 3:
		x.InputPath(p.path())
	case 4:
		x.NoInput()
	case 5:
		x.OutputPath(p.path())
	case 6:
		x.NoOutput()
	case 7:
		x.Output(p.value(0))
	}
}

func setAssign[S any](p *fuzzProgram, x fuzzAssign[S], n int) {
	if n == 8 {
		if p.pick(5) == 0 {
			x.Assign(nil)
			return
		}
		x.Assign(p.obj(0))
	}
}

func setResult[S any](p *fuzzProgram, x fuzzResult[S], n int) {
	switch n {
	case 9:
		x.ResultPath(p.path())
	case 10:
		x.DiscardResult()
	case 11:
		x.Parameters(p.value(0))
	}
}

func setHandling[S any](p *fuzzProgram, x fuzzHandling[S], n int) {
	if n == 12 {
		x.ResultSelector(p.value(0))
	}
}

// field calls one setter of st (chosen by the next byte, so a byte may
// name a setter the state does not have: then nothing happens).
func (p *fuzzProgram) field(st dsl.State) {
	n := p.pick(26)
	switch x := st.(type) {
	case *dsl.TaskState:
		setBase[*dsl.TaskState](p, x, n)
		setIO[*dsl.TaskState](p, x, n)
		setAssign[*dsl.TaskState](p, x, n)
		setResult[*dsl.TaskState](p, x, n)
		setHandling[*dsl.TaskState](p, x, n)
		switch n {
		case 13:
			x.Arguments(p.value(0))
		case 14:
			x.Timeout(p.duration())
		case 15:
			x.TimeoutPath(p.path())
		case 16:
			x.TimeoutExpr(p.expr())
		case 17:
			x.Heartbeat(p.duration())
		case 18:
			x.HeartbeatPath(p.path())
		case 19:
			x.HeartbeatExpr(p.expr())
		case 20:
			x.Credentials(p.value(0))
		case 21:
			x.DeclareResult(dsl.Type[fuzzStruct]())
		case 22:
			x.DeclareRequest(dsl.Type[map[string]int]())
		case 23:
			x.DeclareOutput(dsl.Type[[]string]())
		case 24:
			x.TimeoutRef(dsl.Ref(p.name()))
		case 25:
			x.HeartbeatRef(dsl.Ref(p.name()))
		}
	case *dsl.PassState:
		setBase[*dsl.PassState](p, x, n)
		setIO[*dsl.PassState](p, x, n)
		setAssign[*dsl.PassState](p, x, n)
		setResult[*dsl.PassState](p, x, n)
		if n >= 13 {
			x.Result(p.value(0))
		}
	case *dsl.ChoiceState:
		setBase[*dsl.ChoiceState](p, x, n)
		setIO[*dsl.ChoiceState](p, x, n)
		setAssign[*dsl.ChoiceState](p, x, n)
	case *dsl.WaitState:
		setBase[*dsl.WaitState](p, x, n)
		setIO[*dsl.WaitState](p, x, n)
		setAssign[*dsl.WaitState](p, x, n)
		switch n {
		case 13:
			x.For(p.duration())
		case 14:
			x.ForPath(p.path())
		case 15:
			x.ForExpr(p.expr())
		case 16:
			x.Until(time.Date(2026, 3, 14, 1, 59, 0, p.pick(3), time.FixedZone("x", 3600)))
		case 17:
			x.UntilText(p.name())
		case 18:
			x.UntilPath(p.path())
		case 19:
			x.UntilExpr(p.expr())
		case 20:
			x.ForRef(dsl.Ref(p.name()))
		case 21:
			x.Until(time.Time{})
		}
	case *dsl.SucceedState:
		setBase[*dsl.SucceedState](p, x, n)
		setIO[*dsl.SucceedState](p, x, n)
	case *dsl.FailState:
		setBase[*dsl.FailState](p, x, n)
		switch n {
		case 13:
			x.Error(p.name())
		case 14:
			x.ErrorPath(p.path())
		case 15:
			x.ErrorIntrinsic(p.intrinsic())
		case 16:
			x.ErrorExpr(p.expr())
		case 17:
			x.Cause(p.name())
		case 18:
			x.CausePath(p.path())
		case 19:
			x.CauseIntrinsic(p.intrinsic())
		case 20:
			x.CauseExpr(p.expr())
		}
	case *dsl.ParallelState:
		setBase[*dsl.ParallelState](p, x, n)
		setIO[*dsl.ParallelState](p, x, n)
		setAssign[*dsl.ParallelState](p, x, n)
		setResult[*dsl.ParallelState](p, x, n)
		setHandling[*dsl.ParallelState](p, x, n)
		if n == 13 {
			x.Arguments(p.value(0))
		}
	case *dsl.MapState:
		setBase[*dsl.MapState](p, x, n)
		setIO[*dsl.MapState](p, x, n)
		setAssign[*dsl.MapState](p, x, n)
		setResult[*dsl.MapState](p, x, n)
		setHandling[*dsl.MapState](p, x, n)
		if n >= 13 {
			p.mapConfig(x)
		}
	}
}

// mapConfig calls one of a Map's own setters.
func (p *fuzzProgram) mapConfig(m *dsl.MapState) {
	v := func() any { return p.value(1) }
	switch p.pick(24) {
	case 22:
		switch p.pick(4) {
		case 0:
			m.MaxConcurrencyRef(dsl.Ref(p.name()))
		case 1:
			m.ToleratedFailureCountRef(dsl.Ref(p.name()))
		case 2:
			m.ToleratedFailurePercentageRef(dsl.Ref(p.name()))
		default:
			m.ToleratedFailurePercentageExpr(p.expr())
		}
	case 23:
		r := dsl.ReadS3Object(v(), v()).InputType(dsl.InputCSV).CSVDelimiter(dsl.CSVDelimiter(p.name())).MaxItemsRef(dsl.Ref(p.name()))
		b := dsl.Batch().MaxItemsRef(dsl.Ref(p.name())).MaxBytesRef(dsl.Ref(p.name()))
		if p.pick(2) == 0 {
			b.MaxBytesPath(p.path())
		}
		m.ItemReader(r).ItemBatcher(b)
	case 0:
		m.Inline()
	case 1:
		m.Distributed([]dsl.ExecutionType{dsl.ExecutionStandard, dsl.ExecutionExpress, ""}[p.pick(3)])
	case 2:
		m.ItemsPath(p.path())
	case 3:
		m.Items(v())
	case 4:
		m.ItemSelector(v())
	case 5:
		m.MaxConcurrency([]int{-1, 0, 10, math.MaxInt}[p.pick(4)])
	case 6:
		m.MaxConcurrencyPath(p.path())
	case 7:
		m.MaxConcurrencyExpr(p.expr())
	case 8:
		m.ToleratedFailurePercentage([]float64{-1, 0, 50.5, 101, math.NaN(), math.Inf(1)}[p.pick(6)])
	case 9:
		m.ToleratedFailurePercentagePath(p.path())
	case 10:
		m.ToleratedFailureCount([]int{-1, 0, 5, math.MinInt}[p.pick(4)])
	case 11:
		m.ToleratedFailureCountExpr(p.expr())
	case 12:
		m.Label(p.name())
	case 13:
		switch p.pick(4) {
		case 0:
			m.ItemReader(new(dsl.ItemReader))
		case 1:
			m.ItemBatcher(new(dsl.ItemBatcher))
		case 2:
			m.ResultWriter(new(dsl.ResultWriter))
		default:
			m.ItemReader(nil)
		}
	case 14:
		r := dsl.ReadS3Object(v(), v()).InputType(dsl.InputType(p.name())).CSVHeaderLocation(dsl.HeaderGiven).CSVHeaders(p.name())
		if p.pick(2) == 0 {
			r.MaxItems([]int{-1, 0, 100}[p.pick(3)])
		} else {
			r.MaxItemsExpr(p.expr())
		}
		m.ItemReader(r)
	case 15:
		m.ItemReader(dsl.ListS3Objects(v(), v()).LoadAndFlatten().MaxItemsPath(p.path()).With(p.name(), v()))
	case 16:
		m.ItemReader(dsl.NewItemReader(p.name(), p.obj(1)).Transformation(p.name()).ManifestType(dsl.ManifestAthenaData).ItemsPointer(p.name()).KeepEmptyConfig())
	case 17:
		m.ItemBatcher(nil)
	case 18:
		b := dsl.Batch()
		switch p.pick(5) {
		case 0:
			b.MaxItems(-1)
		case 1:
			b.MaxItemsPath(p.path())
		case 2:
			b.MaxBytes(math.MaxInt)
		case 3:
			b.MaxBytesExpr(p.expr())
		case 4:
			b.BatchInput(v())
		}
		m.ItemBatcher(b)
	case 19:
		m.ResultWriter(nil)
	case 20:
		m.ResultWriter(dsl.WriteResultsToS3(v(), v()).OutputType(dsl.WriterOutputType(p.name())).Transformation(dsl.TransformFlatten).With(p.name(), v()))
	default:
		m.DeclareItem(dsl.Type[fuzzStruct]())
		m.ToleratedFailureCountPath(p.path())
		m.ResultWriter(dsl.ResultsConfig().OutputType(dsl.OutputJSONL))
	}
}

// TestFuzzSeedsCompile makes sure the seeds mean something: the first four
// build workflows the compiler accepts.
func TestFuzzSeedsCompile(t *testing.T) {
	for i, seed := range fuzzSeeds[:4] {
		p := &fuzzProgram{data: seed}
		p.build()
		res := compiler.Check(p.wfs[0])
		if res.Machine == nil {
			var b bytes.Buffer
			for _, d := range res.Diagnostics {
				fmt.Fprintln(&b, d)
			}
			t.Errorf("seed %d does not compile:\n%s", i, b.String())
		}
	}
}

// fuzzFindings are the crashes FuzzBuild found, as the builder calls that
// made them. Each must now compile to exactly the given errors, placed in
// this file.
var fuzzFindings = []struct {
	name  string
	build func() *dsl.Workflow
	want  []string // "state: field: message"
}{
	{
		name: "typed nil resource",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			var l *dsl.LambdaTask
			wf.Task("Call", l).End()
			return wf
		},
		want: []string{`Call: Resource: the resource is nil: pass an integration such as dsl.LambdaInvoke(...) or dsl.ResourceARN("arn:...")`},
	},
	{
		name: "catch to a nil state builder",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			var fallback *dsl.PassState
			wf.Task("Call", dsl.Lambda("fn")).End().Catch(dsl.Catch(fallback, dsl.ErrAll))
			return wf
		},
		want: []string{`Call: Catch[0].Next: the catcher has no fallback state: pass the state to move to as dsl.Catch's first argument`},
	},
	{
		name: "Extra with a modelled field, and twice",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Pass("Only").Extra("Type", "Task").Extra("New", 1).Extra("New", 2).End()
			return wf
		},
		want: []string{
			`Only: New: Extra("New") is given twice: a JSON object holds a key once, so give the field one value`,
			`Only: Type: Type is a field goasl models: set it with its builder method, not Extra (which would write it twice)`,
		},
	},
	{
		name: "values that contain themselves",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Pass("Obj").Parameters(fuzzCycle(0)).Next(dsl.Named("Arr"))
			wf.Pass("Arr").Result(fuzzCycle(1)).Next(dsl.Named("Ptr"))
			wf.Pass("Ptr").Result(fuzzCycle(2)).Next(dsl.Named("Two"))
			wf.Pass("Two").Result(fuzzCycle(3)).End()
			return wf
		},
		want: []string{
			`Obj: Parameters.self: the value contains itself: JSON cannot hold a cycle, so build the value without one`,
			`Arr: Result[1]: the value contains itself: JSON cannot hold a cycle, so build the value without one`,
			`Ptr: Result.x: the value contains itself: JSON cannot hold a cycle, so build the value without one`,
			`Two: Result.a: the value contains itself: JSON cannot hold a cycle, so build the value without one`,
			`Two: Result.b[0].deeper: the value contains itself: JSON cannot hold a cycle, so build the value without one`,
		},
	},
	{
		name: "NaN backoff rate",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Task("Call", dsl.Lambda("fn").NoDefaultRetry()).Retry(dsl.Retry(dsl.ErrAll).BackoffRate(math.NaN())).End()
			return wf
		},
		want: []string{`Call: Retry[0].BackoffRate: NaN is not a number JSON can hold: give a finite number`},
	},
	{
		name: "keys written twice once .$ is added",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Pass("Static").Result(dsl.Obj{"a.$": 1, "a": dsl.Path("$.x")}).Next(dsl.Named("Call"))
			wf.Task("Call", dsl.SDK("s3", "getObject", dsl.Obj{"Bucket": dsl.Path("$.b"), "Bucket.$": "$.c", "Key": "k"})).Next(dsl.Named("Each"))
			wf.Map("Each").Distributed(dsl.ExecutionStandard).ItemReader(dsl.ReadS3Object("b", dsl.Path("$.k")).With("Bucket", "other").With("Key.$", "$.k")).End().Processor(func(items *dsl.Scope) { items.Succeed("Done") })
			return wf
		},
		want: []string{
			`Static: Result.a: the key "a.$" is written twice in one object (a value that is a dsl.Path, an intrinsic, dsl.StateInput() or dsl.TaskToken() adds ".$" to its key): keep only one`,
			`Call: Parameters.Bucket: the key "Bucket.$" is written twice in one object (a value that is a dsl.Path, an intrinsic, dsl.StateInput() or dsl.TaskToken() adds ".$" to its key): keep only one`,
			`Each: ItemReader.Parameters.Key: the key "Key.$" is written twice in one object (a value that is a dsl.Path, an intrinsic, dsl.StateInput() or dsl.TaskToken() adds ".$" to its key): keep only one`,
		},
	},
	{
		name: "zero builders",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Task("Call", dsl.Lambda("fn")).Retry(new(dsl.Retrier)).Catch(new(dsl.Catcher)).End()
			return wf
		},
		want: []string{
			`Call: Catch: a catcher not built with dsl.Catch (a zero dsl.Catcher): build one with dsl.Catch`,
			`Call: Retry: a retrier not built with dsl.Retry (a zero dsl.Retrier): build one with dsl.Retry`,
		},
	},
	{
		name: "zero Map readers and writers",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Map("Each").Distributed(dsl.ExecutionStandard).ItemReader(new(dsl.ItemReader)).ItemBatcher(new(dsl.ItemBatcher)).ResultWriter(new(dsl.ResultWriter)).End().Processor(func(items *dsl.Scope) { items.Succeed("Done") })
			return wf
		},
		want: []string{
			`Each: ItemBatcher: an ItemBatcher not built with a helper (a zero dsl.ItemBatcher): build one with dsl.Batch`,
			`Each: ItemReader: an ItemReader not built with a helper (a zero dsl.ItemReader): build one with dsl.ReadS3Object or dsl.ListS3Objects`,
			`Each: ResultWriter: a ResultWriter not built with a helper (a zero dsl.ResultWriter): build one with dsl.WriteResultsToS3`,
		},
	},
	{
		name: "durations at the limits",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Timeout(math.MinInt64)
			wf.Task("Call", dsl.Lambda("fn").NoDefaultRetry()).Heartbeat(math.MaxInt64).Retry(dsl.Retry(dsl.ErrAll).MaxDelay(math.MinInt64)).End()
			return wf
		},
		want: []string{
			`: TimeoutSeconds: -2562047h47m16.854775808s is not a whole number of seconds: ASL counts in seconds, so round it (e.g. -2562047h47m16s)`,
			`Call: HeartbeatSeconds: 2562047h47m16.854775807s is not a whole number of seconds: ASL counts in seconds, so round it (e.g. 2562047h47m16s)`,
			`Call: Retry[0].MaxDelaySeconds: -2562047h47m16.854775808s is not a whole, non-negative number of seconds: ASL counts retry intervals in seconds, so round it (e.g. 2562047h47m16s)`,
		},
	},
	{
		name: "strings that are not UTF-8",
		build: func() *dsl.Workflow {
			wf := dsl.NewWorkflow("Fuzz")
			wf.Pass("Step: 1").Comment("caf\xe9").End()
			return wf
		},
		want: []string{`Step: 1: Comment: string "caf\xe9" is not valid UTF-8 (byte 0xE9 at offset 3): the state machine cannot be written as JSON, so change the value`},
	},
}

func TestFuzzFindings(t *testing.T) {
	for _, tc := range fuzzFindings {
		t.Run(tc.name, func(t *testing.T) {
			res := compiler.Check(tc.build())
			var got []string
			for _, d := range res.Diagnostics {
				if d.Severity != asl.SeverityError {
					continue
				}
				got = append(got, d.State+": "+d.Field+": "+d.Message)
				if !strings.HasSuffix(d.File, "fuzz_test.go") || d.Line == 0 {
					t.Errorf("error %q is placed at %s:%d, not at the builder call in fuzz_test.go", d.Message, d.File, d.Line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
