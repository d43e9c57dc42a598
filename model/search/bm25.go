package search

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FTS5's BM25 constants k1 and b (fts5_aux.c).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// columnWeight returns the weight in [weights] of a column by the first
// letter of its name, which fts5vocab reports: title, company, location,
// keywords, body.
func columnWeight(c byte) (float64, bool) {
	switch c {
	case 't':
		return 10, true
	case 'c':
		return 5, true
	case 'l':
		return 3, true
	case 'k':
		return 5, true
	case 'b':
		return 1, true
	}
	return 0, false
}

// vocabTerm is the one included word of a query that [shard.rankedInGo]
// can score: its token as the index holds it, and whether it is a prefix.
type vocabTerm struct {
	token  string
	prefix bool
}

// soleWord returns the token of q's only included term when that term is
// a single word (or prefix) whose token this package can work out exactly
// as the unicode61 tokenizer does (see [foldWord]); ok is false otherwise.
func (q Query) soleWord() (vocabTerm, bool) {
	var only *Term
	for i := range q {
		if q[i].Exclude {
			continue
		}
		if only != nil {
			return vocabTerm{}, false
		}
		only = &q[i]
	}
	if only == nil {
		return vocabTerm{}, false
	}
	tok, ok := foldWord(only.Words)
	return vocabTerm{token: tok, prefix: only.Prefix}, ok
}

// foldWord returns the token of a single word as the unicode61 tokenizer
// with remove_diacritics 2 makes it: ASCII letters lower-cased, and
// letters that decompose into an ASCII letter and combining accents
// ("ü", "é", "ñ") folded to that letter. It reports false for anything
// else — several words, other scripts, letters such as "ß" or "ø" — which
// is left to FTS5 to tokenize.
func foldWord(s string) (string, bool) {
	if s == "" {
		return "", false
	}
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			sb.WriteRune(r + 'a' - 'A')
		case r >= 0xC0 && r <= 0x17F:
			d := norm.NFD.String(string(r))
			base, size := utf8.DecodeRuneInString(d)
			if size == len(d) || !(base >= 'a' && base <= 'z' || base >= 'A' && base <= 'Z') {
				return "", false
			}
			for _, m := range d[size:] {
				if m < 0x300 || m > 0x36F {
					return "", false
				}
			}
			if base <= 'Z' {
				base += 'a' - 'A'
			}
			sb.WriteRune(base)
		default:
			return "", false
		}
	}
	return sb.String(), true
}

// docStats are what FTS5's BM25 weighs a hit by, read at one write
// generation of the shard: the number of documents and their mean length
// (FTS5's averages record) and each document's length in tokens, by rowid
// (its docsize table). [shard.rankedInGo] scores with them in Go what
// FTS5 would score by reading each hit's length from disk.
type docStats struct {
	gen   int64
	rows  int64
	avgdl float64
	size  []int32 // by rowid; 0 for a rowid not in use
}

// statsCache holds a shard's [docStats] of the last generation read.
type statsCache struct {
	mu sync.Mutex
	st *docStats
}

// get returns the stats at generation gen, read with q (inside the read
// transaction of the search that needs them) when not held already.
func (c *statsCache) get(ctx context.Context, q querier, gen int64) (*docStats, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.st != nil && c.st.gen == gen {
		return c.st, nil
	}
	st, err := readStats(ctx, q, gen)
	if err != nil {
		return nil, err
	}
	c.st = st
	return st, nil
}

// holds reports whether the stats of generation gen are held.
func (c *statsCache) holds(gen int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.st != nil && c.st.gen == gen
}

// reset forgets the stats (the file was replaced).
func (c *statsCache) reset() {
	c.mu.Lock()
	c.st = nil
	c.mu.Unlock()
}

// querier is what a search reads with: a connection pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// The averages record of an FTS5 table is its data row 1: the number of
// rows and the total tokens of each column, as varints.
const (
	sqlAverages = `SELECT block FROM fts_data WHERE id = 1`
	sqlDocsize  = `SELECT id, sz FROM fts_docsize`
)

// errBadStats is the damage of an averages record or docsize row that
// does not decode.
var errBadStats = &damage{"the index's document sizes do not decode"}

// readStats reads the shard's [docStats] at generation gen.
func readStats(ctx context.Context, q querier, gen int64) (*docStats, error) {
	st := &docStats{gen: gen}
	var avg []byte
	if err := q.QueryRowContext(ctx, sqlAverages).Scan(&avg); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if len(avg) > 0 {
		rows, n := varint(avg)
		if n == 0 {
			return nil, errBadStats
		}
		var tokens int64
		for b := avg[n:]; len(b) > 0; {
			v, n := varint(b)
			if n == 0 {
				return nil, errBadStats
			}
			tokens, b = tokens+int64(v), b[n:]
		}
		st.rows = int64(rows)
		if rows > 0 {
			st.avgdl = float64(tokens) / float64(st.rows)
		}
	}
	res, err := q.QueryContext(ctx, sqlDocsize)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	size := make([]int32, 0, st.rows+1)
	for res.Next() {
		var id int64
		var sz sql.RawBytes
		if err := res.Scan(&id, &sz); err != nil {
			return nil, err
		}
		var d int64
		for b := []byte(sz); len(b) > 0; {
			v, n := varint(b)
			if n == 0 {
				return nil, errBadStats
			}
			d, b = d+int64(v), b[n:]
		}
		if id < 0 || id > math.MaxInt32 || d > math.MaxInt32 {
			return nil, errBadStats
		}
		for int64(len(size)) <= id {
			size = append(size, 0)
		}
		size[id] = int32(d)
	}
	st.size = size
	return st, res.Err()
}

// varint decodes an SQLite varint (big-endian groups of seven bits, the
// ninth byte whole), returning its value and length, or length 0 when b
// ends first.
func varint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// The instances of a word (or of every word of a prefix) from the
// fts5vocab table of the schema, as one list of rowid and column letter
// ("12t,12b,40b"): about a tenth of the cost of FTS5 scoring the hits.
const (
	sqlInstances       = `SELECT group_concat(doc || substr(col, 1, 1)) FROM fts_instance WHERE term = ?`
	sqlPrefixInstances = `SELECT group_concat(doc || substr(col, 1, 1)) FROM fts_instance WHERE term >= ? AND term < ?`
)

// errStale reports that the rows and the instances of a search in Go do
// not agree: the search is left to FTS5.
var errStale = errors.New("search: hits without instances")

// termFreqs adds up, by rowid, the weighted instances of a word listed by
// [sqlInstances] into freq (which holds a slot for every rowid in use),
// and returns the number of documents that hold the word.
func termFreqs(list string, freq []float64) (int64, error) {
	var docs int64
	for len(list) > 0 {
		var id int64
		i := 0
		for i < len(list) && list[i] >= '0' && list[i] <= '9' {
			id = id*10 + int64(list[i]-'0')
			i++
		}
		if i == 0 || i == len(list) || id >= int64(len(freq)) {
			return 0, fmt.Errorf("%w: instance %.20q", errBadList, list)
		}
		w, ok := columnWeight(list[i])
		if !ok {
			return 0, fmt.Errorf("%w: column %q", errBadList, list[i])
		}
		if freq[id] == 0 {
			docs++
		}
		freq[id] += w
		list = list[i+1:]
		if len(list) > 0 {
			if list[0] != ',' {
				return 0, fmt.Errorf("%w: separator %q", errBadList, list[0])
			}
			list = list[1:]
		}
	}
	return docs, nil
}

// bm25 returns FTS5's BM25 score of a hit (negated: higher is better) for
// one phrase of weighted frequency f in a document of size d tokens,
// given the phrase's idf and the mean document length: the arithmetic of
// fts5Bm25Function, in its order.
func bm25(idf, f, d, avgdl float64) float64 {
	k1, b := float64(bm25K1), float64(bm25B) // variables: k1+1 rounded as FTS5 rounds it
	return idf * ((f * (k1 + 1)) / (f + k1*(1-b+b*d/avgdl)))
}

// bm25IDF returns FTS5's inverse document frequency of a phrase that hits
// of rows documents hold: clamped to 1e-6 for a phrase in half of them
// or more.
func bm25IDF(rows, hits int64) float64 {
	idf := math.Log((float64(rows-hits) + 0.5) / (float64(hits) + 0.5))
	if idf <= 0 {
		idf = 1e-6
	}
	return idf
}

// rankedInGo is [shard.ranked] for a query whose only included term is
// the word (or prefix) vt, possibly with excluded terms: match is its
// MATCH expression, expr the word's own (see [Query.words]), n the
// number of documents. It finds the hits with FTS5,
// unscored, and scores them in Go with FTS5's BM25 from the word's
// instances (fts5vocab) and the shard's [docStats], all read in one
// transaction: the same scores (within rounding) for a tenth of the cost
// of FTS5's, which reads each hit's length from disk. It returns an error
// wrapping errStale, and the caller asks FTS5, when a hit has no
// instance or the word's documents are not the hits (a token folded
// otherwise than FTS5 folds it), and while a Sync of this process writes
// (the sizes are read again when it ends, see [shard.warm]).
//
// Which hits are scored is as in [shard.ranked]: none when the word is
// in half the documents or more (with excluded terms: when the hits are).
func (ix *shard) rankedInGo(ctx context.Context, match, expr string, vt vocabTerm, n int) ([]int64, []float64, error) {
	alone := match == expr
	tx, err := ix.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	var txGen int64
	if err := tx.QueryRowContext(ctx, sqlGen).Scan(&txGen); err != nil {
		return nil, nil, err
	}
	// Alone, the word's hits tell at once whether it is in half the
	// documents, as [shard.allCommon] would.
	ids, _, err := rowsWith(ctx, tx, sqlMatch, match, false)
	if err != nil || len(ids) == 0 || 2*len(ids) >= n {
		return ids, nil, err
	}
	// While this process's Sync writes, each batch makes the sizes stale:
	// FTS5 scores the hits rather than the sizes be read for every search.
	if ix.writing.Load() > 0 && !ix.stats.holds(txGen) {
		return nil, nil, fmt.Errorf("%w: document sizes out of date during a sync", errStale)
	}
	st, err := ix.stats.get(ctx, tx, txGen)
	if err != nil {
		return nil, nil, err
	}
	var list sql.NullString
	if vt.prefix {
		end := vt.token[:len(vt.token)-1] + string(vt.token[len(vt.token)-1]+1)
		err = tx.QueryRowContext(ctx, sqlPrefixInstances, vt.token, end).Scan(&list)
	} else {
		err = tx.QueryRowContext(ctx, sqlInstances, vt.token).Scan(&list)
	}
	if err != nil {
		return nil, nil, err
	}
	freq := make([]float64, len(st.size))
	docs, err := termFreqs(list.String, freq)
	if err != nil {
		return nil, nil, err
	}
	if alone && docs != int64(len(ids)) || st.avgdl <= 0 {
		return nil, nil, fmt.Errorf("%w: %d hits, the word in %d documents", errStale, len(ids), docs)
	}
	idf := bm25IDF(st.rows, docs)
	scores := make([]float64, len(ids))
	for i, id := range ids {
		if id < 0 || id >= int64(len(freq)) || freq[id] == 0 {
			return nil, nil, fmt.Errorf("%w: hit %d", errStale, id)
		}
		scores[i] = bm25(idf, freq[id], float64(st.size[id]), st.avgdl)
	}
	return ids, scores, nil
}
