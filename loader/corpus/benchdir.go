package corpus

import (
	"os"
	"path/filepath"
	"strconv"
)

// BenchDir returns a folder of n generated postings (seed 42) in
// os.TempDir(), named jobdeck-bench-100k for 100,000, written by [Ensure]
// on first use and reused after, so a newer generator rewrites it.
func BenchDir(n int) (string, error) {
	name := strconv.Itoa(n)
	if n%1000 == 0 {
		name = strconv.Itoa(n/1000) + "k"
	}
	dir := filepath.Join(os.TempDir(), "jobdeck-bench-"+name)
	if _, err := Ensure(dir, n, 42); err != nil {
		return "", err
	}
	return dir, nil
}
