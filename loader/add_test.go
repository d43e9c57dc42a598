package loader

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const addPage = `<html><head><title>x</title><script type="application/ld+json">{"@type":"JobPosting","title":"Lamp Lighter",
"hiringOrganization":{"name":"Gaslight & Sons"},"datePosted":"2026-11-20","jobLocation":{"address":{"addressLocality":"York"}},
"baseSalary":{"currency":"GBP","value":{"minValue":30000,"maxValue":34000,"unitText":"YEAR"}},"employmentType":"FULL_TIME",
"description":"<p>Light the lamps at dusk.</p>"}</script></head><body></body></html>`

func addServer(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.UserAgent(), "jobdeck") {
			http.Error(w, "no UA", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(addPage))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/good", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>lamp</p>", 1000))
		for sent := 0; sent < 20<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "20971520")
		w.Write([]byte("<p>"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>Light"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestAddFetch(t *testing.T) {
	srv := addServer(t)
	a := Adder{Fetcher: Fetcher{Client: &http.Client{Timeout: 500 * time.Millisecond}}}
	for _, c := range []struct {
		path string
		err  error
		says string
	}{
		{"/good", nil, ""},
		{"/moved", nil, ""},
		{"/loop", ErrFetchRedirects, "more than 5"},
		{"/missing", ErrFetchStatus, "404"},
		{"/huge", ErrFetchTooLarge, "5 MiB"},
		{"/huge-declared", ErrFetchTooLarge, "20 MiB"},
		{"/slow", ErrFetchTimeout, "timed out"},
		{"/image", ErrNotPosting, "image/png"},
	} {
		t.Run(c.path, func(t *testing.T) {
			p, err := a.Read(context.Background(), srv.URL+c.path)
			if c.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if p.Title != "Lamp Lighter" || p.Company != "Gaslight & Sons" || p.URL != srv.URL+"/good" ||
					p.Salary != "GBP 30000–34000 per year" || !strings.Contains(p.Body, "Light the lamps") {
					t.Errorf("posting %+v", p)
				}
				return
			}
			if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("err = %v, want %v saying %q", err, c.err, c.says)
			}
		})
	}
}

func TestAddFetchRefusals(t *testing.T) {
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(addPage)) }))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is expected
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	f := Fetcher{Client: &http.Client{Timeout: 2 * time.Second}}
	if _, err := f.Fetch(context.Background(), tlsSrv.URL); !errors.Is(err, ErrFetchTLS) {
		t.Errorf("untrusted certificate: err = %v, want ErrFetchTLS", err)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://x.example/a", "javascript:alert(1)", "http://"} {
		if _, err := f.Fetch(context.Background(), u); !errors.Is(err, ErrFetchScheme) {
			t.Errorf("%s: err = %v, want ErrFetchScheme", u, err)
		}
	}
}

func TestAddFromStdinFileAndRecord(t *testing.T) {
	dir := t.TempDir()
	a := Adder{Stdin: strings.NewReader("Night Baker\nCompany: Crumb & Co\nLocation: Leeds\n\nBake bread.\n")}
	p, err := a.Read(context.Background(), "-")
	if err != nil || p.Title != "Night Baker" || p.Company != "Crumb & Co" {
		t.Fatalf("stdin text: %+v, %v", p, err)
	}
	a.Stdin = strings.NewReader(addPage)
	if p, err = a.Read(context.Background(), "-"); err != nil || p.Title != "Lamp Lighter" {
		t.Fatalf("stdin HTML: %+v, %v", p, err)
	}
	a.Stdin = strings.NewReader(`{"jobs": [{"legal": "x"}, {"title": "Kite Maker", "company": "Updraft", "description": "Make kites."}]}`)
	if p, err = a.Read(context.Background(), "-"); err != nil || p.Title != "Kite Maker" || !strings.Contains(p.Body, "Make kites.") {
		t.Fatalf("stdin JSON: %+v, %v", p, err)
	}
	a.Stdin = strings.NewReader("   \n")
	if _, err = a.Read(context.Background(), "-"); !errors.Is(err, ErrNotPosting) {
		t.Errorf("blank stdin: err = %v", err)
	}
	if p, err = a.Read(context.Background(), "../testdata/loader/records/lever.json#1"); err != nil || p.Title != "Office Coordinator" || p.Body == "" {
		t.Fatalf("record #1: %+v, %v", p, err)
	}
	if p, err = a.Read(context.Background(), "../testdata/loader/records/remoteok.json"); err != nil || p.Title != "Elixir Developer" {
		t.Fatalf("first record: %+v, %v", p, err)
	}
	if _, err = a.Read(context.Background(), "../testdata/loader/records/package.json"); !errors.Is(err, ErrNotPosting) {
		t.Errorf("package.json: err = %v", err)
	}
	if _, err = a.Read(context.Background(), "../testdata/loader/records/lever.json#9"); !errors.Is(err, ErrNotPosting) {
		t.Errorf("lever.json#9: err = %v", err)
	}
	if _, err = a.Read(context.Background(), filepath.Join(dir, "none.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestWriteAdded(t *testing.T) {
	dir := t.TempDir()
	p, err := Adder{Stdin: strings.NewReader(addPage)}.Read(context.Background(), "-")
	if err != nil {
		t.Fatal(err)
	}
	p.Keywords = []string{"lamps", "night: shift"}
	p.SetCompanyURL("https://gaslight.example/")
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	first, err := WriteAdded(dir, p, now)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(first) != "2026-11-20-gaslight-sons-lamp-lighter.md" {
		t.Errorf("name %s", first)
	}
	second, err := WriteAdded(dir, p, now)
	if err != nil || filepath.Base(second) != "2026-11-20-gaslight-sons-lamp-lighter-2.md" {
		t.Fatalf("second write %s, %v", second, err)
	}
	b, _ := os.ReadFile(first)
	back := Parse("x.md", b)
	if back.Title != p.Title || back.Company != p.Company || back.Location != "York" || !back.Date.Equal(p.Date) ||
		back.Salary != p.Salary || back.EmploymentType != "full-time" || back.CompanyURL() != p.CompanyURL() || strings.Join(back.Keywords, "|") != "lamps|night: shift" ||
		!strings.Contains(back.Body, "Light the lamps") || len(back.Warnings()) != 0 {
		t.Errorf("written file reads back as %+v\n%s", back, b)
	}
	undated := *p
	undated.Date = time.Time{}
	undated.Company = "Café Oriel"
	if n := AddName(&undated, now); n != "2026-12-01-cafe-oriel-lamp-lighter.md" {
		t.Errorf("AddName = %s", n)
	}
}
