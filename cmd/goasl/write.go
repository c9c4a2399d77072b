package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// rename is os.Rename; tests replace it to make a rename fail.
var rename = os.Rename

// writing is held while files are being put into place, so that an
// interrupt (see signals.go) lets the set of files finish or roll back
// instead of leaving half of it.
var writing sync.Mutex

// targetProblem reports why goasl must not replace path: only a regular
// file or nothing may be replaced.
func targetProblem(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return unwrapPathError(err)
	case fi.Mode().IsRegular():
		return nil
	case fi.IsDir():
		return errors.New("is a directory")
	case fi.Mode()&fs.ModeSymlink != 0:
		return errors.New("is a symbolic link: goasl replaces only regular files; remove the link or write elsewhere")
	}
	return fmt.Errorf("is %s, not a regular file: goasl replaces only regular files", fileKind(fi.Mode()))
}

// fileKind names the kind of a file that is neither regular, a directory
// nor a symbolic link.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// createTemp creates a new file next to path for its next contents. Its
// mode is 0644 less the umask, as for any file a program creates.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		var r [6]byte
		rand.Read(r[:])
		f, err := os.OpenFile(filepath.Join(dir, "."+base+".goasl-tmp-"+hex.EncodeToString(r[:])), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot create a temporary file")
}

// writeAll writes the changed files of one run as a set: every temporary
// file is written first, then each is renamed into place; if a rename
// fails, the files already replaced get their old contents back (or are
// removed if they did not exist), so a run changes all of its files or
// none. Only regular files (or nothing) are replaced.
func writeAll(e *env, outs []output, verbose bool) error {
	type pending struct {
		tmp, path string
		old       []byte // the previous contents; nil if the file did not exist
		existed   bool
	}
	var todo []*pending
	var created []string // directories made here, removed again on failure
	cleanup := func() {
		for _, p := range todo {
			if p.tmp != "" {
				os.Remove(p.tmp)
			}
		}
		for i := len(created) - 1; i >= 0; i-- {
			os.Remove(created[i])
		}
	}
	fail := func(path string, err error) error {
		cleanup()
		return fmt.Errorf("cannot write %s: %v", displayPath(path), plainError(err))
	}
	for _, o := range outs {
		if err := targetProblem(o.path); err != nil {
			return fmt.Errorf("cannot write %s: %v", displayPath(o.path), err)
		}
	}
	for _, o := range outs {
		dir := filepath.Dir(o.path)
		if _, err := os.Stat(dir); os.IsNotExist(err) {
			var missing []string
			for d := dir; ; d = filepath.Dir(d) {
				if _, err := os.Stat(d); err == nil || d == filepath.Dir(d) {
					break
				}
				missing = append([]string{d}, missing...)
			}
			for _, d := range missing {
				if err := os.Mkdir(d, 0o755); err != nil {
					return fail(o.path, err)
				}
				created = append(created, d)
			}
		}
	}
	for _, o := range outs {
		p := &pending{path: o.path}
		have, err := os.ReadFile(o.path)
		switch {
		case err == nil && bytes.Equal(have, o.data):
			continue
		case err == nil:
			p.old, p.existed = have, true
		case !os.IsNotExist(err):
			return fail(o.path, err)
		}
		tmp, err := writeTemp(o.path, o.data)
		if err != nil {
			return fail(o.path, err)
		}
		p.tmp = tmp
		todo = append(todo, p)
	}
	sort.Slice(todo, func(i, j int) bool { return todo[i].path < todo[j].path })
	writing.Lock()
	defer writing.Unlock()
	for i, p := range todo {
		err := targetProblem(p.path) // it may have changed since the check above
		if err == nil {
			err = rename(p.tmp, p.path)
		}
		if err == nil {
			p.tmp = ""
			continue
		}
		var undo []error
		for _, q := range todo[:i] {
			if uerr := restore(q.path, q.old, q.existed); uerr != nil {
				undo = append(undo, fmt.Errorf("%s: %v", displayPath(q.path), plainError(uerr)))
			}
		}
		werr := fail(p.path, err)
		if len(undo) > 0 {
			return fmt.Errorf("%v\nand restoring the files written before it failed too:\n%v", werr, errors.Join(undo...))
		}
		return werr
	}
	if verbose {
		for _, p := range todo {
			fmt.Fprintf(e.stdout, "wrote %s\n", displayPath(p.path))
		}
	}
	return nil
}

// restore puts back the old contents of a file writeAll replaced, or
// removes it if it did not exist.
func restore(path string, old []byte, existed bool) error {
	if !existed {
		return os.Remove(path)
	}
	tmp, err := writeTemp(path, old)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// writeTemp writes data to a new temporary file beside path (see
// createTemp) and returns its name; on failure it leaves no file behind.
func writeTemp(path string, data []byte) (string, error) {
	f, err := createTemp(path)
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", werr
	}
	return f.Name(), nil
}

// writeFile writes one file the way writeAll does. A character device
// such as /dev/null or /dev/stdout is written to, not replaced.
func writeFile(e *env, path string, data []byte) error {
	if fi, err := os.Stat(path); err == nil && fi.Mode()&fs.ModeCharDevice != 0 {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("cannot write %s: %v", displayPath(path), plainError(err))
		}
		_, werr := f.Write(data)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			return fmt.Errorf("cannot write %s: %v", displayPath(path), plainError(werr))
		}
		return nil
	}
	return writeAll(e, []output{{path, data}}, false)
}

// plainError drops the operation and the paths an *os.PathError or
// *os.LinkError repeats: they may name goasl's temporary files.
func plainError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
