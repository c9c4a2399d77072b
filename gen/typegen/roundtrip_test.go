package typegen_test

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/examples/approval"
	"github.com/goasl/goasl/examples/csvmap"
	"github.com/goasl/goasl/examples/etl"
	"github.com/goasl/goasl/examples/hello"
	"github.com/goasl/goasl/examples/jsonatavars"
	"github.com/goasl/goasl/examples/orderflow"
	"github.com/goasl/goasl/examples/reports"
	"github.com/goasl/goasl/gen/typegen"
)

// roundTripMain fills a value of each listed generated type with sample
// data (every field set, one item per slice and map) and prints its name
// and JSON, one per line.
const roundTripMain = `package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"time"

	out "roundtrip/out"
)

func fill(v reflect.Value, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("s")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), depth+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), depth+1)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, depth+1)
		v.SetMapIndex(reflect.ValueOf("k").Convert(v.Type().Key()), e)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), depth+1)
			}
		}
	}
}

func show[T any](name string) {
	v := reflect.New(reflect.TypeFor[T]()).Elem()
	fill(v, 0)
	b, err := json.Marshal(v.Interface())
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s\t%s\n", name, b)
}

// echo reads in as a T and writes it again: it must come out the same.
func echo[T any](name, in string) {
	var v T
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		fmt.Printf("echo\t%s\terror: %v\n", name, err)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		fmt.Printf("echo\t%s\terror: %v\n", name, err)
		return
	}
	fmt.Printf("echo\t%s\t%s\n", name, b)
}

func main() {
`

// roundTripCase is one workflow whose generated input structs are
// round-tripped.
type roundTripCase struct {
	workflow string
	sm       *asl.StateMachine
	res      *flow.Result
	// echoes are JSON values that must read into the generated type and
	// write out again unchanged, by type name.
	echoes map[string]string
}

// TestRoundTrip builds the generated files of the test workflow and of
// every example workflow in a temporary module, with a program that
// marshals a filled value of each state's input struct, and checks that
// the JSON fits the type inferred for that state's input.
func TestRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a temporary module with the go command (seconds); skipped with -short")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("the go command is not on PATH: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	sm, res := orderTypes(t)
	claims := machine(t, claimsDoc)
	cases := []roundTripCase{{"OrderFlow", sm, res, nil}, {"ClaimPipeline", claims,
		flow.Infer(claims, &flow.Annotations{Input: flow.ObjectOf(flow.Field{Name: "id", Type: flow.StringType})}),
		map[string]string{
			// A Parallel result: each branch's item keeps its zero values.
			"ClaimPipelineReserveResult": `[{"score":0},{"name":"a","first":true}]`,
			"ClaimPipelineDone2Input":    `{"validation":{"valid":false,"reason":""},"id":"1","reserve":[{"score":0},{"name":"b","extra":2}]}`,
			// An optional object that is absent stays absent (omitzero).
			"ClaimPipelineRejectInput": `{"id":"1","validation":{"valid":false,"reason":""}}`,
		}}}
	for _, wf := range []*dsl.Workflow{approval.Expense(), csvmap.ImportCSV(), etl.Pipeline(), hello.Greeting(), jsonatavars.Checkout(), orderflow.OrderFlow(), reports.MonthlyReport()} {
		sm, res, err := compiler.Types(wf)
		if err != nil {
			t.Fatalf("example %s: %v", wf.Name(), err)
		}
		cases = append(cases, roundTripCase{wf.Name(), sm, res, nil})
	}

	dir := t.TempDir()
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module roundtrip\n\ngo 1.26\n\nrequire github.com/goasl/goasl v0.0.0\n\nreplace github.com/goasl/goasl => " + root + "\n",
		"go.sum": string(gosum),
	}
	var main strings.Builder
	main.WriteString(strings.Replace(roundTripMain, "\tout \"roundtrip/out\"\n", "", 1))
	var imports strings.Builder
	inputs := map[string]*flow.StateInfo{}
	echoes := map[string]string{}
	for i, c := range cases {
		pkg := "gen" + strconv.Itoa(i)
		src, err := typegen.GeneratePackage("roundtrip/"+pkg, pkg, c.workflow, c.sm, c.res)
		if err != nil {
			t.Fatal(err)
		}
		files[pkg+"/types.go"] = string(src)
		imports.WriteString("\t\"roundtrip/" + pkg + "\"\n")
		want := map[string]*flow.StateInfo{}
		for _, s := range c.res.States {
			if s.Reached {
				want[typegen.Ident(c.workflow+" "+s.Name)+"Input"] = s
			}
		}
		f, err := parser.ParseFile(token.NewFileSet(), pkg+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, sp := range g.Specs {
				ts, ok := sp.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if st, ok := want[ts.Name.Name]; ok {
					name := pkg + "." + ts.Name.Name
					inputs[name] = st
					main.WriteString("\tshow[" + name + "](\"" + name + "\")\n")
					found++
				}
			}
		}
		for _, name := range slices.Sorted(maps.Keys(c.echoes)) {
			q := pkg + "." + name
			echoes[q] = c.echoes[name]
			main.WriteString("\techo[" + q + "](\"" + q + "\", " + strconv.Quote(c.echoes[name]) + ")\n")
		}
		if found != len(want) {
			t.Fatalf("%s: found %d of the %d input types in the generated file:\n%s", c.workflow, found, len(want), src)
		}
	}
	main.WriteString("}\n")
	files["main.go"] = strings.Replace(main.String(), "import (\n", "import (\n"+imports.String(), 1)
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	outBytes, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s\n%s", err, stderr.String(), files["main.go"])
	}
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(outBytes))
	for sc.Scan() {
		name, js, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad output line %q", sc.Text())
		}
		if name == "echo" {
			name, got, _ := strings.Cut(js, "\t")
			if want := echoes[name]; got != want {
				t.Errorf("%s: read %s and wrote %s", name, want, got)
			}
			delete(echoes, name)
			continue
		}
		lines++
		v, err := asl.ParseValue([]byte(js))
		if err != nil {
			t.Fatalf("%s: %v: %s", name, err, js)
		}
		st := inputs[name]
		if problems := flow.Mismatches(st.Input, flow.Literal(v)); len(problems) > 0 {
			t.Errorf("%s: the JSON %s does not fit the input type %s of state %q: %v", name, js, st.Input, st.Name, problems)
		}
	}
	t.Logf("%d input structs of %d workflows round-tripped", lines, len(cases))
	if lines != len(inputs) {
		t.Errorf("the program printed %d values, want %d", lines, len(inputs))
	}
	for name := range echoes {
		t.Errorf("%s: no echo printed", name)
	}
}

// TestGenerateExamples generates the types of every example workflow and
// type-checks them.
func TestGenerateExamples(t *testing.T) {
	for _, wf := range []*dsl.Workflow{approval.Expense(), csvmap.ImportCSV(), etl.Pipeline(), hello.Greeting(), jsonatavars.Checkout(), orderflow.OrderFlow(), reports.MonthlyReport()} {
		t.Run(wf.Name(), func(t *testing.T) {
			sm, res, err := compiler.Types(wf)
			if err != nil {
				t.Fatal(err)
			}
			src, err := typegen.Generate(pkgPath, wf.Name(), sm, res)
			if err != nil {
				t.Fatal(err)
			}
			typeCheck(t, wf.Name()+".go", src)
		})
	}
}
