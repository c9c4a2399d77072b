package aslcheck

import (
	"fmt"
	"testing"
)

// BenchmarkValidate measures one Validate call, Node.js start-up included,
// over one file and over every fixture; ms/file is the call's time divided
// by the number of files.
func BenchmarkValidate(b *testing.B) {
	Require(b)
	all, err := allFixtures()
	if err != nil {
		b.Fatal(err)
	}
	for _, files := range [][]string{all[:1], all} {
		b.Run(fmt.Sprintf("files=%d", len(files)), func(b *testing.B) {
			for b.Loop() {
				if _, err := Validate(files); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/float64(len(files)), "ms/file")
		})
	}
}
