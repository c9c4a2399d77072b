//go:build goasl_sdk_services

// This file is never built: it keeps in go.mod (go mod tidy reads every
// build tag) the SDK modules of the services that the corpus's aws-sdk
// calls use, whose source TestCorpusOperations reads with go list and
// go/parser. Building them would cost minutes and tell nothing more.

package awssdk_test

import (
	_ "github.com/aws/aws-sdk-go-v2/service/autoscaling"
	_ "github.com/aws/aws-sdk-go-v2/service/bedrock"
	_ "github.com/aws/aws-sdk-go-v2/service/bedrockagent"
	_ "github.com/aws/aws-sdk-go-v2/service/cloudformation"
	_ "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	_ "github.com/aws/aws-sdk-go-v2/service/comprehend"
	_ "github.com/aws/aws-sdk-go-v2/service/configservice"
	_ "github.com/aws/aws-sdk-go-v2/service/emrserverless"
	_ "github.com/aws/aws-sdk-go-v2/service/kms"
	_ "github.com/aws/aws-sdk-go-v2/service/lambda"
	_ "github.com/aws/aws-sdk-go-v2/service/organizations"
	_ "github.com/aws/aws-sdk-go-v2/service/polly"
	_ "github.com/aws/aws-sdk-go-v2/service/rds"
	_ "github.com/aws/aws-sdk-go-v2/service/redshiftdata"
	_ "github.com/aws/aws-sdk-go-v2/service/rekognition"
	_ "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	_ "github.com/aws/aws-sdk-go-v2/service/scheduler"
	_ "github.com/aws/aws-sdk-go-v2/service/transcribe"
	_ "github.com/aws/aws-sdk-go-v2/service/translate"
)
