package loader

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSymlinkLoopAndFollowedLinks(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "a.md"), "# Alpha\n")
	write(t, filepath.Join(dir, "elsewhere", "b.md"), "# Beta\n")
	write(t, filepath.Join(dir, "elsewhere", "target.txt"), "Gamma Role\n\nCompany: Linked Ltd\n")
	mustSymlink(t, "../real", filepath.Join(dir, "real", "loop"))                           // loops back to the root
	mustSymlink(t, "../elsewhere", filepath.Join(dir, "real", "linked"))                    // a second way in
	mustSymlink(t, filepath.Join(dir, "nowhere.md"), filepath.Join(dir, "real", "dead.md")) // broken
	mustSymlink(t, "../elsewhere/target.txt", filepath.Join(dir, "real", "file-link.txt"))  // file link

	srcs, err := SourcesFromPaths([]string{filepath.Join(dir, "real")})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var titles []string
	var skips []Skip
	go func() {
		defer close(done)
		ps, sk, err := Load(context.Background(), srcs, Options{})
		if err != nil {
			t.Error(err)
		}
		for _, p := range ps {
			titles = append(titles, p.Title)
		}
		skips = sk
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("load hangs on a symlink loop")
	}
	slices.Sort(titles)
	if want := []string{"Alpha", "Beta", "Gamma Role"}; !slices.Equal(titles, want) {
		t.Errorf("titles = %q, want %q", titles, want)
	}
	reasons := map[string]string{}
	for _, s := range skips {
		reasons[filepath.Base(s.Path)] = s.Reason
	}
	if r := reasons["loop"]; r != ReasonLoop {
		t.Errorf("loop skip reason = %q, want %q (skips %v)", r, ReasonLoop, skips)
	}
	if r := reasons["dead.md"]; !strings.HasPrefix(r, ReasonBrokenLink) {
		t.Errorf("broken link reason = %q (skips %v)", r, skips)
	}
}

func mustSymlink(t *testing.T, old, new string) {
	t.Helper()
	if err := os.Symlink(old, new); err != nil {
		t.Fatalf("symlink: %v", err)
	}
}

func TestBigFileIsCut(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("Huge posting dump line with some words in it. ", 2) + "\n"
	if _, err := f.WriteString("Enormous Role\n\n"); err != nil {
		t.Fatal(err)
	}
	chunk := strings.Repeat(line, 1<<16/len(line))
	for written := 0; written < 20<<20; written += len(chunk) {
		if _, err := f.WriteString(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	srcs, err := SourcesFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	const capBytes = 256 << 10
	ps, _, err := Load(context.Background(), srcs, Options{KeepBodies: true, MaxBody: capBytes})
	if err != nil || len(ps) != 1 {
		t.Fatalf("got %d postings, err %v", len(ps), err)
	}
	p := ps[0]
	if p.Title != "Enormous Role" {
		t.Errorf("title = %q", p.Title)
	}
	if len(p.Body) > capBytes+capBytes/8 {
		t.Errorf("body is %d bytes, cap %d", len(p.Body), capBytes)
	}
	if !strings.HasSuffix(p.Body, "in it.\n") {
		t.Errorf("body not cut at a line end: ...%q", p.Body[len(p.Body)-40:])
	}
	if !slices.ContainsFunc(p.Warnings(), func(w string) bool {
		return strings.HasPrefix(w, WarnCut) && strings.Contains(w, "256 KiB") && strings.Contains(w, "MiB")
	}) {
		t.Errorf("warnings = %q, want a cut warning naming the cap and size", p.Warnings())
	}
	q := *p
	q.Body = ""
	body, err := Body(&q, capBytes)
	if err != nil || body != p.Body {
		t.Errorf("Body re-read: %d bytes, err %v; want the same cut body", len(body), err)
	}
}

func TestReadCappedNeverReadsPastCap(t *testing.T) {
	big := strings.Repeat("x", 10_000)
	fsys := countingFS{MapFS: fstest.MapFS{"big.txt": {Data: []byte(big)}}, read: new(int)}
	_, data, w, err := readCapped(fsys, "big.txt", 1000, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) != 1000 || w == "" {
		t.Errorf("got %d bytes, warning %q", len(data), w)
	}
	if *fsys.read > 1001 {
		t.Errorf("read %d bytes for a 1000-byte cap", *fsys.read)
	}
}

// countingFS counts the bytes read through it.
type countingFS struct {
	fstest.MapFS
	read *int
}

func (c countingFS) Open(name string) (fs.File, error) {
	f, err := c.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return countingFile{f, c.read}, nil
}

type countingFile struct {
	fs.File
	read *int
}

func (c countingFile) Read(b []byte) (int, error) {
	n, err := c.File.Read(b)
	*c.read += n
	return n, err
}

// errFS fails to open one file, as an unreadable file would.
type errFS struct {
	fstest.MapFS
	bad string
}

func (e errFS) Open(name string) (fs.File, error) {
	if name == e.bad {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return e.MapFS.Open(name)
}

func TestUnreadableFileIsSkippedAndLoadGoesOn(t *testing.T) {
	fsys := errFS{MapFS: fstest.MapFS{
		"a.md":      {Data: []byte("# A\n")},
		"locked.md": {Data: []byte("# Locked\n")},
		"z.md":      {Data: []byte("# Z\n")},
	}, bad: "locked.md"}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: ".", Name: "jobs"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].Path != "jobs/a.md" || ps[1].Path != "jobs/z.md" {
		t.Errorf("postings: %v", ps)
	}
	want := []Skip{{"jobs/locked.md", ReasonUnreadable + ": permission denied"}}
	if !slices.Equal(skips, want) {
		t.Errorf("skips = %v, want %v", skips, want)
	}
}

func TestSourcesFromPaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "one.md"), "# One\n")
	write(t, filepath.Join(dir, "sub", "two.txt"), "Two\n")

	missing := filepath.Join(dir, "no-such-folder")
	_, err := SourcesFromPaths([]string{dir, missing})
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != missing+": no such file or folder" {
		t.Errorf("err = %v, want ErrNotExist naming %s", err, missing)
	}

	file := filepath.Join(dir, "sub", "two.txt")
	srcs, err := SourcesFromPaths([]string{dir, file})
	if err != nil {
		t.Fatal(err)
	}
	ps, _, err := Load(context.Background(), srcs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.AllPaths()...)
	}
	slash := filepath.ToSlash(dir)
	// The file is named twice (in the folder and alone): one posting with
	// one path.
	want := []string{slash + "/one.md", slash + "/sub/two.txt"}
	slices.Sort(paths)
	if !slices.Equal(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}

	srcs, err = SourcesFromPaths(nil)
	if err != nil || len(srcs) != 1 || srcs[0].Name != "." || srcs[0].Root != "." {
		t.Errorf("no paths: %+v, %v; want the current folder", srcs, err)
	}
}

func TestExplicitFileIsReadWhateverItsExtension(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "posting.text"), "Odd Extension Role\n")
	srcs, err := SourcesFromPaths([]string{filepath.Join(dir, "posting.text")})
	if err != nil {
		t.Fatal(err)
	}
	ps, _, err := Load(context.Background(), srcs, Options{})
	if err != nil || len(ps) != 1 || ps[0].Title != "Odd Extension Role" {
		t.Fatalf("got %v, %v", ps, err)
	}
	if ps[0].Path != filepath.ToSlash(filepath.Join(dir, "posting.text")) {
		t.Errorf("Path = %q", ps[0].Path)
	}
}

func TestSymlinkLoopInMapFS(t *testing.T) {
	// fstest.MapFS has symlinks but no inodes: loops are found by
	// resolving link targets.
	fsys := fstest.MapFS{
		"jobs/a.md":         {Data: []byte("# A\n")},
		"jobs/self":         {Data: []byte("."), Mode: fs.ModeSymlink},
		"jobs/up":           {Data: []byte("../jobs"), Mode: fs.ModeSymlink},
		"jobs/sub/b.md":     {Data: []byte("# B\n")},
		"jobs/sub/back":     {Data: []byte(".."), Mode: fs.ModeSymlink},
		"jobs/sub/other":    {Data: []byte("../../other"), Mode: fs.ModeSymlink},
		"other/c.md":        {Data: []byte("# C\n")},
		"other/to-sub":      {Data: []byte("../jobs/sub"), Mode: fs.ModeSymlink},
		"jobs/outside":      {Data: []byte("/etc"), Mode: fs.ModeSymlink},
		"jobs/dangling":     {Data: []byte("nowhere"), Mode: fs.ModeSymlink},
		"jobs/file-link.md": {Data: []byte("sub/b.md"), Mode: fs.ModeSymlink},
	}
	done := make(chan struct{})
	var ps []*model.Posting
	var skips []Skip
	go func() {
		defer close(done)
		ps, skips, _ = Load(context.Background(), []Source{{FS: fsys, Root: "jobs", Name: "j"}}, Options{})
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("load hangs on MapFS symlink loops")
	}
	var titles []string
	for _, p := range ps {
		titles = append(titles, p.Title+"@"+strings.Join(p.AllPaths(), ","))
	}
	want := []string{"A@j/a.md", "B@j/file-link.md,j/sub/b.md", "C@j/sub/other/c.md"}
	if !slices.Equal(titles, want) {
		t.Errorf("postings %q, want %q", titles, want)
	}
	loops := 0
	for _, s := range skips {
		if s.Reason == ReasonLoop {
			loops++
		}
	}
	// self, up, sub/back and sub/other/to-sub loop back.
	if loops != 4 {
		t.Errorf("%d loop skips, want 4: %v", loops, skips)
	}
}

func TestBackupsOfOtherFilesAreIgnoredAndBrokenLinksDoNotFailTheFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "# A\n")
	write(t, filepath.Join(dir, "main.go~"), "package x\n")
	write(t, filepath.Join(dir, ".main.go.swp"), "x")
	write(t, filepath.Join(dir, "post.txt~"), "Old\n")
	mustSymlink(t, filepath.Join(dir, "missing"), filepath.Join(dir, "zz-dangling.md"))
	srcs, _ := SourcesFromPaths([]string{dir})
	_, skips, err := Load(context.Background(), srcs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range skips {
		got = append(got, filepath.Base(s.Path)+": "+strings.SplitN(s.Reason, ":", 2)[0])
	}
	want := []string{"post.txt~: " + ReasonBackup, "zz-dangling.md: " + ReasonBrokenLink}
	if !slices.Equal(got, want) {
		t.Errorf("skips %q, want %q", got, want)
	}
}

func TestBackupOf(t *testing.T) {
	for in, want := range map[string]string{"x.md~": "x.md", "x.md~~": "x.md", "#x.md#": "x.md", ".x.md.swp": "x.md", "x.txt.swo": "x.txt"} {
		if got := backupOf(in); got != want {
			t.Errorf("backupOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathsAreSafeToPrint(t *testing.T) {
	fsys := fstest.MapFS{
		"evil\x1b]0;x\a\u202e.md": {Data: []byte("# Evil Name\n")},
		"bad\xff.txt":             {Data: []byte("")},
		"fine/ok.md":              {Data: []byte("# Fine\n")},
		"two\nlines.md":           {Data: []byte("# Two\n")},
	}
	ps, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: ".", Name: "in"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, p := range ps {
		paths = append(paths, p.Path)
	}
	for _, s := range skips {
		paths = append(paths, s.Path)
	}
	want := []string{`in/evil\x1b]0;x\x07\u202e.md`, "in/fine/ok.md", `in/two\x0alines.md`, `in/bad\xff.txt`}
	if !slices.Equal(paths, want) {
		t.Errorf("paths %q, want %q", paths, want)
	}
	for _, p := range paths {
		if err := checkText(p, false); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	if ps[0].SourcePath != "evil\x1b]0;x\a\u202e.md" {
		t.Errorf("SourcePath %q must stay the real name", ps[0].SourcePath)
	}
	if _, err := Body(ps[0], 0); err != nil {
		t.Errorf("Body of the oddly named file: %v", err)
	}
}

// statErrFS is a MapFS whose Stat of one name fails with err.
type statErrFS struct {
	fstest.MapFS
	bad string
	err error
}

func (e statErrFS) Stat(name string) (fs.FileInfo, error) {
	if name == e.bad {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: e.err}
	}
	return e.MapFS.Stat(name)
}

func TestSymlinkThatCannotBeFollowedSaysWhy(t *testing.T) {
	fsys := statErrFS{MapFS: fstest.MapFS{
		"a.md":       {Data: []byte("# A\n")},
		"locked":     {Data: []byte("elsewhere"), Mode: fs.ModeSymlink},
		"dead.md":    {Data: []byte("nowhere.md"), Mode: fs.ModeSymlink},
		"sub/top":    {Data: []byte(".."), Mode: fs.ModeSymlink},
		"sub/c.md":   {Data: []byte("# C\n")},
		"sub/deeper": {Data: []byte("x"), Mode: fs.ModeDir},
	}, bad: "locked", err: fs.ErrPermission}
	_, skips, err := Load(context.Background(), []Source{{FS: fsys, Root: "sub", Name: "s"}, {FS: fsys, Root: ".", Name: "all"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range skips {
		got[s.Path] = s.Reason
	}
	if r := got["all/locked"]; r != ReasonUnreadable+": permission denied" {
		t.Errorf("permission denied link: %q (skips %v)", r, skips)
	}
	if r := got["all/dead.md"]; !strings.HasPrefix(r, ReasonBrokenLink) {
		t.Errorf("dangling link: %q", r)
	}
	if r := got["s/top"]; !strings.HasPrefix(r, ReasonNotFollowed) || !strings.Contains(r, "a folder holding s") {
		t.Errorf("link to the folder above the PATH: %q", r)
	}
}

func TestSystemFoldersAreWalkedOnlyWhenNamed(t *testing.T) {
	w := &walker{}
	for _, c := range []struct {
		root, sub string
		link      bool
		want      string
	}{
		{"/", "/proc", false, ReasonSystem},
		{"/", "/sys", false, ReasonSystem},
		{"/home/me", "/proc", true, ReasonSystem},
		{"/proc", "/proc/sys", false, ""},
		{"/sys/kernel", "/sys/kernel/mm", false, ""},
		{"/", "/procfs", false, ""},
	} {
		sw := &sourceWalk{src: &Source{Name: c.root}, root: ".", real: c.root}
		got := w.notFollowed(sw, folder{real: c.sub, canon: "x"}, c.link)
		if !strings.HasPrefix(got, c.want) || (c.want == "") != (got == "") {
			t.Errorf("%s below %s: %q, want %q", c.sub, c.root, got, c.want)
		}
	}
}

// TestDisplayPathIsTheJoin checks displayPath's shortcut against
// path.Join for the names and roots a Source can have.
func TestDisplayPathIsTheJoin(t *testing.T) {
	for _, name := range []string{"", ".", "/", "jobs", "/tmp/jobs", "./jobs", "jobs/", "../jobs", "a//b", "/x/../y"} {
		for _, rp := range [][2]string{{".", "a.md"}, {".", "sub/a.md"}, {"sub", "sub/a.md"}, {"sub", "sub"}, {"a.md", "a.md"}, {"sub", "other/a.md"}} {
			src := &Source{Name: name}
			want := SafePath(path.Join(name, strings.TrimPrefix(rp[1], rp[0]+"/")))
			if rp[1] == rp[0] {
				want = SafePath(path.Join(name, "."))
			} else if rp[0] == "." {
				want = SafePath(path.Join(name, rp[1]))
			}
			if got := displayPath(src, rp[0], rp[1]); got != want {
				t.Errorf("displayPath(%q, %q, %q) = %q, want %q", name, rp[0], rp[1], got, want)
			}
			if got := joinName(rp[0], "x.md"); got != path.Join(rp[0], "x.md") {
				t.Errorf("joinName(%q, x.md) = %q", rp[0], got)
			}
		}
	}
}

// TestFolderFileIsDisplayPath checks that the display path the walk makes
// from a folder's for each of its files, and the file's path taken from
// its end, are displayPath and the path of the file, for every kind of
// Source name: absolute, relative, ".", "", "/", unclean, above the
// current folder, and names that must be escaped.
func TestFolderFileIsDisplayPath(t *testing.T) {
	for _, name := range []string{"/tmp/jobs", "jobs", "./jobs", "jobs/", ".", "", "/", "a/../b", "..", "../x", "es\x1bc", "caf\xe9"} {
		for _, root := range []string{".", "top"} {
			for _, dir := range []string{".", "sub", "sub/deeper", "e\u202esc", "top"} {
				if root != "." && dir != "top" && dir != "." {
					dir = root + "/" + dir
				}
				if root != "." && dir == "." {
					continue
				}
				for _, file := range []string{"x.md", "e\x1b.md", "caf\xe9.md", "\u202eb.md"} {
					src := &Source{Name: name}
					p := joinName(dir, file)
					want := displayPath(src, root, p)
					got := displayPrefix(displayPath(src, root, dir)) + SafePath(file)
					if got != want {
						t.Errorf("name %q root %q: %q in %q: display %q, want %q", name, root, file, dir, got, want)
					}
					if tail, ok := tailPath(got, dir, file); ok && tail != p {
						t.Errorf("name %q: tail %q of %q, want %q", name, tail, got, p)
					}
				}
			}
		}
	}
}

// TestReadsExtIsLowerCaseLookup checks readsExt and isBackup against the
// lookups they stand for: strings.ToLower of the extension in readExts,
// and the backup suffixes of the lowered name, for ASCII cases, non-ASCII
// letters that lower to ASCII (the Kelvin sign) and long extensions.
func TestReadsExtIsLowerCaseLookup(t *testing.T) {
	names := []string{"a.md", "a.MD", "a.Md", "a.markdown", "a.MARKDOWN", "a.mar\u212adown", "A.TXT", "a.json",
		"a.jsonl", "a.NDJSON", "a.csv", "a.html", "a.HTM", "a.pdf", "a", ".md", "a.", "a.md.bak", "a.markdowns",
		"a.ſwp", "a.swp", "a.SWP", "a.Swo", "a.swx", "a.sw", "swp", ".swp", "a~", "#a#", "#", "~", "a.\u212awp",
		"a.m\u00e9", "\u0130.md", "a.İmd"}
	for _, n := range names {
		if got, want := readsExt(n), readExts[strings.ToLower(path.Ext(n))]; got != want {
			t.Errorf("readsExt(%q) = %v, want %v", n, got, want)
		}
		lower := strings.ToLower(n)
		want := strings.HasSuffix(n, "~") || (len(n) > 1 && n[0] == '#' && n[len(n)-1] == '#') ||
			strings.HasSuffix(lower, ".swp") || strings.HasSuffix(lower, ".swo") || strings.HasSuffix(lower, ".swx")
		if got := isBackup(n); got != want {
			t.Errorf("isBackup(%q) = %v, want %v", n, got, want)
		}
	}
}
