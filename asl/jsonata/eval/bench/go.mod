module github.com/goasl/goasl/asl/jsonata/eval/bench

go 1.26.0

require github.com/goasl/goasl v0.0.0

require (
	github.com/blues/jsonata-go v1.5.4
	github.com/dlclark/regexp2 v1.12.0 // indirect
	go.yaml.in/yaml/v3 v3.0.6 // indirect
)

replace github.com/goasl/goasl => ../../../..
