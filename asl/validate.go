package asl

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/goasl/goasl/internal/suggest"
)

// ValidateOptions configures Validate.
type ValidateOptions struct {
	// Type is the workflow type the document is checked for: "STANDARD"
	// (the default when empty) or "EXPRESS".
	Type string
	// MaxDepth bounds the nesting of States containers and of Choice rules
	// (TOO_DEEPLY_NESTED). 0 means DefaultMaxDepth.
	MaxDepth int
}

// DefaultMaxDepth is the nesting guard Validate uses when
// ValidateOptions.MaxDepth is 0. AWS does not document its limit.
const DefaultMaxDepth = 40

// Workflow types for ValidateOptions.Type.
const (
	WorkflowStandard = "STANDARD"
	WorkflowExpress  = "EXPRESS"
)

// Limits Validate enforces.
const (
	MaxDefinitionBytes = 1 << 20   // the whole definition, UTF-8
	MaxPayloadBytes    = 256 << 10 // a literal Result, Arguments, Output, variable or Assign block
	MaxStateNameLength = 80        // runes
	MaxVariableLength  = 80        // runes
	MaxLabelLength     = 40        // runes
	maxSeconds         = 99999999
	maxDurationStd     = 31536000 // one year
	maxDurationExpress = 300
)

// Validate checks every document-level rule of the ASL checklist on sm and
// returns the errors and warnings it finds, in document order of the
// offending values. Validate never panics and never changes sm.
func Validate(sm *StateMachine, opts ValidateOptions) []Diagnostic {
	v := &validator{opts: opts, names: map[string]string{}, labels: map[string]string{}}
	if v.opts.MaxDepth <= 0 {
		v.opts.MaxDepth = DefaultMaxDepth
	}
	if sm == nil {
		v.errorf(CodeMissingDescription, "", "The state machine definition is missing; give a document with StartAt and States")
		return v.diags
	}
	v.sm = sm
	switch opts.Type {
	case "", WorkflowStandard:
	case WorkflowExpress:
		v.express = true
	default:
		v.errorf(CodeSchema, "", "Unknown workflow type %q%s; use %q or %q", opts.Type, didYouMean(opts.Type, []string{WorkflowStandard, WorkflowExpress}), WorkflowStandard, WorkflowExpress)
	}
	v.top(sm)
	v.partitionCheck()
	return v.diags
}

// validator holds the state of one Validate call.
type validator struct {
	opts    ValidateOptions
	sm      *StateMachine
	express bool
	diags   []Diagnostic

	// names maps every state name to the pointer of its first occurrence,
	// across all scopes (filled by collectNames before the walk).
	names map[string]string
	// labels maps each Map Label to the pointer of its first use.
	labels map[string]string
	// depthReported stops a second TOO_DEEPLY_NESTED for the same walk.
	depthReported bool
	// partitions lists the AWS partition of each Task resource ARN, in
	// document order, for the cross-partition warning (checklist 11.10).
	partitions []resourcePartition
}

// resourcePartition is the partition of one Task resource.
type resourcePartition struct {
	partition, resource, pointer string
}

// partitionCheck warns about Task resources in another partition than the
// first one the state machine uses: Step Functions cannot call across
// partitions (checklist 11.10).
func (v *validator) partitionCheck() {
	if len(v.partitions) == 0 {
		return
	}
	first := v.partitions[0]
	for _, p := range v.partitions[1:] {
		if p.partition != first.partition {
			v.warnf(CodeInvalidResource, p.pointer, "Resource %q is in partition %q, but %q (at %s) is in %q: Step Functions does not call across partitions; use resources of one partition", p.resource, p.partition, first.resource, first.pointer, first.partition)
		}
	}
}

func (v *validator) add(sev Severity, code Code, pointer, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	v.diags = append(v.diags, Diagnostic{Severity: sev, Code: code, Pointer: pointer, Message: msg})
}

func (v *validator) errorf(code Code, pointer, format string, args ...any) {
	v.add(SeverityError, code, pointer, format, args...)
}

func (v *validator) warnf(code Code, pointer, format string, args ...any) {
	v.add(SeverityWarning, code, pointer, format, args...)
}

// ptrJoin joins a pointer and one reference token.
func ptrJoin(base string, token string) string { return base + "/" + PointerEscape(token) }

// ptrIndex joins a pointer and an array index.
func ptrIndex(base string, i int) string { return base + "/" + strconv.Itoa(i) }

// scopeCtx is what the walk knows about the States container it is in.
type scopeCtx struct {
	at    string // pointer of the object holding StartAt and States ("" at the top)
	depth int    // 1 at the top level
	// startAtEmpty: StartAt is present and "" (reported with the other
	// empty fields, not as missing).
	startAtEmpty bool
	// express: the states run as Express executions (an EXPRESS workflow,
	// or the children of an EXPRESS Distributed Map).
	express bool
	// distributed: the scope is inside a Distributed Map's processor.
	distributed bool
	// outerVars maps each variable assigned in an enclosing scope to the
	// pointer of that assignment.
	outerVars map[string]string
	// blockedVars are variables that may not be read here: those assigned
	// outside the nearest enclosing Distributed Map processor.
	blockedVars map[string]bool
	// kind names the container for messages: "state machine", "branch",
	// "item processor".
	kind string
}

func (v *validator) top(sm *StateMachine) {
	switch sm.Version {
	case "1.0":
	case "":
		if sm.Empty.Has("Version") {
			v.errorf(CodeSchema, "/Version", "Field 'Version' is empty: the only ASL version is \"1.0\"; set it to \"1.0\" or remove it")
		}
	default:
		v.errorf(CodeSchema, "/Version", "Field 'Version' is %q: the only ASL version is \"1.0\"; set it to \"1.0\" or remove it", sm.Version)
	}
	switch sm.QueryLanguage {
	case JSONPath, JSONata:
	case "":
		if sm.Empty.Has("QueryLanguage") {
			v.errorf(CodeSchema, "/QueryLanguage", "Field 'QueryLanguage' is empty: it must be 'JSONPath' or 'JSONata'; set one or remove the field")
		}
	default:
		v.errorf(CodeSchema, "/QueryLanguage", "Field 'QueryLanguage' is %q: it must be 'JSONPath' or 'JSONata' (case-sensitive)%s", string(sm.QueryLanguage), didYouMean(string(sm.QueryLanguage), []string{string(JSONPath), string(JSONata)}))
	}
	if sm.TimeoutSeconds.IsSet() {
		p := "/TimeoutSeconds"
		if n, ok := v.intLiteral(sm.TimeoutSeconds, p, "TimeoutSeconds", 0, maxSeconds, "the state machine's TimeoutSeconds takes no JSONata expression"); ok {
			v.durationWarning(n, p, "TimeoutSeconds", v.express)
		}
	}
	v.emptyStrings(sm, sm.Empty, "", nil)
	v.collectNames(sm.States, "", 1)
	ctx := &scopeCtx{at: "", depth: 1, express: v.express, outerVars: map[string]string{}, blockedVars: map[string]bool{}, kind: "state machine", startAtEmpty: sm.Empty.Has("StartAt")}
	v.scope(ctx, sm.StartAt, sm.States)
	v.checkSize(sm)
}

// collectNames records the first pointer of every state name, in document
// order, so that transitions into another scope can be explained.
func (v *validator) collectNames(states States, base string, depth int) {
	if depth > v.opts.MaxDepth {
		return
	}
	for _, st := range states {
		if st == nil {
			continue
		}
		p := ptrJoin(ptrJoin(base, "States"), st.Name)
		if _, dup := v.names[st.Name]; !dup {
			v.names[st.Name] = p
		}
		for i, b := range st.Branches {
			if b != nil {
				v.collectNames(b.States, ptrIndex(ptrJoin(p, "Branches"), i), depth+1)
			}
		}
		if st.ItemProcessor != nil {
			v.collectNames(st.ItemProcessor.States, ptrJoin(p, "ItemProcessor"), depth+1)
		}
		if st.Iterator != nil {
			v.collectNames(st.Iterator.States, ptrJoin(p, "Iterator"), depth+1)
		}
	}
}

// scope checks one States container: StartAt, the graph, and each state.
func (v *validator) scope(ctx *scopeCtx, startAt string, states States) {
	if ctx.depth > v.opts.MaxDepth {
		if !v.depthReported {
			v.depthReported = true
			v.errorf(CodeTooDeeplyNested, ctx.at, "The states are too deeply nested: more than %d nested state containers; flatten the workflow or move the inner part into its own state machine (states:startExecution)", v.opts.MaxDepth)
		}
		return
	}
	local := map[string]*State{}
	for _, st := range states {
		if st != nil {
			if _, ok := local[st.Name]; !ok {
				local[st.Name] = st
			}
		}
	}
	if startAt == "" {
		if !ctx.startAtEmpty { // an empty StartAt is reported with the other empty fields
			v.errorf(CodeSchema, ptrJoin(ctx.at, "StartAt"), "Field 'StartAt' is required: name the first state of the %s", ctx.kind)
		}
	} else if _, ok := local[startAt]; !ok {
		v.missingTarget(ptrJoin(ctx.at, "StartAt"), startAt, states, ctx)
	}
	if len(states) == 0 {
		v.errorf(CodeSchema, ptrJoin(ctx.at, "States"), "Field 'States' is empty: %s needs at least one state; add a state (a Succeed or Pass with End: true)", withArticle(ctx.kind))
		return
	}

	// Graph: terminal states and reachability.
	terminal := false
	for _, st := range states {
		if st != nil && (st.End || st.Type == TypeSucceed || st.Type == TypeFail) {
			terminal = true
			break
		}
	}
	reachable := map[string]bool{}
	if !terminal {
		v.errorf(CodeMissingEndState, ptrJoin(ctx.at, "States"), "Workflow has no terminal state: add a Succeed or Fail state, or set \"End\": true on a Task, Pass, Wait, Parallel or Map state of this %s", ctx.kind)
	} else {
		var queue []string
		if _, ok := local[startAt]; ok {
			queue = append(queue, startAt)
			reachable[startAt] = true
		}
		for len(queue) > 0 {
			st := local[queue[0]]
			queue = queue[1:]
			for _, t := range targets(st) {
				if _, ok := local[t]; ok && !reachable[t] {
					reachable[t] = true
					queue = append(queue, t)
				}
			}
		}
	}

	// Variables assigned in this scope, for the shadowing rule of inner
	// scopes.
	inner := map[string]string{}
	for k, p := range ctx.outerVars {
		inner[k] = p
	}
	for _, st := range states {
		if st == nil {
			continue
		}
		sp := ptrJoin(ptrJoin(ctx.at, "States"), st.Name)
		for _, a := range assignsOf(st, sp) {
			if _, ok := inner[a.name]; !ok {
				inner[a.name] = a.at
			}
		}
	}

	for i, st := range states {
		if st == nil {
			v.errorf(CodeSchema, ptrIndex(ptrJoin(ctx.at, "States"), i), "State %d of the %s is missing (nil); remove it", i, ctx.kind)
			continue
		}
		sp := ptrJoin(ptrJoin(ctx.at, "States"), st.Name)
		start := len(v.diags)
		if local[st.Name] != st {
			v.errorf(CodeDuplicateStateName, sp, "State name %q appears twice in the same States object; rename one of them", st.Name)
		}
		if terminal && startAt != "" && local[startAt] != nil && !reachable[st.Name] && local[st.Name] == st {
			v.errorf(CodeMissingTransitionTarget, sp, "State %q is not reachable. No path from the StartAt state %q leads to it; add a Next, Default or Catch that targets it, or remove it", st.Name, startAt)
		}
		v.state(ctx, st, sp, local, states, inner)
		sortStateDiags(v.diags[start:], sp)
	}
}

// targets lists the transitions out of a state, in document order.
func targets(st *State) []string {
	if st == nil {
		return nil
	}
	var ts []string
	for _, r := range st.Choices {
		if r != nil && r.Next != "" {
			ts = append(ts, r.Next)
		}
	}
	if st.Default != "" {
		ts = append(ts, st.Default)
	}
	for _, c := range st.Catch {
		if c != nil && c.Next != "" {
			ts = append(ts, c.Next)
		}
	}
	if st.Next != "" {
		ts = append(ts, st.Next)
	}
	return ts
}

// missingTarget reports a transition to a name that is not a state of the
// container, explaining a cross-scope transition or suggesting a name.
func (v *validator) missingTarget(p, name string, states States, ctx *scopeCtx) {
	var cands []string
	for _, st := range states {
		if st != nil {
			cands = append(cands, st.Name)
		}
	}
	if other, ok := v.names[name]; ok {
		v.errorf(CodeMissingTransitionTarget, p, "Missing 'Next' target: %s: state %q is in another scope (%s); a transition cannot enter or leave a Parallel branch or a Map item processor, so target a state of this %s", name, name, other, ctx.kind)
		return
	}
	fix := "name a state of this " + ctx.kind
	if len(cands) > 0 {
		fix = "name one of the " + ctx.kind + "'s states"
	}
	v.errorf(CodeMissingTransitionTarget, p, "Missing 'Next' target: %s: no state named %q%s; %s", name, name, didYouMean(name, cands), fix)
}

// stateFieldOrder is the order of a state's fields, used to keep the
// diagnostics of one state in document order.
var stateFieldOrder = func() map[string]int {
	fields := []string{"Type", "QueryLanguage", "Comment", "Resource", "Credentials", "InputPath", "Parameters", "Arguments", "Result",
		"Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Choices", "Default", "Error", "ErrorPath", "Cause", "CausePath",
		"Branches", "ItemReader", "Items", "ItemsPath", "ItemSelector", "ItemBatcher", "MaxConcurrency", "MaxConcurrencyPath",
		"ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath",
		"Label", "ItemProcessor", "Iterator", "ProcessorConfig", "ResultWriter", "ResultSelector", "ResultPath", "OutputPath", "Output", "Assign",
		"TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Retry", "Catch", "Next", "End"}
	m := make(map[string]int, len(fields))
	for i, f := range fields {
		m[f] = i
	}
	return m
}()

// sortStateDiags puts the diagnostics of one state in field order; the
// order within one field is the order they were found in.
func sortStateDiags(ds []Diagnostic, sp string) {
	key := func(d Diagnostic) int {
		rest, ok := strings.CutPrefix(d.Pointer, sp)
		if !ok || rest == "" {
			return -1
		}
		tok := strings.TrimPrefix(rest, "/")
		if i := strings.IndexByte(tok, '/'); i >= 0 {
			tok = tok[:i]
		}
		if n, ok := stateFieldOrder[tok]; ok {
			return n
		}
		return len(stateFieldOrder)
	}
	sort.SliceStable(ds, func(i, j int) bool { return key(ds[i]) < key(ds[j]) })
}

// checkSize enforces the 1 MB definition quota, and reports a model that
// Marshal cannot write at all (a string that is not UTF-8, say) when the
// walk found nothing else.
func (v *validator) checkSize(sm *StateMachine) {
	b, err := Marshal(sm)
	var merr *MarshalError
	switch {
	case err == nil:
	case errors.As(err, &merr) && !HasErrors(v.diags):
		// Nil states, duplicate names and the like are reported by the
		// walk already; anything else Marshal refuses is reported here.
		v.errorf(CodeSchema, strings.TrimSuffix(merr.Pointer, "/"), "%s: the state machine cannot be written as JSON, so change the value", merr.Problem)
		return
	default:
		return
	}
	switch n := compactSize(b); {
	case n > MaxDefinitionBytes:
		v.errorf(CodeDefinitionTooLarge, "", "The definition is %d bytes as deployed (compact UTF-8 JSON), more than the 1 MB quota (%d bytes); move large literals to the input or split the workflow into several state machines", n, MaxDefinitionBytes)
	case n > MaxDefinitionBytes*9/10:
		v.warnf(CodeDefinitionTooLarge, "", "The definition is %d bytes as deployed (compact UTF-8 JSON), within 10%% of the 1 MB quota (%d bytes), which the API request (with its headers and other parameters) must also fit; move large literals to the input or split the workflow", n, MaxDefinitionBytes)
	}
}

// compactSize is the length of JSON text data without the white space
// outside strings: the size of the definition a deployer sends (package
// compiler/cdk deploys compact JSON), which is what the 1 MB quota
// measures, however data is indented.
func compactSize(data []byte) int {
	n, inString, escaped := 0, false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			continue
		}
		n++
	}
	return n
}

// didYouMean returns ` (did you mean "X"?)` for the candidate closest to s, or
// "" when none is close.
func didYouMean(s string, cands []string) string {
	if best := suggest.Closest(s, cands); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
