package config

import "slices"

// stageNames are the stages of an application, in the order they are
// reached.
var stageNames = []string{"interested", "applied", "interviewing", "offer", "accepted", "rejected", "withdrawn", "ghosted"}

// Stages returns the stage names the [stages] and [theme.stages] tables
// take, in order. The slice is the caller's.
func Stages() []string { return slices.Clone(stageNames) }

// MaxFollowUpDays bounds a stage's default follow-up.
const MaxFollowUpDays = 365
