package dsl

import (
	"reflect"

	"github.com/goasl/goasl/internal/ir"
)

// Typed data flow. A workflow may declare the Go types of the data it
// handles, so the compiler checks every path and payload against them and
// goasl generate writes typed structs per state. Every declaration is a
// method whose name starts with Declare (ASL field setters never do), and
// takes the type as a value made by Type:
//
//	wf := dsl.NewWorkflow("Trip").DeclareInput(dsl.Type[Trip]()).DeclareVar("flightCode", dsl.Type[string]())
//
// Types are read the way encoding/json reads them: json tags, omitempty
// (optional), pointers (nullable), time.Time (a timestamp);
// json.RawMessage, interfaces and types with their own MarshalJSON are
// unknown, and unknown never causes an error.

// GoType is a Go type passed as a value to the Declare methods (and
// Expr.Returns). Make one with Type; the zero GoType declares nothing.
type GoType struct{ t reflect.Type }

// Type returns the Go type T as a value, the way reflect.TypeFor does, for
// the Declare methods: dsl.Type[Order]().
func Type[T any]() GoType { return GoType{reflect.TypeFor[T]()} }

// String returns the type's name as Go writes it ("main.Order").
func (t GoType) String() string {
	if t.t == nil {
		return "<nil>"
	}
	return t.t.String()
}

// DeclareInput declares t as the type of the workflow's execution input.
func (w *Workflow) DeclareInput(t GoType) *Workflow {
	if w == nil || w.w == nil {
		return w
	}
	w.w.Input = t.t
	w.w.InputPos = ir.Caller(0)
	return w
}

// DeclareVar declares t as the type of the variable name (without "$"):
// every Assign of it is checked against t, and every read of it has type t.
// Declaring a variable again replaces its type.
func (w *Workflow) DeclareVar(name string, t GoType) *Workflow {
	if w == nil || w.w == nil {
		return w
	}
	pos := ir.Caller(0)
	for i, v := range w.w.Variables {
		if v.Name == name {
			w.w.Variables[i] = ir.TypedVar{Name: name, Type: t.t, Pos: pos}
			return w
		}
	}
	w.w.Variables = append(w.w.Variables, ir.TypedVar{Name: name, Type: t.t, Pos: pos})
	return w
}

// declareItem sets the type of a Map's items.
func declareItem(st *ir.State, t GoType) { st.ItemType = t.t }

// declareResult sets the type of a Task's whole result.
func declareResult(st *ir.State, t GoType) { st.ResultType = t.t }

// declareRequest sets the type a Task's resource is called with.
func declareRequest(st *ir.State, t GoType) {
	if st.Resource != nil {
		st.Resource.In = t.t
	}
}

// declareOutput sets the type of a state's output.
func declareOutput(st *ir.State, t GoType) { st.OutputType = t.t }

// TypedExpr is a JSONata expression whose result type is declared: see
// Expr.Returns.
type TypedExpr struct {
	expr Expr
	typ  reflect.Type
}

// Returns declares t as the type of the expression's result, for an
// expression whose type goasl cannot work out itself (most function
// calls): the states after it then see t instead of an unknown value. The
// TypedExpr goes wherever an Expr goes in a payload (Output, Arguments,
// Assign, Items, ItemSelector, ...).
//
//	charge.Output(dsl.Expr("$merge([$states.input, $states.result.Payload])").Returns(dsl.Type[Receipt]()))
func (e Expr) Returns(t GoType) TypedExpr { return TypedExpr{expr: e, typ: t.t} }

// Expr returns the expression.
func (t TypedExpr) Expr() Expr { return t.expr }

// Type returns the declared Go type of the expression's result.
func (t TypedExpr) Type() reflect.Type { return t.typ }

// MarshalJSON refuses to encode a TypedExpr inside a struct (see Path).
func (TypedExpr) MarshalJSON() ([]byte, error) { return nil, errSpecialInStruct }
