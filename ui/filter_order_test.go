package ui

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// TestListEndsCompleteWhateverTheOrder delivers the loader's batches, the
// state file's load and the replies of every Cmd in random orders, as a
// busy machine may: once everything has arrived, the list shows every
// posting.
func TestListEndsCompleteWhateverTheOrder(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		path := filepath.Join(t.TempDir(), "state.json")
		if err := os.WriteFile(path, []byte(`{"version":2,"postings":{"a":{"shortlisted":true}}}`), 0o600); err != nil {
			t.Fatal(err)
		}
		m := newModel("dark", false)
		m.c.now = func() time.Time { return testNow }
		m.c.tick = func(d time.Duration, f func(time.Time) tea.Msg) tea.Cmd {
			return func() tea.Msg { return f(testNow.Add(d)) }
		}
		m.initState(Config{Store: model.NewStore(path)})
		ps := fixture()
		pending := []tea.Msg{
			tea.WindowSizeMsg{Width: 120, Height: 40},
			batchMsg{postings: ps[:1], progress: progress{Seen: 1, Loaded: 1}},
			batchMsg{postings: ps[1:], progress: progress{Seen: 4, Loaded: 4}, done: true},
		}
		m.c.loading = true
		var cmds []tea.Cmd
		if c := m.Init(); c != nil {
			cmds = append(cmds, c)
		}
		for steps := 0; len(pending) > 0 || len(cmds) > 0; steps++ {
			if steps > 10000 {
				t.Fatalf("seed %d: messages keep coming", seed)
			}
			// The batches come in order; Cmds run and reply in any order.
			if len(pending) > 0 && (len(cmds) == 0 || rng.IntN(3) == 0) {
				msg := pending[0]
				pending = pending[1:]
				_, c := m.Update(msg)
				cmds = append(cmds, c)
				continue
			}
			i := rng.IntN(len(cmds))
			c := cmds[i]
			cmds = append(cmds[:i], cmds[i+1:]...)
			if c == nil {
				continue
			}
			switch msg := c().(type) {
			case nil:
			case tea.BatchMsg:
				cmds = append(cmds, msg...)
			default:
				_, next := m.Update(msg)
				cmds = append(cmds, next)
			}
		}
		if got := titles(m); len(got) != len(ps) {
			t.Fatalf("seed %d: the list ends with %d of %d postings: %q", seed, len(got), len(ps), got)
		}
	}
}
