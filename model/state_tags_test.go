package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestParseTags(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ,, ", nil},
		{"go", []string{"go"}},
		{"go, remote", []string{"go", "remote"}},
		{"go remote\tberlin\nlead", []string{"go", "remote", "berlin", "lead"}},
		{"Remote,remote,REMOTE", []string{"Remote"}},
		{"#urgent,c++", []string{"#urgent", "c++"}},
		{"a\x1b[31mb", []string{"a", "[31mb"}},
		{"Zürich,zürich", []string{"Zürich"}},
	}
	for _, c := range cases {
		if got := ParseTags(c.in); !slices.Equal(got, c.want) {
			t.Errorf("ParseTags(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNormalizeTagsSplitsAndDedupes(t *testing.T) {
	got := normalizeTags([]string{"go, rust", "Go", "", " ", "bad\xfftag"})
	want := []string{"go", "rust", "bad\uFFFDtag"}
	if !slices.Equal(got, want) {
		t.Errorf("normalizeTags = %q, want %q", got, want)
	}
}

func TestNormalizeTagsFoldsLikeEqualFold(t *testing.T) {
	// Past the few compared directly, repeats are found by foldTag.
	var in []string
	for i := range 40 {
		in = append(in, fmt.Sprintf("t%d", i))
	}
	in = append(in, "T3", "K", "\u212a", "k", "ſ", "S", "s", "Σ", "ς", "σ")
	got := normalizeTags(in)
	want := append(slices.Clone(in[:40]), "K", "ſ", "Σ")
	if !slices.Equal(got, want) {
		t.Errorf("normalizeTags = %q, want %q", got[40:], want[40:])
	}
	for _, pair := range [][2]string{{"K", "\u212a"}, {"ſ", "S"}, {"ς", "Σ"}, {"ǅ", "ǆ"}, {"a", "b"}} {
		if (foldTag(pair[0]) == foldTag(pair[1])) != strings.EqualFold(pair[0], pair[1]) {
			t.Errorf("foldTag disagrees with EqualFold on %q", pair)
		}
	}
}

// BenchmarkNormalizeTags200k measures deduplicating an entry of 200k
// distinct tags (quadratic, it took minutes).
func BenchmarkNormalizeTags200k(b *testing.B) {
	tags := make([]string, 200_000)
	for i := range tags {
		tags[i] = strconv.Itoa(i)
	}
	for b.Loop() {
		if got := normalizeTags(tags); len(got) != len(tags) {
			b.Fatalf("%d tags kept, want %d", len(got), len(tags))
		}
	}
}
