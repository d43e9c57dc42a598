//go:build unix

package ui

import (
	"os/exec"
	"syscall"
)

// detach puts cmd in a process group of its own, so a signal the
// terminal sends jobdeck's group (a hangup when it closes) does not reach
// the browser.
func detach(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} }
