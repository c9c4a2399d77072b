package asl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mapState checks a Map state (checklist 3.8).
func (v *validator) mapState(sc *stateCtx) {
	st := sc.st
	sp := sc.at

	// Processor.
	proc, procField := st.ItemProcessor, "ItemProcessor"
	switch {
	case st.ItemProcessor != nil && st.Iterator != nil:
		v.errorf(CodeSchema, ptrJoin(sp, "Iterator"), "There should only be one of the following fields: [ItemProcessor, Iterator]; keep ItemProcessor (Iterator is its deprecated name)")
	case st.ItemProcessor == nil && st.Iterator == nil:
		v.errorf(CodeSchema, sp, "Field 'ItemProcessor' is required: a Map state needs {\"StartAt\": ..., \"States\": {...}} to run for each item")
	case st.ItemProcessor == nil:
		proc, procField = st.Iterator, "Iterator"
		v.warnf(CodeSchema, ptrJoin(sp, "Iterator"), "Field 'Iterator' is deprecated; rename it to 'ItemProcessor'")
	}
	if st.Parameters.IsSet() && sc.ok("Parameters") && !st.ItemSelector.IsSet() {
		v.warnf(CodeSchema, ptrJoin(sp, "Parameters"), "Field 'Parameters' is deprecated in a Map state; rename it to 'ItemSelector'")
	}
	distributed, childExpress := false, sc.scope.express
	if proc != nil && proc.ProcessorConfig != nil {
		pc := proc.ProcessorConfig
		pcp := ptrJoin(ptrJoin(sp, procField), "ProcessorConfig")
		switch pc.Mode {
		case "", ModeInline:
		case ModeDistributed:
			distributed = true
		default:
			v.errorf(CodeSchema, ptrJoin(pcp, "Mode"), "Field 'Mode' is %q: it must be INLINE or DISTRIBUTED%s", pc.Mode, didYouMean(pc.Mode, []string{ModeInline, ModeDistributed}))
		}
		switch pc.ExecutionType {
		case "":
			if distributed {
				v.errorf(CodeSchema, pcp, "Field 'ExecutionType' is required when Mode is DISTRIBUTED: set it to STANDARD or EXPRESS")
			}
		case ExecutionStandard, ExecutionExpress:
			if !distributed {
				v.warnf(CodeSchema, ptrJoin(pcp, "ExecutionType"), "Field 'ExecutionType' has no effect in an INLINE Map; remove it, or set Mode to DISTRIBUTED")
			}
			if distributed && pc.ExecutionType == ExecutionExpress {
				childExpress = true
			}
		default:
			v.errorf(CodeSchema, ptrJoin(pcp, "ExecutionType"), "Field 'ExecutionType' is %q: it must be STANDARD or EXPRESS%s", pc.ExecutionType, didYouMean(pc.ExecutionType, []string{ExecutionStandard, ExecutionExpress}))
		}
		if distributed && sc.scope.express {
			where := "an Express state machine"
			if !v.express {
				where = "the EXPRESS child workflows of a Distributed Map"
			}
			v.errorf(CodeExpressUnsupported, ptrJoin(pcp, "Mode"), "A Distributed Map is not supported in %s; use an INLINE Map, or run it in a Standard workflow", where)
		}
	}

	// Fields only a Distributed Map takes.
	if !distributed {
		for _, f := range []struct {
			name string
			set  bool
		}{
			{"ItemReader", st.ItemReader != nil}, {"ItemBatcher", st.ItemBatcher != nil},
			{"ToleratedFailurePercentage", st.ToleratedFailurePercentage.IsSet()}, {"ToleratedFailurePercentagePath", st.ToleratedFailurePercentagePath != ""},
			{"ToleratedFailureCount", st.ToleratedFailureCount.IsSet()}, {"ToleratedFailureCountPath", st.ToleratedFailureCountPath != ""},
			{"Label", st.Label != ""}, {"ResultWriter", st.ResultWriter != nil},
		} {
			if f.set && sc.ok(f.name) {
				v.errorf(CodeSchema, ptrJoin(sp, f.name), "Field '%s' is only supported in a Distributed Map; set %s.ProcessorConfig.Mode to DISTRIBUTED or remove it", f.name, procField)
			}
		}
	}

	// Item source.
	if st.Items.IsSet() && sc.ok("Items") {
		p := ptrJoin(sp, "Items")
		switch st.Items.Kind {
		case Array, Object:
			v.jsonataField(sc, st.Items, p, jaCtx{field: "Items"})
			v.literalSize(st.Items, p, "Items")
		case String:
			if IsJSONata(st.Items.Str) {
				v.expr(sc, st.Items.Str, p, jaCtx{field: "Items"})
			} else {
				v.errorf(CodeSchema, p, "Field 'Items' is the string %q: it must be a JSON array, a JSON object or a JSONata expression \"{%% ... %%}\"", st.Items.Str)
			}
		default:
			v.errorf(CodeSchema, p, "Field 'Items' is %s: it must be a JSON array, a JSON object or a JSONata expression", kindPhrase(st.Items.Kind))
		}
	}
	if st.ItemsPath != "" && sc.ok("ItemsPath") {
		v.path(sc, st.ItemsPath, ptrJoin(sp, "ItemsPath"), "ItemsPath", pathRef)
	}
	if st.ItemSelector.IsSet() && sc.ok("ItemSelector") {
		p := ptrJoin(sp, "ItemSelector")
		if st.Parameters.IsSet() && sc.ok("Parameters") {
			v.errorf(CodeSchema, p, "There should only be one of the following fields: [ItemSelector, Parameters]; keep ItemSelector (Parameters is its deprecated name in a Map)")
		}
		if sc.lang == JSONata {
			if st.ItemSelector.Kind != Object && !(st.ItemSelector.Kind == String && IsJSONata(st.ItemSelector.Str)) {
				v.errorf(CodeSchema, p, "Field 'ItemSelector' is %s: it must be an object or a JSONata expression", kindPhrase(st.ItemSelector.Kind))
			}
			v.jsonataField(sc, st.ItemSelector, p, jaCtx{field: "ItemSelector"})
		} else {
			v.payloadTemplate(sc, st.ItemSelector, p, "ItemSelector")
		}
	}

	// Concurrency and tolerance.
	if st.MaxConcurrency.IsSet() && sc.ok("MaxConcurrency") {
		p := ptrJoin(sp, "MaxConcurrency")
		if n, ok := v.intField(sc, st.MaxConcurrency, p, "MaxConcurrency", 0, maxSeconds); ok {
			switch {
			case !distributed && n > 40:
				v.warnf(CodeLimit, p, "Field 'MaxConcurrency' is %d, but an INLINE Map runs at most 40 iterations at a time; use 40 or less, or a Distributed Map", n)
			case distributed && n > 10000:
				v.warnf(CodeLimit, p, "Field 'MaxConcurrency' is %d, but a Distributed Map runs at most 10000 child executions at a time; use 10000 or less", n)
			}
		}
	}
	v.pathPair(sc, st.MaxConcurrency.IsSet(), "MaxConcurrency", st.MaxConcurrencyPath, "MaxConcurrencyPath", sp)
	if st.ToleratedFailurePercentage.IsSet() && sc.ok("ToleratedFailurePercentage") {
		v.numberField(sc, st.ToleratedFailurePercentage, ptrJoin(sp, "ToleratedFailurePercentage"), "ToleratedFailurePercentage", 0, 100)
	}
	v.pathPair(sc, st.ToleratedFailurePercentage.IsSet(), "ToleratedFailurePercentage", st.ToleratedFailurePercentagePath, "ToleratedFailurePercentagePath", sp)
	if st.ToleratedFailureCount.IsSet() && sc.ok("ToleratedFailureCount") {
		v.intField(sc, st.ToleratedFailureCount, ptrJoin(sp, "ToleratedFailureCount"), "ToleratedFailureCount", 0, maxSeconds)
	}
	v.pathPair(sc, st.ToleratedFailureCount.IsSet(), "ToleratedFailureCount", st.ToleratedFailureCountPath, "ToleratedFailureCountPath", sp)

	if st.Label != "" && sc.ok("Label") {
		v.label(st.Label, ptrJoin(sp, "Label"))
	}
	if st.ItemReader != nil && sc.ok("ItemReader") {
		v.itemReader(sc, st.ItemReader, ptrJoin(sp, "ItemReader"))
	}
	if st.ItemBatcher != nil && sc.ok("ItemBatcher") {
		v.itemBatcher(sc, st.ItemBatcher, ptrJoin(sp, "ItemBatcher"))
	}
	if st.ResultWriter != nil && sc.ok("ResultWriter") {
		v.resultWriter(sc, st.ResultWriter, ptrJoin(sp, "ResultWriter"))
	}

	// The processors.
	for _, pr := range []struct {
		field string
		s     *Scope
	}{{"ItemProcessor", st.ItemProcessor}, {"Iterator", st.Iterator}} {
		if pr.s == nil {
			continue
		}
		pp := ptrJoin(sp, pr.field)
		ctx := v.child(sc, pp, "item processor", childExpress, sc.scope.distributed, distributed && pr.s == proc)
		ctx.startAtEmpty = pr.s.Empty.Has("StartAt")
		v.scope(ctx, pr.s.StartAt, pr.s.States)
	}
}

// pathPair checks a JSONPath-only Map path field and its pairing with the
// literal field (checklist 3.8.7, 3.8.12–3.8.14).
func (v *validator) pathPair(sc *stateCtx, literalSet bool, literal, path, field, base string) {
	if path == "" || !sc.ok(field) {
		return
	}
	p := ptrJoin(base, field)
	if literalSet && sc.ok(literal) {
		v.errorf(CodeSchema, p, "There should only be one of the following fields: [%s, %s]; keep only one of them", literal, field)
	}
	v.path(sc, path, p, field, pathRefNoCtx)
}

// label checks a Distributed Map Label (checklist 3.8.11, 12.7).
func (v *validator) label(l, p string) {
	if n := utf8.RuneCountInString(l); n > MaxLabelLength {
		v.errorf(CodeInvalidLabelName, p, "Label %q is %d characters long, more than the %d allowed; shorten it", l, n, MaxLabelLength)
	}
	for _, r := range l {
		if unicode.IsSpace(r) || unicode.IsControl(r) || (r >= 0x7f && r <= 0x9f) || strings.ContainsRune("?*<>{}[]:;,\\|^~$#%&`\"", r) {
			v.errorf(CodeInvalidLabelName, p, "Label %q contains %q, which labels may not contain (whitespace, control characters or any of ? * < > { } [ ] : ; , \\ | ^ ~ $ # %% & ` \"); use letters, digits, '-' and '_'", l, r)
			break
		}
	}
	if first, ok := v.labels[l]; ok {
		v.errorf(CodeDuplicateLabelName, p, "Label %q is already used at %s: Map labels must be unique within the state machine; rename one of them", l, first)
	} else {
		v.labels[l] = p
	}
}

var (
	inputTypes     = []string{"CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"}
	manifestTypes  = []string{"ATHENA_DATA", "S3_INVENTORY"}
	csvDelimiters  = []string{"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"}
	readerResource = []string{"arn:aws:states:::s3:getObject", "arn:aws:states:::s3:listObjectsV2"}
)

func inList(s string, l []string) bool {
	for _, x := range l {
		if s == x {
			return true
		}
	}
	return false
}

// s3Action returns the action of an arn:<partition>:states:::s3:<action>
// resource, or "".
func s3Action(r string) string {
	parts := strings.SplitN(r, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || !partitionOK(parts[1]) || parts[2] != "states" {
		return ""
	}
	a, _ := strings.CutPrefix(parts[5], "s3:")
	if a == parts[5] {
		return ""
	}
	return a
}

// readerArgs checks the Parameters/Arguments of an ItemReader or
// ResultWriter, which depend on the query language.
func (v *validator) readerArgs(sc *stateCtx, params, args Value, p string) {
	if params.IsSet() {
		pp := ptrJoin(p, "Parameters")
		if sc.lang == JSONata {
			v.errorf(CodeSchema, pp, "%s", langMismatch(JSONata, "Parameters", "'Arguments'"))
		} else {
			v.payloadTemplate(sc, params, pp, "Parameters")
		}
	}
	if args.IsSet() {
		ap := ptrJoin(p, "Arguments")
		if sc.lang == JSONPath {
			v.errorf(CodeSchema, ap, "%s", langMismatch(JSONPath, "Arguments", "'Parameters'"))
		} else {
			v.jsonataField(sc, args, ap, jaCtx{field: "Arguments"})
		}
	}
}

// itemReader checks a Distributed Map's ItemReader (checklist 3.8.15–16).
func (v *validator) itemReader(sc *stateCtx, r *ItemReader, p string) {
	action := ""
	switch {
	case r.Resource == "" && r.Empty.Has("Resource"):
		// Reported with the other empty fields.
	case r.Resource == "":
		v.errorf(CodeSchema, p, "Field 'Resource' is required in an ItemReader: use %s", strings.Join(readerResource, " or "))
	case strings.Contains(r.Resource, "${"):
	default:
		action = s3Action(r.Resource)
		if action != "getObject" && action != "listObjectsV2" {
			v.errorf(CodeInvalidResource, ptrJoin(p, "Resource"), "ItemReader Resource %q is not supported%s; use %s", r.Resource, didYouMean(r.Resource, readerResource), strings.Join(readerResource, " or "))
			action = ""
		}
	}
	v.readerArgs(sc, r.Parameters, r.Arguments, p)
	rc := r.ReaderConfig
	if rc == nil {
		return
	}
	cp := ptrJoin(p, "ReaderConfig")
	if rc.InputType != "" && !inList(rc.InputType, inputTypes) {
		v.errorf(CodeSchema, ptrJoin(cp, "InputType"), "Field 'InputType' is %q: it must be one of %s%s", rc.InputType, strings.Join(inputTypes, ", "), didYouMean(rc.InputType, inputTypes))
	}
	switch rc.Transformation {
	case "", "NONE":
	case "LOAD_AND_FLATTEN":
		if rc.InputType == "" {
			v.errorf(CodeSchema, ptrJoin(cp, "Transformation"), "Transformation LOAD_AND_FLATTEN requires 'InputType' (the format of the listed objects); add it")
		}
		if action == "getObject" {
			v.errorf(CodeSchema, ptrJoin(cp, "Transformation"), "Transformation LOAD_AND_FLATTEN applies to s3:listObjectsV2 sources only; remove it or list the objects")
		}
	default:
		v.errorf(CodeSchema, ptrJoin(cp, "Transformation"), "Field 'Transformation' is %q: it must be NONE or LOAD_AND_FLATTEN", rc.Transformation)
	}
	switch rc.ManifestType {
	case "":
	case "S3_INVENTORY":
		if rc.InputType != "" {
			v.errorf(CodeSchema, ptrJoin(cp, "InputType"), "Field 'InputType' must not be set with ManifestType S3_INVENTORY (an inventory is read as CSV); remove it")
		}
	case "ATHENA_DATA":
		if rc.InputType == "" {
			v.errorf(CodeSchema, ptrJoin(cp, "ManifestType"), "ManifestType ATHENA_DATA requires 'InputType' (CSV, JSONL or PARQUET); add it")
		} else if !inList(rc.InputType, []string{"CSV", "JSONL", "PARQUET"}) {
			v.errorf(CodeSchema, ptrJoin(cp, "InputType"), "InputType %q cannot be used with ManifestType ATHENA_DATA; use CSV, JSONL or PARQUET", rc.InputType)
		}
	default:
		v.errorf(CodeSchema, ptrJoin(cp, "ManifestType"), "Field 'ManifestType' is %q: it must be ATHENA_DATA or S3_INVENTORY", rc.ManifestType)
	}
	csvLike := rc.InputType == "CSV" || rc.InputType == "MANIFEST" || rc.ManifestType == "S3_INVENTORY"
	switch rc.CSVHeaderLocation {
	case "":
	case "FIRST_ROW", "GIVEN":
		if !csvLike {
			v.errorf(CodeSchema, ptrJoin(cp, "CSVHeaderLocation"), "Field 'CSVHeaderLocation' only applies to CSV and MANIFEST input; remove it or set InputType to CSV")
		}
	default:
		v.errorf(CodeSchema, ptrJoin(cp, "CSVHeaderLocation"), "Field 'CSVHeaderLocation' is %q: it must be FIRST_ROW or GIVEN", rc.CSVHeaderLocation)
	}
	if rc.CSVHeaderLocation == "GIVEN" && len(rc.CSVHeaders) == 0 {
		v.errorf(CodeSchema, ptrJoin(cp, "CSVHeaders"), "CSVHeaderLocation GIVEN requires a non-empty 'CSVHeaders' list of column names; add it")
	}
	if len(rc.CSVHeaders) > 0 {
		size := 0
		for _, h := range rc.CSVHeaders {
			size += len(h) + 1
		}
		if size > 10<<10 {
			v.warnf(CodeLimit, ptrJoin(cp, "CSVHeaders"), "CSVHeaders hold %d bytes, more than the 10 KiB AWS reads; shorten them", size)
		}
		if rc.CSVHeaderLocation != "GIVEN" {
			v.warnf(CodeSchema, ptrJoin(cp, "CSVHeaders"), "Field 'CSVHeaders' is only used with CSVHeaderLocation GIVEN; set it, or remove the headers")
		}
	}
	if rc.CSVDelimiter != "" {
		switch {
		case !inList(rc.CSVDelimiter, csvDelimiters):
			v.errorf(CodeSchema, ptrJoin(cp, "CSVDelimiter"), "Field 'CSVDelimiter' is %q: it must be one of %s%s", rc.CSVDelimiter, strings.Join(csvDelimiters, ", "), didYouMean(rc.CSVDelimiter, csvDelimiters))
		case !csvLike:
			v.errorf(CodeSchema, ptrJoin(cp, "CSVDelimiter"), "Field 'CSVDelimiter' only applies to CSV and MANIFEST input; remove it or set InputType to CSV")
		}
	}
	if rc.ItemsPointer != "" {
		ip := ptrJoin(cp, "ItemsPointer")
		switch {
		case rc.InputType != "JSON":
			v.errorf(CodeSchema, ip, "Field 'ItemsPointer' only applies to JSON input; set InputType to JSON or remove it")
		case !strings.HasPrefix(rc.ItemsPointer, "/"):
			v.errorf(CodeSchema, ip, "Field 'ItemsPointer' is %q, which is not a JSON Pointer: it must start with '/', e.g. \"/data/items\"", rc.ItemsPointer)
		case len(rc.ItemsPointer) >= 2000:
			v.errorf(CodeLimit, ip, "Field 'ItemsPointer' is %d characters long; it must be shorter than 2000", len(rc.ItemsPointer))
		}
	}
	if rc.InputType == "PARQUET" && hasKey(r.Parameters, r.Arguments, "VersionId") {
		v.errorf(CodeSchema, p, "PARQUET input does not support 'VersionId'; remove it from the reader's arguments")
	}
	if rc.MaxItems.IsSet() {
		// AWS accepts 0 (its language service's schema has "minimum": 0,
		// and aws-samples deploy it) and reads every item then, as
		// without the field (measured, floci#3732; LocalStack does the
		// same). A negative number is refused.
		mp := ptrJoin(cp, "MaxItems")
		if n, ok := v.intField(sc, rc.MaxItems, mp, "MaxItems", 0, 100000000); ok && n == 0 {
			v.warnf(CodeSchema, mp, "Field 'MaxItems' is 0, which does not limit anything: the Map reads every item, as without the field; remove it, or give the number of items to read (1 to 100000000)")
		}
	}
	if rc.MaxItemsPath != "" {
		mp := ptrJoin(cp, "MaxItemsPath")
		switch {
		case sc.lang == JSONata:
			v.errorf(CodeSchema, mp, "%s", langMismatch(JSONata, "MaxItemsPath", "'MaxItems' with a JSONata expression"))
		default:
			if rc.MaxItems.IsSet() {
				v.errorf(CodeSchema, mp, "There should only be one of the following fields: [MaxItems, MaxItemsPath]; keep only one of them")
			}
			v.path(sc, rc.MaxItemsPath, mp, "MaxItemsPath", pathRefNoCtx)
		}
	}
}

// hasKey reports whether either object has key (or key.$).
func hasKey(a, b Value, key string) bool {
	for _, o := range []Value{a, b} {
		if _, ok := o.Get(key); ok {
			return true
		}
		if _, ok := o.Get(key + ".$"); ok {
			return true
		}
	}
	return false
}

// itemBatcher checks a Distributed Map's ItemBatcher (checklist 3.8.17).
func (v *validator) itemBatcher(sc *stateCtx, b *ItemBatcher, p string) {
	if !b.MaxItemsPerBatch.IsSet() && b.MaxItemsPerBatchPath == "" && !b.MaxInputBytesPerBatch.IsSet() && b.MaxInputBytesPerBatchPath == "" {
		v.errorf(CodeSchema, p, "An ItemBatcher needs at least one of MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch or MaxInputBytesPerBatchPath; add one")
	}
	if b.MaxItemsPerBatch.IsSet() {
		v.intField(sc, b.MaxItemsPerBatch, ptrJoin(p, "MaxItemsPerBatch"), "MaxItemsPerBatch", 1, maxSeconds)
	}
	if b.MaxInputBytesPerBatch.IsSet() {
		v.intField(sc, b.MaxInputBytesPerBatch, ptrJoin(p, "MaxInputBytesPerBatch"), "MaxInputBytesPerBatch", 1, MaxPayloadBytes)
	}
	for _, pr := range []struct {
		lit   string
		set   bool
		field string
		path  string
	}{{"MaxItemsPerBatch", b.MaxItemsPerBatch.IsSet(), "MaxItemsPerBatchPath", b.MaxItemsPerBatchPath}, {"MaxInputBytesPerBatch", b.MaxInputBytesPerBatch.IsSet(), "MaxInputBytesPerBatchPath", b.MaxInputBytesPerBatchPath}} {
		if pr.path == "" {
			continue
		}
		fp := ptrJoin(p, pr.field)
		if sc.lang == JSONata {
			v.errorf(CodeSchema, fp, "%s", langMismatch(JSONata, pr.field, "'"+pr.lit+"' with a JSONata expression"))
			continue
		}
		if pr.set {
			v.errorf(CodeSchema, fp, "There should only be one of the following fields: [%s, %s]; keep only one of them", pr.lit, pr.field)
		}
		v.path(sc, pr.path, fp, pr.field, pathRefNoCtx)
	}
	if b.BatchInput.IsSet() {
		bp := ptrJoin(p, "BatchInput")
		if sc.lang == JSONata {
			v.jsonataField(sc, b.BatchInput, bp, jaCtx{field: "BatchInput"})
		} else {
			v.payloadTemplate(sc, b.BatchInput, bp, "BatchInput")
		}
	}
}

// resultWriter checks a Distributed Map's ResultWriter (checklist 3.8.18).
func (v *validator) resultWriter(sc *stateCtx, w *ResultWriter, p string) {
	args := w.Parameters.IsSet() || w.Arguments.IsSet()
	switch {
	case w.Resource == "" && w.Empty.Has("Resource"):
		// Reported with the other empty fields.
	case w.Resource == "" && !args && w.WriterConfig == nil:
		v.errorf(CodeSchema, p, "The ResultWriter is empty: give Resource \"arn:aws:states:::s3:putObject\" with Bucket and Prefix, a WriterConfig, or both; or remove it")
	case w.Resource == "" && args:
		v.errorf(CodeSchema, p, "A ResultWriter with Parameters or Arguments needs Resource \"arn:aws:states:::s3:putObject\"; add it")
	case w.Resource != "" && !args:
		v.errorf(CodeSchema, p, "A ResultWriter with a Resource needs the Bucket and Prefix to write to (in %s); add them", map[bool]string{true: "Arguments", false: "Parameters"}[sc.lang == JSONata])
	}
	if w.Resource != "" && !strings.Contains(w.Resource, "${") && s3Action(w.Resource) != "putObject" {
		v.errorf(CodeInvalidResource, ptrJoin(p, "Resource"), "ResultWriter Resource %q is not supported; use \"arn:aws:states:::s3:putObject\"", w.Resource)
	}
	v.readerArgs(sc, w.Parameters, w.Arguments, p)
	if wc := w.WriterConfig; wc != nil {
		wp := ptrJoin(p, "WriterConfig")
		switch wc.OutputType {
		case "":
			if wc.Empty.Has("OutputType") {
				break // reported with the other empty fields
			}
			v.warnf(CodeSchema, wp, "WriterConfig has no 'OutputType'; set it to JSON or JSONL")
		case "JSON", "JSONL":
		default:
			v.errorf(CodeSchema, ptrJoin(wp, "OutputType"), "Field 'OutputType' is %q: it must be JSON or JSONL", wc.OutputType)
		}
		switch wc.Transformation {
		case "", "NONE", "COMPACT", "FLATTEN":
		default:
			v.errorf(CodeSchema, ptrJoin(wp, "Transformation"), "Field 'Transformation' is %q: it must be NONE, COMPACT or FLATTEN", wc.Transformation)
		}
	}
}
