package loader

import (
	"bytes"
	"sync/atomic"
)

// splitMin is the size from which the array of a mapped JSON file is
// found in two halves at once, one for each of two parsers: finding the
// elements of one half reads every byte of it, which in turns under one
// mutex left a parser waiting for the other a third of a load.
const splitMin = 8 << 20

// splitSeq is the number of the first chunk of the second half: the
// chunks of the first are numbered from 0, those of the second from it.
const splitSeq = 1 << 40

// The states of a mappedSplit.
const (
	splitOpen   int32 = iota // the first half has not reached the second's start yet
	splitHolds               // an element of the array starts where the second half started
	splitFailed              // no element does: the first half reads on to the end
)

// mappedSplit is a guess at where an element of a mapped file's array of
// postings starts, in the middle of the file, and what became of it. The
// second half is found from there while the first is found from the
// start; the first half checks the guess when it gets there, so that a
// wrong guess (the line was inside an element, or past the array) costs
// the second half's work and nothing else: the first half then finds the
// rest of the file itself, as it would have without a split.
type mappedSplit struct {
	start  int64        // the offset of the second half's first element
	state  atomic.Int32 // splitOpen, splitHolds or splitFailed
	before atomic.Int64 // the number of elements before start, once the guess holds
	chunks atomic.Int64 // the number of chunks of the first half, once it ended; -1 before
}

// newMappedSplit returns the split of data, a mapped JSON file of at
// least splitMin bytes, at the first line after its middle that starts
// (after white space) with an object; nil when there is none near it.
// A file of pretty-printed or one-element-a-line postings has one: a
// line break is never inside a JSON string, so the line starts outside
// every string, and most often at an element.
func newMappedSplit(data []byte) *mappedSplit {
	if len(data) < splitMin {
		return nil
	}
	at := len(data) / 2
	for range 64 {
		nl := bytes.IndexByte(data[at:min(len(data), at+1<<20)], '\n')
		if nl < 0 {
			return nil
		}
		at += nl + 1
		if p := skipJSONSpace(data, at); p < len(data) && data[p] == '{' {
			sp := &mappedSplit{start: int64(p)}
			sp.chunks.Store(-1)
			return sp
		}
	}
	return nil
}

// holds reports whether the guess was checked and holds.
func (sp *mappedSplit) holds() bool { return sp != nil && sp.state.Load() == splitHolds }

// failed reports whether the guess was checked and failed.
func (sp *mappedSplit) failed() bool { return sp != nil && sp.state.Load() == splitFailed }

// check is called by the first half's finder with each element it found
// (index i, at offset off, n bytes long) before it submits it: false
// when the element is the second half's first (the guess holds: the
// first half ends before it). An element that holds the start, or lies
// past it, fails the guess.
func (sp *mappedSplit) check(i int, off int64, n int) bool {
	if sp.state.Load() != splitOpen {
		return true
	}
	switch {
	case off == sp.start:
		sp.before.Store(int64(i))
		sp.state.Store(splitHolds)
		return false
	case off+int64(n) > sp.start:
		sp.state.Store(splitFailed)
	}
	return true
}

// firstEnded is called once the first half's finder ended, with the
// number of chunks it gave: a guess it did not reach failed.
func (sp *mappedSplit) firstEnded(chunks int) {
	sp.state.CompareAndSwap(splitOpen, splitFailed)
	sp.chunks.Store(int64(chunks))
}

// next returns the number of the chunk to take after the chunks up to
// seq (exclusive): seq, or the second half's first once the first half's
// chunks are all taken and the guess holds.
func (sp *mappedSplit) next(seq int) int {
	if sp != nil && seq < splitSeq && int64(seq) == sp.chunks.Load() && sp.holds() {
		return splitSeq
	}
	return seq
}
