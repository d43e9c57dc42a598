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
// single goroutine that owns a collection may append to Paths (and set a zero
// Applied) when the loader reports a duplicate.
type Posting struct {
	// ID is stable across moves and renames of the folder: derived from the
	// normalized URL where there is one, else from the content.
	ID string
	// Path is the slash-separated path of the first file the posting was read
	// from, as the user would name it (relative to the PATH argument given).
	Path string
	// Paths lists every file that holds this posting (Path first) when the
	// loader found duplicates; nil otherwise.
	Paths []string

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
	// CompanyURL is the company's own site or careers page (company_url,
	// website, careers_url), not the posting's URL.
	CompanyURL string
	// Applied is the date an export of the user's applications (LinkedIn's
	// "Job Applications.csv") says the user applied; zero otherwise.
	Applied time.Time

	// Warnings are loader remarks a user should see (repaired mojibake,
	// malformed frontmatter, body cut at the size cap, ...).
	Warnings []string

	// Body is the markdown the detail pane renders. It may be empty when the
	// loader was asked not to keep bodies; Source and SourcePath then let the
	// loader read it again on demand (loader.Body).
	Body string

	// Source and SourcePath locate the file in the fs.FS it was read from, so
	// the body can be re-read without holding every body in memory.
	Source     fs.FS
	SourcePath string

	// SalaryMin and SalaryMax are the salary read from Salary or, when that
	// is empty, from the body (0 when unknown: "up to 90k" has no minimum),
	// in SalaryCurrency (an ISO 4217 code, "" when unstated) per
	// SalaryPeriod ("year", "month", "week", "day", "hour"; "" when no
	// salary was found).
	SalaryMin, SalaryMax float64
	SalaryCurrency       string
	SalaryPeriod         string
}

// AllPaths returns every path of the posting, Path first.
func (p *Posting) AllPaths() []string {
	if len(p.Paths) > 0 {
		return p.Paths
	}
	if p.Path == "" {
		return nil
	}
	return []string{p.Path}
}
