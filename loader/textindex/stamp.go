package textindex

import (
	"hash/fnv"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// Items returns the index items of ps: each posting's ID and the stamp of
// its file ([search.Stamp] of its size and modification time; the records
// of one JSON or CSV file, "jobs.json#3", share it). Each file is
// stat'ed once by each of the goroutines that share the work (a record
// file whose records straddle two of their parts, twice). A posting with
// no file (built in memory) is stamped with a hash of its text instead,
// and one whose file cannot be stat'ed with "missing", which indexes it
// again when the file is back.
func Items(ps []*model.Posting) []search.Item {
	return items(ps, false)
}

// unstampedItems is Items without the stat of each posting's own file:
// those stamps are left empty, for [search.Index.SyncFunc] to ask of
// stampOf where the index holds the posting, and otherwise to take from
// the read of the file (see [DocOf]). A first build of 100k postings
// spent 0.2-0.35 s of CPU on the stats before its writers began.
func unstampedItems(ps []*model.Posting) []search.Item {
	return items(ps, true)
}

// items is Items, leaving the stamps of postings with files of their own
// empty when lazy.
func items(ps []*model.Posting, lazy bool) []search.Item {
	out := make([]search.Item, len(ps))
	// A stat is a system call: for 100k postings, 0.35 s of CPU on one
	// core before the index's goroutines start, which both cores share.
	parts := min(runtime.GOMAXPROCS(0), max(1, len(ps)/itemsPart))
	var wg sync.WaitGroup
	for k := range parts {
		lo, hi := k*len(ps)/parts, (k+1)*len(ps)/parts
		wg.Go(func() {
			stamps := map[string]string{}
			for i := lo; i < hi; i++ {
				out[i].ID = ps[i].ID
				if !lazy || !ownFile(ps[i]) {
					out[i].Stamp = stampOf(ps[i], stamps)
				}
			}
		})
	}
	wg.Wait()
	return out
}

// itemsPart is the fewest postings [Items] gives a goroutine of its own.
const itemsPart = 4096

// ownFile reports whether p was read from a file of its own (not a record
// of a JSON or CSV file, nor held in memory).
func ownFile(p *model.Posting) bool {
	return p.Source != nil && p.SourcePath != "" && loader.FileOf(p.Path) == p.Path
}

// stampOf returns p's stamp; seen (nil: none) holds the stamps of the
// record files (jobs.json#3) stat'ed, by shown path (unique across
// sources; an fs.FS may not be comparable): a file of one posting is
// stat'ed once anyway.
func stampOf(p *model.Posting, seen map[string]string) string {
	if p.Source == nil || p.SourcePath == "" {
		return contentStamp(p)
	}
	k := loader.FileOf(p.Path)
	if s, ok := seen[k]; ok {
		return s
	}
	s := "missing"
	if fi, err := loader.StatFile(p); err == nil {
		s = search.Stamp(fi)
	}
	if k != p.Path && seen != nil { // a record: the other records of its file share the stamp
		seen[k] = s
	}
	return s
}

// contentStamp is the stamp of a posting held only in memory: a hash of
// what is indexed of it.
func contentStamp(p *model.Posting) string {
	h := fnv.New64a()
	for _, s := range []string{p.Title, p.Company, p.Location, strings.Join(p.Keywords, "\x00"), p.Body} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "mem-" + strconv.FormatUint(h.Sum64(), 16)
}
