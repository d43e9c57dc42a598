package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// appID marks an SQLite file as a jobdeck index ("JDKS"); schemaVersion
// changes with the tables below, and an index of another version is
// rebuilt.
const (
	appID         = 0x4A444B53
	schemaVersion = 5
)

// The tables: docs maps a posting ID to the rowid of its text in fts
// (never reused, see keyTable) and the stamp it was indexed at; fts holds no copy of the text (content=”)
// but keeps positions for phrases and sizes for BM25.
var schema = []string{
	`CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, stamp TEXT NOT NULL)`,
	`CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, company, location, keywords, body,
		content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2")`,
	// A bigger in-memory buffer of pending terms: fewer, larger segments
	// (about 15% less indexing time than the default 1 MB). 4 MB, as a
	// shard's batch needs, not 8: the shards' writers hold one each
	// (an index file made with 8 MB keeps it).
	`INSERT INTO fts(fts, rank) VALUES('hashsize', 4194304)`,
	// Leaves of a page each: FTS5's default (4,050 bytes) fits pages of
	// 4 KB, and the file's pages are of pageSize.
	fmt.Sprintf(`INSERT INTO fts(fts, rank) VALUES('pgsz', %d)`, leafSize),
	// Merge segments eight at a time instead of four: each posting's text
	// is rewritten fewer times while the index is built (0.9 s less CPU
	// for 100k postings), and searches were measured as fast.
	`INSERT INTO fts(fts, rank) VALUES('automerge', 8)`,
	// The words' instances (rowid, column, offset), which ranked searches
	// score in Go (see [shard.rankedInGo]); fts5vocab stores nothing.
	`CREATE VIRTUAL TABLE IF NOT EXISTS fts_instance USING fts5vocab(fts, instance)`,
	// gen counts write transactions, so that cached results can tell they
	// are stale, whichever process wrote.
	`CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v INTEGER NOT NULL)`,
	`INSERT OR IGNORE INTO meta(k, v) VALUES('gen', 0)`,
	fmt.Sprintf(`PRAGMA application_id = %d`, appID),
	fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion),
}

// pageSize is the size of a new file's pages; leafSize that of FTS5's
// leaves in it, a page less the b-tree's own header and cell overhead.
const (
	pageSize = 16384
	leafSize = 16000
)

// errForeign is the error of a new-looking file that holds another
// program's tables.
var errForeign = errors.New("belongs to another program (it holds other tables)")

// shard is one file of an [Index]: a complete FTS5 index of the documents
// whose ID hashes to it (see [shardOf]), with its own connections, cache,
// damage detection and clean-close stamp. Its methods may be called from
// several goroutines: searches run while its Sync writes.
type shard struct {
	dir  string
	file string // the file's name in dir
	opts Options

	mu   sync.RWMutex // guards the handles; held for writing while the file is replaced
	w, r *sql.DB      // one writing connection; readers for Search
	seen os.FileInfo  // the file the handles were opened on, to set aside only that one

	cache   resultCache
	keys    keyTable
	stats   statsCache
	writing atomic.Int32 // Syncs of this shard running

	bmu     sync.Mutex // guards broken, notes and checked, which are set while mu is held
	broken  error      // non-nil once an operation found the file damaged
	notes   []string
	checked time.Time // when the open file was last checked in full or built from nothing; zero: never
	checks  int       // full checks run, for tests
}

// openShard opens the shard file in dir (which exists), creating the
// index as needed; a file that cannot serve is set aside and a new one
// made (see [Open]). opts has its defaults filled in.
func openShard(ctx context.Context, dir, file string, opts Options) (*shard, error) {
	ix := &shard{dir: dir, file: file, opts: opts}
	if err := ix.open(ctx); err != nil {
		return nil, err
	}
	return ix, nil
}

// Notes returns the messages about the shard's files set aside since it
// was opened, oldest first.
func (ix *shard) Notes() []string {
	ix.bmu.Lock()
	defer ix.bmu.Unlock()
	return append([]string(nil), ix.notes...)
}

// Close closes the index. Searches after Close fail. When no other
// process has the file open and it was found sound (checked in full, built
// from nothing, or closed cleanly before), Close records its size and time
// beside it ("index.db.clean"), so that the next Sync can skip the
// full check of a file that nothing touched since.
func (ix *shard) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.w == nil {
		return nil
	}
	err := ix.closeDB()
	ix.bmu.Lock()
	checked, broken := ix.checked, ix.broken
	ix.bmu.Unlock()
	cur, serr := os.Stat(ix.path())
	if err != nil || broken != nil || checked.IsZero() || serr != nil || ix.seen == nil || !os.SameFile(cur, ix.seen) {
		return err
	}
	return writeClean(ix.path(), checked)
}

func (ix *shard) path() string { return filepath.Join(ix.dir, ix.file) }

// open opens the file, checking it and replacing it (at most twice: another
// process may replace it at the same time) when it cannot be used.
func (ix *shard) open(ctx context.Context) error {
	var last error
	for range 3 {
		reason, err := ix.tryOpen(ctx)
		if err == nil && reason == "" {
			return nil
		}
		var older olderFormat
		if errors.As(err, &older) {
			if err := ix.discard(older); err != nil {
				return err
			}
			last = err
			continue
		}
		if err != nil {
			return err
		}
		last = errors.New(reason)
		if err := ix.setAside(reason, ix.seen); err != nil {
			return err
		}
	}
	return fmt.Errorf("search: cannot build an index in %s: %w", ix.dir, last)
}

// tryOpen opens and checks the file. It returns a reason to set the file
// aside, or an error when the folder itself is unusable.
func (ix *shard) tryOpen(ctx context.Context) (reason string, err error) {
	ix.seen, _ = os.Stat(ix.path())
	checked, _ := readClean(ix.path())
	ix.setChecked(checked)
	if reason := checkFile(ix.path()); reason != "" {
		return reason, nil
	}
	w, err := ix.sqlOpen(false)
	if err != nil {
		return "", err
	}
	r, err := ix.sqlOpen(true)
	if err != nil {
		w.Close()
		return "", err
	}
	ix.w, ix.r = w, r
	reason, err = ix.checkSchema(ctx)
	if ix.seen == nil {
		ix.seen, _ = os.Stat(ix.path())
	}
	if reason != "" || err != nil {
		ix.closeDB()
	}
	return reason, err
}

// sqlOpen returns a handle on the file: one connection that takes the write
// lock when a transaction begins, or a pool of read-only connections.
func (ix *shard) sqlOpen(readOnly bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", ix.opts.BusyTimeout.Milliseconds()))
	// 16 KB pages, set before the file's first page is written: the
	// shorthand _journal_mode runs after every _pragma, and switching a
	// new file to WAL writes its first page. An existing file keeps its
	// own page size. FTS5's leaves fill them (see schema): a build of
	// 100k postings took about 10% less CPU than with 4 KB pages.
	q.Add("_pragma", fmt.Sprintf("page_size(%d)", pageSize))
	q.Set("_journal_mode", "WAL")
	// NORMAL, not OFF: the file is made durable at each checkpoint, so
	// that a power cut can lose the last writes but not damage it. With
	// OFF the file's time could reach the disk before its pages, and the
	// stamp of a clean close (see [Index.Close]) vouch for a damaged file.
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
		q.Add("_pragma", "cache_size(-8000)")
	} else {
		// The writer's pages go to the log at each commit; a larger
		// cache made the build no faster, and each shard's writer
		// holds its own (8 MB each: 30 MB more peak RSS for 100k).
		q.Add("_pragma", "cache_size(-2000)")
	}
	db, err := sql.Open("sqlite", "file:"+ix.path()+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if readOnly {
		db.SetMaxOpenConns(2)
	} else {
		db.SetMaxOpenConns(1)
	}
	return db, nil
}

// checkSchema creates the tables in a new file and checks an existing one:
// its application id, version and tables. It returns why the file cannot
// be used, or "" — or an error when no file would do (see [classify]).
func (ix *shard) checkSchema(ctx context.Context) (string, error) {
	var id, ver int64
	if err := ix.w.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return classify(ctx, err)
	}
	if err := ix.w.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&ver); err != nil {
		return classify(ctx, err)
	}
	switch {
	case id == 0 && ver == 0:
		created, err := ix.create(ctx)
		if err != nil {
			return classify(ctx, err)
		}
		if created {
			ix.setChecked(ix.opts.Now()) // nothing to check in a file just made
		}
	case id != appID:
		return fmt.Sprintf("belongs to another program (application id %#x)", id), nil
	case ver > 0 && ver < schemaVersion:
		return "", olderFormat(ver)
	case ver != schemaVersion:
		return fmt.Sprintf("has index format %d, this jobdeck uses %d", ver, schemaVersion), nil
	}
	var n int
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM fts WHERE fts MATCH 'jobdeck'`).Scan(&n); err != nil {
		return classify(ctx, err)
	}
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM docs`).Scan(&n); err != nil {
		return classify(ctx, err)
	}
	if err := ix.r.QueryRowContext(ctx, `SELECT count(*) FROM fts_instance WHERE term = 'jobdeck'`).Scan(&n); err != nil {
		return classify(ctx, err)
	}
	return "", nil
}

// create makes the tables of a new index in one transaction, unless another
// process did so first; it reports whether it made them.
func (ix *shard) create(ctx context.Context) (bool, error) {
	tx, err := ix.w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return false, err
	}
	if id == appID {
		return false, nil
	}
	var tables int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&tables); err != nil {
		return false, err
	}
	if tables > 0 {
		return false, errForeign
	}
	for _, s := range schema {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return false, err
		}
	}
	return true, tx.Commit()
}

// setChecked records when the open file was last found sound.
func (ix *shard) setChecked(t time.Time) {
	ix.bmu.Lock()
	ix.checked = t
	ix.bmu.Unlock()
}

// needsCheck reports whether the open file is to get the full check: it
// was not closed cleanly since its last one, or that was checkEvery ago.
func (ix *shard) needsCheck() bool {
	ix.bmu.Lock()
	defer ix.bmu.Unlock()
	return ix.checked.IsZero() || ix.opts.Now().Sub(ix.checked) >= checkEvery
}

func (ix *shard) closeDB() error {
	ix.keys.reset()
	ix.stats.reset()
	var err error
	if ix.w != nil {
		err = ix.w.Close()
	}
	if ix.r != nil {
		err = errors.Join(err, ix.r.Close())
	}
	ix.w, ix.r = nil, nil
	return err
}
