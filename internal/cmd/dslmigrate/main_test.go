package main

import (
	"os"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/golden"
)

// TestRewrite rewrites testdata/old.go.txt and compares the result, and the
// places left to the user, with testdata/new.go.golden.
func TestRewrite(t *testing.T) {
	src, err := os.ReadFile("testdata/old.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, manual, err := rewrite("old.go", src)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out) + "\n// left to the user:\n// " + strings.Join(manual, "\n// ") + "\n"
	golden.Check(t, "testdata/new.go.golden", []byte(got))
}
