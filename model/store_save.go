package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
)

// Save writes the unsaved changes to the state file, creating it (mode
// 0600) and its folder (mode 0700) when needed. It does nothing when there
// are no changes. A file that exists keeps its mode and owner (and a
// symlink stays a symlink: its target is replaced); when only root could
// keep the owner, Save refuses with ErrNotOwner. Save never writes what
// the store could not read back: a result over the size a state file may
// have, or one that would not decode, is refused and the file kept.
//
// Save is safe against crashes and against other jobdecks on the same file:
// under an exclusive lock on the sibling "<file>.lock" it re-reads the file,
// merges per posting and field — a field changed here since the last save
// replaces the file's value, unless another jobdeck changed the same field
// and its entry is newer (by Updated; see merge3); every other entry is
// taken from the file — and atomically replaces the file (see
// writeAtomic). Afterwards the store shows the merged state, including the
// other processes' changes; changes made while Save ran stay unsaved. A
// version 1 file is rewritten as version 2 only after a copy of it is kept
// (see V1BackupPath).
//
// On failure (unwritable folder, lock timeout, the file turned corrupt or
// newer meanwhile) nothing is written, the changes stay in memory, Dirty
// stays true and the next Save tries again. A read-only store never writes.
func (s *Store) Save() error {
	if s == nil {
		return ErrReadOnly
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	if err := s.ReadOnly(); err != nil {
		if s.Dirty() {
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		}
		return nil
	}
	pending, bases, seqs := s.snapshotChanges()
	if len(pending) == 0 {
		return nil
	}
	saved, err := s.writeMerged(pending, bases)
	if err != nil {
		return fmt.Errorf("saving %s: %w (changes kept in memory; the next save tries again)", s.path, err)
	}
	if s.afterWrite != nil {
		s.afterWrite()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	onDisk := func(id string) Entry { // what the file now holds for id
		if saved.entries != nil {
			return saved.entries[id]
		}
		if p, ok := pending[id]; ok {
			return p
		}
		return s.base[id]
	}
	for id, seq := range seqs {
		if s.changed[id] == seq {
			delete(s.changed, id)
			delete(s.base, id)
		} else {
			s.base[id] = onDisk(id).clone()
		}
	}
	s.stamp, s.topExtra, s.layout, s.version = saved.stamp, saved.extra, saved.layout, StateVersion
	for id := range s.changed {
		if !sameEntry(s.base[id], onDisk(id)) {
			s.stamp, s.layout = fileStamp{}, nil
		}
	}
	if saved.entries != nil { // else the file now matches the store's view
		for id := range s.changed { // changed again while saving: keep ours
			saved.entries[id] = s.entries[id]
		}
		s.entries, s.derived = saved.entries, storeDerived{}
	}
	return nil
}

// savedState is what writeMerged wrote.
type savedState struct {
	entries map[string]Entry // nil: the store's view with its pending changes
	extra   map[string]json.RawMessage
	layout  *stateLayout
	stamp   fileStamp
}

// writeMerged merges pending (with their bases, see merge3) into the file's
// current content under the lock and writes the result. While the file is
// the version the store last read or wrote (see Store.stamp), its content
// is known and not read again; a large one then gets only the changed
// postings spliced in (see stateLayout).
func (s *Store) writeMerged(pending, bases map[string]Entry) (savedState, error) {
	target := s.path
	if resolved, err := filepath.EvalSymlinks(target); err == nil {
		target = resolved // keep a symlinked state file a symlink
	}
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		return savedState{}, fmt.Errorf("creating the state folder: %w", err)
	}
	lock, err := lockStateFile(target, s.lockWait)
	if err != nil {
		return savedState{}, err
	}
	defer lock.unlock()

	saved, out, fi, err := s.spliced(target, pending)
	if errors.Is(err, errNoLayout) {
		saved, out, fi, err = s.encoded(target, pending, bases)
	}
	if err != nil {
		return savedState{}, err
	}
	if s.euid == 0 {
		_ = lock.shareOwner(fi, filepath.Dir(target)) // else the owner could not lock it after a sudo
	}
	if fi != nil {
		if err := checkOwnable(s.euid, fi); err != nil {
			return savedState{}, err
		}
	}
	_ = removeStaleTemps(target) // left by a killed writer; harmless if it fails
	err = replaceAtomic(target, func(tmp *os.File) error {
		if _, err := tmp.Write(out); err != nil {
			return err
		}
		if err := keepAttrs(tmp, fi, s.euid); err != nil {
			return err
		}
		written, err := tmp.Stat() // the rename keeps inode, size and time
		saved.stamp = stampOf(written)
		return err
	})
	if err != nil {
		return savedState{}, fmt.Errorf("writing the state file: %w", err)
	}
	return saved, nil
}

// spliced is the new file when the file is the version the store knows
// and large: its bytes with pending spliced in. It fails with errNoLayout
// when that does not apply.
func (s *Store) spliced(target string, pending map[string]Entry) (savedState, []byte, fs.FileInfo, error) {
	fi, ok := s.inSync(target)
	s.mu.RLock()
	l, extra := s.layout, s.topExtra
	s.mu.RUnlock()
	if !ok || l == nil {
		return savedState{}, nil, nil, errNoLayout
	}
	nl, err := l.splice(pending)
	if err != nil {
		return savedState{}, nil, nil, err
	}
	if err := checkStateSize(nl.raw); err != nil { // the rest was checked: it read back
		return savedState{}, nil, nil, fmt.Errorf("%w; nothing was written, %s is kept as it was", err, target)
	}
	return savedState{extra: extra, layout: nl}, nl.raw, fi, nil
}

// encoded is the new file made from the file's content (see currentState)
// with pending merged in: spliced into a large file, else encoded whole and
// checked to read back.
func (s *Store) encoded(target string, pending, bases map[string]Entry) (savedState, []byte, fs.FileInfo, error) {
	disk, fi, err := s.currentState(target, pending, bases)
	if err != nil {
		return savedState{}, nil, nil, err
	}
	if disk.layout != nil { // a large file just read: splice the merged postings in
		merged := make(map[string]Entry, len(pending))
		for id := range pending {
			merged[id] = disk.entries[id]
		}
		if nl, err := disk.layout.splice(merged); err == nil {
			if err := checkStateSize(nl.raw); err != nil {
				return savedState{}, nil, nil, fmt.Errorf("%w; nothing was written, %s is kept as it was", err, target)
			}
			return savedState{entries: disk.entries, extra: disk.extra, layout: nl}, nl.raw, fi, nil
		}
	}
	out, layout, err := encodeStateFile(disk)
	if err != nil {
		return savedState{}, nil, nil, err
	}
	if err := checkStateOutput(out); err != nil {
		return savedState{}, nil, nil, fmt.Errorf("%w; nothing was written, %s is kept as it was", err, target)
	}
	return savedState{entries: disk.entries, extra: disk.extra, layout: layout}, out, fi, nil
}

// currentState returns the file's content with pending merged in, and the
// file's FileInfo (nil when there is none). When the file is still the
// version the store knows, that is the store's own view; else the file is
// read and merged per field (see merge3).
func (s *Store) currentState(target string, pending, bases map[string]Entry) (stateFile, fs.FileInfo, error) {
	if fi, ok := s.inSync(target); ok {
		if err := s.keepKnownV1Backup(target); err != nil {
			return stateFile{}, nil, err
		}
		return s.knownState(pending), fi, nil
	}
	data, fi, err := readStateFile(target)
	if err != nil && !stateNotExist(err) {
		return stateFile{}, nil, fmt.Errorf("re-reading before the merge: %w", err)
	}
	disk, err := decodeState(data)
	if err != nil {
		return stateFile{}, nil, fmt.Errorf("re-reading before the merge: the file changed under us and is not usable now; nothing was written: %w", err)
	}
	if err := keepV1Backup(target, data, disk.version); err != nil {
		return stateFile{}, nil, err
	}
	for id, mine := range pending {
		if theirs, ok := disk.entries[id]; ok {
			mine = merge3(bases[id], mine, theirs)
		}
		disk.entries[id] = mine
	}
	return disk, fi, nil
}

// knownState is what merging pending into the file gives while the file is
// the version the store knows: the store's entries, with pending as they
// were taken for this save and every later change at its base (what the
// file holds for it; an empty base is no entry).
func (s *Store) knownState(pending map[string]Entry) stateFile {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := stateFile{entries: maps.Clone(s.entries), extra: s.topExtra}
	for id := range s.changed {
		if p, ok := pending[id]; ok {
			st.entries[id] = p
		} else if b := s.base[id]; sameEntry(b, Entry{}) {
			delete(st.entries, id)
		} else {
			st.entries[id] = b
		}
	}
	return st
}
