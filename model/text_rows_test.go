package model

import (
	"context"
	"fmt"
	"maps"
	"testing"
)

// visits returns what eachRowHit or eachHit visits: index → relevance.
func visits(each func(visit func(i int, rel float64))) map[int]float64 {
	out := map[int]float64{}
	each(func(i int, rel float64) { out[i] = rel })
	return out
}

func TestRowHitsVisitWhatIDHitsVisit(t *testing.T) {
	c := NewCollection()
	for i := range 100 {
		c.Add(&Posting{ID: fmt.Sprintf("p%d", i), Title: "t"})
	}
	c.Add(&Posting{ID: "p7", Title: "again"}) // index 100: p7 twice
	var keys RowKeys
	keys.Set(1, "p7")
	keys.Set(2, "nowhere") // indexed, not in the collection
	keys.Set(4, "p42")
	rows := TextRows{{Keys: &keys, Rows: []int64{1, 2, 4}, Scores: []float64{1.5, 2, 3}}}
	ids := map[string]float64{"p7": 1.5, "nowhere": 2, "p42": 3}
	want := map[int]float64{7: 1.5, 100: 1.5, 42: 3}

	snap := c.Snapshot()
	if got := visits(func(v func(int, float64)) { snap.eachRowHit(rows, v) }); !maps.Equal(got, want) {
		t.Errorf("by row: %v, want %v", got, want)
	}
	if got := visits(func(v func(int, float64)) { snap.eachHit(ids, v) }); !maps.Equal(got, want) {
		t.Errorf("by id: %v, want %v", got, want)
	}
	scan := Snapshot{postings: snap.postings} // no collection: a scan
	if got := visits(func(v func(int, float64)) { scan.eachRowHit(rows, v) }); !maps.Equal(got, want) {
		t.Errorf("by row without a collection: %v, want %v", got, want)
	}
	if got := visits(func(v func(int, float64)) { snap.eachRowHit(rows.unscored(), v) }); !maps.Equal(got, map[int]float64{7: 0, 100: 0, 42: 0}) {
		t.Errorf("unscored: %v", got)
	}

	// An older, shorter snapshot sees only its own postings.
	short := Snapshot{postings: snap.postings[:40], shared: snap.shared}
	if got := visits(func(v func(int, float64)) { short.eachRowHit(rows, v) }); !maps.Equal(got, map[int]float64{7: 1.5}) {
		t.Errorf("40 postings: %v", got)
	}

	// A row named after the rows were placed, and a posting added after.
	keys.Set(9, "p150")
	c.Add(&Posting{ID: "p150", Title: "new"}) // index 101
	rows = TextRows{{Keys: &keys, Rows: []int64{9, 1}}}
	want = map[int]float64{101: 0, 7: 0, 100: 0}
	if got := visits(func(v func(int, float64)) { c.Snapshot().eachRowHit(rows, v) }); !maps.Equal(got, want) {
		t.Errorf("after growing: %v, want %v", got, want)
	}
	if got := visits(func(v func(int, float64)) { snap.eachRowHit(rows, v) }); !maps.Equal(got, map[int]float64{7: 0, 100: 0}) {
		t.Errorf("the snapshot before it: %v", got)
	}
	// Renaming a placed row places every row again.
	keys.Set(2, "p3")
	rows = TextRows{{Keys: &keys, Rows: []int64{2}}}
	if got := visits(func(v func(int, float64)) { c.Snapshot().eachRowHit(rows, v) }); !maps.Equal(got, map[int]float64{3: 0}) {
		t.Errorf("after renaming row 2: %v", got)
	}
	if r, ok := keys.Unknown([]int64{1, 3}); ok || r != 3 {
		t.Errorf("Unknown = %d, %v; want row 3", r, ok)
	}
}

func TestPlaceAheadOfTheFirstSearch(t *testing.T) {
	c := NewCollection()
	c.Add(&Posting{ID: "a"}, &Posting{ID: "b"})
	var keys RowKeys
	keys.Set(0, "b")
	PrepareText(placer{&keys}, c.Snapshot())
	if keys.at.owner != c.shared || keys.at.n != 2 || len(keys.at.first) != 1 || keys.at.first[0] != 1 {
		t.Fatalf("not placed: %+v", keys.at)
	}
	PrepareText(nil, c.Snapshot()) // no searcher: nothing to do
	keys.Place(Snapshot{})         // no collection: nothing to place
	if keys.at.owner != c.shared {
		t.Error("a snapshot without a collection replaced the positions")
	}
}

// placer is a TextPreparer placing one table.
type placer struct{ k *RowKeys }

func (p placer) SearchText(context.Context, []TextTerm, bool) (map[string]float64, error) {
	return nil, nil
}
func (p placer) PrepareText(snap Snapshot) { p.k.Place(snap) }
