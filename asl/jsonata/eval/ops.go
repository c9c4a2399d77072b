package eval

import (
	"math"

	"github.com/goasl/goasl/asl/value"
)

func (ev *evaluator) binary(n *enode, input val, env *frame) val {
	lhs := ev.eval(n.lhs, input, env)
	rhs := ev.eval(n.rhs, input, env)
	switch n.op {
	case "+", "-", "*", "/", "%":
		return numeric(n, lhs, rhs)
	case "=", "!=":
		if lhs == nil || rhs == nil {
			return false
		}
		eq := deepEqual(lhs, rhs)
		if n.op == "=" {
			return eq
		}
		return !eq
	case "<", "<=", ">", ">=":
		return compare(n, lhs, rhs)
	case "&":
		l, r := "", ""
		if lhs != nil {
			l = ev.stringOf(lhs, false, n.pos)
		}
		if rhs != nil {
			r = ev.stringOf(rhs, false, n.pos)
		}
		checkStringLen(len(l)+len(r), n.pos)
		return l + r
	case "..":
		return rangeOf(n, lhs, rhs)
	case "in":
		if lhs == nil || rhs == nil {
			return false
		}
		if !isArray(rhs) {
			return strictEqual(rhs, lhs)
		}
		m := arrLen(rhs)
		for i := 0; i < m; i++ {
			if strictEqual(arrAt(rhs, i), lhs) {
				return true
			}
		}
		return false
	}
	return nil
}

func isNumeric(v val, pos int) (float64, bool) {
	f, ok := v.(float64)
	if !ok || math.IsNaN(f) {
		return 0, false
	}
	checkFinite(f, pos)
	return f, true
}

func numeric(n *enode, lhs, rhs val) val {
	l, lok := isNumeric(lhs, n.pos)
	if lhs != nil && !lok {
		throw("T2001", n.pos, "The left side of the %s operator must evaluate to a number", quoteOp(n.op))
	}
	r, rok := isNumeric(rhs, n.pos)
	if rhs != nil && !rok {
		throw("T2002", n.pos, "The right side of the %s operator must evaluate to a number", quoteOp(n.op))
	}
	if lhs == nil || rhs == nil {
		return nil
	}
	switch n.op {
	case "+":
		return l + r
	case "-":
		return l - r
	case "*":
		return l * r
	case "/":
		return l / r
	}
	return math.Mod(l, r)
}

func quoteOp(op string) string { return `"` + op + `"` }

func compare(n *enode, lhs, rhs val) val {
	lcomp := lhs == nil || isString(lhs) || isNumber(lhs)
	rcomp := rhs == nil || isString(rhs) || isNumber(rhs)
	if !lcomp || !rcomp {
		bad := lhs
		if lcomp {
			bad = rhs
		}
		throw("T2010", n.pos, "The expressions either side of operator %s must evaluate to numeric or string values: %s", quoteOp(n.op), describeValue(bad))
	}
	if lhs == nil || rhs == nil {
		return nil
	}
	if isString(lhs) != isString(rhs) {
		throw("T2009", n.pos, "The values %s and %s either side of operator %s must be of the same data type", describeValue(lhs), describeValue(rhs), quoteOp(n.op))
	}
	var lt, eq bool
	if ls, ok := lhs.(string); ok {
		rs := rhs.(string)
		lt, eq = jsLess(ls, rs), ls == rs
	} else {
		lf, rf := lhs.(float64), rhs.(float64)
		lt, eq = lf < rf, lf == rf
		if math.IsNaN(lf) || math.IsNaN(rf) {
			return false
		}
	}
	switch n.op {
	case "<":
		return lt
	case "<=":
		return lt || eq
	case ">":
		return !lt && !eq
	}
	return !lt
}

func rangeOf(n *enode, lhs, rhs val) val {
	l, lok := lhs.(float64)
	if lhs != nil && (!lok || l != math.Trunc(l) || math.IsInf(l, 0)) {
		throw("T2003", n.pos, "The left side of the range operator (..) must evaluate to an integer")
	}
	r, rok := rhs.(float64)
	if rhs != nil && (!rok || r != math.Trunc(r) || math.IsInf(r, 0)) {
		throw("T2004", n.pos, "The right side of the range operator (..) must evaluate to an integer")
	}
	if lhs == nil || rhs == nil || l > r {
		return nil
	}
	size := r - l + 1
	if size > 1e7 {
		throw("D2014", n.pos, "The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate %s.", formatJSNumber(size))
	}
	out := &seq{sequence: true, items: make([]val, int(size))}
	for i := range out.items {
		out.items[i] = l + float64(i)
	}
	return out
}

// boolean is JSONata's effective boolean value; defined is false for an
// undefined argument.
func boolean(v val) (b, defined bool) {
	switch x := v.(type) {
	case nil:
		return false, false
	case nullType:
		return false, true
	case bool:
		return x, true
	case float64:
		return x != 0 && !math.IsNaN(x), true
	case string:
		return x != "", true
	case *fn:
		return false, true
	case *tuple:
		return true, true
	}
	if isArray(v) {
		n := arrLen(v)
		if n == 1 {
			return boolean(arrAt(v, 0))
		}
		for i := 0; i < n; i++ {
			if b, _ := boolean(arrAt(v, i)); b {
				return true, true
			}
		}
		return false, true
	}
	if isObject(v) {
		return objLen(v) > 0, true
	}
	return false, true
}

func booleanize(v val) bool {
	b, _ := boolean(v)
	return b
}

// describeValue writes a value for an error message as jsonata-js does
// (JSON for data).
func describeValue(v val) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case string:
		return jsonQuote(x)
	case *fn:
		return "a function"
	case float64:
		return formatJSNumber(x)
	}
	return toValue(v).JSON()
}

func jsonQuote(s string) string { return string(value.AppendString(nil, s)) }

func formatJSNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return value.FormatNumber(f)
}
