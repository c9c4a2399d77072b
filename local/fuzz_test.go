package local

import (
	"context"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/asl/value"
)

// FuzzRun checks that no valid machine and input makes the executor panic
// or hang: every Task answers with its input (or fails, or waits for an
// action to answer its token, by the input's shape), and the history
// quota bounds every loop.
func FuzzRun(f *testing.F) {
	f.Add([]byte(`{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.ArrayRange(1, 5, 1)"},"Next":"B"},"B":{"Type":"Choice","Choices":[{"Variable":"$.x[0]","NumericEquals":1,"Next":"C"}],"Default":"C"},"C":{"Type":"Succeed"}}}`), []byte(`{"a":1}`))
	f.Add([]byte(`{"StartAt":"L","States":{"L":{"Type":"Pass","Next":"L"}}}`), []byte(`{}`))
	f.Add([]byte(`{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":99999999}],"End":true}}}`), []byte(`{"fail":true}`))
	f.Add([]byte(`{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.i","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}],"End":true}}},"End":true}}}`), []byte(`{"i":[1,2,3]}`))
	f.Add([]byte(`{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","HeartbeatSeconds":5,"End":true}}},{"StartAt":"U","States":{"U":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}}}],"End":true}}}`), []byte(`{"wait":true}`))
	f.Fuzz(func(t *testing.T, def, input []byte) {
		sm, err := asl.Parse(def)
		if err != nil {
			return
		}
		for _, d := range asl.Validate(sm, asl.ValidateOptions{}) {
			if d.Severity == asl.SeverityError {
				return
			}
		}
		m, err := Compile(sm)
		if err != nil {
			return
		}
		in, err := value.Parse(input)
		if err != nil {
			return
		}
		h := func(_ context.Context, tk *Task) (value.Value, error) {
			if v, ok := tk.Input.Get("fail"); ok && v.Bool() {
				return value.Value{}, Error("Fuzz.Failed", "asked to")
			}
			if v, ok := tk.Input.Get("wait"); ok && v.Bool() {
				return value.Value{}, ErrNoAnswer
			}
			return tk.Input, nil
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		handlers := map[string]Handler{}
		sm.States.Each(func(st *asl.State) { handlers[st.Name] = h })
		// Every 3 seconds an action answers the oldest waiting task (or
		// fails it, or sends it a heartbeat, by turns); after a virtual
		// day the execution is stopped.
		turn := 0
		var answer func(c *Control) error
		answer = func(c *Control) error {
			c.After(3*time.Second, answer)
			w := c.Waiting()
			if len(w) == 0 {
				return nil
			}
			turn++
			switch turn % 3 {
			case 0:
				return c.SendTaskSuccess(w[0].Token, w[0].Input)
			case 1:
				return c.SendTaskFailure(w[0].Token, "Fuzz.Rejected", "")
			}
			return c.SendTaskHeartbeat(w[0].Token)
		}
		actions := []Action{At(time.Second, answer), At(24*time.Hour, func(c *Control) error {
			c.StopExecution("Fuzz.Stop", "a day passed")
			return nil
		})}
		x, err := m.Run(ctx, Options{Input: in, Handlers: handlers, S3: &S3{}, Actions: actions})
		if err != nil {
			if ctx.Err() != nil {
				t.Fatalf("the run did not end within 10s")
			}
			return
		}
		_ = x.HistoryJSON()
	})
}
