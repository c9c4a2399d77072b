// Package jsonpath parses the paths of the Amazon States Language: JSONPath
// with the roots $ (state input), $$ (context object) and $name (a
// variable).
package jsonpath

// Root is where a path starts.
type Root uint8

// Path roots.
const (
	RootInput    Root = iota + 1 // $
	RootContext                  // $$
	RootVariable                 // $name
)

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

// Step is one step of a path.
type Step struct {
	Kind  StepKind
	Name  string // StepField and StepRecursive
	Index int    // StepIndex
	Text  string // the step as written
}

// Path is a parsed path.
type Path struct {
	Root     Root
	Variable string // the variable name, for RootVariable
	Steps    []Step
}

// Error is a syntax error in a path.
type Error struct {
	Offset int // byte offset in the path text
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Parse parses a path. STUB: replaced by the real parser.
func Parse(s string) (*Path, error) { return &Path{Root: RootInput}, nil }

// IsReference reports whether the path is a reference path: it identifies
// at most one node (only field and index steps).
func (p *Path) IsReference() bool {
	for _, s := range p.Steps {
		if s.Kind != StepField && s.Kind != StepIndex {
			return false
		}
	}
	return true
}
