package asl

import (
	"fmt"
	"strings"
)

// Severity says whether a diagnostic stops a document from being used.
type Severity uint8

// Severities.
const (
	SeverityError Severity = iota
	SeverityWarning
)

func (s Severity) String() string {
	if s == SeverityWarning {
		return "warning"
	}
	return "error"
}

// Code is a stable diagnostic code. Where AWS has a code for the same
// problem (ValidateStateMachineDefinition), goasl uses AWS's.
type Code string

// Diagnostic codes.
const (
	// Codes AWS uses.
	CodeInvalidJSON             Code = "INVALID_JSON_DESCRIPTION"
	CodeMissingDescription      Code = "MISSING_DESCRIPTION"
	CodeSchema                  Code = "SCHEMA_VALIDATION_FAILED"
	CodeInvalidResource         Code = "INVALID_RESOURCE"
	CodeMissingEndState         Code = "MISSING_END_STATE"
	CodeDuplicateStateName      Code = "DUPLICATE_STATE_NAME"
	CodeInvalidStateName        Code = "INVALID_STATE_NAME"
	CodeDuplicateLabelName      Code = "DUPLICATE_LABEL_NAME"
	CodeInvalidLabelName        Code = "INVALID_LABEL_NAME"
	CodeMissingTransitionTarget Code = "MISSING_TRANSITION_TARGET"
	CodeTooDeeplyNested         Code = "TOO_DEEPLY_NESTED"
	CodeInvalidJSONata          Code = "INVALID_JSONATA_EXPRESSION"
	CodeUnsupportedJSONata      Code = "UNSUPPORTED_JSONATA_EXPRESSION"
	CodeNoDollar                Code = "NO_DOLLAR"
	CodeNoPath                  Code = "NO_PATH"
	CodePassResultIsStatic      Code = "PASS_RESULT_IS_STATIC"

	// Codes of goasl's own, for rules AWS reports under a generic code or
	// not at all before run time.
	CodeInvalidPath        Code = "INVALID_JSON_PATH"
	CodeInvalidIntrinsic   Code = "INVALID_INTRINSIC_FUNCTION"
	CodeInvalidVariable    Code = "INVALID_VARIABLE_NAME"
	CodeDefinitionTooLarge Code = "DEFINITION_TOO_LARGE"
	CodeExpressUnsupported Code = "EXPRESS_UNSUPPORTED"
	CodeErrorName          Code = "INVALID_ERROR_NAME"
	CodeLimit              Code = "LIMIT_EXCEEDED"
)

// Position is a place in a source file. Line and Column count from 1;
// Column counts bytes. The zero Position means "unknown".
type Position struct {
	Offset int
	Line   int
	Column int
}

// IsValid reports whether the position is known.
func (p Position) IsValid() bool { return p.Line > 0 }

func (p Position) String() string {
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// Diagnostic is one problem found in a document.
type Diagnostic struct {
	Severity Severity
	Code     Code
	// Pointer is the JSON pointer (RFC 6901) of the offending value, e.g.
	// "/States/Charge/Next". The empty pointer means the whole document.
	Pointer string
	Message string
	// Pos is the position in the source, when the document was parsed.
	Pos Position
}

func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Pos.IsValid() {
		b.WriteString(d.Pos.String())
		b.WriteString(": ")
	}
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(string(d.Code))
	b.WriteString(": ")
	b.WriteString(d.Message)
	b.WriteString(" at ")
	if d.Pointer == "" {
		b.WriteString("/")
	} else {
		b.WriteString(d.Pointer)
	}
	return b.String()
}

// Error is the error type of Parse and Validate: a non-empty list of
// diagnostics, at least one of them an error.
type Error struct {
	Diagnostics []Diagnostic
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any diagnostic is an error (not a warning).
func HasErrors(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}

// PointerEscape escapes one JSON pointer reference token (RFC 6901).
func PointerEscape(token string) string {
	if !strings.ContainsAny(token, "~/") {
		return token
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(token)
}
