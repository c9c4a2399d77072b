package jsonpath

import (
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// pathKeys are the ASL fields whose string value is a path. Every other key
// ending in "Path" counts too, except the API parameters below.
var pathKeys = map[string]bool{"InputPath": true, "OutputPath": true, "ResultPath": true, "ItemsPath": true, "Variable": true}

var notPathKeys = map[string]bool{"Path": true, "S3OutputPath": true}

// corpusPaths returns every path in the strict-JSON files of the corpus,
// mapped to the first file (relative to the corpus) that uses it, and the
// number of occurrences and of files that are not valid JSON.
func corpusPaths(t *testing.T, corpus string) (paths map[string]string, occurrences, broken int) {
	paths = map[string]string{}
	broken = testcorpus.EachMember(t, corpus, func(file, k string, x any) {
		if s, ok := x.(string); ok && strings.HasPrefix(s, "$") &&
			(strings.HasSuffix(k, ".$") || pathKeys[k] || (strings.HasSuffix(k, "Path") && !notPathKeys[k])) {
			occurrences++
			if _, seen := paths[s]; !seen {
				paths[s] = file
			}
		}
	})
	return paths, occurrences, broken
}

// corpusExceptions are the corpus paths that must not parse, with why.
var corpusExceptions = map[string]string{
	"$.": "other/coinbase-step/examples__bad_path.json is an intentionally bad example: a dot with no name after it",
}

func TestCorpus(t *testing.T) {
	corpus := testcorpus.Dir(t)
	paths, occurrences, broken := corpusPaths(t, corpus)
	if len(paths) < 500 {
		t.Fatalf("found only %d unique paths in %s; the corpus layout changed", len(paths), corpus)
	}
	keys := make([]string, 0, len(paths))
	for k := range paths {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	failed := 0
	for _, s := range keys {
		p, err := Parse(s)
		reason, exception := corpusExceptions[s]
		switch {
		case err != nil && exception:
			failed++
			t.Logf("expected failure %q (%s): %v", s, reason, err)
		case err != nil:
			t.Errorf("%s: Parse(%q): %v", paths[s], s, err)
		case exception:
			t.Errorf("%s: Parse(%q) succeeded, but it is listed as an exception (%s)", paths[s], s, reason)
		default:
			again, err := Parse(p.String())
			if err != nil || !again.Equal(p) {
				t.Errorf("%s: the canonical form %q of %q does not parse back to the same path (%v)", paths[s], p.String(), s, err)
			}
		}
	}
	t.Logf("corpus: %d path occurrences, %d unique, %d parsed, %d expected failures; %d files skipped as invalid JSON",
		occurrences, len(paths), len(paths)-failed, failed, broken)
}
