package dsl

import "github.com/goasl/goasl/internal/ir"

// This file holds the builders that take a deploy-time placeholder
// (a Ref) where the typed setter wants a Go number or a resource helper.
// goasl import uses them to keep "${Name}" placeholders of existing ASL
// exactly where they were written.

// ForRef waits the number of seconds that the placeholder r stands for
// (Seconds), filled in at deploy time by DefinitionSubstitutions. The field
// is written as the string "${Name}".
func (w *WaitState) ForRef(r Ref) *WaitState {
	w.c.st.Seconds = w.c.val(r)
	return w
}

// ResourceRef runs the resource whose ARN the placeholder r stands for
// ("${Name}"), such as a Lambda function or an activity created in the same
// stack. Set its parameters with the Task's Parameters or Arguments.
func ResourceRef(r Ref) *RawResource {
	return &RawResource{newTask(&ir.Resource{ARN: "${" + string(r) + "}", Pos: ir.Caller(0)})}
}

// TimeoutRef sets TimeoutSeconds to the placeholder r ("${Name}"), filled in
// at deploy time.
func (t *TaskState) TimeoutRef(r Ref) *TaskState {
	t.c.st.Timeout = t.c.val(r)
	return t
}

// HeartbeatRef sets HeartbeatSeconds to the placeholder r ("${Name}").
func (t *TaskState) HeartbeatRef(r Ref) *TaskState {
	t.c.st.Heartbeat = t.c.val(r)
	return t
}

// MaxConcurrencyRef sets MaxConcurrency to the placeholder r ("${Name}").
func (m *MapState) MaxConcurrencyRef(r Ref) *MapState {
	m.c.st.MaxConcurrency = m.c.val(r)
	return m
}

// ToleratedFailureCountRef sets ToleratedFailureCount to the placeholder r
// ("${Name}").
func (m *MapState) ToleratedFailureCountRef(r Ref) *MapState {
	m.c.st.ToleratedFailureCount = m.c.val(r)
	return m
}

// ToleratedFailurePercentageRef sets ToleratedFailurePercentage to the
// placeholder r ("${Name}").
func (m *MapState) ToleratedFailurePercentageRef(r Ref) *MapState {
	m.c.st.ToleratedFailurePercentage = m.c.val(r)
	return m
}

// MaxItemsRef sets the reader's MaxItems to the placeholder r ("${Name}").
func (r *ItemReader) MaxItemsRef(ref Ref) *ItemReader {
	r.r.MaxItems = ir.Val{Set: true, V: ref, Pos: ir.Caller(0)}
	return r
}

// MaxItemsRef sets MaxItemsPerBatch to the placeholder r ("${Name}").
func (b *ItemBatcher) MaxItemsRef(r Ref) *ItemBatcher {
	b.b.MaxItemsPerBatch = ir.Val{Set: true, V: r, Pos: ir.Caller(0)}
	return b
}

// MaxBytesRef sets MaxInputBytesPerBatch to the placeholder r ("${Name}").
func (b *ItemBatcher) MaxBytesRef(r Ref) *ItemBatcher {
	b.b.MaxInputBytesPerBatch = ir.Val{Set: true, V: r, Pos: ir.Caller(0)}
	return b
}
