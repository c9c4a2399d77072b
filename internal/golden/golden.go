package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// Update is set by the -update flag: golden files are rewritten instead of
// compared.
var Update = flag.Bool("update", false, "rewrite golden files")

// Check compares got with the golden file at path (relative to the test's
// package directory). With -update it writes got to the file instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update to accept it):\n%s", path, Diff(want, got))
	}
}

// Diff returns a short line diff of want and got: the first differing line
// with a little context.
func Diff(want, got []byte) string {
	wl := bytes.Split(want, []byte("\n"))
	gl := bytes.Split(got, []byte("\n"))
	i := 0
	for i < len(wl) && i < len(gl) && bytes.Equal(wl[i], gl[i]) {
		i++
	}
	var b bytes.Buffer
	from := max(0, i-3)
	for j := from; j < i; j++ {
		b.WriteString("  " + string(wl[j]) + "\n")
	}
	for j := i; j < min(len(wl), i+5); j++ {
		b.WriteString("- " + string(wl[j]) + "\n")
	}
	for j := i; j < min(len(gl), i+5); j++ {
		b.WriteString("+ " + string(gl[j]) + "\n")
	}
	return b.String()
}
