package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/jobdeck/jobdeck/model"
)

// maxNoteFile caps how much of the edited note file is read back.
const maxNoteFile = 1 << 20

// noteFileMsg reports the temporary file the note was written to for the
// editor, or (err) why no editor can run.
type noteFileMsg struct {
	p      *model.Posting
	before string   // the note when editing began
	path   string   // the temporary file
	argv   []string // the editor command, the file still to be appended
	err    error
}

// noteEditedMsg reports that the editor exited.
type noteEditedMsg struct {
	p      *model.Posting
	before string
	path   string
	err    error
}

// noteReadMsg carries the note read back from the edited file. execErr
// is why the editor may not have run: the file left as it was then means
// the inline editor takes over.
type noteReadMsg struct {
	p       *model.Posting
	before  string
	text    string
	err     error
	execErr error
}

func (noteFileMsg) isStoreMsg()   {}
func (noteEditedMsg) isStoreMsg() {}
func (noteReadMsg) isStoreMsg()   {}

// editorCommand returns the command line of $EDITOR, "vi" when unset.
func editorCommand() []string {
	if argv := strings.Fields(os.Getenv("EDITOR")); len(argv) > 0 {
		return argv
	}
	return []string{"vi"}
}

// onNote edits the note of the posting under the cursor in $EDITOR: a
// Cmd writes it to a temporary file; onNoteFile runs the editor. A
// read-only store says why instead.
func (m *Model) onNote() tea.Cmd {
	p, cmd := m.editTarget()
	if p == nil {
		return cmd
	}
	before, argv := m.c.store.Note(p.ID), editorCommand()
	return func() tea.Msg { return writeNoteFile(p, before, argv) }
}

// writeNoteFile writes before to a new temporary file for the editor
// argv, or reports why the editor cannot run.
func writeNoteFile(p *model.Posting, before string, argv []string) noteFileMsg {
	msg := noteFileMsg{p: p, before: before, argv: argv}
	if _, err := exec.LookPath(argv[0]); err != nil {
		msg.err = fmt.Errorf("editor %q: %w", argv[0], err)
		return msg
	}
	f, err := os.CreateTemp("", "jobdeck-note-*.md")
	if err != nil {
		msg.err = fmt.Errorf("temporary file for the note: %w", err)
		return msg
	}
	msg.path = f.Name()
	text := before
	if text != "" {
		text += "\n" // a text file ends its last line
	}
	_, err = io.WriteString(f, text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(msg.path)
		msg.path, msg.err = "", fmt.Errorf("temporary file for the note: %w", err)
	}
	return msg
}

// onNoteFile runs the editor on the note file, or opens the inline note
// editor when no editor can run.
func (m *Model) onNoteFile(msg noteFileMsg) tea.Cmd {
	if msg.err != nil {
		return m.inlineNote(msg.p, msg.before, msg.err)
	}
	argv := append(msg.argv[1:len(msg.argv):len(msg.argv)], msg.path)
	cmd := exec.Command(msg.argv[0], argv...)
	return m.store.exec(cmd, func(err error) tea.Msg {
		return noteEditedMsg{p: msg.p, before: msg.before, path: msg.path, err: err}
	})
}

// onNoteEdited reads the note back once the editor exited. An editor that
// failed (a non-zero exit, as vi's :cq) leaves the note unchanged. Any
// other error (it could not start, the terminal could not be handed over
// or taken back) still reads the file: an edit made is kept, else the
// inline editor takes over.
func (m *Model) onNoteEdited(msg noteEditedMsg) tea.Cmd {
	path := msg.path
	var exit *exec.ExitError
	if errors.As(msg.err, &exit) {
		remove := func() tea.Msg { _ = os.Remove(path); return nil }
		return tea.Batch(remove, m.flash("note unchanged: the editor failed: "+msg.err.Error(), true))
	}
	p, before, execErr := msg.p, msg.before, msg.err
	return func() tea.Msg {
		text, err := readNoteFile(path)
		return noteReadMsg{p: p, before: before, text: text, err: err, execErr: execErr}
	}
}

// readNoteFile reads the edited note (at most maxNoteFile bytes) and
// removes the file.
func readNoteFile(path string) (string, error) {
	defer func() { _ = os.Remove(path) }()
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading the edited note: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxNoteFile))
	if err != nil {
		return "", fmt.Errorf("reading the edited note: %w", err)
	}
	return string(b), nil
}

// onNoteRead stores the edited note.
func (m *Model) onNoteRead(msg noteReadMsg) tea.Cmd {
	if msg.execErr != nil && (msg.err != nil || normNote(msg.text) == normNote(msg.before)) {
		return m.inlineNote(msg.p, msg.before, msg.execErr)
	}
	if msg.err != nil {
		return m.flash("note unchanged: "+msg.err.Error(), true)
	}
	return m.setNote(msg.p, msg.before, msg.text)
}

// setNote gives p the note text and saves, unless it is before again
// (compared as the store keeps notes: without CRs and trailing space).
func (m *Model) setNote(p *model.Posting, before, text string) tea.Cmd {
	if normNote(text) == normNote(before) {
		return m.flash("note unchanged", false)
	}
	if err := m.c.store.SetNote(p, text); err != nil {
		return m.flash("note not changed: "+err.Error(), true)
	}
	return m.changed()
}

// normNote is text as the store would keep it, near enough to tell
// whether an edit changed anything.
func normNote(s string) string {
	return strings.TrimRight(strings.ReplaceAll(s, "\r", ""), " \t\n")
}

// storeDetailLines are the lines the state store adds under the detail
// header: why the store is read-only or why the last save failed, in full
// (the status line has room only for their start, and the user needs the
// fix they name), then the note.
func (m *Model) storeDetailLines(p *model.Posting, width int) []string {
	var out []string
	warn := func(s string) {
		for _, l := range wrapPlain(clean(s), max(width, 1)) {
			out = append(out, m.c.styles.Warning.Render(l))
		}
	}
	if m.c.stateLoading {
		return nil // nothing to say before the state file is read
	}
	if err := m.readOnly(); err != nil {
		warn("⚠ read-only: " + err.Error())
	} else if m.store.saveErr != nil {
		warn("⚠ not saved: " + m.store.saveErr.Error())
	}
	out = append(out, stageLines(&m.c.styles, m.c.store, p, width, m.c.now())...)
	return append(out, m.noteLines(p, width)...)
}

// noteLines renders the note of p under the detail header, width wide:
// "Note" and the text, each line of the note wrapped under the label.
func (m *Model) noteLines(p *model.Posting, width int) []string {
	note := m.c.store.Note(p.ID)
	if note == "" {
		return nil
	}
	note, cut := noteHead(note)
	var out []string
	for i, line := range strings.Split(note, "\n") {
		label := "        "
		if i == 0 {
			label = "Note    "
		}
		line = clean(strings.ReplaceAll(line, "\t", "    "))
		if strings.TrimSpace(line) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, labelled(&m.c.styles, label, line, width)...)
	}
	if cut {
		out = append(out, labelled(&m.c.styles, "        ", m.c.styles.Dim.Render("… the note goes on (n opens all of it)"), width)...)
	}
	return out
}

// The detail header shows at most this much of a note; the header is
// drawn on every change of posting, and a note of a megabyte would make
// each cursor move cost half a second. The note itself is kept whole.
const (
	noteShownLines = 30
	noteShownBytes = 4 << 10
)

// noteHead returns the part of note the header shows, and whether it is
// cut: at most noteShownLines lines and noteShownBytes bytes, cut on a
// character boundary.
func noteHead(note string) (string, bool) {
	cut := false
	if len(note) > noteShownBytes {
		i := noteShownBytes
		for i > 0 && !utf8.RuneStart(note[i]) {
			i--
		}
		note, cut = note[:i], true
	}
	if n := strings.Count(note, "\n"); n >= noteShownLines {
		end := 0
		for range noteShownLines {
			end += strings.IndexByte(note[end:], '\n') + 1
		}
		note, cut = note[:end-1], true
	}
	return note, cut
}
