package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

func TestRenderRowWidthsAndTruncation(t *testing.T) {
	st := NewStyles(true, false)
	ann := fakeAnn{star: map[string]bool{"x": true}, tags: map[string][]string{"x": {"remote", "dream-job", "apply-friday"}}}
	p := &model.Posting{ID: "x", Title: "Principal Distributed Systems Engineer, Payments Platform 日本語",
		Company: "Kestrel & Finch", Location: "München, Germany", Date: testNow.Add(-72 * 3600e9)}
	for _, w := range []int{20, 36, 48, 80} {
		lines := renderRow(&st, rowView{p: p, selected: true, focused: true, ann: ann, now: testNow}, w)
		for i, l := range lines {
			if got := ansi.StringWidth(l); got != w {
				t.Errorf("width %d line %d is %d cells: %q", w, i, got, ansi.Strip(l))
			}
		}
		plain := ansi.Strip(lines[0])
		if !strings.Contains(plain, "★") || !strings.Contains(plain, "…") {
			t.Errorf("width %d: title line %q lacks the star or the ellipsis", w, plain)
		}
		if meta := ansi.Strip(lines[1]); !strings.Contains(meta, "3d ago") {
			t.Errorf("width %d: meta line %q lost the date", w, meta)
		}
	}
	wide := renderRow(&st, rowView{p: p, ann: ann, now: testNow}, 120)
	if plain := ansi.Strip(wide[0]); !strings.Contains(plain, "remote") || !strings.Contains(plain, "apply-friday") {
		t.Errorf("tags missing at 120 columns: %q", plain)
	}
}

func TestHighlightCutKeepsMarksOnRunes(t *testing.T) {
	st := NewStyles(true, true) // no colour: the match style is underline
	got := highlight("Zürich Zentrum", []int{3, 4, 5, 12}, 8, st.Meta, st.Match)
	// Cut to 7 runes + "…": the mark at rune 12 is gone, "ich" is underlined.
	if plain := ansi.Strip(got); plain != "Zürich…" {
		t.Errorf("cut to %q", plain)
	}
	if !strings.Contains(got, st.Match.Render("ich")) {
		t.Errorf("ich not highlighted in %q", got)
	}
	if !strings.HasPrefix(got, st.Meta.Render("Zür")) || strings.Count(got, "\x1b[4;4m") != 3 {
		t.Errorf("want Zür plain and i, c, h underlined in %q", got)
	}
}

func TestRowWithoutFieldsAndDirtyTitle(t *testing.T) {
	st := NewStyles(true, false)
	lines := renderRow(&st, rowView{p: &model.Posting{}, now: testNow}, 30)
	if plain := ansi.Strip(lines[0]); !strings.Contains(plain, "(untitled)") {
		t.Errorf("empty posting row %q", plain)
	}
	// Marks index the raw title; when cleaning changes it they are dropped.
	p := &model.Posting{Title: "a\x1b[31mbc"}
	lines = renderRow(&st, rowView{p: p, m: marks{Title: []int{5}}, now: testNow}, 30)
	if strings.Contains(lines[0], "\x1b[31m") || strings.Contains(lines[0], st.Match.Render("c")) {
		t.Errorf("dirty title rendered as %q", lines[0])
	}
}

// TestRowWithoutMetaShowsFolder: a posting with no company, location or
// date shows the folder it came from, dimmed, its end kept when narrow;
// one with any of them shows no folder.
func TestRowWithoutMetaShowsFolder(t *testing.T) {
	st := NewStyles(true, false)
	tests := []struct {
		path  string
		width int
		want  string
	}{
		{"inbox/pasted/careers.txt", 40, "inbox/pasted/"},
		{"careers.txt", 40, "./"},
		{"/home/me/Downloads/postings/very-long-folder-name/x.md", 24, "…"},
		{"", 40, ""},
	}
	for _, tt := range tests {
		lines := renderRow(&st, rowView{p: &model.Posting{Title: "Untitled role", Path: tt.path}, now: testNow}, tt.width)
		second := ansi.Strip(lines[1])
		if ansi.StringWidth(lines[1]) != tt.width || strings.TrimSpace(second) != strings.TrimSpace(ansi.Strip(folderOf(tt.path, tt.width-3))) {
			t.Errorf("%q at %d: second line %q", tt.path, tt.width, second)
		}
		if !strings.Contains(second, tt.want) {
			t.Errorf("%q at %d: second line %q lacks %q", tt.path, tt.width, second, tt.want)
		}
		if !strings.Contains(lines[1], st.Dim.Render(strings.TrimSpace(second))) {
			t.Errorf("%q: the folder is not dimmed: %q", tt.path, lines[1])
		}
	}
	if got := folderOf("/home/me/Downloads/postings/very-long-folder-name/x.md", 21); got != "…ry-long-folder-name/" || ansi.StringWidth(got) != 21 {
		t.Errorf("a long folder keeps its end: %q (%d cells)", got, ansi.StringWidth(got))
	}
	withCompany := renderRow(&st, rowView{p: &model.Posting{Title: "Role", Company: "Acme", Path: "inbox/x.txt"}, now: testNow}, 40)
	if strings.Contains(ansi.Strip(withCompany[1]), "inbox") {
		t.Errorf("a row with a company shows its folder: %q", ansi.Strip(withCompany[1]))
	}
}
