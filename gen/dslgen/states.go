package dslgen

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

// gen writes one workflow function.
type gen struct {
	w        Workflow
	sm       *asl.StateMachine
	problems []Problem
	names    names
}

func newGen(w Workflow) *gen {
	return &gen{w: w, sm: w.Machine, names: names{}}
}

func (g *gen) errf(ptr, format string, args ...any) {
	g.problems = append(g.problems, Problem{Workflow: g.w.Name, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

// call is one setter call of a builder chain.
type call struct {
	name string
	args []jen.Code
}

func c(name string, args ...jen.Code) call { return call{name, args} }

// chain writes base.A(...).B(...), one call per line when there are
// several.
func chain(base *jen.Statement, calls []call) *jen.Statement {
	for _, cl := range calls {
		if len(calls) > 1 {
			base = base.Op(".").Line().Id(cl.name).Call(cl.args...)
		} else {
			base = base.Dot(cl.name).Call(cl.args...)
		}
	}
	return base
}

func ptrJoin(base string, tokens ...string) string {
	for _, t := range tokens {
		base += "/" + asl.PointerEscape(t)
	}
	return base
}

func (g *gen) workflow() []jen.Code {
	sm := g.sm
	g.emptyStrings()
	var calls []call
	if sm.Comment != "" {
		calls = append(calls, c("Comment", jen.Lit(sm.Comment)))
	}
	if sm.Version != "" {
		calls = append(calls, c("Version", jen.Lit(sm.Version)))
	}
	switch sm.QueryLanguage {
	case "":
	case asl.JSONata:
		calls = append(calls, c("QueryLanguage", dslID("JSONata")))
	case asl.JSONPath:
		calls = append(calls, c("QueryLanguage", dslID("JSONPath")))
	default:
		calls = append(calls, c("QueryLanguage", dslID("QueryLanguage").Call(jen.Lit(string(sm.QueryLanguage)))))
	}
	if sm.TimeoutSeconds.IsSet() {
		if d, ok := durationCode(sm.TimeoutSeconds); ok {
			calls = append(calls, c("Timeout", d))
		} else {
			g.errf("/TimeoutSeconds", "%s: dsl.Workflow.Timeout takes a whole number of seconds", describe(sm.TimeoutSeconds))
		}
	}
	g.names["wf"] = true
	out := []jen.Code{jen.Id("wf").Op(":=").Add(chain(dslID("NewWorkflow").Call(jen.Lit(g.w.Name)), calls))}
	out = append(out, g.scope("wf", sm.StartAt, sm.States, "", false)...)
	out = append(out, jen.Line(), jen.Return(jen.Id("wf")))
	return out
}

// describe names a value in an error message.
func describe(v asl.Value) string {
	switch v.Kind {
	case asl.String:
		if _, ok := refName(v.Str); ok {
			return fmt.Sprintf("the placeholder %q", v.Str)
		}
		return fmt.Sprintf("the string %q", v.Str)
	case asl.Number:
		return "the number " + v.Num
	}
	return "a JSON " + v.Kind.String()
}

// scopeVars maps the state names of one scope to their Go variables.
type scopeVars map[string]string

// scope writes the states of a workflow, branch or processor held in the
// Go variable sv, then their transitions.
// Inside a function literal (inner) the first state has no blank line
// before it.
func (g *gen) scope(sv, startAt string, states asl.States, ptr string, inner bool) []jen.Code {
	vars := scopeVars{}
	needs := map[string]bool{}
	for _, st := range states {
		for _, t := range targets(st) {
			needs[t] = true
		}
		if st.Next != "" || st.Default != "" || len(st.Catch) > 0 || st.Choices != nil {
			needs[st.Name] = true
		}
	}
	if len(states) > 0 && startAt != states[0].Name {
		needs[startAt] = true
	}
	for _, st := range states {
		if needs[st.Name] {
			vars[st.Name] = g.names.take(varName(st.Name))
		}
	}
	var out []jen.Code
	for i, st := range states {
		sp := ptrJoin(ptr, "States", st.Name)
		if i > 0 || !inner {
			out = append(out, jen.Line())
		}
		out = append(out, g.state(sv, vars, st, sp)...)
	}
	// Transitions.
	var wiring []jen.Code
	if len(states) == 0 {
		if startAt != "" {
			wiring = append(wiring, jen.Id(sv).Dot("StartAt").Call(dslID("Named").Call(jen.Lit(startAt))))
		}
	} else if startAt == "" {
		g.errf(ptr+"/StartAt", "StartAt is empty: dsl starts a scope at its first state")
	} else if startAt != states[0].Name {
		wiring = append(wiring, jen.Id(sv).Dot("StartAt").Call(ref(vars, startAt)))
	}
	for _, st := range states {
		wiring = append(wiring, g.transitions(vars, st, ptrJoin(ptr, "States", st.Name))...)
	}
	if len(wiring) > 0 {
		out = append(out, jen.Line())
		out = append(out, wiring...)
	}
	return out
}

// targets lists the states a state moves to.
func targets(st *asl.State) []string {
	var ts []string
	if st.Next != "" {
		ts = append(ts, st.Next)
	}
	if st.Default != "" {
		ts = append(ts, st.Default)
	}
	for _, r := range st.Choices {
		if r != nil && r.Next != "" {
			ts = append(ts, r.Next)
		}
	}
	for _, k := range st.Catch {
		if k != nil && k.Next != "" {
			ts = append(ts, k.Next)
		}
	}
	return ts
}

// ref refers to a state of the scope: its variable, or dsl.Named for a
// name the scope does not have.
func ref(vars scopeVars, name string) jen.Code {
	if v, ok := vars[name]; ok {
		return jen.Id(v)
	}
	return dslID("Named").Call(jen.Lit(name))
}

// allowed lists, per state type, the optional fields its builder can set.
var allowed = map[asl.StateType]string{
	asl.TypeTask:     "InputPath OutputPath Output Assign Next End ResultPath Parameters Arguments ResultSelector Retry Catch Resource Credentials TimeoutSeconds TimeoutSecondsPath HeartbeatSeconds HeartbeatSecondsPath",
	asl.TypePass:     "InputPath OutputPath Output Assign Next End ResultPath Parameters Result",
	asl.TypeChoice:   "InputPath OutputPath Output Assign Choices Default",
	asl.TypeWait:     "InputPath OutputPath Output Assign Next End Seconds SecondsPath Timestamp TimestampPath",
	asl.TypeSucceed:  "InputPath OutputPath Output",
	asl.TypeFail:     "Error ErrorPath Cause CausePath",
	asl.TypeParallel: "InputPath OutputPath Output Assign Next End ResultPath Parameters Arguments ResultSelector Retry Catch Branches",
	asl.TypeMap: "InputPath OutputPath Output Assign Next End ResultPath Parameters ResultSelector Retry Catch ItemReader Items ItemsPath ItemSelector ItemBatcher " +
		"MaxConcurrency MaxConcurrencyPath ToleratedFailurePercentage ToleratedFailurePercentagePath ToleratedFailureCount ToleratedFailureCountPath Label ItemProcessor Iterator ResultWriter",
}

// setFields lists the optional fields a state has, in document order.
func setFields(st *asl.State) []string {
	var fs []string
	add := func(name string, set bool) {
		if set {
			fs = append(fs, name)
		}
	}
	add("Resource", st.Resource != "")
	add("Credentials", st.Credentials.IsSet())
	add("InputPath", st.InputPath.Set)
	add("Parameters", st.Parameters.IsSet())
	add("Arguments", st.Arguments.IsSet())
	add("Result", st.Result.IsSet())
	add("Seconds", st.Seconds.IsSet())
	add("SecondsPath", st.SecondsPath != "")
	add("Timestamp", st.Timestamp != "")
	add("TimestampPath", st.TimestampPath != "")
	add("Choices", st.Choices != nil)
	add("Default", st.Default != "")
	add("Error", st.Error != "")
	add("ErrorPath", st.ErrorPath != "")
	add("Cause", st.Cause != "")
	add("CausePath", st.CausePath != "")
	add("Branches", st.Branches != nil)
	add("ItemReader", st.ItemReader != nil)
	add("Items", st.Items.IsSet())
	add("ItemsPath", st.ItemsPath != "")
	add("ItemSelector", st.ItemSelector.IsSet())
	add("ItemBatcher", st.ItemBatcher != nil)
	add("MaxConcurrency", st.MaxConcurrency.IsSet())
	add("MaxConcurrencyPath", st.MaxConcurrencyPath != "")
	add("ToleratedFailurePercentage", st.ToleratedFailurePercentage.IsSet())
	add("ToleratedFailurePercentagePath", st.ToleratedFailurePercentagePath != "")
	add("ToleratedFailureCount", st.ToleratedFailureCount.IsSet())
	add("ToleratedFailureCountPath", st.ToleratedFailureCountPath != "")
	add("Label", st.Label != "")
	add("ItemProcessor", st.ItemProcessor != nil)
	add("Iterator", st.Iterator != nil)
	add("ResultWriter", st.ResultWriter != nil)
	add("ResultSelector", st.ResultSelector.IsSet())
	add("ResultPath", st.ResultPath.Set)
	add("OutputPath", st.OutputPath.Set)
	add("Output", st.Output.IsSet())
	add("Assign", st.Assign.IsSet())
	add("TimeoutSeconds", st.TimeoutSeconds.IsSet())
	add("TimeoutSecondsPath", st.TimeoutSecondsPath != "")
	add("HeartbeatSeconds", st.HeartbeatSeconds.IsSet())
	add("HeartbeatSecondsPath", st.HeartbeatSecondsPath != "")
	add("Retry", st.Retry != nil)
	add("Catch", st.Catch != nil)
	add("Next", st.Next != "")
	add("End", st.End)
	return fs
}

// builderNames maps a state type to the Scope method that adds it.
var builderNames = map[asl.StateType]string{
	asl.TypeTask: "Task", asl.TypePass: "Pass", asl.TypeChoice: "Choice", asl.TypeWait: "Wait",
	asl.TypeSucceed: "Succeed", asl.TypeFail: "Fail", asl.TypeParallel: "Parallel", asl.TypeMap: "Map",
}

// isJSONata reports whether a state is effectively JSONata.
func (g *gen) isJSONata(st *asl.State) bool {
	if st.QueryLanguage != "" {
		return st.QueryLanguage == asl.JSONata
	}
	return g.sm.QueryLanguage == asl.JSONata
}

// payloadMode is the mode of a state's payload fields.
func (g *gen) payloadMode(st *asl.State) mode {
	if g.isJSONata(st) {
		return jsonata
	}
	return template
}

// state writes one state's declaration, and the scopes it holds.
func (g *gen) state(sv string, vars scopeVars, st *asl.State, ptr string) []jen.Code {
	method, ok := builderNames[st.Type]
	if !ok {
		g.errf(ptr+"/Type", "unknown state type %q: dsl builds only the eight ASL state types", st.Type)
		return nil
	}
	ok = true
	allow := " " + allowed[st.Type] + " "
	for _, f := range setFields(st) {
		if !strings.Contains(allow, " "+f+" ") {
			g.errf(ptrJoin(ptr, f), "a %s state cannot have %s: dsl's %sState has no setter for it", st.Type, f, st.Type)
			ok = false
		}
	}
	if len(st.Extra) > 0 {
		for _, x := range st.Extra {
			g.errf(ptrJoin(ptr, x.Key), "field %q is not part of ASL", x.Key)
		}
		ok = false
	}
	if !ok {
		return nil
	}
	m := g.payloadMode(st)
	var calls []call
	if st.Comment != "" {
		calls = append(calls, c("Comment", jen.Lit(st.Comment)))
	}
	switch st.QueryLanguage {
	case "":
	case asl.JSONata:
		calls = append(calls, c("QueryLanguage", dslID("JSONata")))
	case asl.JSONPath:
		calls = append(calls, c("QueryLanguage", dslID("JSONPath")))
	default:
		calls = append(calls, c("QueryLanguage", dslID("QueryLanguage").Call(jen.Lit(string(st.QueryLanguage)))))
	}
	args := []jen.Code{jen.Lit(st.Name)}
	var retry []*asl.Retrier = st.Retry
	params, arguments := st.Parameters, st.Arguments
	// A Task is written as one chain inside Task(...): the integration,
	// its options, then the state's own fields.
	var taskRoot *jen.Statement
	var taskCalls []call
	if st.Type == asl.TypeTask {
		root, resCalls, rest, consumed := g.resource(st, ptr)
		taskRoot, taskCalls = root, resCalls
		if consumed {
			if m == jsonata {
				arguments = asl.Value{}
			} else {
				params = asl.Value{}
			}
		}
		retry = rest
	}
	if st.InputPath.Set {
		calls = append(calls, pathCall("InputPath", "NoInput", st.InputPath))
	}
	if params.IsSet() {
		calls = append(calls, c("Parameters", g.value(params, template)))
	}
	if arguments.IsSet() {
		calls = append(calls, c("Arguments", g.value(arguments, jsonata)))
	}
	switch st.Type {
	case asl.TypeTask:
		calls = append(calls, g.task(st, m, ptr)...)
	case asl.TypePass:
		if st.Result.IsSet() {
			calls = append(calls, c("Result", g.value(st.Result, literal)))
		}
	case asl.TypeWait:
		calls = append(calls, g.wait(st, ptr)...)
	case asl.TypeFail:
		calls = append(calls, g.fail(st)...)
	case asl.TypeMap:
		calls = append(calls, g.mapFields(st, m, ptr)...)
	}
	calls = append(calls, g.nested(st, ptr)...)
	if st.ResultSelector.IsSet() {
		calls = append(calls, c("ResultSelector", g.value(st.ResultSelector, m)))
	}
	if st.ResultPath.Set {
		calls = append(calls, pathCall("ResultPath", "DiscardResult", st.ResultPath))
	}
	if st.OutputPath.Set {
		calls = append(calls, pathCall("OutputPath", "NoOutput", st.OutputPath))
	}
	if st.Output.IsSet() {
		calls = append(calls, c("Output", g.value(st.Output, m)))
	}
	if st.Assign.IsSet() {
		if a, ok := g.obj(st.Assign, m, ptr+"/Assign"); ok {
			calls = append(calls, c("Assign", a))
		}
	}
	if len(retry) > 0 {
		var rs []jen.Code
		for i, r := range retry {
			rs = append(rs, g.retrier(r, fmt.Sprintf("%s/Retry/%d", ptr, i+len(st.Retry)-len(retry))))
		}
		calls = append(calls, c("Retry", rs...))
	} else if st.Retry != nil && len(st.Retry) == 0 {
		g.errf(ptr+"/Retry", "an empty Retry array: dsl writes Retry only when there are retriers; remove the field")
	}
	if st.Catch != nil && len(st.Catch) == 0 {
		g.errf(ptr+"/Catch", "an empty Catch array: dsl writes Catch only when there are catchers; remove the field")
	}
	if st.End {
		calls = append(calls, c("End"))
	}
	var decl *jen.Statement
	if taskRoot != nil {
		decl = jen.Id(sv).Dot(method).Call(append(args, chain(taskRoot, append(taskCalls, calls...)))...)
	} else {
		decl = chain(jen.Id(sv).Dot(method).Call(args...), calls)
	}
	v, named := vars[st.Name]
	var out []jen.Code
	for _, line := range g.w.Comments[ptr] {
		out = append(out, jen.Comment(line))
	}
	if named {
		out = append(out, jen.Id(v).Op(":=").Add(decl))
	} else {
		out = append(out, decl)
	}
	return out
}

// nested writes the Branch calls of a Parallel state and the Processor (or
// Iterator) call of a Map state, each with a function literal that adds the
// states of the scope.
func (g *gen) nested(st *asl.State, ptr string) []call {
	var calls []call
	switch st.Type {
	case asl.TypeParallel:
		for i, b := range st.Branches {
			bp := fmt.Sprintf("%s/Branches/%d", ptr, i)
			if b == nil {
				g.errf(bp, "a null branch")
				continue
			}
			if b.ProcessorConfig != nil {
				g.errf(bp+"/ProcessorConfig", "a Parallel branch cannot have a ProcessorConfig")
			}
			bv := g.names.take("branch")
			calls = append(calls, c("Branch", g.scopeFunc(bv, b, bp)))
		}
	case asl.TypeMap:
		proc, field, method := st.ItemProcessor, "ItemProcessor", "Processor"
		if st.Iterator != nil {
			if proc != nil {
				g.errf(ptr+"/Iterator", "a Map state with both ItemProcessor and Iterator: dsl keeps one of them")
				break
			}
			proc, field, method = st.Iterator, "Iterator", "Iterator"
		}
		if proc == nil {
			break
		}
		pv := g.names.take("items")
		calls = append(calls, c(method, g.scopeFunc(pv, proc, ptr+"/"+field)))
	}
	return calls
}

// scopeFunc writes func(sv *dsl.Scope) { ... } adding the states of a
// branch or item processor.
func (g *gen) scopeFunc(sv string, p *asl.Scope, ptr string) jen.Code {
	var body []jen.Code
	if p.Comment != "" {
		body = append(body, jen.Id(sv).Dot("Comment").Call(jen.Lit(p.Comment)))
	}
	body = append(body, g.scope(sv, p.StartAt, p.States, ptr, true)...)
	return jen.Func().Params(jen.Id(sv).Op("*").Qual(dslPath, "Scope")).Block(body...)
}

// pathCall writes a nullable path setter: the path, or the null form.
func pathCall(set, null string, p asl.NullablePath) call {
	if p.Null {
		return c(null)
	}
	return c(set, jen.Lit(p.Path))
}

// obj writes a value that dsl types as dsl.Obj (Assign).
func (g *gen) obj(v asl.Value, m mode, ptr string) (jen.Code, bool) {
	if v.Kind != asl.Object {
		g.errf(ptr, "%s: dsl's Assign takes a dsl.Obj", describe(v))
		return nil, false
	}
	return g.object(v, m), true
}

// transitions writes the calls that link a state to others: Next, Catch,
// Choice rules and Default.
func (g *gen) transitions(vars scopeVars, st *asl.State, ptr string) []jen.Code {
	v, ok := vars[st.Name]
	if !ok {
		return nil
	}
	var out []jen.Code
	m := g.payloadMode(st)
	for i, r := range st.Choices {
		rp := fmt.Sprintf("%s/Choices/%d", ptr, i)
		if r == nil {
			g.errf(rp, "a null Choice rule")
			continue
		}
		cond, ok := g.cond(r, rp, true)
		if !ok {
			continue
		}
		var calls []call
		if r.Comment != "" {
			calls = append(calls, c("Comment", jen.Lit(r.Comment)))
		}
		if r.Assign.IsSet() {
			if a, ok := g.obj(r.Assign, m, rp+"/Assign"); ok {
				calls = append(calls, c("Assign", a))
			}
		}
		if r.Output.IsSet() {
			calls = append(calls, c("Output", g.value(r.Output, m)))
		}
		out = append(out, chain(jen.Id(v).Dot("When").Call(cond, ref(vars, r.Next)), calls))
	}
	if st.Default != "" {
		out = append(out, jen.Id(v).Dot("Otherwise").Call(ref(vars, st.Default)))
	}
	if len(st.Catch) > 0 {
		var cs []jen.Code
		for i, k := range st.Catch {
			cs = append(cs, g.catcher(vars, k, m, fmt.Sprintf("%s/Catch/%d", ptr, i)))
		}
		out = append(out, jen.Id(v).Dot("Catch").Call(cs...))
	}
	if st.Next != "" {
		out = append(out, jen.Id(v).Dot("Next").Call(ref(vars, st.Next)))
	}
	return out
}

// errorNames maps the predefined error names to dsl's constants.
var errorNames = map[string]string{
	"States.ALL": "ErrAll", "States.HeartbeatTimeout": "ErrHeartbeatTimeout", "States.Timeout": "ErrTimeout",
	"States.TaskFailed": "ErrTaskFailed", "States.Permissions": "ErrPermissions",
	"States.ResultPathMatchFailure": "ErrResultPathMatchFailure", "States.ParameterPathFailure": "ErrParameterPathFailure",
	"States.QueryEvaluationError": "ErrQueryEvaluationError", "States.BranchFailed": "ErrBranchFailed",
	"States.NoChoiceMatched": "ErrNoChoiceMatched", "States.IntrinsicFailure": "ErrIntrinsicFailure",
	"States.ExceedToleratedFailureThreshold": "ErrExceedToleratedFailureThreshold",
	"States.ItemReaderFailed":                "ErrItemReaderFailed", "States.ResultWriterFailed": "ErrResultWriterFailed",
	"States.DataLimitExceeded": "ErrDataLimitExceeded", "States.Runtime": "ErrRuntime", "States.Http.Socket": "ErrHTTPSocket",
}

func errorCodes(errs []string) []jen.Code {
	out := make([]jen.Code, 0, len(errs))
	for _, e := range errs {
		if n, ok := errorNames[e]; ok {
			out = append(out, dslID(n))
		} else {
			out = append(out, jen.Lit(e))
		}
	}
	return out
}

func (g *gen) retrier(r *asl.Retrier, ptr string) jen.Code {
	if r == nil {
		g.errf(ptr, "a null retrier")
		return jen.Nil()
	}
	if r.ErrorEquals == nil {
		g.errf(ptr+"/ErrorEquals", "the retrier has no ErrorEquals: dsl.Retry always writes it")
	}
	var calls []call
	if r.Comment != "" {
		calls = append(calls, c("Comment", jen.Lit(r.Comment)))
	}
	calls = append(calls, g.retrierField(r.IntervalSeconds, ptr, "IntervalSeconds", "Interval", durationCode, "a whole number of seconds")...)
	calls = append(calls, g.retrierField(r.MaxAttempts, ptr, "MaxAttempts", "MaxAttempts", intCode, "an int")...)
	calls = append(calls, g.retrierField(r.BackoffRate, ptr, "BackoffRate", "BackoffRate", floatCode, "a float64")...)
	calls = append(calls, g.retrierField(r.MaxDelaySeconds, ptr, "MaxDelaySeconds", "MaxDelay", durationCode, "a whole number of seconds")...)
	switch r.JitterStrategy {
	case "":
	case "FULL":
		calls = append(calls, c("Jitter", dslID("JitterFull")))
	case "NONE":
		calls = append(calls, c("Jitter", dslID("JitterNone")))
	default:
		calls = append(calls, c("Jitter", dslID("JitterStrategy").Call(jen.Lit(r.JitterStrategy))))
	}
	return chain(dslID("Retry").Call(errorCodes(r.ErrorEquals)...), calls)
}

// retrierField writes one number field of a retrier with its setter
// method, whose argument code writes (what it takes, for the message when
// it cannot).
func (g *gen) retrierField(v asl.Value, ptr, field, method string, code func(asl.Value) (jen.Code, bool), what string) []call {
	if !v.IsSet() {
		return nil
	}
	if x, ok := code(v); ok {
		return []call{c(method, x)}
	}
	g.errf(ptr+"/"+field, "%s: Retrier.%s takes %s", describe(v), method, what)
	return nil
}

func (g *gen) catcher(vars scopeVars, k *asl.Catcher, m mode, ptr string) jen.Code {
	if k == nil {
		g.errf(ptr, "a null catcher")
		return jen.Nil()
	}
	if k.ErrorEquals == nil {
		g.errf(ptr+"/ErrorEquals", "the catcher has no ErrorEquals: dsl.Catch always writes it")
	}
	var calls []call
	if k.Comment != "" {
		calls = append(calls, c("Comment", jen.Lit(k.Comment)))
	}
	if k.ResultPath.Set {
		calls = append(calls, pathCall("ResultPath", "DiscardResult", k.ResultPath))
	}
	if k.Output.IsSet() {
		calls = append(calls, c("Output", g.value(k.Output, m)))
	}
	if k.Assign.IsSet() {
		if a, ok := g.obj(k.Assign, m, ptr+"/Assign"); ok {
			calls = append(calls, c("Assign", a))
		}
	}
	next := ref(vars, k.Next)
	if k.Next == "" {
		next = jen.Nil()
	}
	return chain(dslID("Catch").Call(append([]jen.Code{next}, errorCodes(k.ErrorEquals)...)...), calls)
}
