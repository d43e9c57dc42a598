package ui

import (
	"slices"
	"strings"
	"testing"
)

func TestTagsPrefillCompleteSave(t *testing.T) {
	m, st, path := newStoreModel(t)
	other, _ := collection(m).ByID("c")
	if err := st.SetTags(other, []string{"remote", "Rust", "go"}); err != nil {
		t.Fatal(err)
	}
	p := selected(m)
	if err := st.SetTags(p, []string{"go"}); err != nil {
		t.Fatal(err)
	}
	send(t, m, kp("t"))
	o, ok := openOverlay(m).(*tagsOverlay)
	if !ok {
		t.Fatalf("t opened %T", openOverlay(m))
	}
	if v := o.input.Value(); v != "go" {
		t.Errorf("prefill %q, want go", v)
	}
	if !keysOf(m).Editor.Accept.Enabled() || keysOf(m).Quit.Enabled() {
		t.Error("keymap not in input mode")
	}
	if s := screenText(m); !contains(s, "tags: go") || !contains(s, "enter save") || !contains(s, "esc cancel") || !contains(s, "tab complete") {
		t.Errorf("editor or its keys not shown:\n%s", s)
	}
	typeText(t, m, ", r")
	if got := o.matching(); !slices.Equal(got, []string{"remote", "Rust"}) {
		t.Errorf("completions for r: %v, want [remote Rust] (go is taken)", got)
	}
	typeText(t, m, "u")
	send(t, m, kp("tab"))
	if v := o.input.Value(); v != "go, rust" {
		t.Errorf("after tab: %q", v)
	}
	typeText(t, m, " new-one")
	send(t, m, kp("enter"))
	if openOverlay(m) != nil {
		t.Fatal("enter did not close the editor")
	}
	want := []string{"go", "rust", "new-one"}
	if got := st.Tags(p.ID); !slices.Equal(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	if got := reopen(t, path).Tags(p.ID); !slices.Equal(got, want) {
		t.Errorf("saved tags %v, want %v", got, want)
	}
	s := strings.Join(strings.Fields(screenText(m)), " ")
	if !contains(s, "Tags go rust new-one") {
		t.Errorf("detail header lacks the tags:\n%s", screenText(m))
	}
	if !contains(s, p.Title+" go rust new-one") {
		t.Errorf("row lacks the tag labels:\n%s", screenText(m))
	}
}

func TestTagsEscCancels(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp("t"))
	typeText(t, m, "remote")
	send(t, m, kp("esc"))
	if openOverlay(m) != nil || st.Tags(selected(m).ID) != nil || st.Dirty() || flashText(m) != "tags unchanged" {
		t.Errorf("esc: overlay %v, tags %v, dirty %v, msg %q", openOverlay(m), st.Tags(selected(m).ID), st.Dirty(), flashText(m))
	}
	if keysOf(m).Editor.Accept.Enabled() || !keysOf(m).Quit.Enabled() {
		t.Error("keymap still in input mode")
	}
}

func TestTagsFilterAndClearing(t *testing.T) {
	m, st, _ := newStoreModel(t)
	p := selected(m)
	send(t, m, kp("t"))
	typeText(t, m, "onsite")
	send(t, m, kp("enter"))
	send(t, m, kp("/"))
	typeText(t, m, "tag:onsite")
	send(t, m, kp("enter"))
	if got := titles(m); !slices.Equal(got, []string{p.Title}) {
		t.Fatalf("tag:onsite shows %v", got)
	}
	// Emptying the input removes the tags, and the tag: query runs again.
	send(t, m, kp("t"))
	for range "onsite" {
		send(t, m, kp("backspace"))
	}
	send(t, m, kp("enter"))
	if st.Tags(p.ID) != nil || result(m).Len() != 0 {
		t.Errorf("tags %v, rows %v", st.Tags(p.ID), titles(m))
	}
}

// TestTagsTakenInTheSameUpdate: the tags are in the store as soon as
// enter is handled, before any Cmd runs, so a q typed right after cannot
// quit without them.
func TestTagsTakenInTheSameUpdate(t *testing.T) {
	m, st, _ := newStoreModel(t)
	send(t, m, kp("t"))
	typeText(t, m, "wildlife")
	m.Update(kp("enter")) // its Cmds are not run
	if got := st.Tags(selected(m).ID); len(got) != 1 || got[0] != "wildlife" || openOverlay(m) != nil {
		t.Errorf("after enter: tags %q, overlay %v", got, openOverlay(m))
	}
}
