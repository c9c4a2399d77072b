package testcorpus

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Dir returns the corpus directory, found next to the root of the
// repository (the directory holding go.mod above the working directory),
// or skips the test when it is not there.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("the real-world corpus is not there (%v): it is kept outside the repository, in ../shared/corpus next to it", err)
	}
	return corpus
}

// StateMachines lists the strict-JSON state machine files of the corpus
// at dir, relative to it and slash-separated, in sorted order:
// workflows-collection (with embedded/ and yaml-converted/),
// localstack/templates-json and other. Snapshots and the index are not
// state machines.
func StateMachines(t testing.TB, dir string) []string {
	t.Helper()
	return Files(t, dir, ".json", "workflows-collection", "localstack/templates-json", "other")
}

// Files lists the files whose names end in ext below the given folders of
// the corpus at dir, relative to it and slash-separated, in sorted order.
func Files(t testing.TB, dir, ext string, folders ...string) []string {
	t.Helper()
	var files []string
	for _, sub := range folders {
		root := filepath.Join(dir, filepath.FromSlash(sub))
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() && strings.HasSuffix(path, ext) {
				rel, err := filepath.Rel(dir, path)
				if err != nil {
					return err
				}
				files = append(files, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(files)
	return files
}

// EachMember decodes every state machine file of StateMachines and calls
// visit for each object member at any depth, with the file (relative to
// dir) and the member's key and decoded JSON value. Files that are not
// valid JSON are skipped; it returns how many there were.
func EachMember(t testing.TB, dir string, visit func(file, key string, value any)) (broken int) {
	t.Helper()
	var walk func(file string, v any)
	walk = func(file string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				visit(file, k, x)
				walk(file, x)
			}
		case []any:
			for _, x := range v {
				walk(file, x)
			}
		}
	}
	for _, f := range StateMachines(t, dir) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if json.Unmarshal(data, &v) != nil {
			broken++
			continue
		}
		walk(f, v)
	}
	return broken
}
