package search_test

import (
	"context"
	"fmt"
	"os"
	"slices"

	"github.com/jobdeck/jobdeck/model/search"
)

// The browser opens the index of its folders in the cache folder, syncs it
// in a goroutine of its own (here inline), and searches it meanwhile.
func Example() {
	cache, _ := os.MkdirTemp("", "jobdeck-example")
	defer os.RemoveAll(cache)
	ctx := context.Background()
	ix, err := search.Open(ctx, search.DirFor(cache, []string{"/home/me/jobs"}), search.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ix.Close()
	docs := []search.Doc{
		{ID: "a", Stamp: "1", Title: "Go Developer", Location: "München", Body: "We offer **visa sponsorship**."},
		{ID: "b", Stamp: "1", Title: "Rust Engineer", Location: "Berlin", Body: "No on-call. [Apply](https://x.example)"},
	}
	items := []search.Item{{ID: "a", Stamp: "1"}, {ID: "b", Stamp: "1"}}
	st, err := ix.Sync(ctx, items, func(_ context.Context, i int) (search.Doc, error) {
		return docs[i], nil // the browser re-reads the body from the file here
	}, func(p search.Progress) { fmt.Printf("indexed %d of %d\n", p.Done, p.Total) })
	fmt.Printf("%+v %v\n", st, err)
	for _, terms := range [][]string{{"visa sponsorship"}, {"munchen"}, {"kube*"}, {"engineer", "-on-call"}, {"-visa"}} {
		var query search.Query
		for _, t := range terms {
			exclude := t[0] == '-'
			if exclude {
				t = t[1:]
			}
			term, _ := search.NewTerm(t, exclude)
			query = append(query, term)
		}
		hits, _ := ix.Search(ctx, query)
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		fmt.Println(query, ids)
	}
	// Output:
	// indexed 0 of 2
	// indexed 2 of 2
	// {Indexed:2 Removed:0 Unchanged:0 Failed:0} <nil>
	// ["visa sponsorship"] [a]
	// ["munchen"] [a]
	// ["kube*"] []
	// ["engineer" -"on-call"] []
	// [-"visa"] [b]
}
