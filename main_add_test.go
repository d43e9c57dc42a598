package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddCommand(t *testing.T) {
	isolate(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/job" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><script type="application/ld+json">{"@type":"JobPosting","title":"Clock Winder",
"hiringOrganization":"Tick & Tock","datePosted":"2026-11-02","description":"<p>Wind the clocks.</p>"}</script></head></html>`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	run := func(stdin string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := runAdd(args, strings.NewReader(stdin), &out, &errb, srv.Client())
		return code, out.String(), errb.String()
	}

	code, out, errOut := run("", "--to", dir, "--dry-run", srv.URL+"/job")
	if code != exitOK || !strings.Contains(out, "would write "+filepath.Join(dir, "2026-11-02-tick-tock-clock-winder.md")) || !strings.Contains(out, "company:  Tick & Tock") {
		t.Fatalf("dry run: %d %q %q", code, out, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("dry run wrote %v", entries)
	}

	code, out, errOut = run("", srv.URL+"/job", "--to", dir)
	want := filepath.Join(dir, "2026-11-02-tick-tock-clock-winder.md")
	if code != exitOK || !strings.HasPrefix(out, "added "+want+"\n") {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	b, err := os.ReadFile(want)
	if err != nil || !strings.Contains(string(b), "title: Clock Winder") || !strings.Contains(string(b), "Wind the clocks.") {
		t.Fatalf("file: %q %v", b, err)
	}

	code, _, errOut = run("", "--to", dir, srv.URL+"/gone")
	if code != exitFailure || !strings.Contains(errOut, "404") {
		t.Errorf("404: %d %q", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed add wrote something: %v", entries)
	}

	code, out, _ = run("Tea Taster\nCompany: Leafwell\n\nTaste tea.\n", "--to", dir)
	if code != exitOK || !strings.Contains(out, "leafwell-tea-taster.md") {
		t.Errorf("stdin: %d %q", code, out)
	}
	if code, _, _ = run("", "a", "b"); code != exitUsage {
		t.Errorf("two inputs: exit %d", code)
	}
}
