package conformance

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
	"github.com/goasl/goasl/local"
)

// Denominator is the number of AWS-recorded executions (581) and
// TestState responses (116) the executor is measured on.
const Denominator = 697

type harnessCase struct {
	Key        string          `json:"key"`
	Templates  []string        `json:"templates"`
	Recipe     string          `json:"recipe"`
	Executions []harnessRecord `json:"executions"`
}

type harnessRecord struct {
	Path           string          `json:"path"`
	Input          json.RawMessage `json:"input"`
	MockConfigFile json.RawMessage `json:"MockConfigFile"`
	Expected       json.RawMessage `json:"expected"`
	Events         int             `json:"events"`
}

// result is the verdict on one key.
type result struct {
	key     string
	outcome bool
	history bool
	jsonata bool
	reason  string // why the outcome failed
	hreason string // why the history failed
}

type suite struct {
	dir       string // corpus/localstack
	snapshots map[string]map[string]json.RawMessage
	index     map[string][]string // test → templates
}

func (s *suite) template(name string) ([]byte, error) {
	p := filepath.Join(s.dir, "templates-json", strings.TrimSuffix(name, ".json5")+".json")
	return os.ReadFile(p)
}

// snapshot returns the recorded content of a key.
func (s *suite) snapshot(key string) map[string]json.RawMessage {
	file, _, _ := strings.Cut(key, "::")
	file = strings.TrimPrefix(file, "tests/aws/services/stepfunctions/")
	file = strings.TrimSuffix(file, ".py") + ".snapshot.json"
	if s.snapshots == nil {
		s.snapshots = map[string]map[string]json.RawMessage{}
	}
	all, ok := s.snapshots[file]
	if !ok {
		data, err := os.ReadFile(filepath.Join(s.dir, "snapshots", file))
		all = map[string]json.RawMessage{}
		if err == nil {
			var m map[string]json.RawMessage
			if json.Unmarshal(data, &m) == nil {
				all = m
			}
		}
		s.snapshots[file] = all
	}
	var entry struct {
		Content map[string]json.RawMessage `json:"recorded-content"`
	}
	if raw, ok := all[key]; ok {
		_ = json.Unmarshal(raw, &entry)
	}
	return entry.Content
}

func TestConformance(t *testing.T) {
	corpus := testcorpus.Dir(t)
	s := &suite{dir: filepath.Join(corpus, "localstack")}
	f, err := os.Open(filepath.Join(s.dir, "derived", "harness_cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var results []result
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var c harnessCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		results = append(results, s.runCase(&c))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	results = append(results, s.testStateCases(t)...)
	outcome, history, jsonata, jsonataPass := 0, 0, 0, 0
	for _, r := range results {
		if r.outcome {
			outcome++
		}
		if r.history {
			history++
		}
		if r.jsonata {
			jsonata++
			if r.outcome {
				jsonataPass++
			}
		}
	}
	nonJ := len(results) - jsonata
	line := fmt.Sprintf("conformance: outcome %d/%d, history %d/%d", outcome, Denominator, history, Denominator)
	detail := fmt.Sprintf("non-JSONata: outcome %d/%d; JSONata cases: %d (outcome %d)", outcome-jsonataPass, nonJ, jsonata, jsonataPass)
	fmt.Println(line)
	fmt.Println(detail)
	if len(results) != Denominator {
		t.Errorf("the harness saw %d cases, want %d", len(results), Denominator)
	}
	golden.Check(t, "testdata/failures.golden", failureReport(line, detail, results))
	split := fmt.Sprintf("%d of the %d cases without JSONata pass and %d of the %d with JSONata", outcome-jsonataPass, nonJ, jsonataPass, jsonata)
	if readme, err := os.ReadFile("../../README.md"); err == nil {
		// The README wraps its lines: compare with runs of white space as one.
		text := strings.Join(strings.Fields(string(readme)), " ")
		for _, want := range []string{line, split} {
			if !strings.Contains(text, want) {
				t.Errorf("README.md does not say %q: update it", want)
			}
		}
	}
}

// failureReport lists the failing keys grouped by reason.
func failureReport(line, detail string, results []result) []byte {
	groups := map[string][]string{}
	hgroups := map[string][]string{}
	for _, r := range results {
		if !r.outcome {
			groups[r.reason] = append(groups[r.reason], r.key)
		}
		if !r.history && r.outcome {
			hgroups[r.hreason] = append(hgroups[r.hreason], r.key)
		}
	}
	var b strings.Builder
	b.WriteString(line + "\n" + detail + "\n\n")
	write := func(title string, g map[string][]string) {
		reasons := make([]string, 0, len(g))
		for r := range g {
			reasons = append(reasons, r)
		}
		sort.Slice(reasons, func(i, j int) bool {
			if len(g[reasons[i]]) != len(g[reasons[j]]) {
				return len(g[reasons[i]]) > len(g[reasons[j]])
			}
			return reasons[i] < reasons[j]
		})
		fmt.Fprintf(&b, "## %s\n", title)
		for _, r := range reasons {
			keys := g[r]
			sort.Strings(keys)
			fmt.Fprintf(&b, "\n### %s (%d)\n", r, len(keys))
			for _, k := range keys {
				b.WriteString("- " + strings.TrimPrefix(k, "tests/aws/services/stepfunctions/v2/") + "\n")
			}
		}
		b.WriteString("\n")
	}
	write("outcome failures by reason", groups)
	write("history failures by reason (outcome passes)", hgroups)
	return []byte(b.String())
}

// histDebug reports whether to print the history comparison of the case
// caseKey: CONFORMANCE_HISTORY_DEBUG=1 for every case, or a part of the
// key for the cases it names.
func histDebug(caseKey string) bool {
	k := os.Getenv("CONFORMANCE_HISTORY_DEBUG")
	return k == "1" || k != "" && strings.Contains(caseKey, k)
}

func (s *suite) runCase(c *harnessCase) result {
	res := result{key: c.Key}
	def, why := s.definition(c)
	if why != "" {
		res.reason, res.hreason = why, why
		res.jsonata = s.usesJSONata(c.Key)
		return res
	}
	sm, err := asl.Parse(def)
	if err != nil {
		res.reason = "definition does not parse: " + firstLine(err.Error())
		return res
	}
	res.jsonata = strings.Contains(string(def), `"JSONata"`)
	m, err := local.Compile(sm)
	if err != nil {
		res.reason = "compile: " + firstLine(err.Error())
		res.hreason = res.reason
		return res
	}
	res.outcome, res.history = true, true
	content := s.snapshot(c.Key)
	for i := range c.Executions {
		e := &c.Executions[i]
		mm := m
		if isChoiceLiteral(c.Key) {
			in, _ := value.Parse(e.Input)
			in = fixInput(c, i, in)
			lit, _ := in.Get("Value")
			d := strings.ReplaceAll(string(def), `"$.Value"`, lit.JSON())
			sm, err := asl.Parse([]byte(d))
			if err == nil {
				mm, err = local.Compile(sm)
			}
			if err != nil {
				res.outcome, res.reason = false, "choice case definition: "+firstLine(err.Error())
				break
			}
		}
		ok, why, hok, hwhy := s.runExecution(c, mm, def, e, i, content)
		if !ok && res.outcome {
			res.outcome, res.reason = false, why
		}
		if !hok && res.history {
			res.history, res.hreason = false, hwhy
		}
	}
	if !res.outcome {
		res.history = false
		if res.hreason == "" {
			res.hreason = res.reason
		}
	}
	return res
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}

type expected struct {
	status     string
	output     value.Value
	error      value.Value
	cause      value.Value
	hasOutput  bool
	express    bool
	noHistory  bool
	historyKey string
}

func parseExpected(e *harnessRecord) (expected, bool) {
	var ex expected
	v, err := value.Parse(e.Expected)
	if err != nil || v.Kind() != value.Object {
		return ex, false
	}
	get := func(v value.Value, k string) value.Value { x, _ := v.Get(k); return x }
	switch {
	case strings.HasPrefix(e.Path, "/end_event"):
		ex.express, ex.noHistory = true, true
		switch get(v, "type").Str() {
		case "ExecutionSucceeded":
			ex.status = "SUCCEEDED"
		case "ExecutionFailed":
			ex.status = "FAILED"
		default:
			ex.status = get(v, "type").Str()
		}
		d := get(v, "details")
		ex.output, ex.hasOutput = d.Get("output")
		ex.error, ex.cause = get(d, "error"), get(d, "cause")
	case strings.HasPrefix(e.Path, "/start_execution_sync_response"):
		ex.express, ex.noHistory = true, true
		ex.status = get(v, "status").Str()
		ex.output, ex.hasOutput = v.Get("output")
		ex.error, ex.cause = get(v, "error"), get(v, "cause")
	default:
		ex.status = get(v, "status").Str()
		ex.output, ex.hasOutput = v.Get("output")
		ex.error, ex.cause = get(v, "error"), get(v, "cause")
		ex.historyKey = strings.TrimPrefix(e.Path, "/")
		if strings.HasPrefix(e.Path, "/cases") {
			ex.noHistory = true
		}
	}
	return ex, true
}

func (s *suite) runExecution(c *harnessCase, m *local.Machine, def []byte, e *harnessRecord, n int, content map[string]json.RawMessage) (bool, string, bool, string) {
	ex, ok := parseExpected(e)
	if !ok {
		return false, "no recorded outcome (the test expects a failure to start)", false, "no recorded outcome"
	}
	input := value.FromMembers()
	if len(e.Input) > 0 {
		v, err := value.Parse(e.Input)
		if err != nil {
			return false, "harness: bad input", false, "harness: bad input"
		}
		input = v
	}
	input = fixInput(c, n, input)
	opts := local.Options{
		Input:            input,
		Partition:        "<partition>",
		Region:           "<region>",
		Account:          "111111111111",
		StateMachineName: "<ArnPart_0idx>",
		ExecutionName:    "<ExecArnPart_0idx>",
		RoleArn:          "snf_role_arn",
		S3:               &local.S3{},
	}
	putFixtures(c.Key, opts.S3)
	if states, ok := identityFunctions[testName(c.Key)]; ok {
		// The test's Lambda function is LAMBDA_ID_FUNCTION (it returns its
		// event); its calls in Distributed Map children are not recorded.
		opts.Handlers = map[string]local.Handler{}
		for _, st := range states {
			opts.Handlers[st] = func(_ context.Context, t *local.Task) (value.Value, error) { return t.Input, nil }
		}
	}
	// The test's activity worker polls with its own name; the recording
	// shows it in ActivityStarted.
	recorded, noHistory := recordedEvents(content, ex.historyKey)
	opts.ActivityWorker = recordedWorker(recorded)
	if strings.HasSuffix(c.Key, "::test_stop_execution") {
		opts.StopAt = time.Second // the test stops the execution right after starting it
	}
	if ex.express {
		opts.Express = true
		opts.ExecutionName = "<ExpressExecArn_Part1_0idx>"
		if strings.HasPrefix(e.Path, "/start_execution_sync_response") {
			opts.ExecutionName = "<SyncExecArn_Part1_0idx>"
		}
	}
	if string(e.MockConfigFile) == "null" {
		e.MockConfigFile = nil
	}
	if len(e.MockConfigFile) == 0 && ex.express && ex.output.Kind() == value.Object {
		// Express recordings keep no history, so no service responses: a
		// task whose failure the output shows ({"Error", "Cause"}) is
		// answered with that failure.
		if e.MockConfigFile = mocksFromOutput(def, ex.output); e.MockConfigFile != nil {
			opts.Mock, opts.TestCase = nil, ""
		}
	}
	if len(e.MockConfigFile) > 0 {
		e.MockConfigFile = fixParallelHang(e.MockConfigFile, content[strings.TrimPrefix(e.Path, "/")])
		e.MockConfigFile = fixConcurrentHang(e.MockConfigFile, content[strings.TrimPrefix(e.Path, "/")])
		mc, err := local.ParseMockConfig(fixMocks(e.MockConfigFile, def))
		if err != nil {
			return false, "harness: mock configuration: " + err.Error(), false, "mock"
		}
		opts.Mock, opts.TestCase = mc, "recorded"
	}
	x, err := m.Run(context.Background(), opts)
	if err != nil {
		var mh *local.MissingHandlerError
		if ok := asMissing(err, &mh); ok {
			return false, "a Task has no recorded response (needs a test fixture)", false, "no response"
		}
		return false, "run error: " + firstLine(err.Error()), false, "run error"
	}
	if x.Status == local.Succeeded {
		x.Output = transformOutput(c.Key, x.Output)
	}
	if why := compareOutcome(ex, x); why != "" {
		if k := os.Getenv("CONFORMANCE_DEBUG"); k != "" && strings.Contains(c.Key, k) {
			fmt.Printf("== %s %s\n   want: %s %s %s %s\n   got:  %s %s %s %s\n", c.Key, e.Path, ex.status, ex.output.JSON(), ex.error.JSON(), ex.cause.JSON(), x.Status, x.Output.JSON(), x.Error, x.Cause)
		}
		return false, why, false, why
	}
	if ex.noHistory {
		return true, "", true, ""
	}
	hok, hwhy := compareHistory(c.Key, recorded, noHistory, x)
	return true, "", hok, hwhy
}

func asMissing(err error, target **local.MissingHandlerError) bool {
	mh, ok := err.(*local.MissingHandlerError)
	if ok {
		*target = mh
	}
	return ok
}

func compareOutcome(ex expected, x *local.Execution) string {
	if string(x.Status) != ex.status {
		detail := ""
		if x.Status == local.Failed {
			detail = fmt.Sprintf(" (%s: %s)", x.Error, firstLine(x.Cause))
		}
		return fmt.Sprintf("status %s, want %s%s", x.Status, ex.status, detail)
	}
	u := newUnifier()
	if x.Status == local.Succeeded {
		if !ex.hasOutput {
			return ""
		}
		out := x.Output
		exp := ex.output
		if !u.value(exp, out) {
			// The recording parsed JSON text in strings one level.
			if !newUnifier().value(exp, loadsOnce(out)) {
				return "output differs"
			}
		}
		return ""
	}
	if !ex.error.IsUndefined() && !ex.error.IsNull() {
		if !u.str(ex.error.Str(), x.Error) {
			return fmt.Sprintf("error %s, want %s", x.Error, ex.error.Str())
		}
	}
	if !ex.cause.IsUndefined() && !ex.cause.IsNull() {
		if ex.cause.Kind() == value.String {
			if !u.str(ex.cause.Str(), x.Cause) {
				return "cause differs"
			}
		} else {
			v, err := value.ParseString(x.Cause)
			if err != nil || !u.value(ex.cause, v) {
				return "cause differs"
			}
		}
	} else if (ex.cause.IsNull() || ex.cause.IsUndefined()) && x.HasCause && x.Cause != "" {
		return "cause set, want none"
	}
	return ""
}

// recordedEvents returns the events of the recorded history of the
// snapshot key, or why there are none.
func recordedEvents(content map[string]json.RawMessage, key string) ([]value.Value, string) {
	raw, ok := content[key]
	if !ok {
		return nil, "no recorded history"
	}
	rec, err := value.Parse(raw)
	if err != nil {
		return nil, "recorded history does not parse"
	}
	events, _ := rec.Get("events")
	if events.Kind() != value.Array {
		return nil, "no recorded history"
	}
	return events.Items(), ""
}

// recordedWorker returns the workerName of the first ActivityStarted
// event ("" without one).
func recordedWorker(events []value.Value) string {
	for _, e := range events {
		if t, _ := e.Get("type"); t.Str() == "ActivityStarted" {
			d, _ := e.Get("activityStartedEventDetails")
			w, _ := d.Get("workerName")
			return w.Str()
		}
	}
	return ""
}

// compareHistory compares the recorded event sequence (events, or why there
// is none) with the run's; caseKey is the case's (for its transformers and
// CONFORMANCE_HISTORY_DEBUG).
func compareHistory(caseKey string, events []value.Value, why string, x *local.Execution) (bool, string) {
	if why != "" {
		return false, why
	}
	got, err := value.Parse(x.HistoryJSON())
	if err != nil {
		return false, "history JSON does not parse"
	}
	gotEvents, _ := got.Get("events")
	el := normaliseEvents(events, false, false)
	// Without masked ids, the recording shows the branches' events as they
	// were: the test did not add the transformer that sorts them.
	gl := normaliseEvents(gotEvents.Items(), true, masksParallel(el))
	// The test's transformers of random results ("$..FunctionResult")
	// rewrote the states' outputs in the history too.
	for i, e := range gl {
		for _, k := range []string{"stateExitedEventDetails", "executionSucceededEventDetails"} {
			if d, ok := e.Get(k); ok {
				if out, ok := d.Get("output"); ok && out.Kind() == value.Object {
					gl[i] = e.With(k, d.With("output", transformOutput(caseKey, out)))
				}
			}
		}
	}
	// The execution role is replaced by a token that differs between tests
	// ("snf_role_arn", "arn:...:role/<resource:1>"): it is not compared.
	for i, e := range el {
		if d, ok := e.Get("executionStartedEventDetails"); ok {
			el[i] = e.With("executionStartedEventDetails", d.With("roleArn", value.FromString("snf_role_arn")))
		}
	}
	if len(gl) != len(el) {
		if histDebug(caseKey) {
			var a, b []string
			for _, e := range gl {
				t, _ := e.Get("type")
				a = append(a, t.Str())
			}
			for _, e := range el {
				t, _ := e.Get("type")
				b = append(b, t.Str())
			}
			fmt.Printf("-- count: got  %v\n   want %v\n", a, b)
		}
		return false, fmt.Sprintf("event count %d, want %d", len(gl), len(el))
	}
	u := newUnifier()
	for i := range el {
		et, _ := el[i].Get("type")
		gt, _ := gl[i].Get("type")
		if et.Str() != gt.Str() {
			if histDebug(caseKey) {
				for j := range el {
					a, _ := gl[j].Get("type")
					b, _ := el[j].Get("type")
					fmt.Printf("-- %d got %s want %s\n", j, a.Str(), b.Str())
				}
			}
			return false, fmt.Sprintf("event types differ (first: %s, want %s)", gt.Str(), et.Str())
		}
	}
	for i := range el {
		for _, k := range []string{"id", "previousEventId"} {
			a, _ := el[i].Get(k)
			b, _ := gl[i].Get(k)
			if !value.Equal(a, b) {
				t, _ := el[i].Get("type")
				if histDebug(caseKey) {
					for j := range el {
						w, _ := el[j].Get("type")
						wi, _ := el[j].Get("id")
						wp, _ := el[j].Get("previousEventId")
						gi, _ := gl[j].Get("id")
						gp, _ := gl[j].Get("previousEventId")
						fmt.Printf("-- %-28s want %s/%s got %s/%s\n", w.Str(), wi.JSON(), wp.JSON(), gi.JSON(), gp.JSON())
					}
				}
				if t.Str() == "MapStateExited" && k == "previousEventId" && pointsAt(el, a, "MapRunSucceeded") {
					// AWS changed the rule between the recordings (2023 to
					// August 2024: MapRunSucceeded; since November 2024:
					// MapRunStarted). The executor follows today's AWS.
					return false, "event ids differ (previousEventId of MapStateExited: recorded before November 2024, when AWS moved it from MapRunSucceeded to MapRunStarted; the executor follows AWS as it is now)"
				}
				return false, "event ids differ (" + k + " of " + t.Str() + ")"
			}
		}
	}
	for i := range el {
		if !u.value(el[i], gl[i]) {
			if histDebug(caseKey) {
				fmt.Printf("-- want %s\n   got  %s\n", el[i].JSON(), gl[i].JSON())
			}
			t, _ := el[i].Get("type")
			return false, "event details differ (" + t.Str() + ")"
		}
	}
	return true, ""
}

// normaliseEvents applies LocalStack's normalisation to the run's events
// (actual; a recording's are returned as they are): JSON-in-string parsed
// one level, timestamps replaced, and with sortBlocks the Parallel blocks
// as SfnNoneRecursiveParallelTransformer left them.
func normaliseEvents(events []value.Value, actual, sortBlocks bool) []value.Value {
	out := make([]value.Value, 0, len(events))
	for _, e := range events {
		if actual {
			e = loadsOnce(e)
			e = e.With("timestamp", value.FromString("timestamp"))
		}
		out = append(out, e)
	}
	if !actual || !sortBlocks {
		return out
	}
	return parallelTransform(out)
}

// parallelTransform does what LocalStack's SfnNoneRecursiveParallelTransformer
// did to the recorded histories, quirks included. It walks the events by
// index while it edits the list (as the Python loop does): after
// ParallelStateStarted, each event gets id [0] and previousEventId 0 and
// joins the block; at every ParallelState{Succeeded,Aborted,Exited,Failed}
// the events from the block's start up to that event are replaced by the
// block sorted by its JSON text. A block that ends with two such events
// (Succeeded then Exited) so loses the first of them, nested blocks lose
// more, and the event after a shrunk range is skipped.
func parallelTransform(ev []value.Value) []value.Value {
	start, in := 0, false
	var block []value.Value
	masked := value.FromArray([]value.Value{value.FromInt(0)})
	for i := 0; i < len(ev); i++ {
		t, _ := ev[i].Get("type")
		switch t.Str() {
		case "ParallelStateSucceeded", "ParallelStateAborted", "ParallelStateExited", "ParallelStateFailed":
			sorted := append([]value.Value(nil), block...)
			sort.SliceStable(sorted, func(a, b int) bool { return sortKey(sorted[a]) < sortKey(sorted[b]) })
			lo, hi := min(start, len(ev)), i
			if hi < lo {
				hi = lo
			}
			rest := append([]value.Value(nil), ev[hi:]...)
			ev = append(append(ev[:lo], sorted...), rest...)
			in = false
		case "ParallelStateStarted":
			in, block, start = true, nil, i+1
		default:
			if in {
				ev[i] = ev[i].With("id", masked).With("previousEventId", value.FromInt(0))
				block = append(block, ev[i])
			}
		}
	}
	return ev
}

// pointsAt reports whether the event with id id has the given type.
func pointsAt(events []value.Value, id value.Value, typ string) bool {
	for _, e := range events {
		if i, _ := e.Get("id"); value.Equal(i, id) {
			t, _ := e.Get("type")
			return t.Str() == typ
		}
	}
	return false
}

// masksParallel reports whether a recorded history went through
// LocalStack's Parallel transformer: its branches' events have id [0].
func masksParallel(events []value.Value) bool {
	for _, e := range events {
		if id, _ := e.Get("id"); id.Kind() == value.Array {
			return true
		}
	}
	for _, e := range events {
		if t, _ := e.Get("type"); t.Str() == "ParallelStateStarted" {
			return false
		}
	}
	return true
}

// sortKey is the JSON text of an event with sorted keys (Python's
// json.dumps(sort_keys=True) order is close enough for ordering).
func sortKey(v value.Value) string {
	var b []byte
	var walk func(v value.Value)
	walk = func(v value.Value) {
		switch v.Kind() {
		case value.Object:
			keys := append([]string(nil), v.Keys()...)
			sort.Strings(keys)
			b = append(b, '{')
			for i, k := range keys {
				if i > 0 {
					b = append(b, ", "...)
				}
				b = value.AppendString(b, k)
				b = append(b, ": "...)
				x, _ := v.Get(k)
				walk(x)
			}
			b = append(b, '}')
		case value.Array:
			b = append(b, '[')
			for i, it := range v.Items() {
				if i > 0 {
					b = append(b, ", "...)
				}
				walk(it)
			}
			b = append(b, ']')
		default:
			b = value.AppendJSON(b, v)
		}
	}
	walk(v)
	return string(b)
}

// mocksFromOutput builds a mock configuration that fails every Task state
// of the definition's top level with the {"Error", "Cause"} of the output.
func mocksFromOutput(def []byte, out value.Value) json.RawMessage {
	errName, ok1 := out.Get("Error")
	cause, ok2 := out.Get("Cause")
	if !ok1 || !ok2 {
		return nil
	}
	d, err := value.Parse(def)
	if err != nil {
		return nil
	}
	states, _ := d.Get("States")
	var tc, resp value.ObjectBuilder
	for i, name := range states.Keys() {
		t, _ := states.Values()[i].Get("Type")
		if t.Str() != "Task" {
			continue
		}
		tc.Set(name, value.FromString(name+"#o"))
		throw := value.FromMembers(value.Member{Key: "Throw", Value: value.FromMembers(
			value.Member{Key: "Error", Value: errName}, value.Member{Key: "Cause", Value: cause})})
		resp.Set(name+"#o", value.FromMembers(value.Member{Key: "0-99", Value: throw}))
	}
	if tc.Len() == 0 {
		return nil
	}
	mc := value.FromMembers(
		value.Member{Key: "StateMachines", Value: value.FromMembers(value.Member{Key: "M", Value: value.FromMembers(
			value.Member{Key: "TestCases", Value: value.FromMembers(value.Member{Key: "recorded", Value: tc.Value()})})})},
		value.Member{Key: "MockedResponses", Value: resp.Value()},
	)
	return json.RawMessage(mc.JSON())
}

// identityFunctions lists, per test, the Task states whose Lambda function
// is LAMBDA_ID_FUNCTION (it returns its input).
var identityFunctions = map[string][]string{
	"test_map_state_lambda":                              {"ProcessValue"},
	"test_map_state_config_distributed_reentrant_lambda": {"ProcessValue"},
}

// testName is the test function's name in a key, without parameters.
func testName(key string) string {
	name := key[strings.LastIndex(key, "::")+2:]
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	return name
}

// fixConcurrentHang corrects a derived mock that hangs only the first
// invocation of a task the recording enters several times (the iterations
// of a Map that all time out at once): each of those invocations hangs.
func fixConcurrentHang(raw []byte, history json.RawMessage) []byte {
	h, err := value.Parse(history)
	if err != nil {
		return raw
	}
	events, _ := h.Get("events")
	entered := map[string]int{}
	for _, ev := range events.Items() {
		if t, _ := ev.Get("type"); t.Str() != "TaskStateEntered" {
			continue
		}
		d, _ := ev.Get("stateEnteredEventDetails")
		name, _ := d.Get("name")
		entered[name.Str()]++
	}
	mc, err := value.Parse(raw)
	if err != nil {
		return raw
	}
	sms, _ := mc.Get("StateMachines")
	resps, _ := mc.Get("MockedResponses")
	changed := false
	for _, sm := range sms.Values() {
		tcs, _ := sm.Get("TestCases")
		for _, tc := range tcs.Values() {
			for i, st := range tc.Keys() {
				rn := tc.Values()[i].Str()
				r, _ := resps.Get(rn)
				if n := entered[st]; n > 1 && r.Len() == 1 && r.Keys()[0] == "0" {
					if _, ok := r.Values()[0].Get("Hang"); ok {
						resps = resps.With(rn, value.FromMembers(value.Member{Key: fmt.Sprintf("0-%d", n-1), Value: r.Values()[0]}))
						changed = true
					}
				}
			}
		}
	}
	if !changed {
		return raw
	}
	return []byte(mc.With("MockedResponses", resps).JSON())
}

// fixParallelHang corrects a derived mock that hangs a task the recording
// shows failing: SfnNoneRecursiveParallelTransformer gives the events of
// Parallel branches the id [0] and sorts them, so the derivation saw the
// task's TaskStateAborted rather than its TaskFailed. When such events
// hold a TaskFailed, the hanging responses throw that failure.
func fixParallelHang(raw []byte, history json.RawMessage) []byte {
	h, err := value.Parse(history)
	if err != nil {
		return raw
	}
	events, _ := h.Get("events")
	var failed []value.Value
	for _, ev := range events.Items() {
		id, _ := ev.Get("id")
		if d, ok := ev.Get("taskFailedEventDetails"); ok && id.Kind() != value.Number {
			failed = append(failed, d)
		}
	}
	if len(failed) == 0 {
		return raw
	}
	mc, err := value.Parse(raw)
	if err != nil {
		return raw
	}
	resps, _ := mc.Get("MockedResponses")
	name, _ := failed[0].Get("error")
	cause, _ := failed[0].Get("cause")
	if cause.Kind() != value.String {
		cause = value.FromString(cause.JSON())
	}
	throw := value.FromMembers(value.Member{Key: "Throw", Value: value.FromMembers(
		value.Member{Key: "Error", Value: name}, value.Member{Key: "Cause", Value: cause})})
	changed := false
	for i, st := range resps.Keys() {
		r := resps.Values()[i]
		for j, k := range r.Keys() {
			if _, ok := r.Values()[j].Get("Hang"); ok {
				r, changed = r.With(k, throw), true
			}
		}
		resps = resps.With(st, r)
	}
	if !changed {
		return raw
	}
	return []byte(mc.With("MockedResponses", resps).JSON())
}
