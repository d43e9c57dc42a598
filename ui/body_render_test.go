package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/jobdeck/jobdeck/model"
)

func readBody(p *model.Posting) (string, error) { return p.Body, nil }

func TestTooDeep(t *testing.T) {
	nested := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct {
		name, body string
		deep       bool
	}{
		{"a posting", "# Title\n\n**Go**, *Rust* and snake_case_names.\n\n- a\n  - b\n    - c\n\n> quote\n", false},
		{"quotes 16 deep", strings.Repeat(">", 16) + " hi", false},
		{"quotes 100 deep", strings.Repeat(">", 100) + " hi", true},
		{"markers on one line", strings.Repeat("- ", 1000) + "x", true},
		{"mixed markers", strings.Repeat("> 1. ", 10) + "x", true},
		{"indented lists", nested(40), true},
		{"indented lists, shallow", nested(8), false},
		{"inside a fence", "```\n" + strings.Repeat(">", 100) + "\n```\n", false},
		{"after a fence", "```\ncode\n```\n" + strings.Repeat(">", 100), true},
		{"long emphasis run", strings.Repeat("*", 100000) + "x" + strings.Repeat("*", 100000), true},
		{"nested emphasis", strings.Repeat("*a ", 500) + "x" + strings.Repeat(" a*", 500), true},
		{"balanced emphasis", strings.Repeat("*a* ", 500), false},
		{"nested brackets", strings.Repeat("[", 1000) + "x" + strings.Repeat("]", 1000), true},
		{"many links", strings.Repeat("[a](https://x.example) ", 1000), false},
		{"thematic breaks", "* * *\n\n- - -\n", false},
	}
	for _, tt := range tests {
		if got := tooDeep(tt.body); (got != "") != tt.deep {
			t.Errorf("%s: tooDeep = %q, want deep=%v", tt.name, got, tt.deep)
		}
	}
}

// TestDeepBodiesShownAsPlainText renders bodies that glamour cannot finish
// (deep quotes and lists) or that overflow its stack (a long emphasis run):
// each comes back at once as plain text with a warning.
func TestDeepBodiesShownAsPlainText(t *testing.T) {
	for _, body := range []string{
		strings.Repeat(">", 100) + " deep quote",
		strings.Repeat("- ", 1000) + "deep list",
		strings.Repeat("*", 100000) + "x" + strings.Repeat("*", 100000),
	} {
		msg := renderBody(t.Context(), renderKey{p: &model.Posting{Body: body}, width: 60, style: glamourStyle{name: "dark"}}, readBody)
		if msg.err != nil || msg.cont != nil {
			t.Fatalf("%.20q: err %v, cont %v", body, msg.err, msg.cont != nil)
		}
		if !strings.HasPrefix(msg.lines[0], "Shown as plain text") {
			t.Errorf("%.20q: no warning: %q", body, msg.lines[0])
		}
		for _, l := range msg.lines {
			if ansi.StringWidth(l) > 60 {
				t.Fatalf("%.20q: line wider than the pane: %d", body, ansi.StringWidth(l))
			}
		}
	}
}

// drain runs a render's continuations to the end and returns the last
// message and how many messages came.
func drain(t *testing.T, msg renderedMsg) (renderedMsg, int) {
	t.Helper()
	n := 1
	for msg.cont != nil {
		next, ok := msg.cont().(renderedMsg)
		if !ok {
			t.Fatal("a continuation returned something other than a renderedMsg")
		}
		msg = next
		n++
	}
	return msg, n
}

func TestLargeBodyHeadFirst(t *testing.T) {
	var b strings.Builder
	for i := range 400 {
		b.WriteString("Paragraph number " + strings.Repeat("x", i%7) + " with some words in it to wrap.\n\n")
	}
	b.WriteString("THE END\n")
	lim := renderLimits{budget: time.Minute, chunk: 2 << 10}
	first := renderBodyWith(t.Context(), renderKey{p: &model.Posting{Body: b.String()}, width: 70, style: glamourStyle{name: "dark"}}, readBody, lim, nil)
	if first.err != nil || first.cont == nil {
		t.Fatalf("first message: err %v, cont %v", first.err, first.cont != nil)
	}
	head := ansi.Strip(strings.Join(first.lines, "\n"))
	if !strings.Contains(head, "Paragraph number") || strings.Contains(head, "THE END") || !strings.HasSuffix(head, "Rendering the rest…") {
		t.Errorf("head is not the beginning alone:\n%.300s", head)
	}
	last, n := drain(t, first)
	if n < 3 {
		t.Errorf("only %d messages for a body of %d chunks", n, len(b.String())/(2<<10))
	}
	all := ansi.Strip(strings.Join(last.lines, "\n"))
	if last.err != nil || !strings.Contains(all, "THE END") || strings.Contains(all, "Rendering the rest") {
		t.Errorf("the whole body did not arrive (err %v):\n%.200s", last.err, all[max(len(all)-200, 0):])
	}
}

func TestRenderOverBudgetShownAsPlainText(t *testing.T) {
	body := "# Title\n\n" + strings.Repeat("A paragraph of the posting.\n\n", 200)
	lim := renderLimits{budget: time.Nanosecond, chunk: 1 << 10}
	msg, _ := drain(t, renderBodyWith(t.Context(), renderKey{p: &model.Posting{Body: body}, width: 60, style: glamourStyle{name: "dark"}}, readBody, lim, nil))
	if msg.err != nil || !strings.HasPrefix(msg.lines[0], "Shown as plain text from here on") {
		t.Fatalf("err %v, first line %q", msg.err, msg.lines[0])
	}
	if got := strings.Count(strings.Join(msg.lines, "\n"), "A paragraph of the posting."); got != 200 {
		t.Errorf("%d of 200 paragraphs shown", got)
	}
}

func TestHugeBlockShownPlainWithoutGlamour(t *testing.T) {
	body := "Intro line.\n\n```go\n" + strings.Repeat("func main() { println(1) }\n", 20000) + "```\n\nAfter the code.\n"
	start := time.Now()
	msg, _ := drain(t, renderBodyWith(t.Context(), renderKey{p: &model.Posting{Body: body}, width: 80, style: glamourStyle{name: "dark"}}, readBody, renderLimits{budget: time.Minute, chunk: 24 << 10}, nil))
	if msg.err != nil || !strings.Contains(msg.lines[0], "shown as plain text") {
		t.Fatalf("err %v, first line %q", msg.err, msg.lines[0])
	}
	text := ansi.Strip(strings.Join(msg.lines, "\n"))
	if !strings.Contains(text, "Intro line.") || !strings.Contains(text, "After the code.") {
		t.Error("text around the block lost")
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d) // glamour with highlighting takes minutes
	}
}

func TestRenderCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	msg := renderBody(ctx, renderKey{p: &model.Posting{Body: "text"}, width: 40, style: glamourStyle{name: "dark"}}, readBody)
	if !errors.Is(msg.err, errCancelled) {
		t.Fatalf("err = %v, want errCancelled", msg.err)
	}
	// A render waiting for a slot gives up when cancelled.
	slots := make(chan struct{}, 1)
	slots <- struct{}{}
	ctx, cancel = context.WithCancel(t.Context())
	done := make(chan renderedMsg)
	go func() {
		done <- renderBodyWith(ctx, renderKey{p: &model.Posting{Body: "text"}, width: 40, style: glamourStyle{name: "dark"}}, readBody, defaultLimits, slots)
	}()
	cancel()
	if msg := <-done; !errors.Is(msg.err, errCancelled) {
		t.Fatalf("waiting render: err = %v", msg.err)
	}
}

// TestResizeStormCancelsStaleRenders: each size asks for the body at a new
// width; the renders of the sizes that went by are cancelled, so at most
// the wanted ones are on their way.
func TestResizeStormCancelsStaleRenders(t *testing.T) {
	m := newTestModel(t, 120, 40, fixture())
	var cmds []tea.Cmd
	for w := 100; w < 160; w++ {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: 40})
		cmds = append(cmds, cmd)
	}
	if n := len(detailOf(m).cache.pending); n > 3 {
		t.Fatalf("%d renders on their way after the storm, want at most 3", n)
	}
	cancelled := 0
	for _, msg := range collect(cmds) {
		if r, ok := msg.(renderedMsg); ok && errors.Is(r.err, errCancelled) {
			cancelled++
		}
	}
	if cancelled == 0 {
		t.Error("no stale render was cancelled")
	}
}

// FuzzRenderSafe: whatever the markdown, the render returns, and what it
// returns holds no control sequence but SGR and safe links.
func FuzzRenderSafe(f *testing.F) {
	for _, s := range []string{
		"&#27;P$qm&#27;\\", "&#27;X..&#27;^..", "&#x9d;52;c;eA==&#7;", "&#x202e;", "<b>&#27;[2J</b>",
		strings.Repeat(">", 100), strings.Repeat("- ", 1000), strings.Repeat("*", 1000) + "x" + strings.Repeat("*", 1000),
		strings.Repeat("[", 200), "```\n&#27;[2J\n```", "| a |\n|---|\n| &#155;H |", "[x](javascript:alert(1))",
	} {
		f.Add(s)
	}
	lim := renderLimits{budget: 500 * time.Millisecond, chunk: 4 << 10}
	f.Fuzz(func(t *testing.T, md string) {
		msg, _ := drain(t, renderBodyWith(t.Context(), renderKey{p: &model.Posting{Body: md}, width: 50, style: glamourStyle{name: "dark"}}, readBody, lim, nil))
		if msg.err != nil {
			return // an error is shown as text, through clean
		}
		checkSafe(t, strings.Join(msg.lines, "\n"))
	})
}

// collect runs cmds, and the Cmds of batches among them, and returns the
// messages they give, without feeding them back.
func collect(cmds []tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, c := range cmds {
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			out = append(out, collect(msg)...)
		case nil:
		default:
			out = append(out, msg)
		}
	}
	return out
}
