package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/goasl/goasl/driver"
	"github.com/goasl/goasl/gen"
)

// defaultTimeout bounds the time a workflow function may take.
const defaultTimeout = time.Minute

// driverDir is where the driver program's package seems to be, relative
// to the module directory. It exists only in the -overlay file given to
// go run: nothing is written into the module, and the package path and
// contents stay the same from run to run, so go run takes the built
// driver from the build cache when nothing changed.
const driverDir = ".goasl-driver"

// runDriver builds and runs the driver program for the packages of one
// module and returns its results.
func runDriver(ctx context.Context, e *env, l *loaded, moduleDir string, pkgs []*workflowPackage, req driver.Request, tags string) (*driver.Result, error) {
	removeLegacyDrivers(moduleDir)
	dir, done, err := tempDir(e)
	if err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", plainError(err))
	}
	defer done()
	mainFile := filepath.Join(dir, "main.go")
	src := driverSource(pkgs)
	if err := os.WriteFile(mainFile, src, 0o644); err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", plainError(err))
	}
	dropped := map[string][]string{}
	for _, p := range pkgs {
		dropped[p.Path] = p.Dropped
	}
	overlay := filepath.Join(dir, "overlay.json")
	if err := writeOverlay(overlay, dropped, map[string]string{filepath.Join(moduleDir, driverDir, "main.go"): mainFile}); err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", plainError(err))
	}
	reqData, _ := json.Marshal(req)
	reqFile := filepath.Join(dir, "request.json")
	resFile := filepath.Join(dir, "result.json")
	if err := os.WriteFile(reqFile, reqData, 0o644); err != nil {
		return nil, fmt.Errorf("creating the driver program: %v", plainError(err))
	}
	var cmd *exec.Cmd
	var stderr bytes.Buffer
	buildFlags := []string{"-overlay=" + overlay}
	if tags != "" {
		buildFlags = append(buildFlags, "-tags="+tags)
	}
	if bin, err := cachedDriver(ctx, l, pkgs, src, moduleDir, buildFlags, &stderr); err != nil {
		return nil, driverFailure(err, "", scrub(stderr.String(), dir), moduleDir)
	} else if bin != "" {
		cmd = childCommand(ctx, moduleDir, bin, reqFile, resFile)
	} else {
		args := append(append([]string{"run"}, buildFlags...), "./"+driverDir, reqFile, resFile)
		cmd = childCommand(ctx, moduleDir, "go", args...)
	}
	cmd.Stdout = e.stderr // workflow functions may print; keep it off our stdout
	cmd.Stderr = &stderr
	runErr := runCommand(cmd)
	output := scrub(stderr.String(), dir)
	if runErr != nil {
		running, _ := os.ReadFile(driver.RunningFile(resFile))
		return nil, driverFailure(runErr, string(running), output, moduleDir)
	}
	// What the workflow functions wrote to standard error.
	if output != "" {
		fmt.Fprint(e.stderr, output)
	}
	data, err := os.ReadFile(resFile)
	if err != nil {
		return nil, fmt.Errorf("reading the driver's results: %v", plainError(err))
	}
	var res driver.Result
	if err := json.Unmarshal(data, &res); err != nil {
		return nil, fmt.Errorf("reading the driver's results: %v", err)
	}
	return &res, nil
}

// scrub replaces goasl's temporary directory in the driver's output.
func scrub(s, dir string) string {
	return strings.ReplaceAll(s, dir+string(filepath.Separator), "goasl-driver/")
}

// maxOutputLines bounds the driver output quoted in a failure: a stack
// overflow prints thousands of frames.
const maxOutputLines = 30

// driverFailure explains a driver program that did not finish.
func driverFailure(err error, running, output, moduleDir string) error {
	lines := strings.Split(strings.TrimRight(output, "\n"), "\n")
	status := err.Error()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() >= 0 {
		status = "exit status " + strconv.Itoa(ee.ExitCode())
	}
	// go run exits with status 1 and prints the driver's own status on
	// its last line.
	if n := len(lines); n > 0 && strings.HasPrefix(lines[n-1], "exit status ") {
		status = lines[n-1]
		lines = lines[:n-1]
	}
	if len(lines) > maxOutputLines {
		lines = append(lines[:maxOutputLines], fmt.Sprintf("... (%d more lines)", len(lines)-maxOutputLines))
	}
	msg := strings.Join(lines, "\n")
	if running != "" {
		return fmt.Errorf("%s ended goasl's driver program (%s) before returning its workflow: a workflow function must return, not call os.Exit or log.Fatal, and not crash in another goroutine (a panic there, a stack overflow); its output:\n%s", running, status, msg)
	}
	if strings.Contains(msg, "go.mod") || strings.Contains(msg, "go.sum") || strings.Contains(msg, "no required module provides") {
		msg += "\n" + toolHint(moduleDir)
	}
	return fmt.Errorf("building goasl's driver program failed (%s):\n%s", status, msg)
}

// toolHint says how to give a module what goasl's driver needs.
func toolHint(moduleDir string) string {
	where := "your module's go.mod"
	if moduleDir != "" {
		where = "the go.mod of " + moduleDir
	}
	return "goasl needs github.com/goasl/goasl and its dependencies in " + where + ": add goasl as a tool with\n" +
		"\tgo get -tool github.com/goasl/goasl/cmd/goasl\n" +
		"or, when go.mod replaces github.com/goasl/goasl with a directory,\n" +
		"\tgo mod edit -tool=github.com/goasl/goasl/cmd/goasl && go mod tidy\n" +
		"(offline, with the modules in your module cache: GOPROXY=off GOSUMDB=off go mod tidy)"
}

// driverSource returns the driver program for the given packages.
func driverSource(pkgs []*workflowPackage) []byte {
	var b bytes.Buffer
	b.WriteString(gen.Header + "\n\n// The program goasl builds to run workflow functions.\npackage main\n\nimport (\n\t\"os\"\n\n\t\"github.com/goasl/goasl/driver\"\n")
	for i, p := range pkgs {
		fmt.Fprintf(&b, "\tp%d %s\n", i, strconv.Quote(p.Path))
	}
	b.WriteString(")\n\nfunc main() {\n\tos.Exit(driver.Main(os.Args[1:], []driver.Func{\n")
	for i, p := range pkgs {
		for _, f := range p.Funcs {
			fmt.Fprintf(&b, "\t\t{PackagePath: %s, PackageName: %s, Name: %s, Build: p%d.%s},\n", strconv.Quote(p.Path), strconv.Quote(p.Name), strconv.Quote(f), i, f)
		}
	}
	b.WriteString("\t}))\n}\n")
	return b.Bytes()
}

// byModule groups packages by their module directory, in a fixed order.
func byModule(pkgs []*workflowPackage) ([]string, map[string][]*workflowPackage) {
	m := map[string][]*workflowPackage{}
	var dirs []string
	for _, p := range pkgs {
		if _, ok := m[p.ModuleDir]; !ok {
			dirs = append(dirs, p.ModuleDir)
		}
		m[p.ModuleDir] = append(m[p.ModuleDir], p)
	}
	sort.Strings(dirs)
	return dirs, m
}

// compileAll loads the packages, runs the driver per module and returns
// every workflow, with each package, in package and function order.
//
// The sources are hashed after loading and again after the driver ran: a
// file edited meanwhile may have been built half old, half new (the go
// command hashes a file, then compiles it), so goasl does it all again,
// once, and then gives up rather than write output that does not match
// the sources.
func compileAll(e *env, patterns []string, req driver.Request, tags string) ([]driver.Workflow, map[string]*workflowPackage, *loaded, error) {
	ctx := context.Background()
	for attempt := 1; ; attempt++ {
		ws, pkgs, l, changed, err := compileOnce(ctx, e, patterns, req, tags)
		if changed == "" {
			return ws, pkgs, l, err
		}
		if attempt == 2 {
			return nil, nil, nil, fmt.Errorf("%s changed while goasl was running, twice: goasl wrote nothing; run it again when the sources are not being edited", displayPath(changed))
		}
	}
}

func compileOnce(ctx context.Context, e *env, patterns []string, req driver.Request, tags string) ([]driver.Workflow, map[string]*workflowPackage, *loaded, string, error) {
	// go list builds the packages: hash the files the last run with the
	// same arguments read before it, and compare after.
	stamp := sourcesStamp(patterns, tags)
	early := hashFiles(readSources(stamp))
	if beforeList != nil {
		beforeList()
	}
	l, err := loadWorkflows(ctx, e, patterns, tags)
	if err != nil {
		return nil, nil, nil, "", err
	}
	l.hashes = hashFiles(l.sources)
	l.dirs = fastDirs(l)
	before := l.hashes
	for f, h := range early {
		if now, ok := before[f]; ok && now != h {
			return nil, nil, nil, f, nil
		}
	}
	writeSources(stamp, l.sources)
	byPath := map[string]*workflowPackage{}
	for _, p := range l.pkgs {
		byPath[p.Path] = p
	}
	dirs, groups := byModule(l.pkgs)
	var all []driver.Workflow
	for _, d := range dirs {
		res, err := runDriver(ctx, e, l, d, groups[d], req, tags)
		if err == nil {
			err = checkResult(res, groups[d], req.Naming)
		}
		if err != nil {
			if changed := changedFile(before, hashFiles(l.sources)); changed != "" {
				return nil, nil, nil, changed, nil
			}
			return nil, nil, nil, "", err
		}
		all = append(all, res.Workflows...)
	}
	// Once after every module's driver ran: a change during any is a retry.
	if changed := changedFile(before, hashFiles(l.sources)); changed != "" {
		return nil, nil, nil, changed, nil
	}
	return all, byPath, l, "", nil
}

// hashFiles returns the hex SHA-256 of each file (see hashFile; "" for
// one that cannot be read).
func hashFiles(files []string) map[string]string {
	out := make(map[string]string, len(files))
	for _, f := range files {
		out[f], _ = hashFile(f)
	}
	return out
}

// changedFile returns the first file whose hash differs, or "".
func changedFile(before, after map[string]string) string {
	var files []string
	for f, h := range before {
		if after[f] != h {
			files = append(files, f)
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return ""
	}
	return files[0]
}

// checkResult checks the driver's answer before goasl uses it: the driver
// runs the user's code, which may write anything to the result file.
// Every workflow must be one goasl asked for, once, and its file base the
// one goasl derives from its name, so nothing is written outside the
// package directory.
func checkResult(res *driver.Result, pkgs []*workflowPackage, naming gen.Naming) error {
	if naming == "" {
		naming = gen.Snake
	}
	asked := map[string]bool{}
	for _, p := range pkgs {
		for _, f := range p.Funcs {
			asked[p.Path+"."+f] = true
		}
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("goasl's driver program returned a result it was not asked for (%s): did a workflow function write to the driver's files? Run goasl again", fmt.Sprintf(format, args...))
	}
	seen := map[string]bool{}
	for _, w := range res.Workflows {
		key := w.PackagePath + "." + w.Func
		switch {
		case !asked[key]:
			return bad("workflow function %s", strconv.Quote(key))
		case seen[key]:
			return bad("%s twice", key)
		case w.Failure == "" && w.Base != gen.FileBase(w.Name, naming):
			return bad("file name %q for workflow %q", w.Base, w.Name)
		}
		seen[key] = true
	}
	if len(seen) != len(asked) {
		return bad("%d of %d workflow functions", len(seen), len(asked))
	}
	return nil
}

// reportWorkflows prints failures and diagnostics and reports whether
// every workflow compiled.
func reportWorkflows(e *env, ws []driver.Workflow) bool {
	ok := true
	pos := newPositions()
	for _, w := range ws {
		if w.Failure != "" {
			e.errorf("%s", w.Failure)
			ok = false
		}
		for _, d := range w.Diagnostics {
			fmt.Fprintln(e.stderr, pos.format(d))
		}
		if w.Failure == "" && w.ASL == "" {
			ok = false
		}
	}
	return ok
}

// maxCachedDrivers is how many driver programs goasl keeps.
const maxCachedDrivers = 20

// driverKey identifies the driver program for pkgs: a hash of its main
// package's source, of the files it leaves out, and of the export file of
// every package it links (the go command names each after a hash of the
// compiled package, so any change to a source file, an embedded file, the
// Go version or the build flags gives another name), and of the
// environment that may change how the go command links. It returns "" when
// a package was not built.
func driverKey(l *loaded, pkgs []*workflowPackage, main []byte) string {
	need := map[string]bool{driverPkgPath: true}
	for _, p := range pkgs {
		need[p.Path] = true
	}
	for p := range need {
		for _, d := range l.deps[p] {
			need[d] = true
		}
	}
	var paths []string
	for p := range need {
		if p == "unsafe" || p == "C" {
			continue
		}
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	fmt.Fprintf(h, "goasl driver 1\n%q\n", main)
	for _, p := range pkgs {
		fmt.Fprintf(h, "drop %s %q\n", p.Path, p.Dropped)
	}
	for _, name := range []string{"GOFLAGS", "GOEXPERIMENT", "CGO_ENABLED", "CGO_LDFLAGS", "GOOS", "GOARCH", "GOAMD64", "GOARM64", "GOTOOLCHAIN"} {
		fmt.Fprintf(h, "env %s=%q\n", name, os.Getenv(name))
	}
	for _, p := range paths {
		exp := l.exports[p]
		if exp == "" {
			return ""
		}
		fmt.Fprintf(h, "pkg %s %s\n", p, filepath.Base(exp))
	}
	return fmt.Sprintf("%x", h.Sum(nil))[:40]
}

// cachedDriver returns the driver program for pkgs, whose main package's
// source is src, from goasl's cache directory, building it there with go
// build if it is not there yet. It returns "" (and no error) when the
// program cannot be cached: go run then builds and runs it.
//
// go run caches the programs it builds too, but it loads every package
// again to find out; goasl already knows from go list whether anything
// changed, so an unchanged package runs its driver at once.
func cachedDriver(ctx context.Context, l *loaded, pkgs []*workflowPackage, src []byte, moduleDir string, buildFlags []string, stderr *bytes.Buffer) (string, error) {
	key := driverKey(l, pkgs, src)
	if key == "" {
		return "", nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", nil
	}
	cache := filepath.Join(base, "goasl", "drivers")
	bin := filepath.Join(cache, key)
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() {
		now := time.Now()
		os.Chtimes(bin, now, now) // most recently used
		return bin, nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", nil
	}
	tmp := fmt.Sprintf("%s.tmp-%d", bin, os.Getpid())
	args := append(append([]string{"build", "-o", tmp}, buildFlags...), "./"+driverDir)
	cmd := childCommand(ctx, moduleDir, "go", args...)
	cmd.Stderr = stderr
	if err := runCommand(cmd); err != nil {
		os.Remove(tmp)
		return "", err
	}
	// A source edited since go list would put a program built from it
	// under the key of the old contents.
	if changedFile(l.hashes, hashFiles(l.sources)) != "" {
		os.Remove(tmp)
		return "", nil
	}
	if err := os.Rename(tmp, bin); err != nil {
		os.Remove(tmp)
		return "", nil
	}
	evictDrivers(cache)
	return bin, nil
}

// evictDrivers removes all but the maxCachedDrivers most recently used
// driver programs.
func evictDrivers(cache string) { evict(cache, maxCachedDrivers) }

// evict removes all but the keep most recently used files of dir, and the
// temporary files of goasl processes that are gone.
func evict(cache string, keep int) {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return
	}
	type entry struct {
		path string
		used time.Time
	}
	var bins []entry
	for _, ent := range entries {
		if i := strings.Index(ent.Name(), ".tmp-"); i >= 0 {
			// Left by a goasl killed while building?
			if pid, err := strconv.Atoi(ent.Name()[i+len(".tmp-"):]); err == nil && processGone(pid) {
				os.Remove(filepath.Join(cache, ent.Name()))
			}
			continue
		}
		if fi, err := ent.Info(); err == nil && fi.Mode().IsRegular() {
			bins = append(bins, entry{filepath.Join(cache, ent.Name()), fi.ModTime()})
		}
	}
	sort.Slice(bins, func(i, j int) bool { return bins[i].used.After(bins[j].used) })
	for i := keep; i < len(bins); i++ {
		os.Remove(bins[i].path)
	}
}

// beforeList, when set (by a test), runs between the first hashing of the
// sources and go list.
var beforeList func()

// maxSourceLists is how many lists of source files goasl keeps.
const maxSourceLists = 100

// sourcesStamp returns the file in which goasl keeps the source files a
// run with these arguments in this directory read, or "" when there is no
// user cache directory.
func sourcesStamp(patterns []string, tags string) string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	wd, _ := os.Getwd()
	sum := sha256.Sum256([]byte(wd + "\x00" + strings.Join(patterns, "\x00") + "\x00" + tags))
	return filepath.Join(base, "goasl", "sources", fmt.Sprintf("%x", sum[:16]))
}

// readSources returns the files listed in stamp.
func readSources(stamp string) []string {
	if stamp == "" {
		return nil
	}
	data, err := os.ReadFile(stamp)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
}

// writeSources lists files in stamp, keeping the maxSourceLists most
// recent lists.
func writeSources(stamp string, files []string) {
	if stamp == "" {
		return
	}
	dir := filepath.Dir(stamp)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	data := []byte(strings.Join(files, "\n") + "\n")
	if old, err := os.ReadFile(stamp); err == nil && bytes.Equal(old, data) {
		now := time.Now()
		os.Chtimes(stamp, now, now)
		return
	}
	tmp := fmt.Sprintf("%s.tmp-%d", stamp, os.Getpid())
	if os.WriteFile(tmp, data, 0o644) != nil || os.Rename(tmp, stamp) != nil {
		os.Remove(tmp)
		return
	}
	evict(dir, maxSourceLists)
}
