package ir

import (
	"reflect"
	"runtime"
)

// Pos is the Go call site that built or set something: a program counter,
// resolved to file and line only when a diagnostic needs it.
type Pos uintptr

// Caller returns the position of the caller skip frames above the function
// that calls Caller (skip 0 = that function's caller).
func Caller(skip int) Pos {
	var pcs [1]uintptr
	if runtime.Callers(skip+3, pcs[:]) == 0 {
		return 0
	}
	return Pos(pcs[0])
}

// Resolve returns the file and line of the position; ok is false for an
// unknown position.
func (p Pos) Resolve() (file string, line int, ok bool) {
	if p == 0 {
		return "", 0, false
	}
	frames := runtime.CallersFrames([]uintptr{uintptr(p)})
	f, _ := frames.Next()
	if f.File == "" {
		return "", 0, false
	}
	return f.File, f.Line, true
}

// Error is a problem a builder recorded instead of panicking.
type Error struct {
	Pos   Pos
	State *State // nil for workflow-level problems
	Field string // the ASL field concerned, if any
	Msg   string
}

// Val is an optional value: Set tells "not set" from a nil value (JSON null).
type Val struct {
	Set bool
	V   any
	Pos Pos
}

// Of is set by package dsl: it returns the data of a *dsl.Workflow.
var Of func(workflow any) (*Workflow, bool)

// Workflow is a whole state machine.
type Workflow struct {
	Name          string
	Pos           Pos
	Comment       string
	Version       string
	QueryLanguage string
	Timeout       Val // int64 seconds
	Type          string
	Root          *Scope
	Errors        []Error
	// States lists every state of every scope in creation order, for
	// name uniqueness checks and did-you-mean suggestions.
	States []*State
	// Input is the Go type of the execution input, when declared.
	Input    reflect.Type
	InputPos Pos
	// Variables are the declared types of variables.
	Variables []TypedVar
}

// TypedVar is a variable whose Go type is declared.
type TypedVar struct {
	Name string // without "$"
	Type reflect.Type
	Pos  Pos
}

// ScopeKind is where a Scope sits.
type ScopeKind uint8

// Scope kinds.
const (
	ScopeWorkflow ScopeKind = iota
	ScopeBranch
	ScopeProcessor
	ScopeIterator
)

// Scope is a States container: the workflow, a Parallel branch or a Map
// processor.
type Scope struct {
	Kind    ScopeKind
	Owner   *State // the Parallel or Map state, nil for the workflow
	Pos     Pos
	Comment string
	StartAt Target
	States  []*State
}

// Target is a transition target: a state built in Go, or a name to be
// resolved when compiling.
type Target struct {
	State *State
	Name  string
	Pos   Pos
}

// IsSet reports whether the target was given.
func (t Target) IsSet() bool { return t.State != nil || t.Name != "" }

// TargetName returns the name the target resolves to.
func (t Target) TargetName() string {
	if t.State != nil {
		return t.State.Name
	}
	return t.Name
}

// Path is an optional path field that tells unset, null and a path apart.
type Path struct {
	Set  bool
	Null bool
	Path string
	Pos  Pos
}

// Extra is an escape-hatch field, written as given.
type Extra struct {
	Key   string
	Value any
	Pos   Pos
}

// State is one state.
type State struct {
	Name  string
	Type  string // ASL Type
	Pos   Pos
	Scope *Scope
	// Seq orders the states of a scope: the order in which their builders
	// were started (a Task's when its integration helper was called).
	Seq uint64

	QueryLanguage Val // string
	Comment       Val // string

	Resource    *Resource
	Credentials Val // role ARN: string, path, expression or intrinsic

	InputPath      Path
	OutputPath     Path
	ResultPath     Path
	Parameters     Val
	Arguments      Val
	ResultSelector Val
	Output         Val
	Assign         Val

	Result Val // Pass

	Seconds   Val // Wait: int64 seconds, path or expression
	Timestamp Val // Wait: string, path or expression

	Choices []*ChoiceRule
	Default Target

	Error Val // Fail: string, expression, path or intrinsic
	Cause Val

	Branches []*Scope

	Processor                  *Scope // ItemProcessor or Iterator
	Mode                       string // INLINE, DISTRIBUTED or "" (no ProcessorConfig)
	ExecutionType              string
	ItemReader                 *ItemReader
	Items                      Val // JSONata Items or a JSONPath ItemsPath (a path)
	ItemSelector               Val
	ItemBatcher                *ItemBatcher
	MaxConcurrency             Val
	ToleratedFailurePercentage Val
	ToleratedFailureCount      Val
	Label                      Val
	ResultWriter               *ResultWriter

	Timeout   Val // int64 seconds, path or expression
	Heartbeat Val

	Retry []*Retrier
	// DefaultRetry is added before Retry unless turned off (Lambda's
	// recommended retrier for transient errors).
	Catch []*Catcher

	Next Target
	End  bool

	Extra []Extra

	// ItemType is the Go type of a Map state's items, when declared.
	ItemType reflect.Type
	// ResultType is the Go type of a Task's whole result, when declared.
	ResultType reflect.Type
	// OutputType is the Go type of the state's output, when declared.
	OutputType reflect.Type
}

// Resource is a Task's resource: its ARN and the parameters an integration
// helper put together.
type Resource struct {
	ARN     string // may hold ${Name} placeholders
	Service string // e.g. "lambda", "sns", "aws-sdk:s3"; "" for a raw ARN
	Action  string // e.g. "invoke"
	Pattern string // "", ".sync", ".sync:2" or ".waitForTaskToken"
	// PatternPos is where the pattern was chosen (Sync, WaitForTaskToken),
	// for the diagnostics about it.
	PatternPos Pos
	Params     []Param
	// In and Out are the Go types the task takes and returns, when known.
	In, Out reflect.Type
	// SDK marks a typed AWS SDK call: In and Out are the SDK's input and
	// output structs, which give the ARN (package compiler/awssdk).
	SDK bool
	// DefaultRetry is the retrier the integration adds before the state's
	// own, nil for none.
	DefaultRetry *Retrier
	// Err is a problem the integration helper or one of its options
	// found, reported by the compiler at ErrPos (the option's call), or at
	// Pos when ErrPos is unknown.
	Err    string
	ErrPos Pos
	Pos    Pos
}

// Param is one parameter an integration sets.
type Param struct {
	Key   string
	Value any
	Pos   Pos
}

// Retrier is one Retry element.
type Retrier struct {
	Errors         []string
	Comment        string
	Interval       Val // int64 seconds
	MaxAttempts    Val // int64
	BackoffRate    Val // float64
	MaxDelay       Val // int64 seconds
	JitterStrategy string
	Pos            Pos
}

// Catcher is one Catch element.
type Catcher struct {
	Errors     []string
	Comment    string
	ResultPath Path
	Output     Val
	Assign     Val
	Next       Target
	Pos        Pos
}

// ChoiceRule is a top-level Choice rule.
type ChoiceRule struct {
	Cond    *Cond
	Next    Target
	Comment string
	Assign  Val
	Output  Val
	Pos     Pos
}

// CondKind is the kind of a condition.
type CondKind uint8

// Condition kinds.
const (
	CondJSONata CondKind = iota + 1 // Condition: an expression or a boolean
	CondCompare                     // Variable + operator
	CondAnd
	CondOr
	CondNot
)

// Cond is a Choice condition.
type Cond struct {
	Kind     CondKind
	Expr     Val    // CondJSONata: an expression or a bool
	Variable string // CondCompare
	Operator string // CondCompare
	Operand  any    // CondCompare
	Children []*Cond
	Comment  string // nested JSONPath rules may carry a Comment
	Pos      Pos
}

// ItemReader is a Distributed Map's ItemReader.
type ItemReader struct {
	Resource          string
	Params            []Param
	InputType         string
	Transformation    string
	ManifestType      string
	CSVHeaderLocation string
	CSVHeaders        []string
	CSVDelimiter      string
	ItemsPointer      string
	MaxItems          Val
	// KeepConfig writes ReaderConfig even when none of its fields is set.
	KeepConfig bool
	Pos        Pos
}

// ItemBatcher is a Distributed Map's ItemBatcher.
type ItemBatcher struct {
	MaxItemsPerBatch      Val
	MaxInputBytesPerBatch Val
	BatchInput            Val
	Pos                   Pos
}

// ResultWriter is a Distributed Map's ResultWriter.
type ResultWriter struct {
	Resource       string
	Params         []Param
	OutputType     string
	Transformation string
	Pos            Pos
}

// StateInput stands for the whole state input in a payload: "$" in
// JSONPath, $states.input in JSONata.
type StateInput struct{}

// TaskToken stands for the task token of a .waitForTaskToken task:
// $$.Task.Token in JSONPath, $states.context.Task.Token in JSONata.
type TaskToken struct{}
