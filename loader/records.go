package loader

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// Skip reasons of files that hold many postings.
const (
	ReasonNotPostings = "not postings"
)

// recordKind tells how a file holds many postings.
type recordKind uint8

const (
	recNone  recordKind = iota
	recJSON             // a JSON array of postings, or an object holding one
	recJSONL            // JSON Lines: one posting a line
	recCSV              // CSV with a header row
)

// recordKindOf returns the kind of a file by its extension.
func recordKindOf(name string) recordKind {
	switch strings.ToLower(path.Ext(name)) {
	case ".json":
		return recJSON
	case ".jsonl", ".ndjson":
		return recJSONL
	case ".csv":
		return recCSV
	}
	return recNone
}

// maxLeadingNonPostings is how many records that are no posting a file
// may start with (a legal notice, a summary) before it is skipped as
// not postings.
const maxLeadingNonPostings = 5

// recordFile is the Source of a posting read from a file that holds many:
// it serves that one record's bytes (for a CSV row, the header row
// first), so the body can be read again without the rest of the file.
type recordFile struct {
	*recordSource
	off, n int64
}

// recordSource is what the records of one file share as [recordFile]s.
type recordSource struct {
	fsys fs.FS
	name string // the whole file in fsys
	kind recordKind
	head *csvHeader // CSV only
	al   *aliasSet
}

// Open returns the record's bytes as a file, whatever name is.
func (r *recordFile) Open(name string) (fs.File, error) {
	b, err := r.bytes()
	if err != nil {
		return nil, err
	}
	return &memFile{Reader: bytes.NewReader(b), name: path.Base(name), size: int64(len(b))}, nil
}

// bytes reads the record (a CSV row after its header row).
func (r *recordFile) bytes() ([]byte, error) {
	var out []byte
	if r.head != nil {
		h, err := readRange(r.fsys, r.name, 0, r.head.size)
		if err != nil {
			return nil, err
		}
		out = append(h, '\n')
	}
	b, err := readRange(r.fsys, r.name, r.off, r.n)
	if err != nil {
		return nil, err
	}
	return append(out, b...), nil
}

// body parses the record again and returns its body.
func (r *recordFile) body(maxBody int64) (string, error) {
	b, err := r.bytes()
	if err != nil {
		return "", err
	}
	p := parseRecordBytes(r.kind, b, r.al, true, maxBody)
	if p == nil {
		return "", fmt.Errorf("%s: the record no longer holds a posting: %w", r.name, fs.ErrNotExist)
	}
	return p.Body, nil
}

// readRange reads n bytes at offset off of name.
func readRange(fsys fs.FS, name string, off, n int64) ([]byte, error) {
	f, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	if ra, ok := f.(io.ReaderAt); ok {
		m, err := ra.ReadAt(b, off)
		if m == len(b) {
			return b, nil
		}
		return nil, cmpErr(err, io.ErrUnexpectedEOF)
	}
	if _, err := io.CopyN(io.Discard, f, off); err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, err
	}
	return b, nil
}

// memFile is a read-only in-memory fs.File.
type memFile struct {
	*bytes.Reader
	name string
	size int64
}

func (m *memFile) Stat() (fs.FileInfo, error) { return memInfo{m.name, m.size}, nil }
func (m *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }

// parseRecordBytes parses one record as recordFile serves it; nil when it
// is no posting.
func parseRecordBytes(kind recordKind, b []byte, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	if kind != recCSV {
		return jsonRecordPosting(b, al, wantBody, maxBody)
	}
	var p *model.Posting
	_ = csvRecords(bytes.NewReader(b), al, func(_ int, _, _ int64, _ *csvHeader, rec map[string]any) bool {
		p = mapRecordPosting(rec, al, wantBody, maxBody, csvIdentity(rec))
		return false
	})
	return p
}

// WarnNotDecoded starts the warning of a record whose values were left
// out for being over the decode bounds (see maxDecodeValues).
const WarnNotDecoded = "values too large or nested too deep, not read"

// jsonRecordPosting parses one JSON record (an object); nil when it is no
// posting. Nothing in the posting points into raw. Keys that fill no field are skipped without decoding, and
// the others are decoded only when a field reader asks for them (see recordValues); a value over the decode
// bounds is left out, with a warning naming its key.
func jsonRecordPosting(raw []byte, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	return jsonRecordPostingMemo(raw, al, wantBody, maxBody, nil)
}

// jsonRecordPostingMemo is jsonRecordPosting with what the file's records
// share taken from memo (see [recordMemo]; nil: nothing).
func jsonRecordPostingMemo(raw []byte, al *aliasSet, wantBody bool, maxBody int64, memo *recordMemo) *model.Posting {
	return jsonRecordPostingMembers(raw, nil, al, wantBody, maxBody, memo)
}

// jsonRecordPostingMembers is jsonRecordPostingMemo for a record whose
// members were found already, as scanMembers gives them (nil: not
// found, read raw).
func jsonRecordPostingMembers(raw []byte, ms []member, al *aliasSet, wantBody bool, maxBody int64, memo *recordMemo) *model.Posting {
	if memo == nil {
		var buf [16]jsonValue
		p, _ := jsonRecordPostingIn(buf[:0], raw, ms, al, wantBody, maxBody, nil)
		return p
	}
	p, vals := jsonRecordPostingIn(memo.jsonValues[:0], raw, ms, al, wantBody, maxBody, memo)
	memo.jsonValues = vals
	return p
}

// jsonRecordPostingIn is jsonRecordPostingMembers reading the record's
// values into the room of vals (empty), which it returns (grown when the
// record needed more) for the next record: a memo's list is not made,
// and cleared, for each.
func jsonRecordPostingIn(vals []jsonValue, raw []byte, ms []member, al *aliasSet, wantBody bool, maxBody int64, memo *recordMemo) (*model.Posting, []jsonValue) {
	var kb [64]byte
	var over []string
	ki := 0
	same := memo != nil // the keys so far are those of the memo's last record
	add := func(rk, v []byte) error {
		var n string
		var f field
		var prio int
		var ok, hit bool
		if k := memo.sameKey(ki, rk, al, wantBody); k != nil { // inlined: most keys
			n, f, prio, ok, hit = k.key, k.f, k.prio, k.ok, true
		} else {
			n, f, prio, ok, hit = memo.recordKeyHit(ki, kb[:0], rk, al, wantBody)
		}
		same = same && hit
		ki++
		if !ok {
			return nil
		}
		tooBig := len(v) > 0 && (v[0] == '{' || v[0] == '[') && !withinDecodeBounds(v)
		if tooBig && len(over) < 10 {
			if k, ok := decodeString(rk); ok {
				over = append(over, cleanField(k))
			}
		}
		e := jsonValue{key: n, f: f, prio: prio, raw: v, bad: tooBig, done: tooBig}
		if same && memo.keys[ki-1].unique {
			vals = append(vals, e)
			return nil
		}
		before := len(vals)
		vals = addJSONValue(vals, e)
		memo.setUnique(ki-1, len(vals) > before)
		return nil
	}
	if ms != nil {
		for _, m := range ms {
			rk, v := raw[m.ks:m.ke], raw[m.vs:m.ve]
			// Most keys: the memo's last record's, in their place, each
			// unlike the earlier ones, with a value within the decode
			// bounds unread: add in short.
			if k := memo.sameKey(ki, rk, al, wantBody); k != nil && same && (!k.ok || k.unique && shortValue(v)) {
				ki++
				if k.ok {
					vals = append(vals, jsonValue{key: k.key, f: k.f, prio: k.prio, raw: v})
				}
				continue
			}
			_ = add(rk, v)
		}
	} else if err := objectFieldsRaw(raw, add); err != nil {
		return nil, vals
	}
	var text string // a copy: raw's buffer is reused after the parse
	p := recordPosting(&recordValues{j: vals, memo: memo}, al, wantBody, maxBody, func() string {
		if text == "" {
			text = string(raw)
		}
		return text
	})
	if p != nil && len(over) > 0 {
		p.AddWarnings(WarnNotDecoded + ": " + strings.Join(over, ", "))
	}
	return p, vals
}

// shortValue reports a value that is no container, or one too short to
// be over the decode bounds (see withinDecodeBounds).
func shortValue(v []byte) bool {
	return len(v) <= 2*maxDecodeDepth || v[0] != '{' && v[0] != '['
}

// csvIdentity is the text a CSV row without a URL is identified by: its
// cells in key order, so the row's ID does not depend on its offset.
func csvIdentity(rec map[string]any) func() string {
	return func() string { return fmt.Sprint(rec) }
}

// mapRecordPosting is postingFromMap with the posting check and the last
// step of every parse (finishPosting: the ID from the URL, else from the
// record's text, and the caps on the fields); nil when the record is no
// posting.
func mapRecordPosting(m map[string]any, al *aliasSet, wantBody bool, maxBody int64, text func() string) *model.Posting {
	return mapRecordPostingMemo(m, al, wantBody, maxBody, text, nil)
}

// mapRecordPostingMemo is mapRecordPosting with what the file's records
// share taken from memo (see [recordMemo]; nil: nothing).
func mapRecordPostingMemo(m map[string]any, al *aliasSet, wantBody bool, maxBody int64, text func() string, memo *recordMemo) *model.Posting {
	return recordPosting(&recordValues{m: m, memo: memo}, al, wantBody, maxBody, text)
}

// recordPosting is mapRecordPosting over any record's values.
func recordPosting(m *recordValues, al *aliasSet, wantBody bool, maxBody int64, text func() string) *model.Posting {
	p := postingFromValues(m, al, wantBody, maxBody)
	if !hasPostingShape(p) {
		return nil
	}
	finishPostingMemo(p, text, text, wantBody, m.memo)
	return p
}

// readRecords reads the file of job j, which holds many postings of the
// given kind, and emits a result for each posting (path "file.json#N")
// and the skips. It emits at least one result; more counts each result
// after the first (the walk counted the file once). emit returns false
// when the load is cancelled.
func readRecords(j job, opts Options, kind recordKind, emit func(result) bool, more func()) {
	sent := 0
	send := func(r result) bool {
		if sent > 0 {
			more()
		}
		sent++
		return emit(r)
	}
	skip := func(reason string) { send(result{skip: &Skip{Path: j.display, Reason: reason}}) }
	defer func() {
		if e := recover(); e != nil {
			if isFault(e) {
				skip(reasonOf(ReasonUnreadable, errFileShrank))
				return
			}
			skip("parser error")
		}
	}()
	f, err := openRegular(j.src.FS, j.fsPath)
	if errors.Is(err, ErrNotRegular) {
		skip(ReasonNotRegular)
		return
	}
	if err != nil {
		skip(reasonOf(ReasonUnreadable, err))
		return
	}
	defer f.Close()
	// A big JSON file is read through a mapping of it, its elements
	// parsed where they are in it; the others through buffers.
	var mf *mappedFile
	var br *bufio.Reader
	var head []byte
	if kind == recJSON {
		mf = mapFile(f)
	}
	if mf != nil {
		defer mf.unmap()
		// This goroutine reads the mapping too (its start, here).
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		if afterMapHook != nil {
			afterMapHook(j.fsPath)
		}
		head = mf.data[:min(len(mf.data), sniffSize)]
	} else {
		br = bufio.NewReaderSize(f, recordChunk)
		head, _ = br.Peek(sniffSize)
	}
	if reason := sniffStart(head); reason != "" {
		skip(reason)
		return
	}
	loaded, leading, others := 0, 0, 0
	stopped := false
	var src *recordSource
	var paths stringSlab // the records' paths, kept together as their postings are
	var files []recordFile
	// A JSON record's posting gets its paths and Source from the parser
	// that made it (see place), in the parser's own blocks; a CSV row's,
	// whose Source names its header row, here.
	var place func(*recordJob, *model.Posting, *recordMemo)
	if kind != recCSV {
		src = &recordSource{fsys: j.src.FS, name: j.fsPath, kind: kind, al: opts.Aliases.set}
		place = func(r *recordJob, p *model.Posting, m *recordMemo) {
			p.Path, p.SourcePath = recordPaths(&m.slab.text, j, r.i)
			p.Source = m.slab.recordFile(recordFile{recordSource: src, off: r.off, n: r.n})
		}
	}
	take := func(r recordJob, p *model.Posting) bool {
		if p == nil {
			if loaded == 0 {
				leading++
				return leading < maxLeadingNonPostings
			}
			others++
			return true
		}
		loaded++
		if mf != nil {
			mf.release(r.off) // the records before r's are parsed
		}
		if place == nil {
			p.Path, p.SourcePath = recordPaths(&paths, j, r.i)
			if src == nil || src.head != r.h {
				src = &recordSource{fsys: j.src.FS, name: j.fsPath, kind: kind, head: r.h, al: opts.Aliases.set}
			}
			if len(files) == 0 {
				files = make([]recordFile, recordFileBlock)
			}
			files[0] = recordFile{recordSource: src, off: r.off, n: r.n}
			p.Source = &files[0]
			files = files[1:]
		}
		if !send(result{p: p}) {
			stopped = true
			return false
		}
		return true
	}
	al, keep, maxBody := opts.Aliases.set, opts.KeepBodies, opts.MaxBody
	parseJSON := func(raw []byte, ms []member, m *recordMemo) *model.Posting {
		return jsonRecordPostingMembers(raw, ms, al, keep, maxBody, m)
	}
	if mf != nil {
		job := func(i int, off int64, raw []byte, ms []member) recordJob {
			return recordJob{i: i, off: off, n: int64(len(raw)), ms: ms, parse: parseJSON}
		}
		var sp *mappedSplit
		if opts.Workers >= 2 {
			sp = newMappedSplit(mf.data)
		}
		fill, stop := mappedElements(mf, job, sp)
		second, stopSecond := func(*recordFeed) (bool, error) { return false, nil }, func() {}
		if sp != nil {
			second, stopSecond = mappedElementsAfter(mf, job, sp, opts.Workers)
		}
		err = parseMappedRecords(opts.Workers, fill, sp, second, place, take)
		stop()
		stopSecond()
	} else {
		err = parseRecords(opts.Workers, func(feed *recordFeed) error {
			switch kind {
			case recCSV:
				return csvRecords(br, al, func(i int, off, n int64, h *csvHeader, rec map[string]any) bool {
					return feed.submit(recordJob{i: i, off: off, n: n, h: h, parse: func(_ []byte, _ []member, m *recordMemo) *model.Posting {
						return mapRecordPostingMemo(rec, al, keep, maxBody, csvIdentity(rec), m)
					}}, nil)
				})
			case recJSONL:
				return lineRecords(unbuffered(br, f), func(i int, off int64, raw []byte) bool {
					return feed.submit(recordJob{i: i, off: off, n: int64(len(raw)), parse: parseJSON}, raw)
				})
			}
			// The elements are parsed in the window's own buffers, not copied;
			// a chunk goes once it has its records, at the window's next read.
			w := &byteWindow{r: unbuffered(br, f), get: feed.get, give: feed.give}
			return jsonRecordMembersIn(w, func(i int, off int64, raw []byte, ms []member) bool {
				ok := feed.submitOwned(recordJob{i: i, off: off, n: int64(len(raw)), ms: ms, parse: parseJSON}, raw)
				if feed.full() {
					w.handOver()
				}
				return ok
			})
		}, place, take)
	}
	switch {
	case stopped:
	case loaded == 0 && errors.Is(err, errRecordTooLarge):
		skip(ReasonNotPostings + ": " + err.Error())
	case loaded == 0 && err != nil && !errors.Is(err, errSyntax) && !errors.Is(err, errNoTitleColumn):
		skip(reasonOf(ReasonUnreadable, err))
	case loaded == 0:
		skip(ReasonNotPostings)
	case err != nil:
		skip(fmt.Sprintf("read stopped after %d postings: %s", loaded, recordErr(err)))
	case others > 0:
		what := "records are not postings (or not valid JSON)"
		if kind == recCSV {
			what = "rows are not postings"
		}
		skip(fmt.Sprintf("%d %s", others, what))
	}
}

// recordFileBlock is how many [recordFile]s readRecords allocates at a
// time: the records of a file are kept together, as their postings are.
const recordFileBlock = 256

// recordPaths returns the path and the source path of record i of job
// j's file ("jobs.json#3"; the file's own for i < 0), made in slab: the
// source path is the end of the path when the file's display path ends
// with its path in its FS (as the walk makes them), else a string of
// its own.
func recordPaths(slab *stringSlab, j job, i int) (string, string) {
	if i < 0 {
		return j.display, j.fsPath
	}
	var b [24]byte
	n := strconv.AppendInt(append(b[:0], '#'), int64(i), 10)
	p := slab.concat(j.display, unsafe.String(&n[0], len(n)))
	if strings.HasSuffix(j.display, j.fsPath) {
		return p, p[len(j.display)-len(j.fsPath):]
	}
	return p, slab.concat(j.fsPath, unsafe.String(&n[0], len(n)))
}

// recordErr words a record reader's error for a skip line.
func recordErr(err error) string {
	if errors.Is(err, errSyntax) {
		return "not valid JSON after that"
	}
	return cleanField(err.Error())
}

// unbuffered returns a reader of what br, which reads r, holds buffered
// and then of r itself, so that the large reads of a [byteWindow] go to
// r without a copy through br's buffer. br must not be read again.
func unbuffered(br *bufio.Reader, r io.Reader) io.Reader {
	b, _ := br.Peek(br.Buffered())
	return io.MultiReader(bytes.NewReader(b), r)
}

// sniffSize is how much of a file of many postings sniffStart looks at.
const sniffSize = 8 << 10

// sniffStart returns a skip reason for a file that is empty, white space
// only or binary (a NUL byte in its first 8 KiB), from b, the file's
// first sniffSize bytes (all of a shorter file).
func sniffStart(b []byte) string {
	switch {
	case len(b) == 0:
		return ReasonEmpty
	case bytes.IndexByte(b, 0) >= 0:
		return ReasonBinary
	case len(b) < sniffSize && len(bytes.TrimSpace(bytes.TrimPrefix(b, bom))) == 0:
		return ReasonWhitespace
	}
	return ""
}

// afterMapHook, when set (by tests), is called with the name of each file
// readRecords mapped, right after mapping it.
var afterMapHook func(name string)

// knownKey is what a record is read for a key (normalised) for: its
// built-in alias (fNone when it is none) and whether it is read only
// with the body.
type knownKey struct {
	key      string
	f        field
	prio     int
	bodyOnly bool
}

// knownKeys maps each key a record is read for (normalised) to what it
// is read for, so a key folded into a stack buffer is looked up, and
// kept, without allocating.
var knownKeys = func() map[string]knownKey {
	m := map[string]knownKey{}
	for _, set := range []map[string]bool{extraKeys, bodyKeySet} {
		for k := range set {
			m[k] = knownKey{key: k}
		}
	}
	for k, a := range aliases {
		m[k] = knownKey{key: k, f: a.f, prio: a.prio}
	}
	for k := range bodyKeySet {
		if kk := m[k]; kk.f == fNone && !extraKeys[k] {
			kk.bodyOnly = true
			m[k] = kk
		}
	}
	return m
}()

// recordKey folds a record's raw JSON key into buf and reports whether
// the record is read for it (see wantKey), with the folded key and the
// field it fills (fNone when none) with its priority.
func recordKey(buf []byte, rawKey []byte, al *aliasSet, wantBody bool) (string, field, int, bool) {
	buf, ok := foldRawKey(buf, rawKey)
	if !ok {
		k, ok := decodeString(rawKey)
		if !ok {
			return "", fNone, 0, false
		}
		n := normKey(k)
		f, prio := al.lookup(n)
		return n, f, prio, wantKey(n, al, wantBody)
	}
	if al != nil {
		if a, ok := al.extra[string(buf)]; ok {
			return string(buf), a.f, a.prio, true
		}
	}
	kk, ok := knownKeys[string(buf)]
	if !ok || (!wantBody && kk.bodyOnly) {
		return "", fNone, 0, false
	}
	return kk.key, kk.f, kk.prio, true
}

// foldRawKey appends the normKey form of a raw JSON key (quotes
// included) to buf; false when the key is not plain ASCII without
// escapes or does not fit in buf's capacity.
func foldRawKey(buf []byte, rawKey []byte) ([]byte, bool) {
	return foldKey(buf, rawKey[1:len(rawKey)-1])
}

// foldKey appends the normKey form of key in to buf; false when in is
// not plain ASCII without backslashes or does not fit in buf's capacity.
func foldKey(buf []byte, in []byte) ([]byte, bool) {
	if len(in) > cap(buf)-len(buf) {
		return buf, false
	}
	for _, c := range in {
		switch {
		case c == '\\' || c >= 0x80:
			return buf, false
		case c >= 'A' && c <= 'Z':
			buf = append(buf, c+'a'-'A')
		case c == '_' || c == '-' || c == ' ' || c == '.':
		default:
			buf = append(buf, c)
		}
	}
	return buf, true
}

// FileOf returns the file a posting path names: "dir/jobs.json#3" →
// "dir/jobs.json"; other paths are returned as they are.
func FileOf(p string) string {
	if i := strings.LastIndexByte(p, '#'); i > 0 && recordKindOf(p[:i]) != recNone {
		if _, err := strconv.Atoi(p[i+1:]); err == nil {
			return p[:i]
		}
	}
	return p
}
