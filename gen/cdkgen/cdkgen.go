package cdkgen

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/iam"
	"github.com/goasl/goasl/gen"
)

// Import paths the generated code uses.
const (
	cdkPkg        = "github.com/goasl/goasl/compiler/cdk"
	constructsPkg = "github.com/aws/constructs-go/constructs/v10"
	cdkRoot       = "github.com/aws/aws-cdk-go/awscdk/v2/"
)

// Workflow is what the constructor file of one workflow is made from.
type Workflow struct {
	// PackagePath is the import path of the package whose function Func
	// builds the workflow.
	PackagePath string
	// Func is that function (func() *dsl.Workflow).
	Func string
	// Name is the workflow's name; it names the constructor and props.
	Name string
	// OutPackagePath and OutPackageName are the package the file belongs to;
	// empty means the workflow's own package (PackagePath, PackageName).
	OutPackagePath, OutPackageName string
	// PackageName is the name of the package at PackagePath.
	PackageName string
	// Definition is the compiled workflow: its placeholders become the
	// props' fields.
	Definition *asl.StateMachine
}

// GoFile returns the name of a workflow's constructor file, from the base
// of its output files (see gen.FileBase): base + "_cdk.go".
func GoFile(base string) string { return base + "_cdk.go" }

// kindType is how a placeholder of a kind is typed in the props, and the
// methods that give its value and, if different, its ARN.
type kindType struct {
	pkg, typ   string // "" pkg: *string
	value, arn string
	what       string
}

var kindTypes = map[iam.Kind]kindType{
	iam.KindLambdaFunction: {"awslambda", "IFunction", "FunctionArn", "", "the Lambda function"},
	iam.KindSQSQueueURL:    {"awssqs", "IQueue", "QueueUrl", "QueueArn", "the SQS queue"},
	iam.KindSNSTopic:       {"awssns", "ITopic", "TopicArn", "", "the SNS topic"},
	iam.KindDynamoDBTable:  {"awsdynamodb", "ITable", "TableArn", "", "the DynamoDB table"},
	iam.KindStateMachine:   {"awsstepfunctions", "IStateMachine", "StateMachineArn", "", "the state machine"},
	iam.KindActivity:       {"awsstepfunctions", "IActivity", "ActivityArn", "", "the activity"},
}

// CdkGenerate returns the constructor file of a workflow: a props struct
// <Name>Props with one field per placeholder and an Options cdk.Props,
// and New<Name>StateMachine(scope, id, props) (*cdk.StateMachine, error).
func CdkGenerate(w Workflow) ([]byte, error) {
	if w.Definition == nil {
		return nil, fmt.Errorf("cdkgen: workflow %q: no definition", w.Name)
	}
	if w.Func == "" || w.PackagePath == "" {
		return nil, fmt.Errorf("cdkgen: workflow %q: the package path and function are required", w.Name)
	}
	places, err := iam.Placeholders(w.Definition)
	if err != nil {
		return nil, fmt.Errorf("cdkgen: workflow %q: %w", w.Name, err)
	}
	outPath, outName := w.OutPackagePath, w.OutPackageName
	if outPath == "" {
		outPath, outName = w.PackagePath, w.PackageName
	}
	if outName == "" {
		return nil, fmt.Errorf("cdkgen: workflow %q: the output package name is required", w.Name)
	}
	ident := exported(w.Name, "Workflow")
	props := ident + "Props"
	ctor := "New" + ident + "StateMachine"

	f := jen.NewFilePathName(outPath, outName)
	f.HeaderComment(gen.Header)
	f.HeaderComment(fmt.Sprintf("// Source: %s (workflow %q). CDK constructor.", w.Func, w.Name))
	f.ImportName(cdkPkg, "cdk")
	f.ImportName(constructsPkg, "constructs")

	type fieldInfo struct {
		name string
		p    iam.Placeholder
		kt   kindType
	}
	var fields []fieldInfo
	used := map[string]bool{"Options": true}
	for _, p := range places {
		name := exported(p.Name, "Placeholder")
		for base, i := name, 2; used[name]; i++ {
			name = fmt.Sprintf("%s%d", base, i)
		}
		used[name] = true
		fields = append(fields, fieldInfo{name, p, kindTypes[p.Kind]})
	}

	f.Commentf("%s are the deploy-time values of workflow %q: one field per placeholder of the definition, and the options of the state machine.", props, w.Name)
	var decls []jen.Code
	for _, fi := range fields {
		var c *jen.Statement
		if fi.kt.pkg == "" {
			c = jen.Commentf("%s is the value of ${%s} (a CDK token or a literal).", fi.name, fi.p.Name).Line().Id(fi.name).Op("*").String()
		} else {
			c = jen.Commentf("%s is %s that ${%s} names.", fi.name, fi.kt.what, fi.p.Name).Line().Id(fi.name).Qual(cdkRoot+fi.kt.pkg, fi.kt.typ)
		}
		decls = append(decls, c)
	}
	decls = append(decls, jen.Comment("Options configure the state machine (role, logging, tracing, ...); the constructor fills in its Substitutions and ARNs from the fields above.").Line().Id("Options").Qual(cdkPkg, "Props"))
	f.Type().Id(props).Struct(decls...)
	f.Line()

	var body []jen.Code
	body = append(body, jen.Var().Id("missing").Index().String())
	for _, fi := range fields {
		body = append(body, jen.If(jen.Id("props").Dot(fi.name).Op("==").Nil()).Block(
			jen.Id("missing").Op("=").Append(jen.Id("missing"), jen.Lit(fi.name)),
		))
	}
	body = append(body,
		jen.If(jen.Len(jen.Id("missing")).Op(">").Lit(0)).Block(
			jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(
				jen.Lit(fmt.Sprintf("%s: %s: fields not set: %%s", ctor, props)),
				jen.Qual("strings", "Join").Call(jen.Id("missing"), jen.Lit(", ")),
			)),
		),
		jen.Id("opts").Op(":=").Id("props").Dot("Options"),
		jen.Id("subs").Op(":=").Map(jen.String()).Op("*").String().Values(),
		jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("opts").Dot("Substitutions")).Block(
			jen.Id("subs").Index(jen.Id("k")).Op("=").Id("v"),
		),
		jen.Id("arns").Op(":=").Map(jen.String()).Op("*").String().Values(),
		jen.For(jen.List(jen.Id("k"), jen.Id("v")).Op(":=").Range().Id("opts").Dot("ARNs")).Block(
			jen.Id("arns").Index(jen.Id("k")).Op("=").Id("v"),
		),
	)
	for _, fi := range fields {
		val := jen.Id("props").Dot(fi.name)
		if fi.kt.pkg != "" {
			val = jen.Id("props").Dot(fi.name).Dot(fi.kt.value).Call()
		}
		body = append(body, jen.Id("subs").Index(jen.Lit(fi.p.Name)).Op("=").Add(val))
		if fi.kt.arn != "" {
			body = append(body, jen.Id("arns").Index(jen.Lit(fi.p.Name)).Op("=").Id("props").Dot(fi.name).Dot(fi.kt.arn).Call())
		}
	}
	body = append(body,
		jen.Id("opts").Dot("Substitutions").Op("=").Id("subs"),
		jen.If(jen.Len(jen.Id("arns")).Op(">").Lit(0)).Block(jen.Id("opts").Dot("ARNs").Op("=").Id("arns")),
		jen.Return(jen.Qual(cdkPkg, "NewStateMachine").Call(
			jen.Id("scope"), jen.Id("id"), jen.Qual(w.PackagePath, w.Func).Call(), jen.Op("&").Id("opts"),
		)),
	)
	f.Commentf("%s compiles workflow %q (built by %s) and deploys it in scope as a state machine with a least-privilege execution role; every field of props but Options is required.", ctor, w.Name, w.Func)
	f.Func().Id(ctor).Params(
		jen.Id("scope").Qual(constructsPkg, "Construct"),
		jen.Id("id").String(),
		jen.Id("props").Id(props),
	).Params(jen.Op("*").Qual(cdkPkg, "StateMachine"), jen.Error()).Block(body...)

	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, fmt.Errorf("cdkgen: generating the CDK constructor of workflow %q: %w", w.Name, err)
	}
	return buf.Bytes(), nil
}

// exported turns a name into an exported Go identifier (fallback when no
// letter or digit is left).
func exported(name, fallback string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if b.Len() == 0 && unicode.IsDigit(r) {
			b.WriteString(fallback[:1])
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return fallback
	}
	s := b.String()
	if r := []rune(s)[0]; !unicode.IsUpper(r) {
		s = fallback[:1] + s
	}
	return s
}
