package dslgen

import (
	"github.com/dave/jennifer/jen"

	"github.com/goasl/goasl/asl"
)

// mapFields writes a Map state's own fields.
func (g *gen) mapFields(st *asl.State, m mode, ptr string) []call {
	var calls []call
	proc, field := st.ItemProcessor, "/ItemProcessor"
	if proc == nil {
		proc, field = st.Iterator, "/Iterator"
	}
	if proc != nil && proc.ProcessorConfig != nil {
		pc := proc.ProcessorConfig
		cp := ptr + field + "/ProcessorConfig"
		switch pc.Mode {
		case asl.ModeInline:
			if pc.ExecutionType != "" {
				g.errf(cp+"/ExecutionType", "an INLINE Map with an ExecutionType: dsl's Inline writes none")
			}
			calls = append(calls, c("Inline"))
		case asl.ModeDistributed:
			var et jen.Code
			switch pc.ExecutionType {
			case asl.ExecutionStandard:
				et = dslID("ExecutionStandard")
			case asl.ExecutionExpress:
				et = dslID("ExecutionExpress")
			default:
				et = dslID("ExecutionType").Call(jen.Lit(pc.ExecutionType))
			}
			calls = append(calls, c("Distributed", et))
		default:
			g.errf(cp+"/Mode", "Mode %q: dsl writes a ProcessorConfig with Mode INLINE or DISTRIBUTED only", pc.Mode)
		}
	}
	if st.ItemsPath != "" {
		calls = append(calls, c("ItemsPath", jen.Lit(st.ItemsPath)))
	}
	if st.Items.IsSet() {
		calls = append(calls, c("Items", g.value(st.Items, m)))
	}
	if st.ItemSelector.IsSet() {
		calls = append(calls, c("ItemSelector", g.value(st.ItemSelector, m)))
	}
	calls = append(calls, g.count(st.MaxConcurrency, st.MaxConcurrencyPath, ptr, "MaxConcurrency", false)...)
	calls = append(calls, g.count(st.ToleratedFailurePercentage, st.ToleratedFailurePercentagePath, ptr, "ToleratedFailurePercentage", true)...)
	calls = append(calls, g.count(st.ToleratedFailureCount, st.ToleratedFailureCountPath, ptr, "ToleratedFailureCount", false)...)
	if st.Label != "" {
		calls = append(calls, c("Label", jen.Lit(st.Label)))
	}
	if st.ItemReader != nil {
		if r, ok := g.itemReader(st.ItemReader, m, ptr+"/ItemReader"); ok {
			calls = append(calls, c("ItemReader", r))
		}
	}
	if st.ItemBatcher != nil {
		calls = append(calls, c("ItemBatcher", g.itemBatcher(st.ItemBatcher, m, ptr+"/ItemBatcher")))
	}
	if st.ResultWriter != nil {
		if w, ok := g.resultWriter(st.ResultWriter, m, ptr+"/ResultWriter"); ok {
			calls = append(calls, c("ResultWriter", w))
		}
	}
	return calls
}

// count writes a number field of a Map, ItemReader or ItemBatcher that may
// also be a path or a JSONata expression. method is the setter's name,
// also used for its Path and Expr forms.
func (g *gen) count(v asl.Value, path, ptr, method string, float bool) []call {
	return g.countAs(v, path, ptr, method, method, float)
}

// countAs is count for a setter whose name is not the field's.
func (g *gen) countAs(v asl.Value, path, ptr, field, method string, float bool) []call {
	num, what := intCode, "a whole number"
	if float {
		num, what = floatCode, "a number"
	}
	return g.numberField(v, path, ptr, field, method, num, what)
}

// seconds writes a duration field that may also be a path or a JSONata
// expression: Timeout, Heartbeat, and Wait's For.
func (g *gen) seconds(v asl.Value, path, ptr, field, method string) []call {
	return g.numberField(v, path, ptr, field, method, durationCode, "a whole number of seconds")
}

// numberField writes a field that takes a number (written by num, which
// fails for numbers the setter cannot take: what says what it takes), a
// ${Name} placeholder (the setter's Ref form), a JSONata expression (its
// Expr form) or, from the field's *Path twin, a path (its Path form).
func (g *gen) numberField(v asl.Value, path, ptr, field, method string, num func(asl.Value) (jen.Code, bool), what string) []call {
	var calls []call
	if v.IsSet() {
		switch {
		case v.Kind == asl.Number:
			if n, ok := num(v); ok {
				calls = append(calls, c(method, n))
			} else {
				g.errf(ptr+"/"+field, "%s: %s takes %s", describe(v), method, what)
			}
		case v.Kind == asl.String && placeholderRe.MatchString(v.Str):
			name, _ := refName(v.Str)
			calls = append(calls, c(method+"Ref", dslID("Ref").Call(jen.Lit(name))))
		case v.Kind == asl.String && asl.IsJSONata(v.Str):
			if e, ok := exprText(v.Str); ok {
				calls = append(calls, c(method+"Expr", dslID("Expr").Call(jen.Lit(e))))
			} else {
				g.errf(ptr+"/"+field, "the JSONata expression %q has spaces dsl.Expr does not keep: write it as \"{%% expr %%}\"", v.Str)
			}
		default:
			g.errf(ptr+"/"+field, "%s: dsl writes %s as a number, a path or a JSONata expression", describe(v), field)
		}
	}
	if path != "" {
		calls = append(calls, c(method+"Path", jen.Lit(path)))
	}
	return calls
}

// ioPayload picks the Parameters (JSONPath) or Arguments (JSONata) of an
// ItemReader or ResultWriter; ok is false when the other one is set, or the
// payload is an empty object (which the compiler would not write).
func (g *gen) ioPayload(params, args asl.Value, m mode, ptr string) (asl.Value, bool) {
	want, other, wantName, otherName := params, args, "Parameters", "Arguments"
	if m == jsonata {
		want, other, wantName, otherName = args, params, "Arguments", "Parameters"
	}
	if other.IsSet() {
		g.errf(ptr+"/"+otherName, "dsl writes %s here, from the state's query language", wantName)
		return asl.Value{}, false
	}
	if want.IsSet() && (want.Kind != asl.Object || len(want.Members) == 0) {
		g.errf(ptr+"/"+wantName, "%s: dsl writes %s as a non-empty object", describe(want), wantName)
		return asl.Value{}, false
	}
	return want, true
}

func (g *gen) itemReader(r *asl.ItemReader, m mode, ptr string) (jen.Code, bool) {
	payload, ok := g.ioPayload(r.Parameters, r.Arguments, m, ptr)
	if !ok {
		return nil, false
	}
	ps := g.params(payload, m)
	var base *jen.Statement
	helper := func(fn, k1, k2 string) bool {
		if !hasKey(payload, k1) || !hasKey(payload, k2) {
			return false
		}
		a, rest, _ := take(ps, k1)
		b, rest, _ := take(rest, k2)
		ps = rest
		base = dslID(fn).Call(a, b)
		return true
	}
	switch {
	case r.Resource == "arn:aws:states:::s3:getObject" && helper("ReadS3Object", "Bucket", "Key"):
	case r.Resource == "arn:aws:states:::s3:listObjectsV2" && helper("ListS3Objects", "Bucket", "Prefix"):
	default:
		var obj jen.Code = jen.Nil()
		if payload.IsSet() {
			obj = g.object(payload, m)
		}
		ps = nil
		base = dslID("NewItemReader").Call(jen.Lit(r.Resource), obj)
	}
	calls := withCalls("", ps)
	if rc := r.ReaderConfig; rc != nil {
		cp := ptr + "/ReaderConfig"
		n := len(calls)
		if rc.InputType != "" {
			calls = append(calls, c("InputType", enum("InputType", rc.InputType, map[string]string{"CSV": "InputCSV", "JSON": "InputJSON", "JSONL": "InputJSONL", "PARQUET": "InputParquet", "MANIFEST": "InputManifest"})))
		}
		switch rc.Transformation {
		case "":
		case "LOAD_AND_FLATTEN":
			calls = append(calls, c("LoadAndFlatten"))
		default:
			calls = append(calls, c("Transformation", jen.Lit(rc.Transformation)))
		}
		if rc.ManifestType != "" {
			calls = append(calls, c("ManifestType", enum("ManifestType", rc.ManifestType, map[string]string{"ATHENA_DATA": "ManifestAthenaData", "S3_INVENTORY": "ManifestS3Inventory"})))
		}
		if rc.CSVHeaderLocation != "" {
			calls = append(calls, c("CSVHeaderLocation", enum("CSVHeaderLocation", rc.CSVHeaderLocation, map[string]string{"FIRST_ROW": "HeaderFirstRow", "GIVEN": "HeaderGiven"})))
		}
		if rc.CSVHeaders != nil {
			var hs []jen.Code
			for _, h := range rc.CSVHeaders {
				hs = append(hs, jen.Lit(h))
			}
			calls = append(calls, c("CSVHeaders", hs...))
		}
		if rc.CSVDelimiter != "" {
			calls = append(calls, c("CSVDelimiter", enum("CSVDelimiter", rc.CSVDelimiter, map[string]string{"COMMA": "DelimiterComma", "PIPE": "DelimiterPipe", "SEMICOLON": "DelimiterSemicolon", "SPACE": "DelimiterSpace", "TAB": "DelimiterTab"})))
		}
		if rc.ItemsPointer != "" {
			calls = append(calls, c("ItemsPointer", jen.Lit(rc.ItemsPointer)))
		}
		calls = append(calls, g.countAs(rc.MaxItems, rc.MaxItemsPath, cp, "MaxItems", "MaxItems", false)...)
		if len(calls) == n {
			calls = append(calls, c("KeepEmptyConfig"))
		}
	}
	return chain(base, calls), true
}

// enum writes a string as dsl's constant for it, or as a conversion.
func enum(typ, s string, consts map[string]string) jen.Code {
	if n, ok := consts[s]; ok {
		return dslID(n)
	}
	return dslID(typ).Call(jen.Lit(s))
}

func (g *gen) itemBatcher(b *asl.ItemBatcher, m mode, ptr string) jen.Code {
	var calls []call
	calls = append(calls, g.countAs(b.MaxItemsPerBatch, b.MaxItemsPerBatchPath, ptr, "MaxItemsPerBatch", "MaxItems", false)...)
	calls = append(calls, g.countAs(b.MaxInputBytesPerBatch, b.MaxInputBytesPerBatchPath, ptr, "MaxInputBytesPerBatch", "MaxBytes", false)...)
	if b.BatchInput.IsSet() {
		calls = append(calls, c("BatchInput", g.value(b.BatchInput, m)))
	}
	return chain(dslID("Batch").Call(), calls)
}

func (g *gen) resultWriter(w *asl.ResultWriter, m mode, ptr string) (jen.Code, bool) {
	payload, ok := g.ioPayload(w.Parameters, w.Arguments, m, ptr)
	if !ok {
		return nil, false
	}
	ps := g.params(payload, m)
	var base *jen.Statement
	switch {
	case w.Resource == "arn:aws:states:::s3:putObject" && hasKey(payload, "Bucket") && hasKey(payload, "Prefix"):
		a, rest, _ := take(ps, "Bucket")
		b, rest, _ := take(rest, "Prefix")
		ps = rest
		base = dslID("WriteResultsToS3").Call(a, b)
	case w.Resource == "" && !payload.IsSet():
		base = dslID("ResultsConfig").Call()
	default:
		g.errf(ptr+"/Resource", "dsl writes a ResultWriter with s3:putObject and Bucket and Prefix (dsl.WriteResultsToS3), or with no Resource (dsl.ResultsConfig)")
		return nil, false
	}
	calls := withCalls("", ps)
	if wc := w.WriterConfig; wc != nil {
		if wc.OutputType == "" && wc.Transformation == "" {
			g.errf(ptr+"/WriterConfig", "an empty WriterConfig: dsl writes WriterConfig only when a field is set; remove it")
		}
		if wc.OutputType != "" {
			calls = append(calls, c("OutputType", jen.Lit(wc.OutputType)))
		}
		if wc.Transformation != "" {
			calls = append(calls, c("Transformation", jen.Lit(wc.Transformation)))
		}
	}
	return chain(base, calls), true
}
