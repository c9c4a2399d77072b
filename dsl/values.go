package dsl

import (
	"errors"
	"strings"
)

// Path is a JSONPath path, used in JSONPath states: "$.order.id" reads the
// state input, "$$.Execution.Id" the context object and "$total" or
// "$order.id" a variable. Wherever a payload value is a Path, the compiler
// writes the key with the ".$" suffix that ASL requires.
type Path string

// Expr is a JSONata expression without its "{% %}" delimiters, used in
// JSONata states, e.g. Expr("$states.input.order.total * 1.2"). The compiler
// writes it as "{% expr %}".
type Expr string

// Ref is a placeholder for a value known only at deploy time, such as the
// ARN of a Lambda function defined in the same CDK stack. It is written as
// "${Name}" and filled in by CloudFormation's DefinitionSubstitutions.
type Ref string

// Obj is a JSON object in a payload: Parameters, Arguments, Output, Assign,
// ItemSelector and so on. Its values may be Go values (strings, numbers,
// bools, nil, slices, maps, structs) or the special values Path, Expr,
// Ref and Intrinsic. Keys are written in sorted order.
type Obj map[string]any

// Arr is a JSON array in a payload; its elements are like Obj values.
type Arr []any

// Intrinsic is a call of an ASL intrinsic function (JSONPath only), built
// with the helpers in this package such as Format, UUID or ArrayLength.
type Intrinsic struct {
	text string
	err  error
}

// RawIntrinsic returns an intrinsic function call from its ASL text, e.g.
// RawIntrinsic("States.Format('order {}', $.id)"). The compiler checks it.
func RawIntrinsic(text string) Intrinsic { return Intrinsic{text: text} }

// String returns the call's ASL text.
func (i Intrinsic) String() string { return i.text }

// Err returns the problem found while building the call, if any.
func (i Intrinsic) Err() error { return i.err }

// MarshalJSON refuses to encode a Path, so a Path inside a struct value fails
// loudly instead of becoming a literal string.
func (Path) MarshalJSON() ([]byte, error) { return nil, errSpecialInStruct }

// MarshalJSON refuses to encode an Expr inside a struct (see Path).
func (Expr) MarshalJSON() ([]byte, error) { return nil, errSpecialInStruct }

// MarshalJSON refuses to encode an Intrinsic inside a struct (see Path).
func (Intrinsic) MarshalJSON() ([]byte, error) { return nil, errSpecialInStruct }

var errSpecialInStruct = errors.New("dsl.Path, dsl.Expr and dsl.Intrinsic cannot be struct fields: use dsl.Obj for payloads that mix literals and paths")

// template is the first argument of States.Format: its "{}" pairs are
// placeholders, every other brace is literal.
type template string

// intrinsic builds a call of States.name from Go arguments.
func intrinsic(name string, args ...any) Intrinsic {
	var b strings.Builder
	b.WriteString("States.")
	b.WriteString(name)
	b.WriteByte('(')
	var err error
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		if e := writeIntrinsicArg(&b, a); e != nil && err == nil {
			err = e
		}
	}
	b.WriteByte(')')
	return Intrinsic{text: b.String(), err: err}
}

func writeIntrinsicArg(b *strings.Builder, a any) error {
	switch v := a.(type) {
	case nil:
		b.WriteString("null")
	case string:
		writeIntrinsicString(b, v, false)
	case template:
		writeIntrinsicString(b, string(v), true)
	case Path:
		b.WriteString(string(v))
	case Intrinsic:
		b.WriteString(v.text)
		return v.err
	case bool:
		if v {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	default:
		if s, ok := numberText(v); ok {
			b.WriteString(s)
			return nil
		}
		b.WriteString("null")
		return errors.New("intrinsic argument of Go type " + typeName(a) + ": use a string, a number, a bool, nil, a dsl.Path or another intrinsic")
	}
	return nil
}

// writeIntrinsicString writes s as a quoted intrinsic string, escaping the
// characters intrinsic strings reserve (' { } \). In a Format template the
// "{}" placeholders stay as they are.
func writeIntrinsicString(b *strings.Builder, s string, isTemplate bool) {
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isTemplate && c == '{' && i+1 < len(s) && s[i+1] == '}' {
			b.WriteString("{}")
			i++
			continue
		}
		switch c {
		case '\'', '{', '}', '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('\'')
}
