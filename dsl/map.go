package dsl

import (
	"github.com/goasl/goasl/internal/ir"
)

// MapState is a Map state: it runs its item processor once for each item
// of an array (or each key of an object), inline or, in Distributed mode,
// as child executions over data in S3.
//
//dsl:mixin m base io assign next resultPath parameters handling
type MapState struct{ c *core }

// Map adds a Map state. Add the states run for each item with Processor.
func (s *Scope) Map(name string) *MapState {
	st := s.add(name, "Map", 0)
	m := &MapState{&core{st: st, w: s.w}}
	return m
}

// Processor sets the ItemProcessor: it calls build with the scope whose
// states run for each item, and returns m, so the Map's own fields may
// follow:
//
//	wf.Map("Lines").ItemsPath("$.lines").
//		Processor(func(line *dsl.Scope) { line.Task("Price", dsl.Lambda(dsl.Ref("PriceFn")).End()) }).
//		ResultPath("$.priced")
//
// Calling it again adds more states to the same scope.
func (m *MapState) Processor(build func(items *Scope)) *MapState {
	return m.processor(ir.ScopeProcessor, build)
}

// Iterator is Processor written as the deprecated Iterator field, for
// workflows that must keep it.
func (m *MapState) Iterator(build func(items *Scope)) *MapState {
	return m.processor(ir.ScopeIterator, build)
}

func (m *MapState) processor(kind ir.ScopeKind, build func(*Scope)) *MapState {
	pos := ir.Caller(1)
	if m.c.st.Processor == nil {
		m.c.st.Processor = &ir.Scope{Kind: kind, Owner: m.c.st, Pos: pos}
	} else if m.c.st.Processor.Kind != kind {
		addError(m.c.w, m.c.st, "ItemProcessor", pos, "the Map already has an ItemProcessor or Iterator: use only one of Processor and Iterator")
		return m
	}
	if build == nil {
		addError(m.c.w, m.c.st, "ItemProcessor", pos, "Processor(nil): pass a function that adds the states run for each item, e.g. func(items *dsl.Scope) { items.Pass(\"P\").End() }")
		return m
	}
	build(&Scope{s: m.c.st.Processor, w: m.c.w})
	return m
}

// DeclareItem declares t as the type of each item the Map iterates over,
// which its ItemSelector and item processor then see. Without it the item
// type is inferred from the array the Map reads. Over an object, AWS runs
// one iteration per member, and each item is the pair {"Key": name,
// "Value": member}: declare a struct of that shape, or select an array.
func (m *MapState) DeclareItem(t GoType) *MapState {
	if m == nil {
		return m
	}
	declareItem(m.c.st, t)
	return m
}

// MapMode is a Map processor's mode.
type MapMode string

// Map modes.
const (
	Inline      MapMode = "INLINE"
	Distributed MapMode = "DISTRIBUTED"
)

// ExecutionType is the type of a Distributed Map's child executions.
type ExecutionType string

// Child execution types.
const (
	ExecutionStandard ExecutionType = "STANDARD"
	ExecutionExpress  ExecutionType = "EXPRESS"
)

// Inline writes ProcessorConfig with Mode INLINE (the default when no
// ProcessorConfig is given).
func (m *MapState) Inline() *MapState {
	m.c.st.Mode = string(Inline)
	m.c.st.ExecutionType = ""
	return m
}

// Distributed runs each item (or batch) as a child execution of type t.
func (m *MapState) Distributed(t ExecutionType) *MapState {
	m.c.st.Mode = string(Distributed)
	m.c.st.ExecutionType = string(t)
	return m
}

// ItemsPath selects the array (or object) to iterate over (JSONPath). It may
// read the context object ($$).
func (m *MapState) ItemsPath(p Path) *MapState {
	m.c.st.Items = m.c.val(p)
	return m
}

// Items sets what to iterate over (JSONata): an Expr, an array or an object.
func (m *MapState) Items(v any) *MapState {
	m.c.st.Items = m.c.val(v)
	return m
}

// ItemSelector builds the input of each iteration from the item
// ($$.Map.Item.Value or $states.context.Map.Item.Value) and the Map's input.
func (m *MapState) ItemSelector(v any) *MapState {
	m.c.st.ItemSelector = m.c.val(v)
	return m
}

// MaxConcurrency limits the iterations running at once (0: no limit).
func (m *MapState) MaxConcurrency(n int) *MapState {
	m.c.st.MaxConcurrency = m.c.val(int64(n))
	return m
}

// MaxConcurrencyPath reads MaxConcurrency from the input (JSONPath).
func (m *MapState) MaxConcurrencyPath(p Path) *MapState {
	m.c.st.MaxConcurrency = m.c.val(p)
	return m
}

// MaxConcurrencyExpr computes MaxConcurrency (JSONata).
func (m *MapState) MaxConcurrencyExpr(e Expr) *MapState {
	m.c.st.MaxConcurrency = m.c.val(e)
	return m
}

// ToleratedFailurePercentage lets a Distributed Map succeed while at most
// pct percent of its items fail.
func (m *MapState) ToleratedFailurePercentage(pct float64) *MapState {
	m.c.st.ToleratedFailurePercentage = m.c.val(pct)
	return m
}

// ToleratedFailurePercentagePath reads the percentage from the input
// (JSONPath).
func (m *MapState) ToleratedFailurePercentagePath(p Path) *MapState {
	m.c.st.ToleratedFailurePercentage = m.c.val(p)
	return m
}

// ToleratedFailurePercentageExpr computes the percentage (JSONata).
func (m *MapState) ToleratedFailurePercentageExpr(e Expr) *MapState {
	m.c.st.ToleratedFailurePercentage = m.c.val(e)
	return m
}

// ToleratedFailureCount lets a Distributed Map succeed while at most n of
// its items fail.
func (m *MapState) ToleratedFailureCount(n int) *MapState {
	m.c.st.ToleratedFailureCount = m.c.val(int64(n))
	return m
}

// ToleratedFailureCountPath reads the count from the input (JSONPath).
func (m *MapState) ToleratedFailureCountPath(p Path) *MapState {
	m.c.st.ToleratedFailureCount = m.c.val(p)
	return m
}

// ToleratedFailureCountExpr computes the count (JSONata).
func (m *MapState) ToleratedFailureCountExpr(e Expr) *MapState {
	m.c.st.ToleratedFailureCount = m.c.val(e)
	return m
}

// Label names a Distributed Map's child executions (at most 40 characters).
func (m *MapState) Label(label string) *MapState {
	m.c.st.Label = m.c.val(label)
	return m
}

// ItemReader makes a Distributed Map read its items from S3.
func (m *MapState) ItemReader(r *ItemReader) *MapState {
	if r == nil {
		addError(m.c.w, m.c.st, "ItemReader", ir.Caller(0), "a nil ItemReader: build one with dsl.ReadS3Object or dsl.ListS3Objects")
		return m
	}
	if r.r == nil {
		addError(m.c.w, m.c.st, "ItemReader", ir.Caller(0), "an ItemReader not built with a helper (a zero dsl.ItemReader): build one with dsl.ReadS3Object or dsl.ListS3Objects")
		return m
	}
	m.c.st.ItemReader = r.r
	return m
}

// ItemBatcher makes a Distributed Map pass items to its children in batches.
func (m *MapState) ItemBatcher(b *ItemBatcher) *MapState {
	if b == nil {
		addError(m.c.w, m.c.st, "ItemBatcher", ir.Caller(0), "a nil ItemBatcher: build one with dsl.Batch")
		return m
	}
	if b.b == nil {
		addError(m.c.w, m.c.st, "ItemBatcher", ir.Caller(0), "an ItemBatcher not built with a helper (a zero dsl.ItemBatcher): build one with dsl.Batch")
		return m
	}
	m.c.st.ItemBatcher = b.b
	return m
}

// ResultWriter makes a Distributed Map write its results to S3.
func (m *MapState) ResultWriter(w *ResultWriter) *MapState {
	if w == nil {
		addError(m.c.w, m.c.st, "ResultWriter", ir.Caller(0), "a nil ResultWriter: build one with dsl.WriteResultsToS3")
		return m
	}
	if w.w == nil {
		addError(m.c.w, m.c.st, "ResultWriter", ir.Caller(0), "a ResultWriter not built with a helper (a zero dsl.ResultWriter): build one with dsl.WriteResultsToS3")
		return m
	}
	m.c.st.ResultWriter = w.w
	return m
}

// InputType is the format of the items an ItemReader reads.
type InputType string

// Item reader input types.
const (
	InputCSV      InputType = "CSV"
	InputJSON     InputType = "JSON"
	InputJSONL    InputType = "JSONL"
	InputParquet  InputType = "PARQUET"
	InputManifest InputType = "MANIFEST"
)

// CSVHeaderLocation says where a CSV file's column names come from.
type CSVHeaderLocation string

// CSV header locations.
const (
	HeaderFirstRow CSVHeaderLocation = "FIRST_ROW"
	HeaderGiven    CSVHeaderLocation = "GIVEN"
)

// CSVDelimiter separates the columns of a CSV file.
type CSVDelimiter string

// CSV delimiters.
const (
	DelimiterComma     CSVDelimiter = "COMMA"
	DelimiterPipe      CSVDelimiter = "PIPE"
	DelimiterSemicolon CSVDelimiter = "SEMICOLON"
	DelimiterSpace     CSVDelimiter = "SPACE"
	DelimiterTab       CSVDelimiter = "TAB"
)

// ManifestType is the kind of manifest an ItemReader reads.
type ManifestType string

// Manifest types.
const (
	ManifestAthenaData  ManifestType = "ATHENA_DATA"
	ManifestS3Inventory ManifestType = "S3_INVENTORY"
)

// ItemReader reads a Distributed Map's items from S3.
type ItemReader struct{ r *ir.ItemReader }

// ReadS3Object reads the items from one S3 object (s3:getObject), in the
// format set with InputType. Bucket and key may be strings, Refs, Paths or
// Exprs.
func ReadS3Object(bucket, key any) *ItemReader {
	return &ItemReader{&ir.ItemReader{
		Resource: "arn:aws:states:::s3:getObject",
		Params:   []ir.Param{{Key: "Bucket", Value: bucket}, {Key: "Key", Value: key}},
		Pos:      ir.Caller(0),
	}}
}

// ListS3Objects iterates over the objects under a prefix
// (s3:listObjectsV2): each item describes one object, or, with
// LoadAndFlatten, each item is a record of one of the objects.
func ListS3Objects(bucket, prefix any) *ItemReader {
	return &ItemReader{&ir.ItemReader{
		Resource: "arn:aws:states:::s3:listObjectsV2",
		Params:   []ir.Param{{Key: "Bucket", Value: bucket}, {Key: "Prefix", Value: prefix}},
		Pos:      ir.Caller(0),
	}}
}

// NewItemReader is an ItemReader with any resource and parameters, for
// readers the helpers above do not cover.
func NewItemReader(resource string, params Obj) *ItemReader {
	r := &ir.ItemReader{Resource: resource, Pos: ir.Caller(0)}
	r.Params = objParams(params)
	return &ItemReader{r}
}

// With sets a reader parameter, such as VersionId or ExpectedBucketOwner,
// replacing an earlier value of the same key.
func (r *ItemReader) With(key string, value any) *ItemReader {
	r.r.Params = setParam(r.r.Params, key, value, ir.Caller(0))
	return r
}

// InputType sets the format of the items.
func (r *ItemReader) InputType(t InputType) *ItemReader {
	r.r.InputType = string(t)
	return r
}

// CSVHeaderLocation sets where CSV column names come from.
func (r *ItemReader) CSVHeaderLocation(l CSVHeaderLocation) *ItemReader {
	r.r.CSVHeaderLocation = string(l)
	return r
}

// CSVHeaders gives the CSV column names (with HeaderGiven).
func (r *ItemReader) CSVHeaders(names ...string) *ItemReader {
	r.r.CSVHeaders = append([]string{}, names...)
	return r
}

// CSVDelimiter sets the CSV column separator.
func (r *ItemReader) CSVDelimiter(d CSVDelimiter) *ItemReader {
	r.r.CSVDelimiter = string(d)
	return r
}

// LoadAndFlatten reads the records of every listed object instead of the
// object descriptions (Transformation LOAD_AND_FLATTEN).
func (r *ItemReader) LoadAndFlatten() *ItemReader {
	r.r.Transformation = "LOAD_AND_FLATTEN"
	return r
}

// Transformation sets the ReaderConfig Transformation as written (NONE or
// LOAD_AND_FLATTEN).
func (r *ItemReader) Transformation(t string) *ItemReader {
	r.r.Transformation = t
	return r
}

// ManifestType reads a manifest (Athena data or S3 inventory).
func (r *ItemReader) ManifestType(t ManifestType) *ItemReader {
	r.r.ManifestType = string(t)
	return r
}

// ItemsPointer selects the array inside a JSON object (a JSON Pointer such
// as "/data/items").
func (r *ItemReader) ItemsPointer(pointer string) *ItemReader {
	r.r.ItemsPointer = pointer
	return r
}

// KeepEmptyConfig writes "ReaderConfig": {} even when no reader setting is
// given, for definitions that have one (goasl import keeps them as they
// are).
func (r *ItemReader) KeepEmptyConfig() *ItemReader {
	r.r.KeepConfig = true
	return r
}

// MaxItems reads at most n items.
func (r *ItemReader) MaxItems(n int) *ItemReader {
	r.r.MaxItems = ir.Val{Set: true, V: int64(n), Pos: ir.Caller(0)}
	return r
}

// MaxItemsPath reads MaxItems from the input (JSONPath).
func (r *ItemReader) MaxItemsPath(p Path) *ItemReader {
	r.r.MaxItems = ir.Val{Set: true, V: p, Pos: ir.Caller(0)}
	return r
}

// MaxItemsExpr computes MaxItems (JSONata).
func (r *ItemReader) MaxItemsExpr(e Expr) *ItemReader {
	r.r.MaxItems = ir.Val{Set: true, V: e, Pos: ir.Caller(0)}
	return r
}

// ItemBatcher groups a Distributed Map's items into batches.
type ItemBatcher struct{ b *ir.ItemBatcher }

// Batch returns an ItemBatcher; set at least one limit.
func Batch() *ItemBatcher { return &ItemBatcher{&ir.ItemBatcher{Pos: ir.Caller(0)}} }

// MaxItems sets MaxItemsPerBatch.
func (b *ItemBatcher) MaxItems(n int) *ItemBatcher {
	b.b.MaxItemsPerBatch = ir.Val{Set: true, V: int64(n), Pos: ir.Caller(0)}
	return b
}

// MaxItemsPath reads MaxItemsPerBatch from the input (JSONPath).
func (b *ItemBatcher) MaxItemsPath(p Path) *ItemBatcher {
	b.b.MaxItemsPerBatch = ir.Val{Set: true, V: p, Pos: ir.Caller(0)}
	return b
}

// MaxItemsExpr computes MaxItemsPerBatch (JSONata).
func (b *ItemBatcher) MaxItemsExpr(e Expr) *ItemBatcher {
	b.b.MaxItemsPerBatch = ir.Val{Set: true, V: e, Pos: ir.Caller(0)}
	return b
}

// MaxBytes sets MaxInputBytesPerBatch (at most 256 KiB).
func (b *ItemBatcher) MaxBytes(n int) *ItemBatcher {
	b.b.MaxInputBytesPerBatch = ir.Val{Set: true, V: int64(n), Pos: ir.Caller(0)}
	return b
}

// MaxBytesPath reads MaxInputBytesPerBatch from the input (JSONPath).
func (b *ItemBatcher) MaxBytesPath(p Path) *ItemBatcher {
	b.b.MaxInputBytesPerBatch = ir.Val{Set: true, V: p, Pos: ir.Caller(0)}
	return b
}

// MaxBytesExpr computes MaxInputBytesPerBatch (JSONata).
func (b *ItemBatcher) MaxBytesExpr(e Expr) *ItemBatcher {
	b.b.MaxInputBytesPerBatch = ir.Val{Set: true, V: e, Pos: ir.Caller(0)}
	return b
}

// BatchInput adds fixed input to every batch ({"Items": [...],
// "BatchInput": ...}).
func (b *ItemBatcher) BatchInput(v any) *ItemBatcher {
	b.b.BatchInput = ir.Val{Set: true, V: v, Pos: ir.Caller(0)}
	return b
}

// ResultWriter writes a Distributed Map's results to S3.
type ResultWriter struct{ w *ir.ResultWriter }

// WriteResultsToS3 writes the results under bucket/prefix (s3:putObject).
func WriteResultsToS3(bucket, prefix any) *ResultWriter {
	return &ResultWriter{&ir.ResultWriter{
		Resource: "arn:aws:states:::s3:putObject",
		Params:   []ir.Param{{Key: "Bucket", Value: bucket}, {Key: "Prefix", Value: prefix}},
		Pos:      ir.Caller(0),
	}}
}

// ResultsConfig returns a ResultWriter with only a WriterConfig (the
// results are returned, transformed, instead of written to S3). Set
// OutputType and Transformation.
func ResultsConfig() *ResultWriter { return &ResultWriter{&ir.ResultWriter{Pos: ir.Caller(0)}} }

// WriterOutputType is the format of a ResultWriter's output.
type WriterOutputType string

// Result writer output types.
const (
	OutputJSON  WriterOutputType = "JSON"
	OutputJSONL WriterOutputType = "JSONL"
)

// WriterTransformation says how a ResultWriter reshapes the results.
type WriterTransformation string

// Result writer transformations: NONE keeps the execution metadata of each
// child, COMPACT keeps only the outputs, FLATTEN also flattens output
// arrays.
const (
	TransformNone    WriterTransformation = "NONE"
	TransformCompact WriterTransformation = "COMPACT"
	TransformFlatten WriterTransformation = "FLATTEN"
)

// OutputType sets the WriterConfig OutputType.
func (w *ResultWriter) OutputType(t WriterOutputType) *ResultWriter {
	w.w.OutputType = string(t)
	return w
}

// Transformation sets the WriterConfig Transformation.
func (w *ResultWriter) Transformation(t WriterTransformation) *ResultWriter {
	w.w.Transformation = string(t)
	return w
}

// With sets a writer parameter, replacing an earlier value of the same
// key.
func (w *ResultWriter) With(key string, value any) *ResultWriter {
	w.w.Params = setParam(w.w.Params, key, value, ir.Caller(0))
	return w
}

// objParams turns an Obj into parameters in sorted key order.
func objParams(o Obj) []ir.Param {
	keys := sortedKeys(o)
	ps := make([]ir.Param, 0, len(keys))
	for _, k := range keys {
		ps = append(ps, ir.Param{Key: k, Value: o[k]})
	}
	return ps
}
