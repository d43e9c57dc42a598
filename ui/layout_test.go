package ui

import "testing"

func TestComputeLayout(t *testing.T) {
	tests := []struct {
		w, h, help int
		want       layout
	}{
		{39, 24, 1, layout{width: 39, height: 24, tooSmall: true}},
		{80, 9, 1, layout{width: 80, height: 9, tooSmall: true}},
		{80, 24, 1, layout{width: 80, height: 24, single: true, listW: 80, detailW: 80, bodyH: 22, rows: 10, helpH: 1}},
		{120, 40, 1, layout{width: 120, height: 40, listW: 48, detailW: 71, bodyH: 38, rows: 18, helpH: 1}},
		{90, 10, 8, layout{width: 90, height: 10, listW: 36, detailW: 53, bodyH: 4, rows: 1, helpH: 5}},
	}
	for _, tt := range tests {
		got := computeLayout(tt.w, tt.h, tt.help, 0)
		if got != tt.want {
			t.Errorf("computeLayout(%d, %d, %d) = %+v, want %+v", tt.w, tt.h, tt.help, got, tt.want)
		}
	}
}
