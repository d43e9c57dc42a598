package model

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
func hexID(id string) (uint64, bool) {
	if len(id) != 16 {
		return 0, false
	}
	var n uint64
	for i := 0; i < 16; i++ {
		c := id[i]
		switch {
		case c >= '0' && c <= '9':
			n = n<<4 | uint64(c-'0')
		case c >= 'a' && c <= 'f':
			n = n<<4 | uint64(c-'a'+10)
		default:
			return 0, false
		}
	}
	return n, true
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
