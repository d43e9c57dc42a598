// Package seen remembers when jobdeck first saw each posting, so that a
// query can ask for the postings that are new since the previous launch
// (is:new). It keeps an append-only log in the cache folder, beside the
// full-text index, not in the state file: a launch appends one line, and
// each posting one line the first time it is seen, so a save of the
// user's state never rewrites 100,000 ids.
//
// The log's lines are "L <unix seconds>" for a launch and
// "<unix seconds> <id>" for a posting first seen then. Lines are appended
// whole with O_APPEND, so two jobdecks on one folder may write at once; a
// line read twice keeps its earliest time, and a torn or unreadable line
// is skipped.
package seen

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// FileName is the log's name in its folder.
const FileName = "seen.log"

// Log is the first sightings of the postings of one set of folders, as
// read at launch. It is safe for concurrent use.
type Log struct {
	path  string
	now   time.Time
	since time.Time // postings first seen after it are new; zero: none is

	mu    sync.RWMutex
	first map[string]int64 // unix seconds, as read or recorded
}

// Open reads the log in dir (creating dir as needed) and appends this
// launch at now. since is when "new" begins: the zero time means the
// previous launch's, and when there was none nothing counts as new (the
// log begins now). A log that cannot be read is an error; a missing one
// is empty.
func Open(dir string, now, since time.Time) (*Log, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("seen: %w", err)
	}
	l := &Log{path: filepath.Join(dir, FileName), now: now, first: map[string]int64{}}
	prev, torn, err := l.read()
	if err != nil {
		return nil, err
	}
	launch := "L " + strconv.FormatInt(now.Unix(), 10) + "\n"
	if torn {
		launch = "\n" + launch // the torn line stays one unreadable line
	}
	l.since = since
	if since.IsZero() && prev > 0 {
		l.since = time.Unix(prev, 0)
	}
	if err := l.append(launch); err != nil {
		return nil, err
	}
	return l, nil
}

// read loads the log and returns the time of the last launch in it (0:
// none) and whether the log ends in the middle of a line (torn).
func (l *Log) read() (last int64, torn bool, err error) {
	data, err := os.ReadFile(l.path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("seen: %w", err)
	}
	torn = len(data) > 0 && data[len(data)-1] != '\n'
	// Most lines are a posting's: sized for them, the map never grows
	// (at 100k ids growing it cost as much as filling it).
	l.first = make(map[string]int64, bytes.Count(data, []byte{'\n'})+1)
	for line := range strings.SplitSeq(string(data), "\n") {
		a, b, ok := strings.Cut(line, " ")
		if !ok || b == "" {
			continue
		}
		if a == "L" {
			if t, err := strconv.ParseInt(b, 10, 64); err == nil && t > last {
				last = t
			}
			continue
		}
		t, err := strconv.ParseInt(a, 10, 64)
		if err != nil {
			continue
		}
		if old, ok := l.first[b]; !ok || t < old {
			l.first[b] = t
		}
	}
	return last, torn, nil
}

// append writes s, whole lines, at the end of the log in one write.
func (l *Log) append(s string) error {
	f, err := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("seen: %w", err)
	}
	_, err = f.WriteString(s)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("seen: %w", err)
	}
	return nil
}

// Record appends the ids not seen before, first seen at the launch's
// time. Ids holding a space or a line break are left out.
func (l *Log) Record(ids []string) error {
	var b strings.Builder
	stamp := strconv.FormatInt(l.now.Unix(), 10)
	l.mu.Lock()
	for _, id := range ids {
		if _, ok := l.first[id]; ok || id == "" || strings.ContainsAny(id, " \r\n") {
			continue
		}
		l.first[id] = l.now.Unix()
		b.WriteString(stamp + " " + id + "\n")
	}
	l.mu.Unlock()
	if b.Len() == 0 {
		return nil
	}
	return l.append(b.String())
}

// IsNew reports whether posting id was first seen after the log's since
// time; one never seen is new (this launch sees it first), unless nothing
// counts as new.
func (l *Log) IsNew(id string) bool {
	if l.since.IsZero() {
		return false
	}
	l.mu.RLock()
	t, ok := l.first[id]
	l.mu.RUnlock()
	return !ok || t > l.since.Unix()
}

// Since returns when "new" begins (zero: nothing is new).
func (l *Log) Since() time.Time { return l.since }
