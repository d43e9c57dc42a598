package keymap

import "charm.land/bubbles/v2/key"

// byName lists every binding by its field name, for tests.
func (k KeyMap) byName() map[string]key.Binding {
	return map[string]key.Binding{
		"Up": k.Up, "Down": k.Down, "PageUp": k.PageUp, "PageDown": k.PageDown, "Top": k.Top, "Bottom": k.Bottom,
		"Open": k.Open, "Back": k.Back, "SwitchFocus": k.SwitchFocus,
		"Filter": k.Filter, "FilterAccept": k.FilterAccept, "FilterCancel": k.FilterCancel, "ClearFilter": k.ClearFilter, "FilterPrev": k.FilterPrev, "FilterNext": k.FilterNext, "Sort": k.Sort,
		"Search": k.Search, "SearchAccept": k.SearchAccept, "SearchCancel": k.SearchCancel, "NextMatch": k.NextMatch, "PrevMatch": k.PrevMatch, "EndSearch": k.EndSearch,
		"SaveSearch": k.SaveSearch, "SavedSearches": k.SavedSearches, "RecallSearch": k.RecallSearch,
		"Shortlist": k.Shortlist, "Tags": k.Tags, "Note": k.Note, "ShortlistView": k.ShortlistView, "Export": k.Export, "AddPosting": k.AddPosting,
		"Help": k.Help, "Quit": k.Quit, "ForceQuit": k.ForceQuit, "Suspend": k.Suspend,
		"OpenURL": k.OpenURL, "CopyURL": k.CopyURL, "CopyLine": k.CopyLine,
		"Stage": k.Stage, "NextStage": k.NextStage, "PrevStage": k.PrevStage, "FollowUp": k.FollowUp,
		"Mark": k.Mark, "MarkAll": k.MarkAll, "ClearMarks": k.ClearMarks, "Undo": k.Undo, "Redo": k.Redo,
		"Board": k.Board, "Stats": k.Stats, "BoardLeft": k.BoardLeft, "BoardRight": k.BoardRight, "CloseView": k.CloseView,
	}
}
