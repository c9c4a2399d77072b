package local

import (
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// test evaluates a JSONPath Choice rule against the effective input.
func (x *exec) test(cr *crule, r *roots) (bool, *Failure) {
	switch {
	case cr.and != nil:
		for _, s := range cr.and {
			ok, f := x.test(s, r)
			if f != nil || !ok {
				return false, f
			}
		}
		return true, nil
	case cr.or != nil:
		for _, s := range cr.or {
			ok, f := x.test(s, r)
			if f != nil || ok {
				return ok, f
			}
		}
		return false, nil
	case cr.not != nil:
		ok, f := x.test(cr.not, r)
		return !ok && f == nil, f
	case cr.variable == nil:
		return false, nil
	}
	v, found, at := cr.variable.eval(r)
	if cr.op == asl.IsPresent {
		return found == cr.operand.Bool(), nil
	}
	if !found {
		return false, x.runtime(cr.variable.notFound(at))
	}
	operand := cr.operand
	if cr.opPath != nil {
		o, ok, at := cr.opPath.eval(r)
		if !ok {
			return false, x.runtime(cr.opPath.notFound(at))
		}
		operand = o
	}
	op := strings.TrimSuffix(string(cr.op), "Path")
	switch asl.Operator(op) {
	case asl.IsNull:
		return v.IsNull() == operand.Bool(), nil
	case asl.IsNumeric:
		return (v.Kind() == value.Number) == operand.Bool(), nil
	case asl.IsString:
		return (v.Kind() == value.String) == operand.Bool(), nil
	case asl.IsBoolean:
		return (v.Kind() == value.Bool) == operand.Bool(), nil
	case asl.IsTimestamp:
		_, ok := parseTimestamp(v.Str())
		return (v.Kind() == value.String && ok) == operand.Bool(), nil
	case asl.StringMatches:
		return v.Kind() == value.String && cr.re != nil && cr.re.MatchString(v.Str()), nil
	case asl.BooleanEquals:
		return v.Kind() == value.Bool && operand.Kind() == value.Bool && v.Bool() == operand.Bool(), nil
	}
	switch {
	case strings.HasPrefix(op, "String"):
		if v.Kind() != value.String || operand.Kind() != value.String {
			return false, nil
		}
		return cmpResult(op[len("String"):], strings.Compare(v.Str(), operand.Str())), nil
	case strings.HasPrefix(op, "Numeric"):
		if v.Kind() != value.Number || operand.Kind() != value.Number {
			return false, nil
		}
		c := 0
		if v.Float() < operand.Float() {
			c = -1
		} else if v.Float() > operand.Float() {
			c = 1
		}
		return cmpResult(op[len("Numeric"):], c), nil
	case strings.HasPrefix(op, "Timestamp"):
		if v.Kind() != value.String {
			return false, nil
		}
		a, ok := parseTimestamp(v.Str())
		if !ok {
			return false, nil
		}
		b, okB := cr.ts, cr.tsOK
		if cr.opPath != nil {
			if operand.Kind() != value.String {
				return false, nil
			}
			b, okB = parseTimestamp(operand.Str())
		}
		if !okB {
			return false, nil
		}
		return cmpResult(op[len("Timestamp"):], a.Compare(b)), nil
	}
	return false, nil
}

func cmpResult(rel string, c int) bool {
	switch rel {
	case "Equals":
		return c == 0
	case "LessThan":
		return c < 0
	case "GreaterThan":
		return c > 0
	case "LessThanEquals":
		return c <= 0
	case "GreaterThanEquals":
		return c >= 0
	}
	return false
}
