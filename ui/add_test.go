package ui

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/loader"
)

// addPage is a job page with a schema.org JobPosting, as a board serves it.
const addPage = `<!DOCTYPE html><html><head><title>Kiln Operator | Emberlake</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Kiln Operator",
"hiringOrganization":{"@type":"Organization","name":"Emberlake Ceramics"},"datePosted":"2026-11-20",
"jobLocation":{"@type":"Place","address":{"addressLocality":"Stoke","addressCountry":"UK"}},
"description":"<p>Fire the kilns \u001b[31mat night</p>"}</script></head><body><h1>Kiln Operator</h1></body></html>`

// addTestModel is the browser with the fixture loaded and the add key
// writing into a new folder (made by the add) whose URLs go to srv.
func addTestModel(t *testing.T, srv *httptest.Server) (*Model, string) {
	t.Helper()
	m := newTestModel(t, 120, 40, fixture())
	dir := filepath.Join(t.TempDir(), "inbox")
	var client *http.Client
	if srv != nil {
		client = srv.Client()
	}
	m.add = adding{dir: dir, adder: loader.Adder{Fetcher: loader.Fetcher{Client: client}}}
	m.syncKeys()
	return m, dir
}

// addServer serves addPage at /job and a 404 elsewhere.
func addServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/job" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(addPage))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// written returns the files in dir.
func written(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestAddFromPastedURL(t *testing.T) {
	srv := addServer(t)
	m, dir := addTestModel(t, srv)
	before := collection(m).Len()
	send(t, m, kp("A"))
	if _, ok := openOverlay(m).(*addOverlay); !ok {
		t.Fatalf("A opened %T, want the add prompt", openOverlay(m))
	}
	send(t, m, tea.PasteMsg{Content: srv.URL + "/job"})
	if openOverlay(m) == nil {
		t.Fatal("a one-line paste closed the prompt: the URL should wait for enter")
	}
	send(t, m, kp("enter"))
	if openOverlay(m) != nil {
		t.Fatal("enter left the prompt open")
	}
	files := written(t, dir)
	if len(files) != 1 || !strings.HasSuffix(files[0], "-emberlake-ceramics-kiln-operator.md") {
		t.Fatalf("files written %q", files)
	}
	data, err := os.ReadFile(filepath.Join(dir, files[0]))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "url: "+srv.URL+"/job") || strings.Contains(string(data), "\x1b") {
		t.Errorf("the file holds no URL, or an escape:\n%s", data)
	}
	if collection(m).Len() != before+1 {
		t.Fatalf("the collection holds %d postings, want %d", collection(m).Len(), before+1)
	}
	p := selected(m)
	if p == nil || p.Title != "Kiln Operator" || p.Company != "Emberlake Ceramics" {
		t.Fatalf("selected %+v, want the added posting", p)
	}
	if p.Path != filepath.ToSlash(filepath.Join(dir, files[0])) || p.ID == "" {
		t.Errorf("the posting was not read back as the loader would: path %q id %q", p.Path, p.ID)
	}
	if got := flashText(m); !strings.Contains(got, "added ") || flashIsErr(m) {
		t.Errorf("status %q", got)
	}
	// The same link again is written (as jobdeck add does) but listed once.
	send(t, m, kp("A"), tea.PasteMsg{Content: srv.URL + "/job"}, kp("enter"))
	if collection(m).Len() != before+1 || !strings.Contains(flashText(m), "already listed") {
		t.Errorf("a second add of the link: %d postings, status %q", collection(m).Len(), flashText(m))
	}
}

func TestAddFromPastedText(t *testing.T) {
	m, dir := addTestModel(t, nil)
	send(t, m, kp("A"))
	text := "Glaze Chemist\nCompany: Emberlake Ceramics\nLocation: Stoke, UK\n\nMix glazes that survive the kiln.\x1b]52;c;aGk=\x07\n"
	send(t, m, tea.PasteMsg{Content: text})
	if openOverlay(m) != nil {
		t.Fatal("a posting pasted whole did not close the prompt")
	}
	files := written(t, dir)
	if len(files) != 1 {
		t.Fatalf("files written %q", files)
	}
	p := selected(m)
	if p == nil || p.Title != "Glaze Chemist" || p.Company != "Emberlake Ceramics" {
		t.Fatalf("selected %+v", p)
	}
	if strings.ContainsAny(m.View().Content, "\x07") || strings.Contains(m.View().Content, "]52;") {
		t.Error("the pasted escape sequence reached the screen")
	}
}

func TestAddFailureWritesNothing(t *testing.T) {
	srv := addServer(t)
	for _, tc := range []struct {
		name string
		msgs []tea.Msg
		want string
	}{
		{"a 404", []tea.Msg{tea.PasteMsg{Content: srv.URL + "/gone"}, kp("enter")}, "404"},
		{"no posting in the text", []tea.Msg{tea.PasteMsg{Content: "\x00\x01\n\x00\x02"}}, "not added"},
		{"cancelled", []tea.Msg{typeKeys("https://x.example/j"), kp("esc")}, "nothing added"},
		{"empty", []tea.Msg{kp("enter")}, "nothing to add"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, dir := addTestModel(t, srv)
			before := collection(m).Len()
			send(t, m, kp("A"))
			send(t, m, tc.msgs...)
			if openOverlay(m) != nil {
				t.Fatal("the prompt is still open")
			}
			if files := written(t, dir); len(files) != 0 {
				t.Errorf("wrote %q", files)
			}
			if collection(m).Len() != before {
				t.Errorf("the collection grew")
			}
			if got := flashText(m); !strings.Contains(got, tc.want) {
				t.Errorf("status %q, want it to say %q", got, tc.want)
			}
		})
	}
}

// typeKeys is a paste of one line, as a terminal sends typed text fast.
func typeKeys(s string) tea.Msg { return tea.PasteMsg{Content: s} }

func TestAddKeyOffWithoutFolder(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	send(t, m, kp("A"))
	if openOverlay(m) != nil {
		t.Fatal("A opened a prompt with no folder to add to")
	}
	if keysOf(m).AddPosting.Enabled() {
		t.Error("the add key is on with no folder to add to")
	}
}

func TestGoldenAddPrompt(t *testing.T) {
	m, _ := addTestModel(t, nil)
	send(t, m, size(80, 24), kp("A"))
	typeText(t, m, "https://jobs.example/kiln")
	golden(t, m, "add_prompt_80x24")
}

// New wires the add key from Config: the folder, the fetcher and the
// loader's field aliases.
func TestAddWiredFromConfig(t *testing.T) {
	srv := addServer(t)
	dir := t.TempDir()
	m := New(Config{Style: "dark", AddDir: dir, Fetcher: loader.Fetcher{Client: srv.Client()}})
	setClock(m, func() time.Time { return testNow }, noTick)
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	send(t, m, kp("A"), tea.PasteMsg{Content: srv.URL + "/job"}, kp("enter"))
	if files := written(t, dir); len(files) != 1 {
		t.Fatalf("files written %q (status %q)", files, flashText(m))
	}
	if p := selected(m); p == nil || p.Title != "Kiln Operator" {
		t.Fatalf("selected %+v", p)
	}
	if !strings.HasPrefix(written(t, dir)[0], testNow.Format("2006-01-02")) {
		t.Errorf("the file is not named for the injected clock's day: %q", written(t, dir))
	}
}
