package loader

import "github.com/jobdeck/jobdeck/model"

// CountFiles is how many files the postings ps (every path of each) and
// the skips came from, as [Progress].Files counts them during a load: the
// records of one JSON, JSON Lines or CSV file ("jobs.json#3") count as
// that file.
func CountFiles(ps []*model.Posting, skips []Skip) int {
	var c fileCount
	for _, p := range ps {
		for _, path := range p.AllPaths() {
			c.posting(path)
		}
	}
	for _, s := range skips {
		c.add(FileOf(s.Path))
	}
	return c.n()
}

// fileCount counts the files of the paths of postings and skips, as
// [Progress].Files does. A path of a file of its own is counted at once
// (each comes once); a record's file and a skip's path go into a set, as
// a file's records come one by one and a file can both give records and
// be reported for those it could not read.
type fileCount struct {
	plain int
	set   map[string]struct{}
	// last is the record file posting counted last: a file's records
	// come one after another, and the path of the next names it too.
	last string
}

// posting counts the file of a posting's path.
func (c *fileCount) posting(path string) {
	if c.last != "" && isRecordOf(path, c.last) {
		return // counted: FileOf(path) is c.last
	}
	if f := FileOf(path); f != path {
		c.add(f)
		c.last = f
	} else {
		c.plain++
	}
}

// isRecordOf reports whether path is file, a record file, followed by
// '#' and the digits of a record's index (at most 18, which any int
// holds), so that FileOf(path) is file.
func isRecordOf(path, file string) bool {
	n := len(path) - len(file) - 1
	if n < 1 || n > 18 || path[len(file)] != '#' || path[:len(file)] != file {
		return false
	}
	for i := len(file) + 1; i < len(path); i++ {
		if path[i] < '0' || path[i] > '9' {
			return false
		}
	}
	return true
}

// add counts path once, however often it comes.
func (c *fileCount) add(path string) {
	if c.set == nil {
		c.set = map[string]struct{}{}
	}
	c.set[path] = struct{}{}
}

// n is how many files were counted.
func (c *fileCount) n() int { return c.plain + len(c.set) }
