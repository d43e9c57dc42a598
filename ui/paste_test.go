package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestUnbracketedPasteCoalesces types a long text the way a terminal
// without bracketed paste delivers it: one key press after another, faster
// than filter jobs reply. The query is cut at maxQuery characters, and the
// keys start one job, not one each; the job's reply starts one more, for
// the query as it is by then, whose result is shown.
func TestUnbracketedPasteCoalesces(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"))
	before := jobOf(m).seq
	text := strings.Repeat("senior backend engineer ", 850) // 20,400 characters
	var cmds []tea.Cmd
	for _, r := range text {
		_, cmd := m.Update(kp(string(r)))
		cmds = append(cmds, cmd)
	}
	if n := len([]rune(filterText(m))); n != maxQuery {
		t.Errorf("the query holds %d characters, want %d", n, maxQuery)
	}
	if started := jobOf(m).seq - before; started != 1 {
		t.Errorf("%d filter jobs started for one burst of keys, want 1", started)
	}
	if !strings.Contains(flashText(m), "at most 1000 characters") {
		t.Errorf("no word about the cut: %q", flashText(m))
	}
	for _, msg := range collect(cmds) {
		send(t, m, msg)
	}
	if started := jobOf(m).seq - before; started != 2 {
		t.Errorf("%d filter jobs after the replies, want 2", started)
	}
	if got := result(m).Query; got != strings.TrimSpace(filterText(m)) {
		t.Errorf("the list shows the result of %.30q…, not of the query typed", got)
	}
	if got := titles(m); len(got) != 1 || got[0] != "Senior Backend Engineer" {
		t.Errorf("rows %q", got)
	}
	// Keys stay live after the burst.
	send(t, m, kp("esc"))
	if isFiltering(m) || filterText(m) != "" {
		t.Error("esc after the paste did not clear the filter")
	}
}
