package ui

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/jobdeck/jobdeck/loader"
)

// programFS is a small folder of fictional postings in a few shapes.
func programFS() fstest.MapFS {
	return fstest.MapFS{
		"boards/otter.md": {Data: []byte("---\ntitle: Otter Wrangler\ncompany: Riverbend Cooperative\nlocation: Zürich\ndate: 2026-11-18\ntags: [rivers, go]\n---\n\n## What you will do\n\nKeep the otters **calm**.\n")},
		"boards/kiln.txt": {Data: []byte("Kiln Operator\nCompany: Emberline Ceramics\nLocation: Porto\n\nResponsibilities\n• Fire the kilns\n• Log the temperatures\n")},
		"notes.md":        {Data: []byte("# Lighthouse Keeper\n\nCompany: Saltmarsh Trust\n\nWatch the light.\n")},
		".hidden.md":      {Data: []byte("# Never Shown\n")},
	}
}

func TestProgramStreamsFiltersAndQuits(t *testing.T) {
	m := New(Config{Sources: []loader.Source{{FS: programFS(), Root: ".", Name: "jobs"}}, Style: "dark"})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Otter Wrangler")) && bytes.Contains(b, []byte("Kiln Operator"))
	}, teatest.WithDuration(10*time.Second))

	tm.Send(tea.KeyPressMsg{Code: '/', Text: "/"})
	tm.Type("otter")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("1/3"))
	}, teatest.WithDuration(10*time.Second))
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))

	final := tm.FinalModel(t).(*Model)
	if collection(final).Len() != 3 {
		t.Errorf("%d postings loaded, want 3 (the hidden file skipped)", collection(final).Len())
	}
	if queryOf(final) != "otter" || result(final).Len() != 1 || selected(final) == nil || selected(final).Title != "Otter Wrangler" {
		t.Errorf("query %q, %d rows, selected %v", queryOf(final), result(final).Len(), selected(final))
	}
	if isLoading(final) {
		t.Error("still loading after the stream ended")
	}
	body := ansi.Strip(strings.Join(detailOf(final).lines, "\n"))
	if !strings.Contains(body, "What you will do") || strings.Contains(body, "## What") {
		t.Errorf("detail body not rendered as markdown:\n%s", body)
	}
}
