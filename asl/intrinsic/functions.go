package intrinsic

// Param is one parameter of an intrinsic function.
type Param struct {
	// Name names the parameter in messages ("template", "chunk size").
	Name string
	// Type is what the parameter accepts: a JSON type ("string",
	// "number", "integer", "boolean", "array", "object"), "any", "scalar"
	// (a string, number, boolean or null) or "path" (a path or a nested
	// function; literals are rejected). "integer" accepts any number: AWS
	// rounds a non-integer (see Warnings).
	Type string
}

// Function describes one intrinsic function for checks and type inference.
type Function struct {
	Name             string // e.g. "States.Format"
	MinArgs, MaxArgs int    // MaxArgs is -1 for a variadic function
	// Returns is the JSON type of the result: "string", "number",
	// "integer", "boolean", "array", "object" or "any".
	Returns string
	// Params lists the parameters in order. For a variadic function the
	// last one repeats.
	Params []Param
}

// Functions is the table of the 18 intrinsic functions, in the order of
// the ASL specification.
var Functions = []Function{
	{Name: "States.Format", MinArgs: 1, MaxArgs: -1, Returns: "string",
		Params: []Param{{"template", "string"}, {"value", "scalar"}}},
	{Name: "States.StringToJson", MinArgs: 1, MaxArgs: 1, Returns: "any",
		Params: []Param{{"JSON text", "string"}}},
	{Name: "States.JsonToString", MinArgs: 1, MaxArgs: 1, Returns: "string",
		Params: []Param{{"value", "path"}}},
	{Name: "States.Array", MinArgs: 0, MaxArgs: -1, Returns: "array",
		Params: []Param{{"item", "any"}}},
	{Name: "States.ArrayPartition", MinArgs: 2, MaxArgs: 2, Returns: "array",
		Params: []Param{{"array", "array"}, {"chunk size", "integer"}}},
	{Name: "States.ArrayContains", MinArgs: 2, MaxArgs: 2, Returns: "boolean",
		Params: []Param{{"array", "array"}, {"value", "any"}}},
	{Name: "States.ArrayRange", MinArgs: 3, MaxArgs: 3, Returns: "array",
		Params: []Param{{"start", "integer"}, {"end", "integer"}, {"step", "integer"}}},
	{Name: "States.ArrayGetItem", MinArgs: 2, MaxArgs: 2, Returns: "any",
		Params: []Param{{"array", "array"}, {"index", "integer"}}},
	{Name: "States.ArrayLength", MinArgs: 1, MaxArgs: 1, Returns: "integer",
		Params: []Param{{"array", "array"}}},
	{Name: "States.ArrayUnique", MinArgs: 1, MaxArgs: 1, Returns: "array",
		Params: []Param{{"array", "array"}}},
	{Name: "States.Base64Encode", MinArgs: 1, MaxArgs: 1, Returns: "string",
		Params: []Param{{"data", "string"}}},
	{Name: "States.Base64Decode", MinArgs: 1, MaxArgs: 1, Returns: "string",
		Params: []Param{{"base64 data", "string"}}},
	{Name: "States.Hash", MinArgs: 2, MaxArgs: 2, Returns: "string",
		Params: []Param{{"data", "any"}, {"algorithm", "string"}}},
	{Name: "States.JsonMerge", MinArgs: 3, MaxArgs: 3, Returns: "object",
		Params: []Param{{"first object", "object"}, {"second object", "object"}, {"deep merge flag", "boolean"}}},
	{Name: "States.MathRandom", MinArgs: 2, MaxArgs: 3, Returns: "integer",
		Params: []Param{{"start", "integer"}, {"end", "integer"}, {"seed", "integer"}}},
	{Name: "States.MathAdd", MinArgs: 2, MaxArgs: 2, Returns: "integer",
		Params: []Param{{"first number", "integer"}, {"second number", "integer"}}},
	{Name: "States.StringSplit", MinArgs: 2, MaxArgs: 2, Returns: "array",
		Params: []Param{{"string", "string"}, {"delimiters", "string"}}},
	{Name: "States.UUID", MinArgs: 0, MaxArgs: 0, Returns: "string"},
}

// Lookup returns the function with the given name ("States.Format").
func Lookup(name string) (Function, bool) {
	for _, f := range Functions {
		if f.Name == name {
			return f, true
		}
	}
	return Function{}, false
}

// ReturnsString reports whether the function may be used in a Fail state's
// ErrorPath or CausePath (checklist 3.6.2): States.Format, JsonToString,
// ArrayGetItem, Base64Encode, Base64Decode, Hash and UUID. The set is AWS's
// (ArrayGetItem is in it although its result is whatever the item is).
func ReturnsString(name string) bool {
	switch name {
	case "States.Format", "States.JsonToString", "States.ArrayGetItem", "States.Base64Encode",
		"States.Base64Decode", "States.Hash", "States.UUID":
		return true
	}
	return false
}

// param returns the parameter that argument i (from 0) of f fills.
func (f Function) param(i int) Param {
	if len(f.Params) == 0 {
		return Param{Name: "argument", Type: "any"}
	}
	if i >= len(f.Params) {
		return f.Params[len(f.Params)-1]
	}
	return f.Params[i]
}

// HashAlgorithms are the algorithms States.Hash accepts.
var HashAlgorithms = []string{"MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512"}

// Limits of intrinsic functions.
const (
	MaxNesting    = 10    // calls nested in one field
	MaxRangeItems = 1000  // items States.ArrayRange may produce
	MaxInputChars = 10000 // input of Base64Encode, Base64Decode and Hash
)
