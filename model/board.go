package model

import (
	"cmp"
	"slices"
	"time"
)

// BoardColumn is one column of the board: an active stage, or the closed
// stages together (Closed set, Stage StageNone).
type BoardColumn struct {
	Stage  Stage
	Closed bool
	Cards  []BoardCard
}

// Name is the column's heading: the stage's name, or "closed".
func (c BoardColumn) Name() string {
	if c.Closed {
		return "closed"
	}
	return c.Stage.String()
}

// BoardCard is one tracked posting on the board.
type BoardCard struct {
	Posting *Posting
	Stage   Stage     // for the closed column: which closed stage
	Since   time.Time // when it moved to Stage; zero when unrecorded
	Days    int       // whole days in Stage as of now; 0 when Since is zero
	Due     bool      // its follow-up is today or earlier

	ord int // position in Board's ps, for ties
}

// Board sorts the tracked postings of ps (in any order, say a filter's
// rows) into one column per active stage, in pipeline order, and a last
// "closed" column; untracked postings are left out. Within a column the
// most recent change comes first, then ps's order. now (its location
// names the days) dates the cards. A posting listed twice is shown once.
func Board(ps []*Posting, trk Tracking, now time.Time) []BoardColumn {
	active := ActiveStages()
	cols := make([]BoardColumn, len(active)+1)
	for i, st := range active {
		cols[i].Stage = st
	}
	cols[len(active)].Closed = true
	if trk == nil {
		return cols
	}
	today := Day(now)
	seen := make(map[string]bool, len(ps))
	for ord, p := range ps {
		if p == nil || seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		tr := trk.Track(p.ID)
		if tr.Stage == StageNone {
			continue
		}
		card := BoardCard{Posting: p, Stage: tr.Stage, Since: tr.StageAt(), Due: tr.Due(now), ord: ord}
		if !card.Since.IsZero() {
			card.Days = max(0, daysBetween(Day(card.Since.In(now.Location())), today))
		}
		col := len(active)
		if tr.Stage.IsActive() {
			col = int(tr.Stage - StageInterested)
		}
		cols[col].Cards = append(cols[col].Cards, card)
	}
	for i := range cols {
		slices.SortFunc(cols[i].Cards, func(a, b BoardCard) int {
			return cmp.Or(b.Since.Compare(a.Since), cmp.Compare(a.ord, b.ord))
		})
	}
	return cols
}

// StageAt returns when the posting moved to its current stage (see
// Entry.StageAt).
func (t Track) StageAt() time.Time { return t.entry().StageAt() }

// Due reports whether the follow-up is on the day of now or earlier.
func (t Track) Due(now time.Time) bool { return t.entry().FollowUpDue(now) }

func (t Track) entry() Entry { return Entry{Stage: t.Stage, History: t.History, FollowUp: t.FollowUp} }
