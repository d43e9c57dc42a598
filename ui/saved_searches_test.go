package ui

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
)

// savedTo records what a SaveSearchesFunc was given.
type savedTo struct {
	mu  sync.Mutex
	got [][]SavedSearch
	err error
}

func (s *savedTo) save(all []SavedSearch) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, all)
	return s.err
}

func TestSaveSearchWhileFiltering(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	out := &savedTo{}
	m.c.searches = []SavedSearch{{"old", "data"}}
	m.c.saveSearches = out.save
	send(t, m, kp("/"))
	typeText(t, m, "engineer")
	send(t, m, kp("ctrl+s"))
	if _, ok := openOverlay(m).(*nameOverlay); !ok {
		t.Fatalf("ctrl+s while filtering opened %T", openOverlay(m))
	}
	typeText(t, m, "backend")
	send(t, m, kp("enter"))
	want := []SavedSearch{{"old", "data"}, {"backend", "engineer"}}
	if len(out.got) != 1 || !slices.Equal(out.got[0], want) {
		t.Fatalf("wrote %v, want %v", out.got, want)
	}
	if flashText(m) != "saved search backend" || openOverlay(m) != nil {
		t.Errorf("message %q, overlay %T", flashText(m), openOverlay(m))
	}
	// the same name again replaces it; a failed write says so
	out.err = errors.New("saved searches: disk full")
	send(t, m, kp("/"), kp("ctrl+s"))
	typeText(t, m, "backend")
	send(t, m, kp("enter"))
	if len(m.c.searches) != 2 || !flashIsErr(m) || !strings.Contains(flashText(m), "disk full") {
		t.Errorf("searches %v, message %q", m.c.searches, flashText(m))
	}
}

func TestSaveSearchNeedsAQuery(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("/"), kp("ctrl+s"))
	if openOverlay(m) != nil {
		t.Fatal("ctrl+s with an empty query asked for a name")
	}
}

func TestPickAndRecallSavedSearches(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	if keysOf(m).SavedSearches.Enabled() {
		t.Fatal("' is on with no saved search")
	}
	m.c.searches = []SavedSearch{{"engineers", "engineer"}, {"berlin", "loc:berlin"}, {"analysts", "analyst"}}
	m.syncKeys()
	send(t, m, kp("'"))
	p, ok := openOverlay(m).(*searchPicker)
	if !ok {
		t.Fatalf("' opened %T", openOverlay(m))
	}
	if !slices.Equal(p.counts, []int{1, 1, 1}) {
		t.Errorf("counts %v, want 1 each", p.counts)
	}
	if s := shown(m); !strings.Contains(s, "loc:berlin · 1") {
		t.Errorf("picker lacks the count:\n%s", s)
	}
	typeText(t, m, "brln")
	if len(p.shown) != 1 || p.all[p.shown[0]].Name != "berlin" {
		t.Fatalf("fuzzy filter kept %v", p.shown)
	}
	send(t, m, kp("enter"))
	if filterText(m) != "loc:berlin" || !slices.Equal(titles(m), []string{"Frontend Developer"}) {
		t.Fatalf("picked: filter %q, rows %v", filterText(m), titles(m))
	}
	send(t, m, kp("3"))
	if filterText(m) != "analyst" || !slices.Equal(titles(m), []string{"Data Analyst"}) {
		t.Fatalf("3: filter %q, rows %v", filterText(m), titles(m))
	}
	send(t, m, kp("9"))
	if !flashIsErr(m) || flashText(m) != "no saved search 9" {
		t.Errorf("9: %q", flashText(m))
	}
}
