package model

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrNotOwner means the state file belongs to another user and this
// jobdeck, not being root, cannot give a new file that owner: rather than
// take the file over (leaving its owner a file they cannot write), the
// store runs read-only.
var ErrNotOwner = errors.New("state file belongs to another user")

// fileOwner is the user and group that own a file.
type fileOwner struct{ uid, gid int }

// planOwner decides how the new state file keeps the old one's owner, for
// a process with effective user id euid: created is who owns the new
// (temporary) file. It returns the user and group to chown the new file to
// (-1: leave it), or, when only root could do that, an error wrapping
// ErrNotOwner. Changing the group is left to the chown, which fails for a
// group the user is not in.
func planOwner(euid int, old, created fileOwner) (uid, gid int, err error) {
	uid, gid = -1, -1
	if old.uid != created.uid {
		if euid != 0 {
			return -1, -1, fmt.Errorf("%w: it is owned by uid %d and you are uid %d, so a rewrite would take it over; jobdeck leaves it as it is (run jobdeck as its owner)", ErrNotOwner, old.uid, euid)
		}
		uid = old.uid
	}
	if old.gid != created.gid {
		gid = old.gid
	}
	return uid, gid, nil
}

// checkOwnable reports, before any write, whether a process with effective
// user id euid could keep the owner of the file fi describes (see
// planOwner).
func checkOwnable(euid int, fi fs.FileInfo) error {
	old, ok := ownerOf(fi)
	if !ok || euid < 0 {
		return nil // no owners here (Windows)
	}
	_, _, err := planOwner(euid, old, fileOwner{uid: euid, gid: old.gid})
	return err
}

// keepAttrs gives tmp, the new state file, the mode and owner of the file
// old describes, or mode 0600 when there was none (old nil). euid is the
// process's effective user id (-1 where there are none).
func keepAttrs(tmp *os.File, old fs.FileInfo, euid int) error {
	perm := fs.FileMode(0o600)
	if old != nil {
		perm = old.Mode().Perm()
		if err := keepOwner(tmp, old, euid); err != nil {
			return err
		}
	}
	if err := tmp.Chmod(perm); err != nil && euid >= 0 {
		return fmt.Errorf("setting mode %v: %w", perm, err)
	}
	return nil
}

func keepOwner(tmp *os.File, old fs.FileInfo, euid int) error {
	want, ok := ownerOf(old)
	if !ok || euid < 0 {
		return nil
	}
	fi, err := tmp.Stat()
	if err != nil {
		return err
	}
	have, _ := ownerOf(fi)
	uid, gid, err := planOwner(euid, want, have)
	if err != nil {
		return err
	}
	if uid == -1 && gid == -1 {
		return nil
	}
	if err := tmp.Chown(uid, gid); err != nil {
		return fmt.Errorf("%w: cannot give the new file uid %d, gid %d as the old one has (%v); jobdeck leaves the file as it is", ErrNotOwner, want.uid, want.gid, err)
	}
	return nil
}

// shareOwner gives the lock file, when root made it, the owner of the state
// file fi describes, or of the folder dir when there is no state file yet.
func (l *stateLock) shareOwner(fi fs.FileInfo, dir string) error {
	if fi == nil {
		var err error
		if fi, err = os.Stat(dir); err != nil {
			return err
		}
	}
	want, ok := ownerOf(fi)
	if !ok {
		return nil
	}
	have, err := l.f.Stat()
	if err != nil {
		return err
	}
	if got, _ := ownerOf(have); got == want {
		return nil
	}
	return l.f.Chown(want.uid, want.gid)
}
