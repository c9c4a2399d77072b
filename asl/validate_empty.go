package asl

import (
	"reflect"
	"strings"
)

// This file checks the string fields a document gives as "" (the model's
// Empty lists), which would otherwise read as absent. Type, QueryLanguage
// and Version are checked where their other values are; the checks that
// report a missing required field (Resource, StartAt, Next...) leave a
// present empty one to this file, so each problem is reported once.

// emptyKind is how an empty value of a field is judged.
type emptyKind uint8

const (
	emptyText   emptyKind = iota + 1 // free text: Comment, Cause
	emptyError                       // an error name (Fail Error)
	emptyTarget                      // a state name: StartAt, Next, Default
	emptyPath                        // a path field
	emptyEnum                        // one of a fixed set of values
	emptyOther                       // a field with its own message
)

// emptyRule says how an empty field is reported.
type emptyRule struct {
	kind emptyKind
	want string // emptyPath: "a Path" or "a Reference Path"; emptyEnum: the values; emptyOther: the message
	code Code   // emptyOther: the diagnostic's code; CodeSchema if not set
}

var (
	emptyComment  = emptyRule{kind: emptyText}
	emptyRefPath  = emptyRule{kind: emptyPath, want: "a Reference Path"}
	emptyStartAt  = emptyRule{kind: emptyTarget}
	emptyNext     = emptyRule{kind: emptyTarget}
	emptyResource = emptyRule{kind: emptyOther, code: CodeInvalidResource, want: "Field 'Resource' is empty: a Task state needs the ARN of what it runs, such as \"arn:aws:states:::lambda:invoke\"; a tool that fills it in at deploy time must write the ARN before AWS sees the definition"}
)

// emptyRules lists, per model type, the string fields this file checks.
var emptyRules = map[reflect.Type]map[string]emptyRule{
	reflect.TypeFor[StateMachine](): {"Comment": emptyComment, "StartAt": emptyStartAt},
	reflect.TypeFor[Scope]():        {"Comment": emptyComment, "StartAt": emptyStartAt},
	reflect.TypeFor[State](): {
		"Comment": emptyComment, "Resource": emptyResource,
		"SecondsPath": emptyRefPath, "TimestampPath": emptyRefPath,
		"Timestamp": {kind: emptyOther, want: "Field 'Timestamp' is empty: it must be an RFC 3339 timestamp such as \"2026-01-01T00:00:00Z\"; give one or remove the field"},
		"Default":   emptyNext,
		"Error":     {kind: emptyError}, "ErrorPath": {kind: emptyPath, want: "a Reference Path or an intrinsic function"},
		"Cause": emptyComment, "CausePath": {kind: emptyPath, want: "a Reference Path or an intrinsic function"},
		"ItemsPath": emptyRefPath, "MaxConcurrencyPath": emptyRefPath, "ToleratedFailurePercentagePath": emptyRefPath,
		"ToleratedFailureCountPath": emptyRefPath, "TimeoutSecondsPath": emptyRefPath, "HeartbeatSecondsPath": emptyRefPath,
		"Label": {kind: emptyOther, code: CodeInvalidLabelName, want: "Field 'Label' is empty: a Label has 1 to 40 characters; give one or remove the field"},
		"Next":  emptyNext,
	},
	reflect.TypeFor[ProcessorConfig](): {
		"Mode":          {kind: emptyEnum, want: "INLINE, DISTRIBUTED"},
		"ExecutionType": {kind: emptyEnum, want: "STANDARD, EXPRESS"},
	},
	reflect.TypeFor[ItemReader](): {"Resource": {kind: emptyOther, want: "Field 'Resource' is empty: an ItemReader reads with " + strings.Join(readerResource, " or ") + "; give one"}},
	reflect.TypeFor[ReaderConfig](): {
		"InputType":         {kind: emptyEnum, want: strings.Join(inputTypes, ", ")},
		"Transformation":    {kind: emptyEnum, want: "NONE, LOAD_AND_FLATTEN"},
		"ManifestType":      {kind: emptyEnum, want: strings.Join(manifestTypes, ", ")},
		"CSVHeaderLocation": {kind: emptyEnum, want: "FIRST_ROW, GIVEN"},
		"CSVDelimiter":      {kind: emptyEnum, want: strings.Join(csvDelimiters, ", ")},
		"ItemsPointer":      {kind: emptyOther, want: "Field 'ItemsPointer' is empty: it must be a JSON Pointer that starts with '/', such as \"/data/items\"; give one or remove the field"},
		"MaxItemsPath":      emptyRefPath,
	},
	reflect.TypeFor[ItemBatcher]():  {"MaxItemsPerBatchPath": emptyRefPath, "MaxInputBytesPerBatchPath": emptyRefPath},
	reflect.TypeFor[ResultWriter](): {"Resource": {kind: emptyOther, want: "Field 'Resource' is empty: a ResultWriter writes with \"arn:aws:states:::s3:putObject\"; give it, or remove the field and keep only a WriterConfig"}},
	reflect.TypeFor[WriterConfig](): {
		"OutputType":     {kind: emptyEnum, want: "JSON, JSONL"},
		"Transformation": {kind: emptyEnum, want: "NONE, COMPACT, FLATTEN"},
	},
	reflect.TypeFor[Retrier]():    {"Comment": emptyComment, "JitterStrategy": {kind: emptyEnum, want: "FULL, NONE"}},
	reflect.TypeFor[Catcher]():    {"Comment": emptyComment, "Next": emptyNext},
	reflect.TypeFor[ChoiceRule](): {"Comment": emptyComment, "Variable": {kind: emptyPath, want: "a Path"}, "Next": emptyNext},
}

// emptyStrings reports the fields x (a pointer to a model struct) gives
// as "", at the pointer p of x. ok, if not nil, says whether the field is
// allowed where it is (a field that is not is reported as such already).
func (v *validator) emptyStrings(x any, empty EmptyStrings, p string, ok func(string) bool) {
	if len(empty) == 0 {
		return
	}
	rv := reflect.ValueOf(x)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return
	}
	rv = rv.Elem()
	rules := emptyRules[rv.Type()]
	seen := map[string]bool{}
	for _, field := range empty {
		rule, known := rules[field]
		f := rv.FieldByName(field)
		if !known || seen[field] || !f.IsValid() || f.Kind() != reflect.String || f.String() != "" || (ok != nil && !ok(field)) {
			continue
		}
		seen[field] = true
		fp := ptrJoin(p, field)
		switch rule.kind {
		case emptyText:
			v.warnf(CodeSchema, fp, "Field '%s' is empty: AWS's own language service (Workflow Studio) requires at least 1 character; write some text or remove the field", field)
		case emptyError:
			v.warnf(CodeSchema, fp, "Field 'Error' is empty: the execution fails with an empty error name, which AWS's own language service (Workflow Studio) refuses and no Retry or Catch can name; give an error name such as \"OrderRejected\" or remove the field")
		case emptyTarget:
			v.errorf(CodeSchema, fp, "Field '%s' is empty: it must name a state; give the name of the state to go to", field)
		case emptyPath:
			v.errorf(CodeInvalidPath, fp, "Field '%s' is empty: it must be %s, such as \"$.value\"; give one or remove the field", field, rule.want)
		case emptyEnum:
			v.errorf(CodeSchema, fp, "Field '%s' is empty: it must be one of %s; set one or remove the field", field, rule.want)
		case emptyOther:
			code := rule.code
			if code == "" {
				code = CodeSchema
			}
			v.errorf(code, fp, "%s", rule.want)
		}
	}
}

// emptyStateStrings checks the empty string fields of a state and of the
// objects it holds (scopes are checked by their own walk).
func (v *validator) emptyStateStrings(sc *stateCtx) {
	st, sp := sc.st, sc.at
	v.emptyStrings(st, st.Empty, sp, sc.ok)
	for i, r := range st.Retry {
		if r != nil && sc.ok("Retry") {
			v.emptyStrings(r, r.Empty, ptrIndex(ptrJoin(sp, "Retry"), i), nil)
		}
	}
	for i, c := range st.Catch {
		if c != nil && sc.ok("Catch") {
			v.emptyStrings(c, c.Empty, ptrIndex(ptrJoin(sp, "Catch"), i), nil)
		}
	}
	if sc.ok("Choices") {
		for i, r := range st.Choices {
			v.emptyRuleStrings(r, ptrIndex(ptrJoin(sp, "Choices"), i), 0)
		}
	}
	if r := st.ItemReader; r != nil && sc.ok("ItemReader") {
		rp := ptrJoin(sp, "ItemReader")
		v.emptyStrings(r, r.Empty, rp, nil)
		if rc := r.ReaderConfig; rc != nil {
			v.emptyStrings(rc, rc.Empty, ptrJoin(rp, "ReaderConfig"), nil)
		}
	}
	if b := st.ItemBatcher; b != nil && sc.ok("ItemBatcher") {
		v.emptyStrings(b, b.Empty, ptrJoin(sp, "ItemBatcher"), nil)
	}
	if w := st.ResultWriter; w != nil && sc.ok("ResultWriter") {
		wp := ptrJoin(sp, "ResultWriter")
		v.emptyStrings(w, w.Empty, wp, nil)
		if wc := w.WriterConfig; wc != nil {
			v.emptyStrings(wc, wc.Empty, ptrJoin(wp, "WriterConfig"), nil)
		}
	}
	for _, proc := range []struct {
		field string
		s     *Scope
	}{{"ItemProcessor", st.ItemProcessor}, {"Iterator", st.Iterator}} {
		if proc.s != nil && sc.ok(proc.field) {
			pp := ptrJoin(sp, proc.field)
			v.emptyStrings(proc.s, proc.s.Empty, pp, nil)
			if pc := proc.s.ProcessorConfig; pc != nil {
				v.emptyStrings(pc, pc.Empty, ptrJoin(pp, "ProcessorConfig"), nil)
			}
		}
	}
	if sc.ok("Branches") {
		for i, b := range st.Branches {
			if b != nil {
				v.emptyStrings(b, b.Empty, ptrIndex(ptrJoin(sp, "Branches"), i), nil)
			}
		}
	}
}

// emptyRuleStrings checks a Choice rule and the rules nested in it.
func (v *validator) emptyRuleStrings(r *ChoiceRule, p string, depth int) {
	if r == nil || depth > v.opts.MaxDepth {
		return
	}
	v.emptyStrings(r, r.Empty, p, nil)
	for i, x := range r.And {
		v.emptyRuleStrings(x, ptrIndex(ptrJoin(p, "And"), i), depth+1)
	}
	for i, x := range r.Or {
		v.emptyRuleStrings(x, ptrIndex(ptrJoin(p, "Or"), i), depth+1)
	}
	v.emptyRuleStrings(r.Not, ptrJoin(p, "Not"), depth+1)
}
