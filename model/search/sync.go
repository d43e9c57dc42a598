package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	sqlite3 "modernc.org/sqlite/lib"
)

// Doc is one document to index: a posting's searchable text.
type Doc struct {
	ID       string // the posting's ID; unique in the index
	Stamp    string // changes whenever the source changes (see [Stamp])
	Title    string
	Company  string
	Location string
	Keywords []string
	Body     string // markdown; see [PlainText]
	// Done, when not nil, is called once the index is done with the
	// document's text (Body may share memory that Done gives back).
	Done func()
}

// Item names a document [Index.Sync] should hold: its ID and stamp.
type Item struct {
	ID, Stamp string
}

// Progress is reported by [Index.Sync] as it goes: Done of Total
// documents to (re)index have been handled.
type Progress struct {
	Done, Total int
}

// Stats tell what [Index.Sync] did.
type Stats struct {
	Indexed   int // documents added or re-indexed
	Removed   int // documents no longer in the list
	Unchanged int // documents whose stamp was already indexed
	Failed    int // documents that load could not read (left out of the index)
}

// batchSize is the default number of documents written per transaction
// of one shard ([Options].BatchSize). FTS5 writes its pending terms out as
// a new segment at each commit, to be merged later, so larger batches
// index faster (1,000 postings of ~3 KB stay within a shard's 4 MB
// buffer, and the shards' batches together hold what one of 2,000 did);
// other processes and cancellation wait for one batch, about 0.15 s.
const batchSize = 1000

// bulkBatch is the number of documents per transaction of a shard in a
// build of more than one batch, when [Options].BatchSize is not set: the
// terms of 6,000 postings of ~3 KB stay within FTS5's buffer of
// [bulkTuning], so that each transaction writes one segment. The rows are
// inserted as they are loaded, never held as a batch (6,000 rows held
// made the collector run four times as often). Another process waits for
// such a transaction about a second; cancellation still stops it within a
// document.
const bulkBatch = 6000

// Sync makes the shard hold exactly the documents of items (see
// [Index.Sync]), loading with load(ctx, i) those whose stamp changed.
// have, when not nil, is what [shard.Stamps] returned just before (Sync
// takes it over). A file found damaged ([ErrBroken]) — earlier, or by the
// quick check at the end — is set aside and the shard rebuilt.
func (ix *shard) Sync(ctx context.Context, items []Item, have map[string]string, load func(ctx context.Context, i int) (Doc, error), progress func(Progress)) (Stats, error) {
	ix.writing.Add(1)
	defer ix.writing.Add(-1)
	st, err := ix.sync(ctx, items, have, load, progress)
	if errors.Is(err, ErrBroken) {
		st, err = ix.sync(ctx, items, nil, load, progress)
	}
	return st, err
}

// sync is one attempt of Sync: it fails with [ErrBroken] when it finds
// the file damaged, after which a second attempt starts from a new file.
func (ix *shard) sync(ctx context.Context, items []Item, have map[string]string, load func(ctx context.Context, i int) (Doc, error), progress func(Progress)) (Stats, error) {
	reopened, err := ix.rebuild(ctx)
	if err != nil {
		return Stats{}, err
	}
	if have == nil || reopened {
		if have, err = ix.Stamps(ctx); err != nil {
			return Stats{}, err
		}
	}
	var st Stats
	var todo []int
	for i, it := range items {
		if s, ok := have[it.ID]; ok && s == it.Stamp {
			st.Unchanged++
		} else {
			todo = append(todo, i)
		}
		delete(have, it.ID)
	}
	gone := make([]string, 0, len(have))
	for id := range have {
		gone = append(gone, id)
	}
	if err := ix.Remove(ctx, gone...); err != nil {
		return st, err
	}
	st.Removed = len(gone)
	report := func(done int) {
		if progress != nil {
			progress(Progress{Done: done, Total: len(todo)})
		}
	}
	report(0)
	ids := make([]string, len(todo))
	for k, i := range todo {
		ids[k] = items[i].ID
	}
	err = ix.writeAll(ctx, ids, func(ctx context.Context, k int) (Doc, error) {
		return load(ctx, todo[k])
	}, &st, report)
	if err != nil {
		return st, err
	}
	// Last, so that searches are up to date before it: damage it finds
	// makes Sync start again from a new file.
	return st, ix.check(ctx)
}

// loaded is a document read by the loading goroutine of writeAll, its
// text already made into the row to insert; k is its index in writeAll's
// ids.
type loaded struct {
	row row
	err error
	id  string
	k   int
}

// row is the text of a document as fts takes it: the keywords one per
// line and the body as [PlainText]. writeAll makes rows on the loading
// goroutine, so that the writing one, which bounds the indexing time,
// spends its time inserting.
type row struct {
	id, stamp                          string
	title, company, location, keywords string
	body                               string
	done                               func() // the Doc's Done
}

// rowOf returns the row of d.
func rowOf(d Doc) row {
	return row{id: d.ID, stamp: d.Stamp, title: d.Title, company: d.Company, location: d.Location,
		keywords: strings.Join(d.Keywords, "\n"), body: PlainText(d.Body), done: d.Done}
}

// release calls the row's done, once the row is written or given up.
func (r row) release() {
	if r.done != nil {
		r.done()
	}
}

// loadAhead is how many documents the loading goroutine of writeAll makes
// ready ahead of the transaction that inserts them: enough to keep it
// busy while rows are inserted, few enough that the text held stays small
// (the transaction takes each document from the channel as it inserts it,
// holding none).
const loadAhead = 64

// writeAll loads the documents of ids in a goroutine of its own while it
// writes the previous ones, Options.BatchSize per transaction, or
// bulkBatch in a build of more than one batch (see [shard.bulk]).
func (ix *shard) writeAll(ctx context.Context, ids []string, load func(context.Context, int) (Doc, error), st *Stats, report func(int)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n, size := len(ids), ix.opts.BatchSize
	if n == 0 {
		return ctx.Err()
	}
	if n > size {
		defer ix.bulk(ctx)()
		size = max(size, ix.opts.bulkBatch)
	} else {
		ix.tune(ctx, normalTuning)
	}
	loadOne := func(k int) loaded {
		d, err := load(ctx, k)
		l := loaded{err: err, id: ids[k], k: k}
		if err == nil {
			l.row = rowOf(d)
		}
		return l
	}
	ch := make(chan loaded, loadAhead)
	go func() {
		defer close(ch)
		for k := range n {
			select {
			case ch <- loadOne(k):
			case <-ctx.Done():
				return
			}
		}
	}()
	for done := 0; done < n; {
		m := min(size, n-done)
		if err := ix.writeBatch(ctx, m, ch, loadOne, st); err != nil {
			return err
		}
		done += m
		report(done)
	}
	return ctx.Err()
}

// bulkCheckpoint is the size of the write-ahead log, in pages, from which
// a commit checkpoints it while [shard.writeAll] writes more than one
// batch; SQLite's default is 1,000 pages (4 MB). Each checkpoint waits for
// the file to reach the disk: at the default, the writers of a 100k build
// spent about a second of wall time each in those waits.
const bulkCheckpoint = 16384

// tuning is the part of FTS5's configuration (kept in the file) that sets
// how it writes: the size of its buffer of pending terms, flushed as a new
// segment when full and at each commit, and how many segments of a level
// it merges at once (0: none).
type tuning struct{ hashsize, automerge int }

// normalTuning is the schema's (see schema); bulkTuning is that of a bulk
// build (see [shard.bulk]).
var (
	normalTuning = tuning{hashsize: 4 << 20, automerge: 8}
	bulkTuning   = tuning{hashsize: 16 << 20, automerge: 0}
)

// tune sets the FTS5 configuration of the file to t where it differs. A
// failure (another process holding the lock) leaves it as it was: the
// tuning changes how fast the index is written, not what it holds.
func (ix *shard) tune(ctx context.Context, t tuning) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.w == nil {
		return
	}
	// FTS5's defaults, for a key the table does not hold.
	have := map[string]int{"hashsize": 1 << 20, "automerge": 4}
	rows, err := ix.w.QueryContext(ctx, `SELECT k, v FROM fts_config WHERE k IN ('hashsize', 'automerge')`)
	if err != nil {
		return
	}
	for rows.Next() {
		var k string
		var v int
		if rows.Scan(&k, &v) == nil {
			have[k] = v
		}
	}
	if rows.Close() != nil || rows.Err() != nil {
		return
	}
	for k, v := range map[string]int{"hashsize": t.hashsize, "automerge": t.automerge} {
		if have[k] != v {
			_, _ = ix.w.ExecContext(ctx, `INSERT INTO fts(fts, rank) VALUES(?, ?)`, k, v)
		}
	}
}

// bulk readies the writer for a build of many batches and returns the func
// that sets it back. Its checkpoints come every [bulkCheckpoint] pages; at
// the end the log is checkpointed (a passive checkpoint: one that another
// process's reader holds up is left to a later commit or the close). Those
// settings belong to the connection, not the file: a connection opened
// anew has SQLite's default. FTS5 gets [bulkTuning]: a buffer as large
// as a batch's terms, so that each transaction of bulkBatch documents is
// written as one segment and none merged (for 100k postings, 9 segments a
// file instead of 50 merged down to 16, a second less CPU). The tuning is
// kept in the file: a build cut short leaves it, and the next Sync of few
// documents sets the schema's back.
func (ix *shard) bulk(ctx context.Context) func() {
	ix.tune(ctx, bulkTuning)
	restore := func() { ix.tune(context.WithoutCancel(ctx), normalTuning) }
	if ix.writerPragma(ctx, fmt.Sprintf("wal_autocheckpoint = %d", bulkCheckpoint)) != nil {
		return restore
	}
	return func() {
		restore()
		quiet := context.WithoutCancel(ctx)
		if ix.writerPragma(quiet, "wal_autocheckpoint = 1000") == nil {
			_ = ix.writerPragma(quiet, "wal_checkpoint(PASSIVE)")
		}
	}
}

// writerPragma runs PRAGMA p on the writing connection.
func (ix *shard) writerPragma(ctx context.Context, p string) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.w == nil {
		return errClosed
	}
	_, err := ix.w.ExecContext(ctx, "PRAGMA "+p)
	return err
}

// writeBatch writes the next m documents of ch in one transaction and
// adds what it did to st once committed. Should the transaction be tried
// again (another process held the lock), the documents it took from ch
// already are loaded again with load.
func (ix *shard) writeBatch(ctx context.Context, m int, ch <-chan loaded, load func(k int) loaded, st *Stats) error {
	var did Stats
	var taken []int // the documents taken from ch, by index
	// The statements of each document run without ctx's cancellation,
	// which is checked before each document instead: given a context that
	// can end, the driver starts a goroutine per statement to watch it
	// (two statements a document).
	quiet := context.WithoutCancel(ctx)
	err := ix.inTx(ctx, func(w *writer) error {
		did = Stats{}
		write := func(l loaded) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if l.err != nil {
				did.Failed++
				return w.remove(quiet, l.id)
			}
			wrote, err := w.put(quiet, l.row)
			l.row.release()
			if err != nil {
				return err
			}
			if wrote {
				did.Indexed++
			} else {
				did.Unchanged++
			}
			return nil
		}
		for _, k := range taken {
			if err := write(load(k)); err != nil {
				return err
			}
		}
		for len(taken) < m {
			l, ok := <-ch
			if !ok {
				// The loading goroutine stops early only when ctx ends.
				return context.Cause(ctx)
			}
			taken = append(taken, l.k)
			if err := write(l); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		st.Indexed, st.Unchanged, st.Failed = st.Indexed+did.Indexed, st.Unchanged+did.Unchanged, st.Failed+did.Failed
	}
	return err
}

// Put adds documents or replaces their text, in one transaction. A document
// whose stamp is already indexed is left as it is. The documents' Done
// funcs are called at the end, the transaction tried again or not.
func (ix *shard) Put(ctx context.Context, docs ...Doc) error {
	defer func() {
		for _, d := range docs {
			if d.Done != nil {
				d.Done()
			}
		}
	}()
	return ix.inTx(ctx, func(w *writer) error {
		for _, d := range docs {
			if _, err := w.put(ctx, rowOf(d)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Remove removes the documents of these IDs; unknown IDs are ignored.
func (ix *shard) Remove(ctx context.Context, ids ...string) error {
	for len(ids) > 0 {
		n := min(len(ids), ix.opts.BatchSize)
		if err := ix.inTx(ctx, func(w *writer) error {
			for _, id := range ids[:n] {
				if err := w.remove(ctx, id); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// Stamps returns the indexed documents: ID → stamp.
func (ix *shard) Stamps(ctx context.Context) (map[string]string, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return nil, errClosed
	}
	rows, err := ix.r.QueryContext(ctx, `SELECT key, stamp FROM docs`)
	if err != nil {
		return nil, ix.markBroken(ctx, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, s string
		if err := rows.Scan(&k, &s); err != nil {
			return nil, ix.markBroken(ctx, err)
		}
		out[k] = s
	}
	return out, ix.markBroken(ctx, rows.Err())
}

// check runs SQLite's quick check of the whole file (every page and
// b-tree, and FTS5's own check of its segments), which damage in the
// middle of the file fails without a word at Open. A failure is confirmed
// by [Index.confirmDamage] before it counts.
func (ix *shard) check(ctx context.Context) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.r == nil {
		return errClosed
	}
	if !ix.needsCheck() {
		return nil
	}
	ix.bmu.Lock()
	ix.checks++
	ix.bmu.Unlock()
	res, err := quickCheck(ctx, ix.r)
	if err == nil && res == "ok" {
		ix.setChecked(ix.opts.Now())
		return nil
	}
	return ix.markBroken(ctx, ix.confirmDamage(ctx, err))
}

// confirmDamage runs the quick check again on a new connection holding the
// write lock: FTS5's check on a connection that has read the index before
// can report damage while another process writes to it. It returns the
// damage, or nil when the file passes or stays locked (a later Sync checks
// again).
func (ix *shard) confirmDamage(ctx context.Context, first error) error {
	db, err := ix.sqlOpen(false)
	if err != nil {
		return nil
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return first
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		if sqliteCode(err) == sqlite3.SQLITE_BUSY {
			return nil
		}
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
	var res string
	if err := conn.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return &damage{res}
	}
	return nil
}

// quickCheck returns the first line of PRAGMA quick_check: "ok" or the
// first problem.
func quickCheck(ctx context.Context, db *sql.DB) (string, error) {
	var res string
	err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res)
	return res, err
}

// damage is a failed quick check.
type damage struct{ msg string }

func (d *damage) Error() string { return "quick check: " + d.msg }

// errClosed is returned by methods called after [Index.Close].
var errClosed = errors.New("search: index closed")

// lockTries is how many times a write waits Options.BusyTimeout for
// another process's lock before the index counts as locked for good.
const lockTries = 3

// inTx runs fn in a write transaction and commits it, trying again while
// another process holds the lock (fn must not keep state across tries).
func (ix *shard) inTx(ctx context.Context, fn func(*writer) error) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.w == nil {
		return errClosed
	}
	var err error
	for range lockTries {
		if err = ix.tryTx(ctx, fn); sqliteCode(err) != sqlite3.SQLITE_BUSY || ctx.Err() != nil {
			break
		}
	}
	return ix.markBroken(ctx, err)
}

// tryTx is one try of inTx.
func (ix *shard) tryTx(ctx context.Context, fn func(*writer) error) error {
	tx, err := ix.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer tx.Rollback()
	w := &writer{tx: tx}
	defer w.close()
	if err := fn(w); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE meta SET v = v + 1 WHERE k = 'gen'`); err != nil {
		return err
	}
	return tx.Commit()
}

// writer writes documents inside one transaction, with its statements
// prepared once per transaction (parsing them for each document took
// about a tenth of the indexing time).
type writer struct {
	tx    *sql.Tx
	stmts [len(writerSQL)]*sql.Stmt
}

// The statements of a writer, by index into writer.stmts.
const (
	sqlFind = iota
	sqlDeleteText
	sqlRestamp
	sqlAddDoc
	sqlAddText
	sqlDeleteDoc
)

var writerSQL = [...]string{
	sqlFind:       `SELECT id, stamp FROM docs WHERE key = ?`,
	sqlDeleteText: `DELETE FROM fts WHERE rowid = ?`,
	sqlRestamp:    `UPDATE docs SET stamp = ? WHERE id = ?`,
	sqlAddDoc:     `INSERT INTO docs(key, stamp) VALUES(?, ?) ON CONFLICT(key) DO NOTHING`,
	sqlAddText:    `INSERT INTO fts(rowid, title, company, location, keywords, body) VALUES(?, ?, ?, ?, ?, ?)`,
	sqlDeleteDoc:  `DELETE FROM docs WHERE id = ?`,
}

// stmt returns the prepared statement k, preparing it on first use.
func (w *writer) stmt(ctx context.Context, k int) (*sql.Stmt, error) {
	if w.stmts[k] == nil {
		st, err := w.tx.PrepareContext(ctx, writerSQL[k])
		if err != nil {
			return nil, err
		}
		w.stmts[k] = st
	}
	return w.stmts[k], nil
}

// exec runs statement k.
func (w *writer) exec(ctx context.Context, k int, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, k)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// find returns the rowid and stamp of the document key, or sql.ErrNoRows.
func (w *writer) find(ctx context.Context, key string) (id int64, stamp string, err error) {
	st, err := w.stmt(ctx, sqlFind)
	if err != nil {
		return 0, "", err
	}
	err = st.QueryRowContext(ctx, key).Scan(&id, &stamp)
	return id, stamp, err
}

// close closes the prepared statements.
func (w *writer) close() {
	for _, st := range w.stmts {
		if st != nil {
			st.Close()
		}
	}
}

// put indexes r unless its stamp is already indexed, reporting whether it
// wrote. A new document takes one insert; for a known one the stamp is
// read inside the transaction, so that of two processes indexing the same
// document the second one skips it.
func (w *writer) put(ctx context.Context, r row) (bool, error) {
	res, err := w.exec(ctx, sqlAddDoc, r.id, r.stamp)
	if err != nil {
		return false, err
	}
	var id int64
	if n, err := res.RowsAffected(); err != nil {
		return false, err
	} else if n == 1 {
		if id, err = res.LastInsertId(); err != nil {
			return false, err
		}
		return w.addText(ctx, id, r)
	}
	id, stamp, err := w.find(ctx, r.id)
	switch {
	case err == nil && stamp == r.stamp:
		return false, nil
	case err == nil:
		if _, err := w.exec(ctx, sqlDeleteText, id); err != nil {
			return false, err
		}
		if _, err := w.exec(ctx, sqlRestamp, r.stamp, id); err != nil {
			return false, err
		}
	default:
		return false, err
	}
	return w.addText(ctx, id, r)
}

// addText inserts the text of r as rowid id.
func (w *writer) addText(ctx context.Context, id int64, r row) (bool, error) {
	_, err := w.exec(ctx, sqlAddText, id, r.title, r.company, r.location, r.keywords, r.body)
	return err == nil, err
}

// remove deletes the document key, if indexed.
func (w *writer) remove(ctx context.Context, key string) error {
	id, _, err := w.find(ctx, key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if _, err := w.exec(ctx, sqlDeleteText, id); err != nil {
		return err
	}
	_, err = w.exec(ctx, sqlDeleteDoc, id)
	return err
}
