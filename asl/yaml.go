package asl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ParseYAML reads an ASL document written in YAML (as in .asl.yaml files
// and SAM templates). The document is converted to the same JSON value
// Parse would see, keeping key order, and decoded with the same strict
// rules: duplicate keys (reported with both positions), unknown fields and
// wrong types are errors. Scalars follow YAML 1.2: yes and no stay
// strings, timestamps stay the text they were written as, and numbers keep
// their text when it is already a JSON number. A CloudFormation short-form
// tag (!Ref, !Sub, !GetAtt...) is an error that names it: CloudFormation
// expressions belong in a template (ParseYAMLValue reads those). Other
// tags than YAML's own are dropped and the node is read as plain YAML.
// Positions in diagnostics and Document.Position are YAML lines and
// columns.
func ParseYAML(data []byte) (*Document, error) {
	root, pos, diags := readYAML(data, "a YAML mapping with StartAt and States", "state machine")
	if root.Kind == Absent {
		return nil, newError(diags)
	}
	return decodeDocument(data, root, pos, diags)
}

// ParseYAMLValue reads any one-document YAML text as a JSON value, with the
// same rules as ParseYAML (key order kept, duplicate keys rejected), for
// YAML that is not itself a state machine, such as a CloudFormation or SAM
// template. CloudFormation's short-form tags become the long form
// CloudFormation reads them as: !Ref X gives {"Ref": "X"}, !GetAtt A.B
// gives {"Fn::GetAtt": ["A", "B"]}, !Condition C gives {"Condition": "C"}
// and any other !Name v gives {"Fn::Name": v}, so that no expression reads
// as the literal text it was written with.
func ParseYAMLValue(data []byte) (Value, error) {
	doc, err := ParseYAMLValueDocument(data)
	if err != nil {
		return Value{}, err
	}
	return doc.Value, nil
}

// ParseYAMLValueDocument is ParseYAMLValue that also keeps the source and
// the position of every value (Document.Position; Machine is nil).
func ParseYAMLValueDocument(data []byte) (*Document, error) {
	root, pos, diags := readYAMLTags(data, "a YAML value", "document", true)
	if len(diags) > 0 {
		return nil, newError(diags)
	}
	return &Document{Source: data, Value: root, pos: pos}, nil
}

// readYAML converts one YAML document to a Value and the position of every
// value, with the problems found. The root is Absent when nothing could be
// read; want and one name what the file should hold, for the messages.
func readYAML(data []byte, want, one string) (Value, map[string]nodePos, []Diagnostic) {
	return readYAMLTags(data, want, one, false)
}

// readYAMLTags is readYAML; with cfn, CloudFormation's short-form tags
// become their long form (see ParseYAMLValue) instead of being dropped.
func readYAMLTags(data []byte, want, one string, cfn bool) (Value, map[string]nodePos, []Diagnostic) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return Value{}, nil, []Diagnostic{{Code: CodeInvalidJSON, Pos: Position{Line: 1, Column: 1}, Message: "the document is empty: expected " + want}}
		}
		return Value{}, nil, []Diagnostic{yamlSyntax(err)}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		p := Position{Line: extra.Line, Column: extra.Column}
		return Value{}, nil, []Diagnostic{{Code: CodeInvalidJSON, Pos: p, Message: "a second YAML document starts here: a file holds exactly one " + one}}
	} else if !errors.Is(err, io.EOF) {
		return Value{}, nil, []Diagnostic{yamlSyntax(err)}
	}
	c := &yamlConverter{data: data, lines: lineStarts(data), pos: make(map[string]nodePos, 64), budget: maxYAMLValues, cfn: cfn}
	root := c.value(&doc, "", Position{}, true, 0)
	if c.budget < 0 {
		// Every value after the limit reads as absent: checking the
		// document would report each as missing.
		return Value{}, nil, c.diags
	}
	return root, c.pos, c.diags
}

// maxYAMLValues bounds the values a YAML document may expand to through
// aliases, so that an alias bomb cannot exhaust memory.
const maxYAMLValues = 500_000

// yamlLine finds the line number in a yaml.v3 error message.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlParserHints are the yaml.v3 parser errors (as opposed to scanner
// errors), with a hint. yaml.v3 reports their line counting from 0, at
// the start of the block or flow collection being parsed.
var yamlParserHints = map[string]string{
	"did not find expected key":              "check the indentation of the keys of the mapping that starts here",
	"did not find expected '-' indicator":    "check the indentation of the items of the sequence that starts here",
	"did not find expected ',' or ']'":       "a [ ... ] sequence that starts here is not closed, or lacks a comma",
	"did not find expected ',' or '}'":       "a { ... } mapping that starts here is not closed, or lacks a comma",
	"did not find expected node content":     "a value is missing",
	"did not find expected <document start>": "only one document is allowed",
}

// yamlSyntax turns a yaml.v3 error into a diagnostic.
func yamlSyntax(err error) Diagnostic {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if hint, parser := yamlParserHints[msg]; parser {
		line++
		msg += " (" + hint + ")"
	}
	if line == 0 {
		return Diagnostic{Code: CodeInvalidJSON, Message: "invalid YAML: " + msg}
	}
	return Diagnostic{
		Code:    CodeInvalidJSON,
		Pos:     Position{Line: line, Column: 1},
		Message: "invalid YAML: " + msg,
	}
}

// lineStarts returns the offset of the first byte of every line.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// yamlConverter turns yaml.v3 nodes into Values and records positions.
type yamlConverter struct {
	data   []byte
	lines  []int
	pos    map[string]nodePos
	diags  []Diagnostic
	budget int
	cfn    bool // CloudFormation short-form tags become the long form
}

// at converts a node's line and column (yaml.v3 counts columns in
// characters) to a Position, whose Column counts bytes.
func (c *yamlConverter) at(n *yaml.Node) Position {
	p := Position{Line: n.Line, Column: n.Column}
	if n.Line < 1 || n.Line > len(c.lines) {
		return p
	}
	start := c.lines[n.Line-1]
	off := start
	for i := 1; i < n.Column && off < len(c.data) && c.data[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(c.data[off:])
		off += size
	}
	p.Offset = off
	p.Column = off - start + 1
	return p
}

func (c *yamlConverter) errorf(n *yaml.Node, ptr, format string, args ...any) {
	p := c.at(n)
	c.diags = append(c.diags, Diagnostic{
		Code:    CodeSchema,
		Pointer: ptr,
		Pos:     p,
		Message: fmt.Sprintf(format, args...),
	})
}

// value converts node n at pointer ptr. record says whether to record
// positions (not inside a duplicate key's value).
func (c *yamlConverter) value(n *yaml.Node, ptr string, keyPos Position, record bool, depth int) Value {
	if depth > maxDepth {
		c.errorf(n, ptr, "sequences and mappings are nested more than %d deep", maxDepth)
		return Value{}
	}
	c.budget--
	if c.budget < 0 {
		if c.budget == -1 {
			c.errorf(n, ptr, "the document expands to more than %d values through aliases", maxYAMLValues)
		}
		return Value{}
	}
	if record {
		c.pos[ptr] = nodePos{key: keyPos, val: c.at(n)}
	}
	if strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!") && n.Kind != yaml.AliasNode {
		if c.cfn {
			return c.cfnTag(n, ptr, record, depth)
		}
		if cfnShortTags[n.Tag[1:]] {
			c.errorf(n, ptr, "%s is tagged %s (CloudFormation's %s): a plain ASL YAML file holds no CloudFormation expressions, they belong in a template; write the value itself or a ${Name} placeholder, or put the definition in a CloudFormation or SAM template and read it with goasl import -from-template", yamlField(ptr), n.Tag, cfnKey(n.Tag[1:]))
		}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return Value{Kind: Null}
		}
		return c.value(n.Content[0], ptr, keyPos, record, depth+1)
	case yaml.AliasNode:
		if n.Alias == nil {
			c.errorf(n, ptr, "alias *%s refers to no anchor", n.Value)
			return Value{}
		}
		return c.value(n.Alias, ptr, keyPos, false, depth+1)
	case yaml.SequenceNode:
		items := make([]Value, 0, len(n.Content))
		for i, it := range n.Content {
			items = append(items, c.value(it, ptr+"/"+strconv.Itoa(i), Position{}, record, depth+1))
		}
		return Value{Kind: Array, Items: items}
	case yaml.MappingNode:
		return c.mapping(n, ptr, record, depth)
	case yaml.ScalarNode:
		return c.scalar(n, ptr)
	}
	c.errorf(n, ptr, "unsupported YAML node")
	return Value{}
}

// cfnShortTags are the names of CloudFormation's short-form tags (!Ref,
// !GetAtt, ...).
var cfnShortTags = map[string]bool{
	"Ref": true, "Condition": true,
	"And": true, "Base64": true, "Cidr": true, "Equals": true,
	"FindInMap": true, "GetAtt": true, "GetAZs": true, "If": true,
	"ImportValue": true, "Join": true, "Length": true, "Not": true,
	"Or": true, "Select": true, "Split": true, "Sub": true,
	"ToJsonString": true, "Transform": true,
}

// cfnKey returns the long form's key of the short-form tag !name: Ref and
// Condition keep their name, any other is Fn::name.
func cfnKey(name string) string {
	if name == "Ref" || name == "Condition" {
		return name
	}
	return "Fn::" + name
}

// yamlField names the value at a JSON pointer for a message: field
// "Resource", item 1 of "ErrorEquals", the document.
func yamlField(ptr string) string {
	if ptr == "" {
		return "the document"
	}
	last := lastToken(ptr)
	if i := strings.LastIndexByte(ptr, '/'); i > 0 {
		if _, err := strconv.Atoi(last); err == nil {
			return fmt.Sprintf("item %s of %s", last, strconv.Quote(lastToken(ptr[:i])))
		}
	}
	return "field " + strconv.Quote(last)
}

// cfnTag converts a node with a CloudFormation short-form tag (!Ref,
// !GetAtt, !Sub, !Join...) to the long form, {"Ref": ...} or
// {"Fn::Name": ...}. The inner value is the node read without its tag.
func (c *yamlConverter) cfnTag(n *yaml.Node, ptr string, record bool, depth int) Value {
	name := n.Tag[1:]
	key := cfnKey(name)
	inner := *n
	inner.Tag = ""
	if n.Kind == yaml.ScalarNode {
		inner.Tag = "!!str" // the argument of a tag is text: !Ref 123 names "123"
	}
	child := ptr + "/" + PointerEscape(key)
	v := c.value(&inner, child, Position{}, record, depth+1)
	if name == "GetAtt" && v.Kind == String {
		// !GetAtt Resource.Attribute: the attribute may itself hold dots.
		res, attr, _ := strings.Cut(v.Str, ".")
		v = Value{Kind: Array, Items: []Value{{Kind: String, Str: res}, {Kind: String, Str: attr}}}
	}
	return Value{Kind: Object, Members: []Member{{Key: key, Value: v}}}
}

// mapping converts a mapping, reporting duplicate keys and applying merge
// keys (<<), whose members never override the mapping's own.
func (c *yamlConverter) mapping(n *yaml.Node, ptr string, record bool, depth int) Value {
	var members []Member
	first := map[string]*yaml.Node{}
	var merged []Member
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
			merged = append(merged, c.merge(v, ptr, depth)...)
			continue
		}
		if k.Kind != yaml.ScalarNode {
			c.errorf(k, ptr, "a mapping key must be a plain string, not %s: JSON has no other keys", withArticle(yamlKind(k)))
			continue
		}
		key := k.Value
		kp := c.at(k)
		child := ptr + "/" + PointerEscape(key)
		if prev, dup := first[key]; dup {
			pp := c.at(prev)
			c.diags = append(c.diags, Diagnostic{
				Code:    CodeSchema,
				Pointer: child,
				Pos:     kp,
				Message: fmt.Sprintf("duplicate key %s: first at line %d, column %d, again at line %d, column %d; keys must be unique, so remove or rename one", strconv.Quote(key), pp.Line, pp.Column, kp.Line, kp.Column),
			})
			c.value(v, child, kp, false, depth+1)
			continue
		}
		first[key] = k
		members = append(members, Member{Key: key, Value: c.value(v, child, kp, record, depth+1)})
	}
	for _, m := range merged {
		if _, own := first[m.Key]; !own {
			first[m.Key] = n
			members = append(members, m)
		}
	}
	return Value{Kind: Object, Members: members}
}

// merge returns the members a merge key brings in: those of one mapping,
// or of a sequence of mappings where earlier ones win.
func (c *yamlConverter) merge(v *yaml.Node, ptr string, depth int) []Member {
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	var sources []*yaml.Node
	switch v.Kind {
	case yaml.MappingNode:
		sources = []*yaml.Node{v}
	case yaml.SequenceNode:
		sources = v.Content
	default:
		c.errorf(v, ptr, "a merge key (<<) needs a mapping or a sequence of mappings, not %s", withArticle(yamlKind(v)))
		return nil
	}
	var out []Member
	seen := map[string]bool{}
	for _, s := range sources {
		for s.Kind == yaml.AliasNode && s.Alias != nil {
			s = s.Alias
		}
		if s.Kind != yaml.MappingNode {
			c.errorf(s, ptr, "a merge key (<<) needs a mapping or a sequence of mappings, not %s", withArticle(yamlKind(s)))
			continue
		}
		m := c.mapping(s, ptr, false, depth+1)
		for _, mm := range m.Members {
			if !seen[mm.Key] {
				seen[mm.Key] = true
				out = append(out, mm)
			}
		}
	}
	return out
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "sequence"
	case yaml.MappingNode:
		return "mapping"
	case yaml.AliasNode:
		return "alias"
	}
	return "scalar"
}

// scalar converts a scalar by its resolved tag.
func (c *yamlConverter) scalar(n *yaml.Node, ptr string) Value {
	switch n.ShortTag() {
	case "!!null":
		return Value{Kind: Null}
	case "!!bool":
		var b bool
		if err := n.Decode(&b); err != nil {
			c.errorf(n, ptr, "invalid boolean %s", strconv.Quote(n.Value))
			return Value{}
		}
		return Value{Kind: Bool, Bool: b}
	case "!!int":
		if validNumber(n.Value) {
			return Value{Kind: Number, Num: n.Value}
		}
		var i int64
		if err := n.Decode(&i); err == nil {
			return Value{Kind: Number, Num: strconv.FormatInt(i, 10)}
		}
		var u uint64
		if err := n.Decode(&u); err == nil {
			return Value{Kind: Number, Num: strconv.FormatUint(u, 10)}
		}
		c.errorf(n, ptr, "integer %s is out of range: quote it to keep it as a string", n.Value)
		return Value{}
	case "!!float":
		if validNumber(n.Value) {
			return Value{Kind: Number, Num: n.Value}
		}
		var f float64
		if err := n.Decode(&f); err != nil {
			c.errorf(n, ptr, "invalid number %s", strconv.Quote(n.Value))
			return Value{}
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			c.errorf(n, ptr, "%s is not a JSON number: use a finite number, or quote it to make a string", n.Value)
			return Value{}
		}
		return Value{Kind: Number, Num: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	// !!str, !!timestamp, !!binary and custom tags keep their text.
	if !utf8.ValidString(n.Value) {
		c.errorf(n, ptr, "string is not valid UTF-8")
		return Value{}
	}
	return Value{Kind: String, Str: n.Value}
}
