package search_test

import (
	"context"
	"errors"
	"testing"

	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
)

var searcherDocs = []search.Doc{
	{ID: "a", Stamp: "1", Title: "Go Developer", Body: "We offer visa sponsorship."},
	{ID: "b", Stamp: "1", Title: "Rust Engineer", Body: "No on-call, visa on request."},
	{ID: "c", Stamp: "1", Title: "Go Engineer", Body: "Remote."},
	{ID: "d", Stamp: "1", Title: "Data Engineer", Body: "Hybrid."},
	{ID: "e", Stamp: "1", Title: "SRE", Body: "On site."},
}

func TestSearcherNotReadyUntilSynced(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	s := search.NewSearcher(ctx, ix)
	terms := []model.TextTerm{{Text: "visa"}}
	if _, err := s.SearchText(ctx, terms, false); !errors.Is(err, model.ErrIndexNotReady) {
		t.Fatalf("before the first sync: err = %v, want ErrIndexNotReady", err)
	}
	syncDocs(t, ix, searcherDocs)
	s.SetReady()
	got, err := s.SearchText(ctx, []model.TextTerm{{Text: "visa"}, {Text: "on-call", Exclude: true}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["a"] <= 0 {
		t.Fatalf("ranked visa -on-call = %v, want a with a positive score", got)
	}
	got, err = s.SearchText(ctx, terms, false)
	if err != nil || len(got) != 2 || got["a"] != 0 {
		t.Fatalf("unranked visa = %v, %v; want a and b with score 0", got, err)
	}
}

func TestSearcherReadyWhenIndexHoldsDocuments(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	syncDocs(t, open(t, dir), searcherDocs)
	s := search.NewSearcher(ctx, open(t, dir))
	got, err := s.SearchText(ctx, []model.TextTerm{{Text: "rust engineer"}}, false)
	if err != nil || len(got) != 1 {
		t.Fatalf("reopened: %v, %v; want b at once", got, err)
	}
	if _, ok := got["b"]; !ok {
		t.Fatalf("reopened: %v, want b", got)
	}
}

func TestSearcherBadTerms(t *testing.T) {
	ctx := context.Background()
	ix := open(t, t.TempDir())
	s := search.NewSearcher(ctx, ix)
	s.SetReady()
	for _, terms := range [][]model.TextTerm{nil, {{Text: "  "}}, {{Text: "visa"}, {Text: "*"}}} {
		if _, err := s.SearchText(ctx, terms, false); !errors.Is(err, search.ErrEmptyTerm) {
			t.Errorf("%v: err = %v, want ErrEmptyTerm", terms, err)
		}
	}
}

func TestOffSaysWhy(t *testing.T) {
	_, err := search.Off{Reason: "--no-cache"}.SearchText(context.Background(), []model.TextTerm{{Text: "visa"}}, false)
	if !errors.Is(err, search.ErrTextOff) || err.Error() != "full-text search is off (--no-cache)" {
		t.Fatalf("err = %v", err)
	}
}
