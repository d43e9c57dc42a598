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
	if _, err := other.ToggleShortlist(selected(m)); err != nil {
		t.Fatal(err)
	}
	if err := other.SetTags(selected(m), []string{"from-elsewhere"}); err != nil {
		t.Fatal(err)
	}
	if err := other.Save(); err != nil {
		t.Fatal(err)
	}
	if st.Shortlisted(selected(m).ID) || contains(screenText(m), "from-elsewhere") {
		t.Fatal("the change showed up before any refresh")
	}
	send(t, m, tea.FocusMsg{})
	if s := screenText(m); !contains(s, "★ "+selected(m).Title) || !contains(s, "from-elsewhere") {
		t.Errorf("after focus the other jobdeck's shortlist and tag are not shown:\n%s", s)
	}
	send(t, m, kp("/"))
	typeText(t, m, "tag:from-elsewhere")
	if result(m).Len() != 1 || result(m).Posting(0).ID != selected(m).ID {
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
	if _, err := st.ToggleShortlist(selected(m)); err != nil {
		t.Fatal(err)
	}
	pump(t, m, m.save(), 0)
	if err := os.WriteFile(path, []byte(`{"version": 1, "postings": {`), 0o600); err != nil {
		t.Fatal(err)
	}
	send(t, m, tea.FocusMsg{})
	if !flashIsErr(m) || !contains(flashText(m), "corrupt") || !st.Shortlisted(selected(m).ID) {
		t.Errorf("message %q, shortlisted %v", flashText(m), st.Shortlisted(selected(m).ID))
	}
}
