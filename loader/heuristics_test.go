package loader

import (
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

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

// checkIndexAnchored fails when indexAnchored differs from strings.Index
// for any anchor of key.
func checkIndexAnchored(t *testing.T, s, key string) {
	t.Helper()
	want := strings.Index(s, key)
	for a := range len(key) {
		if got := indexAnchored(s, key, a); got != want {
			t.Fatalf("indexAnchored(%q, %q, %d) = %d, want %d", s, key, a, got, want)
		}
	}
}

func TestIndexAnchoredSameAsIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		s := make([]byte, r.IntN(40))
		for i := range s {
			s[i] = "ab. A\n"[r.IntN(6)]
		}
		key := make([]byte, 1+r.IntN(4))
		for i := range key {
			key[i] = "ab. A\n"[r.IntN(6)]
		}
		checkIndexAnchored(t, string(s), string(key))
	}
	for _, cp := range companyPatterns {
		for _, lit := range cp.need {
			if a := rarestByte(lit); a < 0 || a >= len(lit) {
				t.Errorf("rarestByte(%q) = %d", lit, a)
			}
		}
	}
}

func FuzzIndexAnchored(f *testing.F) {
	f.Add("About the company: Acme is. A Acme engineer", "ompany")
	f.Fuzz(func(t *testing.T, s, key string) {
		if key != "" {
			checkIndexAnchored(t, s, key)
		}
	})
}
