package reports

import (
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/goasl/goasl/dsl"
)

// Request is the execution input.
type Request struct {
	Customer string `json:"customer"`
	Month    string `json:"month"`
}

// MonthlyReport builds the workflow.
func MonthlyReport() *dsl.Workflow {
	wf := dsl.NewWorkflow("MonthlyReport").
		Comment("Gather a customer's monthly report: template from S3, orders from DynamoDB, API key from Secrets Manager.").
		DeclareInput(dsl.Type[Request]())

	template := wf.Task("LoadTemplate", dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](dsl.Obj{
		"Bucket": dsl.Ref("ReportsBucket"),
		"Key":    "templates/monthly.html",
	}).
		ResultSelector(dsl.Obj{
			"html":     dsl.Path("$.Body"),
			"modified": dsl.Path("$.LastModified"),
		}).
		ResultPath("$.template"))

	orders := wf.Task("FindOrders", dsl.AWSSDK[dynamodb.QueryInput, dynamodb.QueryOutput](dsl.Obj{
		"TableName":              "orders",
		"KeyConditionExpression": "customer = :c AND begins_with(placed, :m)",
		"ExpressionAttributeValues": dsl.Obj{
			":c": dsl.Obj{"S": dsl.Path("$.customer")},
			":m": dsl.Obj{"S": dsl.Path("$.month")},
		},
		"Limit": 100,
	}).
		ResultSelector(dsl.Obj{
			"count": dsl.Path("$.Count"),
			"items": dsl.Path("$.Items"),
		}).
		ResultPath("$.orders"))

	key := wf.Task("ReadMailKey", dsl.AWSSDK[secretsmanager.GetSecretValueInput, secretsmanager.GetSecretValueOutput](dsl.Obj{
		"SecretId": "prod/mail-api",
	}).
		ResultSelector(dsl.Obj{"value": dsl.Path("$.SecretString")}).
		ResultPath("$.mailKey"))

	done := wf.Succeed("Ready")

	template.Next(orders)
	orders.Next(key)
	key.Next(done)
	return wf
}
