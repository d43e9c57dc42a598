package ui

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// testNow is the pinned clock of every test model.
var testNow = time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)

// newTestModel returns a dark-styled browser of w×h holding ps, with every
// Cmd those messages caused already run.
func newTestModel(t testing.TB, w, h int, ps []*model.Posting) *Model {
	t.Helper()
	m := newModel("dark", false)
	m.now = func() time.Time { return testNow }
	m.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
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

// fixture returns a small set of fictional postings with known order.
func fixture() []*model.Posting {
	day := func(n int) time.Time { return testNow.Add(-time.Duration(n) * 24 * time.Hour) }
	return []*model.Posting{
		{ID: "a", Path: "boards/a.md", Title: "Senior Backend Engineer", Company: "Quillfeather Labs", Location: "Zürich", Date: day(3),
			Keywords: []string{"go", "postgres"}, URL: "https://jobs.example/quillfeather/1", Salary: "CHF 120k", EmploymentType: "full-time",
			Body: "## About us\n\nWe build ledgers for **otters**.\n\n- Go\n- Postgres\n"},
		{ID: "b", Path: "boards/b.md", Title: "Frontend Developer", Company: "Marrowpine", Location: "Berlin", Date: day(1),
			Keywords: []string{"typescript"}, Body: "## The role\n\nShip the *web* app.\n"},
		{ID: "c", Path: "c.txt", Title: "Data Analyst", Company: "Tinderbox Analytics", Location: "Remote", Date: day(40), Remote: true,
			Warnings: []string{"repaired mojibake"}, Body: "Analyse things.\n"},
		{ID: "d", Path: "d.md", Title: "Platform Lead", Company: "Acme Rockets", Location: "Lisbon",
			Body: "# Platform Lead\n\nLead the platform.\n"},
	}
}

// titles lists the titles of the rows shown, in order.
func titles(m *Model) []string {
	out := make([]string, m.res.Len())
	for i := range out {
		out[i] = m.res.Posting(i).Title
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
