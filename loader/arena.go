package loader

// arenaBlock is the size of one block of a [byteArena].
const arenaBlock = 64 << 10

// byteArena copies many small byte slices into shared blocks, so the
// records a reader hands on cost one allocation a block, not one each.
// Copies are never written again; a block is freed with the last copy
// in it.
type byteArena struct{ block []byte }

// clone returns a copy of b whose capacity ends with it, so appending to
// it cannot reach the next copy.
func (a *byteArena) clone(b []byte) []byte {
	if cap(a.block)-len(a.block) < len(b) {
		if len(b) > arenaBlock/4 {
			return append([]byte(nil), b...)
		}
		a.block = make([]byte, 0, arenaBlock)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return a.block[start:len(a.block):len(a.block)]
}
