package cdk

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslogs"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsstepfunctions"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler"
	"github.com/goasl/goasl/compiler/iam"
	"github.com/goasl/goasl/dsl"
)

// MaxDefinitionBytes is the largest definition Step Functions accepts
// (1 MiB). Neither the CDK nor CloudFormation's validation checks it, so
// NewStateMachine does.
const MaxDefinitionBytes = 1 << 20

// MaxStatementSize is the size (as iam.PolicySize counts it) above which
// a derived statement is cut into several with the same actions, so that
// the CDK can move statements that do not fit in the role's inline policy
// into managed policies (at most iam.MaxManagedPolicySize each).
const MaxStatementSize = 2000

// MaxRolePermissions is the most policy text one role can hold with IAM's
// default quotas: iam.MaxRolePolicySize characters of inline policies and
// iam.MaxManagedPoliciesPerRole managed policies of
// iam.MaxManagedPolicySize characters.
const MaxRolePermissions = iam.MaxRolePolicySize + iam.MaxManagedPoliciesPerRole*iam.MaxManagedPolicySize

// Props configures NewStateMachine. The zero value (or nil) deploys a
// workflow without placeholders, with a new role, no logging and no
// tracing.
type Props struct {
	// Substitutions gives the deploy-time value of every placeholder of the
	// workflow (dsl.Ref("ChargeFn") → "ChargeFn": fn.FunctionArn()). Each
	// value fills DefinitionSubstitutions and, where the placeholder names
	// a resource, scopes the role's statement to it.
	//
	// Each value is checked against what the definition and the role need:
	// a CDK token by the attribute it resolves to (a DynamoDB table's or
	// Lambda function's Ref is its name, an SNS topic's its ARN, an SQS
	// queue's its URL; Fn::GetAtt Arn is an ARN). A name where an ARN
	// belongs (topic.TopicName() for TopicArn) is an error naming the
	// accessor to use; where the definition takes a name (FunctionName of
	// lambda:invoke, TableName of the DynamoDB integrations) the role names
	// the ARN built from it in the stack's partition, region and account.
	Substitutions map[string]*string
	// ARNs gives the ARN of a placeholder whose value is not one (an SQS
	// queue URL: "ReviewQueueURL": queue.QueueArn()), to scope the role.
	ARNs map[string]*string
	// StateMachineName is the deployed name; nil lets CloudFormation choose.
	// The permissions a Distributed Map or an HTTP Task needs on the state
	// machine itself name it: with a fixed name in the role's policy, else
	// (as the CDK does) in a policy of the state machine attached to the
	// role once the machine exists, so that neither depends on the other.
	StateMachineName *string
	// Role is the execution role to use instead of a new one. The derived
	// statements are added to it (an imported immutable role is left as
	// is). A workflow whose statements are over IAM's quota on inline
	// policies deploys with a role imported with Mutable false whose
	// managed policies grant them (StateMachine.Statements lists them).
	Role awsiam.IRole
	// Statements are added to the role after the derived ones.
	Statements []awsiam.PolicyStatement
	// PassRoles are the task and execution roles of the ECS task
	// definitions the workflow runs; without them iam:PassRole is allowed
	// on every role of the account.
	PassRoles []*string
	// Logs turns on execution logging.
	Logs *Logs
	// Tracing turns on AWS X-Ray tracing.
	Tracing bool
	// RemovalPolicy applies to the state machine; nil keeps the CDK default.
	RemovalPolicy awscdk.RemovalPolicy
}

// Logs configures execution logging.
type Logs struct {
	// Group receives the logs; nil creates a log group next to the state
	// machine.
	Group awslogs.ILogGroup
	// Level is the log level; "" means ERROR.
	Level awsstepfunctions.LogLevel
	// IncludeExecutionData logs the input and output of each state.
	IncludeExecutionData bool
}

// StateMachine is what NewStateMachine creates.
type StateMachine struct {
	awsstepfunctions.StateMachine
	// Role is the execution role (the one created or Props.Role).
	Role awsiam.IRole
	// Definition is the compiled definition, placeholders included, as
	// goasl writes it (indented). The state machine gets it as compact
	// JSON with the service integration ARNs in the stack's partition
	// (arn:${AWS::Partition}:states:::lambda:invoke, as the CDK writes them).
	Definition string
	// Statements are the statements derived from the workflow, as added to
	// the role (after substitution).
	Statements []awsiam.PolicyStatement
}

// NewStateMachine compiles wf and creates a state machine for it in scope,
// with the workflow's type (STANDARD or EXPRESS) and a least-privilege
// execution role. It returns an error, never panics, for a workflow that
// does not compile, a definition over 1 MiB as deployed (compact JSON, the
// partition at its longest, literal substitutions at their length), a
// missing or unused
// substitution, a role policy over IAM's quota, or a construct the CDK
// refuses (such as a duplicate id).
//
// The role policy check adds up the derived statements and
// Props.Statements as iam.PolicySize counts them (a substitution that is a
// literal string at its length, a CDK token or pseudo parameter at its
// longest) and fails when they exceed MaxRolePermissions, what one role
// can hold: the CDK (v2.276.0 measured) keeps about 10,000 characters of
// statements in the role's inline policy and moves the rest into managed
// policies, whole statements at a time, which is why derived statements
// over MaxStatementSize are cut. The check applies to a new role and to a
// Props.Role defined in the app (awsiam.NewRole), not to an imported one,
// and it does not count what the CDK adds for logging and X-Ray (about 400
// characters). CheckTemplates, run on the synthesized assembly, checks the
// policies the CDK actually wrote against IAM's quotas.
func NewStateMachine(scope constructs.Construct, id string, wf *dsl.Workflow, props *Props) (sm *StateMachine, err error) {
	if wf == nil {
		return nil, errors.New("cdk: the workflow is nil: build it with dsl.NewWorkflow")
	}
	def, err := compiler.Compile(wf)
	if err != nil {
		return nil, fmt.Errorf("cdk: workflow %q does not compile:\n%w", wf.Name(), err)
	}
	return FromDefinition(scope, id, wf.Name(), def, Type(wf.WorkflowType()), props)
}

// Type is a state machine type.
type Type string

// The state machine types; "" means Standard.
const (
	Standard Type = "STANDARD"
	Express  Type = "EXPRESS"
)

// FromDefinition is NewStateMachine for a definition already compiled (or
// parsed with asl.Parse); name is used in error messages.
func FromDefinition(scope constructs.Construct, id, name string, def *asl.StateMachine, typ Type, props *Props) (sm *StateMachine, err error) {
	if props == nil {
		props = &Props{}
	}
	if scope == nil {
		return nil, fmt.Errorf("cdk: workflow %q: the scope is nil", name)
	}
	data, err := asl.Marshal(def)
	if err != nil {
		return nil, fmt.Errorf("cdk: workflow %q: %w", name, err)
	}
	defer func() {
		// A jsii call panics on errors the CDK raises (a duplicate id, a
		// bad scope): report them as errors.
		if r := recover(); r != nil {
			sm, err = nil, fmt.Errorf("cdk: workflow %q: the CDK refused the state machine %q: %v", name, id, r)
		}
	}()
	stack := awscdk.Stack_Of(scope)
	partition := *stack.Partition()
	// What is deployed: compact JSON (the indented form is for people),
	// with the integration ARNs in the stack's partition.
	deployed, err := asl.MarshalCompact(withPartition(def, partition))
	if err != nil {
		return nil, fmt.Errorf("cdk: workflow %q: %w", name, err)
	}
	deployedDef := string(deployed)
	if n := deployedSize(deployedDef, partition, props.Substitutions); n > MaxDefinitionBytes {
		return nil, fmt.Errorf("cdk: workflow %q: the definition is %d bytes as deployed (compact JSON; the partition counted as \"aws-us-gov\", substitutions known at synth time at their length), over the 1 MiB (%d bytes) Step Functions accepts: split it (a nested workflow with states:startExecution, or a Distributed Map)", name, n, MaxDefinitionBytes)
	}
	places, err := iam.Placeholders(def)
	if err != nil {
		return nil, fmt.Errorf("cdk: workflow %q: %w", name, err)
	}
	if err := checkSubstitutions(name, places, props); err != nil {
		return nil, err
	}
	opts := iam.Options{}
	vars := map[string]*string{}
	for k, v := range props.Substitutions {
		vars[k] = v
	}
	for k, v := range props.ARNs {
		vars[k] = v // the role is scoped to the ARN, not the value
	}
	if n := props.StateMachineName; n != nil && !tokenString(*n) {
		opts.StateMachineName = *n
	} else {
		// The name CloudFormation gives the machine: the statements that
		// name it go in a policy of their own, attached once the machine
		// exists (the role cannot depend on the machine that uses it).
		opts.StateMachineName = "${" + selfName + "}"
	}
	for i, r := range props.PassRoles {
		if r == nil {
			return nil, fmt.Errorf("cdk: workflow %q: Props.PassRoles[%d] is nil", name, i)
		}
		key := "goasl:PassRole:" + strconv.Itoa(i)
		opts.PassRoles = append(opts.PassRoles, "${"+key+"}")
		vars[key] = r
	}
	analysis, err := iam.Analyze(def, opts)
	if err != nil {
		return nil, fmt.Errorf("cdk: workflow %q: %w", name, err)
	}
	stmts := analysis.Statements
	built, err := checkARNs(stack, name, places, stmts, analysis.NameARNs, props)
	if err != nil {
		return nil, err
	}
	vars["AWS::Partition"] = stack.Partition()
	vars["AWS::Region"] = stack.Region()
	vars["AWS::AccountId"] = stack.Account()
	for k, arn := range built {
		vars[k] = substitute(arn, vars) // a name the definition takes; the role names the ARN
	}

	valueLen := func(name string) int {
		if v := vars[name]; v != nil && !tokenString(*v) {
			return iam.JSONStringSize(*v) - 2
		}
		return iam.DefaultValueSize(name)
	}
	// The CDK keeps a role's statements inline up to about 10,000
	// characters and moves the rest, statement by statement, into managed
	// policies of up to about 6,000 (OverflowPolicy1, ...): cut statements
	// so that each can move.
	stmts = iam.Split(stmts, MaxStatementSize, valueLen)
	if props.Role == nil || *awsiam.Role_IsRole(props.Role) {
		size := iam.PolicySize(stmts, valueLen)
		for _, ps := range props.Statements {
			size += 1 + documentSize(ps.ToStatementJson())
		}
		if size > MaxRolePermissions {
			return nil, fmt.Errorf("cdk: workflow %q: the execution role's policy is about %d characters (white space not counted; deploy-time values counted at their longest), over the %d one role can hold (IAM allows %d characters of inline policies and, by default, %d managed policies of %d; the CDK moves what does not fit inline into managed policies): %s",
				name, size, MaxRolePermissions, iam.MaxRolePolicySize, iam.MaxManagedPoliciesPerRole, iam.MaxManagedPolicySize, policyFix)
		}
	}

	role := props.Role
	if role == nil {
		// The trust policy the CDK writes for a state machine's role: only
		// Step Functions, for a state machine of this account (against the
		// confused deputy problem).
		role = awsiam.NewRole(scope, jsii.String(id+"Role"), &awsiam.RoleProps{
			AssumedBy: awsiam.NewServicePrincipal(jsii.String("states.amazonaws.com"), &awsiam.ServicePrincipalOpts{
				Conditions: &map[string]any{
					"ArnLike": map[string]any{"aws:SourceArn": stack.FormatArn(&awscdk.ArnComponents{
						Service: jsii.String("states"), Resource: jsii.String("stateMachine"), ResourceName: jsii.String("*"),
						ArnFormat: awscdk.ArnFormat_COLON_RESOURCE_NAME,
					})},
					"StringEquals": map[string]any{"aws:SourceAccount": stack.Account()},
				},
			}),
			Description: jsii.String(fmt.Sprintf("Execution role of workflow %s, derived by goasl from the integrations it uses", name)),
		})
	}
	out := &StateMachine{Role: role, Definition: string(data)}
	statement := func(s iam.Statement) awsiam.PolicyStatement {
		var res []*string
		for _, r := range s.Resources {
			res = append(res, substitute(r, vars))
		}
		var acts []*string
		for _, a := range s.Actions {
			acts = append(acts, jsii.String(a))
		}
		ps := awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Effect:    awsiam.Effect_ALLOW,
			Actions:   &acts,
			Resources: &res,
		})
		out.Statements = append(out.Statements, ps)
		return ps
	}
	var self []iam.Statement
	for _, s := range stmts {
		if s.Self && strings.Contains(strings.Join(s.Resources, " "), "${"+selfName+"}") {
			self = append(self, s)
			continue
		}
		role.AddToPrincipalPolicy(statement(s))
	}
	for _, ps := range props.Statements {
		role.AddToPrincipalPolicy(ps)
	}

	smType := awsstepfunctions.StateMachineType_STANDARD
	if typ == Express {
		smType = awsstepfunctions.StateMachineType_EXPRESS
	}
	smProps := &awsstepfunctions.StateMachineProps{
		DefinitionBody:   awsstepfunctions.DefinitionBody_FromString(jsii.String(deployedDef)),
		StateMachineType: smType,
		Role:             role,
		StateMachineName: props.StateMachineName,
		RemovalPolicy:    props.RemovalPolicy,
	}
	if len(props.Substitutions) > 0 {
		subs := map[string]*string{}
		for k, v := range props.Substitutions {
			subs[k] = v
		}
		smProps.DefinitionSubstitutions = &subs
	}
	if props.Tracing {
		smProps.TracingEnabled = jsii.Bool(true)
	}
	if l := props.Logs; l != nil {
		group := l.Group
		if group == nil {
			group = awslogs.NewLogGroup(scope, jsii.String(id+"Logs"), &awslogs.LogGroupProps{})
		}
		level := l.Level
		if level == "" {
			level = awsstepfunctions.LogLevel_ERROR
		}
		smProps.Logs = &awsstepfunctions.LogOptions{
			Destination:          group,
			Level:                level,
			IncludeExecutionData: jsii.Bool(l.IncludeExecutionData),
		}
	}
	out.StateMachine = awsstepfunctions.NewStateMachine(scope, jsii.String(id), smProps)
	if len(self) > 0 {
		// As the CDK grants a Distributed Map's permissions: a policy of
		// the state machine, attached to the role, naming the machine.
		vars[selfName] = out.StateMachine.StateMachineName()
		var pss []awsiam.PolicyStatement
		for _, s := range self {
			pss = append(pss, statement(s))
		}
		policy := awsiam.NewPolicy(out.StateMachine, jsii.String("SelfPolicy"), &awsiam.PolicyProps{Statements: &pss})
		role.AttachInlinePolicy(policy)
	}
	return out, nil
}

// selfName is the placeholder of the state machine's own name in the
// statements that name it (a Distributed Map, an HTTP Task) when
// Props.StateMachineName does not fix it.
const selfName = "goasl:StateMachineName"

// checkSubstitutions reports every placeholder without a value and every
// substitution the definition does not use, each by name.
func checkSubstitutions(name string, places []iam.Placeholder, props *Props) error {
	used := map[string]bool{}
	var errs []error
	for _, p := range places {
		used[p.Name] = true
		v, ok := props.Substitutions[p.Name]
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("cdk: workflow %q: placeholder ${%s} (%s) has no substitution: set Props.Substitutions[%q]", name, p.Name, p.Kind, p.Name))
		case v == nil:
			errs = append(errs, fmt.Errorf("cdk: workflow %q: the substitution of placeholder ${%s} is nil", name, p.Name))
		case p.NeedsARN && props.ARNs[p.Name] == nil:
			errs = append(errs, fmt.Errorf("cdk: workflow %q: placeholder ${%s} is an %s, not an ARN: set Props.ARNs[%q] (e.g. queue.QueueArn()) so the role can name the queue", name, p.Name, p.Kind, p.Name))
		}
	}
	for _, m := range []struct {
		field string
		keys  map[string]*string
	}{{"Substitutions", props.Substitutions}, {"ARNs", props.ARNs}} {
		var unused []string
		for k := range m.keys {
			if !used[k] {
				unused = append(unused, k)
			}
		}
		sort.Strings(unused)
		for _, k := range unused {
			errs = append(errs, fmt.Errorf("cdk: workflow %q: Props.%s[%q] is not used: the definition has no placeholder ${%s}", name, m.field, k, k))
		}
	}
	return errors.Join(errs...)
}

var varRE = regexp.MustCompile(`\$\{([^{}]*)\}`)

// substitute replaces the ${Name} placeholders of an IAM resource with
// their values (CDK tokens are strings, so a token inside a longer
// resource becomes an Fn::Join).
func substitute(s string, vars map[string]*string) *string {
	out := varRE.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := vars[m[2:len(m)-1]]; ok && v != nil {
			return *v
		}
		return m
	})
	return jsii.String(out)
}

// tokenString reports whether s holds an unresolved CDK token.
func tokenString(s string) bool {
	return strings.Contains(s, "${Token[")
}
