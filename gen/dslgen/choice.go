package dslgen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

// cond writes the condition of a Choice rule (top) or of a nested rule.
func (g *gen) cond(r *asl.ChoiceRule, ptr string, top bool) (jen.Code, bool) {
	if r == nil {
		g.errf(ptr, "a null Choice rule")
		return nil, false
	}
	if !top && (r.Next != "" || r.Assign.IsSet() || r.Output.IsSet()) {
		g.errf(ptr, "a nested Choice rule with Next, Assign or Output: dsl sets them on top-level rules only")
		return nil, false
	}
	kinds := 0
	for _, set := range []bool{r.Condition.IsSet(), r.Variable != "" || len(r.Comparisons) > 0, r.And != nil, r.Or != nil, r.Not != nil} {
		if set {
			kinds++
		}
	}
	if kinds != 1 {
		g.errf(ptr, "a Choice rule needs exactly one of Condition, a data test (Variable and one comparison), And, Or or Not")
		return nil, false
	}
	var code *jen.Statement
	switch {
	case r.Condition.IsSet():
		v := r.Condition
		switch {
		case v.Kind == asl.Bool:
			code = dslID("CondValue").Call(jen.Lit(v.Bool))
		case v.Kind == asl.String:
			e, ok := exprText(v.Str)
			if !ok {
				g.errf(ptr+"/Condition", "%s: dsl.Cond writes the expression as \"{%% expr %%}\"", describe(v))
				return nil, false
			}
			code = dslID("Cond").Call(dslID("Expr").Call(jen.Lit(e)))
		default:
			g.errf(ptr+"/Condition", "%s: dsl writes a Condition as a boolean or a JSONata expression", describe(v))
			return nil, false
		}
	case r.And != nil || r.Or != nil:
		kids, name, fn := r.And, "And", "And"
		if r.Or != nil {
			kids, name, fn = r.Or, "Or", "Or"
		}
		var args []jen.Code
		for i, k := range kids {
			a, ok := g.cond(k, fmt.Sprintf("%s/%s/%d", ptr, name, i), false)
			if !ok {
				return nil, false
			}
			args = append(args, a)
		}
		if len(args) > 1 {
			code = dslID(fn).Custom(jen.Options{Open: "(", Close: ")", Separator: ",", Multi: true}, args...)
		} else {
			code = dslID(fn).Call(args...)
		}
	case r.Not != nil:
		a, ok := g.cond(r.Not, ptr+"/Not", false)
		if !ok {
			return nil, false
		}
		code = dslID("Not").Call(a)
	default:
		if len(r.Comparisons) != 1 || r.Variable == "" {
			g.errf(ptr, "a data test needs a Variable and exactly one comparison operator")
			return nil, false
		}
		code = comparison(r.Variable, r.Comparisons[0])
	}
	if !top && r.Comment != "" {
		code = code.Dot("WithComment").Call(jen.Lit(r.Comment))
	}
	return code, true
}

// comparison writes a data test with the typed helper for its operator
// when the operand has the helper's type, else with dsl.Compare.
func comparison(variable string, cmp asl.Comparison) *jen.Statement {
	op := string(cmp.Operator)
	v := cmp.Value
	vr := jen.Lit(variable)
	typed := func(arg jen.Code) *jen.Statement { return dslID(op).Call(vr, arg) }
	_, known := asl.LookupOperator(cmp.Operator)
	switch {
	case !known:
	case strings.HasSuffix(op, "Path") && v.Kind == asl.String:
		return typed(jen.Lit(v.Str))
	case strings.HasSuffix(op, "Path"):
	case strings.HasPrefix(op, "String") && v.Kind == asl.String:
		return typed(jen.Lit(v.Str))
	case strings.HasPrefix(op, "Numeric") && v.Kind == asl.Number:
		if f, ok := floatCode(v); ok {
			return typed(f)
		}
	case (op == "BooleanEquals" || strings.HasPrefix(op, "Is")) && v.Kind == asl.Bool:
		return typed(jen.Lit(v.Bool))
	case strings.HasPrefix(op, "Timestamp") && v.Kind == asl.String:
		// The typed helpers take a time.Time and write it in UTC; keep the
		// text as written.
		return dslID("Compare").Call(vr, dslID("Op"+op), jen.Lit(v.Str))
	}
	opCode := dslID("Operator").Call(jen.Lit(op))
	if known {
		opCode = dslID("Op" + op)
	}
	return dslID("Compare").Call(vr, opCode, literalValue(v))
}

// literalValue writes a JSON value with no path or expression reading.
func literalValue(v asl.Value) jen.Code {
	g := &gen{}
	return g.value(v, literal)
}
