package loader

// spares is a bounded list of used slices that goroutines hand back
// through it for reuse: the walk's chunks of files once parsed, the
// parsers' chunks of results once collected. A load of many files then
// makes no garbage of them, memory the kernel would otherwise map anew
// for each chunk. It is the free lists of the record pool (reuse,
// recycle) for slices that hold pointers, which must be zeroed when given
// back. A nil spares keeps nothing.
type spares[T any] chan []T

// newSpares returns a list that keeps up to n slices.
func newSpares[T any](n int) spares[T] { return make(spares[T], n) }

// get returns an empty slice with room for n: a spare one if the list has
// one that big, else a new one.
func (s spares[T]) get(n int) []T {
	if b := reuse[T](s); cap(b) >= n {
		return b[:0]
	}
	return make([]T, 0, n)
}

// put gives b back, its elements zeroed so that it keeps nothing alive;
// b is left to the garbage collector when the list is full. b must not
// be used afterwards.
func (s spares[T]) put(b []T) {
	clear(b)
	recycle(s, b)
}
