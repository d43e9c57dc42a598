package model

import (
	"slices"
	"testing"
)

func TestHighlights(t *testing.T) {
	p := &Posting{Title: "Senior Backend Engineer", Company: "Grünwald Labs", Location: "Zürich", Keywords: []string{"golang"}}
	tests := []struct {
		q           string
		title, meta []int
	}{
		{"", nil, nil},
		// "ich" in "Zürich": runes 3,4,5 of the location, which starts at
		// rune 13+3 = 16 of "Grünwald Labs · Zürich" (ü is one rune, 2 bytes).
		{"ich", nil, []int{19, 20, 21}},
		{"loc:ich", nil, []int{19, 20, 21}},
		{"grün", nil, []int{0, 1, 2, 3}},
		{"wald", nil, []int{4, 5, 6, 7}},
		{"senior", []int{0, 1, 2, 3, 4, 5}, nil},
		{"backend senior", []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13}, nil},
		// sahilm/fuzzy takes the first e and n ("Senior") and the g of
		// "Engineer": the highlights show what the library matched.
		{"title:eng", []int{1, 2, 17}, nil},
		{"golang", nil, nil},             // only in a keyword: not shown
		{"-senior", nil, nil},            // negated: nothing
		{"xyz", nil, nil},                // no match
		{"sen sen", []int{0, 1, 2}, nil}, // duplicates merged
		{"tag:x is:s", nil, nil},         // state terms highlight nothing
		{"company:labs", nil, []int{9, 10, 11, 12}},
	}
	for _, tc := range tests {
		title, meta := ParseQuery(tc.q).Highlights(p)
		if !slices.Equal(title, tc.title) || !slices.Equal(meta, tc.meta) {
			t.Errorf("Highlights(%q) = %v %v, want %v %v", tc.q, title, meta, tc.title, tc.meta)
		}
	}
}

func TestHighlightsUnicode(t *testing.T) {
	tests := []struct {
		p           Posting
		q           string
		title, meta []int
	}{
		// Emoji are one rune (4 bytes).
		{Posting{Title: "🚀 Rocket Engineer"}, "rock", []int{2, 3, 4, 5}, nil},
		// A combining acute accent is a rune of its own: "Cafe\u0301 Lead".
		{Posting{Title: "Cafe\u0301 Lead"}, "lead", []int{6, 7, 8, 9}, nil},
		{Posting{Title: "Cafe\u0301 Lead"}, "e\u0301", []int{3, 4}, nil},
		// No company: the meta line is the location alone.
		{Posting{Title: "x", Location: "São Paulo"}, "paulo", nil, []int{4, 5, 6, 7, 8}},
		// CJK.
		{Posting{Title: "エンジニア 東京"}, "東京", []int{6, 7}, nil},
		// "go" scores best in the keyword "go", but is shown where the
		// user can see it match: the title.
		{Posting{Title: "Go Developer", Keywords: []string{"go"}}, "go", []int{0, 1}, nil},
		// Case folding across non-ASCII.
		{Posting{Title: "x", Company: "ÆRØ Shipping"}, "ærø", nil, []int{0, 1, 2}},
	}
	for _, tc := range tests {
		title, meta := ParseQuery(tc.q).Highlights(&tc.p)
		if !slices.Equal(title, tc.title) || !slices.Equal(meta, tc.meta) {
			t.Errorf("Highlights(%q) on %q/%q = %v %v, want %v %v", tc.q, tc.p.Title, MetaLine(&tc.p), title, meta, tc.title, tc.meta)
		}
		// Every index names a rune of the string.
		for _, i := range title {
			if i >= len([]rune(tc.p.Title)) {
				t.Errorf("title index %d out of range", i)
			}
		}
	}
}

func TestResultHighlights(t *testing.T) {
	c := fixture()
	r := mustFilter(t, c, "ich", SortNewest, nil)
	row := r.Find("b")
	if row < 0 {
		t.Fatal("ich did not find the Zürich posting")
	}
	_, meta := r.Highlights(row)
	line := []rune(MetaLine(r.Posting(row)))
	var got string
	for _, i := range meta {
		got += string(line[i])
	}
	if got != "ich" {
		t.Errorf("highlighted %q in %q, want \"ich\"", got, string(line))
	}
}

func TestMetaLine(t *testing.T) {
	tests := []struct {
		company, loc, want string
	}{
		{"Acme", "Berlin", "Acme · Berlin"},
		{"Acme", "", "Acme"},
		{"", "Berlin", "Berlin"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := MetaLine(&Posting{Company: tc.company, Location: tc.loc}); got != tc.want {
			t.Errorf("MetaLine(%q, %q) = %q, want %q", tc.company, tc.loc, got, tc.want)
		}
	}
}
