package iam

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/goasl/goasl/asl"
)

// Kind is what a placeholder stands for, judged from where the definition
// uses it.
type Kind string

// Placeholder kinds. KindValue is any string (the placeholder is used in
// more than one way, or where goasl knows no resource type).
const (
	KindValue          Kind = "value"
	KindLambdaFunction Kind = "Lambda function ARN"
	KindActivity       Kind = "activity ARN"
	KindSNSTopic       Kind = "SNS topic ARN"
	KindSQSQueueURL    Kind = "SQS queue URL"
	KindDynamoDBTable  Kind = "DynamoDB table ARN"
	KindStateMachine   Kind = "state machine ARN"
)

// Placeholder is one "${Name}" of a definition.
type Placeholder struct {
	Name string
	Kind Kind
	// NeedsARN is true when the value is not an ARN (a queue URL) but the
	// policy names the resource: the deployer must give its ARN too.
	NeedsARN bool
	// NameAccepted is true when every use is a field that takes the
	// resource's name as well as its ARN (FunctionName of lambda:invoke,
	// TableName of the DynamoDB integrations): a name is valid in the
	// definition, and the role's statement needs the ARN built from it.
	NameAccepted bool
	// States names the Task states whose resource fields use it, in
	// document order.
	States []string
}

var placeholderRE = regexp.MustCompile(`\$\{([^{}]*)\}`)

// Names returns the names of every "${Name}" in a definition, sorted and
// without repeats.
func Names(definition string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(definition, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	return out
}

// Placeholders returns every placeholder of sm, sorted by name, each with
// the kind of value the definition expects.
func Placeholders(sm *asl.StateMachine) ([]Placeholder, error) {
	if sm == nil {
		return nil, fmt.Errorf("iam: the state machine is nil")
	}
	def, err := asl.Marshal(sm)
	if err != nil {
		return nil, err
	}
	kinds := map[string]Kind{}
	nameOK := map[string]bool{}
	states := map[string][]string{}
	var cur string
	note := func(v string, k Kind, acceptsName bool) {
		name, ok := whole(v)
		if !ok {
			return
		}
		old, seen := kinds[name]
		if seen && old != k {
			k = KindValue
		}
		kinds[name] = k
		nameOK[name] = acceptsName && (!seen || nameOK[name])
		if !contains(states[name], cur) {
			states[name] = append(states[name], cur)
		}
	}
	sm.States.Each(func(st *asl.State) {
		if st.Type == asl.TypeTask {
			cur = st.Name
			placeholderKinds(st, note)
		}
	})
	var out []Placeholder
	for _, n := range Names(string(def)) {
		k, ok := kinds[n]
		if !ok {
			k = KindValue
		}
		out = append(out, Placeholder{Name: n, Kind: k, NeedsARN: k == KindSQSQueueURL, NameAccepted: ok && k != KindValue && nameOK[n], States: states[n]})
	}
	return out, nil
}

// whole reports whether v is exactly one placeholder, and its name.
func whole(v string) (string, bool) {
	m := placeholderRE.FindStringSubmatchIndex(v)
	if m == nil || m[0] != 0 || m[1] != len(v) {
		return "", false
	}
	return v[m[2]:m[3]], true
}

func placeholderKinds(st *asl.State, note func(string, Kind, bool)) {
	res := st.Resource
	if _, ok := whole(res); ok {
		if strings.Contains(strings.ToLower(res), "activity") {
			note(res, KindActivity, false)
		} else {
			note(res, KindLambdaFunction, false)
		}
		return
	}
	p := params(st)
	str := func(key string) string {
		if a := field(p, key); a.static() {
			return a.str
		}
		return ""
	}
	base, _ := integrationRest(res)
	for _, pat := range []string{".waitForTaskToken", ".sync:2", ".sync"} {
		base = strings.TrimSuffix(base, pat)
	}
	switch base {
	case "lambda:invoke":
		note(str("FunctionName"), KindLambdaFunction, true)
	case "sns:publish":
		note(str("TopicArn"), KindSNSTopic, false)
		note(str("TargetArn"), KindSNSTopic, false)
	case "sqs:sendMessage":
		note(str("QueueUrl"), KindSQSQueueURL, false)
	case "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem":
		note(str("TableName"), KindDynamoDBTable, true)
	case "states:startExecution":
		note(str("StateMachineArn"), KindStateMachine, false)
	}
}
