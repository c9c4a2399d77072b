package csvmap_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/examples/csvmap"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

type batch struct {
	Rows   []map[string]string `json:"rows"`
	Source string              `json:"source"`
}

type imported struct {
	Count int `json:"count"`
}

// orders returns a CSV of n rows with a header.
func orders(n int) []byte {
	var b strings.Builder
	b.WriteString("id,customer\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,c%d\n", i, i%7)
	}
	return []byte(b.String())
}

func run(t *testing.T, rows int, fail func(batch) bool) (*sfntest.Result, *local.S3) {
	s3 := &local.S3{}
	s3.Put("uploads", "orders.csv", orders(rows))
	h := sfntest.HandlerMap{"ImportBatch": sfntest.Func(func(_ context.Context, b batch) (imported, error) {
		if fail(b) {
			return imported{}, local.Error("Import.BadRow", "row "+b.Rows[0]["id"])
		}
		return imported{Count: len(b.Rows)}, nil
	})}
	r := sfntest.Run(t, csvmap.ImportCSV(), h, sfntest.S3(s3), sfntest.Sub("ResultsBucket", "results"),
		sfntest.Input(map[string]any{"bucket": "uploads", "key": "orders.csv"}))
	return r, s3
}

func TestImportCSV(t *testing.T) {
	r, s3 := run(t, 1200, func(batch) bool { return false })
	r.RequireSucceeded()
	keys := s3.Keys("results", "imports/")
	if len(keys) != 2 {
		t.Fatalf("ResultWriter wrote %v", keys)
	}
	var data []byte
	for _, k := range keys {
		if strings.HasSuffix(k, "/SUCCEEDED_0.json") {
			data, _ = s3.Get("results", k)
		}
	}
	if !strings.Contains(string(data), `{"imported":500},{"imported":500},{"imported":200}`) {
		t.Errorf("results %s", data)
	}
}

// One failed batch in 200 is 0.5%, within the 1% the Map tolerates; one in
// three is not.
func TestImportCSVToleratedFailures(t *testing.T) {
	r, _ := run(t, 100000, func(b batch) bool { return b.Rows[0]["id"] == "500" })
	r.RequireSucceeded()
	r, _ = run(t, 1200, func(b batch) bool { return b.Rows[0]["id"] == "500" })
	r.RequireFailed(local.ErrExceedToleratedFailureThreshold)
}
