package loader

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

// TestLongFieldsAreCutInEveryFormat: records of JSON, JSON Lines and CSV
// files and web pages get the field caps too, the company's link with
// the other URLs, and the body read again holds the full text.
func TestLongFieldsAreCutInEveryFormat(t *testing.T) {
	title := strings.Repeat("Senior ", 100) + "Weaver"
	site := "https://loom.example/" + strings.Repeat("a", MaxURL)
	fsys := fstest.MapFS{
		"jobs.json":  {Data: []byte(`[{"title": "` + title + `", "company": "Loom", "company_url": "` + site + `", "url": "https://loom.example/1", "description": "Weave."}]`)},
		"jobs.jsonl": {Data: []byte(`{"title": "` + title + `", "company": "Loom", "url": "https://loom.example/2", "description": "Weave."}` + "\n")},
		"jobs.csv":   {Data: []byte("title,company,url,description\n\"" + title + "\",Loom,https://loom.example/3,Weave.\n")},
		"page.html": {Data: []byte(`<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": "` + title +
			`", "hiringOrganization": {"name": "Loom", "sameAs": "` + site + `"}, "url": "https://loom.example/4", "description": "<p>Weave.</p>"}</script></head></html>`)},
	}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "."}}, Options{})
	if err != nil || len(skips) != 0 || len(ps) != 4 {
		t.Fatalf("%d postings, skips %v, err %v", len(ps), skips, err)
	}
	for _, p := range ps {
		if n := utf8.RuneCountInString(p.Title); n != MaxTitle {
			t.Errorf("%s: title of %d characters, want %d", p.Path, n, MaxTitle)
		}
		if p.CompanyURL() != "" {
			t.Errorf("%s: company URL of %d bytes kept", p.Path, len(p.CompanyURL()))
		}
		warned := false
		for _, w := range p.Warnings() {
			warned = warned || strings.HasPrefix(w, WarnFieldsCut)
		}
		if !warned {
			t.Errorf("%s: warnings %q, want %q", p.Path, p.Warnings(), WarnFieldsCut)
		}
		b, err := Body(p, 0)
		if err != nil || !strings.Contains(b, "Weave.") || !strings.Contains(b, escapeMarkdown(title)) {
			t.Errorf("%s: body %.200q, %v; want the description and the full title", p.Path, b, err)
		}
	}
}
