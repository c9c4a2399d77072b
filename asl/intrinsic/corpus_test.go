package intrinsic

import (
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/internal/testcorpus"
)

// corpusCalls returns every intrinsic call in the strict-JSON files of the
// corpus (values of keys ending in ".$", and ErrorPath and CausePath, that
// start with "States."), mapped to the first file that uses it.
func corpusCalls(t *testing.T, corpus string) (calls map[string]string, occurrences int) {
	calls = map[string]string{}
	testcorpus.EachMember(t, corpus, func(file, k string, x any) {
		if s, ok := x.(string); ok && strings.HasPrefix(s, "States.") &&
			(strings.HasSuffix(k, ".$") || k == "ErrorPath" || k == "CausePath") {
			occurrences++
			if _, seen := calls[s]; !seen {
				calls[s] = file
			}
		}
	})
	return calls, occurrences
}

// corpusExceptions are the corpus calls that must fail, with why.
var corpusExceptions = map[string]string{
	`States.StringToJson('{"text":"An \"escaped double quote\" here"}')`: `\" is not an intrinsic string escape: AWS rejects the definition (LocalStack snapshot test_illegal_escapes, recorded against AWS)`,
	`States.Format('He said, \"Hello, {}!\"', 'Test \"Name\" Here')`:     `\" is not an intrinsic string escape: AWS rejects the definition (LocalStack snapshot test_illegal_escapes, recorded against AWS)`,
}

func TestCorpus(t *testing.T) {
	corpus := testcorpus.Dir(t)
	calls, occurrences := corpusCalls(t, corpus)
	if len(calls) < 100 {
		t.Fatalf("found only %d unique intrinsic calls in %s; the corpus layout changed", len(calls), corpus)
	}
	keys := make([]string, 0, len(calls))
	for k := range calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	failed, warned := 0, 0
	for _, s := range keys {
		reason, exception := corpusExceptions[s]
		c, err := Parse(s)
		var errs []error
		if err == nil {
			errs = Check(c)
		} else {
			errs = []error{err}
		}
		switch {
		case len(errs) > 0 && exception:
			failed++
			t.Logf("expected failure %q (%s): %v", s, reason, errs[0])
		case len(errs) > 0:
			t.Errorf("%s: %q: %v", calls[s], s, errs)
		case exception:
			t.Errorf("%s: %q passed, but it is listed as an exception (%s)", calls[s], s, reason)
		default:
			again, err := Parse(c.String())
			if err != nil || !again.Equal(c) {
				t.Errorf("%s: the canonical form %q of %q does not parse back to the same call (%v)", calls[s], c.String(), s, err)
			}
			for _, w := range Warnings(c) {
				warned++
				t.Logf("warning for %q: %v", s, w)
			}
		}
	}
	t.Logf("corpus: %d intrinsic call occurrences, %d unique, %d parsed and checked, %d expected failures, %d warnings",
		occurrences, len(calls), len(calls)-failed, failed, warned)
}
