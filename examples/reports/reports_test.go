package reports_test

import (
	"context"
	"testing"
	"time"

	"github.com/goasl/goasl/examples/reports"
	"github.com/goasl/goasl/local"
	"github.com/goasl/goasl/sfntest"
)

// services answers the three SDK calls as the services would, checking the
// parameters each gets.
func services(t *testing.T, secret func() (map[string]any, error)) sfntest.HandlerMap {
	return sfntest.HandlerMap{
		"LoadTemplate": sfntest.Func(func(_ context.Context, p reports.MonthlyReportLoadTemplateParams) (map[string]any, error) {
			if p.Bucket != "reports-bucket" || p.Key != "templates/monthly.html" {
				t.Errorf("GetObject parameters %+v", p)
			}
			return map[string]any{"Body": "<h1>{{month}}</h1>", "ContentType": "text/html", "LastModified": "2026-11-30T08:00:00Z"}, nil
		}),
		"FindOrders": sfntest.Func(func(_ context.Context, p reports.MonthlyReportFindOrdersParams) (map[string]any, error) {
			if p.TableName != "orders" || p.ExpressionAttributeValues.C.S != "c-7" || p.ExpressionAttributeValues.M.S != "2026-11" || p.Limit != 100 {
				t.Errorf("Query parameters %+v", p)
			}
			return map[string]any{
				"Count":        2,
				"ScannedCount": 2,
				"Items": []map[string]any{
					{"customer": map[string]string{"S": "c-7"}, "placed": map[string]string{"S": "2026-11-03"}},
					{"customer": map[string]string{"S": "c-7"}, "placed": map[string]string{"S": "2026-11-21"}},
				},
			}, nil
		}),
		"ReadMailKey": sfntest.Func(func(_ context.Context, p reports.MonthlyReportReadMailKeyParams) (map[string]any, error) {
			if p.SecretID != "prod/mail-api" {
				t.Errorf("GetSecretValue parameters %+v", p)
			}
			return secret()
		}),
	}
}

func TestMonthlyReport(t *testing.T) {
	h := services(t, func() (map[string]any, error) {
		return map[string]any{"Name": "prod/mail-api", "SecretString": "k-123"}, nil
	})
	r := sfntest.Run(t, reports.MonthlyReport(), h,
		sfntest.Input(reports.Request{Customer: "c-7", Month: "2026-11"}),
		sfntest.Sub("ReportsBucket", "reports-bucket"))
	r.RequireSucceeded().RequireVisited("LoadTemplate", "FindOrders", "ReadMailKey", "Ready")
	var out reports.MonthlyReportReadyOutput
	r.DecodeOutput(&out)
	if out.Template.Html != "<h1>{{month}}</h1>" || !out.Template.Modified.Equal(time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)) ||
		out.Orders.Count != 2 || len(out.Orders.Items) != 2 || out.MailKey.Value != "k-123" {
		t.Errorf("output %+v", out)
	}
}

// A missing secret fails the execution with the service's error name, as
// Step Functions reports an AWS SDK integration's error.
func TestMonthlyReportWithoutTheSecret(t *testing.T) {
	h := services(t, func() (map[string]any, error) {
		return nil, local.Error("SecretsManager.ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
	})
	r := sfntest.Run(t, reports.MonthlyReport(), h,
		sfntest.Input(reports.Request{Customer: "c-7", Month: "2026-11"}),
		sfntest.Sub("ReportsBucket", "reports-bucket"))
	r.RequireFailed("SecretsManager.ResourceNotFoundException")
	if r.Cause != "Secrets Manager can't find the specified secret." {
		t.Errorf("cause %q", r.Cause)
	}
}
