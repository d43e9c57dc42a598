package ui

import (
	"fmt"
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

func TestFindFoldsCaseAndAccents(t *testing.T) {
	f := foldLine("\x1b[1mMünchen\x1b[m or MUNCHEN, 東京 munchen")
	got := f.find(foldString("munchen"))
	want := []span{{0, 7}, {11, 18}, {25, 32}}
	if !slices.Equal(got, want) {
		t.Fatalf("spans %v, want %v (wide runes count two cells)", got, want)
	}
}

func TestFindWord(t *testing.T) {
	f := foldLine("Kubernetes, kube and kubelet; rekube")
	if got := f.findWord(foldString("kube"), false); !slices.Equal(got, []span{{12, 16}}) {
		t.Errorf("whole word: %v", got)
	}
	if got := f.findWord(foldString("kube"), true); !slices.Equal(got, []span{{0, 10}, {12, 16}, {21, 28}}) {
		t.Errorf("prefix: %v", got)
	}
}

func TestTextWords(t *testing.T) {
	words, prefix := textWords([]model.TextTerm{{Text: "Visa Sponsorship"}, {Text: "on-call", Exclude: true}, {Text: "kube*"}})
	var got []string
	for i, w := range words {
		got = append(got, fmt.Sprintf("%s/%v", string(w), prefix[i]))
	}
	if want := []string{"visa/false", "sponsorship/false", "kube/true"}; !slices.Equal(got, want) {
		t.Fatalf("words %v, want %v", got, want)
	}
}

func TestMarkSpansKeepsStyling(t *testing.T) {
	line := "\x1b[31mred visa text\x1b[m plain"
	out := markSpans(line, []span{{4, 8}}, func(_ int, s string) string { return "<" + s + ">" })
	if got := ansi.Strip(out); got != "red <visa> text plain" {
		t.Fatalf("text %q", got)
	}
	// the red resumes after the mark: the sequence comes again before " text"
	i := len(out) - len(" text\x1b[m plain")
	if out[i-5:i] != "\x1b[31m" {
		t.Errorf("styling not resumed after the mark: %q", out)
	}
	if markSpans(line, nil, nil) != line {
		t.Error("a line with no span changed")
	}
}
