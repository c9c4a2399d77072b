package eval

import (
	"math"
	"testing"
)

func TestPow(t *testing.T) {
	// what node 20's Math.pow returns
	tests := []struct{ b, e, want float64 }{
		{1.1, 10, 2.5937424601000023},
		{3.7, 13, 24356922.421608146},
		{1.5, 13.14159, 206.11952316319258},
		{1.0001, 10000, 2.7181459268249255},
		{0.9, 100, 0.000026561398887587544},
		{123.456, 3, 1881640.2952028161},
		{2, 10, 1024},
		{2, -2, 0.25},
		{-2, 3, -8},
		{-8, 1.0 / 3, math.NaN()},
		{7, 0.5, 2.6457513110645907},
		{10, 21, 1e21},
		{10, -7, 1e-7},
		{0, -1, math.Inf(1)},
		{10, 400, math.Inf(1)},
		{10, -400, 0},
		{1, math.Inf(1), math.NaN()},
	}
	for _, tt := range tests {
		got := jsPow(tt.b, tt.e)
		if got != tt.want && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("jsPow(%v, %v) = %v, want %v", tt.b, tt.e, got, tt.want)
		}
	}
}

func BenchmarkPow(b *testing.B) {
	for i := 0; i < b.N; i++ {
		jsPow(1.5, 13.14159)
		jsPow(1.1, 10)
	}
}
