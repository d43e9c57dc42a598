package ui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// TestProgramShortlistNoteQuitReopen runs the real program (tea.ExecProcess
// included) with a store: shortlist a posting, write its note in a fake
// $EDITOR, tag it, quit, and find all of it in the state file.
func TestProgramShortlistNoteQuitReopen(t *testing.T) {
	fakeEditor(t, `printf 'remember the otters\n' >> "$1"`)
	path := filepath.Join(t.TempDir(), "state.json")
	st, err := model.OpenStore(path)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Config{Sources: []loader.Source{{FS: programFS(), Root: ".", Name: "jobs"}}, Style: "dark", Store: st, ExportDir: t.TempDir()})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	wait := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	wait("Otter Wrangler")
	tm.Send(tea.KeyPressMsg{Code: '/', Text: "/"})
	tm.Type("otter")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	wait("1/3")
	tm.Send(tea.KeyPressMsg{Code: 's', Text: "s"})
	wait("★ Otter Wrangler") // the renderer writes only changed cells: wait for whole new text
	tm.Send(tea.KeyPressMsg{Code: 'n', Text: "n"})
	wait("remember the otters")
	tm.Send(tea.KeyPressMsg{Code: 't', Text: "t"})
	tm.Type("wildlife")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	wait("wildlife")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*Model)
	id := selected(final).ID
	re := reopen(t, path)
	if !re.Shortlisted(id) || re.Note(id) != "remember the otters" || len(re.Tags(id)) != 1 {
		t.Errorf("state file after quit: %+v", re.Entries())
	}
}
