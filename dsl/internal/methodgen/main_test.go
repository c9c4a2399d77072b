package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUpToDate fails when dsl/methods_gen.go is not what methodgen writes
// for the current sources: run go generate ./dsl.
func TestUpToDate(t *testing.T) {
	want, err := generate("../..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join("../..", output))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("dsl/%s is stale: run go generate ./dsl", output)
	}
}
