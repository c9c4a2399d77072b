package value

import (
	"reflect"
	"strings"
)

// jsonField is an exported struct field as encoding/json reads and writes
// it: its JSON name (the tag's, else the field's) and tag options.
type jsonField struct {
	index     int
	name      string
	omitEmpty bool
	omitZero  bool
	asString  bool // ",string": the value is written inside a JSON string
}

// plainFields returns the fields of struct type t that encoding/json sees,
// in order, for the direct paths of Decode and FromGo; false when t has an
// embedded field or a JSON name that is not plain (see plainName), which
// those paths leave to encoding/json.
func plainFields(t reflect.Type) ([]jsonField, bool) {
	var fs []jsonField
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		jf := jsonField{index: i, name: f.Name}
		if tag, ok := f.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue
			}
			n, opts, _ := strings.Cut(tag, ",")
			for _, o := range strings.Split(opts, ",") {
				switch o {
				case "string":
					jf.asString = true
				case "omitempty":
					jf.omitEmpty = true
				case "omitzero":
					jf.omitZero = true
				}
			}
			if n != "" {
				jf.name = n
			}
		}
		if !plainName(jf.name) {
			return nil, false
		}
		fs = append(fs, jf)
	}
	return fs, true
}

// plainName reports whether a JSON field name is ASCII letters, digits and
// underscores (a name encoding/json takes from a tag as it is).
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
