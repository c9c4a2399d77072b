package iam

import (
	"testing"

	"github.com/goasl/goasl/asl"
)

// FuzzPolicy feeds Policy and Placeholders every document asl.Parse
// accepts: they must not panic, and every statement must have actions,
// resources, states and a reason.
func FuzzPolicy(f *testing.F) {
	for _, c := range cases {
		f.Add(`{"StartAt":"T","States":{"T":{` + c.state + `,"End":true}}}`)
	}
	f.Add(`{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${X}","End":true}}}`)
	f.Add(`{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"https://x/"},"End":true}}}`)
	f.Fuzz(func(t *testing.T, doc string) {
		sm, err := asl.Parse([]byte(doc))
		if err != nil {
			return
		}
		stmts, err := Policy(sm, Options{})
		if err == nil {
			for _, s := range stmts {
				if len(s.Actions) == 0 || len(s.Resources) == 0 || len(s.States) == 0 || s.Reason == "" || s.Effect != "Allow" {
					t.Errorf("incomplete statement %+v", s)
				}
			}
		}
		if _, err := Placeholders(sm); err != nil {
			t.Errorf("Placeholders: %v", err)
		}
	})
}
