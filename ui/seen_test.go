package ui

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// fakeSeen is a SeenLog over a set of new ids, recording what it is told.
type fakeSeen struct {
	fresh    map[string]bool
	mu       sync.Mutex
	recorded []string
}

func (f *fakeSeen) IsNew(id string) bool { return f.fresh[id] }
func (f *fakeSeen) Record(ids []string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.recorded = append(f.recorded, ids...)
	return nil
}

func TestNewPostings(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	log := &fakeSeen{fresh: map[string]bool{"b": true, "d": true}}
	m.c.seen = log
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture(), done: true}, afterLoadMsg{})
	if len(log.recorded) != len(fixture()) {
		t.Fatalf("recorded %v, want every posting loaded", log.recorded)
	}
	if s := statusOf(m); !strings.Contains(s, "2 new") {
		t.Errorf("status line lacks the count of new postings:\n%s", s)
	}
	labelled := 0
	for _, l := range strings.Split(shown(m), "\n") {
		if strings.Contains(l, " new") && !strings.Contains(l, "2 new") {
			labelled++
		}
	}
	if labelled != 2 {
		t.Errorf("%d rows labelled new, want 2:\n%s", labelled, shown(m))
	}
	send(t, m, kp("/"))
	typeText(t, m, "is:new")
	send(t, m, kp("enter"))
	got := titles(m)
	slices.Sort(got)
	if want := []string{"Frontend Developer", "Platform Lead"}; !slices.Equal(got, want) {
		t.Errorf("is:new shows %v, want %v", got, want)
	}
}

// TestIsNewRerunsWhenTheLogIsRead checks that an is:new query shown
// before the log of what is new was read (so that nothing was new yet) is
// run again once it has been.
func TestIsNewRerunsWhenTheLogIsRead(t *testing.T) {
	m := newTestModel(t, 120, 40, nil)
	log := &fakeSeen{fresh: map[string]bool{}}
	m.c.seen = log
	setLoading(m, true, progress{})
	send(t, m, batchMsg{postings: fixture(), done: true})
	send(t, m, kp("/"))
	typeText(t, m, "is:new")
	send(t, m, kp("enter"))
	if got := titles(m); len(got) != 0 {
		t.Fatalf("is:new before the log was read shows %v", got)
	}
	log.fresh = map[string]bool{"b": true, "d": true}
	send(t, m, seenMsg{fresh: 2})
	got := titles(m)
	slices.Sort(got)
	if want := []string{"Frontend Developer", "Platform Lead"}; !slices.Equal(got, want) {
		t.Errorf("is:new once the log was read shows %v, want %v", got, want)
	}
}
