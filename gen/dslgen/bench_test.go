package dslgen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
)

// chainMachine builds a JSONPath workflow of n Lambda tasks in a row, each
// with a retrier and a catcher.
func chainMachine(b *testing.B, n int) *asl.StateMachine {
	b.Helper()
	var sb strings.Builder
	sb.WriteString(`{"StartAt":"S0","States":{`)
	for i := range n {
		if i > 0 {
			sb.WriteString(",")
		}
		next := fmt.Sprintf(`"Next":"S%d"`, i+1)
		if i == n-1 {
			next = `"End":true`
		}
		fmt.Fprintf(&sb, `"S%d":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${Fn%d}","Payload.$":"$"},`+
			`"Retry":[{"ErrorEquals":["States.Timeout"],"MaxAttempts":2}],"Catch":[{"ErrorEquals":["States.ALL"],"Next":"S%d"}],%s}`, i, i, n-1, next)
	}
	sb.WriteString(`}}`)
	sm, err := asl.Parse([]byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	return sm
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run(fmt.Sprintf("states=%d", n), func(b *testing.B) {
			sm := chainMachine(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate("p", Workflow{Func: "W", Name: "w", Machine: sm}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
