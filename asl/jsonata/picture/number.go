package picture

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decimalFormat is a Decimal with every default filled in.
type decimalFormat struct {
	decimal, grouping, exponent, minus, infinity, nan, percent, perMille, digit, pattern string
	zero                                                                                 rune
}

func (d Decimal) resolve() decimalFormat {
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	f := decimalFormat{
		decimal: or(d.DecimalSeparator, "."), grouping: or(d.GroupingSeparator, ","),
		exponent: or(d.ExponentSeparator, "e"), minus: or(d.MinusSign, "-"),
		infinity: or(d.Infinity, "Infinity"), nan: or(d.NaN, "NaN"),
		percent: or(d.Percent, "%"), perMille: or(d.PerMille, "\u2030"),
		digit: or(d.Digit, "#"), pattern: or(d.PatternSeparator, ";"), zero: '0',
	}
	if d.ZeroDigit != "" {
		f.zero = firstRune(d.ZeroDigit)
	}
	return f
}

// token kinds of a sub-picture
const (
	tPassive = iota
	tDecimal
	tGrouping
	tExponent
	tDigit
	tOptional
	tPercent
	tPerMille
)

type token struct {
	kind int
	text string
}

func (t token) active() bool {
	return t.kind == tDecimal || t.kind == tGrouping || t.kind == tExponent || t.kind == tDigit || t.kind == tOptional
}

// subPicture is one analysed half of a number picture.
type subPicture struct {
	prefix, suffix    string
	minInt, minFrac   int
	maxFrac           int
	scaling           int
	minExp            int
	hasExp            bool
	hasDecimal        bool
	percent, perMille bool
	intSeps, fracSeps []int // grouping positions: integer part from the right, fraction from the left
	regularEvery      int
}

func (f decimalFormat) tokenize(pic string) []token {
	var toks []token
	specials := []struct {
		text string
		kind int
	}{
		{f.decimal, tDecimal}, {f.grouping, tGrouping}, {f.exponent, tExponent},
		{f.percent, tPercent}, {f.perMille, tPerMille}, {f.digit, tOptional},
	}
	for pic != "" {
		r, size := utf8.DecodeRuneInString(pic)
		if r >= f.zero && r <= f.zero+9 {
			toks = append(toks, token{tDigit, pic[:size]})
			pic = pic[size:]
			continue
		}
		matched := false
		for _, s := range specials {
			if strings.HasPrefix(pic, s.text) {
				toks = append(toks, token{s.kind, s.text})
				pic = pic[len(s.text):]
				matched = true
				break
			}
		}
		if !matched {
			toks = append(toks, token{tPassive, pic[:size]})
			pic = pic[size:]
		}
	}
	// An exponent separator is one only between active characters, with a
	// digit after it; elsewhere it is passive text.
	for i, t := range toks {
		if t.kind != tExponent {
			continue
		}
		before := false
		for _, u := range toks[:i] {
			if u.active() && u.kind != tExponent {
				before = true
			}
		}
		after := i+1 < len(toks) && (toks[i+1].kind == tDigit || toks[i+1].kind == tOptional)
		if !before || !after {
			toks[i].kind = tPassive
		}
	}
	return toks
}

func numErr(code, msg string) error { return &Error{Code: code, Message: msg} }

func (f decimalFormat) analyse(pic string) (subPicture, error) {
	toks := f.tokenize(pic)
	var sp subPicture
	count := func(kind int) int {
		n := 0
		for _, t := range toks {
			if t.kind == kind {
				n++
			}
		}
		return n
	}
	if count(tDecimal) > 1 {
		return sp, numErr("D3081", "A sub-picture cannot contain more than one instance of the 'decimal-separator' character")
	}
	if count(tPercent) > 1 {
		return sp, numErr("D3082", "A sub-picture cannot contain more than one instance of the 'percent' character")
	}
	if count(tPerMille) > 1 {
		return sp, numErr("D3083", "A sub-picture cannot contain more than one instance of the 'per-mille' character")
	}
	if count(tPercent) > 0 && count(tPerMille) > 0 {
		return sp, numErr("D3084", "A sub-picture cannot contain both a 'percent' and a 'per-mille' character")
	}
	// The mantissa: everything before the exponent separator.
	expAt := -1
	for i, t := range toks {
		if t.kind == tExponent {
			expAt = i
			break
		}
	}
	mantissa, expPart := toks, []token(nil)
	if expAt >= 0 {
		mantissa, expPart = toks[:expAt], toks[expAt+1:]
	}
	hasDigit := false
	for _, t := range mantissa {
		if t.kind == tDigit || t.kind == tOptional {
			hasDigit = true
		}
	}
	if !hasDigit {
		return sp, numErr("D3085", "A sub-picture must contain at least one character that is either an 'optional digit character' or a member of the 'decimal digit family'")
	}
	first, last := -1, -1
	for i, t := range toks {
		if t.active() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for _, t := range toks[first:last] {
		if t.kind == tPassive || t.kind == tPercent || t.kind == tPerMille {
			return sp, numErr("D3086", "A sub-picture cannot contain a passive character that is both preceded by and followed by an active character")
		}
	}
	for i, t := range toks {
		if t.kind != tGrouping {
			continue
		}
		if (i > 0 && toks[i-1].kind == tDecimal) || (i+1 < len(toks) && toks[i+1].kind == tDecimal) {
			return sp, numErr("D3087", "A 'grouping-separator' cannot be adjacent to a 'decimal-separator'")
		}
	}
	decAt := -1
	for i, t := range mantissa {
		if t.kind == tDecimal {
			decAt = i
		}
	}
	intPart, fracPart := mantissa, []token(nil)
	if decAt >= 0 {
		intPart, fracPart = mantissa[:decAt], mantissa[decAt+1:]
	}
	// The integer part proper ends at its last active character.
	intEnd := len(intPart)
	for intEnd > 0 && !intPart[intEnd-1].active() {
		intEnd--
	}
	if intEnd > 0 && intPart[intEnd-1].kind == tGrouping {
		return sp, numErr("D3088", "The integer part of a sub-picture cannot end with a 'grouping-separator'")
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].kind == tGrouping && toks[i-1].kind == tGrouping {
			return sp, numErr("D3089", "A sub-picture cannot contain two adjacent instances of the 'grouping-separator' character")
		}
	}
	seenMandatory := false
	for _, t := range intPart {
		if t.kind == tDigit {
			seenMandatory = true
		}
		if t.kind == tOptional && seenMandatory {
			return sp, numErr("D3090", "The integer part of a sub-picture cannot contain an 'optional digit character' that is preceded by a member of the 'decimal digit family'")
		}
	}
	seenOptional := false
	for _, t := range fracPart {
		if t.kind == tOptional {
			seenOptional = true
		}
		if t.kind == tDigit && seenOptional {
			return sp, numErr("D3091", "The fractional part of a sub-picture cannot contain a member of the 'decimal digit family' that is preceded by an 'optional digit character'")
		}
	}
	sp.percent, sp.perMille = count(tPercent) > 0, count(tPerMille) > 0
	if expAt >= 0 && (sp.percent || sp.perMille) {
		return sp, numErr("D3092", "A sub-picture that contains a 'percent' or 'per-mille' character cannot contain a character treated as an 'exponent-separator'")
	}
	for i, t := range expPart {
		if t.kind != tDigit && i < lastActive(expPart)+1 {
			return sp, numErr("D3093", "The exponent part of a sub-picture that contains a character treated as an 'exponent-separator' must only contain members of the 'decimal digit family'")
		}
	}

	var b strings.Builder
	for _, t := range toks[:first] {
		b.WriteString(t.text)
	}
	sp.prefix = b.String()
	b.Reset()
	for _, t := range toks[last+1:] {
		b.WriteString(t.text)
	}
	sp.suffix = b.String()

	digits := 0
	optionalInInt := false
	for i := len(intPart) - 1; i >= 0; i-- {
		switch intPart[i].kind {
		case tDigit:
			sp.minInt++
			digits++
		case tOptional:
			optionalInInt = true
			digits++
		case tGrouping:
			sp.intSeps = append(sp.intSeps, digits)
		}
	}
	digits = 0
	for _, t := range fracPart {
		switch t.kind {
		case tDigit:
			sp.minFrac++
			sp.maxFrac++
			digits++
		case tOptional:
			sp.maxFrac++
			digits++
		case tGrouping:
			sp.fracSeps = append(sp.fracSeps, digits)
		}
	}
	for _, t := range expPart {
		if t.kind == tDigit {
			sp.minExp++
		}
	}
	sp.hasExp = expAt >= 0
	sp.hasDecimal = decAt >= 0
	sp.scaling = sp.minInt
	if !sp.hasExp && sp.minInt == 0 && !sp.hasDecimal {
		sp.minInt = 1
	}
	if sp.minInt == 0 && sp.maxFrac == 0 {
		if sp.hasExp {
			sp.minFrac, sp.maxFrac = 1, 1
		} else {
			sp.minInt = 1
		}
	}
	if sp.hasExp && sp.minInt == 0 && optionalInInt {
		sp.minInt = 1
	}
	var seps []grouping
	for _, p := range sp.intSeps {
		seps = append(seps, grouping{pos: p, sep: ","})
	}
	intDigits := 0
	for _, t := range intPart {
		if t.kind == tDigit || t.kind == tOptional {
			intDigits++
		}
	}
	sp.regularEvery = regularGrouping(seps, intDigits)
	return sp, nil
}

func lastActive(toks []token) int {
	l := -1
	for i, t := range toks {
		if t.active() {
			l = i
		}
	}
	return l
}

// FormatNumber is $formatNumber(value, picture, options).
func FormatNumber(value float64, picture string, options Decimal) (string, error) {
	f := options.resolve()
	parts := strings.Split(picture, f.pattern)
	if len(parts) > 2 {
		return "", numErr("D3080", "The 'picture' string must only contain a maximum of two sub-pictures")
	}
	subs := make([]subPicture, len(parts))
	for i, p := range parts {
		sp, err := f.analyse(p)
		if err != nil {
			return "", err
		}
		subs[i] = sp
	}
	if math.IsNaN(value) {
		return f.nan, nil
	}
	sp := subs[0]
	prefix := sp.prefix
	if value < 0 {
		if len(subs) == 2 {
			sp = subs[1]
			prefix = sp.prefix
		} else {
			prefix = f.minus + sp.prefix
		}
		value = -value
	}
	if math.IsInf(value, 0) {
		return prefix + f.infinity + sp.suffix, nil
	}
	if sp.percent {
		value *= 100
	} else if sp.perMille {
		value *= 1000
	}
	d := toDecimal(value)
	exp := 0
	if sp.hasExp && !d.zero() {
		// Scale so that the mantissa has `scaling` integer digits.
		exp = d.point - sp.scaling
		d.point = sp.scaling
		d.round(sp.maxFrac)
		if d.point > sp.scaling { // rounding carried into a new digit
			d.point--
			exp++
		}
	} else {
		d.round(sp.maxFrac)
	}
	intDigits, fracDigits := d.split()
	intDigits = strings.TrimLeft(intDigits, "0")
	for len(intDigits) < sp.minInt {
		intDigits = "0" + intDigits
	}
	fracDigits = strings.TrimRight(fracDigits, "0")
	for len(fracDigits) < sp.minFrac {
		fracDigits += "0"
	}
	var out strings.Builder
	out.WriteString(prefix)
	out.WriteString(f.groupInt(intDigits, sp))
	if fracDigits != "" {
		out.WriteString(f.decimal)
		out.WriteString(f.groupFrac(fracDigits, sp))
	}
	if sp.hasExp {
		out.WriteString(f.exponent)
		if exp < 0 {
			out.WriteString(f.minus)
			exp = -exp
		}
		e := strconv.Itoa(exp)
		for len(e) < sp.minExp {
			e = "0" + e
		}
		out.WriteString(f.digits(e))
	}
	out.WriteString(sp.suffix)
	return out.String(), nil
}

func (f decimalFormat) digits(ascii string) string {
	var b strings.Builder
	for _, c := range ascii {
		b.WriteRune(f.zero + (c - '0'))
	}
	return b.String()
}

func (f decimalFormat) groupInt(ds string, sp subPicture) string {
	var parts []string
	n := len(ds)
	for i := 0; i < n; i++ {
		fromRight := n - i
		if i > 0 {
			if sp.regularEvery > 0 && fromRight%sp.regularEvery == 0 {
				parts = append(parts, f.grouping)
			} else if sp.regularEvery == 0 {
				for _, p := range sp.intSeps {
					if p == fromRight {
						parts = append(parts, f.grouping)
					}
				}
			}
		}
		parts = append(parts, string(f.zero+rune(ds[i]-'0')))
	}
	return strings.Join(parts, "")
}

func (f decimalFormat) groupFrac(ds string, sp subPicture) string {
	var b strings.Builder
	for i := 0; i < len(ds); i++ {
		if i > 0 {
			for _, p := range sp.fracSeps {
				if p == i {
					b.WriteString(f.grouping)
				}
			}
		}
		b.WriteRune(f.zero + rune(ds[i]-'0'))
	}
	return b.String()
}

// decimal is a non-negative number as decimal digits: the value is
// 0.digits × 10^point.
type decimal struct {
	digits []byte
	point  int
}

func toDecimal(v float64) decimal {
	if v == 0 {
		return decimal{point: 1}
	}
	s := strconv.FormatFloat(v, 'e', -1, 64) // d.ddde±x
	e := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[e+1:])
	ds := []byte{s[0]}
	if e > 2 {
		ds = append(ds, s[2:e]...)
	}
	return decimal{digits: ds, point: exp + 1}
}

func (d decimal) zero() bool { return len(d.digits) == 0 }

// round keeps frac digits after the point, rounding half to even.
func (d *decimal) round(frac int) {
	keep := d.point + frac
	if keep >= len(d.digits) {
		return
	}
	if keep < 0 {
		d.digits = nil
		return
	}
	up := false
	switch c := d.digits[keep]; {
	case c > '5':
		up = true
	case c == '5':
		rest := strings.Trim(string(d.digits[keep+1:]), "0") != ""
		odd := keep > 0 && (d.digits[keep-1]-'0')%2 == 1
		up = rest || odd
	}
	d.digits = d.digits[:keep]
	if !up {
		return
	}
	i := keep - 1
	for ; i >= 0; i-- {
		if d.digits[i] < '9' {
			d.digits[i]++
			break
		}
		d.digits[i] = '0'
	}
	if i < 0 {
		d.digits = append([]byte{'1'}, d.digits...)
		d.point++
	}
}

// split returns the integer and fraction digits.
func (d decimal) split() (string, string) {
	ds := string(d.digits)
	switch {
	case d.point <= 0:
		return "", strings.Repeat("0", -d.point) + ds
	case d.point >= len(ds):
		return ds + strings.Repeat("0", d.point-len(ds)), ""
	}
	return ds[:d.point], ds[d.point:]
}
