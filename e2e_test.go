//go:build e2e

// End-to-end tests of the real binary in a real terminal (tmux). They need tmux,
// which .ci/run installs, so they are behind the e2e build tag:
//
//	go test -tags e2e -run TestE2E -v .
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildBinary compiles jobdeck once per test into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "jobdeck")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// tmuxSession is one detached tmux session on a private socket.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func newTmux(t *testing.T, w, h int, env []string, command string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatalf("tmux is needed for the end-to-end tests (apt-get install tmux): %v", err)
	}
	s := &tmuxSession{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), name: "e2e"}
	args := []string{"new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, e := range env {
		args = append(args, "-e", e)
	}
	args = append(args, command)
	s.run(args...)
	// Keep the pane after the program exits so we can read its last screen and exit status.
	s.run("set-option", "-t", s.name, "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (e.g. "Down", "Enter", "Escape", "q").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// typeText sends literal text.
func (s *tmuxSession) typeText(text string) {
	s.t.Helper()
	s.run("send-keys", "-t", s.name, "-l", text)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", s.name)
}

// screenEscapes returns the pane with tmux's own attribute escapes, to check
// what the program asked the terminal to do.
func (s *tmuxSession) screenEscapes() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-e", "-t", s.name)
}

func (s *tmuxSession) dead() bool {
	out := s.run("display-message", "-p", "-t", s.name, "#{pane_dead}")
	return strings.TrimSpace(out) == "1"
}

// waitFor polls the screen until cond holds or the timeout passes.
func (s *tmuxSession) waitFor(what string, timeout time.Duration, cond func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var last string
	for time.Now().Before(deadline) {
		last = s.screen()
		if cond(last) {
			return last
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, last)
	return last
}

func (s *tmuxSession) waitText(text string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("%q", text), 10*time.Second, func(sc string) bool { return strings.Contains(sc, text) })
}

func (s *tmuxSession) waitGone(text string) string {
	s.t.Helper()
	return s.waitFor(fmt.Sprintf("%q to go", text), 10*time.Second, func(sc string) bool { return !strings.Contains(sc, text) })
}

func (s *tmuxSession) waitExit() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if s.dead() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("jobdeck did not exit; screen:\n%s", s.screen())
}

func assertNoControl(t *testing.T, screen string) {
	t.Helper()
	for i, r := range screen {
		if r == 0x1b || (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			t.Fatalf("control character %U at %d on screen:\n%s", r, i, screen)
		}
		if r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Fatalf("bidi control %U on screen:\n%s", r, screen)
		}
	}
}
