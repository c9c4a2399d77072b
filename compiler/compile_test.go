package compiler_test

import (
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
	p.Branch().Task("Inner", dsl.Lambda("f").NoDefaultRetry()).
		Catch(dsl.Catch(dsl.Named("Missing"), dsl.ErrAll)).End()
	p.End()
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
