//go:build unix

package main

import "syscall"

// killGroup kills the process group that the child with this process ID
// leads.
func killGroup(pid int) error { return syscall.Kill(-pid, syscall.SIGKILL) }

// processGone reports whether no process has this ID.
func processGone(pid int) bool { return syscall.Kill(pid, 0) == syscall.ESRCH }
