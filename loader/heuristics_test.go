package loader

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

func TestParseHNLine(t *testing.T) {
	for _, c := range []struct {
		line string
		want hnFields
		ok   bool
	}{
		{"Acme | Staff Engineer | Berlin | REMOTE | $150k", hnFields{company: "Acme", title: "Staff Engineer", location: "Berlin", remote: true, salary: "$150k"}, true},
		{"Acme Corp (YC W20) | Berlin, Germany | Onsite | Data Scientist | Full-time", hnFields{company: "Acme Corp (YC W20)", title: "Data Scientist", location: "Berlin, Germany", etype: "full-time"}, true},
		{"Acme | Remote | Founding Engineer | 120-150k USD | https://acme.example/jobs", hnFields{company: "Acme", title: "Founding Engineer", remote: true, salary: "120-150k USD", url: "https://acme.example/jobs"}, true},
		{"Acme | Baker | Remote (US only)", hnFields{company: "Acme", title: "Baker", remote: true}, true},
		{"Acme | Baker", hnFields{}, false},
		{"a || b", hnFields{}, false},
		{"| x | y", hnFields{}, false},
		{"Notes: | a | b", hnFields{}, false},
	} {
		got, ok := parseHNLine(c.line)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseHNLine(%q) = %+v, %v; want %+v, %v", c.line, got, ok, c.want, c.ok)
		}
	}
}

func TestHNLineNotATable(t *testing.T) {
	p := Parse("t.md", []byte("Name | Role | Team\n---|---|---\nAda | Engineer | Core\n"))
	if p.Company != "" {
		t.Errorf("a table header read as a hiring line: company %q", p.Company)
	}
	p = Parse("t.txt", []byte("Kestrel Air | Flight Software Engineer | Toulouse\n\nFly.\n"))
	if p.Company != "Kestrel Air" || p.Title != "Flight Software Engineer" || p.Location != "Toulouse" {
		t.Errorf("hiring line: %q %q %q", p.Company, p.Title, p.Location)
	}
}

func TestGuessCompany(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"About the Company: Acme is a bakery.", "Acme"},
		{"About the company\nAcme Robotics builds arms.", "Acme Robotics"},
		{"Come and join the Acme team.", "Acme"},
		{"At Acme, we bake.", "Acme"},
		{"A Acme engineer will bake.", "Acme"},
		{"Join the Acme team. At Acme, we bake.", "Acme"},
		{"Join the Acme team. At Bolt, we bake.", ""},
		{"Join the team. At our shop, we bake.", ""},
		{"At The End, we bake.", ""},
		{"A Senior engineer will bake.", ""},
		{"The company is great.", ""},
		{"what happened at Acme, we wonder", ""},
	} {
		if got := guessCompany(c.text); got != c.want {
			t.Errorf("guessCompany(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestGuessFixtures(t *testing.T) {
	ps, _, err := Load(context.Background(), []Source{{FS: os.DirFS("../testdata/loader/guess"), Root: "."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][6]string{ // company, title, location, salary, url, type
		"hn-line.txt":       {"Brassica Labs", "Senior Backend Engineer", "Lyon, France", "€90k-€110k", "", "full-time"},
		"hn-url.txt":        {"Owlet Cartography", "Map Renderer Developer", "Berlin", "", "https://owlet.example/jobs/4", ""},
		"about-company.txt": {"Pallet & Pine", "Warehouse Automation Engineer", "", "", "", ""},
		"join-team.txt":     {"Mossgrove Clinic", "Night Shift Nurse Scheduler", "", "", "", ""},
		"ambiguous.txt":     {"", "Partner Manager", "", "", "", ""},
		"no-name.txt":       {"", "Support Agent", "", "", "", ""},
	}
	wantGuess := map[string]bool{"about-company.txt": true, "join-team.txt": true}
	for _, p := range ps {
		w, ok := want[p.Path]
		if !ok {
			t.Errorf("unexpected %s", p.Path)
			continue
		}
		got := [6]string{p.Company, p.Title, p.Location, p.Salary, p.URL, p.EmploymentType}
		if got != w {
			t.Errorf("%s: %q, want %q", p.Path, got, w)
		}
		g := slices.ContainsFunc(p.Warnings(), func(s string) bool { return strings.HasPrefix(s, WarnGuessedCompany) })
		if g != wantGuess[p.Path] {
			t.Errorf("%s: guessed warning %v, want %v (%q)", p.Path, g, wantGuess[p.Path], p.Warnings())
		}
	}
	if p := ps[slices.IndexFunc(ps, func(q *model.Posting) bool { return q.Path == "hn-line.txt" })]; !p.Remote {
		t.Errorf("hn-line.txt not remote")
	}
}

// TestNoGuessOnExistingFixtures checks that the company guess and the
// "Who is hiring" line change nothing on the loader's and the demo's
// fixtures: no posting there gets a guessed company.
func TestNoGuessOnExistingFixtures(t *testing.T) {
	for _, dir := range []string{"../testdata/loader/messy", "../testdata/loader/records", "../testdata/loader/pages", "../testdata/demo"} {
		ps, _, err := Load(context.Background(), []Source{{FS: os.DirFS(dir), Root: "."}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			for _, w := range p.Warnings() {
				if strings.HasPrefix(w, WarnGuessedCompany) {
					t.Errorf("%s/%s: %s", dir, p.Path, w)
				}
			}
		}
	}
}

// namesBySearch is companyPattern.names the plain way, one
// strings.Index search after another for each group's key: the
// reference for the one-pass index.
func namesBySearch(cp companyPattern, text string, fn func(string) bool) bool {
	for _, lit := range cp.need {
		if lit[0] == '\n' && strings.HasPrefix(text, lit[1:]) {
			for _, m := range cp.re.FindAllStringSubmatch("\n"+text[:min(len(text), 160)], 1) {
				if !fn(m[1]) {
					return false
				}
			}
		}
	}
	for _, g := range cp.groups() {
		for off := 0; ; {
			i := strings.Index(text[off:], g.key)
			if i < 0 {
				break
			}
			i += off
			off = i + len(g.key)
			for _, lit := range g.lits {
				if strings.HasPrefix(text[i:], lit) && !cp.window(text, i, len(lit), fn) {
					return false
				}
			}
		}
	}
	return true
}

// checkNamesSameAsSearch fails when the names the patterns give on text,
// in order, differ from namesBySearch's.
func checkNamesSameAsSearch(t *testing.T, text string) {
	t.Helper()
	text = text[:min(len(text), guessWindow)]
	at := companyIndex.find(text, nil)
	bit := 0
	for k, cp := range companyPatterns {
		var got, want []string
		groups := companyIndex.pats[k]
		cp.names(text, groups, at, bit, func(n string) bool { got = append(got, n); return true })
		namesBySearch(cp, text, func(n string) bool { want = append(want, n); return true })
		if !slices.Equal(got, want) {
			t.Fatalf("pattern %d on %q: names %q, want %q", k, text, got, want)
		}
		bit += len(groups)
	}
}

func TestGuessNamesSameAsSearch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"About the company: ", "ABOUT US ", "who we are ", "join the ", "Join the ", "JOIN THE ",
		"At ", ". A ", ". An ", ". As a ", "\nA ", "\nAn ", "! A ", "Acme ", "Bolt Labs", " is", " team", ", we ",
		" engineer", "company", "COMPANY", "\n", ". ", "a", " "}
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(parts[r.IntN(len(parts))])
		}
		checkNamesSameAsSearch(t, sb.String())
	}
	for i := range 60 {
		checkNamesSameAsSearch(t, string(corpus.MakeItem(i, 7).Data))
	}
}

func FuzzGuessNames(f *testing.F) {
	f.Add("About the company: Acme is. A Acme engineer")
	f.Add("Join the Acme team. At Acme, we bake.\nAn Acme developer")
	f.Fuzz(func(t *testing.T, s string) {
		checkNamesSameAsSearch(t, s)
	})
}

// BenchmarkGuessCompany is the company guess over the generated postings
// it runs on (those that name no company in a field).
func BenchmarkGuessCompany(b *testing.B) {
	var texts []string
	for i := 0; len(texts) < 300; i++ {
		it := corpus.MakeItem(i, 42)
		p := Parse(it.Name, it.Data)
		guessed := slices.ContainsFunc(p.Warnings(), func(w string) bool { return strings.HasPrefix(w, WarnGuessedCompany) })
		if guessed || p.Company == "" {
			texts = append(texts, string(it.Data))
		}
	}
	i := 0
	for b.Loop() {
		_ = guessCompany(texts[i%len(texts)])
		i++
	}
}
