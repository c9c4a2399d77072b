package picture

import "errors"

// Error is a picture-string error with JSONata's code (e.g. "D3080").
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// errTODO marks the functions still to be written (tracked in the JSONata
// issue); every caller gets an error, never a wrong result.
var errTODO = errors.New("picture: not implemented yet")

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

// FormatNumber is $formatNumber(value, picture, options).
func FormatNumber(value float64, picture string, options Decimal) (string, error) {
	return "", errTODO
}

// FormatInteger is $formatInteger(value, picture).
func FormatInteger(value float64, picture string) (string, error) {
	return "", errTODO
}

// ParseInteger is $parseInteger(s, picture); ok is false where JSONata's
// result is undefined.
func ParseInteger(s, picture string) (value float64, ok bool, err error) {
	return 0, false, errTODO
}

// FormatDateTime is $fromMillis(millis, picture, timezone): an empty picture
// means ISO 8601, an empty timezone means UTC.
func FormatDateTime(millis float64, picture, timezone string) (string, error) {
	return "", errTODO
}

// ParseDateTime is $toMillis(s, picture): an empty picture means ISO 8601; ok
// is false where JSONata's result is undefined. Components the picture does
// not give above the ones it gives (the date of "[H]:[m]") come from now, in
// milliseconds since the epoch (the caller's clock).
func ParseDateTime(s, picture string, now float64) (millis float64, ok bool, err error) {
	return 0, false, errTODO
}
