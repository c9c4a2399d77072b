package asl

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// intLiteral checks that val is an integer literal in [lo, hi] and returns
// it. hint explains the alternatives when val is a string.
func (v *validator) intLiteral(val Value, p, field string, lo, hi int64, hint string) (int64, bool) {
	switch val.Kind {
	case Number:
		n, ok := val.Int()
		if !ok {
			v.errorf(CodeSchema, p, "Field '%s' is %s: it must be an integer from %d to %d", field, val.Num, lo, hi)
			return 0, false
		}
		if n < lo {
			v.errorf(CodeSchema, p, "Field '%s' is %d: Minimum value is %d; use an integer from %d to %d", field, n, lo, lo, hi)
			return n, false
		}
		if n > hi {
			v.errorf(CodeSchema, p, "Field '%s' is %d: Maximum value is %d; use an integer from %d to %d", field, n, hi, lo, hi)
			return n, false
		}
		return n, true
	case String:
		msg := "Field '%s' is the string %q: it must be an integer from %d to %d"
		if hint != "" {
			msg += "; " + hint
		}
		v.errorf(CodeSchema, p, msg, field, val.Str, lo, hi)
	default:
		v.errorf(CodeSchema, p, "Field '%s' is %s: it must be an integer from %d to %d", field, kindPhrase(val.Kind), lo, hi)
	}
	return 0, false
}

// numberLiteral checks that val is a number in [lo, hi].
func (v *validator) numberLiteral(val Value, p, field string, lo, hi float64, hint string) (float64, bool) {
	f, ok := val.Float()
	if !ok {
		if val.Kind == String {
			msg := "Field '%s' is the string %q: it must be a number from %s to %s"
			if hint != "" {
				msg += "; " + hint
			}
			v.errorf(CodeSchema, p, msg, field, val.Str, fmtFloat(lo), fmtFloat(hi))
		} else {
			v.errorf(CodeSchema, p, "Field '%s' is %s: it must be a number from %s to %s", field, kindPhrase(val.Kind), fmtFloat(lo), fmtFloat(hi))
		}
		return 0, false
	}
	if f < lo {
		v.errorf(CodeSchema, p, "Field '%s' is %s: Minimum value is %s; use a number from %s to %s", field, val.Num, fmtFloatMin(lo), fmtFloat(lo), fmtFloat(hi))
		return f, false
	}
	if f > hi {
		v.errorf(CodeSchema, p, "Field '%s' is %s: Maximum value is %s; use a number from %s to %s", field, val.Num, fmtFloatMin(hi), fmtFloat(lo), fmtFloat(hi))
		return f, false
	}
	return f, true
}

func fmtFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// fmtFloatMin writes a bound as AWS does for decimal fields ("0.0").
func fmtFloatMin(f float64) string {
	s := fmtFloat(f)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// intField checks a numeric field that JSONata states may give as an
// expression. It returns the literal and whether it is a valid literal.
func (v *validator) intField(sc *stateCtx, val Value, p, field string, lo, hi int64) (int64, bool) {
	if v.notLiteral(sc, val, p, field, fmt.Sprintf("an integer from %d to %d", lo, hi)) {
		return 0, false
	}
	return v.intLiteral(val, p, field, lo, hi, literalHint(val, field))
}

// notLiteral handles a string in a numeric field: a ${Name} placeholder
// (filled in at deploy time by DefinitionSubstitutions) passes, a JSONata
// state's expression is checked, any other string in a JSONata state is
// an error (want says what the field takes). It reports whether it
// handled the value; JSONPath strings are left to the literal checks.
func (v *validator) notLiteral(sc *stateCtx, val Value, p, field, want string) bool {
	switch {
	case val.Kind != String:
		return false
	case isPlaceholder(val.Str):
		return true
	case sc.lang != JSONata:
		return false
	case IsJSONata(val.Str):
		v.expr(sc, val.Str, p, jaCtx{field: field})
	default:
		v.errorf(CodeSchema, p, "Field '%s' is the string %q: it must be %s or a JSONata expression \"{%% ... %%}\"", field, val.Str, want)
	}
	return true
}

// isPlaceholder reports whether s is a single CloudFormation
// DefinitionSubstitutions placeholder such as "${ReminderTimeout}", which
// deploy tools replace with the value (a number, where a number goes).
func isPlaceholder(s string) bool {
	return len(s) > 3 && strings.HasPrefix(s, "${") && strings.HasSuffix(s, "}") && !strings.ContainsAny(s[2:len(s)-1], "${} ")
}

// literalHint explains the alternatives to a string in a numeric field of
// a JSONPath state: a JSONata expression needs JSONata, and a path needs
// the field's Path form (NO_PATH).
func literalHint(val Value, field string) string {
	switch {
	case val.Kind != String:
		return ""
	case IsJSONata(val.Str):
		return "JSONata expressions need \"QueryLanguage\": \"JSONata\""
	case strings.HasPrefix(val.Str, "$"):
		return "to read the value from a path, use '" + field + "Path'"
	}
	return ""
}

// numberField is intField for decimal fields.
func (v *validator) numberField(sc *stateCtx, val Value, p, field string, lo, hi float64) (float64, bool) {
	if v.notLiteral(sc, val, p, field, "a number from "+fmtFloat(lo)+" to "+fmtFloat(hi)) {
		return 0, false
	}
	return v.numberLiteral(val, p, field, lo, hi, literalHint(val, field))
}

// durationWarning warns about a duration longer than the workflow type's
// maximum execution time.
func (v *validator) durationWarning(n int64, p, field string, express bool) {
	if express && n > maxDurationExpress {
		v.warnf(CodeLimit, p, "Field '%s' is %d seconds, longer than the 5-minute (300 s) maximum duration of an Express execution; shorten it or use a Standard workflow", field, n)
	} else if !express && n > maxDurationStd {
		v.warnf(CodeLimit, p, "Field '%s' is %d seconds, longer than the 1-year (31536000 s) maximum duration of a Standard execution; shorten it", field, n)
	}
}

// pass checks a Pass state's own fields.
func (v *validator) pass(sc *stateCtx) {
	st := sc.st
	if sc.ok("Result") && st.Result.IsSet() {
		p := ptrJoin(sc.at, "Result")
		v.literalSize(st.Result, p, "Result")
		if hasDynamic(st.Result, 0) {
			v.warnf(CodePassResultIsStatic, p, "Field 'Result' is static: its '.$' keys and paths are not evaluated; use 'Parameters' to build the output from the input")
		}
	}
}

// hasDynamic reports whether a literal holds '.$' keys or path-like strings.
func hasDynamic(val Value, depth int) bool {
	if depth > 1000 {
		return false
	}
	switch val.Kind {
	case String:
		return looksDynamic(val.Str)
	case Object:
		for _, m := range val.Members {
			if strings.HasSuffix(m.Key, ".$") || hasDynamic(m.Value, depth+1) {
				return true
			}
		}
	case Array:
		for _, it := range val.Items {
			if hasDynamic(it, depth+1) {
				return true
			}
		}
	}
	return false
}

// wait checks a Wait state's own fields (checklist 3.4).
func (v *validator) wait(sc *stateCtx) {
	st := sc.st
	var given []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"Seconds", st.Seconds.IsSet()}, {"SecondsPath", st.SecondsPath != "" || st.Empty.Has("SecondsPath")}, {"Timestamp", st.Timestamp != "" || st.Empty.Has("Timestamp")}, {"TimestampPath", st.TimestampPath != "" || st.Empty.Has("TimestampPath")}} {
		if f.set && sc.ok(f.name) {
			given = append(given, f.name)
		}
	}
	choices := "Seconds, SecondsPath, Timestamp or TimestampPath"
	if sc.lang == JSONata {
		choices = "Seconds or Timestamp"
	}
	switch {
	case len(given) == 0 && !st.Seconds.IsSet() && st.SecondsPath == "" && st.Timestamp == "" && st.TimestampPath == "" && !st.Empty.Has("SecondsPath") && !st.Empty.Has("Timestamp") && !st.Empty.Has("TimestampPath"):
		v.errorf(CodeSchema, sc.at, "A Wait state needs exactly one of %s; add one", choices)
	case len(given) > 1:
		v.errorf(CodeSchema, ptrJoin(sc.at, given[1]), "There should only be one of the following fields: [%s]; keep only one of them", strings.Join(given, ", "))
	}
	if st.Seconds.IsSet() && sc.ok("Seconds") {
		p := ptrJoin(sc.at, "Seconds")
		if n, ok := v.intField(sc, st.Seconds, p, "Seconds", 0, maxSeconds); ok {
			v.durationWarning(n, p, "Seconds", sc.scope.express)
		}
	}
	if st.SecondsPath != "" && sc.ok("SecondsPath") {
		v.path(sc, st.SecondsPath, ptrJoin(sc.at, "SecondsPath"), "SecondsPath", pathRef)
	}
	if st.Timestamp != "" && sc.ok("Timestamp") {
		p := ptrJoin(sc.at, "Timestamp")
		if sc.lang == JSONata && IsJSONata(st.Timestamp) {
			v.expr(sc, st.Timestamp, p, jaCtx{field: "Timestamp"})
		} else if msg := checkTimestamp(st.Timestamp); msg != "" {
			fix := "write it like \"2016-03-14T01:59:00Z\""
			if strings.HasPrefix(st.Timestamp, "$") {
				fix = "to read the timestamp from a path, use 'TimestampPath'"
			}
			v.errorf(CodeSchema, p, "Field 'Timestamp' is %q, which is not an RFC 3339 timestamp: %s; %s", st.Timestamp, msg, fix)
		}
	}
	if st.TimestampPath != "" && sc.ok("TimestampPath") {
		v.path(sc, st.TimestampPath, ptrJoin(sc.at, "TimestampPath"), "TimestampPath", pathRef)
	}
}

// checkTimestamp checks the RFC 3339 profile of ASL (checklist 3.4.3):
// YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM) with an uppercase T and Z. It
// returns "" when s conforms, else what is wrong.
func checkTimestamp(s string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return s != ""
	}
	if len(s) < 19 {
		return "it is too short to hold a date and a time"
	}
	if !digits(s[0:4]) || s[4] != '-' || !digits(s[5:7]) || s[7] != '-' || !digits(s[8:10]) {
		return "the date must be YYYY-MM-DD"
	}
	if s[10] != 'T' {
		return "the date and the time must be separated by an uppercase 'T'"
	}
	if !digits(s[11:13]) || s[13] != ':' || !digits(s[14:16]) || s[16] != ':' || !digits(s[17:19]) {
		return "the time must be hh:mm:ss"
	}
	rest := s[19:]
	if rest == "" {
		return "the time zone is missing (add 'Z' or an offset such as +01:00)"
	}
	if strings.HasPrefix(rest, ".") {
		i := 1
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 1 {
			return "a '.' must be followed by fractional seconds"
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
	case rest == "z":
		return "the UTC designator must be an uppercase 'Z'"
	case rest == "":
		return "the time zone is missing (add 'Z' or an offset such as +01:00)"
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest[1:3]) && rest[3] == ':' && digits(rest[4:6]):
	default:
		return "the time zone must be 'Z' or an offset such as +01:00"
	}
	norm := s[:19] + "Z"
	if _, err := time.Parse("2006-01-02T15:04:05Z", norm); err != nil {
		return "the date or time is out of range"
	}
	if len(rest) == 6 {
		if h, _ := strconv.Atoi(rest[1:3]); h > 23 {
			return "the offset hours are out of range"
		}
		if m, _ := strconv.Atoi(rest[4:6]); m > 59 {
			return "the offset minutes are out of range"
		}
	}
	return ""
}

// predefinedErrors are the error names of checklist §9 (besides
// States.Http.StatusCode.<nnn>).
var predefinedErrors = map[string]bool{
	"States.ALL": true, "States.HeartbeatTimeout": true, "States.Timeout": true, "States.TaskFailed": true,
	"States.Permissions": true, "States.ResultPathMatchFailure": true, "States.ParameterPathFailure": true,
	"States.QueryEvaluationError": true, "States.BranchFailed": true, "States.NoChoiceMatched": true,
	"States.IntrinsicFailure": true, "States.ExceedToleratedFailureThreshold": true, "States.ItemReaderFailed": true,
	"States.ResultWriterFailed": true, "States.DataLimitExceeded": true, "States.Runtime": true, "States.Http.Socket": true,
}

var predefinedErrorList = func() []string {
	var l []string
	for k := range predefinedErrors {
		l = append(l, k)
	}
	sort.Strings(l)
	return l
}()

// isPredefinedError reports whether a name starting with "States." is one
// of the predefined error names.
func isPredefinedError(name string) bool {
	if predefinedErrors[name] {
		return true
	}
	code, ok := strings.CutPrefix(name, "States.Http.StatusCode.")
	return ok && len(code) == 3 && code[0] >= '1' && code[0] <= '5' && code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9'
}

// fail checks a Fail state's own fields (checklist 3.6).
func (v *validator) fail(sc *stateCtx) {
	st := sc.st
	if st.Error != "" && st.ErrorPath != "" && sc.ok("ErrorPath") {
		v.errorf(CodeSchema, ptrJoin(sc.at, "ErrorPath"), "There should only be one of the following fields: [Error, ErrorPath]; keep only one of them")
	}
	if st.Cause != "" && st.CausePath != "" && sc.ok("CausePath") {
		v.errorf(CodeSchema, ptrJoin(sc.at, "CausePath"), "There should only be one of the following fields: [Cause, CausePath]; keep only one of them")
	}
	if st.Error != "" {
		p := ptrJoin(sc.at, "Error")
		switch {
		case sc.lang == JSONata && IsJSONata(st.Error):
			v.expr(sc, st.Error, p, jaCtx{field: "Error"})
		case sc.lang == JSONPath && strings.HasPrefix(st.Error, "$"):
			v.warnf(CodeNoPath, p, "Field 'Error' is the literal string %q; to read the error name from a path, use 'ErrorPath'", st.Error)
		case strings.HasPrefix(st.Error, "States.") && !isPredefinedError(st.Error):
			// A warning, not an error: the spec reserves the prefix, but AWS
			// accepts such Fail states (aws-samples either-or-parallel-pattern
			// and quorum-with-parallel-pattern raise them).
			v.warnf(CodeErrorName, p, "Error name %q starts with the reserved prefix 'States.' but is not a predefined error%s; use a name of your own without the prefix", st.Error, didYouMean(st.Error, predefinedErrorList))
		}
	}
	switch {
	case st.Cause != "" && sc.lang == JSONata && IsJSONata(st.Cause):
		v.expr(sc, st.Cause, ptrJoin(sc.at, "Cause"), jaCtx{field: "Cause"})
	case sc.lang == JSONPath && strings.HasPrefix(st.Cause, "$"):
		v.warnf(CodeNoPath, ptrJoin(sc.at, "Cause"), "Field 'Cause' is the literal string %q; to read the cause from a path, use 'CausePath'", st.Cause)
	}
	if st.ErrorPath != "" && sc.ok("ErrorPath") {
		v.path(sc, st.ErrorPath, ptrJoin(sc.at, "ErrorPath"), "ErrorPath", pathRefOrFunc)
	}
	if st.CausePath != "" && sc.ok("CausePath") {
		v.path(sc, st.CausePath, ptrJoin(sc.at, "CausePath"), "CausePath", pathRefOrFunc)
	}
}

// parallel checks a Parallel state's branches (checklist 3.7).
func (v *validator) parallel(sc *stateCtx) {
	st := sc.st
	p := ptrJoin(sc.at, "Branches")
	switch {
	case st.Branches == nil:
		v.errorf(CodeSchema, sc.at, "Field 'Branches' is required: a Parallel state needs at least one branch {\"StartAt\": ..., \"States\": {...}}")
		return
	case len(st.Branches) == 0:
		v.errorf(CodeSchema, p, "Field 'Branches' is empty: a Parallel state needs at least one branch; add one")
		return
	}
	for i, b := range st.Branches {
		bp := ptrIndex(p, i)
		if b == nil {
			v.errorf(CodeSchema, bp, "Branch %d is not an object: give {\"StartAt\": ..., \"States\": {...}}", i)
			continue
		}
		if b.ProcessorConfig != nil {
			v.errorf(CodeSchema, ptrJoin(bp, "ProcessorConfig"), "Field 'ProcessorConfig' is not supported in a Parallel branch; remove it")
		}
		ctx := v.child(sc, bp, "branch", sc.scope.express, sc.scope.distributed, false)
		ctx.startAtEmpty = b.Empty.Has("StartAt")
		v.scope(ctx, b.StartAt, b.States)
	}
}

// child makes the context of a nested States container.
func (v *validator) child(sc *stateCtx, p, kind string, express, distributed, newDistributed bool) *scopeCtx {
	blocked := sc.scope.blockedVars
	if newDistributed {
		blocked = map[string]bool{}
		for k := range sc.vars {
			blocked[k] = true
		}
	}
	return &scopeCtx{at: p, depth: sc.scope.depth + 1, express: express, distributed: distributed || newDistributed,
		outerVars: sc.vars, blockedVars: blocked, kind: kind}
}
