package model

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestStoreRefreshShowsOthersAndKeepsOwnChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	mine := openTestStore(t, path)
	other := openTestStore(t, path)
	if err := other.SetShortlisted(statePosting("theirs", "Rope Maker"), true); err != nil {
		t.Fatal(err)
	}
	if err := other.SetNote(statePosting("both", "Sail Maker"), "their note"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, other)
	if err := mine.SetNote(statePosting("both", "Sail Maker"), "my unsaved note"); err != nil {
		t.Fatal(err)
	}

	if err := mine.Refresh(); err != nil {
		t.Fatal(err)
	}
	if !mine.Shortlisted("theirs") {
		t.Error("Refresh did not bring in the other store's change")
	}
	if mine.Note("both") != "my unsaved note" || !mine.Dirty() {
		t.Errorf("Refresh dropped an unsaved change: %q dirty=%v", mine.Note("both"), mine.Dirty())
	}

	if err := os.WriteFile(path, []byte("{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := mine.Refresh(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Refresh of a corrupt file = %v, want ErrCorrupt", err)
	}
	if !mine.Shortlisted("theirs") || mine.ReadOnly() != nil {
		t.Error("a failed Refresh changed the store")
	}
}
