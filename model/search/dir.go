package search

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"path/filepath"
	"slices"
	"strings"
)

// CacheDir returns jobdeck's cache folder: $XDG_CACHE_HOME/jobdeck when
// that is set to an absolute path, else the platform's user cache folder
// (os.UserCacheDir) joined with "jobdeck". getenv and userCacheDir are
// injected (os.Getenv and os.UserCacheDir in production).
func CacheDir(getenv func(string) string, userCacheDir func() (string, error)) (string, error) {
	if x := getenv("XDG_CACHE_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "jobdeck"), nil
	}
	d, err := userCacheDir()
	if err != nil {
		return "", errors.Join(errors.New("search: no cache folder (set XDG_CACHE_HOME)"), err)
	}
	return filepath.Join(d, "jobdeck"), nil
}

// DirFor returns the index folder for a set of posting folders under the
// cache folder cache: "index-" and 16 hex digits of the SHA-256 of the
// sorted absolute roots, so that each set of folders has its own index
// and a second launch on the same folders finds it again. roots should
// be absolute (filepath.Abs); order does not matter.
func DirFor(cache string, roots []string) string {
	rs := slices.Clone(roots)
	for i, r := range rs {
		rs[i] = filepath.Clean(r)
	}
	slices.Sort(rs)
	rs = slices.Compact(rs)
	sum := sha256.Sum256([]byte(strings.Join(rs, "\x00")))
	return filepath.Join(cache, "index-"+hex.EncodeToString(sum[:8]))
}
