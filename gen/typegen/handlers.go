package typegen

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
)

// localPkg is the executor's import path.
const localPkg = "github.com/goasl/goasl/local"

// handlerField is one typed task of a workflow.
type handlerField struct {
	state   string // the state name
	field   string // the Go field name
	handler string // the handler type's name
}

// handlers writes the workflow's Handlers struct: one field per typed task,
// and the LocalHandlers method that plugs it into the executor (package
// local, sfntest). A nil field is an error naming it.
func (g *generator) handlers(fields []handlerField) {
	if len(fields) == 0 {
		return
	}
	id := g.names.name(g.wf + "Handlers")
	var fs []jen.Code
	for _, f := range fields {
		fs = append(fs, jen.Comment(fmt.Sprintf("%s answers state %s.", f.field, strconv.Quote(f.state))))
		fs = append(fs, jen.Id(f.field).Id(f.handler))
	}
	g.f.Comment(fmt.Sprintf("%s holds the Go handlers of the typed tasks of workflow %s, to run it locally", id, strconv.Quote(g.workflowName)))
	g.f.Comment("(package github.com/goasl/goasl/local, or sfntest.Run).")
	g.f.Type().Id(id).Struct(fs...)
	var body []jen.Code
	body = append(body, jen.Id("m").Op(":=").Make(jen.Map(jen.String()).Qual(localPkg, "Handler"), jen.Lit(len(fields))))
	for _, f := range fields {
		msg := fmt.Sprintf("workflow %s: %s.%s is nil: give state %s a handler", strconv.Quote(g.workflowName), id, f.field, strconv.Quote(f.state))
		body = append(body,
			jen.If(jen.Id("h").Dot(f.field).Op("==").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(msg))),
			),
			jen.Id("m").Index(jen.Lit(f.state)).Op("=").Qual(localPkg, "Typed").Call(jen.Id("h").Dot(f.field)),
		)
	}
	body = append(body, jen.Return(jen.Id("m"), jen.Nil()))
	g.f.Comment("LocalHandlers returns the handlers by state name; a nil field is an error that names it.")
	g.f.Func().Params(jen.Id("h").Id(id)).Id("LocalHandlers").Params().
		Params(jen.Map(jen.String()).Qual(localPkg, "Handler"), jen.Error()).Block(body...)
}
