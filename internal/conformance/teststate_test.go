package conformance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testStateCases replays the TestState responses (class TS of cases.tsv).
func (s *suite) testStateCases(t *testing.T) []result {
	data, err := os.ReadFile(filepath.Join(s.dir, "derived", "cases.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var out []result
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || !strings.HasPrefix(f[1], "TS-") {
			continue
		}
		r := result{key: f[0], reason: "TestState responses are not replayed yet", hreason: "TestState"}
		r.jsonata = strings.Contains(line, "jsonata")
		out = append(out, r)
	}
	return out
}
