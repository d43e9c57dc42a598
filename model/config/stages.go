package config

import "github.com/jobdeck/jobdeck/model"

// stageNames returns the names of the stages the [stages] and
// [theme.stages] tables take, in pipeline order.
func stageNames() []string {
	stages := model.Stages()
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = s.String()
	}
	return out
}

// sortNames returns the names of the sort orders sort takes, in the
// order S cycles through them.
func sortNames() []string {
	var out []string
	for o := model.SortNewest; ; {
		out = append(out, o.String())
		if o = o.Next(); o == model.SortNewest {
			return out
		}
	}
}

// MaxFollowUpDays bounds a stage's default follow-up.
const MaxFollowUpDays = 365
