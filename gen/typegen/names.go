package typegen

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
)

// Ident turns any text (a workflow, state or JSON field name) into an
// exported Go identifier: words split at anything that is not a letter or
// digit and at camelCase boundaries, each word capitalized and joined
// ("order total" → OrderTotal, "charge-card" → ChargeCard), common
// initialisms in capitals ("orderId" → OrderID). A result that would start with a digit or a
// letter with no upper case gets an "X" in front; an empty result is "X".
func Ident(s string) string {
	var b strings.Builder
	var words []string
	upper := true
	prevLower := false
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper, prevLower = true, false
			continue
		}
		if prevLower && unicode.IsUpper(r) {
			upper = true // a camelCase boundary: chargeId is charge Id
		}
		prevLower = unicode.IsLower(r)
		if upper {
			words = append(words, "")
			upper = false
			r = unicode.ToUpper(r)
		}
		words[len(words)-1] += string(r)
	}
	for _, w := range words {
		if initialisms[strings.ToUpper(w)] && restLower(w) {
			w = strings.ToUpper(w)
		}
		b.WriteString(w)
	}
	id := b.String()
	if id == "" {
		return "X"
	}
	first := []rune(id)[0]
	if !unicode.IsUpper(first) {
		id = "X" + id
	}
	if !token.IsIdentifier(id) || !token.IsExported(id) {
		return "X"
	}
	return id
}

// initialisms are words written all in capitals, as Go style has them.
var initialisms = map[string]bool{"ID": true, "URL": true, "ARN": true, "API": true, "HTTP": true, "JSON": true, "UUID": true, "SQS": true, "SNS": true}

// namer hands out identifiers that are unique within one scope.
type namer struct {
	used map[string]bool
}

func newNamer(reserved ...string) *namer {
	n := &namer{used: map[string]bool{}}
	for _, r := range reserved {
		n.used[r] = true
	}
	return n
}

// name returns base, or base2, base3, ... if it is taken.
func (n *namer) name(base string) string {
	if !n.used[base] {
		n.used[base] = true
		return base
	}
	for i := 2; ; i++ {
		c := base + strconv.Itoa(i)
		if !n.used[c] {
			n.used[c] = true
			return c
		}
	}
}

// restLower reports whether every rune of w after the first is lower case
// ("Id", not "IDx"), so that a word made of several joined words ("A" and
// "Pi" in "APi") is never read as an initialism on a second pass.
func restLower(w string) bool {
	for i, r := range w {
		if i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
