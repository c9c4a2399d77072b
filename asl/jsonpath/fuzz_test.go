package jsonpath

import "testing"

func FuzzParse(f *testing.F) {
	for _, s := range validPaths {
		f.Add(s)
	}
	for _, s := range []string{"", "$.", "$[", "$['a", "$[?(", `$.a\`, "$$x", "$x-y", "$[1:2:3]", "$..", "$[0,'a']"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
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
		c := p.String()
		q, err := Parse(c)
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its canonical form %q does not parse: %v", s, c, err)
		}
		if !q.Equal(p) {
			t.Fatalf("Parse(%q): the canonical form %q parses to a different path", s, c)
		}
		if q.String() != c {
			t.Fatalf("canonical form not stable: %q then %q", c, q.String())
		}
		_ = p.IsReference()
		_ = p.IsDefinite()
		_, _ = p.Fields()
	})
}
