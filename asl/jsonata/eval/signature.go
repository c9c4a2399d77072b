package eval

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/goasl/goasl/asl/jsonata"
)

// A signature checks the arguments of a call as jsonata-js does: it
// matches their type symbols (typeSymbol) against the regular expression
// jsonata.ParseSignature describes, one group per parameter. Parameters
// whose class is a set of symbols and whose quantifier is one of "", "?",
// "??", "+", "+?" (every built-in's and every usual lambda's) are matched
// by walk, without a regular expression; a signature with any other
// parameter (an odd choice such as "(s]n)") keeps the compiled expression.
type signature struct {
	text   string
	params []sigParam
	re     *regexp.Regexp   // the whole expression, for odd signatures
	prefix []*regexp.Regexp // its first 1, 2, ... groups, for odd signatures
}

type sigParam struct {
	jsonata.SignatureParam
	accept uint8 // the symbols Class takes, as symbolBit bits
	min    int   // 0 or 1 symbols at least
	many   bool  // more than one symbol ("+")
	lazy   bool  // the fewest symbols first ("??", "+?")
}

// typeSymbols are the symbols typeSymbol returns.
const typeSymbols = "mlbnsfao"

// symbolBit is a symbol's bit in sigParam.accept (0 for other bytes).
var symbolBit = func() (t [256]uint8) {
	for i := range len(typeSymbols) {
		t[typeSymbols[i]] = 1 << i
	}
	return t
}()

// parseSignature builds the checker of a signature. Lambda signatures were
// checked by the parser; the built-ins' are constants.
func parseSignature(s string) *signature {
	ps, err := jsonata.ParseSignature(s)
	if err != nil {
		panic(fmt.Sprintf("eval: invalid signature %s: %v", s, err))
	}
	sig := &signature{text: s, params: make([]sigParam, len(ps.Params))}
	odd := false
	for i, p := range ps.Params {
		accept, ok := classSymbols(p.Class)
		sp := sigParam{SignatureParam: p, accept: accept}
		switch p.Quantifiers {
		case "":
			sp.min = 1
		case "?":
		case "??":
			sp.lazy = true
		case "+":
			sp.min, sp.many = 1, true
		case "+?":
			sp.min, sp.many, sp.lazy = 1, true, true
		default:
			ok = false
		}
		odd = odd || !ok
		sig.params[i] = sp
	}
	if odd {
		for k := 1; k <= len(ps.Params); k++ {
			sig.prefix = append(sig.prefix, regexp.MustCompile(ps.Expression(k)))
		}
		sig.re = regexp.MustCompile(ps.Expression(len(ps.Params)) + "$")
	}
	return sig
}

// classSymbols returns the symbols the regular expression class matches,
// when it is a single character class, character or "."; ok is false
// otherwise.
func classSymbols(class string) (accept uint8, ok bool) {
	re, err := syntax.Parse(class, syntax.Perl)
	if err != nil {
		return 0, false
	}
	for i := range len(typeSymbols) {
		c := rune(typeSymbols[i])
		in := false
		switch re.Op {
		case syntax.OpCharClass:
			for j := 0; j+1 < len(re.Rune); j += 2 {
				in = in || re.Rune[j] <= c && c <= re.Rune[j+1]
			}
		case syntax.OpLiteral:
			if len(re.Rune) != 1 || re.Flags&syntax.FoldCase != 0 {
				return 0, false
			}
			in = re.Rune[0] == c
		case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			in = true
		default:
			return 0, false
		}
		if in {
			accept |= 1 << i
		}
	}
	return accept, true
}

// match splits the arguments' symbols among the parameters as jsonata-js's
// regular expression does: parameter i takes symbols[spans[2i]:spans[2i+1]].
func (sig *signature) match(symbols []byte, spans []int) bool {
	if sig.re != nil {
		// A string copy, so that symbols stays on the caller's stack.
		m := sig.re.FindStringSubmatchIndex(string(symbols))
		if m == nil {
			return false
		}
		copy(spans, m[2:])
		return true
	}
	return sig.walk(symbols, 0, 0, len(sig.params), true, spans) >= 0
}

// matched returns how many symbols the longest run of leading parameters
// that matches takes, for the message of a call that does not match.
func (sig *signature) matched(symbols []byte, spans []int) int {
	good := 0
	for k := 1; k <= len(sig.params); k++ {
		end := -1
		if sig.re != nil {
			if m := sig.prefix[k-1].FindStringIndex(string(symbols)); m != nil {
				end = m[1]
			}
		} else {
			end = sig.walk(symbols, 0, 0, k, false, spans)
		}
		if end < 0 {
			break
		}
		good = end
	}
	return good
}

// walk matches parameters i to n-1 against symbols from pos, trying each
// parameter's counts in the order a backtracking regular expression
// engine (Go's leftmost-first submatches, JavaScript's) does; full
// requires the match to end at the last symbol. It records the spans and
// returns where the match ends, or -1.
func (sig *signature) walk(symbols []byte, i, pos, n int, full bool, spans []int) int {
	if i == n {
		if full && pos != len(symbols) {
			return -1
		}
		return pos
	}
	p := &sig.params[i]
	run := 0 // the most symbols from pos the parameter can take
	for pos+run < len(symbols) && p.accept&symbolBit[symbols[pos+run]] != 0 && (run == 0 || p.many) {
		run++
	}
	if run < p.min {
		return -1
	}
	for j := range run - p.min + 1 {
		k := run - j // greedy: the most first
		if p.lazy {
			k = p.min + j
		}
		spans[2*i], spans[2*i+1] = pos, pos+k
		if end := sig.walk(symbols, i+1, pos+k, n, full, spans); end >= 0 {
			return end
		}
	}
	return -1
}

var arrayTypeNames = map[string]string{"a": "arrays", "b": "booleans", "f": "functions", "n": "numbers", "o": "objects", "s": "strings"}

// validate checks the arguments of a call to the function name and
// returns them as the function takes them: the context value for a
// missing "-" argument, an array for a single value where an array is
// expected, and undefined for a missing array.
func (sig *signature) validate(args []val, context val, name string, pos int) []val {
	var sb [8]byte
	symbols := sb[:0]
	for _, a := range args {
		symbols = append(symbols, typeSymbol(a))
	}
	var spb [16]int
	spans := spb[:0]
	if n := 2 * len(sig.params); n <= len(spb) {
		spans = spb[:n]
	} else {
		spans = make([]int, n)
	}
	if !sig.match(symbols, spans) {
		throw("T0410", pos, "Argument %d of function %s does not match function signature", sig.matched(symbols, spans)+1, fnName(name))
	}
	out := make([]val, 0, max(len(sig.params), len(args)))
	argIndex := 0
	for i := range sig.params {
		p := &sig.params[i]
		match := symbols[spans[2*i]:spans[2*i+1]]
		if len(match) == 0 {
			if p.Context && p.ContextRegex != "" {
				if strings.IndexByte(p.ContextRegex, typeSymbol(context)) >= 0 {
					out = append(out, context)
				} else {
					throw("T0411", pos, "Context value is not a compatible type with argument %d of function %s", argIndex+1, fnName(name))
				}
			} else {
				out = append(out, argAt(args, argIndex))
				argIndex++
			}
			continue
		}
		for _, single := range match {
			arg := argAt(args, argIndex)
			if p.Type == "a" {
				if single == 'm' {
					arg = nil
				} else {
					ok := true
					if p.Subtype != "" {
						if single != 'a' && string(match) != p.Subtype {
							ok = false
						} else if single == 'a' && arrLen(arg) > 0 {
							t := typeSymbol(arrAt(arg, 0))
							if t != p.Subtype[0] {
								ok = false
							} else {
								n := arrLen(arg)
								for j := 0; j < n; j++ {
									if typeSymbol(arrAt(arg, j)) != t {
										ok = false
										break
									}
								}
							}
						}
					}
					if !ok {
						throw("T0412", pos, "Argument %d of function %s must be an array of \"%s\"", argIndex+1, fnName(name), arrayTypeNames[p.Subtype[:1]])
					}
					if single != 'a' {
						arg = &seq{items: []val{arg}}
					}
				}
			}
			out = append(out, arg)
			argIndex++
		}
	}
	return out
}
