package loader

import (
	"errors"
	"iter"
	"runtime/debug"
)

// mapMinSize is the size from which a JSON file of many postings is read
// through a read-only mapping of it (where the platform has one, see
// mapFile) rather than copied into buffers: a smaller file's reads cost
// less than setting the mapping up.
const mapMinSize = 4 << 20

// releaseStep is how many bytes of a mapped file are parsed before the
// pages that held them are given back (see mappedFile.release): the
// process then holds a few MiB of the file at a time, not all of it.
const releaseStep = 8 << 20

// errFileShrank is the error of a mapped file that became shorter than
// when it was mapped, before the reader reached its end: reading past
// the new end faults, which the readers of a mapped file turn into this.
var errFileShrank = errors.New("the file shrank while it was read")

// isFault reports whether e, a recovered panic, is a memory fault that
// debug.SetPanicOnFault turned into a panic: the runtime's error for it
// tells the faulting address.
func isFault(e any) bool {
	_, ok := e.(interface{ Addr() uintptr })
	return ok
}

// onMappedFile runs fn on the calling goroutine with faults turned into
// panics (see debug.SetPanicOnFault), so that a read of a mapped file
// past its end since it shrank gives errFileShrank instead of crashing.
// Other panics go on.
func onMappedFile(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if e := recover(); e != nil {
			if !isFault(e) {
				panic(e)
			}
			err = errFileShrank
		}
	}()
	return fn()
}

// mappedElements returns the fill of parseMappedRecords for the JSON file
// mapped in m: it finds the elements of the file's array of postings (as
// jsonRecordMembersIn does), each made a job by job (given the element's
// index, offset, bytes and members, the bytes and members as
// jsonRecordMembersIn gives them; the job's raw and ms are set from
// them), until the feed's chunk is full. With a split sp, it finds the
// first half: it ends at the second half's start if an element starts
// there (see mappedSplit.check). stop ends the finding, when fill did not
// reach the end; call it once parseMappedRecords returned, before the
// mapping ends.
func mappedElements(m *mappedFile, job elementJob, sp *mappedSplit) (fill func(*recordFeed) (bool, error), stop func()) {
	return pullElements(job, func(found elementFunc) error {
		return jsonRecordMembersIn(&byteWindow{mapped: m.data}, func(i int, off int64, raw []byte, ms []member) bool {
			return (sp == nil || sp.check(i, off, len(raw))) && found(i, off, raw, ms)
		})
	})
}

// mappedElementsAfter is mappedElements for the second half of split sp:
// the elements from sp.start on, numbered from 0, until the array ends
// or the guess failed. Its records are taken only once the first half's
// are, so it gives back the pages of its own as it goes (see
// mappedFile.releaseSecond): those before the chunk it gave lag fills
// ago, which the parsers, lag at most, are done with.
func mappedElementsAfter(m *mappedFile, job elementJob, sp *mappedSplit, lag int) (fill func(*recordFeed) (bool, error), stop func()) {
	find, stop := pullElements(job, func(found elementFunc) error {
		w := &byteWindow{mapped: m.data, buf: m.data[:sp.start]}
		// array steps past the byte at its offset, the '[' it expects.
		return w.array(sp.start-1, func(i int, off int64, raw []byte, ms []member) bool {
			return !sp.failed() && found(i, off, raw, ms)
		})
	})
	var starts []int64 // where the chunks it gave start
	fill = func(f *recordFeed) (bool, error) {
		more, err := find(f)
		if len(f.cur.jobs) > 0 {
			starts = append(starts, f.cur.jobs[0].off)
		}
		if n := len(starts); n > lag {
			m.releaseSecond(sp.start, starts[n-1-lag])
		}
		return more, err
	}
	return fill, stop
}

// elementJob makes the job of an element a mapped file's finder found.
type elementJob func(i int, off int64, raw []byte, ms []member) recordJob

// elementFunc is what a finder calls with each element it found: false
// to stop.
type elementFunc func(i int, off int64, raw []byte, ms []member) bool

// pullElements returns the fill and stop of mappedElements for find, a
// finder of a mapped file's elements that reads the mapping.
func pullElements(job elementJob, find func(found elementFunc) error) (fill func(*recordFeed) (bool, error), stop func()) {
	var feed *recordFeed // the feed of the fill that runs the finding now
	var err error
	next, stop := iter.Pull(func(yield func(struct{}) bool) {
		err = onMappedFile(func() error {
			return find(func(i int, off int64, raw []byte, ms []member) bool {
				feed.submitOwned(job(i, off, raw, ms), raw)
				return !feed.full() || yield(struct{}{})
			})
		})
	})
	fill = func(f *recordFeed) (bool, error) {
		feed = f
		if _, more := next(); more {
			return true, nil
		}
		return false, err
	}
	return fill, stop
}
