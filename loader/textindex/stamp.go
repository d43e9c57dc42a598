package textindex

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

// Items returns the index items of ps: each posting's ID and the stamp of
// its file ([search.Stamp] of its size and modification time; the records
// of one JSON or CSV file, "jobs.json#3", share it). Each file is
// stat'ed once. A posting with no file (built in memory) is stamped with a
// hash of its text instead, and one whose file cannot be stat'ed with
// "missing", which indexes it again when the file is back.
func Items(ps []*model.Posting) []search.Item {
	stamps := map[string]string{}
	out := make([]search.Item, len(ps))
	for i, p := range ps {
		out[i] = search.Item{ID: p.ID, Stamp: stampOf(p, stamps)}
	}
	return out
}

// stampOf returns p's stamp; seen holds the stamps of the record files
// (jobs.json#3) stat'ed, by shown path (unique across sources; an fs.FS
// may not be comparable): a file of one posting is stat'ed once anyway.
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
	if k != p.Path { // a record: the other records of its file share the stamp
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
