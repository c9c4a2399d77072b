package asl

// QueryLanguage is the language of a state's paths and expressions.
type QueryLanguage string

// The two query languages. The empty QueryLanguage means "not declared":
// a state then uses the top-level language, and the top level JSONPath.
const (
	JSONPath QueryLanguage = "JSONPath"
	JSONata  QueryLanguage = "JSONata"
)

// StateType is the Type field of a state.
type StateType string

// The eight state types.
const (
	TypeTask     StateType = "Task"
	TypePass     StateType = "Pass"
	TypeChoice   StateType = "Choice"
	TypeWait     StateType = "Wait"
	TypeSucceed  StateType = "Succeed"
	TypeFail     StateType = "Fail"
	TypeParallel StateType = "Parallel"
	TypeMap      StateType = "Map"
)

// StateMachine is a whole ASL document.
type StateMachine struct {
	Comment        string
	Version        string
	QueryLanguage  QueryLanguage
	TimeoutSeconds Value // an integer
	StartAt        string
	States         States

	// Empty names the string fields present with the value "".
	Empty EmptyStrings
}

// States is the States object of a machine, branch or item processor, in
// document order. State names are the Name fields.
type States []*State

// Get returns the state with the given name, or nil.
func (s States) Get(name string) *State {
	for _, st := range s {
		if st.Name == name {
			return st
		}
	}
	return nil
}

// Each calls fn on every state, nested ones included (a Parallel's
// branches, a Map's item processor or iterator), each state before the
// states nested in it, in document order.
func (s States) Each(fn func(*State)) {
	for _, st := range s {
		fn(st)
		for _, b := range st.Branches {
			b.States.Each(fn)
		}
		if st.ItemProcessor != nil {
			st.ItemProcessor.States.Each(fn)
		}
		if st.Iterator != nil {
			st.Iterator.States.Each(fn)
		}
	}
}

// Scope is a nested state machine: a Parallel branch, or a Map's
// ItemProcessor or legacy Iterator. ProcessorConfig is only for the latter
// two.
type Scope struct {
	Comment         string
	StartAt         string
	States          States
	ProcessorConfig *ProcessorConfig

	// Empty names the string fields present with the value "".
	Empty EmptyStrings
}

// EmptyStrings names the string fields of one model value (a State, a
// Retrier, a ReaderConfig...) that are present in the document with the
// value "", by their JSON names ("Comment", "Error", "Resource"). A string
// field's zero value otherwise means that the field is absent, so this is
// how the model keeps {"Error": ""} apart from no Error at all, as
// NullablePath keeps null apart from absent. Parse fills it; Marshal
// writes each named field whose value is "" (a field that has a value
// since is written with it); Validate checks each as AWS does. Code that
// builds a model leaves it nil.
type EmptyStrings []string

// Has reports whether field is named.
func (e EmptyStrings) Has(field string) bool {
	for _, f := range e {
		if f == field {
			return true
		}
	}
	return false
}

// NullablePath is a path field that tells "not set" from an explicit JSON
// null, since ASL gives them different meanings (InputPath, OutputPath and
// ResultPath: absent means "$", null means "{}" or "discard").
type NullablePath struct {
	Set  bool   // the field is present
	Null bool   // the field is JSON null (only with Set)
	Path string // the path (only with Set and not Null)
}

// PathValue returns a NullablePath holding p.
func PathValue(p string) NullablePath { return NullablePath{Set: true, Path: p} }

// NullPath returns a NullablePath holding JSON null.
func NullPath() NullablePath { return NullablePath{Set: true, Null: true} }

// State is one state. Which fields are allowed depends on the state's Type
// and its effective query language; Validate checks that. Numeric fields are
// Values because JSONata states may give an expression string instead of a
// number, and because a document keeps the text it was written with.
type State struct {
	Name string // the state's key in its States object

	Type          StateType
	QueryLanguage QueryLanguage
	Comment       string

	// Task.
	Resource    string
	Credentials Value // {"RoleArn": ...} or {"RoleArn.$": ...}

	InputPath  NullablePath
	Parameters Value
	Arguments  Value

	// Pass.
	Result Value

	// Wait.
	Seconds       Value
	SecondsPath   string
	Timestamp     string
	TimestampPath string

	// Choice.
	Choices []*ChoiceRule // nil: absent; empty: present and empty
	Default string

	// Fail.
	Error     string
	ErrorPath string
	Cause     string
	CausePath string

	// Parallel.
	Branches []*Scope // nil: absent; empty: present and empty

	// Map.
	ItemReader                     *ItemReader
	Items                          Value
	ItemsPath                      string
	ItemSelector                   Value
	ItemBatcher                    *ItemBatcher
	MaxConcurrency                 Value
	MaxConcurrencyPath             string
	ToleratedFailurePercentage     Value
	ToleratedFailurePercentagePath string
	ToleratedFailureCount          Value
	ToleratedFailureCountPath      string
	Label                          string
	ItemProcessor                  *Scope
	Iterator                       *Scope // deprecated form of ItemProcessor
	ResultWriter                   *ResultWriter

	ResultSelector Value
	ResultPath     NullablePath
	OutputPath     NullablePath
	Output         Value
	Assign         Value

	TimeoutSeconds       Value
	TimeoutSecondsPath   string
	HeartbeatSeconds     Value
	HeartbeatSecondsPath string

	Retry []*Retrier
	Catch []*Catcher

	Next string
	End  bool

	// Empty names the string fields present with the value "" (a string
	// field's zero value otherwise means the field is absent).
	Empty EmptyStrings

	// Extra holds fields goasl does not model (the builder's escape hatch).
	// Marshal writes them after the known fields; Validate warns about each.
	// Parse never fills it: an unknown field in a document is an error.
	Extra []Member
}

// ProcessorConfig is a Map ItemProcessor's ProcessorConfig.
type ProcessorConfig struct {
	Mode          string       // INLINE or DISTRIBUTED
	ExecutionType string       // STANDARD or EXPRESS (Distributed only)
	Empty         EmptyStrings // string fields present with the value ""
}

// Map processor modes and execution types.
const (
	ModeInline        = "INLINE"
	ModeDistributed   = "DISTRIBUTED"
	ExecutionStandard = "STANDARD"
	ExecutionExpress  = "EXPRESS"
)

// ItemReader is a Distributed Map's ItemReader.
type ItemReader struct {
	Resource     string
	Parameters   Value // JSONPath
	Arguments    Value // JSONata
	ReaderConfig *ReaderConfig
	Empty        EmptyStrings // string fields present with the value ""
}

// ReaderConfig is an ItemReader's ReaderConfig.
type ReaderConfig struct {
	InputType         string // CSV, JSON, JSONL, PARQUET, MANIFEST
	Transformation    string // NONE, LOAD_AND_FLATTEN
	ManifestType      string // ATHENA_DATA, S3_INVENTORY
	CSVHeaderLocation string // FIRST_ROW, GIVEN
	CSVHeaders        []string
	CSVDelimiter      string // COMMA, PIPE, SEMICOLON, SPACE, TAB
	ItemsPointer      string
	MaxItems          Value
	MaxItemsPath      string
	Empty             EmptyStrings // string fields present with the value ""
}

// ItemBatcher is a Distributed Map's ItemBatcher.
type ItemBatcher struct {
	MaxItemsPerBatch          Value
	MaxItemsPerBatchPath      string
	MaxInputBytesPerBatch     Value
	MaxInputBytesPerBatchPath string
	BatchInput                Value
	Empty                     EmptyStrings // string fields present with the value ""
}

// ResultWriter is a Distributed Map's ResultWriter.
type ResultWriter struct {
	Resource     string
	Parameters   Value // JSONPath
	Arguments    Value // JSONata
	WriterConfig *WriterConfig
	Empty        EmptyStrings // string fields present with the value ""
}

// WriterConfig is a ResultWriter's WriterConfig.
type WriterConfig struct {
	OutputType     string       // JSON, JSONL
	Transformation string       // NONE, COMPACT, FLATTEN
	Empty          EmptyStrings // string fields present with the value ""
}

// Retrier is one element of Retry.
type Retrier struct {
	ErrorEquals     []string
	Comment         string
	IntervalSeconds Value
	MaxAttempts     Value
	BackoffRate     Value
	MaxDelaySeconds Value
	JitterStrategy  string       // FULL or NONE
	Empty           EmptyStrings // string fields present with the value ""
}

// Catcher is one element of Catch.
type Catcher struct {
	ErrorEquals []string
	Comment     string
	ResultPath  NullablePath // JSONPath
	Output      Value        // JSONata
	Assign      Value
	Next        string
	Empty       EmptyStrings // string fields present with the value ""
}

// ChoiceRule is a Choice rule. A JSONata rule has a Condition; a JSONPath
// rule is either a data test (Variable and one comparison) or a boolean
// combination (And, Or, Not). Top-level rules have Next; nested rules must
// not.
type ChoiceRule struct {
	Comment   string
	Condition Value // JSONata: true, false or a "{% %}" string

	Variable    string
	Comparisons []Comparison // a valid data test has exactly one

	And []*ChoiceRule // nil: absent; empty: present and empty
	Or  []*ChoiceRule
	Not *ChoiceRule

	Assign Value
	Output Value
	Next   string
	Empty  EmptyStrings // string fields present with the value ""
}

// Comparison is a data-test operator and its operand, such as
// {"NumericGreaterThan": 10} or {"StringEqualsPath": "$.other"}.
type Comparison struct {
	Operator Operator
	Value    Value
}
