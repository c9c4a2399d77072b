package asl

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// typeSet is a set of state types.
type typeSet uint8

const (
	tTask typeSet = 1 << iota
	tPass
	tChoice
	tWait
	tSucceed
	tFail
	tParallel
	tMap

	tNone      typeSet = 0
	tAll               = tTask | tPass | tChoice | tWait | tSucceed | tFail | tParallel | tMap
	tFlow              = tTask | tPass | tWait | tParallel | tMap // Next/End
	tResultful         = tTask | tParallel | tMap                 // Retry, Catch, ResultSelector
)

var typeBits = map[StateType]typeSet{
	TypeTask: tTask, TypePass: tPass, TypeChoice: tChoice, TypeWait: tWait,
	TypeSucceed: tSucceed, TypeFail: tFail, TypeParallel: tParallel, TypeMap: tMap,
}

var typeNames = []string{"Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"}

// fieldSpec is one row of the field matrix (checklist §3.0, extended with
// each type's own fields): which state types take the field in each query
// language.
type fieldSpec struct {
	name   string
	jp, ja typeSet
	set    func(*State) bool
	// alt is the field to use in the other query language, if any.
	alt string
}

func (f fieldSpec) allowed(t typeSet, lang QueryLanguage) bool {
	if lang == JSONata {
		return f.ja&t != 0
	}
	return f.jp&t != 0
}

// fieldMatrix lists every modelled state field in document order.
var fieldMatrix = []fieldSpec{
	{name: "Resource", jp: tTask, ja: tTask, set: func(s *State) bool { return s.Resource != "" }},
	{name: "Credentials", jp: tTask, ja: tTask, set: func(s *State) bool { return s.Credentials.IsSet() }},
	{name: "InputPath", jp: tAll &^ tFail, set: func(s *State) bool { return s.InputPath.Set }, alt: "$states.input in the JSONata fields"},
	{name: "Parameters", jp: tTask | tParallel | tMap | tPass, set: func(s *State) bool { return s.Parameters.IsSet() }, alt: "'Arguments' (Task, Parallel), 'ItemSelector' (Map) or 'Output' (Pass)"},
	{name: "Arguments", ja: tTask | tParallel, set: func(s *State) bool { return s.Arguments.IsSet() }, alt: "'Parameters'"},
	{name: "Result", jp: tPass, set: func(s *State) bool { return s.Result.IsSet() }, alt: "'Output'"},
	{name: "Seconds", jp: tWait, ja: tWait, set: func(s *State) bool { return s.Seconds.IsSet() }},
	{name: "SecondsPath", jp: tWait, set: func(s *State) bool { return s.SecondsPath != "" }, alt: "'Seconds' with a JSONata expression"},
	{name: "Timestamp", jp: tWait, ja: tWait, set: func(s *State) bool { return s.Timestamp != "" }},
	{name: "TimestampPath", jp: tWait, set: func(s *State) bool { return s.TimestampPath != "" }, alt: "'Timestamp' with a JSONata expression"},
	{name: "Choices", jp: tChoice, ja: tChoice, set: func(s *State) bool { return s.Choices != nil }},
	{name: "Default", jp: tChoice, ja: tChoice, set: func(s *State) bool { return s.Default != "" }},
	{name: "Error", jp: tFail, ja: tFail, set: func(s *State) bool { return s.Error != "" }},
	{name: "ErrorPath", jp: tFail, set: func(s *State) bool { return s.ErrorPath != "" }, alt: "'Error' with a JSONata expression"},
	{name: "Cause", jp: tFail, ja: tFail, set: func(s *State) bool { return s.Cause != "" }},
	{name: "CausePath", jp: tFail, set: func(s *State) bool { return s.CausePath != "" }, alt: "'Cause' with a JSONata expression"},
	{name: "Branches", jp: tParallel, ja: tParallel, set: func(s *State) bool { return s.Branches != nil }},
	{name: "ItemReader", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ItemReader != nil }},
	{name: "Items", ja: tMap, set: func(s *State) bool { return s.Items.IsSet() }, alt: "'ItemsPath'"},
	{name: "ItemsPath", jp: tMap, set: func(s *State) bool { return s.ItemsPath != "" }, alt: "'Items'"},
	{name: "ItemSelector", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ItemSelector.IsSet() }},
	{name: "ItemBatcher", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ItemBatcher != nil }},
	{name: "MaxConcurrency", jp: tMap, ja: tMap, set: func(s *State) bool { return s.MaxConcurrency.IsSet() }},
	{name: "MaxConcurrencyPath", jp: tMap, set: func(s *State) bool { return s.MaxConcurrencyPath != "" }, alt: "'MaxConcurrency' with a JSONata expression"},
	{name: "ToleratedFailurePercentage", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ToleratedFailurePercentage.IsSet() }},
	{name: "ToleratedFailurePercentagePath", jp: tMap, set: func(s *State) bool { return s.ToleratedFailurePercentagePath != "" }, alt: "'ToleratedFailurePercentage' with a JSONata expression"},
	{name: "ToleratedFailureCount", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ToleratedFailureCount.IsSet() }},
	{name: "ToleratedFailureCountPath", jp: tMap, set: func(s *State) bool { return s.ToleratedFailureCountPath != "" }, alt: "'ToleratedFailureCount' with a JSONata expression"},
	{name: "Label", jp: tMap, ja: tMap, set: func(s *State) bool { return s.Label != "" }},
	{name: "ItemProcessor", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ItemProcessor != nil }},
	{name: "Iterator", jp: tMap, ja: tMap, set: func(s *State) bool { return s.Iterator != nil }},
	{name: "ResultWriter", jp: tMap, ja: tMap, set: func(s *State) bool { return s.ResultWriter != nil }},
	{name: "ResultSelector", jp: tResultful, set: func(s *State) bool { return s.ResultSelector.IsSet() }, alt: "'Output' (with $states.result)"},
	{name: "ResultPath", jp: tResultful | tPass, set: func(s *State) bool { return s.ResultPath.Set }, alt: "'Output' or 'Assign'"},
	{name: "OutputPath", jp: tAll &^ tFail, set: func(s *State) bool { return s.OutputPath.Set }, alt: "'Output'"},
	{name: "Output", ja: tAll &^ tFail, set: func(s *State) bool { return s.Output.IsSet() }, alt: "'OutputPath', 'ResultSelector' or 'ResultPath'"},
	{name: "Assign", jp: tAll &^ (tSucceed | tFail), ja: tAll &^ (tSucceed | tFail), set: func(s *State) bool { return s.Assign.IsSet() }},
	{name: "TimeoutSeconds", jp: tTask, ja: tTask, set: func(s *State) bool { return s.TimeoutSeconds.IsSet() }},
	{name: "TimeoutSecondsPath", jp: tTask, set: func(s *State) bool { return s.TimeoutSecondsPath != "" }, alt: "'TimeoutSeconds' with a JSONata expression"},
	{name: "HeartbeatSeconds", jp: tTask, ja: tTask, set: func(s *State) bool { return s.HeartbeatSeconds.IsSet() }},
	{name: "HeartbeatSecondsPath", jp: tTask, set: func(s *State) bool { return s.HeartbeatSecondsPath != "" }, alt: "'HeartbeatSeconds' with a JSONata expression"},
	{name: "Retry", jp: tResultful, ja: tResultful, set: func(s *State) bool { return s.Retry != nil }},
	{name: "Catch", jp: tResultful, ja: tResultful, set: func(s *State) bool { return s.Catch != nil }},
	{name: "Next", jp: tFlow, ja: tFlow, set: func(s *State) bool { return s.Next != "" }},
	{name: "End", jp: tFlow, ja: tFlow, set: func(s *State) bool { return s.End }},
}

// langMismatch is AWS's message for a field of the other query language.
func langMismatch(lang QueryLanguage, field, alt string) string {
	other := JSONPath
	if lang == JSONPath {
		other = JSONata
	}
	msg := fmt.Sprintf("The QueryLanguage is set to '%s', but field '%s' is only supported for the '%s' QueryLanguage", lang, field, other)
	if alt != "" {
		return msg + "; use " + alt + " instead"
	}
	return msg + "; remove it"
}

// notSupported is AWS's message for a field a state type does not take.
func notSupported(field string, t StateType) string {
	msg := fmt.Sprintf("Field '%s' is not supported", field)
	switch {
	case (field == "Next" || field == "End") && t == TypeChoice:
		return msg + ": a Choice state moves on through its Choices and Default; remove it"
	case (field == "Next" || field == "End") && (t == TypeSucceed || t == TypeFail):
		return msg + fmt.Sprintf(": a %s state always ends its branch; remove it", t)
	}
	return msg + fmt.Sprintf(" on a %s state; remove it", t)
}

// effectiveLanguage resolves a state's query language (checklist §2.4):
// its own, else the top level's, else JSONPath. Invalid values are
// reported by the caller and fall back the same way.
func (v *validator) effectiveLanguage(st *State) QueryLanguage {
	if st.QueryLanguage == JSONPath || st.QueryLanguage == JSONata {
		return st.QueryLanguage
	}
	if v.sm.QueryLanguage == JSONata {
		return JSONata
	}
	return JSONPath
}

// state checks one state.
func (v *validator) state(ctx *scopeCtx, st *State, sp string, local map[string]*State, states States, vars map[string]string) {
	v.stateName(st, sp)

	bits, known := typeBits[st.Type]
	switch {
	case st.Type == "" && st.Empty.Has("Type"):
		v.errorf(CodeSchema, ptrJoin(sp, "Type"), "Field 'Type' is empty: give one of %s", strings.Join(typeNames, ", "))
	case st.Type == "":
		v.errorf(CodeSchema, ptrJoin(sp, "Type"), "Field 'Type' is required: give one of %s", strings.Join(typeNames, ", "))
	case !known:
		v.errorf(CodeSchema, ptrJoin(sp, "Type"), "Field 'Type' is %q, which is not a state type%s; use one of %s (case-sensitive)", string(st.Type), didYouMean(string(st.Type), typeNames), strings.Join(typeNames, ", "))
	}

	switch st.QueryLanguage {
	case "":
		if st.Empty.Has("QueryLanguage") {
			v.errorf(CodeSchema, ptrJoin(sp, "QueryLanguage"), "Field 'QueryLanguage' is empty: it must be 'JSONPath' or 'JSONata'; set one or remove the field")
		}
	case JSONPath:
		if v.sm.QueryLanguage == JSONata {
			v.errorf(CodeSchema, ptrJoin(sp, "QueryLanguage"), "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine; remove the state's QueryLanguage and rewrite it in JSONata, or make the top level JSONPath and set JSONata per state")
		}
	case JSONata:
	default:
		v.errorf(CodeSchema, ptrJoin(sp, "QueryLanguage"), "Field 'QueryLanguage' is %q: it must be 'JSONPath' or 'JSONata' (case-sensitive)%s", string(st.QueryLanguage), didYouMean(string(st.QueryLanguage), []string{string(JSONPath), string(JSONata)}))
	}
	lang := v.effectiveLanguage(st)

	// Field matrix.
	bad := map[string]bool{}
	if known {
		for _, f := range fieldMatrix {
			if !(f.set(st) || st.Empty.Has(f.name)) || f.allowed(bits, lang) {
				continue
			}
			bad[f.name] = true
			otherLang := JSONata
			if lang == JSONata {
				otherLang = JSONPath
			}
			if f.allowed(bits, otherLang) {
				v.errorf(CodeSchema, ptrJoin(sp, f.name), "%s", langMismatch(lang, f.name, f.alt))
			} else {
				v.errorf(CodeSchema, ptrJoin(sp, f.name), "%s", notSupported(f.name, st.Type))
			}
		}
	}
	ok := func(field string) bool { return !bad[field] }

	// Next and End.
	if hasNext := st.Next != "" || st.Empty.Has("Next"); known && bits&tFlow != 0 {
		switch {
		case hasNext && st.End:
			v.errorf(CodeSchema, ptrJoin(sp, "End"), "Fields 'Next' and 'End' are both set: a %s state either moves on or ends; keep exactly one", st.Type)
		case !hasNext && !st.End:
			v.errorf(CodeSchema, sp, "State %q has neither 'Next' nor 'End': add \"Next\": \"<state>\" or \"End\": true", st.Name)
		}
	}
	if st.Next != "" && (ok("Next") || !known) {
		if _, found := local[st.Next]; !found {
			v.missingTarget(ptrJoin(sp, "Next"), st.Next, states, ctx)
		}
	}

	if !known {
		return
	}
	sc := &stateCtx{scope: ctx, st: st, at: sp, lang: lang, ok: ok, local: local, states: states, vars: vars}
	v.emptyStateStrings(sc)

	// Fields common to several types.
	if ok("InputPath") && st.InputPath.Set && !st.InputPath.Null {
		v.path(sc, st.InputPath.Path, ptrJoin(sp, "InputPath"), "InputPath", pathAny)
	}
	if ok("OutputPath") && st.OutputPath.Set && !st.OutputPath.Null {
		v.path(sc, st.OutputPath.Path, ptrJoin(sp, "OutputPath"), "OutputPath", pathAny)
	}
	if ok("ResultPath") && st.ResultPath.Set && !st.ResultPath.Null {
		v.path(sc, st.ResultPath.Path, ptrJoin(sp, "ResultPath"), "ResultPath", pathResult)
	}
	if ok("Parameters") && st.Parameters.IsSet() {
		v.payloadTemplate(sc, st.Parameters, ptrJoin(sp, "Parameters"), "Parameters")
	}
	if ok("ResultSelector") && st.ResultSelector.IsSet() {
		v.payloadTemplate(sc, st.ResultSelector, ptrJoin(sp, "ResultSelector"), "ResultSelector")
	}
	if ok("Arguments") && st.Arguments.IsSet() {
		v.jsonataField(sc, st.Arguments, ptrJoin(sp, "Arguments"), jaCtx{field: "Arguments"})
		v.literalSize(st.Arguments, ptrJoin(sp, "Arguments"), "Arguments")
		if st.Arguments.Kind != Object && !(st.Arguments.Kind == String && IsJSONata(st.Arguments.Str)) {
			v.errorf(CodeSchema, ptrJoin(sp, "Arguments"), "Field 'Arguments' is %s: it must be a JSON object or a JSONata expression that evaluates to one", kindPhrase(st.Arguments.Kind))
		}
	}
	assigned := map[string]bool{}
	if ok("Assign") && st.Assign.IsSet() {
		v.assign(sc, st.Assign, ptrJoin(sp, "Assign"), jaCtx{field: "Assign", result: bits&tResultful != 0}, assigned)
	}
	if ok("Output") && st.Output.IsSet() {
		v.jsonataField(sc, st.Output, ptrJoin(sp, "Output"), jaCtx{field: "Output", result: bits&tResultful != 0, sameAssign: assigned})
		v.literalSize(st.Output, ptrJoin(sp, "Output"), "Output")
	}

	switch st.Type {
	case TypeTask:
		v.task(sc)
	case TypePass:
		v.pass(sc)
	case TypeChoice:
		v.choice(sc)
	case TypeWait:
		v.wait(sc)
	case TypeFail:
		v.fail(sc)
	case TypeParallel:
		v.parallel(sc)
	case TypeMap:
		v.mapState(sc)
	}
	if ok("Retry") {
		v.retry(sc)
	}
	if ok("Catch") {
		v.catch(sc)
	}
	for _, m := range st.Extra {
		v.warnf(CodeSchema, ptrJoin(sp, m.Key), "Field '%s' is not modelled by goasl; passed through unchecked. Check it with validate-state-machine-definition", m.Key)
	}
}

// stateCtx is what the checks of one state need.
type stateCtx struct {
	scope  *scopeCtx
	st     *State
	at     string
	lang   QueryLanguage
	ok     func(field string) bool
	local  map[string]*State
	states States
	vars   map[string]string // variables of this scope and the enclosing ones
}

// stateName checks a state name: length, uniqueness, characters.
func (v *validator) stateName(st *State, sp string) {
	n := utf8.RuneCountInString(st.Name)
	switch {
	case st.Name == "":
		v.errorf(CodeInvalidStateName, sp, "State name is empty: give the state a name of 1 to %d characters", MaxStateNameLength)
	case !utf8.ValidString(st.Name):
		v.errorf(CodeInvalidStateName, sp, "State name %q is not valid UTF-8; rename it", st.Name)
	case n > MaxStateNameLength:
		v.errorf(CodeInvalidStateName, sp, "State name %q exceeds the %d-character limit (%d characters); shorten it", st.Name, MaxStateNameLength, n)
	}
	if first, ok := v.names[st.Name]; ok && first != sp {
		v.errorf(CodeDuplicateStateName, sp, "State name %q is already used at %s: state names must be unique across the whole state machine, nested branches and item processors included; rename one of them", st.Name, first)
	}
	for _, r := range st.Name {
		if r > unicode.MaxASCII || unicode.IsControl(r) {
			v.warnf(CodeInvalidStateName, sp, "State name %q contains the character %q: AWS may reject non-ASCII or control characters in names; prefer letters, digits, spaces, '-' and '_'", st.Name, r)
			break
		}
	}
}
