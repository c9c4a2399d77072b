package asl

// Operator is a Choice data-test comparison operator.
type Operator string

// The 39 comparison operators of JSONPath Choice rules.
const (
	StringEquals                   Operator = "StringEquals"
	StringEqualsPath               Operator = "StringEqualsPath"
	StringLessThan                 Operator = "StringLessThan"
	StringLessThanPath             Operator = "StringLessThanPath"
	StringGreaterThan              Operator = "StringGreaterThan"
	StringGreaterThanPath          Operator = "StringGreaterThanPath"
	StringLessThanEquals           Operator = "StringLessThanEquals"
	StringLessThanEqualsPath       Operator = "StringLessThanEqualsPath"
	StringGreaterThanEquals        Operator = "StringGreaterThanEquals"
	StringGreaterThanEqualsPath    Operator = "StringGreaterThanEqualsPath"
	StringMatches                  Operator = "StringMatches"
	NumericEquals                  Operator = "NumericEquals"
	NumericEqualsPath              Operator = "NumericEqualsPath"
	NumericLessThan                Operator = "NumericLessThan"
	NumericLessThanPath            Operator = "NumericLessThanPath"
	NumericGreaterThan             Operator = "NumericGreaterThan"
	NumericGreaterThanPath         Operator = "NumericGreaterThanPath"
	NumericLessThanEquals          Operator = "NumericLessThanEquals"
	NumericLessThanEqualsPath      Operator = "NumericLessThanEqualsPath"
	NumericGreaterThanEquals       Operator = "NumericGreaterThanEquals"
	NumericGreaterThanEqualsPath   Operator = "NumericGreaterThanEqualsPath"
	BooleanEquals                  Operator = "BooleanEquals"
	BooleanEqualsPath              Operator = "BooleanEqualsPath"
	TimestampEquals                Operator = "TimestampEquals"
	TimestampEqualsPath            Operator = "TimestampEqualsPath"
	TimestampLessThan              Operator = "TimestampLessThan"
	TimestampLessThanPath          Operator = "TimestampLessThanPath"
	TimestampGreaterThan           Operator = "TimestampGreaterThan"
	TimestampGreaterThanPath       Operator = "TimestampGreaterThanPath"
	TimestampLessThanEquals        Operator = "TimestampLessThanEquals"
	TimestampLessThanEqualsPath    Operator = "TimestampLessThanEqualsPath"
	TimestampGreaterThanEquals     Operator = "TimestampGreaterThanEquals"
	TimestampGreaterThanEqualsPath Operator = "TimestampGreaterThanEqualsPath"
	IsNull                         Operator = "IsNull"
	IsPresent                      Operator = "IsPresent"
	IsNumeric                      Operator = "IsNumeric"
	IsString                       Operator = "IsString"
	IsBoolean                      Operator = "IsBoolean"
	IsTimestamp                    Operator = "IsTimestamp"
)

// Operand says what an operator compares its Variable with.
type Operand uint8

// Operand kinds.
const (
	OperandString    Operand = iota + 1 // a string literal
	OperandNumber                       // a number literal
	OperandBoolean                      // a boolean literal
	OperandTimestamp                    // an RFC 3339 timestamp string literal
	OperandPath                         // a path to another value
	OperandTypeTest                     // true or false, for the Is* tests
)

// OperatorInfo describes one comparison operator.
type OperatorInfo struct {
	Operator Operator
	Operand  Operand
	// Family is the type the operator compares: "String", "Numeric",
	// "Boolean", "Timestamp", or "" for the type tests.
	Family string
}

// Operators lists every comparison operator in a fixed order.
var Operators = func() []OperatorInfo {
	var ops []OperatorInfo
	for _, fam := range []struct {
		family  string
		operand Operand
		names   []Operator
	}{
		{"String", OperandString, []Operator{StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals, StringGreaterThanEquals}},
		{"Numeric", OperandNumber, []Operator{NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals, NumericGreaterThanEquals}},
		{"Boolean", OperandBoolean, []Operator{BooleanEquals}},
		{"Timestamp", OperandTimestamp, []Operator{TimestampEquals, TimestampLessThan, TimestampGreaterThan, TimestampLessThanEquals, TimestampGreaterThanEquals}},
	} {
		for _, n := range fam.names {
			ops = append(ops, OperatorInfo{n, fam.operand, fam.family}, OperatorInfo{n + "Path", OperandPath, fam.family})
		}
	}
	ops = append(ops, OperatorInfo{StringMatches, OperandString, "String"})
	for _, n := range []Operator{IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp} {
		ops = append(ops, OperatorInfo{n, OperandTypeTest, ""})
	}
	return ops
}()

var operatorIndex = func() map[Operator]OperatorInfo {
	m := make(map[Operator]OperatorInfo, len(Operators))
	for _, o := range Operators {
		m[o.Operator] = o
	}
	return m
}()

// LookupOperator returns the description of a comparison operator.
func LookupOperator(op Operator) (OperatorInfo, bool) {
	o, ok := operatorIndex[op]
	return o, ok
}
