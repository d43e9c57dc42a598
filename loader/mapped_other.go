//go:build !linux

package loader

import "io/fs"

// mappedFile is a mapping of a file; there is none on this platform.
type mappedFile struct{ data []byte }

// mapFile gives nil here: files are read as usual.
func mapFile(fs.File) *mappedFile { return nil }

func (m *mappedFile) release(int64) {}

func (m *mappedFile) releaseSecond(int64, int64) {}

func (m *mappedFile) unmap() {}
