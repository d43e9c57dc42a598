package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Ensure makes dir hold the n postings of seed, writing them unless a
// marker file (".complete", holding [Version]) says a previous call
// finished with the same generator; it returns whether it wrote. A
// folder left half-written or by another Version is removed and written
// again. Benchmarks use it to share one corpus across runs.
func Ensure(dir string, n int, seed int64) (bool, error) {
	marker := filepath.Join(dir, ".complete")
	version := strconv.Itoa(Version)
	if got, err := os.ReadFile(marker); err == nil && string(got) == version {
		return false, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return false, fmt.Errorf("corpus: %w", err)
	}
	if err := Write(dir, n, seed); err != nil {
		return false, err
	}
	if err := os.WriteFile(marker, []byte(version), 0o644); err != nil {
		return false, fmt.Errorf("corpus: %w", err)
	}
	return true, nil
}
