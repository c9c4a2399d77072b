package dslgen

import "github.com/dave/jennifer/jen"

// SDKTypes maps an AWS SDK integration's service and action ("s3",
// "getObject") to the import path of its AWS SDK for Go v2 package and
// the Go name of the operation ("github.com/aws/aws-sdk-go-v2/service/s3",
// "GetObject"), so that the call is written in its typed form,
// dsl.AWSSDK[s3.GetObjectInput, s3.GetObjectOutput](...). It must say ok
// only when that form names the same service and action again, and when
// the package is one the generated code can import (its module is in the
// go.mod of the code's module). A false ok keeps the untyped dsl.SDK.
type SDKTypes func(service, action string) (pkg, op string, ok bool)

// sdkCall writes the call of an AWS SDK integration: typed when the
// workflow's SDKTypes maps it.
func (g *gen) sdkCall(svc, action string, obj jen.Code) *jen.Statement {
	if g.w.SDKTypes != nil {
		if pkg, op, ok := g.w.SDKTypes(svc, action); ok {
			return dslID("AWSSDK").Types(jen.Qual(pkg, op+"Input"), jen.Qual(pkg, op+"Output")).Call(obj)
		}
	}
	return dslID("SDK").Call(jen.Lit(svc), jen.Lit(action), obj)
}
