package flow

import (
	"fmt"
	"strings"

	"github.com/goasl/goasl/asl"
)

// maxVisits bounds how often a state's input may change before it is
// widened to Any, so loops that grow a value always end.
const maxVisits = 8

// Infer computes the types at every state of sm and the problems found.
// ann may be nil (everything unknown). It never panics on a machine that
// asl.Validate accepts; on other machines it does its best.
func Infer(sm *asl.StateMachine, ann *Annotations) *Result {
	if ann == nil {
		ann = &Annotations{}
	}
	in := &inferrer{ann: ann, report: true, res: &Result{byPtr: map[string]*StateInfo{}}, seen: map[string]bool{}, assigned: map[string]bool{}}
	if sm == nil {
		return in.res
	}
	in.topJSONata = sm.QueryLanguage == asl.JSONata
	in.collectAssigned(sm.States)
	in.scope(sm.StartAt, sm.States, "", orAny(ann.Input), vars{}, nil, 0, true)
	return in.res
}

type inferrer struct {
	ann        *Annotations
	res        *Result
	topJSONata bool
	report     bool
	seen       map[string]bool // reported diagnostics, by pointer and message
	// assigned lists every variable some Assign sets, anywhere.
	assigned map[string]bool
	// ctx is the context object outside Map item selectors.
	ctx *Type
}

func (in *inferrer) add(code asl.Code, ptr, format string, args ...any) {
	if !in.report {
		return
	}
	msg := fmt.Sprintf(format, args...)
	key := ptr + "\x00" + msg
	if in.seen[key] {
		return
	}
	in.seen[key] = true
	in.res.Diagnostics = append(in.res.Diagnostics, asl.Diagnostic{Severity: asl.SeverityError, Code: code, Pointer: ptr, Message: msg})
}

func (in *inferrer) collectAssigned(states asl.States) {
	states.Each(func(st *asl.State) {
		in.assignNames(st.Assign)
		for _, r := range st.Choices {
			in.assignNames(r.Assign)
		}
		for _, k := range st.Catch {
			in.assignNames(k.Assign)
		}
	})
}

func (in *inferrer) assignNames(v asl.Value) {
	for _, m := range v.Members {
		in.assigned[strings.TrimSuffix(m.Key, ".$")] = true
	}
}

// mapCtx is what $$.Map.Item (or $states.context.Map.Item) holds inside a
// Map processor's ItemSelector: Value is the array item, or the member
// value of an object the Map iterates, whose Key is then set too.
type mapCtx struct {
	value *Type
	key   bool
}

// entry is what reaches a state: its input and the variables assigned on
// every path so far.
type entry struct {
	set    bool
	input  *Type
	vars   vars
	visits int
}

// edge is a transition with the value and variables it carries.
type edge struct {
	to    string
	value *Type
	vars  vars
}

// scope infers a States container started with input and variables v, and
// returns the join of the outputs of its terminal states (Any when none).
// It iterates to a fixpoint without reporting, then makes one reporting
// pass with the final inputs when report is set.
func (in *inferrer) scope(start string, states asl.States, ptr string, input *Type, v vars, mc *mapCtx, depth int, report bool) *Type {
	byName := make(map[string]*asl.State, len(states))
	index := make(map[string]int, len(states))
	for i, st := range states {
		byName[st.Name] = st
		index[st.Name] = i
	}
	entries := make([]entry, len(states))
	saved := in.report
	in.report = false
	work := []int{}
	queued := make([]bool, len(states))
	// reached lists the states in the order the data first reached them,
	// which does not depend on the order they are declared in.
	reached := []int{}
	push := func(name string, value *Type, vs vars) {
		i, ok := index[name]
		if !ok {
			return
		}
		e := &entries[i]
		changed := false
		if !e.set {
			e.set, e.input, e.vars, changed = true, value, vs, true
			reached = append(reached, i)
		} else {
			ni := Join(e.input, value)
			nv := meet(e.vars, vs)
			if !Equal(ni, e.input) || !sameVars(nv, e.vars) {
				e.input, e.vars, changed = ni, nv, true
			}
		}
		if changed {
			e.visits++
			if e.visits > maxVisits {
				e.input = AnyType
				widened := make(vars, len(e.vars))
				for k := range e.vars {
					widened[k] = AnyType
				}
				e.vars = widened
			}
			if !queued[i] {
				queued[i] = true
				work = append(work, i)
			}
		}
	}
	push(start, input, v)
	for len(work) > 0 {
		i := work[0]
		work = work[1:]
		queued[i] = false
		st := states[i]
		e := entries[i]
		edges, _ := in.state(st, stateptr(ptr, st.Name), e.input, e.vars, mc, depth, false)
		for _, ed := range edges {
			push(ed.to, ed.value, ed.vars)
		}
	}
	in.report = saved && report
	outs := make([]*Type, len(states))
	for i, st := range states {
		e := entries[i]
		sp := stateptr(ptr, st.Name)
		if !e.set {
			if report {
				info := &StateInfo{Pointer: sp, Name: st.Name, Type: st.Type, JSONata: in.jsonata(st), Depth: depth}
				in.record(info)
			}
			continue
		}
		_, outs[i] = in.state(st, sp, e.input, e.vars, mc, depth, report)
	}
	// The scope's result joins its terminal states' outputs in the order
	// the data reached them: field order then follows the data, not the
	// declarations.
	var out *Type
	terminal := false
	for _, i := range reached {
		if o := outs[i]; o != nil {
			if !terminal {
				out, terminal = o, true
			} else {
				out = Join(out, o)
			}
		}
	}
	in.report = saved
	return orAny(out)
}

func stateptr(scope, name string) string { return scope + "/States/" + asl.PointerEscape(name) }

func (in *inferrer) record(info *StateInfo) {
	in.res.States = append(in.res.States, info)
	in.res.byPtr[info.Pointer] = info
}

func (in *inferrer) jsonata(st *asl.State) bool {
	if st.QueryLanguage != "" {
		return st.QueryLanguage == asl.JSONata
	}
	return in.topJSONata
}

// env is what paths and expressions of one state can read.
type env struct {
	input   *Type // $ (JSONPath) or the value a path is relative to
	vars    vars
	mc      *mapCtx
	states  *Type // $states (JSONata)
	context *Type // $$ / $states.context
}

// state runs one state: it returns the transitions it makes and, for a
// terminal state (End or Succeed), its output. With record set it stores
// the StateInfo.
func (in *inferrer) state(st *asl.State, ptr string, input *Type, v vars, mc *mapCtx, depth int, record bool) ([]edge, *Type) {
	info := &StateInfo{Pointer: ptr, Name: st.Name, Type: st.Type, JSONata: in.jsonata(st), Depth: depth, Reached: true, Input: input, Variables: v.list()}
	if a, ok := in.ann.States[ptr]; ok {
		info.TaskInput, info.TaskOutput = a.TaskInput, a.TaskOutput
	}
	if record {
		in.record(info)
	}
	if info.JSONata {
		return in.stateJSONata(st, ptr, info, v, mc, depth, record)
	}
	return in.stateJSONPath(st, ptr, info, v, mc, depth, record)
}

// contextType is the type of the context object ($$).
func (in *inferrer) contextType(mc *mapCtx) *Type {
	if mc == nil && in.ctx != nil {
		return in.ctx
	}
	t := in.buildContext(mc)
	if mc == nil {
		in.ctx = t
	}
	return t
}

func (in *inferrer) buildContext(mc *mapCtx) *Type {
	open := func(fields ...Field) *Type {
		t := ObjectOf(fields...)
		t.Open = true
		return t
	}
	fields := []Field{
		{Name: "Execution", Type: open(
			Field{Name: "Id", Type: StringType},
			Field{Name: "Input", Type: orAny(in.ann.Input)},
			Field{Name: "Name", Type: StringType},
			Field{Name: "RoleArn", Type: StringType},
			Field{Name: "StartTime", Type: TimestampType},
			Field{Name: "RedriveCount", Type: IntegerType},
		)},
		{Name: "State", Type: open(
			Field{Name: "EnteredTime", Type: TimestampType},
			Field{Name: "Name", Type: StringType},
			Field{Name: "RetryCount", Type: IntegerType},
		)},
		{Name: "StateMachine", Type: open(
			Field{Name: "Id", Type: StringType},
			Field{Name: "Name", Type: StringType},
		)},
		{Name: "Task", Type: open(Field{Name: "Token", Type: StringType})},
	}
	if mc != nil {
		item := []Field{{Name: "Index", Type: IntegerType}}
		if mc.key {
			item = append(item, Field{Name: "Key", Type: StringType})
		}
		item = append(item, Field{Name: "Value", Type: orAny(mc.value)})
		fields = append(fields, Field{Name: "Map", Type: open(
			Field{Name: "Item", Type: open(item...)},
		)})
	} else {
		fields = append(fields, Field{Name: "Map", Type: AnyType, Optional: true})
	}
	return ObjectOf(fields...)
}

// errorOutput is the value a catcher receives.
var errorOutput = ObjectOf(Field{Name: "Error", Type: StringType}, Field{Name: "Cause", Type: StringType})

// taskKind says how a Task's resource shapes its result.
type taskKind uint8

const (
	taskOther        taskKind = iota
	taskLambdaInvoke          // arn:aws:states:::lambda:invoke
	taskLambdaARN             // a Lambda function ARN (legacy)
)

func kindOf(resource string) taskKind {
	switch {
	case resource == "arn:aws:states:::lambda:invoke" || resource == "arn:aws:states:::lambda:invoke.waitForTaskToken":
		return taskLambdaInvoke
	case strings.HasPrefix(resource, "arn:aws:lambda:") || strings.HasPrefix(resource, "arn:aws-cn:lambda:") || strings.HasPrefix(resource, "arn:aws-us-gov:lambda:"):
		return taskLambdaARN
	}
	return taskOther
}

// taskResult is the raw result of a Task.
func (in *inferrer) taskResult(st *asl.State, info *StateInfo) *Type {
	if a, ok := in.ann.States[info.Pointer]; ok && a.Result != nil {
		return a.Result
	}
	if strings.HasSuffix(st.Resource, ".waitForTaskToken") {
		return AnyType // whatever SendTaskSuccess sends
	}
	if t, ok := serviceResults[st.Resource]; ok {
		return t
	}
	switch kindOf(st.Resource) {
	case taskLambdaInvoke:
		return ObjectOf(
			Field{Name: "ExecutedVersion", Type: StringType},
			Field{Name: "LogResult", Type: StringType, Optional: true},
			Field{Name: "Payload", Type: orAny(info.TaskOutput)},
			Field{Name: "SdkHttpMetadata", Type: AnyType},
			Field{Name: "SdkResponseMetadata", Type: AnyType},
			Field{Name: "StatusCode", Type: IntegerType},
		)
	case taskLambdaARN:
		return orAny(info.TaskOutput)
	}
	return AnyType
}

// checkTaskInput compares the value a typed task is called with to the
// type it declares.
func (in *inferrer) checkTaskInput(st *asl.State, info *StateInfo, eff *Type, argsField string, args asl.Value, ptr string) {
	want := info.TaskInput
	if want.IsAny() {
		return
	}
	got, at := eff, ptr+"/"+argsField
	if kindOf(st.Resource) == taskLambdaInvoke {
		if args.Kind != asl.Object {
			return
		}
		f, ok := eff.Field("Payload")
		if !ok {
			return
		}
		got = f.Type
		if _, ok := args.Get("Payload.$"); ok {
			at += "/Payload.$"
		} else {
			at += "/Payload"
		}
	} else if !args.IsSet() {
		at = ptr
	}
	for _, p := range Mismatches(want, got) {
		in.add(CodeTypeMismatch, at, "the task takes %s, but the value is %s: %s", typeLabel(want), givenLabel(got), p)
	}
}

// givenLabel names the type of a value given where a declared type is
// expected: its Go name, else its shape, else (a shape too long to read
// in a message) its kind.
func givenLabel(t *Type) string {
	if s := typeLabel(t); len(s) <= 120 {
		return s
	}
	return t.Describe()
}

// typeLabel names a declared type in messages: its Go name when it has
// one.
func typeLabel(t *Type) string {
	if t != nil && t.Go != nil {
		return t.Go.String()
	}
	return t.String()
}

// Mismatches lists why values of type got may not be accepted where type
// want is expected (a typed task's input, a declared variable): missing
// required fields and fields of another kind. It is empty when they fit or
// either type is unknown.
func Mismatches(want, got *Type) []string { return mismatches(want, got, "the task expects") }

// mismatches is Mismatches with expects naming what takes want ("the
// task expects", "the variable is declared as").
func mismatches(want, got *Type, expects string) []string {
	var out []string
	for _, m := range Compare(want, got, "", Rules{}) {
		at := "field " + m.Path
		if m.Path == "" {
			at = "the value given"
		}
		switch {
		case m.Missing != nil:
			if m.Path == "" {
				at = "it"
			}
			out = append(out, fmt.Sprintf("%s needs field %q (%s), which the value given does not have", at, m.Missing.Name, m.Missing.Type))
		case m.Fraction:
			out = append(out, fmt.Sprintf("%s is a number that may have a fraction, but %s an integer", at, expects))
		default:
			out = append(out, fmt.Sprintf("%s is %s, but %s %s", at, m.Got.Describe(), expects, m.Want.Describe()))
		}
	}
	return out
}

func open(fields ...Field) *Type {
	t := ObjectOf(fields...)
	t.Open = true
	return t
}

// serviceResults are the result shapes of optimized integrations whose
// response AWS documents. They are open objects: a field goasl does not
// list reads as Any, never as an error.
var serviceResults = map[string]*Type{
	"arn:aws:states:::sns:publish": open(
		Field{Name: "MessageId", Type: StringType},
		Field{Name: "SequenceNumber", Type: StringType, Optional: true}),
	"arn:aws:states:::sqs:sendMessage": open(
		Field{Name: "MD5OfMessageBody", Type: StringType},
		Field{Name: "MessageId", Type: StringType},
		Field{Name: "SequenceNumber", Type: StringType, Optional: true}),
	"arn:aws:states:::events:putEvents": open(
		Field{Name: "Entries", Type: ArrayOf(open(Field{Name: "EventId", Type: StringType, Optional: true}))},
		Field{Name: "FailedEntryCount", Type: IntegerType}),
	"arn:aws:states:::states:startExecution": open(
		Field{Name: "ExecutionArn", Type: StringType},
		Field{Name: "StartDate", Type: AnyType}),
	"arn:aws:states:::states:startExecution.sync:2": open(
		Field{Name: "ExecutionArn", Type: StringType},
		Field{Name: "Output", Type: AnyType},
		Field{Name: "Status", Type: StringType}),
	"arn:aws:states:::dynamodb:getItem": open(
		Field{Name: "Item", Type: MapOf(AnyType), Optional: true}),
}

// declaredOutput checks an inferred output against the state's declared
// output type and returns the type the next states see.
func (in *inferrer) declaredOutput(info *StateInfo, st *asl.State, out *Type) *Type {
	a, ok := in.ann.States[info.Pointer]
	if !ok || a.Output == nil {
		return out
	}
	at := info.Pointer
	switch {
	case st.Output.IsSet():
		at += "/Output"
	case st.OutputPath.Set:
		at += "/OutputPath"
	case st.ResultSelector.IsSet():
		at += "/ResultSelector"
	}
	for _, p := range mismatches(a.Output, out, "the declared output has") {
		in.add(CodeTypeMismatch, at, "the output is declared as %s: %s", typeLabel(a.Output), p)
	}
	return a.Output
}
