package local

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/jsonata/eval"
	"github.com/goasl/goasl/asl/value"
)

// jtmpl is a compiled JSONata field value (Arguments, Output, Assign,
// Items, Condition, ...): a literal, a "{% expr %}" string whose
// expression is compiled once, or an object or array whose members are
// evaluated recursively.
type jtmpl struct {
	static bool
	konst  value.Value

	expr *eval.Expression
	fn   bool   // the expression's value is a function (a lambda, a partial application)
	text string // the expression as AWS quotes it (trimmed)
	loc  string // the field, as AWS names it: "Output", "Output/error"

	keys  []string
	vals  []*jtmpl
	items []*jtmpl
}

// jexpr returns the expression of a "{% expr %}" string.
func jexpr(s string) (string, bool) {
	if asl.IsJSONata(s) {
		return s[2 : len(s)-2], true
	}
	return "", false
}

// compileJSONata compiles a JSONata field value; loc names the field.
func compileJSONata(v asl.Value, loc string) (*jtmpl, error) {
	switch v.Kind {
	case asl.Absent:
		return nil, nil
	case asl.String:
		src, ok := jexpr(v.Str)
		if !ok {
			return &jtmpl{static: true, konst: value.FromASL(v), loc: loc}, nil
		}
		e, err := eval.Compile(src)
		if err != nil {
			return nil, fmt.Errorf("%s: the JSONata expression %q does not parse: %v", loc, strings.TrimSpace(src), err)
		}
		return &jtmpl{expr: e, fn: returnsFunction(e.AST()), text: strings.TrimSpace(src), loc: loc}, nil
	case asl.Object:
		t := &jtmpl{loc: loc}
		static := true
		for _, m := range v.Members {
			sub, err := compileJSONata(m.Value, loc+"/"+m.Key)
			if err != nil {
				return nil, err
			}
			static = static && sub.static
			t.keys = append(t.keys, m.Key)
			t.vals = append(t.vals, sub)
		}
		if static {
			return &jtmpl{static: true, konst: value.FromASL(v), loc: loc}, nil
		}
		return t, nil
	case asl.Array:
		t := &jtmpl{loc: loc, items: make([]*jtmpl, 0, len(v.Items))}
		static := true
		for i, it := range v.Items {
			sub, err := compileJSONata(it, loc+"/"+strconv.Itoa(i))
			if err != nil {
				return nil, err
			}
			static = static && sub.static
			t.items = append(t.items, sub)
		}
		if static {
			return &jtmpl{static: true, konst: value.FromASL(v), loc: loc}, nil
		}
		return t, nil
	}
	return &jtmpl{static: true, konst: value.FromASL(v), loc: loc}, nil
}

// jenv is what a JSONata evaluation sees: $states (input, result,
// errorOutput, context) and the variables in scope.
type jenv struct {
	input       value.Value
	result      value.Value // Task, Map, Parallel Output and Assign only
	errorOutput value.Value // catchers only
	vars        *scope
	sctx        *stateCtx

	bound map[string]value.Value
}

func (e *jenv) bindings() map[string]value.Value {
	if e.bound != nil {
		return e.bound
	}
	m := map[string]value.Value{}
	var chain []*scope
	for s := e.vars; s != nil; s = s.parent {
		chain = append(chain, s)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		for k, v := range chain[i].vars {
			m[k] = v
		}
	}
	var st value.ObjectBuilder
	st.Set("input", e.input)
	if !e.result.IsUndefined() {
		st.Set("result", e.result)
	}
	if !e.errorOutput.IsUndefined() {
		st.Set("errorOutput", e.errorOutput)
	}
	if e.sctx != nil {
		st.Set("context", e.sctx.value())
	}
	m["states"] = st.Value()
	e.bound = m
	return m
}

// evalFailure is a States.QueryEvaluationError of the current state at a
// field: its EvaluationFailed event is written when the state fails.
func (x *exec) evalFailure(loc, msg string) *Failure {
	f := x.stateFailure(ErrQueryEvaluationError, msg)
	f.evalEvent, f.evalLoc, f.evalState = true, loc, x.curName
	return f
}

// eval evaluates the field. A field that yields nothing (undefined) fails
// as AWS does.
func (t *jtmpl) eval(x *exec, env *jenv) (value.Value, *Failure) {
	if t.static {
		return t.konst, nil
	}
	if t.expr != nil {
		opts := &eval.Options{Vars: env.bindings(), Rand: x.rand}
		if env.sctx != nil {
			opts.Now = env.sctx.entered
		}
		if opts.Now.IsZero() {
			opts.Now = x.opts.StartTime
		}
		v, err := t.expr.Evaluate(env.input, opts)
		if err != nil {
			return value.Value{}, x.evalFailure(t.loc, fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' threw an error during evaluation. %s", t.text, t.loc, awsMessage(err)))
		}
		if t.fn {
			return value.Value{}, x.evalFailure(t.loc, fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' returned an unsupported result type.", t.text, t.loc))
		}
		if v.IsUndefined() {
			return value.Value{}, x.evalFailure(t.loc, fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' returned nothing (undefined).", t.text, t.loc))
		}
		return v, nil
	}
	if t.items != nil {
		items := make([]value.Value, len(t.items))
		for i, it := range t.items {
			v, f := it.eval(x, env)
			if f != nil {
				return value.Value{}, f
			}
			items[i] = v
		}
		return value.FromArray(items), nil
	}
	var b value.ObjectBuilder
	b.Grow(len(t.keys))
	for i, k := range t.keys {
		v, f := t.vals[i].eval(x, env)
		if f != nil {
			return value.Value{}, f
		}
		b.Set(k, v)
	}
	return b.Value(), nil
}

// typeFailure is the failure of a field whose value has the wrong type.
func (x *exec) typeFailure(t *jtmpl, want string, v value.Value) *Failure {
	text := t.text
	if t.expr == nil {
		text = v.JSON()
	}
	return x.evalFailure(t.loc, fmt.Sprintf("The JSONata expression '%s' specified for the field '%s' returned an unexpected result type. Expected '%s', but was '%s' for value: %s", text, t.loc, want, v.Kind(), v.JSON()))
}

// evalInt evaluates an integer field (Seconds, TimeoutSeconds,
// MaxConcurrency, ToleratedFailureCount, ...).
func (t *jtmpl) evalInt(x *exec, env *jenv) (int64, *Failure) {
	v, f := t.eval(x, env)
	if f != nil {
		return 0, f
	}
	n, ok := v.Int()
	if v.Kind() != value.Number || !ok {
		return 0, x.typeFailure(t, "integer", v)
	}
	return n, nil
}

// evalFloat evaluates a number field (ToleratedFailurePercentage).
func (t *jtmpl) evalFloat(x *exec, env *jenv) (float64, *Failure) {
	v, f := t.eval(x, env)
	if f != nil {
		return 0, f
	}
	if v.Kind() != value.Number {
		return 0, x.typeFailure(t, "number", v)
	}
	return v.Float(), nil
}

// jassign evaluates a JSONata Assign object: each member is a variable.
func (x *exec) jassign(t *jtmpl, env *jenv) ([]assignedVar, *Failure) {
	if t == nil {
		return nil, nil
	}
	v, f := t.eval(x, env)
	if f != nil {
		return nil, f
	}
	return assigned(v), nil
}

// awsMessage is an evaluation error as Step Functions writes it: "CODE:
// message", with jsonata-js's message. goasl's evaluator adds the name of
// the function to T1006 ("... non-function: $f"); AWS's message has none.
func awsMessage(err error) string {
	je, ok := err.(*eval.Error)
	if !ok || je.Code == "" {
		return err.Error()
	}
	msg := je.Msg
	if je.Code == "T1006" {
		msg = "Attempted to invoke a non-function"
	}
	return je.Code + ": " + msg
}

// returnsFunction reports whether an expression's value is, by its syntax,
// a function: a lambda or a partial application, possibly bound to a
// variable or last in a block. Step Functions refuses such a value ("an
// unsupported result type"); the evaluator hands functions back as "", so
// the syntax tells them apart. A function reached otherwise (a variable
// naming a built-in function) is not recognised.
func returnsFunction(n jsonata.Node) bool {
	switch n := n.(type) {
	case *jsonata.Lambda:
		return true
	case *jsonata.Call:
		return n.Partial
	case *jsonata.Bind:
		return returnsFunction(n.Value)
	case *jsonata.Block:
		return len(n.Exprs) > 0 && returnsFunction(n.Exprs[len(n.Exprs)-1])
	}
	return false
}
