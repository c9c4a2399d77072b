package sfntest

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/local"
)

// fakeTB records the first fatal message.
type fakeTB struct {
	testing.TB
	msg string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// capture runs fn with a fakeTB in its own goroutine (Fatalf stops it).
func capture(fn func(tb testing.TB)) string {
	f := &fakeTB{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f.msg
}

const double = `{"StartAt":"Double","States":{"Double":{"Type":"Task","Resource":"${Fn}","End":true}}}`

func machine(t *testing.T) *asl.StateMachine {
	sm, err := asl.Parse([]byte(double))
	if err != nil {
		t.Fatal(err)
	}
	return sm
}

func TestRunASLTypedHandler(t *testing.T) {
	h := HandlerMap{"arn:aws:lambda:us-east-1:1:function:double": Func(func(_ context.Context, n int) (int, error) { return 2 * n, nil })}
	r := RunASL(t, "Double", machine(t), h, Input(21), Sub("Fn", "arn:aws:lambda:us-east-1:1:function:double"))
	r.RequireSucceeded().RequireVisited("Double").RequireRetries("Double", 0).RequireDuration(0)
	var out int
	r.DecodeOutput(&out)
	if out != 42 {
		t.Errorf("output %d, want 42", out)
	}
}

func TestRequireMessages(t *testing.T) {
	h := HandlerMap{"Double": Func(func(context.Context, int) (int, error) { return 0, local.Error("Boom", "it broke") })}
	msg := capture(func(tb testing.TB) { RunASL(tb, "Double", machine(t), h, Input(1)).RequireSucceeded() })
	want := `workflow "Double": the execution FAILED with Boom: it broke; want SUCCEEDED (visited Double)`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
	msg = capture(func(tb testing.TB) { RunASL(tb, "Double", machine(t), HandlerMap{}, Input(1)) })
	want = `workflow "Double": state "Double": no handler or mocked response for resource "${Fn}": add a Handler for the state name or the resource, or a mocked response for the state in the mock configuration`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
	msg = capture(func(tb testing.TB) { RunASL(tb, "Double", machine(t), h, Input(1)).RequireFailed("Other") })
	want = `workflow "Double": the execution FAILED with Boom: it broke; want FAILED with Other (visited Double)`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
}

func TestSubValueWithQuotesAndBackslashes(t *testing.T) {
	const def = `{"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"Msg":"${Msg}","${Msg}":"a key, no placeholder"},"End":true}}}`
	sm, err := asl.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	want := `say "hi" \ bye <&> \n`
	r := RunASL(t, "P", sm, HandlerMap{}, Sub("Msg", want))
	r.RequireSucceeded()
	var out map[string]string
	r.DecodeOutput(&out)
	if out["Msg"] != want || out["${Msg}"] != "a key, no placeholder" || len(out) != 2 {
		t.Errorf("output %q, want Msg %q and the key ${Msg} unchanged", out, want)
	}
}

func TestSubUnknown(t *testing.T) {
	msg := capture(func(tb testing.TB) {
		RunASL(tb, "Double", machine(t), HandlerMap{}, Sub("Fn", "f"), Sub("Function", "f"))
	})
	want := `workflow "Double": sfntest.Sub: the definition has no placeholder ${Function}; its placeholders are ${Fn}`
	if msg != want {
		t.Errorf("got  %s\nwant %s", msg, want)
	}
}
