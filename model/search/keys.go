package search

import (
	"context"
	"database/sql"
	"sync"

	"github.com/jobdeck/jobdeck/model"
)

// keyTable is the process's copy of docs' rowid → posting ID map, so that
// a search reads rowids alone from FTS5 instead of joining docs for each
// hit, and the filter turns them into postings by position
// ([model.RowKeys]). Rowids are never reused (AUTOINCREMENT) and a
// document keeps its rowid when re-indexed, so the map only grows:
// bringing it up to date reads the rows above the highest rowid known. A
// file replaced starts a new table.
type keyTable struct {
	mu   sync.Mutex // held while the table is brought up to date or replaced
	rows *model.RowKeys
}

// table returns the current table.
func (kt *keyTable) table() *model.RowKeys {
	kt.mu.Lock()
	defer kt.mu.Unlock()
	if kt.rows == nil {
		kt.rows = &model.RowKeys{}
	}
	return kt.rows
}

// refresh reads the rows of docs added since the last call and returns
// the table they are in.
func (kt *keyTable) refresh(ctx context.Context, db *sql.DB) (*model.RowKeys, error) {
	kt.mu.Lock()
	defer kt.mu.Unlock()
	if kt.rows == nil {
		kt.rows = &model.RowKeys{}
	}
	rows, err := db.QueryContext(ctx, `SELECT id, key FROM docs WHERE id >= ? ORDER BY id`, kt.rows.Len())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		kt.rows.Set(id, key)
	}
	return kt.rows, rows.Err()
}

// reset forgets every row (the file was replaced): later searches name
// their rows by a new table, and results already out keep the old one.
func (kt *keyTable) reset() {
	kt.mu.Lock()
	kt.rows = nil
	kt.mu.Unlock()
}

// found is a shard's result: rows of its key table, with their scores
// (nil: all 0). Its slices are shared by the result cache: do not modify.
type found struct {
	keys   *model.RowKeys
	rows   []int64
	scores []float64
}

// hits names f's rows.
func (f found) hits() []Hit {
	out := make([]Hit, len(f.rows))
	for i, r := range f.rows {
		out[i].ID, _ = f.keys.Key(r)
		if f.scores != nil {
			out[i].Score = f.scores[i]
		}
	}
	return out
}

// warm brings the key table and the document sizes ([docStats]) up to
// date, so that the next search need not.
func (ix *shard) warm(ctx context.Context) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return errClosed
	}
	_, err := ix.keys.refresh(ctx, ix.r)
	if err == nil {
		err = ix.warmStats(ctx)
	}
	return ix.markBroken(ctx, err)
}

// warmStats reads the shard's [docStats] at its current generation; the
// caller holds ix.mu.
func (ix *shard) warmStats(ctx context.Context) error {
	tx, err := ix.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var gen int64
	if err := tx.QueryRowContext(ctx, sqlGen).Scan(&gen); err != nil {
		return err
	}
	_, err = ix.stats.get(ctx, tx, gen)
	return err
}
