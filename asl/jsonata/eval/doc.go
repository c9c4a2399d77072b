// Package eval evaluates JSONata 2.0.6 expressions as AWS Step Functions
// does: jsonata-js 2.0.6 semantics, with Step Functions' additional
// functions ($partition, $range, $hash, $random with a seed, $uuid,
// $parse) and without $eval, which Step Functions does not offer.
//
// Compile parses an expression with package jsonata's parser (the one
// grammar goasl has) and prepares it; the resulting *Expression is
// immutable and may be evaluated from many goroutines at once. Evaluate
// takes and returns value.Value, the JSON model the executor shares, so no
// value is converted between them.
//
// Errors are *jsonata.Error values carrying JSONata's error codes (S0xxx
// at compile time; T, D and U codes during evaluation). The functions of
// Step Functions that AWS documents without an error code use goasl's
// codes D3200-D3204.
//
// The picture-string functions ($formatNumber, $formatInteger,
// $parseInteger, $fromMillis, $toMillis, $now with a picture) check their
// arguments here and format through package jsonata/picture.
package eval
