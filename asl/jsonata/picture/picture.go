package picture

// Error is a picture-string error with JSONata's code (e.g. "D3080").
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Decimal is the decimal format of $formatNumber's options argument; an empty
// field takes its default ("." for DecimalSeparator, "," for
// GroupingSeparator, and so on).
type Decimal struct {
	DecimalSeparator  string
	GroupingSeparator string
	ExponentSeparator string
	MinusSign         string
	Infinity          string
	NaN               string
	Percent           string
	PerMille          string
	ZeroDigit         string
	Digit             string
	PatternSeparator  string
}
