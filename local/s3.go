package local

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/goasl/goasl/asl/value"
)

// S3 is an in-memory S3: the objects a Distributed Map's ItemReader reads
// and its ResultWriter writes. The zero value is empty and ready; it is
// safe for concurrent use.
type S3 struct {
	mu      sync.Mutex
	objects map[string][]byte // "bucket/key"
}

// Put stores an object.
func (s *S3) Put(bucket, key string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.objects == nil {
		s.objects = map[string][]byte{}
	}
	s.objects[bucket+"/"+key] = append([]byte(nil), data...)
}

// Get returns an object.
func (s *S3) Get(bucket, key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.objects[bucket+"/"+key]
	return d, ok
}

// Keys lists the keys of a bucket under a prefix, sorted.
func (s *S3) Keys(bucket, prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var keys []string
	for k := range s.objects {
		b, key, _ := strings.Cut(k, "/")
		if b == bucket && strings.HasPrefix(key, prefix) {
			keys = append(keys, key)
		}
	}
	sort.Strings(keys)
	return keys
}

func readerFailed(cause string) *Failure {
	return &Failure{Name: ErrItemReaderFailed, HasCause: true, Cause: cause}
}

// readItems runs a Distributed Map's ItemReader over the in-memory S3.
func (x *exec) readItems(cs *cstate, r *roots) (value.Value, *Failure) {
	rd := cs.reader
	params := value.FromMembers()
	var f *Failure
	if rd.params != nil {
		if params, f = rd.params.eval(x, r); f != nil {
			return value.Value{}, f
		}
	}
	maxItems := rd.maxItems
	if rd.maxItemsPath != nil {
		v, ok, at := rd.maxItemsPath.eval(r)
		if !ok {
			return value.Value{}, x.runtime(rd.maxItemsPath.notFound(at))
		}
		n, isInt := intValue(v)
		if !isInt {
			return value.Value{}, x.runtime(fmt.Sprintf("The MaxItemsPath field refers to value %q which is not a valid integer: %s", jsonScalar(v), rd.maxItemsPath.text))
		}
		if n < 0 {
			return value.Value{}, readerFailed("field MaxItems must be positive")
		}
		maxItems = n // 0: no limit
	}
	s3 := x.opts.S3
	if s3 == nil {
		s3 = &S3{}
	}
	bucket := params.Index(0)
	if b, ok := params.Get("Bucket"); ok {
		bucket = b
	}
	res := parseResource(rd.r.Resource)
	var items []value.Value
	switch base := strings.TrimSuffix(res.name, ".sync"); base {
	case "listObjectsV2":
		prefix, _ := params.Get("Prefix")
		for _, k := range s3.Keys(bucket.Str(), prefix.Str()) {
			data, _ := s3.Get(bucket.Str(), k)
			items = append(items, value.FromMembers(
				value.Member{Key: "Etag", Value: value.FromString(fmt.Sprintf("\"%x\"", len(data)))},
				value.Member{Key: "Key", Value: value.FromString(k)},
				value.Member{Key: "LastModified", Value: value.FromString(formatTime(x.opts.StartTime))},
				value.Member{Key: "Size", Value: value.FromInt(int64(len(data)))},
				value.Member{Key: "StorageClass", Value: value.FromString("STANDARD")},
			))
		}
	case "getObject":
		key, _ := params.Get("Key")
		data, ok := s3.Get(bucket.Str(), key.Str())
		if !ok {
			return value.Value{}, readerFailed(fmt.Sprintf("The specified key does not exist. (bucket %q, key %q)", bucket.Str(), key.Str()))
		}
		cfg := rd.r.ReaderConfig
		inputType := "JSON"
		if cfg != nil && cfg.InputType != "" {
			inputType = cfg.InputType
		}
		switch inputType {
		case "JSON":
			v, err := value.Parse(data)
			if err != nil {
				return value.Value{}, readerFailed("Attempting to map over non-iterable node.")
			}
			if cfg != nil && cfg.ItemsPointer != "" {
				v = jsonPointer(v, cfg.ItemsPointer)
			}
			if v.Kind() != value.Array {
				return value.Value{}, readerFailed("Attempting to map over non-iterable node.")
			}
			items = v.Items()
		case "JSONL":
			for _, line := range bytes.Split(data, []byte("\n")) {
				if len(bytes.TrimSpace(line)) == 0 {
					continue
				}
				v, err := value.Parse(line)
				if err != nil {
					return value.Value{}, readerFailed("The JSONL line is not valid JSON.")
				}
				items = append(items, v)
			}
		case "CSV":
			its, f := readCSV(data, cfg.CSVHeaderLocation, cfg.CSVHeaders, cfg.CSVDelimiter)
			if f != nil {
				return value.Value{}, f
			}
			items = its
		default:
			return value.Value{}, readerFailed("the InputType " + inputType + " is not supported by the local executor")
		}
	default:
		return value.Value{}, readerFailed("the ItemReader resource " + rd.r.Resource + " is not supported by the local executor")
	}
	if maxItems > 0 && int64(len(items)) > maxItems {
		items = items[:maxItems]
	}
	if items == nil {
		items = []value.Value{}
	}
	return value.FromArray(items), nil
}

func jsonPointer(v value.Value, ptr string) value.Value {
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		if v.Kind() == value.Array {
			var i int
			if _, err := fmt.Sscan(tok, &i); err != nil {
				return value.Value{}
			}
			v = v.Index(i)
			continue
		}
		v, _ = v.Get(tok)
	}
	return v
}

func readCSV(data []byte, loc string, given []string, delim string) ([]value.Value, *Failure) {
	rd := csv.NewReader(bytes.NewReader(data))
	rd.FieldsPerRecord = -1
	switch delim {
	case "PIPE":
		rd.Comma = '|'
	case "SEMICOLON":
		rd.Comma = ';'
	case "SPACE":
		rd.Comma = ' '
	case "TAB":
		rd.Comma = '\t'
	}
	rows, err := rd.ReadAll()
	if err != nil {
		return nil, readerFailed("The CSV file could not be parsed: " + err.Error())
	}
	headers := given
	if loc != "GIVEN" {
		if len(rows) == 0 {
			return []value.Value{}, nil
		}
		headers, rows = rows[0], rows[1:]
	}
	seen := map[string]bool{}
	for _, h := range headers {
		if seen[h] {
			return nil, readerFailed("CSV headers cannot contain duplicates.")
		}
		seen[h] = true
	}
	items := make([]value.Value, 0, len(rows))
	for _, row := range rows {
		var b value.ObjectBuilder
		for i, h := range headers {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			b.Set(h, value.FromString(cell))
		}
		items = append(items, b.Value())
	}
	return items, nil
}

// writeResults runs a ResultWriter: the results go to the in-memory S3 and
// the state's result is the location of the manifest.
func (x *exec) writeResults(cs *cstate, r *roots, results []value.Value) (value.Value, *Failure) {
	params := value.FromMembers()
	var f *Failure
	if cs.writerParams != nil {
		if params, f = cs.writerParams.eval(x, r); f != nil {
			return value.Value{}, f
		}
	}
	bucket, _ := params.Get("Bucket")
	prefix, _ := params.Get("Prefix")
	arn := x.mapRunArn(cs)
	id := arn[strings.LastIndexByte(arn, ':')+1:]
	base := strings.TrimSuffix(prefix.Str(), "/")
	if base != "" {
		base += "/"
	}
	base += id + "/"
	s3 := x.opts.S3
	if s3 == nil {
		return value.Value{}, &Failure{Name: ErrResultWriterFailed, HasCause: true, Cause: "no in-memory S3 is configured (Options.S3)"}
	}
	var out []byte
	out = append(out, '[')
	for i, res := range results {
		if i > 0 {
			out = append(out, ',')
		}
		out = value.AppendJSON(out, res)
	}
	out = append(out, ']')
	s3.Put(bucket.Str(), base+"SUCCEEDED_0.json", out)
	manifest := value.FromMembers(
		value.Member{Key: "DestinationBucket", Value: bucket},
		value.Member{Key: "MapRunArn", Value: value.FromString(arn)},
		value.Member{Key: "ResultFiles", Value: value.FromMembers(
			value.Member{Key: "SUCCEEDED", Value: value.FromArray([]value.Value{value.FromMembers(
				value.Member{Key: "Key", Value: value.FromString(base + "SUCCEEDED_0.json")},
				value.Member{Key: "Size", Value: value.FromInt(int64(len(out)))},
			)})},
		)},
	)
	s3.Put(bucket.Str(), base+"manifest.json", []byte(manifest.JSON()))
	return value.FromMembers(
		value.Member{Key: "MapRunArn", Value: value.FromString(arn)},
		value.Member{Key: "ResultWriterDetails", Value: value.FromMembers(
			value.Member{Key: "Bucket", Value: bucket},
			value.Member{Key: "Key", Value: value.FromString(base + "manifest.json")},
		)},
	), nil
}
