package jsonata

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseSignature pins what ParseSignature reads from a signature:
// each parameter as "Type Class Quantifiers [context ContextRegex]
// [<Subtype>]", or the error.
func TestParseSignature(t *testing.T) {
	for _, c := range []struct{ sig, want string }{
		{"<n-n:n>", "n [nm] ? context [nm] | n [nm]"},
		{"<s-nn?:s>", "s [sm] ? context [sm] | n [nm] | n [nm] ?"},
		{"<x+?s:s>", "x [asnblfom] +? | s [sm]"},
		{"<a<s>f<n:n>?j>", "a [asnblfom] <s> | f f ? <n:n> | j [asnblom]"},
		{"<(sn)-:s>", "(sn) [snm] ? context [snm]"},
		{"<b?-:b>", "b [bm] ?? context [bm]?"},
		{"<-?n>", "n [nm]"},
		{"<>", ""},
		{"<n???>", "error: nothing to repeat"},
		{"<n<s>>", "error: only a (array) and f (function) parameters can have a subtype"},
		{"<(a<n>)>", "error: a choice of types cannot have a subtype"},
		{"<(s-n)>", "error: range out of order in character class"},
	} {
		got := ""
		sig, err := ParseSignature(c.sig)
		if err != nil {
			got = "error: " + err.Error()
		} else {
			var ps []string
			for _, p := range sig.Params {
				s := strings.TrimSpace(fmt.Sprintf("%s %s %s", p.Type, p.Class, p.Quantifiers))
				if p.Context {
					s += " context " + p.ContextRegex
				}
				if p.Subtype != "" {
					s += " <" + p.Subtype + ">"
				}
				ps = append(ps, s)
			}
			got = strings.Join(ps, " | ")
		}
		if got != c.want {
			t.Errorf("ParseSignature(%q) = %s, want %s", c.sig, got, c.want)
		}
	}
}
