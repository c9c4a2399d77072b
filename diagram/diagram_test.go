package diagram

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/goasl/goasl/asl"
	"github.com/goasl/goasl/internal/golden"
)

// TestDiagrams draws every golden ASL file of the compiler in both formats
// and compares with testdata/<name>.mmd and .dot.
func TestDiagrams(t *testing.T) {
	files, err := filepath.Glob("../compiler/testdata/golden/*.asl.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no compiler golden files found: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".asl.json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			sm, err := asl.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, "testdata/"+name+".mmd", []byte(Mermaid(sm)))
			golden.Check(t, "testdata/"+name+".dot", []byte(DOT(sm)))
		})
	}
}

func TestMermaidEscapes(t *testing.T) {
	sm := &asl.StateMachine{StartAt: `Say "hi" | <b>`, States: asl.States{
		{Name: `Say "hi" | <b>`, Type: asl.TypeSucceed},
	}}
	got := Mermaid(sm)
	want := "flowchart TD\n  startNode((\"start\"))\n  endNode((\"end\"))\n  s1([\"Say #quot;hi#quot; #124; #lt;b#gt;<br/>(Succeed)\"])\n  startNode --> s1\n  s1 --> endNode\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
