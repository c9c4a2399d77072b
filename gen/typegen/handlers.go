package typegen

import (
	"fmt"
	"strconv"

	"github.com/dave/jennifer/jen"
)

// handlerField is one typed task of a workflow.
type handlerField struct {
	state   string // the state name
	field   string // the Go field name
	handler string // the handler type's name
}

// handlers writes the workflow's Handlers struct: one field per typed task,
// and the TaskHandlers method that lists them by state name for the
// executor (sfntest.Run, local.HandlerOf). A nil field is an error naming
// it. The generated code does not import the executor: a workflow package
// is imported by the Lambda functions it types, which must not carry it.
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
	g.f.Comment("(sfntest.Run, or package github.com/goasl/goasl/local through local.HandlerOf).")
	g.f.Type().Id(id).Struct(fs...)
	var body []jen.Code
	body = append(body, jen.Id("m").Op(":=").Make(jen.Map(jen.String()).Any(), jen.Lit(len(fields))))
	for _, f := range fields {
		msg := fmt.Sprintf("workflow %s: %s.%s is nil: give state %s a handler", strconv.Quote(g.workflowName), id, f.field, strconv.Quote(f.state))
		body = append(body,
			jen.If(jen.Id("h").Dot(f.field).Op("==").Nil()).Block(
				jen.Return(jen.Nil(), jen.Qual("errors", "New").Call(jen.Lit(msg))),
			),
			jen.Id("m").Index(jen.Lit(f.state)).Op("=").Id("h").Dot(f.field),
		)
	}
	body = append(body, jen.Return(jen.Id("m"), jen.Nil()))
	g.f.Comment("TaskHandlers returns the handlers by state name; a nil field is an error that names it.")
	g.f.Func().Params(jen.Id("h").Id(id)).Id("TaskHandlers").Params().
		Params(jen.Map(jen.String()).Any(), jen.Error()).Block(body...)
}
