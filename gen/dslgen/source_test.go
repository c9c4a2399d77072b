package dslgen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/testcorpus"
)

// TestStripJSON5Corpus reads every JSON5 template of the corpus and checks
// that it gives the same JSON as its strict-JSON copy.
func TestStripJSON5Corpus(t *testing.T) {
	dir := testcorpus.Dir(t)
	files := testcorpus.Files(t, dir, ".json5", "localstack/templates")
	if len(files) < 300 {
		t.Fatalf("found only %d JSON5 files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		strictName := strings.Replace(strings.TrimSuffix(f, "5"), "localstack/templates/", "localstack/templates-json/", 1)
		strict, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strictName)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := StripJSON5(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if strings.Count(string(got), "\n") != strings.Count(string(data), "\n") {
			t.Errorf("%s: the lines moved: %d lines, want %d", f, strings.Count(string(got), "\n"), strings.Count(string(data), "\n"))
		}
		gv, err := asl.ParseValue(got)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		wv, err := asl.ParseValue(strict)
		if err != nil {
			t.Fatalf("%s: %v", strictName, err)
		}
		if !asl.Equal(gv, wv) {
			t.Errorf("%s: differs from %s", f, strictName)
		}
	}
}

func TestStripJSON5(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{`{"a": 1}`, `{"a": 1}`, ""},
		{"{\"a\": [1, 2,], // note\n}", "{\"a\": [1, 2 ]         \n}", ""},
		{`{"a": "x // not a comment, /* nor this */",}`, `{"a": "x // not a comment, /* nor this */" }`, ""},
		{"{/* a\ncomment */\"a\": \"q\\\"//\"}", "{    \n          \"a\": \"q\\\"//\"}", ""},
		{"{\n\"a\": 1 /* open", "", "line 2: a /* comment is not closed"},
		{"{a: [true, null], $b_2: {c: 1,},}", `{"a": [true, null], "$b_2": {"c": 1 } }`, ""},
	}
	for _, tt := range tests {
		got, err := StripJSON5([]byte(tt.in))
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("StripJSON5(%q): error %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || string(got) != tt.want {
			t.Errorf("StripJSON5(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// FuzzStripJSON5 checks that stripping never panics, keeps the lines, and
// leaves strict JSON unchanged.
func FuzzStripJSON5(f *testing.F) {
	for _, s := range []string{`{"a": 1}`, "{\"a\": [1,],}", "// c\n{}", "/* x */[]", `"\\"`, "{\"a\":\"/*\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := StripJSON5(data)
		if err != nil {
			return
		}
		if strings.Count(string(got), "\n") != strings.Count(string(data), "\n") {
			t.Fatalf("StripJSON5(%q) = %q: the lines moved", data, got)
		}
		if json.Valid(data) && string(got) != string(data) {
			t.Fatalf("StripJSON5 changed strict JSON %q to %q", data, got)
		}
	})
}
