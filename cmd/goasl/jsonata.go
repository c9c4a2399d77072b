package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/goasl/goasl/asl/jsonata"
	"github.com/goasl/goasl/asl/jsonata/eval"
	"github.com/goasl/goasl/asl/value"
)

func init() { register(jsonataCmd) }

// varFlags collects the repeatable -var NAME=JSON flag.
type varFlags []string

func (v *varFlags) String() string     { return strings.Join(*v, " ") }
func (v *varFlags) Set(s string) error { *v = append(*v, s); return nil }

var jsonataCmd = &command{
	name:    "jsonata",
	summary: "evaluate a JSONata expression as Step Functions does",
	usage:   "[-input FILE] [-var NAME=JSON]... EXPRESSION",
	help: `Jsonata evaluates a JSONata 2.0.6 expression the way AWS Step Functions does
(with its $partition, $range, $hash, $random, $uuid and $parse functions, and
without $eval), so an expression can be tried before it is deployed.

The input document is bound to $ and to $states.input. The result is printed
as JSON; an undefined result prints nothing. Both exit with status 0. An error
prints "CODE: message" (JSONata's code, e.g. T2001) on standard error and
exits with status 1. A usage error (no expression or more than one, a -var
that is not NAME=JSON, an -input file that cannot be read as JSON) prints a
message on standard error and exits with status 2. Put -- before an
expression that starts with "-", so that it is not read as a flag.

Examples:

	goasl jsonata '1 + 2'
	goasl jsonata -input order.json '$sum(items.(price * qty))'
	echo '{"total": 120}' | goasl jsonata -input - '$states.input.total > 100'
	goasl jsonata -var 'limit=100' -var 'items=[1,200]' '$items[$ > $limit]'
	goasl jsonata -- '-$number("5")'`,
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		input := fs.String("input", "", "the document bound to $ (and to $states.input); '-' for stdin; default: none")
		var vars varFlags
		fs.Var(&vars, "var", "binds $NAME to the JSON value (repeatable)")
		return func(e *env, args []string) int {
			if len(args) != 1 {
				e.errorf("jsonata needs exactly one expression (quote it): goasl jsonata [-input FILE] [-var NAME=JSON]... EXPRESSION")
				return 2
			}
			opts := &eval.Options{Vars: map[string]value.Value{}, Now: time.Now()}
			var doc value.Value
			if *input != "" {
				data, err := e.readFile(*input)
				if err != nil {
					e.errorf("-input: %v", err)
					return 2
				}
				doc, err = value.Parse(data)
				if err != nil {
					e.errorf("-input %s: not JSON: %v", *input, err)
					return 2
				}
				opts.Vars["states"] = value.FromMembers(value.Member{Key: "input", Value: doc})
			}
			for _, v := range vars {
				name, js, ok := strings.Cut(v, "=")
				name = strings.TrimPrefix(name, "$")
				if !ok || name == "" {
					e.errorf("-var %q: write NAME=JSON, as in -var 'limit=100' or -var 'name=\"Ana\"'", v)
					return 2
				}
				x, err := value.ParseString(js)
				if err != nil {
					e.errorf("-var %s: the value is not JSON (a string needs its quotes, as in %s='\"text\"'): %v", name, name, err)
					return 2
				}
				opts.Vars[name] = x
			}
			expr, err := eval.Compile(args[0])
			var result value.Value
			if err == nil {
				result, err = expr.Evaluate(doc, opts)
			}
			if err != nil {
				code := "ERROR"
				var je *jsonata.Error
				if errors.As(err, &je) && je.Code != "" {
					code = je.Code
				}
				fmt.Fprintf(e.stderr, "%s: %s\n", code, err.Error())
				return 1
			}
			if !result.IsUndefined() {
				fmt.Fprintln(e.stdout, result.JSON())
			}
			return 0
		}
	},
}
