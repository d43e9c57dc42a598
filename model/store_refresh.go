package model

import "fmt"

// Refresh re-reads the state file so the store shows what other jobdecks
// saved since this one last loaded or saved. Unsaved changes made here are
// kept as they are. It takes no file lock (the file is only ever replaced
// whole), waits for a Save of this store to finish, and writes nothing. A
// file that is still the version the store last read or wrote is not read
// again.
//
// When the file cannot be read or no longer parses, Refresh returns the
// error (wrapping ErrCorrupt or ErrNewerVersion) and changes nothing; the
// next Save will refuse to overwrite such a file too. A missing file
// empties the saved part of the view. A read-only store does not refresh.
func (s *Store) Refresh() error {
	if s == nil {
		return ErrReadOnly
	}
	if err := s.ReadOnly(); err != nil {
		return err
	}
	s.saveMu.Lock() // a Save's result must not be replaced by what it replaced
	defer s.saveMu.Unlock()
	if _, ok := s.inSync(s.path); ok {
		return nil
	}
	data, fi, err := readStateFile(s.path)
	if err != nil && !stateNotExist(err) {
		return fmt.Errorf("refreshing from %s: %w", s.path, err)
	}
	disk, err := decodeState(data)
	if err != nil {
		return fmt.Errorf("refreshing from %s: %w", s.path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stamp, s.topExtra, s.layout, s.version = s.stampIfBased(stampOf(fi), disk.entries), disk.extra, disk.layout, disk.version
	if !s.stamp.known() {
		s.layout = nil
	}
	for id := range s.changed {
		disk.entries[id] = s.entries[id]
	}
	s.entries, s.derived = disk.entries, storeDerived{}
	return nil
}
