package dslgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/goasl/goasl/asl"
)

// Substitution is a CloudFormation expression of a template's Definition
// (!Ref, !GetAtt, !Join, {"Fn::Sub": ...}...) that the import replaced by
// a "${Name}" placeholder, which the generated code writes as
// dsl.Ref("Name"): deploying the workflow needs a DefinitionSubstitution
// (or a CDK substitution) that gives Name the value of Expr.
type Substitution struct {
	Name    string // the placeholder's name
	Expr    string // the expression as the template means it, e.g. "!GetAtt ChargeFn.Arn"
	Pointer string // JSON pointer of the value in the definition
	Line    int    // the expression's line in the template (0 if unknown)
	Given   bool   // the template's DefinitionSubstitutions has Name for Expr already
}

// deployHint says how the placeholder gets its value when deploying.
func (s Substitution) deployHint() string {
	if s.Given {
		return "the template's DefinitionSubstitutions gives it"
	}
	return "give it as a DefinitionSubstitution"
}

// String says what the placeholder stands for, as the import prints it.
func (s Substitution) String() string {
	where := ""
	if s.Line > 0 {
		where = fmt.Sprintf(" (template line %d)", s.Line)
	}
	return fmt.Sprintf("${%s} at %s stands for the CloudFormation expression %s%s; %s", s.Name, s.Pointer, s.Expr, where, s.deployHint())
}

// cfnIntrinsic reports whether v is a CloudFormation intrinsic function in
// its long form: an object whose only key is "Ref", "Condition" or
// "Fn::Name". It returns that key.
func cfnIntrinsic(v asl.Value) (string, bool) {
	if v.Kind != asl.Object || len(v.Members) != 1 {
		return "", false
	}
	k := v.Members[0].Key
	return k, k == "Ref" || k == "Condition" || (strings.HasPrefix(k, "Fn::") && len(k) > 4)
}

// cfnText writes an intrinsic the way a template author reads it: !Ref X,
// !GetAtt A.B, and for the others !Name followed by its arguments as JSON
// (nested intrinsics in their long form).
func cfnText(key string, arg asl.Value) string {
	name := strings.TrimPrefix(key, "Fn::")
	switch {
	case (key == "Ref" || key == "Condition") && arg.Kind == asl.String:
		return "!" + name + " " + arg.Str
	case key == "Fn::GetAtt" && arg.Kind == asl.Array && len(arg.Items) == 2 && arg.Items[0].Kind == asl.String && arg.Items[1].Kind == asl.String:
		return "!GetAtt " + arg.Items[0].Str + "." + arg.Items[1].Str
	case key == "Fn::GetAtt" && arg.Kind == asl.String:
		return "!GetAtt " + arg.Str // the "Resource.Attribute" form
	}
	return "!" + name + " " + compactJSON(arg)
}

// compactJSON writes a value on one line.
func compactJSON(v asl.Value) string {
	b, err := asl.MarshalValue(v)
	if err != nil {
		return "(a value JSON cannot hold)"
	}
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return string(b)
	}
	return out.String()
}

// needs says what ASL requires as the value of a key that no placeholder
// (a string) can stand for; keys of payloads are not looked up.
var needs = map[string]string{
	"States": "an object of states", "Choices": "an array of Choice rules", "Branches": "an array of branches",
	"Retry": "an array of retriers", "Catch": "an array of catchers", "And": "an array of Choice rules",
	"Or": "an array of Choice rules", "Not": "a Choice rule", "ItemProcessor": "an object with StartAt and States",
	"Iterator": "an object with StartAt and States", "ProcessorConfig": "an object", "ItemReader": "an object",
	"ReaderConfig": "an object", "ItemBatcher": "an object", "ResultWriter": "an object", "WriterConfig": "an object",
	"Credentials": "an object", "ErrorEquals": "an array of error names", "CSVHeaders": "an array of column names",
	"End": "true", "BooleanEquals": "a boolean", "IsNull": "a boolean", "IsPresent": "a boolean",
	"IsNumeric": "a boolean", "IsString": "a boolean", "IsBoolean": "a boolean", "IsTimestamp": "a boolean",
	"Parameters":     "a JSON object (a placeholder may stand for a value inside it)",
	"ResultSelector": "a JSON object (a placeholder may stand for a value inside it)",
	"ItemSelector":   "a JSON object (a placeholder may stand for a value inside it)",
	"Assign":         "a JSON object (a placeholder may stand for a value inside it)",
	"StartAt":        "the name of a state written out",
	"Next":           "the name of a state written out",
	"Default":        "the name of a state written out",
	"Type":           "a state type written out",
	"QueryLanguage":  "JSONPath or JSONata written out",
	"Version":        `"1.0"`,
	"Arguments":      "a JSON object or a JSONata expression (a placeholder may stand for a value inside the object)",
}

// payloadKeys hold user JSON: any value inside may be a placeholder.
var payloadKeys = map[string]bool{
	"Parameters": true, "Arguments": true, "ResultSelector": true, "ItemSelector": true, "Output": true,
	"Assign": true, "Result": true, "BatchInput": true, "Items": true,
}

// substituter replaces the intrinsics of one definition.
type substituter struct {
	doc      *asl.Document // the template, for lines
	base     string        // pointer of the Definition in the template
	used     map[string]string
	byExpr   map[string]string
	subs     []Substitution
	problems []string
}

// placeholderNames lists the ${Name} placeholders a value already uses.
var placeholderNames = regexp.MustCompile(`\$\{([^${} ]+)\}`)

// substitute replaces every CloudFormation intrinsic of def (the
// Definition at pointer base of the template doc) by a "${Name}"
// placeholder. given are the template's DefinitionSubstitutions: an
// expression equal to one of them takes its name. Where ASL needs an
// object, an array or a boolean, no placeholder fits, and the problem is
// returned instead.
func substitute(doc *asl.Document, base string, def, given asl.Value) (asl.Value, []Substitution, []string) {
	s := &substituter{doc: doc, base: base, used: map[string]string{}, byExpr: map[string]string{}}
	s.collect(def, 0)
	for _, m := range given.Members {
		s.used[m.Key] = "given"
		if key, ok := cfnIntrinsic(m.Value); ok {
			s.byExpr[cfnText(key, m.Value.Members[0].Value)] = m.Key
		}
	}
	out := s.value(def, "", "", false, 0)
	return out, s.subs, s.problems
}

// collect records the placeholder names the definition uses already.
func (s *substituter) collect(v asl.Value, depth int) {
	if depth > 200 {
		return
	}
	switch v.Kind {
	case asl.String:
		for _, m := range placeholderNames.FindAllStringSubmatch(v.Str, -1) {
			s.used[m[1]] = "given"
		}
	case asl.Object:
		for _, m := range v.Members {
			s.collect(m.Value, depth+1)
		}
	case asl.Array:
		for _, it := range v.Items {
			s.collect(it, depth+1)
		}
	}
}

// value replaces the intrinsics in v, at pointer ptr of the definition,
// the value of the member key (or an array element when key is "");
// inPayload says that v is inside a payload (Parameters, Arguments...).
func (s *substituter) value(v asl.Value, ptr, key string, inPayload bool, depth int) asl.Value {
	if depth > 200 {
		return v
	}
	if k, ok := cfnIntrinsic(v); ok {
		return s.replace(v, k, ptr, key, inPayload)
	}
	// What v holds is user JSON when v is a payload or inside one.
	inner := inPayload || payloadKeys[key]
	switch v.Kind {
	case asl.Object:
		out := asl.Value{Kind: asl.Object, Members: make([]asl.Member, len(v.Members))}
		for i, m := range v.Members {
			out.Members[i] = asl.Member{Key: m.Key, Value: s.value(m.Value, ptr+"/"+asl.PointerEscape(m.Key), m.Key, inner, depth+1)}
		}
		return out
	case asl.Array:
		out := asl.Value{Kind: asl.Array, Items: make([]asl.Value, len(v.Items))}
		for i, it := range v.Items {
			out.Items[i] = s.value(it, ptr+"/"+strconv.Itoa(i), "", inner, depth+1)
		}
		return out
	}
	return v
}

// replace turns one intrinsic into a placeholder, or reports why none fits.
func (s *substituter) replace(v asl.Value, key, ptr, field string, inPayload bool) asl.Value {
	expr := cfnText(key, v.Members[0].Value)
	line := s.doc.Position(s.base + ptr).Line
	where := "line " + strconv.Itoa(line) + " of the template"
	if line == 0 {
		where = "the template"
	}
	fieldName := field
	if fieldName == "" {
		fieldName = "the element " + ptr[strings.LastIndexByte(ptr, '/')+1:]
	} else {
		fieldName = "field " + strconv.Quote(fieldName)
	}
	if ptr == "" {
		s.problems = append(s.problems, fmt.Sprintf("Definition (%s) is the CloudFormation expression %s: goasl imports a Definition written as an object; write it out, or import the file the expression reads", where, expr))
		return v
	}
	want, ok := needs[field]
	if isStateMember(ptr) {
		want, ok = "a state object", true
		fieldName = "state " + strconv.Quote(field)
	}
	if ok && !inPayload {
		s.problems = append(s.problems, fmt.Sprintf("%s at %s (%s) is the CloudFormation expression %s, but ASL needs %s there, which no ${Name} placeholder can stand for: write the value out in the definition", fieldName, ptr, where, expr, want))
		return v
	}
	name, ok := s.byExpr[expr]
	if !ok {
		name = s.fresh(placeholderBase(key, v.Members[0].Value, field))
		s.byExpr[expr] = name
	}
	given := s.used[name] == "given"
	if !given {
		s.used[name] = expr
	}
	s.subs = append(s.subs, Substitution{Name: name, Expr: expr, Pointer: ptr, Line: line, Given: given})
	return asl.Value{Kind: asl.String, Str: "${" + name + "}"}
}

// isStateMember reports whether ptr is a direct member of a States object
// (a whole state).
func isStateMember(ptr string) bool {
	i := strings.LastIndexByte(ptr, '/')
	return i >= 0 && strings.HasSuffix(ptr[:i], "/States")
}

// placeholderBase proposes a name: the referenced name for !Ref, resource
// and attribute for !GetAtt, else the field the expression is the value
// of.
func placeholderBase(key string, arg asl.Value, field string) string {
	switch {
	case key == "Ref" && arg.Kind == asl.String:
		return identifier(arg.Str)
	case key == "Fn::GetAtt" && arg.Kind == asl.Array && len(arg.Items) == 2 && arg.Items[0].Kind == asl.String && arg.Items[1].Kind == asl.String:
		return identifier(arg.Items[0].Str + "_" + arg.Items[1].Str)
	case key == "Fn::GetAtt" && arg.Kind == asl.String:
		return identifier(arg.Str)
	}
	return identifier(field)
}

// identifier keeps the letters and digits of s, upper-casing the letter
// after anything else ("AWS::Region" gives "AWSRegion", "Fn_Arn" "FnArn").
func identifier(s string) string {
	var b strings.Builder
	up := false
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = b.Len() > 0
		}
	}
	if b.Len() == 0 {
		return "Value"
	}
	out := []rune(b.String())
	out[0] = unicode.ToUpper(out[0])
	return string(out)
}

// fresh returns base, or base2, base3... if base is taken.
func (s *substituter) fresh(base string) string {
	name := base
	for n := 2; ; n++ {
		if _, taken := s.used[name]; !taken {
			return name
		}
		name = base + strconv.Itoa(n)
	}
}

// AttachSubstitutions adds to comments (Workflow.Comments, which it
// returns, made if nil) one line per substitution, on the state that holds
// it (on the workflow for one outside every state), saying which
// CloudFormation expression the dsl.Ref stands for.
func AttachSubstitutions(comments map[string][]string, m *asl.StateMachine, subs []Substitution) map[string][]string {
	if len(subs) == 0 {
		return comments
	}
	if comments == nil {
		comments = map[string][]string{}
	}
	var states []string
	var walk func(ptr string, ss asl.States, depth int)
	walk = func(ptr string, ss asl.States, depth int) {
		if depth > 64 {
			return
		}
		for _, st := range ss {
			if st == nil {
				continue
			}
			sp := ptr + "/States/" + asl.PointerEscape(st.Name)
			states = append(states, sp)
			for i, b := range st.Branches {
				if b != nil {
					walk(fmt.Sprintf("%s/Branches/%d", sp, i), b.States, depth+1)
				}
			}
			if st.ItemProcessor != nil {
				walk(sp+"/ItemProcessor", st.ItemProcessor.States, depth+1)
			}
			if st.Iterator != nil {
				walk(sp+"/Iterator", st.Iterator.States, depth+1)
			}
		}
	}
	if m != nil {
		walk("", m.States, 0)
	}
	for _, s := range subs {
		owner := ""
		for _, sp := range states {
			if strings.HasPrefix(s.Pointer, sp+"/") && len(sp) > len(owner) {
				owner = sp
			}
		}
		field := strings.TrimPrefix(s.Pointer, owner+"/")
		line := fmt.Sprintf("%s: dsl.Ref(%q) stands for the CloudFormation expression %s of the template", field, s.Name, s.Expr)
		if s.Line > 0 {
			line += fmt.Sprintf(" (line %d)", s.Line)
		}
		comments[owner] = append(comments[owner], line+"; "+s.deployHint()+".")
	}
	return comments
}
