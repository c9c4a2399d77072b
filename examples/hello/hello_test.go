package hello_test

import (
	"context"
	"testing"
	"time"

	"github.com/goasl/goasl/examples/hello"
	"github.com/goasl/goasl/sfntest"
)

type greet struct {
	Message string `json:"message"`
}

func TestGreeting(t *testing.T) {
	h := sfntest.HandlerMap{"SayHello": sfntest.Func(func(_ context.Context, in greet) (greet, error) { return in, nil })}
	r := sfntest.Run(t, hello.Greeting(), h, sfntest.Input(map[string]any{"name": "Ada", "wantsGoodbye": true}))
	r.RequireSucceeded().RequireVisited("SayHello", "Pause", "Polite?", "SayGoodbye", "Done").RequireDuration(30 * time.Second)
	var out struct {
		Greeting struct {
			Payload    greet `json:"Payload"`
			StatusCode int   `json:"StatusCode"`
		} `json:"greeting"`
		Farewell string `json:"farewell"`
	}
	r.DecodeOutput(&out)
	if out.Greeting.Payload.Message != "Hello, Ada!" || out.Greeting.StatusCode != 200 || out.Farewell != "Goodbye!" {
		t.Errorf("output %+v", out)
	}
}
