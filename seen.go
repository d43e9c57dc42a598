package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
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
	if c.noCache || c.demo {
		return nil
	}
	dir, roots, err := cacheRoots(paths)
	if err == nil {
		var l *seen.Log
		if l, err = seen.Open(search.DirFor(dir, roots), now, since); err == nil {
			return l
		}
	}
	warn(stderr, fmt.Errorf("what is new: %w", err))
	return nil
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
