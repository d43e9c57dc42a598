package loader

import (
	"context"
	"errors"
	"path"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// DefaultMaxBody is the body cap used when Options.MaxBody is 0: 1 MiB.
const DefaultMaxBody = 1 << 20

// DefaultBatchSize is the number of postings per Batch when
// Options.BatchSize is 0. The first batch is smaller (firstBatchSize) so
// it arrives fast.
const DefaultBatchSize = 1024

const (
	firstBatchSize = 64
	flushEvery     = 25 * time.Millisecond
	firstFlush     = 5 * time.Millisecond
)

// Options tune a load.
type Options struct {
	Workers    int   // parallel parsers; 0 means runtime.GOMAXPROCS(0)
	BatchSize  int   // postings per Batch; 0 means DefaultBatchSize (the first batch is smaller, to arrive fast)
	MaxBody    int64 // body cap in bytes; 0 means DefaultMaxBody (1 MiB)
	KeepBodies bool  // false: Posting.Body is dropped after parsing (Source/SourcePath set), read again with Body
	FollowAll  bool  // follow every symlink to a folder (see the package doc on what is not followed otherwise)
	// Aliases are the user's extra keys for the posting fields (the
	// config file's [fields] table); the zero value adds none.
	Aliases FieldAliases
	// Cache, when set, gives the postings of files unchanged since it
	// stored them, and learns the others (see [Cache]); it is not used
	// when KeepBodies is set.
	Cache Cache
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.BatchSize <= 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	return o
}

// Skip is a file (or folder) not loaded, with a human reason.
type Skip struct{ Path, Reason string }

// Merge reports a duplicate: Path holds a posting already delivered with
// this ID. The consumer adds Path to that posting's Paths (see Apply).
type Merge struct {
	ID, Path string
	// First is the posting delivered earlier with ID (the one Path is
	// to be added to).
	First *model.Posting
	// Applied is the duplicate's application date (zero when it has
	// none): an applications export and a saved-jobs export of the same
	// posting give one posting that keeps the date.
	Applied time.Time

	dup *model.Posting // the duplicate as parsed, for Load's choice of first path
}

// Apply records m on p, the posting delivered earlier with ID m.ID: Paths
// gets p.Path first (when it was empty) and then m.Path; an application
// date p lacks is taken from m. Call it from the
// goroutine that owns p.
func (m Merge) Apply(p *model.Posting) {
	paths := p.Paths()
	if len(paths) == 0 {
		paths = []string{p.Path}
	}
	p.SetPaths(append(paths, m.Path))
	if p.Applied().IsZero() {
		p.SetApplied(m.Applied)
	}
}

// Progress holds cumulative counts of files. Seen counts every file the
// walk found that is read or reported (files with other extensions are
// ignored and not counted); Loaded counts files parsed into a posting,
// Duplicates included; Skipped counts files and folders not loaded. Once
// the load is done, Seen == Loaded + Skipped, and the number of postings
// is Loaded - Duplicates. Files counts the files (and skipped folders)
// those came from, the records of one JSON, JSON Lines or CSV file
// ("jobs.json#3") counting as their file, as `jobdeck list` counts them.
type Progress struct{ Seen, Loaded, Skipped, Duplicates, Files int }

// Batch is one delivery of a Stream.
type Batch struct {
	Postings []*model.Posting // new postings; never mutated by the loader after sending
	Merges   []Merge          // duplicates of postings delivered earlier: the consumer appends Path to Paths
	Skipped  []Skip
	Progress Progress
	Done     bool // the last batch; the channel is closed after it
}

// result is what the walk and the parsers tell the collector.
type result struct {
	p    *model.Posting
	skip *Skip
}

// Stream loads sources in parallel and streams batches while the walk goes
// on: a walker feeds opts.Workers parsers, and one collector dedupes (by
// ID: same normalized URL or same repaired content) and batches. The
// first batch is flushed after a few postings or milliseconds, later
// batches by size or every 25 ms. The last batch has Done set and the
// channel is closed after it. Cancelling ctx stops the load early: the
// channel is closed, possibly without a Done batch. Stream never panics.
func Stream(ctx context.Context, sources []Source, opts Options) <-chan Batch {
	out := make(chan Batch, 2)
	go run(ctx, sources, opts.withDefaults(), out)
	return out
}

func run(ctx context.Context, sources []Source, opts Options, out chan<- Batch) {
	defer close(out)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan numbered, 8)
	results := make(chan part, 16)
	var seen atomic.Int64
	cache := newCacheHook(sources, opts)
	spareJobs := newSpares[job](cap(jobs) + 2*opts.Workers)
	spareResults := newSpares[result](4 * (cap(results) + opts.Workers)) // parts wait in results and the collector's order

	go func() {
		defer close(jobs)
		w := walker{ctx: ctx, jobs: jobs, results: results, seen: func() { seen.Add(1) }, followAll: opts.FollowAll, cache: cache, spare: spareJobs}
		w.register(sources)
		for i := range sources {
			if !w.source(&sources[i], i) {
				return
			}
		}
		w.flush()
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			memo := newRecordMemo()
			for c := range jobs {
				if !workChunk(ctx, c, opts, cache, results, spareResults, func() { seen.Add(1) }, memo) {
					for range jobs { // let the walker finish
					}
					return
				}
				spareJobs.put(c.files)
			}
		}()
	}
	go func() {
		wg.Wait()
		// The walker sends skips on results too; it is done once jobs is
		// closed and drained, which wg.Wait implies.
		close(results)
	}()
	collect(ctx, results, spareResults, opts, &seen, out)
	if ctx.Err() == nil { // the walk and the Done batch completed
		cache.done()
	}
}

// workChunk reads and parses the files of n and sends their results, a
// part at a time, the last part marked (the collector puts the parts of
// the chunks back in walk order, see [partOrder]); more counts each
// posting of a record file after its first. The parts' slices come from
// spare. It returns false when the context ended.
func workChunk(ctx context.Context, n numbered, opts Options, cache *cacheHook, results chan<- part, spare spares[result], more func(), m *recordMemo) bool {
	c := n.files
	size := len(c) // the results of c's files; a file of many postings sends jobChunk at a time
	out := spare.get(size)
	sendPart := func(last bool) bool {
		if len(out) == 0 && !last {
			return true
		}
		select {
		case results <- part{seq: n.seq, last: last, rs: out}:
			if !last {
				out = spare.get(size)
			}
			return true
		case <-ctx.Done():
			return false
		}
	}
	send := func() bool { return sendPart(false) }
	h := openChunkDir(c)
	defer h.Close()
	for _, j := range c {
		if k := recordKindOf(j.fsPath); k != recNone {
			ok := send()
			if cap(out) < jobChunk {
				size = max(size, jobChunk)
				out = spare.get(size)
			}
			cache.records(j, opts, k, h, func(r result) bool {
				out = append(out, r)
				return len(out) < jobChunk || send()
			}, more)
			if !ok || !send() {
				return false
			}
			continue
		}
		out = append(out, cache.work(j, opts, h, m))
	}
	return sendPart(true)
}

// openChunkDir opens the folder of the files of c when they are in a
// [dirFS], for statting and opening them relative to it (see
// [dirHandle]); else it returns the zero dirHandle. Close it.
func openChunkDir(c chunk) dirHandle {
	if len(c) == 0 {
		return dirHandle{}
	}
	d, ok := c[0].src.FS.(*dirFS)
	if !ok {
		return dirHandle{}
	}
	return openDirHandle(d, path.Dir(c[0].fsPath))
}

// work reads and parses one file, opening it relative to h when it is a
// file of h's folder.
func work(j job, opts Options, h dirHandle, m *recordMemo) (r result) {
	defer func() {
		if e := recover(); e != nil {
			r = result{skip: &Skip{Path: j.display, Reason: "parser error"}}
		}
	}()
	buf, data, cut, err := readCappedIn(h, j.src.FS, j.fsPath, readLimit(j.fsPath, opts.MaxBody), nil)
	if errors.Is(err, ErrNotRegular) {
		return result{skip: &Skip{Path: j.display, Reason: ReasonNotRegular}}
	}
	if err != nil {
		return result{skip: &Skip{Path: j.display, Reason: reasonOf(ReasonUnreadable, err)}}
	}
	defer putBuf(buf)
	reason, info := sniff(data)
	if reason != "" {
		return result{skip: &Skip{Path: j.display, Reason: reason}}
	}
	p := parseFile(j.fsPath, data, opts.KeepBodies, info, opts.Aliases.set, opts.MaxBody, m)
	if cut != "" {
		p.AddWarnings(cut)
	}
	p.Path = j.display
	p.Source = j.src.FS
	p.SourcePath = j.fsPath
	return result{p: p}
}

// collect dedupes and batches results until results is closed, giving
// each part's slice to spare once taken.
func collect(ctx context.Context, results <-chan part, spare spares[result], opts Options, seen *atomic.Int64, out chan<- Batch) {
	var byID model.IDMap // ID → index of its first posting in first
	var first postingList
	var b Batch
	var prog Progress
	var files fileCount
	size := min(firstBatchSize, opts.BatchSize)
	timer := time.NewTimer(firstFlush)
	defer timer.Stop()
	pending := false
	flush := func(done bool) bool {
		prog.Seen = int(seen.Load())
		if prog.Seen < prog.Loaded+prog.Skipped {
			prog.Seen = prog.Loaded + prog.Skipped
		}
		prog.Files = files.n()
		b.Progress = prog
		b.Done = done
		select {
		case out <- b:
		case <-ctx.Done():
			return false
		}
		b = Batch{}
		pending = false
		size = opts.BatchSize
		return true
	}
	var order partOrder
	take := func(rs []result) bool {
		for _, r := range rs {
			if r.skip != nil {
				prog.Skipped++
				files.add(FileOf(r.skip.Path))
				b.Skipped = append(b.Skipped, *r.skip)
			} else if i, dup := byID.Add(r.p.ID, int32(first.n)); dup {
				prog.Loaded++
				prog.Duplicates++
				if f := first.at(i); f.Path != r.p.Path { // not the same file named twice
					files.posting(r.p.Path)
					b.Merges = append(b.Merges, Merge{ID: r.p.ID, Path: r.p.Path, First: f, Applied: r.p.Applied(), dup: r.p})
				}
			} else {
				prog.Loaded++
				files.posting(r.p.Path)
				first.add(r.p)
				if b.Postings == nil { // made as large as a batch gets, not grown to it
					b.Postings = make([]*model.Posting, 0, size)
				}
				b.Postings = append(b.Postings, r.p)
			}
			pending = true
			if len(b.Postings)+len(b.Merges)+len(b.Skipped) >= size {
				if !flush(false) {
					return false
				}
			}
		}
		spare.put(rs)
		return true
	}
	for {
		select {
		case p, ok := <-results:
			if !ok {
				for _, rs := range order.rest() {
					if !take(rs) {
						return
					}
				}
				if ctx.Err() == nil {
					flush(true)
				}
				return
			}
			for _, rs := range order.add(p) {
				if !take(rs) {
					return
				}
			}
		case <-timer.C:
			if pending {
				if !flush(false) {
					return
				}
			}
			timer.Reset(flushEvery)
		case <-ctx.Done():
			return
		}
	}
}

// postingListBlock is how many postings a block of a [postingList] holds.
const postingListBlock = 4096

// postingList is a list of postings kept in blocks of postingListBlock:
// appending to it never copies what it holds, as growing one slice to
// 100,000 postings copied (and allocated) several times that.
type postingList struct {
	blocks [][]*model.Posting
	n      int
}

// add appends p.
func (l *postingList) add(p *model.Posting) {
	if l.n%postingListBlock == 0 {
		l.blocks = append(l.blocks, make([]*model.Posting, 0, postingListBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, p)
	l.n++
}

// at returns the i-th posting added.
func (l *postingList) at(i int32) *model.Posting {
	return l.blocks[i/postingListBlock][i%postingListBlock]
}
