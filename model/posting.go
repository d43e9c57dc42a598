// Package model holds jobdeck's plain domain types: the Posting, the
// collection with its query, filter and sort, the state store (tags,
// shortlist, notes) and export. It imports no UI code.
package model

import (
	"io/fs"
	"time"
)

// Posting is one job posting as the loader read it. Fields hold clean text:
// valid UTF-8 with no control characters or escape sequences.
//
// A Posting is immutable once the loader has handed it out, except that the
// single goroutine that owns a collection may set its Paths (and a zero
// Applied) when the loader reports a duplicate.
//
// The fields few postings have (Paths, Warnings, CompanyURL, Applied) sit
// behind one pointer, read and set through methods, so that a posting
// without them costs a 288-byte allocation, not 384 (a million postings
// are held at once).
type Posting struct {
	// ID is stable across moves and renames of the folder: derived from the
	// normalized URL where there is one, else from the content.
	ID string
	// Path is the slash-separated path of the first file the posting was read
	// from, as the user would name it (relative to the PATH argument given).
	Path string

	Title          string
	Company        string
	Location       string
	Date           time.Time // zero when unknown
	Keywords       []string  // the posting's own tags/hashtags/skills
	URL            string
	ApplyURL       string
	Salary         string
	EmploymentType string
	Remote         bool

	// SalaryPeriod and SalaryCurrency are the unit of SalaryMin and
	// SalaryMax: per SalaryPeriod (PeriodNone when no salary was found) in
	// SalaryCurrency (zero when unstated). They sit beside Remote, in the
	// room its word would waste.
	SalaryPeriod   Period
	SalaryCurrency Currency

	// Body is the markdown the detail pane renders. It may be empty when the
	// loader was asked not to keep bodies; Source and SourcePath then let the
	// loader read it again on demand (loader.Body).
	Body string

	// Source and SourcePath locate the file in the fs.FS it was read from, so
	// the body can be re-read without holding every body in memory.
	Source     fs.FS
	SourcePath string

	// SalaryMin and SalaryMax are the salary read from Salary or, when that
	// is empty, from the body (0 when unknown: "up to 90k" has no minimum).
	SalaryMin, SalaryMax float64

	// rare holds the fields few postings have; nil when they are all zero.
	// It is never changed in place: a setter puts a new one, so a reader
	// holding the old one sees it whole.
	rare *rareFields
}

// rareFields are the fields of a [Posting] that most postings leave empty.
// The parse cache (loader/cache) encodes each of them: a field added here
// must be added to its codec too.
type rareFields struct {
	paths      []string
	warnings   []string
	companyURL string
	applied    time.Time
}

// Paths lists every file that holds this posting (Path first) when the
// loader found duplicates; nil otherwise.
func (p *Posting) Paths() []string {
	if p.rare == nil {
		return nil
	}
	return p.rare.paths
}

// SetPaths sets what [Posting.Paths] returns.
func (p *Posting) SetPaths(paths []string) {
	if paths != nil || p.rare != nil {
		r := p.rareCopy()
		r.paths = paths
		p.putRare(r)
	}
}

// Warnings are loader remarks a user should see (repaired mojibake,
// malformed frontmatter, body cut at the size cap, ...).
func (p *Posting) Warnings() []string {
	if p.rare == nil {
		return nil
	}
	return p.rare.warnings
}

// SetWarnings sets what [Posting.Warnings] returns.
func (p *Posting) SetWarnings(ws []string) {
	if ws != nil || p.rare != nil {
		r := p.rareCopy()
		r.warnings = ws
		p.putRare(r)
	}
}

// AddWarnings appends ws to [Posting.Warnings] (as append does: nothing
// is set when ws is empty).
func (p *Posting) AddWarnings(ws ...string) {
	if len(ws) > 0 {
		p.SetWarnings(append(p.Warnings(), ws...))
	}
}

// CompanyURL is the company's own site or careers page (company_url,
// website, careers_url), not the posting's URL.
func (p *Posting) CompanyURL() string {
	if p.rare == nil {
		return ""
	}
	return p.rare.companyURL
}

// SetCompanyURL sets what [Posting.CompanyURL] returns.
func (p *Posting) SetCompanyURL(u string) {
	if u != "" || p.rare != nil {
		r := p.rareCopy()
		r.companyURL = u
		p.putRare(r)
	}
}

// Applied is the date an export of the user's applications (LinkedIn's
// "Job Applications.csv") says the user applied; zero otherwise.
func (p *Posting) Applied() time.Time {
	if p.rare == nil {
		return time.Time{}
	}
	return p.rare.applied
}

// SetApplied sets what [Posting.Applied] returns.
func (p *Posting) SetApplied(t time.Time) {
	if t != (time.Time{}) || p.rare != nil {
		r := p.rareCopy()
		r.applied = t
		p.putRare(r)
	}
}

// rareCopy returns a new copy of p's rare fields, for a setter to change.
func (p *Posting) rareCopy() *rareFields {
	r := new(rareFields)
	if p.rare != nil {
		*r = *p.rare
	}
	return r
}

// putRare sets p's rare fields to r, or to nil when they are all zero, so
// that two postings with equal fields are equal (reflect.DeepEqual)
// however they were set.
func (p *Posting) putRare(r *rareFields) {
	if r.paths == nil && r.warnings == nil && r.companyURL == "" && r.applied == (time.Time{}) {
		r = nil
	}
	p.rare = r
}

// AllPaths returns every path of the posting, Path first.
func (p *Posting) AllPaths() []string {
	if paths := p.Paths(); len(paths) > 0 {
		return paths
	}
	if p.Path == "" {
		return nil
	}
	return []string{p.Path}
}
