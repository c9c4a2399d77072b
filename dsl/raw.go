package dsl

import "github.com/goasl/goasl/internal/ir"

// This file holds the few builders that take a deploy-time placeholder
// (a Ref) where the typed setter wants a Go number or a resource helper.
// goasl import uses them to keep "${Name}" placeholders of existing ASL
// exactly where they were written.

// ForRef waits the number of seconds that the placeholder r stands for
// (Seconds), filled in at deploy time by DefinitionSubstitutions. The field
// is written as the string "${Name}".
func (w *WaitState) ForRef(r Ref) *WaitState {
	w.base.st.Seconds = w.base.val(r)
	return w
}

// ResourceRef runs the resource whose ARN the placeholder r stands for
// ("${Name}"), such as a Lambda function or an activity created in the same
// stack. Set its parameters with the Task's Parameters or Arguments.
func ResourceRef(r Ref) *RawResource {
	x := &RawResource{}
	x.integration = integration[*RawResource]{self: x, r: &ir.Resource{ARN: "${" + string(r) + "}", Pos: ir.Caller(0)}}
	return x
}
