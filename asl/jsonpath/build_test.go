package jsonpath

import "testing"

func TestBuild(t *testing.T) {
	tests := []struct {
		p    *Path
		want string
	}{
		{Input(), `$`},
		{Input("order", "total"), `$.order.total`},
		{Input("detail-type"), `$['detail-type']`},
		{Input("items").At(0).Child("sku"), `$.items[0].sku`},
		{Input().At(-1), `$[-1]`},
		{Context("Execution", "Id"), `$$.Execution.Id`},
		{Variable("total"), `$total`},
		{Variable("cfg", "retry", "max"), `$cfg.retry.max`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %s, want %s", got, tt.want)
			continue
		}
		back, err := Parse(tt.want)
		if err != nil {
			t.Errorf("Parse(%s): %v", tt.want, err)
			continue
		}
		if !back.Equal(tt.p) {
			t.Errorf("Parse(%s) differs from the built path", tt.want)
		}
		for i, s := range tt.p.Steps {
			if s.Offset != back.Steps[i].Offset || s.Text != back.Steps[i].Text {
				t.Errorf("%s step %d: built offset %d text %q, parsed offset %d text %q", tt.want, i, s.Offset, s.Text, back.Steps[i].Offset, back.Steps[i].Text)
			}
		}
	}
	base := Input("a")
	_ = base.Child("b")
	_ = base.Child("c")
	if base.String() != "$.a" {
		t.Errorf("Child changed its receiver: %s", base)
	}
}
