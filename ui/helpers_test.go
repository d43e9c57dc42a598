package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// testNow is the pinned clock of every test model.
var testNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// newTestModel returns a dark-styled browser of w×h holding ps, with every
// Cmd those messages caused already run.
func newTestModel(t testing.TB, w, h int, ps []*model.Posting) *Model {
	t.Helper()
	m := newModel("dark", false)
	setClock(m, func() time.Time { return testNow }, func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil })
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	send(t, m, batchMsg{postings: ps, progress: progress{Seen: len(ps), Loaded: len(ps)}, done: true})
	return m
}

// send updates m with msg and runs the Cmds that follow, feeding their
// messages back, until none is left.
func send(t testing.TB, m *Model, msgs ...tea.Msg) {
	t.Helper()
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		pump(t, m, cmd, 0)
	}
}

func pump(t testing.TB, m *Model, cmd tea.Cmd, depth int) {
	t.Helper()
	if cmd == nil {
		return
	}
	if depth > 50 {
		t.Fatal("commands keep coming")
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a command did not return")
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			pump(t, m, c, depth+1)
		}
	case tea.QuitMsg:
	default:
		_, next := m.Update(msg)
		pump(t, m, next, depth+1)
	}
}

// kp returns the KeyPressMsg for a key name as keymap bindings spell it.
func kp(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// typeText sends one key press a rune of s.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		send(t, m, kp(string(r)))
	}
}

// withWarnings sets the Warnings of p and returns it.
func withWarnings(p *model.Posting, ws ...string) *model.Posting {
	p.SetWarnings(ws)
	return p
}

// fixture returns a small set of fictional postings with known order.
func fixture() []*model.Posting {
	day := func(n int) time.Time { return testNow.Add(-time.Duration(n) * 24 * time.Hour) }
	return []*model.Posting{
		{ID: "a", Path: "boards/a.md", Title: "Senior Backend Engineer", Company: "Quillfeather Labs", Location: "Zürich", Date: day(3),
			Keywords: []string{"go", "postgres"}, URL: "https://jobs.example/quillfeather/1", Salary: "CHF 120k", EmploymentType: "full-time",
			Body: "## About us\n\nWe build ledgers for **otters**.\n\n- Go\n- Postgres\n"},
		{ID: "b", Path: "boards/b.md", Title: "Frontend Developer", Company: "Marrowpine", Location: "Berlin", Date: day(1),
			Keywords: []string{"typescript"}, Body: "## The role\n\nShip the *web* app.\n"},
		withWarnings(&model.Posting{ID: "c", Path: "c.txt", Title: "Data Analyst", Company: "Tinderbox Analytics", Location: "Remote",
			Date: day(40), Remote: true, Body: "Analyse things.\n"}, "repaired mojibake"),
		{ID: "d", Path: "d.md", Title: "Platform Lead", Company: "Acme Rockets", Location: "Lisbon",
			Body: "# Platform Lead\n\nLead the platform.\n"},
	}
}

// titles lists the titles of the rows shown, in order.
func titles(m *Model) []string {
	out := make([]string, result(m).Len())
	for i := range out {
		out[i] = result(m).Posting(i).Title
	}
	return out
}

func many(n int) []*model.Posting {
	out := make([]*model.Posting, n)
	for i := range out {
		out[i] = &model.Posting{ID: fmt.Sprint("m", i), Title: fmt.Sprint("Role ", i), Company: "Co", Date: testNow.Add(-time.Duration(i) * time.Hour)}
	}
	return out
}

// The accessors below are how tests read the browser's state, so that a
// change to where the state lives changes them and not the tests.

// flashText is the passing message in the status line ("" when none).
func flashText(m *Model) string { return m.status.msg }

// flashIsErr reports whether the passing message is an error.
func flashIsErr(m *Model) bool { return m.status.msgErr }

// clearFlash removes the passing message.
func clearFlash(m *Model) { m.status.msg = "" }

// flashSeq numbers the passing message.
func flashSeq(m *Model) int { return m.status.msgSeq }

// selected is the posting under the cursor (nil: none).
func selected(m *Model) *model.Posting { return m.active().Selected() }

// cursor is the row of the cursor.
func cursor(m *Model) int { return m.browser.list.cur }

// listOffset is the first row on screen.
func listOffset(m *Model) int { return m.browser.list.off }

// result is the list on screen.
func result(m *Model) *model.Result { return &m.browser.list.res }

// collection is every posting loaded.
func collection(m *Model) *model.Collection { return m.c.coll }

// hasQuit reports that the browser ended the program.
func hasQuit(m *Model) bool { return m.quit == quitDone }

// openOverlay is the overlay open (nil: none).
func openOverlay(m *Model) Overlay { return m.overlay }

// isLoading reports that postings are still streaming in.
func isLoading(m *Model) bool { return m.c.loading }

// setLoading pretends a load runs (or not), with progress p.
func setLoading(m *Model, on bool, p progress) { m.c.loading, m.status.progress = on, p }

// isFiltering reports that the filter input has focus.
func isFiltering(m *Model) bool { return m.browser.filtering }

// focusOf is the pane that has the focus.
func focusOf(m *Model) keymap.Mode { return m.browser.focus }

// filterText is the text in the filter input.
func filterText(m *Model) string { return m.browser.input.Value() }

// setFilterText puts s in the filter input without starting a job.
func setFilterText(m *Model, s string) { m.browser.input.SetValue(s) }

// startQuery starts the filter job for what is on screen.
func startQuery(m *Model) tea.Cmd { return m.browser.startQuery() }

// layoutOf is the current layout.
func layoutOf(m *Model) layout { return m.lay }

// detailOf is the detail pane.
func detailOf(m *Model) *detailPane { return &m.browser.detail }

// storeOf is the browser's side of the state store.
func storeOf(m *Model) *storeUI { return &m.store }

// keysOf is the keymap in use.
func keysOf(m *Model) *keymap.KeyMap { return &m.c.keys }

// stylesOf is the styles in use.
func stylesOf(m *Model) *Styles { return &m.c.styles }

// reconcile runs the end of Update: the detail pane catches up.
func reconcile(m *Model) tea.Cmd { return m.browser.Reconcile() }

// setClock makes m read the time from now and schedule ticks with tick.
func setClock(m *Model, now func() time.Time, tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) {
	if now != nil {
		m.c.now = now
	}
	if tick != nil {
		m.c.tick = tick
	}
}

// queryOf is the filter query as typed.
func queryOf(m *Model) string { return m.browser.query() }

// jobOf is the browser's filter job.
func jobOf(m *Model) *filterJob { return &m.browser.job }

// takeStream hands the test the loader's stream: batches are then read
// by the test, one at a time.
func takeStream(m *Model) <-chan batchMsg {
	ch := m.load.stream
	m.load.stream = nil
	return ch
}

// followBackground makes m follow the terminal's background, as --style
// auto does.
func followBackground(m *Model) { m.fixed = false }

// setExtra sets the lines under the detail header.
func setExtra(m *Model, extra func(p *model.Posting, width int) []string) { m.c.extra = extra }

// setReader sets how bodies are read.
func setReader(m *Model, read bodyReader) { m.c.read = read }

// setShortlistOnly switches the shortlist-only view without filtering.
func setShortlistOnly(m *Model, on bool) { m.browser.only = on }

// noTick is a tick that never fires: messages stay, refilters wait.
func noTick(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
