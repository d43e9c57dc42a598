package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v2"

	"github.com/jobdeck/jobdeck/model"
)

// maxAddInput bounds what Adder reads from a file or stdin.
const maxAddInput = 8 << 20

// Adder takes a new posting in: from a file, stdin ("-") or a URL.
type Adder struct {
	Fetcher Fetcher   // for URLs
	Stdin   io.Reader // for "-"
	Aliases FieldAliases
}

// Read parses what arg names into a posting with its body: "-" is stdin
// (plain text, markdown or HTML), an http(s) URL is fetched (see
// Fetcher), anything else is a file: a page (.html), a file of many
// postings (.json, .jsonl, .csv; "jobs.json#3" picks a record, else the
// first posting is taken) or a posting file (.md, .txt). A fetched page
// without a URL of its own gets the address it was fetched from. The
// error wraps ErrNotPosting when there is no posting in it.
func (a Adder) Read(ctx context.Context, arg string) (*model.Posting, error) {
	switch {
	case arg == "-":
		data, err := io.ReadAll(io.LimitReader(a.Stdin, maxAddInput))
		if err != nil {
			return nil, fmt.Errorf("reading stdin: %w", err)
		}
		name := "pasted.txt"
		switch t := bytes.TrimSpace(bytes.TrimPrefix(data, bom)); {
		case len(t) > 0 && (t[0] == '{' || t[0] == '[') && json.Valid(t):
			name = "pasted.json"
		case looksLikeHTML(string(data)):
			name = "pasted.html"
		}
		return a.parse(name, data)
	case strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://") || strings.Contains(arg, "://"):
		pg, err := a.Fetcher.Fetch(ctx, arg)
		if err != nil {
			return nil, err
		}
		name := "page.html"
		switch pg.MediaType {
		case "application/json", "application/ld+json":
			name = "page.json"
		case "text/plain", "text/markdown":
			name = "page.txt"
		}
		p, err := a.parse(name, pg.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", arg, err)
		}
		if p.URL == "" && len(pg.URL) <= MaxURL {
			p.URL = cleanField(pg.URL)
			p.ID = hashID("url:", normalizeURL(p.URL))
		}
		return p, nil
	}
	file, rec := arg, -1
	if i := strings.LastIndexByte(arg, '#'); i > 0 && recordKindOf(arg[:i]) != recNone {
		if n, err := strconv.Atoi(arg[i+1:]); err == nil && n >= 0 {
			file, rec = arg[:i], n
		}
	}
	if k := recordKindOf(file); k != recNone {
		return a.readRecord(file, k, rec)
	}
	data, err := readFileCapped(file)
	if err != nil {
		return nil, err
	}
	return a.parse(filepath.Base(file), data)
}

// readFileCapped reads at most maxAddInput bytes of name.
func readFileCapped(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxAddInput))
}

// parse parses one posting's bytes by name's kind; an input that is empty
// or white space, or binary, holds no posting.
func (a Adder) parse(name string, data []byte) (*model.Posting, error) {
	if reason, _ := sniff(data); reason != "" {
		return nil, fmt.Errorf("%s: %w", reason, ErrNotPosting)
	}
	if k := recordKindOf(name); k != recNone {
		if p := firstRecordPosting(k, data, a.Aliases.set); p != nil {
			return p, nil
		}
		return nil, fmt.Errorf("no posting in it: %w", ErrNotPosting)
	}
	return parseFile(name, data, true, scan(data), a.Aliases.set, DefaultMaxBody, nil), nil
}

// readRecord returns record rec (or, for -1, the first posting) of a file
// holding many postings.
func (a Adder) readRecord(file string, kind recordKind, rec int) (*model.Posting, error) {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	src := Source{FS: newDirFS(dir), Root: base, Name: base}
	var found *model.Posting
	var skip string
	readRecords(job{src: &src, fsPath: base, display: base}, Options{Workers: 1, KeepBodies: true, MaxBody: DefaultMaxBody, Aliases: a.Aliases}.withDefaults(), kind,
		func(r result) bool {
			switch {
			case r.skip != nil:
				skip = r.skip.Reason
			case rec < 0 || strings.HasSuffix(r.p.Path, "#"+strconv.Itoa(rec)):
				found = r.p
				return false
			}
			return true
		}, func() {})
	if found != nil {
		return found, nil
	}
	if _, err := os.Stat(file); err != nil {
		return nil, err
	}
	if rec >= 0 {
		return nil, fmt.Errorf("%s has no posting #%d: %w", file, rec, ErrNotPosting)
	}
	return nil, fmt.Errorf("%s: %s: %w", file, cmpOr(skip, "no posting in it"), ErrNotPosting)
}

// addedFront is the frontmatter Add writes, in this order.
type addedFront struct {
	Title      string   `yaml:"title"`
	Company    string   `yaml:"company,omitempty"`
	Location   string   `yaml:"location,omitempty"`
	Date       string   `yaml:"date,omitempty"`
	URL        string   `yaml:"url,omitempty"`
	ApplyURL   string   `yaml:"apply_url,omitempty"`
	Salary     string   `yaml:"salary,omitempty"`
	Type       string   `yaml:"employment_type,omitempty"`
	Remote     bool     `yaml:"remote,omitempty"`
	Keywords   []string `yaml:"keywords,omitempty"`
	CompanyURL string   `yaml:"company_url,omitempty"`
}

// Markdown renders p as a posting file: YAML frontmatter (title, company,
// location, date, url, apply_url, salary, employment_type, remote,
// keywords, company_url; empty ones left out) and the body.
func Markdown(p *model.Posting) []byte {
	fm := addedFront{Title: p.Title, Company: p.Company, Location: p.Location, URL: p.URL, ApplyURL: p.ApplyURL,
		Salary: p.Salary, Type: p.EmploymentType, Remote: p.Remote, Keywords: p.Keywords, CompanyURL: p.CompanyURL()}
	if !p.Date.IsZero() {
		fm.Date = p.Date.UTC().Format(time.DateOnly)
	}
	y, err := yaml.Marshal(fm)
	if err != nil { // a struct of strings always marshals
		y = []byte("title: " + strconv.Quote(p.Title) + "\n")
	}
	var b bytes.Buffer
	b.WriteString("---\n")
	b.Write(y)
	b.WriteString("---\n\n")
	b.WriteString(strings.TrimLeft(p.Body, "\n"))
	return b.Bytes()
}

// AddName is the file name Add gives p: "YYYY-MM-DD-company-title.md",
// the date being the posting's, else today's; company and title folded
// to lower-case ASCII words joined by '-'.
func AddName(p *model.Posting, now time.Time) string {
	d := p.Date
	if d.IsZero() {
		d = now
	}
	parts := []string{d.Format(time.DateOnly)}
	for _, s := range []string{p.Company, p.Title} {
		if s := slug(s, 50); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "-") + ".md"
}

// slug folds s to lower-case ASCII letters and digits joined by '-', at
// most max bytes, accents dropped ("Café Oriel" → "cafe-oriel").
func slug(s string, max int) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if r, _, err := transform.String(t, s); err == nil {
		s = r
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// ErrAddExists is returned when every candidate name is taken.
var ErrAddExists = errors.New("no free file name")

// WriteAdded writes p's markdown into dir under AddName, never over an
// existing file: "name-2.md", "name-3.md"… are tried. It returns the path
// written.
func WriteAdded(dir string, p *model.Posting, now time.Time) (string, error) {
	name := AddName(p, now)
	data := Markdown(p)
	stem := strings.TrimSuffix(name, path.Ext(name))
	for i := 1; i <= 100; i++ {
		n := name
		if i > 1 {
			n = fmt.Sprintf("%s-%d.md", stem, i)
		}
		full := filepath.Join(dir, n)
		f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, werr := f.Write(data)
		cerr := f.Close()
		if err := errors.Join(werr, cerr); err != nil {
			os.Remove(full)
			return "", fmt.Errorf("writing %s: %w", full, err)
		}
		return full, nil
	}
	return "", fmt.Errorf("%s: %w", filepath.Join(dir, name), ErrAddExists)
}

// firstRecordPosting returns the first posting among the records in data
// (a JSON array or an object holding one, JSON Lines, CSV), with its
// body; nil when there is none.
func firstRecordPosting(kind recordKind, data []byte, al *aliasSet) *model.Posting {
	var p *model.Posting
	take := func(q *model.Posting) bool { p = q; return q == nil }
	r := bytes.NewReader(data)
	switch kind {
	case recCSV:
		_ = csvRecords(r, al, func(_ int, _, _ int64, _ *csvHeader, rec map[string]any) bool {
			return take(mapRecordPosting(rec, al, true, DefaultMaxBody, csvIdentity(rec)))
		})
	case recJSONL:
		_ = lineRecords(r, func(_ int, _ int64, raw []byte) bool { return take(jsonRecordPosting(raw, al, true, DefaultMaxBody)) })
	default:
		_ = jsonRecords(r, func(_ int, _ int64, raw []byte) bool { return take(jsonRecordPosting(raw, al, true, DefaultMaxBody)) })
	}
	return p
}
