package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// runExec runs the editor command directly, as tea.ExecProcess would with
// the terminal released, and delivers its callback's message.
func runExec(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
	return func() tea.Msg { return fn(c.Run()) }
}

// fakeEditor writes a shell script editor into a temp dir that runs body
// with the note file as $1, points $EDITOR at it, and keeps temporary
// files in a dir of their own, which it returns.
func fakeEditor(t *testing.T, body string) (tmp string) {
	t.Helper()
	dir := t.TempDir()
	script := filepath.Join(dir, "editor.sh")
	if err := os.WriteFile(script, []byte("#!/bin/sh\n"+body+"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("EDITOR", script)
	tmp = t.TempDir()
	t.Setenv("TMPDIR", tmp)
	return tmp
}

func TestNoteInEditor(t *testing.T) {
	tmp := fakeEditor(t, `printf 'call Ada on Monday\n\tbring the \033]52;c;eA==\007portfolio\n' >> "$1"`)
	m, st, path := newStoreModel(t)
	storeOf(m).exec = runExec
	p := selected(m)
	send(t, m, kp("n"))
	want := "call Ada on Monday\n\tbring the ]52;c;eA==portfolio"
	if got := st.Note(p.ID); got != want {
		t.Fatalf("note %q, want %q", got, want)
	}
	if got := reopen(t, path).Note(p.ID); got != want {
		t.Errorf("saved note %q", got)
	}
	if flashText(m) != "saved" {
		t.Errorf("status %q", flashText(m))
	}
	det := screenText(m)
	note, sep := strings.Index(det, "Note     call Ada on Monday"), strings.Index(det, "─────")
	if note < 0 || sep < note || !contains(det, "bring the ]52;c;eA==portfolio") {
		t.Errorf("note not under the header:\n%s", det)
	}
	if strings.ContainsAny(strings.Join(detailOf(m).lines, ""), "\a") {
		t.Error("a control character from the note reached the screen")
	}
	// The editor gets the note as it is, and the temp file goes away.
	fakeEditor(t, `grep -q 'call Ada' "$1" && printf 'second line\n' >> "$1"`)
	send(t, m, kp("n"))
	if got := st.Note(p.ID); !strings.HasSuffix(got, "portfolio\nsecond line") {
		t.Errorf("the editor did not get the note back: %q", got)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestNoteUnchangedAndEditorFailure(t *testing.T) {
	fakeEditor(t, `true`)
	m, st, _ := newStoreModel(t)
	storeOf(m).exec = runExec
	send(t, m, kp("n"))
	if flashText(m) != "note unchanged" || st.Dirty() || len(st.Entries()) != 0 {
		t.Errorf("untouched note: msg %q, entries %v", flashText(m), st.Entries())
	}
	fakeEditor(t, `echo typed > "$1"; exit 3`)
	send(t, m, kp("n"))
	if !flashIsErr(m) || !contains(flashText(m), "editor failed") || st.Note(selected(m).ID) != "" || openOverlay(m) != nil {
		t.Errorf("failing editor: msg %q, note %q, overlay %T", flashText(m), st.Note(selected(m).ID), openOverlay(m))
	}
}

func TestNoteInlineWhenNoEditor(t *testing.T) {
	t.Setenv("EDITOR", filepath.Join(t.TempDir(), "no-such-editor"))
	m, st, path := newStoreModel(t)
	storeOf(m).exec = func(*exec.Cmd, tea.ExecCallback) tea.Cmd {
		t.Error("ran an editor that does not exist")
		return nil
	}
	p := selected(m)
	send(t, m, kp("n"))
	if _, ok := openOverlay(m).(*noteOverlay); !ok {
		t.Fatalf("no inline editor, overlay %T", openOverlay(m))
	}
	s := screenText(m)
	if !contains(s, "no editor could run") || !contains(s, "ctrl+s save note") || !contains(s, "esc cancel") {
		t.Errorf("inline editor does not say why or its keys:\n%s", s)
	}
	typeText(t, m, "ask about")
	send(t, m, kp("enter"))
	typeText(t, m, "visa")
	send(t, m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if openOverlay(m) != nil {
		t.Fatal("ctrl+s did not close the editor")
	}
	if got := reopen(t, path).Note(p.ID); got != "ask about\nvisa" {
		t.Errorf("saved note %q", got)
	}
	// Inline again: prefilled, and esc leaves it unchanged.
	send(t, m, kp("n"))
	o := openOverlay(m).(*noteOverlay)
	if o.area.Value() != "ask about\nvisa" {
		t.Errorf("inline editor prefill %q", o.area.Value())
	}
	typeText(t, m, "more")
	send(t, m, kp("esc"))
	if st.Note(p.ID) != "ask about\nvisa" || openOverlay(m) != nil {
		t.Errorf("esc changed the note to %q", st.Note(p.ID))
	}
}

func TestNoteInlineWhenExecFails(t *testing.T) {
	fakeEditor(t, `exit 0`)
	m, st, _ := newStoreModel(t)
	storeOf(m).exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		return func() tea.Msg { return fn(errors.New("cannot release the terminal")) }
	}
	send(t, m, kp("n"))
	if _, ok := openOverlay(m).(*noteOverlay); !ok {
		t.Fatalf("exec failure did not fall back to the inline editor (%T)", openOverlay(m))
	}
	typeText(t, m, "inline")
	send(t, m, tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if st.Note(selected(m).ID) != "inline" {
		t.Errorf("note %q", st.Note(selected(m).ID))
	}
}

func TestNoteKeptWhenTerminalRestoreFails(t *testing.T) {
	fakeEditor(t, `printf 'kept\n' > "$1"`)
	m, st, _ := newStoreModel(t)
	storeOf(m).exec = func(c *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
		return func() tea.Msg {
			if err := c.Run(); err != nil {
				t.Error(err)
			}
			return fn(errors.New("restoring the terminal failed"))
		}
	}
	send(t, m, kp("n"))
	if openOverlay(m) != nil || st.Note(selected(m).ID) != "kept" {
		t.Errorf("edit lost: overlay %T, note %q", openOverlay(m), st.Note(selected(m).ID))
	}
}

func TestNoteHead(t *testing.T) {
	tests := []struct {
		name, note, want string
		cut              bool
	}{
		{"short", "call Monday\nbring CV", "call Monday\nbring CV", false},
		{"many lines", strings.Repeat("line\n", 40), strings.TrimSuffix(strings.Repeat("line\n", noteShownLines), "\n"), true},
		{"long", strings.Repeat("é", noteShownBytes), strings.Repeat("é", noteShownBytes/2), true},
	}
	for _, tt := range tests {
		got, cut := noteHead(tt.note)
		if got != tt.want || cut != tt.cut {
			t.Errorf("%s: noteHead = %.40q, %v; want %.40q, %v", tt.name, got, cut, tt.want, tt.cut)
		}
	}
}

// TestHugeNoteShownCut: a note of a megabyte shows its head under the
// detail header, with a word that it goes on; the note stays whole.
func TestHugeNoteShownCut(t *testing.T) {
	m, st, _ := newStoreModel(t)
	p := selected(m)
	note := strings.Repeat("a line of a very long note\n", 40000)
	if err := st.SetNote(p, note); err != nil {
		t.Fatal(err)
	}
	lines := m.noteLines(p, 70)
	if len(lines) > noteShownLines+5 {
		t.Errorf("the header shows %d lines of the note", len(lines))
	}
	if !strings.Contains(ansi.Strip(strings.Join(lines, "\n")), "the note goes on") {
		t.Error("no word that the note goes on")
	}
	if len(st.Note(p.ID)) < len(note)-1 {
		t.Error("the note itself was cut")
	}
}
