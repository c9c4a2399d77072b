package local

import (
	"strconv"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// Event is one history event, in the shape of GetExecutionHistory. It is
// kept small (the details of task, Map and error events are behind a
// pointer) and rendered only when asked (AppendJSON, Details).
type Event struct {
	ID, PreviousEventID int64
	Timestamp           time.Time
	Type                string // e.g. "PassStateEntered", "TaskScheduled"
	Name                string // the state name, for state events
	// Payload is the event's JSON payload: a state's input or output, a
	// task's parameters, input or output.
	Payload value.Value
	info    *eventInfo
	aux     *eventAux // events that name only a resource or a Map iteration
}

// eventAux is what an event without info records beyond its own fields.
type eventAux struct {
	resource, resourceType string // a task's resource
	index                  int    // a Map iteration's index
}

// eventInfo is what an event records; Event stores it compactly.
type eventInfo struct {
	ID, PreviousEventID int64
	Timestamp           time.Time
	Type                string

	Name         string      // state name (state events), iteration name (Map)
	res          *resource   // the task's resource (Resource and ResourceType from it)
	shared       bool        // a per-state template of the details: the payload is the Event's
	sharedInfo   *eventInfo  // with shared: the template
	Input        value.Value // state input, task input
	Output       value.Value // state output, task output
	Parameters   value.Value // TaskScheduled
	Assigned     []assignedVar
	HasAssigned  bool
	Error        string
	Cause        string
	HasError     bool
	HasCause     bool
	Resource     string
	ResourceType string
	Region       string
	Timeout      int64 // seconds, 0: not shown
	Heartbeat    int64
	Index        int
	Length       int
	MapRunArn    string
	WorkerName   string
	Credentials  value.Value
	Location     string // EvaluationFailed: the field
}

type assignedVar struct {
	name string
	v    value.Value
}

// detailsKey is the name of the details object for each event type.
func detailsKey(typ string) string {
	switch typ {
	case "ExecutionStarted":
		return "executionStartedEventDetails"
	case "ExecutionSucceeded":
		return "executionSucceededEventDetails"
	case "ExecutionFailed":
		return "executionFailedEventDetails"
	case "ExecutionAborted":
		return "executionAbortedEventDetails"
	case "ExecutionTimedOut":
		return "executionTimedOutEventDetails"
	case "TaskScheduled":
		return "taskScheduledEventDetails"
	case "TaskStarted":
		return "taskStartedEventDetails"
	case "TaskSubmitted":
		return "taskSubmittedEventDetails"
	case "TaskSucceeded":
		return "taskSucceededEventDetails"
	case "TaskFailed":
		return "taskFailedEventDetails"
	case "TaskTimedOut":
		return "taskTimedOutEventDetails"
	case "LambdaFunctionScheduled":
		return "lambdaFunctionScheduledEventDetails"
	case "LambdaFunctionSucceeded":
		return "lambdaFunctionSucceededEventDetails"
	case "LambdaFunctionFailed":
		return "lambdaFunctionFailedEventDetails"
	case "LambdaFunctionTimedOut":
		return "lambdaFunctionTimedOutEventDetails"
	case "ActivityScheduled":
		return "activityScheduledEventDetails"
	case "ActivityStarted":
		return "activityStartedEventDetails"
	case "ActivitySucceeded":
		return "activitySucceededEventDetails"
	case "ActivityFailed":
		return "activityFailedEventDetails"
	case "ActivityTimedOut":
		return "activityTimedOutEventDetails"
	case "MapStateStarted":
		return "mapStateStartedEventDetails"
	case "MapIterationStarted":
		return "mapIterationStartedEventDetails"
	case "MapIterationSucceeded":
		return "mapIterationSucceededEventDetails"
	case "MapIterationFailed":
		return "mapIterationFailedEventDetails"
	case "MapIterationAborted":
		return "mapIterationAbortedEventDetails"
	case "MapRunStarted":
		return "mapRunStartedEventDetails"
	case "MapRunFailed":
		return "mapRunFailedEventDetails"
	case "EvaluationFailed":
		return "evaluationFailedEventDetails"
	}
	if n := len(typ); n > 7 && typ[n-7:] == "Entered" {
		return "stateEnteredEventDetails"
	}
	if n := len(typ); n > 6 && typ[n-6:] == "Exited" {
		return "stateExitedEventDetails"
	}
	return ""
}

// full returns the event's details.
func (ev *Event) full() *eventInfo {
	if ev.info != nil {
		e := *ev.info
		e.ID, e.PreviousEventID, e.Timestamp = ev.ID, ev.PreviousEventID, ev.Timestamp
		if e.shared {
			e.Input, e.Output, e.Parameters = ev.Payload, ev.Payload, ev.Payload
		}
		return &e
	}
	e := &eventInfo{ID: ev.ID, PreviousEventID: ev.PreviousEventID, Timestamp: ev.Timestamp, Type: ev.Type, Name: ev.Name,
		Input: ev.Payload, Output: ev.Payload, Parameters: ev.Payload}
	if ev.aux != nil {
		e.Resource, e.ResourceType, e.Index = ev.aux.resource, ev.aux.resourceType, ev.aux.index
	}
	return e
}

// compact stores an event: plain state events need no details pointer,
// task events that name only their resource point to it, and a Map
// iteration's events keep only its index.
func compact(e *eventInfo) Event {
	ev := Event{ID: e.ID, PreviousEventID: e.PreviousEventID, Timestamp: e.Timestamp, Type: e.Type, Name: e.Name}
	if e.res != nil {
		ev.aux = &e.res.aux
	}
	switch {
	case !e.Input.IsUndefined():
		ev.Payload = e.Input
	case !e.Parameters.IsUndefined():
		ev.Payload = e.Parameters
	default:
		ev.Payload = e.Output
	}
	if e.shared {
		ev.info = e.sharedInfo
		return ev
	}
	details := e.HasAssigned || e.HasError || e.HasCause || e.Resource != "" || e.ResourceType != "" || e.Region != "" ||
		e.Timeout != 0 || e.Heartbeat != 0 || e.Length != 0 || e.MapRunArn != "" || e.WorkerName != "" ||
		!e.Credentials.IsUndefined() || e.Type == "MapStateStarted"
	iteration := e.Type == "MapIterationStarted" || e.Type == "MapIterationSucceeded" || e.Type == "MapIterationFailed" || e.Type == "MapIterationAborted"
	if iteration && !details && e.res == nil && e.Input.IsUndefined() && e.Output.IsUndefined() && e.Parameters.IsUndefined() {
		ev.aux = &eventAux{index: e.Index}
		return ev
	}
	if details || iteration || e.Index != 0 {
		c := *e
		if c.res != nil {
			c.Resource, c.ResourceType = c.res.name, c.res.resourceType
		}
		ev.info = &c
	}
	return ev
}

// AppendJSON appends the event as GetExecutionHistory returns it.
func (ev *Event) AppendJSON(b []byte) []byte {
	e := ev.full()
	b = append(b, `{"id":`...)
	b = strconv.AppendInt(b, e.ID, 10)
	b = append(b, `,"previousEventId":`...)
	b = strconv.AppendInt(b, e.PreviousEventID, 10)
	b = append(b, `,"timestamp":"`...)
	b = e.Timestamp.UTC().AppendFormat(b, "2006-01-02T15:04:05.000Z")
	b = append(b, `","type":`...)
	b = value.AppendString(b, e.Type)
	key := detailsKey(e.Type)
	if key == "" {
		return append(b, '}')
	}
	o := detailsObject(e)
	if o.Len() == 0 && (e.Type == "TaskStateAborted" || e.Type == "MapStateSucceeded" || e.Type == "MapStateFailed" || e.Type == "ParallelStateStarted" || e.Type == "ParallelStateSucceeded" || e.Type == "ParallelStateFailed" || e.Type == "MapRunSucceeded" || e.Type == "LambdaFunctionStarted") {
		return append(b, '}')
	}
	b = append(b, ',')
	b = value.AppendString(b, key)
	b = append(b, ':')
	b = value.AppendJSON(b, o)
	return append(b, '}')
}

// Details returns the event's details object, with JSON payloads as text
// the way the API returns them.
func (ev *Event) Details() value.Value { return detailsObject(ev.full()) }

func payloadDetails() value.Value {
	return value.FromMembers(value.Member{Key: "truncated", Value: value.False})
}

func detailsObject(e *eventInfo) value.Value {
	var b value.ObjectBuilder
	text := func(v value.Value) value.Value {
		if v.IsUndefined() {
			return value.FromString("null")
		}
		return value.FromString(v.JSON())
	}
	errCause := func() {
		if e.HasError {
			b.Set("error", value.FromString(e.Error))
		}
		if e.HasCause {
			b.Set("cause", value.FromString(e.Cause))
		}
	}
	res := func() {
		b.Set("resourceType", value.FromString(e.ResourceType))
		b.Set("resource", value.FromString(e.Resource))
	}
	switch e.Type {
	case "ExecutionStarted":
		b.Set("input", text(e.Input))
		b.Set("inputDetails", payloadDetails())
		b.Set("roleArn", value.FromString(e.Resource))
	case "ExecutionSucceeded":
		b.Set("output", text(e.Output))
		b.Set("outputDetails", payloadDetails())
	case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted", "MapRunFailed", "TaskStateAborted":
		errCause()
	case "EvaluationFailed":
		errCause()
		if e.Location != "" {
			b.Set("location", value.FromString(e.Location))
		}
		b.Set("state", value.FromString(e.Name))
	case "TaskScheduled":
		res()
		b.Set("region", value.FromString(e.Region))
		b.Set("parameters", text(e.Parameters))
		if e.Timeout > 0 {
			b.Set("timeoutInSeconds", value.FromInt(e.Timeout))
		}
		if e.Heartbeat > 0 {
			b.Set("heartbeatInSeconds", value.FromInt(e.Heartbeat))
		}
		if !e.Credentials.IsUndefined() {
			b.Set("taskCredentials", lowerFirstKeys(e.Credentials))
		}
	case "TaskStarted":
		res()
	case "TaskSubmitted", "TaskSucceeded":
		res()
		b.Set("output", text(e.Output))
		b.Set("outputDetails", payloadDetails())
	case "TaskFailed", "TaskTimedOut":
		res()
		errCause()
	case "LambdaFunctionScheduled", "ActivityScheduled":
		b.Set("resource", value.FromString(e.Resource))
		b.Set("input", text(e.Input))
		b.Set("inputDetails", payloadDetails())
		if e.Timeout > 0 {
			b.Set("timeoutInSeconds", value.FromInt(e.Timeout))
		}
		if e.Heartbeat > 0 {
			b.Set("heartbeatInSeconds", value.FromInt(e.Heartbeat))
		}
		if !e.Credentials.IsUndefined() {
			b.Set("taskCredentials", lowerFirstKeys(e.Credentials))
		}
	case "LambdaFunctionSucceeded", "ActivitySucceeded":
		b.Set("output", text(e.Output))
		b.Set("outputDetails", payloadDetails())
	case "LambdaFunctionFailed", "LambdaFunctionTimedOut", "ActivityFailed", "ActivityTimedOut":
		errCause()
	case "ActivityStarted":
		if e.WorkerName != "" {
			b.Set("workerName", value.FromString(e.WorkerName))
		}
	case "MapStateStarted":
		b.Set("length", value.FromInt(int64(e.Length)))
	case "MapIterationStarted", "MapIterationSucceeded", "MapIterationFailed", "MapIterationAborted":
		b.Set("name", value.FromString(e.Name))
		b.Set("index", value.FromInt(int64(e.Index)))
	case "MapRunStarted":
		b.Set("mapRunArn", value.FromString(e.MapRunArn))
	default:
		switch detailsKey(e.Type) {
		case "stateEnteredEventDetails":
			b.Set("name", value.FromString(e.Name))
			b.Set("input", text(e.Input))
			b.Set("inputDetails", payloadDetails())
		case "stateExitedEventDetails":
			b.Set("name", value.FromString(e.Name))
			b.Set("output", text(e.Output))
			b.Set("outputDetails", payloadDetails())
			if e.HasAssigned {
				var a value.ObjectBuilder
				for _, v := range e.Assigned {
					a.Set(v.name, value.FromString(v.v.JSON()))
				}
				b.Set("assignedVariables", a.Value())
				b.Set("assignedVariablesDetails", payloadDetails())
			}
		}
	}
	return b.Value()
}

// HistoryJSON renders the history as GetExecutionHistory's response:
// {"events": [...]}.
func (x *Execution) HistoryJSON() []byte {
	b := make([]byte, 0, 256*len(x.Events)+16)
	b = append(b, `{"events":[`...)
	for i := range x.Events {
		if i > 0 {
			b = append(b, ',')
		}
		b = x.Events[i].AppendJSON(b)
	}
	return append(b, "]}"...)
}

// lowerFirstKeys writes a Credentials object as the history does:
// {"RoleArn": ...} becomes {"roleArn": ...}.
func lowerFirstKeys(v value.Value) value.Value {
	var b value.ObjectBuilder
	for i, k := range v.Keys() {
		if k != "" && k[0] >= 'A' && k[0] <= 'Z' {
			k = string(k[0]+'a'-'A') + k[1:]
		}
		b.Set(k, v.Values()[i])
	}
	return b.Value()
}
