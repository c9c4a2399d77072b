//go:build !unix

package main

import (
	"os"
	"syscall"
)

// sysProcAttr has nothing to add where there are no process groups.
func sysProcAttr() *syscall.SysProcAttr { return nil }

// killGroup kills the child with this process ID (only it: there are no
// process groups here).
func killGroup(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	return p.Kill()
}

// processGone cannot tell here; leftovers are kept.
func processGone(pid int) bool { return false }
