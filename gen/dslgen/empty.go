package dslgen

import (
	"strconv"

	"github.com/goasl/goasl/asl"
)

// emptyStrings reports every string field the definition gives as ""
// (asl's Empty lists): package dsl writes no field for an empty string, so
// the generated code would build a different document. Each is an error
// naming the field, never a silent drop.
func (g *gen) emptyStrings() {
	g.emptyFields("", g.sm.Empty)
	g.emptyStates(g.sm.States, "", 0)
}

func (g *gen) emptyFields(ptr string, empty asl.EmptyStrings) {
	for _, f := range empty {
		if f == "StartAt" {
			continue // the scope's own check says "StartAt is empty"
		}
		g.errf(ptrJoin(ptr, f), "field %q is present and empty (\"\"): package dsl writes no field for an empty string, so the imported workflow would not give this definition back; remove the field or give it a value", f)
	}
}

func (g *gen) emptyStates(states asl.States, base string, depth int) {
	if depth > 64 {
		return
	}
	for _, st := range states {
		if st == nil {
			continue
		}
		sp := ptrJoin(base, "States", st.Name)
		g.emptyFields(sp, st.Empty)
		for i, r := range st.Retry {
			if r != nil {
				g.emptyFields(ptrJoin(sp, "Retry", strconv.Itoa(i)), r.Empty)
			}
		}
		for i, c := range st.Catch {
			if c != nil {
				g.emptyFields(ptrJoin(sp, "Catch", strconv.Itoa(i)), c.Empty)
			}
		}
		for i, r := range st.Choices {
			g.emptyRule(r, ptrJoin(sp, "Choices", strconv.Itoa(i)), depth)
		}
		if r := st.ItemReader; r != nil {
			g.emptyFields(ptrJoin(sp, "ItemReader"), r.Empty)
			if rc := r.ReaderConfig; rc != nil {
				g.emptyFields(ptrJoin(sp, "ItemReader", "ReaderConfig"), rc.Empty)
			}
		}
		if b := st.ItemBatcher; b != nil {
			g.emptyFields(ptrJoin(sp, "ItemBatcher"), b.Empty)
		}
		if w := st.ResultWriter; w != nil {
			g.emptyFields(ptrJoin(sp, "ResultWriter"), w.Empty)
			if wc := w.WriterConfig; wc != nil {
				g.emptyFields(ptrJoin(sp, "ResultWriter", "WriterConfig"), wc.Empty)
			}
		}
		for i, b := range st.Branches {
			if b != nil {
				g.emptyScope(b, ptrJoin(sp, "Branches", strconv.Itoa(i)), depth)
			}
		}
		if st.ItemProcessor != nil {
			g.emptyScope(st.ItemProcessor, ptrJoin(sp, "ItemProcessor"), depth)
		}
		if st.Iterator != nil {
			g.emptyScope(st.Iterator, ptrJoin(sp, "Iterator"), depth)
		}
	}
}

func (g *gen) emptyScope(s *asl.Scope, p string, depth int) {
	g.emptyFields(p, s.Empty)
	if pc := s.ProcessorConfig; pc != nil {
		g.emptyFields(ptrJoin(p, "ProcessorConfig"), pc.Empty)
	}
	g.emptyStates(s.States, p, depth+1)
}

func (g *gen) emptyRule(r *asl.ChoiceRule, p string, depth int) {
	if r == nil || depth > 64 {
		return
	}
	g.emptyFields(p, r.Empty)
	for i, x := range r.And {
		g.emptyRule(x, ptrJoin(p, "And", strconv.Itoa(i)), depth+1)
	}
	for i, x := range r.Or {
		g.emptyRule(x, ptrJoin(p, "Or", strconv.Itoa(i)), depth+1)
	}
	g.emptyRule(r.Not, ptrJoin(p, "Not"), depth+1)
}
