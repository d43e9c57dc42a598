//go:build linux

package loader

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestNamesThatAreNotUTF8AreRead(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "caf\xe9.md"), "# Café Role\n")
	write(t, filepath.Join(dir, "d\xff", "inner.txt"), "Inner Role\n")
	for _, args := range [][]string{{dir}, {filepath.Join(dir, "caf\xe9.md"), filepath.Join(dir, "d\xff")}} {
		srcs, err := SourcesFromPaths(args)
		if err != nil {
			t.Fatal(err)
		}
		ps, skips, err := Load(context.Background(), srcs, Options{})
		if err != nil || len(skips) > 0 {
			t.Fatalf("%q: skips %v, %v", args, skips, err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, strings.TrimPrefix(p.Path, filepath.ToSlash(dir)+"/")+"="+p.Title)
			if body, err := Body(p, 0); err != nil || body == "" {
				t.Errorf("%q: Body of %s: %q, %v", args, p.Path, body, err)
			}
			if err := checkText(p.Path, false); err != nil {
				t.Errorf("Path %q: %v", p.Path, err)
			}
		}
		if want := []string{`caf\xe9.md=Café Role`, `d\xff/inner.txt=Inner Role`}; !slices.Equal(got, want) {
			t.Errorf("%q: postings %q, want %q", args, got, want)
		}
	}
}

func TestSymlinkToAnotherFileSystemIsNotFollowed(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "# A\n")
	// /proc is always its own file system; fdinfo is a small folder of it.
	mustSymlink(t, "/proc/self/fdinfo", filepath.Join(dir, "fdinfo"))
	srcs, _ := SourcesFromPaths([]string{dir})
	for _, follow := range []bool{false, true} {
		_, skips, err := Load(context.Background(), srcs, Options{FollowAll: follow})
		if err != nil {
			t.Fatal(err)
		}
		want := 1
		if follow {
			want = 0
		}
		if len(skips) != want || (want == 1 && (!strings.HasPrefix(skips[0].Reason, ReasonNotFollowed) ||
			!strings.Contains(skips[0].Reason, "another file system") || !strings.HasSuffix(skips[0].Path, "/fdinfo"))) {
			t.Errorf("FollowAll %v: skips %v", follow, skips)
		}
	}
}
