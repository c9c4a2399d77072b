package awssdk

import (
	"go/ast"
	"reflect"
	"strings"

	"github.com/goasl/goasl/compiler/flow"
)

// middlewarePkg holds the type of the ResultMetadata member of every
// output struct: the SDK's bookkeeping, not part of the API's response.
const middlewarePkg = "github.com/aws/smithy-go/middleware"

// shaper turns SDK structs into JSON types.
type shaper struct {
	docs Docs
	done map[reflect.Type]*flow.Type
	err  error // the first error of docs
	// unions enumerates the members of unions (for Parameters); without
	// it a union is any (results: generated Go code decodes them).
	unions bool
}

func (s *shaper) of(t reflect.Type) *flow.Type {
	if r, ok := s.done[t]; ok {
		return r
	}
	if flow.IsGoTime(t) {
		return &flow.Type{Kind: flow.String, Timestamp: true, Go: t}
	}
	switch t.Kind() {
	case reflect.Bool:
		return &flow.Type{Kind: flow.Bool, Go: flow.GoNamed(t)}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &flow.Type{Kind: flow.Number, Integer: true, Go: flow.GoNamed(t)}
	case reflect.Float32, reflect.Float64:
		return &flow.Type{Kind: flow.Number, Go: flow.GoNamed(t)}
	case reflect.String:
		// Enums are named string types: the API takes their values as
		// strings.
		return &flow.Type{Kind: flow.String, Go: flow.GoNamed(t)}
	case reflect.Pointer:
		// A pointer member may be left out; it is never null in the
		// integration's JSON.
		return s.of(t.Elem())
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return &flow.Type{Kind: flow.String, Go: flow.GoNamed(t)} // a blob, base64
		}
		r := &flow.Type{Kind: flow.Array, Go: flow.GoNamed(t)}
		s.done[t] = r
		r.Elem = s.of(t.Elem())
		return r
	case reflect.Map:
		r := &flow.Type{Kind: flow.Object, Map: true, Go: flow.GoNamed(t)}
		s.done[t] = r
		r.Elem = s.of(t.Elem())
		return r
	case reflect.Struct:
		r := &flow.Type{Kind: flow.Object, Go: flow.GoNamed(t)}
		if !s.unions && holdsInterface(t, map[reflect.Type]bool{}) {
			// Generated Go code reuses a struct named by Go; one that
			// holds an interface (a stream, a document, a union) cannot
			// be decoded from the result's JSON, so it gets its own.
			r.Go = nil
		}
		s.done[t] = r
		r.Fields = s.fields(t)
		return r
	}
	if t.Kind() == reflect.Interface {
		if u := s.union(t); u != nil {
			return u
		}
	}
	// Other interfaces: documents (document.Interface) and streams
	// (io.ReadCloser); unions whose members the source does not tell.
	return flow.AnyType
}

// union returns the type of a union interface of an SDK package: an object
// whose members are the union's, each optional (the value has exactly
// one). Reflection cannot enumerate a union's member types (they
// implement an unexported method), so they come from the source.
func (s *shaper) union(t reflect.Type) *flow.Type {
	ud, ok := s.docs.(UnionDocs)
	if !s.unions || !ok || !strings.HasPrefix(t.PkgPath(), ServicePrefix) || t.Name() == "" {
		return nil
	}
	members, ok, err := ud.Union(t.PkgPath(), t.Name())
	if err != nil || !ok || len(members) == 0 {
		return nil
	}
	// Go names the union in messages; only Parameters, which no Go code
	// is generated for, enumerate unions.
	r := &flow.Type{Kind: flow.Object, Go: t}
	s.done[t] = r
	for _, m := range members {
		r.Fields = append(r.Fields, flow.Field{Name: m.Name, Type: s.expr(ud, t, m.Value), Optional: true})
	}
	return r
}

// expr returns the type of a union member's Value field from its source:
// basic types, blobs, slices, maps, pointers and the union itself are
// known; other named types are any unless declared with a basic type.
func (s *shaper) expr(ud UnionDocs, union reflect.Type, e ast.Expr) *flow.Type {
	switch x := e.(type) {
	case *ast.Ident:
		if x.Name == union.Name() {
			return s.of(union)
		}
		name := x.Name
		if b := ud.Basic(union.PkgPath(), name); b != "" {
			name = b
		}
		switch name {
		case "string":
			return flow.StringType
		case "bool":
			return flow.BoolType
		case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64":
			return flow.IntegerType
		case "float32", "float64":
			return flow.NumberType
		}
	case *ast.StarExpr:
		return s.expr(ud, union, x.X)
	case *ast.ArrayType:
		if id, ok := x.Elt.(*ast.Ident); ok && id.Name == "byte" && x.Len == nil {
			return flow.StringType
		}
		return flow.ArrayOf(s.expr(ud, union, x.Elt))
	case *ast.MapType:
		return flow.MapOf(s.expr(ud, union, x.Value))
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && id.Name == "time" && x.Sel.Name == "Time" {
			return flow.TimestampType
		}
	}
	return flow.AnyType
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

// holdsInterface reports whether values of t may hold an interface value
// that encoding/json cannot decode into (other than through time.Time).
func holdsInterface(t reflect.Type, seen map[reflect.Type]bool) bool {
	if flow.IsGoTime(t) || seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return holdsInterface(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.IsExported() && !f.Anonymous && !(f.Name == "ResultMetadata" && f.Type.PkgPath() == middlewarePkg) && holdsInterface(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
