package loader

import (
	"hash/maphash"
	"strings"
	"unique"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// internFields replaces the fields of p that many postings of a folder
// share (a title, a company, a city, a skill) with one canonical copy of
// each, so that a big folder holds each such text once. Fields that are
// one posting's own (ID, paths, body) or few and short are left as they
// are (each canonical copy costs a lookup), but a URL that begins the
// other (boards apply at the posting's URL plus "/apply") is made a part
// of it.
func internFields(p *model.Posting) { internFieldsIn(p, nil) }

// internFieldsIn is internFields with the canonical copies taken from m
// (see [recordMemo.intern]); a nil m takes them from the process-wide
// table.
func internFieldsIn(p *model.Posting, m *recordMemo) {
	shareURLs(p)
	p.Title, p.Company, p.Location = m.intern(0, p.Title), m.intern(1, p.Company), m.intern(2, p.Location)
	for i, k := range p.Keywords {
		p.Keywords[i] = m.intern(3+i, k)
	}
}

// shareURLs makes a URL of p that begins the other (boards apply at the
// posting's URL plus "/apply") a part of it.
func shareURLs(p *model.Posting) {
	switch {
	case p.URL == "" || p.ApplyURL == "":
	case strings.HasPrefix(p.ApplyURL, p.URL):
		p.URL = p.ApplyURL[:len(p.URL)]
	case strings.HasPrefix(p.URL, p.ApplyURL):
		p.ApplyURL = p.URL[:len(p.ApplyURL)]
	}
}

// intern returns the canonical copy of s.
func intern(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}

// ownFields gives p, a posting whose strings may share memory with
// something much bigger (the parse cache decodes its postings without
// copying, as substrings of the file blocks it read), strings of its own:
// the texts many postings share (company, city, skill, type) made
// canonical through t, the others (ID, title, URLs, salary) copied into
// the blocks of t's slab, shared with the other postings t made its own.
// The cache's blocks can then be freed once it lets go of them, instead
// of staying pinned by the few bytes a posting still uses. Titles are copied, not made canonical as internFields does: most
// of them miss t (a folder has thousands), and the shared table's lookup
// cost a tenth of a warm load.
func ownFields(p *model.Posting, t *internTable) {
	shareURLs(p)
	p.Company, p.Location, p.EmploymentType = t.intern(p.Company), t.intern(p.Location), t.intern(p.EmploymentType)
	for i, k := range p.Keywords {
		p.Keywords[i] = t.intern(k)
	}
	long, short := &p.ApplyURL, &p.URL
	if len(*short) > len(*long) {
		long, short = short, long
	}
	prefix := strings.HasPrefix(*long, *short) // shareURLs made it a part of long
	n := len(p.ID) + len(p.Title) + len(*long) + len(p.Salary)
	if !prefix {
		n += len(*short)
	}
	buf := t.text.reserve(n)
	own := func(s *string) {
		if *s == "" {
			*s = "" // an empty substring still points into, and pins, what it was cut from
			return
		}
		start := len(buf)
		buf = append(buf, *s...)
		*s = unsafe.String(unsafe.SliceData(buf[start:]), len(*s))
	}
	own(&p.ID)
	own(&p.Title)
	own(long)
	if prefix {
		*short = (*long)[:len(*short)]
	} else {
		own(short)
	}
	own(&p.Salary)
	ownRareFields(p, t)
}

// ownRareFields is ownFields for the fields few postings have: each
// copied on its own (the warnings made canonical: the loader words them).
// The lists are changed in place, as internFields changes Keywords: the
// posting owns them, and their backing array may be the one Keywords
// keeps alive.
func ownRareFields(p *model.Posting, t *internTable) {
	ws := p.Warnings()
	for i, w := range ws {
		ws[i] = t.intern(w)
	}
	paths := p.Paths()
	for i, s := range paths {
		paths[i] = strings.Clone(s)
	}
	p.SetCompanyURL(strings.Clone(p.CompanyURL())) // an empty one too (see own)
}

// internTable is a small cache in front of the process-wide canonical
// copies (see intern), for one goroutine at a time: a text it holds costs
// a hash and a comparison, not a lookup in the shared table.
type internTable struct {
	seed  maphash.Seed
	slots [internTableSlots]internSlot
	// text holds the strings ownFields copies: one allocation a block
	// rather than one a posting, each rounded up to its size class.
	text stringSlab
}

// internTableSlots is the size of an internTable (a power of two).
const internTableSlots = 512

func newInternTable() *internTable { return &internTable{seed: maphash.MakeSeed()} }

// intern is intern(s), remembered in t.
func (t *internTable) intern(s string) string {
	if s == "" {
		return ""
	}
	h := maphash.String(t.seed, s)
	c := &t.slots[h&(internTableSlots-1)]
	if c.h != h || c.s != s {
		*c = internSlot{h, intern(s)}
	}
	return c.s
}
