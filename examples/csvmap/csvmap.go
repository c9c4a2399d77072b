package csvmap

import (
	"github.com/goasl/goasl/dsl"
)

// ImportCSV builds the workflow.
func ImportCSV() *dsl.Workflow {
	wf := dsl.NewWorkflow("ImportCSV").Comment("Import every row of a CSV file in S3, 500 rows per Lambda call.")

	rows := wf.Map("ImportRows").
		Distributed(dsl.ExecutionExpress).
		Label("ImportRows").
		ItemReader(dsl.ReadS3Object(dsl.Path("$.bucket"), dsl.Path("$.key")).
			InputType(dsl.InputCSV).
			CSVHeaderLocation(dsl.HeaderFirstRow)).
		ItemBatcher(dsl.Batch().MaxItems(500).MaxBytes(256 * 1024).
			BatchInput(dsl.Obj{"source": dsl.Path("$.key")})).
		MaxConcurrency(100).
		ToleratedFailurePercentage(1).
		ResultWriter(dsl.WriteResultsToS3(dsl.Ref("ResultsBucket"), "imports/").
			OutputType(dsl.OutputJSON).Transformation(dsl.TransformCompact)).
		Processor(func(batch *dsl.Scope) {
			batch.Task("ImportBatch", dsl.Lambda(dsl.Ref("ImportFn")).
				Payload(dsl.Obj{"rows": dsl.Path("$.Items"), "source": dsl.Path("$.BatchInput.source")}).
				ResultSelector(dsl.Obj{"imported": dsl.Path("$.Payload.count")}).
				End())
		}).
		ResultPath("$.import")

	rows.Next(wf.Succeed("Imported"))
	return wf
}
