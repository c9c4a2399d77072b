package asl

import (
	"sort"
	"strings"

	"github.com/goasl/goasl/asl/intrinsic"
	"github.com/goasl/goasl/asl/jsonpath"
)

// pathMode says what kind of path a field takes.
type pathMode uint8

const (
	pathAny       pathMode = iota // any Path ($, $$ or $var)
	pathRef                       // a Reference Path ($, $$ or $var)
	pathRefNoCtx                  // a Reference Path that may not use $$ (Map *Path fields)
	pathResult                    // ResultPath: a Reference Path on $ only
	pathRefOrFunc                 // ErrorPath/CausePath: Reference Path or string intrinsic
)

// stringIntrinsics are the intrinsic functions that return a string, the
// only ones Fail's ErrorPath and CausePath accept (checklist 3.6.2).
var stringIntrinsics = map[string]bool{
	"States.Format": true, "States.JsonToString": true, "States.ArrayGetItem": true,
	"States.Base64Encode": true, "States.Base64Decode": true, "States.Hash": true, "States.UUID": true,
}

// path checks a JSONPath-valued field and returns the parsed path (nil when
// it is not a valid path).
func (v *validator) path(sc *stateCtx, s, p, field string, mode pathMode) *jsonpath.Path {
	if mode == pathRefOrFunc && looksIntrinsic(s) {
		call := v.intrinsicCall(sc, s, p, field)
		if call != nil && !stringIntrinsics[call.Name] {
			v.errorf(CodeInvalidIntrinsic, p, "Field '%s' calls %s, which does not return a string; use a Reference Path or one of States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash, States.UUID", field, call.Name)
		}
		return nil
	}
	if !strings.HasPrefix(strings.TrimLeft(s, " "), "$") {
		what := "a Path"
		if mode != pathAny {
			what = "a Reference Path"
		}
		if mode == pathRefOrFunc {
			what = "a Reference Path or an intrinsic function"
		}
		v.errorf(CodeInvalidPath, p, "Field '%s' value %q is not %s: paths start with '$' (e.g. \"$.order.id\")", field, s, what)
		return nil
	}
	jp, err := jsonpath.Parse(s)
	if err != nil {
		v.errorf(CodeInvalidPath, p, "Field '%s' value %q is not a valid JSONPath: %v", field, s, err)
		return nil
	}
	if jp == nil {
		return nil
	}
	v.pathSpaces(s, p, field)
	if mode != pathAny && !jp.IsReference() {
		v.errorf(CodeInvalidPath, p, "Field '%s' value %q is not a Reference Path: only '.field' and '[index]' steps are allowed here (no wildcards, filters, slices, unions or '..')", field, s)
		return jp
	}
	switch {
	case jp.Root == jsonpath.RootContext && mode == pathRefNoCtx:
		v.errorf(CodeInvalidPath, p, "Value is not a Reference Path: field '%s' value %q reads the context object ($$), which only ItemsPath may do among Map paths; copy the value into the input first", field, s)
	case jp.Root == jsonpath.RootContext && mode == pathResult:
		v.errorf(CodeInvalidPath, p, "Field '%s' value %q points into the context object ($$), which is read-only; use a path into the state input such as \"$.result\"", field, s)
	case jp.Root == jsonpath.RootVariable && mode == pathResult:
		v.errorf(CodeInvalidPath, p, "Field '%s' value %q names a variable: ResultPath cannot write variables; use Assign to set $%s", field, s, jp.Variable)
	case jp.Root == jsonpath.RootVariable:
		v.readVar(sc, jp.Variable, p)
	}
	return jp
}

// pathSpaces warns about spaces before or after a valid path s: AWS
// evaluates paths with Jayway, which trims them, so the definition deploys
// and runs as if they were not there (AWS's own samples have
// "$$.Execution.Name "), but a reader sees a different path. Parse and
// Marshal keep the text as written.
func (v *validator) pathSpaces(s, p, field string) {
	t := strings.Trim(s, " ")
	if t == s {
		return
	}
	lead, trail := len(s)-len(strings.TrimLeft(s, " ")), len(s)-len(strings.TrimRight(s, " "))
	var where string
	switch {
	case lead > 0 && trail > 0:
		where = "has spaces before and after it"
	case lead == 1:
		where = "starts with a space"
	case lead > 1:
		where = "starts with spaces"
	case trail == 1:
		where = "ends with a space"
	default:
		where = "ends with spaces"
	}
	fix := "remove the spaces"
	if lead+trail == 1 {
		fix = "remove the space"
	}
	v.warnf(CodeInvalidPath, p, "Field '%s' value %q %s, which AWS trims (it evaluates %q); %s so the definition shows the path that runs", field, s, where, t, fix)
}

// readVar checks a read of the variable name: a Distributed Map's states
// may not read outer variables, and a variable no state of this scope or
// an enclosing one assigns is undefined at run time (a warning: this is
// not a path-sensitive definite-assignment analysis).
func (v *validator) readVar(sc *stateCtx, name, p string) {
	switch {
	case sc.scope.blockedVars[name]:
		v.errorf(CodeSchema, p, "Variable '$%s' is assigned outside this Distributed Map, and Distributed Map states cannot reference variables in outer scopes; pass the value in through the Map's ItemSelector", name)
	case sc.vars[name] == "":
		var cands []string
		for k := range sc.vars {
			cands = append(cands, k)
		}
		sort.Strings(cands)
		v.warnf(CodeSchema, p, "Variable '$%s' is not assigned by any state of this scope or an enclosing one, so reading it fails at run time%s; assign it first", name, didYouMean(name, cands))
	}
}

// intrinsicCall parses and checks an intrinsic function call.
func (v *validator) intrinsicCall(sc *stateCtx, s, p, field string) *intrinsic.Call {
	call, err := intrinsic.Parse(s)
	if err != nil {
		v.errorf(CodeInvalidIntrinsic, p, "Field '%s' has an invalid intrinsic function %q: %v", field, s, err)
		return nil
	}
	if call == nil {
		return nil
	}
	for _, e := range intrinsic.Check(call) {
		v.errorf(CodeInvalidIntrinsic, p, "Field '%s': %v", field, e)
	}
	v.intrinsicVars(sc, call, p, 0)
	return call
}

// intrinsicVars checks the variable reads in the arguments of a call.
func (v *validator) intrinsicVars(sc *stateCtx, c *intrinsic.Call, p string, depth int) {
	if c == nil || depth > 64 {
		return
	}
	for _, a := range c.Args {
		switch a.Kind {
		case intrinsic.ArgPath:
			if a.Path != nil && a.Path.Root == jsonpath.RootVariable {
				v.readVar(sc, a.Path.Variable, p)
			}
		case intrinsic.ArgCall:
			v.intrinsicVars(sc, a.Call, p, depth+1)
		}
	}
}

// payloadTemplate checks a JSONPath payload template (checklist §4.3).
func (v *validator) payloadTemplate(sc *stateCtx, val Value, p, field string) {
	if val.Kind != Object {
		if val.Kind != Null {
			v.warnf(CodeSchema, p, "Field '%s' is %s: ASL defines payload templates as JSON objects; wrap the value in an object", field, kindPhrase(val.Kind))
		}
	}
	v.templateValue(sc, val, p, field, 0)
}

func (v *validator) templateValue(sc *stateCtx, val Value, p, field string, depth int) {
	if depth > 1000 {
		return
	}
	switch val.Kind {
	case Object:
		seen := map[string]string{}
		for _, m := range val.Members {
			mp := ptrJoin(p, m.Key)
			name, dyn := strings.CutSuffix(m.Key, ".$")
			if first, dup := seen[name]; dup {
				v.errorf(CodeSchema, mp, "Field '%s' repeats the key %q (as %q) once the '.$' suffix is removed; keep only one of them", field, name, first)
			} else {
				seen[name] = m.Key
			}
			if dyn {
				v.dynamicValue(sc, m.Value, mp, field)
				continue
			}
			if m.Value.Kind == String && looksDynamic(m.Value.Str) {
				v.warnf(CodeNoDollar, mp, "The value of %q looks like a path or intrinsic function but the key does not end in '.$', so it is passed as the literal string %q; rename the key to %q to evaluate it", m.Key, m.Value.Str, m.Key+".$")
			} else if m.Value.Kind == String && IsJSONata(m.Value.Str) {
				v.warnf(CodeSchema, mp, "%q looks like a JSONata expression, but the state's QueryLanguage is JSONPath, so it is passed as a literal string; set \"QueryLanguage\": \"JSONata\" on the state to evaluate it", m.Value.Str)
			}
			v.templateValue(sc, m.Value, mp, field, depth+1)
		}
	case Array:
		for i, it := range val.Items {
			v.templateValue(sc, it, ptrIndex(p, i), field, depth+1)
		}
	}
}

// dynamicValue checks the value of a '.$' key: a path or an intrinsic.
func (v *validator) dynamicValue(sc *stateCtx, val Value, p, field string) {
	if val.Kind != String {
		v.errorf(CodeSchema, p, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call: a key ending in '.$' needs a string, not %s; drop the '.$' suffix to pass a literal", lastToken(p), kindPhrase(val.Kind))
		return
	}
	s := val.Str
	switch {
	case looksIntrinsic(s):
		v.intrinsicCall(sc, s, p, field)
	case strings.HasPrefix(strings.TrimLeft(s, " "), "$"):
		v.path(sc, s, p, field, pathAny)
	default:
		v.errorf(CodeSchema, p, "The value for the field '%s' must be a valid JSONPath or a valid intrinsic function call: %q is neither; use a path such as \"$.x\" or drop the '.$' suffix to pass a literal", lastToken(p), s)
	}
}

// looksDynamic reports whether a literal string looks like a path or an
// intrinsic function call (NO_DOLLAR).
func looksDynamic(s string) bool {
	return s == "$" || s == "$$" || strings.HasPrefix(s, "$.") || strings.HasPrefix(s, "$$.") || strings.HasPrefix(s, "$[") || intrinsic.Looks(s)
}

// looksIntrinsic reports whether a '.$' value or ErrorPath is meant as an
// intrinsic function: intrinsic.Looks, or any "States." prefix, so that a
// malformed call gets the intrinsic parser's message.
func looksIntrinsic(s string) bool {
	return intrinsic.Looks(s) || strings.HasPrefix(s, "States.")
}

// lastToken returns the unescaped last reference token of a pointer.
func lastToken(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(p)
}
