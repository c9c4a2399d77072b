package picture

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// isoPicture is the picture of $fromMillis and $now without one.
const isoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]"

// dtPart is a literal or a variable marker of a date/time picture.
type dtPart struct {
	literal   string
	component byte   // 0 for a literal
	names     string // "N", "n" or "Nn" when written as a name
	num       intFormat
	hasNum    bool
	tzPattern string // Z and z: the digits and separator, e.g. "01:01"
	modifier  byte   // the second modifier: 'o', 't', 'c' or 'a'; 0 if none
	minWidth  int    // -1 when not given
	maxWidth  int    // -1 when not given or "*"
	yearWidth int    // Y: digits kept from the right, -1 for all
}

var defaultPresentation = map[byte]string{
	'Y': "1", 'M': "1", 'D': "1", 'd': "1", 'F': "n", 'W': "1", 'w': "1", 'X': "1", 'x': "1",
	'H': "1", 'h': "1", 'P': "n", 'm': "01", 's': "01", 'f': "1", 'Z': "01:01", 'z': "01:01", 'C': "n", 'E': "n",
}

// nameComponents may be written as names.
const nameComponents = "MxFPCE"

var componentNames = map[byte]string{
	'Y': "year", 'M': "month", 'D': "day", 'd': "day in year", 'F': "day of week", 'W': "week in year",
	'w': "week in month", 'X': "ISO week-numbering year", 'x': "month of the week in month", 'H': "hour",
	'h': "hour in half-day", 'P': "am/pm marker", 'm': "minute", 's': "second", 'f': "fractional seconds",
	'Z': "timezone", 'z': "timezone", 'C': "calendar", 'E': "era",
}

var widthRe = regexp.MustCompile(`^(\*|[0-9]+)(?:-(\*|[0-9]+))?$`)

// analyseDateTime reads a date/time picture (XPath format-dateTime).
func analyseDateTime(picture string) ([]dtPart, error) {
	// An unclosed marker anywhere is reported before any marker is read.
	for i := 0; i < len(picture); i++ {
		if picture[i] == '[' {
			if strings.HasPrefix(picture[i:], "[[") {
				i++
				continue
			}
			end := strings.IndexByte(picture[i:], ']')
			if end < 0 {
				return nil, &Error{Code: "D3135", Message: "No matching closing bracket ']' in date/time picture string"}
			}
			i += end
		}
	}
	var parts []dtPart
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, dtPart{literal: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(picture); {
		c := picture[i]
		switch {
		case c == '[' && strings.HasPrefix(picture[i:], "[["):
			lit.WriteByte('[')
			i += 2
		case c == ']' && strings.HasPrefix(picture[i:], "]]"):
			lit.WriteByte(']')
			i += 2
		case c == '[':
			end := strings.IndexByte(picture[i:], ']')
			if end < 0 {
				return nil, &Error{Code: "D3135", Message: "No matching closing bracket ']' in date/time picture string"}
			}
			flush()
			p, err := analyseMarker(picture[i+1 : i+end])
			if err != nil {
				return nil, err
			}
			parts = append(parts, p)
			i += end + 1
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
	return parts, nil
}

func analyseMarker(marker string) (dtPart, error) {
	marker = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, marker)
	p := dtPart{minWidth: -1, maxWidth: -1, yearWidth: -1}
	if marker == "" || !strings.ContainsRune("YMDdFWwXxHhPmsfZzCE", rune(marker[0])) {
		return p, &Error{Code: "D3132", Message: "Unknown component specifier " + strconv.Quote(firstOf(marker)) + " in date/time picture string"}
	}
	p.component = marker[0]
	pres := marker[1:]
	if i := strings.LastIndexByte(pres, ','); i >= 0 {
		if m := widthRe.FindStringSubmatch(pres[i+1:]); m != nil {
			if m[1] != "*" {
				p.minWidth, _ = strconv.Atoi(m[1])
			}
			if m[2] != "" && m[2] != "*" {
				p.maxWidth, _ = strconv.Atoi(m[2])
			}
			pres = pres[:i]
		}
	}
	if n := len(pres); n > 1 && strings.IndexByte("atco", pres[n-1]) >= 0 {
		p.modifier, pres = pres[n-1], pres[:n-1]
	}
	if pres == "" {
		pres = defaultPresentation[p.component]
	}
	switch {
	case pres == "N" || pres == "n" || pres == "Nn":
		if !strings.ContainsRune(nameComponents, rune(p.component)) {
			return p, &Error{Code: "D3133", Message: "The 'name' modifier is not supported for the " + componentNames[p.component] + " component"}
		}
		p.names = pres
	case p.component == 'Z' || p.component == 'z':
		p.tzPattern = pres
		digits := 0
		for _, r := range pres {
			if unicode.IsDigit(r) {
				digits++
			}
		}
		if digits > 4 {
			return p, &Error{Code: "D3134", Message: "The timezone integer format specifier cannot have more than four digits"}
		}
	default:
		f, err := analysePrimary(pres)
		if err != nil {
			return p, err
		}
		f.ordinal = p.modifier == 'o'
		if f.kind == decimalDigits && p.minWidth > f.mandatory {
			f.mandatory = p.minWidth
		}
		p.num, p.hasNum = f, true
		if p.component == 'Y' {
			if p.maxWidth > 0 {
				p.yearWidth = p.maxWidth
				if p.num.kind == decimalDigits && p.num.mandatory > p.maxWidth {
					p.num.mandatory = p.maxWidth
				}
			} else if f.kind == decimalDigits && f.mandatory+f.optional >= 2 {
				p.yearWidth = f.mandatory + f.optional
			}
		}
	}
	return p, nil
}

func firstOf(s string) string {
	if s == "" {
		return ""
	}
	return string(firstRune(s))
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	dayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// parseOffset reads a timezone argument such as "+0530", "-0500" or "0000",
// in minutes east of UTC.
func parseOffset(tz string) (int, error) {
	if tz == "" {
		return 0, nil
	}
	sign := 1
	s := tz
	switch s[0] {
	case '-':
		sign, s = -1, s[1:]
	case '+':
		s = s[1:]
	}
	s = strings.ReplaceAll(s, ":", "")
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 4 || len(s) == 0 {
		return 0, &Error{Code: "D3136", Message: "The timezone " + strconv.Quote(tz) + " is not of the form ±HHMM"}
	}
	if len(s) <= 2 {
		return sign * n * 60, nil
	}
	return sign * (n/100*60 + n%100), nil
}

// FormatDateTime is $fromMillis(millis, picture, timezone): an empty picture
// means ISO 8601, an empty timezone means UTC.
func FormatDateTime(millis float64, picture, timezone string) (string, error) {
	if picture == "" {
		picture = isoPicture
	}
	parts, err := analyseDateTime(picture)
	if err != nil {
		return "", err
	}
	offset, err := parseOffset(timezone)
	if err != nil {
		return "", err
	}
	ms := int64(math.Floor(millis))
	t := time.UnixMilli(ms).In(time.FixedZone("", offset*60))
	var b strings.Builder
	for _, p := range parts {
		if p.component == 0 {
			b.WriteString(p.literal)
			continue
		}
		b.WriteString(p.format(t, offset))
	}
	return b.String(), nil
}

// weekInMonth returns the week of the month t falls in, weeks starting on
// Monday and week 1 holding the month's first Thursday, and that month.
func weekInMonth(t time.Time) (week int, month time.Month) {
	wd := isoWeekday(t)
	thu := t.AddDate(0, 0, 4-wd)
	return (thu.Day()-1)/7 + 1, thu.Month()
}

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

func (p dtPart) format(t time.Time, offset int) string {
	var n int
	var name string
	switch p.component {
	case 'Y':
		n = t.Year()
		if p.yearWidth > 0 {
			n %= int(math.Pow10(p.yearWidth))
		}
	case 'M':
		n, name = int(t.Month()), monthNames[t.Month()-1]
	case 'D':
		n = t.Day()
	case 'd':
		n = t.YearDay()
	case 'F':
		n = isoWeekday(t)
		name = dayNames[n-1]
	case 'W':
		_, n = t.ISOWeek()
	case 'X':
		n, _ = t.ISOWeek()
	case 'w':
		n, _ = weekInMonth(t)
	case 'x':
		_, m := weekInMonth(t)
		n, name = int(m), monthNames[m-1]
	case 'H':
		n = t.Hour()
	case 'h':
		n = t.Hour() % 12
		if n == 0 {
			n = 12
		}
	case 'P':
		name = "am"
		if t.Hour() >= 12 {
			name = "pm"
		}
	case 'm':
		n = t.Minute()
	case 's':
		n = t.Second()
	case 'f':
		return p.formatFraction(t.Nanosecond() / 1e6)
	case 'Z':
		return formatOffset(offset, p.tzPattern, p.modifier == 't')
	case 'z':
		return "GMT" + formatOffset(offset, p.tzPattern, false)
	case 'C', 'E':
		return "ISO" // the only calendar and era, written as AWS's jsonata writes them
	}
	if p.names != "" {
		return p.formatName(name)
	}
	return p.num.format(float64(n))
}

func (p dtPart) formatName(name string) string {
	switch p.names {
	case "N":
		name = strings.ToUpper(name)
	case "n":
		name = strings.ToLower(name)
	}
	if p.maxWidth > 0 && len(name) > p.maxWidth {
		name = name[:p.maxWidth]
	}
	return name
}

// formatFraction writes milliseconds as the fraction digits of a second, as
// many as the picture has digits.
func (p dtPart) formatFraction(ms int) string {
	digits := fmtInt(ms, 3) // "617"
	width := p.num.mandatory + p.num.optional
	if width < 1 {
		width = 1
	}
	for len(digits) < width {
		digits += "0"
	}
	digits = digits[:width]
	if p.num.optional > 0 {
		min := p.num.mandatory
		for len(digits) > min && digits[len(digits)-1] == '0' {
			digits = digits[:len(digits)-1]
		}
	}
	f := p.num
	f.mandatory, f.seps, f.every = 0, nil, 0
	var b strings.Builder
	for _, c := range digits {
		b.WriteRune(f.zero + (c - '0'))
	}
	return b.String()
}

func fmtInt(n, width int) string {
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// formatOffset writes a UTC offset after a pattern like "01:01", "0101" or
// "0"; traditional writes "Z" for UTC.
func formatOffset(offset int, pattern string, traditional bool) string {
	if traditional && offset == 0 {
		return "Z"
	}
	sign := "+"
	if offset < 0 {
		sign, offset = "-", -offset
	}
	h, m := offset/60, offset%60
	digits, sepAt, sep := 0, -1, ""
	for _, r := range pattern {
		if unicode.IsDigit(r) {
			digits++
		} else if sepAt < 0 {
			sepAt, sep = digits, string(r)
		}
	}
	switch {
	case sepAt >= 0:
		return sign + fmtInt(h, sepAt) + sep + fmtInt(m, digits-sepAt)
	case digits <= 2:
		s := sign + fmtInt(h, digits)
		if m != 0 {
			s += ":" + fmtInt(m, 2)
		}
		return s
	default:
		return sign + fmtInt(h, digits-2) + fmtInt(m, 2)
	}
}
