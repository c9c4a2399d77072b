package jsonata

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

func TestProbes(t *testing.T) {
	probes := readProbes(t)
	var ok, bad int
	for _, p := range probes {
		_, err := Parse(p.expr)
		if p.ok {
			ok++
		} else {
			bad++
		}
		if p.ok && err != nil {
			t.Errorf("testdata/probes.txt:%d: Parse(%q) = %v, want success", p.line, p.expr, err)
		}
		if !p.ok && err == nil {
			t.Errorf("testdata/probes.txt:%d: Parse(%q) succeeded, want an error", p.line, p.expr)
		}
	}
	if ok < 100 || bad < 100 {
		t.Errorf("probes: %d valid and %d invalid, want at least 100 of each", ok, bad)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		expr string
		pos  int
		msg  string
	}{
		{"", 0, "unexpected end of the expression"},
		{"   ", 3, "unexpected end of the expression"},
		{"1 +", 3, "unexpected end of the expression"},
		{"$sum(", 5, "unexpected end of the expression"},
		{"[1, 2", 5, `expected "]" before the end of the expression`},
		{"{'a': }", 6, `unexpected "}": it cannot start an operand`},
		{"{'a' 1}", 5, `expected ":", got number 1`},
		{"'unterminated", 0, "string not terminated: missing '"},
		{`"bad \q escape"`, 5, `invalid escape sequence "\\q" in string`},
		{`"\u12G4"`, 1, `invalid escape: \u must be followed by four hex digits`},
		{`"\u12`, 0, `string not terminated: missing "`},
		{"`open", 0, "quoted name not terminated: missing `"},
		{"/* open", 0, "comment not terminated: missing */"},
		{"1 /* open", 2, "comment not terminated: missing */"},
		{"1e400", 0, "number out of range: 1e400"},
		{"1e3 + .5", 6, `unexpected ".": it cannot start an operand`},
		{"$states.input..a", 13, `unexpected "..": a range is allowed only as an item of an array constructor, as in [1..5]`},
		{"$states.input[0..1]", 15, `expected "]", got "..": a range is allowed only as an item of an array constructor, as in [1..5]`},
		{"a b", 2, `unexpected name "b": expected an operator or the end of the expression`},
		{"$states.input.a)", 15, `unexpected ")": expected an operator or the end of the expression`},
		{"= =", 0, `unexpected "=": it cannot start an operand`},
		{"}", 0, `unexpected "}": it cannot start an operand`},
		{"$states.input.a ?? 'd'", 16, "the ?? operator needs JSONata 2.1; Step Functions runs JSONata 2.0.6: use a condition such as $exists(a) ? a : b"},
		{"$states.input.a ?: 'd'", 16, "the ?: operator needs JSONata 2.1; Step Functions runs JSONata 2.0.6: use a condition such as a ? a : b"},
		{"a ? : b", 4, `unexpected ":": it cannot start an operand`},
		{"!x", 0, `unknown operator "!"`},
		{"a ~ b", 2, `unknown operator "~"`},
		{"$states.input.1", 14, "a number, true, false or null cannot be a step in a path"},
		{"1.a", 0, "a number, true, false or null cannot be a step in a path"},
		{"$x.null", 3, "a number, true, false or null cannot be a step in a path"},
		{"%", 0, "the parent operator % has no enclosing step to refer to"},
		{"%.a", 0, "the parent operator % has no enclosing step to refer to"},
		{"a.%.%", 4, "the parent operator % has no enclosing step to refer to"},
		{"$x.%", 3, "the parent operator % must refer to a field name or * step, not to the expression at offset 0"},
		{"$states.input.a[0]@$x", 18, "a focus binding @$x must come before any predicate on its step"},
		{"$states.input.a^(x)@$y", 19, "a focus binding @$y must come before the sort (^) on its step"},
		{"$states.input.items{'a': 1}{'b': 2}", 27, "a step can have only one group-by"},
		{"($states.input.items){'a': 1}[0]", 29, "a predicate cannot follow a group-by on the same step"},
		{"a := 5", 0, "the left side of := must be a variable name (start with $)"},
		{"$a@x", 3, "the right side of @ must be a variable name (start with $)"},
		{"$a#($i)", 3, "the right side of # must be a variable name (start with $)"},
		{"function(x){ x }", 9, "parameter 1 of the function definition must be a variable name (start with $)"},
		{"function($x){ $x", 16, `expected "}" before the end of the expression`},
		{"function($x)<n???>{ $x }", 12, "invalid function signature <n???>: nothing to repeat"},
		{"function($x)<n<s>>{ $x }", 12, "invalid function signature <n<s>>: only a (array) and f (function) parameters can have a subtype"},
		{"function($x)<(a<n>)>{ $x }", 12, "invalid function signature <(a<n>)>: a choice of types cannot have a subtype"},
		{"function($x)<(s-n)>{ $x }", 12, "invalid function signature <(s-n)>: range out of order in character class"},
		{`function($x)<(\k)>{ $x }`, 12, `invalid function signature <(\k)>: goasl cannot read the choice of types (\k): write it as type letters only, such as (sn)`},
		{"//", 0, "empty regular expression"},
		{"/abc", 0, "regular expression not terminated: missing /"},
		{"/a/ii", 3, `invalid regular expression flags "ii"`},
		{"/a**/", 0, "invalid regular expression /a**/: nothing to repeat"},
		{"/[z-a]/", 0, "invalid regular expression /[z-a]/: range out of order in character class"},
		{"/([)]/", 0, "invalid regular expression /([)]/: unterminated group"},
		{"/a)(/", 0, "invalid regular expression /a)(/: unmatched ')'"},
		{"/(?<n>a)\\k<m>/", 0, "invalid regular expression /(?<n>a)\\k<m>/: invalid named capture referenced"},
		{"$states.input.a[] / 2", 18, `regular expression not terminated: missing / (JSONata 2.0.6 reads a "/" right after this "]" as the start of a regular expression; put the left operand of the division in parentheses)`},
		{"$f(1,)", 5, `unexpected ")": it cannot start an operand`},
		{"(;)", 1, `unexpected ";": it cannot start an operand`},
		{"$f(?x)", 4, `expected ")", got name "x"`},
		{"|a|b", 4, `expected "|" before the end of the expression`},
		{strings.Repeat("(", 2100) + strings.Repeat(")", 2100), 2000, "expression nested too deeply (more than 2000 levels)"},
	}
	for _, tt := range tests {
		n, err := Parse(tt.expr)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, %v; want *Error at %d: %s", tt.expr, n, err, tt.pos, tt.msg)
			continue
		}
		if e.Pos != tt.pos || e.Msg != tt.msg {
			t.Errorf("Parse(%q) error = %d: %s\nwant %d: %s", tt.expr, e.Pos, e.Msg, tt.pos, tt.msg)
		}
		if e.Error() != tt.msg {
			t.Errorf("Error() = %q, want %q", e.Error(), tt.msg)
		}
		if _, err := Analyze(tt.expr); err == nil || err.Error() != tt.msg {
			t.Errorf("Analyze(%q) error = %v, want %s", tt.expr, err, tt.msg)
		}
	}
}

func TestCorpus(t *testing.T) {
	exprs, occurrences := corpusExpressions(t)
	if len(exprs) < 100 {
		t.Fatalf("found %d distinct expressions (%d occurrences) in the corpus, want over 100: is the extraction broken?", len(exprs), occurrences)
	}
	for _, c := range exprs {
		if _, err := Parse(c.expr); err != nil {
			e := err.(*Error)
			t.Errorf("%s: Parse(%q): %d: %s", c.file, c.expr, e.Pos, e.Msg)
		}
		if _, err := Analyze(c.expr); err != nil {
			t.Errorf("%s: Analyze(%q): %v", c.file, c.expr, err)
		}
	}
	t.Logf("%d distinct expressions, %d occurrences", len(exprs), occurrences)
}

// TestAST dumps the trees of expressions covering every node kind, with
// positions.
func TestAST(t *testing.T) {
	exprs := []string{
		`$states.input.orders[price > 10].(price * qty)`,
		`"str" & 'say "hi"' & "\u00e9\n"`,
		`[1, -2.5e3, true, false, null, 1..3]`,
		`/ab+c/im`,
		"$states.input.`first name`.\"quoted\".'single'",
		`$.a.*.b.%`,
		`$.**.id`,
		`$$.Execution.Id`,
		`and.or.in`,
		`a + b - c * d / e % f & g`,
		`a = b and c != d or e < f and g <= h and i > j and k >= l and m in n`,
		`-x`,
		`a[0][]`,
		`{"k": v, 'k2': [w]}`,
		`items{category: $sum(price)}`,
		`($x := 1; $y := $x + 1; $y)`,
		`ok ? 'y' : 'n'`,
		`ok ? 'y'`,
		`$substring(s, 0, 2)`,
		`$substring(?, 0, ?)`,
		`function($x, $y)<n-n:n>{ $x + $y }`,
		`λ($v){ $v }`,
		`s ~> $uppercase ~> $trim()`,
		`items^(>price, <name, qty)`,
		`library.loans@$l.books#$i[$l.isbn = isbn]`,
		`$ ~> |items|{'done': true}, ['tmp']|`,
		`/* c */ a /* d */`,
	}
	var b strings.Builder
	for _, e := range exprs {
		n, err := Parse(e)
		if err != nil {
			t.Errorf("Parse(%q): %v", e, err)
			continue
		}
		fmt.Fprintf(&b, "%s\n", e)
		dump(&b, n, 1)
		b.WriteString("\n")
	}
	golden.Check(t, "testdata/ast.golden", []byte(b.String()))
}

func dump(b *strings.Builder, n Node, depth int) {
	ind := strings.Repeat("  ", depth)
	line := func(format string, args ...any) {
		fmt.Fprintf(b, "%s%s @%d\n", ind, fmt.Sprintf(format, args...), n.Pos())
	}
	kids := func(ns ...Node) {
		for _, k := range ns {
			if k != nil {
				dump(b, k, depth+1)
			}
		}
	}
	pairs := func(ps []Pair) {
		for _, p := range ps {
			fmt.Fprintf(b, "%s  pair\n", ind)
			dump(b, p.Key, depth+2)
			dump(b, p.Value, depth+2)
		}
	}
	switch n := n.(type) {
	case *StringLit:
		line("String %q", n.Value)
	case *NumberLit:
		line("Number %v (%s)", n.Value, n.Text)
	case *BoolLit:
		line("Bool %v", n.Value)
	case *NullLit:
		line("Null")
	case *Regex:
		line("Regex %q flags %q", n.Pattern, n.Flags)
	case *Name:
		q := ""
		if n.Quote != 0 {
			q = " quote " + strconv.QuoteRune(rune(n.Quote))
		}
		line("Name %q%s", n.Value, q)
	case *Variable:
		line("Variable %q", n.Name)
	case *Wildcard:
		line("Wildcard")
	case *Descendant:
		line("Descendant")
	case *Parent:
		line("Parent")
	case *Path:
		line("Path")
		kids(n.Steps...)
	case *Binary:
		line("Binary %s", n.Op)
		kids(n.LHS, n.RHS)
	case *Negate:
		line("Negate")
		kids(n.Expr)
	case *Filter:
		line("Filter")
		kids(n.Expr, n.Predicate)
	case *KeepArray:
		line("KeepArray")
		kids(n.Expr)
	case *ObjectCons:
		line("ObjectCons")
		pairs(n.Pairs)
	case *GroupBy:
		line("GroupBy")
		kids(n.Expr)
		pairs(n.Pairs)
	case *ArrayCons:
		line("ArrayCons")
		kids(n.Items...)
	case *Range:
		line("Range")
		kids(n.From, n.To)
	case *Block:
		line("Block")
		kids(n.Exprs...)
	case *Bind:
		line("Bind")
		kids(n.Var, n.Value)
	case *Condition:
		line("Condition")
		kids(n.Cond, n.Then, n.Else)
	case *Call:
		line("Call partial=%v", n.Partial)
		kids(n.Func)
		kids(n.Args...)
	case *Placeholder:
		line("Placeholder")
	case *Lambda:
		line("Lambda signature %q", n.Signature)
		for _, p := range n.Params {
			kids(p)
		}
		kids(n.Body)
	case *Apply:
		line("Apply")
		kids(n.LHS, n.RHS)
	case *Sort:
		line("Sort")
		kids(n.Expr)
		for _, term := range n.Terms {
			fmt.Fprintf(b, "%s  term descending=%v\n", ind, term.Descending)
			dump(b, term.Expr, depth+2)
		}
	case *FocusBind:
		line("FocusBind")
		kids(n.Expr, n.Var)
	case *IndexBind:
		line("IndexBind")
		kids(n.Expr, n.Var)
	case *Transform:
		line("Transform")
		kids(n.Pattern, n.Update, n.Delete)
	default:
		line("unknown %T", n)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`$states.input.orders[price > 10].(price * qty)`,
		`$sum($states.input.items.price)`,
		`function($x)<n-n:n>{ $x }`,
		`library.loans@$l.books#$i[$l.isbn=$b.isbn]`,
		`$states.input ~> |items|{'a': 1}, ['b']|`,
		`/* c */ /[a-z]+\d{2,}/i`,
		`a.b.%.%[%.x]^(>y){z: $count(w)}`,
		`"\u00e9\ud83d\ude00" & 'x'`,
		`[1..5][$ % 2 = 0]`,
		`$a ?? $b`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q) error %T, want *Error", s, err)
			}
			if e.Pos < 0 || e.Pos > len(s) || e.Msg == "" {
				t.Fatalf("Parse(%q) error at %d (len %d): %q", s, e.Pos, len(s), e.Msg)
			}
			return
		}
		if n == nil {
			t.Fatalf("Parse(%q) returned no node and no error", s)
		}
		if _, err := Analyze(s); err != nil {
			t.Fatalf("Analyze(%q) = %v after Parse succeeded", s, err)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	for _, expr := range []string{
		`$states.input.order.total`,
		`$sum($states.input.orders[price > 10].(price * qty))`,
		`{'id': $states.input.id, 'names': $map($states.input.items, function($v){ $uppercase($v.name) }), 'n': $count($states.input.items)}`,
	} {
		b.Run(strconv.Itoa(len(expr)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(expr); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
