package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"unsafe"

	"github.com/jobdeck/jobdeck/loader/corpus"
	"github.com/jobdeck/jobdeck/model"
)

// longFields are files whose fields go over their caps, in every way a
// field can be set: frontmatter, "key: value" lines of a plain file, a
// plain file's first line as its title, keywords too many or too long.
var longFields = []struct{ name, text string }{
	{"long.md", "---\ntitle: " + strings.Repeat("Engineer ", 50) + "\ncompany: " + strings.Repeat("Acme ", 80) +
		"\nlocation: " + strings.Repeat("Berlin ", 40) + "\nsalary: " + strings.Repeat("€1 ", 90) +
		"\nurl: https://x.example/" + strings.Repeat("a", 2100) + "\n---\n# Role\n\nWe build things.\n"},
	{"kw.md", "---\ntitle: Dev\nkeywords: [" + strings.Repeat("go, ", 60) + strings.Repeat("k", 70) + "]\n---\nBody *here*.\n"},
	{"plain.txt", strings.Repeat("Senior Staff Principal ", 20) + "\n\nCompany: " + strings.Repeat("Big ", 90) +
		"\nLocation: Remote\n\n- first\n- second\n"},
	{"short.txt", "Go Developer\n\nAcme is hiring.\n\n* one <b>bold</b>\n"},
	{"raw.md", "---\ntitle: [unclosed\ncompany: " + strings.Repeat("C", 400) + "\n---\nbody\n"},
	{"unclosed.md", "---\ntitle: " + strings.Repeat("T", 400) + "\nbody without a close\n"},
	{"contained.md", "---\ntitle: " + strings.Repeat("Same ", 70) + "\n---\n" + strings.Repeat("Same ", 70) + "\n"},
	{"page.html", "<html><head><title>" + strings.Repeat("Long ", 80) + "</title></head><body><p>Hi</p></body></html>"},
}

// bodySeeds calls add with the loader's fixtures, generated corpus files
// of every shape, and longFields.
func bodySeeds(add func(name string, data []byte)) {
	root := os.DirFS("../testdata/loader")
	_ = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := fs.ReadFile(root, p); err == nil {
				add(p, b)
			}
		}
		return nil
	})
	for i := range 60 { // every shape, ten times
		it := corpus.MakeItem(i, 11)
		add(it.Name, it.Data)
	}
	for _, lf := range longFields {
		add(lf.name, []byte(lf.text))
	}
}

// checkBodyOnly fails when the body-only parse of data differs from the
// body of the full parse.
func checkBodyOnly(t *testing.T, name string, data []byte) {
	t.Helper()
	want := parseFile(name, data, true, scan(data), nil, DefaultMaxBody, nil).Body
	got := bodyOf(name, data, DefaultMaxBody)
	if got != want {
		t.Errorf("%s: the body-only parse gives\n%q\nthe full parse\n%q", name, got, want)
	}
	if len(data) > 0 && sharesMemory(got, unsafe.String(unsafe.SliceData(data), len(data))) {
		t.Errorf("%s: the body shares the file's buffer", name)
	}
	if shared := sharedBodyOf(name, data, DefaultMaxBody); shared != want {
		t.Errorf("%s: the body-only parse sharing the buffer gives\n%q\nthe full parse\n%q", name, shared, want)
	}
}

// TestBodyOnlyIsTheFullParsesBody: for every fixture, generated file and
// file of long fields, the body-only parse gives the full parse's body —
// with what the caps cut added — and Body gives it from a file.
func TestBodyOnlyIsTheFullParsesBody(t *testing.T) {
	n, cut := 0, 0
	bodySeeds(func(name string, data []byte) {
		n++
		checkBodyOnly(t, name, data)
		for _, w := range Parse(name, data).Warnings() {
			if strings.HasPrefix(w, WarnFieldsCut) {
				cut++
			}
		}
	})
	if n < 60 || cut < 4 {
		t.Errorf("%d files, %d with fields cut: the test wants more of both", n, cut)
	}
	for i, lf := range longFields {
		p := &model.Posting{Source: fstest.MapFS{lf.name: {Data: []byte(lf.text)}}, SourcePath: lf.name}
		got, err := Body(p, 0)
		if want := Parse(lf.name, []byte(lf.text)).Body; err != nil || got != want {
			t.Errorf("Body of long field file %d = %q, %v; want %q", i, got, err, want)
		}
	}
}

// TestBorrowBody: BorrowBody gives Body's body, from the read buffer
// itself for a markdown file that ends its text with a newline, with the
// version of the file it read; a posting without a file gives nothing to
// give back.
func TestBorrowBody(t *testing.T) {
	files := fstest.MapFS{}
	bodySeeds(func(name string, data []byte) { files[name] = &fstest.MapFile{Data: data} })
	for name := range files {
		p := &model.Posting{Source: files, SourcePath: name}
		want, werr := Body(p, 0)
		got, err := BorrowBody(p, 0)
		if got.Body != want || (err == nil) != (werr == nil) {
			t.Errorf("%s: BorrowBody = %q, %v; Body = %q, %v", name, got.Body, err, want, werr)
		}
		got.Release()
	}
	md := "---\ntitle: Dev\n---\n\n# Dev\n\nWe build things.\n"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := SourcesFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	p := &model.Posting{Source: srcs[0].FS, SourcePath: "a.md"}
	b, err := BorrowBody(p, 0)
	if err != nil || b.Body != "# Dev\n\nWe build things.\n" || b.buf == nil || !inBytes(b.Body, *b.buf) {
		t.Errorf("BorrowBody(a.md) = %q, %v: want the body in the read buffer", b.Body, err)
	}
	want := FileVersion{Size: fi.Size(), ModTime: fi.ModTime().UnixNano(), Known: true}
	if runtime.GOOS == "linux" && b.File != want {
		t.Errorf("BorrowBody(a.md) read version %+v, the file has %+v", b.File, want)
	}
	b.Release()
	kept, err := BorrowBody(&model.Posting{Body: "kept"}, 0)
	if kept.Body != "kept" || err != nil || kept.buf != nil || kept.File.Known {
		t.Errorf("BorrowBody of a kept body = %+v, %v", kept, err)
	}
	kept.Release()
}

// TestTrimBlankLinesShared: trimBlankLinesShared gives trimBlankLines's
// text, as part of its argument when that has the final newline.
func TestTrimBlankLinesShared(t *testing.T) {
	for _, c := range []struct {
		in     string
		shared bool
	}{
		{"", false}, {"\n", false}, {" \n\t\n", false}, {"a", false}, {"a\n", true},
		{"\n\n  \na b\n\n", true}, {"a \t", false}, {"a  \n", false}, {"x\n\ny\n\n\n", true}, {"\t\nz", false},
	} {
		got, want := trimBlankLinesShared(c.in), trimBlankLines(c.in)
		if got != want {
			t.Errorf("trimBlankLinesShared(%q) = %q, want %q", c.in, got, want)
		}
		if shared := got != "" && sharesMemory(got, c.in); shared != c.shared {
			t.Errorf("trimBlankLinesShared(%q) shares the memory of its argument: %v, want %v", c.in, shared, c.shared)
		}
	}
}

// FuzzBodyOnly checks on any input that the body-only parse gives the
// full parse's body. Its seeds (bodySeeds and a few traps) run in every
// `go test`.
func FuzzBodyOnly(f *testing.F) {
	bodySeeds(func(name string, data []byte) { f.Add(name, data) })
	for _, s := range []string{"", "---", "---\n---\n", "{\n\"title\": \"" + strings.Repeat("x", 350) + "\"\n}\n\nbody",
		"+++\ntitle = \"" + strings.Repeat("y", 310) + "\"\n+++\nbody", "\xEF\xBB\xBFâ€™ mojibake " + strings.Repeat("z", 320)} {
		f.Add("fuzz.txt", []byte(s))
		f.Add("fuzz.md", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		checkBodyOnly(t, name, data)
	})
}
