package ui

import "testing"

// TestGoldenStateViews pins the screens the state store adds: ★, tag
// labels and the note in the shortlist-only view, the tag editor with a
// completion, and the export question.
func TestGoldenStateViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"state_shortlist_view_120x40", 120, 40, []string{"L"}},
		{"state_tags_editor_80x24", 80, 24, []string{"t", ",", " ", "r"}},
		{"state_export_80x24", 80, 24, []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, st, _ := newStoreModel(t)
			send(t, m, size(tt.w, tt.h))
			a, _ := collection(m).ByID("a")
			c, _ := collection(m).ByID("c")
			for _, err := range []error{
				st.SetShortlisted(a, true), st.SetTags(a, []string{"remote", "go"}), st.SetNote(a, "Called Mira: second round on Friday.\nAsk about the on-call rota."),
				st.SetShortlisted(c, true), st.SetTags(c, []string{"rust"}),
			} {
				if err != nil {
					t.Fatal(err)
				}
			}
			send(t, m, kp("j")) // onto a
			for _, k := range tt.keys {
				send(t, m, kp(k))
			}
			golden(t, m, tt.name)
		})
	}
}
