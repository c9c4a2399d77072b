package dslgen

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

// mode says how strings of a JSON value are read.
type mode uint8

const (
	// literal: JSON as written (a Pass state's Result).
	literal mode = iota
	// template: a JSONPath payload, where "key.$" members hold paths and
	// intrinsic functions.
	template
	// jsonata: a JSONata payload, where "{% %}" strings are expressions.
	jsonata
)

// placeholderRe matches a string that is exactly one "${Name}" placeholder.
var placeholderRe = regexp.MustCompile(`^\$\{([A-Za-z0-9_.:-]+)\}$`)

// refName returns the name of a placeholder string.
func refName(s string) (string, bool) {
	m := placeholderRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// exprText returns the expression inside "{% %}" when the string is
// written the way the compiler writes a dsl.Expr: "{% " + expr + " %}"
// with no extra space around expr.
func exprText(s string) (string, bool) {
	if !strings.HasPrefix(s, "{% ") || !strings.HasSuffix(s, " %}") || len(s) < 6 {
		return "", false
	}
	inner := s[3 : len(s)-3]
	if inner == "" || strings.TrimSpace(inner) != inner {
		return "", false
	}
	return inner, true
}

func dslID(name string) *jen.Statement { return jen.Qual(dslPath, name) }

// rawJSON writes v as json.RawMessage(`...`): the compiler copies it
// unchanged. Used only for what dsl's types would rewrite, such as a
// JSONata expression with unusual spacing.
func rawJSON(v asl.Value) jen.Code {
	data, err := asl.MarshalValue(v)
	if err != nil {
		return jen.Nil()
	}
	return jen.Qual(jsonPath, "RawMessage").Call(jen.Lit(string(data)))
}

// value writes a JSON value as a Go expression for an `any` position.
func (g *gen) value(v asl.Value, m mode) jen.Code {
	switch v.Kind {
	case asl.Null, asl.Absent:
		return jen.Nil()
	case asl.Bool:
		return jen.Lit(v.Bool)
	case asl.Number:
		return numberCode(v)
	case asl.String:
		return g.str(v, m)
	case asl.Array:
		items := make([]jen.Code, 0, len(v.Items))
		for _, it := range v.Items {
			items = append(items, g.value(it, m))
		}
		if len(items) == 0 {
			return dslID("Arr").Values()
		}
		return dslID("Arr").Custom(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: multiline(v)}, items...)
	case asl.Object:
		return g.object(v, m)
	}
	return jen.Nil()
}

// multiline reports whether a composite value is better written one
// element per line.
func multiline(v asl.Value) bool {
	if len(v.Items) > 3 {
		return true
	}
	for _, it := range v.Items {
		if it.Kind == asl.Array || it.Kind == asl.Object || (it.Kind == asl.String && len(it.Str) > 30) {
			return true
		}
	}
	return false
}

// str writes a string: a Ref for a placeholder, an Expr in JSONata.
func (g *gen) str(v asl.Value, m mode) jen.Code {
	s := v.Str
	if name, ok := refName(s); ok {
		return dslID("Ref").Call(jen.Lit(name))
	}
	if m == jsonata && asl.IsJSONata(s) {
		switch s {
		case "{% $states.input %}":
			return dslID("StateInput").Call()
		case "{% $states.context.Task.Token %}":
			return dslID("TaskToken").Call()
		}
		if e, ok := exprText(s); ok {
			return dslID("Expr").Call(jen.Lit(e))
		}
		return rawJSON(v)
	}
	return jen.Lit(s)
}

// object writes a dsl.Obj. In template mode a "key.$" member whose value
// is a string becomes key: dsl.Path(...) or an intrinsic; the compiler
// adds the ".$" back. Other members keep their key as written.
func (g *gen) object(v asl.Value, m mode) jen.Code {
	d := jen.Dict{}
	for _, mem := range v.Members {
		k, val := g.member(v, mem, m)
		d[jen.Lit(k)] = val
	}
	return dslID("Obj").Values(d)
}

// member returns the Go key and value of an object member.
func (g *gen) member(obj asl.Value, mem asl.Member, m mode) (string, jen.Code) {
	if m == template && strings.HasSuffix(mem.Key, ".$") && mem.Value.Kind == asl.String {
		plain := strings.TrimSuffix(mem.Key, ".$")
		if _, clash := obj.Get(plain); !clash {
			return plain, pathCode(mem.Value.Str)
		}
	}
	return mem.Key, g.value(mem.Value, m)
}

// pathCode writes the value of a "key.$" member: an intrinsic function
// call or a path.
func pathCode(s string) jen.Code {
	if strings.HasPrefix(s, "States.") {
		return intrinsicCode(s)
	}
	switch s {
	case "$":
		return dslID("StateInput").Call()
	case "$$.Task.Token":
		return dslID("TaskToken").Call()
	}
	return dslID("Path").Call(jen.Lit(s))
}

// numberCode writes a number for an `any` position, keeping its text when
// Go reads it as the same number, else as json.RawMessage.
func numberCode(v asl.Value) jen.Code {
	t := v.Num
	if _, err := strconv.ParseInt(t, 10, 64); err == nil {
		return jen.Op(t)
	}
	if strings.ContainsAny(t, ".eE") {
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) && (f != 0 || !hasNonZeroDigit(t)) {
			return jen.Op(t)
		}
	}
	return rawJSON(v)
}

func hasNonZeroDigit(t string) bool {
	mant := t
	if i := strings.IndexAny(t, "eE"); i >= 0 {
		mant = t[:i]
	}
	return strings.ContainsAny(mant, "123456789")
}

// intCode writes a number for an int parameter, reporting false when it is
// not a whole number in int range.
func intCode(v asl.Value) (jen.Code, bool) {
	if v.Kind != asl.Number {
		return nil, false
	}
	n, ok := v.Int()
	if !ok {
		return nil, false
	}
	return jen.Lit(int(n)), true
}

// floatCode writes a number for a float64 parameter.
func floatCode(v asl.Value) (jen.Code, bool) {
	if v.Kind != asl.Number {
		return nil, false
	}
	f, err := strconv.ParseFloat(v.Num, 64)
	if err != nil || math.IsInf(f, 0) {
		return nil, false
	}
	if _, err := strconv.ParseInt(v.Num, 10, 64); err == nil {
		return jen.Op(v.Num), true
	}
	return jen.Op(strconv.FormatFloat(f, 'g', -1, 64)), true
}

// maxDurationSeconds is the largest number of seconds a time.Duration
// holds.
const maxDurationSeconds = math.MaxInt64 / int64(1e9)

// durationCode writes n seconds as n * time.Second.
func durationCode(v asl.Value) (jen.Code, bool) {
	if v.Kind != asl.Number {
		return nil, false
	}
	n, ok := v.Int()
	if !ok || n < -maxDurationSeconds || n > maxDurationSeconds {
		return nil, false
	}
	switch {
	case n == 0:
		return jen.Lit(0), true
	case n%3600 == 0:
		return jen.Lit(int(n/3600)).Op("*").Qual(timePath, "Hour"), true
	case n%60 == 0:
		return jen.Lit(int(n/60)).Op("*").Qual(timePath, "Minute"), true
	}
	return jen.Lit(int(n)).Op("*").Qual(timePath, "Second"), true
}
