package diagram

import (
	"strconv"
	"testing"

	"github.com/goasl/goasl/asl"
)

// chain returns a machine of n Pass states, each going to the next: one
// edge per state, so the time per state shows whether drawing is linear.
func chain(n int) *asl.StateMachine {
	sm := &asl.StateMachine{StartAt: "S0", States: make(asl.States, n)}
	for i := range n {
		st := &asl.State{Name: "S" + strconv.Itoa(i), Type: asl.TypePass}
		if i+1 < n {
			st.Next = "S" + strconv.Itoa(i+1)
		} else {
			st.End = true
		}
		sm.States[i] = st
	}
	return sm
}

// BenchmarkMermaid draws chains of 1,000 and 100,000 states; ns/state
// stays flat when drawing is linear in the number of states.
func BenchmarkMermaid(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		sm := chain(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				Mermaid(sm)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/state")
		})
	}
}

// BenchmarkDOT is BenchmarkMermaid for the DOT format.
func BenchmarkDOT(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		sm := chain(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				DOT(sm)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/state")
		})
	}
}
