package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/model"
)

// SavedSearch is a filter query saved under a name.
type SavedSearch struct {
	Name, Query string
}

// SaveSearchesFunc writes the saved searches, all of them; it is called
// off the UI goroutine.
type SaveSearchesFunc func([]SavedSearch) error

// searchNamed is the name the user gave the query being saved.
type searchNamed struct{ name, query string }

func (searchNamed) isOverlayMsg() {}

// searchPicked is the saved search the user picked.
type searchPicked struct{ s SavedSearch }

func (searchPicked) isOverlayMsg() {}

// searchesSavedMsg ends the write of the saved searches.
type searchesSavedMsg struct {
	name string
	err  error
}

// searchCountsMsg is how many postings each saved search matches now.
type searchCountsMsg struct{ counts []int }

// onSaveSearch asks for the name to save the query typed under.
func (m *Model) onSaveSearch() tea.Cmd {
	q := m.browser.query()
	if q == "" {
		return nil
	}
	in := textinput.New()
	in.Prompt = "save search as: "
	in.CharLimit = 80
	in.SetStyles(inputStyles(&m.c.styles))
	m.browser.filtering = false
	m.browser.input.Blur()
	m.OpenOverlay(&nameOverlay{keys: &m.c.keys.Editor, st: &m.c.styles, in: in, query: q})
	return m.overlay.(*nameOverlay).in.Focus()
}

// saveSearch adds (or replaces) the search named and writes them all in
// a Cmd.
func (m *Model) saveSearch(msg searchNamed) tea.Cmd {
	s := SavedSearch{Name: msg.name, Query: msg.query}
	replaced := false
	for i := range m.c.searches {
		if m.c.searches[i].Name == s.Name {
			m.c.searches[i], replaced = s, true
		}
	}
	if !replaced {
		m.c.searches = append(m.c.searches, s)
	}
	save, all := m.c.saveSearches, append([]SavedSearch(nil), m.c.searches...)
	if save == nil {
		return m.flash("saved search "+clean(s.Name)+" for this session (no file to keep it in)", false)
	}
	return func() tea.Msg { return searchesSavedMsg{name: s.Name, err: save(all)} }
}

// onSearchesSaved says how the write went.
func (m *Model) onSearchesSaved(msg searchesSavedMsg) tea.Cmd {
	if msg.err != nil {
		return m.flash(msg.err.Error(), true)
	}
	return m.flash("saved search "+clean(msg.name), false)
}

// onSavedSearches opens the picker of saved searches and counts what each
// matches in a Cmd.
func (m *Model) onSavedSearches() tea.Cmd {
	in := textinput.New()
	in.Prompt = "saved search: "
	in.SetStyles(inputStyles(&m.c.styles))
	o := &searchPicker{keys: &m.c.keys.Editor, st: &m.c.styles, in: in, all: append([]SavedSearch(nil), m.c.searches...)}
	o.refilter()
	m.OpenOverlay(o)
	snap, ann, ss := m.c.coll.Snapshot(), m.c.filterAnn(), o.all
	count := func() tea.Msg {
		counts := make([]int, len(ss))
		for i, s := range ss {
			res, err := model.Filter(context.Background(), snap, model.ParseQuery(s.Query), model.SortNewest, ann, nil)
			counts[i] = -1
			if err == nil {
				counts[i] = res.Len()
			}
		}
		return searchCountsMsg{counts: counts}
	}
	return tea.Batch(o.in.Focus(), count)
}

// recallSearch runs the saved search a key of RecallSearch names by its
// place among the binding's keys.
func (m *Model) recallSearch(msg tea.KeyPressMsg) tea.Cmd {
	for i, k := range m.c.keys.RecallSearch.Keys() {
		if msg.String() == k {
			if i < len(m.c.searches) {
				return m.runSearch(m.c.searches[i])
			}
			return m.flash(fmt.Sprintf("no saved search %d", i+1), true)
		}
	}
	return nil
}

// runSearch makes s's query the filter's.
func (m *Model) runSearch(s SavedSearch) tea.Cmd {
	m.browser.input.SetValue(s.Query)
	if m.on != browserScreen {
		m.show(browserScreen)
	}
	return tea.Batch(m.browser.startQuery(), m.flash("search "+clean(s.Name)+": "+clean(s.Query), false))
}

// nameOverlay asks for the name of the query being saved.
type nameOverlay struct {
	keys  *keymap.EditorKeys
	st    *Styles
	in    textinput.Model
	query string
}

func (o *nameOverlay) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case keyMatches(k, o.keys.Accept):
			if name := strings.TrimSpace(o.in.Value()); name != "" {
				return searchNamed{name: name, query: o.query}, nil
			}
			return nil, nil
		case keyMatches(k, o.keys.Cancel):
			return cancelled{say: "search not saved"}, nil
		}
	}
	var cmd tea.Cmd
	o.in, cmd = o.in.Update(msg)
	return nil, cmd
}

func (o *nameOverlay) Lines(int) int { return 3 }

func (o *nameOverlay) View(width, height int) string {
	o.in.SetWidth(max(width-len(o.in.Prompt)-1, 1))
	acc, cancel := o.keys.Accept, o.keys.Cancel
	lines := []string{o.st.Label.Render("query ") + o.st.Value.Render(clean(o.query)), o.in.View()}
	return strings.Join(append(lines, helpLines(o.st, []key.Binding{acc, cancel}, width)...)[:min(height, 3)], "\n")
}

// searchPicker lists the saved searches, fuzzy-filtered by what is typed,
// each with how many postings it matches now.
type searchPicker struct {
	keys   *keymap.EditorKeys
	st     *Styles
	in     textinput.Model
	all    []SavedSearch
	counts []int // nil until counted; -1: the query failed
	shown  []int // indexes into all, as filtered
	cur    int
}

// refilter keeps the searches whose name or query hold what is typed, in
// order, as a subsequence (case and accents folded).
func (o *searchPicker) refilter() {
	pat := foldString(strings.TrimSpace(o.in.Value()))
	o.shown = o.shown[:0]
	for i, s := range o.all {
		if subsequence(foldString(s.Name+" "+s.Query), pat) {
			o.shown = append(o.shown, i)
		}
	}
	o.cur = clampInt(o.cur, 0, max(len(o.shown)-1, 0))
}

// subsequence reports whether pat's runes appear in s in order.
func subsequence(s, pat []rune) bool {
	j := 0
	for _, r := range s {
		if j < len(pat) && r == pat[j] {
			j++
		}
	}
	return j == len(pat)
}

func (o *searchPicker) Update(msg tea.Msg) (overlayMsg, tea.Cmd) {
	switch msg := msg.(type) {
	case searchCountsMsg:
		o.counts = msg.counts
		return nil, nil
	case tea.KeyPressMsg:
		switch {
		case keyMatches(msg, o.keys.Accept):
			if len(o.shown) == 0 {
				return nil, nil
			}
			return searchPicked{o.all[o.shown[o.cur]]}, nil
		case keyMatches(msg, o.keys.Cancel):
			return cancelled{say: ""}, nil
		case keyMatches(msg, o.keys.NextTag):
			o.cur = clampInt(o.cur+1, 0, max(len(o.shown)-1, 0))
			return nil, nil
		case keyMatches(msg, o.keys.PrevTag):
			o.cur = clampInt(o.cur-1, 0, max(len(o.shown)-1, 0))
			return nil, nil
		}
	}
	var cmd tea.Cmd
	before := o.in.Value()
	o.in, cmd = o.in.Update(msg)
	if o.in.Value() != before {
		o.refilter()
	}
	return nil, cmd
}

func (o *searchPicker) Lines(int) int { return maxOverlayLines }

func (o *searchPicker) View(width, height int) string {
	o.in.SetWidth(max(width-len(o.in.Prompt)-1, 1))
	lines := []string{o.in.View()}
	rows := max(height-1, 1)
	from := clampInt(o.cur-rows+1, 0, max(len(o.shown)-rows, 0))
	for k := from; k < len(o.shown) && len(lines) <= rows; k++ {
		i := o.shown[k]
		count := "…"
		if o.counts != nil {
			count = groupDigits(o.counts[i])
			if o.counts[i] < 0 {
				count = "?"
			}
		}
		bar, name := "  ", o.st.Title.Render(clean(o.all[i].Name))
		if k == o.cur {
			bar, name = o.st.Bar.Render("┃ "), o.st.SelectedTitle.Render(clean(o.all[i].Name))
		}
		place := "  "
		if i < 9 {
			place = fmt.Sprintf("%d ", i+1)
		}
		lines = append(lines, fit(bar+o.st.Dim.Render(place)+name+"  "+o.st.Meta.Render(clean(o.all[i].Query)+" · "+count), width))
	}
	if len(o.shown) == 0 {
		lines = append(lines, o.st.Dim.Render("  no saved search matches"))
	}
	return strings.Join(lines, "\n")
}
