package cdk

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goasl/goasl/compiler/iam"
)

// MaxTemplateBytes is the largest template CloudFormation accepts from S3
// (1 MB). The CDK does not check it when it synthesizes.
const MaxTemplateBytes = 1 << 20

// CheckTemplates checks every CloudFormation template (*.template.json) in
// a cloud assembly directory, such as the one app.Synth(nil).Directory()
// names, and returns an error naming each problem:
//
//   - a template over MaxTemplateBytes;
//   - a role whose inline policies (the Policies of an AWS::IAM::Role and
//     every AWS::IAM::Policy or AWS::IAM::RolePolicy attached to it)
//     together exceed iam.MaxRolePolicySize characters;
//   - an AWS::IAM::ManagedPolicy over iam.MaxManagedPolicySize characters
//     (the CDK moves the statements that do not fit in a role's inline
//     policy into such policies, OverflowPolicy1, ...);
//   - a role with more than iam.MaxManagedPoliciesPerRole managed policies
//     (its ManagedPolicyArns and the AWS::IAM::ManagedPolicy resources
//     naming it), IAM's default quota;
//   - a policy statement whose Resource is a resource of the template
//     by name or URL, not ARN: a Ref whose value is a name (the Ref of an
//     AWS::DynamoDB::Table or AWS::Lambda::Function is its name, of an
//     AWS::SQS::Queue its URL), or an Fn::GetAtt of a name or URL
//     attribute (TopicName, QueueUrl), alone or at the start of an
//     Fn::Join. CloudFormation accepts the policy; the deploy or the
//     execution fails.
//
// Sizes do not count white space. Values known only at deploy time count
// as iam.DefaultValueSize says: a pseudo parameter at its longest value,
// any other Ref, Fn::GetAtt or intrinsic function as iam.UnknownValueSize
// characters.
//
// It reads files only: no jsii call.
func CheckTemplates(dir string) error {
	paths, err := filepath.Glob(filepath.Join(dir, "*.template.json"))
	if err != nil {
		return fmt.Errorf("cdk: checking templates in %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return fmt.Errorf("cdk: no *.template.json in %s: is it a cloud assembly (cdk.out)?", dir)
	}
	sort.Strings(paths)
	var errs []error
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("cdk: %w", err))
			continue
		}
		name := filepath.Base(p)
		if len(data) > MaxTemplateBytes {
			errs = append(errs, fmt.Errorf("cdk: template %s is %d bytes, over the 1 MB (%d bytes) CloudFormation accepts: split the stack or move state machines to stacks of their own", name, len(data), MaxTemplateBytes))
		}
		errs = append(errs, checkRolePolicies(name, data)...)
	}
	return errors.Join(errs...)
}

// inlinePolicy is one inline policy of a role in a template.
type inlinePolicy struct {
	name string // the logical id of the policy resource, or role.PolicyName
	size int
}

// checkRolePolicies sums the inline policies of every role of a template.
// A template that is not a JSON object is left to CloudFormation.
func checkRolePolicies(name string, data []byte) []error {
	var tpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(data, &tpl); err != nil {
		return []error{fmt.Errorf("cdk: template %s is not a CloudFormation template in JSON: %v", name, err)}
	}
	roles := map[string][]inlinePolicy{}
	managed := map[string]int{}
	var errs []error
	var ids []string
	for id := range tpl.Resources {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	types := map[string]string{}
	for id, r := range tpl.Resources {
		types[id] = r.Type
	}
	for _, id := range ids {
		r := tpl.Resources[id]
		switch r.Type {
		case "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::RolePolicy":
			errs = append(errs, checkResourceARNs(name, id, r.Properties["PolicyDocument"], types)...)
		case "AWS::IAM::Role":
			pols, _ := r.Properties["Policies"].([]any)
			for _, p := range pols {
				pm, _ := p.(map[string]any)
				errs = append(errs, checkResourceARNs(name, id+"."+show(pm["PolicyName"]), pm["PolicyDocument"], types)...)
			}
		}
		switch r.Type {
		case "AWS::IAM::ManagedPolicy":
			if size := documentSize(r.Properties["PolicyDocument"]); size > iam.MaxManagedPolicySize {
				errs = append(errs, fmt.Errorf("cdk: template %s: managed policy %s is about %d characters, over the %d IAM allows for a managed policy (white space not counted; deploy-time values counted at their longest): %s",
					name, id, size, iam.MaxManagedPolicySize, policyFix))
			}
			targets, _ := r.Properties["Roles"].([]any)
			for _, t := range targets {
				managed[roleKey(t)]++
			}
		case "AWS::IAM::Role":
			arns, _ := r.Properties["ManagedPolicyArns"].([]any)
			managed[id] += len(arns)
			pols, _ := r.Properties["Policies"].([]any)
			for _, p := range pols {
				pm, _ := p.(map[string]any)
				roles[id] = append(roles[id], inlinePolicy{id + "." + show(pm["PolicyName"]), documentSize(pm["PolicyDocument"])})
			}
		case "AWS::IAM::Policy":
			size := documentSize(r.Properties["PolicyDocument"])
			targets, _ := r.Properties["Roles"].([]any)
			for _, t := range targets {
				roles[roleKey(t)] = append(roles[roleKey(t)], inlinePolicy{id, size})
			}
		case "AWS::IAM::RolePolicy":
			key := roleKey(r.Properties["RoleName"])
			roles[key] = append(roles[key], inlinePolicy{id, documentSize(r.Properties["PolicyDocument"])})
		}
	}
	var keys []string
	for k := range roles {
		keys = append(keys, k)
	}
	for k := range managed {
		if _, ok := roles[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if n := managed[k]; n > iam.MaxManagedPoliciesPerRole {
			errs = append(errs, fmt.Errorf("cdk: template %s: role %s has %d managed policies, over the %d IAM allows a role by default (a quota you can raise): %s",
				name, k, n, iam.MaxManagedPoliciesPerRole, policyFix))
		}
		pols := roles[k]
		sort.Slice(pols, func(i, j int) bool { return pols[i].name < pols[j].name })
		total := 0
		var parts []string
		for _, p := range pols {
			total += p.size
			parts = append(parts, fmt.Sprintf("%s: %d", p.name, p.size))
		}
		if total > iam.MaxRolePolicySize {
			errs = append(errs, fmt.Errorf("cdk: template %s: role %s has inline policies of about %d characters (%s), over the %d IAM allows for all the inline policies of a role (white space not counted; deploy-time values counted at their longest): %s",
				name, k, total, strings.Join(parts, ", "), iam.MaxRolePolicySize, policyFix))
		}
	}
	return errs
}

// policyFix says how to bring a role's inline policies under the quota.
const policyFix = "give the state machine a role of your own whose policies grant the permissions with fewer, broader resources (Props.Role, imported with awsiam.Role_FromRoleArn and Mutable false so goasl adds nothing to it), or split the workflow (a child workflow started with states:startExecution)"

// roleKey names the role a policy is attached to: the logical id of a
// {"Ref": id}, else the role name as written.
func roleKey(v any) string {
	if m, ok := v.(map[string]any); ok && len(m) == 1 {
		if id, ok := m["Ref"].(string); ok {
			return id
		}
	}
	return show(v)
}

// show renders a template value for a message.
func show(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// documentSize estimates the characters IAM counts for a policy document
// in a template (decoded JSON): white space is not counted, and an
// intrinsic function stands for a string of the length it resolves to
// (see valueSize).
func documentSize(v any) int {
	switch x := v.(type) {
	case string:
		return stringSize(x)
	case map[string]any:
		if len(x) == 1 {
			for k, arg := range x {
				if k == "Ref" || strings.HasPrefix(k, "Fn::") {
					return 2 + valueSize(k, arg)
				}
			}
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		n := 2 // {}
		for i, k := range keys {
			if i > 0 {
				n++
			}
			n += iam.JSONStringSize(k) + 1 + documentSize(x[k])
		}
		return n
	case []any:
		n := 2
		for i, e := range x {
			if i > 0 {
				n++
			}
			n += documentSize(e)
		}
		return n
	case nil:
		return len("null")
	default:
		data, _ := json.Marshal(x)
		return len(data)
	}
}

// valueSize is the length of the string an intrinsic function resolves
// to: a pseudo parameter at its longest (iam.DefaultValueSize), a Fn::Join
// or Fn::Sub from its parts, anything else iam.UnknownValueSize.
func valueSize(fn string, arg any) int {
	switch fn {
	case "Ref":
		if name, ok := arg.(string); ok {
			return iam.DefaultValueSize(name)
		}
	case "Fn::Join":
		a, _ := arg.([]any)
		if len(a) == 2 {
			sep, ok1 := a[0].(string)
			parts, ok2 := a[1].([]any)
			if ok1 && ok2 {
				n := 0
				for i, p := range parts {
					if i > 0 {
						n += stringSize(sep) - 2
					}
					n += documentSize(p) - 2
				}
				return n
			}
		}
	case "Fn::Sub":
		if s, ok := arg.(string); ok {
			n := stringSize(s) - 2
			for _, m := range varRE.FindAllStringSubmatch(s, -1) {
				n -= len(m[0])
				if strings.Contains(m[1], ".") { // ${Resource.Attribute}
					n += iam.UnknownValueSize
				} else {
					n += iam.DefaultValueSize(m[1])
				}
			}
			return n
		}
	}
	return iam.UnknownValueSize
}

var tokenRE = regexp.MustCompile(`\$\{Token\[[^\]]*\]\}`)

// stringSize is iam.JSONStringSize, with each unresolved CDK token (as
// PolicyStatement.ToStatementJson leaves them) counted as
// iam.UnknownValueSize characters.
func stringSize(s string) int {
	n := iam.JSONStringSize(s)
	for _, t := range tokenRE.FindAllString(s, -1) {
		n += iam.UnknownValueSize - (iam.JSONStringSize(t) - 2)
	}
	return n
}

// checkResourceARNs reports each statement of a policy document that
// names a resource of the template by a value that is not its ARN.
func checkResourceARNs(tplName, policy string, doc any, types map[string]string) []error {
	d, _ := doc.(map[string]any)
	stmts, ok := d["Statement"].([]any)
	if !ok && d["Statement"] != nil {
		stmts = []any{d["Statement"]}
	}
	var errs []error
	for i, s := range stmts {
		st, _ := s.(map[string]any)
		res, ok := st["Resource"].([]any)
		if !ok {
			res = []any{st["Resource"]}
		}
		for _, r := range res {
			id, attr, ok := reference(r)
			if !ok {
				continue
			}
			typ, ok := types[id]
			if !ok {
				continue
			}
			f := formUnknown
			switch {
			case attr == "Ref":
				f = refForms[typ]
			case strings.HasSuffix(attr, "Name"):
				f = formName
			case strings.HasSuffix(attr, "Url"):
				f = formURL
			}
			if f != formName && f != formURL {
				continue
			}
			how := "its Ref"
			if attr != "Ref" {
				how = "its " + attr + " attribute"
			}
			use := "its Fn::GetAtt Arn"
			if refForms[typ] == formARN {
				use = "its Ref"
			}
			if a := arnAccessors[typ]; a != "" {
				use += " (" + a + ")"
			} else {
				use += ", or an ARN built from the " + f.String()
			}
			data, _ := json.Marshal(r)
			errs = append(errs, fmt.Errorf("cdk: template %s: policy %s: Statement[%d] (%s) names the resource %s, the %s of the %s %s (%s), not an ARN, so the permission applies to nothing: use %s",
				tplName, policy, i, show(st["Action"]), data, f, typ, id, how, use))
		}
	}
	return errs
}

// reference returns the logical id and attribute ("Ref" for a Ref) a
// template value refers to: a Ref, an Fn::GetAtt, or one of them at the
// start of an Fn::Join (an ARN is built with its literal "arn:" first).
func reference(v any) (id, attr string, ok bool) {
	m, _ := v.(map[string]any)
	if len(m) != 1 {
		return "", "", false
	}
	if r, ok := m["Ref"].(string); ok {
		return r, "Ref", true
	}
	if g, ok := m["Fn::GetAtt"].([]any); ok && len(g) == 2 {
		id, ok1 := g[0].(string)
		attr, ok2 := g[1].(string)
		return id, attr, ok1 && ok2
	}
	if j, ok := m["Fn::Join"].([]any); ok && len(j) == 2 {
		if parts, ok := j[1].([]any); ok && len(parts) > 0 {
			return reference(parts[0])
		}
	}
	return "", "", false
}
