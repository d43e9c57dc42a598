package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Track is what the store knows of one posting's application: its stage,
// its stage history and its follow-up day (see Entry).
type Track struct {
	Stage    Stage
	History  []StageChange // shared with the store: do not modify
	FollowUp time.Time
}

// Tracking answers the queries and sort orders that read the application
// state (stage:, is:active, is:closed, is:due, applied:<14d, the stage and
// follow-up orders). The store implements it; an Annotations that does not
// is treated as tracking nothing. Filter calls it from several goroutines
// at once, so an implementation must be safe for concurrent reads.
type Tracking interface {
	Track(id string) Track
}

// Track returns the stage, stage history and follow-up of posting id; the
// zero Track when it has none. It does not copy the history.
func (s *Store) Track(id string) Track {
	if s == nil {
		return Track{}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e := s.entries[id]
	return Track{Stage: e.Stage, History: e.History, FollowUp: e.FollowUp}
}

// TrackedIDs returns the ids of the postings that have a stage, in no
// order. It copies no entry: the board asks for it on every change.
func (s *Store) TrackedIDs() []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var ids []string
	for id, e := range s.entries {
		if e.Stage != StageNone {
			ids = append(ids, id)
		}
	}
	return ids
}

// SetShortlistedAll puts every posting of ps on the shortlist, or takes it
// off: one undo step.
func (s *Store) SetShortlistedAll(ps []*Posting, on bool) error {
	return s.update(ps, "", func(e *Entry) { e.Shortlisted = on })
}

// AddTags adds tags (normalised as ParseTags does) to every posting of ps
// that lacks them, keeping its other tags: one undo step.
func (s *Store) AddTags(ps []*Posting, tags []string) error {
	tags = normalizeTags(tags)
	what := "tag +" + strings.Join(tags, " +")
	return s.update(ps, what, func(e *Entry) { e.Tags = normalizeTags(append(e.Tags, tags...)) })
}

// RemoveTags removes tags (compared case-insensitively) from every posting
// of ps: one undo step.
func (s *Store) RemoveTags(ps []*Posting, tags []string) error {
	tags = normalizeTags(tags)
	what := "tag −" + strings.Join(tags, " −")
	return s.update(ps, what, func(e *Entry) {
		e.Tags = slices.DeleteFunc(e.Tags, func(t string) bool {
			return slices.ContainsFunc(tags, func(r string) bool { return sameTag(t, r) })
		})
		if len(e.Tags) == 0 {
			e.Tags = nil
		}
	})
}

// SetStage moves p to stage st, recording the change in its history as
// made at at (the current time when zero; it may lie in the past).
// Setting the stage p is already in corrects that stage's date instead of
// adding a record. StageNone stops tracking p; its history is kept.
func (s *Store) SetStage(p *Posting, st Stage, at time.Time) error {
	return s.SetStageAll([]*Posting{p}, st, at)
}

// SetStageAll is SetStage for every posting of ps: one undo step.
func (s *Store) SetStageAll(ps []*Posting, st Stage, at time.Time) error {
	if !st.Valid() {
		return fmt.Errorf("%w: %v", ErrUnknownStage, st)
	}
	at = s.stageTime(at)
	if err := checkYear(at); err != nil {
		return err
	}
	return s.update(ps, "", func(e *Entry) { setStage(e, st, at) })
}

// StepStage moves every posting of ps to its next active stage (forward)
// or its previous one, recorded at at as SetStage does; postings with no
// such stage (see Stage.Next and Stage.Prev) stay. It is one undo step and
// returns how many postings moved.
func (s *Store) StepStage(ps []*Posting, forward bool, at time.Time) (int, error) {
	at = s.stageTime(at)
	if err := checkYear(at); err != nil {
		return 0, err
	}
	moved := 0
	what := "" // one posting: its new stage
	if len(ps) > 1 {
		what = map[bool]string{true: "next stage", false: "previous stage"}[forward]
	}
	err := s.update(ps, what, func(e *Entry) {
		next, ok := e.Stage.Prev()
		if forward {
			next, ok = e.Stage.Next()
		}
		if ok {
			setStage(e, next, at)
			moved++
		}
	})
	return moved, err
}

// stageTime returns at as UTC, or the current time when at is zero.
func (s *Store) stageTime(at time.Time) time.Time {
	if at.IsZero() && s != nil {
		at = s.now()
	}
	return at.UTC()
}

// checkYear refuses a time the state file could not hold (RFC 3339 and
// YYYY-MM-DD have four-digit years), so a bad date never makes the file
// unreadable.
func checkYear(t time.Time) error {
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%w: year %d is out of range", ErrBadDate, y)
	}
	return nil
}

// setStage moves e to st as of at (see Store.SetStage).
func setStage(e *Entry, st Stage, at time.Time) {
	if st == e.Stage && st != StageNone {
		for i := len(e.History) - 1; i >= 0; i-- {
			if e.History[i].Stage == st {
				e.History = slices.Delete(e.History, i, i+1)
				break
			}
		}
	}
	e.Stage = st
	if st != StageNone {
		e.History = normalizeHistory(append(e.History, StageChange{Stage: st, At: at}))
	}
}

// SetFollowUp sets the day to follow up on p (see Day; any time of day is
// dropped). The zero time clears it.
func (s *Store) SetFollowUp(p *Posting, day time.Time) error {
	return s.SetFollowUpAll([]*Posting{p}, day)
}

// SetFollowUpAll is SetFollowUp for every posting of ps: one undo step.
func (s *Store) SetFollowUpAll(ps []*Posting, day time.Time) error {
	if !day.IsZero() {
		day = Day(day)
		if err := checkYear(day); err != nil {
			return err
		}
	}
	return s.update(ps, "", func(e *Entry) { e.FollowUp = day })
}
