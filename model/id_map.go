package model

import (
	"encoding/binary"
	"unsafe"
)

// IDMap maps posting IDs to int32 values, indexes not under zero. An ID of 16
// lower-case hexadecimal digits, the form the loader gives every posting,
// is keyed by the number it spells: a table of numbers is hashed and
// compared without reading the ID's bytes, which at a million postings
// are mostly not in the processor's cache. Any other ID is keyed by its
// text. The zero IDMap is empty and ready to use; it is not safe for
// concurrent use.
type IDMap struct {
	hex   hexTable
	other map[string]int32
}

// hexID returns the number a 16-digit lower-case hexadecimal id spells.
// It reads the digits eight at a time (see hex8).
func hexID(id string) (uint64, bool) {
	if len(id) != 16 {
		return 0, false
	}
	b := unsafe.Slice(unsafe.StringData(id), 16)
	hi, ok1 := hex8(binary.BigEndian.Uint64(b[:8]))
	lo, ok2 := hex8(binary.BigEndian.Uint64(b[8:]))
	return uint64(hi)<<32 | uint64(lo), ok1 && ok2
}

// hex8 returns the number the eight lower-case hexadecimal digits in the
// bytes of x (the first in the top byte) spell, and whether they all are
// such digits, with every byte tested at once: adding 0x80 − c to a byte
// under 0x80 sets its top bit exactly when the byte is c or more, and no
// sum carries into the next byte.
func hex8(x uint64) (uint32, bool) {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones)
	letter := (x + (0x80-'a')*ones) &^ (x + (0x80-'f'-1)*ones)
	if x&tops != 0 || (digit|letter)&tops != tops {
		return 0, false
	}
	v := x&(0x0f*ones) + (letter&tops)>>7*9 // each byte its digit's value
	v = (v>>4 | v) & 0x00ff00ff00ff00ff
	v = (v>>8 | v) & 0x0000ffff0000ffff
	v = (v>>16 | v) & 0x00000000ffffffff
	return uint32(v), true
}

// Get returns the value of id.
func (m *IDMap) Get(id string) (int32, bool) {
	if n, ok := hexID(id); ok {
		return m.hex.get(n)
	}
	v, ok := m.other[id]
	return v, ok
}

// Add sets the value of id to v unless id has one; it returns the value
// id has afterwards and whether it was there before.
func (m *IDMap) Add(id string, v int32) (int32, bool) {
	if n, ok := hexID(id); ok {
		return m.hex.add(n, v)
	}
	if m.other == nil {
		m.other = make(map[string]int32)
	}
	if old, ok := m.other[id]; ok {
		return old, true
	}
	m.other[id] = v
	return v, false
}

// Len returns the number of IDs in m.
func (m *IDMap) Len() int { return m.hex.n + len(m.other) }
