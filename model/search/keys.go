package search

import (
	"context"
	"database/sql"
	"sync"
)

// keyTable is the process's copy of docs' rowid → posting ID map, so that
// a search reads rowids alone from FTS5 instead of joining docs for each
// hit. Rowids are never reused (AUTOINCREMENT) and a document keeps its
// rowid when re-indexed, so the map only grows: bringing it up to date
// reads the rows above the highest rowid known.
type keyTable struct {
	mu   sync.Mutex
	keys []string // keys[id] is the ID of rowid id; "" for none
}

// refresh reads the rows of docs added since the last call.
func (kt *keyTable) refresh(ctx context.Context, db *sql.DB) error {
	kt.mu.Lock()
	defer kt.mu.Unlock()
	rows, err := db.QueryContext(ctx, `SELECT id, key FROM docs WHERE id >= ? ORDER BY id`, len(kt.keys))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		for int64(len(kt.keys)) <= id {
			kt.keys = append(kt.keys, "")
		}
		kt.keys[id] = key
	}
	return rows.Err()
}

// hits names the rowids ids as hits with their scores (all 0 when scores
// is nil). When it does not know a rowid it returns that one and false.
func (kt *keyTable) hits(ids []int64, scores []float64) ([]Hit, int64, bool) {
	kt.mu.Lock()
	defer kt.mu.Unlock()
	out := make([]Hit, len(ids))
	for i, id := range ids {
		if id < 0 || id >= int64(len(kt.keys)) || kt.keys[id] == "" {
			return nil, id, false
		}
		out[i].ID = kt.keys[id]
		if scores != nil {
			out[i].Score = scores[i]
		}
	}
	return out, 0, true
}

// reset forgets every row (the file was replaced).
func (kt *keyTable) reset() {
	kt.mu.Lock()
	kt.keys = nil
	kt.mu.Unlock()
}
