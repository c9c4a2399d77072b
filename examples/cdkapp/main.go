package main

import (
	"fmt"
	"os"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/compiler/cdk"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "cdkapp:", err)
		os.Exit(1)
	}
}

func run() error {
	props := &awscdk.AppProps{}
	if os.Getenv("CDK_OUTDIR") == "" {
		// Run directly (go run .), not by the cdk CLI: write ./cdk.out.
		props.Outdir = jsii.String("cdk.out")
	}
	app := awscdk.NewApp(props)
	if err := newStack(app, "GoaslExample"); err != nil {
		return err
	}
	asm := app.Synth(nil)
	// Neither the CDK nor CloudFormation's validation checks the 1 MB
	// template limit before deploying.
	return cdk.CheckTemplates(*asm.Directory())
}

// newStack defines the functions, the review queue and both state
// machines.
func newStack(scope constructs.Construct, id string) error {
	stack := awscdk.NewStack(scope, jsii.String(id), &awscdk.StackProps{
		Description: jsii.String("goasl example: the OrderFlow and Greeting workflows with their Lambda functions"),
	})
	fn := func(name string) awslambda.IFunction {
		return awslambda.NewFunction(stack, jsii.String(name), &awslambda.FunctionProps{
			Runtime: awslambda.Runtime_NODEJS_22_X(),
			Handler: jsii.String("index.handler"),
			// A stand-in handler that returns its event; replace it with
			// the real code (awslambda.Code_FromAsset).
			Code: awslambda.Code_FromInline(jsii.String("exports.handler = async (event) => event;")),
		})
	}
	queue := awssqs.NewQueue(stack, jsii.String("ReviewQueue"), &awssqs.QueueProps{})

	if _, err := NewOrderFlowStateMachine(stack, "OrderFlow", OrderFlowProps{
		ValidateFn:     fn("ValidateFn"),
		ChargeFn:       fn("ChargeFn"),
		ShipFn:         fn("ShipFn"),
		RefundFn:       fn("RefundFn"),
		ReviewQueueURL: queue,
		Options: cdk.Props{
			Logs:    &cdk.Logs{Level: awsstepfunctions.LogLevel_ERROR},
			Tracing: true,
		},
	}); err != nil {
		return err
	}
	_, err := NewGreetingStateMachine(stack, "Greeting", GreetingProps{GreetFn: fn("GreetFn")})
	return err
}
