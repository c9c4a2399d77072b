package asl

import (
	"strconv"
)

// Kind is the JSON kind of a Value.
type Kind uint8

// The JSON kinds. The zero Kind, Absent, marks a field that is not set.
const (
	Absent Kind = iota
	Null
	Bool
	Number
	String
	Array
	Object
)

var kindNames = [...]string{"absent", "null", "boolean", "number", "string", "array", "object"}

// String names the kind as JSON does ("object", "number", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is a JSON value that keeps the order of object members and the text
// of numbers, so a document reads and writes back without change. The zero
// Value is Absent: the field it stands for is not set.
type Value struct {
	Kind    Kind
	Bool    bool     // for Bool
	Num     string   // for Number: the literal text, e.g. "2", "2.0", "1e3"
	Str     string   // for String
	Items   []Value  // for Array
	Members []Member // for Object, in document order
}

// Member is one name/value pair of a JSON object.
type Member struct {
	Key   string
	Value Value
}

// IsSet reports whether the value is present (null counts as present).
func (v Value) IsSet() bool { return v.Kind != Absent }

// NullValue returns the JSON null.
func NullValue() Value { return Value{Kind: Null} }

// BoolValue returns a JSON boolean.
func BoolValue(b bool) Value { return Value{Kind: Bool, Bool: b} }

// StringValue returns a JSON string.
func StringValue(s string) Value { return Value{Kind: String, Str: s} }

// IntValue returns a JSON number holding an integer.
func IntValue(n int64) Value { return Value{Kind: Number, Num: strconv.FormatInt(n, 10)} }

// FloatValue returns a JSON number; integral values are written without a
// fraction or exponent.
func FloatValue(f float64) Value {
	return Value{Kind: Number, Num: strconv.FormatFloat(f, 'f', -1, 64)}
}

// NumberValue returns a JSON number from its literal text. The text is not
// checked here; Marshal writes it as given.
func NumberValue(text string) Value { return Value{Kind: Number, Num: text} }

// ArrayValue returns a JSON array. A nil items slice still makes an (empty)
// array.
func ArrayValue(items ...Value) Value {
	if items == nil {
		items = []Value{}
	}
	return Value{Kind: Array, Items: items}
}

// ObjectValue returns a JSON object with the members in the given order.
func ObjectValue(members ...Member) Value {
	if members == nil {
		members = []Member{}
	}
	return Value{Kind: Object, Members: members}
}

// Get returns the member named key of an object and whether it exists.
func (v Value) Get(key string) (Value, bool) {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Value, true
		}
	}
	return Value{}, false
}

// Float returns the value of a Number as a float64.
func (v Value) Float() (float64, bool) {
	if v.Kind != Number {
		return 0, false
	}
	f, err := strconv.ParseFloat(v.Num, 64)
	return f, err == nil
}

// Int returns the value of a Number that is a whole number in int64 range.
// "2.0" and "1e3" count as whole numbers.
func (v Value) Int() (int64, bool) {
	if v.Kind != Number {
		return 0, false
	}
	if n, err := strconv.ParseInt(v.Num, 10, 64); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(v.Num, 64)
	if err != nil || f != float64(int64(f)) || f > 9.2e18 || f < -9.2e18 {
		return 0, false
	}
	return int64(f), true
}

// Equal reports whether two values are the same JSON: numbers compare by
// value, objects by their members regardless of order.
func Equal(a, b Value) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Absent, Null:
		return true
	case Bool:
		return a.Bool == b.Bool
	case String:
		return a.Str == b.Str
	case Number:
		if a.Num == b.Num {
			return true
		}
		fa, oka := a.Float()
		fb, okb := b.Float()
		return oka && okb && fa == fb
	case Array:
		if len(a.Items) != len(b.Items) {
			return false
		}
		for i := range a.Items {
			if !Equal(a.Items[i], b.Items[i]) {
				return false
			}
		}
		return true
	case Object:
		if len(a.Members) != len(b.Members) {
			return false
		}
		for _, m := range a.Members {
			o, ok := b.Get(m.Key)
			if !ok || !Equal(m.Value, o) {
				return false
			}
		}
		return true
	}
	return false
}
