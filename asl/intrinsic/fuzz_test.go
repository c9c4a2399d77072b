package intrinsic

import (
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range validCalls {
		f.Add(s)
	}
	for _, s := range []string{"", "States.", "States.Format(", "States.Format('a", `States.Format('\x')`, "States.Array(01)",
		"States.Array($.a[)", "States.ArrayRange(0, 1e400, 1)", "States.MathAdd(-1e999, 1)", "States.Hash($.a, 'sha-1')"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q): error %T, want *Error", s, err)
			}
			if e.Offset < 0 || e.Offset > len(s) || e.Msg == "" {
				t.Fatalf("Parse(%q): bad error offset %d or empty message %q", s, e.Offset, e.Msg)
			}
			return
		}
		for _, err := range append(Check(c), Warnings(c)...) {
			if e, ok := err.(*Error); !ok || e.Msg == "" || e.Offset < 0 || e.Offset > len(s) {
				t.Fatalf("Check(%q): bad error %v", s, err)
			}
			// A parsed call is always well formed.
			for _, m := range []string{"raw string text", "not a JSON number", "no kind", "with no function", "which is not valid:"} {
				if strings.Contains(err.Error(), m) {
					t.Fatalf("Check(%q) reports a parsed call as malformed: %v", s, err)
				}
			}
		}
		_ = CheckReturnsString(c)
		text := c.String()
		d, err := Parse(text)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its canonical form %q does not parse: %v", s, text, err)
		}
		if !d.Equal(c) {
			t.Fatalf("Parse(%q): the canonical form %q parses to a different call", s, text)
		}
		if d.String() != text {
			t.Fatalf("canonical form not stable: %q then %q", text, d.String())
		}
	})
}
