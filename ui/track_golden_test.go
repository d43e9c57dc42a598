package ui

import "testing"

// TestGoldenTrackViews pins the screens of the job search: the board and
// the stats screen at two sizes, the stage picker and the mark column.
func TestGoldenTrackViews(t *testing.T) {
	tests := []struct {
		name string
		w, h int
		keys []string
	}{
		{"track_board_80x24", 80, 24, []string{"B", "l"}},
		{"track_board_120x40", 120, 40, []string{"B"}},
		{"track_board_60x15", 60, 15, []string{"B", "l"}},
		{"track_stage_picker_80x24", 80, 24, []string{"j", "a"}},
		{"track_stage_picker_date_80x24", 80, 24, []string{"j", "a", "d", "3", "d", " ", "a", "g", "o"}},
		{"track_marks_80x24", 80, 24, []string{" ", "j", " "}},
		{"track_stats_80x24", 80, 24, []string{"I"}},
		{"track_stats_120x40", 120, 40, []string{"I"}},
		{"track_stats_60x15", 60, 15, []string{"I"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, st, _ := newStoreModel(t)
			send(t, m, size(tt.w, tt.h))
			trackFixture(t, m, st)
			for _, k := range tt.keys {
				send(t, m, kp(k))
			}
			golden(t, m, tt.name)
		})
	}
}
