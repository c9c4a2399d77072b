package jsonpath

// Root is where a path starts.
type Root uint8

// Path roots.
const (
	RootInput    Root = iota + 1 // $
	RootContext                  // $$
	RootVariable                 // $name
)

// String returns the root as written: "$", "$$" or "$name" (with the
// variable name left out).
func (r Root) String() string {
	switch r {
	case RootInput:
		return "$"
	case RootContext:
		return "$$"
	case RootVariable:
		return "$name"
	}
	return "invalid root"
}

// StepKind is the kind of one path step.
type StepKind uint8

// Step kinds. Only StepField and StepIndex may appear in a reference path.
const (
	StepField     StepKind = iota + 1 // .name or ['name']
	StepIndex                         // [3]
	StepWildcard                      // .* or [*]
	StepSlice                         // [1:2]
	StepFilter                        // [?(...)]
	StepRecursive                     // ..name
	StepUnion                         // [0,1] or ['a','b']
)

// String returns a short English name of the kind, for messages.
func (k StepKind) String() string {
	switch k {
	case StepField:
		return "field"
	case StepIndex:
		return "index"
	case StepWildcard:
		return "wildcard"
	case StepSlice:
		return "slice"
	case StepFilter:
		return "filter"
	case StepRecursive:
		return "recursive descent"
	case StepUnion:
		return "union"
	}
	return "invalid step"
}

// Step is one step of a path.
type Step struct {
	Kind  StepKind
	Name  string // StepField and StepRecursive
	Index int    // StepIndex
	Text  string // the step as written

	// Offset is the byte offset of the step in the path text (of its "."
	// or "[").
	Offset int

	// Names holds the names of a StepUnion of names; Indices the indices of
	// a StepUnion of indices. Exactly one of them is set on a union.
	Names   []string
	Indices []int

	// Start and End are the bounds of a StepSlice; HasStart and HasEnd say
	// whether each was written ([:2] has no start, [1:] no end).
	Start, End       int
	HasStart, HasEnd bool

	// Filter is the expression of a StepFilter, between "?(" and ")".
	Filter string

	// Sub is the selector of a StepRecursive written with "*" or brackets
	// (..*, ..[0], ..['a','b'], ..[?(...)]); it is nil for ..name (and
	// ..['name'], which is the same step), whose name is in Name.
	Sub *Step
}

// Path is a parsed path.
type Path struct {
	Root     Root
	Variable string // the variable name, for RootVariable
	Steps    []Step
}

// Error is a syntax error in a path.
type Error struct {
	Offset int    // byte offset in the path text
	Msg    string // what is wrong and what was expected, without the offset
}

// Error returns the message (the offset is in Offset).
func (e *Error) Error() string { return e.Msg }
