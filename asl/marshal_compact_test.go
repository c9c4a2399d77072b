package asl

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// TestMarshalCompact: MarshalCompact gives, byte for byte, what
// json.Compact makes of Marshal's text, for the canonical files under
// testdata/marshal.
func TestMarshalCompact(t *testing.T) {
	files, err := filepath.Glob("testdata/marshal/*.asl.json")
	if err != nil {
		t.Fatal(err)
	}
	if n := checkCompact(t, files); n < 5 {
		t.Errorf("only %d definitions checked", n)
	}
}

// TestCorpusMarshalCompact is TestMarshalCompact for every corpus
// definition that parses.
func TestCorpusMarshalCompact(t *testing.T) {
	dir := testcorpus.Dir(t)
	var files []string
	for _, f := range testcorpus.StateMachines(t, dir) {
		files = append(files, filepath.Join(dir, filepath.FromSlash(f)))
	}
	if n := checkCompact(t, files); n < 500 {
		t.Errorf("only %d definitions checked", n)
	}
}

// checkCompact compares MarshalCompact with json.Compact of Marshal for
// each file that parses and marshals, and returns how many it compared.
func checkCompact(t *testing.T, files []string) int {
	t.Helper()
	checked := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sm, err := Parse(data)
		if err != nil {
			continue
		}
		indented, err := Marshal(sm)
		if err != nil {
			continue
		}
		var want bytes.Buffer
		if err := json.Compact(&want, indented); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		got, err := MarshalCompact(sm)
		if err != nil {
			t.Fatalf("%s: MarshalCompact: %v", f, err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: MarshalCompact:\n%s\njson.Compact(Marshal):\n%s", f, got, want.Bytes())
		}
		checked++
	}
	return checked
}
