package iam

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
)

// document writes statements as the CDK does (one value a string, more a
// list) with encoding/json, to check PolicySize against.
func document(t *testing.T, stmts []Statement) string {
	t.Helper()
	one := func(ss []string) any {
		if len(ss) == 1 {
			return ss[0]
		}
		return ss
	}
	type stmt struct {
		Effect   string
		Action   any
		Resource any
	}
	doc := struct {
		Version   string
		Statement []stmt
	}{Version: "2012-10-17", Statement: []stmt{}}
	for _, s := range stmts {
		doc.Statement = append(doc.Statement, stmt{s.Effect, one(s.Actions), one(s.Resources)})
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lambdas is a workflow invoking n distinct Lambda functions by ARN.
func lambdas(t *testing.T, n int) *asl.StateMachine {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"StartAt":"S000","States":{`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		next := `"End":true`
		if i < n-1 {
			next = fmt.Sprintf(`"Next":"S%03d"`, i+1)
		}
		fmt.Fprintf(&b, `"S%03d":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:fn%03d",%s}`, i, i, next)
	}
	b.WriteString("}}")
	sm, err := asl.Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return sm
}

func TestPolicySizeMatchesDocument(t *testing.T) {
	for _, c := range cases {
		sm := parseState(t, c.state)
		stmts, err := Policy(sm, testOpts)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// Placeholders count as their own text here, to compare with the
		// document as written.
		got := PolicySize(stmts, func(name string) int { return len("${" + name + "}") })
		if want := len(document(t, stmts)); got != want {
			t.Errorf("%s: PolicySize %d, the document has %d characters", c.name, got, want)
		}
	}
	if got, want := PolicySize(nil, nil), len(`{"Version":"2012-10-17","Statement":[]}`); got != want {
		t.Errorf("no statements: %d, want %d", got, want)
	}
}

func TestPolicySizePlaceholders(t *testing.T) {
	stmts := []Statement{{Effect: "Allow", Actions: []string{"lambda:InvokeFunction"},
		Resources: []string{"${Fn}", "${Fn}:*", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:q"}}}
	doc := len(document(t, stmts))
	// With the defaults: ${Fn} is 128 characters (twice), the partition 10,
	// the region 16, the account 12.
	want := doc - 2*len("${Fn}") + 2*UnknownValueSize -
		len("${AWS::Partition}${AWS::Region}${AWS::AccountId}") + 10 + 16 + 12
	if got := PolicySize(stmts, nil); got != want {
		t.Errorf("default sizes: %d, want %d", got, want)
	}
	exact := map[string]int{"Fn": 60, "AWS::Partition": 3, "AWS::Region": 9, "AWS::AccountId": 12}
	want = doc - 2*len("${Fn}") + 2*60 - len("${AWS::Partition}${AWS::Region}${AWS::AccountId}") + 3 + 9 + 12
	if got := PolicySize(stmts, func(n string) int { return exact[n] }); got != want {
		t.Errorf("given sizes: %d, want %d", got, want)
	}
	for name, want := range map[string]int{"AWS::Partition": 10, "AWS::Region": 16, "AWS::AccountId": 12, "AWS::URLSuffix": 16, "ChargeFn": 128} {
		if got := DefaultValueSize(name); got != want {
			t.Errorf("DefaultValueSize(%q) = %d, want %d", name, got, want)
		}
	}
	// White space is not counted; quotes and backslashes are escaped.
	odd := []Statement{{Effect: "Allow", Actions: []string{"a:B"}, Resources: []string{"x y\"\\\n\x01"}}}
	if got, want := PolicySize(odd, nil), len(document(t, odd))-1; got != want {
		t.Errorf("escapes: %d, want %d", got, want)
	}
}

// TestPolicySizeLambdas measures the workflows the cdk tests deploy: each
// distinct function ARN adds 112 characters (the ARN, and the ARN with
// ":*" for its versions).
func TestPolicySizeLambdas(t *testing.T) {
	for _, c := range []struct{ n, size int }{{1, 215}, {90, 10183}, {91, 10295}} {
		stmts, err := Policy(lambdas(t, c.n), testOpts)
		if err != nil {
			t.Fatal(err)
		}
		if got := PolicySize(stmts, nil); got != c.size {
			t.Errorf("%d functions: %d characters, want %d", c.n, got, c.size)
		}
		if over := c.size > MaxRolePolicySize; over != (c.n == 91) {
			t.Errorf("%d functions: over the limit %v", c.n, over)
		}
	}
}

func TestSplit(t *testing.T) {
	// One statement for 90 functions (180 resources, 10,144 characters
	// alone) cut at 2,000: 34 resources (1,968 characters) a statement.
	stmts, err := Policy(lambdas(t, 90), testOpts)
	if err != nil {
		t.Fatal(err)
	}
	got := Split(stmts, 2000, nil)
	var sizes []int
	var all []string
	for _, s := range got {
		sizes = append(sizes, statementSize(s, DefaultValueSize))
		all = append(all, s.Resources...)
		if strings.Join(s.Actions, ",") != "lambda:InvokeFunction" || s.Reason != stmts[0].Reason || len(s.States) != 90 {
			t.Errorf("a cut statement lost its actions, reason or states: %v %q %d", s.Actions, s.Reason, len(s.States))
		}
	}
	if g := fmt.Sprint(sizes); g != "[1968 1968 1968 1968 1968 624]" {
		t.Errorf("sizes %s", g)
	}
	if strings.Join(all, " ") != strings.Join(stmts[0].Resources, " ") {
		t.Error("the cut statements do not hold the resources in order")
	}
	// A resource longer than the limit stays whole; small statements are
	// left as they are.
	long := Statement{Effect: "Allow", Actions: []string{"s3:GetObject"}, Resources: []string{"arn:aws:s3:::" + strings.Repeat("b", 100), "x"}}
	small := Statement{Effect: "Allow", Actions: []string{"s3:GetObject"}, Resources: []string{"y"}}
	got = Split([]Statement{long, small}, 50, nil)
	if g := show(got); strings.Join(g, "\n") != "s3:GetObject -> arn:aws:s3:::"+strings.Repeat("b", 100)+"\ns3:GetObject -> x\ns3:GetObject -> y" {
		t.Errorf("split:\n%s", strings.Join(g, "\n"))
	}
	if got := Split(nil, 2000, nil); len(got) != 0 {
		t.Errorf("Split(nil) = %v", got)
	}
}
