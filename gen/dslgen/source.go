package dslgen

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
)

// Definition is one state machine read from a file.
type Definition struct {
	// Name is the state machine's name: the file name without its
	// extensions, or the logical ID of a template's resource.
	Name string
	// Data is the definition as strict JSON, the text Document was parsed
	// from (positions in diagnostics refer to it).
	Data []byte
	// Comments are the JSON5 comments of the file, in order.
	Comments []Comment
	// YAML says that Data is YAML (read with asl.ParseYAML), not JSON.
	YAML bool
	// Substitutions are the CloudFormation expressions of a template's
	// Definition, each replaced in Data by a ${Name} placeholder, in
	// document order.
	Substitutions []Substitution
}

// Parse reads the definition: asl.ParseYAML for YAML, else
// asl.ParseDocument.
func (d Definition) Parse() (*asl.Document, error) {
	if d.YAML {
		return asl.ParseYAML(d.Data)
	}
	return asl.ParseDocument(d.Data)
}

// Comment is a JSON5 comment: its text without the markers, one entry per
// line, and the line it starts on.
type Comment struct {
	Line int
	Text []string
}

// ReadDefinitions returns the state machines of a file: the file itself
// when it is an ASL document in JSON, JSON5 (comments, trailing commas and
// unquoted keys) or YAML (.yaml, .yml), or, with fromTemplate, every
// AWS::StepFunctions::StateMachine and AWS::Serverless::StateMachine of a
// CloudFormation or SAM template in JSON or YAML. In a template's
// Definition, CloudFormation expressions (YAML's short form !Ref, !GetAtt,
// !Join... or the long form {"Ref": ...}, {"Fn::GetAtt": ...}) become
// ${Name} placeholders, listed in Definition.Substitutions.
func ReadDefinitions(file string, data []byte, fromTemplate bool) ([]Definition, error) {
	base := filepath.Base(file)
	ext := strings.ToLower(filepath.Ext(base))
	if ext == ".yaml" || ext == ".yml" {
		if fromTemplate {
			doc, err := asl.ParseYAMLValueDocument(data)
			if err != nil {
				return nil, err
			}
			return templateDefinitions(doc)
		}
		return []Definition{{Name: stem(base), Data: data, YAML: true}}, nil
	}
	clean, comments, err := stripJSON5(data)
	if err != nil {
		return nil, err
	}
	if !fromTemplate {
		return []Definition{{Name: stem(base), Data: clean, Comments: comments}}, nil
	}
	doc, err := asl.ParseValueDocument(clean)
	if err != nil {
		return nil, err
	}
	return templateDefinitions(doc)
}

// stem returns a file name without its extensions: "order.asl.json" gives
// "order".
func stem(base string) string {
	if i := strings.IndexByte(base, '.'); i > 0 {
		return base[:i]
	}
	return base
}

// StripJSON5 turns the JSON5 that hand-written ASL files use into strict
// JSON: comments (// and /* */) become spaces, trailing commas before } or
// ] are removed and unquoted object keys are quoted. Every line stays where
// it was, so that diagnostics still point at the right line of the
// original text. Strict JSON comes back unchanged.
func StripJSON5(data []byte) ([]byte, error) {
	out, _, err := stripJSON5(data)
	return out, err
}

// stripJSON5 is StripJSON5 that also returns the comments.
func stripJSON5(data []byte) ([]byte, []Comment, error) {
	var comments []Comment
	line := 1
	out := make([]byte, 0, len(data)+16)
	inString := false
	lastComma := -1     // offset in out of a comma that may be trailing
	var stack []byte    // open containers: '{' or '['
	var prev byte = ' ' // the last significant byte outside strings
	for i := 0; i < len(data); i++ {
		ch := data[i]
		if inString {
			out = append(out, ch)
			if ch == '\n' {
				line++
			}
			switch ch {
			case '\\':
				if i+1 < len(data) {
					i++
					out = append(out, data[i])
				}
			case '"':
				inString = false
			}
			continue
		}
		switch {
		case ch == '"':
			inString = true
			lastComma = -1
			prev = ch
			out = append(out, ch)
		case ch == '/' && i+1 < len(data) && data[i+1] == '/':
			start := i + 2
			for i < len(data) && data[i] != '\n' {
				out = append(out, ' ')
				i++
			}
			comments = addComment(comments, line, string(data[start:i]))
			if i < len(data) {
				out = append(out, '\n')
				line++
			}
		case ch == '/' && i+1 < len(data) && data[i+1] == '*':
			end := bytes.Index(data[i+2:], []byte("*/"))
			if end < 0 {
				return nil, nil, fmt.Errorf("line %d: a /* comment is not closed", line)
			}
			comments = addComment(comments, line, string(data[i+2:i+2+end]))
			for _, b := range data[i : i+2+end+2] {
				if b == '\n' {
					out = append(out, '\n')
					line++
				} else {
					out = append(out, ' ')
				}
			}
			i += 2 + end + 1
		case ch == ',':
			lastComma = len(out)
			prev = ch
			out = append(out, ch)
		case ch == '{' || ch == '[':
			stack = append(stack, ch)
			lastComma = -1
			prev = ch
			out = append(out, ch)
		case ch == '}' || ch == ']':
			if lastComma >= 0 {
				out[lastComma] = ' '
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			lastComma = -1
			prev = ch
			out = append(out, ch)
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r':
			if ch == '\n' {
				line++
			}
			out = append(out, ch)
		case isKeyStart(ch) && (prev == '{' || prev == ',') && len(stack) > 0 && stack[len(stack)-1] == '{':
			j := i
			for j < len(data) && (isKeyStart(data[j]) || (data[j] >= '0' && data[j] <= '9')) {
				j++
			}
			out = append(out, '"')
			out = append(out, data[i:j]...)
			out = append(out, '"')
			i = j - 1
			lastComma = -1
			prev = '"'
		default:
			lastComma = -1
			prev = ch
			out = append(out, ch)
		}
	}
	return out, comments, nil
}

// addComment adds a comment's text, trimmed line by line; a // comment on
// the line after another joins it.
func addComment(cs []Comment, line int, text string) []Comment {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "*"))
		if l != "" || len(lines) > 0 {
			lines = append(lines, l)
		}
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return cs
	}
	if n := len(cs); n > 0 && cs[n-1].Line+len(cs[n-1].Text) == line {
		cs[n-1].Text = append(cs[n-1].Text, lines...)
		return cs
	}
	return append(cs, Comment{Line: line, Text: lines})
}

// AttachComments places JSON5 comments on the workflow: each goes to the
// first state whose name is on or after the comment's line (the last state
// for comments after every state); comments before the States object
// describe the workflow and get the pointer "". The result maps JSON
// pointers of states to their comment lines, for Workflow.Comments.
func AttachComments(doc *asl.Document, comments []Comment) map[string][]string {
	if doc == nil || doc.Machine == nil || len(comments) == 0 {
		return nil
	}
	type statePos struct {
		ptr  string
		line int
	}
	var states []statePos
	var walk func(ptr string, ss asl.States)
	walk = func(ptr string, ss asl.States) {
		for _, st := range ss {
			sp := ptr + "/States/" + asl.PointerEscape(st.Name)
			states = append(states, statePos{sp, doc.Position(sp).Line})
			for i, b := range st.Branches {
				if b != nil {
					walk(fmt.Sprintf("%s/Branches/%d", sp, i), b.States)
				}
			}
			if st.ItemProcessor != nil {
				walk(sp+"/ItemProcessor", st.ItemProcessor.States)
			}
			if st.Iterator != nil {
				walk(sp+"/Iterator", st.Iterator.States)
			}
		}
	}
	walk("", doc.Machine.States)
	sort.SliceStable(states, func(i, j int) bool { return states[i].line < states[j].line })
	statesLine := doc.Position("/States").Line
	out := map[string][]string{}
	for _, c := range comments {
		ptr := ""
		if c.Line >= statesLine && len(states) > 0 {
			ptr = states[len(states)-1].ptr
			for _, s := range states {
				if s.line >= c.Line {
					ptr = s.ptr
					break
				}
			}
		}
		out[ptr] = append(out[ptr], c.Text...)
	}
	return out
}

// isKeyStart reports whether b may start an unquoted JSON5 key.
func isKeyStart(b byte) bool {
	return b == '_' || b == '$' || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
}

// templateDefinitions finds the state machines of a CloudFormation or SAM
// template.
func templateDefinitions(doc *asl.Document) ([]Definition, error) {
	resources, ok := doc.Value.Get("Resources")
	if !ok || resources.Kind != asl.Object {
		return nil, errors.New("not a CloudFormation template: no Resources object")
	}
	var defs []Definition
	var problems []string
	for _, r := range resources.Members {
		typ, _ := r.Value.Get("Type")
		if typ.Kind != asl.String || (typ.Str != "AWS::StepFunctions::StateMachine" && typ.Str != "AWS::Serverless::StateMachine") {
			continue
		}
		props, _ := r.Value.Get("Properties")
		base := "/Resources/" + asl.PointerEscape(r.Key) + "/Properties"
		def, subs, err := templateDefinition(doc, base, props)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				problems = append(problems, fmt.Sprintf("resource %s: %s", r.Key, line))
			}
			continue
		}
		defs = append(defs, Definition{Name: r.Key, Data: def, Substitutions: subs})
	}
	if len(problems) > 0 {
		// In document order: resources as the template lists them.
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	if len(defs) == 0 {
		return nil, errors.New("the template has no AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource")
	}
	return defs, nil
}

// templateDefinition returns the ASL of one state machine resource (its
// Properties props, at pointer base of the template doc): Definition (an
// object), or DefinitionString (a string, or Fn::Sub of a string, whose
// ${Name} placeholders stay as they are). In a Definition, every
// CloudFormation expression (!Ref, !GetAtt, {"Fn::Join": ...}...) becomes
// a ${Name} placeholder, listed in the substitutions; one where ASL needs
// an object, an array or a boolean is an error naming the field and line.
func templateDefinition(doc *asl.Document, base string, props asl.Value) ([]byte, []Substitution, error) {
	if d, ok := props.Get("Definition"); ok {
		if _, intrinsic := cfnIntrinsic(d); d.Kind != asl.Object || intrinsic {
			if intrinsic {
				_, _, problems := substitute(doc, base+"/Definition", d, asl.Value{})
				return nil, nil, errors.New(strings.Join(problems, "\n"))
			}
			return nil, nil, fmt.Errorf("Definition is %s, not an object", d.Kind)
		}
		given, _ := props.Get("DefinitionSubstitutions")
		d, subs, problems := substitute(doc, base+"/Definition", d, given)
		if len(problems) > 0 {
			return nil, nil, errors.New(strings.Join(problems, "\n"))
		}
		data, err := asl.MarshalValue(d)
		return data, subs, err
	}
	d, ok := props.Get("DefinitionString")
	if !ok {
		if _, uri := props.Get("DefinitionUri"); uri {
			return nil, nil, errors.New("the definition is in another file (DefinitionUri): import that file")
		}
		return nil, nil, errors.New("no Definition or DefinitionString")
	}
	if d.Kind == asl.Object {
		if sub, ok := d.Get("Fn::Sub"); ok && len(d.Members) == 1 {
			d = sub
		}
	}
	// Fn::Sub's long form, and YAML's !Sub [string, {variables}] once its
	// tag is dropped, are a list whose first element is the string.
	if d.Kind == asl.Array && len(d.Items) > 0 && d.Items[0].Kind == asl.String {
		d = d.Items[0]
	}
	if d.Kind != asl.String {
		return nil, nil, errors.New("DefinitionString is not a string or an Fn::Sub of a string")
	}
	return []byte(d.Str), nil, nil
}
