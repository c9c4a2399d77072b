package awssdk_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/internal/golden"
	"github.com/goasl/goasl/internal/testcorpus"
)

// sdkResource matches an AWS SDK integration's resource in a definition.
var sdkResource = regexp.MustCompile(`arn:aws:states:::aws-sdk:([a-z0-9]+):([A-Za-z0-9]+)`)

// TestCorpusOperations walks every aws-sdk:* resource of the corpus and
// maps its service and action to the SDK for Go v2 operation, as goasl
// import -sdk-types does in a module that requires the service's module.
// testdata/corpus.golden lists each operation and the summary. Every
// operation of a service whose module goasl's go.mod requires (the SDK
// modules the Go module proxy serves) must map.
func TestCorpusOperations(t *testing.T) {
	dir := testcorpus.Dir(t)
	files := testcorpus.StateMachines(t, dir)
	files = append(files, testcorpus.Files(t, dir, ".asl.yaml", "workflows-collection")...)
	count := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range sdkResource.FindAllSubmatch(data, -1) {
			count[string(m[1])+":"+string(m[2])]++
		}
	}
	ops := make([]string, 0, len(count))
	for k := range count {
		ops = append(ops, k)
	}
	sort.Strings(ops)
	var b strings.Builder
	total, mapped, mappedOps := 0, 0, 0
	unserved := map[string]bool{}
	for _, k := range ops {
		svc, action, _ := strings.Cut(k, ":")
		total += count[k]
		pkg, op, err := docs.Operation(svc, action)
		if err != nil {
			msg := err.Error()
			if strings.Contains(msg, "no required module provides package") {
				unserved[svc] = true
				msg = "no SDK for Go v2 module of the service is required (the module proxy does not serve it)"
			} else {
				t.Errorf("%s: the service's module is required but the operation does not map: %v", k, err)
			}
			fmt.Fprintf(&b, "%-55s %3d  untyped: %s\n", k, count[k], msg)
			continue
		}
		mapped += count[k]
		mappedOps++
		fmt.Fprintf(&b, "%-55s %3d  %s.%sInput\n", k, count[k], pkg[strings.LastIndexByte(pkg, '/')+1:], op)
	}
	var svcs []string
	for s := range unserved {
		svcs = append(svcs, s)
	}
	sort.Strings(svcs)
	fmt.Fprintf(&b, "\n%d of %d aws-sdk resources (%d of %d operations) map to a typed form; the others call %s.\n",
		mapped, total, mappedOps, len(ops), strings.Join(svcs, ", "))
	t.Logf("%d of %d aws-sdk resources (%d of %d operations) map to a typed form", mapped, total, mappedOps, len(ops))
	golden.Check(t, "testdata/corpus.golden", []byte(b.String()))
}

func TestOperationErrors(t *testing.T) {
	if _, _, err := docs.Operation("s3", "getObjekt"); err == nil || !strings.Contains(err.Error(), "declares no struct GetObjektInput") {
		t.Errorf("getObjekt: %v", err)
	}
	if _, _, err := docs.Operation("s3", ""); err == nil || err.Error() != `"" is not an operation name` {
		t.Errorf("empty: %v", err)
	}
	if _, _, err := docs.Operation("s3", "GetObject"); err == nil || err.Error() != "the typed form of s3:GetObject would call s3:getObject" {
		t.Errorf("GetObject: %v", err)
	}
	if _, _, err := docs.Operation("configservice", "listAggregateDiscoveredResources"); err == nil || err.Error() != "the typed form of configservice:listAggregateDiscoveredResources would call config:listAggregateDiscoveredResources" {
		t.Errorf("configservice: %v", err)
	}
	pkg, op, err := docs.Operation("config", "listAggregateDiscoveredResources")
	if err != nil || pkg != awssdk.ServicePrefix+"configservice" || op != "ListAggregateDiscoveredResources" {
		t.Errorf("config: %s %s %v", pkg, op, err)
	}
}
