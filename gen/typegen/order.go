package typegen

import (
	"strconv"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
)

// flowOrder returns the reached states of types in data-flow order, which
// does not depend on the order in which the states are declared: each
// scope breadth-first from its StartAt, following Next, the Choice rules
// in order, Default, and the Catchers in order; the states of a
// Parallel's branches and of a Map's item processor right after the state
// that owns them. A state the machine does not hold (types inferred for
// another machine) comes last, in document order. Without a machine the
// order is the document order.
func flowOrder(sm *asl.StateMachine, types *flow.Result) []*flow.StateInfo {
	var out []*flow.StateInfo
	done := map[*flow.StateInfo]bool{}
	add := func(info *flow.StateInfo) {
		if info != nil && info.Reached && !done[info] {
			done[info] = true
			out = append(out, info)
		}
	}
	if sm != nil {
		var scope func(ptr, start string, states asl.States)
		scope = func(ptr, start string, states asl.States) {
			byName := make(map[string]*asl.State, len(states))
			for _, st := range states {
				if _, dup := byName[st.Name]; !dup {
					byName[st.Name] = st
				}
			}
			seen := map[string]bool{}
			queue := []string{start}
			for len(queue) > 0 {
				name := queue[0]
				queue = queue[1:]
				st, ok := byName[name]
				if !ok || seen[name] {
					continue
				}
				seen[name] = true
				sp := ptr + "/States/" + asl.PointerEscape(name)
				add(types.State(sp))
				for i, b := range st.Branches {
					if b != nil {
						scope(sp+"/Branches/"+strconv.Itoa(i), b.StartAt, b.States)
					}
				}
				if st.ItemProcessor != nil {
					scope(sp+"/ItemProcessor", st.ItemProcessor.StartAt, st.ItemProcessor.States)
				}
				if st.Iterator != nil {
					scope(sp+"/Iterator", st.Iterator.StartAt, st.Iterator.States)
				}
				next := []string{st.Next}
				for _, r := range st.Choices {
					if r != nil {
						next = append(next, r.Next)
					}
				}
				next = append(next, st.Default)
				for _, c := range st.Catch {
					if c != nil {
						next = append(next, c.Next)
					}
				}
				for _, n := range next {
					if n != "" && !seen[n] {
						queue = append(queue, n)
					}
				}
			}
		}
		scope("", sm.StartAt, sm.States)
	}
	for _, info := range types.States {
		add(info)
	}
	return out
}
