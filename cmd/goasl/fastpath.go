package main

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/goasl/goasl/driver"
)

// The fast path of goasl generate. A run that wrote its files records, in
// the user cache directory, every input it depended on: the files of the
// packages it loaded outside the standard library and the module cache,
// the listing of their directories, every go.mod, go.sum, go.work and
// vendor/modules.txt that the go command could find from the working and
// the package directories (or that there was none), the files it wrote,
// and what it printed. The record is keyed by goasl's own build ID, the
// go toolchain, the whole environment (but for a few shell variables), the
// go env file, the working directory and the arguments. The next run with
// the same key hashes those files again; when every one is as recorded,
// the output would be the same, so goasl prints what it printed and stops,
// without go list and without the driver. Any difference, any file it
// cannot read and any doubt (a pattern with "...", a package loaded
// without some of its files, an output that is also an input and changed)
// means the full run.
//
// What the fast path cannot see is what a workflow function reads at run
// time besides its Go sources (a file it opens): GOASL_NOCACHE=1 turns the
// fast path off for such packages.

// fastVersion changes when the record's meaning does.
const fastVersion = "goasl-fast-1"

// fastRecord is what a successful run leaves for the next.
type fastRecord struct {
	// Files maps absolute paths to the hex SHA-256 of their contents, ""
	// for a file that did not exist.
	Files map[string]string
	// Dirs maps absolute directories to a hash of their entries' names
	// and kinds.
	Dirs map[string]string
	// Stderr is what the run printed (diagnostics, what workflow
	// functions printed); it printed nothing on stdout (no -v).
	Stderr string
}

// volatileEnv are environment variables that shells change and that
// neither the go command nor goasl reads.
var volatileEnv = map[string]bool{"OLDPWD": true, "_": true, "SHLVL": true}

// fastKey returns the cache file for a generate run with these arguments,
// or "" when the fast path does not apply. (generate does not ask with -v,
// whose list of written files the fast path could not repeat, nor with
// -check.)
func fastKey(patterns []string, req driver.Request, cdk *cdkTarget, tags string, verbose bool) string {
	if os.Getenv("GOASL_NOCACHE") != "" {
		return ""
	}
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	for _, p := range patterns {
		// Only directories: a pattern with ... matches new packages,
		// and an import path may resolve elsewhere.
		if strings.Contains(p, "...") || !(p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)) {
			return ""
		}
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	self := selfID()
	toolchain := goToolchainID()
	if self == "" || toolchain == "" {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	h := sha256.New()
	field := func(s string) { fmt.Fprintf(h, "%d:%s\n", len(s), s) }
	field(fastVersion)
	field(self)
	field(toolchain)
	field(wd)
	env := os.Environ()
	sort.Strings(env)
	for _, kv := range env {
		if name, _, _ := strings.Cut(kv, "="); !volatileEnv[name] {
			field(kv)
		}
	}
	envFile := goEnvFile()
	// Files the go command reads that goasl would not hash: an alternate
	// go.mod, an overlay, a go.work named in the go env file.
	for _, v := range []string{os.Getenv("GOFLAGS"), envFile} {
		if strings.Contains(v, "-modfile") || strings.Contains(v, "-overlay") {
			return ""
		}
	}
	if strings.Contains(envFile, "GOWORK=") {
		return ""
	}
	field(envFile)
	for _, p := range patterns {
		field("pattern " + p)
	}
	field(fmt.Sprintf("naming %v dir %q timeout %v tags %q verbose %v", req.Naming, req.Dir, req.Timeout, tags, verbose))
	if cdk != nil {
		field(fmt.Sprintf("cdk %q %q %q %q", cdk.Dir, cdk.ModuleDir, cdk.Path, cdk.Name))
	}
	return filepath.Join(base, "goasl", "fast", hex.EncodeToString(h.Sum(nil)[:16]))
}

// selfID identifies goasl's own program: its Go build ID, or the hash of
// the whole executable when the build ID cannot be read.
func selfID() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if f, err := elf.Open(exe); err == nil {
		defer f.Close()
		if s := f.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return "buildid " + string(data)
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil))
}

// goToolchainID identifies the go command goasl runs: its path and its
// GOROOT's VERSION file. "" when there is none (a development toolchain).
func goToolchainID() string {
	p, err := exec.LookPath("go")
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return ""
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(filepath.Dir(real)), "VERSION"))
	if err != nil {
		return ""
	}
	fi, err := os.Stat(real)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d %s", real, fi.Size(), fi.ModTime().UnixNano(), data)
}

// goEnvFile returns the contents of the go env file (go env -w), which
// sets variables such as GOFLAGS.
func goEnvFile() string {
	name := os.Getenv("GOENV")
	if name == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return ""
		}
		name = filepath.Join(dir, "go", "env")
	}
	if name == "off" {
		return "off"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return "absent " + name
	}
	return name + "\n" + string(data)
}

// hashFile returns the hex SHA-256 of a file's contents, "" when it does
// not exist, and ok false when it cannot be read for another reason.
func hashFile(name string) (sum string, ok bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", os.IsNotExist(err)
	}
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:]), true
}

// hashDir returns a hash of a directory's entries (names and kinds), ok
// false when it cannot be read.
func hashDir(dir string) (string, bool) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", false
	}
	h := sha256.New()
	for _, e := range ents {
		fmt.Fprintf(h, "%s\x00%v\n", e.Name(), e.Type())
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

// fastHit reports whether the record under key matches the files as they
// are now; if so it prints what the recorded run printed.
func fastHit(e *env, key string) bool {
	if key == "" {
		return false
	}
	data, err := os.ReadFile(key)
	if err != nil {
		return false
	}
	var rec fastRecord
	if json.Unmarshal(data, &rec) != nil || len(rec.Files) == 0 {
		return false
	}
	for f, want := range rec.Files {
		if got, ok := hashFile(f); !ok || got != want {
			return false
		}
	}
	for d, want := range rec.Dirs {
		if got, ok := hashDir(d); !ok || got != want {
			return false
		}
	}
	io.WriteString(e.stderr, rec.Stderr)
	now := time.Now()
	os.Chtimes(key, now, now)
	return true
}

// maxFastRecords is how many fast-path records goasl keeps.
const maxFastRecords = 200

// fastRecordRun writes the record of a successful run: l is what it
// loaded (its sources hashed right after go list, then checked unchanged
// after the driver ran) and dirs the listings of the loaded directories
// taken then (l.dirs); pre is what fastBefore found before go list; outs
// are the files it wrote. It writes nothing when in doubt.
func fastRecordRun(key string, pre *fastRecord, l *loaded, outs []output, stderr string) {
	if key == "" || pre == nil || l == nil || l.reduced || l.dirs == nil {
		return
	}
	for _, p := range l.pkgs {
		if len(p.Dropped) > 0 {
			return
		}
	}
	rec := fastRecord{Files: map[string]string{}, Dirs: map[string]string{}}
	for _, p := range l.listed {
		if !p.Standard && p.ImportPath != "" && !inModuleCache(p) && len(p.CgoFiles) > 0 {
			// Its C files are not hashed.
			return
		}
	}
	for f, h := range l.hashes {
		if h == "" {
			return
		}
		rec.Files[f] = h
	}
	for _, o := range outs {
		sum := sha256.Sum256(o.data)
		s := hex.EncodeToString(sum[:])
		if old, ok := rec.Files[o.path]; ok && old != s {
			// The run rewrote one of its own inputs: the next run
			// builds with the new contents, which may change the output.
			return
		}
		rec.Files[o.path] = s
	}
	// Every directory whose entries make up a package goasl loaded.
	for d, want := range l.dirs {
		if got, ok := hashDir(d); !ok || got != want {
			return
		}
		rec.Dirs[d] = want
	}
	// What was taken before go list, if it is still so.
	for f, want := range pre.Files {
		if got, ok := hashFile(f); !ok || got != want {
			return
		}
		if old, ok := rec.Files[f]; ok && old != want {
			return
		}
		rec.Files[f] = want
	}
	for d, want := range pre.Dirs {
		if got, ok := hashDir(d); !ok || got != want {
			return
		}
		if old, ok := rec.Dirs[d]; ok && old != want {
			return
		}
		rec.Dirs[d] = want
	}
	rec.Stderr = stderr
	data, err := json.Marshal(rec)
	if err != nil {
		return
	}
	dir := filepath.Dir(key)
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	tmp := fmt.Sprintf("%s.tmp-%d", key, os.Getpid())
	if os.WriteFile(tmp, data, 0o644) != nil || os.Rename(tmp, key) != nil {
		os.Remove(tmp)
		return
	}
	evict(dir, maxFastRecords)
}

// fastBefore hashes, before go list, what the go command finds around the
// packages: every go.mod, go.sum, go.work, go.work.sum above the working
// directory, each package directory and the -cdk-dir (a go.mod or go.work
// that appears changes what the patterns mean), the entries of each
// directory that holds a go.mod or go.work (a vendor directory turns on
// vendoring), and the Go files and entries of the -cdk-dir, whose package
// name goasl reads. nil when one cannot be read.
func fastBefore(key string, patterns []string, cdk *cdkTarget) *fastRecord {
	if key == "" {
		return nil
	}
	if len(patterns) == 0 {
		patterns = []string{"."}
	}
	rec := &fastRecord{Files: map[string]string{}, Dirs: map[string]string{}}
	file := func(f string) bool {
		if _, ok := rec.Files[f]; ok {
			return true
		}
		h, ok := hashFile(f)
		rec.Files[f] = h
		return ok
	}
	dir := func(d string) bool {
		if _, ok := rec.Dirs[d]; ok {
			return true
		}
		h, ok := hashDir(d)
		rec.Dirs[d] = h
		return ok
	}
	var roots []string
	for _, p := range patterns {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil
		}
		roots = append(roots, abs)
	}
	if wd, err := os.Getwd(); err == nil {
		roots = append(roots, wd)
	} else {
		return nil
	}
	if w := os.Getenv("GOWORK"); w != "" && w != "off" {
		if !file(w) || !file(w+".sum") {
			return nil
		}
	}
	if cdk != nil {
		roots = append(roots, cdk.Dir)
		if !dir(cdk.Dir) {
			return nil
		}
		ents, err := os.ReadDir(cdk.Dir)
		if err != nil {
			return nil
		}
		for _, ent := range ents {
			if strings.HasSuffix(ent.Name(), ".go") && !file(filepath.Join(cdk.Dir, ent.Name())) {
				return nil
			}
		}
	}
	for _, r := range roots {
		for d := r; ; d = filepath.Dir(d) {
			for _, name := range []string{"go.mod", "go.sum", "go.work", "go.work.sum"} {
				if !file(filepath.Join(d, name)) {
					return nil
				}
			}
			if rec.Files[filepath.Join(d, "go.mod")] != "" || rec.Files[filepath.Join(d, "go.work")] != "" {
				if !dir(d) {
					return nil
				}
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return rec
}

// fastFiles returns a package's Go and embedded files.
func fastFiles(p *listedPackage) []string {
	files := absFiles(p)
	for _, f := range p.EmbedFiles {
		files = append(files, filepath.Join(p.Dir, f))
	}
	return files
}

// fastDirs returns, or nil when one cannot be read, the listings of the directories of the packages go
// list named outside the standard library and the module cache, and of
// the directories between each embedded file and its package: a file
// added there may change a package.
func fastDirs(l *loaded) map[string]string {
	out := map[string]string{}
	add := func(d string) bool {
		if _, ok := out[d]; ok {
			return true
		}
		h, ok := hashDir(d)
		out[d] = h
		return ok
	}
	for _, p := range l.listed {
		if p.Standard || p.Dir == "" || inModuleCache(p) {
			continue
		}
		if !add(p.Dir) {
			return nil
		}
		for _, f := range p.EmbedFiles {
			for d := filepath.Dir(filepath.Join(p.Dir, f)); len(d) > len(p.Dir); d = filepath.Dir(d) {
				if !add(d) {
					return nil
				}
			}
		}
	}
	return out
}

// teeWriter copies what is written to w into buf.
type teeWriter struct {
	w   io.Writer
	buf *bytes.Buffer
}

func (t teeWriter) Write(p []byte) (int, error) {
	t.buf.Write(p)
	return t.w.Write(p)
}
