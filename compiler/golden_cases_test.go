package compiler_test

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Order is the input of the example workflows.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Receipt is what the charge Lambda returns.
type Receipt struct {
	ChargeID string `json:"chargeId"`
}

// goldenCases builds one workflow per state type and feature group, in both
// query languages. Each must compile without errors; its ASL is compared
// with testdata/golden/<name>.asl.json.
var goldenCases = map[string]func() *dsl.Workflow{
	"task_jsonpath": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("TaskJSONPath").Comment("Task fields in JSONPath")
		charge := wf.Task("Charge", dsl.LambdaInvoke[Order, Receipt]("arn:aws:lambda:us-east-1:123456789012:function:charge")).
			Comment("charge the card").
			InputPath("$.order").
			ResultSelector(dsl.Obj{"id": dsl.Path("$.Payload.chargeId"), "status": "charged"}).
			ResultPath("$.charge").
			OutputPath("$").
			Timeout(30 * time.Second).
			Heartbeat(10 * time.Second).
			Credentials("arn:aws:iam::123456789012:role/charger").
			Retry(dsl.Retry(dsl.ErrTimeout).Interval(3 * time.Second).MaxAttempts(4).BackoffRate(1.5).MaxDelay(time.Minute).Jitter(dsl.JitterFull).Comment("slow card network")).
			Retry(dsl.Retry(dsl.ErrAll).MaxAttempts(0))
		refund := wf.Task("Refund", dsl.Lambda(dsl.Ref("RefundFn")).NoDefaultRetry()).
			Parameters(dsl.Obj{"reason": "charge failed"}).
			DiscardResult().
			TimeoutPath("$.timeout").
			HeartbeatPath("$.heartbeat")
		done := wf.Succeed("Done")
		failed := wf.Fail("Failed").Error("ChargeFailed").Cause("the card was declined")
		charge.Catch(dsl.Catch(refund, "Card.Declined").ResultPath("$.error").Comment("declined")).
			Catch(dsl.Catch(failed, dsl.ErrAll).DiscardResult())
		charge.Next(done)
		refund.Next(failed)
		return wf
	},
	"task_jsonata": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("TaskJSONata").QueryLanguage(dsl.JSONata)
		charge := wf.Task("Charge", dsl.Lambda("charge").Payload(dsl.Obj{"order": dsl.Expr("$states.input.order"), "amount": dsl.Expr("$states.input.order.total * 100")})).
			Output(dsl.Obj{"chargeId": dsl.Expr("$states.result.Payload.chargeId"), "order": dsl.Expr("$states.input.order")}).
			Assign(dsl.Obj{"chargeId": dsl.Expr("$states.result.Payload.chargeId")}).
			TimeoutExpr("$states.input.timeout").
			HeartbeatExpr("10").
			Credentials(dsl.Expr("$states.input.roleArn"))
		notify := wf.Task("Notify", dsl.SDK("sns", "publish", dsl.Obj{"TopicArn": dsl.Ref("Topic"), "Message": dsl.Expr("'charged ' & $chargeId")})).
			Arguments(dsl.Obj{"Subject": "Order charged"})
		handle := wf.Pass("HandleError").Output(dsl.Expr("$states.input"))
		charge.Catch(dsl.Catch(handle, dsl.ErrAll).Output(dsl.Obj{"error": dsl.Expr("$states.errorOutput.Error")}).Assign(dsl.Obj{"failed": true}))
		charge.Next(notify)
		notify.End()
		handle.End()
		return wf
	},
	"pass": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("PassStates")
		fixed := wf.Pass("Fixed").Result(dsl.Obj{"greeting": "hello", "count": 3, "tags": dsl.Arr{"a", "b"}, "nothing": nil}).ResultPath("$.fixed")
		shape := wf.Pass("Shape").Parameters(dsl.Obj{"id": dsl.Path("$.order.id"), "execution": dsl.Path("$$.Execution.Id"), "nested": dsl.Obj{"total": dsl.Path("$.order.total")}})
		ja := wf.Pass("JSONata").QueryLanguage(dsl.JSONata).Output(dsl.Obj{"upper": dsl.Expr("$uppercase($states.input.id)")})
		discard := wf.Pass("Discard").NoInput().NoOutput()
		fixed.Next(shape)
		shape.Next(ja)
		ja.Next(discard)
		discard.End()
		return wf
	},
	"choice_jsonpath": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("ChoiceJSONPath")
		ts := time.Date(2026, 3, 14, 1, 59, 0, 0, time.UTC)
		route := wf.Choice("Route").InputPath("$.order").OutputPath("$")
		yes := wf.Succeed("Yes")
		no := wf.Fail("No").Error("NoMatch")
		route.When(dsl.StringEquals("$.s", "a"), yes).Comment("string")
		route.When(dsl.StringEqualsPath("$.s", "$.t"), yes)
		route.When(dsl.StringLessThan("$.s", "b"), yes)
		route.When(dsl.StringLessThanPath("$.s", "$.t"), yes)
		route.When(dsl.StringGreaterThan("$.s", "c"), yes)
		route.When(dsl.StringGreaterThanPath("$.s", "$.t"), yes)
		route.When(dsl.StringLessThanEquals("$.s", "d"), yes)
		route.When(dsl.StringLessThanEqualsPath("$.s", "$.t"), yes)
		route.When(dsl.StringGreaterThanEquals("$.s", "e"), yes)
		route.When(dsl.StringGreaterThanEqualsPath("$.s", "$.t"), yes)
		route.When(dsl.StringMatches("$.s", "log-*.txt"), yes)
		route.When(dsl.NumericEquals("$.n", 1), yes)
		route.When(dsl.NumericEqualsPath("$.n", "$.m"), yes)
		route.When(dsl.NumericLessThan("$.n", 2.5), yes)
		route.When(dsl.NumericLessThanPath("$.n", "$.m"), yes)
		route.When(dsl.NumericGreaterThan("$.n", 3), yes)
		route.When(dsl.NumericGreaterThanPath("$.n", "$.m"), yes)
		route.When(dsl.NumericLessThanEquals("$.n", 4), yes)
		route.When(dsl.NumericLessThanEqualsPath("$.n", "$.m"), yes)
		route.When(dsl.NumericGreaterThanEquals("$.n", -5), yes)
		route.When(dsl.NumericGreaterThanEqualsPath("$.n", "$.m"), yes)
		route.When(dsl.BooleanEquals("$.b", true), yes)
		route.When(dsl.BooleanEqualsPath("$.b", "$.c"), yes)
		route.When(dsl.TimestampEquals("$.at", ts), yes)
		route.When(dsl.TimestampEqualsPath("$.at", "$.then"), yes)
		route.When(dsl.TimestampLessThan("$.at", ts), yes)
		route.When(dsl.TimestampLessThanPath("$.at", "$.then"), yes)
		route.When(dsl.TimestampGreaterThan("$.at", ts), yes)
		route.When(dsl.TimestampGreaterThanPath("$.at", "$.then"), yes)
		route.When(dsl.TimestampLessThanEquals("$.at", ts), yes)
		route.When(dsl.TimestampLessThanEqualsPath("$.at", "$.then"), yes)
		route.When(dsl.TimestampGreaterThanEquals("$.at", ts), yes)
		route.When(dsl.TimestampGreaterThanEqualsPath("$.at", "$.then"), yes)
		route.When(dsl.IsNull("$.x", true), yes)
		route.When(dsl.IsPresent("$.x", false), yes)
		route.When(dsl.IsNumeric("$.n", true), yes)
		route.When(dsl.IsString("$.s", true), yes)
		route.When(dsl.IsBoolean("$.b", true), yes)
		route.When(dsl.IsTimestamp("$.at", true), yes)
		route.When(dsl.And(dsl.IsPresent("$.n", true), dsl.Or(dsl.NumericGreaterThan("$.n", 10), dsl.Not(dsl.StringEquals("$.s", "z")))), yes).
			Assign(dsl.Obj{"matched": "combination", "n": dsl.Path("$.n")})
		route.When(dsl.Compare("$.n", dsl.OpNumericEquals, 1.0), yes)
		route.Otherwise(no).Assign(dsl.Obj{"matched": "none"})
		return wf
	},
	"choice_jsonata": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("ChoiceJSONata").QueryLanguage(dsl.JSONata)
		route := wf.Choice("Route").Output(dsl.Expr("$states.input")).Assign(dsl.Obj{"route": "default"})
		big := wf.Succeed("Big")
		small := wf.Succeed("Small")
		route.When(dsl.Cond("$states.input.total > 100"), big).Assign(dsl.Obj{"route": "big"}).Output(dsl.Obj{"size": "big"}).Comment("large orders")
		route.When(dsl.Cond("false"), small)
		route.Otherwise(small)
		return wf
	},
	"wait": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("WaitStates")
		a := wf.Wait("Seconds").For(90 * time.Second)
		b := wf.Wait("SecondsPath").ForPath("$.delay")
		c := wf.Wait("Timestamp").Until(time.Date(2026, 12, 24, 18, 0, 0, 0, time.UTC))
		d := wf.Wait("TimestampText").UntilText("2026-12-24T19:00:00+01:00")
		e := wf.Wait("TimestampPath").UntilPath("$.when").Assign(dsl.Obj{"waited": true})
		f := wf.Wait("SecondsExpr").QueryLanguage(dsl.JSONata).ForExpr("$states.input.delay * 2")
		g := wf.Wait("TimestampExpr").QueryLanguage(dsl.JSONata).UntilExpr("$states.input.when").Output(dsl.Expr("$states.input"))
		a.Next(b)
		b.Next(c)
		c.Next(d)
		d.Next(e)
		e.Next(f)
		f.Next(g)
		g.End()
		return wf
	},
	"fail": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("FailStates")
		route := wf.Choice("Route")
		a := wf.Fail("Literal").Error("OrderRejected").Cause("the order was rejected")
		b := wf.Fail("FromPaths").ErrorPath("$.error").CausePath("$$.Execution.Id")
		c := wf.Fail("FromIntrinsics").ErrorIntrinsic(dsl.Format("Order{}", dsl.Path("$.kind"))).CauseIntrinsic(dsl.JSONToString(dsl.Path("$.details")))
		d := wf.Fail("FromJSONata").QueryLanguage(dsl.JSONata).ErrorExpr("$states.input.error").CauseExpr("'cause: ' & $states.input.cause")
		route.When(dsl.StringEquals("$.kind", "a"), a)
		route.When(dsl.StringEquals("$.kind", "b"), b)
		route.When(dsl.StringEquals("$.kind", "c"), c)
		route.Otherwise(d)
		return wf
	},
	"parallel": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("ParallelStates")
		p := wf.Parallel("Both").Parameters(dsl.Obj{"id": dsl.Path("$.id")}).ResultSelector(dsl.Obj{"first": dsl.Path("$[0]")}).ResultPath("$.results")
		p.Branch(func(b1 *dsl.Scope) { b1.Comment("first branch").Pass("One").Result("one").End() })
		p.Branch(func(b2 *dsl.Scope) {
			w := b2.Wait("Pause").For(time.Second)
			two := b2.Pass("Two")
			w.Next(two)
			two.Next(dsl.Named("TwoDone"))
			b2.Succeed("TwoDone")
		})
		rec := wf.Pass("Recover")
		p.Catch(dsl.Catch(rec, dsl.ErrBranchFailed)).Retry(dsl.Retry(dsl.ErrBranchFailed).MaxAttempts(1))
		p.Next(rec)
		ja := wf.Parallel("JSONataParallel").QueryLanguage(dsl.JSONata).Arguments(dsl.Obj{"id": dsl.Expr("$states.input.id")}).
			Output(dsl.Expr("$states.result")).Assign(dsl.Obj{"count": dsl.Expr("$count($states.result)")})
		ja.Branch(func(b *dsl.Scope) { b.Pass("Three").End() })
		rec.Next(ja)
		ja.End()
		return wf
	},
	"map_inline": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("InlineMap")
		m := wf.Map("EachItem").ItemsPath("$.items").
			ItemSelector(dsl.Obj{"item": dsl.Path("$$.Map.Item.Value"), "index": dsl.Path("$$.Map.Item.Index"), "orderId": dsl.Path("$.id")}).
			MaxConcurrency(5).ResultPath("$.results").ResultSelector(dsl.Obj{"count": dsl.ArrayLength(dsl.Path("$"))})
		m.Processor(func(items *dsl.Scope) { items.Task("Process", dsl.Lambda("process")).End() })
		legacy := wf.Map("Legacy").ItemsPath("$.items").ResultPath("$.legacy").Parameters(dsl.Obj{"value": dsl.Path("$$.Map.Item.Value")}).MaxConcurrencyPath("$.limit")
		legacy.Iterator(func(items *dsl.Scope) { items.Pass("Echo").End() })
		ja := wf.Map("JSONataMap").QueryLanguage(dsl.JSONata).Items(dsl.Expr("$states.input.items")).
			ItemSelector(dsl.Obj{"value": dsl.Expr("$states.context.Map.Item.Value")}).MaxConcurrencyExpr("$states.input.limit").
			Output(dsl.Expr("$states.result"))
		ja.Processor(func(items *dsl.Scope) { items.Pass("Identity").End() })
		m.Next(legacy)
		legacy.Next(ja)
		ja.End()
		return wf
	},
	"map_distributed": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("DistributedMap")
		m := wf.Map("EachRow").Distributed(dsl.ExecutionExpress).Label("rows").
			ItemReader(dsl.ReadS3Object("my-bucket", dsl.Path("$.key")).InputType(dsl.InputCSV).CSVHeaderLocation(dsl.HeaderGiven).
				CSVHeaders("id", "amount").CSVDelimiter(dsl.DelimiterSemicolon).MaxItems(1000)).
			ItemBatcher(dsl.Batch().MaxItems(100).MaxBytes(65536).BatchInput(dsl.Obj{"run": dsl.Path("$$.Execution.Name")})).
			ResultWriter(dsl.WriteResultsToS3("results-bucket", "runs/").OutputType("JSONL").Transformation("COMPACT")).
			ToleratedFailurePercentage(5).ToleratedFailureCount(10).MaxConcurrency(1000).ResultPath("$.rows")
		m.Processor(func(s *dsl.Scope) { s.Task("ProcessBatch", dsl.Lambda(dsl.Ref("BatchFn")).NoDefaultRetry()).End() })
		ja := wf.Map("ListObjects").QueryLanguage(dsl.JSONata).Distributed(dsl.ExecutionStandard).
			ItemReader(dsl.ListS3Objects(dsl.Ref("Bucket"), dsl.Expr("$states.input.prefix")).InputType(dsl.InputJSONL).LoadAndFlatten().MaxItemsExpr("$states.input.max")).
			ItemBatcher(dsl.Batch().MaxItemsExpr("$states.input.batch")).
			ToleratedFailurePercentageExpr("$states.input.pct").ToleratedFailureCountExpr("$states.input.count").
			ResultWriter(dsl.WriteResultsToS3(dsl.Ref("Bucket"), "listing/").OutputType("JSON").Transformation("FLATTEN")).
			Output(dsl.Expr("$merge([$states.input, {'listed': $states.result}])"))
		ja.Processor(func(items *dsl.Scope) { items.Pass("Echo").End() })
		paths := wf.Map("FromPaths").Distributed(dsl.ExecutionStandard).
			ItemReader(dsl.ReadS3Object("b", "data.json").InputType(dsl.InputJSON).ItemsPointer("/items").MaxItemsPath("$.max")).
			ItemBatcher(dsl.Batch().MaxItemsPath("$.batch").MaxBytesPath("$.bytes")).
			ToleratedFailurePercentagePath("$.pct").ToleratedFailureCountPath("$.count")
		paths.Processor(func(items *dsl.Scope) { items.Pass("Echo2").End() })
		m.Next(ja)
		ja.Next(paths)
		paths.End()
		return wf
	},
	"variables": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Variables")
		init := wf.Pass("Init").Assign(dsl.Obj{"total": dsl.Path("$.total"), "attempts": 0, "id": dsl.UUID()})
		check := wf.Choice("Check")
		use := wf.Pass("Use").Parameters(dsl.Obj{"total": dsl.Path("$total"), "attempts": dsl.Path("$attempts")})
		ja := wf.Pass("JSONataVars").QueryLanguage(dsl.JSONata).Assign(dsl.Obj{"doubled": dsl.Expr("$total * 2")}).Output(dsl.Obj{"total": dsl.Expr("$total")})
		init.Next(check)
		check.When(dsl.NumericGreaterThan("$total", 10), use)
		check.Otherwise(ja)
		use.Next(ja)
		ja.End()
		return wf
	},
	"intrinsics": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Intrinsics")
		wf.Pass("All").Parameters(dsl.Obj{
			"format":         dsl.Format("Hello, {} {}!", dsl.Path("$.first"), dsl.Path("$.last")),
			"escaped":        dsl.Format("it's {} {x}", dsl.Path("$.v")),
			"toJSON":         dsl.StringToJSON(dsl.Path("$.text")),
			"asString":       dsl.JSONToString(dsl.Path("$.obj")),
			"array":          dsl.Array(1, "two", true, nil, dsl.Path("$.x")),
			"partition":      dsl.ArrayPartition(dsl.Path("$.list"), 2),
			"contains":       dsl.ArrayContains(dsl.Path("$.list"), 3),
			"range":          dsl.ArrayRange(1, 9, 2),
			"item":           dsl.ArrayGetItem(dsl.Path("$.list"), 0),
			"length":         dsl.ArrayLength(dsl.Path("$.list")),
			"unique":         dsl.ArrayUnique(dsl.Path("$.list")),
			"b64":            dsl.Base64Encode(dsl.Path("$.text")),
			"unb64":          dsl.Base64Decode("aGVsbG8="),
			"hash":           dsl.Hash(dsl.Path("$.text"), dsl.SHA256),
			"merge":          dsl.JSONMerge(dsl.Path("$.a"), dsl.Path("$.b")),
			"random":         dsl.MathRandom(1, 100),
			"seeded":         dsl.MathRandomSeeded(1, 100, 42),
			"add":            dsl.MathAdd(dsl.Path("$.n"), -1),
			"split":          dsl.StringSplit(dsl.Path("$.csv"), ","),
			"uuid":           dsl.UUID(),
			"nested":         dsl.ArrayLength(dsl.ArrayUnique(dsl.Path("$.list"))),
			"raw":            dsl.RawIntrinsic("States.Format('{}', $.id)"),
			"executionStart": dsl.Path("$$.Execution.StartTime"),
		}).End()
		return wf
	},
	"workflow_fields": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("WorkflowFields").Comment("top-level fields").Version("1.0").Timeout(time.Hour).Type(dsl.Express)
		wf.Pass("Only").End()
		return wf
	},
	"mixed_languages": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("Mixed")
		jp := wf.Pass("JSONPathStep").Parameters(dsl.Obj{"n": dsl.Path("$.n")})
		ja := wf.Pass("JSONataStep").QueryLanguage(dsl.JSONata).Output(dsl.Obj{"n": dsl.Expr("$states.input.n + 1")})
		jp.Next(ja)
		ja.Next(wf.Succeed("End"))
		return wf
	},
	"integrations_core": func() *dsl.Workflow {
		wf := dsl.NewWorkflow("CoreIntegrations")
		cb := wf.Task("Callback", dsl.Lambda("approve").WaitForTaskToken().Payload(dsl.Obj{"token": dsl.TaskToken(), "input": dsl.StateInput()})).Heartbeat(time.Hour)
		act := wf.Task("Activity", dsl.Activity("arn:aws:states:us-east-1:123456789012:activity:review")).Timeout(24 * time.Hour)
		legacy := wf.Task("LegacyLambda", dsl.ResourceARN("arn:aws:lambda:us-east-1:123456789012:function:old")).Parameters(dsl.Obj{"x": 1})
		sdk := wf.Task("GetObject", dsl.SDK("s3", "getObject", dsl.Obj{"Bucket": "b", "Key": dsl.Path("$.key")})).ResultSelector(dsl.Obj{"body": dsl.Path("$.Body")}).ResultPath("$.object")
		qual := wf.Task("Qualified", dsl.Lambda(dsl.Path("$.fn")).Qualifier("live").InvocationType("Event").DefaultRetry(dsl.Retry(dsl.ErrTaskFailed).MaxAttempts(2)))
		cb.Next(act)
		act.Next(legacy)
		legacy.Next(sdk)
		sdk.Next(qual)
		qual.End()
		return wf
	},
}
