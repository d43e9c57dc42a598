//go:build !amd64 || purego

package loader

// scanBlocks reads nothing where there is no vector scan: scanText reads
// all of b eight bytes at a time, and hm stays empty.
func scanBlocks(b []byte, hm *highMasks) (textFlags, int) { return textFlags{}, 0 }

// highBlocks reads nothing where there is no vector scan: nextHigh reads
// all of b eight bytes at a time.
func highBlocks(b []byte) int { return 0 }
