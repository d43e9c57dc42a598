package model

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The tests in this file re-run the test binary itself as a child process
// (os.Args[0] with JOBDECK_STORE_HELPER set); this init runs the child's
// part and exits before any test starts.
func init() {
	mode := os.Getenv("JOBDECK_STORE_HELPER")
	if mode == "" {
		return
	}
	var err error
	switch mode {
	case "saveloop":
		err = helperSaveLoop(os.Getenv("JOBDECK_STORE_PATH"))
	case "writer":
		n, _ := strconv.Atoi(os.Getenv("JOBDECK_STORE_COUNT"))
		err = helperWriter(os.Getenv("JOBDECK_STORE_PATH"), os.Getenv("JOBDECK_STORE_PREFIX"), n)
	default:
		err = fmt.Errorf("unknown helper mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// bigNote makes each save write some 70 KB, so a write takes a while.
var bigNote = strings.Repeat("All work and no play makes a dull shortlist.\n", 400) + "The end."

// helperSaveLoop saves forever, bumping a counter kept in the note of
// posting "counter", and says "ready" once the first save is done.
func helperSaveLoop(path string) error {
	s, err := OpenStore(path)
	if err != nil {
		return err
	}
	n, _ := strconv.Atoi(s.Note("counter"))
	for i := 0; ; i++ {
		n++
		if err := s.SetNote(statePosting("counter", "Counter"), strconv.Itoa(n)); err != nil {
			return err
		}
		p := statePosting(fmt.Sprintf("bulk-%d", i%4), "Bulk")
		if err := s.SetNote(p, fmt.Sprintf("%d %s", n, bigNote)); err != nil {
			return err
		}
		if _, err := s.ToggleShortlist(p); err != nil {
			return err
		}
		if err := s.Save(); err != nil {
			return err
		}
		if i == 0 {
			fmt.Println("ready")
		}
	}
}

// helperWriter tags n postings "<prefix>-<i>", saving after each, and also
// writes its own note on the shared posting each time.
func helperWriter(path, prefix string, n int) error {
	s, err := OpenStore(path)
	if err != nil {
		return err
	}
	for i := range n {
		if err := s.SetTags(statePosting(fmt.Sprintf("%s-%d", prefix, i), "Writer"), []string{prefix}); err != nil {
			return err
		}
		if err := s.SetNote(statePosting("shared", "Shared"), fmt.Sprintf("%s %d", prefix, i)); err != nil {
			return err
		}
		if err := s.Save(); err != nil {
			return err
		}
	}
	return nil
}

func helperCommand(t *testing.T, mode, path string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "JOBDECK_STORE_HELPER="+mode, "JOBDECK_STORE_PATH="+path)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stderr = os.Stderr
	return cmd
}

func TestStoreSurvivesSIGKILLDuringSaves(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	const kills = 30
	last, midWrite := 0, 0
	for k := range kills {
		cmd := helperCommand(t, "saveloop", path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || line != "ready\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("kill %d: child did not start saving: %q, %v", k, line, err)
		}
		if k%2 == 0 {
			time.Sleep(time.Duration(rand.IntN(30000)) * time.Microsecond)
		} else {
			waitForTempFile(dir, 2*time.Second) // kill mid-write
		}
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		cmd.Wait()

		temps, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*"))
		if len(temps) > 0 {
			midWrite++
		}
		s, err := OpenStore(path)
		if err != nil {
			t.Fatalf("kill %d: the state file does not open: %v", k, err)
		}
		n, err := strconv.Atoi(s.Note("counter"))
		if err != nil || n < last {
			t.Fatalf("kill %d: counter %q after %d: the file went back or is torn", k, s.Note("counter"), last)
		}
		for i := range 4 {
			e, ok := s.Get(fmt.Sprintf("bulk-%d", i))
			if ok && !strings.HasSuffix(e.Note, bigNote) {
				t.Fatalf("kill %d: bulk-%d note cut short (%d bytes)", k, i, len(e.Note))
			}
		}
		last = n
	}
	if last < kills {
		t.Errorf("only %d saves in %d runs: the loop did not run", last, kills)
	}
	t.Logf("%d kills, %d saves, %d kills left a temporary file (landed mid-write)", kills, last, midWrite)

	s := openTestStore(t, path)
	if err := s.SetNote(statePosting("after", "After"), "x"); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s)
	if temps, _ := filepath.Glob(filepath.Join(dir, ".state.json.tmp-*")); len(temps) != 0 {
		t.Errorf("temporary files left after a clean save: %v", temps)
	}
}

// waitForTempFile returns as soon as a temporary state file exists in dir
// (a save is between creating and renaming it), or after timeout.
func waitForTempFile(dir string, timeout time.Duration) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		names, _ := os.ReadDir(dir)
		for _, n := range names {
			if strings.HasPrefix(n.Name(), ".state.json.tmp-") {
				return
			}
		}
		time.Sleep(50 * time.Microsecond)
	}
}

func TestStoreTwoProcessesLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	const n = 12
	var cmds []*exec.Cmd
	for _, prefix := range []string{"alpha", "beta"} {
		cmd := helperCommand(t, "writer", path, "JOBDECK_STORE_PREFIX="+prefix, "JOBDECK_STORE_COUNT="+strconv.Itoa(n))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("writer failed: %v", err)
		}
	}
	s := openTestStore(t, path)
	for _, prefix := range []string{"alpha", "beta"} {
		for i := range n {
			id := fmt.Sprintf("%s-%d", prefix, i)
			if e, _ := s.Get(id); !e.HasTag(prefix) {
				t.Errorf("lost %s", id)
			}
		}
	}
	if note := s.Note("shared"); note != fmt.Sprintf("alpha %d", n-1) && note != fmt.Sprintf("beta %d", n-1) {
		t.Errorf("shared note = %q, want one writer's last", note)
	}
}
