// Package search is jobdeck's full-text index of postings: SQLite FTS5
// tables (modernc.org/sqlite, pure Go) in the cache folder, kept in step
// with the postings by a per-document stamp so that an unchanged folder is
// never indexed twice.
//
// # Files
//
// The index is split into two files ("index.db", "index-2.db"), written
// and searched at once by a goroutine each: FTS5 writes a file on one
// thread, which bounded the time to build an index. A build of many new
// documents (10,000 or more) spreads them over the files by a hash of
// their ID; fewer go to the first file, and a document stays in the file
// that holds it. Each file is a complete index of its documents, checked,
// set aside and rebuilt on its own.
//
// # Documents
//
// A [Doc] is one posting: its ID, a Stamp that changes whenever its file
// changes (such as the file's size and modification time, see [Stamp]),
// and the text that is searched — title, company, location, keywords and
// the markdown body. Markdown syntax is not indexed: link destinations,
// HTML tags, entities and image sources are dropped ([PlainText]) and the
// tokenizer treats punctuation ("**", "#", "-") as space.
//
// # Matching
//
// Text is split into words of letters and digits (the unicode61
// tokenizer), folding case and accents: "munchen" finds "München". A
// [Query] is an AND of [Term]s; a term is a word ("visa"), a phrase of
// words in this order ("visa sponsorship"), either ending with a prefix
// ("kube*"), and may be excluded. [Index.Search] returns the matching
// documents with a BM25 score (higher is more relevant; a title match
// weighs more than a body match; 0 for every hit of a query that matches
// half the documents or more, which BM25 does not weigh; each file weighs
// terms over its own documents; FTS5's bm25, computed in Go for a query
// of one word from an fts5vocab table and the documents' lengths held in
// memory); [Index.Match]
// finds them without scores, faster; [Index.Rows] names them by rowid in
// each file's rowid → ID table ([model.RowKeys]), which the filter turns
// into postings with an array read a hit. The last few results are cached
// until any process writes to the index.
//
// # Life of an index
//
// [Open] opens or creates the index in a folder ([DirFor] names one per set
// of posting folders under [CacheDir]). A file that is not an SQLite
// database, is truncated, belongs to another program or to a newer version
// of this schema, or that stays locked, is renamed aside
// ("index.db.broken-20261201T094000") and a new one built; one an older
// version made is removed and rebuilt. [Index.Notes] says so. An error that reveals corruption later ([ErrBroken]) makes the
// next [Index.Sync] do the same, and so does SQLite's full check of the
// file, which a Sync runs unless the file is known sound: [Index.Close]
// records beside a file it leaves closed cleanly its size and time
// ("index.db.clean"), and a file still so was touched by nothing since. Several processes may open one index:
// SQLite's locks serialize their writes, and every write re-checks the
// stamp it replaces, so two jobdecks syncing the same folder index each
// document once between them. A Sync that finds the file replaced by
// another process reopens it.
//
// [Index.Sync] brings the index in step with a list of (ID, stamp) pairs,
// loading only the documents whose stamp changed; it reports progress
// through a callback, stops when its context is cancelled (what it
// committed stays valid), and is meant to run in its own goroutine:
// searches from other goroutines run meanwhile against what is indexed so
// far.
package search
