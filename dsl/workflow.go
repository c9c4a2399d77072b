package dsl

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/goasl/goasl/internal/ir"
)

func init() {
	ir.Of = func(x any) (*ir.Workflow, bool) {
		w, ok := x.(*Workflow)
		if !ok || w == nil || w.w == nil {
			return nil, false
		}
		return w.w, true
	}
}

// QueryLanguage is the language of paths and expressions.
type QueryLanguage string

// The query languages. A workflow uses JSONPath unless it says otherwise; a
// state may switch to JSONata in a JSONPath workflow, never the reverse.
const (
	JSONPath QueryLanguage = "JSONPath"
	JSONata  QueryLanguage = "JSONata"
)

// WorkflowType is the kind of state machine.
type WorkflowType string

// Workflow types. Express workflows run for at most five minutes and cannot
// use .sync, .waitForTaskToken, activities or Distributed Map.
const (
	Standard WorkflowType = "STANDARD"
	Express  WorkflowType = "EXPRESS"
)

// Workflow is a state machine being built. Create one with NewWorkflow, add
// states with its Scope methods (Task, Pass, Choice, ...), link them with
// Next, and compile it with package compiler. The first state is the start
// state unless StartAt says otherwise.
//
// Builders never panic: a mistake is recorded with the Go line that made
// it and reported by the compiler.
type Workflow struct {
	*Scope
	w *ir.Workflow
}

// NewWorkflow starts a workflow. The name appears in diagnostics and names
// the generated files.
func NewWorkflow(name string) *Workflow {
	w := &ir.Workflow{Name: name, Pos: ir.Caller(0)}
	w.Root = &ir.Scope{Kind: ir.ScopeWorkflow, Pos: w.Pos}
	return &Workflow{Scope: &Scope{s: w.Root, w: w}, w: w}
}

// Name returns the workflow's name.
func (w *Workflow) Name() string {
	if w == nil || w.w == nil {
		return ""
	}
	return w.w.Name
}

// WorkflowType returns the workflow's type: Standard unless Type said
// Express.
func (w *Workflow) WorkflowType() WorkflowType {
	if w == nil || w.w == nil || w.w.Type == "" {
		return Standard
	}
	return WorkflowType(w.w.Type)
}

// Comment sets the workflow's Comment.
func (w *Workflow) Comment(text string) *Workflow {
	w.w.Comment = text
	return w
}

// Version sets the ASL Version field ("1.0" is the only version).
func (w *Workflow) Version(v string) *Workflow {
	w.w.Version = v
	return w
}

// QueryLanguage sets the workflow's default query language.
func (w *Workflow) QueryLanguage(l QueryLanguage) *Workflow {
	w.w.QueryLanguage = string(l)
	return w
}

// Timeout sets the workflow's TimeoutSeconds: the execution fails with
// States.Timeout after d. It must be a whole number of seconds.
func (w *Workflow) Timeout(d time.Duration) *Workflow {
	pos := ir.Caller(0)
	if n, ok := wholeSeconds(w.w, nil, "TimeoutSeconds", d, pos); ok {
		w.w.Timeout = ir.Val{Set: true, V: n, Pos: pos}
	}
	return w
}

// Type sets the workflow type (Standard by default).
func (w *Workflow) Type(t WorkflowType) *Workflow {
	w.w.Type = string(t)
	return w
}

// StartAt sets the state the workflow starts with (by default the first
// state added).
func (w *Workflow) StartAt(s State) *Workflow {
	w.Scope.startAt(s, ir.Caller(0))
	return w
}

// Scope is a list of states: the workflow itself, a Parallel branch or a
// Map's item processor. States may only move to states of the same scope.
// They are listed in the order they are written: a Task from the call of
// its integration helper, so a state added inside the Task's chain (as its
// Next, say) comes after it.
type Scope struct {
	s *ir.Scope
	w *ir.Workflow
}

// StartAt sets the state the scope starts with (by default the first state
// added).
func (s *Scope) StartAt(st State) *Scope {
	s.startAt(st, ir.Caller(0))
	return s
}

func (s *Scope) startAt(st State, pos ir.Pos) {
	s.s.StartAt = target(s.w, nil, "StartAt", st, pos)
}

// Comment sets the Comment of a branch or item processor.
func (s *Scope) Comment(text string) *Scope {
	s.s.Comment = text
	return s
}

func (s *Scope) add(name, typ string, skip int) *ir.State {
	st := &ir.State{Name: name, Type: typ, Pos: ir.Caller(skip + 1), Scope: s.s, Seq: nextSeq()}
	s.attach(st)
	return st
}

// seq numbers the states in the order their builders were started.
var seq atomic.Uint64

func nextSeq() uint64 { return seq.Add(1) }

// attach adds st, whose Name, Pos and Scope are set, to the scope, in the
// order the states were started: a Task whose integration helper was
// called before a state added inside its chain (wf.Task("A",
// dsl.Lambda(f).Next(wf.Pass("B")))) comes before it, as it is written.
// Unless StartAt was set, the scope starts at its first state.
func (s *Scope) attach(st *ir.State) {
	defaulted := !s.s.StartAt.IsSet() ||
		(s.s.StartAt.State != nil && len(s.s.States) > 0 && s.s.StartAt.State == s.s.States[0] && s.s.StartAt.Pos == s.s.States[0].Pos)
	s.s.States = insertBySeq(s.s.States, st)
	s.w.States = insertBySeq(s.w.States, st)
	if defaulted {
		first := s.s.States[0]
		s.s.StartAt = ir.Target{State: first, Pos: first.Pos}
	}
}

// insertBySeq inserts st into states, which are in Seq order.
func insertBySeq(states []*ir.State, st *ir.State) []*ir.State {
	i := len(states)
	for i > 0 && states[i-1].Seq > st.Seq {
		i--
	}
	return slices.Insert(states, i, st)
}

// State is a state of any type. Next, StartAt, Catch and Choice rules take
// a State; use Named to refer to a state by name.
type State interface {
	// Name returns the state's name.
	Name() string
	node() *ir.State
}

// Named refers to a state by its name, for a transition to a state that is
// built elsewhere. The compiler checks that the name exists in the scope.
func Named(name string) State { return namedState(name) }

type namedState string

func (n namedState) Name() string    { return string(n) }
func (n namedState) node() *ir.State { return nil }

// target turns a State argument into a transition target.
func target(w *ir.Workflow, st *ir.State, field string, s State, pos ir.Pos) ir.Target {
	if s == nil || (reflect.ValueOf(s).Kind() == reflect.Pointer && reflect.ValueOf(s).IsNil()) {
		addError(w, st, field, pos, "the target state is nil: pass a state built in this workflow, or dsl.Named(\"Name\")")
		return ir.Target{}
	}
	if n := s.node(); n != nil {
		return ir.Target{State: n, Pos: pos}
	}
	return ir.Target{Name: s.Name(), Pos: pos}
}

// isNil reports whether v is nil or a nil pointer in an interface, such
// as a *LambdaTask variable that was never assigned.
func isNil(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

func addError(w *ir.Workflow, st *ir.State, field string, pos ir.Pos, format string, args ...any) {
	w.Errors = append(w.Errors, ir.Error{Pos: pos, State: st, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// wholeSeconds converts d to seconds, recording an error if it has a
// fraction of a second (the value is then rounded, so the field is still
// written). A negative result is kept for the validator's range check.
func wholeSeconds(w *ir.Workflow, st *ir.State, field string, d time.Duration, pos ir.Pos) (int64, bool) {
	r := roundSeconds(d)
	if d%time.Second != 0 {
		addError(w, st, field, pos, "%v is not a whole number of seconds: ASL counts in seconds, so round it (e.g. %v)", d, r)
	}
	return int64(r / time.Second), true
}

// roundSeconds rounds d to whole seconds. Near the limits of
// time.Duration, where Round saturates, it truncates instead.
func roundSeconds(d time.Duration) time.Duration {
	if r := d.Round(time.Second); r%time.Second == 0 {
		return r
	}
	return d.Truncate(time.Second)
}

// numberText formats a Go number as JSON, reporting false for other types.
func numberText(v any) (string, bool) {
	switch n := v.(type) {
	case int:
		return strconv.FormatInt(int64(n), 10), true
	case int8:
		return strconv.FormatInt(int64(n), 10), true
	case int16:
		return strconv.FormatInt(int64(n), 10), true
	case int32:
		return strconv.FormatInt(int64(n), 10), true
	case int64:
		return strconv.FormatInt(n, 10), true
	case uint:
		return strconv.FormatUint(uint64(n), 10), true
	case uint8:
		return strconv.FormatUint(uint64(n), 10), true
	case uint16:
		return strconv.FormatUint(uint64(n), 10), true
	case uint32:
		return strconv.FormatUint(uint64(n), 10), true
	case uint64:
		return strconv.FormatUint(n, 10), true
	case float32:
		return strconv.FormatFloat(float64(n), 'f', -1, 32), true
	case float64:
		return strconv.FormatFloat(n, 'f', -1, 64), true
	}
	return "", false
}

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}
