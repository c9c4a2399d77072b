package iam

import "unicode"

// MaxRolePolicySize is the IAM quota on the inline policies of a role: the
// policy documents of all of them together may hold at most 10,240
// characters, white space not counted. Neither the CDK nor CloudFormation
// checks it before deploying; the stack fails with LimitExceeded.
const MaxRolePolicySize = 10240

// MaxManagedPolicySize is the IAM quota on one managed policy: 6,144
// characters, white space not counted.
const MaxManagedPolicySize = 6144

// MaxManagedPoliciesPerRole is IAM's default quota on the managed policies
// attached to a role (it can be raised).
const MaxManagedPoliciesPerRole = 10

// UnknownValueSize is the number of characters PolicySize counts for a
// value known only at deploy time (a placeholder whose value is a CDK token,
// a CloudFormation Ref or Fn::GetAtt): more than the ARN of a Lambda
// function with the longest name (64 characters) in the longest partition
// and region (125 characters as DefaultValueSize counts them). Longer
// names (a DynamoDB table or SNS topic may have up to 255 or 256) make the
// deployed policy longer than the estimate.
const UnknownValueSize = 128

// DefaultValueSize is the number of characters PolicySize counts for the
// value of the placeholder name when the caller knows nothing better: the
// longest value of a CloudFormation pseudo parameter (AWS::Partition counts
// as "aws-us-gov", 10; AWS::Region as 16, more than the longest region
// name; AWS::AccountId as 12; AWS::URLSuffix as "amazonaws.com.cn", 16),
// and UnknownValueSize for any other name.
func DefaultValueSize(name string) int {
	switch name {
	case "AWS::Partition":
		return len("aws-us-gov")
	case "AWS::Region":
		return 16
	case "AWS::AccountId":
		return 12
	case "AWS::URLSuffix":
		return len("amazonaws.com.cn")
	}
	return UnknownValueSize
}

// PolicySize estimates the size IAM counts for the policy document that
// stmts make, as the CDK writes it: {"Version":"2012-10-17","Statement":[
// {"Effect":"Allow","Action":…,"Resource":…},…]}, where an Action or
// Resource with a single value is a string and with more a list. IAM does
// not count white space, so neither does PolicySize.
//
// A "${Name}" placeholder in a resource is counted as valueSize(Name)
// characters instead of its own length (nil valueSize means
// DefaultValueSize). The estimate is meant to err on the large side: pass
// the exact length of values known when the stack is built, and let
// unknown ones count as DefaultValueSize does. The statements' States and
// Reason are not part of the document and are not counted.
func PolicySize(stmts []Statement, valueSize func(name string) int) int {
	if valueSize == nil {
		valueSize = DefaultValueSize
	}
	n := len(`{"Version":"2012-10-17","Statement":[]}`)
	for i, s := range stmts {
		if i > 0 {
			n++ // ,
		}
		n += len(`{"Effect":,"Action":,"Resource":}`) + JSONStringSize(s.Effect)
		n += listSize(s.Actions, JSONStringSize)
		n += listSize(s.Resources, func(r string) int { return resourceSize(r, valueSize) })
	}
	return n
}

// listSize is the size of a JSON string (one value) or list of strings.
func listSize(vals []string, size func(string) int) int {
	if len(vals) == 1 {
		return size(vals[0])
	}
	n := 2 // []
	for i, v := range vals {
		if i > 0 {
			n++
		}
		n += size(v)
	}
	return n
}

// resourceSize is the size of a resource as a JSON string, with each
// placeholder counted as valueSize says.
func resourceSize(r string, valueSize func(string) int) int {
	n := JSONStringSize(r)
	for _, m := range placeholderRE.FindAllStringSubmatchIndex(r, -1) {
		n -= m[1] - m[0]
		n += valueSize(r[m[2]:m[3]])
	}
	return n
}

// JSONStringSize is the number of characters IAM counts for s written as
// a JSON string: quotes and escapes included, white space not.
func JSONStringSize(s string) int {
	n := 2
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			n += 2
		case r < 0x20:
			if r == '\n' || r == '\r' || r == '\t' {
				n += 2
			} else {
				n += 6 // \u00XX
			}
		case unicode.IsSpace(r):
			// not counted
		default:
			n++
		}
	}
	return n
}

// Split returns stmts with every statement larger than maxSize (as
// PolicySize counts one statement alone, valueSize as there) cut into
// statements with the same actions, effect, states and reason and a part
// of its resources each, in order. A statement is cut only between
// resources, so one whose single resource is over maxSize stays whole.
// The CDK moves the statements that do not fit in a role's inline policy
// into managed policies, whole: cut statements fit.
func Split(stmts []Statement, maxSize int, valueSize func(name string) int) []Statement {
	if valueSize == nil {
		valueSize = DefaultValueSize
	}
	var out []Statement
	for _, s := range stmts {
		one := s
		one.Resources = nil
		base := statementSize(one, valueSize) - 2 // without "[]"
		size := base + 2
		for _, r := range s.Resources {
			n := resourceSize(r, valueSize)
			if len(one.Resources) > 0 && size+n+1 > maxSize {
				out = append(out, one)
				one.Resources, size = nil, base+2
			}
			if len(one.Resources) > 0 {
				size++
			}
			one.Resources = append(one.Resources, r)
			size += n
		}
		out = append(out, one)
	}
	return out
}

// statementSize is the size of one statement as PolicySize counts it.
func statementSize(s Statement, valueSize func(string) int) int {
	return PolicySize([]Statement{s}, valueSize) - len(`{"Version":"2012-10-17","Statement":[]}`)
}
