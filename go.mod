module github.com/goasl/goasl

go 1.26
