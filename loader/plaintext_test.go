package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestTitleFromName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"senior-go-dev_2.txt", "Senior Go Dev 2"},
		{"jobs/backend engineer.md", "Backend Engineer"},
		{"002_71463f877dbb845b.txt", "Untitled posting (002_71463f877dbb845b)"},
		{"123456789012.txt", "Untitled posting (123456789012)"},
		{"42.txt", "Untitled posting (42)"},
		{"über-role.md", "Über Role"},
		{"", "Untitled posting"},
		{"deadbeef-role.md", "Deadbeef Role"}, // hex letters only: a word, not a hash
	} {
		if got := titleFromName(c.in); got != c.want {
			t.Errorf("titleFromName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsSectionWord(t *testing.T) {
	for _, s := range []string{"Requirements", "Requirements:", "RESPONSIBILITIES", "Responsibilites",
		"Expirience", "Experiance:", "About Us", "About the company", "Job Description", "Qualifications:", "## Benefits"} {
		if !isSectionWord(s) {
			t.Errorf("isSectionWord(%q) = false", s)
		}
	}
	for _, s := range []string{"Senior Go Developer", "Backend Engineer", "Rolex watchmaker", "Data Engineer (Remote)"} {
		if isSectionWord(s) {
			t.Errorf("isSectionWord(%q) = true", s)
		}
	}
}

func TestPlainTitle(t *testing.T) {
	for _, c := range []struct {
		text string
		want string
	}{
		{"\n\nGo Developer\n\nText", "Go Developer"},
		{"Requirements\n- Go", ""},
		{"• first item\nmore", ""},
		{"1. first\n", ""},
		{"Company: Acme\nRole", ""},
		{strings.Repeat("word ", 40), ""},
		{"Title: with colon inside", "Title: with colon inside"},
	} {
		got, _ := plainTitle(c.text)
		if c.text == "Title: with colon inside" {
			// "Title:" is an alias key: the key/value scan fills the
			// title instead, so plainTitle declines.
			c.want = ""
		}
		if got != c.want {
			t.Errorf("plainTitle(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestPlainToMarkdown(t *testing.T) {
	in := "Role Name\n\nIntro line one\nintro line two\n\nWhat we offer\n\n  • Tea\n  – Cake\n  · Naps\n3) third\n\n" +
		"> not a quote\n# not a heading\n---\n<b>not html</b>\n\nThanks, and goodbye.\n"
	got := plainToMarkdown(strings.Split(in, "\n"), 0)
	want := "# Role Name\n\nIntro line one  \nintro line two\n\n## What we offer\n\n- Tea\n- Cake\n- Naps\n3. third\n\n" +
		"\\> not a quote  \n\\# not a heading  \n\\---  \n\\<b>not html\\</b>\n\nThanks, and goodbye.\n"
	if got != want {
		t.Errorf("plainToMarkdown:\n got %q\nwant %q", got, want)
	}
}

func TestMarkdownTitle(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"intro\n\n# The Title #\n", "The Title"},
		{"Setext Title\n============\n", "Setext Title"},
		{"```\n# not a title\n```\n# Real\n", "Real"},
		{"## Only h2\n", ""},
	} {
		if got := markdownTitle(c.in); got != c.want {
			t.Errorf("markdownTitle(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestKeyValueLinesInPlainText(t *testing.T) {
	p := Parse("x.txt", []byte("Night Baker\n\nRole: You will bake bread at night and sing to the dough while it rises slowly in the warm back room.\n"+
		"Company: Crumb & Co\nLocation: Remote\nSalary: 30 loaves a week\nTags: bread, night\nType: Part-time\nLink: https://crumb.example/jobs/7\n"))
	if p.Title != "Night Baker" || p.Company != "Crumb & Co" || p.Location != "Remote" || !p.Remote ||
		p.Salary != "30 loaves a week" || p.EmploymentType != "part-time" || p.URL != "https://crumb.example/jobs/7" ||
		strings.Join(p.Keywords, "|") != "bread|night" {
		t.Errorf("got %+v", p)
	}
	if q := Parse("y.txt", []byte("Job Title: Pastry Lead\nCompany: Crumb & Co\n")); q.Title != "Pastry Lead" {
		t.Errorf("title from a Job Title line = %q", q.Title)
	}
}

// editDistance is the Levenshtein distance of a and b, the reference
// withinEdits is checked against.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestWithinEditsSameAsEditDistance(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcr e"[r.IntN(6)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, k := word(r.IntN(14)), word(r.IntN(14)), r.IntN(4)
		if got, want := withinEdits(a, b, k), editDistance(a, b) <= k; got != want {
			t.Fatalf("withinEdits(%q, %q, %d) = %v, want %v", a, b, k, got, want)
		}
	}
	if withinEdits(strings.Repeat("a", 65), strings.Repeat("a", 65), 2) {
		t.Error("withinEdits accepted strings over 64 bytes")
	}
}
