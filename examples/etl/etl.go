package etl

import (
	"time"

	"github.com/goasl/goasl/dsl"
)

// Pipeline builds the workflow.
func Pipeline() *dsl.Workflow {
	wf := dsl.NewWorkflow("NightlyETL").Comment("Extract orders and customers with Glue, then rebuild the Athena report.")

	extract := wf.Parallel("Extract").
		Branch(func(b *dsl.Scope) {
			b.Task("ExtractOrders", dsl.GlueStartJobRun("extract-orders").
				JobArguments(dsl.Obj{"--date": dsl.Path("$.date")}).
				Sync().
				Timeout(2*time.Hour).
				Retry(dsl.Retry("Glue.AWSGlueException").Interval(time.Minute).MaxAttempts(2)).
				End())
		}).
		Branch(func(b *dsl.Scope) {
			b.Task("ExtractCustomers", dsl.GlueStartJobRun("extract-customers").
				Sync().
				Timeout(2*time.Hour).
				End())
		}).
		ResultPath(dsl.Path("$.extract"))

	report := wf.Task("BuildReport", dsl.AthenaStartQueryExecution(dsl.Format("INSERT INTO report SELECT * FROM staging WHERE day = '{}'", dsl.Path("$.date"))).
		WorkGroup("etl").
		ResultConfiguration(dsl.Obj{"OutputLocation": "s3://etl-results/athena/"}).
		Sync().
		ResultSelector(dsl.Obj{"queryId": dsl.Path("$.QueryExecution.QueryExecutionId")}).
		ResultPath("$.report"))

	notify := wf.Task("NotifyFailure", dsl.SNSPublish(dsl.Ref("AlertsTopic"), dsl.Format("ETL failed for {}: {}", dsl.Path("$.date"), dsl.Path("$.error.Cause"))).
		Subject("Nightly ETL failed").
		ResultPath("$.notified"))
	failed := wf.Fail("Failed").Error("ETLFailed").CausePath("$.error.Cause")
	done := wf.Succeed("Done")

	extract.Next(report).Catch(dsl.Catch(notify, dsl.ErrAll).ResultPath("$.error"))
	report.Next(done).Catch(dsl.Catch(notify, dsl.ErrAll).ResultPath("$.error"))
	notify.Next(failed)
	return wf
}
