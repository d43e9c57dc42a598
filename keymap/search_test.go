package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestSearchInPostingKeys(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    Context
		on   []string
		off  []string
	}{
		{"list", Context{Mode: ModeList, Selection: true, Store: true}, []string{"Filter", "Note"}, []string{"Search", "NextMatch", "EndSearch"}},
		{"detail", Context{Mode: ModeDetail, Selection: true, Store: true}, []string{"Search", "Note"}, []string{"Filter", "NextMatch", "PrevMatch", "EndSearch"}},
		{"typing", Context{Mode: ModeSearch, Selection: true, Store: true}, []string{"SearchAccept", "SearchCancel", "ForceQuit"}, []string{"Note", "Quit", "Search", "Filter", "Up"}},
		{"searching", Context{Mode: ModeDetail, Selection: true, Store: true, Searching: true, Filtered: true, Marks: true}, []string{"NextMatch", "PrevMatch", "EndSearch", "Search"}, []string{"Note", "ClearFilter", "ClearMarks"}},
		{"searching, single pane", Context{Mode: ModeDetail, SinglePane: true, Selection: true, Searching: true}, []string{"EndSearch"}, []string{"Back"}},
		{"list while a search stays", Context{Mode: ModeList, Selection: true, Store: true, Searching: true}, []string{"Note", "Filter"}, []string{"NextMatch", "EndSearch"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			k := DefaultKeyMap()
			k.SetContext(tt.c)
			all := k.byName()
			for _, n := range tt.on {
				if !all[n].Enabled() {
					t.Errorf("%s disabled", n)
				}
			}
			for _, n := range tt.off {
				if all[n].Enabled() {
					t.Errorf("%s enabled", n)
				}
			}
			for _, s := range []string{"esc", "enter", "n", "/"} {
				n := 0
				for _, b := range all {
					if key.Matches(press(s), b) {
						n++
					}
				}
				if n > 1 {
					t.Errorf("%d bindings claim %s", n, s)
				}
			}
		})
	}
}
