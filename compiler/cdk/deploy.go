package cdk

import (
	"regexp"
	"strings"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/iam"
)

// integrationARN matches the partition of a service integration ARN,
// arn:PARTITION:states:::service:action (also in an ItemReader or a
// ResultWriter).
var integrationARN = regexp.MustCompile(`^arn:[^:]*:states:::`)

// withPartition returns a copy of sm whose service integration ARNs are in
// partition (the stack's, a CDK token for ${AWS::Partition}): Step
// Functions in aws-cn and aws-us-gov wants arn:aws-cn:states:::lambda:invoke
// and so on, as the CDK writes them. Only the Resource fields of Task
// states, ItemReaders and ResultWriters change; sm is not modified.
func withPartition(sm *asl.StateMachine, partition string) *asl.StateMachine {
	c := *sm
	c.States = partitionStates(sm.States, partition)
	return &c
}

func partitionStates(ss asl.States, partition string) asl.States {
	if ss == nil {
		return nil
	}
	out := make(asl.States, len(ss))
	for i, st := range ss {
		if st == nil {
			continue
		}
		c := *st
		c.Resource = partitionARN(st.Resource, partition)
		if st.ItemReader != nil {
			r := *st.ItemReader
			r.Resource = partitionARN(r.Resource, partition)
			c.ItemReader = &r
		}
		if st.ResultWriter != nil {
			w := *st.ResultWriter
			w.Resource = partitionARN(w.Resource, partition)
			c.ResultWriter = &w
		}
		if st.Branches != nil {
			c.Branches = make([]*asl.Scope, len(st.Branches))
			for j, b := range st.Branches {
				c.Branches[j] = partitionScope(b, partition)
			}
		}
		c.ItemProcessor = partitionScope(st.ItemProcessor, partition)
		c.Iterator = partitionScope(st.Iterator, partition)
		out[i] = &c
	}
	return out
}

func partitionScope(s *asl.Scope, partition string) *asl.Scope {
	if s == nil {
		return nil
	}
	c := *s
	c.States = partitionStates(s.States, partition)
	return &c
}

func partitionARN(arn, partition string) string {
	if loc := integrationARN.FindStringIndex(arn); loc != nil {
		return "arn:" + partition + ":states:::" + arn[loc[1]:]
	}
	return arn
}

// deployedSize is the size of the definition Step Functions receives: the
// compact text def, with each occurrence of the partition token counted
// as the longest partition ("aws-us-gov") and each placeholder whose
// substitution is known at synth time (a literal string) at the length of
// its value. A substitution that is a CDK token is known only at deploy
// time and counts as its placeholder.
func deployedSize(def, partition string, subs map[string]*string) int {
	n := len(def)
	if tokenString(partition) {
		n += strings.Count(def, partition) * (iam.DefaultValueSize("AWS::Partition") - len(partition))
	}
	for k, v := range subs {
		if v == nil || tokenString(*v) {
			continue
		}
		ph := "${" + k + "}"
		n += strings.Count(def, ph) * (len(*v) - len(ph))
	}
	return n
}
