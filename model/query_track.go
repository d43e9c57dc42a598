package model

import (
	"strings"
	"time"
)

// The scopes of terms that read the application state (see Tracking).
const (
	// ScopeStage (`stage:x`): the posting's stage starts with x ("stage:int"
	// is interested or interviewing). A stage: term naming no stage
	// matches nothing.
	ScopeStage Scope = iota + ScopeShortlisted + 1
	// ScopeActive (`is:active`, or a prefix such as `is:a`): in a stage
	// that is not closed.
	ScopeActive
	// ScopeClosed (`is:closed`): rejected, withdrawn or ghosted.
	ScopeClosed
	// ScopeDue (`is:due`): a follow-up on today or earlier (see Query.Now).
	ScopeDue
	// ScopeStageDate (`applied:<14d`, `applied:>2026-11-01`, and so for
	// every stage name): the posting's history holds a change to that stage
	// on a day that fits. `<Nd` is fewer than N days ago, `>Nd` more than N
	// days ago, `Nd` alone N days ago or fewer; `<DAY` before that day,
	// `>DAY` after it, `DAY` alone on it; `<=` and `>=` include the bound.
	// Its Text is the whole term, "applied:<14d".
	ScopeStageDate

	lastScope = ScopeStageDate
)

// readsState reports whether terms of sc read the user's state (tags,
// shortlist, stages) rather than the posting.
func (sc Scope) readsState() bool {
	return sc == ScopeTag || sc == ScopeShortlisted || sc == ScopeNew || sc.tracks()
}

// tracks reports whether terms of sc read the application state.
func (sc Scope) tracks() bool { return sc >= ScopeStage && sc <= ScopeStageDate }

// textless reports whether terms of sc have no pattern (their Text is "").
func (sc Scope) textless() bool {
	return sc == ScopeShortlisted || sc == ScopeActive || sc == ScopeClosed || sc == ScopeDue || sc == ScopeRemote || sc == ScopeNew
}

// isScope returns the scope an "is:" value names (a prefix of shortlisted,
// starred, active, closed, due or remote), and false for any other value.
func isScope(val string) (Scope, bool) {
	for _, c := range []struct {
		name string
		sc   Scope
	}{{"shortlisted", ScopeShortlisted}, {"starred", ScopeShortlisted}, {"active", ScopeActive}, {"closed", ScopeClosed}, {"due", ScopeDue}, {"remote", ScopeRemote}, {"new", ScopeNew}} {
		if isPrefixFold(val, c.name) {
			return c.sc, true
		}
	}
	return 0, false
}

// dateCond is the condition of a ScopeStageDate term.
type dateCond struct {
	op       string    // "<", ">", "<=", ">=" or "" (see ScopeStageDate)
	days     int       // a relative bound: days ago; -1 for an absolute one
	day      time.Time // an absolute bound, as Day returns it
	relative bool
}

// parseStageDateTerm reads "applied:<14d" (w without '-'): the stage and
// the condition; ok is false when w is not of that form.
func parseStageDateTerm(w string) (Stage, dateCond, bool) {
	i := strings.IndexByte(w, ':')
	if i <= 0 {
		return StageNone, dateCond{}, false
	}
	st, err := stageByName(strings.ToLower(w[:i]))
	if err != nil || st == StageNone {
		return StageNone, dateCond{}, false
	}
	c, ok := parseDayCond(w[i+1:])
	if !ok {
		return StageNone, dateCond{}, false
	}
	return st, c, true
}

// parseDayCond reads a day condition ("<14d", ">2026-11-01", see
// ScopeStageDate).
func parseDayCond(val string) (dateCond, bool) {
	var c dateCond
	for _, op := range []string{"<=", ">=", "<", ">"} {
		if strings.HasPrefix(val, op) {
			c.op, val = op, val[len(op):]
			break
		}
	}
	if days, ok, err := parseSpan(strings.ToLower(val)); ok && err == nil {
		c.relative, c.days = true, days
		return c, true
	}
	d, err := time.Parse(dayLayout, val)
	if err != nil {
		return dateCond{}, false
	}
	c.day = d
	return c, true
}

// typingStageDate reports whether w is a stage name, ':' and the start of
// a day condition that does not parse yet ("applied:", "applied:<1"): a
// term still being typed, which matches everything until it is whole.
func typingStageDate(w string) bool {
	i := strings.IndexByte(w, ':')
	if i <= 0 {
		return false
	}
	if st, err := stageByName(strings.ToLower(w[:i])); err != nil || st == StageNone {
		return false
	}
	return strings.Trim(w[i+1:], "<>=0123456789-") == ""
}

// holds reports whether day (as Day returns it) fits c, today being today.
func (c dateCond) holds(day, today time.Time) bool {
	if c.relative {
		age := daysBetween(day, today)
		switch c.op {
		case "<":
			return age < c.days
		case ">":
			return age > c.days
		case ">=":
			return age >= c.days
		}
		return age <= c.days
	}
	k := day.Compare(c.day)
	switch c.op {
	case "<":
		return k < 0
	case ">":
		return k > 0
	case "<=":
		return k <= 0
	case ">=":
		return k >= 0
	}
	return k == 0
}

// prepareTrack fills in the matching form of a tracking term from its Text.
func (t *Term) prepareTrack() {
	t.stages, t.cond, t.never = 0, dateCond{}, false
	switch t.Scope {
	case ScopeStage:
		t.stages = stagesWithPrefix(t.Text)
		t.never = t.stages == 0
	case ScopeStageDate:
		st, c, ok := parseStageDateTerm(t.Text)
		t.stages, t.cond, t.never = 1<<st, c, !ok
	}
	t.src = t.Text
}

// trackClock is when and where a filter judges is:due and date terms.
type trackClock struct {
	today time.Time      // Day of now in loc
	loc   *time.Location // the user's days
}

func newTrackClock(now time.Time) trackClock {
	if now.IsZero() {
		now = time.Now()
	}
	return trackClock{today: Day(now), loc: now.Location()}
}

// matchTrack reports whether tr satisfies the tracking term t (ignoring
// Negate).
func (t *Term) matchTrack(tr Track, clk trackClock) bool {
	if t.never {
		return false
	}
	switch t.Scope {
	case ScopeStage:
		return t.stages.has(tr.Stage)
	case ScopeActive:
		return tr.Stage.IsActive()
	case ScopeClosed:
		return tr.Stage.IsClosed()
	case ScopeDue:
		return !tr.FollowUp.IsZero() && !tr.FollowUp.After(clk.today)
	case ScopeStageDate:
		for _, c := range tr.History {
			if t.stages.has(c.Stage) && t.cond.holds(Day(c.At.In(clk.loc)), clk.today) {
				return true
			}
		}
	}
	return false
}
