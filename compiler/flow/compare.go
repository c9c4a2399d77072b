package flow

// A Mismatch is one reason values of one type may not fit where another is
// expected, as Compare finds it.
type Mismatch struct {
	// Path is the field path of the value that does not fit ("Key",
	// "Filters[].Name", "Tags[*]"), below the where given to Compare; ""
	// is the whole value.
	Path string
	// Want and Got are the types expected and given at Path.
	Want, Got *Type
	// Fraction says that both are numbers and Want an integer, but Got a
	// number that may have a fraction.
	Fraction bool
	// Missing, when not nil, is a required field of Want (an object) that
	// Got (a closed object) does not have.
	Missing *Field
}

// Rules are the exceptions a caller of Compare makes to its rules.
type Rules struct {
	// Converts, when not nil, reports whether values of got are accepted
	// for want although their kinds differ (the receiver converts them).
	Converts func(want, got *Type) bool
	// Present compares only the fields got has: required fields that it
	// lacks are not mismatches (the caller checks them otherwise).
	Present bool
}

// Compare lists where values of type got may not fit type want, depth
// first, fields in want's order: values of another kind, numbers with a
// fraction for integers, and (unless rules.Present) required fields
// missing from a closed object. Nothing is listed where either type is
// unknown (Any), where got is null, or more than 16 levels down. where is
// the field path of the whole value ("" when it is a value of its own).
func Compare(want, got *Type, where string, rules Rules) []Mismatch {
	var out []Mismatch
	rules.compare(want, got, where, 0, &out)
	return out
}

func (r Rules) compare(want, got *Type, where string, depth int, out *[]Mismatch) {
	if want.IsAny() || got.IsAny() || got.Kind == Null || depth > 16 {
		return
	}
	if want.Kind != got.Kind {
		if r.Converts == nil || !r.Converts(want, got) {
			*out = append(*out, Mismatch{Path: where, Want: want, Got: got})
		}
		return
	}
	switch want.Kind {
	case Number:
		if want.Integer && !got.Integer {
			*out = append(*out, Mismatch{Path: where, Want: want, Got: got, Fraction: true})
		}
	case Array:
		r.compare(want.ItemType(), got.ItemType(), where+"[]", depth+1, out)
	case Object:
		if want.Map {
			if got.Map {
				r.compare(want.Elem, got.Elem, where+"[*]", depth+1, out)
				return
			}
			for _, f := range got.Fields {
				r.compare(want.Elem, f.Type, fieldPath(where, f.Name), depth+1, out)
			}
			return
		}
		if got.Map {
			return
		}
		for _, wf := range want.Fields {
			gf, ok := got.Field(wf.Name)
			if !ok {
				if !wf.Optional && !got.Open && !r.Present {
					missing := wf
					*out = append(*out, Mismatch{Path: where, Want: want, Got: got, Missing: &missing})
				}
				continue
			}
			r.compare(wf.Type, gf.Type, fieldPath(where, wf.Name), depth+1, out)
		}
	}
}

// fieldPath is the path of the field name of the value at where.
func fieldPath(where, name string) string {
	if where == "" {
		return name
	}
	return where + "." + name
}
