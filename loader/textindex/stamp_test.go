package textindex

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/jobdeck/jobdeck/model"
)

// TestItemsInParts checks that Items, which splits many postings between
// goroutines, gives each posting its own stamp, in order: postings held in
// memory, files, and the records of one file, which share a stamp.
func TestItemsInParts(t *testing.T) {
	fsys := fstest.MapFS{}
	var ps []*model.Posting
	for i := range 3 * itemsPart {
		p := &model.Posting{ID: fmt.Sprint("p", i), Title: fmt.Sprint("title ", i)}
		switch i % 3 {
		case 1:
			name := fmt.Sprintf("f%d.md", i)
			fsys[name] = &fstest.MapFile{Data: make([]byte, i)}
			p.Source, p.SourcePath, p.Path = fsys, name, name
		case 2:
			p.Source, p.SourcePath, p.Path = fsys, "jobs.json", fmt.Sprintf("jobs.json#%d", i)
		}
		ps = append(ps, p)
	}
	fsys["jobs.json"] = &fstest.MapFile{Data: []byte("[]")}
	got := Items(ps)
	seen := map[string]string{}
	for i, p := range ps {
		want := stampOf(p, seen)
		if got[i].ID != p.ID || got[i].Stamp != want {
			t.Fatalf("item %d = %+v, want {%s %s}", i, got[i], p.ID, want)
		}
	}
	if got[1].Stamp == got[4].Stamp || got[2].Stamp != got[5].Stamp || got[0].Stamp == got[3].Stamp {
		t.Errorf("stamps %q %q %q %q %q %q: want files and memory postings apart, records alike", got[0].Stamp, got[3].Stamp, got[1].Stamp, got[4].Stamp, got[2].Stamp, got[5].Stamp)
	}
}
