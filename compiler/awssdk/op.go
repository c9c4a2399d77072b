package awssdk

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goasl/goasl/compiler/flow"
	"github.com/goasl/goasl/compiler/iam"
)

// ServicePrefix is the import path prefix of the AWS SDK for Go v2 service
// packages.
const ServicePrefix = "github.com/aws/aws-sdk-go-v2/service/"

// Operation is one AWS API call as the Step Functions AWS SDK integration
// makes it.
type Operation struct {
	// Package is the import path of the SDK service package
	// ("github.com/aws/aws-sdk-go-v2/service/s3") and Name the operation's
	// Go name ("GetObject").
	Package, Name string
	// Service is the integration's service name ("s3") and Action the
	// API action in camelCase ("getObject").
	Service, Action string
	// IAMActions are the IAM actions the call needs (["s3:GetObject"]).
	IAMActions []string
	// Input is the JSON type of the Parameters (or Arguments): an object
	// whose required members are not optional. Output is the JSON type of
	// the result.
	Input, Output *flow.Type
	// InputType and OutputType are the SDK structs.
	InputType, OutputType reflect.Type
	// DocsErr says why the required members could not be read (Input then
	// marks none required); nil when they were.
	DocsErr error
}

// Resource returns the Task resource of the call:
// arn:aws:states:::aws-sdk:<service>:<action>.
func (o *Operation) Resource() string {
	return "arn:aws:states:::aws-sdk:" + o.Service + ":" + o.Action
}

// GoName names the input struct as Go code does: "s3.GetObjectInput".
func (o *Operation) GoName() string { return o.InputType.String() }

// serviceNames are the SDK for Go v2 packages whose Step Functions service
// name is another word: the integration's names follow the service list
// of the Step Functions developer guide, the Go package names drop or add
// a "service" suffix for these.
var serviceNames = map[string]string{
	"applicationdiscoveryservice":   "applicationdiscovery",
	"configservice":                 "config",
	"costandusagereportservice":     "costandusagereport",
	"databasemigrationservice":      "databasemigration",
	"directoryservice":              "directory",
	"elasticsearchservice":          "elasticsearch",
	"lexmodelbuildingservice":       "lexmodelbuilding",
	"lexruntimeservice":             "lexruntime",
	"marketplaceentitlementservice": "marketplaceentitlement",
}

// goPackages is serviceNames the other way round.
var goPackages = func() map[string]string {
	m := make(map[string]string, len(serviceNames))
	for pkg, svc := range serviceNames {
		m[svc] = pkg
	}
	return m
}()

// ServiceName returns the Step Functions service name of an SDK for Go v2
// package name ("configservice" → "config").
func ServiceName(goPackage string) string {
	if s, ok := serviceNames[goPackage]; ok {
		return s
	}
	return goPackage
}

// GoPackage returns the import path of the SDK for Go v2 package of a
// Step Functions service name ("config" →
// "github.com/aws/aws-sdk-go-v2/service/configservice").
func GoPackage(service string) string {
	if p, ok := goPackages[service]; ok {
		return ServicePrefix + p
	}
	return ServicePrefix + service
}

// GoOperation returns the Go name of an action ("getObject" →
// "GetObject").
func GoOperation(action string) string {
	r, n := utf8.DecodeRuneInString(action)
	return string(unicode.ToUpper(r)) + action[n:]
}

// ActionName returns the integration's action of a Go operation name
// ("GetObject" → "getObject").
func ActionName(op string) string {
	r, n := utf8.DecodeRuneInString(op)
	return string(unicode.ToLower(r)) + op[n:]
}

// Lookup reads the operation whose input and output structs are in and
// out. Pointers to the structs are taken as the structs. docs tells the
// required members; with a nil docs none is required and DocsErr says so.
// The error explains types that are not an SDK operation's pair.
func Lookup(in, out reflect.Type, docs Docs) (*Operation, error) {
	in, out = deref(in), deref(out)
	if in == nil || out == nil {
		return nil, fmt.Errorf("the input and output types of an AWS SDK call must be given: use the <Op>Input and <Op>Output structs of a %s<name> package", ServicePrefix)
	}
	pkg := in.PkgPath()
	name := in.Name()
	if in.Kind() != reflect.Struct || !strings.HasPrefix(pkg, ServicePrefix) || strings.Contains(strings.TrimPrefix(pkg, ServicePrefix), "/") ||
		!strings.HasSuffix(name, "Input") || name == "Input" {
		return nil, fmt.Errorf("%s is not the input of an AWS SDK for Go v2 operation: use an <Op>Input struct of a %s<name> package, such as s3.GetObjectInput", in, ServicePrefix)
	}
	op := strings.TrimSuffix(name, "Input")
	if out.PkgPath() != pkg || out.Name() != op+"Output" || out.Kind() != reflect.Struct {
		return nil, fmt.Errorf("%s is not the output of %s: the operation %s returns %s.%sOutput", out, in, op, pkgName(pkg), op)
	}
	o := &Operation{
		Package:    pkg,
		Name:       op,
		Service:    ServiceName(pkgName(pkg)),
		Action:     ActionName(op),
		InputType:  in,
		OutputType: out,
	}
	o.IAMActions = iam.SDKActions(o.Service, o.Action)
	if docs == nil {
		o.DocsErr = fmt.Errorf("no source of the SDK's documentation was given")
	}
	if o.DocsErr == nil {
		// Read the input's docs first: an error there is the one to
		// report, the shapes are built without required members then.
		if _, err := docs.Required(pkg, in.Name()); err != nil {
			o.DocsErr = err
			docs = nil
		}
	}
	// Parameters enumerate the unions' members, to check them; results
	// keep unions as any, as Go code generated for them cannot decode an
	// interface.
	si := &shaper{docs: docs, done: map[reflect.Type]*flow.Type{}, unions: true}
	so := &shaper{docs: docs, done: map[reflect.Type]*flow.Type{}}
	o.Input = si.of(in)
	o.Output = so.of(out)
	for _, err := range []error{si.err, so.err} {
		if o.DocsErr == nil && err != nil {
			o.DocsErr = err
		}
	}
	return o, nil
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func pkgName(path string) string { return path[strings.LastIndexByte(path, '/')+1:] }
