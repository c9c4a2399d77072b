package picture

import (
	"errors"
	"testing"
	"time"
)

func errCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err != nil {
		return "not a picture error: " + err.Error()
	}
	return ""
}

func TestFormatInteger(t *testing.T) {
	for _, c := range []struct {
		n       float64
		pic     string
		want    string
		code    string
		reverse bool // ParseInteger(want, pic) gives n back
	}{
		{n: 7, pic: "00", want: "07", reverse: true},
		{n: -42, pic: "0000", want: "-0042", reverse: true},
		{n: 9876543, pic: "#,##0", want: "9,876,543", reverse: true},
		{n: 9876543, pic: "#.##0", want: "9.876.543", reverse: true},
		{n: 9876543, pic: "#,#0", want: "9,87,65,43", reverse: true},
		{n: 9876543, pic: "# ##,##0", want: "98 76,543", reverse: true},
		{n: 2.9, pic: "0", want: "2"},
		{n: 42, pic: "0;o", want: "42nd", reverse: true},
		{n: 111, pic: "0;o", want: "111th", reverse: true},
		{n: 203, pic: "0;o", want: "203rd", reverse: true},
		{n: 305, pic: "\u0967", want: "\u0969\u0966\u096b", reverse: true}, // Devanagari digits
		{n: 5, pic: "0\u0967", code: "D3131"},
		{n: 2024, pic: "I", want: "MMXXIV", reverse: true},
		{n: 49, pic: "i", want: "xlix", reverse: true},
		{n: 52, pic: "a", want: "az", reverse: true},
		{n: 702, pic: "A", want: "ZZ", reverse: true},
		{n: 703, pic: "A", want: "AAA", reverse: true},
		{n: 0, pic: "w", want: "zero", reverse: true},
		{n: 18, pic: "w;o", want: "eighteenth", reverse: true},
		{n: 90, pic: "W;o", want: "NINETIETH", reverse: true},
		{n: 101, pic: "w", want: "one hundred and one", reverse: true},
		{n: 2001, pic: "Ww", want: "Two Thousand and One", reverse: true},
		{n: 1000042, pic: "w", want: "one million and forty-two", reverse: true},
		{n: 21000000, pic: "w;o", want: "twenty-one millionth", reverse: true},
		{n: 5, pic: "\u03b2", code: "D3130"},
		{n: 5, pic: "##", code: "D3130"},
	} {
		got, err := FormatInteger(c.n, c.pic)
		if code := errCode(err); code != c.code || got != c.want {
			t.Errorf("FormatInteger(%v, %q) = %q, %v; want %q, %q", c.n, c.pic, got, err, c.want, c.code)
		}
		if !c.reverse {
			continue
		}
		back, ok, err := ParseInteger(c.want, c.pic)
		if err != nil || !ok || back != c.n {
			t.Errorf("ParseInteger(%q, %q) = %v, %v, %v; want %v", c.want, c.pic, back, ok, err, c.n)
		}
	}
	if _, ok, err := ParseInteger("12x", "0"); ok || err != nil {
		t.Errorf("ParseInteger of text that does not fit the picture: ok=%v err=%v, want undefined", ok, err)
	}
	if _, ok, err := ParseInteger("eleventy", "w"); ok || err != nil {
		t.Errorf("ParseInteger of unknown words: ok=%v err=%v, want undefined", ok, err)
	}
}

func TestFormatNumber(t *testing.T) {
	for _, c := range []struct {
		n    float64
		pic  string
		opt  Decimal
		want string
		code string
	}{
		{n: 1234567.891, pic: "#,##0.00", want: "1,234,567.89"},
		{n: 0.125, pic: "0.00", want: "0.12"}, // half to even
		{n: 0.375, pic: "0.00", want: "0.38"},
		{n: 0.5, pic: "#.00", want: ".50"},
		{n: 0, pic: "#", want: "0"},
		{n: 99.96, pic: "#0.0", want: "100.0"},
		{n: 0.071, pic: "0.0%", want: "7.1%"},
		{n: -3.5, pic: "0.0;(0.0)", want: "(3.5)"},
		{n: -3.5, pic: "0.0", want: "-3.5"},
		{n: 98765, pic: "0.00e00", want: "9.88e04"},
		{n: 0.00042, pic: "00.0e0", want: "42.0e-5"},
		{n: 1234.5, pic: "#.###,00", opt: Decimal{DecimalSeparator: ",", GroupingSeparator: "."}, want: "1.234,50"},
		{n: -7, pic: "00", opt: Decimal{MinusSign: "\u2212"}, want: "\u221207"},
		{n: 3.25, pic: "\u0660.\u0660\u0660", opt: Decimal{ZeroDigit: "\u0660"}, want: "\u0663.\u0662\u0665"},
		{n: 1, pic: "0;0;0", code: "D3080"},
		{n: 1, pic: "0..0", code: "D3081"},
		{n: 1, pic: "%0%", code: "D3082"},
		{n: 1, pic: "\u20300\u2030", code: "D3083"},
		{n: 1, pic: "%0\u2030", code: "D3084"},
		{n: 1, pic: "%", code: "D3085"},
		{n: 1, pic: "0x0", code: "D3086"},
		{n: 1, pic: "0.,0", code: "D3087"},
		{n: 1, pic: "0,0,", code: "D3088"},
		{n: 1, pic: "#,,0", code: "D3089"},
		{n: 1, pic: "00#", code: "D3090"},
		{n: 1, pic: "0.#0", code: "D3091"},
		{n: 1, pic: "0e0\u2030", code: "D3092"},
		{n: 1, pic: "0e0.0", code: "D3093"},
	} {
		got, err := FormatNumber(c.n, c.pic, c.opt)
		if code := errCode(err); code != c.code || got != c.want {
			t.Errorf("FormatNumber(%v, %q) = %q, %v; want %q, %q", c.n, c.pic, got, err, c.want, c.code)
		}
	}
}

func ms(s string) float64 {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return float64(t.UnixMilli())
}

func TestFormatDateTime(t *testing.T) {
	when := ms("2024-02-29T17:04:05.089Z") // a Thursday, in a leap year
	for _, c := range []struct {
		pic, tz, want, code string
	}{
		{pic: "", want: "2024-02-29T17:04:05.089Z"},
		{pic: "", tz: "+0930", want: "2024-03-01T02:34:05.089+09:30"},
		{pic: "[D01].[M01].[Y]", want: "29.02.2024"},
		{pic: "[FNn] [D1o] [MNn] [Y0001]", want: "Thursday 29th February 2024"},
		{pic: "[FN,3-3] [MN,3-3]", want: "THU FEB"},
		{pic: "[h].[m01][Pn]", want: "5.04pm"},
		{pic: "[H01]:[m]:[s].[f01]", want: "17:04:05.08"},
		{pic: "[d] [W] [X] [w] [xNn]", want: "60 9 2024 5 February"},
		{pic: "[Y01]", want: "24"},
		{pic: "[YI] [Dw]", want: "MMXXIV twenty-nine"},
		{pic: "[Z0101]", tz: "-0330", want: "-0330"},
		{pic: "[z]", tz: "+0100", want: "GMT+01:00"},
		{pic: "[[[Y]]]", want: "[2024]"},
		{pic: "[Q]", code: "D3132"},
		{pic: "[HN]", code: "D3133"},
		{pic: "[Z00:00:00]", code: "D3134"},
		{pic: "[Y", code: "D3135"},
	} {
		got, err := FormatDateTime(when, c.pic, c.tz)
		if code := errCode(err); code != c.code || got != c.want {
			t.Errorf("FormatDateTime(%q, %q) = %q, %v; want %q, %q", c.pic, c.tz, got, err, c.want, c.code)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	now := ms("2030-06-15T08:00:00Z")
	for _, c := range []struct {
		s, pic, want string // want is RFC 3339, "" for undefined
		code         string
	}{
		{s: "2024-02-29T17:04:05.089Z", want: "2024-02-29T17:04:05.089Z"},
		{s: "2024-02-29T17:04:05+0200", want: "2024-02-29T15:04:05Z"},
		{s: "2024-02", want: "2024-02-01T00:00:00Z"},
		{s: "29/02/2024", code: "D3110"},
		{s: "29.02.2024", pic: "[D01].[M01].[Y]", want: "2024-02-29T00:00:00Z"},
		{s: "20240229", pic: "[Y0001][M01][D01]", want: "2024-02-29T00:00:00Z"},
		{s: "Thursday 29th February 2024", pic: "[FNn] [D1o] [MNn] [Y0001]", want: "2024-02-29T00:00:00Z"},
		{s: "29 feb 2024", pic: "[D] [MNn,3-3] [Y]", want: "2024-02-29T00:00:00Z"},
		{s: "5.04pm", pic: "[h].[m01][Pn]", want: "2030-06-15T17:04:00Z"},
		{s: "12:30 am", pic: "[h]:[m] [P]", want: "2030-06-15T00:30:00Z"},
		{s: "2024 60", pic: "[Y] [d]", want: "2024-02-29T00:00:00Z"},
		{s: "twenty-ninth of February, two thousand and twenty-four", pic: "[Dwo] of [MNn], [Yw]", want: "2024-02-29T00:00:00Z"},
		{s: "2024-02-29 17:04 -03:30", pic: "[Y]-[M]-[D] [H]:[m] [Z]", want: "2024-02-29T20:34:00Z"},
		{s: "not a date", pic: "[Y]-[M]-[D]", want: ""},
		{s: "text", pic: "text", want: ""},
		{s: "2024 29", pic: "[Y] [D]", code: "D3136"},
		{s: "2024-W09", pic: "[X]-W[W]", code: "D3136"},
	} {
		got, ok, err := ParseDateTime(c.s, c.pic, now)
		if code := errCode(err); code != c.code {
			t.Errorf("ParseDateTime(%q, %q) error %v, want code %q", c.s, c.pic, err, c.code)
			continue
		}
		if c.code != "" {
			continue
		}
		if c.want == "" {
			if ok {
				t.Errorf("ParseDateTime(%q, %q) = %v, want undefined", c.s, c.pic, got)
			}
			continue
		}
		if !ok || got != ms(c.want) {
			t.Errorf("ParseDateTime(%q, %q) = %v (ok=%v), want %s = %v", c.s, c.pic, got, ok, c.want, ms(c.want))
		}
	}
}

func FuzzPictures(f *testing.F) {
	for _, s := range []string{"#,##0.00", "[Y0001]-[M01]-[D01]", "w;o", "0.0e0", "[FNn,*-3] [h]:[m] [P]", "[Z0]"} {
		f.Add(12345.678, s, "12/03/2020")
	}
	f.Fuzz(func(t *testing.T, n float64, pic, s string) {
		// No picture and no input may panic; errors must be picture errors.
		for _, err := range []error{
			func() error { _, err := FormatInteger(n, pic); return err }(),
			func() error { _, _, err := ParseInteger(s, pic); return err }(),
			func() error { _, err := FormatNumber(n, pic, Decimal{}); return err }(),
			func() error { _, err := FormatDateTime(n, pic, ""); return err }(),
			func() error { _, _, err := ParseDateTime(s, pic, 0); return err }(),
		} {
			var pe *Error
			if err != nil && !errors.As(err, &pe) {
				t.Fatalf("%q: error %v is not a picture error", pic, err)
			}
		}
	})
}

func TestHugeNumbersStayBounded(t *testing.T) {
	if got, _ := FormatInteger(2e6, "I"); got != "2000000" {
		t.Errorf("roman 2e6 = %q, want decimal digits", got)
	}
	if _, ok, err := ParseDateTime("\xff", "\xff[Y]", 0); ok || err != nil {
		t.Errorf("invalid UTF-8 picture: ok=%v err=%v", ok, err)
	}
}
