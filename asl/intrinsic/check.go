package intrinsic

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goasl/goasl/asl/jsonpath"
	"github.com/goasl/goasl/internal/suggest"
)

// Check runs the static checks on a parsed call and its nested calls:
// known function names, argument counts and kinds, and the literal
// constraints ASL gives (see the package documentation). Every error is an
// *Error whose message is a sentence that says how to fix the problem; the
// errors come in source order, outer call first.
func Check(c *Call) []error {
	if c == nil {
		return nil
	}
	var ch checker
	if d, at := depth(c, 1); d > MaxNesting {
		ch.add(at.Offset, "Intrinsic functions are nested %d deep here, but the limit is %d; compute part of the value in an earlier state.", d, MaxNesting)
	}
	ch.call(c)
	return ch.errs
}

// depth returns the nesting depth of c (which is at level d) and the first
// call below the limit.
func depth(c *Call, d int) (int, *Call) {
	max, at := d, (*Call)(nil)
	if d == MaxNesting+1 {
		at = c
	}
	for _, a := range c.Args {
		if a.Kind != ArgCall || a.Call == nil {
			continue
		}
		sd, sat := depth(a.Call, d+1)
		if sd > max {
			max = sd
		}
		if at == nil {
			at = sat
		}
	}
	return max, at
}

type checker struct {
	errs []error
}

func (ch *checker) add(off int, format string, args ...any) {
	ch.errs = append(ch.errs, &Error{Offset: off, Msg: fmt.Sprintf(format, args...)})
}

func (ch *checker) call(c *Call) {
	for i, a := range c.Args {
		ch.wellFormed(c, i, a)
	}
	f, ok := Lookup(c.Name)
	if !ok {
		ch.unknown(c)
	} else {
		ch.count(c, f)
		for i := range c.Args {
			if f.MaxArgs >= 0 && i >= f.MaxArgs {
				break
			}
			ch.kind(c, f, i)
		}
		ch.literals(c, f)
	}
	for _, a := range c.Args {
		if a.Kind == ArgCall && a.Call != nil {
			ch.call(a.Call)
		}
	}
}

func (ch *checker) unknown(c *Call) {
	if s := closestFunction(c.Name); s != "" {
		ch.add(c.Offset, "%s is not an intrinsic function; did you mean %s?", c.Name, s)
		return
	}
	names := make([]string, len(Functions))
	for i, f := range Functions {
		names[i] = f.Name
	}
	ch.add(c.Offset, "%s is not an intrinsic function (ASL has no user-defined functions); use one of %s.", c.Name, strings.Join(names, ", "))
}

// closestFunction returns the known function closest to name, or "".
func closestFunction(name string) string {
	if _, ok := Lookup("States." + name); ok {
		return "States." + name
	}
	short := strings.ToLower(strings.TrimPrefix(name, "States."))
	best, bestDist := "", 0
	for _, f := range Functions {
		cand := strings.ToLower(strings.TrimPrefix(f.Name, "States."))
		d := suggest.Distance(short, cand)
		switch {
		case short == "":
		case strings.Contains(cand, short): // an abbreviation, such as Split
			d = min(d, 1)
		case strings.Contains(short, cand):
			d = min(d, 2)
		}
		if d <= len(short)/3+1 && (best == "" || d < bestDist) {
			best, bestDist = f.Name, d
		}
	}
	return best
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func paramNames(ps []Param) string {
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}

// count checks the number of arguments.
func (ch *checker) count(c *Call, f Function) {
	n := len(c.Args)
	if n >= f.MinArgs && (f.MaxArgs < 0 || n <= f.MaxArgs) {
		return
	}
	given := "none was given"
	switch {
	case n == 1:
		given = "1 was given"
	case n > 1:
		given = strconv.Itoa(n) + " were given"
	}
	var takes string
	switch {
	case f.MaxArgs == 0:
		ch.add(c.Offset, "%s takes no arguments, but %s; write %s().", f.Name, given, f.Name)
		return
	case f.MaxArgs < 0:
		takes = fmt.Sprintf("at least %s (%s, ...)", plural(f.MinArgs, "argument", "arguments"), paramNames(f.Params))
	case f.MinArgs == f.MaxArgs:
		takes = fmt.Sprintf("%s (%s)", plural(f.MinArgs, "argument", "arguments"), paramNames(f.Params))
	default:
		takes = fmt.Sprintf("%d or %d arguments (%s, optional %s)", f.MinArgs, f.MaxArgs,
			paramNames(f.Params[:f.MinArgs]), paramNames(f.Params[f.MinArgs:]))
	}
	if n < f.MinArgs {
		missing := paramNames(f.Params[n:f.MinArgs])
		ch.add(c.Offset, "%s takes %s, but %s; add the %s.", f.Name, takes, given, missing)
		return
	}
	extra := c.Args[f.MaxArgs]
	ch.add(extra.Offset, "%s takes %s, but %s; remove the last %s.", f.Name, takes, given,
		plural(n-f.MaxArgs, "argument", "arguments"))
}

// argType returns the JSON type of an argument as far as it is known
// statically: the literal's type, the return type of a nested call, or
// "any" for a path.
func argType(a Arg) string {
	switch a.Kind {
	case ArgString:
		return "string"
	case ArgNumber:
		return "number"
	case ArgBool:
		return "boolean"
	case ArgNull:
		return "null"
	case ArgCall:
		if a.Call != nil {
			if f, ok := Lookup(a.Call.Name); ok {
				return f.Returns
			}
		}
	}
	return "any"
}

// accepts reports whether a parameter of type want accepts a value of type
// got ("any" when unknown).
func accepts(want, got string) bool {
	if want == "any" || got == "any" {
		return true
	}
	switch want {
	case "scalar":
		return got != "array" && got != "object"
	case "integer", "number":
		return got == "integer" || got == "number"
	}
	return want == got
}

var wantPhrase = map[string]string{
	"string": "a string", "number": "a number", "integer": "an integer", "boolean": "a boolean",
	"array": "an array", "object": "an object", "scalar": "a string, number, boolean or null", "path": "a path",
}

var fixPhrase = map[string]string{
	"string":  "pass a 'quoted string' or a path to a string",
	"number":  "pass a number or a path to a number",
	"integer": "pass an integer or a path to one",
	"boolean": "pass true or false, or a path to a boolean",
	"array":   "pass a path to an array, such as $.items, or a function that returns one",
	"object":  "pass a path to an object, such as $.data, or a function that returns one",
	"scalar":  "turn it into a string first with States.JsonToString",
}

// describe renders an argument for a message.
func describe(a Arg) string {
	switch a.Kind {
	case ArgString:
		s := a.Str
		if utf8.RuneCountInString(s) > 30 {
			s = string([]rune(s)[:30]) + "..."
		}
		return "the string '" + s + "'"
	case ArgNumber:
		return "the number " + a.Num
	case ArgBool:
		return "the literal " + strconv.FormatBool(a.Bool)
	case ArgNull:
		return "null"
	case ArgCall:
		if a.Call != nil {
			return "a call of " + a.Call.Name + ", which returns " + wantPhrase[argType(a)]
		}
	}
	return "a path"
}

// kind checks the type of argument i against its parameter.
func (ch *checker) kind(c *Call, f Function, i int) {
	a := c.Args[i]
	p := f.param(i)
	if p.Type == "path" {
		if a.Kind == ArgPath || a.Kind == ArgCall {
			return
		}
		ch.add(a.Offset, "%s serializes the value at a path, but its argument is %s; pass a path such as $.order.", f.Name, describe(a))
		return
	}
	got := argType(a)
	if accepts(p.Type, got) {
		return
	}
	ch.add(a.Offset, "Argument %d (%s) of %s must be %s, but it is %s; %s.", i+1, p.Name, f.Name, wantPhrase[p.Type], describe(a), fixPhrase[p.Type])
}

// number returns the value of a number literal argument (AWS rounds
// numbers where it wants integers), and whether a is one.
func number(a Arg) (float64, bool) {
	if a.Kind != ArgNumber {
		return 0, false
	}
	v, err := strconv.ParseFloat(a.Num, 64)
	if err != nil && !math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// countPlaceholders counts the {} placeholders in the raw text of a
// template, skipping escapes.
func countPlaceholders(raw string) int {
	n := 0
	for i := 0; i < len(raw); i++ {
		switch {
		case raw[i] == '\\':
			i++
		case raw[i] == '{' && i+1 < len(raw) && raw[i+1] == '}':
			n++
			i++
		}
	}
	return n
}

// literals runs the checks on literal arguments of the individual
// functions.
func (ch *checker) literals(c *Call, f Function) {
	args := c.Args
	switch f.Name {
	case "States.Format":
		if len(args) == 0 || args[0].Kind != ArgString {
			return
		}
		n, v := countPlaceholders(rawOf(args[0])), len(args)-1
		if n != v {
			ch.add(args[0].Offset, "The template of States.Format has %s, but %s; pass one value per placeholder (write \\{ and \\} for literal braces).",
				plural(n, "{} placeholder", "{} placeholders"), followPhrase(v))
		}
	case "States.ArrayPartition":
		if len(args) < 2 {
			return
		}
		if v, ok := number(args[1]); ok && math.Round(v) < 1 {
			ch.add(args[1].Offset, "The chunk size of States.ArrayPartition must be greater than 0, but it is %s; pass a positive integer.", args[1].Num)
		}
	case "States.ArrayRange":
		if len(args) < 3 {
			return
		}
		step, stepOK := number(args[2])
		if stepOK && math.Round(step) == 0 {
			ch.add(args[2].Offset, "The step of States.ArrayRange cannot be %s; use a positive step to count up or a negative step to count down.", args[2].Num)
			return
		}
		start, ok1 := number(args[0])
		end, ok2 := number(args[1])
		if !ok1 || !ok2 || !stepOK {
			return
		}
		start, end, step = math.Round(start), math.Round(end), math.Round(step)
		items := math.Floor((end-start)/step) + 1
		if items > MaxRangeItems {
			count := "far more than 1000"
			if items < 1e15 {
				count = strconv.FormatFloat(items, 'f', 0, 64)
			}
			ch.add(c.Offset, "States.ArrayRange(%s, %s, %s) would produce %s items, but the limit is %d; narrow the range or take a larger step.",
				args[0].Num, args[1].Num, args[2].Num, count, MaxRangeItems)
		}
	case "States.Hash":
		if len(args) < 2 || args[1].Kind != ArgString {
			return
		}
		alg := args[1].Str
		for _, h := range HashAlgorithms {
			if alg == h {
				return
			}
		}
		norm := func(s string) string {
			return strings.ToUpper(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
		}
		for _, h := range HashAlgorithms {
			if norm(alg) == norm(h) {
				ch.add(args[1].Offset, "'%s' is not a hash algorithm States.Hash supports; did you mean '%s'? The algorithms are MD5, SHA-1, SHA-256, SHA-384 and SHA-512.", alg, h)
				return
			}
		}
		ch.add(args[1].Offset, "'%s' is not a hash algorithm States.Hash supports; use one of MD5, SHA-1, SHA-256, SHA-384 and SHA-512.", alg)
	case "States.JsonMerge":
		if len(args) < 3 || args[2].Kind != ArgBool || !args[2].Bool {
			return
		}
		ch.add(args[2].Offset, "States.JsonMerge supports only a shallow merge on AWS; pass false as the third argument.")
	case "States.MathAdd":
		for i, a := range args {
			if i >= 2 {
				break
			}
			if v, ok := number(a); ok && (math.Round(v) < math.MinInt32 || math.Round(v) > math.MaxInt32) {
				ch.add(a.Offset, "Argument %d of States.MathAdd is %s, outside the range AWS accepts (-2147483648 to 2147483647); use a number in that range.", i+1, a.Num)
			}
		}
	}
}

func followPhrase(v int) string {
	switch v {
	case 0:
		return "no value follows it"
	case 1:
		return "1 value follows it"
	}
	return strconv.Itoa(v) + " values follow it"
}

// CheckReturnsString checks that a call may stand in a Fail state's
// ErrorPath or CausePath, which take only functions that return a string
// (see ReturnsString).
func CheckReturnsString(c *Call) error {
	if c == nil || ReturnsString(c.Name) {
		return nil
	}
	if _, ok := Lookup(c.Name); !ok {
		return nil // Check reports unknown names.
	}
	return &Error{Offset: c.Offset, Msg: fmt.Sprintf(
		"%s does not return a string, so it cannot be used in ErrorPath or CausePath; wrap it in States.JsonToString or States.Format, or use one of States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, States.Base64Decode, States.Hash and States.UUID.", c.Name)}
}

// Warnings reports what AWS accepts but may not do what the author meant:
// a non-integer number where AWS rounds to an integer, a literal input of
// Base64Encode, Base64Decode or Hash over 10,000 characters (AWS fails at
// run time), and a path argument whose dot field names are not
// member-name-shorthand (AWS asks for bracket notation in intrinsic
// arguments, checklist 4.12). Every warning is an *Error.
func Warnings(c *Call) []error {
	var ch checker
	ch.warn(c)
	return ch.errs
}

func (ch *checker) warn(c *Call) {
	if c == nil {
		return
	}
	f, known := Lookup(c.Name)
	for i, a := range c.Args {
		switch a.Kind {
		case ArgNumber:
			if !known || (f.MaxArgs >= 0 && i >= f.MaxArgs) || f.param(i).Type != "integer" {
				break
			}
			if v, ok := number(a); ok && v != math.Trunc(v) && !math.IsInf(v, 0) {
				ch.add(a.Offset, "Argument %d (%s) of %s is %s, which AWS rounds to an integer; write %s.", i+1, f.param(i).Name, f.Name, a.Num, strconv.FormatFloat(math.Round(v), 'f', 0, 64))
			}
		case ArgString:
			if i != 0 {
				break
			}
			if c.Name == "States.Base64Encode" || c.Name == "States.Base64Decode" || c.Name == "States.Hash" {
				if n := utf8.RuneCountInString(a.Str); n > MaxInputChars {
					ch.add(a.Offset, "The input of %s has %d characters; AWS fails at run time above %d.", c.Name, n, MaxInputChars)
				}
			}
			if c.Name == "States.StringToJson" && !json.Valid([]byte(a.Str)) {
				ch.add(a.Offset, "The text passed to States.StringToJson is not valid JSON, so the call fails at run time; fix the literal or use the value directly.")
			}
			if c.Name == "States.Base64Decode" {
				if _, err := base64.StdEncoding.DecodeString(a.Str); err != nil {
					ch.add(a.Offset, "The text passed to States.Base64Decode is not valid base64 (%v), so the call fails at run time; fix the literal.", err)
				}
			}
		case ArgPath:
			ch.warnPath(a)
		case ArgCall:
			ch.warn(a.Call)
		}
	}
}

func (ch *checker) warnPath(a Arg) {
	if a.Path == nil {
		return
	}
	for _, st := range a.Path.Steps {
		if st.Sub != nil || (st.Kind != jsonpath.StepField && st.Kind != jsonpath.StepRecursive) {
			continue
		}
		if strings.HasPrefix(st.Text, ".[") || strings.HasPrefix(st.Text, "..[") || strings.HasPrefix(st.Text, "[") {
			continue
		}
		if !jsonpath.IsShorthand(st.Name) {
			ch.add(a.Offset+st.Offset, "The field name %q in the path %s needs bracket notation inside an intrinsic function; write %s.", st.Name, a.PathText, a.Path.String())
			return
		}
	}
}

// wellFormed checks what Parse guarantees but a call built in code may
// lack: a known kind, a JSON number, a string that can be written back, a
// parsed path and a nested call.
func (ch *checker) wellFormed(c *Call, i int, a Arg) {
	switch a.Kind {
	case ArgString:
		if a.Raw == "" {
			return
		}
		if p, err := Parse("States.X('" + a.Raw + "')"); err != nil || len(p.Args) != 1 || p.Args[0].Raw != a.Raw {
			ch.add(a.Offset, "Argument %d of %s has the raw string text %q, which is not a valid intrinsic string; escape ', {, } and \\ with a backslash, or set Str instead of Raw.", i+1, c.Name, a.Raw)
		}
	case ArgNumber:
		if err := validNumber(a.Num); err != "" {
			ch.add(a.Offset, "Argument %d of %s is %q, which is not a JSON number; write a number such as 2 or -0.5.", i+1, c.Name, a.Num)
		}
	case ArgPath:
		if a.Path == nil {
			if _, err := jsonpath.Parse(a.PathText); err != nil {
				ch.add(a.Offset, "Argument %d of %s is the path %q, which is not valid: %v.", i+1, c.Name, a.PathText, err)
			}
		}
	case ArgCall:
		if a.Call == nil {
			ch.add(a.Offset, "Argument %d of %s is a nested call with no function; set Call.", i+1, c.Name)
		}
	case ArgBool, ArgNull:
	default:
		ch.add(a.Offset, "Argument %d of %s has no kind; set Kind.", i+1, c.Name)
	}
}

// validNumber reports what is wrong with a JSON number literal, or "".
func validNumber(s string) string {
	p := &parser{s: "States.X(" + s + ")", pos: len("States.X(")}
	if s == "" || (s[0] != '-' && (s[0] < '0' || s[0] > '9')) {
		return "not a number"
	}
	a, err := p.number()
	if err != nil {
		return err.Error()
	}
	if a.Num != s {
		return "not a number"
	}
	return ""
}
