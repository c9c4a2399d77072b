package asl

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Document is a parsed ASL document: the state machine, the source it was
// read from, and where in that source each value starts.
type Document struct {
	// Machine is the decoded state machine.
	Machine *StateMachine
	// Source is the text the document was parsed from.
	Source []byte
	// Value is the whole document as a JSON value, in source order.
	Value Value

	pos map[string]nodePos
}

// nodePos is where a value, and the key that names it, start in the source.
type nodePos struct {
	key Position // the member's key; zero for array elements and the root
	val Position
}

// Position returns the line and column where the value at the JSON pointer
// (RFC 6901, e.g. "/States/Charge/Next") starts in Source. For a pointer
// that names no value of the source, such as a field that is absent, it
// returns the position of the nearest ancestor that exists; the empty
// pointer is the whole document.
func (d *Document) Position(pointer string) Position {
	if d == nil {
		return Position{}
	}
	return lookupPos(d.pos, pointer, false)
}

// lookupPos finds the position of the value (or, with key, of the member's
// key) at pointer, falling back to the nearest existing ancestor's value.
func lookupPos(table map[string]nodePos, pointer string, key bool) Position {
	if p, ok := table[pointer]; ok {
		if key && p.key.IsValid() {
			return p.key
		}
		return p.val
	}
	for pointer != "" {
		i := strings.LastIndexByte(pointer, '/')
		if i < 0 {
			break
		}
		pointer = pointer[:i]
		if p, ok := table[pointer]; ok {
			return p.val
		}
	}
	return table[""].val
}

// ValuePositions reads a JSON text, or with yaml a YAML one, that is not
// itself a state machine (a CloudFormation template, say) and returns a
// function giving where the value at a JSON pointer starts in it, as
// Document.Position does.
func ValuePositions(data []byte, yaml bool) (func(pointer string) Position, error) {
	var pos map[string]nodePos
	var diags []Diagnostic
	if yaml {
		_, pos, diags = readYAML(data, "a YAML value", "document")
	} else {
		_, pos, diags = readJSON(data, true)
	}
	if len(diags) > 0 {
		return nil, newError(diags)
	}
	return func(pointer string) Position { return lookupPos(pos, pointer, false) }, nil
}

// ParseValue reads any JSON text strictly (RFC 8259) into a Value that
// keeps member order and number text. Syntax errors, duplicate keys,
// invalid UTF-8 and lone surrogates are reported as an *Error.
func ParseValue(data []byte) (Value, error) {
	v, _, diags := readJSON(data, false)
	if len(diags) > 0 {
		return Value{}, newError(diags)
	}
	return v, nil
}

// ParseValueDocument is ParseValue that also keeps the source and the
// position of every value (Document.Position; Machine is nil), for JSON
// that is not itself a state machine, such as a CloudFormation template.
func ParseValueDocument(data []byte) (*Document, error) {
	v, pos, diags := readJSON(data, true)
	if len(diags) > 0 {
		return nil, newError(diags)
	}
	return &Document{Source: data, Value: v, pos: pos}, nil
}

// newError sorts diagnostics by source position (unknown positions last,
// otherwise in the order found) and wraps them in an *Error.
func newError(diags []Diagnostic) *Error {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Pos, diags[j].Pos
		if a.IsValid() != b.IsValid() {
			return a.IsValid()
		}
		return a.Offset < b.Offset
	})
	return &Error{Diagnostics: diags}
}

// maxDepth bounds the nesting of arrays and objects, so that hostile input
// cannot exhaust the stack.
const maxDepth = 1000

// reader is a strict JSON reader that records where every value starts.
type reader struct {
	data      []byte
	i         int
	line      int // current line, from 1
	lineStart int // offset of the current line's first byte
	depth     int
	record    bool // record positions (off inside a duplicate member)
	pos       map[string]nodePos
	diags     []Diagnostic
	failed    bool
}

// readJSON parses data as one JSON text. With positions it also returns a
// pointer → position table. The diagnostics hold at most one syntax error
// and every duplicate key met before it.
func readJSON(data []byte, positions bool) (Value, map[string]nodePos, []Diagnostic) {
	r := &reader{data: data, line: 1, record: positions}
	if positions {
		r.pos = make(map[string]nodePos, 64)
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		r.syntax(r.here(), "the text starts with a byte order mark (U+FEFF), which JSON does not allow: save the file as UTF-8 without BOM")
		return Value{}, nil, r.diags
	}
	r.ws()
	if r.i >= len(data) {
		r.syntax(r.here(), "the document is empty: expected a JSON value")
		return Value{}, nil, r.diags
	}
	v, ok := r.value("", Position{})
	if ok {
		r.ws()
		if r.i < len(data) {
			r.unexpected("after the end of the JSON value: a document holds exactly one value")
			ok = false
		}
	}
	if !ok {
		return Value{}, nil, r.diags
	}
	return v, r.pos, r.diags
}

func (r *reader) here() Position {
	return Position{Offset: r.i, Line: r.line, Column: r.i - r.lineStart + 1}
}

// syntax records a syntax error; the reader stops at the first one.
func (r *reader) syntax(p Position, msg string) {
	if r.failed {
		return
	}
	r.failed = true
	r.diags = append(r.diags, Diagnostic{
		Code:    CodeInvalidJSON,
		Message: msg,
		Pos:     p,
	})
}

// syntaxAt is syntax with the pointer of the value being read.
func (r *reader) syntaxAt(ptr string, p Position, msg string) {
	r.syntax(p, msg)
	r.diags[len(r.diags)-1].Pointer = ptr
}

// ws skips JSON whitespace and counts lines.
func (r *reader) ws() {
	for r.i < len(r.data) {
		switch r.data[r.i] {
		case ' ', '\t', '\r':
			r.i++
		case '\n':
			r.i++
			r.line++
			r.lineStart = r.i
		default:
			return
		}
	}
}

// describe names the character at offset i for a message.
func (r *reader) describe(i int) string {
	if i >= len(r.data) {
		return "end of input"
	}
	c := r.data[i]
	if c >= 0x20 && c < 0x7f {
		return fmt.Sprintf("'%c'", c)
	}
	if c < 0x80 {
		return fmt.Sprintf("character U+%04X", c)
	}
	ru, size := utf8.DecodeRune(r.data[i:])
	if ru == utf8.RuneError && size <= 1 {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02X", c)
	}
	return fmt.Sprintf("'%c' (U+%04X)", ru, ru)
}

// hint explains input that is valid in a JSON dialect (comments, single
// quotes, unquoted words) at offset i, or returns "".
func (r *reader) hint(i int) string {
	if i >= len(r.data) {
		return ""
	}
	switch c := r.data[i]; {
	case c == '/' && i+1 < len(r.data) && (r.data[i+1] == '/' || r.data[i+1] == '*'):
		return "comments are not allowed in JSON (this looks like JSONC or JSON5): remove the comment"
	case c == '#':
		return "comments are not allowed in JSON: remove the comment"
	case c == '\'':
		return "strings must use double quotes, not single quotes (this looks like JSON5): write \"...\""
	}
	return ""
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || (c >= '0' && c <= '9')
}

// word returns the identifier-like word at offset i.
func (r *reader) word(i int) string {
	j := i
	for j < len(r.data) && isIdentChar(r.data[j]) && j-i < 40 {
		j++
	}
	return string(r.data[i:j])
}

// unexpected reports the character at the current offset, with context
// ("after object member", ...) and a dialect hint where one applies.
func (r *reader) unexpected(context string) {
	if h := r.hint(r.i); h != "" {
		r.syntax(r.here(), h)
		return
	}
	r.syntax(r.here(), "unexpected "+r.describe(r.i)+" "+context)
}

// value reads one JSON value. ptr is its JSON pointer; keyPos is the
// position of the key that names it, if any.
func (r *reader) value(ptr string, keyPos Position) (Value, bool) {
	start := r.here()
	if r.record {
		r.pos[ptr] = nodePos{key: keyPos, val: start}
	}
	if r.i >= len(r.data) {
		r.syntaxAt(ptr, start, "unexpected end of input: expected a value")
		return Value{}, false
	}
	switch c := r.data[r.i]; {
	case c == '{':
		return r.object(ptr, start)
	case c == '[':
		return r.array(ptr, start)
	case c == '"':
		s, ok := r.str(ptr)
		return Value{Kind: String, Str: s}, ok
	case c == '-' || (c >= '0' && c <= '9'):
		return r.number(ptr)
	case c == '+' || c == '.':
		r.syntaxAt(ptr, start, fmt.Sprintf("a JSON number cannot start with '%c' (this looks like JSON5): write it as in 1, -1 or 0.5", c))
		return Value{}, false
	case isIdentStart(c):
		return r.literal(ptr)
	default:
		if h := r.hint(r.i); h != "" {
			r.syntaxAt(ptr, start, h)
		} else {
			r.syntaxAt(ptr, start, "unexpected "+r.describe(r.i)+": expected a value (object, array, string, number, true, false or null)")
		}
		return Value{}, false
	}
}

// literal reads true, false or null, and explains other bare words.
func (r *reader) literal(ptr string) (Value, bool) {
	start := r.here()
	w := r.word(r.i)
	switch w {
	case "true":
		r.i += 4
		return Value{Kind: Bool, Bool: true}, true
	case "false":
		r.i += 5
		return Value{Kind: Bool}, true
	case "null":
		r.i += 4
		return Value{Kind: Null}, true
	case "NaN", "Infinity":
		r.syntaxAt(ptr, start, w+" is not a JSON number (this looks like JSON5): use a finite number, or a string")
	case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
		fix := map[string]string{"True": "true", "TRUE": "true", "False": "false", "FALSE": "false", "Null": "null", "NULL": "null", "None": "null", "nil": "null"}[w]
		r.syntaxAt(ptr, start, fmt.Sprintf("%s is not a JSON literal: write %s", w, fix))
	default:
		r.syntaxAt(ptr, start, fmt.Sprintf("unquoted text %s is not a JSON value: strings must be in double quotes", w))
	}
	return Value{}, false
}

// enter and leave bound the nesting depth.
func (r *reader) enter(ptr string, start Position) bool {
	r.depth++
	if r.depth > maxDepth {
		r.syntaxAt(ptr, start, fmt.Sprintf("arrays and objects are nested more than %d deep", maxDepth))
		return false
	}
	return true
}

func (r *reader) object(ptr string, start Position) (Value, bool) {
	if !r.enter(ptr, start) {
		return Value{}, false
	}
	defer func() { r.depth-- }()
	r.i++ // '{'
	var members []Member
	var keyPos []Position
	var index map[string]int
	afterComma := -1
	for {
		r.ws()
		if r.i >= len(r.data) {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("unexpected end of input: the object opened at line %d, column %d is not closed", start.Line, start.Column))
			return Value{}, false
		}
		c := r.data[r.i]
		if c == '}' {
			if afterComma >= 0 {
				r.syntaxAt(ptr, r.commaPos(afterComma), "trailing comma before '}': JSON does not allow one (this looks like JSON5 or JSONC): remove the comma")
				return Value{}, false
			}
			r.i++
			return Value{Kind: Object, Members: members}, true
		}
		if c != '"' {
			switch {
			case r.hint(r.i) != "":
				r.syntaxAt(ptr, r.here(), r.hint(r.i))
			case isIdentStart(c):
				r.syntaxAt(ptr, r.here(), fmt.Sprintf("object keys must be double-quoted strings: write \"%s\" (unquoted keys are JSON5)", r.word(r.i)))
			case afterComma >= 0:
				r.syntaxAt(ptr, r.here(), "unexpected "+r.describe(r.i)+": expected a double-quoted key after ','")
			default:
				r.syntaxAt(ptr, r.here(), "unexpected "+r.describe(r.i)+": expected a double-quoted key or '}'")
			}
			return Value{}, false
		}
		kp := r.here()
		key, ok := r.str(ptr)
		if !ok {
			return Value{}, false
		}
		r.ws()
		if r.i >= len(r.data) || r.data[r.i] != ':' {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("expected ':' after object key %s, found %s", strconv.Quote(key), r.describe(r.i)))
			return Value{}, false
		}
		r.i++
		r.ws()
		child := ptr + "/" + PointerEscape(key)
		first := -1
		if index != nil {
			if j, dup := index[key]; dup {
				first = j
			}
		} else {
			for j, m := range members {
				if m.Key == key {
					first = j
					break
				}
			}
		}
		if first >= 0 {
			fp := keyPos[first]
			r.diags = append(r.diags, Diagnostic{
				Code:    CodeSchema,
				Pointer: child,
				Pos:     kp,
				Message: fmt.Sprintf("duplicate key %s: first at line %d, column %d, again at line %d, column %d; keys must be unique, so remove or rename one", strconv.Quote(key), fp.Line, fp.Column, kp.Line, kp.Column),
			})
			rec := r.record
			r.record = false
			_, ok = r.value(child, kp)
			r.record = rec
		} else {
			var v Value
			v, ok = r.value(child, kp)
			members = append(members, Member{Key: key, Value: v})
			keyPos = append(keyPos, kp)
			if index != nil {
				index[key] = len(members) - 1
			} else if len(members) > 16 {
				index = make(map[string]int, 2*len(members))
				for j, m := range members {
					index[m.Key] = j
				}
			}
		}
		if !ok {
			return Value{}, false
		}
		r.ws()
		if r.i >= len(r.data) {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("unexpected end of input: the object opened at line %d, column %d is not closed", start.Line, start.Column))
			return Value{}, false
		}
		switch r.data[r.i] {
		case ',':
			afterComma = r.i
			r.i++
		case '}':
			r.i++
			return Value{Kind: Object, Members: members}, true
		default:
			if h := r.hint(r.i); h != "" {
				r.syntaxAt(ptr, r.here(), h)
			} else {
				r.syntaxAt(ptr, r.here(), "expected ',' or '}' after object member")
			}
			return Value{}, false
		}
	}
}

// commaPos returns the position of the comma at offset off, which may be on
// an earlier line than the reader.
func (r *reader) commaPos(off int) Position {
	line, ls := r.line, r.lineStart
	for ls > off {
		// walk back over the lines between the comma and here
		j := ls - 1
		for j > 0 && r.data[j-1] != '\n' {
			j--
		}
		ls = j
		line--
	}
	return Position{Offset: off, Line: line, Column: off - ls + 1}
}

func (r *reader) array(ptr string, start Position) (Value, bool) {
	if !r.enter(ptr, start) {
		return Value{}, false
	}
	defer func() { r.depth-- }()
	r.i++ // '['
	var items []Value
	afterComma := -1
	for {
		r.ws()
		if r.i >= len(r.data) {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("unexpected end of input: the array opened at line %d, column %d is not closed", start.Line, start.Column))
			return Value{}, false
		}
		if r.data[r.i] == ']' {
			if afterComma >= 0 {
				r.syntaxAt(ptr, r.commaPos(afterComma), "trailing comma before ']': JSON does not allow one (this looks like JSON5 or JSONC): remove the comma")
				return Value{}, false
			}
			r.i++
			if items == nil {
				items = []Value{}
			}
			return Value{Kind: Array, Items: items}, true
		}
		v, ok := r.value(ptr+"/"+strconv.Itoa(len(items)), Position{})
		if !ok {
			return Value{}, false
		}
		items = append(items, v)
		r.ws()
		if r.i >= len(r.data) {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("unexpected end of input: the array opened at line %d, column %d is not closed", start.Line, start.Column))
			return Value{}, false
		}
		switch r.data[r.i] {
		case ',':
			afterComma = r.i
			r.i++
		case ']':
			r.i++
			return Value{Kind: Array, Items: items}, true
		default:
			if h := r.hint(r.i); h != "" {
				r.syntaxAt(ptr, r.here(), h)
			} else {
				r.syntaxAt(ptr, r.here(), "expected ',' or ']' after array element")
			}
			return Value{}, false
		}
	}
}

// str reads a double-quoted string at the current offset.
func (r *reader) str(ptr string) (string, bool) {
	open := r.here()
	r.i++
	start := r.i
	// Fast path: plain ASCII without escapes.
	for r.i < len(r.data) {
		c := r.data[r.i]
		if c == '"' {
			s := string(r.data[start:r.i])
			r.i++
			return s, true
		}
		if c == '\\' || c < 0x20 || c >= 0x80 {
			break
		}
		r.i++
	}
	var b strings.Builder
	b.Write(r.data[start:r.i])
	for {
		if r.i >= len(r.data) {
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("unexpected end of input: the string opened at line %d, column %d is not closed", open.Line, open.Column))
			return "", false
		}
		c := r.data[r.i]
		switch {
		case c == '"':
			r.i++
			return b.String(), true
		case c == '\\':
			if !r.escape(ptr, &b) {
				return "", false
			}
		case c < 0x20:
			name := controlNames[c]
			if name == "" {
				name = fmt.Sprintf(`\u%04x`, c)
			}
			r.syntaxAt(ptr, r.here(), fmt.Sprintf("control character U+%04X in a string: write it as %s", c, name))
			return "", false
		case c < 0x80:
			b.WriteByte(c)
			r.i++
		default:
			ru, size := utf8.DecodeRune(r.data[r.i:])
			if ru == utf8.RuneError && size <= 1 {
				r.syntaxAt(ptr, r.here(), fmt.Sprintf("invalid UTF-8 byte 0x%02X in a string: JSON text must be UTF-8", c))
				return "", false
			}
			b.Write(r.data[r.i : r.i+size])
			r.i += size
		}
	}
}

// simpleEscapes maps the character after a backslash to what it stands for.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

// controlNames are the short escapes of control characters.
var controlNames = map[byte]string{'\n': `\n`, '\t': `\t`, '\r': `\r`, '\b': `\b`, '\f': `\f`}

// escape reads one backslash escape.
func (r *reader) escape(ptr string, b *strings.Builder) bool {
	at := r.here()
	if r.i+1 >= len(r.data) {
		r.syntaxAt(ptr, at, "unexpected end of input in a string escape")
		return false
	}
	c := r.data[r.i+1]
	if s, ok := simpleEscapes[c]; ok {
		b.WriteByte(s)
		r.i += 2
		return true
	}
	if c != 'u' {
		r.syntaxAt(ptr, at, fmt.Sprintf(`invalid escape \%s in a string: JSON allows \" \\ \/ \b \f \n \r \t and \uXXXX; write a backslash as \\`, r.escapeText(r.i+1)))
		return false
	}
	u, ok := r.hex4(r.i + 2)
	if !ok {
		r.syntaxAt(ptr, at, `invalid \u escape in a string: \u must be followed by 4 hexadecimal digits`)
		return false
	}
	r.i += 6
	switch {
	case u >= 0xD800 && u < 0xDC00:
		if r.i+1 < len(r.data) && r.data[r.i] == '\\' && r.data[r.i+1] == 'u' {
			if lo, ok := r.hex4(r.i + 2); ok && lo >= 0xDC00 && lo < 0xE000 {
				b.WriteRune(0x10000 + (u-0xD800)<<10 + (lo - 0xDC00))
				r.i += 6
				return true
			}
		}
		r.syntaxAt(ptr, at, fmt.Sprintf(`lone surrogate \u%04X in a string: a high surrogate must be followed by a low one (\uDC00 to \uDFFF)`, u))
		return false
	case u >= 0xDC00 && u < 0xE000:
		r.syntaxAt(ptr, at, fmt.Sprintf(`lone surrogate \u%04X in a string: a low surrogate must follow a high one (\uD800 to \uDBFF)`, u))
		return false
	}
	b.WriteRune(rune(u))
	return true
}

// escapeText shows the character after a backslash.
func (r *reader) escapeText(i int) string {
	c := r.data[i]
	if c >= 0x20 && c < 0x7f {
		return string(c)
	}
	return strings.Trim(r.describe(i), "'")
}

func (r *reader) hex4(i int) (rune, bool) {
	if i+4 > len(r.data) {
		return 0, false
	}
	var u rune
	for _, c := range r.data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			u = u<<4 | rune(c-'0')
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			u = u<<4 | rune(c|0x20-'a'+10)
		default:
			return 0, false
		}
	}
	return u, true
}

func isJSONDigit(c byte) bool { return c >= '0' && c <= '9' }

// number reads a number and keeps its text.
func (r *reader) number(ptr string) (Value, bool) {
	start := r.i
	startPos := r.here()
	d := r.data
	i := r.i
	if d[i] == '-' {
		i++
		if i < len(d) && isIdentStart(d[i]) {
			if w := r.word(i); w == "Infinity" {
				r.syntaxAt(ptr, startPos, "-Infinity is not a JSON number (this looks like JSON5): use a finite number, or a string")
				return Value{}, false
			}
		}
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
		if i < len(d) && (d[i] == 'x' || d[i] == 'X') {
			r.syntaxAt(ptr, startPos, "hexadecimal numbers are not allowed in JSON (this looks like JSON5): write the number in decimal")
			return Value{}, false
		}
		if i < len(d) && isJSONDigit(d[i]) {
			r.syntaxAt(ptr, startPos, "a number must not have leading zeros: remove them (write 7, not 07)")
			return Value{}, false
		}
	case i < len(d) && isJSONDigit(d[i]):
		for i < len(d) && isJSONDigit(d[i]) {
			i++
		}
	default:
		r.i = i
		r.syntaxAt(ptr, r.here(), "expected a digit after '-'")
		return Value{}, false
	}
	if i < len(d) && d[i] == '.' {
		i++
		if i >= len(d) || !isJSONDigit(d[i]) {
			r.i = i
			r.syntaxAt(ptr, r.here(), "expected a digit after the decimal point (write 1.0 or 1, not 1.)")
			return Value{}, false
		}
		for i < len(d) && isJSONDigit(d[i]) {
			i++
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if i >= len(d) || !isJSONDigit(d[i]) {
			r.i = i
			r.syntaxAt(ptr, r.here(), "expected a digit in the exponent of a number")
			return Value{}, false
		}
		for i < len(d) && isJSONDigit(d[i]) {
			i++
		}
	}
	r.i = i
	return Value{Kind: Number, Num: string(d[start:i])}, true
}

// yamlKey matches a line of the form "Key: ..." or "- Key: ...".
var yamlKey = regexp.MustCompile(`(?m)^[ \t]*(- +)?[A-Za-z_][A-Za-z0-9_ .-]*:([ \t]|$)`)

// LooksLikeYAML reports whether text that failed to parse as JSON looks
// like a YAML document: ParseDocument then says so, with a hint for a
// program that reads ASL (convert it, or call ParseYAML). A tool can test
// it to give its own hint instead.
func LooksLikeYAML(data []byte) bool {
	t := strings.TrimLeft(string(data), " \t\r\n")
	if t == "" || t[0] == '{' || t[0] == '[' {
		return false
	}
	return strings.HasPrefix(t, "---") || strings.HasPrefix(t, "%YAML") || yamlKey.MatchString(t)
}
