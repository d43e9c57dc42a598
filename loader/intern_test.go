package loader

import (
	"testing"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

func TestInternFieldsSharesWhatPostingsShare(t *testing.T) {
	mk := func() *model.Posting {
		return &model.Posting{
			Title:    string([]byte("Backend Engineer")),
			Company:  string([]byte("Acme")),
			Location: string([]byte("Berlin")),
			Keywords: []string{string([]byte("go")), string([]byte("sql"))},
			URL:      string([]byte("https://jobs.example/1")),
			ApplyURL: string([]byte("https://jobs.example/1/apply")),
		}
	}
	a, b := mk(), mk()
	internFields(a)
	internFields(b)
	same := func(x, y string) bool { return unsafe.StringData(x) == unsafe.StringData(y) }
	for _, f := range []struct{ name, x, y string }{
		{"title", a.Title, b.Title}, {"company", a.Company, b.Company}, {"location", a.Location, b.Location},
		{"keyword", a.Keywords[1], b.Keywords[1]},
	} {
		if f.x != f.y || !same(f.x, f.y) {
			t.Errorf("%s: %q and %q are two copies", f.name, f.x, f.y)
		}
	}
	if a.URL != "https://jobs.example/1" || a.ApplyURL != "https://jobs.example/1/apply" {
		t.Fatalf("URLs changed: %q %q", a.URL, a.ApplyURL)
	}
	if !same(a.URL, a.ApplyURL) {
		t.Error("the URL is not part of the apply URL that begins with it")
	}
	if same(a.URL, b.URL) {
		t.Error("one posting's own URL was shared with another's")
	}
}
