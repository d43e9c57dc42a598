package ui

import (
	"os"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// Another jobdeck shortlists and tags a posting; when this terminal gets
// the focus back, the row and the header show it, and a tag: query finds it.
func TestFocusShowsOtherJobdecksChanges(t *testing.T) {
	m, st, path := newStoreModel(t)
	other := reopen(t, path)
	if _, err := other.ToggleShortlist(m.sel); err != nil {
		t.Fatal(err)
	}
	if err := other.SetTags(m.sel, []string{"from-elsewhere"}); err != nil {
		t.Fatal(err)
	}
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	if st.Shortlisted(m.sel.ID) || contains(screen(m), "from-elsewhere") {
		t.Fatal("the change showed up before any refresh")
	}
	send(t, m, tea.FocusMsg{})
	if s := screen(m); !contains(s, "★ "+m.sel.Title) || !contains(s, "from-elsewhere") {
		t.Errorf("after focus the other jobdeck's shortlist and tag are not shown:\n%s", s)
	}
	send(t, m, kp("/"))
	typeText(t, m, "tag:from-elsewhere")
	if m.res.Len() != 1 || m.res.Posting(0).ID != m.sel.ID {
		t.Errorf("tag: query after refresh: %v", titles(m))
	}
	if !m.View().ReportFocus {
		t.Error("the view does not ask for focus reports")
	}
}

// A state file that turned corrupt meanwhile is not read into the store,
// and the user is told.
func TestFocusWithCorruptFileSaysSo(t *testing.T) {
	m, st, path := newStoreModel(t)
	if _, err := st.ToggleShortlist(m.sel); err != nil {
		t.Fatal(err)
	}
	pump(t, m, m.save(), 0)
	if err := os.WriteFile(path, []byte(`{"version": 1, "postings": {`), 0o600); err != nil {
		t.Fatal(err)
	}
	send(t, m, tea.FocusMsg{})
	if !m.msgErr || !contains(m.msg, "corrupt") || !st.Shortlisted(m.sel.ID) {
		t.Errorf("message %q, shortlisted %v", m.msg, st.Shortlisted(m.sel.ID))
	}
}
