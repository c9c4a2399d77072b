package compiler

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/internal/ir"
	"github.com/goasl/goasl/internal/suggest"
)

// Options change how CheckWith works; the zero value is what Check does.
type Options struct {
	// SDKDocs tells the required members (and the members of unions) of
	// typed AWS SDK calls (dsl.AWSSDK). With nil, the compiler stays a
	// pure function and warns that it does not check required members;
	// the goasl driver passes an awssdk.SourceDocs, which reads them from
	// the SDK's source in the user's module (go list and go/parser).
	SDKDocs awssdk.Docs
}

// sdkCall is a typed AWS SDK call: its operation and the pointer of its
// state.
type sdkCall struct {
	op  *awssdk.Operation
	ptr string
	st  *asl.State
}

// sdkResource lowers the resource of a typed AWS SDK call: the operation
// its Go types name gives the ARN.
func (c *compiler) sdkResource(r *ir.Resource, out *asl.State, ptr string) {
	op, err := awssdk.Lookup(r.In, r.Out, c.opts.SDKDocs)
	if err != nil {
		out.Resource = "arn:aws:states:::aws-sdk:invalid:invalid"
		c.errorf(ptr+"/Resource", r.Pos, "%v", err)
		return
	}
	out.Resource = op.Resource() + r.Pattern
	if op.DocsErr != nil {
		fix := fmt.Sprintf("goasl generate reads them from the SDK's source: run it in a module whose go.mod requires %s", op.Package)
		if c.opts.SDKDocs == nil {
			fix = "goasl generate reads them from the SDK's source; from Go, pass compiler.Options{SDKDocs: &awssdk.SourceDocs{}} to compiler.CheckWith"
		}
		c.add(asl.SeverityWarning, asl.CodeSchema, ptr+"/Resource", r.Pos, fmt.Sprintf(
			"the required members of %s are not checked: %v (%s)", op.GoName(), op.DocsErr, fix))
	}
	c.sdkCalls = append(c.sdkCalls, sdkCall{op: op, ptr: ptr, st: out})
}

// sdkAnnotate declares the result type of every typed SDK call for the
// data-flow analysis.
func (c *compiler) sdkAnnotate(a *flow.Annotations) {
	for _, call := range c.sdkCalls {
		if strings.HasSuffix(call.st.Resource, ".waitForTaskToken") {
			continue // the result is whatever SendTaskSuccess sends
		}
		sa := a.States[call.ptr]
		sa.Result = call.op.Output
		a.States[call.ptr] = sa
	}
}

// sdkCheckNames reports the members of typed SDK calls' Parameters (or
// Arguments) that the SDK's input struct does not have, and the required
// members that are missing, at every level a literal object gives.
func (c *compiler) sdkCheckNames() {
	for _, call := range c.sdkCalls {
		field, args := callArgs(call.st)
		p := call.ptr + "/" + field
		if !args.IsSet() {
			args, p = asl.ObjectValue(), call.ptr+"/Resource"
		}
		c.sdkMembers(call.op, args, call.op.Input, p, field)
	}
}

// callArgs returns the field a state gives its call's input in
// (Arguments in JSONata, Parameters otherwise) and its value.
func callArgs(st *asl.State) (string, asl.Value) {
	if st.Arguments.IsSet() {
		return "Arguments", st.Arguments
	}
	return "Parameters", st.Parameters
}

// sdkMembers checks the literal value v against the type want.
func (c *compiler) sdkMembers(op *awssdk.Operation, v asl.Value, want *flow.Type, ptr, where string) {
	if want.IsAny() || v.Kind == asl.String && asl.IsJSONata(v.Str) {
		return
	}
	switch {
	case want.Kind == flow.Object && want.Map && v.Kind == asl.Object:
		for _, m := range v.Members {
			if !strings.HasSuffix(m.Key, ".$") {
				c.sdkMembers(op, m.Value, want.Elem, ptrJoin(ptr, m.Key), where+"."+m.Key)
			}
		}
	case want.Kind == flow.Object && v.Kind == asl.Object:
		owner := structName(want, op)
		var names []string
		for _, f := range want.Fields {
			names = append(names, f.Name)
		}
		have := map[string]bool{}
		meant := map[string]bool{} // required members a typo stands for
		for _, m := range v.Members {
			name, dynamic := strings.CutSuffix(m.Key, ".$")
			have[name] = true
			f, ok := want.Field(name)
			if !ok {
				hint := ""
				if s := suggest.Closest(name, names); s != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", s)
					meant[s] = true
				}
				fix := "the members of an AWS SDK call are the exported fields of its Go input struct; rename or remove it"
				if want.Go != nil && want.Go.Kind() == reflect.Interface {
					fix = fmt.Sprintf("a %s is an object with one of the members %s", owner, strings.Join(names, ", "))
				}
				c.errorf(ptrJoin(ptr, m.Key), 0, "%s has no member %q%s: %s", owner, name, hint, fix)
				continue
			}
			if !dynamic {
				c.sdkMembers(op, m.Value, f.Type, ptrJoin(ptr, m.Key), where+"."+name)
			}
		}
		for _, f := range want.Fields {
			if !f.Optional && !have[f.Name] && !meant[f.Name] {
				c.errorf(ptr, 0, "%s needs member %q (%s), which the SDK marks required: add it to the %s", owner, f.Name, describe(f.Type), where)
			}
		}
	case want.Kind == flow.Array && v.Kind == asl.Array:
		for i, it := range v.Items {
			c.sdkMembers(op, it, want.Elem, ptrJoin(ptr, strconv.Itoa(i)), fmt.Sprintf("%s[%d]", where, i))
		}
	case v.Kind == asl.String && (want.Kind == flow.Bool || want.Kind == flow.Number):
		// Text for a boolean or number member must be one the
		// integration converts.
		ok := v.Str == "true" || v.Str == "false"
		if want.Kind == flow.Number {
			_, err := strconv.ParseFloat(v.Str, 64)
			ok = err == nil
			if want.Integer {
				_, err = strconv.ParseInt(v.Str, 10, 64)
				ok = err == nil
			}
		}
		if !ok {
			c.add(asl.SeverityError, flow.CodeTypeMismatch, ptr, c.at(ptr), fmt.Sprintf("%s member %s takes %s, but the value is the string %q: pass %s", op.GoName(), strings.TrimPrefix(strings.TrimPrefix(where, "Parameters."), "Arguments."), describe(want), v.Str, describe(want)))
		}
	}
}

// sdkCheckTypes compares what each typed SDK call is called with (the
// effective input the data-flow analysis inferred, paths and expressions
// included) with the SDK's input struct, member by member.
func (c *compiler) sdkCheckTypes(res *flow.Result) {
	for _, call := range c.sdkCalls {
		info := res.State(call.ptr)
		if info == nil || !info.Reached {
			continue
		}
		field, args := callArgs(call.st)
		got := info.Effective
		if got.IsAny() || got.Kind != flow.Object || got.Map {
			if !got.IsAny() {
				c.errorf(call.ptr+"/"+field, 0, "%s takes an object, but the value is %s: pass an object of its members", call.op.GoName(), got.Describe())
			}
			continue
		}
		for _, f := range call.op.Input.Fields {
			g, ok := got.Field(f.Name)
			if !ok {
				continue
			}
			at := call.ptr + "/" + field
			if args.Kind == asl.Object {
				if _, ok := args.Get(f.Name + ".$"); ok {
					at = ptrJoin(at, f.Name+".$")
				} else {
					at = ptrJoin(at, f.Name)
				}
			}
			for _, p := range sdkMismatches(f.Type, g.Type, f.Name) {
				c.add(asl.SeverityError, flow.CodeTypeMismatch, at, c.at(at), fmt.Sprintf("%s member %s", call.op.GoName(), p))
			}
		}
	}
}

// sdkMismatches lists why values of type got do not fit the member type
// want; where names the member ("Key", "Filters[].Name").
func sdkMismatches(want, got *flow.Type, where string) []string {
	var out []string
	for _, m := range flow.Compare(want, got, where, flow.Rules{Converts: sdkConverts, Present: true}) {
		if m.Fraction {
			out = append(out, fmt.Sprintf("%s takes an integer, but the value is a number that may have a fraction: pass an integer", m.Path))
		} else {
			out = append(out, fmt.Sprintf("%s takes %s, but the value is %s: pass %s", m.Path, describe(m.Want), m.Got.Describe(), describe(m.Want)))
		}
	}
	return out
}

// sdkConverts reports whether the integration converts values of got to
// the member type want of another kind.
func sdkConverts(want, got *flow.Type) bool {
	switch {
	case got.Kind == flow.String && (want.Kind == flow.Bool || want.Kind == flow.Number):
		// The integration converts text such as "true" or "10" to the
		// member's type (real definitions rely on it); a literal that is
		// no such text is reported by sdkMembers.
		return true
	case want.Kind == flow.String && !want.Timestamp && (got.Kind == flow.Object || got.Kind == flow.Array):
		// The integration writes an object or array given for a string
		// member as its JSON text (sfn:startExecution's Input,
		// sfn:sendTaskSuccess's Output).
		return true
	}
	return false
}

// describe names a member type: "a string (types.ChecksumMode)".
func describe(t *flow.Type) string {
	d := t.Describe()
	if t.Kind == flow.String && !t.Timestamp && t.Go != nil {
		d += " (" + t.Go.String() + ")"
	}
	if t.Kind == flow.Object && t.Map {
		d = "an object of any keys"
	}
	return d
}

// structName names an SDK struct type in messages.
func structName(t *flow.Type, op *awssdk.Operation) string {
	if t.Go != nil {
		return t.Go.String()
	}
	return op.GoName() + " member"
}
