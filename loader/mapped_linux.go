//go:build linux

package loader

import (
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// mappedFile is a read-only mapping of a whole file. A read of it past
// the file's end, once the file shrank, faults (see onMappedFile).
type mappedFile struct {
	data []byte
	// first and second are how far release and releaseSecond gave the
	// pages back; they run on goroutines of their own.
	first, second pagesGiven
}

// mapFile maps f, a regular file open for reading, when it is an
// *os.File of at least mapMinSize bytes whose size fits in an int; nil
// when it is not, or the mapping fails (the file is then read as usual).
// The mapping holds the file's size when mapped: a file that grows is
// read as it was. Call unmap once nothing reads the mapping any more.
func mapFile(f fs.File) *mappedFile {
	of, ok := f.(*os.File)
	if !ok {
		return nil
	}
	fi, err := of.Stat()
	if err != nil || fi.Size() < mapMinSize || int64(int(fi.Size())) != fi.Size() {
		return nil
	}
	rc, err := of.SyscallConn()
	if err != nil {
		return nil
	}
	var data []byte
	var merr error
	err = rc.Control(func(fd uintptr) {
		data, merr = syscall.Mmap(int(fd), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	})
	if err != nil || merr != nil {
		return nil
	}
	return &mappedFile{data: data}
}

// release gives back the pages of the mapping that lie wholly before
// offset upto, once releaseStep bytes more than last time are before it:
// the process stops holding them (they stay in the page cache), and a
// later read of them reads the file again. Nothing is lost by it: it
// only keeps the process's resident memory to a few MiB of the file.
func (m *mappedFile) release(upto int64) { m.first.giveBefore(m.data, 0, upto) }

// releaseSecond is release for the second half of a split read of the
// mapping (see mappedSplit), which starts at from: it gives back the
// pages wholly between from and upto, releaseStep bytes at a time.
func (m *mappedFile) releaseSecond(from, upto int64) { m.second.giveBefore(m.data, from, upto) }

// pagesGiven is the offset up to which a reader of the mapping from some
// offset on gave its pages back (0 before it gave any).
type pagesGiven int

// giveBefore gives back the pages of data wholly between from and upto,
// not given yet, once they are releaseStep bytes or more.
func (g *pagesGiven) giveBefore(data []byte, from, upto int64) {
	page := os.Getpagesize()
	start := max(int(*g), (int(from)+page-1)&^(page-1))
	end := int(upto) &^ (page - 1)
	if end-start < releaseStep {
		return
	}
	giveBack(data[start:end])
	*g = pagesGiven(end)
}

// giveBack tells the kernel the process is done with the pages of b, a
// part of the mapping: they stay in the page cache, and a later read of
// them maps them again.
func giveBack(b []byte) {
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), syscall.MADV_DONTNEED)
}

// unmap ends the mapping.
func (m *mappedFile) unmap() { _ = syscall.Munmap(m.data) }
