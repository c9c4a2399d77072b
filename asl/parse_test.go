package asl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
)

// oneStateDoc wraps one state into a machine.
func oneStateDoc(state string) string {
	return `{"StartAt": "A", "States": {"A": ` + state + `}}`
}

// TestParseRejects gives every class of rejected input with the full
// message Parse returns.
func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// JSON syntax.
		{"empty", "", "1:1: INVALID_JSON_DESCRIPTION: the document is empty: expected a JSON value at /"},
		{"only whitespace", " \n\t ", "2:3: INVALID_JSON_DESCRIPTION: the document is empty: expected a JSON value at /"},
		{"trailing comma in object", "{\"StartAt\": \"A\",\n}", "1:16: INVALID_JSON_DESCRIPTION: trailing comma before '}': JSON does not allow one (this looks like JSON5 or JSONC): remove the comma at /"},
		{"trailing comma in array", `{"a": [1, 2, ]}`, "1:12: INVALID_JSON_DESCRIPTION: trailing comma before ']': JSON does not allow one (this looks like JSON5 or JSONC): remove the comma at /a"},
		{"line comment", "{\n  // the start\n  \"StartAt\": \"A\"\n}", "2:3: INVALID_JSON_DESCRIPTION: comments are not allowed in JSON (this looks like JSONC or JSON5): remove the comment at /"},
		{"block comment after value", `{"StartAt": "A" /* x */}`, "1:17: INVALID_JSON_DESCRIPTION: comments are not allowed in JSON (this looks like JSONC or JSON5): remove the comment at /"},
		{"hash comment", "{\"a\": 1 # note\n}", "1:9: INVALID_JSON_DESCRIPTION: comments are not allowed in JSON: remove the comment at /"},
		{"NaN", `{"a": NaN}`, "1:7: INVALID_JSON_DESCRIPTION: NaN is not a JSON number (this looks like JSON5): use a finite number, or a string at /a"},
		{"Infinity", `{"a": Infinity}`, "1:7: INVALID_JSON_DESCRIPTION: Infinity is not a JSON number (this looks like JSON5): use a finite number, or a string at /a"},
		{"minus Infinity", `{"a": -Infinity}`, "1:7: INVALID_JSON_DESCRIPTION: -Infinity is not a JSON number (this looks like JSON5): use a finite number, or a string at /a"},
		{"leading zero", `{"a": 007}`, "1:7: INVALID_JSON_DESCRIPTION: a number must not have leading zeros: remove them (write 7, not 07) at /a"},
		{"negative leading zero", `{"a": -01}`, "1:7: INVALID_JSON_DESCRIPTION: a number must not have leading zeros: remove them (write 7, not 07) at /a"},
		{"plus sign", `{"a": +1}`, "1:7: INVALID_JSON_DESCRIPTION: a JSON number cannot start with '+' (this looks like JSON5): write it as in 1, -1 or 0.5 at /a"},
		{"leading point", `{"a": .5}`, "1:7: INVALID_JSON_DESCRIPTION: a JSON number cannot start with '.' (this looks like JSON5): write it as in 1, -1 or 0.5 at /a"},
		{"trailing point", `{"a": 1.}`, "1:9: INVALID_JSON_DESCRIPTION: expected a digit after the decimal point (write 1.0 or 1, not 1.) at /a"},
		{"empty exponent", `{"a": 1e+}`, "1:10: INVALID_JSON_DESCRIPTION: expected a digit in the exponent of a number at /a"},
		{"lone minus", `{"a": -}`, "1:8: INVALID_JSON_DESCRIPTION: expected a digit after '-' at /a"},
		{"hexadecimal", `{"a": 0x1F}`, "1:7: INVALID_JSON_DESCRIPTION: hexadecimal numbers are not allowed in JSON (this looks like JSON5): write the number in decimal at /a"},
		{"single-quoted value", `{"a": 'b'}`, "1:7: INVALID_JSON_DESCRIPTION: strings must use double quotes, not single quotes (this looks like JSON5): write \"...\" at /a"},
		{"single-quoted key", `{'a': 1}`, "1:2: INVALID_JSON_DESCRIPTION: strings must use double quotes, not single quotes (this looks like JSON5): write \"...\" at /"},
		{"unquoted key", "{\n  StartAt: \"A\"\n}", "2:3: INVALID_JSON_DESCRIPTION: object keys must be double-quoted strings: write \"StartAt\" (unquoted keys are JSON5) at /"},
		{"unquoted value", `{"StartAt": A}`, "1:13: INVALID_JSON_DESCRIPTION: unquoted text A is not a JSON value: strings must be in double quotes at /StartAt"},
		{"capitalised literal", `{"End": True}`, "1:9: INVALID_JSON_DESCRIPTION: True is not a JSON literal: write true at /End"},
		{"None literal", `{"a": None}`, "1:7: INVALID_JSON_DESCRIPTION: None is not a JSON literal: write null at /a"},
		{"literal with suffix", `{"a": nullx}`, "1:7: INVALID_JSON_DESCRIPTION: unquoted text nullx is not a JSON value: strings must be in double quotes at /a"},
		{"newline in string", "{\"Comment\": \"two\nlines\"}", "1:17: INVALID_JSON_DESCRIPTION: control character U+000A in a string: write it as \\n at /Comment"},
		{"tab in string", "{\"Comment\": \"a\tb\"}", "1:15: INVALID_JSON_DESCRIPTION: control character U+0009 in a string: write it as \\t at /Comment"},
		{"control character in string", "{\"Comment\": \"a\x01\"}", "1:15: INVALID_JSON_DESCRIPTION: control character U+0001 in a string: write it as \\u0001 at /Comment"},
		{"control character in key", "{\"a\x1f\": 1}", "1:4: INVALID_JSON_DESCRIPTION: control character U+001F in a string: write it as \\u001f at /"},
		{"invalid escape", `{"a": "C:\dir"}`, "1:10: INVALID_JSON_DESCRIPTION: invalid escape \\d in a string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\ at /a"},
		{"short unicode escape", `{"a": "\u12"}`, "1:8: INVALID_JSON_DESCRIPTION: invalid \\u escape in a string: \\u must be followed by 4 hexadecimal digits at /a"},
		{"lone high surrogate", `{"a": "\ud83d"}`, "1:8: INVALID_JSON_DESCRIPTION: lone surrogate \\uD83D in a string: a high surrogate must be followed by a low one (\\uDC00 to \\uDFFF) at /a"},
		{"high surrogate and a letter", `{"a": "\ud83dx"}`, "1:8: INVALID_JSON_DESCRIPTION: lone surrogate \\uD83D in a string: a high surrogate must be followed by a low one (\\uDC00 to \\uDFFF) at /a"},
		{"lone low surrogate", `{"a": "x\ude00"}`, "1:9: INVALID_JSON_DESCRIPTION: lone surrogate \\uDE00 in a string: a low surrogate must follow a high one (\\uD800 to \\uDBFF) at /a"},
		{"invalid UTF-8", "{\"a\": \"caf\xe9\"}", "1:11: INVALID_JSON_DESCRIPTION: invalid UTF-8 byte 0xE9 in a string: JSON text must be UTF-8 at /a"},
		{"UTF-8 encoded surrogate", "{\"a\": \"\xed\xa0\x80\"}", "1:8: INVALID_JSON_DESCRIPTION: invalid UTF-8 byte 0xED in a string: JSON text must be UTF-8 at /a"},
		{"invalid UTF-8 outside strings", "{\xff}", "1:2: INVALID_JSON_DESCRIPTION: unexpected invalid UTF-8 byte 0xFF: expected a double-quoted key or '}' at /"},
		{"missing comma between members", "{\n  \"StartAt\": \"A\"\n  \"States\": {}\n}", "3:3: INVALID_JSON_DESCRIPTION: expected ',' or '}' after object member at /"},
		{"missing comma between elements", `{"a": [1 2]}`, "1:10: INVALID_JSON_DESCRIPTION: expected ',' or ']' after array element at /a"},
		{"missing colon", `{"StartAt" "A"}`, "1:12: INVALID_JSON_DESCRIPTION: expected ':' after object key \"StartAt\", found '\"' at /"},
		{"key expected after comma", `{"a": 1, 2}`, "1:10: INVALID_JSON_DESCRIPTION: unexpected '2': expected a double-quoted key after ',' at /"},
		{"value expected", `{"a": }`, "1:7: INVALID_JSON_DESCRIPTION: unexpected '}': expected a value (object, array, string, number, true, false or null) at /a"},
		{"unclosed object", "{\"StartAt\": \"A\",\n \"States\": {", "2:13: INVALID_JSON_DESCRIPTION: unexpected end of input: the object opened at line 2, column 12 is not closed at /States"},
		{"unclosed object after member", `{"a": 1`, "1:8: INVALID_JSON_DESCRIPTION: unexpected end of input: the object opened at line 1, column 1 is not closed at /"},
		{"unclosed array", `{"a": [1`, "1:9: INVALID_JSON_DESCRIPTION: unexpected end of input: the array opened at line 1, column 7 is not closed at /a"},
		{"unclosed string", `{"a": "b`, "1:9: INVALID_JSON_DESCRIPTION: unexpected end of input: the string opened at line 1, column 7 is not closed at /a"},
		{"missing value at end", `{"a": `, "1:7: INVALID_JSON_DESCRIPTION: unexpected end of input: expected a value at /a"},
		{"text after the value", "{}\n{}", "2:1: INVALID_JSON_DESCRIPTION: unexpected '{' after the end of the JSON value: a document holds exactly one value at /"},
		{"byte order mark", "\xef\xbb\xbf{}", "1:1: INVALID_JSON_DESCRIPTION: the text starts with a byte order mark (U+FEFF), which JSON does not allow: save the file as UTF-8 without BOM at /"},
		{"too deep", strings.Repeat("[", 1001), "1:1001: INVALID_JSON_DESCRIPTION: arrays and objects are nested more than 1000 deep at " + strings.Repeat("/0", 1000)},
		{"unexpected character", `{"a": @}`, "1:7: INVALID_JSON_DESCRIPTION: unexpected '@': expected a value (object, array, string, number, true, false or null) at /a"},
		{"YAML", "# order workflow\nStartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n", "1:1: INVALID_JSON_DESCRIPTION: this looks like YAML; goasl reads JSON only here: convert it, e.g. with `yq -o=json file.asl.yaml`, or read it with asl.ParseYAML at /"},
		{"YAML document marker", "---\nStartAt: A\n", "1:1: INVALID_JSON_DESCRIPTION: this looks like YAML; goasl reads JSON only here: convert it, e.g. with `yq -o=json file.asl.yaml`, or read it with asl.ParseYAML at /"},
		{"error after duplicate keeps both", `{"a": 1, "a": 2, "b": }`, "1:10: SCHEMA_VALIDATION_FAILED: duplicate key \"a\": first at line 1, column 2, again at line 1, column 10; keys must be unique, so remove or rename one at /a\n1:23: INVALID_JSON_DESCRIPTION: unexpected '}': expected a value (object, array, string, number, true, false or null) at /b"},

		// Schema.
		{"root is an array", `[]`, "1:1: SCHEMA_VALIDATION_FAILED: a state machine must be a JSON object with StartAt and States, not an array at /"},
		{"root is a string", `"StartAt: A"`, "1:1: SCHEMA_VALIDATION_FAILED: a state machine must be a JSON object with StartAt and States, not a string at /"},
		{"duplicate state name", "{\"StartAt\": \"A\", \"States\": {\n  \"A\": {\"Type\": \"Succeed\"},\n  \"A\": {\"Type\": \"Fail\"}\n}}", "3:3: SCHEMA_VALIDATION_FAILED: duplicate key \"A\": first at line 2, column 3, again at line 3, column 3; keys must be unique, so remove or rename one at /States/A"},
		{"duplicate field", oneStateDoc(`{"Type": "Pass", "Next": "B", "Next": "C"}`), "1:64: SCHEMA_VALIDATION_FAILED: duplicate key \"Next\": first at line 1, column 51, again at line 1, column 64; keys must be unique, so remove or rename one at /States/A/Next"},
		{"duplicate in payload", oneStateDoc(`{"Type": "Pass", "Parameters": {"x": 1, "x.$": "$", "x": 2}, "End": true}`), "1:86: SCHEMA_VALIDATION_FAILED: duplicate key \"x\": first at line 1, column 66, again at line 1, column 86; keys must be unique, so remove or rename one at /States/A/Parameters/x"},
		{"unknown top-level field", `{"StartAt": "A", "States": {}, "Name": "x"}`, "1:32: SCHEMA_VALIDATION_FAILED: field \"Name\" is not supported at the top level of a state machine; remove it at /Name"},
		{"truncated top-level field", `{"StartAt": "A", "States": {}, "Timeout": 5}`, "1:32: SCHEMA_VALIDATION_FAILED: field \"Timeout\" is not supported at the top level of a state machine (did you mean \"TimeoutSeconds\"?) at /Timeout"},
		{"top-level typo", `{"StartsAt": "A", "States": {}}`, "1:2: SCHEMA_VALIDATION_FAILED: field \"StartsAt\" is not supported at the top level of a state machine (did you mean \"StartAt\"?) at /StartsAt"},
		{"unknown state field", oneStateDoc(`{"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Foo": 1, "End": true}`), "1:104: SCHEMA_VALIDATION_FAILED: field \"Foo\" is not supported in a Task state; remove it at /States/A/Foo"},
		{"state field typo", oneStateDoc(`{"Type": "Pass", "Nxt": "B"}`), "1:51: SCHEMA_VALIDATION_FAILED: field \"Nxt\" is not supported in a Pass state (did you mean \"Next\"?) at /States/A/Nxt"},
		{"state field case", oneStateDoc(`{"Type": "Pass", "resultPath": "$.x", "End": true}`), "1:51: SCHEMA_VALIDATION_FAILED: field \"resultPath\" is not supported in a Pass state (did you mean \"ResultPath\"?) at /States/A/resultPath"},
		{"unknown field without Type", oneStateDoc(`{"Parameter": {}}`), "1:35: SCHEMA_VALIDATION_FAILED: field \"Parameter\" is not supported in a state (did you mean \"Parameters\"?) at /States/A/Parameter"},
		{"unknown field with unknown Type", oneStateDoc(`{"Type": "Taks", "Foo": 1}`), "1:51: SCHEMA_VALIDATION_FAILED: field \"Foo\" is not supported in a state; remove it at /States/A/Foo"},
		{"States is an array", `{"StartAt": "A", "States": []}`, "1:28: SCHEMA_VALIDATION_FAILED: field \"States\" must be an object that maps state names to states, not an array at /States"},
		{"state is a string", `{"StartAt": "A", "States": {"A": "Pass"}}`, "1:34: SCHEMA_VALIDATION_FAILED: state \"A\" must be an object with a Type, not a string at /States/A"},
		{"StartAt is a number", `{"StartAt": 1, "States": {}}`, "1:13: SCHEMA_VALIDATION_FAILED: field \"StartAt\" must be a string, not a number at /StartAt"},
		{"Comment is null", `{"Comment": null, "StartAt": "A", "States": {}}`, "1:13: SCHEMA_VALIDATION_FAILED: field \"Comment\" must be a string, not null at /Comment"},
		{"Next is a number", oneStateDoc(`{"Type": "Pass", "Next": 2}`), "1:59: SCHEMA_VALIDATION_FAILED: field \"Next\" must be a string, not a number at /States/A/Next"},
		{"End is a string", oneStateDoc(`{"Type": "Pass", "End": "true"}`), "1:58: SCHEMA_VALIDATION_FAILED: field \"End\" must be a boolean, not a string at /States/A/End"},
		{"ResultPath is an object", oneStateDoc(`{"Type": "Pass", "ResultPath": {}, "End": true}`), "1:65: SCHEMA_VALIDATION_FAILED: field \"ResultPath\" must be a string (a path) or null, not an object at /States/A/ResultPath"},
		{"Choices is an object", oneStateDoc(`{"Type": "Choice", "Choices": {}}`), "1:64: SCHEMA_VALIDATION_FAILED: field \"Choices\" must be an array of Choice rules, not an object at /States/A/Choices"},
		{"Choice rule is a string", oneStateDoc(`{"Type": "Choice", "Choices": ["B"]}`), "1:65: SCHEMA_VALIDATION_FAILED: element 0 of \"Choices\" must be an object (a Choice rule), not a string at /States/A/Choices/0"},
		{"Not is an array", oneStateDoc(`{"Type": "Choice", "Choices": [{"Not": [], "Next": "B"}]}`), "1:73: SCHEMA_VALIDATION_FAILED: field \"Not\" must be an object (one Choice rule), not an array at /States/A/Choices/0/Not"},
		{"And element is a number", oneStateDoc(`{"Type": "Choice", "Choices": [{"And": [1], "Next": "B"}]}`), "1:74: SCHEMA_VALIDATION_FAILED: element 0 of \"And\" must be an object (a Choice rule), not a number at /States/A/Choices/0/And/0"},
		{"operator typo", oneStateDoc(`{"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEqual": 1, "Next": "B"}]}`), "1:85: SCHEMA_VALIDATION_FAILED: field \"NumericEqual\" is not supported in a Choice rule (did you mean \"NumericEquals\"?) at /States/A/Choices/0/NumericEqual"},
		{"unknown rule field", oneStateDoc(`{"Type": "Choice", "Choices": [{"Condition": true, "Then": "B"}]}`), "1:85: SCHEMA_VALIDATION_FAILED: field \"Then\" is not supported in a Choice rule; remove it at /States/A/Choices/0/Then"},
		{"Branches is an object", oneStateDoc(`{"Type": "Parallel", "Branches": {}, "End": true}`), "1:67: SCHEMA_VALIDATION_FAILED: field \"Branches\" must be an array of branches (objects with StartAt and States), not an object at /States/A/Branches"},
		{"branch is null", oneStateDoc(`{"Type": "Parallel", "Branches": [null], "End": true}`), "1:68: SCHEMA_VALIDATION_FAILED: branch 0 must be an object with StartAt and States, not null at /States/A/Branches/0"},
		{"QueryLanguage in a branch", oneStateDoc(`{"Type": "Parallel", "Branches": [{"QueryLanguage": "JSONata", "StartAt": "B", "States": {}}], "End": true}`), "1:69: SCHEMA_VALIDATION_FAILED: field \"QueryLanguage\" is not supported in a Parallel branch: it is only allowed at the top level or on a state at /States/A/Branches/0/QueryLanguage"},
		{"TimeoutSeconds in a processor", oneStateDoc(`{"Type": "Map", "ItemProcessor": {"TimeoutSeconds": 5, "StartAt": "B", "States": {}}, "End": true}`), "1:68: SCHEMA_VALIDATION_FAILED: field \"TimeoutSeconds\" is not supported in a Map ItemProcessor: it is only allowed at the top level or on a Task state at /States/A/ItemProcessor/TimeoutSeconds"},
		{"Version in an iterator", oneStateDoc(`{"Type": "Map", "Iterator": {"Version": "1.0", "StartAt": "B", "States": {}}, "End": true}`), "1:63: SCHEMA_VALIDATION_FAILED: field \"Version\" is not supported in a Map Iterator: it is only allowed at the top level of the state machine at /States/A/Iterator/Version"},
		{"ProcessorConfig in a branch", oneStateDoc(`{"Type": "Parallel", "Branches": [{"ProcessorConfig": {}, "StartAt": "B", "States": {}}], "End": true}`), "1:69: SCHEMA_VALIDATION_FAILED: field \"ProcessorConfig\" is not supported in a Parallel branch: it is only allowed in a Map ItemProcessor or Iterator at /States/A/Branches/0/ProcessorConfig"},
		{"unknown field in a processor", oneStateDoc(`{"Type": "Map", "ItemProcessor": {"StartsAt": "B", "States": {}}, "End": true}`), "1:68: SCHEMA_VALIDATION_FAILED: field \"StartsAt\" is not supported in a Map ItemProcessor (did you mean \"StartAt\"?) at /States/A/ItemProcessor/StartsAt"},
		{"ItemProcessor is a string", oneStateDoc(`{"Type": "Map", "ItemProcessor": "B", "End": true}`), "1:67: SCHEMA_VALIDATION_FAILED: field \"ItemProcessor\" must be an object with StartAt and States, not a string at /States/A/ItemProcessor"},
		{"unknown ProcessorConfig field", oneStateDoc(`{"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mod": "INLINE"}, "StartAt": "B", "States": {}}, "End": true}`), "1:88: SCHEMA_VALIDATION_FAILED: field \"Mod\" is not supported in ProcessorConfig (did you mean \"Mode\"?) at /States/A/ItemProcessor/ProcessorConfig/Mod"},
		{"unknown ItemReader field", oneStateDoc(`{"Type": "Map", "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Argument": {}}, "End": true}`), "1:110: SCHEMA_VALIDATION_FAILED: field \"Argument\" is not supported in ItemReader (did you mean \"Arguments\"?) at /States/A/ItemReader/Argument"},
		{"unknown ReaderConfig field", oneStateDoc(`{"Type": "Map", "ItemReader": {"ReaderConfig": {"CSVHeader": []}}, "End": true}`), "1:82: SCHEMA_VALIDATION_FAILED: field \"CSVHeader\" is not supported in ReaderConfig (did you mean \"CSVHeaders\"?) at /States/A/ItemReader/ReaderConfig/CSVHeader"},
		{"CSVHeaders element", oneStateDoc(`{"Type": "Map", "ItemReader": {"ReaderConfig": {"CSVHeaders": ["a", 1]}}, "End": true}`), "1:102: SCHEMA_VALIDATION_FAILED: element 1 of \"CSVHeaders\" must be a string, not a number at /States/A/ItemReader/ReaderConfig/CSVHeaders/1"},
		{"unknown ItemBatcher field", oneStateDoc(`{"Type": "Map", "ItemBatcher": {"MaxItems": 5}, "End": true}`), "1:66: SCHEMA_VALIDATION_FAILED: field \"MaxItems\" is not supported in ItemBatcher (did you mean \"MaxItemsPerBatch\"?) at /States/A/ItemBatcher/MaxItems"},
		{"ItemBatcher is an array", oneStateDoc(`{"Type": "Map", "ItemBatcher": [], "End": true}`), "1:65: SCHEMA_VALIDATION_FAILED: field \"ItemBatcher\" must be an object, not an array at /States/A/ItemBatcher"},
		{"unknown ResultWriter field", oneStateDoc(`{"Type": "Map", "ResultWriter": {"Bucket": "b"}, "End": true}`), "1:67: SCHEMA_VALIDATION_FAILED: field \"Bucket\" is not supported in ResultWriter; remove it at /States/A/ResultWriter/Bucket"},
		{"unknown WriterConfig field", oneStateDoc(`{"Type": "Map", "ResultWriter": {"WriterConfig": {"OutputTyp": "JSON"}}, "End": true}`), "1:84: SCHEMA_VALIDATION_FAILED: field \"OutputTyp\" is not supported in WriterConfig (did you mean \"OutputType\"?) at /States/A/ResultWriter/WriterConfig/OutputTyp"},
		{"unknown Retrier field", oneStateDoc(`{"Type": "Task", "Resource": "r", "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempt": 2}], "End": true}`), "1:110: SCHEMA_VALIDATION_FAILED: field \"MaxAttempt\" is not supported in a Retrier (did you mean \"MaxAttempts\"?) at /States/A/Retry/0/MaxAttempt"},
		{"Retry is an object", oneStateDoc(`{"Type": "Task", "Resource": "r", "Retry": {}, "End": true}`), "1:77: SCHEMA_VALIDATION_FAILED: field \"Retry\" must be an array of retriers, not an object at /States/A/Retry"},
		{"retrier is a string", oneStateDoc(`{"Type": "Task", "Resource": "r", "Retry": ["States.ALL"], "End": true}`), "1:78: SCHEMA_VALIDATION_FAILED: retrier 0 must be an object with ErrorEquals, not a string at /States/A/Retry/0"},
		{"ErrorEquals is a string", oneStateDoc(`{"Type": "Task", "Resource": "r", "Retry": [{"ErrorEquals": "States.ALL"}], "End": true}`), "1:94: SCHEMA_VALIDATION_FAILED: field \"ErrorEquals\" must be an array of strings, not a string at /States/A/Retry/0/ErrorEquals"},
		{"unknown Catcher field", oneStateDoc(`{"Type": "Task", "Resource": "r", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B", "ResultsPath": "$.e"}], "End": true}`), "1:123: SCHEMA_VALIDATION_FAILED: field \"ResultsPath\" is not supported in a Catcher (did you mean \"ResultPath\"?) at /States/A/Catch/0/ResultsPath"},
		{"Catch is a string", oneStateDoc(`{"Type": "Task", "Resource": "r", "Catch": "B", "End": true}`), "1:77: SCHEMA_VALIDATION_FAILED: field \"Catch\" must be an array of catchers, not a string at /States/A/Catch"},
		{"catcher is an array", oneStateDoc(`{"Type": "Task", "Resource": "r", "Catch": [[]], "End": true}`), "1:78: SCHEMA_VALIDATION_FAILED: catcher 0 must be an object with ErrorEquals and Next, not an array at /States/A/Catch/0"},
		{"Catcher ResultPath is a number", oneStateDoc(`{"Type": "Task", "Resource": "r", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B", "ResultPath": 1}], "End": true}`), "1:137: SCHEMA_VALIDATION_FAILED: field \"ResultPath\" must be a string (a path) or null, not a number at /States/A/Catch/0/ResultPath"},
		{"escaped pointer", `{"StartAt": "a/b", "States": {"a/b": {"Type": "Pass", "End": 1}, "c~d": {"Type": "Pass", "Nex": "a/b"}}}`, "1:62: SCHEMA_VALIDATION_FAILED: field \"End\" must be a boolean, not a number at /States/a~1b/End\n1:90: SCHEMA_VALIDATION_FAILED: field \"Nex\" is not supported in a Pass state (did you mean \"Next\"?) at /States/c~0d/Nex"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sm, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("Parse succeeded (%+v), want error:\n%s", sm, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, want *asl.Error", err)
			}
			if sm != nil {
				t.Errorf("Parse returned a machine with its error")
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestParseDiagnosticFields checks the parts of a diagnostic beyond its
// text: codes, pointers and positions, in document order.
func TestParseDiagnosticFields(t *testing.T) {
	in := "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": {\"Type\": \"Pass\", \"Nxt\": \"B\", \"Next\": \"B\", \"Next\": \"C\"}\n  },\n  \"Extra\": 1\n}"
	_, err := Parse([]byte(in))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want *Error", err)
	}
	want := []Diagnostic{
		{Code: CodeSchema, Pointer: "/States/A/Nxt", Pos: Position{Offset: 60, Line: 4, Column: 27}, Message: `field "Nxt" is not supported in a Pass state (did you mean "Next"?)`},
		{Code: CodeSchema, Pointer: "/States/A/Next", Pos: Position{Offset: 85, Line: 4, Column: 52}, Message: `duplicate key "Next": first at line 4, column 39, again at line 4, column 52; keys must be unique, so remove or rename one`},
		{Code: CodeSchema, Pointer: "/Extra", Pos: Position{Offset: 105, Line: 6, Column: 3}, Message: `field "Extra" is not supported at the top level of a state machine; remove it`},
	}
	if !reflect.DeepEqual(e.Diagnostics, want) {
		t.Errorf("got\n%#v\nwant\n%#v", e.Diagnostics, want)
	}
}

// TestParseErrorGolden checks documents with many problems against golden
// diagnostics under testdata/parse.
func TestParseErrorGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/parse/*.json files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(data)
			if err == nil {
				t.Fatal("Parse succeeded, want errors")
			}
			golden.Check(t, strings.TrimSuffix(f, ".json")+".golden", []byte(err.Error()+"\n"))
		})
	}
}

func TestParseAccepts(t *testing.T) {
	in := `{
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "End": false, "Next": "B", "InputPath": null, "OutputPath": "$.x", "Result": {"n": 1.50, "e": 1E3, "s": "\u00e9\ud83d\ude00\/\t"}},
    "B": {"Comment": "no Type: Validate reports it", "End": true},
    "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "NumericLessThan": 2, "Next": "A"}, {"And": [], "Next": "B"}, {"Not": {"Variable": "$.s", "IsPresent": true}, "Next": "B"}]},
    "D": {"Type": "Task", "Resource": "r", "Retry": [], "Catch": [{"ErrorEquals": [], "ResultPath": "$.e", "Next": "A"}], "End": true},
    "E": {"Type": "Parallel", "Branches": [], "ResultPath": null, "End": true},
    "F": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {}, "StartAt": "G", "States": {}}, "End": true}
  }
}`
	sm, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	a := sm.States.Get("A")
	if a.End || a.Next != "B" {
		t.Errorf(`"End": false: got End=%v Next=%q, want End unset and Next "B"`, a.End, a.Next)
	}
	if a.InputPath != NullPath() || a.OutputPath != PathValue("$.x") || a.ResultPath.Set {
		t.Errorf("paths: got InputPath %+v, OutputPath %+v, ResultPath %+v", a.InputPath, a.OutputPath, a.ResultPath)
	}
	wantResult := ObjectValue(
		Member{"n", NumberValue("1.50")},
		Member{"e", NumberValue("1E3")},
		Member{"s", StringValue("é😀/\t")},
	)
	if !reflect.DeepEqual(a.Result, wantResult) {
		t.Errorf("Result: got %#v, want %#v (number text and member order kept)", a.Result, wantResult)
	}
	if b := sm.States.Get("B"); b.Type != "" || !b.End {
		t.Errorf("state without Type: got %+v", b)
	}
	c := sm.States.Get("C")
	wantCmp := []Comparison{{NumericGreaterThan, NumberValue("1")}, {NumericLessThan, NumberValue("2")}}
	if !reflect.DeepEqual(c.Choices[0].Comparisons, wantCmp) {
		t.Errorf("Comparisons: got %+v, want %+v in document order", c.Choices[0].Comparisons, wantCmp)
	}
	if c.Choices[1].And == nil || len(c.Choices[1].And) != 0 || c.Choices[1].Or != nil {
		t.Errorf(`"And": []: got And=%#v Or=%#v, want empty non-nil And and nil Or`, c.Choices[1].And, c.Choices[1].Or)
	}
	if n := c.Choices[2].Not; n == nil || n.Variable != "$.s" || !reflect.DeepEqual(n.Comparisons, []Comparison{{IsPresent, BoolValue(true)}}) {
		t.Errorf("Not: got %+v", n)
	}
	d := sm.States.Get("D")
	if d.Retry == nil || len(d.Retry) != 0 || d.Catch[0].ErrorEquals == nil || len(d.Catch[0].ErrorEquals) != 0 {
		t.Errorf("empty arrays must parse to empty non-nil slices: Retry=%#v ErrorEquals=%#v", d.Retry, d.Catch[0].ErrorEquals)
	}
	if e := sm.States.Get("E"); e.Branches == nil || len(e.Branches) != 0 || e.ResultPath != NullPath() {
		t.Errorf("Parallel: got Branches=%#v ResultPath=%+v", e.Branches, e.ResultPath)
	}
	f := sm.States.Get("F").ItemProcessor
	if f.ProcessorConfig == nil || f.ProcessorConfig.Mode != "" || f.ProcessorConfig.ExecutionType != "" || f.ProcessorConfig.Empty != nil || f.States == nil || len(f.States) != 0 {
		t.Errorf("ItemProcessor: got %+v", f)
	}
	if names := []string{sm.States[0].Name, sm.States[5].Name}; names[0] != "A" || names[1] != "F" {
		t.Errorf("state order: got %v", names)
	}
}

func TestParseValue(t *testing.T) {
	tests := []struct {
		in   string
		want Value
	}{
		{`null`, NullValue()},
		{` true `, BoolValue(true)},
		{`false`, BoolValue(false)},
		{`-0.0e-0`, NumberValue("-0.0e-0")},
		{`12345678901234567890123`, NumberValue("12345678901234567890123")},
		{`"a\"b\\c\u0041"`, StringValue(`a"b\cA`)},
		{`[]`, ArrayValue()},
		{`[1, [2]]`, ArrayValue(NumberValue("1"), ArrayValue(NumberValue("2")))},
		{`{}`, Value{Kind: Object}},
		{`{"b": 1, "a": {"c": null}}`, ObjectValue(Member{"b", NumberValue("1")}, Member{"a", ObjectValue(Member{"c", NullValue()})})},
		{"\"\u2028\U0001F600\"", StringValue("\u2028\U0001F600")},
	}
	for _, tt := range tests {
		got, err := ParseValue([]byte(tt.in))
		if err != nil {
			t.Errorf("ParseValue(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseValue(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
	// Duplicate keys are an error for any JSON.
	_, err := ParseValue([]byte(`{"a": {"b": 1, "b": 1}}`))
	want := `1:16: SCHEMA_VALIDATION_FAILED: duplicate key "b": first at line 1, column 8, again at line 1, column 16; keys must be unique, so remove or rename one at /a/b`
	if err == nil || err.Error() != want {
		t.Errorf("duplicate keys: got %v, want %s", err, want)
	}
}

func TestDocumentPosition(t *testing.T) {
	in := "{\n  \"StartAt\": \"a/b\",\n  \"States\": {\n    \"a/b\": {\n      \"Type\": \"Pass\",\n      \"Result\": [1, {\"x~y\": true}],\n      \"End\": true\n    }\n  }\n}\n"
	doc, err := ParseDocument([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Source) != in || doc.Machine.StartAt != "a/b" || doc.Value.Kind != Object {
		t.Errorf("document fields not filled: %+v", doc)
	}
	tests := []struct {
		ptr  string
		want string
	}{
		{"", "1:1"},
		{"/StartAt", "2:14"},
		{"/States", "3:13"},
		{"/States/a~1b", "4:12"},
		{"/States/a~1b/Type", "5:15"},
		{"/States/a~1b/Result/0", "6:18"},
		{"/States/a~1b/Result/1/x~0y", "6:29"},
		{"/States/a~1b/Next", "4:12"},               // absent: the state
		{"/States/a~1b/Result/7/z", "6:17"},         // absent: the array
		{"/States/missing/Type", "3:13"},            // absent: States
		{"/Comment", "1:1"},                         // absent: the root
		{"/States/a~1b/Result/1/x~0y/deep", "6:29"}, // below a scalar
	}
	for _, tt := range tests {
		if got := doc.Position(tt.ptr).String(); got != tt.want {
			t.Errorf("Position(%q) = %s, want %s", tt.ptr, got, tt.want)
		}
	}
	if p := doc.Position("/StartAt"); p.Offset != 15 {
		t.Errorf("Offset of /StartAt = %d, want 15", p.Offset)
	}
	var nilDoc *Document
	if p := nilDoc.Position(""); p.IsValid() {
		t.Errorf("nil document: got %v", p)
	}
}

// FuzzParse checks that Parse never panics and that whatever it accepts
// marshals, parses again, and marshals to the same bytes.
func FuzzParse(f *testing.F) {
	for _, glob := range []string{"testdata/marshal/*.asl.json", "testdata/parse/*.json"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`,
		`{"a": "\ud83d\ude00\u0000"}`, `{"a": 1, "a": 2}`, `{"a": [1, 2,]}`, "StartAt: A\n", `{"x": -0.0e+1}`,
		oneStateDoc(`{"Type": "Choice", "Choices": [{"Not": {"Variable": "$", "IsNull": true}, "Next": "A"}]}`),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := Parse(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || len(e.Diagnostics) == 0 {
				t.Fatalf("error %v is not a non-empty *Error", err)
			}
			return
		}
		out, err := Marshal(sm)
		if err != nil {
			t.Fatalf("Marshal of a parsed document: %v", err)
		}
		sm2, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(x)): %v\n%s", err, out)
		}
		out2, err := Marshal(sm2)
		if err != nil {
			t.Fatalf("Marshal(Parse(Marshal(x))): %v", err)
		}
		if !bytes.Equal(out, out2) {
			t.Fatalf("Marshal is not a fixed point:\n%s", golden.Diff(out, out2))
		}
	})
}

// FuzzParseValue checks ParseValue against encoding/json: they accept the
// same texts, except invalid UTF-8 and lone surrogates, which only
// ParseValue rejects, and duplicate keys, which only it reports.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{`{}`, `[1, "a", null, true, {"b": -1.5e3}]`, `"\ud800"`, "\"\xff\"", `{"a":1,"a":2}`, `01`, `1.`, ` `} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := ParseValue(data)
		if err != nil {
			if json.Valid(data) && utf8.Valid(data) && !strings.Contains(err.Error(), "surrogate") && !strings.Contains(err.Error(), "duplicate key") && !strings.Contains(err.Error(), "nested more than") {
				t.Fatalf("encoding/json accepts %q, ParseValue says %v", data, err)
			}
			return
		}
		if !json.Valid(data) {
			t.Fatalf("ParseValue accepts %q, encoding/json does not", data)
		}
		out, err := MarshalValue(v)
		if err != nil {
			t.Fatalf("MarshalValue: %v", err)
		}
		back, err := ParseValue(out)
		if err != nil || !reflect.DeepEqual(normalizeEmpty(back), normalizeEmpty(v)) {
			t.Fatalf("ParseValue(MarshalValue(v)) = %#v, %v; want %#v", back, err, v)
		}
	})
}

// normalizeEmpty makes empty arrays and objects compare equal however they
// were built.
func normalizeEmpty(v Value) Value {
	switch v.Kind {
	case Array:
		items := make([]Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = normalizeEmpty(it)
		}
		return Value{Kind: Array, Items: items}
	case Object:
		ms := make([]Member, len(v.Members))
		for i, m := range v.Members {
			ms[i] = Member{m.Key, normalizeEmpty(m.Value)}
		}
		return Value{Kind: Object, Members: ms}
	}
	return v
}

// largestCorpusFile returns the biggest state machine of the corpus.
func largestCorpusFile(b *testing.B) []byte {
	dir := testcorpus.Dir(b)
	data, err := os.ReadFile(filepath.Join(dir, "workflows-collection", "quorum-with-parallel-pattern.asl.json"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParse(b *testing.B) {
	data := largestCorpusFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
