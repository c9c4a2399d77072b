package compiler

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/ir"
)

// scopeAt is a States container (the workflow, a Parallel branch, a Map
// item processor) and its JSON pointer.
type scopeAt struct {
	s   *ir.Scope
	ptr string
}

// impliedStart reports whether a scope starts at its first state because
// the workflow never said where it starts.
func impliedStart(s *ir.Scope) bool {
	return len(s.States) > 0 && s.StartAt.State == s.States[0] && s.StartAt.Pos == s.States[0].Pos
}

// foldUnreachable replaces the "not reachable" errors of a scope whose
// StartAt was implied by one diagnostic: a workflow that starts at its
// first state by default, when the author meant another, makes every other
// state unreachable, and a screen of those errors hides the one fix.
func (c *compiler) foldUnreachable() {
	for _, sc := range c.scopes {
		if !impliedStart(sc.s) {
			continue
		}
		prefix := sc.ptr + "/States/"
		var names []string
		var at []int
		for i, d := range c.diags {
			name := strings.TrimPrefix(d.Pointer, prefix)
			if d.Code == asl.CodeMissingTransitionTarget && strings.HasPrefix(d.Pointer, prefix) && !strings.Contains(name, "/") &&
				strings.HasPrefix(d.Message, "State "+strconv.Quote(name)+" is not reachable.") {
				names = append(names, name)
				at = append(at, i)
			}
		}
		first := sc.s.States[0].Name
		what, fix := "the workflow", "wf.StartAt(state)"
		if sc.s.Kind != ir.ScopeWorkflow {
			what, fix = "the "+scopeName(sc.s), "StartAt(state) on that scope"
		}
		switch len(names) {
		case 0:
			continue
		case 1:
			// One state: keep the error where that state is built.
			c.diags[at[0]].Message = fmt.Sprintf("State %q is not reachable: StartAt is not set, so %s starts at its first state, %q, and no path from there leads to it; add a Next, Default or Catch that targets it, remove it, or if %s should start elsewhere, say so with %s", names[0], what, first, what, fix)
			continue
		}
		kept := c.diags[:0:0]
		for i, d := range c.diags {
			if len(at) > 0 && at[0] == i {
				at = at[1:]
				continue
			}
			kept = append(kept, d)
		}
		c.diags = kept
		quoted := make([]string, len(names))
		for i, n := range names {
			quoted[i] = strconv.Quote(n)
		}
		c.add(asl.SeverityError, asl.CodeMissingTransitionTarget, sc.ptr+"/StartAt", sc.s.StartAt.Pos,
			fmt.Sprintf("StartAt is not set, so %s starts at its first state, %q, and no path from there reaches %d states: %s; if %s should start elsewhere, say so with %s, otherwise add a Next, Default or Catch that leads to them, or remove them", what, first, len(names), strings.Join(quoted, ", "), what, fix))
	}
}
