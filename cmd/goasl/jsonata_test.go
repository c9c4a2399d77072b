package main

import "testing"

func TestJSONataCommand(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stdout string
		stderr string
	}{
		{"arithmetic", "", []string{"jsonata", "1 + 2"}, 0, "3\n", ""},
		{"undefined", "", []string{"jsonata", "$nothing"}, 0, "", ""},
		{"input_file", "", []string{"jsonata", "-input", "testdata/jsonata_input.json", "$sum(items.(price * qty))"}, 0, "25\n", ""},
		{"states_input", `{"total": 120, "coupon": "X"}`, []string{"jsonata", "-input", "-", "$states.input.total > 100 and $exists($states.input.coupon)"}, 0, "true\n", ""},
		{"vars", "", []string{"jsonata", "-var", "limit=100", "-var", "$items=[1,200,300]", "$items[$ > $limit]"}, 0, "[200,300]\n", ""},
		{"object_order", "", []string{"jsonata", `{"b": 1, "10": 2, "2": 3}`}, 0, "{\"2\":3,\"10\":2,\"b\":1}\n", ""},
		{"type_error", "", []string{"jsonata", `"a" + 1`}, 1, "", "T2001: The left side of the \"+\" operator must evaluate to a number\n"},
		{"syntax_error", "", []string{"jsonata", `(1`}, 1, "", "S0203: expected \")\" before the end of the expression\n"},
		{"eval_refused", "", []string{"jsonata", `$eval("1")`}, 1, "", "T1006: Attempted to invoke a non-function: $eval (Step Functions does not provide $eval: use $parse to read JSON text)\n"},
		{"leading_minus", "", []string{"jsonata", "--", `-$number("5")`}, 0, "-5\n", ""},
		{"no_expression", "", []string{"jsonata"}, 2, "", "goasl: jsonata needs exactly one expression (quote it): goasl jsonata [-input FILE] [-var NAME=JSON]... EXPRESSION\n"},
		{"bad_var", "", []string{"jsonata", "-var", "x", "$x"}, 2, "", "goasl: -var \"x\": write NAME=JSON, as in -var 'limit=100' or -var 'name=\"Ana\"'\n"},
		{"bad_var_json", "", []string{"jsonata", "-var", "x=abc", "$x"}, 2, "", ""},
		{"missing_input", "", []string{"jsonata", "-input", "testdata/missing.json", "$"}, 2, "", "goasl: -input: open testdata/missing.json: no such file or directory\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, out, errOut := runCase(t, tt.stdin, tt.args...)
			if status != tt.status || out != tt.stdout || (tt.stderr != "" && errOut != tt.stderr) || (tt.stderr == "" && tt.status != 2 && errOut != "") {
				t.Errorf("goasl %q: status %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, status, out, errOut, tt.status, tt.stdout, tt.stderr)
			}
		})
	}
}
