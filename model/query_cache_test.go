package model

import (
	"context"
	"fmt"
	"testing"
)

func TestResultCache(t *testing.T) {
	c := fixture()
	ctx := context.Background()
	first := mustFilter(t, c, "backend", SortNewest, nil)
	again := mustFilter(t, c, "  backend ", SortNewest, nil) // same terms
	if first.Len() == 0 || &again.Rows[0] != &first.Rows[0] {
		t.Error("the same query was filtered again instead of reused")
	}
	if again.Query != "  backend " {
		t.Errorf("cached result answers %q", again.Query)
	}
	if other := mustFilter(t, c, "backend", SortTitle, nil); &other.Rows[0] == &first.Rows[0] {
		t.Error("a different sort order reused the cached rows")
	}
	c.Add(&Posting{ID: "f", Title: "Backend Intern"})
	grown := mustFilter(t, c, "backend", SortNewest, nil)
	if grown.Len() != first.Len()+1 {
		t.Errorf("after Add: %d rows, want %d", grown.Len(), first.Len()+1)
	}
	// Queries reading annotations are never cached: the state may change.
	ann := fakeAnn{short: map[string]bool{"a": true}}
	r1, _ := Filter(ctx, c.Snapshot(), ParseQuery("is:s"), SortNewest, ann, nil)
	ann.short["b"] = true
	r2, _ := Filter(ctx, c.Snapshot(), ParseQuery("is:s"), SortNewest, ann, nil)
	if r1.Len() != 1 || r2.Len() != 2 {
		t.Errorf("is:s after shortlisting another: %d then %d rows, want 1 then 2", r1.Len(), r2.Len())
	}
}

func TestResultCacheEvicts(t *testing.T) {
	var rc resultCache
	for i := range resultCacheSize + 3 {
		rc.put(fmt.Sprint(i), 10, []int32{int32(i)})
	}
	if _, ok := rc.get("0"); ok {
		t.Error("oldest entry survived")
	}
	if rows, ok := rc.get(fmt.Sprint(resultCacheSize + 2)); !ok || rows[0] != resultCacheSize+2 {
		t.Error("newest entry missing")
	}
	if len(rc.entries) != resultCacheSize {
		t.Errorf("%d entries, want %d", len(rc.entries), resultCacheSize)
	}
	if _, ok := rc.get(""); ok {
		t.Error("empty key hit")
	}
}

// TestResultCacheDropsShorterSnapshots checks that the rows for a longer
// snapshot push out those for shorter ones (the lists a load's refilters
// left behind), and keep those for the same length.
func TestResultCacheDropsShorterSnapshots(t *testing.T) {
	var rc resultCache
	rc.put("a/10", 10, []int32{1})
	rc.put("b/20", 20, []int32{2})
	rc.put("c/20", 20, []int32{3})
	if _, ok := rc.get("a/10"); ok {
		t.Error("the rows for 10 postings survived rows for 20")
	}
	for _, k := range []string{"b/20", "c/20"} {
		if _, ok := rc.get(k); !ok {
			t.Errorf("%s missing", k)
		}
	}
	rc.put("d/15", 15, []int32{4}) // an older snapshot's filter drops nothing newer
	if len(rc.entries) != 3 {
		t.Errorf("%d entries, want 3", len(rc.entries))
	}
}
