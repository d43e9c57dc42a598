package loader

import (
	"bytes"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/jobdeck/jobdeck/model"
)

// recordChunkLen is how many records one parser takes at a time.
const recordChunkLen = 128

// recordBlock is the size of the buffer a chunk of records copies their
// bytes into; a record larger than a quarter of it gets its own.
const recordBlock = 256 << 10

// recordJob is one record of a file to parse: where it is in the file
// and how to parse it. parse gets the bytes submitted with the job (nil
// when none were), which are valid only while it runs: their buffer is
// reused for later records, so nothing parse returns may point into them.
// parse also gets the record's members when the reader found them (see
// scanMembers; valid as raw is) and the memo of the goroutine that runs
// it (see [recordMemo]).
type recordJob struct {
	i      int
	off, n int64
	h      *csvHeader
	parse  func(raw []byte, ms []member, m *recordMemo) *model.Posting // nil: no posting
	raw    []byte
	ms     []member
}

type recordChunkJobs struct {
	seq  int
	jobs []recordJob
	out  []*model.Posting
	buf  []byte   // the bytes of the jobs' records
	ms   []member // their members
	warm byte     // what warmMembers read, kept so that its reads are made
}

// warmMembers reads the first byte of each key and value of the jobs'
// members before any is parsed: the reads do not wait on each other, so
// the cache lines the parse will read (the reader's goroutine wrote
// them, on another core, or they are in memory) come in together rather
// than one at a time as the parse meets them.
func warmMembers(jobs []recordJob) byte {
	var s byte
	for _, j := range jobs {
		for _, m := range j.ms {
			s += j.raw[m.ks] + j.raw[m.vs]
		}
	}
	return s
}

// add appends j to the chunk with a copy of raw in its buffer; false,
// with nothing added, when raw does not fit and the chunk must be sent
// first.
func (c *recordChunkJobs) add(j recordJob, raw []byte) bool {
	switch {
	case raw == nil:
	case len(raw) > recordBlock/4:
		j.raw = bytes.Clone(raw)
	case cap(c.buf)-len(c.buf) < len(raw):
		if len(c.jobs) > 0 {
			return false
		}
		c.buf = make([]byte, 0, recordBlock)
		fallthrough
	default:
		start := len(c.buf)
		c.buf = append(c.buf, raw...)
		j.raw = c.buf[start:len(c.buf):len(c.buf)]
	}
	c.addMembers(&j)
	c.jobs = append(c.jobs, j)
	return true
}

// addMembers copies j's members into the chunk's list of them: the
// reader reuses its own.
func (c *recordChunkJobs) addMembers(j *recordJob) {
	if j.ms == nil {
		return
	}
	if c.ms == nil {
		c.ms = make([]member, 0, recordChunkLen*16)
	}
	start := len(c.ms)
	c.ms = append(c.ms, j.ms...)
	j.ms = c.ms[start:len(c.ms):len(c.ms)]
}

// parseRecords runs produce on its own goroutine, parses the records it
// submits through its [recordFeed] (with their bytes, copied into
// buffers that are reused once their chunk is parsed, or in the buffers
// of a byteWindow handed over: see recordFeed.submitOwned) on workers
// goroutines, and calls take with each record and its posting (nil when
// it is none) in the order produce submitted them, on the calling
// goroutine. place, when set, is called with each record that is a
// posting and its posting on the goroutine that parsed it, with its memo,
// before take has them. take returns false to stop; the feed's submits
// then return false. It returns produce's error.
func parseRecords(workers int, produce func(f *recordFeed) error, place func(*recordJob, *model.Posting, *recordMemo), take func(recordJob, *model.Posting) bool) error {
	return runRecordPool(workers, recordProducer{produce: produce}, place, take)
}

// parseMappedRecords is parseRecords for records whose bytes stay as they
// are until the parse ends, in a mapped file, found by the parsers
// themselves: they take turns at calling fill, which submits the next
// records (see recordFeed.submitOwned) until the feed's current chunk
// is full (see recordFeed.full) or the records end, and then reports
// whether there may be more, with the error that ended them; each parser
// then parses the chunk it filled. So no goroutine of its own finds the
// records, waiting for a core while the parsers wait for it, and a
// chunk's bytes are parsed on the core that just read them. A parse or
// a fill that faults reading the mapping (the file shrank) makes the
// error errFileShrank, when there was none; fill is to turn its own
// faults into it (see onMappedFile).
//
// With a split sp, second fills the records of its second half (see
// mappedSplit), numbered from 0: its own turns, beside fill's, so that
// two parsers find records at once, each parser taking its own half's
// turns first. The records of the second half are taken after the
// first's, if the split holds, renumbered to follow them, and placed
// then (on the calling goroutine, as their numbers are known only then);
// else they are dropped, and fill's records are all there are.
func parseMappedRecords(workers int, fill func(f *recordFeed) (bool, error), sp *mappedSplit, second func(f *recordFeed) (bool, error), place func(*recordJob, *model.Posting, *recordMemo), take func(recordJob, *model.Posting) bool) error {
	src := recordProducer{fills: []func(f *recordFeed) (bool, error){fill}}
	if sp != nil {
		src.fills, src.split = append(src.fills, second), sp
	}
	return runRecordPool(workers, src, place, take)
}

// recordProducer is where runRecordPool gets its records: produce, as
// parseRecords has them, or fills, as parseMappedRecords has them (the
// second, if any, the second half of split).
type recordProducer struct {
	produce func(f *recordFeed) error
	fills   []func(f *recordFeed) (bool, error)
	split   *mappedSplit
}

// recordPart is one fill of a mapped file's records with the feed it
// fills, which parsers call in turns, under mu.
type recordPart struct {
	mu    sync.Mutex
	fill  func(f *recordFeed) (bool, error)
	f     *recordFeed
	ended bool
	err   error
	// onEnd, when set, is called once fill ended, with the number its
	// next chunk would have had, before the last it gave is parsed.
	onEnd func(seq int)
}

// next returns the next chunk of the part's records to parse; nil once
// they ended or stop is closed.
func (p *recordPart) next(stop <-chan struct{}) *recordChunkJobs {
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.ended {
		select {
		case <-stop:
			p.end(nil)
			return nil
		default:
		}
		more, err := p.fill(p.f)
		c := p.f.cur
		if len(c.jobs) > 0 {
			p.f.seq++
			p.f.cur = newRecordChunk(p.f.freeChunks, p.f.seq, nil, reuse(p.f.freeMS))
		}
		if !more {
			p.end(err)
		}
		if len(c.jobs) > 0 {
			return c
		}
	}
	return nil
}

// end marks the part ended by err.
func (p *recordPart) end(err error) {
	p.ended, p.err = true, err
	if p.onEnd != nil {
		p.onEnd(p.f.seq)
	}
}

// runRecordPool is parseRecords and parseMappedRecords.
func runRecordPool(workers int, src recordProducer, place func(*recordJob, *model.Posting, *recordMemo), take func(recordJob, *model.Posting) bool) error {
	in := make(chan *recordChunkJobs, workers)
	out := make(chan *recordChunkJobs, workers*2)
	stop := make(chan struct{})
	f := &recordFeed{
		in: in, stop: stop,
		free:       make(chan []byte, workers*2+2), // parsed chunks' buffers
		freeMS:     make(chan []member, workers*2+2),
		freeChunks: make(chan *recordChunkJobs, workers*4+8), // taken chunks
	}
	f.cur = newRecordChunk(f.freeChunks, 0, nil, nil)
	var perr error
	var faulted atomic.Bool
	mapped := src.fills != nil
	if !mapped {
		go func() {
			defer close(in)
			perr = src.produce(f)
			if len(f.cur.jobs) > 0 {
				f.send()
			}
		}()
	}
	sp := src.split
	parts := mappedParts(src, f)
	// next gives worker w the next chunk to parse; nil at the end. A
	// worker takes the turns of part w first, then helps the others.
	next := func(int) *recordChunkJobs { return <-in }
	if mapped {
		next = func(w int) *recordChunkJobs {
			for k := range parts {
				if c := parts[(w+k)%len(parts)].next(stop); c != nil {
					return c
				}
			}
			return nil
		}
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var fault *atomic.Bool
			if mapped {
				debug.SetPanicOnFault(true)
				fault = &faulted
			}
			memo := newRecordMemo()
			for c := next(w); c != nil; c = next(w) {
				// A parser that found its chunk's records itself has
				// just read their bytes; others fetch them together.
				if !mapped {
					c.warm = warmMembers(c.jobs)
				}
				c.out = slices.Grow(c.out[:0], len(c.jobs))[:len(c.jobs)]
				for k, j := range c.jobs {
					c.out[k] = safeParse(j.parse, j.raw, j.ms, memo, fault)
					if place != nil && c.out[k] != nil && c.seq < splitSeq {
						place(&c.jobs[k], c.out[k], memo)
					}
					c.jobs[k].raw, c.jobs[k].ms = nil, nil
				}
				f.recycleBuf(c.buf)
				recycle(f.freeMS, c.ms)
				c.buf, c.ms = nil, nil
				select {
				case out <- c:
				case <-stop:
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	pending := map[int]*recordChunkJobs{}
	seq := 0
	stopped := false
	var lateMemo *recordMemo // places the second half's records
	takeDue := func() {
		for seq = sp.next(seq); pending[seq] != nil && !stopped; seq = sp.next(seq) {
			c := pending[seq]
			delete(pending, seq)
			seq++
			for k := range c.jobs {
				j := &c.jobs[k]
				if c.seq >= splitSeq {
					j.i += int(sp.before.Load())
					if place != nil && c.out[k] != nil {
						if lateMemo == nil {
							lateMemo = newRecordMemo()
						}
						place(j, c.out[k], lateMemo)
					}
				}
				if !take(*j, c.out[k]) {
					stopped = true
					close(stop)
					break
				}
			}
			clear(c.jobs)
			clear(c.out)
			select {
			case f.freeChunks <- c:
			default:
			}
		}
	}
	for c := range out {
		if stopped || (c.seq >= splitSeq && sp.failed()) {
			continue
		}
		pending[c.seq] = c
		takeDue()
	}
	takeDue() // the first half may have ended with no chunk left to take
	if mapped {
		perr = parts[0].err
		if sp.holds() {
			perr = parts[1].err
		}
	}
	if perr == nil && faulted.Load() {
		perr = errFileShrank
	}
	return perr
}

// mappedParts returns the parts of src's fills: the first filling f,
// the second (the second half of src.split) a feed of its own sharing
// f's free lists, whose chunks are numbered from splitSeq.
func mappedParts(src recordProducer, f *recordFeed) []*recordPart {
	var parts []*recordPart
	for k, fill := range src.fills {
		pf := f
		if k > 0 {
			pf = &recordFeed{in: f.in, stop: f.stop, free: f.free, freeMS: f.freeMS, freeChunks: f.freeChunks, seq: splitSeq}
			pf.cur = newRecordChunk(f.freeChunks, splitSeq, nil, nil)
		}
		parts = append(parts, &recordPart{fill: fill, f: pf})
	}
	if sp := src.split; sp != nil {
		parts[0].onEnd = sp.firstEnded
	}
	return parts
}

// recordFeed is how the producer of parseRecords hands it records, in
// chunks: on the producer's goroutine alone.
type recordFeed struct {
	cur        *recordChunkJobs // the chunk being filled
	seq        int              // cur's number
	in         chan<- *recordChunkJobs
	stop       <-chan struct{}
	stopped    bool
	free       chan []byte // buffers of parsed chunks
	freeMS     chan []member
	freeChunks chan *recordChunkJobs
}

// send hands the current chunk to the parsers and starts the next;
// false once the parse is stopped.
func (f *recordFeed) send() bool {
	select {
	case f.in <- f.cur:
		f.seq++
		f.cur = newRecordChunk(f.freeChunks, f.seq, reuse(f.free), reuse(f.freeMS))
		return true
	case <-f.stop:
		f.stopped = true
		return false
	}
}

// submit adds job j, whose record's bytes raw are copied (they are only
// valid during the call); false once the parse is stopped.
func (f *recordFeed) submit(j recordJob, raw []byte) bool {
	if f.stopped {
		return false
	}
	if !f.cur.add(j, raw) {
		if !f.send() {
			return false
		}
		f.cur.add(j, raw)
	}
	if len(f.cur.jobs) < recordChunkLen {
		return true
	}
	return f.send()
}

// submitOwned adds job j whose record's bytes raw are not copied: they
// are in the buffer the next call of give hands over, and stay as they
// are until then (a byteWindow with give set keeps them so). The chunk
// is sent by give alone, so that each chunk's records are in the one
// buffer it then owns. False once the parse is stopped.
func (f *recordFeed) submitOwned(j recordJob, raw []byte) bool {
	if f.stopped {
		return false
	}
	j.raw = raw[:len(raw):len(raw)]
	f.cur.addMembers(&j)
	f.cur.jobs = append(f.cur.jobs, j)
	return true
}

// full reports whether the current chunk has its share of records
// (recordChunkLen): one that submitOwned fills is then to be sent at the
// next give.
func (f *recordFeed) full() bool { return len(f.cur.jobs) >= recordChunkLen }

// give hands buf over: the buffer of the records submitOwned took since
// the last call, which the current chunk then owns (recycled once it is
// parsed), and sends that chunk.
func (f *recordFeed) give(buf []byte) {
	if len(f.cur.jobs) == 0 || f.stopped {
		f.recycleBuf(buf)
		return
	}
	f.recycleBuf(f.cur.buf) // the one the chunk was given for copies
	f.cur.buf = buf
	f.send()
}

// maxReusedBuffer is the largest buffer kept for reuse: one a huge
// record grew (up to maxRecord) is let go once parsed, so that a few of
// them do not stay held by the free list for the rest of the file.
const maxReusedBuffer = 4 * recordChunk

// recycleBuf puts b, a parsed chunk's buffer, up for reuse unless it is
// nil or over maxReusedBuffer.
func (f *recordFeed) recycleBuf(b []byte) {
	if cap(b) <= maxReusedBuffer {
		recycle(f.free, b)
	}
}

// get returns an empty buffer of at least n bytes of capacity, one of a
// parsed chunk when there is one that large.
func (f *recordFeed) get(n int) []byte {
	if b := reuse(f.free); cap(b) >= n {
		return b[:0]
	}
	return make([]byte, 0, max(n, recordBlock))
}

// newRecordChunk returns a chunk numbered seq whose records are copied
// into buf and their members into ms (either nil: allocated when
// needed), reusing one taken from free when there is one.
func newRecordChunk(free chan *recordChunkJobs, seq int, buf []byte, ms []member) *recordChunkJobs {
	select {
	case c := <-free:
		c.seq, c.jobs, c.out, c.buf, c.ms = seq, c.jobs[:0], c.out[:0], buf, ms
		return c
	default:
		return &recordChunkJobs{seq: seq, jobs: make([]recordJob, 0, recordChunkLen), buf: buf, ms: ms}
	}
}

// reuse returns a buffer recycled into free, nil when there is none.
func reuse[T any](free chan []T) []T {
	select {
	case b := <-free:
		return b
	default:
		return nil
	}
}

// recycle puts b, emptied, into free for reuse, unless b is nil or free
// is full.
func recycle[T any](free chan []T, b []T) {
	if b == nil {
		return
	}
	select {
	case free <- b[:0]:
	default:
	}
}

// safeParse runs parse; a panic gives no posting, not a crash. A memory
// fault sets fault, when it is not nil (see parseMappedRecords).
func safeParse(parse func([]byte, []member, *recordMemo) *model.Posting, raw []byte, ms []member, m *recordMemo, fault *atomic.Bool) (p *model.Posting) {
	if parse == nil {
		return nil
	}
	defer func() {
		if e := recover(); e != nil {
			p = nil
			if fault != nil && isFault(e) {
				fault.Store(true)
			}
		}
	}()
	return parse(raw, ms, m)
}
