package eval

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type suiteCase struct {
	name string // group/file[#index]
	expr string
	data value.Value
	opts *Options
	// exactly one of these
	result    value.Value
	undefined bool
	code      string
	unordered bool
}

// readJSONFile reads and parses the JSON file f, failing t when it cannot.
func readJSONFile(t *testing.T, f string) value.Value {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	v, err := value.Parse(b)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return v
}

func loadSuite(t *testing.T) []suiteCase {
	dir := filepath.Join(testcorpus.Dir(t), "jsonata-suite")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the jsonata test suite is not there (%v): it is kept outside the repository, in ../shared/corpus/jsonata-suite", err)
	}
	datasets := map[string]value.Value{}
	files, _ := filepath.Glob(filepath.Join(dir, "datasets", "*.json"))
	for _, f := range files {
		v := readJSONFile(t, f)
		datasets[strings.TrimSuffix(filepath.Base(f), ".json")] = v
	}
	groups, _ := filepath.Glob(filepath.Join(dir, "groups", "*", "*.json"))
	sort.Strings(groups)
	var cases []suiteCase
	for _, f := range groups {
		v := readJSONFile(t, f)
		rel := filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(f)), strings.TrimSuffix(filepath.Base(f), ".json")))
		list := []value.Value{v}
		if v.Kind() == value.Array {
			list = v.Items()
		}
		for i, c := range list {
			sc := suiteCase{name: rel}
			if len(list) > 1 || v.Kind() == value.Array {
				sc.name = fmt.Sprintf("%s#%d", rel, i)
			}
			if e, ok := c.Get("expr"); ok {
				sc.expr = e.Str()
			} else if ef, ok := c.Get("expr-file"); ok {
				src, err := os.ReadFile(filepath.Join(filepath.Dir(f), ef.Str()))
				if err != nil {
					t.Fatal(err)
				}
				sc.expr = string(src)
			}
			if d, ok := c.Get("data"); ok {
				sc.data = d
			} else if ds, ok := c.Get("dataset"); ok && ds.Kind() == value.String {
				sc.data = datasets[ds.Str()]
			}
			opts := &Options{Vars: map[string]value.Value{}, Now: time.UnixMilli(1500000000000)}
			if bs, ok := c.Get("bindings"); ok {
				for i := 0; i < bs.Len(); i++ {
					k, x := bs.Member(i)
					opts.Vars[k] = x
				}
			}
			if tl, ok := c.Get("timelimit"); ok {
				opts.Timeout = time.Duration(tl.Float()) * time.Millisecond
			}
			if d, ok := c.Get("depth"); ok {
				opts.MaxDepth = int(d.Float())
			}
			sc.opts = opts
			if r, ok := c.Get("result"); ok {
				sc.result = r
			} else if _, ok := c.Get("undefinedResult"); ok {
				sc.undefined = true
			} else if code, ok := c.Get("code"); ok {
				sc.code = code.Str()
			} else if e, ok := c.Get("error"); ok {
				code, _ := e.Get("code")
				sc.code = code.Str()
			} else {
				sc.undefined = true
			}
			if u, ok := c.Get("unordered"); ok && u.Bool() {
				sc.unordered = true
			}
			cases = append(cases, sc)
		}
	}
	return cases
}

// runCase returns "" when the case passes, else why not.
func runCase(c suiteCase) (why string) {
	defer func() {
		if r := recover(); r != nil {
			why = fmt.Sprintf("panic: %v", r)
		}
	}()
	var got value.Value
	e, err := Compile(c.expr)
	if err == nil {
		got, err = e.Evaluate(c.data, c.opts)
	}
	if err != nil {
		var je *jsonata.Error
		code := "?"
		if errors.As(err, &je) {
			code = je.Code
		}
		if c.code != "" {
			if code == c.code {
				return ""
			}
			return fmt.Sprintf("want error %s, got error %s: %v", c.code, code, err)
		}
		return fmt.Sprintf("want %s, got error %s: %v", describeWant(c), code, err)
	}
	switch {
	case c.code != "":
		return fmt.Sprintf("want error %s, got %s", c.code, describeGot(got))
	case c.undefined:
		if got.IsUndefined() {
			return ""
		}
		return "want undefined, got " + describeGot(got)
	}
	if value.Equal(got, c.result) || (c.unordered && sameMembers(got, c.result)) {
		return ""
	}
	return fmt.Sprintf("want %s, got %s", describeWant(c), describeGot(got))
}

func sameMembers(a, b value.Value) bool {
	if a.Kind() != value.Array || b.Kind() != value.Array || a.Len() != b.Len() {
		return false
	}
	used := make([]bool, b.Len())
outer:
	for _, x := range a.Items() {
		for j, y := range b.Items() {
			if !used[j] && value.Equal(x, y) {
				used[j] = true
				continue outer
			}
		}
		return false
	}
	return true
}

func describeWant(c suiteCase) string {
	switch {
	case c.code != "":
		return "error " + c.code
	case c.undefined:
		return "undefined"
	}
	return clip(c.result.JSON())
}

func describeGot(v value.Value) string {
	if v.IsUndefined() {
		return "undefined"
	}
	return clip(v.JSON())
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// TestSuite runs the jsonata-js 2.0.6 test suite and checks that exactly
// the cases listed in testdata/suite_failures.golden fail, each for the
// reason given there.
func TestSuite(t *testing.T) {
	cases := loadSuite(t)
	var failures []string
	pass := 0
	for _, c := range cases {
		if why := runCase(c); why != "" {
			failures = append(failures, c.name+": "+strings.ReplaceAll(why, "\n", " "))
		} else {
			pass++
		}
	}
	fmt.Printf("jsonata suite: %d/%d\n", pass, len(cases))
	got := strings.Join(failures, "\n")
	if len(failures) > 0 {
		got += "\n"
	}
	golden := filepath.Join("testdata", "suite_failures.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(suiteHeader+got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != suiteHeader+got {
		t.Errorf("the failing cases changed (run go test -run TestSuite -update and review the diff):\n%s", diffLines(string(want), suiteHeader+got))
	}
}

const suiteHeader = `# Cases of the jsonata-js 2.0.6 test suite that goasl's evaluator does not
# pass, with the reason; rewritten by go test -run TestSuite -update.
# See suite_notes.md for why each group is expected to differ.
`

func diffLines(a, b string) string {
	as := map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		as[l] = true
	}
	bs := map[string]bool{}
	for _, l := range strings.Split(b, "\n") {
		bs[l] = true
	}
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !bs[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !as[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
