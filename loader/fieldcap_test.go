package loader

import (
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestLongFieldsAreCutAndKeptInTheBody(t *testing.T) {
	long := func(unit string, n int) string { return strings.Repeat(unit, n) }
	title := long("Sénior ", 20_000) + "Engineer" // 140k characters, multi-byte
	company := long("Ünïcode ", 100)
	url := "https://example.com/" + long("x", 3000)
	var tags []string
	for i := range 80 {
		tags = append(tags, "\""+long(string(rune('a'+i%26)), 60+i)+"\"")
	}
	for name, text := range map[string]string{
		"yaml": "---\ntitle: \"" + title + "\"\ncompany: " + company + "\nlocation: " + long("Berlin ", 50) +
			"\nurl: " + url + "\nsalary: " + long("1", 300) + "\ntype: " + long("full-time ", 20) +
			"\ntags: [" + strings.Join(tags, ", ") + "]\n---\n\nThe body.\n",
		"toml": "+++\ntitle = \"" + title + "\"\ncompany = \"" + company + "\"\nurl = \"" + url + "\"\n+++\n\nThe body.\n",
		"json": "{\n\"title\": \"" + title + "\",\n\"company\": \"" + company + "\",\n\"url\": \"" + url + "\"\n}\n\nThe body.\n",
	} {
		p := Parse("long.md", []byte(text))
		checkCaps(t, p)
		if utf8.RuneCountInString(p.Title) != MaxTitle || !strings.HasPrefix(p.Title, "Sénior Sénior") || !strings.HasSuffix(p.Title, "…") {
			t.Errorf("%s: title %d characters %.30q…, want %d ending in …", name, utf8.RuneCountInString(p.Title), p.Title, MaxTitle)
		}
		if !utf8.ValidString(p.Title) || !utf8.ValidString(p.Company) {
			t.Errorf("%s: a field was cut inside a character", name)
		}
		if !hasWarning(p.Warnings(), WarnFieldsCut+": title") {
			t.Errorf("%s: warnings %q", name, p.Warnings())
		}
		if !strings.Contains(p.Body, title) || !strings.Contains(p.Body, "The body.") {
			t.Errorf("%s: the body lost the full title or its text (%d bytes)", name, len(p.Body))
		}
		if p.URL != "" || p.ID != hashID("url:", normalizeURL(url)) || !strings.Contains(p.Body, `https\:\/\/example\.com\/xxx`) {
			t.Errorf("%s: a URL over the cap is dropped, gives the ID and stays in the body; got %.40q, ID %s", name, p.URL, p.ID)
		}
	}
	p := Parse("yaml.md", []byte("---\ntitle: T\ntags: ["+strings.Join(tags, ", ")+"]\n---\n"))
	if len(p.Keywords) != MaxKeywords || p.Keywords[0] != long("a", MaxKeyword-1)+"…" || !strings.Contains(p.Body, tags[79][1:80]) {
		t.Errorf("keywords %d, first %q; want %d cut to %d characters, all of them in the body", len(p.Keywords), p.Keywords[0], MaxKeywords, MaxKeyword)
	}
}

func TestShortFieldsAreKeptAsTheyAre(t *testing.T) {
	p := Parse("ok.md", []byte("---\ntitle: "+strings.Repeat("é", MaxTitle)+"\ncompany: Acme\n---\n\nBody.\n"))
	if utf8.RuneCountInString(p.Title) != MaxTitle || strings.HasSuffix(p.Title, "…") || len(p.Warnings()) > 0 || p.Body != "Body.\n" {
		t.Errorf("title %q, warnings %q, body %q: a field at its cap is not cut", p.Title, p.Warnings(), p.Body)
	}
}

func TestBodyReadAgainHoldsTheFullFields(t *testing.T) {
	title := strings.Repeat("Lead ", 1000)
	fsys := fstest.MapFS{"long.md": {Data: []byte("---\ntitle: " + title + "\n---\n\nBody.\n")}}
	p := parse("long.md", fsys["long.md"].Data, false)
	p.Source, p.SourcePath = fsys, "long.md"
	body, err := Body(p, 0)
	if err != nil || !strings.Contains(body, strings.TrimSpace(title)) {
		t.Errorf("Body = %.60q…, %v; want the full title in it", body, err)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	if got := escapeMarkdown("*a* [b](c) <d> `e` é"); got != `\*a\* \[b\]\(c\) \<d\> \`+"`"+`e\`+"`"+` é` {
		t.Errorf("escapeMarkdown = %q", got)
	}
}

func TestAnEightHundredKilobyteTitleIsCut(t *testing.T) {
	title := strings.Repeat("Sénior ", 100_000) + "Engineer"
	p := Parse("huge.md", []byte("---\ntitle: "+title+"\ncompany: Acme\n---\n\nBody.\n"))
	checkCaps(t, p)
	if !hasWarning(p.Warnings(), WarnFieldsCut+": title") || !strings.Contains(p.Body, title) || p.Company != "Acme" {
		t.Errorf("title %.20q… warnings %q, body of %d bytes", p.Title, p.Warnings(), len(p.Body))
	}
}
