package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// fakeOpener records the links it is asked to open and fails with err.
type fakeOpener struct {
	got []string
	err error
}

func (f *fakeOpener) open(uri string) error {
	f.got = append(f.got, uri)
	return f.err
}

func TestOpenerTriesBrowserListThenFallsBack(t *testing.T) {
	var started [][]string
	o := opener{
		browser: "nosuch:firefox --new-tab %s",
		goos:    "linux",
		look: func(name string) (string, error) {
			if name == "nosuch" {
				return "", exec.ErrNotFound
			}
			return "/usr/bin/" + name, nil
		},
		start: func(c *exec.Cmd) error { started = append(started, c.Args); return nil },
	}
	if err := o.open("https://jobs.example/1"); err != nil {
		t.Fatal(err)
	}
	if want := [][]string{{"/usr/bin/firefox", "--new-tab", "https://jobs.example/1"}}; !slices.EqualFunc(started, want, slices.Equal) {
		t.Errorf("started %q, want %q", started, want)
	}
	started = nil
	o.browser = ""
	if err := o.open("mailto:jobs@example.org"); err != nil || len(started) != 1 || started[0][0] != "/usr/bin/xdg-open" || started[0][1] != "mailto:jobs@example.org" {
		t.Errorf("no $BROWSER on linux: started %q, %v", started, err)
	}
	o.goos, started = "darwin", nil
	if err := o.open("https://jobs.example/1"); err != nil || len(started) != 1 || started[0][0] != "/usr/bin/open" {
		t.Errorf("no $BROWSER on macOS: started %q, %v", started, err)
	}
	o.start = func(*exec.Cmd) error { return errors.New("exec format error") }
	if err := o.open("https://jobs.example/1"); !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "exec format error") {
		t.Errorf("a browser that fails to start: %v", err)
	}
	if err := o.open("javascript:alert(1)"); err == nil {
		t.Error("a javascript: link was opened")
	}
}

func TestOpenKeyRunsOpenerWithApplyURL(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	f := &fakeOpener{}
	m.c.open = f.open
	send(t, m, kp("j")) // a: URL only
	send(t, m, kp("o"))
	if want := []string{"https://jobs.example/quillfeather/1"}; !slices.Equal(f.got, want) {
		t.Fatalf("opened %q, want %q", f.got, want)
	}
	if !strings.Contains(flashText(m), "opened") || flashIsErr(m) {
		t.Errorf("status %q", flashText(m))
	}
	selected(m).ApplyURL = "https://apply.example/quill"
	send(t, m, kp("o"))
	if f.got[1] != "https://apply.example/quill" {
		t.Errorf("opened %q, want the apply URL", f.got[1])
	}
	f.err = ErrNoBrowser
	send(t, m, kp("o"))
	if !flashIsErr(m) || !strings.Contains(flashText(m), "no browser started") {
		t.Errorf("a failing browser says %q", flashText(m))
	}
}

func TestOpenKeyRefusesJavascriptAndMissingURL(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	f := &fakeOpener{}
	m.c.open = f.open
	send(t, m, kp("j"))
	selected(m).URL = "javascript:alert(document.cookie)"
	send(t, m, kp("o"))
	if len(f.got) != 0 || !flashIsErr(m) || !strings.Contains(flashText(m), "only http, https and mailto") {
		t.Errorf("javascript: opened %q, status %q", f.got, flashText(m))
	}
	send(t, m, kp("k")) // b has no URL
	send(t, m, kp("o"))
	if len(f.got) != 0 || !strings.Contains(flashText(m), "no link") {
		t.Errorf("no URL: opened %q, status %q", f.got, flashText(m))
	}
}

func TestOpenOffersApplied(t *testing.T) {
	m, st, _ := newStoreModel(t)
	m.c.open = (&fakeOpener{}).open
	send(t, m, kp("j"), kp("o"))
	if !strings.Contains(flashText(m), "a: mark it applied today") {
		t.Fatalf("no offer after o: %q", flashText(m))
	}
	send(t, m, kp("a"))
	if tr := st.Track("a"); tr.Stage.String() != "applied" || !tr.StageAt().Equal(testNow) {
		t.Errorf("after o, a: %v at %v", tr.Stage, tr.StageAt())
	}
	o, ok := openOverlay(m).(*followUpOverlay)
	if !ok || o.input.Value() != "7d" {
		t.Fatalf("applied offers no follow-up in 7 days: %T", openOverlay(m))
	}
	send(t, m, kp("enter"))
	if d := st.Track("a").FollowUp; !d.Equal(model.Day(testNow.AddDate(0, 0, 7))) {
		t.Errorf("follow-up %v, want a week on", d)
	}
}

func TestCopyKeysEmitOneOSC52(t *testing.T) {
	fsys := fstest.MapFS{"otter.md": {Data: []byte("---\ntitle: Otter Wrangler\ncompany: Riverbend\nurl: https://jobs.example/otter?a=1&b=2\n---\n\nCalm otters.\n")}}
	for _, tt := range []struct{ key, want string }{
		{"y", "https://jobs.example/otter?a=1&b=2"},
		{"Y", "Otter Wrangler — Riverbend — https://jobs.example/otter?a=1&b=2"},
	} {
		t.Run(tt.key, func(t *testing.T) {
			m := New(Config{Sources: []loader.Source{{FS: fsys, Root: ".", Name: "jobs"}}, Style: "dark"})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
			var all bytes.Buffer // every byte written, as WaitFor consumes the output
			r := io.TeeReader(tm.Output(), &all)
			teatest.WaitFor(t, r, func(b []byte) bool { return bytes.Contains(b, []byte("Otter Wrangler")) }, teatest.WithDuration(10*time.Second))
			tm.Send(tea.KeyPressMsg{Code: rune(tt.key[0]), Text: tt.key})
			teatest.WaitFor(t, r, func(b []byte) bool { return bytes.Contains(b, []byte("copied")) }, teatest.WithDuration(10*time.Second))
			tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
			tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
			if _, err := io.Copy(&all, tm.FinalOutput(t)); err != nil {
				t.Fatal(err)
			}
			out := all.String()
			if n := strings.Count(out, "\x1b]52;"); n != 1 {
				t.Fatalf("%d OSC 52 sequences, want 1", n)
			}
			seq := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(tt.want))
			if !strings.Contains(out, seq+"\x07") && !strings.Contains(out, seq+"\x1b\\") {
				t.Errorf("no OSC 52 of %q in the output", tt.want)
			}
		})
	}
}

func TestStartDetachedStartsAndReturns(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Fatalf("no sleep: %v", err)
	}
	cmd := exec.Command(sleep, "5")
	start := time.Now()
	if err := startDetached(cmd); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("startDetached waited %v for the command", d)
	}
	if cmd.Stdout != nil || cmd.Stdin != nil {
		t.Error("the browser shares the terminal's streams")
	}
}
