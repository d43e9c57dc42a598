package model

import (
	"slices"
	"testing"
	"time"
)

func TestEntryEmptyAndHasTag(t *testing.T) {
	if !(Entry{Title: "snapshot only", Updated: time.Now()}).Empty() {
		t.Error("entry with only a snapshot is not empty")
	}
	for _, e := range []Entry{{Shortlisted: true}, {Tags: []string{"x"}}, {Note: "n"}} {
		if e.Empty() {
			t.Errorf("%+v is empty", e)
		}
	}
	e := Entry{Tags: []string{"Remote", "go"}}
	if !e.HasTag("remote") || !e.HasTag("GO") || e.HasTag("rust") || e.HasTag("") {
		t.Error("HasTag compares wrongly")
	}
}

func TestEntryCloneIsIndependent(t *testing.T) {
	e := Entry{Tags: []string{"a"}}
	c := e.clone()
	c.Tags[0] = "changed"
	if !slices.Equal(e.Tags, []string{"a"}) {
		t.Error("clone shares its tags")
	}
}
