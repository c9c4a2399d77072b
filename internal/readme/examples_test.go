package readme_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every example with tests says in its README how to run them on the local
// executor.
func TestExampleREADMEsSayHowToRunThem(t *testing.T) {
	tests, err := filepath.Glob("../../examples/*/*_test.go")
	if err != nil || len(tests) == 0 {
		t.Fatalf("no example tests: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range tests {
		dir := filepath.Dir(f)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
		if err != nil {
			t.Errorf("%s has tests but no README: %v", dir, err)
			continue
		}
		want := "go test ./examples/" + filepath.Base(dir)
		if !strings.Contains(string(readme), want) {
			t.Errorf("%s/README.md does not say how to run its tests (%q): add a \"Run it locally\" section", dir, want)
		}
	}
}
