package search_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobdeck/jobdeck/model/search"
)

// built returns a folder holding a closed index of docs.
func built(t *testing.T, docs []search.Doc) string {
	t.Helper()
	dir := t.TempDir()
	ix := open(t, dir)
	syncDocs(t, ix, docs)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// assertRebuilt syncs ix with docs and checks that its file was set aside
// with a note holding why, and that the new index gives the same results
// as the scan.
func assertRebuilt(t *testing.T, ix *search.Index, why string, docs []search.Doc) {
	t.Helper()
	st, _ := syncDocs(t, ix, docs)
	if st.Indexed != len(docs) {
		t.Errorf("rebuild indexed %+v of %d", st, len(docs))
	}
	notes := ix.Notes()
	if len(notes) != 1 || !strings.Contains(notes[0], why) || !strings.Contains(notes[0], "set aside as index.db.broken-20261201T094000") {
		t.Errorf("notes %q, want one saying %q", notes, why)
	}
	if _, err := os.Stat(filepath.Join(ix.Dir(), "index.db.broken-20261201T094000")); err != nil {
		t.Errorf("set-aside file: %v", err)
	}
	assertSameAsScan(t, ix, docs)
}

func assertSameAsScan(t *testing.T, ix *search.Index, docs []search.Doc) {
	t.Helper()
	refs := make([]refDoc, len(docs))
	for i, d := range docs {
		refs[i] = newRef(d)
	}
	for _, terms := range [][]string{{"visa sponsorship"}, {"munchen"}, {"kube*"}, {"-visa"}} {
		query := q(t, terms...)
		if got, want := ids(t, ix, query), refSearch(refs, query); !slices.Equal(got, want) {
			t.Errorf("%v: %d hits, the scan %d", query, len(got), len(want))
		}
	}
}

func TestTruncatedIndexIsRebuilt(t *testing.T) {
	docs := testDocs(400)
	dir := built(t, docs)
	p := filepath.Join(dir, search.FileName)
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
	assertRebuilt(t, open(t, dir), "is truncated", docs)
}

func TestGarbageIndexIsRebuilt(t *testing.T) {
	docs := testDocs(50)
	for _, garbage := range []string{"not a database at all, just text\n", strings.Repeat("\x00\xff", 3000)} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, search.FileName), []byte(garbage), 0o600); err != nil {
			t.Fatal(err)
		}
		assertRebuilt(t, open(t, dir), "is not an SQLite database", docs)
	}
}

func TestForeignIndexIsRebuilt(t *testing.T) {
	docs := testDocs(50)
	for why, stmts := range map[string][]string{
		"belongs to another program (it holds other tables)": {`CREATE TABLE notes(x)`},
		"belongs to another program (application id 0x1234)": {`PRAGMA application_id = 4660`, `CREATE TABLE notes(x)`},
		"has index format 99":                                {`PRAGMA application_id = 1245989715`, `PRAGMA user_version = 99`},
	} {
		dir := t.TempDir()
		db, err := sql.Open("sqlite", filepath.Join(dir, search.FileName))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := db.Exec(s); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		assertRebuilt(t, open(t, dir), why, docs)
	}
}

// TestOlderFormatIsReplaced: both files of an index an older jobdeck
// made are removed, not kept as copies, and rebuilt, with one note naming
// the format.
func TestOlderFormatIsReplaced(t *testing.T) {
	docs := testDocs(200)
	for _, ver := range []int{2, 3, 4} {
		dir := t.TempDir()
		for _, name := range []string{search.FileName, "index-2.db"} {
			db, err := sql.Open("sqlite", filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{`PRAGMA application_id = 1245989715`, fmt.Sprintf(`PRAGMA user_version = %d`, ver), `CREATE TABLE old(x)`} {
				if _, err := db.Exec(s); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
		}
		ix := openSharded(t, dir)
		if st, _ := syncDocs(t, ix, docs); st.Indexed != len(docs) {
			t.Errorf("format %d: rebuild indexed %+v of %d", ver, st, len(docs))
		}
		want := fmt.Sprintf("made by an older jobdeck (index format %d, now ", ver)
		if notes := ix.Notes(); len(notes) != 1 || !strings.HasPrefix(notes[0], want) {
			t.Errorf("format %d: notes %q, want one starting %q", ver, notes, want)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*.broken-*")); len(left) != 0 {
			t.Errorf("format %d: old files kept as %v", ver, left)
		}
		if n := len(fileDocs(t, dir, "index-2.db")); n == 0 {
			t.Errorf("format %d: the second file was not rebuilt", ver)
		}
		assertSameAsScan(t, ix, docs)
	}
}

// TestNewFilePages: a new index file has 16 KB pages, and FTS5 leaves
// that fill them.
func TestNewFilePages(t *testing.T) {
	dir := built(t, testDocs(50))
	for _, name := range []string{search.FileName, "index-2.db"} {
		db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, name)+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		var page, leaf int
		if err := db.QueryRow(`PRAGMA page_size`).Scan(&page); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT v FROM fts_config WHERE k = 'pgsz'`).Scan(&leaf); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if page != 16384 || leaf != 16000 {
			t.Errorf("%s: page size %d, FTS5 leaves %d; want 16384, 16000", name, page, leaf)
		}
	}
}

// TestIndexWithoutVocabularyIsRebuilt: a file of this version that lacks
// the fts5vocab table ranked searches read cannot serve.
func TestIndexWithoutVocabularyIsRebuilt(t *testing.T) {
	docs := testDocs(50)
	dir := built(t, docs)
	db, err := sql.Open("sqlite", filepath.Join(dir, search.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TABLE fts_instance`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	assertRebuilt(t, open(t, dir), "no such table: fts_instance", docs)
}

func TestDamagedPagesAreRebuilt(t *testing.T) {
	docs := testDocs(400)
	dir := built(t, docs)
	p := filepath.Join(dir, search.FileName)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the pages after the first, keeping the header valid.
	for i := 4096; i < len(data)*3/4; i += 97 {
		data[i] ^= 0x5a
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	ix := open(t, dir)
	// Before a sync, a search either fails with ErrBroken or is right.
	if _, err := ix.Search(context.Background(), q(t, "visa")); err != nil && !errors.Is(err, search.ErrBroken) {
		t.Errorf("search on a damaged file: %v", err)
	}
	st, _ := syncDocs(t, ix, docs)
	if st.Indexed != len(docs) {
		t.Errorf("sync on a damaged file: %+v", st)
	}
	if notes := ix.Notes(); len(notes) != 1 || !strings.Contains(notes[0], "is damaged") {
		t.Errorf("notes %q", notes)
	}
	assertSameAsScan(t, ix, docs)
}

func TestLockedIndexIsRebuilt(t *testing.T) {
	docs := testDocs(50)
	dir := built(t, docs[:10])
	holder, err := sql.Open("sqlite", filepath.Join(dir, search.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	conn, err := holder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Another process that took the write lock and never lets go.
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)
	ix, err := search.Open(context.Background(), dir, search.Options{Now: fixedNow, BusyTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	assertRebuilt(t, ix, "stays locked by another process", docs)
}

func TestTwoIndexesOnOneFolder(t *testing.T) {
	docs := testDocs(500)
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	var wg sync.WaitGroup
	stats := make([]search.Stats, 2)
	for k, ix := range []*search.Index{a, b} {
		wg.Go(func() {
			st, err := ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
				return docs[i], nil
			}, nil)
			if err != nil {
				t.Error(err)
			}
			stats[k] = st
		})
	}
	wg.Wait()
	if n := stats[0].Indexed + stats[1].Indexed; n != len(docs) {
		t.Errorf("two syncs indexed %d documents between them (%+v), want each once: %d", n, stats, len(docs))
	}
	for _, ix := range []*search.Index{a, b} {
		if notes := ix.Notes(); len(notes) != 0 {
			t.Errorf("notes %v", notes)
		}
		assertSameAsScan(t, ix, docs)
	}
}

// TestMain lets the test binary act as a second jobdeck syncing a folder.
func TestMain(m *testing.M) {
	if dir := os.Getenv("JOBDECK_SEARCH_CHILD"); dir != "" {
		os.Exit(child(dir))
	}
	os.Exit(m.Run())
}

func child(dir string) int {
	ix, err := search.Open(context.Background(), dir, search.Options{BatchSize: 64})
	if err != nil {
		os.Stderr.WriteString(err.Error())
		return 1
	}
	defer ix.Close()
	docs := testDocs(500)
	if _, err := ix.Sync(context.Background(), items(docs), func(_ context.Context, i int) (search.Doc, error) {
		return docs[i], nil
	}, nil); err != nil {
		os.Stderr.WriteString(err.Error())
		return 1
	}
	return 0
}

func TestTwoProcessesOnOneFolder(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "JOBDECK_SEARCH_CHILD="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	docs := testDocs(500)
	ix := open(t, dir)
	st, _ := syncDocs(t, ix, docs)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v: %s", err, stderr.String())
	}
	if st.Indexed+st.Unchanged != len(docs) {
		t.Errorf("parent sync %+v", st)
	}
	if n, _ := ix.Count(context.Background()); n != len(docs) {
		t.Errorf("%d documents after two processes synced %d", n, len(docs))
	}
	assertSameAsScan(t, ix, docs)
	if notes := ix.Notes(); len(notes) != 0 {
		t.Errorf("notes %v", notes)
	}
}

func TestSyncFollowsAFileReplacedByAnotherProcess(t *testing.T) {
	docs := testDocs(40)
	dir := t.TempDir()
	a := open(t, dir)
	syncDocs(t, a, docs)
	// Another jobdeck found the file damaged and built a new one.
	if err := os.Rename(filepath.Join(dir, search.FileName), filepath.Join(dir, "elsewhere.db")); err != nil {
		t.Fatal(err)
	}
	b := open(t, dir)
	syncDocs(t, b, docs[:20])
	st, _ := syncDocs(t, a, docs)
	if st.Unchanged != 20 || st.Indexed != 20 {
		t.Errorf("sync after the file was replaced: %+v, want the new file's 20 kept and 20 added", st)
	}
	assertSameAsScan(t, b, docs)
}
