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
