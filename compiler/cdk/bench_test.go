package cdk_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/cdk"
	"github.com/goasl/goasl/dsl"
)

const benchStates = 1000

// chainWorkflow is a chain of n Pass states, State0000 → State0001 → ...
func chainWorkflow(n int) *dsl.Workflow {
	wf := dsl.NewWorkflow("Chain")
	var prev *dsl.PassState
	for i := range n {
		p := wf.Pass(fmt.Sprintf("State%04d", i))
		if prev != nil {
			prev.Next(p)
		}
		prev = p
	}
	prev.End()
	return wf
}

func benchApp() awscdk.Stack {
	app := awscdk.NewApp(&awscdk.AppProps{BuiltinCloudFormationValidation: jsii.Bool(false)})
	return awscdk.NewStack(app, jsii.String("Bench"), nil)
}

// BenchmarkSynth1000 synthesizes a stack with a chain of 1,000 Pass states
// built two ways in the same process (one jsii runtime, started before the
// timer): goasl compiles the workflow and hands the CDK the definition as
// a string; the CDK builder makes one construct per state.
func BenchmarkSynth1000(b *testing.B) {
	if _, err := cdk.NewStateMachine(benchApp(), "Warm", chainWorkflow(1), nil); err != nil {
		b.Fatal(err) // starts jsii outside the timings
	}
	b.Run("goasl", func(b *testing.B) {
		for b.Loop() {
			stack := benchApp()
			if _, err := cdk.NewStateMachine(stack, "Chain", chainWorkflow(benchStates), nil); err != nil {
				b.Fatal(err)
			}
			awscdk.Stage_Of(stack).Synth(nil)
		}
	})
	b.Run("awsstepfunctions", func(b *testing.B) {
		for b.Loop() {
			stack := benchApp()
			var chain awsstepfunctions.Chain
			for i := range benchStates {
				p := awsstepfunctions.NewPass(stack, jsii.String(fmt.Sprintf("State%04d", i)), nil)
				if chain == nil {
					chain = awsstepfunctions.Chain_Start(p)
				} else {
					chain = chain.Next(p)
				}
			}
			awsstepfunctions.NewStateMachine(stack, jsii.String("Chain"), &awsstepfunctions.StateMachineProps{
				DefinitionBody: awsstepfunctions.DefinitionBody_FromChainable(chain),
			})
			awscdk.Stage_Of(stack).Synth(nil)
		}
	})
}

// TestBenchmarkDefinitionsMatch checks that both sides of
// BenchmarkSynth1000 build the same definition (on a shorter chain).
func TestBenchmarkDefinitionsMatch(t *testing.T) {
	needNode(t)
	const n = 50
	ours := newStack(t)
	if _, err := cdk.NewStateMachine(ours, "Chain", chainWorkflow(n), nil); err != nil {
		t.Fatal(err)
	}
	theirs := newStack(t)
	var chain awsstepfunctions.Chain
	for i := range n {
		p := awsstepfunctions.NewPass(theirs, jsii.String(fmt.Sprintf("State%04d", i)), nil)
		if chain == nil {
			chain = awsstepfunctions.Chain_Start(p)
		} else {
			chain = chain.Next(p)
		}
	}
	awsstepfunctions.NewStateMachine(theirs, jsii.String("Chain"), &awsstepfunctions.StateMachineProps{
		DefinitionBody: awsstepfunctions.DefinitionBody_FromChainable(chain),
	})
	canon := func(s awscdk.Stack) string {
		def := only(t, assertions.Template_FromStack(s, nil), "AWS::StepFunctions::StateMachine")["DefinitionString"]
		str, ok := def.(string)
		if !ok {
			t.Fatalf("DefinitionString is not a string: %v", def)
		}
		sm, err := asl.Parse([]byte(str))
		if err != nil {
			t.Fatalf("parsing %s: %v", str, err)
		}
		data, err := asl.Marshal(sm)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	if a, b := canon(ours), canon(theirs); a != b {
		t.Errorf("goasl's definition:\n%s\nthe CDK builder's:\n%s", a, b)
	}
}
