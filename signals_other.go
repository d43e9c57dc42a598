//go:build !unix

package main

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// signalRelay is a no-op where there are no Unix signals to relay.
type signalRelay struct{}

// sender is the part of a tea.Program the relay talks to.
type sender interface{ Send(tea.Msg) }

func startSignalRelay(sender) *signalRelay { return &signalRelay{} }
func (*signalRelay) stop() os.Signal       { return nil }
func signalExit(os.Signal) int             { return exitFailure }
func suspendSelf()                         {}
