package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"
)

// command is one goasl subcommand.
type command struct {
	name    string
	summary string
	usage   string // the argument synopsis
	help    string // what it does, with examples
	// setup defines the command's flags on fs and returns the function that
	// runs the command with the arguments left after the flags.
	setup func(fs *flag.FlagSet) func(e *env, args []string) int
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// swept is done once the run removed what killed runs left in the
	// temporary directory (see tempDir).
	swept sync.Once
}

func (e *env) errorf(format string, args ...any) {
	fmt.Fprintf(e.stderr, "goasl: "+format+"\n", args...)
}

// readFile reads a file named on the command line: standard input for
// "-", the file otherwise.
func (e *env) readFile(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(name)
}

// displayName is how messages name a file given on the command line:
// "<stdin>" for "-".
func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// loadFlags defines the flags of the commands that load packages and run
// their workflow functions: -timeout and -tags.
func loadFlags(fs *flag.FlagSet) (timeout *time.Duration, tags *string) {
	timeout = fs.Duration("timeout", defaultTimeout, "how long each workflow function may take to return its workflow")
	tags = fs.String("tags", "", "comma-separated build tags for loading and running the packages")
	return timeout, tags
}

// commands lists every subcommand; each file adds its own with register.
var commands []*command

// register adds a subcommand; call it from an init function.
func register(c *command) { commands = append(commands, c) }

func init() { register(versionCmd) }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is the whole program: it parses args and returns the exit status
// (0 success, 1 problems found, 2 usage error).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c := lookup(args[1]); c != nil {
				commandUsage(stdout, c)
				return 0
			}
			e.errorf("unknown command %q: run 'goasl help' for the list", args[1])
			return 2
		}
		usage(stdout)
		return 0
	}
	c := lookup(name)
	if c == nil {
		e.errorf("unknown command %q: run 'goasl help' for the list", name)
		return 2
	}
	fs := newFlags(e, c)
	runCmd := c.setup(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	handleSignals(e)
	return runCmd(e, fs.Args())
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "goasl compiles Go workflows to the Amazon States Language and checks ASL files.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\tgoasl <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	fmt.Fprintln(w)
	sorted := append([]*command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'goasl help <command>' or 'goasl <command> -h' for a command's flags and examples.")
}

// newFlags returns a flag set for c whose -h prints the command's help.
func newFlags(e *env, c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("goasl "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { commandUsage(e.stderr, c) }
	return fs
}

// commandUsage prints a command's synopsis, help and flags.
func commandUsage(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: goasl %s %s\n\n%s\n", c.name, c.usage, strings.TrimSpace(c.help))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.setup(fs)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

var versionCmd = &command{
	name:    "version",
	summary: "print goasl's version",
	usage:   "",
	help:    "Version prints the goasl module version and the Go version it was built with.\n\nExample:\n\n\tgoasl version",
	setup: func(fs *flag.FlagSet) func(*env, []string) int {
		return func(e *env, args []string) int {
			if len(args) > 0 {
				e.errorf("version takes no arguments")
				return 2
			}
			fmt.Fprintln(e.stdout, "goasl", version())
			return 0
		}
	},
}

// version returns the module version from the build information.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v + " " + info.GoVersion
}
