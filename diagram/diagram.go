package diagram

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl"
)

// edgeKind is how an edge is drawn.
type edgeKind uint8

const (
	edgeNext edgeKind = iota
	edgeChoice
	edgeDefault
	edgeCatch
	edgeInto // from a Parallel or Map to the start of its branch or processor
	edgeStart
	edgeEnd
)

type node struct {
	id, label, shape string
}

type edge struct {
	from, to string
	kind     edgeKind
	label    string
}

type subgraph struct {
	id, label string
	nodes     []node
	subs      []*subgraph
}

// graph is the drawing, independent of the output format.
type graph struct {
	root  subgraph
	edges []edge
	ids   map[*asl.State]string
	n     int
}

func build(sm *asl.StateMachine) *graph {
	g := &graph{ids: map[*asl.State]string{}}
	g.root.nodes = append(g.root.nodes, node{"startNode", "start", "circle"}, node{"endNode", "end", "circle"})
	g.scope(&g.root, sm.StartAt, sm.States, "startNode", "endNode")
	return g
}

// scope adds the states of one container; entry and exit are the nodes the
// container starts from and ends at ("" for none: the terminal states of a
// branch or item processor just end there).
func (g *graph) scope(sg *subgraph, startAt string, states asl.States, entry, exit string) {
	// byName finds a transition's target in constant time (states.Get is a
	// linear scan: once per edge, drawing was quadratic). The first state
	// of a name wins, as with Get.
	byName := make(map[string]string, len(states))
	for _, st := range states {
		g.n++
		g.ids[st] = "s" + strconv.Itoa(g.n)
		if _, dup := byName[st.Name]; !dup {
			byName[st.Name] = g.ids[st]
		}
	}
	id := func(name string) (string, bool) {
		to, ok := byName[name]
		return to, ok
	}
	if to, ok := id(startAt); ok {
		kind := edgeStart
		if entry != "startNode" {
			kind = edgeInto
		}
		g.edges = append(g.edges, edge{entry, to, kind, ""})
	}
	for _, st := range states {
		me := g.ids[st]
		shape := "box"
		switch st.Type {
		case asl.TypeChoice:
			shape = "diamond"
		case asl.TypeSucceed, asl.TypeFail:
			shape = "stadium"
		}
		sg.nodes = append(sg.nodes, node{me, st.Name + "\n(" + string(st.Type) + ")", shape})
		link := func(name string, kind edgeKind, label string) {
			if to, ok := id(name); ok {
				g.edges = append(g.edges, edge{me, to, kind, label})
			}
		}
		if st.Next != "" {
			link(st.Next, edgeNext, "")
		}
		if exit != "" && (st.End || st.Type == asl.TypeSucceed || st.Type == asl.TypeFail) {
			g.edges = append(g.edges, edge{me, exit, edgeEnd, ""})
		}
		for _, r := range st.Choices {
			link(r.Next, edgeChoice, ruleLabel(r))
		}
		if st.Default != "" {
			link(st.Default, edgeDefault, "default")
		}
		for _, c := range st.Catch {
			link(c.Next, edgeCatch, "catch "+strings.Join(c.ErrorEquals, ", "))
		}
		for i, b := range st.Branches {
			sub := &subgraph{id: fmt.Sprintf("%s_b%d", me, i), label: fmt.Sprintf("%s: branch %d", st.Name, i+1)}
			g.scope(sub, b.StartAt, b.States, me, "")
			sg.subs = append(sg.subs, sub)
		}
		proc := st.ItemProcessor
		if proc == nil {
			proc = st.Iterator
		}
		if proc != nil {
			sub := &subgraph{id: me + "_items", label: st.Name + ": each item"}
			g.scope(sub, proc.StartAt, proc.States, me, "")
			sg.subs = append(sg.subs, sub)
		}
	}
}

// ruleLabel summarises a Choice rule.
func ruleLabel(r *asl.ChoiceRule) string {
	switch {
	case r.Condition.IsSet():
		if r.Condition.Kind == asl.String {
			return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(r.Condition.Str, "{%"), "%}"))
		}
		return fmt.Sprint(r.Condition.Bool)
	case r.Not != nil:
		return "not (" + ruleLabel(r.Not) + ")"
	case r.And != nil:
		return joinRules(r.And, " and ")
	case r.Or != nil:
		return joinRules(r.Or, " or ")
	case len(r.Comparisons) > 0:
		c := r.Comparisons[0]
		return r.Variable + " " + string(c.Operator) + " " + valueText(c.Value)
	}
	return "?"
}

func joinRules(rs []*asl.ChoiceRule, sep string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = ruleLabel(r)
	}
	return "(" + strings.Join(parts, sep) + ")"
}

func valueText(v asl.Value) string {
	switch v.Kind {
	case asl.String:
		return strconv.Quote(v.Str)
	case asl.Number:
		return v.Num
	case asl.Bool:
		return strconv.FormatBool(v.Bool)
	}
	return v.Kind.String()
}

// Mermaid returns the state machine as a Mermaid flowchart.
func Mermaid(sm *asl.StateMachine) string {
	g := build(sm)
	var b strings.Builder
	b.WriteString("flowchart TD\n")
	var writeSub func(sg *subgraph, indent string)
	writeSub = func(sg *subgraph, indent string) {
		for _, n := range sg.nodes {
			b.WriteString(indent + n.id + mermaidShape(n) + "\n")
		}
		for _, s := range sg.subs {
			fmt.Fprintf(&b, "%ssubgraph %s [%s]\n", indent, s.id, mermaidText(s.label))
			writeSub(s, indent+"  ")
			b.WriteString(indent + "end\n")
		}
	}
	writeSub(&g.root, "  ")
	for _, e := range g.edges {
		arrow := "-->"
		switch e.kind {
		case edgeCatch, edgeInto:
			arrow = "-.->"
		}
		if e.label != "" {
			fmt.Fprintf(&b, "  %s %s|%s| %s\n", e.from, arrow, mermaidText(e.label), e.to)
		} else {
			fmt.Fprintf(&b, "  %s %s %s\n", e.from, arrow, e.to)
		}
	}
	return b.String()
}

func mermaidShape(n node) string {
	t := mermaidText(n.label)
	switch n.shape {
	case "circle":
		return "((" + t + "))"
	case "diamond":
		return "{" + t + "}"
	case "stadium":
		return "([" + t + "])"
	}
	return "[" + t + "]"
}

// mermaidText quotes a label, escaping what Mermaid would read as syntax.
func mermaidText(s string) string {
	return `"` + mermaidEscaper.Replace(s) + `"`
}

// mermaidEscaper is built once: a strings.Replacer per label cost more
// than the rest of the drawing.
var mermaidEscaper = strings.NewReplacer(`"`, "#quot;", "\n", "<br/>", "<", "#lt;", ">", "#gt;", "|", "#124;")

// dotShapes maps a node's shape to DOT's.
var dotShapes = map[string]string{"circle": "circle", "diamond": "diamond", "stadium": "box, style=rounded", "box": "box"}

// DOT returns the state machine as a Graphviz DOT graph.
func DOT(sm *asl.StateMachine) string {
	g := build(sm)
	var b strings.Builder
	b.WriteString("digraph statemachine {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n")
	var writeSub func(sg *subgraph, indent string)
	writeSub = func(sg *subgraph, indent string) {
		for _, n := range sg.nodes {
			shape := dotShapes[n.shape]
			fmt.Fprintf(&b, "%s%s [label=%s, shape=%s];\n", indent, n.id, strconv.Quote(n.label), shape)
		}
		for _, s := range sg.subs {
			fmt.Fprintf(&b, "%ssubgraph cluster_%s {\n%s  label=%s;\n", indent, s.id, indent, strconv.Quote(s.label))
			writeSub(s, indent+"  ")
			b.WriteString(indent + "}\n")
		}
	}
	writeSub(&g.root, "  ")
	for _, e := range g.edges {
		var attrs []string
		if e.label != "" {
			attrs = append(attrs, "label="+strconv.Quote(e.label))
		}
		if e.kind == edgeCatch || e.kind == edgeInto {
			attrs = append(attrs, "style=dashed")
		}
		if len(attrs) > 0 {
			fmt.Fprintf(&b, "  %s -> %s [%s];\n", e.from, e.to, strings.Join(attrs, ", "))
		} else {
			fmt.Fprintf(&b, "  %s -> %s;\n", e.from, e.to)
		}
	}
	b.WriteString("}\n")
	return b.String()
}
