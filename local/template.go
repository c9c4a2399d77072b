package local

import (
	"encoding/base64"
	"fmt"
	"math"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/intrinsic"
	"github.com/goasl/goasl/asl/jsonpath"
	"github.com/goasl/goasl/asl/value"
)

// tmpl is a compiled payload template (Parameters, ResultSelector,
// ItemSelector, Assign, ...): the parts without ".$" fields are built once.
type tmpl struct {
	static bool
	konst  value.Value

	keys  []string // object: member names, ".$" removed
	vals  []*tmpl
	items []*tmpl // array

	field string // a ".$" member: its name as written
	path  *path
	call  *icall
}

// icall is a compiled intrinsic function call.
type icall struct {
	name string
	text string
	args []iarg
}

type iarg struct {
	lit  value.Value
	raw  string // string literal as written (States.Format escapes)
	path *path
	call *icall
}

func compileTemplate(v asl.Value) (*tmpl, error) {
	switch v.Kind {
	case asl.Object:
		t := &tmpl{}
		static := true
		for _, m := range v.Members {
			if strings.HasSuffix(m.Key, ".$") && m.Value.Kind == asl.String {
				d, err := compileDynamic(m.Key, m.Value.Str)
				if err != nil {
					return nil, err
				}
				t.keys = append(t.keys, strings.TrimSuffix(m.Key, ".$"))
				t.vals = append(t.vals, d)
				static = false
				continue
			}
			c, err := compileTemplate(m.Value)
			if err != nil {
				return nil, err
			}
			static = static && c.static
			t.keys = append(t.keys, m.Key)
			t.vals = append(t.vals, c)
		}
		if static {
			return &tmpl{static: true, konst: value.FromASL(v)}, nil
		}
		return t, nil
	case asl.Array:
		t := &tmpl{}
		static := true
		for _, it := range v.Items {
			c, err := compileTemplate(it)
			if err != nil {
				return nil, err
			}
			static = static && c.static
			t.items = append(t.items, c)
		}
		if static {
			return &tmpl{static: true, konst: value.FromASL(v)}, nil
		}
		if t.items == nil {
			t.items = []*tmpl{}
		}
		return t, nil
	}
	return &tmpl{static: true, konst: value.FromASL(v)}, nil
}

// compileDynamic compiles the value of a "name.$" member: a path or an
// intrinsic function call.
func compileDynamic(field, text string) (*tmpl, error) {
	if intrinsic.Looks(text) {
		c, err := intrinsic.Parse(text)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", field, err)
		}
		ic, err := compileCall(c, text)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", field, err)
		}
		return &tmpl{field: field, call: ic}, nil
	}
	p, err := compilePath(text)
	if err != nil {
		return nil, fmt.Errorf("field %q: path %q: %w", field, text, err)
	}
	return &tmpl{field: field, path: p}, nil
}

func compileCall(c *intrinsic.Call, text string) (*icall, error) {
	if _, ok := intrinsic.Lookup(c.Name); !ok {
		return nil, fmt.Errorf("unknown intrinsic function %s", c.Name)
	}
	ic := &icall{name: c.Name, text: text}
	for _, a := range c.Args {
		var ia iarg
		switch a.Kind {
		case intrinsic.ArgString:
			ia.lit = value.FromString(a.Str)
			ia.raw = a.Raw
			if ia.raw == "" && a.Str != "" {
				ia.raw = strings.NewReplacer(`\`, `\\`, `{`, `\{`, `}`, `\}`).Replace(a.Str)
			}
		case intrinsic.ArgNumber:
			n, ok := value.FromNumberText(a.Num)
			if !ok {
				return nil, fmt.Errorf("bad number %q", a.Num)
			}
			ia.lit = n
		case intrinsic.ArgBool:
			ia.lit = value.FromBool(a.Bool)
		case intrinsic.ArgNull:
			ia.lit = value.NullValue
		case intrinsic.ArgPath:
			p, err := compilePath(a.PathText)
			if err != nil {
				return nil, err
			}
			ia.path = p
		case intrinsic.ArgCall:
			sub, err := compileCall(a.Call, text)
			if err != nil {
				return nil, err
			}
			ia.call = sub
		}
		ic.args = append(ic.args, ia)
	}
	return ic, nil
}

// eval builds the template's value for the roots. A failure is a
// States.Runtime (path not found) or States.IntrinsicFailure error.
func (t *tmpl) eval(x *exec, r *roots) (value.Value, *Failure) {
	if t.static {
		return t.konst, nil
	}
	if t.path != nil {
		v, ok, _ := t.path.eval(r)
		if !ok {
			in := r.input
			if t.path.p.Root == jsonpath.RootContext {
				in = r.contextValue()
			}
			return value.Value{}, x.runtime(fmt.Sprintf("The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", t.path.text, t.field, in.JSON()))
		}
		return v, nil
	}
	if t.call != nil {
		return t.call.eval(x, r)
	}
	if t.items != nil {
		items := make([]value.Value, len(t.items))
		for i, it := range t.items {
			v, f := it.eval(x, r)
			if f != nil {
				return value.Value{}, f
			}
			items[i] = v
		}
		return value.FromArray(items), nil
	}
	var b value.ObjectBuilder
	b.Grow(len(t.keys))
	for i, k := range t.keys {
		v, f := t.vals[i].eval(x, r)
		if f != nil {
			return value.Value{}, f
		}
		b.Set(k, v)
	}
	return b.Value(), nil
}

func intrinsicFailure(x *exec, format string, args ...any) *Failure {
	return x.stateFailure(ErrIntrinsicFailure, fmt.Sprintf(format, args...))
}

func (c *icall) eval(x *exec, r *roots) (value.Value, *Failure) {
	args := make([]value.Value, len(c.args))
	for i, a := range c.args {
		switch {
		case a.path != nil:
			v, ok, _ := a.path.eval(r)
			if !ok {
				return value.Value{}, x.runtime(fmt.Sprintf("The JSONPath '%s' specified for the field '%s' could not be found in the input '%s'", a.path.text, c.text, r.input.JSON()))
			}
			args[i] = v
		case a.call != nil:
			v, f := a.call.eval(x, r)
			if f != nil {
				return value.Value{}, f
			}
			args[i] = v
		default:
			args[i] = a.lit
		}
	}
	bad := func(what string) (value.Value, *Failure) {
		return value.Value{}, intrinsicFailure(x, "Invalid arguments in %s: %s", c.name, what)
	}
	intArg := func(v value.Value) (int64, bool) {
		if v.Kind() != value.Number {
			return 0, false
		}
		return int64(math.Floor(v.Float() + 0.5)), true // Java's Math.round
	}
	switch c.name {
	case "States.Format":
		if len(args) == 0 || args[0].Kind() != value.String {
			return bad("the template must be a string")
		}
		raw := c.args[0].raw
		if c.args[0].path != nil || c.args[0].call != nil {
			raw = args[0].Str()
		}
		var b strings.Builder
		n := 1
		for i := 0; i < len(raw); i++ {
			ch := raw[i]
			if ch == '\\' && i+1 < len(raw) && c.args[0].path == nil && c.args[0].call == nil {
				i++
				b.WriteByte(raw[i])
				continue
			}
			if ch == '{' && i+1 < len(raw) && raw[i+1] == '}' {
				if n >= len(args) {
					return bad("the number of arguments does not match the number of placeholders")
				}
				a := args[n]
				n++
				b.WriteString(javaString(a))
				i++
				continue
			}
			b.WriteByte(ch)
		}
		if n != len(args) {
			return bad("the number of arguments does not match the number of placeholders")
		}
		return value.FromString(b.String()), nil
	case "States.StringToJson":
		if len(args) != 1 || args[0].Kind() != value.String {
			return bad("the argument must be a string")
		}
		if strings.TrimSpace(args[0].Str()) == "" {
			return value.NullValue, nil
		}
		v, err := value.ParseString(args[0].Str())
		if err != nil {
			return bad(err.Error())
		}
		return v, nil
	case "States.JsonToString":
		if len(args) != 1 {
			return bad("one argument expected")
		}
		return value.FromString(args[0].JSON()), nil
	case "States.Array":
		return value.FromArray(args), nil
	case "States.ArrayPartition":
		n, ok := intArg(args[1])
		if args[0].Kind() != value.Array || !ok || n <= 0 {
			return bad("expected an array and a positive chunk size")
		}
		items := args[0].Items()
		out := []value.Value{}
		for i := 0; i < len(items); i += int(n) {
			out = append(out, value.FromArray(items[i:min(len(items), i+int(n))]))
		}
		return value.FromArray(out), nil
	case "States.ArrayContains":
		if args[0].Kind() != value.Array {
			return bad("the first argument must be an array")
		}
		for _, it := range args[0].Items() {
			if value.Equal(it, args[1]) {
				return value.True, nil
			}
		}
		return value.False, nil
	case "States.ArrayRange":
		s, ok1 := intArg(args[0])
		e, ok2 := intArg(args[1])
		st, ok3 := intArg(args[2])
		if !ok1 || !ok2 || !ok3 || st == 0 {
			return bad("start, end and a non-zero step must be numbers")
		}
		out := []value.Value{}
		for i := s; (st > 0 && i <= e) || (st < 0 && i >= e); i += st {
			if len(out) >= intrinsic.MaxRangeItems {
				return bad("the range has more than 1000 items")
			}
			out = append(out, value.FromInt(i))
		}
		return value.FromArray(out), nil
	case "States.ArrayGetItem":
		i, ok := intArg(args[1])
		if args[0].Kind() != value.Array || !ok {
			return bad("expected an array and an index")
		}
		if i < 0 || int(i) >= args[0].Len() {
			return bad("the index is out of range")
		}
		return args[0].Index(int(i)), nil
	case "States.ArrayLength":
		if args[0].Kind() != value.Array {
			return bad("the argument must be an array")
		}
		return value.FromInt(int64(args[0].Len())), nil
	case "States.ArrayUnique":
		if args[0].Kind() != value.Array {
			return bad("the argument must be an array")
		}
		out := []value.Value{}
	outer:
		for _, it := range args[0].Items() {
			for _, o := range out {
				if value.Equal(o, it) {
					continue outer
				}
			}
			out = append(out, it)
		}
		return value.FromArray(out), nil
	case "States.Base64Encode":
		if args[0].Kind() != value.String {
			return bad("the argument must be a string")
		}
		return value.FromString(base64.StdEncoding.EncodeToString([]byte(args[0].Str()))), nil
	case "States.Base64Decode":
		if args[0].Kind() != value.String {
			return bad("the argument must be a string")
		}
		d, err := base64.StdEncoding.DecodeString(args[0].Str())
		if err != nil {
			return bad("the argument is not base64")
		}
		return value.FromString(string(d)), nil
	case "States.Hash":
		if args[1].Kind() != value.String {
			return bad("the algorithm must be a string")
		}
		data := args[0].Str()
		if args[0].Kind() != value.String {
			data = args[0].JSON()
		}
		digest, ok := intrinsic.Hash(data, args[1].Str())
		if !ok {
			return bad("unsupported algorithm " + args[1].Str())
		}
		return value.FromString(digest), nil
	case "States.JsonMerge":
		if args[0].Kind() != value.Object || args[1].Kind() != value.Object {
			return bad("the first two arguments must be objects")
		}
		if args[2].Kind() != value.Bool || args[2].Bool() {
			return bad("deep merge is not supported")
		}
		out := args[0]
		for i, k := range args[1].Keys() {
			out = out.With(k, args[1].Values()[i])
		}
		return out, nil
	case "States.MathRandom":
		s, ok1 := intArg(args[0])
		e, ok2 := intArg(args[1])
		if !ok1 || !ok2 || e < s {
			return bad("start and end must be numbers, start not above end")
		}
		if e == s {
			return value.FromInt(s), nil
		}
		return value.FromInt(s + x.rand.Int64N(e-s)), nil
	case "States.MathAdd":
		a, ok1 := intArg(args[0])
		b, ok2 := intArg(args[1])
		if !ok1 || !ok2 {
			return bad("both arguments must be numbers")
		}
		return value.FromInt(a + b), nil
	case "States.StringSplit":
		if args[0].Kind() != value.String || args[1].Kind() != value.String {
			return bad("both arguments must be strings")
		}
		delims := args[1].Str()
		parts := strings.FieldsFunc(args[0].Str(), func(r rune) bool { return strings.ContainsRune(delims, r) })
		out := make([]value.Value, len(parts))
		for i, p := range parts {
			out[i] = value.FromString(p)
		}
		return value.FromArray(out), nil
	case "States.UUID":
		return value.FromString(x.uuid()), nil
	}
	return bad("unknown function")
}

// javaString renders a value as Step Functions' States.Format does (Java's
// toString of the parsed JSON): strings bare, objects {k=v, ...}, arrays
// [a, b].
func javaString(v value.Value) string {
	var b strings.Builder
	var walk func(v value.Value)
	walk = func(v value.Value) {
		switch v.Kind() {
		case value.String:
			b.WriteString(v.Str())
		case value.Object:
			b.WriteByte('{')
			for i, k := range v.Keys() {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(k)
				b.WriteByte('=')
				walk(v.Values()[i])
			}
			b.WriteByte('}')
		case value.Array:
			b.WriteByte('[')
			for i, it := range v.Items() {
				if i > 0 {
					b.WriteString(", ")
				}
				walk(it)
			}
			b.WriteByte(']')
		default:
			b.WriteString(v.JSON())
		}
	}
	walk(v)
	return b.String()
}
