package hello

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Greeting builds the workflow.
func Greeting() *dsl.Workflow {
	wf := dsl.NewWorkflow("Greeting").Comment("Say hello, wait, maybe say goodbye.")

	hello := wf.Task("SayHello", dsl.Lambda(dsl.Ref("GreetFn")).
		Payload(dsl.Obj{"message": dsl.Format("Hello, {}!", dsl.Path("$.name"))}).
		ResultPath("$.greeting").
		Retry(dsl.Retry(dsl.ErrTimeout).MaxAttempts(2)))
	pause := wf.Wait("Pause").For(30 * time.Second)
	polite := wf.Choice("Polite?")
	bye := wf.Pass("SayGoodbye").Result("Goodbye!").ResultPath("$.farewell")
	done := wf.Succeed("Done")

	hello.Next(pause)
	pause.Next(polite)
	polite.When(dsl.BooleanEquals("$.wantsGoodbye", true), bye)
	polite.Otherwise(done)
	bye.Next(done)
	return wf
}
