package dslgen

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl/intrinsic"
)

// intrinsicHelpers maps an intrinsic function to dsl's helper and the
// numbers of arguments the helper takes (-1: any).
var intrinsicHelpers = map[string]struct {
	fn    string
	arity int
}{
	"States.Format":         {"Format", -1},
	"States.StringToJson":   {"StringToJSON", 1},
	"States.JsonToString":   {"JSONToString", 1},
	"States.Array":          {"Array", -1},
	"States.ArrayPartition": {"ArrayPartition", 2},
	"States.ArrayContains":  {"ArrayContains", 2},
	"States.ArrayRange":     {"ArrayRange", 3},
	"States.ArrayGetItem":   {"ArrayGetItem", 2},
	"States.ArrayLength":    {"ArrayLength", 1},
	"States.ArrayUnique":    {"ArrayUnique", 1},
	"States.Base64Encode":   {"Base64Encode", 1},
	"States.Base64Decode":   {"Base64Decode", 1},
	"States.Hash":           {"Hash", 2},
	"States.JsonMerge":      {"JSONMerge", 3},
	"States.MathRandom":     {"MathRandom", -1},
	"States.MathAdd":        {"MathAdd", 2},
	"States.StringSplit":    {"StringSplit", 2},
	"States.UUID":           {"UUID", 0},
}

// hashAlgorithms maps States.Hash algorithms to dsl's constants.
var hashAlgorithms = map[string]string{"MD5": "MD5", "SHA-1": "SHA1", "SHA-256": "SHA256", "SHA-384": "SHA384", "SHA-512": "SHA512"}

// intrinsicCode writes an intrinsic function call with dsl's typed helper
// when the helper writes exactly the same text, else with
// dsl.RawIntrinsic.
func intrinsicCode(s string) jen.Code {
	call, err := intrinsic.Parse(s)
	if err == nil {
		if code, text, ok := typedIntrinsic(call); ok && text == s {
			return code
		}
	}
	return dslID("RawIntrinsic").Call(jen.Lit(s))
}

// typedIntrinsic returns the helper call for c and the text the helper
// writes, the way package dsl writes it.
func typedIntrinsic(c *intrinsic.Call) (jen.Code, string, bool) {
	h, ok := intrinsicHelpers[c.Name]
	if !ok || (h.arity >= 0 && len(c.Args) != h.arity) {
		return nil, "", false
	}
	fn := h.fn
	args := c.Args
	var codes []jen.Code
	var texts []string
	switch c.Name {
	case "States.Format":
		if len(args) == 0 || args[0].Kind != intrinsic.ArgString {
			return nil, "", false
		}
		codes = append(codes, jen.Lit(args[0].Str))
		texts = append(texts, quoteIntrinsic(args[0].Str, true))
		args = args[1:]
	case "States.JsonToString":
		if args[0].Kind != intrinsic.ArgPath {
			return nil, "", false
		}
	case "States.Hash":
		alg, ok := hashAlgorithms[args[1].Str]
		if args[1].Kind != intrinsic.ArgString || !ok {
			return nil, "", false
		}
		code, text, ok := intrinsicArg(args[0])
		if !ok {
			return nil, "", false
		}
		return dslID(fn).Call(code, dslID(alg)), "States.Hash(" + text + ", " + quoteIntrinsic(args[1].Str, false) + ")", true
	case "States.JsonMerge":
		if args[2].Kind != intrinsic.ArgBool || args[2].Bool {
			return nil, "", false
		}
		args = args[:2]
	case "States.MathRandom":
		switch len(args) {
		case 2:
		case 3:
			fn = "MathRandomSeeded"
		default:
			return nil, "", false
		}
	}
	for _, a := range args {
		code, text, ok := intrinsicArg(a)
		if !ok {
			return nil, "", false
		}
		codes = append(codes, code)
		texts = append(texts, text)
	}
	if c.Name == "States.JsonMerge" {
		texts = append(texts, "false")
	}
	return dslID(fn).Call(codes...), c.Name + "(" + strings.Join(texts, ", ") + ")", true
}

// intrinsicArg writes one argument and the text dsl writes for it.
func intrinsicArg(a intrinsic.Arg) (jen.Code, string, bool) {
	switch a.Kind {
	case intrinsic.ArgString:
		return jen.Lit(a.Str), quoteIntrinsic(a.Str, false), true
	case intrinsic.ArgNumber:
		if n, err := strconv.ParseInt(a.Num, 10, 64); err == nil {
			return jen.Op(a.Num), strconv.FormatInt(n, 10), true
		}
		if f, err := strconv.ParseFloat(a.Num, 64); err == nil && strings.Contains(a.Num, ".") {
			return jen.Op(a.Num), strconv.FormatFloat(f, 'f', -1, 64), true
		}
	case intrinsic.ArgBool:
		return jen.Lit(a.Bool), strconv.FormatBool(a.Bool), true
	case intrinsic.ArgNull:
		return jen.Nil(), "null", true
	case intrinsic.ArgPath:
		return dslID("Path").Call(jen.Lit(a.PathText)), a.PathText, true
	case intrinsic.ArgCall:
		if a.Call != nil {
			return typedIntrinsic(a.Call)
		}
	}
	return nil, "", false
}

// quoteIntrinsic quotes a string argument the way dsl does: ', {, } and \
// escaped, except the {} placeholders of a Format template.
func quoteIntrinsic(s string, template bool) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if template && ch == '{' && i+1 < len(s) && s[i+1] == '}' {
			b.WriteString("{}")
			i++
			continue
		}
		switch ch {
		case '\'', '{', '}', '\\':
			b.WriteByte('\\')
		}
		b.WriteByte(ch)
	}
	b.WriteByte('\'')
	return b.String()
}
