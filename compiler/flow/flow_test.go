package flow_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/internal/golden"
)

type Receipt struct {
	TxID string `json:"txId"`
}

type Order struct {
	ID      string    `json:"id"`
	Total   float64   `json:"total"`
	Count   int       `json:"count"`
	Placed  time.Time `json:"placed"`
	Note    string    `json:"note,omitempty"`
	Items   []Item    `json:"items"`
	Express bool      `json:"express"`
}

type Item struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type Charge struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

func typeOf[T any]() *flow.Type { return flow.FromGo(reflect.TypeFor[T]()) }

func machine(t *testing.T, doc string) *asl.StateMachine {
	t.Helper()
	sm, err := asl.Parse([]byte(doc))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if ds := asl.Validate(sm, asl.ValidateOptions{}); asl.HasErrors(ds) {
		t.Fatalf("validate: %v", ds)
	}
	return sm
}

func diagnostics(res *flow.Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

type embedded struct {
	Shared string `json:"shared"`
}

type goShapes struct {
	embedded
	Renamed  string         `json:"renamed_field"`
	Skipped  string         `json:"-"`
	Ptr      *Item          `json:"ptr"`
	Bytes    []byte         `json:"bytes"`
	Map      map[string]int `json:"map"`
	Arr      [2]bool        `json:"arr"`
	AsString int            `json:"asString,string"`
	Any      any            `json:"any"`
	When     time.Time      `json:"when"`
	Zero     Receipt        `json:"zero,omitzero"`
	Plain    string
	private  string
	Dur      time.Duration     `json:"dur"`
	Nested   map[string][]Item `json:"nested"`
}

func TestFromGo(t *testing.T) {
	_ = goShapes{}.private
	got := typeOf[goShapes]().String()
	want := "{shared string, renamed_field string, ptr {sku string, qty integer}|null, bytes string|null, map map[string]integer|null, arr []boolean, asString string, any any, when timestamp, zero? {txId string}, Plain string, dur integer, nested map[string]([]{sku string, qty integer}|null)|null}"
	if got != want {
		t.Errorf("FromGo:\n got %s\nwant %s", got, want)
	}
	if typeOf[*int]().String() != "integer|null" || typeOf[[]string]().String() != "[]string|null" {
		t.Errorf("pointer or slice: %s, %s", typeOf[*int](), typeOf[[]string]())
	}
}

func TestJoin(t *testing.T) {
	a := flow.ObjectOf(flow.Field{Name: "a", Type: flow.IntegerType}, flow.Field{Name: "b", Type: flow.StringType})
	b := flow.ObjectOf(flow.Field{Name: "a", Type: flow.NumberType}, flow.Field{Name: "c", Type: flow.BoolType})
	if got, want := flow.Join(a, b).String(), "{a number, b? string, c? boolean}"; got != want {
		t.Errorf("Join objects: got %s, want %s", got, want)
	}
	if got := flow.Join(flow.StringType, flow.NumberType).String(); got != "any" {
		t.Errorf("Join string, number: got %s, want any", got)
	}
	if got := flow.Join(flow.NullType, flow.StringType).String(); got != "string|null" {
		t.Errorf("Join null, string: got %s, want string|null", got)
	}
}

// orderAnn declares the workflow input Order.
func orderAnn() *flow.Annotations { return &flow.Annotations{Input: typeOf[Order]()} }

// TestInferGolden dumps the types of a workflow that uses every JSONPath
// data-flow field.
func TestInferGolden(t *testing.T) {
	sm := machine(t, `{
  "StartAt": "Validate",
  "States": {
    "Validate": {"Type": "Pass", "Parameters": {"id.$": "$.id", "total.$": "$.total", "lines.$": "States.ArrayLength($.items)", "exec.$": "$$.Execution.Id", "tag": "new"}, "ResultPath": "$.checked", "Next": "Charge"},
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "charge", "Payload": {"id.$": "$.id", "total.$": "$.total"}},
      "ResultSelector": {"receipt.$": "$.Payload", "status.$": "$.StatusCode"}, "ResultPath": "$.charge",
      "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}], "Next": "Big?"},
    "Big?": {"Type": "Choice", "Choices": [{"Variable": "$.total", "NumericGreaterThan": 100, "Next": "Fan"}], "Default": "Each"},
    "Fan": {"Type": "Parallel", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"ok": true}, "End": true}}},
      {"StartAt": "B", "States": {"B": {"Type": "Pass", "InputPath": "$.charge.receipt", "End": true}}}
    ], "ResultPath": "$.fan", "Next": "Each"},
    "Each": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"sku.$": "$$.Map.Item.Value.sku", "index.$": "$$.Map.Item.Index", "order.$": "$.id"},
      "ItemProcessor": {"StartAt": "Ship", "States": {"Ship": {"Type": "Pass", "OutputPath": "$.sku", "End": true}}},
      "ResultPath": "$.shipped", "OutputPath": "$.shipped", "Next": "Done"},
    "Failed": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "$.error.Cause"},
    "Done": {"Type": "Succeed"}
  }
}`)
	ann := orderAnn()
	ann.States = map[string]flow.StateAnnotation{"/States/Charge": {TaskInput: typeOf[Charge](), TaskOutput: typeOf[Receipt]()}}
	res := flow.Infer(sm, ann)
	if len(res.Diagnostics) > 0 {
		t.Errorf("unexpected diagnostics:\n%s", diagnostics(res))
	}
	golden.Check(t, "testdata/jsonpath.golden", []byte(res.Dump()))
}

type errorCase struct {
	name string
	doc  string
	ann  func() *flow.Annotations
	want string
}

var jsonPathErrors = []errorCase{
	{"field typo", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"t.$": "$.totl"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.totl selects nothing: $ has no field "totl" (did you mean "total"?) at /States/P/Parameters/t.$`},
	{"field of a string", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.id.first", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.id.first selects nothing: $.id is a string, not an object at /States/P/InputPath`},
	{"no close name", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "OutputPath": "$.customer", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.customer selects nothing: $ has no field "customer" (it has "id", "total", "count", "placed", "note", "items", "express") at /States/P/OutputPath`},
	{"index of an object", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.items[0].sku", "y.$": "$.id[0]"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.id[0] selects nothing: $.id is a string, not an array at /States/P/Parameters/y.$`},
	{"numeric on string", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.id", "NumericGreaterThan": 3, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`TYPE_MISMATCH: NumericGreaterThan compares numbers, but $.id is a string at /States/C/Choices/0/NumericGreaterThan`},
	{"timestamp on number", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Not": {"Variable": "$.total", "TimestampLessThan": "2024-01-01T00:00:00Z"}, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`TYPE_MISMATCH: TimestampLessThan compares timestamps (RFC 3339 strings), but $.total is a number at /States/C/Choices/0/Not/TimestampLessThan`},
	{"timestamp in a string", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
		{"Variable": "$.note", "TimestampLessThan": "2024-01-01T00:00:00Z", "Next": "D"},
		{"Variable": "$.id", "TimestampLessThanEqualsPath": "$.placed", "Next": "D"},
		{"Variable": "$.placed", "TimestampGreaterThanPath": "$.note", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		``},
	{"timestamp path of a number", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.id", "TimestampEqualsPath": "$.count", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`TYPE_MISMATCH: TimestampEqualsPath compares timestamps (RFC 3339 strings), but $.count is an integer ($.id is a string) at /States/C/Choices/0/TimestampEqualsPath`},
	{"path comparison mismatch", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"And": [{"Variable": "$.total", "NumericEqualsPath": "$.id"}], "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`TYPE_MISMATCH: NumericEqualsPath compares numbers, but $.id is a string ($.total is a number) at /States/C/Choices/0/And/0/NumericEqualsPath`},
	{"is present never errs", `{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.coupon", "IsPresent": true, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		``},
	{"task input missing field", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload": {"id.$": "$.id"}}, "End": true}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.States = map[string]flow.StateAnnotation{"/States/T": {TaskInput: typeOf[Charge]()}}
			return a
		},
		`TYPE_MISMATCH: the task takes flow_test.Charge, but the value is {id string}: it needs field "total" (number), which the value given does not have at /States/T/Parameters/Payload`},
	{"task input wrong field type", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$.items[0]"}, "End": true}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.States = map[string]flow.StateAnnotation{"/States/T": {TaskInput: typeOf[Charge]()}}
			return a
		},
		`TYPE_MISMATCH: the task takes flow_test.Charge, but the value is flow_test.Item: it needs field "id" (string), which the value given does not have at /States/T/Parameters/Payload.$
TYPE_MISMATCH: the task takes flow_test.Charge, but the value is flow_test.Item: it needs field "total" (number), which the value given does not have at /States/T/Parameters/Payload.$`},
	{"task input field kind", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Parameters": {"id.$": "$.count", "total.$": "$.total"}, "End": true}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.States = map[string]flow.StateAnnotation{"/States/T": {TaskInput: typeOf[Charge]()}}
			return a
		},
		`TYPE_MISMATCH: the task takes flow_test.Charge, but the value is {id integer, total number}: field id is an integer, but the task expects a string at /States/T/Parameters`},
	{"callback task input", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "Parameters": {"FunctionName": "f", "Payload": {"id.$": "$.id", "token.$": "$$.Task.Token"}}, "ResultSelector": {"any.$": "$.whatever"}, "End": true}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.States = map[string]flow.StateAnnotation{"/States/T": {TaskInput: typeOf[Charge]()}}
			return a
		},
		`TYPE_MISMATCH: the task takes flow_test.Charge, but the value is {id string, token string}: it needs field "total" (number), which the value given does not have at /States/T/Parameters/Payload`},
	{"service result is open", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": {"TopicArn": "t", "Message.$": "$.id"}, "ResultSelector": {"id.$": "$.MessageId", "x.$": "$.Other", "n.$": "States.ArrayLength($.MessageId)"}, "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: States.ArrayLength takes an array as its array, but $.MessageId is a string at /States/T/ResultSelector/n.$`},
	{"result path into string", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "ResultPath": "$.id.extra", "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: $.id.extra writes into $.id, which is a string, not an object at /States/P/ResultPath`},
	{"items path not array", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.total", "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: $.total selects a number, not an array: a Map needs an array of items at /States/M/ItemsPath`},
	{"items path object declared", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.byId", "ItemSelector": {"sku.$": "$$.Map.Item.Value.sku"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`, indexAnn(true),
		`TYPE_MISMATCH: $.byId selects an object, not an array: a Map over an object runs one iteration per key-value pair, with items {Key string, Value {sku string, qty integer}}, not flow_test.Item as the items are declared; select an array of flow_test.Item, or declare the items as the {Key, Value} pairs at /States/M/ItemsPath`},
	{"items path object pairs", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.byId", "ItemSelector": {"k.$": "$$.Map.Item.Key", "q.$": "$$.Map.Item.Value.qtty", "i.$": "$$.Map.Item.Index"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "Parameters": {"n.$": "States.ArrayLength($.k)"}, "End": true}}}, "End": true}}}`, indexAnn(false),
		`NO_SUCH_FIELD: $$.Map.Item.Value.qtty selects nothing: $$.Map.Item.Value has no field "qtty" (did you mean "qty"?) at /States/M/ItemSelector/q.$
TYPE_MISMATCH: States.ArrayLength takes an array as its array, but $.k is a string at /States/M/ItemProcessor/States/X/Parameters/n.$`},
	{"items path object value", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.byId", "ItemProcessor": {"StartAt": "Y", "States": {"Y": {"Type": "Pass", "Parameters": {"sku.$": "$.Value.sku", "key.$": "$.key"}, "End": true}}}, "End": true}}}`, indexAnn(false),
		`NO_SUCH_FIELD: $.key selects nothing: $ has no field "key" (did you mean "Key"?) at /States/M/ItemProcessor/States/Y/Parameters/key.$`},
	{"items path object declared as pairs", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.byId", "ItemSelector": {"sku.$": "$$.Map.Item.Value.skuu"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`,
		func() *flow.Annotations {
			a := indexAnn(false)()
			a.States = map[string]flow.StateAnnotation{"/States/M": {Item: typeOf[struct {
				Key   string `json:"Key"`
				Value Item   `json:"Value"`
			}]()}}
			return a
		},
		`NO_SUCH_FIELD: $$.Map.Item.Value.skuu selects nothing: $$.Map.Item.Value has no field "skuu" (did you mean "sku"?) at /States/M/ItemSelector/sku.$`},
	{"item selector typo", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "ItemSelector": {"s.$": "$$.Map.Item.Value.skuu"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "InputPath": "$.s", "End": true}}}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $$.Map.Item.Value.skuu selects nothing: $$.Map.Item.Value has no field "skuu" (did you mean "sku"?) at /States/M/ItemSelector/s.$`},
	{"processor input typo", `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "InputPath": "$.qtty", "End": true}}}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.qtty selects nothing: $ has no field "qtty" (did you mean "qty"?) at /States/M/ItemProcessor/States/X/InputPath`},
	{"after result selector", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "ResultSelector": {"r.$": "$.Paylod"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.Paylod selects nothing: $ has no field "Paylod" (did you mean "Payload"?) at /States/T/ResultSelector/r.$`},
	{"catch output", `{"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "q", "MessageBody.$": "$.id"}, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}], "End": true}, "F": {"Type": "Fail", "CausePath": "$.Cuase"}}}`, orderAnn,
		`NO_SUCH_FIELD: $.Cuase selects nothing: $ has no field "Cuase" (did you mean "Cause"?) at /States/F/CausePath`},
	{"fail error path not a string", `{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.items", "CausePath": "$.count"}}}`, orderAnn,
		`TYPE_MISMATCH: $.items selects an array, but ErrorPath must be a string; select a string, or turn the value into one with States.JsonToString or States.Format at /States/F/ErrorPath
TYPE_MISMATCH: $.count selects an integer, but CausePath must be a string; select a string, or turn the value into one with States.JsonToString or States.Format at /States/F/CausePath`},
	{"fail paths that are strings", `{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "States.ArrayGetItem($.tags, 0)", "CausePath": "$.note"}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.Input = typeOf[struct {
				Tags []string `json:"tags"`
				Note *string  `json:"note"`
			}]()
			return a
		},
		``},
	{"fail intrinsic not a string", `{"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "States.ArrayGetItem($.items, 0)", "CausePath": "$.anything"}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.Input = flow.ObjectOf(flow.Field{Name: "items", Type: flow.ArrayOf(flow.ArrayOf(flow.StringType))}, flow.Field{Name: "anything", Type: flow.AnyType})
			return a
		},
		`TYPE_MISMATCH: States.ArrayGetItem($.items, 0) returns an array, but ErrorPath must be a string; select a string, or turn the value into one with States.JsonToString or States.Format at /States/F/ErrorPath`},
	{"parallel tuple", `{"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"a": 1}, "End": true}}}], "Next": "Q"}, "Q": {"Type": "Pass", "Parameters": {"x.$": "$[0].b", "y.$": "$[1]"}, "End": true}}}`, nil,
		`NO_SUCH_FIELD: $[0].b selects nothing: $[0] has no field "b" (it has "a") at /States/Q/Parameters/x.$
NO_SUCH_FIELD: $[1] selects nothing: $ has 1 items at /States/Q/Parameters/y.$`},
	{"intrinsic argument", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"n.$": "States.ArrayLength($.id)"}, "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: States.ArrayLength takes an array as its array, but $.id is a string at /States/P/Parameters/n.$`},
	{"wait seconds path", `{"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$.id", "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: $.id selects a string, but SecondsPath needs a number at /States/W/SecondsPath`},
	{"input path null", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": null, "Parameters": {"x.$": "$.id"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $.id selects nothing: $ has no field "id" (it is an empty object) at /States/P/Parameters/x.$`},
	{"any never errs", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"x.$": "$.a.b[3].c", "n.$": "States.ArrayLength($.q)"}, "ResultPath": "$.a.b", "Next": "C"}, "C": {"Type": "Choice", "Choices": [{"Variable": "$.zz", "NumericEquals": 1, "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, nil,
		``},
	{"variable never assigned", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"total.$": "$.total"}, "Next": "Q"}, "Q": {"Type": "Pass", "Parameters": {"x.$": "$totl"}, "End": true}}}`, orderAnn,
		`UNASSIGNED_VARIABLE: variable $totl is never assigned: no Assign sets it (did you mean $total?) at /States/Q/Parameters/x.$`},
	{"variable on one path only", `{"StartAt": "C", "States": {
		"C": {"Type": "Choice", "Choices": [{"Variable": "$.express", "BooleanEquals": true, "Next": "Set"}], "Default": "Use"},
		"Set": {"Type": "Pass", "Assign": {"fast": true}, "Next": "Use"},
		"Use": {"Type": "Pass", "Parameters": {"x.$": "$fast"}, "End": true}}}`, orderAnn,
		`UNASSIGNED_VARIABLE: variable $fast is read before it is assigned: not every path to this state goes through an Assign that sets it (an inner scope cannot see the variables it assigns after it ends, and a Distributed Map's processor sees none) at /States/Use/Parameters/x.$`},
	{"variable field typo", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"order.$": "$"}, "Next": "Q"}, "Q": {"Type": "Pass", "Parameters": {"x.$": "$order.totl"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $order.totl selects nothing: $order has no field "totl" (did you mean "total"?) at /States/Q/Parameters/x.$`},
	{"declared variable", `{"StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"count.$": "$.id"}, "End": true}}}`,
		func() *flow.Annotations {
			a := orderAnn()
			a.Variables = map[string]*flow.Type{"count": flow.IntegerType}
			return a
		},
		`TYPE_MISMATCH: $count is declared as integer: the value given is a string, but the variable is declared as an integer at /States/P/Assign/count.$`},
}

// indexAnn declares an input with an object of items by key, and with
// declared the Map state M's items as Item.
func indexAnn(declared bool) func() *flow.Annotations {
	return func() *flow.Annotations {
		a := &flow.Annotations{Input: typeOf[struct {
			ByID map[string]Item `json:"byId"`
		}]()}
		if declared {
			a.States = map[string]flow.StateAnnotation{"/States/M": {Item: typeOf[Item]()}}
		}
		return a
	}
}

func runErrorCases(t *testing.T, cases []errorCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ann *flow.Annotations
			if c.ann != nil {
				ann = c.ann()
			}
			res := flow.Infer(machine(t, c.doc), ann)
			got := strings.TrimSuffix(diagnostics(res), "\n")
			if got != c.want {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", got, c.want)
			}
		})
	}
}

func TestJSONPathErrors(t *testing.T) { runErrorCases(t, jsonPathErrors) }

func chargeTask() *flow.Annotations {
	a := orderAnn()
	a.States = map[string]flow.StateAnnotation{"/States/T": {TaskInput: typeOf[Charge](), TaskOutput: typeOf[Receipt]()}}
	return a
}

var jsonataErrors = []errorCase{
	{"field typo", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"t": "{% $states.input.totl * 2 %}"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.totl selects nothing: $states.input has no field "totl" (did you mean "total"?) at /States/P/Output/t`},
	{"field of a string", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.id.first %}", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.id.first selects nothing: $states.input.id is a string, not an object at /States/P/Output`},
	{"through an array", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.items.skuu %}", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.items.skuu selects nothing: $states.input.items[*] has no field "skuu" (did you mean "sku"?) at /States/P/Output`},
	{"choice condition", `{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.totl > 100 %}", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.totl selects nothing: $states.input has no field "totl" (did you mean "total"?) at /States/C/Choices/0/Condition`},
	{"condition compares a string with a number", `{"QueryLanguage": "JSONata", "StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.id > 100 %}", "Next": "D"}, {"Condition": "{% $states.input.express < 1 %}", "Next": "D"}], "Default": "D"}, "D": {"Type": "Succeed"}}}`, orderAnn,
		`TYPE_MISMATCH: ">" compares $states.input.id (a string) with 100 (an integer): both sides must be numbers or both strings at /States/C/Choices/0/Condition
TYPE_MISMATCH: $states.input.express is a boolean, but "<" compares numbers or strings at /States/C/Choices/1/Condition`},
	{"arithmetic on a string", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.id * 2 %}", "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: $states.input.id is a string, but "*" needs numbers at /States/P/Output`},
	{"task input", `{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": {"id": "{% $states.input.count %}"}}, "End": true}}}`, chargeTask,
		`TYPE_MISMATCH: the task takes flow_test.Charge, but the value is {id integer}: field id is an integer, but the task expects a string at /States/T/Arguments/Payload
TYPE_MISMATCH: the task takes flow_test.Charge, but the value is {id integer}: it needs field "total" (number), which the value given does not have at /States/T/Arguments/Payload`},
	{"result typo", `{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"}, "Output": "{% $states.result.Payload.txid %}", "End": true}}}`, chargeTask,
		`NO_SUCH_FIELD: $states.result.Payload.txid selects nothing: $states.result.Payload has no field "txid" (did you mean "txId"?) at /States/T/Output`},
	{"error output typo", `{"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Arguments": {"QueueUrl": "q", "MessageBody": "{% $states.input.id %}"}, "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"why": "{% $states.errorOutput.Cuase %}"}, "Next": "F"}], "End": true}, "F": {"Type": "Fail"}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.errorOutput.Cuase selects nothing: $states.errorOutput has no field "Cuase" (did you mean "Cause"?) at /States/T/Catch/0/Output/why`},
	{"items not array", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.total %}", "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: {% $states.input.total %} selects a number, not an array: a Map needs an array of items at /States/M/Items`},
	{"item selector", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.items %}", "ItemSelector": {"s": "{% $states.context.Map.Item.Value.skuu %}"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.context.Map.Item.Value.skuu selects nothing: $states.context.Map.Item.Value has no field "skuu" (did you mean "sku"?) at /States/M/ItemSelector/s`},
	{"items object declared", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.byId %}", "ItemSelector": {"s": "{% $states.context.Map.Item.Value.sku %}", "k": "{% $states.context.Map.Item.Key %}"}, "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Succeed"}}}, "End": true}}}`, indexAnn(true),
		`TYPE_MISMATCH: {% $states.input.byId %} selects an object, not an array: a Map over an object runs one iteration per key-value pair, with items {Key string, Value {sku string, qty integer}}, not flow_test.Item as the items are declared; select an array of flow_test.Item, or declare the items as the {Key, Value} pairs at /States/M/Items`},
	{"processor input", `{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% $states.input.items %}", "ItemProcessor": {"StartAt": "X", "States": {"X": {"Type": "Pass", "Output": "{% $states.input.qtty %}", "End": true}}}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.qtty selects nothing: $states.input has no field "qtty" (did you mean "qty"?) at /States/M/ItemProcessor/States/X/Output`},
	{"variable on one path only", `{"QueryLanguage": "JSONata", "StartAt": "C", "States": {
		"C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.express %}", "Next": "Set"}], "Default": "Use"},
		"Set": {"Type": "Pass", "Assign": {"fast": true}, "Next": "Use"},
		"Use": {"Type": "Pass", "Output": "{% $fast %}", "End": true}}}`, orderAnn,
		`UNASSIGNED_VARIABLE: variable $fast is read before it is assigned: not every path to this state goes through an Assign that sets it (an inner scope cannot see the variables it assigns after it ends, and a Distributed Map's processor sees none) at /States/Use/Output`},
	{"variable field typo", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Assign": {"order": "{% $states.input %}"}, "Next": "Q"}, "Q": {"Type": "Pass", "Output": "{% $order.totl %}", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $order.totl selects nothing: $order has no field "totl" (did you mean "total"?) at /States/Q/Output`},
	{"inner scope assignment does not leak", `{"QueryLanguage": "JSONata", "StartAt": "Par", "States": {"Par": {"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"inner": 1}, "End": true}}}], "Next": "Q"}, "Q": {"Type": "Pass", "Output": "{% $inner %}", "End": true}}}`, nil,
		`UNASSIGNED_VARIABLE: variable $inner is read before it is assigned: not every path to this state goes through an Assign that sets it (an inner scope cannot see the variables it assigns after it ends, and a Distributed Map's processor sees none) at /States/Q/Output`},
	{"typo before a filter", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $sum($states.input.itemz[qty > 1].qty) %}", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.itemz[qty > 1].qty selects nothing: $states.input has no field "itemz" (did you mean "items"?) at /States/P/Output`},
	{"typo after a filter", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"a": "{% $states.input.items[qty > 1].skuu %}", "b": "{% $states.input.items[0].qtty %}"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.items[qty > 1].skuu selects nothing: $states.input.items[qty > 1][*] has no field "skuu" (did you mean "sku"?) at /States/P/Output/a
NO_SUCH_FIELD: $states.input.items[0].qtty selects nothing: $states.input.items[0] has no field "qtty" (did you mean "qty"?) at /States/P/Output/b`},
	{"filter quoted as written", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.items[sku in ['a]', \"[b\"]].qtty %}", "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: $states.input.items[sku in ['a]', "[b"]].qtty selects nothing: $states.input.items[sku in ['a]', "[b"]][*] has no field "qtty" (did you mean "qty"?) at /States/P/Output`},
	{"typo in a predicate", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"a": "{% $states.input.items[qtty > 1].sku %}", "b": "{% $states.input.items[sku = $states.input.idd] %}", "c": "{% $states.input.items[$.sku.x = 'x'] %}"}, "End": true}}}`, orderAnn,
		`NO_SUCH_FIELD: qtty selects nothing: $states.input.items[*] has no field "qtty" (did you mean "qty"?) at /States/P/Output/a
NO_SUCH_FIELD: $states.input.idd selects nothing: $states.input has no field "idd" (did you mean "id"?) at /States/P/Output/b
NO_SUCH_FIELD: $.sku.x selects nothing: $.sku is a string, not an object at /States/P/Output/c`},
	{"predicate compares a string with a number", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $states.input.items[sku > 1] %}", "End": true}}}`, orderAnn,
		`TYPE_MISMATCH: ">" compares sku (a string) with 1 (an integer): both sides must be numbers or both strings at /States/P/Output`},
	{"filters that fit", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {
		"a": "{% $states.input.items[qty > 1 and $.sku = $states.input.id][0].sku & '' %}",
		"b": "{% $count($states.input.items[$contains(sku, 'x')]) %}",
		"c": "{% $states.input.items^(qty)[0].sku %}",
		"d": "{% $states.input.items[-1].qty + 1 %}",
		"e": "{% $states.input.items.{'s': sku}[s = 'x'] %}"}, "End": true}}}`, orderAnn,
		``},
	{"fail error not a string", `{"QueryLanguage": "JSONata", "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "{% $states.input.items %}", "Cause": "{% $string($states.input.items) %}"}}}`, orderAnn,
		`TYPE_MISMATCH: {% $states.input.items %} returns an array, but Error must be a string; make the expression return a string, e.g. with $string(...) or $join(...) at /States/F/Error`},
	{"any never errs", `{"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": {"a": "{% $states.input.x.y[0].z %}", "b": "{% $sum($states.input.q.r) %}", "c": "{% ($v := $states.input.w; $v.nope) %}"}, "End": true}}}`, nil,
		``},
}

func TestJSONataErrors(t *testing.T) { runErrorCases(t, jsonataErrors) }

// TestInferJSONataGolden dumps the types of a JSONata workflow with
// variables, a Map, a Parallel and a catcher.
func TestInferJSONataGolden(t *testing.T) {
	sm := machine(t, `{
  "QueryLanguage": "JSONata",
  "StartAt": "Start",
  "States": {
    "Start": {"Type": "Pass", "Assign": {"orderId": "{% $states.input.id %}", "lines": "{% $count($states.input.items) %}"}, "Next": "Charge"},
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
      "Arguments": {"FunctionName": "charge", "Payload": {"id": "{% $orderId %}", "total": "{% $states.input.total %}"}},
      "Output": {"order": "{% $states.input %}", "receipt": "{% $states.result.Payload %}"},
      "Assign": {"txId": "{% $states.result.Payload.txId %}"},
      "Catch": [{"ErrorEquals": ["States.ALL"], "Output": {"error": "{% $states.errorOutput.Error %}"}, "Next": "Failed"}], "Next": "Each"},
    "Each": {"Type": "Map", "Items": "{% $states.input.order.items %}", "ItemSelector": {"sku": "{% $states.context.Map.Item.Value.sku %}", "n": "{% $states.context.Map.Item.Index %}", "tx": "{% $txId %}"},
      "ItemProcessor": {"StartAt": "Ship", "States": {"Ship": {"Type": "Pass", "Output": "{% $states.input.sku & '/' & $orderId %}", "End": true}}},
      "Next": "Both"},
    "Both": {"Type": "Parallel", "Arguments": {"skus": "{% $states.input %}"}, "Branches": [
      {"StartAt": "Count", "States": {"Count": {"Type": "Pass", "Output": {"n": "{% $count($states.input.skus) %}", "big": "{% $lines > 3 %}"}, "End": true}}}
    ], "Output": "{% $states.result[0] %}", "End": true},
    "Failed": {"Type": "Fail", "Cause": "{% $states.input.error %}"}
  }
}`)
	ann := orderAnn()
	ann.States = map[string]flow.StateAnnotation{"/States/Charge": {TaskInput: typeOf[Charge](), TaskOutput: typeOf[Receipt]()}}
	res := flow.Infer(sm, ann)
	if len(res.Diagnostics) > 0 {
		t.Errorf("unexpected diagnostics:\n%s", diagnostics(res))
	}
	golden.Check(t, "testdata/jsonata.golden", []byte(res.Dump()))
}

// FuzzInfer runs the inference on any document asl.Parse accepts: it must
// never panic, with or without declared types.
func FuzzInfer(f *testing.F) {
	for _, c := range jsonPathErrors {
		f.Add([]byte(c.doc))
	}
	for _, c := range jsonataErrors {
		f.Add([]byte(c.doc))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := asl.Parse(data)
		if err != nil {
			return
		}
		flow.Infer(sm, nil)
		res := flow.Infer(sm, orderAnn())
		_ = res.Dump()
	})
}

// TestLoopWidens runs a loop that adds a field on every turn: the
// inference must end, and the loop's values become Any.
func TestLoopWidens(t *testing.T) {
	sm := machine(t, `{"StartAt": "Grow", "States": {
		"Grow": {"Type": "Pass", "Parameters": {"inner.$": "$", "n": 1}, "Assign": {"last.$": "$.n"}, "Next": "Again?"},
		"Again?": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 10, "Next": "Grow"}], "Default": "Done"},
		"Done": {"Type": "Pass", "Parameters": {"x.$": "$last"}, "End": true}}}`)
	res := flow.Infer(sm, orderAnn())
	if len(res.Diagnostics) > 0 {
		t.Errorf("unexpected diagnostics:\n%s", diagnostics(res))
	}
	want := "Grow: in any → effective {inner any, n integer} → result {inner any, n integer} → out {inner any, n integer}\n" +
		"Again?: in any → out any | vars $last any\n" +
		"Done: in any → effective {x any} → result {x any} → out {x any} | vars $last any\n"
	if got := res.Dump(); got != want {
		t.Errorf("dump:\n%s\nwant:\n%s", got, want)
	}
}
