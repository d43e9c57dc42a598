package loader

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/jobdeck/jobdeck/model"
)

// Load is Stream collected: merges applied, so a posting found in several
// files has Paths (sorted) and Path = Paths[0], with the fields read from
// that first file; postings are sorted by Path and skips by Path, for a
// deterministic order. It returns ctx's error, wrapped, when ctx ends
// before the load does (with what was loaded so far).
func Load(ctx context.Context, sources []Source, opts Options) ([]*model.Posting, []Skip, error) {
	var batches [][]*model.Posting // joined once their total is known, not grown to it
	var skips []Skip
	var nb numbering
	dups := map[string][]*model.Posting{}
	done := false
	for b := range Stream(ctx, sources, opts) {
		if len(b.Postings) > 0 {
			batches = append(batches, b.Postings)
			nb.add(b.Postings)
		}
		skips = append(skips, b.Skipped...)
		for _, m := range b.Merges {
			dups[m.ID] = append(dups[m.ID], m.dup)
		}
		done = b.Done
	}
	posts := slices.Concat(batches...)
	if len(dups) > 0 {
		for _, p := range posts {
			d, ok := dups[p.ID]
			if !ok {
				continue
			}
			// p came first in the walk, as in the browser (see partOrder);
			// the other paths follow it in path order.
			slices.SortFunc(d, func(a, b *model.Posting) int { return cmp.Compare(a.Path, b.Path) })
			paths := []string{p.Path}
			for _, q := range d {
				paths = append(paths, q.Path)
				if p.Applied().IsZero() {
					p.SetApplied(q.Applied())
				}
			}
			p.SetPaths(paths)
		}
	}
	sortByPathNumbered(posts, nb.holds())
	slices.SortFunc(skips, func(a, b Skip) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Reason, b.Reason))
	})
	if !done {
		err := ctx.Err()
		if err == nil {
			err = context.Canceled
		}
		return posts, skips, fmt.Errorf("loader: load stopped early: %w", err)
	}
	return posts, skips, nil
}
