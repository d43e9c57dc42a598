package loader

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// sortByPath is how the tests sort by path: numbered or not, as a
// numbering of posts finds.
func sortByPath(posts []*model.Posting) {
	sortByPathNumbered(posts, numberedPaths(posts))
}

// numberedPaths reports whether posts are the records of one file in
// their order in it (see numbering).
func numberedPaths(posts []*model.Posting) bool {
	var nb numbering
	nb.add(posts)
	return nb.holds()
}

// TestSortByPathIsSortedByPath checks that sortByPath orders postings as
// comparing their paths does, for paths of one JSON file's records, of
// folders, of mixed lengths and bytes (short, empty, equal, one a prefix
// of another, bytes past 0x7f, a shared prefix longer than some paths'
// heads), in fewer and more postings than are radix-sorted.
func TestSortByPathIsSortedByPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	shapes := map[string]func(i int) string{
		"records": func(i int) string { return fmt.Sprintf("/tmp/x/jobs.json#%d", i) },
		"folders": func(i int) string { return fmt.Sprintf("/tmp/c/%03d/%05d-role.md", rng.IntN(30), rng.IntN(2000)) },
		"mixed": func(i int) string {
			parts := []string{"", "a", "ab", "ab\x00", "abcdefgh", "abcdefghi", "abcdefgh\xff", "\xff", "é", "a/b", "a-b", "zz"}
			return parts[rng.IntN(len(parts))] + parts[rng.IntN(len(parts))]
		},
		"long prefix": func(i int) string { return fmt.Sprintf("/same/long/prefix/%08d/%d", rng.IntN(50), rng.IntN(5)) },
	}
	for name, path := range shapes {
		for _, n := range []int{0, 1, 2, 7, radixMin - 1, radixMin, 5000} {
			ps := make([]*model.Posting, n)
			for i := range ps {
				ps[i] = &model.Posting{Path: path(i), ID: fmt.Sprint(i)}
			}
			rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
			want := slices.Clone(ps)
			slices.SortStableFunc(want, func(a, b *model.Posting) int { return cmp.Compare(a.Path, b.Path) })
			sortByPath(ps)
			if !slices.IsSortedFunc(ps, func(a, b *model.Posting) int { return cmp.Compare(a.Path, b.Path) }) {
				t.Fatalf("%s, %d postings: not sorted", name, n)
			}
			seen := map[*model.Posting]bool{}
			for _, p := range ps {
				seen[p] = true
			}
			if len(seen) != n {
				t.Fatalf("%s, %d postings: %d after the sort", name, n, len(seen))
			}
		}
	}
}

// BenchmarkSortByPath sorts the paths of 100,000 records of one JSON file,
// in the order they are read, and of 100,000 files in 100 folders.
func BenchmarkSortByPath(b *testing.B) {
	for _, shape := range []string{"records", "folders"} {
		b.Run(shape, func(b *testing.B) {
			base := make([]model.Posting, 100_000)
			for i := range base {
				if shape == "records" {
					base[i].Path = fmt.Sprintf("/tmp/jobdeck-bench-json-100000/jobs.json#%d", i)
				} else {
					base[i].Path = fmt.Sprintf("/tmp/jobdeck-bench-100k/%03d/%05d-posting.md", (i*7919)%100, i)
				}
			}
			ps := make([]*model.Posting, len(base))
			for b.Loop() {
				for i := range base {
					ps[i] = &base[i]
				}
				sortByPath(ps)
			}
		})
	}
}

// TestSortNumberedPathsAsStrings checks the walk of numbered paths (the
// records of one file) against sorting the paths as strings, for counts
// at and around powers of ten, and that paths with a gap, another
// prefix or out of order are not taken for numbered ones.
func TestSortNumberedPathsAsStrings(t *testing.T) {
	for _, n := range []int{radixMin, 999, 1000, 1001, 1234, 10_000, 10_001, 99_999} {
		posts := make([]*model.Posting, n)
		for i := range posts {
			posts[i] = &model.Posting{Path: fmt.Sprintf("dir/jobs.json#%d", i)}
		}
		if !numberedPaths(posts) {
			t.Fatalf("n=%d: numbered paths not seen as such", n)
		}
		want := slices.Clone(posts)
		slices.SortFunc(want, func(a, b *model.Posting) int { return strings.Compare(a.Path, b.Path) })
		sortByPath(posts)
		if !slices.Equal(posts, want) {
			t.Fatalf("n=%d: the walk's order differs from the paths' order", n)
		}
	}
	mk := func(paths ...string) []*model.Posting {
		var ps []*model.Posting
		for _, p := range paths {
			ps = append(ps, &model.Posting{Path: p})
		}
		return ps
	}
	for _, ps := range [][]*model.Posting{
		mk("a.json#0", "a.json#2"),
		mk("a.json#0", "b.json#1"),
		mk("a.json#1", "a.json#0"),
		mk("a.json#0", "a.json#01"),
		mk("a.json", "a.json#1"),
	} {
		if numberedPaths(ps) {
			t.Errorf("%s, %s taken for numbered paths", ps[0].Path, ps[1].Path)
		}
	}
}

// TestNumberingInParts checks that numbering, given postings a part at a
// time, reports what numberedPaths reports of them all: for numbered
// paths split anywhere, and for paths whose numbering breaks in a later
// part.
func TestNumberingInParts(t *testing.T) {
	posts := make([]*model.Posting, 1234)
	for i := range posts {
		posts[i] = &model.Posting{Path: fmt.Sprintf("jobs.json#%d", i)}
	}
	broken := slices.Clone(posts)
	broken[1001] = &model.Posting{Path: "jobs.json#1002"}
	for _, ps := range [][]*model.Posting{posts, broken} {
		want := numberedPaths(ps)
		for _, cuts := range [][]int{{0}, {1}, {9, 10, 11}, {100, 999, 1001, 1002}, {len(ps) - 1}} {
			var nb numbering
			lo := 0
			for _, c := range append(cuts, len(ps)) {
				nb.add(ps[lo:c])
				lo = c
			}
			if nb.holds() != want {
				t.Errorf("cut at %v: numbering holds %v, numberedPaths says %v", cuts, nb.holds(), want)
			}
		}
	}
	if !numberedPaths(posts) || numberedPaths(broken) {
		t.Error("numberedPaths: numbered paths not seen, or a gap not seen")
	}
	var none numbering
	if none.holds() {
		t.Error("a numbering that saw no posting holds")
	}
}
