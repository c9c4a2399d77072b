package dsl

import (
	"time"

	"github.com/goasl/goasl/internal/ir"
)

// ChoiceState is a Choice state: it moves to the first rule whose condition
// holds, or to its default.
//
//dsl:mixin c base io assign
type ChoiceState struct{ c *core }

// Choice adds a Choice state. Add rules with When and the default with
// Otherwise.
func (s *Scope) Choice(name string) *ChoiceState {
	st := s.add(name, "Choice", 0)
	x := &ChoiceState{&core{st: st, w: s.w}}
	return x
}

// When adds a rule: if cond holds, the workflow moves to next. Rules are
// tried in the order they are added.
func (c *ChoiceState) When(cond Condition, next State) *ChoiceRule {
	pos := ir.Caller(0)
	r := &ir.ChoiceRule{Cond: cond.c, Pos: pos}
	if cond.c == nil {
		addError(c.c.w, c.c.st, "Choices", pos, "an empty condition: build one with a helper such as dsl.NumericGreaterThan or dsl.Condition")
	}
	r.Next = target(c.c.w, c.c.st, "Choices", next, pos)
	c.c.st.Choices = append(c.c.st.Choices, r)
	return &ChoiceRule{r: r}
}

// Otherwise sets the Default state, taken when no rule matches. Without it
// a non-matching input fails with States.NoChoiceMatched.
func (c *ChoiceState) Otherwise(next State) *ChoiceState {
	c.c.st.Default = target(c.c.w, c.c.st, "Default", next, ir.Caller(0))
	return c
}

// ChoiceRule is one rule of a Choice state.
type ChoiceRule struct{ r *ir.ChoiceRule }

// Assign sets variables when this rule matches (instead of the state's own
// Assign).
func (r *ChoiceRule) Assign(vars Obj) *ChoiceRule {
	r.r.Assign = ir.Val{Set: true, V: vars, Pos: ir.Caller(0)}
	return r
}

// Output sets the state's output when this rule matches (JSONata).
func (r *ChoiceRule) Output(v any) *ChoiceRule {
	r.r.Output = ir.Val{Set: true, V: v, Pos: ir.Caller(0)}
	return r
}

// Comment sets the rule's Comment.
func (r *ChoiceRule) Comment(text string) *ChoiceRule {
	r.r.Comment = text
	return r
}

// Condition is the test of a Choice rule: a JSONata Condition, or a
// JSONPath data test or boolean combination.
type Condition struct{ c *ir.Cond }

// Cond is a JSONata condition: the rule matches when e is true.
func Cond(e Expr) Condition {
	return Condition{&ir.Cond{Kind: ir.CondJSONata, Expr: ir.Val{Set: true, V: e}, Pos: ir.Caller(0)}}
}

// CondValue is a constant JSONata condition (true or false).
func CondValue(b bool) Condition {
	return Condition{&ir.Cond{Kind: ir.CondJSONata, Expr: ir.Val{Set: true, V: b}, Pos: ir.Caller(0)}}
}

// WithComment returns the condition with a Comment, for a nested rule.
func (c Condition) WithComment(text string) Condition {
	if c.c == nil {
		return c
	}
	cp := *c.c
	cp.Comment = text
	return Condition{&cp}
}

// And holds when every condition holds (JSONPath).
func And(conds ...Condition) Condition { return combine(ir.CondAnd, conds) }

// Or holds when any condition holds (JSONPath).
func Or(conds ...Condition) Condition { return combine(ir.CondOr, conds) }

// Not holds when cond does not (JSONPath).
func Not(cond Condition) Condition { return combine(ir.CondNot, []Condition{cond}) }

func combine(kind ir.CondKind, conds []Condition) Condition {
	c := &ir.Cond{Kind: kind, Pos: ir.Caller(1)}
	for _, x := range conds {
		c.Children = append(c.Children, x.c)
	}
	return Condition{c}
}

// Operator is a JSONPath comparison operator, for Compare.
type Operator string

// The comparison operators of JSONPath Choice rules. Each *Path operator
// compares with the value at another path.
const (
	OpStringEquals                   Operator = "StringEquals"
	OpStringEqualsPath               Operator = "StringEqualsPath"
	OpStringLessThan                 Operator = "StringLessThan"
	OpStringLessThanPath             Operator = "StringLessThanPath"
	OpStringGreaterThan              Operator = "StringGreaterThan"
	OpStringGreaterThanPath          Operator = "StringGreaterThanPath"
	OpStringLessThanEquals           Operator = "StringLessThanEquals"
	OpStringLessThanEqualsPath       Operator = "StringLessThanEqualsPath"
	OpStringGreaterThanEquals        Operator = "StringGreaterThanEquals"
	OpStringGreaterThanEqualsPath    Operator = "StringGreaterThanEqualsPath"
	OpStringMatches                  Operator = "StringMatches"
	OpNumericEquals                  Operator = "NumericEquals"
	OpNumericEqualsPath              Operator = "NumericEqualsPath"
	OpNumericLessThan                Operator = "NumericLessThan"
	OpNumericLessThanPath            Operator = "NumericLessThanPath"
	OpNumericGreaterThan             Operator = "NumericGreaterThan"
	OpNumericGreaterThanPath         Operator = "NumericGreaterThanPath"
	OpNumericLessThanEquals          Operator = "NumericLessThanEquals"
	OpNumericLessThanEqualsPath      Operator = "NumericLessThanEqualsPath"
	OpNumericGreaterThanEquals       Operator = "NumericGreaterThanEquals"
	OpNumericGreaterThanEqualsPath   Operator = "NumericGreaterThanEqualsPath"
	OpBooleanEquals                  Operator = "BooleanEquals"
	OpBooleanEqualsPath              Operator = "BooleanEqualsPath"
	OpTimestampEquals                Operator = "TimestampEquals"
	OpTimestampEqualsPath            Operator = "TimestampEqualsPath"
	OpTimestampLessThan              Operator = "TimestampLessThan"
	OpTimestampLessThanPath          Operator = "TimestampLessThanPath"
	OpTimestampGreaterThan           Operator = "TimestampGreaterThan"
	OpTimestampGreaterThanPath       Operator = "TimestampGreaterThanPath"
	OpTimestampLessThanEquals        Operator = "TimestampLessThanEquals"
	OpTimestampLessThanEqualsPath    Operator = "TimestampLessThanEqualsPath"
	OpTimestampGreaterThanEquals     Operator = "TimestampGreaterThanEquals"
	OpTimestampGreaterThanEqualsPath Operator = "TimestampGreaterThanEqualsPath"
	OpIsNull                         Operator = "IsNull"
	OpIsPresent                      Operator = "IsPresent"
	OpIsNumeric                      Operator = "IsNumeric"
	OpIsString                       Operator = "IsString"
	OpIsBoolean                      Operator = "IsBoolean"
	OpIsTimestamp                    Operator = "IsTimestamp"
)

// Compare is the general JSONPath data test: the value at variable compared
// with operand by op. The typed helpers below (StringEquals, ...) are
// usually clearer; Compare keeps any operand exactly as given.
func Compare(variable Path, op Operator, operand any) Condition {
	return compare(variable, op, operand)
}

func compare(variable Path, op Operator, operand any) Condition {
	return Condition{&ir.Cond{Kind: ir.CondCompare, Variable: string(variable), Operator: string(op), Operand: operand, Pos: ir.Caller(1)}}
}

func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// StringEquals holds when the string at v equals s.
func StringEquals(v Path, s string) Condition { return compare(v, OpStringEquals, s) }

// StringEqualsPath holds when the string at v equals the one at other.
func StringEqualsPath(v, other Path) Condition { return compare(v, OpStringEqualsPath, other) }

// StringLessThan holds when the string at v sorts before s.
func StringLessThan(v Path, s string) Condition { return compare(v, OpStringLessThan, s) }

// StringLessThanPath holds when the string at v sorts before the one at
// other.
func StringLessThanPath(v, other Path) Condition { return compare(v, OpStringLessThanPath, other) }

// StringGreaterThan holds when the string at v sorts after s.
func StringGreaterThan(v Path, s string) Condition { return compare(v, OpStringGreaterThan, s) }

// StringGreaterThanPath holds when the string at v sorts after the one at
// other.
func StringGreaterThanPath(v, other Path) Condition {
	return compare(v, OpStringGreaterThanPath, other)
}

// StringLessThanEquals holds when the string at v sorts before or equals s.
func StringLessThanEquals(v Path, s string) Condition {
	return compare(v, OpStringLessThanEquals, s)
}

// StringLessThanEqualsPath is StringLessThanEquals against another path.
func StringLessThanEqualsPath(v, other Path) Condition {
	return compare(v, OpStringLessThanEqualsPath, other)
}

// StringGreaterThanEquals holds when the string at v sorts after or equals
// s.
func StringGreaterThanEquals(v Path, s string) Condition {
	return compare(v, OpStringGreaterThanEquals, s)
}

// StringGreaterThanEqualsPath is StringGreaterThanEquals against another
// path.
func StringGreaterThanEqualsPath(v, other Path) Condition {
	return compare(v, OpStringGreaterThanEqualsPath, other)
}

// StringMatches holds when the string at v matches pattern, where * matches
// any run of characters (write \\* for a literal star).
func StringMatches(v Path, pattern string) Condition { return compare(v, OpStringMatches, pattern) }

// NumericEquals holds when the number at v equals n.
func NumericEquals(v Path, n float64) Condition { return compare(v, OpNumericEquals, n) }

// NumericEqualsPath holds when the number at v equals the one at other.
func NumericEqualsPath(v, other Path) Condition { return compare(v, OpNumericEqualsPath, other) }

// NumericLessThan holds when the number at v is less than n.
func NumericLessThan(v Path, n float64) Condition { return compare(v, OpNumericLessThan, n) }

// NumericLessThanPath holds when the number at v is less than the one at
// other.
func NumericLessThanPath(v, other Path) Condition {
	return compare(v, OpNumericLessThanPath, other)
}

// NumericGreaterThan holds when the number at v is greater than n.
func NumericGreaterThan(v Path, n float64) Condition { return compare(v, OpNumericGreaterThan, n) }

// NumericGreaterThanPath holds when the number at v is greater than the one
// at other.
func NumericGreaterThanPath(v, other Path) Condition {
	return compare(v, OpNumericGreaterThanPath, other)
}

// NumericLessThanEquals holds when the number at v is at most n.
func NumericLessThanEquals(v Path, n float64) Condition {
	return compare(v, OpNumericLessThanEquals, n)
}

// NumericLessThanEqualsPath holds when the number at v is at most the one at
// other.
func NumericLessThanEqualsPath(v, other Path) Condition {
	return compare(v, OpNumericLessThanEqualsPath, other)
}

// NumericGreaterThanEquals holds when the number at v is at least n.
func NumericGreaterThanEquals(v Path, n float64) Condition {
	return compare(v, OpNumericGreaterThanEquals, n)
}

// NumericGreaterThanEqualsPath holds when the number at v is at least the
// one at other.
func NumericGreaterThanEqualsPath(v, other Path) Condition {
	return compare(v, OpNumericGreaterThanEqualsPath, other)
}

// BooleanEquals holds when the boolean at v equals b.
func BooleanEquals(v Path, b bool) Condition { return compare(v, OpBooleanEquals, b) }

// BooleanEqualsPath holds when the boolean at v equals the one at other.
func BooleanEqualsPath(v, other Path) Condition { return compare(v, OpBooleanEqualsPath, other) }

// TimestampEquals holds when the timestamp at v equals t.
func TimestampEquals(v Path, t time.Time) Condition {
	return compare(v, OpTimestampEquals, timestamp(t))
}

// TimestampEqualsPath holds when the timestamp at v equals the one at other.
func TimestampEqualsPath(v, other Path) Condition {
	return compare(v, OpTimestampEqualsPath, other)
}

// TimestampLessThan holds when the timestamp at v is before t.
func TimestampLessThan(v Path, t time.Time) Condition {
	return compare(v, OpTimestampLessThan, timestamp(t))
}

// TimestampLessThanPath holds when the timestamp at v is before the one at
// other.
func TimestampLessThanPath(v, other Path) Condition {
	return compare(v, OpTimestampLessThanPath, other)
}

// TimestampGreaterThan holds when the timestamp at v is after t.
func TimestampGreaterThan(v Path, t time.Time) Condition {
	return compare(v, OpTimestampGreaterThan, timestamp(t))
}

// TimestampGreaterThanPath holds when the timestamp at v is after the one at
// other.
func TimestampGreaterThanPath(v, other Path) Condition {
	return compare(v, OpTimestampGreaterThanPath, other)
}

// TimestampLessThanEquals holds when the timestamp at v is not after t.
func TimestampLessThanEquals(v Path, t time.Time) Condition {
	return compare(v, OpTimestampLessThanEquals, timestamp(t))
}

// TimestampLessThanEqualsPath holds when the timestamp at v is not after the
// one at other.
func TimestampLessThanEqualsPath(v, other Path) Condition {
	return compare(v, OpTimestampLessThanEqualsPath, other)
}

// TimestampGreaterThanEquals holds when the timestamp at v is not before t.
func TimestampGreaterThanEquals(v Path, t time.Time) Condition {
	return compare(v, OpTimestampGreaterThanEquals, timestamp(t))
}

// TimestampGreaterThanEqualsPath holds when the timestamp at v is not before
// the one at other.
func TimestampGreaterThanEqualsPath(v, other Path) Condition {
	return compare(v, OpTimestampGreaterThanEqualsPath, other)
}

// IsNull holds when the value at v is null (or, with false, is not).
func IsNull(v Path, b bool) Condition { return compare(v, OpIsNull, b) }

// IsPresent holds when v exists in the input (or, with false, does not).
func IsPresent(v Path, b bool) Condition { return compare(v, OpIsPresent, b) }

// IsNumeric holds when the value at v is a number (or, with false, is not).
func IsNumeric(v Path, b bool) Condition { return compare(v, OpIsNumeric, b) }

// IsString holds when the value at v is a string (or, with false, is not).
func IsString(v Path, b bool) Condition { return compare(v, OpIsString, b) }

// IsBoolean holds when the value at v is a boolean (or, with false, is not).
func IsBoolean(v Path, b bool) Condition { return compare(v, OpIsBoolean, b) }

// IsTimestamp holds when the value at v is an RFC 3339 timestamp (or, with
// false, is not).
func IsTimestamp(v Path, b bool) Condition { return compare(v, OpIsTimestamp, b) }
