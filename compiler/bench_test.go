package compiler_test

import (
	"fmt"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/dsl"
)

func link(from, to dsl.State) {
	switch s := from.(type) {
	case *dsl.TaskState:
		s.Next(to)
	case *dsl.PassState:
		s.Next(to)
	case *dsl.MapState:
		s.Next(to)
	case *dsl.ParallelState:
		s.Next(to)
	}
}

// largeWorkflow builds a workflow of n states (counting the states of the
// branches and the item processor): a Parallel with two branches, an
// inline Map, then a chain of Pass states with a Lambda task every 20th
// and a Choice every 25th. (Short names and few payloads keep 10,000 states under
// the 1 MB definition quota.)
func largeWorkflow(n int) *dsl.Workflow {
	wf := dsl.NewWorkflow(fmt.Sprintf("Large%d", n))
	par := wf.Parallel("Fan").ResultPath("$.fan")
	par.Branch(func(b *dsl.Scope) { b.Pass("Left").End() })
	par.Branch(func(b *dsl.Scope) { b.Pass("Right").End() })
	m := wf.Map("Each").ItemsPath("$.items").ResultPath("$.mapped")
	m.Processor(func(items *dsl.Scope) { items.Task("Item", dsl.Lambda("item")).End() })
	par.Next(m)
	count := 6 // Fan, Left, Right, Each, Item, and Done below
	var last dsl.State = m
	for i := 0; count < n; i++ {
		var st dsl.State
		switch {
		case i%25 == 24 && count+3 <= n:
			c := wf.Choice(fmt.Sprintf("C%d", i))
			skip := wf.Pass(fmt.Sprintf("K%d", i)).Result(i)
			join := wf.Pass(fmt.Sprintf("J%d", i))
			c.When(dsl.NumericGreaterThan("$.n", float64(i)), skip)
			c.Otherwise(join)
			skip.Next(join)
			link(last, c)
			st, count = join, count+3
		case i%20 == 0:
			st = wf.Task(fmt.Sprintf("T%d", i), dsl.Lambda("fn").Payload(dsl.Obj{"n": dsl.Path("$.n"), "i": i})).ResultPath("$.r")
			link(last, st)
			count++
		default:
			st = wf.Pass(fmt.Sprintf("S%d", i))
			link(last, st)
			count++
		}
		last = st
	}
	link(last, wf.Succeed("Done"))
	return wf
}

func countAll(states asl.States) int {
	n := 0
	for _, s := range states {
		n++
		for _, br := range s.Branches {
			n += countAll(br.States)
		}
		if s.ItemProcessor != nil {
			n += countAll(s.ItemProcessor.States)
		}
	}
	return n
}

func TestLargeWorkflowSize(t *testing.T) {
	for _, n := range []int{10, 1000, 10000} {
		sm, err := compiler.Compile(largeWorkflow(n))
		if err != nil {
			t.Fatal(err)
		}
		if got := countAll(sm.States); got != n {
			t.Errorf("largeWorkflow(%d) has %d states", n, got)
		}
	}
}

// benchmarkCompile measures Compile followed by Marshal of an n-state
// workflow (the builder runs once, outside the timer).
func benchmarkCompile(b *testing.B, n int) {
	wf := largeWorkflow(n)
	b.ReportAllocs()
	for b.Loop() {
		sm, err := compiler.Compile(wf)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := asl.Marshal(sm); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompile10(b *testing.B)    { benchmarkCompile(b, 10) }
func BenchmarkCompile1000(b *testing.B)  { benchmarkCompile(b, 1000) }
func BenchmarkCompile10000(b *testing.B) { benchmarkCompile(b, 10000) }
