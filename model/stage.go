package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Stage is where the user's application for a posting stands. The active
// stages run interested → applied → interviewing → offer → accepted; an
// application ends in one of the closed stages rejected, withdrawn or
// ghosted. StageNone (the zero value) means the posting is not tracked.
// The constants are in pipeline order: active stages first, then closed.
type Stage uint8

// The stages, in pipeline order.
const (
	StageNone Stage = iota
	StageInterested
	StageApplied
	StageInterviewing
	StageOffer
	StageAccepted
	StageRejected
	StageWithdrawn
	StageGhosted

	numStages
)

// stageNames are the names the state file, the queries and the command line
// use; index is the Stage.
var stageNames = [numStages]string{"", "interested", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"}

// ErrUnknownStage is wrapped by ParseStage's error for a name that is no
// stage, or the prefix of more than one.
var ErrUnknownStage = errors.New("unknown stage")

// Stages returns every stage but StageNone in pipeline order.
func Stages() []Stage {
	out := make([]Stage, 0, numStages-1)
	for s := StageInterested; s < numStages; s++ {
		out = append(out, s)
	}
	return out
}

// ActiveStages returns the active stages in pipeline order: the board's
// columns before its "closed" one.
func ActiveStages() []Stage {
	return []Stage{StageInterested, StageApplied, StageInterviewing, StageOffer, StageAccepted}
}

// String returns the stage's name ("applied"), "" for StageNone and
// "Stage(n)" for an invalid value.
func (s Stage) String() string {
	if s >= numStages {
		return fmt.Sprintf("Stage(%d)", int(s))
	}
	return stageNames[s]
}

// Valid reports whether s is one of the stages (StageNone included).
func (s Stage) Valid() bool { return s < numStages }

// IsClosed reports whether s ends an application: rejected, withdrawn or
// ghosted.
func (s Stage) IsClosed() bool {
	return s == StageRejected || s == StageWithdrawn || s == StageGhosted
}

// IsActive reports whether s is a stage that is not closed (StageNone is
// neither active nor closed).
func (s Stage) IsActive() bool {
	return s >= StageInterested && s <= StageAccepted
}

// Next returns the active stage after s and true; StageNone moves to
// interested. Accepted, the closed stages and invalid values have no next
// stage: it returns s and false.
func (s Stage) Next() (Stage, bool) {
	if s < StageAccepted {
		return s + 1, true
	}
	return s, false
}

// Prev returns the active stage before s and true. Interested, StageNone,
// the closed stages and invalid values have no previous active stage: it
// returns s and false.
func (s Stage) Prev() (Stage, bool) {
	if s > StageInterested && s <= StageAccepted {
		return s - 1, true
	}
	return s, false
}

// responded reports whether s means the employer answered an application:
// interviewing or further, or rejected.
func (s Stage) responded() bool {
	return s >= StageInterviewing && s <= StageRejected
}

// DefaultFollowUp returns how far ahead a follow-up is offered when a
// posting moves to s (applied: 7 days), and false when none is offered.
func (s Stage) DefaultFollowUp() (days int, ok bool) {
	if s == StageApplied {
		return 7, true
	}
	return 0, false
}

// stageMask is a set of stages, bit s for Stage s.
type stageMask uint16

func (m stageMask) has(s Stage) bool { return s < numStages && m&(1<<s) != 0 }

// stagesWithPrefix returns the stages whose name starts with p
// (case-insensitively); an empty p matches none.
func stagesWithPrefix(p string) stageMask {
	var m stageMask
	if p == "" {
		return 0
	}
	for s := StageInterested; s < numStages; s++ {
		if isPrefixFold(p, stageNames[s]) {
			m |= 1 << s
		}
	}
	return m
}

// ParseStage returns the stage named s, or named by a prefix of its name
// that fits only it ("int" is ambiguous: interested or interviewing; "inte"
// too; "interv" is interviewing), in any case. "none" gives StageNone.
// Anything else gives an error wrapping ErrUnknownStage that lists the
// names.
func ParseStage(s string) (Stage, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "none") {
		return StageNone, nil
	}
	for st := StageInterested; st < numStages; st++ {
		if strings.EqualFold(s, stageNames[st]) {
			return st, nil
		}
	}
	m := stagesWithPrefix(s)
	var found []string
	var one Stage
	for st := StageInterested; st < numStages; st++ {
		if m.has(st) {
			found = append(found, stageNames[st])
			one = st
		}
	}
	switch len(found) {
	case 1:
		return one, nil
	case 0:
		return StageNone, fmt.Errorf("%w %q: use %s", ErrUnknownStage, s, strings.Join(stageNames[1:], ", "))
	}
	return StageNone, fmt.Errorf("%w %q: it could be %s", ErrUnknownStage, s, strings.Join(found, " or "))
}

// StageChange is one entry of a posting's stage history: the stage it moved
// to and when. At is UTC.
type StageChange struct {
	Stage Stage
	At    time.Time
}
