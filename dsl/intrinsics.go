package dsl

// The intrinsic functions of ASL (JSONPath states only). Arguments may be
// strings (written as quoted ASL strings), numbers, bools, nil, Paths and
// other intrinsics.

// Format returns States.Format(tmpl, args...): the template with each {}
// replaced by the next argument. Other braces in tmpl are literal (goasl
// escapes them).
func Format(tmpl string, args ...any) Intrinsic {
	return intrinsic("Format", append([]any{template(tmpl)}, args...)...)
}

// StringToJSON returns States.StringToJson(s): s parsed as JSON.
func StringToJSON(s any) Intrinsic { return intrinsic("StringToJson", s) }

// JSONToString returns States.JsonToString(p): the value at p as JSON text.
func JSONToString(p Path) Intrinsic { return intrinsic("JsonToString", p) }

// Array returns States.Array(values...): an array of the values.
func Array(values ...any) Intrinsic { return intrinsic("Array", values...) }

// ArrayPartition returns States.ArrayPartition(array, size): the array cut
// into chunks of size elements.
func ArrayPartition(array any, size any) Intrinsic { return intrinsic("ArrayPartition", array, size) }

// ArrayContains returns States.ArrayContains(array, value).
func ArrayContains(array, value any) Intrinsic { return intrinsic("ArrayContains", array, value) }

// ArrayRange returns States.ArrayRange(start, end, step): at most 1000
// numbers.
func ArrayRange(start, end, step any) Intrinsic { return intrinsic("ArrayRange", start, end, step) }

// ArrayGetItem returns States.ArrayGetItem(array, index).
func ArrayGetItem(array, index any) Intrinsic { return intrinsic("ArrayGetItem", array, index) }

// ArrayLength returns States.ArrayLength(array).
func ArrayLength(array any) Intrinsic { return intrinsic("ArrayLength", array) }

// ArrayUnique returns States.ArrayUnique(array): the array without
// duplicates.
func ArrayUnique(array any) Intrinsic { return intrinsic("ArrayUnique", array) }

// Base64Encode returns States.Base64Encode(s).
func Base64Encode(s any) Intrinsic { return intrinsic("Base64Encode", s) }

// Base64Decode returns States.Base64Decode(s).
func Base64Decode(s any) Intrinsic { return intrinsic("Base64Decode", s) }

// HashAlgorithm is an algorithm of States.Hash.
type HashAlgorithm string

// The algorithms States.Hash supports.
const (
	MD5    HashAlgorithm = "MD5"
	SHA1   HashAlgorithm = "SHA-1"
	SHA256 HashAlgorithm = "SHA-256"
	SHA384 HashAlgorithm = "SHA-384"
	SHA512 HashAlgorithm = "SHA-512"
)

// Hash returns States.Hash(data, algorithm).
func Hash(data any, algorithm HashAlgorithm) Intrinsic {
	return intrinsic("Hash", data, string(algorithm))
}

// JSONMerge returns States.JsonMerge(a, b, false): a shallow merge (AWS
// supports only shallow merges).
func JSONMerge(a, b any) Intrinsic { return intrinsic("JsonMerge", a, b, false) }

// MathRandom returns States.MathRandom(start, end): a random integer in
// [start, end).
func MathRandom(start, end any) Intrinsic { return intrinsic("MathRandom", start, end) }

// MathRandomSeeded returns States.MathRandom(start, end, seed).
func MathRandomSeeded(start, end, seed any) Intrinsic {
	return intrinsic("MathRandom", start, end, seed)
}

// MathAdd returns States.MathAdd(a, b).
func MathAdd(a, b any) Intrinsic { return intrinsic("MathAdd", a, b) }

// StringSplit returns States.StringSplit(s, delimiters): every character of
// delimiters splits.
func StringSplit(s, delimiters any) Intrinsic { return intrinsic("StringSplit", s, delimiters) }

// UUID returns States.UUID(): a version 4 UUID.
func UUID() Intrinsic { return intrinsic("UUID") }
