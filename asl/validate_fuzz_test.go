package asl

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzValidate checks that Validate never panics and is deterministic on
// whatever Parse accepts. The seeds are the golden test documents.
func FuzzValidate(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "validate", "*.json"))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := Parse(data)
		if err != nil {
			return
		}
		for _, typ := range []string{WorkflowStandard, WorkflowExpress} {
			a := diagText(Validate(sm, ValidateOptions{Type: typ, MaxDepth: 8}))
			b := diagText(Validate(sm, ValidateOptions{Type: typ, MaxDepth: 8}))
			if a != b {
				t.Fatalf("not deterministic:\n%s\nthen\n%s", a, b)
			}
		}
	})
}
