package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// renderLimits bounds the rendering of one body.
type renderLimits struct {
	// budget is how long glamour may take over one body in all; what is
	// not rendered by then is shown as plain text.
	budget time.Duration
	// chunk is how much markdown glamour renders at once. A body longer
	// than that is cut at blank lines outside code blocks, and its first
	// chunk is shown before the rest is rendered.
	chunk int
}

// defaultLimits renders a typical posting (2–4 KB, about 7 ms) in one go.
var defaultLimits = renderLimits{budget: 2 * time.Second, chunk: 24 << 10}

// errCancelled reports a render that was no longer wanted.
var errCancelled = errors.New("render no longer wanted")

// renderJob is one body on its way through glamour: the chunks still to
// render and what they already gave.
type renderJob struct {
	key     renderKey
	lim     renderLimits
	slots   chan struct{} // held while glamour runs; shared by one cache's renders
	started time.Time     // when glamour first ran, for the budget
	chunks  []string
	lines   []string
	warn    string
}

// renderBody reads and renders the body of k.p with glamour at k.width,
// within [defaultLimits]; see [renderBodyWith].
func renderBody(ctx context.Context, k renderKey, read bodyReader) renderedMsg {
	return renderBodyWith(ctx, k, read, defaultLimits, nil)
}

// renderBodyWith reads the body of k.p and renders its first chunk. The
// markdown is cleaned of control characters first, and glamour's output is
// passed through [terminalSafe], so nothing from the posting reaches the
// terminal as a control sequence. A body that nests deeper than glamour can
// bear ([tooDeep]) is shown as plain text with a warning, and so is what is
// left when the budget runs out. When more chunks remain, the message's
// cont renders them. A cancelled ctx ends the work between chunks and while
// waiting for a slot; the message then carries [errCancelled].
func renderBodyWith(ctx context.Context, k renderKey, read bodyReader, lim renderLimits, slots chan struct{}) (msg renderedMsg) {
	msg.key = k
	defer func() {
		if r := recover(); r != nil {
			msg.lines, msg.err, msg.cont = nil, fmt.Errorf("rendering the body: %v", r), nil
		}
	}()
	body, err := read(k.p)
	if err != nil {
		msg.err = fmt.Errorf("reading the body: %w", err)
		return msg
	}
	body = cleanBody(body)
	if strings.TrimSpace(body) == "" {
		msg.lines = []string{"(no description)"}
		return msg
	}
	job := &renderJob{key: k, lim: lim, slots: slots}
	if why := tooDeep(body); why != "" {
		job.warn = "Shown as plain text: " + why + "."
		job.lines = plainLines(body, k.width)
		return job.message(ctx)
	}
	job.chunks = splitChunks(body, lim.chunk)
	return job.step(ctx)
}

// step renders the next chunk and returns what is done so far, with a cont
// for the rest.
func (j *renderJob) step(ctx context.Context) renderedMsg {
	if err := j.acquire(ctx); err != nil {
		return renderedMsg{key: j.key, err: err}
	}
	defer j.release()
	if j.started.IsZero() {
		j.started = time.Now()
	}
	chunk := j.chunks[0]
	j.chunks = j.chunks[1:]
	if len(chunk) > 2*j.lim.chunk {
		// One block (a code block, a table) too large to render soon:
		// plain, and glamour goes on with the next chunk.
		j.warnOnce(fmt.Sprintf("A block of %d KB is shown as plain text.", len(chunk)>>10))
		j.appendLines(plainLines(chunk, j.key.width))
		return j.message(ctx)
	}
	left := j.lim.budget - time.Since(j.started)
	lines, err := glamourLines(ctx, chunk, j.key, left)
	switch {
	case errors.Is(err, errCancelled):
		return renderedMsg{key: j.key, err: err}
	case errors.Is(err, context.DeadlineExceeded):
		j.warnOnce(fmt.Sprintf("Shown as plain text from here on: rendering took longer than %s.", j.lim.budget))
		j.appendLines(plainLines(strings.Join(append([]string{chunk}, j.chunks...), "\n\n"), j.key.width))
		j.chunks = nil
	case err != nil:
		return renderedMsg{key: j.key, err: err}
	default:
		j.appendLines(lines)
	}
	return j.message(ctx)
}

// message returns the lines so far, with the warning on top, and a cont
// when chunks remain.
func (j *renderJob) message(ctx context.Context) renderedMsg {
	msg := renderedMsg{key: j.key, lines: j.lines}
	if j.warn != "" {
		msg.lines = append(append(wrapPlain(j.warn, max(j.key.width, 1)), ""), j.lines...)
	}
	if len(j.chunks) > 0 {
		msg.lines = append(msg.lines[:len(msg.lines):len(msg.lines)], "", "Rendering the rest…")
		msg.cont = func() tea.Msg { return j.step(ctx) }
	}
	return msg
}

// warnOnce sets the warning shown above the body unless one is set.
func (j *renderJob) warnOnce(w string) {
	if j.warn == "" {
		j.warn = w
	}
}

// appendLines adds a chunk's lines, a blank line between chunks.
func (j *renderJob) appendLines(lines []string) {
	if len(j.lines) > 0 && len(lines) > 0 {
		j.lines = append(j.lines, "")
	}
	j.lines = append(j.lines, lines...)
}

// acquire waits for a render slot, or for ctx to be cancelled.
func (j *renderJob) acquire(ctx context.Context) error {
	if ctx.Err() != nil {
		return errCancelled
	}
	if j.slots == nil {
		return nil
	}
	select {
	case j.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return errCancelled
	}
}

// release gives the slot back.
func (j *renderJob) release() {
	if j.slots != nil {
		<-j.slots
	}
}

// glamourLines renders markdown with glamour and tidies its lines. It waits
// at most budget: glamour cannot be interrupted, so a render that takes
// longer is left to finish on its own (its input is bounded by the chunk
// size and [tooDeep]) and context.DeadlineExceeded is returned; a cancelled
// ctx returns [errCancelled] at once.
func glamourLines(ctx context.Context, md string, k renderKey, budget time.Duration) ([]string, error) {
	if budget <= 0 {
		return nil, context.DeadlineExceeded
	}
	type result struct {
		out string
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("rendering the body: %v", r)}
			}
		}()
		out, err := glamourRender(md, k)
		done <- result{out, err}
	}()
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, r.err
		}
		return tidyLines(terminalSafe(r.out), k.width), nil
	case <-ctx.Done():
		return nil, errCancelled
	case <-timer.C:
		return nil, context.DeadlineExceeded
	}
}

// glamourRender runs glamour over md at k's width and style.
func glamourRender(md string, k renderKey) (string, error) {
	wrap := max(k.width-2, 10) // glamour's document margin is 2 columns
	// Glamour reflows paragraphs and ignores markdown hard line breaks
	// (glamour #84); postings are hand-wrapped text whose line breaks carry
	// meaning ("Company: …" lines, addresses), so keep them.
	r, err := glamour.NewTermRenderer(glamour.WithStyles(k.style.config()), glamour.WithWordWrap(wrap), glamour.WithPreservedNewLines())
	if err != nil {
		return "", fmt.Errorf("setting up glamour: %w", err)
	}
	out, err := r.Render(md)
	if err != nil {
		return "", fmt.Errorf("rendering the body: %w", err)
	}
	return out, nil
}

// tidyLines splits rendered output into lines cut to width (glamour pads
// them to the wrap width, glamour #235) and drops blank lines at both ends.
func tidyLines(out string, width int) []string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		// Cut the line after its last visible character, and never wider
		// than the pane.
		w := ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " "))
		if w < ansi.StringWidth(l) {
			l = ansi.Truncate(l, min(w, width), "")
			// Truncate keeps the styles of the cut padding: a style set
			// and reset at once is a reset, and resets in a row are one.
			l = emptySGR.ReplaceAllString(l, "\x1b[m")
			l = manyResets.ReplaceAllString(l, "\x1b[m")
		}
		lines[i] = l
	}
	blank := func(l string) bool { return strings.TrimSpace(ansi.Strip(l)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// plainLines shows clean markdown as plain text: its own line breaks kept,
// each line wrapped to width, with a two-column margin like glamour's.
func plainLines(body string, width int) []string {
	w := max(width-2, 1)
	var out []string
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimRight(strings.ReplaceAll(line, "\t", "    "), " ")
		if line == "" {
			out = append(out, "")
			continue
		}
		for _, l := range wrapPlain(line, w) {
			out = append(out, "  "+l)
		}
	}
	return out
}

// splitChunks cuts markdown into pieces of about size bytes at blank lines
// outside fenced code blocks, so each piece is whole blocks. A block longer
// than size stays whole.
func splitChunks(body string, size int) []string {
	if len(body) <= size || size <= 0 {
		return []string{body}
	}
	var chunks []string
	start, fence := 0, ""
	for i := 0; i < len(body); {
		end := strings.IndexByte(body[i:], '\n')
		if end < 0 {
			end = len(body) - i
		}
		line := body[i : i+end]
		next := i + end + 1
		if f := fenceOf(line); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence):
				fence = ""
			}
		}
		if fence == "" && strings.TrimSpace(line) == "" && i-start >= size {
			chunks = append(chunks, body[start:i])
			start = min(next, len(body))
		}
		i = next
	}
	if start < len(body) {
		chunks = append(chunks, body[start:])
	}
	return chunks
}

// renderCmd returns a Cmd rendering k under ctx, in one of slots.
func renderCmd(ctx context.Context, k renderKey, read bodyReader, slots chan struct{}) tea.Cmd {
	return func() tea.Msg { return renderBodyWith(ctx, k, read, defaultLimits, slots) }
}
