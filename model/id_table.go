package model

import "math/bits"

// hexTable maps numbers to int32 values for [IDMap]: an open-addressing
// table probed linearly, the keys and values in two arrays. Adding an ID
// the table lacks (a load adds each once) costs one hash and, mostly, one
// cache line, where a Go map looked it up and then stored it, two probes
// of a table whose slots are twice as big: adding a million IDs took 160–
// 200 ms with a map[uint64]int32 and 56 ms so. The zero hexTable is empty
// and ready to use.
type hexTable struct {
	keys  []uint64
	vals  []int32 // the value plus one; 0 marks an empty slot
	n     int     // keys held
	shift uint    // 64 − log2(len(keys)), for home
}

// hexTableMin is the length a hexTable starts at.
const hexTableMin = 1 << 10

// home is the slot where the probe for k starts: the top bits of k times
// 2⁶⁴/φ, which spreads keys that differ in few bits (IDs a user numbered)
// over the table.
func (t *hexTable) home(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> t.shift }

// get returns the value of k.
func (t *hexTable) get(k uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		switch {
		case t.vals[i] == 0:
			return 0, false
		case t.keys[i] == k:
			return t.vals[i] - 1, true
		}
	}
}

// add sets the value of k to v unless k has one; it returns the value k
// has afterwards and whether it was there before. v must not be −1 (the
// values are indexes).
func (t *hexTable) add(k uint64, v int32) (int32, bool) {
	if 4*(t.n+1) > 3*len(t.keys) { // at most three quarters full
		t.grow()
	}
	mask := uint64(len(t.keys) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		switch {
		case t.vals[i] == 0:
			t.keys[i], t.vals[i] = k, v+1
			t.n++
			return v, false
		case t.keys[i] == k:
			return t.vals[i] - 1, true
		}
	}
}

// grow doubles the table (or makes its first), putting each key in its
// new place.
func (t *hexTable) grow() {
	keys, vals := t.keys, t.vals
	n := max(2*len(keys), hexTableMin)
	t.keys, t.vals, t.n = make([]uint64, n), make([]int32, n), 0
	prefault(t.keys)
	prefault(t.vals)
	t.shift = uint(64 - bits.TrailingZeros(uint(n)))
	for i, v := range vals {
		if v != 0 {
			t.add(keys[i], v-1)
		}
	}
}
