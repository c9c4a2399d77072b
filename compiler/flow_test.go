package compiler_test

import (
	"errors"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/dsl"
	"github.com/goasl/goasl/internal/golden"
)

type flowOrder struct {
	ID      string     `json:"id"`
	Total   float64    `json:"total"`
	Count   int        `json:"count"`
	Placed  time.Time  `json:"placed"`
	Items   []flowItem `json:"items"`
	Express bool       `json:"express"`
}

type flowItem struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type flowCharge struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

type flowReceipt struct {
	TxID string `json:"txId"`
}

func orderFlow(n string) *dsl.Workflow { return dsl.NewWorkflow(n).DeclareInput(dsl.Type[flowOrder]()) }

// flowErrors are workflows whose data flow cannot work. The full error text
// (Go position, workflow, state, field, message) is compared with
// testdata/flow/<name>.golden.
var flowErrors = map[string]func() *dsl.Workflow{
	"jsonpath_field_typo": func() *dsl.Workflow {
		wf := orderFlow("Typo")
		wf.Pass("Shape").Parameters(dsl.Obj{"total": dsl.Path("$.totl")}).End()
		return wf
	},
	"jsonpath_choice_operator": func() *dsl.Workflow {
		wf := orderFlow("Branch")
		c := wf.Choice("Big?")
		done := wf.Succeed("Done")
		c.When(dsl.NumericGreaterThan("$.id", 100), done)
		c.When(dsl.TimestampEqualsPath("$.placed", "$.total"), done)
		c.Otherwise(done)
		return wf
	},
	"jsonpath_lambda_input": func() *dsl.Workflow {
		wf := orderFlow("Charge")
		wf.Task("Charge", dsl.LambdaInvoke[flowCharge, flowReceipt]("charge").Payload(dsl.Obj{"id": dsl.Path("$.count")})).End()
		return wf
	},
	"jsonpath_lambda_output": func() *dsl.Workflow {
		wf := orderFlow("Receipt")
		charge := wf.Task("Charge", dsl.LambdaInvoke[flowOrder, flowReceipt]("charge")).ResultSelector(dsl.Obj{"tx": dsl.Path("$.Payload.txid")})
		charge.End()
		return wf
	},
	"jsonpath_result_path": func() *dsl.Workflow {
		wf := orderFlow("Merge")
		wf.Pass("Stamp").Result("now").ResultPath("$.id.when").End()
		return wf
	},
	"jsonpath_items_path": func() *dsl.Workflow {
		wf := orderFlow("Fan")
		m := wf.Map("Each").ItemsPath("$.total")
		m.Processor(func(items *dsl.Scope) { items.Succeed("Ok") })
		m.End()
		return wf
	},
	"jsonpath_output_path": func() *dsl.Workflow {
		wf := orderFlow("Out")
		wf.Pass("Keep").OutputPath("$.customer").End()
		return wf
	},
	"jsonpath_variable": func() *dsl.Workflow {
		wf := orderFlow("Vars")
		c := wf.Choice("Fast?")
		set := wf.Pass("Set").Assign(dsl.Obj{"fast": true})
		use := wf.Pass("Use").Parameters(dsl.Obj{"fast": dsl.Path("$fast"), "lines": dsl.Path("$line")})
		c.When(dsl.BooleanEquals("$.express", true), set)
		c.Otherwise(use)
		set.Next(use)
		use.End()
		return wf
	},
	"jsonata_field_typo": func() *dsl.Workflow {
		wf := orderFlow("TypoJSONata").QueryLanguage(dsl.JSONata)
		wf.Pass("Shape").Output(dsl.Obj{"total": dsl.Expr("$states.input.totl * 2")}).End()
		return wf
	},
	"jsonata_choice_operator": func() *dsl.Workflow {
		wf := orderFlow("BranchJSONata").QueryLanguage(dsl.JSONata)
		c := wf.Choice("Big?")
		done := wf.Succeed("Done")
		c.When(dsl.Cond("$states.input.id > 100"), done)
		c.Otherwise(done)
		return wf
	},
	"jsonata_lambda_input": func() *dsl.Workflow {
		wf := orderFlow("ChargeJSONata").QueryLanguage(dsl.JSONata)
		wf.Task("Charge", dsl.LambdaInvoke[flowCharge, flowReceipt]("charge").Payload(dsl.Obj{"id": dsl.Expr("$states.input.count")})).
			Output(dsl.Expr("$states.result.Payload.txid")).End()
		return wf
	},
	"jsonata_items": func() *dsl.Workflow {
		wf := orderFlow("FanJSONata").QueryLanguage(dsl.JSONata)
		m := wf.Map("Each").Items(dsl.Expr("$states.input.total"))
		m.Processor(func(items *dsl.Scope) { items.Succeed("Ok") })
		m.End()
		return wf
	},
	"jsonata_variable": func() *dsl.Workflow {
		wf := orderFlow("VarsJSONata").QueryLanguage(dsl.JSONata)
		p := wf.Parallel("Both")
		p.Branch(func(b *dsl.Scope) { b.Pass("Inner").Assign(dsl.Obj{"inner": 1}).End() })
		p.Next(wf.Pass("After").Output(dsl.Expr("$inner + 1")).End())
		return wf
	},
	"declared_variable": func() *dsl.Workflow {
		wf := orderFlow("Declared").DeclareVar("count", dsl.Type[int]())
		wf.Pass("Set").Assign(dsl.Obj{"count": dsl.Path("$.id")}).End()
		return wf
	},
	"declared_item": func() *dsl.Workflow {
		wf := orderFlow("Items")
		m := wf.Map("Each").ItemsPath("$.items").DeclareItem(dsl.Type[flowItem]())
		m.Processor(func(items *dsl.Scope) { items.Pass("Ship").InputPath("$.skuu").End() })
		m.End()
		return wf
	},
	"declared_output": func() *dsl.Workflow {
		wf := orderFlow("Declared output").QueryLanguage(dsl.JSONata)
		merged := wf.Pass("Merge").Output(dsl.Expr("$merge([$states.input, {'extra': 1}])")).DeclareOutput(dsl.Type[flowCharge]())
		wrong := wf.Pass("Wrong").Output(dsl.Obj{"id": 1, "total": dsl.Expr("$states.input.totl")}).DeclareOutput(dsl.Type[flowCharge]())
		merged.Next(wrong)
		wrong.End()
		return wf
	},
	"typed_expression": func() *dsl.Workflow {
		wf := orderFlow("Typed expression").QueryLanguage(dsl.JSONata)
		// $merge is beyond goasl's own typing: Returns declares its result,
		// so the typo in the next state is caught.
		merge := wf.Pass("Merge").Output(dsl.Expr("$merge([$states.input, {'total': 0}])").Returns(dsl.Type[flowCharge]()))
		read := wf.Pass("Read").Output(dsl.Obj{"id": dsl.Expr("$states.input.idd")})
		merge.Next(read)
		read.End()
		return wf
	},
	"declared_result": func() *dsl.Workflow {
		type object struct {
			ContentLength int64 `json:"ContentLength"`
		}
		wf := orderFlow("Result")
		wf.Task("Head", dsl.SDK("s3", "headObject", dsl.Obj{"Bucket": "b", "Key": dsl.Path("$.id")})).DeclareResult(dsl.Type[object]()).
			ResultSelector(dsl.Obj{"size": dsl.Path("$.Contentlength")}).End()
		return wf
	},
	"fail_error_path": func() *dsl.Workflow {
		type rejection struct {
			Codes  []string `json:"codes"`
			Reason string   `json:"reason"`
		}
		wf := dsl.NewWorkflow("Reject").DeclareInput(dsl.Type[rejection]())
		wf.Fail("Rejected").ErrorPath("$.codes").CausePath("$.reason")
		return wf
	},
	"lambda_payload_other_type": func() *dsl.Workflow {
		wf := orderFlow("Wrong payload")
		wf.Task("Charge", dsl.LambdaInvoke[flowCharge, flowReceipt]("charge").Payload(dsl.Path("$.items[0]"))).End()
		return wf
	},
	"jsonata_typo_before_filter": func() *dsl.Workflow {
		type assessment struct {
			Covered  bool    `json:"covered"`
			Approved float64 `json:"approved"`
		}
		type claim struct {
			Assessments []assessment `json:"assessments"`
		}
		wf := dsl.NewWorkflow("Payout").DeclareInput(dsl.Type[claim]()).QueryLanguage(dsl.JSONata)
		wf.Pass("Total").Output(dsl.Obj{
			"approved": dsl.Expr("$sum($states.input.assesments[covered].approved)"),
			"covered":  dsl.Expr("$count($states.input.assessments[coverd])"),
		}).End()
		return wf
	},
	"map_over_object": func() *dsl.Workflow {
		type shipment struct {
			TrackingID string `json:"trackingId"`
		}
		type order struct {
			ID        string     `json:"id"`
			Shipments []shipment `json:"shipments"`
		}
		type input struct {
			Order order `json:"order"`
		}
		wf := dsl.NewWorkflow("Track").DeclareInput(
			// $.order is the order, not its shipments: AWS would run one
			// iteration per field of the order.
			dsl.Type[input]())

		m := wf.Map("EachShipment").ItemsPath("$.order").
			ItemSelector(dsl.Obj{"trackingId": dsl.Path("$$.Map.Item.Value.trackingId")}).DeclareItem(dsl.Type[shipment]())

		m.Processor(func(items *dsl.Scope) {
			items.Pass("Track").End()
		})
		m.End()
		return wf
	},
}

func TestFlowErrors(t *testing.T) {
	names := make([]string, 0, len(flowErrors))
	for name := range flowErrors {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			sm, err := compiler.Compile(flowErrors[name]())
			if err == nil {
				t.Fatalf("compiled without error:\n%+v", sm)
			}
			var cerr *compiler.Error
			if !errors.As(err, &cerr) || len(cerr.Diagnostics) == 0 {
				t.Fatalf("error %T carries no diagnostics: %v", err, err)
			}
			for _, d := range cerr.Diagnostics {
				if d.File == "" || d.Line == 0 || !strings.HasSuffix(d.File, "flow_test.go") {
					t.Errorf("diagnostic without a Go position in this file: %s", d)
				}
			}
			golden.Check(t, "testdata/flow/"+name+".golden", []byte(err.Error()+"\n"))
		})
	}
}

// flowAccepted are workflows whose data flow works: each must compile
// without any diagnostic (they were false positives once).
var flowAccepted = map[string]func() *dsl.Workflow{
	"timestamp_in_a_string": func() *dsl.Workflow {
		// RFC 3339 text in a Go string is a timestamp operand, as Wait's
		// TimestampPath already took it.
		wf := orderFlow("Due")
		c := wf.Choice("Due?")
		wait := wf.Wait("Until").UntilPath("$.id")
		done := wf.Succeed("Done")
		c.When(dsl.TimestampLessThanEqualsPath("$.id", "$.placed"), wait)
		c.Otherwise(done)
		wait.Next(done)
		return wf
	},
	"token_in_whole_context": func() *dsl.Workflow {
		// The whole context object carries $$.Task.Token: no warning that
		// the token is never passed.
		wf := orderFlow("Callback")
		wf.Task("Approve", dsl.Lambda("approve").WaitForTaskToken().
			Payload(dsl.Obj{"ExecutionContext": dsl.Path("$$"), "order": dsl.Path("$")})).End()
		return wf
	},
}

func TestFlowAccepted(t *testing.T) {
	names := make([]string, 0, len(flowAccepted))
	for name := range flowAccepted {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			r := compiler.Check(flowAccepted[name]())
			for _, d := range r.Diagnostics {
				t.Errorf("unexpected diagnostic: %s", d)
			}
		})
	}
}

// TestFlowTypes compiles a typed workflow without errors and dumps the types
// Types returns.
func TestFlowTypes(t *testing.T) {
	wf := orderFlow("Typed")
	charge := wf.Task("Charge", dsl.LambdaInvoke[flowCharge, flowReceipt]("charge").Payload(dsl.Obj{"id": dsl.Path("$.id"), "total": dsl.Path("$.total")})).
		ResultSelector(dsl.Obj{"receipt": dsl.Path("$.Payload")}).ResultPath("$.charge")
	check := wf.Choice("Big?")
	m := wf.Map("Each").ItemsPath("$.items").ItemSelector(dsl.Obj{"sku": dsl.Path("$$.Map.Item.Value.sku"), "tx": dsl.Path("$.charge.receipt.txId")})
	m.Processor(func(items *dsl.Scope) { items.Pass("Ship").End() })
	done := wf.Succeed("Done")
	charge.Next(check)
	check.When(dsl.NumericGreaterThan("$.total", 100), m)
	check.Otherwise(done)
	m.Next(done)
	_, res, err := compiler.Types(wf)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/flow/typed.golden", []byte(res.Dump()))
}

// BenchmarkInfer10000 measures the data-flow inference alone on the
// 10,000-state workflow of BenchmarkCompile10000 (which includes it).
func BenchmarkInfer10000(b *testing.B) {
	sm, err := compiler.Compile(largeWorkflow(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if res := flow.Infer(sm, nil); len(res.Diagnostics) > 0 {
			b.Fatal(res.Diagnostics)
		}
	}
}
