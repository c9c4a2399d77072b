package jsonpath

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// validPaths are parsed and dumped to testdata/valid.golden.
var validPaths = []string{
	`$`,
	`$$`,
	`$x`,
	`$constant_obj.in_obj_constant_lst`,
	`$Ж中`,
	`$.a`,
	`$.a.b.c`,
	`$$.Execution.Id`,
	`$$.Map.Item.Value`,
	`$x.y[0].z`,
	`$.a[0]`,
	`$.a[-1]`,
	`$[0][1]`,
	`$.a[ 2 ]`,
	`$['a']`,
	`$["a"]`,
	`$['a']['b']`,
	`$['first name']`,
	`$['']`,
	`$['it\'s']`,
	`$["it's"]`,
	`$['Test\""Name"']`,
	`$['a.b[c]']`,
	`$.detail-type`,
	`$.detail.case-id`,
	`$.a:b`,
	`$.${DynamoDBTable_Attribute1}`,
	`$.&Ж中`,
	`$.0`,
	`$.a*`,
	`$.store\.book`,
	`$.\stor\e.boo\k`,
	`$.foo\@bar.baz\[\[.\?pretty`,
	`$.a\ b`,
	`$.[0]`,
	`$.Snapshots.[0].State`,
	`$.a.['b']`,
	`$.*`,
	`$[*]`,
	`$.a.*.b`,
	`$[*][*]`,
	`$.[*].['bucket', 'key']`,
	`$.a['b','c']`,
	`$.a["b", 'c'].d`,
	`$[0,1]`,
	`$[0, -1 ,2]`,
	`$.a[1:]`,
	`$.a[:2]`,
	`$.a[1:2]`,
	`$.a[-2:]`,
	`$.a[:]`,
	`$.a[?(@.price < 10)]`,
	`$.a[?(@.b == 'x)]')].c`,
	`$.a[?(@.b in ['x', 'y'])]`,
	`$.a[?((@.b > 1) && (@.c < 2))]`,
	`$.[?(@.OU > 0)]`,
	`$.approaches[?(@.workerId == $.agent_id)].approach`,
	`$[?(@.TargetLanguageCode==es)].TranslatedText`,
	`$..a`,
	`$..a.b`,
	`$..*`,
	`$..[*]`,
	`$..[0]`,
	`$..['a']`,
	`$..['a-b']`,
	`$..['a','b']`,
	`$..[?(@.x)]`,
	`$.a..b`,
}

func dump(p *Path) string {
	var b strings.Builder
	fields, ok := p.Fields()
	fmt.Fprintf(&b, "  canonical %s\n  root %s", p, p.Root)
	if p.Root == RootVariable {
		fmt.Fprintf(&b, " %q", p.Variable)
	}
	fmt.Fprintf(&b, "\n  reference %v, definite %v, fields %q %v\n", p.IsReference(), p.IsDefinite(), fields, ok)
	for _, s := range p.Steps {
		fmt.Fprintf(&b, "  %d %q %s%s\n", s.Offset, s.Text, s.Kind, stepDetail(s))
	}
	return b.String()
}

func stepDetail(s Step) string {
	switch s.Kind {
	case StepField:
		return fmt.Sprintf(" %q", s.Name)
	case StepIndex:
		return fmt.Sprintf(" %d", s.Index)
	case StepSlice:
		st, en := "-", "-"
		if s.HasStart {
			st = fmt.Sprint(s.Start)
		}
		if s.HasEnd {
			en = fmt.Sprint(s.End)
		}
		return " start " + st + " end " + en
	case StepFilter:
		return fmt.Sprintf(" %q", s.Filter)
	case StepUnion:
		if s.Names != nil {
			return fmt.Sprintf(" names %q", s.Names)
		}
		return fmt.Sprintf(" indices %v", s.Indices)
	case StepRecursive:
		if s.Sub == nil {
			return fmt.Sprintf(" %q", s.Name)
		}
		return " of " + s.Sub.Kind.String() + stepDetail(*s.Sub)
	}
	return ""
}

func TestParseValid(t *testing.T) {
	var b strings.Builder
	for _, in := range validPaths {
		p, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q): %v", in, err)
			continue
		}
		fmt.Fprintf(&b, "%s\n%s", in, dump(p))
		again, err := Parse(p.String())
		if err != nil {
			t.Errorf("Parse(%q) of the canonical form of %q: %v", p.String(), in, err)
		} else if !again.Equal(p) {
			t.Errorf("canonical form %q of %q parses to a different path:\n%s\nwant\n%s", p.String(), in, dump(again), dump(p))
		}
	}
	golden.Check(t, "testdata/valid.golden", []byte(b.String()))
}

func TestParseInvalid(t *testing.T) {
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{``, 0, `a path must start with "$", but it is empty`},
		{`a.b`, 0, `a path must start with "$", not "a"`},
		{`   `, 0, `a path must start with "$", but it has only spaces`},
		{` a.b`, 1, `a path must start with "$", not "a"`},
		{"\t$.a", 0, `a path must start with "$", not "\t"`},
		{`$.`, 2, `expected a field name, "*" or "[" after "."`},
		{`$..`, 3, `expected a field name, "*" or "[" after ".."`},
		{`$.a..`, 5, `expected a field name, "*" or "[" after ".."`},
		{`$...a`, 3, `expected a field name, "*" or "[" after "..", not a third "."`},
		{`$.a b`, 3, `a field name after "." cannot contain whitespace: use bracket notation, such as ['first name']`},
		{"$.a\t", 3, `a field name after "." cannot contain whitespace: use bracket notation, such as ['first name']`},
		{` $.a b `, 4, `a field name after "." cannot contain whitespace: use bracket notation, such as ['first name']`},
		{`  $x-`, 4, `unexpected "-" after the variable name "x": a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`},
		{` $1`, 2, `unexpected "1" after "$": expected ".", "[", a variable name (starting with a letter) or the end of the path`},
		{"$.a\x01", 3, `a field name after "." cannot contain the control character "\x01": use bracket notation`},
		{`$.a]`, 3, `unexpected "]" in the field name "a": a name with "]" in it needs bracket notation, such as ['a]b']`},
		{`$.a'b`, 3, `unexpected "'" in the field name "a": a name with "'" in it needs bracket notation, such as ["a'b"]`},
		{`$.a,b`, 3, `unexpected "," in the field name "a": a name with "," in it needs bracket notation, such as ['a,b']`},
		{`$.'a'`, 2, `unexpected "'" after ".": expected a field name, "*" or "["`},
		{`$.a\`, 3, `a "\" at the end of the path escapes nothing: write "\\" for a backslash in a field name`},
		{`$.length()`, 8, `functions such as length() are not supported in ASL paths (a field name with "(" in it needs bracket notation)`},
		{`$.a.length()`, 10, `functions such as length() are not supported in ASL paths (a field name with "(" in it needs bracket notation)`},
		{`$.*a`, 3, `unexpected "a" after "*": expected ".", "[" or the end of the path (a field name with "*" in it needs bracket notation, such as ['a*'])`},
		{`$..*a`, 4, `unexpected "a" after "*": expected ".", "[" or the end of the path (a field name with "*" in it needs bracket notation, such as ['a*'])`},
		{`$1`, 1, `unexpected "1" after "$": expected ".", "[", a variable name (starting with a letter) or the end of the path`},
		{`$_x`, 1, `unexpected "_" after "$": expected ".", "[", a variable name (starting with a letter) or the end of the path`},
		{`$-`, 1, `unexpected "-" after "$": expected ".", "[", a variable name (starting with a letter) or the end of the path`},
		{`$top-level`, 4, `unexpected "-" after the variable name "top": a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`},
		{`$x y`, 2, `unexpected " " after the variable name "x": a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`},
		{`$` + strings.Repeat("v", 81), 1, `the variable name has 81 characters; the limit is 80`},
		{`$$x`, 2, `unexpected "x" after "$$": expected ".", "[" or the end of the path`},
		{`$$$`, 2, `unexpected "$" after "$$": expected ".", "[" or the end of the path`},
		{`$a]`, 2, `unexpected "]" after the variable name "a": a variable name contains only letters, digits and "_", and is followed by ".", "[" or the end of the path`},
		{`$[0]]`, 4, `unexpected "]": expected ".", "[" or the end of the path`},
		{`$[0]a`, 4, `unexpected "a": expected ".", "[" or the end of the path`},
		{`$[`, 2, `expected an index, a quoted name, "*", a slice or a filter after "["`},
		{`$[]`, 2, `empty brackets: expected an index, a quoted name, "*", a slice or a filter between "[" and "]"`},
		{`$[abc]`, 2, `a field name in brackets must be quoted: write ['abc']`},
		{`$[abc`, 2, `a field name in brackets must be quoted, as in ['name']`},
		{`$[#]`, 2, `unexpected "#" after "[": expected an index, a quoted name, "*", a slice or a filter`},
		{`$[*`, 3, `missing "]" to close the "[" at offset 1`},
		{`$[*x]`, 3, `unexpected "x": expected "]" to close the "[" at offset 1`},
		{`$[0`, 3, `missing "]" to close the "[" at offset 1`},
		{`$[0x]`, 3, `unexpected "x" after an index: expected "]", "," or ":"`},
		{`$[-]`, 3, `expected a digit after "-", not "]"`},
		{`$[1.5]`, 3, `unexpected "." after an index: expected "]", "," or ":"`},
		{`$[99999999999]`, 2, `the index 99999999999 is out of range: indices must lie between -2147483648 and 2147483647`},
		{`$[0,]`, 4, `expected an index after "," in a union of indices, not "]"`},
		{`$[0,'a']`, 4, `expected an index after "," in a union of indices, not "'"`},
		{`$[1:2:3]`, 5, `a slice has the form [start:end]; a step ([start:end:step]) is not supported`},
		{`$[1:2:0:1]`, 5, `a slice has the form [start:end]; a step ([start:end:step]) is not supported`},
		{`$[1:x]`, 4, `unexpected "x": expected "]" to close the "[" at offset 1`},
		{`$['a`, 2, `unterminated quoted name: add the closing ' and "]"`},
		{`$["a]`, 2, `unterminated quoted name: add the closing " and "]"`},
		{`$['a\']`, 2, `unterminated quoted name: add the closing ' and "]"`},
		{`$['a'`, 5, `missing "]" to close the "[" at offset 1`},
		{`$['a' 'b']`, 6, `unexpected "'" after a quoted name: expected "," or "]"`},
		{`$['a',]`, 6, `expected a quoted name after "," in a union of names, not "]"`},
		{`$['a',0]`, 6, `expected a quoted name after "," in a union of names, not "0"`},
		{`$[?]`, 3, `expected "(" after "[?": a filter is written [?(expression)]`},
		{`$[?()]`, 4, `empty filter: write a condition between "[?(" and ")]", such as [?(@.price < 10)]`},
		{`$[?(@.a]`, 7, `unexpected "]" in the filter: expected ")" to close the "?(" at offset 2`},
		{`$.a[?(@.b == 'x']`, 16, `unexpected "]" in the filter: expected ")" to close the "?(" at offset 4`},
		{`$[?(@.a`, 7, `unterminated filter: expected ")]" to close the "[?(" at offset 1`},
		{`$[?(@.a == 'x)]`, 11, `unterminated string in the filter: add the closing '`},
		{`$[?(@.a[0)]`, 9, `unexpected ')' in the filter: expected ']'`},
		{`$[?(@.a)`, 8, `missing "]" to close the "[" at offset 1`},
		{`$[?(@.a) x]`, 9, `unexpected "x": expected "]" to close the "[" at offset 1`},
		{"$.a\xff", 3, `the path is not valid UTF-8`},
	}
	for _, tt := range tests {
		p, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.in, p)
			continue
		}
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Parse(%q): error %T, want *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset || e.Msg != tt.msg || e.Error() != tt.msg {
			t.Errorf("Parse(%q):\n got offset %d: %s\nwant offset %d: %s", tt.in, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
}

func TestParseReference(t *testing.T) {
	for _, in := range []string{`$`, `$.a[0].b`, `$['a b'][-1]`, `$$.Execution.Input`, `$x.y`} {
		if _, err := ParseReference(in); err != nil {
			t.Errorf("ParseReference(%q): %v", in, err)
		}
	}
	tests := []struct {
		in     string
		offset int
		msg    string
	}{
		{`$.a[*]`, 3, `the wildcard "[*]" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$.a.*`, 3, `the wildcard ".*" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$..a`, 1, `the recursive descent "..a" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$.a[1:2]`, 3, `a slice "[1:2]" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$.a[?(@.b)]`, 3, `a filter "[?(@.b)]" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$['a','b']`, 1, `a union "['a','b']" is not allowed in a reference path, which must select exactly one node: use only field names and array indices`},
		{`$.`, 2, `expected a field name, "*" or "[" after "."`},
	}
	for _, tt := range tests {
		_, err := ParseReference(tt.in)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("ParseReference(%q): error %v, want *Error", tt.in, err)
			continue
		}
		if e.Offset != tt.offset || e.Msg != tt.msg {
			t.Errorf("ParseReference(%q):\n got offset %d: %s\nwant offset %d: %s", tt.in, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
}

func TestCheckVariableName(t *testing.T) {
	for _, name := range []string{"x", "total", "a_b", "x1", "Ж中", "constant_obj", strings.Repeat("v", 80)} {
		if err := CheckVariableName(name); err != nil {
			t.Errorf("CheckVariableName(%q): %v", name, err)
		}
	}
	tests := []struct {
		name   string
		offset int
		msg    string
	}{
		{"", 0, "a variable name cannot be empty"},
		{"top-level", 3, `the variable name "top-level" cannot contain "-": use only letters, digits and "_"`},
		{"1x", 0, `the variable name "1x" must start with a letter, not "1"`},
		{"_x", 0, `the variable name "_x" must start with a letter, not "_"`},
		{"a.b", 1, `the variable name "a.b" cannot contain ".": use only letters, digits and "_"`},
		{"x[2]", 1, `the variable name "x[2]" cannot contain "[": use only letters, digits and "_"`},
		{strings.Repeat("v", 81), 0, `the variable name "` + strings.Repeat("v", 81) + `" has 81 characters; the limit is 80`},
		{"states", 0, `"states" is reserved and cannot be used as a variable name`},
		{"a\xff", 0, "the variable name is not valid UTF-8"},
	}
	for _, tt := range tests {
		err := CheckVariableName(tt.name)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("CheckVariableName(%q): error %v, want *Error", tt.name, err)
			continue
		}
		if e.Offset != tt.offset || e.Msg != tt.msg {
			t.Errorf("CheckVariableName(%q):\n got offset %d: %s\nwant offset %d: %s", tt.name, e.Offset, e.Msg, tt.offset, tt.msg)
		}
	}
}

func TestIsShorthand(t *testing.T) {
	for name, want := range map[string]bool{
		"a": true, "_a": true, "a1": true, "Ж中": true, "": false, "1a": false, "a-b": false, "a b": false, "a\u00a0": false,
	} {
		if got := IsShorthand(name); got != want {
			t.Errorf("IsShorthand(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestStringOfBuiltPaths checks String on paths built in code, including
// names that need escaping in a dot name because no quoting keeps them.
func TestStringOfBuiltPaths(t *testing.T) {
	tests := []struct {
		p    *Path
		want string
	}{
		{&Path{Root: RootInput, Steps: []Step{{Kind: StepField, Name: `a'b"c`}}}, `$.a\'b\"c`},
		{&Path{Root: RootInput, Steps: []Step{{Kind: StepField, Name: `a\`}}}, `$.a\\`},
		{&Path{Root: RootInput, Steps: []Step{{Kind: StepRecursive, Name: `x y'"`}}}, `$..x\ y\'\"`},
		{&Path{Root: RootVariable, Variable: "v", Steps: []Step{{Kind: StepRecursive, Sub: &Step{Kind: StepField, Name: "a"}}}}, `$v..a`},
		{&Path{Root: RootContext, Steps: []Step{{Kind: StepSlice, HasEnd: true, End: -1}}}, `$$[:-1]`},
	}
	for _, tt := range tests {
		got := tt.p.String()
		if got != tt.want {
			t.Errorf("String() = %s, want %s", got, tt.want)
			continue
		}
		back, err := Parse(got)
		if err != nil {
			t.Errorf("Parse(%s): %v", got, err)
			continue
		}
		if tt.p.Steps[0].Sub == nil && !back.Equal(tt.p) {
			t.Errorf("Parse(%s) = %s, not the path it came from", got, dump(back))
		}
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{`$.detail.order.id`, `$$.Execution.Input.items[0].sku`, `$.a[?(@.price < 10)].b`} {
		b.Run(in, func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestParseTrimsSpaces: AWS evaluates paths with Jayway, which trims
// spaces around the whole path, and AWS's own samples deploy paths such as
// "$$.Execution.Name " (issue 11). The path is the trimmed one; offsets
// still point into the text as written.
func TestParseTrimsSpaces(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"$.BucketLocationInfo.LocationConstraint ", "$.BucketLocationInfo.LocationConstraint"},
		{"$$.Execution.Name ", "$$.Execution.Name"},
		{"  $.a[0]  ", "$.a[0]"},
		{" $ ", "$"},
		{" $$ ", "$$"},
		{" $var.x", "$var.x"},
		{"$['a b'] ", "$['a b']"},
	} {
		p, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		want, err := Parse(tc.want)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Equal(want) {
			t.Errorf("Parse(%q) = %s, want the path of %q", tc.in, p, tc.want)
		}
	}
	p, err := Parse("  $.a.b ")
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{p.Steps[0].Offset, p.Steps[1].Offset}; got[0] != 3 || got[1] != 5 {
		t.Errorf("step offsets of %q = %v, want [3 5] (offsets into the text as written)", "  $.a.b ", got)
	}
}
