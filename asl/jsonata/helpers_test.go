package jsonata

import (
	"bufio"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// repoRoot returns the directory that holds go.mod.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the package directory")
		}
		dir = parent
	}
}

// probe is one line of testdata/probes.txt.
type probe struct {
	line int
	ok   bool
	expr string
}

func readProbes(t testing.TB) []probe {
	t.Helper()
	f, err := os.Open("testdata/probes.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var probes []probe
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verdict, text, found := strings.Cut(line, "\t")
		var expr string
		if !found || (verdict != "ok" && verdict != "err") || json.Unmarshal([]byte(text), &expr) != nil {
			t.Fatalf("testdata/probes.txt:%d: want ok or err, a tab and a JSON string, got %q", n, line)
		}
		probes = append(probes, probe{line: n, ok: verdict == "ok", expr: expr})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return probes
}

// corpusExpr is a JSONata expression found in the shared corpus.
type corpusExpr struct {
	expr string // the text between {% and %}
	file string // the first file it appears in, relative to the corpus
}

// corpusExpressions returns every distinct "{% ... %}" string value in the
// JSON files of ../shared/corpus (sorted). A string is an expression only
// when it starts with {% and ends with %} exactly: " {% x %} " is a
// literal. It skips the test when the corpus is missing.
func corpusExpressions(t testing.TB) (exprs []corpusExpr, occurrences int) {
	t.Helper()
	root := testcorpus.Dir(t)
	seen := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc any
		if json.Unmarshal(data, &doc) != nil {
			return nil // not strict JSON (a few corpus files are broken upstream)
		}
		rel, _ := filepath.Rel(root, path)
		var visit func(v any)
		visit = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				for _, x := range v {
					visit(x)
				}
			case []any:
				for _, x := range v {
					visit(x)
				}
			case string:
				if len(v) >= 4 && strings.HasPrefix(v, "{%") && strings.HasSuffix(v, "%}") {
					occurrences++
					inner := v[2 : len(v)-2]
					if _, ok := seen[inner]; !ok {
						seen[inner] = rel
					}
				}
			}
		}
		visit(doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for e, f := range seen {
		exprs = append(exprs, corpusExpr{expr: e, file: f})
	}
	sort.Slice(exprs, func(i, j int) bool { return exprs[i].expr < exprs[j].expr })
	return exprs, occurrences
}
