package asl

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"
)

// lambdaChain is n Lambda tasks in a chain, each as the compiler writes
// dsl.LambdaInvoke: a Payload and the retrier AWS recommends.
func lambdaChain(n int) *StateMachine {
	var ss States
	for i := range n {
		st := &State{Name: "Invoke" + strconv.Itoa(i), Type: TypeTask, Resource: "arn:aws:states:::lambda:invoke",
			Parameters: ObjectValue(Member{Key: "FunctionName", Value: StringValue("${Fn}")}, Member{Key: "Payload.$", Value: StringValue("$")}),
			Retry: []*Retrier{{ErrorEquals: []string{"Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"},
				IntervalSeconds: NumberValue("1"), MaxAttempts: NumberValue("3"), BackoffRate: NumberValue("2")}},
			Next: "Invoke" + strconv.Itoa(i+1)}
		if i == n-1 {
			st.Next, st.End = "", true
		}
		ss = append(ss, st)
	}
	return &StateMachine{StartAt: "Invoke0", States: ss}
}

// TestValidateSizeIsCompact: the 1 MB quota applies to the definition as
// deployed, which is compact JSON, not to the indented file goasl writes.
func TestValidateSizeIsCompact(t *testing.T) {
	sm := lambdaChain(2500)
	indented, err := Marshal(sm)
	if err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, indented); err != nil {
		t.Fatal(err)
	}
	if len(indented) <= MaxDefinitionBytes || compact.Len() > MaxDefinitionBytes*9/10 {
		t.Fatalf("the test needs a definition over 1 MiB indented (%d bytes) and well under compact (%d bytes)", len(indented), compact.Len())
	}
	if n := compactSize(indented); n != compact.Len() {
		t.Errorf("compactSize %d, json.Compact wrote %d bytes", n, compact.Len())
	}
	if got := diagText(Validate(sm, ValidateOptions{})); got != "" {
		t.Errorf("a definition of %d bytes indented, %d compact: got:\n%s", len(indented), compact.Len(), got)
	}
	sm = lambdaChain(4000)
	want := "DEFINITION_TOO_LARGE: The definition is 1369806 bytes as deployed (compact UTF-8 JSON), more than the 1 MB quota (1048576 bytes); move large literals to the input or split the workflow into several state machines at /\n"
	if got := diagText(Validate(sm, ValidateOptions{})); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestCompactSize(t *testing.T) {
	for in, want := range map[string]int{
		`{"a": "x \" y\\", "b" : [1, 2]}`: len(`{"a":"x \" y\\","b":[1,2]}`),
		"{\n  \"k\": \"a\tb \\\\\"\n}\n":  len("{\"k\":\"a\tb \\\\\"}"),
		"":                                0,
	} {
		if got := compactSize([]byte(in)); got != want {
			t.Errorf("compactSize(%q) = %d, want %d", in, got, want)
		}
	}
}
