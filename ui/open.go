package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoBrowser is wrapped by an [opener]'s error when no browser command
// could be started.
var ErrNoBrowser = errors.New("no browser started")

// opener starts the user's browser on a URL: each command of $BROWSER (a
// ':'-separated list; "%s" in one stands for the URL, else the URL is its
// last argument) in turn until one starts, else the desktop's opener
// (xdg-open on Linux and the BSDs, open on macOS). It only starts the
// command and never waits for it.
type opener struct {
	browser string                       // $BROWSER
	goos    string                       // runtime.GOOS
	start   func(*exec.Cmd) error        // starts a command without waiting; exec.Cmd.Start and a reaper
	look    func(string) (string, error) // exec.LookPath
}

// open starts a browser on uri, which must be one [safeURI] allows.
func (o opener) open(uri string) error {
	if !safeURI(uri) {
		return fmt.Errorf("refused to open %q: only http, https and mailto links are opened", clean(uri))
	}
	var errs []error
	for _, argv := range o.commands(uri) {
		path, err := o.look(argv[0])
		if err == nil {
			cmd := exec.Command(path, argv[1:]...)
			if err = o.start(cmd); err == nil {
				return nil
			}
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return fmt.Errorf("%w: set $BROWSER", ErrNoBrowser)
	}
	return fmt.Errorf("%w: %w", ErrNoBrowser, errors.Join(errs...))
}

// commands lists the command lines to try for uri, in order.
func (o opener) commands(uri string) [][]string {
	var out [][]string
	for _, c := range strings.Split(o.browser, ":") {
		f := strings.Fields(c)
		if len(f) == 0 {
			continue
		}
		had := false
		for i, a := range f {
			if strings.Contains(a, "%s") {
				f[i], had = strings.ReplaceAll(a, "%s", uri), true
			}
		}
		if !had {
			f = append(f, uri)
		}
		out = append(out, f)
	}
	if len(out) > 0 {
		return out
	}
	switch o.goos {
	case "darwin":
		return [][]string{{"open", uri}}
	case "windows", "plan9", "js", "wasip1":
		return nil
	}
	return [][]string{{"xdg-open", uri}}
}

// startDetached starts cmd with no terminal streams, so a browser cannot
// write over the screen, in a process group of its own (see detach), and
// reaps it when it ends.
func startDetached(cmd *exec.Cmd) error {
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
