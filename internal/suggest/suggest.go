package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate closest to s, or "" when none is close
// enough to be a likely typo. Distance counts inserted, deleted and
// changed characters and swapped neighbours, ignoring case; a name of n
// characters may be off by at most max(2, n/3) of them (and by fewer than
// n). A candidate that s is a cut-off start of ("Transform" for
// "Transformation") also counts, for names of four characters or more.
// Candidates equal to s are skipped; the first of equally close ones wins.
func Closest(s string, candidates []string) string {
	n := utf8.RuneCountInString(s)
	limit := max(2, n/3)
	ls := strings.ToLower(s)
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s {
			continue
		}
		lc := strings.ToLower(c)
		d := Distance(ls, lc)
		if n >= 4 && d > limit && strings.HasPrefix(lc, ls) {
			d = limit
		}
		if d > limit || d >= n {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Distance is the optimal string alignment distance of a and b in runes:
// insertions, deletions, substitutions and swaps of adjacent runes cost 1.
// Very long strings are compared only for equality.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 200 || len(rb) > 200 {
		if a == b {
			return 0
		}
		return max(len(ra), len(rb))
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
