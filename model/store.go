package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Store holds the user's tags, shortlist, notes, stages and follow-ups,
// keyed by posting id, and saves them to a JSON state file (see OpenStore
// and Save). Every change made through it is a step Undo can take back.
//
// A Store is safe for concurrent use. Getters and setters work in memory and
// do no I/O, so the UI goroutine may call them freely; Save does the I/O and
// belongs in a tea.Cmd. The getters of a nil *Store report nothing stored.
type Store struct {
	path     string
	now      func() time.Time
	euid     int // effective user id, -1 where there is none (see planOwner)
	lockWait time.Duration

	loadOnce sync.Once
	loadErr  error

	mu      sync.RWMutex // guards entries, changed, base, seq, roErr, undo, derived
	entries map[string]Entry
	changed map[string]uint64 // id → seq of its latest unsaved change
	base    map[string]Entry  // id → its entry as last read or written, for ids in changed (see merge3)
	seq     uint64
	roErr   error     // non-nil: read-only, and why
	undo    undoStack // this session's changes, for Undo and Redo

	derived storeDerived // cleared whenever entries change

	// stamp is the version of the file that entries reflect exactly, with
	// each id in changed at its base; zero when unknown. While the file
	// keeps this stamp, Save and Refresh need not read it (see inSync).
	stamp    fileStamp
	topExtra map[string]json.RawMessage // the file's unknown top-level fields
	layout   *stateLayout               // of the file at stamp, when large
	version  int                        // of the file at stamp (see keepKnownV1Backup)

	saveMu sync.Mutex // one Save at a time

	// afterWrite, when set (tests only), runs after Save wrote the file and
	// before it updates the in-memory view.
	afterWrite func()
}

// OpenStore reads the state file at path: it is [NewStore] followed by
// [Store.Load], and returns Load's error with the store.
func OpenStore(path string) (*Store, error) {
	s := NewStore(path)
	return s, s.Load()
}

// NewStore returns the store of the state file at path without reading it:
// until [Store.Load] is done it reports nothing stored and refuses changes
// (ReadOnly returns ErrLoading). This lets a caller show its first screen
// at once and call Load in the background (a tea.Cmd).
func NewStore(path string) *Store {
	return &Store{
		path:     path,
		now:      time.Now,
		euid:     os.Geteuid(),
		lockWait: stateLockTimeout,
		entries:  map[string]Entry{},
		changed:  map[string]uint64{},
		base:     map[string]Entry{},
		roErr:    ErrLoading,
	}
}

// Load reads the state file; only the first call reads, later ones return
// its result. A file that does not exist (or whose folder does not exist)
// is an empty store; nothing is created until the first Save with changes.
//
// When the file cannot be used — it does not parse (ErrCorrupt), it comes
// from a newer jobdeck (ErrNewerVersion), it is not a regular file
// (ErrNotRegular), it belongs to another user (ErrNotOwner), or it cannot
// be read — Load leaves a usable read-only store and returns the error,
// which names the file and the fix. Such a store never writes the file: its
// setters fail with an error wrapping ErrReadOnly and the reason. For a
// newer version or another owner the store still shows the postings it
// could decode.
func (s *Store) Load() error {
	if s == nil {
		return ErrReadOnly
	}
	s.loadOnce.Do(func() { s.loadErr = s.load() })
	return s.loadErr
}

func (s *Store) load() error {
	st, stamp, roErr := s.readState()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.entries, s.roErr, s.derived = st.entries, roErr, storeDerived{}
	s.stamp, s.topExtra, s.layout, s.version = stamp, st.extra, st.layout, st.version
	return roErr
}

// readState reads and decodes the state file for Load, returning the
// file's stamp and why the store must run read-only, if it must.
func (s *Store) readState() (stateFile, fileStamp, error) {
	empty := stateFile{entries: map[string]Entry{}}
	if s.path == "" {
		return empty, fileStamp{}, errors.New("no state file given")
	}
	data, fi, err := readStateFile(s.path)
	switch {
	case errors.Is(err, ErrCorrupt):
		return empty, fileStamp{}, explainStateError(s.path, err)
	case errors.Is(err, ErrNotRegular):
		return empty, fileStamp{}, fmt.Errorf("%w; tags, shortlist and notes are read-only — point --state at a file", err)
	case err != nil && stateNotExist(err):
		return empty, fileStamp{}, nil
	case err != nil:
		return empty, fileStamp{}, fmt.Errorf("reading state file: %w; tags, shortlist and notes are read-only until it can be read", err)
	}
	st, err := decodeState(data)
	if err != nil {
		return st, fileStamp{}, explainStateError(s.path, err)
	}
	if err := checkOwnable(s.euid, fi); err != nil {
		return st, fileStamp{}, fmt.Errorf("%s: %w; tags, shortlist and notes are read-only", s.path, err)
	}
	return st, stampOf(fi), nil
}

// inSync reports whether the file at path (through symlinks) is still the
// version the store last read or wrote, and returns its FileInfo.
func (s *Store) inSync(path string) (fs.FileInfo, bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return fi, s.stamp.known() && s.stamp == stampOf(fi)
}

// stampIfBased returns stamp when every unsaved entry's base is what disk
// holds for it (a missing entry counting as empty), else the zero stamp:
// then the next Save or Refresh reads the file again. Call it holding mu.
func (s *Store) stampIfBased(stamp fileStamp, disk map[string]Entry) fileStamp {
	for id := range s.changed {
		if !sameEntry(s.base[id], disk[id]) {
			return fileStamp{}
		}
	}
	return stamp
}

// explainStateError turns a decode error into the message the user sees:
// the file, what is wrong, that it stays untouched, and the fix.
func explainStateError(path string, err error) error {
	fix := fmt.Sprintf("fix it, or move it aside to start a new one (mv %s %s.bak)", path, path)
	if errors.Is(err, ErrNewerVersion) {
		fix = fmt.Sprintf("use a newer jobdeck, or move it aside to start a new one (mv %s %s.bak)", path, path)
	}
	return fmt.Errorf("%s: %w; jobdeck leaves the file untouched and keeps tags, shortlist and notes read-only — %s", path, err, fix)
}

// stateNotExist reports whether err means the file is not there, including a
// path through a regular file (ENOTDIR): then there is nothing to read
// either, and Save will report why it cannot create it.
func stateNotExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// Path returns the state file's path as given to OpenStore.
func (s *Store) Path() string {
	if s == nil {
		return ""
	}
	return s.path
}

// Get returns the entry of posting id and whether there is one.
func (s *Store) Get(id string) (Entry, bool) {
	if s == nil {
		return Entry{}, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.entries[id]
	return e.clone(), ok
}

// Shortlisted reports whether posting id is on the shortlist.
func (s *Store) Shortlisted(id string) bool {
	if s == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.entries[id].Shortlisted
}

// Tags returns the user's tags of posting id (a copy), nil when none.
func (s *Store) Tags(id string) []string {
	if s == nil {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.entries[id].Tags)
}

// Note returns the user's note on posting id, "" when none.
func (s *Store) Note(id string) string {
	if s == nil {
		return ""
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.entries[id].Note
}

// storeDerived holds what the store computes from all its entries, kept
// until the entries change.
type storeDerived struct {
	tags, shortlist     []string
	tagsOK, shortlistOK bool
}

// AllTags returns every tag in use, once each (case-insensitively; the
// first spelling in sort order wins), sorted case-insensitively: the
// completion list for the tag editor. It is computed once per change of
// the entries, in time linear in their number, and then cached.
func (s *Store) AllTags() []string {
	if s == nil {
		return nil
	}
	return s.cached(func(d *storeDerived) *[]string {
		if !d.tagsOK {
			d.tags, d.tagsOK = collectTags(s.entries), true
		}
		return &d.tags
	})
}

// ShortlistedIDs returns the ids of the shortlisted postings, sorted. Like
// AllTags it is cached until the entries change, so a view of the shortlist
// can ask for it on every filter result without copying every entry (as
// Entries does).
func (s *Store) ShortlistedIDs() []string {
	if s == nil {
		return nil
	}
	return s.cached(func(d *storeDerived) *[]string {
		if !d.shortlistOK {
			d.shortlist, d.shortlistOK = collectShortlist(s.entries), true
		}
		return &d.shortlist
	})
}

// cached returns a copy of the derived value get fills in (if needed) and
// points to; get runs with mu held for writing.
func (s *Store) cached(get func(*storeDerived) *[]string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(*get(&s.derived))
}

func collectShortlist(entries map[string]Entry) []string {
	var ids []string
	for id, e := range entries {
		if e.Shortlisted {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// collectTags returns the tags of entries as AllTags describes.
func collectTags(entries map[string]Entry) []string {
	best := map[string]string{} // foldTag → the spelling first in sort order
	for _, e := range entries {
		for _, t := range e.Tags {
			k := foldTag(t)
			if cur, ok := best[k]; !ok || compareTags(t, cur) < 0 {
				best[k] = t
			}
		}
	}
	all := slices.Collect(maps.Values(best))
	slices.SortFunc(all, compareTags)
	return all
}

// compareTags orders tags case-insensitively, then byte-wise.
func compareTags(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// Entries returns a copy of every entry, keyed by posting id (including
// empty ones, see Entry.Empty).
func (s *Store) Entries() map[string]Entry {
	out := map[string]Entry{}
	if s == nil {
		return out
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for id, e := range s.entries {
		out[id] = e.clone()
	}
	return out
}

// Dirty reports whether there are changes not yet saved.
func (s *Store) Dirty() bool {
	if s == nil {
		return false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.changed) > 0
}

// ReadOnly returns nil when the store can take changes, else why not (an
// error wrapping ErrLoading before Load, or ErrCorrupt, ErrNewerVersion,
// ErrNotRegular, ErrNotOwner or the read error).
func (s *Store) ReadOnly() error {
	if s == nil {
		return ErrReadOnly
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.roErr
}

// ToggleShortlist flips whether p is shortlisted and returns the new value.
func (s *Store) ToggleShortlist(p *Posting) (bool, error) {
	var on bool
	err := s.update([]*Posting{p}, "", func(e *Entry) {
		e.Shortlisted = !e.Shortlisted
		on = e.Shortlisted
	})
	return on, err
}

// SetShortlisted puts p on the shortlist or takes it off.
func (s *Store) SetShortlisted(p *Posting, on bool) error {
	return s.SetShortlistedAll([]*Posting{p}, on)
}

// SetTags replaces p's tags with tags, normalised as ParseTags does (split
// at commas and spaces, repeats dropped, the user's spelling kept). An empty
// list removes all tags.
func (s *Store) SetTags(p *Posting, tags []string) error {
	tags = normalizeTags(tags)
	return s.update([]*Posting{p}, "", func(e *Entry) { e.Tags = tags })
}

// SetNote replaces p's note; control characters are dropped, newlines and
// tabs kept, trailing white space trimmed. An empty note removes it.
func (s *Store) SetNote(p *Posting, note string) error {
	note = stateNote(note)
	return s.update([]*Posting{p}, "", func(e *Entry) { e.Note = note })
}

// update applies change to the entry of each posting of ps in memory, as
// one undo step described by what ("" describes the change itself, see
// undoStep.describe). Where an entry really
// changes it also refreshes the snapshot (title, company, url), stamps
// Updated (see commit) and marks the entry for the next Save. A posting
// listed twice is changed once. Nothing changes when one of ps has no id.
func (s *Store) update(ps []*Posting, what string, change func(*Entry)) error {
	if s == nil {
		return ErrReadOnly
	}
	for _, p := range ps {
		if p == nil || p.ID == "" {
			return errors.New("changing the state of a posting without an id")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.roErr != nil {
		return fmt.Errorf("%w: %w", ErrReadOnly, s.roErr)
	}
	step := undoStep{what: what}
	for _, p := range ps {
		if step.has(p.ID) {
			continue
		}
		old := s.entries[p.ID]
		e := old.clone()
		change(&e)
		fields := changedFields(old, e)
		if fields == 0 {
			continue
		}
		if p.Title != "" || p.Company != "" || p.URL != "" {
			e.Title, e.Company, e.URL = stateLine(p.Title), stateLine(p.Company), stateLine(p.URL)
		}
		s.commit(p.ID, old, e)
		step.items = append(step.items, undoItem{id: p.ID, fields: fields, before: old, after: e})
	}
	s.undo.push(step)
	return nil
}

// commit stores e as id's entry (old is the entry it replaces), stamping
// Updated with the current time, strictly later than before (unless it is
// already the latest time RFC 3339 can write), and marking it for the next
// Save. s.mu must be held.
func (s *Store) commit(id string, old, e Entry) {
	now := clampStateTime(s.now())
	if !now.After(old.Updated) {
		now = clampStateTime(old.Updated.Add(time.Nanosecond))
	}
	e.Updated = now
	if _, pending := s.changed[id]; !pending {
		s.base[id] = old.clone()
	}
	s.entries[id] = e
	s.derived = storeDerived{}
	s.seq++
	s.changed[id] = s.seq
}

// snapshotChanges returns copies of the unsaved entries, of their bases
// (see merge3) and their change sequence numbers.
func (s *Store) snapshotChanges() (pending, bases map[string]Entry, seqs map[string]uint64) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	pending = make(map[string]Entry, len(s.changed))
	bases = make(map[string]Entry, len(s.changed))
	for id := range s.changed {
		pending[id] = s.entries[id].clone()
		bases[id] = s.base[id].clone()
	}
	return pending, bases, maps.Clone(s.changed)
}
