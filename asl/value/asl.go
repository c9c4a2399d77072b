package value

import "github.com/goasl/goasl/asl"

// FromASL returns the run-time value of a definition's literal JSON, keeping
// member order and number text. An absent asl.Value gives undefined.
func FromASL(v asl.Value) Value {
	switch v.Kind {
	case asl.Null:
		return NullValue
	case asl.Bool:
		return FromBool(v.Bool)
	case asl.Number:
		if n, ok := FromNumberText(v.Num); ok {
			return n
		}
		return Value{}
	case asl.String:
		return FromString(v.Str)
	case asl.Array:
		items := make([]Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = FromASL(it)
		}
		return FromArray(items)
	case asl.Object:
		var b ObjectBuilder
		b.Grow(len(v.Members))
		for _, m := range v.Members {
			b.Set(m.Key, FromASL(m.Value))
		}
		return b.Value()
	}
	return Value{}
}

// ToASL returns v as a definition's literal JSON (for TestState and for
// writing values back into a document). Undefined gives an absent asl.Value.
func ToASL(v Value) asl.Value {
	switch v.Kind() {
	case Null:
		return asl.NullValue()
	case Bool:
		return asl.BoolValue(v.Bool())
	case Number:
		return asl.NumberValue(v.NumberText())
	case String:
		return asl.StringValue(v.str)
	case Array:
		items := make([]asl.Value, 0, len(v.arr().items))
		for _, it := range v.arr().items {
			if it.Kind() == Undefined {
				items = append(items, asl.NullValue())
				continue
			}
			items = append(items, ToASL(it))
		}
		return asl.ArrayValue(items...)
	case Object:
		members := make([]asl.Member, 0, len(v.obj().keys))
		for i, k := range v.obj().keys {
			if v.obj().vals[i].Kind() == Undefined {
				continue
			}
			members = append(members, asl.Member{Key: k, Value: ToASL(v.obj().vals[i])})
		}
		return asl.ObjectValue(members...)
	}
	return asl.Value{}
}
