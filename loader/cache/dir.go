package cache

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultDir returns the cache folder: $XDG_CACHE_HOME/jobdeck when
// XDG_CACHE_HOME is an absolute path, else ~/.cache/jobdeck.
func DefaultDir() (string, error) {
	if x := os.Getenv("XDG_CACHE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "jobdeck"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the cache folder: set XDG_CACHE_HOME or use --no-cache: %w", err)
	}
	return filepath.Join(home, ".cache", "jobdeck"), nil
}

// Info describes a cache folder.
type Info struct {
	Dir     string
	Bytes   int64 // size of every file in it
	Files   []FileInfo
	Damaged int // cache files whose header does not read
}

// FileInfo describes one cache file: the source folder it is for and its
// number of entries (files).
type FileInfo struct {
	Root    string
	Entries int
	Bytes   int64
	Stamp   string
}

// Entries is the total number of entries.
func (i Info) Entries() int {
	n := 0
	for _, f := range i.Files {
		n += f.Entries
	}
	return n
}

// Describe reads the headers of the cache files in dir. A missing folder
// is an empty cache.
func Describe(dir string) (Info, error) {
	info := Info{Dir: dir}
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return info, nil
	}
	if err != nil {
		return info, err
	}
	for _, de := range des {
		fi, err := de.Info()
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		info.Bytes += fi.Size()
		if !strings.HasSuffix(de.Name(), Ext) {
			continue
		}
		h, err := readHeaderFile(filepath.Join(dir, de.Name()))
		if err != nil {
			info.Damaged++
			continue
		}
		info.Files = append(info.Files, FileInfo{Root: h.root, Entries: h.count, Bytes: fi.Size(), Stamp: h.stamp})
	}
	sort.Slice(info.Files, func(a, b int) bool { return info.Files[a].Root < info.Files[b].Root })
	return info, nil
}

// readHeaderFile reads the header block at the start of a cache file.
func readHeaderFile(name string) (header, error) {
	f, err := os.Open(name)
	if err != nil {
		return header{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return header{}, err
	}
	b, err := newBlocks(bufio.NewReader(f), fi.Size())
	if err != nil {
		return header{}, err
	}
	return b.header()
}

// Clear removes the cache files (and temporary files) in dir, then dir
// itself when it is left empty. It returns how many files it removed.
func Clear(dir string) (int, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, de := range des {
		if !isCacheFile(de.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, de.Name())); err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, fs.ErrExist) && !isNotEmpty(dir) {
		errs = append(errs, err)
	}
	return n, errors.Join(errs...)
}

func isNotEmpty(dir string) bool {
	des, err := os.ReadDir(dir)
	return err == nil && len(des) > 0
}

// isCacheFile reports the names Clear removes: cache files and the
// temporary files of a write.
func isCacheFile(name string) bool {
	return strings.HasSuffix(name, Ext) || strings.Contains(name, Ext+tmpInfix)
}

// removeUnused removes the cache files in dir last written KeepDays or
// more before now, and temporary files older than a day (left by a
// jobdeck that died while writing), except the names in keep. Errors are
// ignored: it only tidies up.
func removeUnused(dir string, now time.Time, keep map[string]bool) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, de := range des {
		name := de.Name()
		fi, err := de.Info()
		if err != nil || !isCacheFile(name) || keep[name] {
			continue
		}
		old := now.Sub(fi.ModTime()) > KeepDays*24*time.Hour
		if strings.Contains(name, tmpInfix) {
			old = now.Sub(fi.ModTime()) > 24*time.Hour
		}
		if old {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
