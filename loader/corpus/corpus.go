// Package corpus generates fictional job postings for benchmarks and
// tests: files of every shape the loader reads (YAML job-board exports in
// .txt, Hugo TOML, JSON frontmatter, markdown, plain text), with a few
// defects (CRLF, Windows-1252 bytes, mojibake, a BOM, duplicates), about
// 3–4 KB each. Everything is deterministic for a given seed.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// PerFolder is the number of files Write puts in one folder.
const PerFolder = 1000

// Version changes whenever the generated content changes, so that cached
// corpora (such as the benchmarks' folder in os.TempDir()) are rewritten.
const Version = 2

// Shape is the file layout of a generated posting.
type Shape int

// The shapes, in the order Item cycles through them.
const (
	YAMLExport   Shape = iota // .txt with YAML frontmatter, epoch-ms timestamp, "#a,#b" hashtags
	HugoTOML                  // .md with +++ TOML frontmatter
	JSONFront                 // .md with JSON frontmatter
	MarkdownH1                // .md with a "# Title" and no frontmatter
	PlainTitled               // .txt: title line, "•" bullets, bare headings
	PlainSection              // .txt: starts with a section word and a list; title from the file name
	numShapes
)

// Item is one generated posting: its fields, its file name (relative to
// the corpus folder) and its file content.
type Item struct {
	Posting model.Posting // fields as the loader should read them (Body is the markdown source)
	Name    string
	Shape   Shape
	Data    []byte
}

var (
	companies = []string{"Quillfeather Labs", "Borealis Freight", "Tin Lantern Games", "Ondulé Systems",
		"Kestrel & Finch", "Marrowbone Health", "Pebblecrest Bank", "Glasswing Analytics", "Sundial Robotics",
		"Halvard Maps", "Ferrocene Energy", "Wicker Park Media"}
	roles = []string{"Backend Engineer", "Go Developer", "Site Reliability Engineer", "Data Engineer",
		"Frontend Developer", "Platform Engineer", "Engineering Manager", "Security Engineer",
		"Mobile Developer", "Machine Learning Engineer", "QA Engineer", "Developer Advocate"}
	levels    = []string{"Senior", "Staff", "Junior", "Lead", "Principal", ""}
	locations = []string{"Remote", "Berlin, Germany", "München, Germany", "Lisbon, Portugal", "Toronto, Canada",
		"Remote (EU)", "Austin, TX", "Kraków, Poland", "Melbourne, Australia", "Zürich, Switzerland"}
	skills = []string{"go", "rust", "postgresql", "kubernetes", "terraform", "aws", "react", "typescript",
		"python", "kafka", "redis", "grpc", "rails", "elixir", "gcp", "docker"}
	types = []string{"Full-time", "Part-time", "Contract", "Internship"}
	words = strings.Fields(`we build calm reliable software for teams that move freight money maps and
		music across the world our engineers own services end to end from design review to on call and we
		care about clear writing small pull requests and honest estimates you will work with product and
		design to ship features measure their impact and keep the platform fast the stack is boring on
		purpose so that the interesting problems are the customer ones we pay fairly publish salary bands
		and offer four day weeks in summer our office has plants a piano and too many mugs`)
	sections = []string{"About the role", "Responsibilities", "Requirements", "Nice to have", "Benefits",
		"How we work", "Interview process"}
)

// MakeItem generates posting i of the corpus for seed. Items are independent:
// MakeItem(i, seed) is the same however many items are generated. Every 97th
// item repeats the URL of the item before it (a duplicate).
func MakeItem(i int, seed int64) Item {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	shape := Shape(i % int(numShapes))
	lvl := levels[r.IntN(len(levels))]
	title := strings.TrimSpace(lvl + " " + roles[r.IntN(len(roles))])
	company := companies[r.IntN(len(companies))]
	loc := locations[r.IntN(len(locations))]
	date := time.Date(2020+r.IntN(6), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	nk := 2 + r.IntN(4)
	kw := make([]string, 0, nk)
	for _, k := range r.Perm(len(skills))[:nk] {
		kw = append(kw, skills[k])
	}
	urlN := i
	if i%97 == 96 {
		urlN = i - 1
	}
	url := fmt.Sprintf("https://jobs.example.com/postings/%d", urlN)
	salary := fmt.Sprintf("€%dk–€%dk", 50+r.IntN(40), 95+r.IntN(60))
	etype := types[r.IntN(len(types))]
	body := bodyText(r, shape)
	p := model.Posting{Title: title, Company: company, Location: loc, Date: date, Keywords: kw,
		URL: url, ApplyURL: url + "/apply", Salary: salary, EmploymentType: strings.ToLower(etype),
		Remote: strings.Contains(loc, "Remote")}
	folder := fmt.Sprintf("%03d", i/PerFolder)
	var sb strings.Builder
	var name string
	switch shape {
	case YAMLExport:
		name = fmt.Sprintf("%03d_%016x.txt", i%PerFolder, r.Uint64())
		tags := make([]string, len(kw))
		for j, k := range kw {
			tags[j] = "#" + k
		}
		fmt.Fprintf(&sb, "---\ntitle: %q\nlocation: %q\ncompanyName: %q\nurl: %q\napplyUrl: %q\n"+
			"timestamp: %d\nhashtags: %q\njobType: %q\nsalary: %q\nfeatured: %d\n---\n\n%s",
			title, loc, company, url, p.ApplyURL, date.UnixMilli(), strings.Join(tags, ","), etype, salary,
			r.IntN(20), body)
	case HugoTOML:
		name = slug(title) + fmt.Sprintf("-%d.md", i)
		fmt.Fprintf(&sb, "+++\ntitle = %q\ncompany = %q\nlocation = %q\ndate = %s\ntags = [%s]\n"+
			"url = %q\napply_url = %q\nsalary = %q\nemploymentType = %q\n+++\n\n%s",
			title, company, loc, date.Format("2006-01-02"), quoteList(kw), url, p.ApplyURL, salary, etype, body)
	case JSONFront:
		name = slug(title) + fmt.Sprintf("-%d.md", i)
		fmt.Fprintf(&sb, "{\n  \"title\": %q,\n  \"hiringOrganization\": {\"name\": %q},\n  \"jobLocation\": %q,\n"+
			"  \"datePosted\": %q,\n  \"skills\": [%s],\n  \"url\": %q,\n  \"applyUrl\": %q,\n  \"salary\": %q,\n"+
			"  \"employmentType\": %q\n}\n\n%s",
			title, company, loc, date.Format(time.RFC3339), quoteList(kw), url, p.ApplyURL, salary, etype, body)
	case MarkdownH1:
		name = slug(title) + fmt.Sprintf("-%d.md", i)
		p.URL, p.ApplyURL, p.Date, p.Keywords, p.EmploymentType = "", "", time.Time{}, nil, ""
		fmt.Fprintf(&sb, "# %s\n\nCompany: %s\nLocation: %s\nSalary: %s\n\n%s", title, company, loc, salary, body)
	case PlainTitled:
		name = slug(title) + fmt.Sprintf("_%d.txt", i)
		p.URL, p.ApplyURL, p.Date, p.Keywords, p.EmploymentType = "", "", time.Time{}, nil, ""
		fmt.Fprintf(&sb, "%s\n\nCompany: %s\nLocation: %s\nSalary: %s\n\n%s", title, company, loc, salary, body)
	case PlainSection:
		name = fmt.Sprintf("%03d_%016x.txt", i%PerFolder, r.Uint64())
		p = model.Posting{Title: fmt.Sprintf("Untitled posting (%s)", strings.TrimSuffix(name, ".txt"))}
		sb.WriteString(body)
	}
	text := sb.String()
	data := []byte(text)
	switch {
	case i%31 == 7:
		data = []byte(strings.ReplaceAll(text, "\n", "\r\n"))
	case i%53 == 11:
		data = append([]byte("\xEF\xBB\xBF"), data...)
	case i%61 == 13 && shape != JSONFront:
		// Mojibake: "’" saved as Mac Roman "‚Äô".
		data = []byte(strings.ReplaceAll(text, "’", "‚Äô"))
	case i%71 == 17:
		// Windows-1252 bytes: "ü" and "é" as single bytes.
		data = []byte(strings.NewReplacer("ü", "\xfc", "é", "\xe9", "’", "\x92", "–", "\x96", "€", "\x80", "ö", "\xf6", "🚀", ":rocket:").Replace(text))
	}
	p.Body = body
	return Item{Posting: p, Name: folder + "/" + name, Shape: shape, Data: data}
}

func slug(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, s)
}

func quoteList(l []string) string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// bodyText writes ~3.3 KB of text in the shape's style.
func bodyText(r *rand.Rand, shape Shape) string {
	var sb strings.Builder
	plain := shape == PlainTitled || shape == PlainSection
	secs := r.Perm(len(sections))
	if shape == PlainSection {
		sb.WriteString("Requirements\n\n")
	}
	for n := 0; sb.Len() < 3200; n++ {
		sec := sections[secs[n%len(secs)]]
		switch {
		case plain:
			fmt.Fprintf(&sb, "%s\n\n", sec)
		default:
			fmt.Fprintf(&sb, "## %s\n\n", sec)
		}
		// A hand-wrapped paragraph.
		for l := 0; l < 3; l++ {
			sb.WriteString(sentence(r, 9+r.IntN(6)))
			sb.WriteByte('\n')
		}
		sb.WriteByte('\n')
		bullet := "- "
		if plain {
			bullet = "  • "
		}
		for b := 0; b < 3+r.IntN(3); b++ {
			sb.WriteString(bullet + sentence(r, 5+r.IntN(6)) + "\n")
		}
		sb.WriteString("\nWe’re glad you’re reading this, it’s a good sign 🚀.\n\n")
	}
	return sb.String()
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

// Write writes n postings for seed under dir, PerFolder files a folder
// ("000/", "001/", ...), creating folders as needed.
func Write(dir string, n int, seed int64) error {
	made := map[string]bool{}
	for i := range n {
		it := MakeItem(i, seed)
		p := filepath.Join(dir, filepath.FromSlash(it.Name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, it.Data, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// Postings returns n generated postings in memory, with Path set to
// their file name and Body to their markdown, for model and ui benchmarks.
// IDs are unique ("p0", "p1", ...), unlike the loader's.
func Postings(n int, seed int64) []*model.Posting {
	out := make([]*model.Posting, n)
	for i := range n {
		it := MakeItem(i, seed)
		p := it.Posting
		p.ID = fmt.Sprintf("p%d", i)
		p.Path = it.Name
		out[i] = &p
	}
	return out
}
