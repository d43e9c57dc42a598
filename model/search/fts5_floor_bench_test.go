package search_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkFTS5Floor100k is what FTS5 itself costs to index the 100k
// folder's text, the floor under BenchmarkSync100k: the text of every
// posting (title, company, location, keywords and the stripped body, as
// the index gets it) read beforehand into memory, then inserted into one
// bare contentless FTS5 column per file — no docs table, no stamps, no
// durability — two files at once on a goroutine each, as [search.Index]
// writes them. Sub-benchmarks vary what the index needs (positions for
// phrases, the unicode61 tokenizer for accents) to show what each costs.
// Run with -benchtime=1x.
func BenchmarkFTS5Floor100k(b *testing.B) {
	ps, items := benchPostings(b)
	load := bodyLoader(ps, items)
	texts := make([]string, len(ps))
	for i := range ps {
		d, err := load(context.Background(), i)
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = strings.Join(append([]string{d.Title, d.Company, d.Location, d.Body}, d.Keywords...), " ")
	}
	for _, c := range []struct{ name, options string }{
		{"unicode61", `tokenize="unicode61 remove_diacritics 2"`},
		{"unicode61-no-positions", `detail=column, tokenize="unicode61 remove_diacritics 2"`},
		{"ascii", `tokenize="ascii"`},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				dir := b.TempDir()
				c0, t0 := cpuTime(), time.Now()
				errs := make([]error, 2)
				var wg sync.WaitGroup
				for k := range errs {
					wg.Go(func() { errs[k] = insertFTS5(filepath.Join(dir, fmt.Sprint(k)), c.options, texts, k, len(errs)) })
				}
				wg.Wait()
				if err := errors.Join(errs...); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(time.Since(t0).Seconds(), "wall-s")
				b.ReportMetric(ms(cpuTime()-c0)/1000, "cpu-s")
			}
		})
	}
}

// insertFTS5 makes a bare FTS5 table with options in a new file and
// inserts texts[k], texts[k+step], … in transactions of 6,000 rows.
func insertFTS5(file, options string, texts []string, k, step int) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, s := range []string{
		`CREATE VIRTUAL TABLE fts USING fts5(body, content='', ` + options + `)`,
		`INSERT INTO fts(fts, rank) VALUES('hashsize', 4194304)`,
	} {
		if _, err := db.Exec(s); err != nil {
			return err
		}
	}
	for start := k; start < len(texts); start += 6000 * step {
		if err := insertRows(db, texts, start, min(start+6000*step, len(texts)), step); err != nil {
			return err
		}
	}
	return nil
}

// insertRows inserts texts[i] as row i+1 for i from start to end by step,
// in one transaction.
func insertRows(db *sql.DB, texts []string, start, end, step int) error {
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	st, err := tx.Prepare(`INSERT INTO fts(rowid, body) VALUES(?, ?)`)
	if err != nil {
		return err
	}
	for i := start; i < end; i += step {
		if _, err := st.Exec(i+1, texts[i]); err != nil {
			return err
		}
	}
	return tx.Commit()
}
