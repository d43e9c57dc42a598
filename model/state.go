package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// StateVersion is the version of the state file format this jobdeck
// writes. It reads this version and version 1 (without stages and
// follow-ups), which it migrates on the first save (see Store.Save).
const StateVersion = 2

// Sentinel errors of the state store; check them with errors.Is.
var (
	// ErrCorrupt means the state file does not parse as a jobdeck state
	// file. The store then runs read-only and never touches the file.
	ErrCorrupt = errors.New("state file is corrupt")
	// ErrNewerVersion means the state file was written by a newer jobdeck
	// (its version is above StateVersion). The store then runs read-only.
	ErrNewerVersion = errors.New("state file is from a newer jobdeck")
	// ErrReadOnly is returned by the setters of a store that runs
	// read-only; the error also wraps the reason (see Store.ReadOnly).
	ErrReadOnly = errors.New("tags, shortlist and notes are read-only")
	// ErrLocked means another jobdeck held the state file's lock for longer
	// than Save is willing to wait; the changes stay in memory.
	ErrLocked = errors.New("state file is locked by another jobdeck")
	// ErrLoading is what ReadOnly returns for a store made by NewStore
	// until its Load is done.
	ErrLoading = errors.New("the state file is still loading")
)

// Entry is what the store keeps about one posting: the user's shortlist
// flag, tags and note, the application's stage with its history and a
// follow-up day, when they last changed, and a snapshot of the
// posting's title, company and URL so an export still makes sense when the
// posting's file is gone.
//
// An Entry is a value: the store hands out copies, and changing one does not
// change the store.
type Entry struct {
	Shortlisted bool
	Tags        []string
	Note        string
	Updated     time.Time // UTC; zero when unknown

	// Stage is where the application stands; StageNone when untracked.
	Stage Stage
	// History lists the stage changes, ordered by At (then stage), each
	// (stage, at) pair once. It is never modified in place.
	History []StageChange
	// FollowUp is the day to follow up, as Day returns it; zero when none.
	FollowUp time.Time

	Title   string
	Company string
	URL     string

	// extra holds fields of the posting's object this version does not know,
	// so a rewrite keeps them. It is never modified in place.
	extra map[string]json.RawMessage
}

// Empty reports whether the entry carries nothing the user set: not
// shortlisted, no tags, no note, no stage, no stage history, no follow-up.
// Empty entries are kept in the file as a
// record of when the user cleared them (so a merge does not bring the old
// values back) but are never exported.
func (e Entry) Empty() bool {
	return !e.Shortlisted && len(e.Tags) == 0 && e.Note == "" &&
		e.Stage == StageNone && len(e.History) == 0 && e.FollowUp.IsZero()
}

// HasTag reports whether the entry has tag name, compared case-insensitively.
func (e Entry) HasTag(name string) bool {
	return slices.ContainsFunc(e.Tags, func(t string) bool { return sameTag(t, name) })
}

// clone returns e with its own copy of Tags and History (extra is shared:
// it is never modified in place).
func (e Entry) clone() Entry {
	e.Tags = slices.Clone(e.Tags)
	e.History = slices.Clone(e.History)
	return e
}

// DefaultStatePath returns where the state file lives when the user gave no
// --state flag: $JOBDECK_STATE when set, else
// $XDG_DATA_HOME/jobdeck/state.json when XDG_DATA_HOME is an absolute path,
// else ~/.local/share/jobdeck/state.json. It fails only when none of these
// is set and the home folder is unknown.
func DefaultStatePath() (string, error) {
	if p := os.Getenv("JOBDECK_STATE"); p != "" {
		return p, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "jobdeck", "state.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("finding the state file: set JOBDECK_STATE or use --state: %w", err)
	}
	return filepath.Join(home, ".local", "share", "jobdeck", "state.json"), nil
}
