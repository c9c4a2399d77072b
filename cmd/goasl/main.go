// Command goasl compiles Go workflows to the Amazon States Language and
// checks ASL files. Run "goasl help" for the commands.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
