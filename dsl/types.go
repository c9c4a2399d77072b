package dsl

import (
	"reflect"

	"github.com/goasl/goasl/internal/ir"
)

// Typed data flow. The functions below declare the Go types of the data a
// workflow handles, so the compiler can check every path and payload
// against them and goasl generate can write typed structs per state. They
// are functions, not methods, because Go methods cannot have type
// parameters. Types are read the way encoding/json reads them: json tags,
// omitempty (optional), pointers (nullable), time.Time (a timestamp);
// json.RawMessage, interfaces and types with their own MarshalJSON are
// unknown, and unknown never causes an error.

// InputOf declares T as the type of the workflow's execution input and
// returns wf, e.g. wf := dsl.InputOf[Order](dsl.NewWorkflow("OrderFlow")).
func InputOf[T any](wf *Workflow) *Workflow {
	if wf == nil || wf.w == nil {
		return wf
	}
	wf.w.Input = reflect.TypeFor[T]()
	wf.w.InputPos = ir.Caller(0)
	return wf
}

// VarOf declares T as the type of the variable name (without "$"): every
// Assign of it is checked against T, and every read of it has type T. It
// returns wf.
func VarOf[T any](wf *Workflow, name string) *Workflow {
	if wf == nil || wf.w == nil {
		return wf
	}
	pos := ir.Caller(0)
	for i, v := range wf.w.Variables {
		if v.Name == name {
			wf.w.Variables[i] = ir.TypedVar{Name: name, Type: reflect.TypeFor[T](), Pos: pos}
			return wf
		}
	}
	wf.w.Variables = append(wf.w.Variables, ir.TypedVar{Name: name, Type: reflect.TypeFor[T](), Pos: pos})
	return wf
}

// ItemsOf declares T as the type of the items a Map state iterates over,
// which its ItemSelector and item processor then see. Without it the item
// type is inferred from the array the Map reads. It returns m.
func ItemsOf[T any](m *MapState) *MapState {
	if m == nil {
		return m
	}
	m.base.st.ItemType = reflect.TypeFor[T]()
	return m
}

// ResultOf declares T as the type of a Task's whole result (what
// ResultSelector sees, and what ResultPath places), for SDK and other
// integrations whose response shape goasl does not know. For a Lambda,
// declare the handler's types with LambdaInvoke[In, Out] instead. It
// returns t.
func ResultOf[T any](t *TaskState) *TaskState {
	if t == nil {
		return t
	}
	t.base.st.ResultType = reflect.TypeFor[T]()
	return t
}

// TakesOf declares T as the type a Task's resource is called with (its
// effective parameters), so a payload of the wrong shape is reported, and
// goasl generate writes a handler type for it. For a Lambda use
// LambdaInvoke[In, Out]. It returns t.
func TakesOf[T any](t *TaskState) *TaskState {
	if t == nil || t.base.st.Resource == nil {
		return t
	}
	t.base.st.Resource.In = reflect.TypeFor[T]()
	return t
}

// OutputOf declares T as the type of a state's output. The output goasl
// infers is checked against T, and the states after it see T: use it where
// goasl cannot infer a type, such as a JSONata Output expression that calls
// functions, or an untyped service result. It returns s.
func OutputOf[T any, S State](s S) S {
	if st := stateNode(s); st != nil {
		st.OutputType = reflect.TypeFor[T]()
	}
	return s
}

// stateNode returns the data of a state built in Go, or nil (for Named,
// or a nil builder).
func stateNode(s State) *ir.State {
	if s == nil {
		return nil
	}
	if v := reflect.ValueOf(s); v.Kind() == reflect.Pointer && v.IsNil() {
		return nil
	}
	return s.node()
}

// TypedExpr is a JSONata expression whose result type is declared: see
// ExprOf.
type TypedExpr struct {
	expr Expr
	typ  reflect.Type
}

// ExprOf returns a JSONata expression (without its "{% %}" delimiters)
// whose result has the Go type T. Use it where goasl cannot work out an
// expression's type itself (most function calls): the states after it then
// see T instead of an unknown value. It goes wherever an Expr goes in a
// payload (Output, Arguments, Assign, Items, ItemSelector, ...).
//
//	charge.Output(dsl.ExprOf[Receipt]("$merge([$states.input, $states.result.Payload])"))
func ExprOf[T any](expr string) TypedExpr {
	return TypedExpr{expr: Expr(expr), typ: reflect.TypeFor[T]()}
}

// Expr returns the expression.
func (t TypedExpr) Expr() Expr { return t.expr }

// Type returns the declared Go type of the expression's result.
func (t TypedExpr) Type() reflect.Type { return t.typ }

// MarshalJSON refuses to encode a TypedExpr inside a struct (see Path).
func (TypedExpr) MarshalJSON() ([]byte, error) { return nil, errSpecialInStruct }
