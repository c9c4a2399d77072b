package readme_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/diagram"
	"github.com/goasl/goasl/dsl"
	_ "github.com/goasl/goasl/internal/golden" // defines -update for go test ./... -update
)

func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// block returns the fenced code block that follows the first line
// containing marker.
func block(t *testing.T, text, marker string) string {
	t.Helper()
	i := strings.Index(text, marker)
	if i < 0 {
		t.Fatalf("README has no %q", marker)
	}
	rest := text[i:]
	start := strings.Index(rest, "```")
	if start < 0 {
		t.Fatalf("no code block after %q", marker)
	}
	rest = rest[start:]
	rest = rest[strings.Index(rest, "\n")+1:]
	end := strings.Index(rest, "```")
	if end < 0 {
		t.Fatalf("unterminated code block after %q", marker)
	}
	return rest[:end]
}

func TestREADMEShowsTheExample(t *testing.T) {
	text := readme(t)
	for marker, file := range map[string]string{
		"`examples/hello/hello.go` (its package comment and `//go:generate` line are in `doc.go`):": "../../examples/hello/hello.go",
		"`go run ./cmd/goasl compile ./examples/hello`":                                             "../../examples/hello/greeting.asl.json",
	} {
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := block(t, text, marker); got != string(want) {
			t.Errorf("the README block after %s is not %s: update the README", marker, file)
		}
	}
}

// TestREADMEErrorMessage checks the error the README shows: the line it
// names in hello.go holds pause.Next, and the message is the compiler's.
func TestREADMEErrorMessage(t *testing.T) {
	text := readme(t)
	m := regexp.MustCompile(`(?m)^hello\.go:(\d+): (workflow .*)$`).FindStringSubmatch(text)
	if m == nil {
		t.Fatal("README shows no hello.go error")
	}
	src, err := os.ReadFile("../../examples/hello/hello.go")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	var n int
	for _, c := range m[1] {
		n = n*10 + int(c-'0')
	}
	if n < 1 || n > len(lines) || !strings.Contains(lines[n-1], "pause.Next(") {
		t.Errorf("hello.go:%s is not the pause.Next call", m[1])
	}
	// The same mistake, made here: only the file and line differ.
	wf := dsl.NewWorkflow("Greeting")
	pause := wf.Wait("Pause").For(0)
	wf.Choice("Polite?").Otherwise(wf.Succeed("Done"))
	pause.Next(dsl.Named("Polit?"))
	_, err = compiler.Compile(wf)
	if err == nil {
		t.Fatal("compiled a dangling Next")
	}
	want := ""
	for _, d := range err.(*compiler.Error).Diagnostics {
		if d.Field == "Next" {
			s := d.String()
			want = s[strings.Index(s, " workflow ")+1:]
		}
	}
	if m[2] != want {
		t.Errorf("README error message:\n%s\ncompiler says:\n%s", m[2], want)
	}
}

// TestREADMEDocumentsTheCLI checks that every command and every flag of
// goasl is in the README.
func TestREADMEDocumentsTheCLI(t *testing.T) {
	text := readme(t)
	out, err := exec.Command("go", "run", "../../cmd/goasl", "help").CombinedOutput()
	if err != nil {
		t.Fatalf("goasl help: %v\n%s", err, out)
	}
	cmds := regexp.MustCompile(`(?m)^\t([a-z][\w-]*) +[a-z]`).FindAllStringSubmatch(string(out), -1)
	if len(cmds) < 5 {
		t.Fatalf("goasl help lists too few commands:\n%s", out)
	}
	for _, c := range cmds {
		name := c[1]
		if !strings.Contains(text, "`goasl "+name) {
			t.Errorf("README does not document goasl %s", name)
		}
		help, _ := exec.Command("go", "run", "../../cmd/goasl", "help", name).CombinedOutput()
		// The command's row in the README's table shows its usage line
		// exactly as its help prints it.
		usage, _, _ := strings.Cut(string(help), "\n")
		usage = strings.TrimSpace(strings.TrimPrefix(usage, "Usage: "))
		if row := "| `" + strings.ReplaceAll(usage, "|", `\|`) + "` |"; !strings.Contains(text, row) {
			t.Errorf("README's table of commands has no row starting %s (the usage line of goasl help %s)", row, name)
		}
		for _, f := range regexp.MustCompile(`(?m)^  -(\w[\w-]*)`).FindAllStringSubmatch(string(help), -1) {
			if !strings.Contains(text, "`-"+f[1]) {
				t.Errorf("README does not document goasl %s -%s", name, f[1])
			}
		}
	}
}

// TestExampleDiagrams checks that each example's README shows the Mermaid
// diagram of the example's current definition.
func TestExampleDiagrams(t *testing.T) {
	readmes, err := filepath.Glob("../../examples/*/README.md")
	if err != nil || len(readmes) < 5 {
		t.Fatalf("expected at least five example READMEs, found %d (%v)", len(readmes), err)
	}
	for _, r := range readmes {
		dir := filepath.Dir(r)
		defs, _ := filepath.Glob(filepath.Join(dir, "*.asl.json"))
		if len(defs) != 1 {
			continue // the CDK app deploys other examples' workflows
		}
		data, err := os.ReadFile(defs[0])
		if err != nil {
			t.Fatal(err)
		}
		sm, err := asl.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", defs[0], err)
		}
		text, _ := os.ReadFile(r)
		if got := block(t, string(text), "```mermaid"); got != diagram.Mermaid(sm) {
			t.Errorf("%s does not show the diagram of %s: regenerate it with goasl graph", r, filepath.Base(defs[0]))
		}
	}
}

// readmeOrder is the Order type of the README's type-checking example.
type readmeOrder struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// TestREADMETypeError checks the README's data-flow example: the same
// builder calls give the message it shows (but for the file and line).
func TestREADMETypeError(t *testing.T) {
	text := readme(t)
	m := regexp.MustCompile(`(?m)^orders\.go:\d+: (workflow "Orders": .*)$`).FindStringSubmatch(text)
	if m == nil {
		t.Fatal("README shows no orders.go error")
	}
	if !strings.Contains(text, "wf := dsl.NewWorkflow(\"Orders\").DeclareInput(dsl.Type[Order]())\nwf.Pass(\"Shape\").Parameters(dsl.Obj{\"amount\": dsl.Path(\"$.totl\")}).End()") {
		t.Fatal("the README's example code changed: update this test")
	}
	wf := dsl.NewWorkflow("Orders").DeclareInput(dsl.Type[readmeOrder]())
	wf.Pass("Shape").Parameters(dsl.Obj{"amount": dsl.Path("$.totl")}).End()
	_, err := compiler.Compile(wf)
	if err == nil {
		t.Fatal("compiled a path to a field that does not exist")
	}
	d := err.(*compiler.Error).Diagnostics[0].String()
	if got := d[strings.Index(d, "workflow "):]; got != m[1] {
		t.Errorf("README:\n%s\ncompiler:\n%s", m[1], got)
	}
}

// TestREADMEGoSnippets checks that every Go block the README introduces
// with "(from `FILE`)" or "From `FILE`:" is in that file, word for word.
func TestREADMEGoSnippets(t *testing.T) {
	text := readme(t)
	re := regexp.MustCompile("[Ff]rom\\s+`([^`]+\\.go)`\\)?:\\s*\n\n```go\n")
	found := 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		file := text[m[2]:m[3]]
		rest := text[m[1]:]
		end := strings.Index(rest, "```")
		if end < 0 {
			t.Errorf("the README's Go block from %s has no closing ```", file)
			continue
		}
		code := rest[:end]
		src, err := os.ReadFile(filepath.Join("../..", file))
		if err != nil {
			t.Errorf("the README shows code from %s: %v", file, err)
			continue
		}
		if !strings.Contains(string(src), code) {
			t.Errorf("the README's block from %s is not in that file: update the README:\n%s", file, code)
		}
		found++
	}
	if found < 2 {
		t.Errorf("found %d Go blocks taken from files, want at least 2: the pattern no longer matches the README", found)
	}
}
