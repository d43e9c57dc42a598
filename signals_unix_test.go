//go:build unix

package main

import (
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/ui"
)

// recorder is a sender that keeps what it was sent.
type recorder struct {
	mu   sync.Mutex
	msgs []tea.Msg
}

func (r *recorder) Send(m tea.Msg) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

// waitFor waits until the recorder holds n messages.
func (r *recorder) waitFor(t *testing.T, n int) []tea.Msg {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		got := append([]tea.Msg(nil), r.msgs...)
		r.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("fewer than %d messages came", n)
	return nil
}

func TestSignalRelay(t *testing.T) {
	stops := make(chan struct{}, 4)
	r := newSignalRelay(func() { stops <- struct{}{} })
	rec := &recorder{}
	go r.run(rec)

	// A SIGTSTP asks Bubble Tea to suspend; the SIGTSTP Bubble Tea then
	// sends itself stops the process; SIGCONT ends the suspension, so the
	// next SIGTSTP asks again.
	r.sigs <- syscall.SIGTSTP
	if _, ok := rec.waitFor(t, 1)[0].(tea.SuspendMsg); !ok {
		t.Fatal("SIGTSTP did not ask Bubble Tea to suspend")
	}
	r.sigs <- syscall.SIGTSTP
	select {
	case <-stops:
	case <-time.After(5 * time.Second):
		t.Fatal("the second SIGTSTP did not stop the process")
	}
	r.sigs <- syscall.SIGCONT
	r.sigs <- syscall.SIGTSTP
	if _, ok := rec.waitFor(t, 2)[1].(tea.SuspendMsg); !ok {
		t.Fatal("after SIGCONT, SIGTSTP did not suspend again")
	}
	r.sigs <- syscall.SIGCONT

	// End signals reach the browser; the first one decides the exit code.
	r.sigs <- syscall.SIGTERM
	r.sigs <- syscall.SIGINT
	msgs := rec.waitFor(t, 4)
	for _, m := range msgs[2:] {
		if _, ok := m.(ui.SignalMsg); !ok {
			t.Fatalf("an end signal became %T", m)
		}
	}
	if got := r.stop(); got != os.Signal(syscall.SIGTERM) {
		t.Errorf("first end signal %v, want SIGTERM", got)
	}
	if len(stops) != 0 {
		t.Error("the process was stopped without being asked to suspend")
	}
}

func TestSignalExit(t *testing.T) {
	for sig, want := range map[syscall.Signal]int{syscall.SIGINT: 130, syscall.SIGTERM: 143, syscall.SIGHUP: 129, syscall.SIGQUIT: 131} {
		if got := signalExit(sig); got != want {
			t.Errorf("signalExit(%v) = %d, want %d", sig, got, want)
		}
	}
}
