package loader_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"golang.org/x/net/html"

	"github.com/jobdeck/jobdeck/loader"
)

const pagesBenchVersion = "1"

// benchPage is a generated saved job page of about 100 KB: inline
// scripts and styles, navigation, a JSON-LD JobPosting on even i, and
// the posting's text.
func benchPage(i int) string {
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html><html><head><meta charset=utf-8><title>Job " + fmt.Sprint(i) + " | Careers</title>\n")
	sb.WriteString("<style>" + strings.Repeat(".c{color:#333;margin:0 auto;padding:4px 8px}\n", 300) + "</style>\n")
	sb.WriteString("<script>" + strings.Repeat("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\n", 400) + "</script>\n")
	desc := strings.Repeat("<p>You will keep the ovens of our bakery ledger hot, and write Go that settles every loaf.</p>", 40)
	if i%2 == 0 {
		fmt.Fprintf(&sb, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Baker %d","datePosted":"2026-10-%02d",`+
			`"hiringOrganization":{"@type":"Organization","name":"Crumbwell"},"jobLocation":{"@type":"Place","address":{"addressLocality":"Leeds","addressCountry":"UK"}},`+
			`"employmentType":"FULL_TIME","url":"https://crumbwell.example/jobs/%d","description":%q}</script>`+"\n", i, 1+i%28, i, desc)
	}
	sb.WriteString("</head><body><header><nav>" + strings.Repeat(`<a href="https://crumbwell.example/x">Link</a> `, 100) + "</nav></header><main><h1>Baker</h1>")
	sb.WriteString(strings.Repeat("<p>We bake bread at night and sing to the dough while it rises. <b>Flour</b> everywhere.</p>\n", 300))
	sb.WriteString("</main><footer>Crumbwell</footer></body></html>\n")
	return sb.String()
}

// benchPages returns a folder of n generated pages, written once into
// os.TempDir() and reused.
func benchPages(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("jobdeck-bench-pages-%d", n))
	marker := filepath.Join(dir, ".complete")
	if got, err := os.ReadFile(marker); err == nil && string(got) == pagesBenchVersion {
		return dir
	}
	b.Logf("writing %d pages to %s (once)", n, dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("job-%04d.html", i)), []byte(benchPage(i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(marker, []byte(pagesBenchVersion), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkLoadPages1000 loads 1,000 pages of ~100 KB (metadata only, as
// the browser does); compare with BenchmarkCatPages1000.
func BenchmarkLoadPages1000(b *testing.B) {
	srcs, err := loader.SourcesFromPaths([]string{benchPages(b, 1000)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ps, _, err := loader.Load(context.Background(), srcs, loader.Options{})
		if err != nil || len(ps) != 1000 {
			b.Fatal(len(ps), err)
		}
	}
}

// BenchmarkCatPages1000 is the floor: reading the same files as cat does.
func BenchmarkCatPages1000(b *testing.B) {
	dir := benchPages(b, 1000)
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 128<<10)
	for b.Loop() {
		for _, e := range entries {
			f, err := os.Open(filepath.Join(dir, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			_, err = io.CopyBuffer(io.Discard, struct{ io.Reader }{f}, buf)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkPageBody is one page's body (no JSON-LD: the whole main text)
// through the loader: parse, prune, html-to-markdown, cleaning.
func BenchmarkPageBody(b *testing.B) {
	page := []byte(benchPage(1))
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if p := loader.Parse("job.html", page); p.Body == "" {
			b.Fatal("no body")
		}
	}
}

// BenchmarkPageParseOnly is golang.org/x/net/html's parse alone of the
// same page: the floor of any converter built on it.
func BenchmarkPageParseOnly(b *testing.B) {
	page := benchPage(1)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := html.Parse(strings.NewReader(page)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageLibraryOnly is html-to-markdown's own ConvertString on the
// same page (parse and convert, nothing pruned first).
func BenchmarkPageLibraryOnly(b *testing.B) {
	page := benchPage(1)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := htmltomarkdown.ConvertString(page); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageMeta is one page's parse without its body, as the browser
// loads it: odd pages have no JSON-LD (the ID from the page's text), even
// ones have.
func BenchmarkPageMeta(b *testing.B) {
	for _, i := range []int{0, 1} {
		page := []byte(benchPage(i))
		b.Run(fmt.Sprint("jsonld=", i%2 == 0), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if loader.ParseMeta("job.html", page) == nil {
					b.Fatal("no posting")
				}
			}
		})
	}
}
