package model

import "time"

// Record is the JSON shape of one posting, as `jobdeck list --json` prints it
// (one Record a line) and as JSON export writes it (with the State fields).
type Record struct {
	ID             string   `json:"id"`
	Path           string   `json:"path"`
	Paths          []string `json:"paths,omitempty"`
	Title          string   `json:"title"`
	Company        string   `json:"company"`
	Location       string   `json:"location"`
	Date           string   `json:"date"` // RFC 3339, or "" when unknown
	Keywords       []string `json:"keywords"`
	URL            string   `json:"url"`
	ApplyURL       string   `json:"apply_url"`
	Salary         string   `json:"salary"`
	SalaryMin      float64  `json:"salary_min,omitempty"`      // 0: unknown (or "up to")
	SalaryMax      float64  `json:"salary_max,omitempty"`      // 0: unknown (or "from")
	SalaryCurrency string   `json:"salary_currency,omitempty"` // ISO 4217
	SalaryPeriod   string   `json:"salary_period,omitempty"`   // year, month, week, day, hour
	EmploymentType string   `json:"employment_type"`
	Remote         bool     `json:"remote"`
	CompanyURL     string   `json:"company_url,omitempty"`
	Applied        string   `json:"applied,omitempty"` // RFC 3339, when an applications export gave it
	Warnings       []string `json:"warnings"`
	Body           string   `json:"body"`
}

// NewRecord returns the Record of p with body as its body (the caller may
// have read it again from disk when the loader dropped it).
func NewRecord(p *Posting, body string) Record {
	r := Record{
		ID:             p.ID,
		Path:           p.Path,
		Title:          p.Title,
		Company:        p.Company,
		Location:       p.Location,
		Keywords:       p.Keywords,
		URL:            p.URL,
		ApplyURL:       p.ApplyURL,
		Salary:         p.Salary,
		SalaryMin:      p.SalaryMin,
		SalaryMax:      p.SalaryMax,
		SalaryCurrency: p.SalaryCurrency.String(),
		SalaryPeriod:   p.SalaryPeriod.String(),
		EmploymentType: p.EmploymentType,
		Remote:         p.Remote,
		CompanyURL:     p.CompanyURL(),
		Warnings:       p.Warnings(),
		Body:           body,
	}
	if paths := p.Paths(); len(paths) > 1 {
		r.Paths = paths
	}
	if !p.Date.IsZero() {
		r.Date = p.Date.Format(time.RFC3339)
	}
	if applied := p.Applied(); !applied.IsZero() {
		r.Applied = applied.Format(time.RFC3339)
	}
	if r.Keywords == nil {
		r.Keywords = []string{}
	}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	return r
}

// Line is the plain one-line form `jobdeck list` prints:
// "title — company — location — date", missing parts left out.
func (p *Posting) Line() string {
	return string(p.AppendLine(nil))
}

// AppendLine appends [Posting.Line] to b and returns the extended
// slice, without building the line as a string first.
func (p *Posting) AppendLine(b []byte) []byte {
	start := len(b)
	for _, s := range [...]string{p.Title, p.Company, p.Location} {
		if s != "" {
			b = appendPart(b, start, s)
		}
	}
	if !p.Date.IsZero() {
		if len(b) > start {
			b = append(b, " — "...)
		}
		b = p.Date.AppendFormat(b, "2006-01-02")
	}
	return b
}

// appendPart appends s to the line that starts at b[start:], after the
// separator when the line already holds a part.
func appendPart(b []byte, start int, s string) []byte {
	if len(b) > start {
		b = append(b, " — "...)
	}
	return append(b, s...)
}
