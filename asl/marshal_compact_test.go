package asl

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// TestCorpusMarshalCompact: MarshalCompact gives, byte for byte, what
// json.Compact makes of Marshal's text, for every corpus definition that
// parses (TestMarshalRoundTrip checks the files under testdata/marshal).
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

// checkCompact checks checkCompactOf for each file that parses and
// marshals, and returns how many it checked.
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
		checkCompactOf(t, f, sm, indented)
		checked++
	}
	return checked
}

// checkCompactOf checks that MarshalCompact(sm) is json.Compact of
// indented, Marshal's text of sm.
func checkCompactOf(t *testing.T, name string, sm *StateMachine, indented []byte) {
	t.Helper()
	var want bytes.Buffer
	if err := json.Compact(&want, indented); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	got, err := MarshalCompact(sm)
	if err != nil {
		t.Fatalf("%s: MarshalCompact: %v", name, err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("%s: MarshalCompact:\n%s\njson.Compact(Marshal):\n%s", name, got, want.Bytes())
	}
}
