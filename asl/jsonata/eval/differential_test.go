package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/value"
)

// The differential tests compare this evaluator with jsonata-js 2.0.6 (run
// by node from tools/npm) on generated expressions and inputs. Every
// disagreement ever found is kept in testdata/differential.jsonl with
// jsonata-js's answer, and checked on every run, with or without node.

// verdict is one evaluator's answer: "result:JSON", "undefined",
// "error:CODE", or "skip:why" (a case jsonata-js cannot compare).
func goVerdict(expr, input string) (v string) {
	defer func() {
		if r := recover(); r != nil {
			v = fmt.Sprintf("panic:%v", r)
		}
	}()
	var in value.Value
	if input != "" {
		var err error
		if in, err = value.ParseString(input); err != nil {
			return "skip:bad input"
		}
	}
	e, err := Compile(expr)
	var r value.Value
	if err == nil {
		r, err = e.Evaluate(in, &Options{MaxDepth: 500})
	}
	if err != nil {
		var je *jsonata.Error
		if errors.As(err, &je) {
			if je.Code == "TypeError" && strings.Contains(je.Msg, "partially applied") {
				return "error:TypeError(partial)"
			}
			return "error:" + je.Code
		}
		return "error:?" + err.Error()
	}
	if r.IsUndefined() {
		return "undefined"
	}
	return "result:" + r.JSON()
}

type nodeOracle struct {
	mu  sync.Mutex
	cmd *exec.Cmd
	in  *bufio.Writer
	out *bufio.Scanner
}

var (
	oracleOnce sync.Once
	oracle     *nodeOracle
	oracleErr  string
)

// startOracle starts node on testdata/differential.js, or says why not.
func startOracle() (*nodeOracle, string) {
	oracleOnce.Do(func() {
		dir, _ := os.Getwd()
		for dir != filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			dir = filepath.Dir(dir)
		}
		module := filepath.Join(dir, "tools", "npm", "node_modules", "jsonata")
		pkg, err := os.ReadFile(filepath.Join(module, "package.json"))
		if err != nil {
			oracleErr = "jsonata-js is not installed: run `npm ci` in tools/npm (" + err.Error() + ")"
			return
		}
		var meta struct{ Version string }
		if json.Unmarshal(pkg, &meta) != nil || meta.Version != "2.0.6" {
			oracleErr = "tools/npm has jsonata " + meta.Version + ", not 2.0.6"
			return
		}
		node, err := exec.LookPath("node")
		if err != nil {
			oracleErr = "node is not installed: " + err.Error()
			return
		}
		cmd := exec.Command(node, "testdata/differential.js", module)
		w, _ := cmd.StdinPipe()
		r, _ := cmd.StdoutPipe()
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			oracleErr = "starting node: " + err.Error()
			return
		}
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		oracle = &nodeOracle{cmd: cmd, in: bufio.NewWriter(w), out: sc}
	})
	return oracle, oracleErr
}

func (o *nodeOracle) verdict(expr, input string) string {
	o.mu.Lock()
	defer o.mu.Unlock()
	req, _ := json.Marshal(map[string]string{"expr": expr, "input": input})
	o.in.Write(req)
	o.in.WriteByte('\n')
	o.in.Flush()
	if !o.out.Scan() {
		return "skip:node stopped"
	}
	var resp struct {
		Result    *string
		Undefined bool
		Error     *string
		Skip      *string
	}
	if err := json.Unmarshal(o.out.Bytes(), &resp); err != nil {
		return "skip:bad oracle output"
	}
	switch {
	case resp.Skip != nil:
		return "skip:" + *resp.Skip
	case resp.Error != nil:
		return "error:" + *resp.Error
	case resp.Undefined:
		return "undefined"
	}
	// re-encode through value so that both sides print numbers alike
	v, err := value.ParseString(*resp.Result)
	if err != nil {
		return "skip:unparsable result"
	}
	return "result:" + v.JS().JSON()
}

// sameVerdict compares two verdicts: errors by code, results by JSON text
// (key order included). One difference is accepted: jsonata-js evaluates
// the items of an array constructor concurrently (Promise.all), so when
// two items fail, which error it reports depends on how their awaits
// interleave; goasl reports the first item's. Two errors from an
// expression with an array constructor of several items count as agreeing.
func sameVerdict(expr, a, b string) bool {
	if a == b || a == "error:TypeError(partial)" {
		return true // see checkPartialArgs
	}
	if strings.HasPrefix(a, "error:") && strings.HasPrefix(b, "error:") {
		n, err := jsonata.Parse(expr)
		return err == nil && hasParallel(n)
	}
	return false
}

// hasParallel reports whether n has an array constructor of several
// items, or an object constructor or group-by of several pairs, whose
// parts jsonata-js evaluates concurrently.
func hasParallel(n jsonata.Node) bool {
	found := false
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if found || !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			switch x := v.Interface().(type) {
			case *jsonata.ArrayCons:
				found = found || len(x.Items) > 1
			case *jsonata.ObjectCons:
				found = found || len(x.Pairs) > 1
			case *jsonata.GroupBy:
				found = found || len(x.Pairs) > 1
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(n))
	return found
}

type diffCase struct {
	Expr  string `json:"expr"`
	Input string `json:"input"`
	Want  string `json:"want"`
}

const regressionFile = "testdata/differential.jsonl"

func readRegressions(t testing.TB) []diffCase {
	data, err := os.ReadFile(regressionFile)
	if err != nil {
		t.Fatal(err)
	}
	var cases []diffCase
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		var c diffCase
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%s:%d: %v", regressionFile, i+1, err)
		}
		cases = append(cases, c)
	}
	return cases
}

// TestDifferential checks the kept regressions, then (when node and
// jsonata-js are installed) compares a bounded number of generated
// expressions; with -update it adds each new disagreement to the
// regression file.
func TestDifferential(t *testing.T) {
	for _, c := range readRegressions(t) {
		if got := goVerdict(c.Expr, c.Input); !sameVerdict(c.Expr, got, c.Want) {
			t.Errorf("%s on %s:\n got %s\nwant %s (jsonata-js)", c.Expr, c.Input, got, c.Want)
		}
	}
	o, why := startOracle()
	if o == nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	probes, err := os.ReadFile("testdata/differential_probes.txt")
	if err != nil {
		t.Fatal(err)
	}
	var found []diffCase
	for _, line := range strings.Split(string(probes), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, input := range diffInputs {
			want := o.verdict(line, input)
			if strings.HasPrefix(want, "skip:") {
				continue
			}
			if got := goVerdict(line, input); !sameVerdict(line, got, want) {
				found = append(found, diffCase{line, input, want})
				t.Errorf("probe %s on %s:\n got %s\nwant %s (jsonata-js)", line, input, got, want)
			}
		}
	}
	n := 2000
	if s := os.Getenv("GOASL_DIFFERENTIAL_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for i := 0; i < n; i++ {
		expr, input := generateCase(uint64(i))
		want := o.verdict(expr, input)
		if strings.HasPrefix(want, "skip:") {
			continue
		}
		if got := goVerdict(expr, input); !sameVerdict(expr, got, want) {
			found = append(found, diffCase{expr, input, want})
			t.Errorf("generated #%d: %s on %s:\n got %s\nwant %s (jsonata-js)", i, expr, input, got, want)
		}
	}
	if *update && len(found) > 0 {
		f, err := os.OpenFile(regressionFile, os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, c := range found {
			b, _ := json.Marshal(c)
			f.Write(append(b, '\n'))
		}
	}
}

// FuzzDifferential compares the evaluators on expressions generated from
// the fuzzer's seeds: go test -run '^$' -fuzz FuzzDifferential -fuzztime 30s.
func FuzzDifferential(f *testing.F) {
	for i := uint64(0); i < 8; i++ {
		f.Add(i)
	}
	o, why := startOracle()
	f.Fuzz(func(t *testing.T, seed uint64) {
		if o == nil {
			t.Skip(why)
		}
		expr, input := generateCase(seed)
		want := o.verdict(expr, input)
		if strings.HasPrefix(want, "skip:") {
			return
		}
		if got := goVerdict(expr, input); !sameVerdict(expr, got, want) {
			b, _ := json.Marshal(diffCase{expr, input, want})
			t.Errorf("disagreement (add to %s):\n%s\n got %s", regressionFile, b, got)
		}
	})
}

var diffInputs = []string{
	`{"Account": {"Name": "Firefly", "Order": [{"OrderID": "o1", "Product": [{"Name": "Hat", "Price": 34.45, "Quantity": 2, "Tags": ["a", "b"]}, {"Name": "Cloak", "Price": 107.99, "Quantity": 1, "Tags": []}]}, {"OrderID": "o2", "Product": [{"Name": "Hat", "Price": 34.45, "Quantity": 4, "Tags": ["c"]}]}]}, "a": 1, "b": [1, 2, 3], "c": "text", "d": null, "e": true, "2": "two", "10": {"x": 0.1}}`,
	`[1, "a", [2, 3], {"k": "v", "n": 2}, null, {"k": "w", "n": -1.5}]`,
	`{"items": [{"sku": "A1", "price": 10, "qty": 3, "cat": "x"}, {"sku": "B2", "price": 2.5, "qty": 4, "cat": "y"}, {"sku": "C3", "price": 7, "qty": 1, "cat": "x"}], "total": 120, "coupon": "SAVE"}`,
	``,
	`42`,
}

var (
	diffNames  = []string{"Account", "Order", "Product", "Name", "Price", "Quantity", "Tags", "OrderID", "a", "b", "c", "d", "e", "k", "n", "items", "sku", "price", "qty", "cat", "total", "coupon", "x", "`2`", "`10`", "missing"}
	diffUnary  = []string{"$string", "$length", "$uppercase", "$lowercase", "$trim", "$number", "$abs", "$floor", "$ceil", "$round", "$sqrt", "$boolean", "$not", "$exists", "$count", "$sum", "$max", "$min", "$average", "$keys", "$type", "$reverse", "$distinct", "$sort", "$spread", "$merge", "$append", "$join", "$base64encode", "$encodeUrlComponent", "$lookup", "$string", "$zip"}
	diffBinary = []string{"+", "-", "*", "/", "%", "=", "!=", "<", "<=", ">", ">=", "and", "or", "&", "in"}
)

// generateCase makes the expression and input numbered seed.
func generateCase(seed uint64) (string, string) {
	g := &exprGen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))}
	input := diffInputs[g.r.IntN(len(diffInputs))]
	if g.r.IntN(3) == 0 {
		input = g.json(3)
		if input == "[]" {
			// an object constructor over an empty input array changes that
			// array in jsonata-js (see testdata/suite_notes.md)
			input = "[[]]"
		}
	}
	return g.expr(3), input
}

// json makes a random JSON document over the generator's names.
func (g *exprGen) json(d int) string {
	if d <= 0 || g.r.IntN(4) == 0 {
		return g.pick([]string{"1", "0", "-2.5", "1.0", "1e2", "0.1", `"a"`, `""`, `"Hat"`, "true", "false", "null", "123456789012", `"ÄÖ😀"`})
	}
	if g.r.IntN(3) == 0 {
		n := g.r.IntN(4)
		items := make([]string, n)
		for i := range items {
			items[i] = g.json(d - 1)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	n := g.r.IntN(4)
	members := make([]string, n)
	for i := range members {
		k := strings.Trim(g.pick(diffNames), "`")
		members[i] = strconv.Quote(k) + ": " + g.json(d-1)
	}
	return "{" + strings.Join(members, ", ") + "}"
}

type exprGen struct{ r *rand.Rand }

func (g *exprGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *exprGen) literal() string {
	switch g.r.IntN(9) {
	case 0:
		return strconv.Itoa(g.r.IntN(7) - 2)
	case 1:
		return g.pick([]string{"0.1", "1.5", "2.5", "-0.5", "100", "1e3", "3.14159", "0"})
	case 2:
		return g.pick([]string{`"abc"`, `""`, `"Hat"`, `"a,b,c"`, `" x  y "`, `"x"`, `"10"`, `"ÄÖ😀"`})
	case 3:
		return g.pick([]string{"true", "false", "null"})
	case 4:
		return "[" + g.literal() + ", " + g.literal() + "]"
	case 5:
		return "{" + g.pick([]string{`"k"`, `"n"`, `"1"`, `"z"`}) + ": " + g.literal() + "}"
	case 6:
		return "[1..3]"
	case 7:
		return g.pick([]string{"$", "$$"})
	}
	return strconv.Itoa(g.r.IntN(20))
}

func (g *exprGen) path() string {
	n := 1 + g.r.IntN(3)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(".")
		}
		switch g.r.IntN(12) {
		case 0:
			b.WriteString("*")
		case 1:
			if i > 0 {
				b.WriteString("%")
			} else {
				b.WriteString("**")
			}
		default:
			b.WriteString(g.pick(diffNames))
		}
		switch g.r.IntN(8) {
		case 0:
			b.WriteString("[" + strconv.Itoa(g.r.IntN(4)-1) + "]")
		case 1:
			b.WriteString("[" + g.pick(diffNames) + " " + g.pick([]string{"=", ">", "<", "!="}) + " " + g.literal() + "]")
		case 2:
			b.WriteString("[]")
		case 3:
			if i > 0 {
				b.WriteString("#$i")
			}
		}
	}
	return b.String()
}

func (g *exprGen) expr(d int) string {
	if d <= 0 {
		if g.r.IntN(2) == 0 {
			return g.literal()
		}
		return g.path()
	}
	switch g.r.IntN(26) {
	case 16:
		return g.pick([]string{"$formatBase", "$number", "$string", "$keys", "$spread", "$distinct", "$type", "$exists", "$boolean", "$length", "$trim"}) + "(" + g.literal() + ")"
	case 17:
		return g.pick([]string{"1e-7", "123456789012345680000", "1/3", "2/3*3", "0.1*3", "-0", "1e21", "9007199254740993", "100/7", "$round(2.5)", "$round(-2.5)", "$round(3.14159, 2)", "$round(1234.5, -1)", "$string(1e-7)", "$string(123456.789e10)", "$formatBase(255, 16)", "$formatBase(-10, 2)", "$number(\"0x1F\")", "$number(\"1e2\")", "$number(\" 1\")", "$string(-0)", "$sqrt(2)", "$power(2, 0.5)", "$power(10, 21)", "7 % -3", "-7 % 3", "1.005 * 100"})
	case 18:
		return "{" + g.pick([]string{`"b"`, `"10"`, `"a"`, `"2"`, `"01"`, `"-1"`, `"4294967295"`, `"4294967294"`}) + ": 1, " + g.pick([]string{`"1"`, `"x"`, `"3"`, `"1.5"`}) + ": " + g.expr(d-1) + "}"
	case 19:
		return g.pick([]string{"$substring", "$pad"}) + "(" + g.pick([]string{`"hello"`, `"ÄÖ😀x"`, `"a😀"`}) + ", " + g.pick([]string{"-2", "1", "0", "-10", "2.7", "10"}) + g.pick([]string{"", ", 2", ", -1", ", \"*😀\"", ", 0.5"}) + ")"
	case 15:
		// a function replacement with a string pattern inserts the
		// function's JavaScript source in jsonata-js: not generated
		return "$replace(" + g.pick([]string{`"abcabc"`, `"Hat Hat"`}) + ", " + g.pick([]string{`/b/`, `/(H)(a)(t)/`, `/a|c/`}) + ", function($m){$uppercase($m.match) & $string($m.groups)})"
	case 20:
		return "$replace(" + g.pick([]string{`"2024-01-31"`, `"abcabc"`, `"aaa"`, `"Hat Hat"`}) + ", " + g.pick([]string{`/(\d+)-(\d+)/`, `/b/`, `/(a)(b)?/`, `"a"`, `/(?=c)/`, `/(H)(a)(t)/`}) + ", " + g.pick([]string{`"[$1|$2|$0|$$|$3|$10]"`, `"x"`, `""`, `"$"`}) + g.pick([]string{"", ", 1", ", 0"}) + ")"
	case 21:
		return "$match(" + g.pick([]string{`"ab12cd345"`, `"aaa"`, `"Hat hat HAT"`}) + ", " + g.pick([]string{`/\d+/`, `/(h)(a)/i`, `/a(?<n>b)?/`, `/[a-z]+/`}) + g.pick([]string{"", ", 1", ", 2"}) + ")"
	case 22:
		return "(" + g.pick([]string{"$f := function($x, $y){$x + $y}; $g := $f(?, 10); $g(" + g.literal() + ")", "$c := function($n){function($m){$n * $m}}; $c(3)(" + g.literal() + ")", "$x := " + g.expr(d-1) + "; $x ~> $string ~> $length", "$s := $substring(?, 1); $s(" + g.literal() + ")"}) + ")"
	case 23:
		return g.path() + "@$o." + g.pick(diffNames) + "{" + g.pick([]string{`"k": $o`, `"k": $string($o)`, `$string($count($o)): $`}) + "}"
	case 24:
		return "$sort(" + g.expr(d-1) + ", function($a, $b){" + g.pick([]string{"$a > $b", "$a.Price < $b.Price", "$string($a) > $string($b)"}) + "})"
	case 25:
		return "$ ~> |" + g.path() + "|{" + g.pick([]string{`"n": 1`, `"Price": Price * 2`}) + "}, " + g.pick([]string{`"Tags"`, `["Name", "x"]`, `"k"`}) + "|"
	case 0, 1:
		return g.path()
	case 2:
		return g.literal()
	case 3, 4:
		return g.expr(d-1) + " " + g.pick(diffBinary) + " " + g.expr(d-1)
	case 5:
		return g.pick(diffUnary) + "(" + g.expr(d-1) + ")"
	case 6:
		return g.pick([]string{"$substring", "$pad", "$split", "$join", "$contains", "$substringBefore", "$substringAfter", "$round", "$power", "$formatBase", "$append", "$lookup", "$string"}) + "(" + g.expr(d-1) + ", " + g.expr(d-1) + ")"
	case 7:
		return g.expr(d-1) + " ? " + g.expr(d-1) + " : " + g.expr(d-1)
	case 8:
		return "[" + g.expr(d-1) + ", " + g.expr(d-1) + "]"
	case 9:
		return "{" + g.pick([]string{`"k"`, `"n"`, `"10"`, `"2"`, `Name`, `cat`}) + ": " + g.expr(d-1) + "}"
	case 10:
		return "(" + "$v := " + g.expr(d-1) + "; " + g.pick([]string{"$v", "$v + 1", "$count($v)", "$v.Name", "[$v]", "$string($v)"}) + ")"
	case 11:
		f := g.pick([]string{"$map", "$filter", "$reduce", "$sort", "$single", "$each", "$sift"})
		body := g.pick([]string{"function($x){$x}", "function($x, $i){$i}", "function($x){$x > 1}", "function($a, $b){$a & $b}", "function($a, $b){$a > $b}", "function($v, $k){$k}", "function($x){$string($x)}", "function($x){$type($x)}"})
		return f + "(" + g.expr(d-1) + ", " + body + ")"
	case 12:
		return g.path() + "^(" + g.pick([]string{"", ">"}) + g.pick(diffNames) + ")"
	case 13:
		return g.path() + "{" + g.pick(diffNames) + ": " + g.pick([]string{"$", "$count($)", "$sum(Price)", "Name", "$string($)"}) + "}"
	case 14:
		return g.pick([]string{"$replace", "$match", "$split", "$contains"}) + "(" + g.expr(d-1) + ", " + g.pick([]string{"/a/", "/[0-9]+/", "/(H)(a)t/i", "/^./", "/x*/", "\"a\""}) + ")"
	}
	return "$ ~> |" + g.path() + "|{" + g.pick([]string{`"new": 1`, `"Price": 0`, `"k": $`}) + "}|"
}
