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
	// The program's parse cache goes to a temp folder, never the user's.
	args = append(args, "-e", "XDG_CACHE_HOME="+t.TempDir())
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

// lineWidths fails when a screen line is wider than w cells (a garbled layout).
func assertFits(t *testing.T, screen string, w int) {
	t.Helper()
	for _, line := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		if n := len([]rune(line)); n > w {
			t.Fatalf("line of %d cells in a %d-column terminal: %q", n, w, line)
		}
	}
}

func TestE2EBrowse(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	state := filepath.Join(dir, "state.json")
	cmd := fmt.Sprintf("%s --state %s testdata/demo", bin, state)
	s := newTmux(t, 100, 30, nil, cmd)
	// Let a posting that tries OSC 52 reach the clipboard if it could.
	s.run("set-option", "-g", "set-clipboard", "on")

	// The status line says the load is done before the last filter job
	// replies: wait for both.
	screen := s.waitFor("the loaded list", 10*time.Second, func(sc string) bool {
		return strings.Contains(sc, "loaded 12 postings from 16 files (3 skipped)") && strings.Contains(sc, "12/12")
	})
	assertNoControl(t, screen)
	for _, want := range []string{"Head Barista & Trainer", "Café Oriel", "12/12"} {
		if !strings.Contains(screen, want) {
			t.Errorf("first screen lacks %q:\n%s", want, screen)
		}
	}
	assertFits(t, screen, 100)

	// Filter: terms in any order, live.
	s.keys("/")
	s.typeText("reliability harbor")
	screen = s.waitText("1/12")
	s.keys("Enter")
	screen = s.waitFor("the rendered body", 10*time.Second, func(sc string) bool {
		return strings.Contains(sc, "About the team") && strings.Contains(sc, "Harborlight Ferries")
	})
	if strings.Contains(screen, "##") {
		t.Errorf("raw markdown heading marks on screen:\n%s", screen)
	}
	if !strings.Contains(screen, "• Run our Kubernetes clusters") && !strings.Contains(screen, "Run our Kubernetes clusters") {
		t.Errorf("bullets not rendered:\n%s", screen)
	}
	// Hand-wrapped Key: value lines keep their line breaks.
	if strings.Contains(screen, "Company: Harborlight Ferries Location:") {
		t.Errorf("hand-wrapped lines were joined:\n%s", screen)
	}
	assertNoControl(t, screen)

	// The hostile posting: its escapes must not reach the terminal.
	s.keys("/")
	s.keys("C-u")
	s.typeText("cinder")
	s.waitText("1/12")
	s.keys("Enter")
	screen = s.waitText("Cinder")
	if strings.Contains(screen, "52;c;") || strings.Contains(screen, "ZWNobyBwd25lZA") {
		t.Errorf("OSC 52 payload visible on screen:\n%s", screen)
	}
	// Sequences written as HTML entities, which the markdown renderer
	// decodes, do not reach it either.
	screen = s.waitText("Entities too")
	if strings.Contains(screen, "ZW50aXR5") {
		t.Errorf("an OSC 52 written as entities is visible:\n%s", screen)
	}
	raw := s.screenEscapes()
	if strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\x1b[2J") {
		t.Errorf("hostile sequence reached the terminal:\n%q", raw)
	}
	if bufs := strings.TrimSpace(s.run("list-buffers")); bufs != "" {
		t.Errorf("a posting wrote to the clipboard: %s", bufs)
	}

	// Resize to one pane and back.
	s.run("resize-window", "-t", s.name, "-x", "70", "-y", "20")
	screen = s.waitFor("one-pane layout", 10*time.Second, func(sc string) bool {
		return !strings.Contains(sc, "│") && strings.Contains(sc, "/12")
	})
	assertFits(t, screen, 70)
	s.run("resize-window", "-t", s.name, "-x", "120", "-y", "40")
	screen = s.waitFor("two panes again", 10*time.Second, func(sc string) bool { return strings.Contains(sc, "│") })
	assertFits(t, screen, 120)

	s.keys("Escape") // clear the filter
	s.waitText("12/12")
	s.keys("q")
	s.waitExit()
}

func TestE2ESmallTerminal(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	cmd := fmt.Sprintf("%s --demo --state %s", bin, filepath.Join(dir, "state.json"))
	s := newTmux(t, 60, 15, nil, cmd)
	screen := s.waitText("12/12")
	assertFits(t, screen, 60)
	assertNoControl(t, screen)
	if strings.Contains(screen, "│") {
		t.Errorf("60 columns should show one pane:\n%s", screen)
	}
	s.keys("Enter")
	// A short pane compacts the header, so the body shows without scrolling.
	screen = s.waitText("small roastery café")
	assertFits(t, screen, 60)
	if !strings.Contains(screen, "Café Oriel · Dublin, Ireland") {
		t.Errorf("the header is not compact:\n%s", screen)
	}
	s.keys("Escape")
	s.waitText("Head Barista & Trainer")

	// Too small: a short message, and back when it grows.
	s.run("resize-window", "-t", s.name, "-x", "30", "-y", "8")
	s.waitFor("the too-small message", 10*time.Second, func(sc string) bool { return strings.Contains(strings.ToLower(sc), "too small") })
	s.run("resize-window", "-t", s.name, "-x", "60", "-y", "15")
	s.waitText("Head Barista & Trainer")
	s.keys("q")
	s.waitExit()
}

func TestE2EStateSurvivesRestartAndExports(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	state := filepath.Join(dir, "state.json")
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	demo, err := filepath.Abs("testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	cmd := fmt.Sprintf("cd %s && %s --state %s %s", work, bin, state, demo)

	s := newTmux(t, 100, 30, nil, cmd)
	s.waitText("12/12")
	s.keys("/")
	s.typeText("fernhill")
	s.waitText("1/12")
	s.keys("Enter")
	s.keys("s")
	s.waitText("★ Platform Engineer")
	s.keys("t")
	s.waitText("tags:")
	s.typeText("e2e-tag")
	s.keys("Enter")
	s.waitFor("the tag saved", 10*time.Second, func(sc string) bool {
		return strings.Contains(sc, "e2e-tag") && !strings.Contains(sc, "tags:")
	})
	s.waitFor("the state file", 10*time.Second, func(string) bool {
		b, _ := os.ReadFile(state)
		return bytes.Contains(b, []byte("e2e-tag")) && bytes.Contains(b, []byte(`"shortlisted": true`))
	})
	s.keys("q")
	s.waitExit()

	// Start again: the star and the tag are still there.
	s2 := newTmux(t, 100, 30, nil, cmd)
	screen := s2.waitText("12/12")
	if !strings.Contains(screen, "★ Platform Engineer") || !strings.Contains(screen, "e2e-tag") {
		t.Fatalf("shortlist or tag lost across a restart:\n%s", screen)
	}
	// Export the shortlist as CSV into the working folder.
	s2.keys("x")
	s2.waitText("export shortlist as")
	s2.keys("c")
	s2.waitText("jobdeck-shortlist-")
	matches, _ := filepath.Glob(filepath.Join(work, "jobdeck-shortlist-*.csv"))
	if len(matches) != 1 {
		t.Fatalf("want one export file in %s, got %v", work, matches)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("Platform Engineer")) || !bytes.Contains(b, []byte("e2e-tag")) || bytes.Contains(b, []byte("Head Barista")) {
		t.Errorf("export holds the wrong postings:\n%s", b)
	}
	s2.keys("q")
	s2.waitExit()
}

// TestE2ETrackApplication applies to a posting with a, sets its follow-up
// to today, sees it on the board, moves it to interviewing with >, and
// after a restart sees its history; jobdeck due then prints it.
func TestE2ETrackApplication(t *testing.T) {
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	state := filepath.Join(dir, "state.json")
	demo, err := filepath.Abs("testdata/demo")
	if err != nil {
		t.Fatal(err)
	}
	cmd := fmt.Sprintf("%s --state %s %s", bin, state, demo)

	s := newTmux(t, 100, 30, nil, cmd)
	s.waitText("12/12")
	s.keys("/")
	s.typeText("fernhill")
	s.waitText("1/12")
	s.keys("Enter", "a")
	s.waitText("stage of Platform Engineer")
	s.keys("a")
	s.waitText("follow up: 7d") // applied offers a follow-up in a week
	s.keys("BSpace", "BSpace")
	s.typeText("today")
	s.keys("Enter")
	s.waitText("1 follow-up due")
	s.keys("B")
	screen := s.waitText("applied (1)")
	if !strings.Contains(screen, "Platform Engineer") || !strings.Contains(screen, "0d due") {
		t.Fatalf("the application is not on the board:\n%s", screen)
	}
	s.keys(">")
	s.waitFor("the card in interviewing", 10*time.Second, func(sc string) bool {
		return strings.Contains(sc, "applied (0)") && strings.Contains(sc, "interviewing (1)")
	})
	s.waitFor("the state file", 10*time.Second, func(string) bool {
		b, _ := os.ReadFile(state)
		return bytes.Contains(b, []byte(`"stage": "interviewing"`))
	})
	s.keys("q")
	s.waitExit()

	// Start again: the detail header shows the history.
	s2 := newTmux(t, 100, 30, nil, cmd)
	s2.waitText("12/12")
	s2.keys("/")
	s2.typeText("fernhill")
	s2.keys("Enter")
	day := time.Now().Format("2 Jan")
	screen = s2.waitText("History  applied " + day + " · interviewing " + day)
	if !strings.Contains(screen, "Platform Engineer interviewing due") {
		t.Errorf("the row lacks the stage and the due mark:\n%s", screen)
	}
	s2.keys("q")
	s2.waitExit()

	out, err := exec.Command(bin, "due", "--state", state).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Platform Engineer") || !strings.Contains(string(out), "(interviewing)") {
		t.Errorf("jobdeck due: %v\n%s", err, out)
	}
}
