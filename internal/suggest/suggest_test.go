package suggest

import (
	"testing"

	_ "github.com/goasl/goasl/internal/golden" // defines -update for go test ./... -update
)

func TestClosest(t *testing.T) {
	states := []string{"Ship", "Charge", "Refund", "NeedsReview?"}
	tests := []struct {
		s    string
		want string
	}{
		{"Shipp", "Ship"},
		{"ship", "Ship"},
		{"Chrage", "Charge"}, // swapped neighbours
		{"Refnd", "Refund"},
		{"NeedsReview", "NeedsReview?"},
		{"Ship", ""},    // itself is not a suggestion
		{"Xy", ""},      // too short to be anything
		{"Payment", ""}, // nothing close
		{"Transform", "Transformation"},
		{"Tra", ""}, // a prefix, but too short to guess from
	}
	for _, tt := range tests {
		got := Closest(tt.s, append(states, "Transformation"))
		if got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := Closest("a", nil); got != "" {
		t.Errorf("no candidates: %q", got)
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"héllo", "hello", 1},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
