package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestInModuleCache checks goasl's one rule for "a package of the module
// cache" on what go list says: with GOMODCACHE unset, set, and reached
// through a symbolic link, a cached module's files are not local sources;
// vendored ones (-mod=vendor) are, as are the main module's. The loader
// (localSources) and the fast path (inModuleCache) once decided this
// apart, and disagreed on vendored packages.
func TestInModuleCache(t *testing.T) {
	const dep = "github.com/dlclark/regexp2" // a dependency of goasl: in the cache
	cache := goEnv(t, "GOMODCACHE")
	if _, err := os.Stat(filepath.Join(cache, dep+"@v1.12.0")); err != nil {
		t.Skipf("%s v1.12.0 is not in the module cache: %v", dep, err)
	}
	var sums []string
	data, err := os.ReadFile(filepath.Join(pkgDir, "..", "..", "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, dep+" v1.12.0") {
			sums = append(sums, line)
		}
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.26\n\nrequire " + dep + " v1.12.0\n",
		"go.sum": strings.Join(sums, "\n") + "\n",
		"m.go":   "package m\n\nimport _ \"" + dep + "\"\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	link := filepath.Join(t.TempDir(), "modcache")
	if err := os.Symlink(cache, link); err != nil {
		t.Fatal(err)
	}
	sources := func(t *testing.T) []string {
		t.Helper()
		listed, err := goList(context.Background(), []string{"."}, "", "")
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, p := range listed {
			if p.ImportPath == dep {
				found = true
			}
		}
		if !found {
			t.Fatalf("go list did not list %s", dep)
		}
		return localSources(listed)
	}
	local := []string{filepath.Join(dir, "m.go")}
	t.Run("GOMODCACHE unset", func(t *testing.T) {
		t.Setenv("GOMODCACHE", "")
		t.Setenv("GOPATH", filepath.Dir(filepath.Dir(cache)))
		if filepath.Join(filepath.Dir(filepath.Dir(cache)), "pkg", "mod") != cache {
			t.Skipf("the module cache %s is not GOPATH/pkg/mod", cache)
		}
		if got := sources(t); !slices.Equal(got, local) {
			t.Errorf("local sources %q, want %q", got, local)
		}
	})
	t.Run("GOMODCACHE set", func(t *testing.T) {
		t.Setenv("GOMODCACHE", cache)
		if got := sources(t); !slices.Equal(got, local) {
			t.Errorf("local sources %q, want %q", got, local)
		}
	})
	t.Run("GOMODCACHE through a symbolic link", func(t *testing.T) {
		t.Setenv("GOMODCACHE", link)
		if got := sources(t); !slices.Equal(got, local) {
			t.Errorf("local sources %q, want %q", got, local)
		}
	})
	t.Run("vendor", func(t *testing.T) {
		t.Setenv("GOMODCACHE", cache)
		if out, err := exec.Command("go", "mod", "vendor").CombinedOutput(); err != nil {
			t.Fatalf("go mod vendor: %v\n%s", err, out)
		}
		t.Setenv("GOFLAGS", "-mod=vendor")
		got := sources(t)
		var vendored int
		for _, f := range got {
			if strings.HasPrefix(f, filepath.Join(dir, "vendor", dep)+string(filepath.Separator)) {
				vendored++
			} else if f != local[0] {
				t.Errorf("unexpected local source %s", f)
			}
		}
		if vendored == 0 {
			t.Errorf("the vendored files of %s are not local sources: %q", dep, got)
		}
	})
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}
