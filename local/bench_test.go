package local

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/goasl/goasl/asl/value"
)

// chain returns a machine of n states of the given JSON body, each going
// to the next.
func chain(n int, body string) string {
	var b strings.Builder
	b.WriteString(`{"StartAt":"S0","States":{`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		next := fmt.Sprintf(`"Next":"S%d"`, i+1)
		if i == n-1 {
			next = `"End":true`
		}
		fmt.Fprintf(&b, `"S%d":{%s,%s}`, i, body, next)
	}
	b.WriteString(`}}`)
	return b.String()
}

// benchRun runs m b.N times and reports transitions per second of wall
// time and per second of the process's CPU time (user+system, GC
// included): on a shared machine the second is the one that measures the
// executor rather than the neighbours.
func benchRun(b *testing.B, m *Machine, opts Options, transitions int) {
	b.ReportAllocs()
	ctx := context.Background()
	cpu0 := cpuTime()
	for b.Loop() {
		x, err := m.Run(ctx, opts)
		if err != nil || x.Status != Succeeded {
			b.Fatalf("%v %v", err, x.Error)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(b.N*transitions)/b.Elapsed().Seconds(), "transitions/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N*transitions)/cpu.Seconds(), "transitions/cpu-s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPass runs 100 plain Pass states with the history on.
func BenchmarkPass(b *testing.B) {
	m := mustMachine(b, chain(100, `"Type":"Pass"`))
	benchRun(b, m, Options{Input: mustJSON(b, `{"order":{"id":"o1","items":[1,2,3]}}`)}, 100)
}

// BenchmarkPassResultPath runs 100 Pass states, every other one writing a
// Result into the input with ResultPath, with the history on.
func BenchmarkPassResultPath(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"StartAt":"S0","States":{`)
	for i := 0; i < 100; i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		next := fmt.Sprintf(`"Next":"S%d"`, i+1)
		if i == 99 {
			next = `"End":true`
		}
		extra := ""
		if i%2 == 1 {
			extra = fmt.Sprintf(`,"Result":%d,"ResultPath":"$.r%d"`, i, i%10)
		}
		fmt.Fprintf(&sb, `"S%d":{"Type":"Pass"%s,%s}`, i, extra, next)
	}
	sb.WriteString(`}}`)
	m := mustMachine(b, sb.String())
	benchRun(b, m, Options{Input: mustJSON(b, `{"order":{"id":"o1","items":[1,2,3]}}`)}, 100)
}

// BenchmarkTask runs 100 Task states answered by a Go handler, with
// Parameters and ResultPath, history on.
func BenchmarkTask(b *testing.B) {
	m := mustMachine(b, chain(100, `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$.order"},"ResultSelector":{"r.$":"$.Payload"},"ResultPath":"$.result"`))
	h := func(_ context.Context, t *Task) (value.Value, error) { return t.Input, nil }
	benchRun(b, m, Options{Input: mustJSON(b, `{"order":{"id":"o1","items":[1,2,3]}}`), Handlers: map[string]Handler{"arn:aws:states:::lambda:invoke": h}}, 100)
}

// BenchmarkInlineMap10000 runs an inline Map over 10,000 items, each
// iteration one Pass state, history on.
func BenchmarkInlineMap10000(b *testing.B) {
	m := mustMachine(b, `{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":10,
		"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$"},"End":true}}},"End":true}}}`)
	items := make([]value.Value, 10000)
	for i := range items {
		items[i] = value.FromInt(int64(i))
	}
	in := value.FromMembers(value.Member{Key: "items", Value: value.FromArray(items)})
	benchRun(b, m, Options{Input: in, MaxEvents: -1}, 10000)
}

// BenchmarkParallel runs a Parallel state of 10 branches of 10 Pass states
// each (the branches take turns on the virtual clock), history on.
func BenchmarkParallel(b *testing.B) {
	var br []string
	for range 10 {
		br = append(br, chain(10, `"Type":"Pass"`))
	}
	m := mustMachine(b, `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[`+strings.Join(br, ",")+`]}}}`)
	benchRun(b, m, Options{}, 101)
}

// BenchmarkTaskTyped runs 100 Task states answered by a typed Go handler
// (Typed: the payload decoded into a struct, the result encoded from one),
// with Parameters, ResultSelector and ResultPath, history on.
func BenchmarkTaskTyped(b *testing.B) {
	type item struct {
		ID    string `json:"id"`
		Items []int  `json:"items"`
	}
	type result struct {
		ID    string `json:"id"`
		Count int    `json:"count"`
	}
	m := mustMachine(b, chain(100, `"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$.order"},"ResultSelector":{"r.$":"$.Payload"},"ResultPath":"$.result"`))
	h := Typed(func(_ context.Context, in item) (result, error) { return result{ID: in.ID, Count: len(in.Items)}, nil })
	benchRun(b, m, Options{Input: mustJSON(b, `{"order":{"id":"o1","items":[1,2,3]}}`), Handlers: map[string]Handler{"arn:aws:states:::lambda:invoke": h}}, 100)
}
