// Package picture implements the picture strings of JSONata 2.0.6 (from XPath
// and XQuery Functions 3.1): the number, integer and date/time formats behind
// $formatNumber, $formatInteger, $parseInteger, $fromMillis, $toMillis and
// $now. It works on Go numbers and strings; package jsonata turns its errors
// into JSONata errors with the same codes.
package picture
