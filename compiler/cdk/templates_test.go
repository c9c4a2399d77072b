package cdk_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
	_ "github.com/goasl/goasl/internal/golden" // defines -update for go test ./... -update
)

func TestCheckTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("{}"+strings.Repeat(" ", size-2)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := cdk.CheckTemplates(dir); err == nil || err.Error() != "cdk: no *.template.json in "+dir+": is it a cloud assembly (cdk.out)?" {
		t.Errorf("empty dir: error %v", err)
	}
	write("Small.template.json", 100)
	write("Exact.template.json", cdk.MaxTemplateBytes)
	write("Big.template.json", cdk.MaxTemplateBytes+1)
	write("manifest.json", 2*cdk.MaxTemplateBytes)
	err := cdk.CheckTemplates(dir)
	want := "cdk: template Big.template.json is 1048577 bytes, over the 1 MB (1048576 bytes) CloudFormation accepts: split the stack or move state machines to stacks of their own"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestCheckTemplatesSynth checks a real cloud assembly.
func TestCheckTemplatesSynth(t *testing.T) {
	stack := newStack(t)
	wf := dsl.NewWorkflow("W")
	wf.Pass("P").End()
	if _, err := cdk.NewStateMachine(stack, "W", wf, nil); err != nil {
		t.Fatal(err)
	}
	asm := awscdk.Stage_Of(stack).Synth(&awscdk.StageSynthesisOptions{Force: jsii.Bool(true)})
	if err := cdk.CheckTemplates(*asm.Directory()); err != nil {
		t.Error(err)
	}
}
