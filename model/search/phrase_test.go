package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// phraseWords are few, so that every word is in nearly every document and
// their pairs are common: the phrases the Go reader answers.
var phraseWords = strings.Fields("four day weeks and calm teams ship the maps")

// phraseDoc writes document i of version v: words at random, now and then
// a run of one word long enough that its position list spans pages, and a
// title that may hold a phrase too.
func phraseDoc(i, v int) Doc {
	r := rand.New(rand.NewPCG(uint64(i), uint64(v)))
	n := 5 + r.IntN(300)
	w := make([]string, n)
	for k := range w {
		w[k] = phraseWords[r.IntN(len(phraseWords))]
	}
	body := strings.Join(w, " ")
	if r.IntN(25) == 0 {
		body += "\n\n" + strings.Repeat("day ", 3000+r.IntN(6000)) + "four day weeks"
	}
	title := "Engineer"
	if r.IntN(4) == 0 {
		title = "Calm " + phraseWords[r.IntN(len(phraseWords))] + " day weeks"
	}
	return Doc{ID: fmt.Sprintf("d%d", i), Stamp: fmt.Sprintf("v%d", v), Title: title, Body: body}
}

var phraseQueries = []string{"four day weeks", "four day", "day weeks", "day day", "day day day day",
	"calm teams ship the maps", "weeks four", "the the", "maps and calm", "calm day weeks",
	"four zebra", "zebra day", "engineer day"}

// assertPhrasesAsFTS5 checks that the Go reader finds in every file of ix
// the rows FTS5 finds for each of phraseQueries, itself answering (not
// leaving them to FTS5), and returns whether some file held tombstones
// and whether some word's segments overlapped.
func assertPhrasesAsFTS5(t *testing.T, ix *Index) (tombs bool) {
	t.Helper()
	ctx := context.Background()
	for k, s := range ix.shards {
		tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		segs, err := readStructure(ctx, tx)
		tx.Rollback()
		if err != nil {
			t.Fatalf("file %d: %v", k, err)
		}
		for _, sg := range segs {
			tombs = tombs || sg.tombPages > 0
		}
		for _, text := range phraseQueries {
			toks, ok := Query{{Words: text}}.phraseTokens()
			if !ok {
				t.Fatalf("%q: not a phrase the reader takes", text)
			}
			got, err := s.phraseInGo(ctx, toks)
			if err != nil {
				t.Fatalf("file %d, %q (%d segments): %v", k, text, len(segs), err)
			}
			want, _, err := s.rows(ctx, sqlMatch, Query{{Words: text}}.expr(), false)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("file %d, %q: Go found %d rows, FTS5 %d", k, text, len(got), len(want))
			}
		}
	}
	return tombs
}

// expr is the MATCH expression of a query of included terms.
func (q Query) expr() string {
	in, _ := q.match()
	return in
}

func TestPhraseInGoMatchesFTS5(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true, BatchSize: 23, shardMin: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	n := 700
	version := make([]int, n)
	ix.shards[0].opts.BatchSize, ix.shards[1].opts.BatchSize = 9, 13
	sync := func() {
		t.Helper()
		var items []Item
		var idx []int
		for i, v := range version {
			if v >= 0 {
				items = append(items, Item{ID: fmt.Sprintf("d%d", i), Stamp: fmt.Sprintf("v%d", v)})
				idx = append(idx, i)
			}
		}
		load := func(_ context.Context, j int) (Doc, error) { return phraseDoc(idx[j], version[idx[j]]), nil }
		if _, err := ix.Sync(ctx, items, load, nil); err != nil {
			t.Fatal(err)
		}
	}
	// A file built by batches holds segments of ascending rowids.
	for i := range version {
		version[i] = -1
	}
	for end := 100; end <= n; end += 100 {
		for i := end - 100; i < end; i++ {
			version[i] = 0
		}
		sync()
	}
	assertPhrasesAsFTS5(t, ix)
	// Documents written again keep their rowids: their old entries stay
	// in older segments under tombstones, and the segments overlap.
	sawTombs := false
	for round := 1; round <= 3; round++ {
		for i := range version {
			switch {
			case (i+round)%5 == 0:
				version[i] = round
			case (i+round)%17 == 0:
				version[i] = -1
			case version[i] < 0 && i%3 == 0:
				version[i] = round
			}
		}
		sync()
		if assertPhrasesAsFTS5(t, ix) {
			sawTombs = true
		}
	}
	if !sawTombs {
		t.Error("no file held tombstones: the test does not cover them")
	}
	for _, s := range ix.shards {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO fts(fts) VALUES('optimize')`); err != nil {
			t.Fatal(err)
		}
	}
	assertPhrasesAsFTS5(t, ix)
}

func TestPhraseTokens(t *testing.T) {
	for _, c := range []struct {
		q    Query
		want []string
	}{
		{Query{{Words: "Four-Day weeks"}}, []string{"four", "day", "weeks"}},
		{Query{{Words: "Zürich office"}}, []string{"zurich", "office"}},
		{Query{{Words: "visa"}}, nil},                                  // a word, not a phrase
		{Query{{Words: "four day", Prefix: true}}, nil},                // a prefix
		{Query{{Words: "four day"}, {Words: "x", Exclude: true}}, nil}, // two terms
		{Query{{Words: "straße plan"}}, nil},                           // ß: FTS5 folds it
		{Query{{Words: "four\u2013day"}}, nil},                         // a separator outside ASCII
		{Query{{Words: "東京 office"}}, nil},                             // another script
	} {
		got, ok := c.q.phraseTokens()
		if ok != (c.want != nil) || ok && !slices.Equal(got, c.want) {
			t.Errorf("%v: %q %v, want %q", c.q, got, ok, c.want)
		}
	}
}

// TestPhraseInGoDamagedPages overwrites leaf pages of FTS5's segments with
// bytes that do not decode (cut short, random, or with offsets past the
// page): the Go reader must give up with errNotPlain, or answer, and never
// panic.
func TestPhraseInGoDamagedPages(t *testing.T) {
	ctx := context.Background()
	ix, err := Open(ctx, t.TempDir(), Options{NoCache: true, BatchSize: 50, shardMin: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var items []Item
	for i := range 300 {
		items = append(items, Item{ID: fmt.Sprintf("d%d", i), Stamp: "v0"})
	}
	load := func(_ context.Context, j int) (Doc, error) { return phraseDoc(j, 0), nil }
	if _, err := ix.Sync(ctx, items, load, nil); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 7))
	damages := []func([]byte) []byte{
		func(b []byte) []byte { return b[:min(len(b), 1+r.IntN(6))] },
		func(b []byte) []byte {
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			return b
		},
		func(b []byte) []byte {
			if len(b) >= 4 {
				b[0], b[1] = 0xff, 0xf0 // first rowid past the page
			}
			return b
		},
		func(b []byte) []byte {
			for i := len(b) / 2; i < len(b); i++ {
				b[i] = 0xff // varints that never end
			}
			return b
		},
	}
	answered, refused := 0, 0
	for k, s := range ix.shards {
		var ids []int64
		rows, err := s.w.QueryContext(ctx, `SELECT id FROM fts_data WHERE id > 10`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		rows.Close()
		if len(ids) == 0 {
			t.Fatalf("file %d has no leaf pages", k)
		}
		for round, d := range damages {
			id := ids[(round*7)%len(ids)]
			var block []byte
			if err := s.w.QueryRowContext(ctx, `SELECT block FROM fts_data WHERE id = ?`, id).Scan(&block); err != nil {
				t.Fatal(err)
			}
			if _, err := s.w.ExecContext(ctx, `UPDATE fts_data SET block = ? WHERE id = ?`, d(slices.Clone(block)), id); err != nil {
				t.Fatal(err)
			}
			for _, text := range phraseQueries {
				toks, _ := Query{{Words: text}}.phraseTokens()
				_, err := s.phraseInGo(ctx, toks)
				switch {
				case err == nil:
					answered++
				case errors.Is(err, errNotPlain):
					refused++
				default:
					t.Errorf("file %d, page %d, %q: %v, not errNotPlain", k, id, text, err)
				}
			}
			if _, err := s.w.ExecContext(ctx, `UPDATE fts_data SET block = ? WHERE id = ?`, block, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	if refused == 0 {
		t.Errorf("no damaged page was refused (%d answers): the test does not reach the reader's checks", answered)
	}
}
