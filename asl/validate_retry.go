package asl

import (
	"strings"
)

// errorEquals checks an ErrorEquals list (checklist 8.2, 8.5, 9.2).
func (v *validator) errorEquals(names []string, p string, last bool, what string) {
	ep := ptrJoin(p, "ErrorEquals")
	if len(names) == 0 {
		v.errorf(CodeSchema, ep, "Field 'ErrorEquals' is required and must not be empty: list the error names this %s handles, e.g. [\"States.ALL\"]", what)
		return
	}
	for i, n := range names {
		np := ptrIndex(ep, i)
		switch {
		case n == "States.ALL" && len(names) > 1:
			v.errorf(CodeSchema, np, "'States.ALL' must appear alone in its ErrorEquals; remove the other names or move them to an earlier %s", what)
		case n == "States.ALL" && !last:
			v.errorf(CodeSchema, np, "'States.ALL' must be in the last %s: the ones after it can never match; move this %s to the end", what, what)
		case n == "":
			v.errorf(CodeSchema, np, "An error name is empty; give the name of an error")
		case strings.HasPrefix(n, "{%"):
			v.errorf(CodeSchema, np, "ErrorEquals takes constant error names, not JSONata expressions; write the name")
		case strings.HasPrefix(n, "States.") && !isPredefinedError(n):
			v.warnf(CodeErrorName, np, "Error name %q starts with 'States.' but is not a predefined error%s, so it never matches; fix the name", n, didYouMean(n, predefinedErrorList))
		case n == "States.Runtime" || n == "States.DataLimitExceeded":
			v.warnf(CodeErrorName, np, "%q is a terminal error: it cannot be retried or caught; remove it", n)
		}
	}
}

// retrierNumber rejects JSONata in a retrier field and checks an integer.
func (v *validator) retrierInt(val Value, p, field string, lo, hi int64) {
	if !val.IsSet() {
		return
	}
	hint := ""
	if val.Kind == String && strings.HasPrefix(val.Str, "{%") {
		hint = "Retry fields take constants, not JSONata expressions"
	}
	v.intLiteral(val, p, field, lo, hi, hint)
}

// retry checks the Retry field (checklist 8.2).
func (v *validator) retry(sc *stateCtx) {
	st := sc.st
	if st.Retry == nil {
		return
	}
	p := ptrJoin(sc.at, "Retry")
	for i, r := range st.Retry {
		rp := ptrIndex(p, i)
		if r == nil {
			v.errorf(CodeSchema, rp, "Retrier %d is not an object; give {\"ErrorEquals\": [...]}", i)
			continue
		}
		v.errorEquals(r.ErrorEquals, rp, i == len(st.Retry)-1, "retrier")
		v.retrierInt(r.IntervalSeconds, ptrJoin(rp, "IntervalSeconds"), "IntervalSeconds", 1, maxSeconds)
		v.retrierInt(r.MaxAttempts, ptrJoin(rp, "MaxAttempts"), "MaxAttempts", 0, maxSeconds)
		if r.BackoffRate.IsSet() {
			hint := ""
			if r.BackoffRate.Kind == String && strings.HasPrefix(r.BackoffRate.Str, "{%") {
				hint = "Retry fields take constants, not JSONata expressions"
			}
			v.numberLiteral(r.BackoffRate, ptrJoin(rp, "BackoffRate"), "BackoffRate", 1, maxSeconds, hint)
		}
		v.retrierInt(r.MaxDelaySeconds, ptrJoin(rp, "MaxDelaySeconds"), "MaxDelaySeconds", 1, 31622400)
		switch r.JitterStrategy {
		case "", "FULL", "NONE":
		default:
			v.errorf(CodeSchema, ptrJoin(rp, "JitterStrategy"), "Field 'JitterStrategy' is %q: it must be FULL or NONE%s", r.JitterStrategy, didYouMean(r.JitterStrategy, []string{"FULL", "NONE"}))
		}
	}
}

// catch checks the Catch field (checklist 8.3–8.5).
func (v *validator) catch(sc *stateCtx) {
	st := sc.st
	if st.Catch == nil {
		return
	}
	p := ptrJoin(sc.at, "Catch")
	for i, c := range st.Catch {
		cp := ptrIndex(p, i)
		if c == nil {
			v.errorf(CodeSchema, cp, "Catcher %d is not an object; give {\"ErrorEquals\": [...], \"Next\": ...}", i)
			continue
		}
		v.errorEquals(c.ErrorEquals, cp, i == len(st.Catch)-1, "catcher")
		if c.ResultPath.Set {
			rp := ptrJoin(cp, "ResultPath")
			if sc.lang == JSONata {
				v.errorf(CodeSchema, rp, "%s", langMismatch(JSONata, "ResultPath", "the catcher's 'Output' (with $states.errorOutput)"))
			} else if !c.ResultPath.Null {
				v.path(sc, c.ResultPath.Path, rp, "ResultPath", pathResult)
			}
		}
		written := map[string]bool{}
		if c.Assign.IsSet() {
			v.assign(sc, c.Assign, ptrJoin(cp, "Assign"), jaCtx{field: "Assign", errorOutput: true}, written)
		}
		if c.Output.IsSet() {
			op := ptrJoin(cp, "Output")
			if sc.lang == JSONPath {
				v.errorf(CodeSchema, op, "%s", langMismatch(JSONPath, "Output", "the catcher's 'ResultPath'"))
			} else {
				v.jsonataField(sc, c.Output, op, jaCtx{field: "Output", errorOutput: true, sameAssign: written})
				v.literalSize(c.Output, op, "Output")
			}
		}
		if c.Next == "" && c.Empty.Has("Next") {
			// Reported with the other empty fields.
		} else if c.Next == "" {
			v.errorf(CodeSchema, cp, "Field 'Next' is required in a catcher: name the state to go to when the error is caught")
		} else if _, ok := sc.local[c.Next]; !ok {
			v.missingTarget(ptrJoin(cp, "Next"), c.Next, sc.states, sc.scope)
		}
	}
}
