package picture

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// isoRe is the ISO 8601 form $toMillis reads without a picture.
var isoRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$`)

// ParseDateTime is $toMillis(s, picture): an empty picture means ISO 8601; ok
// is false where JSONata's result is undefined. Components the picture does
// not give above the ones it gives (the date of "[H]:[m]") come from now, in
// milliseconds since the epoch (the caller's clock).
func ParseDateTime(s, picture string, now float64) (millis float64, ok bool, err error) {
	if picture == "" {
		return parseISO(s)
	}
	parts, err := analyseDateTime(picture)
	if err != nil {
		return 0, false, err
	}
	if err := checkSpecified(parts); err != nil {
		return 0, false, err
	}
	re, err := parseRegexp(parts)
	if err != nil {
		return 0, false, err
	}
	m := re.FindStringSubmatch(s)
	if m == nil {
		return 0, false, nil
	}
	given := map[byte]int{}
	offset := 0
	pm, hasP := false, false
	group := 1
	for _, p := range parts {
		if p.component == 0 {
			continue
		}
		text := m[group]
		group++
		switch p.component {
		case 'P':
			hasP, pm = true, strings.EqualFold(text, "pm")
			continue
		case 'Z', 'z':
			o, ok := parseOffsetText(strings.TrimPrefix(strings.ToUpper(text), "GMT"))
			if !ok {
				return 0, false, nil
			}
			offset = o
			continue
		case 'F', 'C', 'E', 'W', 'w', 'X', 'x':
			continue
		case 'f':
			digits := text + "000"
			n, _ := strconv.Atoi(digits[:3])
			given['f'] = n
			continue
		}
		var n float64
		var ok bool
		if p.names != "" {
			n, ok = nameValue(p.component, text)
		} else {
			n, ok = p.num.parse(text)
		}
		if !ok {
			return 0, false, nil
		}
		c := p.component
		if c == 'h' {
			c = 'H'
		}
		given[c] = int(n)
	}
	if len(given) == 0 {
		return 0, false, nil
	}
	if h, ok := given['H']; ok && hasP {
		h %= 12
		if pm {
			h += 12
		}
		given['H'] = h
	}
	nowT := time.UnixMilli(int64(math.Floor(now))).UTC()
	order := "YMDHmsf"
	if _, ok := given['d']; ok {
		order = "YdHmsf"
	}
	nowValues := map[byte]int{'Y': nowT.Year(), 'M': int(nowT.Month()), 'D': nowT.Day(), 'd': nowT.YearDay(),
		'H': nowT.Hour(), 'm': nowT.Minute(), 's': nowT.Second(), 'f': nowT.Nanosecond() / 1e6}
	minValues := map[byte]int{'M': 1, 'D': 1, 'd': 1}
	first := strings.IndexFunc(order, func(r rune) bool { _, ok := given[byte(r)]; return ok })
	v := map[byte]int{}
	for i := 0; i < len(order); i++ {
		c := order[i]
		switch x, ok := given[c]; {
		case ok:
			v[c] = x
		case i < first:
			v[c] = nowValues[c]
		default:
			v[c] = minValues[c]
		}
	}
	var t time.Time
	if _, ok := v['d']; ok {
		t = time.Date(v['Y'], 1, 1, v['H'], v['m'], v['s'], v['f']*1e6, time.UTC).AddDate(0, 0, v['d']-1)
	} else {
		t = time.Date(v['Y'], time.Month(v['M']), v['D'], v['H'], v['m'], v['s'], v['f']*1e6, time.UTC)
	}
	return float64(t.UnixMilli() - int64(offset)*60000), true, nil
}

func parseISO(s string) (float64, bool, error) {
	m := isoRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false, &Error{Code: "D3110", Message: "The timestamp " + strconv.Quote(s) + " is not in ISO 8601 format: use a picture string as the second argument"}
	}
	atoi := func(x string, def int) int {
		if x == "" {
			return def
		}
		n, _ := strconv.Atoi(x)
		return n
	}
	ms := 0
	if m[7] != "" {
		digits := m[7] + "00"
		ms, _ = strconv.Atoi(digits[:3])
	}
	t := time.Date(atoi(m[1], 0), time.Month(atoi(m[2], 1)), atoi(m[3], 1), atoi(m[4], 0), atoi(m[5], 0), atoi(m[6], 0), ms*1e6, time.UTC)
	offset := 0
	if m[8] != "" {
		offset, _ = parseOffsetText(m[8])
	}
	return float64(t.UnixMilli() - int64(offset)*60000), true, nil
}

// parseOffsetText reads "Z", "+05:30", "-0500" or "-5" in minutes.
func parseOffsetText(s string) (int, bool) {
	if s == "Z" {
		return 0, true
	}
	if s == "" || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	s = s[1:]
	h, m := s, ""
	if i := strings.IndexByte(s, ':'); i >= 0 {
		h, m = s[:i], s[i+1:]
	} else if len(s) > 2 {
		h, m = s[:len(s)-2], s[len(s)-2:]
	}
	hours, err := strconv.Atoi(h)
	if err != nil {
		return 0, false
	}
	mins := 0
	if m != "" {
		if mins, err = strconv.Atoi(m); err != nil {
			return 0, false
		}
	}
	return sign * (hours*60 + mins), true
}

// checkSpecified refuses a picture whose components leave a gap (a year and
// a day but no month) or that only week-based dates could complete.
func checkSpecified(parts []dtPart) error {
	has := map[byte]bool{}
	for _, p := range parts {
		c := p.component
		if c == 'h' {
			c = 'H'
		}
		has[c] = true
	}
	under := &Error{Code: "D3136", Message: "The date/time picture string is missing specifiers required to parse the timestamp"}
	if has['W'] || has['w'] || has['X'] || has['x'] {
		return under
	}
	order := "YMDHmsf"
	if has['d'] {
		if has['M'] || has['D'] {
			return under
		}
		order = "YdHmsf"
	}
	first, last := -1, -1
	for i := 0; i < len(order); i++ {
		if has[order[i]] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first + 1; first >= 0 && i < last; i++ {
		if !has[order[i]] {
			return under
		}
	}
	return nil
}

// parseRegexp builds the pattern that reads a whole timestamp written with
// the picture; each marker is one group.
func parseRegexp(parts []dtPart) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	for i, p := range parts {
		if p.component == 0 {
			b.WriteString(regexp.QuoteMeta(strings.ToValidUTF8(p.literal, "\uFFFD")))
			continue
		}
		adjacent := i+1 < len(parts) && parts[i+1].component != 0
		b.WriteString("(")
		b.WriteString(p.pattern(adjacent))
		b.WriteString(")")
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// pattern is the regular expression one marker's text matches; a numeric
// marker right before another has a fixed width.
func (p dtPart) pattern(adjacent bool) string {
	switch p.component {
	case 'P':
		return "(?i:am|pm)"
	case 'Z':
		return `Z|[+-][0-9]{1,2}(?::?[0-9]{2})?`
	case 'z':
		return `(?i:GMT)[+-][0-9]{1,2}(?::?[0-9]{2})?`
	case 'f':
		return "[0-9]+"
	}
	if p.names != "" {
		var names []string
		switch p.component {
		case 'M', 'x':
			names = monthNames
		case 'F':
			names = dayNames
		default:
			return "[A-Za-z]+"
		}
		alts := make([]string, len(names))
		for i, n := range names {
			if p.maxWidth > 0 && len(n) > p.maxWidth {
				n = n[:p.maxWidth]
			}
			alts[i] = n
		}
		return "(?i:" + strings.Join(alts, "|") + ")"
	}
	switch p.num.kind {
	case romanUpper, romanLower:
		return "(?i:[mdclxvi]+)"
	case alphaUpper, alphaLower:
		return "(?i:[a-z]+)"
	case wordsUpper, wordsLower, wordsTitle:
		return "(?i:[a-z]+(?:[ ,-]+[a-z]+)*)"
	}
	digit := "[" + string(p.num.zero) + "-" + string(p.num.zero+9) + "]"
	var width string
	switch {
	case adjacent && p.maxWidth > 0:
		width = "{1," + strconv.Itoa(p.maxWidth) + "}"
	case adjacent:
		width = "{" + strconv.Itoa(p.num.mandatory) + "}"
	default:
		width = "+"
	}
	suffix := ""
	if p.num.ordinal {
		suffix = "(?:st|nd|rd|th)"
	}
	return digit + width + suffix
}

// nameValue reads a month or day name, whole or cut short.
func nameValue(component byte, text string) (float64, bool) {
	var names []string
	switch component {
	case 'M', 'x':
		names = monthNames
	case 'F':
		names = dayNames
	default:
		return 0, false
	}
	for i, n := range names {
		if len(text) > 0 && len(text) <= len(n) && strings.EqualFold(n[:len(text)], text) {
			return float64(i + 1), true
		}
	}
	return 0, false
}
