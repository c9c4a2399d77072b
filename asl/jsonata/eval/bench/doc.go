// Package bench compares goasl's JSONata evaluator with
// github.com/blues/jsonata-go on the same expressions and inputs. It is a
// module of its own so that goasl's go.mod does not depend on blues.
//
//	cd asl/jsonata/eval/bench && go test -bench . -benchmem
package bench
