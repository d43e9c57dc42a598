package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// The per-posting fields version 2 of the state file added.
const (
	stateKeyStage    = "stage"
	stateKeyHistory  = "history"
	stateKeyFollowUp = "follow_up"
)

// v1FieldPrefix renames a field of a version 1 file that happens to carry
// a name version 2 gives a meaning (stage, history, follow_up): it is kept,
// as an unknown field, under "v1_" + its name.
const v1FieldPrefix = "v1_"

// isTrackKey reports whether k is one of the fields version 2 added.
func isTrackKey(k string) bool {
	return k == stateKeyStage || k == stateKeyHistory || k == stateKeyFollowUp
}

// trackJSON holds the version 2 fields of one posting's object as decoded.
type trackJSON struct {
	Stage    string
	History  []stageChangeJSON
	FollowUp string
}

// stageChangeJSON is one element of "history" in the file.
type stageChangeJSON struct {
	Stage string `json:"stage"`
	At    string `json:"at"`
}

// apply validates the decoded version 2 fields and sets them on e.
func (tj *trackJSON) apply(e *Entry) error {
	st, err := stageByName(tj.Stage)
	if err != nil {
		return fmt.Errorf("field %q: %w", stateKeyStage, err)
	}
	e.Stage = st
	for i, h := range tj.History {
		st, err := stageByName(h.Stage)
		if err == nil && st == StageNone {
			err = fmt.Errorf("no stage")
		}
		if err != nil {
			return fmt.Errorf("field %q, record %d: %w", stateKeyHistory, i+1, err)
		}
		at, err := time.Parse(time.RFC3339Nano, h.At)
		if err != nil {
			return fmt.Errorf("field %q, record %d: %q is not an RFC 3339 time", stateKeyHistory, i+1, h.At)
		}
		e.History = append(e.History, StageChange{Stage: st, At: clampStateTime(at)})
	}
	e.History = normalizeHistory(e.History)
	if tj.FollowUp != "" {
		d, err := time.Parse(dayLayout, tj.FollowUp)
		if err != nil {
			return fmt.Errorf("field %q: %q is not a YYYY-MM-DD day", stateKeyFollowUp, tj.FollowUp)
		}
		e.FollowUp = d
	}
	return nil
}

// stageByName returns the stage exactly named s ("" is StageNone).
func stageByName(s string) (Stage, error) {
	for st, name := range stageNames {
		if s == name {
			return Stage(st), nil
		}
	}
	return StageNone, fmt.Errorf("%w %q", ErrUnknownStage, s)
}

// compareStageChange orders history records by time, then stage.
func compareStageChange(a, b StageChange) int {
	return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Stage, b.Stage))
}

// normalizeHistory sorts h by time and drops repeated records; nil when
// empty. It sorts h in place.
func normalizeHistory(h []StageChange) []StageChange {
	if len(h) == 0 {
		return nil
	}
	slices.SortFunc(h, compareStageChange)
	return slices.CompactFunc(h, func(a, b StageChange) bool { return compareStageChange(a, b) == 0 })
}

// mergeHistory merges the stage histories of one posting three ways: the
// file's records (theirs), plus those this store added since base, minus
// those it removed since base (an undo). Records two stores added at once
// are all kept.
func mergeHistory(base, mine, theirs []StageChange) []StageChange {
	has := func(h []StageChange, c StageChange) bool {
		_, ok := slices.BinarySearchFunc(h, c, compareStageChange)
		return ok
	}
	out := make([]StageChange, 0, len(theirs)+len(mine))
	for _, c := range theirs {
		if !has(base, c) || has(mine, c) {
			out = append(out, c)
		}
	}
	for _, c := range mine {
		if !has(base, c) {
			out = append(out, c)
		}
	}
	return normalizeHistory(out)
}

// mergeTrack is merge3 for the version 2 fields: stage and follow-up field
// by field (a field only one side changed takes that side; both changed:
// the newer entry), the history three ways (see mergeHistory).
func mergeTrack(out *Entry, base, mine, theirs Entry, theirsNewer bool) {
	switch {
	case mine.Stage == base.Stage:
	case theirs.Stage == base.Stage || !theirsNewer:
		out.Stage = mine.Stage
	}
	switch {
	case mine.FollowUp.Equal(base.FollowUp):
	case theirs.FollowUp.Equal(base.FollowUp) || !theirsNewer:
		out.FollowUp = mine.FollowUp
	}
	out.History = mergeHistory(base.History, mine.History, theirs.History)
}

// StageAt returns when the posting moved to its current stage: the time of
// the latest history record of that stage; zero when it has none.
func (e Entry) StageAt() time.Time {
	for i := len(e.History) - 1; i >= 0; i-- {
		if e.History[i].Stage == e.Stage {
			return e.History[i].At
		}
	}
	return time.Time{}
}

// LastChange returns the time of the latest stage change; zero when none.
func (e Entry) LastChange() time.Time {
	if len(e.History) == 0 {
		return time.Time{}
	}
	return e.History[len(e.History)-1].At
}

// FollowUpDue reports whether the entry has a follow-up on the day of now
// (in now's location) or earlier.
func (e Entry) FollowUpDue(now time.Time) bool {
	return !e.FollowUp.IsZero() && !e.FollowUp.After(Day(now))
}
