package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain gives the tests a cache directory of their own, so that the
// driver programs they build do not go to the user's, and keeps the go
// command's build cache where it is.
func TestMain(m *testing.M) {
	if os.Getenv("GOCACHE") == "" {
		if out, err := exec.Command("go", "env", "GOCACHE").Output(); err == nil {
			os.Setenv("GOCACHE", strings.TrimSpace(string(out)))
		}
	}
	dir, err := os.MkdirTemp("", "goasl-test-cache-*")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// TestDriverCache checks that an unchanged package reuses its driver
// program and that a change to a function body (which changes no type)
// builds a new one, so the output follows the source.
func TestDriverCache(t *testing.T) {
	dir := newModule(t)
	cache := filepath.Join(t.TempDir(), "cache")
	t.Setenv("XDG_CACHE_HOME", cache)
	drivers := func() []string {
		m, _ := filepath.Glob(filepath.Join(cache, "goasl", "drivers", "*"))
		return m
	}
	// The first run adds the generated files to the package: the second
	// builds its driver with them.
	for range 2 {
		if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
			t.Fatalf("generate: %s", errOut)
		}
	}
	first := drivers()
	if len(first) != 2 {
		t.Fatalf("cached drivers after two runs: %q", first)
	}
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate again: %s", errOut)
	}
	if again := drivers(); len(again) != 2 || again[0] != first[0] || again[1] != first[1] {
		t.Errorf("an unchanged package built another driver: %q", again)
	}
	src := filepath.Join(dir, "good", "good.go")
	data, _ := os.ReadFile(src)
	os.WriteFile(src, []byte(strings.Replace(string(data), `wf.Succeed("Done")`, `wf.Succeed("Finished")`, 1)), 0o644)
	if status, _, errOut := runCase(t, "", "generate", "./good"); status != 0 {
		t.Fatalf("generate after a change: %s", errOut)
	}
	if n := len(drivers()); n != 3 {
		t.Errorf("a changed package did not build a new driver: %d cached", n)
	}
	asl, _ := os.ReadFile(filepath.Join(dir, "good", "order_flow.asl.json"))
	if !strings.Contains(string(asl), `"Finished"`) {
		t.Errorf("the definition does not follow the change:\n%s", asl)
	}
}

// TestDriverWithoutCache runs goasl where there is no user cache
// directory (no HOME, no XDG_CACHE_HOME): go run builds and runs the
// driver.
func TestDriverWithoutCache(t *testing.T) {
	dir := newModule(t)
	for _, v := range []string{"GOMODCACHE", "GOPATH", "GOENV"} {
		out, err := exec.Command("go", "env", v).Output()
		if err != nil {
			t.Fatal(err)
		}
		t.Setenv(v, strings.TrimSpace(string(out)))
	}
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	status, out, errOut := runCase(t, "", "generate", "-v", "./good")
	if status != 0 || out != "wrote good/order_flow.asl.json\nwrote good/order_flow_sfn.go\n" || errOut != "" {
		t.Fatalf("status %d\nstdout:\n%s\nstderr:\n%s", status, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "good", "order_flow_sfn.go")); err != nil {
		t.Error(err)
	}
	status, _, errOut = runCase(t, "", "generate", "./ends/exits")
	if status != 1 || !strings.HasPrefix(errOut, "goasl: example.com/wf/ends/exits.Quit ended goasl's driver program (exit status 3)") {
		t.Errorf("through go run, a function calling os.Exit: status %d\n%s", status, errOut)
	}
}
