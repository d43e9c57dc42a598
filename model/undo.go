package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// maxUndo is how many steps Undo can go back: the oldest steps beyond it
// are forgotten.
const maxUndo = 200

// Errors of Undo and Redo; check them with errors.Is.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)

// fieldSet names fields of an Entry a change touched.
type fieldSet uint8

const (
	fieldShortlist fieldSet = 1 << iota
	fieldTags
	fieldNote
	fieldStage // the stage and its history, always together
	fieldFollowUp
)

// changedFields returns the fields in which e differs from old.
func changedFields(old, e Entry) fieldSet {
	var f fieldSet
	if old.Shortlisted != e.Shortlisted {
		f |= fieldShortlist
	}
	if !slices.Equal(old.Tags, e.Tags) {
		f |= fieldTags
	}
	if old.Note != e.Note {
		f |= fieldNote
	}
	sameChange := func(a, b StageChange) bool { return compareStageChange(a, b) == 0 }
	if old.Stage != e.Stage || !slices.EqualFunc(old.History, e.History, sameChange) {
		f |= fieldStage
	}
	if !old.FollowUp.Equal(e.FollowUp) {
		f |= fieldFollowUp
	}
	return f
}

// revertFields turns the fields f of dst from their values in from back
// to those in to, where dst still holds from's value: a field that changed
// since (another jobdeck's change, merged in by Save or Refresh) is kept,
// and reported in kept. The history is reverted as a set: the records from
// added are removed, those it removed come back, records added since stay.
func revertFields(dst *Entry, from, to Entry, f fieldSet) (kept fieldSet) {
	if f&fieldShortlist != 0 {
		if dst.Shortlisted == from.Shortlisted {
			dst.Shortlisted = to.Shortlisted
		} else {
			kept |= fieldShortlist
		}
	}
	if f&fieldTags != 0 {
		if slices.Equal(dst.Tags, from.Tags) {
			dst.Tags = slices.Clone(to.Tags)
		} else {
			kept |= fieldTags
		}
	}
	if f&fieldNote != 0 {
		if dst.Note == from.Note {
			dst.Note = to.Note
		} else {
			kept |= fieldNote
		}
	}
	if f&fieldStage != 0 {
		if dst.Stage == from.Stage {
			dst.Stage = to.Stage
		} else {
			kept |= fieldStage
		}
		dst.History = mergeHistory(from.History, to.History, dst.History)
	}
	if f&fieldFollowUp != 0 {
		if dst.FollowUp.Equal(from.FollowUp) {
			dst.FollowUp = to.FollowUp
		} else {
			kept |= fieldFollowUp
		}
	}
	return kept
}

// undoItem is what one step did to one posting: which fields it changed,
// and the entry before and after.
type undoItem struct {
	id            string
	fields        fieldSet
	before, after Entry
}

// undoStep is one change the user made: to one posting, or to many at once
// (a bulk change), which Undo takes back as one.
type undoStep struct {
	what  string // what changed, for the status line; "" to derive it
	items []undoItem
}

// has reports whether the step already changed posting id.
func (st undoStep) has(id string) bool {
	return slices.ContainsFunc(st.items, func(it undoItem) bool { return it.id == id })
}

// describe says what the step did and to what, for the status line:
// "applied → Acme Backend Engineer", "tags go, remote → 3 postings".
func (st undoStep) describe() string {
	what := st.what
	if what == "" {
		what = describeChange(st.items[0])
	}
	target := fmt.Sprintf("%d postings", len(st.items))
	if len(st.items) == 1 {
		e := st.items[0].after
		target = strings.TrimSpace(e.Company + " " + e.Title)
		if target == "" {
			target = "a posting"
		}
	}
	return what + " → " + target
}

// describeChange names the change of one item: its new stage, "shortlisted",
// "tags go, remote", "note", "follow-up 2026-12-15", and so on.
func describeChange(it undoItem) string {
	var parts []string
	e := it.after
	if it.fields&fieldStage != 0 {
		if e.Stage == StageNone {
			parts = append(parts, "no stage")
		} else {
			parts = append(parts, e.Stage.String())
		}
	}
	if it.fields&fieldShortlist != 0 {
		parts = append(parts, map[bool]string{true: "shortlisted", false: "off the shortlist"}[e.Shortlisted])
	}
	if it.fields&fieldTags != 0 {
		if len(e.Tags) == 0 {
			parts = append(parts, "tags removed")
		} else {
			parts = append(parts, "tags "+strings.Join(e.Tags, ", "))
		}
	}
	if it.fields&fieldNote != 0 {
		parts = append(parts, map[bool]string{true: "note removed", false: "note"}[e.Note == ""])
	}
	if it.fields&fieldFollowUp != 0 {
		if e.FollowUp.IsZero() {
			parts = append(parts, "follow-up cleared")
		} else {
			parts = append(parts, "follow-up "+e.FollowUp.Format(dayLayout))
		}
	}
	return strings.Join(parts, ", ")
}

// undoStack holds a session's steps: done (most recent last, at most
// maxUndo) and undone, the ones Redo can bring back.
type undoStack struct {
	done, undone []undoStep
}

// push records a new step, which ends what Redo could bring back. An
// empty step (nothing changed) is not recorded.
func (u *undoStack) push(st undoStep) {
	if len(st.items) == 0 {
		return
	}
	if len(u.done) >= maxUndo {
		u.done = slices.Delete(u.done, 0, len(u.done)-maxUndo+1)
	}
	u.done = append(u.done, st)
	u.undone = nil
}

// Undo takes back the latest change this store made (and did not undo
// yet): to tags, shortlist, note, stage or follow-up, of one posting or of
// all postings of a bulk change. It writes back the previous values of only
// the fields that change touched, as a new change in memory, so the next
// Save merges it with the file like any other: what another jobdeck saved
// meanwhile, in other fields or other postings, is kept. A field this store
// has meanwhile seen another jobdeck change (through Save or Refresh) keeps
// that change; stage history records are taken back one by one. It returns
// what it undid for the status line ("undid: applied → Acme Backend
// Engineer", with "; kept a newer change from elsewhere" when a field was
// kept), or an error wrapping ErrNothingToUndo or ErrReadOnly.
func (s *Store) Undo() (string, error) {
	return s.replay(true)
}

// Redo makes the latest undone change again, the way Undo takes it back.
// It returns "redid: …", or an error wrapping ErrNothingToRedo or
// ErrReadOnly. A new change after an undo ends what Redo can bring back.
func (s *Store) Redo() (string, error) {
	return s.replay(false)
}

// CanUndo and CanRedo report whether Undo and Redo have a step to take.
func (s *Store) CanUndo() bool { return s.undoDepth(true) > 0 }

// CanRedo reports whether Redo has a step to bring back.
func (s *Store) CanRedo() bool { return s.undoDepth(false) > 0 }

func (s *Store) undoDepth(done bool) int {
	if s == nil {
		return 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if done {
		return len(s.undo.done)
	}
	return len(s.undo.undone)
}

// replay undoes (back) or redoes the latest step.
func (s *Store) replay(back bool) (string, error) {
	if s == nil {
		return "", ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.roErr != nil {
		return "", fmt.Errorf("%w: %w", ErrReadOnly, s.roErr)
	}
	from, to, verb, none := &s.undo.done, &s.undo.undone, "undid: ", ErrNothingToUndo
	if !back {
		from, to, verb, none = &s.undo.undone, &s.undo.done, "redid: ", ErrNothingToRedo
	}
	if len(*from) == 0 {
		return "", none
	}
	st := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	var kept fieldSet
	for _, it := range st.items {
		from, want := it.before, it.after
		if back {
			from, want = it.after, it.before
		}
		old := s.entries[it.id]
		e := old.clone()
		kept |= revertFields(&e, from, want, it.fields)
		if changedFields(old, e) != 0 {
			s.commit(it.id, old, e)
		}
	}
	*to = append(*to, st)
	msg := verb + st.describe()
	if kept != 0 {
		msg += "; kept a newer change from elsewhere"
	}
	return msg, nil
}
