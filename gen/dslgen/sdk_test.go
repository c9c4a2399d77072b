package dslgen

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/compiler/awssdk"
	"github.com/goasl/goasl/internal/golden"
)

// sdkTypes maps the calls of services whose SDK modules goasl's go.mod
// requires, as goasl import -sdk-types does in the user's module.
func sdkTypes() SDKTypes {
	docs := &awssdk.SourceDocs{}
	return func(service, action string) (string, string, bool) {
		pkg, op, err := docs.Operation(service, action)
		return pkg, op, err == nil
	}
}

// TestSDKTypes writes the AWS SDK calls of sdk.asl.json in their typed
// form where SDKTypes maps them (s3, dynamodb, secretsmanager; textract's
// module is not required, so that call stays dsl.SDK), builds the code
// and compiles it back to the definition.
func TestSDKTypes(t *testing.T) {
	wfs := goldenCase(t, "sdk.asl.json", false)
	for i := range wfs {
		wfs[i].SDKTypes = sdkTypes()
	}
	src, err := Generate("workflows", wfs...)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, filepath.Join("testdata", "golden", "sdk.go.golden"), src)

	gendir, outdir := t.TempDir(), t.TempDir()
	w := wfs[0]
	canon, err := asl.Marshal(w.Machine)
	if err != nil {
		t.Fatal(err)
	}
	cv, err := asl.ParseValue(canon)
	if err != nil {
		t.Fatal(err)
	}
	w.Func = "W000"
	src, err = Generate("main", w)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gendir, "w000.go"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	c := corpusCase{file: "sdk.asl.json", canonical: cv, fn: w.Func}
	writeDriver(t, gendir, []corpusCase{c})
	cmd := exec.Command("go", "run", ".", outdir)
	cmd.Dir = gendir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the generated code: %v\n%s", err, truncate(out))
	}
	if problem := roundTripProblem(outdir, c); problem != "" {
		t.Error(problem)
	}
}
