//go:build unix

package model

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestPlanOwner(t *testing.T) {
	for _, tc := range []struct {
		name             string
		euid             int
		old, created     fileOwner
		wantUID, wantGID int
		refused          bool
	}{
		{"own file", 1000, fileOwner{1000, 100}, fileOwner{1000, 100}, -1, -1, false},
		{"own file, other group", 1000, fileOwner{1000, 20}, fileOwner{1000, 100}, -1, 20, false},
		{"root keeps the user's file", 0, fileOwner{1000, 100}, fileOwner{0, 0}, 1000, 100, false},
		{"root's own file", 0, fileOwner{0, 0}, fileOwner{0, 0}, -1, -1, false},
		{"another user's file", 1000, fileOwner{1001, 100}, fileOwner{1000, 100}, -1, -1, true},
		{"root's file, user saving", 1000, fileOwner{0, 0}, fileOwner{1000, 100}, -1, -1, true},
	} {
		uid, gid, err := planOwner(tc.euid, tc.old, tc.created)
		if tc.refused != errors.Is(err, ErrNotOwner) || uid != tc.wantUID || gid != tc.wantGID {
			t.Errorf("%s: planOwner = %d, %d, %v; want %d, %d, refused %v", tc.name, uid, gid, err, tc.wantUID, tc.wantGID, tc.refused)
		}
	}
}

func writeStateFixture(t *testing.T, path string, perm os.FileMode) {
	t.Helper()
	content := `{"version":1,"postings":{"a":{"shortlisted":true}}}`
	if err := os.WriteFile(path, []byte(content), perm); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, perm); err != nil { // past the umask
		t.Fatal(err)
	}
}

func changeAndSave(t *testing.T, s *Store) {
	t.Helper()
	if err := s.SetNote(statePosting("a", "Deckhand"), "changed"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
}

func TestSaveKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	writeStateFixture(t, path, 0o644)
	changeAndSave(t, openTestStore(t, path))
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode after save = %v, %v; want 0644 kept", fi.Mode().Perm(), err)
	}

	target := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	writeStateFixture(t, target, 0o640)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	changeAndSave(t, openTestStore(t, link))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode after save = %v, %v; want 0640 kept", fi.Mode().Perm(), err)
	}
	if got := openTestStore(t, link).Note("a"); got != "changed" {
		t.Errorf("the change did not reach the target: note %q", got)
	}

	fresh := filepath.Join(dir, "new", "state.json")
	changeAndSave(t, openTestStore(t, fresh))
	if fi, err := os.Stat(fresh); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("new file mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
}

// TestRootSaveKeepsOwner runs as root (as the test environment does): the
// case of a sudo jobdeck on the user's file.
func TestRootSaveKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file another owner; planOwner's decisions are tested in TestPlanOwner")
	}
	const uid, gid = 65534, 65534
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	writeStateFixture(t, path, 0o600)
	if err := os.Chown(path, uid, gid); err != nil {
		t.Fatal(err)
	}
	changeAndSave(t, openTestStore(t, path))
	for _, p := range []string{path, path + ".lock"} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		st := fi.Sys().(*syscall.Stat_t)
		if st.Uid != uid || st.Gid != gid {
			t.Errorf("%s is owned by %d:%d after a root save, want %d:%d kept", filepath.Base(p), st.Uid, st.Gid, uid, gid)
		}
	}
}

func TestSaveRefusesToTakeOverAnotherUsersFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	writeStateFixture(t, path, 0o666)
	before, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	owner, _ := ownerOf(fi)
	other := owner.uid + 1 // not root, not the owner

	s := NewStore(path)
	s.euid = other
	if err := s.Load(); !errors.Is(err, ErrNotOwner) {
		t.Fatalf("Load of another user's file = %v, want ErrNotOwner", err)
	}
	if !s.Shortlisted("a") {
		t.Error("a read-only store should still show the file's content")
	}
	if err := s.SetNote(statePosting("a", "Deckhand"), "x"); !errors.Is(err, ErrReadOnly) || !errors.Is(err, ErrNotOwner) {
		t.Errorf("setter = %v, want ErrReadOnly and ErrNotOwner", err)
	}

	s = openTestStore(t, path) // became another user's after the open
	if err := s.SetNote(statePosting("a", "Deckhand"), "x"); err != nil {
		t.Fatal(err)
	}
	s.euid = other
	if err := s.Save(); !errors.Is(err, ErrNotOwner) || !s.Dirty() {
		t.Errorf("Save = %v (dirty %v), want ErrNotOwner and the change kept", err, s.Dirty())
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused save changed the file")
	}
}
