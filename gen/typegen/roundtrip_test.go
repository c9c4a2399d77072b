package typegen_test

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
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

func main() {
`

// TestRoundTrip builds the generated file in a temporary module with a
// program that marshals a filled value of each state's input struct, and
// checks that the JSON fits the type inferred for that state's input.
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
	src, err := typegen.GeneratePackage("roundtrip/out", "out", "OrderFlow", sm, res)
	if err != nil {
		t.Fatal(err)
	}
	// The state of each generated input type, from the doc comments'
	// order: names are <Workflow><State>Input.
	inputs := map[string]*flow.StateInfo{}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "out.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range res.States {
		if !s.Reached {
			continue
		}
		inputs["OrderFlow"+typegen.Ident(s.Name)+"Input"] = s
	}
	var main strings.Builder
	main.WriteString(roundTripMain)
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
			if _, ok := inputs[ts.Name.Name]; ok {
				main.WriteString("\tshow[out." + ts.Name.Name + "](\"" + ts.Name.Name + "\")\n")
				found++
			}
		}
	}
	main.WriteString("}\n")
	if found != len(inputs) {
		t.Fatalf("found %d of the %d input types in the generated file", found, len(inputs))
	}

	dir := t.TempDir()
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod":     "module roundtrip\n\ngo 1.26\n\nrequire github.com/goasl/goasl v0.0.0\n\nreplace github.com/goasl/goasl => " + root + "\n",
		"go.sum":     string(gosum),
		"out/out.go": string(src),
		"main.go":    main.String(),
	}
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
		t.Fatalf("go run: %v\n%s", err, stderr.String())
	}
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(outBytes))
	for sc.Scan() {
		name, js, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad output line %q", sc.Text())
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
	t.Logf("%d input structs round-tripped", lines)
	if lines != len(inputs) {
		t.Errorf("the program printed %d values, want %d", lines, len(inputs))
	}
}
