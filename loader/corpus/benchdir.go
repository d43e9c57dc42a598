package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// BenchDir returns a folder of n generated postings (seed 42) in
// os.TempDir(), named jobdeck-bench-100k for 100,000, writing it on first
// use and reusing it after: a marker file records a complete write and
// the corpus Version, so a newer generator rewrites it.
func BenchDir(n int) (string, error) {
	name := strconv.Itoa(n)
	if n%1000 == 0 {
		name = strconv.Itoa(n/1000) + "k"
	}
	dir := filepath.Join(os.TempDir(), "jobdeck-bench-"+name)
	marker := filepath.Join(dir, ".complete")
	version := []byte(strconv.Itoa(Version))
	if got, err := os.ReadFile(marker); err == nil && string(got) == string(version) {
		return dir, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	if err := Write(dir, n, 42); err != nil {
		return "", err
	}
	if err := os.WriteFile(marker, version, 0o644); err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	return dir, nil
}
