package model

import "unsafe"

// Memory new to the process is mapped by the kernel on its first use.
// When that use is a read — a hash table probing an empty slot, or the
// garbage collector's write barrier reading the pointer a store replaces
// while a collection runs — the kernel maps its shared zero page, and the
// write that follows faults again to copy it and flushes every other
// core's TLB of the old mapping. Writing a zero number into each page of
// a block just made maps its pages once, by a write. The prefault
// functions do that; on memory already mapped they cost a store a page.

// pageSize is the page size the prefault functions step by: the
// smallest a Linux or Darwin system uses.
const pageSize = 4096

// prefault writes 0 to one element of s in each page it spans.
func prefault[T ~uint64 | ~int32 | ~uint32](s []T) {
	step := max(pageSize/int(unsafe.Sizeof(s[0])), 1)
	for i := 0; i < len(s); i += step {
		s[i] = 0
	}
}

// PrefaultPostings writes 0 to a number field (SalaryMin) of one posting
// in each page that ps spans. ps must be new: zero postings.
func PrefaultPostings(ps []Posting) {
	step := max(pageSize/int(unsafe.Sizeof(Posting{})), 1)
	for i := 0; i < len(ps); i += step {
		ps[i].SalaryMin = 0
	}
}
