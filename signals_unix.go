//go:build unix

package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/ui"
)

// endSignals end the browser: it saves what is pending, restores the
// terminal and exits with 128 + the signal's number.
var endSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// sender is the part of a tea.Program the relay talks to.
type sender interface{ Send(tea.Msg) }

// signalRelay turns the process's signals into messages for the browser,
// which runs without Bubble Tea's own signal handler: the end signals
// become [ui.SignalMsg], and SIGTSTP suspends the program properly — the
// terminal released before the process stops, restored and redrawn after
// it continues.
//
// Suspending takes two SIGTSTPs: the first (from a shell's kill, or the
// browser's ctrl+z through [suspendSelf]) asks Bubble Tea to suspend;
// Bubble Tea releases the terminal and sends the second to the process
// group, which the relay turns into SIGSTOP (the Go runtime ignores a
// SIGTSTP it was once asked to relay, even after signal.Reset). SIGCONT
// ends the suspension.
type signalRelay struct {
	mu    sync.Mutex
	first os.Signal // the first end signal, nil if none came
	sigs  chan os.Signal
	done  chan struct{}
	stopp func() // stops the process group; SIGSTOP in production
}

// startSignalRelay starts relaying signals to p until stop is called.
func startSignalRelay(p sender) *signalRelay {
	r := newSignalRelay(func() { _ = syscall.Kill(0, syscall.SIGSTOP) })
	signal.Notify(r.sigs, append(endSignals, syscall.SIGTSTP, syscall.SIGCONT)...)
	go r.run(p)
	return r
}

// newSignalRelay returns a relay that stops the process group with stopp.
func newSignalRelay(stopp func()) *signalRelay {
	return &signalRelay{sigs: make(chan os.Signal, 8), done: make(chan struct{}), stopp: stopp}
}

// run forwards signals until stop.
func (r *signalRelay) run(p sender) {
	suspending := false
	for {
		var s os.Signal
		select {
		case <-r.done:
			return
		case s = <-r.sigs:
		}
		switch s {
		case syscall.SIGTSTP:
			if suspending {
				r.stopp() // Bubble Tea released the terminal
				continue
			}
			suspending = true
			go p.Send(tea.SuspendMsg{})
		case syscall.SIGCONT:
			suspending = false
		default:
			r.mu.Lock()
			if r.first == nil {
				r.first = s
			}
			r.mu.Unlock()
			go p.Send(ui.SignalMsg{Signal: s})
		}
	}
}

// stop ends the relay and returns the first end signal that came, or nil.
func (r *signalRelay) stop() os.Signal {
	signal.Stop(r.sigs)
	close(r.done)
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.first
}

// signalExit is the exit code for a run ended by s: 128 + its number.
func signalExit(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitFailure
}

// suspendSelf stops the process as ctrl+z does in a shell: through the
// relay, which releases the terminal first.
func suspendSelf() { _ = syscall.Kill(os.Getpid(), syscall.SIGTSTP) }
