package eval

import (
	"errors"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl/jsonata"
)

// TestSignatureMatchesRegex checks the matcher against the regular
// expression jsonata-js builds (compiled with Go's regexp, whose
// leftmost-first submatches are JavaScript's here): for every built-in's
// signature and a set of lambda signatures, on every string of up to four
// type symbols, the same calls match, each parameter takes the same
// symbols, and a call that does not match is reported at the same
// argument.
func TestSignatureMatchesRegex(t *testing.T) {
	sigs := []string{transformSig.text,
		"<n-n:n>", "<nn?:n>", "<n??n:n>", "<x+?s:s>", "<a+a:a>", "<(sn)-:s>", "<(^s):s>", "<(a-s)n?>",
		"<s?s?s?>", "<n+n+>", "<n+?n+?>", "<o-?s>", "<a<s>a<n>?:a>", "<f<n:n>f?>", "<(s]n)>", "<(s]n)?n>", "<>"}
	for _, b := range builtins {
		if b.sig != nil {
			sigs = append(sigs, b.sig.text)
		}
	}
	sort.Strings(sigs)
	sigs = slices.Compact(sigs)
	inputs := []string{""}
	for n, prev := 0, []string{""}; n < 4; n++ {
		var next []string
		for _, p := range prev {
			for i := range len(typeSymbols) {
				next = append(next, p+typeSymbols[i:i+1])
			}
		}
		inputs, prev = append(inputs, next...), next
	}
	fallbacks := 0
	for _, text := range sigs {
		ps, err := jsonata.ParseSignature(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		whole := "^"
		var prefixes []*regexp.Regexp
		for _, p := range ps.Params {
			whole += "(" + p.Regex() + ")"
			prefixes = append(prefixes, regexp.MustCompile(whole))
		}
		re := regexp.MustCompile(whole + "$")
		sig := parseSignature(text)
		if sig.re != nil {
			fallbacks++
		}
		spans := make([]int, 2*len(ps.Params))
		for _, in := range inputs {
			want := re.FindStringSubmatchIndex(in)
			ok := sig.match([]byte(in), spans)
			switch {
			case ok != (want != nil):
				t.Errorf("%s on %q: matches %v, the expression %v", text, in, ok, want != nil)
			case ok && !slices.Equal(spans, want[2:]):
				t.Errorf("%s on %q: spans %v, the expression's %v", text, in, spans, want[2:])
			case !ok:
				good := 0
				for _, p := range prefixes {
					m := p.FindStringIndex(in)
					if m == nil {
						break
					}
					good = m[1]
				}
				if got := sig.matched([]byte(in), spans); got != good {
					t.Errorf("%s on %q: matched %d, the expression %d", text, in, got, good)
				}
			}
		}
	}
	if fallbacks != 2 {
		t.Errorf("%d signatures fall back to the regular expression, want 2 (the odd choices)", fallbacks)
	}
	if len(sigs) < 40 {
		t.Errorf("only %d signatures: %s", len(sigs), strings.Join(sigs, " "))
	}
}

// TestSignatureGoCannotRead: a choice of types that JavaScript reads as a
// regular expression class but Go does not is a compile error (it made
// Compile panic).
func TestSignatureGoCannotRead(t *testing.T) {
	for _, expr := range []string{`function($x)<(\k)>{ $x }`, `function($x)<n(\c)?>{ $x }`} {
		_, err := Compile(expr)
		var e *jsonata.Error
		if !errors.As(err, &e) || e.Code != "S0401" {
			t.Errorf("Compile(%q): %v, want an S0401 error", expr, err)
		}
	}
}
