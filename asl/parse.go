package asl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goasl/goasl/internal/suggest"
)

// Parse reads an ASL document from strict JSON (RFC 8259). Every problem
// found is returned at once in an *Error: syntax errors
// (CodeInvalidJSON), duplicate keys, unknown fields and fields of the wrong
// JSON type (CodeSchema), each with its JSON pointer and line:column.
// Which fields a state may have for its Type and query language is not
// checked here: that is Validate's job. A string field given as "" is kept
// apart from an absent one (the struct's Empty names it), as JSON null is
// for paths, so Marshal gives the document back.
func Parse(data []byte) (*StateMachine, error) {
	doc, err := ParseDocument(data)
	if err != nil {
		return nil, err
	}
	return doc.Machine, nil
}

// ParseDocument is Parse that also keeps the source and the position of
// every value, for diagnostics (see Document.Position).
func ParseDocument(data []byte) (*Document, error) {
	root, pos, diags := readJSON(data, true)
	if root.Kind == Absent {
		if LooksLikeYAML(data) {
			p := Position{Offset: 0, Line: 1, Column: 1}
			return nil, &Error{Diagnostics: []Diagnostic{{
				Code:    CodeInvalidJSON,
				Pos:     p,
				Message: "this looks like YAML; goasl reads JSON only here: convert it, e.g. with `yq -o=json file.asl.yaml`, or read it with asl.ParseYAML",
			}}}
		}
		return nil, newError(diags)
	}
	return decodeDocument(data, root, pos, diags)
}

// decodeDocument decodes a document read from data (JSON or YAML) into the
// model; diags are the problems reading it found.
func decodeDocument(data []byte, root Value, pos map[string]nodePos, diags []Diagnostic) (*Document, error) {
	d := &decoder{pos: pos, diags: diags}
	sm := d.machine(root)
	if len(d.diags) > 0 {
		return nil, newError(d.diags)
	}
	return &Document{Machine: sm, Source: data, Value: root, pos: pos}, nil
}

// decoder turns a JSON Value into the model, collecting every problem.
type decoder struct {
	pos   map[string]nodePos
	diags []Diagnostic
}

// report adds a schema error at ptr. With atKey the position is the
// member's key (for unknown fields), otherwise its value.
func (d *decoder) report(ptr string, atKey bool, msg string) {
	d.diags = append(d.diags, Diagnostic{
		Code:    CodeSchema,
		Pointer: ptr,
		Pos:     lookupPos(d.pos, ptr, atKey),
		Message: msg,
	})
}

// kindPhrase names a JSON kind with its article: "a string", "an
// array", "null". Every message that names the kind of a value says it
// with kindPhrase.
func kindPhrase(k Kind) string {
	switch k {
	case Null:
		return "null"
	case Absent:
		return withArticle("absent value")
	}
	return withArticle(k.String())
}

// withArticle puts "a" or "an" before a noun of the messages ("an
// array", "a branch", "an item processor"): "an" before a vowel letter.
// The nouns goasl's messages use are all pronounced as they are spelled
// (no "a unit", no "an hour").
func withArticle(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// wrongKind reports that the value at ptr is of kind got where what
// describes the value wanted: what + ", not " + the kind. An absent value
// inside a document is one its reader could not read (an invalid YAML
// scalar, say) and already reported: it gets no second message.
func (d *decoder) wrongKind(ptr string, got Kind, what string) {
	if got == Absent {
		return
	}
	d.report(ptr, false, what+", not "+kindPhrase(got))
}

// wrongType reports that the member key at ptr holds the wrong kind.
func (d *decoder) wrongType(ptr, key, want string, got Kind) {
	d.wrongKind(ptr, got, fmt.Sprintf("field %s must be %s", strconv.Quote(key), want))
}

// unknown reports an unsupported field, with a suggestion if a known field
// is close.
func (d *decoder) unknown(ptr, key, where string, known []string) {
	msg := fmt.Sprintf("field %s is not supported %s", strconv.Quote(key), where)
	if s := suggest.Closest(key, known); s != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", strconv.Quote(s))
	} else {
		msg += "; remove it"
	}
	d.report(ptr, true, msg)
}

// str decodes a string field; a present "" is recorded in empty, since
// the field's zero value means absent.
func (d *decoder) str(empty *EmptyStrings, ptr, key string, v Value) string {
	if v.Kind != String {
		d.wrongType(ptr, key, "a string", v.Kind)
		return ""
	}
	if v.Str == "" {
		*empty = append(*empty, key)
	}
	return v.Str
}

func (d *decoder) boolean(ptr, key string, v Value) bool {
	if v.Kind != Bool {
		d.wrongType(ptr, key, "a boolean", v.Kind)
		return false
	}
	return v.Bool
}

func (d *decoder) nullablePath(ptr, key string, v Value) NullablePath {
	switch v.Kind {
	case Null:
		return NullPath()
	case String:
		return PathValue(v.Str)
	}
	d.wrongType(ptr, key, "a string (a path) or null", v.Kind)
	return NullablePath{}
}

// strs decodes an array of strings, keeping nil (absent) apart from empty.
func (d *decoder) strs(ptr, key string, v Value) []string {
	if v.Kind != Array {
		d.wrongType(ptr, key, "an array of strings", v.Kind)
		return nil
	}
	out := make([]string, 0, len(v.Items))
	for i, it := range v.Items {
		if it.Kind != String {
			d.wrongKind(ptr+"/"+strconv.Itoa(i), it.Kind, fmt.Sprintf("element %d of %s must be a string", i, strconv.Quote(key)))
			continue
		}
		out = append(out, it.Str)
	}
	return out
}

// isObject checks that v is an object, reporting want otherwise.
func (d *decoder) isObject(ptr, key string, v Value, want string) bool {
	if v.Kind != Object {
		d.wrongType(ptr, key, want, v.Kind)
		return false
	}
	return true
}

// memberPointer returns the pointer of member key under ptr.
func memberPointer(ptr, key string) string { return ptr + "/" + PointerEscape(key) }

var topFields = []string{"Comment", "Version", "QueryLanguage", "TimeoutSeconds", "StartAt", "States"}

func (d *decoder) machine(root Value) *StateMachine {
	if root.Kind != Object {
		d.report("", false, "a state machine must be a JSON object with StartAt and States, not "+kindPhrase(root.Kind))
		return nil
	}
	sm := &StateMachine{}
	for _, m := range root.Members {
		p := memberPointer("", m.Key)
		switch m.Key {
		case "Comment":
			sm.Comment = d.str(&sm.Empty, p, m.Key, m.Value)
		case "Version":
			sm.Version = d.str(&sm.Empty, p, m.Key, m.Value)
		case "QueryLanguage":
			sm.QueryLanguage = QueryLanguage(d.str(&sm.Empty, p, m.Key, m.Value))
		case "TimeoutSeconds":
			sm.TimeoutSeconds = m.Value
		case "StartAt":
			sm.StartAt = d.str(&sm.Empty, p, m.Key, m.Value)
		case "States":
			sm.States = d.states(p, m.Value)
		default:
			d.unknown(p, m.Key, "at the top level of a state machine", topFields)
		}
	}
	return sm
}

// states decodes a States object; nil means absent, empty means {}.
func (d *decoder) states(ptr string, v Value) States {
	if !d.isObject(ptr, "States", v, "an object that maps state names to states") {
		return nil
	}
	out := make(States, 0, len(v.Members))
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		if m.Value.Kind != Object {
			d.wrongKind(p, m.Value.Kind, fmt.Sprintf("state %s must be an object with a Type", strconv.Quote(m.Key)))
			continue
		}
		out = append(out, d.state(p, m.Key, m.Value))
	}
	return out
}

// stateFields is every field of every state type, in marshal order.
var stateFields = []string{
	"Type", "QueryLanguage", "Comment", "Resource", "Credentials", "InputPath", "Parameters", "Arguments",
	"Result", "Seconds", "SecondsPath", "Timestamp", "TimestampPath", "Choices", "Default", "Error",
	"ErrorPath", "Cause", "CausePath", "Branches", "ItemReader", "Items", "ItemsPath", "ItemSelector",
	"ItemBatcher", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage",
	"ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label",
	"ItemProcessor", "Iterator", "ResultWriter", "ResultSelector", "ResultPath", "OutputPath", "Output",
	"Assign", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Retry",
	"Catch", "Next", "End",
}

func (d *decoder) state(ptr, name string, v Value) *State {
	st := &State{Name: name}
	where := "in a state"
	if t, ok := v.Get("Type"); ok && t.Kind == String {
		switch StateType(t.Str) {
		case TypeTask, TypePass, TypeChoice, TypeWait, TypeSucceed, TypeFail, TypeParallel, TypeMap:
			where = "in a " + t.Str + " state"
		}
	}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		k, x := m.Key, m.Value
		switch k {
		case "Type":
			st.Type = StateType(d.str(&st.Empty, p, k, x))
		case "QueryLanguage":
			st.QueryLanguage = QueryLanguage(d.str(&st.Empty, p, k, x))
		case "Comment":
			st.Comment = d.str(&st.Empty, p, k, x)
		case "Resource":
			st.Resource = d.str(&st.Empty, p, k, x)
		case "Credentials":
			st.Credentials = x
		case "InputPath":
			st.InputPath = d.nullablePath(p, k, x)
		case "Parameters":
			st.Parameters = x
		case "Arguments":
			st.Arguments = x
		case "Result":
			st.Result = x
		case "Seconds":
			st.Seconds = x
		case "SecondsPath":
			st.SecondsPath = d.str(&st.Empty, p, k, x)
		case "Timestamp":
			st.Timestamp = d.str(&st.Empty, p, k, x)
		case "TimestampPath":
			st.TimestampPath = d.str(&st.Empty, p, k, x)
		case "Choices":
			st.Choices = d.choices(p, x)
		case "Default":
			st.Default = d.str(&st.Empty, p, k, x)
		case "Error":
			st.Error = d.str(&st.Empty, p, k, x)
		case "ErrorPath":
			st.ErrorPath = d.str(&st.Empty, p, k, x)
		case "Cause":
			st.Cause = d.str(&st.Empty, p, k, x)
		case "CausePath":
			st.CausePath = d.str(&st.Empty, p, k, x)
		case "Branches":
			st.Branches = d.branches(p, x)
		case "ItemReader":
			st.ItemReader = d.itemReader(p, x)
		case "Items":
			st.Items = x
		case "ItemsPath":
			st.ItemsPath = d.str(&st.Empty, p, k, x)
		case "ItemSelector":
			st.ItemSelector = x
		case "ItemBatcher":
			st.ItemBatcher = d.itemBatcher(p, x)
		case "MaxConcurrency":
			st.MaxConcurrency = x
		case "MaxConcurrencyPath":
			st.MaxConcurrencyPath = d.str(&st.Empty, p, k, x)
		case "ToleratedFailurePercentage":
			st.ToleratedFailurePercentage = x
		case "ToleratedFailurePercentagePath":
			st.ToleratedFailurePercentagePath = d.str(&st.Empty, p, k, x)
		case "ToleratedFailureCount":
			st.ToleratedFailureCount = x
		case "ToleratedFailureCountPath":
			st.ToleratedFailureCountPath = d.str(&st.Empty, p, k, x)
		case "Label":
			st.Label = d.str(&st.Empty, p, k, x)
		case "ItemProcessor":
			st.ItemProcessor = d.scope(p, k, x, "a Map ItemProcessor")
		case "Iterator":
			st.Iterator = d.scope(p, k, x, "a Map Iterator")
		case "ResultWriter":
			st.ResultWriter = d.resultWriter(p, x)
		case "ResultSelector":
			st.ResultSelector = x
		case "ResultPath":
			st.ResultPath = d.nullablePath(p, k, x)
		case "OutputPath":
			st.OutputPath = d.nullablePath(p, k, x)
		case "Output":
			st.Output = x
		case "Assign":
			st.Assign = x
		case "TimeoutSeconds":
			st.TimeoutSeconds = x
		case "TimeoutSecondsPath":
			st.TimeoutSecondsPath = d.str(&st.Empty, p, k, x)
		case "HeartbeatSeconds":
			st.HeartbeatSeconds = x
		case "HeartbeatSecondsPath":
			st.HeartbeatSecondsPath = d.str(&st.Empty, p, k, x)
		case "Retry":
			st.Retry = d.retry(p, x)
		case "Catch":
			st.Catch = d.catch(p, x)
		case "Next":
			st.Next = d.str(&st.Empty, p, k, x)
		case "End":
			st.End = d.boolean(p, k, x)
		default:
			d.unknown(p, k, where, stateFields)
		}
	}
	return st
}

var scopeFields = []string{"Comment", "ProcessorConfig", "StartAt", "States"}

// scope decodes a Parallel branch (what = "a Parallel branch") or a Map
// ItemProcessor or Iterator.
func (d *decoder) scope(ptr, key string, v Value, what string) *Scope {
	if !d.isObject(ptr, key, v, "an object with StartAt and States") {
		return nil
	}
	sc := &Scope{}
	branch := what == "a Parallel branch"
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		k, x := m.Key, m.Value
		switch k {
		case "Comment":
			sc.Comment = d.str(&sc.Empty, p, k, x)
		case "StartAt":
			sc.StartAt = d.str(&sc.Empty, p, k, x)
		case "States":
			sc.States = d.states(p, x)
		case "ProcessorConfig":
			if branch {
				d.report(p, true, `field "ProcessorConfig" is not supported in a Parallel branch: it is only allowed in a Map ItemProcessor or Iterator`)
				continue
			}
			sc.ProcessorConfig = d.processorConfig(p, x)
		case "QueryLanguage":
			d.report(p, true, fmt.Sprintf(`field "QueryLanguage" is not supported in %s: it is only allowed at the top level or on a state`, what))
		case "TimeoutSeconds":
			d.report(p, true, fmt.Sprintf(`field "TimeoutSeconds" is not supported in %s: it is only allowed at the top level or on a Task state`, what))
		case "Version":
			d.report(p, true, fmt.Sprintf(`field "Version" is not supported in %s: it is only allowed at the top level of the state machine`, what))
		default:
			known := scopeFields
			if branch {
				known = []string{"Comment", "StartAt", "States"}
			}
			d.unknown(p, k, "in "+what, known)
		}
	}
	return sc
}

func (d *decoder) branches(ptr string, v Value) []*Scope {
	if v.Kind != Array {
		d.wrongType(ptr, "Branches", "an array of branches (objects with StartAt and States)", v.Kind)
		return nil
	}
	out := make([]*Scope, 0, len(v.Items))
	for i, it := range v.Items {
		p := ptr + "/" + strconv.Itoa(i)
		if it.Kind != Object {
			d.wrongKind(p, it.Kind, fmt.Sprintf("branch %d must be an object with StartAt and States", i))
			continue
		}
		out = append(out, d.scope(p, "Branches", it, "a Parallel branch"))
	}
	return out
}

var processorConfigFields = []string{"Mode", "ExecutionType"}

func (d *decoder) processorConfig(ptr string, v Value) *ProcessorConfig {
	if !d.isObject(ptr, "ProcessorConfig", v, "an object") {
		return nil
	}
	pc := &ProcessorConfig{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		switch m.Key {
		case "Mode":
			pc.Mode = d.str(&pc.Empty, p, m.Key, m.Value)
		case "ExecutionType":
			pc.ExecutionType = d.str(&pc.Empty, p, m.Key, m.Value)
		default:
			d.unknown(p, m.Key, "in ProcessorConfig", processorConfigFields)
		}
	}
	return pc
}

var itemReaderFields = []string{"Resource", "ReaderConfig", "Parameters", "Arguments"}

func (d *decoder) itemReader(ptr string, v Value) *ItemReader {
	if !d.isObject(ptr, "ItemReader", v, "an object") {
		return nil
	}
	ir := &ItemReader{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		switch m.Key {
		case "Resource":
			ir.Resource = d.str(&ir.Empty, p, m.Key, m.Value)
		case "ReaderConfig":
			ir.ReaderConfig = d.readerConfig(p, m.Value)
		case "Parameters":
			ir.Parameters = m.Value
		case "Arguments":
			ir.Arguments = m.Value
		default:
			d.unknown(p, m.Key, "in ItemReader", itemReaderFields)
		}
	}
	return ir
}

var readerConfigFields = []string{"InputType", "Transformation", "ManifestType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "ItemsPointer", "MaxItems", "MaxItemsPath"}

func (d *decoder) readerConfig(ptr string, v Value) *ReaderConfig {
	if !d.isObject(ptr, "ReaderConfig", v, "an object") {
		return nil
	}
	rc := &ReaderConfig{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		k, x := m.Key, m.Value
		switch k {
		case "InputType":
			rc.InputType = d.str(&rc.Empty, p, k, x)
		case "Transformation":
			rc.Transformation = d.str(&rc.Empty, p, k, x)
		case "ManifestType":
			rc.ManifestType = d.str(&rc.Empty, p, k, x)
		case "CSVHeaderLocation":
			rc.CSVHeaderLocation = d.str(&rc.Empty, p, k, x)
		case "CSVHeaders":
			rc.CSVHeaders = d.strs(p, k, x)
		case "CSVDelimiter":
			rc.CSVDelimiter = d.str(&rc.Empty, p, k, x)
		case "ItemsPointer":
			rc.ItemsPointer = d.str(&rc.Empty, p, k, x)
		case "MaxItems":
			rc.MaxItems = x
		case "MaxItemsPath":
			rc.MaxItemsPath = d.str(&rc.Empty, p, k, x)
		default:
			d.unknown(p, k, "in ReaderConfig", readerConfigFields)
		}
	}
	return rc
}

var itemBatcherFields = []string{"MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput"}

func (d *decoder) itemBatcher(ptr string, v Value) *ItemBatcher {
	if !d.isObject(ptr, "ItemBatcher", v, "an object") {
		return nil
	}
	ib := &ItemBatcher{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		k, x := m.Key, m.Value
		switch k {
		case "MaxItemsPerBatch":
			ib.MaxItemsPerBatch = x
		case "MaxItemsPerBatchPath":
			ib.MaxItemsPerBatchPath = d.str(&ib.Empty, p, k, x)
		case "MaxInputBytesPerBatch":
			ib.MaxInputBytesPerBatch = x
		case "MaxInputBytesPerBatchPath":
			ib.MaxInputBytesPerBatchPath = d.str(&ib.Empty, p, k, x)
		case "BatchInput":
			ib.BatchInput = x
		default:
			d.unknown(p, k, "in ItemBatcher", itemBatcherFields)
		}
	}
	return ib
}

var resultWriterFields = []string{"Resource", "WriterConfig", "Parameters", "Arguments"}

func (d *decoder) resultWriter(ptr string, v Value) *ResultWriter {
	if !d.isObject(ptr, "ResultWriter", v, "an object") {
		return nil
	}
	rw := &ResultWriter{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		switch m.Key {
		case "Resource":
			rw.Resource = d.str(&rw.Empty, p, m.Key, m.Value)
		case "WriterConfig":
			rw.WriterConfig = d.writerConfig(p, m.Value)
		case "Parameters":
			rw.Parameters = m.Value
		case "Arguments":
			rw.Arguments = m.Value
		default:
			d.unknown(p, m.Key, "in ResultWriter", resultWriterFields)
		}
	}
	return rw
}

var writerConfigFields = []string{"OutputType", "Transformation"}

func (d *decoder) writerConfig(ptr string, v Value) *WriterConfig {
	if !d.isObject(ptr, "WriterConfig", v, "an object") {
		return nil
	}
	wc := &WriterConfig{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		switch m.Key {
		case "OutputType":
			wc.OutputType = d.str(&wc.Empty, p, m.Key, m.Value)
		case "Transformation":
			wc.Transformation = d.str(&wc.Empty, p, m.Key, m.Value)
		default:
			d.unknown(p, m.Key, "in WriterConfig", writerConfigFields)
		}
	}
	return wc
}

var retrierFields = []string{"ErrorEquals", "Comment", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy"}

func (d *decoder) retry(ptr string, v Value) []*Retrier {
	if v.Kind != Array {
		d.wrongType(ptr, "Retry", "an array of retriers", v.Kind)
		return nil
	}
	out := make([]*Retrier, 0, len(v.Items))
	for i, it := range v.Items {
		ip := ptr + "/" + strconv.Itoa(i)
		if it.Kind != Object {
			d.wrongKind(ip, it.Kind, fmt.Sprintf("retrier %d must be an object with ErrorEquals", i))
			continue
		}
		r := &Retrier{}
		for _, m := range it.Members {
			p := memberPointer(ip, m.Key)
			k, x := m.Key, m.Value
			switch k {
			case "ErrorEquals":
				r.ErrorEquals = d.strs(p, k, x)
			case "Comment":
				r.Comment = d.str(&r.Empty, p, k, x)
			case "IntervalSeconds":
				r.IntervalSeconds = x
			case "MaxAttempts":
				r.MaxAttempts = x
			case "BackoffRate":
				r.BackoffRate = x
			case "MaxDelaySeconds":
				r.MaxDelaySeconds = x
			case "JitterStrategy":
				r.JitterStrategy = d.str(&r.Empty, p, k, x)
			default:
				d.unknown(p, k, "in a Retrier", retrierFields)
			}
		}
		out = append(out, r)
	}
	return out
}

var catcherFields = []string{"ErrorEquals", "Comment", "ResultPath", "Output", "Assign", "Next"}

func (d *decoder) catch(ptr string, v Value) []*Catcher {
	if v.Kind != Array {
		d.wrongType(ptr, "Catch", "an array of catchers", v.Kind)
		return nil
	}
	out := make([]*Catcher, 0, len(v.Items))
	for i, it := range v.Items {
		ip := ptr + "/" + strconv.Itoa(i)
		if it.Kind != Object {
			d.wrongKind(ip, it.Kind, fmt.Sprintf("catcher %d must be an object with ErrorEquals and Next", i))
			continue
		}
		c := &Catcher{}
		for _, m := range it.Members {
			p := memberPointer(ip, m.Key)
			k, x := m.Key, m.Value
			switch k {
			case "ErrorEquals":
				c.ErrorEquals = d.strs(p, k, x)
			case "Comment":
				c.Comment = d.str(&c.Empty, p, k, x)
			case "ResultPath":
				c.ResultPath = d.nullablePath(p, k, x)
			case "Output":
				c.Output = x
			case "Assign":
				c.Assign = x
			case "Next":
				c.Next = d.str(&c.Empty, p, k, x)
			default:
				d.unknown(p, k, "in a Catcher", catcherFields)
			}
		}
		out = append(out, c)
	}
	return out
}

// ruleFields is every Choice rule field and operator, for suggestions.
var ruleFields = func() []string {
	f := []string{"Comment", "Condition", "Variable", "And", "Or", "Not", "Assign", "Output", "Next"}
	for _, o := range Operators {
		f = append(f, string(o.Operator))
	}
	return f
}()

// choices decodes a Choices array.
func (d *decoder) choices(ptr string, v Value) []*ChoiceRule {
	return d.rules(ptr, "Choices", v)
}

// rules decodes an array of Choice rules (Choices, And or Or).
func (d *decoder) rules(ptr, key string, v Value) []*ChoiceRule {
	if v.Kind != Array {
		d.wrongType(ptr, key, "an array of Choice rules", v.Kind)
		return nil
	}
	out := make([]*ChoiceRule, 0, len(v.Items))
	for i, it := range v.Items {
		p := ptr + "/" + strconv.Itoa(i)
		if it.Kind != Object {
			d.wrongKind(p, it.Kind, fmt.Sprintf("element %d of %s must be an object (a Choice rule)", i, strconv.Quote(key)))
			continue
		}
		out = append(out, d.rule(p, it))
	}
	return out
}

func (d *decoder) rule(ptr string, v Value) *ChoiceRule {
	r := &ChoiceRule{}
	for _, m := range v.Members {
		p := memberPointer(ptr, m.Key)
		k, x := m.Key, m.Value
		switch k {
		case "Comment":
			r.Comment = d.str(&r.Empty, p, k, x)
		case "Condition":
			r.Condition = x
		case "Variable":
			r.Variable = d.str(&r.Empty, p, k, x)
		case "And":
			r.And = d.rules(p, k, x)
		case "Or":
			r.Or = d.rules(p, k, x)
		case "Not":
			if x.Kind != Object {
				d.wrongType(p, k, "an object (one Choice rule)", x.Kind)
				continue
			}
			r.Not = d.rule(p, x)
		case "Assign":
			r.Assign = x
		case "Output":
			r.Output = x
		case "Next":
			r.Next = d.str(&r.Empty, p, k, x)
		default:
			if _, ok := LookupOperator(Operator(k)); ok {
				r.Comparisons = append(r.Comparisons, Comparison{Operator: Operator(k), Value: x})
				continue
			}
			d.unknown(p, k, "in a Choice rule", ruleFields)
		}
	}
	return r
}
