package ui

import (
	"fmt"
	"image/color"
	"math/rand/v2"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

// TestBodyRendersAfterAnnotationsChange: a new result brings a posting
// next to the cursor that was never rendered; annotations change outside
// Update; the cursor moves onto it. Its body must render, not stay
// "rendering…" because a render was marked pending and then dropped.
func TestBodyRendersAfterAnnotationsChange(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	first := selected(m)
	setFilterText(m, "-senior") // keeps the first row, drops the second
	pump(t, m, startQuery(m), 0)
	if selected(m) != first || result(m).Len() != 3 {
		t.Fatalf("setup: %d rows, cursor on %q", result(m).Len(), selected(m).Title)
	}
	m.SetAnnotations(fakeAnn{star: map[string]bool{"c": true}})
	send(t, m, kp("j"))
	if got := ansi.Strip(m.render()); strings.Contains(got, "rendering…") || detailOf(m).body == nil {
		t.Errorf("the body of %q never rendered:\n%s", selected(m).Title, got)
	}
}

// TestDetailAlwaysReconciled runs seeded random sequences of annotation
// changes, filter results, cursor moves, style changes and resizes, every
// Cmd run, and checks the reconcile rule after each step: the detail
// pane shows the selected posting at the pane's width in the current
// style, with its body rendered.
func TestDetailAlwaysReconciled(t *testing.T) {
	queries := []string{"", "e", "-senior", "go", "berlin", "data", "zzz", "company:acme", "is:starred", "tag:go"}
	ids := []string{"a", "b", "c", "d"}
	for seed := range uint64(8) {
		r := rand.New(rand.NewPCG(seed, 99))
		m := newTestModel(t, 120, 40, fixture())
		followBackground(m) // follow the background, so the style changes too
		var steps []string
		for step := range 60 {
			var what string
			switch r.IntN(6) {
			case 0:
				ann := fakeAnn{star: map[string]bool{}, tags: map[string][]string{}}
				for _, id := range ids {
					ann.star[id] = r.IntN(2) == 0
					if r.IntN(2) == 0 {
						ann.tags[id] = []string{"go"}
					}
				}
				m.SetAnnotations(ann)
				what = fmt.Sprintf("annotations %v %v", ann.star, ann.tags)
			case 1:
				q := queries[r.IntN(len(queries))]
				setFilterText(m, q)
				pump(t, m, startQuery(m), 0)
				what = "filter " + q
			case 2:
				w, h := 30+r.IntN(130), 8+r.IntN(40)
				send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
				what = fmt.Sprintf("resize %dx%d", w, h)
			case 3:
				k := []string{"j", "k", "G", "g", "tab", "enter", "esc"}[r.IntN(7)]
				send(t, m, kp(k))
				what = "key " + k
			case 4:
				bg := []color.Color{colorWhite{}, color.Black}[r.IntN(2)]
				send(t, m, tea.BackgroundColorMsg{Color: bg})
				what = fmt.Sprintf("background %v", bg)
			case 5:
				send(t, m, batchMsg{postings: []*model.Posting{{ID: fmt.Sprint("n", step), Title: "New " + fmt.Sprint(step), Body: "new body"}}})
				what = "batch"
			}
			steps = append(steps, what)
			if err := reconciled(m); err != nil {
				t.Fatalf("seed %d after %s: %v", seed, strings.Join(steps, "; "), err)
			}
		}
	}
}

// reconciled checks the reconcile rule on m.
func reconciled(m *Model) error {
	l := layoutOf(m)
	if l.tooSmall {
		return nil
	}
	d := detailOf(m)
	want := l.detailW - 1
	if l.single {
		want = l.detailW
	}
	switch {
	case d.p != selected(m):
		return fmt.Errorf("the pane shows %v, the cursor is on %v", d.p, selected(m))
	case d.width != want || d.style != stylesOf(m).glamourStyle():
		return fmt.Errorf("the pane is %d wide in %q, want %d in %q", d.width, d.style.name, want, stylesOf(m).glamourStyle().name)
	case d.p != nil && d.body == nil && d.failed == "":
		return fmt.Errorf("the body of %q is not rendered", d.p.Title)
	}
	return nil
}
