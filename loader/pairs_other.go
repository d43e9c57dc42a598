//go:build !amd64 || purego

package loader

// pairBlocks does nothing where there is no vector filter: the caller
// reads every place of text itself.
func pairBlocks(f *pairFilter, text string, masks []uint16) int { return 0 }
