package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/search"
	"github.com/jobdeck/jobdeck/model/seen"
)

// openSeen opens the log of when the postings of paths were first seen,
// beside their full-text index, recording this launch at now; since
// (zero: the previous launch) is when "new" begins. With --no-cache or
// --demo, or when the log cannot be opened (said on stderr), there is
// none: nothing is new.
func openSeen(c common, paths []string, now, since time.Time, stderr io.Writer) *seen.Log {
	if !seenWanted(c) {
		return nil
	}
	l, err := openSeenLog(paths, now, since)
	if err != nil {
		warn(stderr, err)
	}
	return l
}

// seenWanted reports whether the flags c allow a log of what is new.
func seenWanted(c common) bool { return !c.noCache && !c.demo }

// openSeenLog opens the log of the postings of paths (see openSeen).
func openSeenLog(paths []string, now, since time.Time) (*seen.Log, error) {
	dir, roots, err := cacheRoots(paths)
	if err == nil {
		var l *seen.Log
		if l, err = seen.Open(search.DirFor(dir, roots), now, since); err == nil {
			return l, nil
		}
	}
	return nil, fmt.Errorf("what is new: %w", err)
}

// seenLater is the browser's log of what is new, read once the browser
// first records what it loaded, which it does once the list shows every
// posting: a folder of a million postings has a log of as many ids, whose
// read (0.4 s of CPU and 110 MB allocated) competed with the load for the
// two cores. Until it is read nothing is new; Record reads it, then says
// why it could not be opened, if it could not.
type seenLater struct {
	open func() (*seen.Log, error)
	once sync.Once
	done chan struct{}
	log  *seen.Log // set before done is closed; nil when it could not be opened
	err  error     // why not
}

// openSeenLater returns the log that open opens, as openSeen would, on
// the first Record.
func openSeenLater(open func() (*seen.Log, error)) *seenLater {
	return &seenLater{open: open, done: make(chan struct{})}
}

// read opens the log, once.
func (s *seenLater) read() {
	s.once.Do(func() {
		defer close(s.done)
		s.log, s.err = s.open()
	})
}

// ready returns the log once it has been read, else nil.
func (s *seenLater) ready() *seen.Log {
	select {
	case <-s.done:
		return s.log
	default:
		return nil
	}
}

// IsNew reports whether id is new; false until the log has been read.
func (s *seenLater) IsNew(id string) bool {
	l := s.ready()
	return l != nil && l.IsNew(id)
}

// Record reads the log (or waits for a read under way), then records ids
// in it; it returns the error that kept the log from opening instead.
func (s *seenLater) Record(ids []string) error {
	s.read()
	if s.log == nil {
		return s.err
	}
	return s.log.Record(ids)
}

// parseSince reads --since: a number of days, hours or weeks ("3d", "12h",
// "2w") before now; "" is the zero time (the previous launch).
func parseSince(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	units := map[string]time.Duration{"h": time.Hour, "d": 24 * time.Hour, "w": 7 * 24 * time.Hour}
	for suffix, unit := range units {
		if num, ok := strings.CutSuffix(s, suffix); ok {
			n, err := strconv.Atoi(num)
			if err == nil && n > 0 {
				return now.Add(-time.Duration(n) * unit), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("--since takes a number of hours, days or weeks (12h, 3d, 2w), not %q", s)
}

// queriesNew reports whether q has an is:new term.
func queriesNew(q model.Query) bool {
	for _, t := range q.Terms {
		if t.Scope == model.ScopeNew {
			return true
		}
	}
	return false
}

// recordSeen notes the postings ps as seen, saying a failure on stderr.
func recordSeen(l *seen.Log, ps []*model.Posting, stderr io.Writer) {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	if err := l.Record(ids); err != nil {
		warn(stderr, err)
	}
}
