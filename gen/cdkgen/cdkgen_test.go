package cdkgen

import (
	"go/parser"
	"go/token"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/examples/hello"
	"github.com/goasl/goasl/examples/orderflow"
	"github.com/goasl/goasl/gen"
	"github.com/goasl/goasl/internal/golden"
)

func compile(t *testing.T, wf *dsl.Workflow) *asl.StateMachine {
	t.Helper()
	sm, err := compiler.Compile(wf)
	if err != nil {
		t.Fatal(err)
	}
	return sm
}

// TestExamples keeps the constructors of examples/cdkapp current: they are
// this generator's output for the orderflow and hello examples, written
// into the app's package by the app's own //go:generate directive
// (goasl generate -cdk-dir; scripts/test.sh runs it with -check), and
// compiled by go vet and the app's build.
func TestExamples(t *testing.T) {
	for _, c := range []struct {
		wf               *dsl.Workflow
		pkgPath, pkg, fn string
	}{
		{orderflow.OrderFlow(), "github.com/goasl/goasl/examples/orderflow", "orderflow", "OrderFlow"},
		{hello.Greeting(), "github.com/goasl/goasl/examples/hello", "hello", "Greeting"},
	} {
		src, err := CdkGenerate(Workflow{
			PackagePath: c.pkgPath, PackageName: c.pkg, Func: c.fn, Name: c.wf.Name(),
			OutPackagePath: "github.com/goasl/goasl/examples/cdkapp", OutPackageName: "main",
			Definition: compile(t, c.wf),
		})
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "../../examples/cdkapp/"+GoFile(gen.FileBase(c.wf.Name(), gen.Snake)), src)
	}
}

// TestCompilerCDKTest writes the OrderFlow constructor into the tests of
// compiler/cdk, which synthesize it (TestGeneratedConstructor): the
// generated code is compiled and run there, in the one package that runs
// jsii.
func TestCompilerCDKTest(t *testing.T) {
	src, err := CdkGenerate(Workflow{
		PackagePath: "github.com/goasl/goasl/examples/orderflow", PackageName: "orderflow", Func: "OrderFlow", Name: "OrderFlow",
		OutPackagePath: "github.com/goasl/goasl/compiler/cdk_test", OutPackageName: "cdk_test",
		Definition: compile(t, orderflow.OrderFlow()),
	})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../compiler/cdk/order_flow_cdk_test.go", src)
}

// TestEveryKind covers each placeholder type, a name that is not a Go
// identifier, a clash with Options, and a file in the workflow's own
// package.
func TestEveryKind(t *testing.T) {
	wf := dsl.NewWorkflow("every-kind")
	a := wf.Task("Fn", dsl.Lambda(dsl.Ref("fn")).Payload(dsl.Obj{"stage": dsl.Ref("stage-name")}))
	b := wf.Task("Queue", dsl.SQSSendMessage(dsl.Ref("Queue"), "m"))
	c := wf.Task("Topic", dsl.SNSPublish(dsl.Ref("Topic"), "m"))
	d := wf.Task("Table", dsl.DynamoDBGetItem(dsl.Ref("Table"), dsl.Obj{"id": dsl.DynamoDBString("1")}))
	e := wf.Task("Child", dsl.StepFunctionsStartExecution(dsl.Ref("Child")))
	f := wf.Task("Act", dsl.Activity(dsl.Ref("ReviewActivity")))
	g := wf.Pass("Opt").Result(dsl.Obj{"o": dsl.Ref("Options")})
	a.Next(b)
	b.Next(c)
	c.Next(d)
	d.Next(e)
	e.Next(f)
	f.Next(g)
	g.End()
	src, err := CdkGenerate(Workflow{PackagePath: "example.com/flows", PackageName: "flows", Func: "EveryKind", Name: wf.Name(), Definition: compile(t, wf)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0); err != nil {
		t.Fatalf("the generated file does not parse: %v", err)
	}
	golden.Check(t, "testdata/every_kind_cdk.go.golden", src)
}

func TestNoPlaceholders(t *testing.T) {
	wf := dsl.NewWorkflow("Plain")
	wf.Pass("P").End()
	src, err := CdkGenerate(Workflow{PackagePath: "example.com/flows", PackageName: "flows", Func: "Plain", Name: "Plain", Definition: compile(t, wf)})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/plain_cdk.go.golden", src)
}

func TestErrors(t *testing.T) {
	def := &asl.StateMachine{StartAt: "P", States: asl.States{{Name: "P", Type: asl.TypePass, End: true}}}
	for _, c := range []struct {
		w    Workflow
		want string
	}{
		{Workflow{Name: "W", PackagePath: "p", PackageName: "p", Func: "F"}, `cdkgen: workflow "W": no definition`},
		{Workflow{Name: "W", PackageName: "p", Func: "F", Definition: def}, `cdkgen: workflow "W": the package path and function are required`},
		{Workflow{Name: "W", PackagePath: "p", Func: "F", Definition: def}, `cdkgen: workflow "W": the output package name is required`},
	} {
		if _, err := CdkGenerate(c.w); err == nil || err.Error() != c.want {
			t.Errorf("error %v, want %s", err, c.want)
		}
	}
}

func TestGoFile(t *testing.T) {
	if got := GoFile("order_flow"); got != "order_flow_cdk.go" {
		t.Errorf("GoFile = %q", got)
	}
	for in, want := range map[string]string{"charge-fn": "ChargeFn", "9lives": "P9lives", "": "Placeholder", "ÿx": "Ÿx", "日本": "P日本"} {
		if got := exported(in, "Placeholder"); got != want {
			t.Errorf("exported(%q) = %q, want %q", in, got, want)
		}
	}
}
