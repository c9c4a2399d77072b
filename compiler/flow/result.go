package flow

import (
	"fmt"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
)

// Diagnostic codes of the type checker (asl.CodeInvalidPath is used too).
const (
	// CodeNoSuchField: a path reads a field the value flowing there does
	// not have, or steps into a value that is not an object or array.
	CodeNoSuchField asl.Code = "NO_SUCH_FIELD"
	// CodeTypeMismatch: a value's type does not fit where it is used (a
	// Choice operator, a typed task's input, a ResultPath, an ItemsPath,
	// an intrinsic function argument).
	CodeTypeMismatch asl.Code = "TYPE_MISMATCH"
	// CodeUnassignedVariable: a variable is read where it is not assigned
	// on every path that leads there.
	CodeUnassignedVariable asl.Code = "UNASSIGNED_VARIABLE"
)

// Annotations are the types a workflow declares. Every field is optional:
// what is not declared is Any.
type Annotations struct {
	// Input is the type of the execution input.
	Input *Type
	// States holds declarations per state, by the state's JSON pointer
	// ("/States/Charge", "/States/Fan/Branches/0/States/A").
	States map[string]StateAnnotation
	// Variables declares the types of variables by name (without "$").
	// An Assign of a declared variable is checked against its type, and
	// reads of it have that type.
	Variables map[string]*Type
	// Exprs declares the types of JSONata expressions that goasl cannot
	// type itself, by the JSON pointer of the "{% %}" string that holds
	// them (dsl.Expr(...).Returns). The expression is still checked.
	Exprs map[string]*Type
}

// StateAnnotation is what one state declares.
type StateAnnotation struct {
	// TaskInput is the type a typed task takes (a Lambda handler's event):
	// the Payload for lambda:invoke, the effective input otherwise.
	TaskInput *Type
	// TaskOutput is the type a typed task returns (a Lambda handler's
	// result): the Payload of lambda:invoke's result.
	TaskOutput *Type
	// Result is the whole result of a task when its service's response
	// shape is known; it wins over the service's default.
	Result *Type
	// Item is the type of a Map state's items.
	Item *Type
	// Output is the declared type of the state's output: the inferred
	// output is checked against it, and the next states see it.
	Output *Type
}

// Result is what Infer found.
type Result struct {
	// States lists every state in document order, nested scopes right
	// after the state that owns them.
	States []*StateInfo
	// Diagnostics are the problems found, in document order.
	Diagnostics []asl.Diagnostic

	byPtr map[string]*StateInfo
}

// State returns the information about the state at a JSON pointer.
func (r *Result) State(pointer string) *StateInfo {
	if r == nil {
		return nil
	}
	return r.byPtr[pointer]
}

// StateInfo holds the types inferred for one state.
type StateInfo struct {
	Pointer string
	Name    string
	Type    asl.StateType
	JSONata bool
	// Depth is 0 for the machine's own states, 1 inside a branch or
	// processor, and so on.
	Depth int
	// Reached is false for a state no path from its scope's start reaches;
	// its types are then nil.
	Reached bool
	// Input is the state input: every value that can arrive.
	Input *Type
	// Effective is what the state works on: after InputPath and
	// Parameters (JSONPath) or Arguments (JSONata). For a Task it is what
	// the service is called with.
	Effective *Type
	// Result is the result of a Task, Parallel, Map or Pass, after
	// ResultSelector; nil for other states.
	Result *Type
	// Output is the state output (nil for Fail).
	Output *Type
	// TaskInput and TaskOutput are the declared types of a typed task.
	TaskInput, TaskOutput *Type
	// Item is the type of a Map state's items.
	Item *Type
	// Variables are the variables assigned on every path to the state,
	// by name.
	Variables []Variable
}

// Variable is a variable and its type.
type Variable struct {
	Name string
	Type *Type
}

// Dump writes one line per state: name, input, effective input (when it
// differs), result, output and variables, indented by nesting depth.
func (r *Result) Dump() string {
	var b strings.Builder
	for _, s := range r.States {
		b.WriteString(strings.Repeat("  ", s.Depth))
		b.WriteString(s.Name)
		b.WriteString(": ")
		if !s.Reached {
			b.WriteString("unreached\n")
			continue
		}
		fmt.Fprintf(&b, "in %s", s.Input)
		if s.Effective != nil && !Equal(s.Effective, s.Input) {
			fmt.Fprintf(&b, " → effective %s", s.Effective)
		}
		if s.Item != nil {
			fmt.Fprintf(&b, " → item %s", s.Item)
		}
		if s.Result != nil {
			fmt.Fprintf(&b, " → result %s", s.Result)
		}
		if s.Output != nil {
			fmt.Fprintf(&b, " → out %s", s.Output)
		}
		if len(s.Variables) > 0 {
			b.WriteString(" | vars")
			for _, v := range s.Variables {
				fmt.Fprintf(&b, " $%s %s", v.Name, v.Type)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// vars is the set of variables assigned on every path so far, by name.
type vars map[string]*Type

func (v vars) list() []Variable {
	names := make([]string, 0, len(v))
	for n := range v {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]Variable, len(names))
	for i, n := range names {
		out[i] = Variable{Name: n, Type: v[n]}
	}
	return out
}

func (v vars) with(assigned vars) vars {
	if len(assigned) == 0 {
		return v
	}
	out := make(vars, len(v)+len(assigned))
	for k, t := range v {
		out[k] = t
	}
	for k, t := range assigned {
		out[k] = t
	}
	return out
}

// meet keeps the variables of both, with joined types.
func meet(a, b vars) vars {
	out := make(vars, len(a))
	for k, t := range a {
		if u, ok := b[k]; ok {
			out[k] = Join(t, u)
		}
	}
	return out
}

func sameVars(a, b vars) bool {
	if len(a) != len(b) {
		return false
	}
	for k, t := range a {
		u, ok := b[k]
		if !ok || !Equal(t, u) {
			return false
		}
	}
	return true
}
