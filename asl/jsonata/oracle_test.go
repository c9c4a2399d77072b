package jsonata

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOracle runs jsonata-js 2.0.6 (installed by `npm ci` in tools/npm) in
// one node process over the probes, the corpus expressions and a few
// thousand generated expressions, and checks that Parse accepts and
// rejects exactly the same ones.
func TestOracle(t *testing.T) {
	root := repoRoot(t)
	module := filepath.Join(root, "tools", "npm", "node_modules", "jsonata")
	node, nodeErr := exec.LookPath("node")
	pkg, pkgErr := os.ReadFile(filepath.Join(module, "package.json"))
	if nodeErr != nil || pkgErr != nil {
		msg := "jsonata-js is not installed: run `npm ci` in tools/npm (needs node and npm)"
		if nodeErr != nil {
			msg += "; node: " + nodeErr.Error()
		}
		if pkgErr != nil {
			msg += "; " + pkgErr.Error()
		}
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var meta struct{ Version string }
	if err := json.Unmarshal(pkg, &meta); err != nil || meta.Version != "2.0.6" {
		t.Fatalf("%s: jsonata version %q (%v), want 2.0.6, the version Step Functions runs", module, meta.Version, err)
	}

	type item struct {
		expr   string
		where  string
		expect string // "ok", "err" or "" (whatever jsonata-js says)
	}
	var items []item
	for _, p := range readProbes(t) {
		v := "err"
		if p.ok {
			v = "ok"
		}
		items = append(items, item{p.expr, "testdata/probes.txt:" + strconv.Itoa(p.line), v})
	}
	nprobes := len(items)
	corpus := 0
	if _, err := os.Stat(filepath.Join(root, "..", "shared", "corpus")); err == nil {
		exprs, _ := corpusExpressions(t)
		for _, c := range exprs {
			items = append(items, item{c.expr, "corpus " + c.file, "ok"})
		}
		corpus = len(exprs)
	} else {
		t.Logf("corpus not available (%v): checking probes and generated expressions only", err)
	}
	for _, d := range []int{100, 1000, 1900} {
		items = append(items,
			item{strings.Repeat("(", d) + "1" + strings.Repeat(")", d), "nested parentheses", "ok"},
			item{strings.Repeat("[", d) + "1" + strings.Repeat("]", d), "nested arrays", "ok"},
			item{strings.Repeat("-", d) + "1", "nested negation", "ok"})
	}
	for i, e := range generateExpressions(3000) {
		items = append(items, item{e, "generated #" + strconv.Itoa(i), ""})
	}

	exprs := make([]string, len(items))
	for i, it := range items {
		exprs[i] = it.expr
	}
	in, err := json.Marshal(exprs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "testdata/oracle.js", module)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/oracle.js: %v\n%s", err, stderr.String())
	}
	var verdicts []struct {
		OK      bool   `json:"ok"`
		Code    string `json:"code"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(out, &verdicts); err != nil || len(verdicts) != len(items) {
		t.Fatalf("oracle output: %v, %d verdicts for %d expressions", err, len(verdicts), len(items))
	}
	var accepted int
	for i, it := range items {
		js := verdicts[i]
		if js.OK {
			accepted++
		}
		if it.expect != "" && (it.expect == "ok") != js.OK {
			t.Errorf("%s: %q: recorded verdict %s, but jsonata-js says ok=%v %s %s", it.where, it.expr, it.expect, js.OK, js.Code, js.Message)
		}
		_, err := Parse(it.expr)
		switch {
		case js.OK && err != nil:
			t.Errorf("%s: Parse(%q) = %v, but jsonata-js 2.0.6 accepts it", it.where, it.expr, err)
		case !js.OK && err == nil:
			t.Errorf("%s: Parse(%q) succeeded, but jsonata-js 2.0.6 rejects it: %s %s", it.where, it.expr, js.Code, js.Message)
		}
	}
	t.Logf("%d expressions (%d probes, %d from the corpus, %d generated), %d accepted by jsonata-js",
		len(items), nprobes, corpus, len(items)-nprobes-corpus, accepted)
}

// generateExpressions returns n pseudo-random expressions (the same ones on
// every run): half built from the grammar, some of them then damaged by a
// deleted or inserted token, and a quarter of raw token soup, so that both
// verdicts are well represented.
func generateExpressions(n int) []string {
	r := rand.New(rand.NewPCG(2006, 6))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	names := []string{"a", "b", "foo", "`x y`", `"q"`, "'s'", "and", "or", "in", "function", "λ", "true", "null", "x1"}
	vars := []string{"$", "$$", "$x", "$states", "$i", "$f"}
	lits := []string{"1", "0", "2.5", "1e3", "-1", `"str"`, "'s'", "true", "false", "null", "/ab+c/i", "/[a-z]/", `/x\/y/m`, "0.5e-2"}
	ops := []string{"+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "&", "and", "or", "in", "~>"}
	sigs := []string{"", "<n-n:n>", "<a<n>:s>", "<x?>", "<(sn)+>", "<s-?>", "<n?+>", "<o<n>>", "<(n<s>)>", "<b->", "<n??>", "<n+++>"}
	var expr func(d int) string
	expr = func(d int) string {
		if d <= 0 {
			return pick([][]string{names, vars, lits, {"*", "**", "%"}}[r.IntN(4)])
		}
		switch r.IntN(22) {
		case 0, 1:
			return expr(d-1) + pick([]string{".", " . "}) + expr(d-1)
		case 2, 3:
			return expr(d-1) + " " + pick(ops) + " " + expr(d-1)
		case 4:
			return expr(d-1) + "[" + expr(d-1) + "]"
		case 5:
			return expr(d-1) + "[]"
		case 6:
			return pick(vars) + "(" + expr(d-1) + pick([]string{"", ", ?", ", " + expr(d-1)}) + ")"
		case 7:
			return "function(" + pick([]string{"", "$x", "$x, $y", "x", "$x.y"}) + ")" + pick(sigs) + "{" + expr(d-1) + "}"
		case 8:
			return "(" + expr(d-1) + pick([]string{"", "; " + expr(d-1), ";"}) + ")"
		case 9:
			return "[" + expr(d-1) + pick([]string{"", ", " + expr(d-1), ".." + expr(d-1)}) + "]"
		case 10:
			return "{" + expr(d-1) + ": " + expr(d-1) + "}"
		case 11:
			return expr(d-1) + "{" + expr(d-1) + ": " + expr(d-1) + "}"
		case 12:
			return expr(d-1) + " ? " + expr(d-1) + pick([]string{"", " : " + expr(d-1)})
		case 13:
			return pick(vars) + " := " + expr(d-1)
		case 14:
			return expr(d-1) + "^(" + pick([]string{"", "<", ">"}) + expr(d-1) + ")"
		case 15:
			return expr(d-1) + pick([]string{"@", "#"}) + pick(vars)
		case 16:
			return "|" + expr(d-1) + "|" + expr(d-1) + pick([]string{"", ", " + expr(d-1)}) + "|"
		case 17:
			return "-" + expr(d-1)
		case 18:
			return "/* c */ " + expr(d-1)
		case 19:
			return expr(d-1) + ".%"
		case 20:
			return expr(d-1) + `.{"k": %.` + expr(0) + "}"
		default:
			return expr(d-1) + "[%." + expr(0) + "]"
		}
	}
	tokens := []string{"(", ")", "[", "]", "{", "}", ",", ";", ":", "?", ".", "..", "%", "*", "**", "@", "#", "$x", "a", "1", `"s"`, "/r/", "|", "^", "~>", ":=", "<", ">", "-", "/", "!", "??", "?:", "function", " ", "\n", "\v", "\f", "/*", "*/", `\`, "`", "'", `"`, "é", "😀", "e", "0", "$"}
	damage := func(s string) string {
		i := r.IntN(len(s) + 1)
		switch r.IntN(3) {
		case 0:
			if i < len(s) {
				return s[:i] + s[i+1:]
			}
			return s
		case 1:
			return s[:i] + pick(tokens) + s[i:]
		}
		return s[:i]
	}
	out := make([]string, 0, n)
	for len(out) < n {
		var s string
		if r.IntN(4) == 0 {
			for k := r.IntN(8) + 1; k > 0; k-- {
				s += pick(tokens)
			}
		} else {
			s = expr(r.IntN(4) + 1)
			if r.IntN(2) == 0 {
				s = damage(s)
			}
		}
		// Damage can split a multi-byte character; JSON would turn the
		// broken bytes into U+FFFD for node only.
		out = append(out, strings.ToValidUTF8(s, ""))
	}
	return out
}
