package asl

// choice checks a Choice state (checklist 3.3, §7).
func (v *validator) choice(sc *stateCtx) {
	st := sc.st
	p := ptrJoin(sc.at, "Choices")
	switch {
	case st.Choices == nil:
		v.errorf(CodeSchema, sc.at, "Field 'Choices' is required: a Choice state needs at least one rule")
	case len(st.Choices) == 0:
		v.errorf(CodeSchema, p, "Field 'Choices' is empty: a Choice state needs at least one rule; add one")
	}
	for i, r := range st.Choices {
		v.choiceRule(sc, r, ptrIndex(p, i), true, 1)
	}
	if st.Default != "" {
		if _, ok := sc.local[st.Default]; !ok {
			v.missingTarget(ptrJoin(sc.at, "Default"), st.Default, sc.states, sc.scope)
		}
	} else if len(st.Choices) > 0 && !st.Empty.Has("Default") {
		v.warnf(CodeSchema, sc.at, "Choice state %q has no 'Default': when no rule matches, the execution fails with States.NoChoiceMatched; add a Default state", st.Name)
	}
}

// choiceRule checks one rule; top says whether it is a top-level rule.
func (v *validator) choiceRule(sc *stateCtx, r *ChoiceRule, p string, top bool, depth int) {
	if r == nil {
		v.errorf(CodeSchema, p, "The Choice rule is not an object; give a rule object")
		return
	}
	if depth > v.opts.MaxDepth {
		if !v.depthReported {
			v.depthReported = true
			v.errorf(CodeTooDeeplyNested, p, "The states are too deeply nested: Choice rules nest more than %d levels; flatten the condition", v.opts.MaxDepth)
		}
		return
	}
	if top {
		if r.Next == "" {
			if !r.Empty.Has("Next") { // an empty Next is reported with the other empty fields
				v.errorf(CodeSchema, p, "Field 'Next' is required on a top-level Choice rule: name the state to go to when the rule matches")
			}
		} else if _, ok := sc.local[r.Next]; !ok {
			v.missingTarget(ptrJoin(p, "Next"), r.Next, sc.states, sc.scope)
		}
	} else {
		if r.Next != "" || r.Empty.Has("Next") {
			v.errorf(CodeSchema, ptrJoin(p, "Next"), "Field 'Next' is not supported in a nested Choice rule (inside And, Or or Not); move it to the top-level rule")
		}
		if r.Assign.IsSet() {
			v.errorf(CodeSchema, ptrJoin(p, "Assign"), "Field 'Assign' is not supported in a nested Choice rule (inside And, Or or Not); move it to the top-level rule")
		}
		if r.Output.IsSet() {
			v.errorf(CodeSchema, ptrJoin(p, "Output"), "Field 'Output' is not supported in a nested Choice rule; move it to the top-level rule")
		}
	}
	if sc.lang == JSONata {
		v.jsonataRule(sc, r, p, top)
		return
	}

	// JSONPath rule.
	if r.Condition.IsSet() {
		v.errorf(CodeSchema, ptrJoin(p, "Condition"), "%s", langMismatch(JSONPath, "Condition", "'Variable' with a comparison operator"))
	}
	if r.Output.IsSet() && top {
		v.errorf(CodeSchema, ptrJoin(p, "Output"), "%s", langMismatch(JSONPath, "Output", "the state's 'OutputPath'"))
	}
	if top && r.Assign.IsSet() {
		v.assign(sc, r.Assign, ptrJoin(p, "Assign"), jaCtx{field: "Assign"}, nil)
	}
	kinds := 0
	dataTest := r.Variable != "" || r.Empty.Has("Variable") || len(r.Comparisons) > 0
	if dataTest {
		kinds++
	}
	if r.And != nil {
		kinds++
	}
	if r.Or != nil {
		kinds++
	}
	if r.Not != nil {
		kinds++
	}
	switch {
	case kinds == 0:
		v.errorf(CodeSchema, p, "The Choice rule has no condition: give 'Variable' with one comparison operator, or 'And', 'Or' or 'Not'")
		return
	case kinds > 1:
		v.errorf(CodeSchema, p, "The Choice rule mixes a data test, 'And', 'Or' and 'Not': a rule is exactly one of them; nest the others inside 'And' or 'Or'")
	}
	if dataTest {
		if r.Variable == "" && r.Empty.Has("Variable") {
			// Reported with the other empty fields.
		} else if r.Variable == "" {
			v.errorf(CodeSchema, p, "Field 'Variable' is required in a data-test Choice rule: give the path of the value to compare, e.g. \"$.status\"")
		} else {
			v.path(sc, r.Variable, ptrJoin(p, "Variable"), "Variable", pathAny)
		}
		switch len(r.Comparisons) {
		case 0:
			v.errorf(CodeSchema, p, "The Choice rule has 'Variable' but no comparison operator; add one, such as \"StringEquals\"")
		case 1:
		default:
			v.errorf(CodeSchema, ptrJoin(p, string(r.Comparisons[1].Operator)), "Each Choice Rule can only have one comparison operator. Combine several tests with 'And' or 'Or'")
		}
		for _, c := range r.Comparisons {
			v.comparison(sc, c, ptrJoin(p, string(c.Operator)))
		}
	}
	for _, b := range []struct {
		name  string
		rules []*ChoiceRule
	}{{"And", r.And}, {"Or", r.Or}} {
		if b.rules == nil {
			continue
		}
		bp := ptrJoin(p, b.name)
		if len(b.rules) == 0 {
			v.errorf(CodeSchema, bp, "Field '%s' is empty: give at least one nested rule", b.name)
		}
		for i, n := range b.rules {
			v.choiceRule(sc, n, ptrIndex(bp, i), false, depth+1)
		}
	}
	if r.Not != nil {
		v.choiceRule(sc, r.Not, ptrJoin(p, "Not"), false, depth+1)
	}
}

// jsonataRule checks the JSONata-specific parts of a Choice rule.
func (v *validator) jsonataRule(sc *stateCtx, r *ChoiceRule, p string, top bool) {
	for _, f := range []struct {
		name string
		set  bool
	}{{"Variable", r.Variable != ""}, {"And", r.And != nil}, {"Or", r.Or != nil}, {"Not", r.Not != nil}} {
		if f.set {
			v.errorf(CodeSchema, ptrJoin(p, f.name), "%s", langMismatch(JSONata, f.name, "'Condition' with a JSONata expression"))
		}
	}
	for _, c := range r.Comparisons {
		v.errorf(CodeSchema, ptrJoin(p, string(c.Operator)), "%s", langMismatch(JSONata, string(c.Operator), "'Condition' with a JSONata expression"))
	}
	if !top {
		return
	}
	cp := ptrJoin(p, "Condition")
	switch c := r.Condition; {
	case !c.IsSet():
		v.errorf(CodeSchema, p, "Field 'Condition' is required in a JSONata Choice rule: give true, false or a JSONata expression \"{%% ... %%}\"")
	case c.Kind == Bool:
	case c.Kind == String && IsJSONata(c.Str):
		v.expr(sc, c.Str, cp, jaCtx{field: "Condition"})
	default:
		v.errorf(CodeSchema, cp, "Field 'Condition' must be true, false or a JSONata expression \"{%% ... %%}\", not %s", kindPhrase(c.Kind))
	}
	written := map[string]bool{}
	if r.Assign.IsSet() {
		v.assign(sc, r.Assign, ptrJoin(p, "Assign"), jaCtx{field: "Assign"}, written)
	}
	if r.Output.IsSet() {
		op := ptrJoin(p, "Output")
		v.jsonataField(sc, r.Output, op, jaCtx{field: "Output", sameAssign: written})
		v.literalSize(r.Output, op, "Output")
	}
}

// comparison checks one data-test operator and its operand (checklist
// 7.2.3–7.2.5).
func (v *validator) comparison(sc *stateCtx, c Comparison, p string) {
	info, ok := LookupOperator(c.Operator)
	if !ok {
		names := make([]string, len(Operators))
		for i, o := range Operators {
			names[i] = string(o.Operator)
		}
		v.errorf(CodeSchema, p, "%q is not a Choice comparison operator%s", string(c.Operator), didYouMean(string(c.Operator), names))
		return
	}
	val := c.Value
	wrong := func(want string) {
		got := val.Kind.String()
		if val.Kind == String {
			got = "the string " + quoteStr(val.Str)
		} else if val.Kind == Number {
			got = "the number " + val.Num
		}
		v.errorf(CodeSchema, p, "Operator '%s' needs %s, not %s", c.Operator, want, got)
	}
	switch info.Operand {
	case OperandString:
		if val.Kind != String {
			wrong("a string")
		} else if c.Operator == StringMatches {
			if i := badMatchEscape(val.Str); i >= 0 {
				v.warnf(CodeSchema, p, "StringMatches pattern %q has a backslash at byte %d that escapes neither '*' nor '\\', which fails at run time; write \\\\* for a literal star and \\\\\\\\ for a literal backslash", val.Str, i)
			}
		}
	case OperandNumber:
		if val.Kind != Number {
			wrong("a number")
		}
	case OperandBoolean, OperandTypeTest:
		if val.Kind != Bool {
			wrong("a boolean (true or false)")
		}
	case OperandTimestamp:
		if val.Kind != String {
			wrong("an RFC 3339 timestamp string")
		} else if msg := checkTimestamp(val.Str); msg != "" {
			v.errorf(CodeSchema, p, "Operator '%s' needs an RFC 3339 timestamp, and %q is not one: %s; write it like \"2016-03-14T01:59:00Z\"", c.Operator, val.Str, msg)
		}
	case OperandPath:
		if val.Kind != String {
			wrong("a path string")
		} else {
			v.path(sc, val.Str, p, string(c.Operator), pathAny)
		}
	}
}

// badMatchEscape returns the byte offset of a backslash in a StringMatches
// pattern that escapes neither '*' nor '\', or -1.
func badMatchEscape(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			continue
		}
		if i+1 < len(s) && (s[i+1] == '*' || s[i+1] == '\\') {
			i++
			continue
		}
		return i
	}
	return -1
}
