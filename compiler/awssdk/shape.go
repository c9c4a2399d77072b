package awssdk

import (
	"reflect"
	"time"

	"github.com/goasl/goasl/compiler/flow"
)

var timeType = reflect.TypeFor[time.Time]()

// middlewarePkg holds the type of the ResultMetadata member of every
// output struct: the SDK's bookkeeping, not part of the API's response.
const middlewarePkg = "github.com/aws/smithy-go/middleware"

// shaper turns SDK structs into JSON types.
type shaper struct {
	docs Docs
	done map[reflect.Type]*flow.Type
	err  error // the first error of docs
}

func (s *shaper) of(t reflect.Type) *flow.Type {
	if r, ok := s.done[t]; ok {
		return r
	}
	if t == timeType {
		return &flow.Type{Kind: flow.String, Timestamp: true, Go: t}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &flow.Type{Kind: flow.Bool, Go: named(t)}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &flow.Type{Kind: flow.Number, Integer: true, Go: named(t)}
	case reflect.Float32, reflect.Float64:
		return &flow.Type{Kind: flow.Number, Go: named(t)}
	case reflect.String:
		// Enums are named string types: the API takes their values as
		// strings.
		return &flow.Type{Kind: flow.String, Go: named(t)}
	case reflect.Pointer:
		// A pointer member may be left out; it is never null in the
		// integration's JSON.
		return s.of(t.Elem())
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return &flow.Type{Kind: flow.String, Go: named(t)} // a blob, base64
		}
		r := &flow.Type{Kind: flow.Array, Go: named(t)}
		s.done[t] = r
		r.Elem = s.of(t.Elem())
		return r
	case reflect.Map:
		r := &flow.Type{Kind: flow.Object, Map: true, Go: named(t)}
		s.done[t] = r
		r.Elem = s.of(t.Elem())
		return r
	case reflect.Struct:
		r := &flow.Type{Kind: flow.Object, Go: named(t)}
		s.done[t] = r
		r.Fields = s.fields(t)
		return r
	}
	// Interfaces: documents (document.Interface), unions (DynamoDB's
	// AttributeValue, ...) and streams (io.ReadCloser). A union's members
	// implement an unexported method, which reflection cannot enumerate.
	return flow.AnyType
}

func named(t reflect.Type) reflect.Type {
	if t.Name() == "" || t.PkgPath() == "" {
		return nil
	}
	return t
}

// fields lists the members of an SDK struct.
func (s *shaper) fields(t reflect.Type) []flow.Field {
	required := map[string]bool{}
	if s.docs != nil && t.PkgPath() != "" {
		names, err := s.docs.Required(t.PkgPath(), t.Name())
		if err != nil && s.err == nil {
			s.err = err
		}
		for _, n := range names {
			required[n] = true
		}
	}
	var out []flow.Field
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous {
			continue // noSmithyDocumentSerde and other internals
		}
		if f.Name == "ResultMetadata" && f.Type.PkgPath() == middlewarePkg {
			continue
		}
		out = append(out, flow.Field{Name: MemberName(f.Name), Type: s.of(f.Type), Optional: !required[f.Name]})
	}
	return out
}

// MemberName returns the name the integration gives the member of Go field
// name: the same, except that Step Functions calls a member named Equals
// EqualsValue.
func MemberName(field string) string {
	if field == "Equals" {
		return "EqualsValue"
	}
	return field
}
