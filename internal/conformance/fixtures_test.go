package conformance

import (
	"strconv"
	"strings"

	"github.com/goasl/goasl/asl/value"
	"github.com/goasl/goasl/local"
)

// The S3 objects the LocalStack tests uploaded before starting an
// execution (scenarios/test_base_scenarios.py); the recorded bucket name is
// "bucket-name" (a RegexTransformer's replacement).
const (
	csvRich     = "Col1,Col2,Col3\nValue1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"
	csvSimple   = "Col1,Col2\nValue1,Value2\nValue3,Value4\nValue5,Value6\nValue7,Value8\n"
	csvNoHeader = "Value1,Value2,Value3\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"
	json3same   = `[{"verdict": "true", "statement_date": "6/11/2008", "statement_source": "speech"}, {"verdict": "true", "statement_date": "6/11/2008", "statement_source": "speech"}, {"verdict": "true", "statement_date": "6/11/2008", "statement_source": "speech"}]`
	json3       = `[{"verdict": "true", "statement_date": "6/11/2008", "statement_source": "speech"}, {"verdict": "false", "statement_date": "6/7/2022", "statement_source": "television"}, {"verdict": "mostly-true", "statement_date": "5/18/2016", "statement_source": "news"}]`
	// json4 is assign/test_assign_reference_variables.py's object.
	json4 = `[{"verdict": "true", "statement_date": "6/11/2008", "statement_source": "speech"}, {"verdict": "false", "statement_date": "6/7/2022", "statement_source": "television"}, {"verdict": "mostly-true", "statement_date": "5/18/2016", "statement_source": "news"}, {"verdict": "false", "statement_date": "5/18/2024", "statement_source": "x"}]`
)

var s3Fixtures = map[string]map[string]string{
	"test_map_item_reader_base_csv_headers_first_line":         {"file.csv": csvRich},
	"test_map_item_reader_csv_max_items":                       {"file.csv": csvSimple},
	"test_map_item_reader_csv_max_items_paths":                 {"file.csv": csvSimple},
	"test_map_item_reader_base_csv_headers_decl":               {"file.csv": csvNoHeader},
	"test_map_item_reader_csv_headers_decl_duplicate_headers":  {"file.csv": csvNoHeader},
	"test_map_item_reader_csv_headers_decl_extra_fields":       {"file.csv": csvNoHeader},
	"test_map_item_reader_csv_headers_first_row_typed_headers": {"file.csv": "0,True,{}\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"},
	"test_map_item_reader_csv_first_row_extra_fields":          {"file.csv": "H1,\nValue4,Value5,Value6\n,,,\ntrue,1,'HelloWorld'\nNull,None,\n   \n"},
	"test_map_item_reader_base_json":                           {"file.json": json3},
	"test_map_item_reader_base_json_max_items":                 {"file.json": json3same},
	"test_map_item_reader_base_json_max_items_jsonata":         {"file.json": json3},
	"test_map_item_batching_base_json_max_per_batch_jsonata":   {"file.json": json3},
	"test_map_item_reader_base_json_with_items_path":           {"file.json": `[["from-bucket-item-0"]]`},
	"test_map_item_reader_json_no_json_list_object":            {"file.json": `{"Hello": "world"}`},
	"test_map_item_reader_base_list_objects_v2":                {"file_0.txt": "0HelloWorld!", "file_1.txt": "1HelloWorld!", "file_2.txt": "2HelloWorld!"},
	"test_reference_in_map_state_max_items_path":               {"file.json": json4},
}

// putFixtures fills the in-memory S3 for a case.
func putFixtures(key string, s3 *local.S3) {
	name := key[strings.LastIndex(key, "::")+2:]
	if i := strings.IndexByte(name, '['); i >= 0 {
		name = name[:i]
	}
	bucket := "bucket-name"
	if name == "test_map_item_reader_base_list_objects_v2" {
		bucket = "bucket_name" // this test's transformer
	}
	for k, body := range s3Fixtures[name] {
		s3.Put(bucket, k, []byte(body))
	}
}

func init() {
	// scenarios: the CSV headers and MaxItems the tests put in the template.
	headers := func(hs ...string) recipe {
		return func(def value.Value, _ string) (value.Value, string) {
			items := make([]value.Value, len(hs))
			for i, h := range hs {
				items[i] = value.FromString(h)
			}
			return set(def, value.FromArray(items), "States", "MapState", "ItemReader", "ReaderConfig", "CSVHeaders"), ""
		}
	}
	recipes["test_map_item_reader_base_csv_headers_decl"] = headers("H1", "H2", "H3")
	recipes["test_map_item_reader_csv_headers_decl_duplicate_headers"] = headers("H1", "H1", "H3")
	recipes["test_map_item_reader_csv_headers_decl_extra_fields"] = headers("H1")
	recipes["test_map_item_reader_csv_max_items"] = func(def value.Value, param string) (value.Value, string) {
		n, err := strconv.Atoi(param)
		if err != nil {
			return def, "unknown parameter " + param
		}
		return set(def, value.FromInt(int64(n)), "States", "MapState", "ItemReader", "ReaderConfig", "MaxItems"), ""
	}
	// template["States"]["MapState"]["ItemsPath"] = items_path
	itemsPaths := map[string]string{
		"VALID_ITEMS_PATH_FROM_PREVIOUS":    "$.from_previous",
		"VALID_ITEMS_PATH_FROM_ITEM_READER": "$[0]",
		"INVALID_ITEMS_PATH":                "$.no_such_path_in_bucket_result",
		"VALID_ITEMS_PATH_FROM_INPUT":       "$.from_input_items",
	}
	recipes["test_map_item_reader_base_json_with_items_path"] = func(def value.Value, param string) (value.Value, string) {
		p, ok := itemsPaths[param]
		if !ok {
			return def, "unknown parameter " + param
		}
		return set(def, value.FromString(p), "States", "MapState", "ItemsPath"), ""
	}
}
