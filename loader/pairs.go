package loader

// pairFilter tells, sixteen places at a time (see pairBlocks), where one
// of a set of byte pairs may begin: the pairs are put in eight buckets,
// and a byte's buckets are looked up by its low nibble (table 0 for a
// pair's first byte, 2 for its second) and by its high nibble (1 and 3);
// a place is a candidate when a bucket has both its bytes by both
// nibbles. Every pair of the set is a candidate where it is; other places
// may be too (pairs of a bucket mix their nibbles), so the caller checks
// each candidate.
type pairFilter [4][16]byte

// add puts the pair a, b in bucket (0–7).
func (f *pairFilter) add(a, b byte, bucket int) {
	bit := byte(1) << (bucket % 8)
	f[0][a&15] |= bit
	f[1][a>>4] |= bit
	f[2][b&15] |= bit
	f[3][b>>4] |= bit
}

// candidate is what pairBlocks computes for the pair at a, b: whether a
// bucket holds both.
func (f *pairFilter) candidate(a, b byte) bool {
	return f[0][a&15]&f[1][a>>4]&f[2][b&15]&f[3][b>>4] != 0
}
