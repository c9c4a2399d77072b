package local

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// Machine is a state machine compiled for running: paths, templates and
// Choice rules are parsed once. A Machine is safe for concurrent Runs.
type Machine struct {
	def  *asl.StateMachine
	root *cscope
	// timeout is the machine's TimeoutSeconds (0: none).
	timeout time.Duration
	// eventsHint is the history length of the last run, to size the next.
	eventsHint, visitedHint atomic.Int64
	// Name is used in messages and in the context object when Options
	// gives no state machine name.
	Name string
	// typeErr[express] is why the machine cannot run as that workflow
	// type, worked out once.
	typeOnce [2]sync.Once
	typeErr  [2]error
}

// unsupported returns why the machine cannot run as an Express (or a
// Standard) workflow, as CreateStateMachine would refuse it: Express
// workflows run no activity, .sync or .waitForTaskToken task, nor a
// Distributed Map; the children of an EXPRESS Distributed Map none of
// those either. nil when it can.
func (m *Machine) unsupported(express bool) error {
	i, typ, kind := 0, asl.WorkflowStandard, "a Standard"
	if express {
		i, typ, kind = 1, asl.WorkflowExpress, "an Express"
	}
	m.typeOnce[i].Do(func() {
		var msgs []string
		for _, d := range asl.Validate(m.def, asl.ValidateOptions{Type: typ}) {
			if d.Severity == asl.SeverityError && d.Code == asl.CodeExpressUnsupported {
				msgs = append(msgs, d.Pointer+": "+d.Message)
			}
		}
		if len(msgs) > 0 {
			m.typeErr[i] = fmt.Errorf("local: %s cannot run as %s workflow:\n\t%s", m.Name, kind, strings.Join(msgs, "\n\t"))
		}
	})
	return m.typeErr[i]
}

// cscope is a compiled States object with its StartAt.
type cscope struct {
	start  *cstate
	states map[string]*cstate
}

// cstate is a compiled state.
type cstate struct {
	s           *asl.State
	name        string
	typ         asl.StateType
	next        *cstate
	end         bool
	evType      string // history prefix: "Pass", "Task", ...
	enteredType string // "PassStateEntered", ...
	exitedType  string

	inputPath, outputPath, resultPath *path
	inputNull, outputNull, resultNull bool

	params, resultSelector, assign *tmpl
	result                         value.Value // Pass Result
	hasResult                      bool

	// Task.
	res           resource
	timeout       int64 // seconds, 0: default
	timeoutPath   *path
	heartbeat     int64
	heartbeatPath *path
	credentials   *tmpl
	// scheduled holds the details of the state's TaskScheduled events
	// when they do not change between calls (no paths, no credentials),
	// shared by those events of every execution in the same region.
	scheduled atomic.Pointer[eventInfo]

	// Choice.
	choices []*crule
	def     *cstate

	// Wait.
	seconds              int64
	hasSeconds           bool
	timestamp            time.Time
	hasTimestamp         bool
	secondsPath, tsPath  *path
	secondsPathText      string
	timestampPathText    string
	errorPath, causePath *tmpl // Fail: paths or intrinsic calls

	// Parallel, Map.
	branches    []*cscope
	proc        *cscope
	distributed bool

	itemsPath                              *path
	itemSelector                           *tmpl
	maxConcurrency                         int64
	maxConcurrencyPath                     *path
	toleratedCount                         int64
	toleratedCountPath                     *path
	toleratedPercent                       float64
	toleratedPercentPath                   *path
	hasToleratedCount, hasToleratedPercent bool
	reader                                 *creader
	writer                                 *asl.ResultWriter
	writerParams                           *tmpl
	jWriterArgs                            *jtmpl
	batcher                                *cbatcher

	retry []*cretrier
	catch []*ccatcher

	// JSONata states: every field that may hold an expression.
	jsonata                                    bool
	jArgs, jOutput, jAssign, jItems, jItemSel  *jtmpl
	jMaxConc, jTolCount, jTolPct               *jtmpl
	jSeconds, jTimestamp, jTimeout, jHeartbeat *jtmpl
	jError, jCause, jCreds                     *jtmpl
}

type crule struct {
	variable *path
	op       asl.Operator
	operand  value.Value
	opPath   *path
	and, or  []*crule
	not      *crule
	next     *cstate
	assign   *tmpl
	re       *regexp.Regexp
	ts       time.Time
	tsOK     bool

	jCond, jOutput, jAssign *jtmpl // JSONata
}

type cretrier struct {
	equals     []string
	interval   float64
	max        int64
	backoff    float64
	maxDelay   float64
	hasMax     bool
	jitterFull bool
}

type ccatcher struct {
	equals     []string
	resultPath *path
	resultNull bool
	assign     *tmpl
	next       *cstate

	jOutput, jAssign *jtmpl // JSONata
}

type creader struct {
	r            *asl.ItemReader
	params       *tmpl
	maxItemsPath *path
	maxItems     int64

	jArgs, jMaxItems *jtmpl // JSONata
}

type cbatcher struct {
	b            *asl.ItemBatcher
	maxItems     int64
	maxItemsPath *path
	maxBytes     int64
	maxBytesPath *path
	input        *tmpl

	jMaxItems, jMaxBytes, jInput *jtmpl // JSONata
}

// resource is a Task's Resource, split as the history writes it.
type resource struct {
	arn          string
	resourceType string // "lambda", "sqs", "aws-sdk:s3", "activity", "function"
	name         string // "invoke", "sendMessage.waitForTaskToken", ...
	legacyLambda bool   // arn:aws:lambda:...:function:NAME
	activity     bool   // arn:aws:states:...:activity:NAME
	callback     bool   // .waitForTaskToken
	sync         bool   // .sync or .sync:2
	lambdaInvoke bool   // arn:aws:states:::lambda:invoke (the Payload wrapper)
	// aux is the resource as the events that name only it record it.
	aux eventAux
}

func parseResource(arn string) resource {
	r := parseARN(arn)
	r.aux = eventAux{resource: r.name, resourceType: r.resourceType}
	return r
}

func parseARN(arn string) resource {
	r := resource{arn: arn}
	parts := strings.SplitN(arn, ":", 7)
	if len(parts) >= 6 && parts[2] == "lambda" && parts[5] == "function" {
		r.legacyLambda = true
		r.resourceType = "lambda"
		return r
	}
	if len(parts) >= 6 && parts[2] == "states" && parts[5] == "activity" {
		r.activity = true
		r.resourceType = "activity"
		return r
	}
	if len(parts) >= 6 && parts[2] == "states" {
		rest := strings.Join(parts[5:], ":")
		// "lambda:invoke", "ecs:runTask.sync:2", "aws-sdk:s3:listBuckets".
		service, op, ok := strings.Cut(rest, ":")
		if ok && service == "aws-sdk" {
			sdk, sdkOp, _ := strings.Cut(op, ":")
			service, op = service+":"+sdk, sdkOp
		}
		r.resourceType, r.name = service, op
	} else {
		r.name = arn
	}
	r.callback = strings.HasSuffix(r.name, ".waitForTaskToken")
	r.sync = strings.Contains(r.name, ".sync")
	base := strings.TrimSuffix(strings.TrimSuffix(r.name, ".waitForTaskToken"), ".sync")
	r.lambdaInvoke = r.resourceType == "lambda" && (base == "invoke")
	return r
}

// Compile prepares a state machine for running. It rejects what cannot
// run: an unparsable path, template or JSONata expression, or a Next naming
// no state.
func Compile(sm *asl.StateMachine) (*Machine, error) {
	if sm == nil {
		return nil, fmt.Errorf("local.Compile: the state machine is nil")
	}
	c := &compiler{top: sm.QueryLanguage}
	m := &Machine{def: sm, Name: "StateMachine"}
	root, err := c.scope(sm.StartAt, sm.States, "")
	if err != nil {
		return nil, err
	}
	m.root = root
	if n, ok := sm.TimeoutSeconds.Int(); ok && n > 0 {
		m.timeout = time.Duration(n) * time.Second
	}
	return m, nil
}

type compiler struct {
	top asl.QueryLanguage
}

func (c *compiler) errf(st *asl.State, field string, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		return fmt.Errorf("state %q: %s: %s", st.Name, field, msg)
	}
	return fmt.Errorf("state %q: %s", st.Name, msg)
}

func (c *compiler) scope(startAt string, states asl.States, where string) (*cscope, error) {
	sc := &cscope{states: make(map[string]*cstate, len(states))}
	for _, st := range states {
		sc.states[st.Name] = &cstate{s: st, name: st.Name, typ: st.Type}
	}
	start, ok := sc.states[startAt]
	if !ok {
		return nil, fmt.Errorf("%sStartAt %q names no state", where, startAt)
	}
	sc.start = start
	for _, st := range states {
		if err := c.state(sc, sc.states[st.Name]); err != nil {
			return nil, err
		}
	}
	return sc, nil
}

func (c *compiler) lookup(sc *cscope, st *asl.State, field, name string) (*cstate, error) {
	n, ok := sc.states[name]
	if !ok {
		return nil, c.errf(st, field, "%q names no state in the same scope", name)
	}
	return n, nil
}

func (c *compiler) path(st *asl.State, field, text string) (*path, error) {
	if text == "" {
		return nil, nil
	}
	p, err := compilePath(text)
	if err != nil {
		return nil, c.errf(st, field, "path %q: %v", text, err)
	}
	return p, nil
}

func (c *compiler) nullable(st *asl.State, field string, np asl.NullablePath) (*path, bool, error) {
	if !np.Set {
		return nil, false, nil
	}
	if np.Null {
		return nil, true, nil
	}
	p, err := c.path(st, field, np.Path)
	if p != nil && p.p.IsRoot() && p.p.Root == 1 {
		p = nil // "$": the identity
	}
	return p, false, err
}

func (c *compiler) template(st *asl.State, field string, v asl.Value) (*tmpl, error) {
	if !v.IsSet() {
		return nil, nil
	}
	t, err := compileTemplate(v)
	if err != nil {
		return nil, c.errf(st, field, "%v", err)
	}
	return t, nil
}

func intField(v asl.Value) (int64, bool) {
	n, ok := v.Int()
	return n, ok
}

func (c *compiler) state(sc *cscope, cs *cstate) error {
	st := cs.s
	ql := st.QueryLanguage
	if ql == "" {
		ql = c.top
	}
	cs.jsonata = ql == asl.JSONata
	cs.evType = string(st.Type)
	cs.enteredType, cs.exitedType = cs.evType+"StateEntered", cs.evType+"StateExited"
	var err error
	if st.Next != "" {
		if cs.next, err = c.lookup(sc, st, "Next", st.Next); err != nil {
			return err
		}
	}
	cs.end = st.End
	if cs.inputPath, cs.inputNull, err = c.nullable(st, "InputPath", st.InputPath); err != nil {
		return err
	}
	if cs.outputPath, cs.outputNull, err = c.nullable(st, "OutputPath", st.OutputPath); err != nil {
		return err
	}
	if cs.resultPath, cs.resultNull, err = c.nullable(st, "ResultPath", st.ResultPath); err != nil {
		return err
	}
	if cs.resultPath != nil && !cs.resultPath.p.IsReference() {
		return c.errf(st, "ResultPath", "%q is not a reference path", st.ResultPath.Path)
	}
	if cs.params, err = c.template(st, "Parameters", st.Parameters); err != nil {
		return err
	}
	if cs.resultSelector, err = c.template(st, "ResultSelector", st.ResultSelector); err != nil {
		return err
	}
	if cs.assign, err = c.template(st, "Assign", st.Assign); err != nil {
		return err
	}
	if st.Result.IsSet() {
		cs.result, cs.hasResult = value.FromASL(st.Result), true
	}
	for _, r := range st.Retry {
		cr := &cretrier{equals: r.ErrorEquals, interval: 1, max: 3, backoff: 2, jitterFull: r.JitterStrategy == "FULL"}
		if f, ok := r.IntervalSeconds.Float(); ok {
			cr.interval = f
		}
		if n, ok := r.MaxAttempts.Int(); ok {
			cr.max = n
		}
		if f, ok := r.BackoffRate.Float(); ok {
			cr.backoff = f
		}
		if f, ok := r.MaxDelaySeconds.Float(); ok {
			cr.maxDelay, cr.hasMax = f, true
		}
		cs.retry = append(cs.retry, cr)
	}
	for i, k := range st.Catch {
		cc := &ccatcher{equals: k.ErrorEquals}
		field := fmt.Sprintf("Catch[%d]", i)
		if cc.next, err = c.lookup(sc, st, field+".Next", k.Next); err != nil {
			return err
		}
		if cc.resultPath, cc.resultNull, err = c.nullable(st, field+".ResultPath", k.ResultPath); err != nil {
			return err
		}
		if cs.jsonata {
			if cc.jOutput, err = c.jsonata(st, "Output", field+".Output", k.Output); err != nil {
				return err
			}
			if cc.jAssign, err = c.jsonata(st, "Assign", field+".Assign", k.Assign); err != nil {
				return err
			}
		} else if cc.assign, err = c.template(st, field+".Assign", k.Assign); err != nil {
			return err
		}
		cs.catch = append(cs.catch, cc)
	}
	switch st.Type {
	case asl.TypeTask:
		cs.res = parseResource(st.Resource)
		if n, ok := intField(st.TimeoutSeconds); ok {
			cs.timeout = n
		}
		if n, ok := intField(st.HeartbeatSeconds); ok {
			cs.heartbeat = n
		}
		if cs.timeoutPath, err = c.path(st, "TimeoutSecondsPath", st.TimeoutSecondsPath); err != nil {
			return err
		}
		if cs.heartbeatPath, err = c.path(st, "HeartbeatSecondsPath", st.HeartbeatSecondsPath); err != nil {
			return err
		}
		if cs.credentials, err = c.template(st, "Credentials", st.Credentials); err != nil {
			return err
		}
	case asl.TypeChoice:
		if st.Default != "" {
			if cs.def, err = c.lookup(sc, st, "Default", st.Default); err != nil {
				return err
			}
		}
		for i, r := range st.Choices {
			cr, err := c.rule(sc, st, fmt.Sprintf("Choices[%d]", i), r, cs.jsonata)
			if err != nil {
				return err
			}
			cs.choices = append(cs.choices, cr)
		}
	case asl.TypeWait:
		if n, ok := intField(st.Seconds); ok {
			cs.seconds, cs.hasSeconds = n, true
		}
		if st.Timestamp != "" && !cs.jsonata {
			t, err := time.Parse(time.RFC3339, st.Timestamp)
			if err != nil {
				return c.errf(st, "Timestamp", "%q is not an RFC 3339 timestamp", st.Timestamp)
			}
			cs.timestamp, cs.hasTimestamp = t, true
		}
		cs.secondsPathText, cs.timestampPathText = st.SecondsPath, st.TimestampPath
		if cs.secondsPath, err = c.path(st, "SecondsPath", st.SecondsPath); err != nil {
			return err
		}
		if cs.tsPath, err = c.path(st, "TimestampPath", st.TimestampPath); err != nil {
			return err
		}
	case asl.TypeFail:
		if st.ErrorPath != "" {
			if cs.errorPath, err = compileDynamic("ErrorPath", st.ErrorPath); err != nil {
				return c.errf(st, "ErrorPath", "%v", err)
			}
		}
		if st.CausePath != "" {
			if cs.causePath, err = compileDynamic("CausePath", st.CausePath); err != nil {
				return c.errf(st, "CausePath", "%v", err)
			}
		}
	case asl.TypeParallel:
		for i, b := range st.Branches {
			bs, err := c.scope(b.StartAt, b.States, fmt.Sprintf("state %q: Branches[%d]: ", st.Name, i))
			if err != nil {
				return err
			}
			cs.branches = append(cs.branches, bs)
		}
	case asl.TypeMap:
		proc := st.ItemProcessor
		if proc == nil {
			proc = st.Iterator
		}
		if proc == nil {
			return c.errf(st, "ItemProcessor", "a Map state needs an ItemProcessor")
		}
		cs.distributed = proc.ProcessorConfig != nil && proc.ProcessorConfig.Mode == asl.ModeDistributed
		if cs.proc, err = c.scope(proc.StartAt, proc.States, fmt.Sprintf("state %q: ItemProcessor: ", st.Name)); err != nil {
			return err
		}
		if cs.itemsPath, err = c.path(st, "ItemsPath", st.ItemsPath); err != nil {
			return err
		}
		sel := st.ItemSelector
		if !sel.IsSet() && cs.params != nil {
			cs.itemSelector, cs.params = cs.params, nil // legacy Parameters of a Map
		} else if cs.itemSelector, err = c.template(st, "ItemSelector", sel); err != nil {
			return err
		}
		if n, ok := intField(st.MaxConcurrency); ok {
			cs.maxConcurrency = n
		}
		if cs.maxConcurrencyPath, err = c.path(st, "MaxConcurrencyPath", st.MaxConcurrencyPath); err != nil {
			return err
		}
		if n, ok := intField(st.ToleratedFailureCount); ok {
			cs.toleratedCount, cs.hasToleratedCount = n, true
		}
		if f, ok := st.ToleratedFailurePercentage.Float(); ok {
			cs.toleratedPercent, cs.hasToleratedPercent = f, true
		}
		if cs.toleratedCountPath, err = c.path(st, "ToleratedFailureCountPath", st.ToleratedFailureCountPath); err != nil {
			return err
		}
		if cs.toleratedPercentPath, err = c.path(st, "ToleratedFailurePercentagePath", st.ToleratedFailurePercentagePath); err != nil {
			return err
		}
		if r := st.ItemReader; r != nil {
			cr := &creader{r: r, maxItems: -1}
			if cr.params, err = c.template(st, "ItemReader.Parameters", r.Parameters); err != nil {
				return err
			}
			if rc := r.ReaderConfig; rc != nil {
				if n, ok := intField(rc.MaxItems); ok {
					cr.maxItems = n
				}
				if cr.maxItemsPath, err = c.path(st, "ItemReader.ReaderConfig.MaxItemsPath", rc.MaxItemsPath); err != nil {
					return err
				}
			}
			cs.reader = cr
		}
		if b := st.ItemBatcher; b != nil {
			cb := &cbatcher{b: b}
			if n, ok := intField(b.MaxItemsPerBatch); ok {
				cb.maxItems = n
			}
			if n, ok := intField(b.MaxInputBytesPerBatch); ok {
				cb.maxBytes = n
			}
			if cb.maxItemsPath, err = c.path(st, "ItemBatcher.MaxItemsPerBatchPath", b.MaxItemsPerBatchPath); err != nil {
				return err
			}
			if cb.maxBytesPath, err = c.path(st, "ItemBatcher.MaxInputBytesPerBatchPath", b.MaxInputBytesPerBatchPath); err != nil {
				return err
			}
			if cb.input, err = c.template(st, "ItemBatcher.BatchInput", b.BatchInput); err != nil {
				return err
			}
			cs.batcher = cb
		}
		if w := st.ResultWriter; w != nil {
			cs.writer = w
			if cs.writerParams, err = c.template(st, "ResultWriter.Parameters", w.Parameters); err != nil {
				return err
			}
		}
	}
	if cs.jsonata {
		return c.jsonataFields(cs)
	}
	return nil
}

// jsonata compiles a JSONata field; loc is the name AWS gives it in
// messages, field the one goasl's compile errors use.
func (c *compiler) jsonata(st *asl.State, loc, field string, v asl.Value) (*jtmpl, error) {
	t, err := compileJSONata(v, loc)
	if err != nil {
		return nil, c.errf(st, field, "%v", err)
	}
	return t, nil
}

// jsonataNumber compiles a numeric field of a JSONata state when it holds
// an expression (a number is read at compile time).
func (c *compiler) jsonataNumber(st *asl.State, loc string, v asl.Value) (*jtmpl, error) {
	if v.Kind != asl.String {
		return nil, nil
	}
	return c.jsonata(st, loc, loc, v)
}

// jsonataFields compiles the fields of a JSONata state; the JSONPath
// templates compiled before are dropped (JSONata states have none).
func (c *compiler) jsonataFields(cs *cstate) error {
	st := cs.s
	cs.params, cs.resultSelector, cs.assign, cs.itemSelector = nil, nil, nil, nil
	var err error
	if cs.jArgs, err = c.jsonata(st, "Arguments", "Arguments", st.Arguments); err != nil {
		return err
	}
	if cs.jOutput, err = c.jsonata(st, "Output", "Output", st.Output); err != nil {
		return err
	}
	if cs.jAssign, err = c.jsonata(st, "Assign", "Assign", st.Assign); err != nil {
		return err
	}
	if cs.jItems, err = c.jsonata(st, "Items", "Items", st.Items); err != nil {
		return err
	}
	if cs.jItemSel, err = c.jsonata(st, "ItemSelector", "ItemSelector", st.ItemSelector); err != nil {
		return err
	}
	if cs.jCreds, err = c.jsonata(st, "Credentials", "Credentials", st.Credentials); err != nil {
		return err
	}
	for _, f := range []struct {
		dst  **jtmpl
		name string
		v    asl.Value
	}{
		{&cs.jMaxConc, "MaxConcurrency", st.MaxConcurrency},
		{&cs.jTolCount, "ToleratedFailureCount", st.ToleratedFailureCount},
		{&cs.jTolPct, "ToleratedFailurePercentage", st.ToleratedFailurePercentage},
		{&cs.jSeconds, "Seconds", st.Seconds},
		{&cs.jTimeout, "TimeoutSeconds", st.TimeoutSeconds},
		{&cs.jHeartbeat, "HeartbeatSeconds", st.HeartbeatSeconds},
	} {
		if *f.dst, err = c.jsonataNumber(st, f.name, f.v); err != nil {
			return err
		}
	}
	if st.Timestamp != "" {
		if cs.jTimestamp, err = c.jsonata(st, "Timestamp", "Timestamp", asl.StringValue(st.Timestamp)); err != nil {
			return err
		}
	}
	if rd := cs.reader; rd != nil {
		if rd.jArgs, err = c.jsonata(st, "ItemReader.Arguments", "ItemReader.Arguments", rd.r.Arguments); err != nil {
			return err
		}
		if rc := rd.r.ReaderConfig; rc != nil {
			if rd.jMaxItems, err = c.jsonataNumber(st, "ItemReader.ReaderConfig.MaxItems", rc.MaxItems); err != nil {
				return err
			}
		}
	}
	if b := cs.batcher; b != nil {
		b.input = nil
		if b.jMaxItems, err = c.jsonataNumber(st, "ItemBatcher.MaxItemsPerBatch", b.b.MaxItemsPerBatch); err != nil {
			return err
		}
		if b.jMaxBytes, err = c.jsonataNumber(st, "ItemBatcher.MaxInputBytesPerBatch", b.b.MaxInputBytesPerBatch); err != nil {
			return err
		}
		if b.jInput, err = c.jsonata(st, "ItemBatcher.BatchInput", "ItemBatcher.BatchInput", b.b.BatchInput); err != nil {
			return err
		}
	}
	if w := cs.writer; w != nil {
		cs.writerParams = nil
		if cs.jWriterArgs, err = c.jsonata(st, "ResultWriter.Arguments", "ResultWriter.Arguments", w.Arguments); err != nil {
			return err
		}
	}
	if st.Error != "" {
		if cs.jError, err = c.jsonata(st, "Error", "Error", asl.StringValue(st.Error)); err != nil {
			return err
		}
	}
	if st.Cause != "" {
		if cs.jCause, err = c.jsonata(st, "Cause", "Cause", asl.StringValue(st.Cause)); err != nil {
			return err
		}
	}
	return nil
}

func (c *compiler) rule(sc *cscope, st *asl.State, field string, r *asl.ChoiceRule, jsonata bool) (*crule, error) {
	cr := &crule{}
	var err error
	if r.Next != "" {
		if cr.next, err = c.lookup(sc, st, field+".Next", r.Next); err != nil {
			return nil, err
		}
	}
	if jsonata {
		if cr.jCond, err = c.jsonata(st, "Condition", field+".Condition", r.Condition); err != nil {
			return nil, err
		}
		if cr.jOutput, err = c.jsonata(st, "Output", field+".Output", r.Output); err != nil {
			return nil, err
		}
		if cr.jAssign, err = c.jsonata(st, "Assign", field+".Assign", r.Assign); err != nil {
			return nil, err
		}
		return cr, nil
	}
	if cr.assign, err = c.template(st, field+".Assign", r.Assign); err != nil {
		return nil, err
	}
	for i, a := range r.And {
		sub, err := c.rule(sc, st, fmt.Sprintf("%s.And[%d]", field, i), a, false)
		if err != nil {
			return nil, err
		}
		cr.and = append(cr.and, sub)
	}
	if r.And != nil && cr.and == nil {
		cr.and = []*crule{}
	}
	for i, a := range r.Or {
		sub, err := c.rule(sc, st, fmt.Sprintf("%s.Or[%d]", field, i), a, false)
		if err != nil {
			return nil, err
		}
		cr.or = append(cr.or, sub)
	}
	if r.Or != nil && cr.or == nil {
		cr.or = []*crule{}
	}
	if r.Not != nil {
		if cr.not, err = c.rule(sc, st, field+".Not", r.Not, false); err != nil {
			return nil, err
		}
	}
	if r.Variable != "" {
		if cr.variable, err = c.path(st, field+".Variable", r.Variable); err != nil {
			return nil, err
		}
		if len(r.Comparisons) != 1 {
			return nil, c.errf(st, field, "a data-test rule needs exactly one comparison operator")
		}
		cmp := r.Comparisons[0]
		cr.op = cmp.Operator
		if strings.HasSuffix(string(cmp.Operator), "Path") {
			if cmp.Value.Kind != asl.String {
				return nil, c.errf(st, field+"."+string(cmp.Operator), "needs a path string")
			}
			if cr.opPath, err = c.path(st, field+"."+string(cmp.Operator), cmp.Value.Str); err != nil {
				return nil, err
			}
		} else {
			cr.operand = value.FromASL(cmp.Value)
		}
		if cr.op == asl.StringMatches {
			cr.re = globRegexp(cmp.Value.Str)
		}
		if strings.HasPrefix(string(cr.op), "Timestamp") && cr.opPath == nil {
			cr.ts, cr.tsOK = parseTimestamp(cmp.Value.Str)
		}
	}
	return cr, nil
}

// globRegexp compiles a StringMatches pattern: "*" matches any run of
// characters, "\*" and "\\" are literal.
func globRegexp(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?s)^")
	for i := 0; i < len(pat); i++ {
		switch ch := pat[i]; {
		case ch == '\\' && i+1 < len(pat):
			i++
			b.WriteString(regexp.QuoteMeta(string(pat[i])))
		case ch == '*':
			b.WriteString(".*")
		default:
			b.WriteString(regexp.QuoteMeta(string(ch)))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// parseTimestamp reads an RFC 3339 timestamp as Step Functions accepts it:
// a "T" between date and time and an offset or "Z".
func parseTimestamp(s string) (time.Time, bool) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}
