package compiler_test

import (
	"math"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
)

// TestExtraField checks the escape hatch: a field goasl does not model is
// written as given, after the known fields, with a warning.
func TestExtraField(t *testing.T) {
	wf := dsl.NewWorkflow("Extra")
	wf.Pass("Only").Extra("NewField", dsl.Obj{"on": true}).End()
	sm, diags := compiler.Diagnose(wf)
	if sm == nil {
		t.Fatalf("did not compile: %v", diags)
	}
	out, err := asl.Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	want := `    "Only": {
      "Type": "Pass",
      "End": true,
      "NewField": {
        "on": true
      }
    }`
	if !strings.Contains(string(out), want) {
		t.Errorf("the extra field is not written after the known ones:\n%s", out)
	}
	var warned bool
	for _, d := range diags {
		if d.Severity == asl.SeverityWarning && d.State == "Only" && d.Field == "NewField" {
			warned = true
			if d.File == "" || !strings.HasSuffix(d.File, "compile_test.go") {
				t.Errorf("the warning does not point at the Extra call: %s", d)
			}
		}
	}
	if !warned {
		t.Errorf("no warning about the extra field; got %v", diags)
	}
}

// TestDeterministic compiles every golden case twice and requires the
// same bytes.
func TestDeterministic(t *testing.T) {
	for name, build := range goldenCases {
		a, err := compiler.Compile(build())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := compiler.Compile(build())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ja, _ := asl.Marshal(a)
		jb, _ := asl.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two compilations differ", name)
		}
	}
}

func TestSplitPointerFields(t *testing.T) {
	wf := dsl.NewWorkflow("Fields")
	p := wf.Parallel("Fan")
	p.Branch(func(b *dsl.Scope) {
		b.Task("Inner", dsl.Lambda("f").NoDefaultRetry()).
			Catch(dsl.Catch(dsl.Named("Missing"), dsl.ErrAll)).End()
	}).End()
	_, err := compiler.Compile(wf)
	if err == nil {
		t.Fatal("compiled a catcher with a missing target")
	}
	cerr := err.(*compiler.Error)
	var found bool
	for _, d := range cerr.Diagnostics {
		if d.State == "Inner" && d.Field == "Catch[0].Next" {
			found = true
		}
	}
	if !found {
		t.Errorf("no diagnostic on state Inner, field Catch[0].Next: %v", err)
	}
}

// TestThirdPartyDisagreements compiles forms that AWS accepts but one of
// the npm validators rejects (so they are kept out of the golden files,
// which both validators check) and asserts exactly what goasl writes.
func TestThirdPartyDisagreements(t *testing.T) {
	tests := []struct {
		name  string
		build func(wf *dsl.Workflow)
		want  string
	}{
		{"boolean Condition (asl-validator wants a string; checklist 7.1.1)", func(wf *dsl.Workflow) {
			wf.QueryLanguage(dsl.JSONata)
			c := wf.Choice("C")
			c.When(dsl.CondValue(true), wf.Succeed("Done"))
		}, `"Condition": true`},
		{"decimal ToleratedFailurePercentage (both want an integer; checklist D7)", func(wf *dsl.Workflow) {
			m := wf.Map("M").Distributed(dsl.ExecutionStandard).ToleratedFailurePercentage(2.5).ItemsPath("$.items")
			m.Processor(func(items *dsl.Scope) { items.Pass("P").End() })
			m.End()
		}, `"ToleratedFailurePercentage": 2.5`},
		{"ResultWriter with only a WriterConfig (asl-validator wants a Resource; checklist 3.8.18)", func(wf *dsl.Workflow) {
			m := wf.Map("M").Distributed(dsl.ExecutionStandard).ItemsPath("$.items").
				ResultWriter(dsl.ResultsConfig().OutputType("JSONL").Transformation("FLATTEN"))
			m.Processor(func(items *dsl.Scope) { items.Pass("P").End() })
			m.End()
		}, `"ResultWriter": {
        "WriterConfig": {
          "OutputType": "JSONL",
          "Transformation": "FLATTEN"
        }
      }`},
		{"an escaped backslash in an intrinsic string (asl-validator rejects \\\\)", func(wf *dsl.Workflow) {
			wf.Pass("P").Parameters(dsl.Obj{"s": dsl.Format(`a \ b {}`, dsl.Path("$.x"))}).End()
		}, `"s.$": "States.Format('a \\\\ b {}', $.x)"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wf := dsl.NewWorkflow("W")
			tt.build(wf)
			sm, err := compiler.Compile(wf)
			if err != nil {
				t.Fatal(err)
			}
			out, err := asl.Marshal(sm)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("output does not contain %s:\n%s", tt.want, out)
			}
		})
	}
}

// TestIntegrationMisuse checks helper arguments that cannot work.
func TestIntegrationMisuse(t *testing.T) {
	tests := []struct {
		name  string
		build func(wf *dsl.Workflow)
		want  string
	}{
		{"nil default retrier", func(wf *dsl.Workflow) {
			wf.Task("Call", dsl.Lambda("f").DefaultRetry(nil)).End()
		}, `workflow "W": state "Call": Resource: DefaultRetry needs a retrier built with dsl.Retry: use NoDefaultRetry to turn the default retrier off`},
		{"infinite DynamoDB number", func(wf *dsl.Workflow) {
			wf.Task("Put", dsl.DynamoDBPutItem("t", dsl.Obj{"n": dsl.DynamoDBNumber(math.Inf(1))})).End()
		}, `workflow "W": state "Put": Parameters.Item.n.N: +Inf is not a number JSON can hold: give a finite number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wf := dsl.NewWorkflow("W")
			tt.build(wf)
			_, err := compiler.Compile(wf)
			if err == nil {
				t.Fatal("compiled")
			}
			var got []string
			for _, d := range err.(*compiler.Error).Diagnostics {
				s := d.String()
				got = append(got, s[strings.Index(s, "workflow "):])
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
