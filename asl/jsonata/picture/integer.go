package picture

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numbering is how an integer is written: the primary format token of an
// integer picture (XPath format-integer) or of a date/time marker.
type numbering int

const (
	decimalDigits numbering = iota // "0001", "#,##0", "١"
	romanUpper                     // "I"
	romanLower                     // "i"
	alphaUpper                     // "A"
	alphaLower                     // "a"
	wordsUpper                     // "W"
	wordsLower                     // "w"
	wordsTitle                     // "Ww"
)

// intFormat is an analysed integer picture.
type intFormat struct {
	kind    numbering
	ordinal bool

	// decimalDigits only
	zero      rune       // the digit family's zero
	mandatory int        // digits that are always written
	optional  int        // "#" signs
	seps      []grouping // separators, nearest the units first
	every     int        // with a regular grouping: a separator every this many digits
}

// grouping is a grouping separator, pos digits from the right.
type grouping struct {
	pos int
	sep string
}

// familyZero returns the zero of the decimal digit family r belongs to.
func familyZero(r rune) rune {
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return start + (r-start)/10*10
}

// analyseInteger reads an integer picture: a primary token and, after the
// last ';', a modifier (c, o, with an optional a or t).
func analyseInteger(picture string) (intFormat, error) {
	primary, modifier := picture, ""
	if i := strings.LastIndexByte(picture, ';'); i >= 0 {
		primary, modifier = picture[:i], picture[i+1:]
	}
	f, err := analysePrimary(primary)
	if err != nil {
		return f, err
	}
	if strings.HasPrefix(modifier, "o") {
		f.ordinal = true
	}
	return f, nil
}

func analysePrimary(primary string) (intFormat, error) {
	switch primary {
	case "I":
		return intFormat{kind: romanUpper}, nil
	case "i":
		return intFormat{kind: romanLower}, nil
	case "A":
		return intFormat{kind: alphaUpper}, nil
	case "a":
		return intFormat{kind: alphaLower}, nil
	case "W":
		return intFormat{kind: wordsUpper}, nil
	case "w":
		return intFormat{kind: wordsLower}, nil
	case "Ww":
		return intFormat{kind: wordsTitle}, nil
	}
	f := intFormat{kind: decimalDigits, zero: -1}
	// Walk from the right so separator positions count digits from the units.
	runes := []rune(primary)
	digits := 0
	for i := len(runes) - 1; i >= 0; i-- {
		r := runes[i]
		switch {
		case unicode.IsDigit(r):
			z := familyZero(r)
			if f.zero >= 0 && z != f.zero {
				return f, &Error{Code: "D3131", Message: "In a decimal digit pattern, all digits must be from the same decimal group"}
			}
			f.zero = z
			f.mandatory++
			digits++
		case r == '#':
			f.optional++
			digits++
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			return f, unsupported(primary)
		default:
			f.seps = append(f.seps, grouping{pos: digits, sep: string(r)})
		}
	}
	if f.mandatory == 0 {
		return f, unsupported(primary)
	}
	f.every = regularGrouping(f.seps, digits)
	return f, nil
}

func unsupported(primary string) error {
	return &Error{Code: "D3130", Message: "Formatting or parsing an integer as a sequence starting with " + strconv.Quote(primary) + " is not supported by this implementation"}
}

// regularGrouping returns G when the separators are one character placed at
// every multiple of G (XPath's regular grouping), or 0.
func regularGrouping(seps []grouping, digits int) int {
	if len(seps) == 0 {
		return 0
	}
	g := seps[0].pos
	if g == 0 {
		return 0
	}
	for _, s := range seps {
		if s.sep != seps[0].sep || s.pos%g != 0 {
			return 0
		}
	}
	for m := g; m < digits; m += g {
		found := false
		for _, s := range seps {
			if s.pos == m {
				found = true
			}
		}
		if !found {
			return 0
		}
	}
	return g
}

// FormatInteger is $formatInteger(value, picture).
func FormatInteger(value float64, picture string) (string, error) {
	f, err := analyseInteger(picture)
	if err != nil {
		return "", err
	}
	return f.format(math.Floor(value)), nil
}

func (f intFormat) format(n float64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	var s string
	switch f.kind {
	case decimalDigits:
		s = f.formatDigits(strconv.FormatFloat(n, 'f', 0, 64))
		if f.ordinal {
			s += ordinalSuffix(n)
		}
	case romanUpper:
		s = strings.ToUpper(roman(n))
	case romanLower:
		s = roman(n)
	case alphaUpper:
		s = strings.ToUpper(alpha(n))
	case alphaLower:
		s = alpha(n)
	default:
		s = words(n, f.ordinal)
		switch f.kind {
		case wordsUpper:
			s = strings.ToUpper(s)
		case wordsTitle:
			s = titleWords(s)
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

// formatDigits writes the ASCII digits ds in the picture's digit family,
// padded and grouped.
func (f intFormat) formatDigits(ds string) string {
	for len(ds) < f.mandatory {
		ds = "0" + ds
	}
	var out []rune
	count := 0
	for i := len(ds) - 1; i >= 0; i-- {
		if count > 0 {
			if f.every > 0 {
				if count%f.every == 0 {
					out = append(out, []rune(reverse(f.seps[0].sep))...)
				}
			} else {
				for _, s := range f.seps {
					if s.pos == count {
						out = append(out, []rune(reverse(s.sep))...)
					}
				}
			}
		}
		out = append(out, f.zero+rune(ds[i]-'0'))
		count++
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func ordinalSuffix(n float64) string {
	m := math.Mod(n, 100)
	if m >= 11 && m <= 13 {
		return "th"
	}
	switch math.Mod(n, 10) {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

var romanNumerals = []struct {
	value float64
	text  string
}{
	{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
	{50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"},
}

// maxRoman is the largest number written in roman numerals; larger ones are
// written in decimal digits (a numeral would be n/1000 letters long).
const maxRoman = 1e6

func roman(n float64) string {
	if n > maxRoman {
		return strconv.FormatFloat(n, 'f', 0, 64)
	}
	var b strings.Builder
	for _, r := range romanNumerals {
		for n >= r.value {
			b.WriteString(r.text)
			n -= r.value
		}
	}
	return b.String()
}

// alpha writes n in bijective base 26: a..z, aa, ab, ...
func alpha(n float64) string {
	var out []byte
	for n > 0 {
		n--
		out = append(out, 'a'+byte(math.Mod(n, 26)))
		n = math.Floor(n / 26)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

var (
	smallWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tensWords     = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	smallOrdinals = []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	tensOrdinals = []string{"", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"}
	scales       = []struct {
		value float64
		word  string
	}{{1e12, "trillion"}, {1e9, "billion"}, {1e6, "million"}, {1e3, "thousand"}, {100, "hundred"}}
)

// words writes n in British English words ("three hundred and twenty-one"),
// the last word as an ordinal when asked.
func words(n float64, ordinal bool) string {
	switch {
	case n < 20:
		if ordinal {
			return smallOrdinals[int(n)]
		}
		return smallWords[int(n)]
	case n < 100:
		t, u := int(n)/10, int(n)%10
		if u == 0 {
			if ordinal {
				return tensOrdinals[t]
			}
			return tensWords[t]
		}
		return tensWords[t] + "-" + words(float64(u), ordinal)
	}
	for _, s := range scales {
		if n < s.value {
			continue
		}
		hi := math.Floor(n / s.value)
		lo := n - hi*s.value
		head := words(hi, false) + " " + s.word
		switch {
		case lo <= 0:
			if ordinal {
				return head + "th"
			}
			return head
		case lo < 100 || s.value == 100:
			return head + " and " + words(lo, ordinal)
		default:
			return head + ", " + words(lo, ordinal)
		}
	}
	return ""
}

// titleWords capitalises every word but "and", also after hyphens.
func titleWords(s string) string {
	b := []byte(s)
	start := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == ' ' || c == '-' || c == ',' {
			start = true
			continue
		}
		if start && !(c == 'a' && strings.HasPrefix(s[i:], "and") && (i+3 == len(s) || s[i+3] == ' ')) {
			b[i] = c - 'a' + 'A'
		}
		start = false
	}
	return string(b)
}

// ParseInteger is $parseInteger(s, picture); ok is false where JSONata's
// result is undefined.
func ParseInteger(s, picture string) (float64, bool, error) {
	f, err := analyseInteger(picture)
	if err != nil {
		return 0, false, err
	}
	n, ok := f.parse(s)
	return n, ok, nil
}

// parse reads a whole string written in the format f.
func (f intFormat) parse(s string) (float64, bool) {
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	var n float64
	var ok bool
	switch f.kind {
	case decimalDigits:
		n, ok = f.parseDigits(s)
	case romanUpper, romanLower:
		n, ok = parseRoman(s)
	case alphaUpper, alphaLower:
		n, ok = parseAlpha(s)
	default:
		n, ok = parseWords(s)
	}
	if neg {
		n = -n
	}
	return n, ok
}

func (f intFormat) parseDigits(s string) (float64, bool) {
	if f.ordinal {
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(s, suf) {
				s = s[:len(s)-2]
				break
			}
		}
	}
	var ds []byte
	for _, r := range s {
		if r >= f.zero && r <= f.zero+9 {
			ds = append(ds, byte('0'+r-f.zero))
			continue
		}
		if !f.isSep(r) {
			return 0, false
		}
	}
	if len(ds) == 0 {
		return 0, false
	}
	n, err := strconv.ParseFloat(string(ds), 64)
	return n, err == nil
}

func (f intFormat) isSep(r rune) bool {
	for _, s := range f.seps {
		if strings.ContainsRune(s.sep, r) {
			return true
		}
	}
	return false
}

func parseRoman(s string) (float64, bool) {
	s = strings.ToLower(s)
	var n float64
	for s != "" {
		matched := false
		for _, r := range romanNumerals {
			if strings.HasPrefix(s, r.text) {
				n += r.value
				s = s[len(r.text):]
				matched = true
				break
			}
		}
		if !matched {
			return 0, false
		}
	}
	return n, true
}

func parseAlpha(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	var n float64
	for _, r := range strings.ToLower(s) {
		if r < 'a' || r > 'z' {
			return 0, false
		}
		n = n*26 + float64(r-'a'+1)
	}
	return n, true
}

var wordValues = func() map[string]float64 {
	m := map[string]float64{}
	for i, w := range smallWords {
		m[w] = float64(i)
	}
	for i, w := range smallOrdinals {
		m[w] = float64(i)
	}
	for i, w := range tensWords {
		if w != "" {
			m[w] = float64(i * 10)
			m[tensOrdinals[i]] = float64(i * 10)
		}
	}
	for _, s := range scales {
		m[s.word] = s.value
		m[s.word+"th"] = s.value
	}
	return m
}()

// parseWords reads English number words, cardinal or ordinal, in any case.
func parseWords(s string) (float64, bool) {
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == ',' })
	var total, current float64
	seen := false
	for _, w := range fields {
		if w == "and" {
			continue
		}
		v, ok := wordValues[w]
		if !ok {
			return 0, false
		}
		seen = true
		switch {
		case v == 100:
			current *= 100
		case v >= 1000:
			switch {
			case current == 0:
				total *= v
			case v > total:
				total = (total + current) * v
			default:
				total += current * v
			}
			current = 0
		default:
			current += v
		}
	}
	return total + current, seen
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
