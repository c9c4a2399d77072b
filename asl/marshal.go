package asl

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Marshal writes sm as canonical JSON: fields in a fixed order (the order of
// the AWS documentation), states in slice order, 2-space indentation, no
// HTML escaping, numbers exactly as their text, and a trailing newline.
// Unset fields are omitted: absent Values, empty strings (but those the
// value's Empty names, written as ""), nil pointers and
// nil slices, a false End and an unset NullablePath; non-nil empty slices
// are written as []. The same model always gives the same bytes.
//
// Marshal fails, without writing anything, on a model that cannot be
// written as valid JSON: a number whose text is not a JSON number, a string
// that is not UTF-8, a nil state or rule, an absent value inside an array
// or object, or a key written twice in one object.
func Marshal(sm *StateMachine) ([]byte, error) {
	return marshal(sm, false)
}

// MarshalCompact writes sm as Marshal does but without white space: no
// indentation, no space after a key's colon and no trailing newline, the
// bytes json.Compact makes of Marshal's (the form a deployer sends Step
// Functions, whose size quota counts every byte). It fails as Marshal
// does.
func MarshalCompact(sm *StateMachine) ([]byte, error) {
	return marshal(sm, true)
}

func marshal(sm *StateMachine, compact bool) ([]byte, error) {
	if sm == nil {
		return nil, errors.New("asl: cannot marshal a nil *StateMachine")
	}
	w := &writer{buf: make([]byte, 0, 4096), compact: compact}
	w.machine(sm)
	if w.err != nil {
		return nil, w.err
	}
	if !compact {
		w.buf = append(w.buf, '\n')
	}
	return w.buf, nil
}

// MarshalValue writes one Value in the canonical style of Marshal, without
// a trailing newline.
func MarshalValue(v Value) ([]byte, error) {
	w := &writer{}
	w.value(v)
	if w.err != nil {
		return nil, w.err
	}
	return w.buf, nil
}

// writer writes indented (or compact) JSON and remembers the pointer of
// what it writes, for errors.
type writer struct {
	buf     []byte
	compact bool // no white space between tokens
	frames  []frame
	path    []string
	err     error
}

// frame is one open object or array.
type frame struct {
	n    int      // members or elements written
	keys []string // object keys written, for duplicate checks
	set  map[string]bool
}

// fail records the first error, naming the current pointer.
func (w *writer) fail(format string, args ...any) {
	if w.err != nil {
		return
	}
	ptr := "/"
	if len(w.path) > 0 {
		ptr = ""
		for _, t := range w.path {
			ptr += "/" + PointerEscape(t)
		}
	}
	w.err = &MarshalError{Pointer: ptr, Problem: fmt.Sprintf(format, args...)}
}

// MarshalError is the error Marshal returns for a model that JSON cannot
// hold: the pointer of the value and what is wrong with it.
type MarshalError struct {
	Pointer string // JSON pointer of the value, "/" for the document
	Problem string
}

func (e *MarshalError) Error() string {
	return "asl: cannot marshal " + e.Pointer + ": " + e.Problem
}

func (w *writer) newline() {
	if w.compact {
		return
	}
	w.buf = append(w.buf, '\n')
	for range len(w.frames) {
		w.buf = append(w.buf, ' ', ' ')
	}
}

func (w *writer) open(c byte) {
	w.buf = append(w.buf, c)
	n := len(w.frames)
	if n < cap(w.frames) {
		w.frames = w.frames[:n+1]
		f := &w.frames[n]
		f.n, f.keys, f.set = 0, f.keys[:0], nil
	} else {
		w.frames = append(w.frames, frame{})
	}
}

func (w *writer) close(c byte) {
	f := &w.frames[len(w.frames)-1]
	empty := f.n == 0
	w.frames = w.frames[:len(w.frames)-1]
	if !empty {
		w.newline()
	}
	w.buf = append(w.buf, c)
}

// key starts an object member and pushes its key on the path. The caller
// writes the value and then calls pop. check makes a key that was already
// written in this object an error.
func (w *writer) key(k string, check bool) {
	f := &w.frames[len(w.frames)-1]
	w.path = append(w.path, k)
	if check {
		dup := false
		if f.set != nil {
			dup = f.set[k]
		} else {
			for _, o := range f.keys {
				if o == k {
					dup = true
					break
				}
			}
		}
		if dup {
			w.fail("key %s is written twice in one object (JSON keys must be unique)", strconv.Quote(k))
		}
	}
	f.keys = append(f.keys, k)
	if f.set != nil {
		f.set[k] = true
	} else if len(f.keys) > 16 {
		f.set = make(map[string]bool, 2*len(f.keys))
		for _, o := range f.keys {
			f.set[o] = true
		}
	}
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	w.newline()
	w.string(k)
	w.buf = append(w.buf, ':')
	if !w.compact {
		w.buf = append(w.buf, ' ')
	}
}

// elem starts an array element and pushes its index on the path.
func (w *writer) elem(i int) {
	f := &w.frames[len(w.frames)-1]
	if f.n > 0 {
		w.buf = append(w.buf, ',')
	}
	f.n++
	w.newline()
	w.path = append(w.path, strconv.Itoa(i))
}

func (w *writer) pop() { w.path = w.path[:len(w.path)-1] }

// Field helpers: each writes the member only when it is set.

// strField writes a string field; "" only when empty names it (present
// and empty in the document).
func (w *writer) strField(k, s string, empty EmptyStrings) {
	if s == "" && !empty.Has(k) {
		return
	}
	w.key(k, false)
	w.string(s)
	w.pop()
}

func (w *writer) valField(k string, v Value) {
	if v.Kind == Absent {
		return
	}
	w.key(k, false)
	w.value(v)
	w.pop()
}

func (w *writer) pathField(k string, p NullablePath) {
	if !p.Set {
		return
	}
	w.key(k, false)
	if p.Null {
		w.buf = append(w.buf, "null"...)
	} else {
		w.string(p.Path)
	}
	w.pop()
}

func (w *writer) strsField(k string, ss []string) {
	if ss == nil {
		return
	}
	w.key(k, false)
	w.open('[')
	for i, s := range ss {
		w.elem(i)
		w.string(s)
		w.pop()
	}
	w.close(']')
	w.pop()
}

func (w *writer) machine(sm *StateMachine) {
	w.open('{')
	w.strField("Comment", sm.Comment, sm.Empty)
	w.strField("Version", sm.Version, sm.Empty)
	w.strField("QueryLanguage", string(sm.QueryLanguage), sm.Empty)
	w.valField("TimeoutSeconds", sm.TimeoutSeconds)
	w.strField("StartAt", sm.StartAt, sm.Empty)
	w.states(sm.States)
	w.close('}')
}

func (w *writer) states(ss States) {
	if ss == nil {
		return
	}
	w.key("States", false)
	w.open('{')
	for i, st := range ss {
		if st == nil {
			w.fail("state %d of States is nil", i)
			continue
		}
		w.key(st.Name, true)
		w.state(st)
		w.pop()
	}
	w.close('}')
	w.pop()
}

func (w *writer) state(st *State) {
	w.open('{')
	w.strField("Type", string(st.Type), st.Empty)
	w.strField("QueryLanguage", string(st.QueryLanguage), st.Empty)
	w.strField("Comment", st.Comment, st.Empty)
	w.strField("Resource", st.Resource, st.Empty)
	w.valField("Credentials", st.Credentials)
	w.pathField("InputPath", st.InputPath)
	w.valField("Parameters", st.Parameters)
	w.valField("Arguments", st.Arguments)
	w.valField("Result", st.Result)
	w.valField("Seconds", st.Seconds)
	w.strField("SecondsPath", st.SecondsPath, st.Empty)
	w.strField("Timestamp", st.Timestamp, st.Empty)
	w.strField("TimestampPath", st.TimestampPath, st.Empty)
	if st.Choices != nil {
		w.key("Choices", false)
		w.rules(st.Choices)
		w.pop()
	}
	w.strField("Default", st.Default, st.Empty)
	w.strField("Error", st.Error, st.Empty)
	w.strField("ErrorPath", st.ErrorPath, st.Empty)
	w.strField("Cause", st.Cause, st.Empty)
	w.strField("CausePath", st.CausePath, st.Empty)
	if st.Branches != nil {
		w.key("Branches", false)
		w.open('[')
		for i, b := range st.Branches {
			w.elem(i)
			if b == nil {
				w.fail("branch is nil")
			} else {
				w.scope(b)
			}
			w.pop()
		}
		w.close(']')
		w.pop()
	}
	if st.ItemReader != nil {
		w.key("ItemReader", false)
		w.itemReader(st.ItemReader)
		w.pop()
	}
	w.valField("Items", st.Items)
	w.strField("ItemsPath", st.ItemsPath, st.Empty)
	w.valField("ItemSelector", st.ItemSelector)
	if st.ItemBatcher != nil {
		b := st.ItemBatcher
		w.key("ItemBatcher", false)
		w.open('{')
		w.valField("MaxItemsPerBatch", b.MaxItemsPerBatch)
		w.strField("MaxItemsPerBatchPath", b.MaxItemsPerBatchPath, b.Empty)
		w.valField("MaxInputBytesPerBatch", b.MaxInputBytesPerBatch)
		w.strField("MaxInputBytesPerBatchPath", b.MaxInputBytesPerBatchPath, b.Empty)
		w.valField("BatchInput", b.BatchInput)
		w.close('}')
		w.pop()
	}
	w.valField("MaxConcurrency", st.MaxConcurrency)
	w.strField("MaxConcurrencyPath", st.MaxConcurrencyPath, st.Empty)
	w.valField("ToleratedFailurePercentage", st.ToleratedFailurePercentage)
	w.strField("ToleratedFailurePercentagePath", st.ToleratedFailurePercentagePath, st.Empty)
	w.valField("ToleratedFailureCount", st.ToleratedFailureCount)
	w.strField("ToleratedFailureCountPath", st.ToleratedFailureCountPath, st.Empty)
	w.strField("Label", st.Label, st.Empty)
	if st.ItemProcessor != nil {
		w.key("ItemProcessor", false)
		w.scope(st.ItemProcessor)
		w.pop()
	}
	if st.Iterator != nil {
		w.key("Iterator", false)
		w.scope(st.Iterator)
		w.pop()
	}
	if st.ResultWriter != nil {
		w.key("ResultWriter", false)
		w.resultWriter(st.ResultWriter)
		w.pop()
	}
	w.valField("ResultSelector", st.ResultSelector)
	w.pathField("ResultPath", st.ResultPath)
	w.pathField("OutputPath", st.OutputPath)
	w.valField("Output", st.Output)
	w.valField("Assign", st.Assign)
	w.valField("TimeoutSeconds", st.TimeoutSeconds)
	w.strField("TimeoutSecondsPath", st.TimeoutSecondsPath, st.Empty)
	w.valField("HeartbeatSeconds", st.HeartbeatSeconds)
	w.strField("HeartbeatSecondsPath", st.HeartbeatSecondsPath, st.Empty)
	if st.Retry != nil {
		w.key("Retry", false)
		w.open('[')
		for i, r := range st.Retry {
			w.elem(i)
			if r == nil {
				w.fail("retrier is nil")
			} else {
				w.retrier(r)
			}
			w.pop()
		}
		w.close(']')
		w.pop()
	}
	if st.Catch != nil {
		w.key("Catch", false)
		w.open('[')
		for i, c := range st.Catch {
			w.elem(i)
			if c == nil {
				w.fail("catcher is nil")
			} else {
				w.catcher(c)
			}
			w.pop()
		}
		w.close(']')
		w.pop()
	}
	w.strField("Next", st.Next, st.Empty)
	if st.End {
		w.key("End", false)
		w.buf = append(w.buf, "true"...)
		w.pop()
	}
	for _, m := range st.Extra {
		w.key(m.Key, true)
		w.value(m.Value)
		w.pop()
	}
	w.close('}')
}

func (w *writer) scope(sc *Scope) {
	w.open('{')
	w.strField("Comment", sc.Comment, sc.Empty)
	if pc := sc.ProcessorConfig; pc != nil {
		w.key("ProcessorConfig", false)
		w.open('{')
		w.strField("Mode", pc.Mode, pc.Empty)
		w.strField("ExecutionType", pc.ExecutionType, pc.Empty)
		w.close('}')
		w.pop()
	}
	w.strField("StartAt", sc.StartAt, sc.Empty)
	w.states(sc.States)
	w.close('}')
}

func (w *writer) itemReader(ir *ItemReader) {
	w.open('{')
	w.strField("Resource", ir.Resource, ir.Empty)
	if rc := ir.ReaderConfig; rc != nil {
		w.key("ReaderConfig", false)
		w.open('{')
		w.strField("InputType", rc.InputType, rc.Empty)
		w.strField("Transformation", rc.Transformation, rc.Empty)
		w.strField("ManifestType", rc.ManifestType, rc.Empty)
		w.strField("CSVHeaderLocation", rc.CSVHeaderLocation, rc.Empty)
		w.strsField("CSVHeaders", rc.CSVHeaders)
		w.strField("CSVDelimiter", rc.CSVDelimiter, rc.Empty)
		w.strField("ItemsPointer", rc.ItemsPointer, rc.Empty)
		w.valField("MaxItems", rc.MaxItems)
		w.strField("MaxItemsPath", rc.MaxItemsPath, rc.Empty)
		w.close('}')
		w.pop()
	}
	w.valField("Parameters", ir.Parameters)
	w.valField("Arguments", ir.Arguments)
	w.close('}')
}

func (w *writer) resultWriter(rw *ResultWriter) {
	w.open('{')
	w.strField("Resource", rw.Resource, rw.Empty)
	if wc := rw.WriterConfig; wc != nil {
		w.key("WriterConfig", false)
		w.open('{')
		w.strField("OutputType", wc.OutputType, wc.Empty)
		w.strField("Transformation", wc.Transformation, wc.Empty)
		w.close('}')
		w.pop()
	}
	w.valField("Parameters", rw.Parameters)
	w.valField("Arguments", rw.Arguments)
	w.close('}')
}

func (w *writer) retrier(r *Retrier) {
	w.open('{')
	w.strsField("ErrorEquals", r.ErrorEquals)
	w.strField("Comment", r.Comment, r.Empty)
	w.valField("IntervalSeconds", r.IntervalSeconds)
	w.valField("MaxAttempts", r.MaxAttempts)
	w.valField("BackoffRate", r.BackoffRate)
	w.valField("MaxDelaySeconds", r.MaxDelaySeconds)
	w.strField("JitterStrategy", r.JitterStrategy, r.Empty)
	w.close('}')
}

func (w *writer) catcher(c *Catcher) {
	w.open('{')
	w.strsField("ErrorEquals", c.ErrorEquals)
	w.strField("Comment", c.Comment, c.Empty)
	w.pathField("ResultPath", c.ResultPath)
	w.valField("Output", c.Output)
	w.valField("Assign", c.Assign)
	w.strField("Next", c.Next, c.Empty)
	w.close('}')
}

// rules writes an array of Choice rules.
func (w *writer) rules(rs []*ChoiceRule) {
	w.open('[')
	for i, r := range rs {
		w.elem(i)
		if r == nil {
			w.fail("Choice rule is nil")
		} else {
			w.rule(r)
		}
		w.pop()
	}
	w.close(']')
}

func (w *writer) rule(r *ChoiceRule) {
	w.open('{')
	w.strField("Comment", r.Comment, r.Empty)
	w.valField("Condition", r.Condition)
	w.strField("Variable", r.Variable, r.Empty)
	for _, c := range r.Comparisons {
		w.key(string(c.Operator), true)
		if c.Value.Kind == Absent {
			w.fail("comparison %s has no value", c.Operator)
		}
		w.value(c.Value)
		w.pop()
	}
	if r.And != nil {
		w.key("And", true)
		w.rules(r.And)
		w.pop()
	}
	if r.Or != nil {
		w.key("Or", true)
		w.rules(r.Or)
		w.pop()
	}
	if r.Not != nil {
		w.key("Not", true)
		w.rule(r.Not)
		w.pop()
	}
	if r.Assign.Kind != Absent {
		w.key("Assign", true)
		w.value(r.Assign)
		w.pop()
	}
	if r.Output.Kind != Absent {
		w.key("Output", true)
		w.value(r.Output)
		w.pop()
	}
	if r.Next != "" || r.Empty.Has("Next") {
		w.key("Next", true)
		w.string(r.Next)
		w.pop()
	}
	w.close('}')
}

// value writes any JSON value.
func (w *writer) value(v Value) {
	switch v.Kind {
	case Null:
		w.buf = append(w.buf, "null"...)
	case Bool:
		w.buf = strconv.AppendBool(w.buf, v.Bool)
	case Number:
		if !validNumber(v.Num) {
			w.fail("number %s is not a valid JSON number", strconv.Quote(v.Num))
			return
		}
		w.buf = append(w.buf, v.Num...)
	case String:
		w.string(v.Str)
	case Array:
		w.open('[')
		for i, it := range v.Items {
			w.elem(i)
			if it.Kind == Absent {
				w.fail("array element is absent (the zero Value): use NullValue() for JSON null")
			}
			w.value(it)
			w.pop()
		}
		w.close(']')
	case Object:
		w.open('{')
		for _, m := range v.Members {
			w.key(m.Key, true)
			if m.Value.Kind == Absent {
				w.fail("member value is absent (the zero Value): use NullValue() for JSON null, or leave the member out")
			}
			w.value(m.Value)
			w.pop()
		}
		w.close('}')
	case Absent:
		w.fail("value is absent (the zero Value)")
	default:
		w.fail("value has unknown kind %d", v.Kind)
	}
}

const hexDigits = "0123456789abcdef"

// string writes s as a JSON string, escaping only what JSON requires:
// '"', '\\' and control characters.
func (w *writer) string(s string) {
	w.buf = append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x80 {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				w.fail("string %s is not valid UTF-8 (byte 0x%02X at offset %d)", strconv.Quote(clipForMessage(s)), c, i)
				return
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		w.buf = append(w.buf, s[start:i]...)
		switch c {
		case '"', '\\':
			w.buf = append(w.buf, '\\', c)
		case '\n':
			w.buf = append(w.buf, '\\', 'n')
		case '\r':
			w.buf = append(w.buf, '\\', 'r')
		case '\t':
			w.buf = append(w.buf, '\\', 't')
		case '\b':
			w.buf = append(w.buf, '\\', 'b')
		case '\f':
			w.buf = append(w.buf, '\\', 'f')
		default:
			w.buf = append(w.buf, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
		}
		i++
		start = i
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
}

// clipForMessage shortens a string for an error message.
func clipForMessage(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "\uFFFD") + "..."
	}
	return s
}

// validNumber reports whether s is a JSON number (RFC 8259).
func validNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isJSONDigit(s[i]) {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || !isJSONDigit(s[i]) {
			return false
		}
		for i < len(s) && isJSONDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isJSONDigit(s[i]) {
			return false
		}
		for i < len(s) && isJSONDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}
