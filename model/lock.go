package model

import (
	"fmt"
	"os"
	"time"
)

// stateLockTimeout is how long Save waits for another jobdeck to release the
// state file's lock before giving up with ErrLocked.
const stateLockTimeout = 10 * time.Second

// stateLock is an exclusive lock on a state file, held through a sibling
// "<name>.lock" file so the state file itself can be replaced by rename.
type stateLock struct {
	f *os.File
}

// lockStateFile takes the exclusive lock of the state file at path, creating the
// lock file (mode 0600) when needed and waiting up to timeout for another
// holder (another process, or another Store in this one) to let go. The
// folder must exist.
func lockStateFile(path string, timeout time.Duration) (*stateLock, error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("opening the lock file: %w", err)
	}
	deadline := time.Now().Add(timeout)
	wait := time.Millisecond
	for {
		busy, err := flockTry(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", name, err)
		}
		if !busy {
			return &stateLock{f: f}, nil
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, fmt.Errorf("%w: %s still held after %s; is another jobdeck stuck?", ErrLocked, name, timeout)
		}
		time.Sleep(wait)
		wait = min(2*wait, 20*time.Millisecond)
	}
}

// unlock releases the lock; closing the file releases it too, so a crash
// never leaves a stale lock behind.
func (l *stateLock) unlock() error {
	err := flockRelease(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	return err
}
