package keymap

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func TestDefaultKeyMapStoreKeysDisabled(t *testing.T) {
	k := DefaultKeyMap()
	for name, b := range map[string]key.Binding{"s": k.Shortlist, "t": k.Tags, "n": k.Note, "L": k.ShortlistView, "x": k.Export} {
		if b.Enabled() {
			t.Errorf("%s enabled without a store", name)
		}
		if key.Matches(press(name), b) {
			t.Errorf("%s matched while disabled", name)
		}
	}
	k.SetContext(Context{Mode: ModeList, Store: true, Selection: true})
	if !key.Matches(press("s"), k.Shortlist) || !key.Matches(press("x"), k.Export) {
		t.Error("store keys not enabled with a store and a selection")
	}
}

func TestSetContext(t *testing.T) {
	tests := []struct {
		name string
		c    Context
		on   []string
		off  []string
	}{
		{"two panes", Context{Mode: ModeList, Selection: true}, []string{"SwitchFocus", "Filter", "Quit", "Down"}, []string{"Open", "Back", "FilterAccept", "ClearFilter"}},
		{"single list", Context{Mode: ModeList, SinglePane: true, Selection: true}, []string{"Open"}, []string{"Back", "SwitchFocus"}},
		{"single list empty", Context{Mode: ModeList, SinglePane: true}, nil, []string{"Open"}},
		{"single detail filtered", Context{Mode: ModeDetail, SinglePane: true, Filtered: true}, []string{"Back"}, []string{"Open", "ClearFilter"}},
		{"filtered list", Context{Mode: ModeList, Filtered: true}, []string{"ClearFilter"}, []string{"FilterCancel"}},
		{"filter input", Context{Mode: ModeFilter}, []string{"FilterAccept", "FilterCancel", "FilterPrev", "FilterNext", "ForceQuit"}, []string{"Quit", "Down", "Filter", "Sort", "Help"}},
		{"modal input", Context{Mode: ModeInput, Store: true, Selection: true}, []string{"ForceQuit"}, []string{"Quit", "Shortlist", "FilterAccept"}},
	}
	for _, tt := range tests {
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
		})
	}
}

func TestEscHasOneMeaning(t *testing.T) {
	// Whatever the context, at most one enabled binding claims esc, and the
	// same holds for enter, so the router never has to guess.
	for _, mode := range []Mode{ModeList, ModeDetail, ModeFilter, ModeInput} {
		for _, single := range []bool{false, true} {
			for _, filtered := range []bool{false, true} {
				k := DefaultKeyMap()
				k.SetContext(Context{Mode: mode, SinglePane: single, Filtered: filtered, Selection: true, Store: true})
				for _, s := range []string{"esc", "enter", "up", "down"} {
					n := 0
					for name, b := range k.byName() {
						if key.Matches(press(s), b) {
							n++
							_ = name
						}
					}
					if n > 1 {
						t.Errorf("mode %d single %v filtered %v: %d bindings claim %s", mode, single, filtered, n, s)
					}
				}
			}
		}
	}
}

func TestHelpListsOnlyOwnBindings(t *testing.T) {
	k := DefaultKeyMap()
	n := 0
	for _, g := range k.FullHelp() {
		n += len(g)
	}
	if n != len(k.byName()) {
		t.Errorf("full help has %d bindings, keymap has %d", n, len(k.byName()))
	}
	for _, b := range k.ShortHelp() {
		if b.Help().Key == "" {
			t.Errorf("short help binding %v has no help text", b.Keys())
		}
	}
}

func TestTrackingContexts(t *testing.T) {
	k := DefaultKeyMap()
	k.SetContext(Context{Mode: ModeBoard, Store: true, Selection: true})
	for name, on := range map[string]bool{
		"board_left": k.BoardLeft.Enabled(), "next_stage": k.NextStage.Enabled(), "open": k.Open.Enabled(),
		"close_view": k.CloseView.Enabled(), "follow_up": k.FollowUp.Enabled(), "open_url": k.OpenURL.Enabled(),
		"stage": !k.Stage.Enabled(), "mark": !k.Mark.Enabled(), "shortlist": !k.Shortlist.Enabled(), "switch_focus": !k.SwitchFocus.Enabled(),
	} {
		if !on {
			t.Errorf("on the board, %s is enabled wrongly", name)
		}
	}
	k.SetContext(Context{Mode: ModeBoard, Store: true, Selection: true, Filtered: true})
	if k.CloseView.Enabled() || !k.ClearFilter.Enabled() {
		t.Error("on a filtered board esc does not clear the filter first")
	}
	k.SetContext(Context{Mode: ModeList, Store: true, Selection: true, Filtered: true, Marks: true})
	if !k.ClearMarks.Enabled() || k.ClearFilter.Enabled() {
		t.Error("with marks and a filter, esc does not clear the marks first")
	}
	k.SetContext(Context{Mode: ModeList, Store: true, Marks: true})
	if !k.Stage.Enabled() || !k.Shortlist.Enabled() {
		t.Error("marks without a selection leave a and s off")
	}
	k.SetContext(Context{Mode: ModeList, Store: false, Selection: true})
	if k.Stage.Enabled() || k.Undo.Enabled() || k.Board.Enabled() || !k.OpenURL.Enabled() {
		t.Error("without a store, the tracking keys are on or o is off")
	}
}

func TestAddPostingNeedsAFolderAndBrowsing(t *testing.T) {
	for _, c := range []struct {
		ctx  Context
		want bool
	}{
		{Context{Mode: ModeList, Add: true}, true},
		{Context{Mode: ModeDetail, Add: true}, true},
		{Context{Mode: ModeList}, false},
		{Context{Mode: ModeFilter, Add: true}, false},
		{Context{Mode: ModeInput, Add: true}, false},
		{Context{Mode: ModeBoard, Add: true}, false},
	} {
		k := DefaultKeyMap()
		k.SetContext(c.ctx)
		if got := key.Matches(press("A"), k.AddPosting); got != c.want {
			t.Errorf("%+v: A adds %v, want %v", c.ctx, got, c.want)
		}
	}
}
