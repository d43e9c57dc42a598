package search_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model/search"
)

// openSharded opens the index in dir spreading a build of at least 100
// new documents over its files.
func openSharded(t *testing.T, dir string) *search.Index {
	t.Helper()
	ix, err := search.Open(context.Background(), dir, search.Sharded(search.Options{Now: fixedNow, BatchSize: 64}, 100))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// fileDocs returns the IDs of the documents the index file name in dir
// holds, sorted.
func fileDocs(t *testing.T, dir, name string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, name)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT key FROM docs ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		out = append(out, k)
	}
	return out
}

func TestShardedIndexMatchesBruteForce(t *testing.T) {
	docs := testDocs(600)
	dir := t.TempDir()
	ix := openSharded(t, dir)
	if st, loads := syncDocs(t, ix, docs); st.Indexed != 600 || loads != 600 {
		t.Fatalf("first sync: %+v, %d loads", st, loads)
	}
	first, second := fileDocs(t, dir, search.FileName), fileDocs(t, dir, "index-2.db")
	if len(first) < 200 || len(second) < 200 || len(first)+len(second) != 600 {
		t.Fatalf("files hold %d and %d of 600 documents, want about half each", len(first), len(second))
	}
	for _, id := range second {
		if search.ShardOf(id) != 1 || slices.Contains(first, id) {
			t.Fatalf("%s is in the second file, hashed to %d", id, search.ShardOf(id))
		}
	}
	assertMatchesBruteForce(t, ix, docs)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	ix = openSharded(t, dir)
	if st, loads := syncDocs(t, ix, docs); st != (search.Stats{Unchanged: 600}) || loads != 0 {
		t.Errorf("second sync: %+v, %d loads", st, loads)
	}
	// A changed document stays in its file; a new one goes to the first.
	moved := second[0]
	for i := range docs {
		if docs[i].ID == moved {
			docs[i].Stamp, docs[i].Body = "v2", "Now a glorptastic perk."
		}
	}
	docs = append(docs, search.Doc{ID: "new-one", Stamp: "1", Title: "Glorp Wrangler", Body: "A glorptastic job."})
	if st, loads := syncDocs(t, ix, docs); st.Indexed != 2 || st.Unchanged != 599 || loads != 2 {
		t.Errorf("sync after a change and an addition: %+v, %d loads", st, loads)
	}
	if got := ids(t, ix, q(t, "glorptastic")); !slices.Equal(got, []string{"new-one", moved}) && !slices.Equal(got, []string{moved, "new-one"}) {
		t.Errorf("glorptastic: %v", got)
	}
	if n := len(fileDocs(t, dir, "index-2.db")); n != len(second) {
		t.Errorf("the second file holds %d documents after the sync, want %d", n, len(second))
	}
	assertMatchesBruteForce(t, ix, docs)
}

func TestShardedSecondFileRebuilt(t *testing.T) {
	docs := testDocs(400)
	dir := t.TempDir()
	ix := openSharded(t, dir)
	syncDocs(t, ix, docs)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "index-2.db")
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	ix = openSharded(t, dir)
	st, _ := syncDocs(t, ix, docs)
	held := len(fileDocs(t, dir, search.FileName))
	if st.Indexed != len(docs)-held || st.Unchanged != held {
		t.Errorf("sync after the second file was truncated: %+v, the first holds %d", st, held)
	}
	if notes := ix.Notes(); len(notes) != 1 || !strings.Contains(notes[0], "index-2.db is truncated") {
		t.Errorf("notes %q", notes)
	}
	assertSameAsScan(t, ix, docs)
}

// TestDocumentInTwoFilesIsKeptOnce: of a document that two processes
// indexed into different files at once, the next sync keeps one copy.
func TestDocumentInTwoFilesIsKeptOnce(t *testing.T) {
	docs := testDocs(300)
	dir := t.TempDir()
	ix := openSharded(t, dir)
	syncDocs(t, ix, docs)
	second := fileDocs(t, dir, "index-2.db")
	var dup search.Doc
	for _, d := range docs {
		if d.ID == second[0] {
			dup = d
		}
	}
	// A process that saw the document as new and put it in the first file.
	db, err := sql.Open("sqlite", filepath.Join(dir, search.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, stmt := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO docs(key, stamp) VALUES(?, ?)`, []any{dup.ID, dup.Stamp}},
		{`INSERT INTO fts(rowid, title, company, location, keywords, body) VALUES(last_insert_rowid(), ?, ?, ?, ?, ?)`,
			[]any{dup.Title, dup.Company, dup.Location, strings.Join(dup.Keywords, "\n"), search.PlainText(dup.Body)}},
		{`UPDATE meta SET v = v + 1 WHERE k = 'gen'`, nil},
	} {
		if _, err := db.Exec(stmt.sql, stmt.args...); err != nil {
			t.Fatal(err)
		}
	}
	if got := ids(t, ix, q(t, "-zzzz")); len(got) != len(docs)+1 {
		t.Fatalf("%d hits with the copy, want %d", len(got), len(docs)+1)
	}
	st, _ := syncDocs(t, ix, docs)
	if st.Removed != 1 {
		t.Errorf("sync with a document in two files: %+v, want one copy removed", st)
	}
	n := 0
	for _, f := range []string{search.FileName, "index-2.db"} {
		if slices.Contains(fileDocs(t, dir, f), dup.ID) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%s is in %d files after the sync", dup.ID, n)
	}
	assertSameAsScan(t, ix, docs)
}

// TestShardsLoadAtOnce checks that the files' loads overlap, so that one
// waiting on the disk does not hold up the other: a load waits (up to two
// seconds, once) until a load for the other file runs beside it.
func TestShardsLoadAtOnce(t *testing.T) {
	docs := testDocs(200)
	ix := openSharded(t, t.TempDir())
	var mu sync.Mutex
	running := 0
	both := make(chan struct{})
	var gaveUp atomic.Bool
	_, err := ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
		mu.Lock()
		if running++; running == 2 && !gaveUp.Load() {
			select {
			case <-both:
			default:
				close(both)
			}
		}
		mu.Unlock()
		defer func() {
			mu.Lock()
			running--
			mu.Unlock()
		}()
		if !gaveUp.Load() {
			select {
			case <-both:
			case <-time.After(2 * time.Second):
				gaveUp.Store(true)
			}
		}
		return docs[i], nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if gaveUp.Load() {
		t.Error("the files' loads never ran at once")
	}
}
