package loader

import (
	"bytes"
	"slices"
	"sync"

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
	if j.ms != nil { // copied: the reader reuses them
		if c.ms == nil {
			c.ms = make([]member, 0, recordChunkLen*16)
		}
		start := len(c.ms)
		c.ms = append(c.ms, j.ms...)
		j.ms = c.ms[start:len(c.ms):len(c.ms)]
	}
	c.jobs = append(c.jobs, j)
	return true
}

// parseRecords runs produce on its own goroutine, parses the records it
// submits (with their bytes, copied into buffers that are reused once
// their chunk is parsed) on workers goroutines, and calls take with each record and its
// posting (nil when it is none) in the order produce submitted them, on
// the calling goroutine. take returns false to stop; submit then returns
// false. It returns produce's error.
func parseRecords(workers int, produce func(submit func(j recordJob, raw []byte) bool) error, take func(recordJob, *model.Posting) bool) error {
	in := make(chan *recordChunkJobs, workers)
	out := make(chan *recordChunkJobs, workers*2)
	free := make(chan []byte, workers*2+2) // parsed chunks' buffers
	freeMS := make(chan []member, workers*2+2)
	freeChunks := make(chan *recordChunkJobs, workers*3+2) // taken chunks
	stop := make(chan struct{})
	var perr error
	go func() {
		defer close(in)
		seq := 0
		cur := newRecordChunk(freeChunks, 0, nil, nil)
		send := func() bool {
			select {
			case in <- cur:
				seq++
				cur = newRecordChunk(freeChunks, seq, reuse(free), reuse(freeMS))
				return true
			case <-stop:
				return false
			}
		}
		perr = produce(func(j recordJob, raw []byte) bool {
			if !cur.add(j, raw) {
				if !send() {
					return false
				}
				cur.add(j, raw)
			}
			if len(cur.jobs) < recordChunkLen {
				return true
			}
			return send()
		})
		if len(cur.jobs) > 0 {
			send()
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			memo := newRecordMemo()
			for c := range in {
				c.out = slices.Grow(c.out[:0], len(c.jobs))[:len(c.jobs)]
				for k, j := range c.jobs {
					c.out[k] = safeParse(j.parse, j.raw, j.ms, memo)
					c.jobs[k].raw, c.jobs[k].ms = nil, nil
				}
				recycle(free, c.buf)
				recycle(freeMS, c.ms)
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
	next := 0
	stopped := false
	for c := range out {
		if stopped {
			continue
		}
		pending[c.seq] = c
		for c := pending[next]; c != nil; c = pending[next] {
			delete(pending, next)
			next++
			for k, j := range c.jobs {
				if !take(j, c.out[k]) {
					stopped = true
					close(stop)
					break
				}
			}
			if stopped {
				break
			}
			clear(c.jobs)
			clear(c.out)
			select {
			case freeChunks <- c:
			default:
			}
		}
	}
	return perr
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

// safeParse runs parse; a panic gives no posting, not a crash.
func safeParse(parse func([]byte, []member, *recordMemo) *model.Posting, raw []byte, ms []member, m *recordMemo) (p *model.Posting) {
	if parse == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			p = nil
		}
	}()
	return parse(raw, ms, m)
}
