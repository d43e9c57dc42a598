package ui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// TestStateTextNeverReachesTerminalAsEscapes opens a hand-edited state
// file whose tags, note and snapshot try to reach the terminal, and checks
// every screen the state adds: rows, header and note, the shortlist view,
// the tag editor prefilled with those tags, the inline note editor
// prefilled with that note, the quit question and the export question.
func TestStateTextNeverReachesTerminalAsEscapes(t *testing.T) {
	evil := `X\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001bP1$r\u001b\\\u009b31m\u202eY\u0007\bZ`
	state := `{"version": 1, "postings": {"evil": {"shortlisted": true, "tags": ["t` + evil + `", "ok"], "note": "line ` + evil + `\nsecond ` + evil + `", "title": "T` + evil + `", "updated": "2026-11-19T10:00:00Z"}}}`
	path := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(path, []byte(state), 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := model.OpenStore(path)
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	if len(st.Tags("evil")) < 2 || st.Note("evil") == "" || !st.Shortlisted("evil") {
		t.Fatalf("the hostile entry did not load: %+v", st.Entries())
	}
	for _, style := range []string{"dark", "notty"} {
		for _, sz := range [][2]int{{120, 40}, {60, 15}} {
			m := newTestModel(t, sz[0], sz[1], hostile())
			m.setStyles(NewStyles(style == "dark", style == "notty"))
			m.initState(Config{Store: st, ExportDir: t.TempDir()})
			send(t, m, size(sz[0], sz[1]))
			checkSafe(t, m.View().Content)
			send(t, m, kp("L"))
			if result(m).Len() != 1 || !contains(screenText(m), "second") && sz[0] > 100 {
				t.Fatalf("hostile entry not on screen:\n%s", screenText(m))
			}
			checkSafe(t, m.View().Content)
			send(t, m, kp("t"))
			checkSafe(t, m.View().Content)
			send(t, m, kp("esc"))
			m.inlineNote(selected(m), st.Note("evil"), errors.New("no editor "+evil))
			m.syncKeys()
			checkSafe(t, m.View().Content)
			send(t, m, kp("esc"))
			storeOf(m).saveErr = errors.New("disk says " + evil)
			m.askQuit()
			m.syncKeys()
			checkSafe(t, m.View().Content)
			send(t, m, kp("n"), kp("x"))
			checkSafe(t, m.View().Content)
		}
	}
}
