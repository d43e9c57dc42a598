package model

import (
	"slices"
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
