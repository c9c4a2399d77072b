package dsl

import "github.com/goasl/goasl/internal/ir"

// SNSPublishTask publishes a message with Amazon SNS (sns:publish). It
// supports Request Response and WaitForTaskToken.
//
//dsl:mixin x with callback
type SNSPublishTask struct{ *TaskState }

// SNSPublish publishes message to the topic with the given ARN (TopicArn).
func SNSPublish(topicARN, message any) *SNSPublishTask {
	return snsPublish("TopicArn", topicARN, message)
}

// SNSPublishToPhone sends message as an SMS to a phone number in E.164
// format (PhoneNumber) instead of a topic.
func SNSPublishToPhone(phoneNumber, message any) *SNSPublishTask {
	return snsPublish("PhoneNumber", phoneNumber, message)
}

// SNSPublishToTarget publishes message to a mobile platform endpoint given
// by its ARN (TargetArn) instead of a topic.
func SNSPublishToTarget(targetARN, message any) *SNSPublishTask {
	return snsPublish("TargetArn", targetARN, message)
}

func snsPublish(to string, dest, message any) *SNSPublishTask {
	x := &SNSPublishTask{}
	x.TaskState = optimized("sns", "publish", 1, to, dest, "Message", message)
	return x
}

// Subject sets the subject line used by email endpoints.
func (x *SNSPublishTask) Subject(v any) *SNSPublishTask { return set(x, "Subject", v) }

// MessageAttributes sets the message attributes: an Obj from attribute
// name to an Obj with DataType and StringValue (or BinaryValue).
func (x *SNSPublishTask) MessageAttributes(v any) *SNSPublishTask {
	return set(x, "MessageAttributes", v)
}

// MessageStructure sets the message structure: "json" sends a different
// message per protocol, given as a JSON object in Message.
func (x *SNSPublishTask) MessageStructure(v any) *SNSPublishTask {
	return set(x, "MessageStructure", v)
}

// MessageGroupID sets the message group of a FIFO topic (MessageGroupId).
func (x *SNSPublishTask) MessageGroupID(v any) *SNSPublishTask { return set(x, "MessageGroupId", v) }

// MessageDeduplicationID sets the deduplication token of a FIFO topic
// (MessageDeduplicationId).
func (x *SNSPublishTask) MessageDeduplicationID(v any) *SNSPublishTask {
	return set(x, "MessageDeduplicationId", v)
}

// SQSSendMessageTask sends a message to an Amazon SQS queue
// (sqs:sendMessage). It supports Request Response and WaitForTaskToken.
//
//dsl:mixin x with callback
type SQSSendMessageTask struct{ *TaskState }

// SQSSendMessage sends body (MessageBody: a string, or an Obj sent as JSON)
// to the queue with the given URL (QueueUrl).
func SQSSendMessage(queueURL, body any) *SQSSendMessageTask {
	x := &SQSSendMessageTask{}
	x.TaskState = optimized("sqs", "sendMessage", 0, "QueueUrl", queueURL, "MessageBody", body)
	return x
}

// DelaySeconds delays the message's delivery by 0 to 900 seconds.
func (x *SQSSendMessageTask) DelaySeconds(v any) *SQSSendMessageTask {
	return set(x, "DelaySeconds", v)
}

// MessageAttributes sets the message attributes: an Obj from attribute
// name to an Obj with DataType and StringValue (or BinaryValue).
func (x *SQSSendMessageTask) MessageAttributes(v any) *SQSSendMessageTask {
	return set(x, "MessageAttributes", v)
}

// MessageGroupID sets the message group of a FIFO queue (MessageGroupId).
func (x *SQSSendMessageTask) MessageGroupID(v any) *SQSSendMessageTask {
	return set(x, "MessageGroupId", v)
}

// MessageDeduplicationID sets the deduplication token of a FIFO queue
// (MessageDeduplicationId).
func (x *SQSSendMessageTask) MessageDeduplicationID(v any) *SQSSendMessageTask {
	return set(x, "MessageDeduplicationId", v)
}

// EventBridgePutEventsTask sends custom events to Amazon EventBridge
// (events:putEvents). It supports Request Response and WaitForTaskToken.
// The task fails with EventBridge.FailedEntry if any entry fails.
//
//dsl:mixin x with callback
type EventBridgePutEventsTask struct{ *TaskState }

// EventBridgeEntry is one event of EventBridgePutEvents, built with
// EventBridgeEvent.
type EventBridgeEntry struct {
	o Obj
}

// EventBridgeEvent returns an event entry with its Source, DetailType and
// Detail (an Obj, a Path or an Expr).
func EventBridgeEvent(source, detailType, detail any) *EventBridgeEntry {
	return &EventBridgeEntry{o: Obj{"Source": source, "DetailType": detailType, "Detail": detail}}
}

// EventBusName sends the event to a bus other than the default one (a
// name or an ARN).
func (e *EventBridgeEntry) EventBusName(v any) *EventBridgeEntry {
	e.o["EventBusName"] = v
	return e
}

// Resources sets the ARNs the event concerns. Step Functions adds the
// execution and state machine ARNs to them.
func (e *EventBridgeEntry) Resources(v any) *EventBridgeEntry {
	e.o["Resources"] = v
	return e
}

// Time sets the event's timestamp (RFC 3339); EventBridge uses the time of
// the call by default.
func (e *EventBridgeEntry) Time(v any) *EventBridgeEntry {
	e.o["Time"] = v
	return e
}

// With sets another field of the entry.
func (e *EventBridgeEntry) With(key string, v any) *EventBridgeEntry {
	e.o[key] = v
	return e
}

// EventBridgePutEvents sends the given events (Entries). Build each with
// EventBridgeEvent; its fields are written when this is called.
func EventBridgePutEvents(entries ...*EventBridgeEntry) *EventBridgePutEventsTask {
	x := &EventBridgePutEventsTask{}
	arr := make(Arr, 0, len(entries))
	bad := false
	for _, e := range entries {
		if e == nil {
			bad = true
			continue
		}
		o := make(Obj, len(e.o))
		for k, v := range e.o {
			o[k] = v
		}
		arr = append(arr, o)
	}
	x.TaskState = optimized("events", "putEvents", 0, "Entries", arr)
	switch {
	case bad:
		x.resource().Err = "EventBridgePutEvents got a nil entry: build each with dsl.EventBridgeEvent(...)"
	case len(arr) == 0:
		x.resource().Err = "EventBridgePutEvents needs at least one entry: pass dsl.EventBridgeEvent(...) values, or set them with Entries"
	}
	return x
}

// Entries replaces the entries with v: an Arr of entry objects, or a Path
// or Expr that yields them.
func (x *EventBridgePutEventsTask) Entries(v any) *EventBridgePutEventsTask {
	x.resource().Err = "" // the constructor's entries, and their problems, are replaced
	x.resource().Params = setParam(x.resource().Params, "Entries", v, ir.Caller(0))
	return x
}
