package asl

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goasl/goasl/asl/intrinsic"
	"github.com/goasl/goasl/asl/jsonata"
)

// IsJSONata reports whether s is a JSONata expression string, one a
// JSONata field evaluates: it starts with "{%" and ends with "%}", with
// nothing outside the delimiters (checklist 5.1; " {% 1 %}" is a literal
// string). "{%}" is too short to hold both.
func IsJSONata(s string) bool {
	return len(s) >= 4 && strings.HasPrefix(s, "{%") && strings.HasSuffix(s, "%}")
}

// jaCtx says what a JSONata field may read.
type jaCtx struct {
	field       string
	result      bool // $states.result is available
	errorOutput bool // $states.errorOutput is available
	// sameAssign holds the variables the same state's Assign writes, for the
	// warning on Output reading them.
	sameAssign map[string]bool
}

// jsonataField checks a value of a JSONata state's field: every string at
// any depth that is a JSONata expression is analysed, and '.$' keys are
// rejected.
func (v *validator) jsonataField(sc *stateCtx, val Value, p string, jc jaCtx) {
	v.jsonataValue(sc, val, p, jc, 0)
}

func (v *validator) jsonataValue(sc *stateCtx, val Value, p string, jc jaCtx, depth int) {
	if depth > 1000 {
		return
	}
	switch val.Kind {
	case String:
		if IsJSONata(val.Str) {
			v.expr(sc, val.Str, p, jc)
		} else if intrinsic.Looks(val.Str) {
			v.warnf(CodeSchema, p, "%q looks like an intrinsic function, but intrinsic functions do not run in JSONata states: it is a literal string; use the JSONata equivalent inside {%% %%}", val.Str)
		}
	case Object:
		for _, m := range val.Members {
			mp := ptrJoin(p, m.Key)
			if strings.HasSuffix(m.Key, ".$") {
				// A warning, not an error: AWS runs such a key as a literal
				// key (LocalStack's snapshot of outputdecl/base_literals,
				// recorded against AWS), though the spec forbids it.
				v.warnf(CodeSchema, mp, "The QueryLanguage is set to 'JSONata', but the key %q uses the JSONPath '.$' suffix, which JSONata states keep as part of a literal key; name the key %q and give a JSONata expression \"{%% ... %%}\" as its value", m.Key, strings.TrimSuffix(m.Key, ".$"))
				continue
			}
			v.jsonataValue(sc, m.Value, mp, jc, depth+1)
		}
	case Array:
		for i, it := range val.Items {
			v.jsonataValue(sc, it, ptrIndex(p, i), jc, depth+1)
		}
	}
}

// statesFields are the fields of the reserved $states variable.
var statesFields = map[string]bool{"input": true, "result": true, "errorOutput": true, "context": true}

// expr analyses one "{% %}" expression string.
func (v *validator) expr(sc *stateCtx, s, p string, jc jaCtx) *jsonata.Info {
	body := s[2 : len(s)-2]
	info, err := jsonata.Analyze(body)
	if err != nil {
		where := ""
		var jerr *jsonata.Error
		if errors.As(err, &jerr) {
			// Count from the start of the string, "{%" included, as an
			// editor shows it.
			where = fmt.Sprintf(" at character %d", utf8.RuneCountInString(s[:min(len(s), 2+jerr.Pos)])+1)
		}
		v.errorf(CodeInvalidJSONata, p, "Field '%s' has an invalid JSONata expression %q: %v%s; fix the expression's syntax", jc.field, s, err, where)
		return nil
	}
	if info == nil {
		return nil
	}
	for _, ref := range info.TopLevel {
		fix := "read the state input through $states.input"
		if ref != "$" && ref != "" {
			fix += " (e.g. $states.input." + ref + ")"
		}
		v.errorf(CodeUnsupportedJSONata, p, "Reference to '%s' at the top level is not supported. %s", ref, strings.ToUpper(fix[:1])+fix[1:])
	}
	if info.Root {
		v.errorf(CodeUnsupportedJSONata, p, "'$$' is not supported in JSONata expressions; read the context object through $states.context")
	}
	for _, f := range info.States {
		switch {
		case !statesFields[f]:
			v.errorf(CodeUnsupportedJSONata, p, "$states.%s does not exist; $states has only input, result, errorOutput and context", f)
		case f == "result" && !jc.result:
			v.errorf(CodeUnsupportedJSONata, p, "Field '%s' cannot read $states.result: it is only available in the top-level Output and Assign of Task, Map and Parallel states; read $states.input here", jc.field)
		case f == "errorOutput" && !jc.errorOutput:
			v.errorf(CodeUnsupportedJSONata, p, "Field '%s' cannot read $states.errorOutput: it is only available in a Catcher's Output and Assign", jc.field)
		}
	}
	for _, fn := range info.Functions {
		if fn == "eval" {
			v.errorf(CodeUnsupportedJSONata, p, "The JSONata function $eval is not supported in Step Functions; use $parse to read JSON text")
		}
	}
	for _, name := range info.Variables {
		v.readVar(sc, name, p)
		if jc.sameAssign[name] {
			v.warnf(CodeSchema, p, "Field '%s' reads $%s, which the same state's Assign writes: Output and Assign are evaluated together, so this reads the value from before the state; use the assigned expression directly", jc.field, name)
		}
	}
	return info
}

// assignName is one variable an Assign block writes.
type assignName struct {
	name string
	at   string
}

// assignKeys lists the variable names of an Assign block.
func assignKeys(val Value, p string) []assignName {
	if val.Kind != Object {
		return nil
	}
	out := make([]assignName, 0, len(val.Members))
	for _, m := range val.Members {
		out = append(out, assignName{strings.TrimSuffix(m.Key, ".$"), ptrJoin(p, m.Key)})
	}
	return out
}

// assignsOf lists every variable a state writes into its own scope: its
// Assign, its Choice rules' Assign and its Catchers' Assign.
func assignsOf(st *State, sp string) []assignName {
	out := assignKeys(st.Assign, ptrJoin(sp, "Assign"))
	for i, r := range st.Choices {
		if r != nil {
			out = append(out, assignKeys(r.Assign, ptrJoin(ptrIndex(ptrJoin(sp, "Choices"), i), "Assign"))...)
		}
	}
	for i, c := range st.Catch {
		if c != nil {
			out = append(out, assignKeys(c.Assign, ptrJoin(ptrIndex(ptrJoin(sp, "Catch"), i), "Assign"))...)
		}
	}
	return out
}

// assign checks an Assign block (checklist §6). Written names go into
// written when it is not nil.
func (v *validator) assign(sc *stateCtx, val Value, p string, jc jaCtx, written map[string]bool) {
	if val.Kind != Object {
		v.errorf(CodeSchema, p, "Field 'Assign' is %s: it must be an object whose keys are variable names", kindPhrase(val.Kind))
		return
	}
	total := 0
	for _, m := range val.Members {
		mp := ptrJoin(p, m.Key)
		name := m.Key
		if sc.lang == JSONPath {
			name = strings.TrimSuffix(name, ".$")
		}
		v.variableName(sc, name, mp)
		if written != nil {
			written[name] = true
		}
		n := valueSize(m.Value)
		total += n
		if n > MaxPayloadBytes {
			v.errorf(CodeLimit, mp, "Variable '%s' is assigned a %d-byte literal, more than the 256 KiB (%d bytes) a variable may hold; keep large data in the payload or in S3", name, n, MaxPayloadBytes)
		}
		if sc.lang == JSONata {
			v.jsonataValue(sc, m.Value, mp, jc, 0)
			continue
		}
		if strings.HasSuffix(m.Key, ".$") {
			v.dynamicValue(sc, m.Value, mp, "Assign")
		} else {
			if m.Value.Kind == String && looksDynamic(m.Value.Str) {
				v.warnf(CodeNoDollar, mp, "The value of %q looks like a path or intrinsic function but the key does not end in '.$', so it is assigned the literal string %q; rename the key to %q to evaluate it", m.Key, m.Value.Str, m.Key+".$")
			}
			v.templateValue(sc, m.Value, mp, "Assign", 1)
		}
	}
	if total > MaxPayloadBytes {
		v.errorf(CodeLimit, p, "Field 'Assign' holds %d bytes of literals, more than the 256 KiB (%d bytes) one Assign may set; split the assignments over several states or keep the data in the payload", total, MaxPayloadBytes)
	}
}

// variableName checks a variable name (checklist 6.2, 6.3, 6.8).
//
// The rule is UAX #31 (first character ID_Start, the rest ID_Continue),
// approximated with the unicode package: ID_Start ≈ unicode.IsLetter or
// category Nl, plus '_'; ID_Continue ≈ ID_Start or unicode.IsDigit (Nd) or
// categories Mn, Mc and Pc. Other_ID_Start/Other_ID_Continue code points
// and Pattern_Syntax exclusions are not modelled.
func (v *validator) variableName(sc *stateCtx, name, p string) {
	switch {
	case name == "":
		v.errorf(CodeInvalidVariable, p, "Variable name is empty: give a name that starts with a letter or '_'")
		return
	case name == "states":
		v.errorf(CodeInvalidVariable, p, "Variable name 'states' is reserved for $states; choose another name")
		return
	}
	if n := utf8.RuneCountInString(name); n > MaxVariableLength {
		v.errorf(CodeInvalidVariable, p, "Variable name %q is %d characters long, more than the %d allowed; shorten it", name, n, MaxVariableLength)
	}
	for i, r := range name {
		if (i == 0 && !idStart(r)) || (i > 0 && !idContinue(r)) {
			v.errorf(CodeInvalidVariable, p, "Variable name %q is not an identifier: %q at byte %d is not allowed; use letters, digits and '_' (not starting with a digit), e.g. %q", name, r, i, identifierize(name))
			break
		}
	}
	if first, ok := sc.scope.outerVars[name]; ok {
		// A warning, not an error: the spec forbids it, but AWS ran
		// LocalStack's parallel_catch_error_variable_sampling, which does it.
		v.warnf(CodeInvalidVariable, p, "Variable '%s' is already assigned in an outer scope (%s): the spec says states in a branch or item processor must not reuse an outer variable's name; rename it", name, first)
	}
}

func idStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

func idContinue(r rune) bool {
	return idStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc)
}

// identifierize suggests an identifier close to name.
func identifierize(name string) string {
	var b strings.Builder
	for i, r := range name {
		switch {
		case i == 0 && unicode.IsDigit(r):
			b.WriteByte('_')
			b.WriteRune(r)
		case idContinue(r):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

// literalSize rejects a literal payload larger than 256 KiB.
func (v *validator) literalSize(val Value, p, field string) {
	if n := valueSize(val); n > MaxPayloadBytes {
		v.errorf(CodeLimit, p, "Field '%s' is a %d-byte literal, more than the 256 KiB (%d bytes) payload quota; keep large data in S3 and pass a reference", field, n, MaxPayloadBytes)
	}
}

// valueSize is the length in bytes of the compact JSON encoding of val
// (strings escaped as encoding/json does without HTML escaping).
func valueSize(val Value) int {
	switch val.Kind {
	case Null:
		return 4
	case Bool:
		if val.Bool {
			return 4
		}
		return 5
	case Number:
		return len(val.Num)
	case String:
		return stringSize(val.Str)
	case Array:
		n := 2
		for i, it := range val.Items {
			if i > 0 {
				n++
			}
			n += valueSize(it)
		}
		return n
	case Object:
		n := 2
		for i, m := range val.Members {
			if i > 0 {
				n++
			}
			n += stringSize(m.Key) + 1 + valueSize(m.Value)
		}
		return n
	}
	return 0
}

func stringSize(s string) int {
	n := 2
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r == '\n' || r == '\r' || r == '\t' || r == '\b' || r == '\f':
			n += 2
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			n += 6
		case r == utf8.RuneError:
			n += 3
		default:
			n += utf8.RuneLen(r)
		}
	}
	return n
}
