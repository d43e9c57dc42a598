package ui

import (
	"slices"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// refresh brings the columns in line with the store after a change to it
// without computing the board again: each card's posting is looked up
// once, and only the cards whose stage, date or follow-up changed move
// (to the head of their new column's cards of that date, as
// [model.Board] orders them) or leave. When postings gained a stage that
// no card shows (an undo, another jobdeck's change) it computes the board
// again.
func (b *board) refresh() {
	b.dirty = false
	if b.c.store == nil {
		return
	}
	focused := b.Selected()
	now := b.c.now()
	var moved []model.BoardCard
	shown := 0
	for i := range b.cols {
		cards := b.cols[i].Cards[:0]
		for _, cd := range b.cols[i].Cards {
			tr := b.c.store.Track(cd.Posting.ID)
			switch {
			case tr.Stage == cd.Stage && tr.StageAt().Equal(cd.Since) && tr.Due(now) == cd.Due:
				cards = append(cards, cd)
			case tr.Stage != model.StageNone:
				moved = append(moved, newCard(cd.Posting, tr, now))
			}
		}
		clear(b.cols[i].Cards[len(cards):])
		b.cols[i].Cards = cards
		shown += len(cards)
	}
	for _, cd := range moved {
		b.place(cd)
	}
	if b.match == nil && shown+len(moved) != len(b.c.store.TrackedIDs()) {
		b.recompute()
		return
	}
	b.focusOn(focused)
}

// newCard is the card of p, tracked as tr, as of now (see [model.Board]).
func newCard(p *model.Posting, tr model.Track, now time.Time) model.BoardCard {
	cd := model.BoardCard{Posting: p, Stage: tr.Stage, Since: tr.StageAt(), Due: tr.Due(now)}
	if !cd.Since.IsZero() {
		days := model.Day(now).Sub(model.Day(cd.Since.In(now.Location()))) / (24 * time.Hour)
		cd.Days = max(0, int(days))
	}
	return cd
}

// place puts cd in its stage's column, before the cards of older changes.
func (b *board) place(cd model.BoardCard) {
	i := len(b.cols) - 1
	if cd.Stage.IsActive() {
		i = int(cd.Stage - model.StageInterested)
	}
	cards := b.cols[i].Cards
	at := slices.IndexFunc(cards, func(o model.BoardCard) bool { return o.Since.Before(cd.Since) })
	if at < 0 {
		at = len(cards)
	}
	b.cols[i].Cards = slices.Insert(cards, at, cd)
}

// focusOn puts the focus on p's card when the board shows it, keeps each
// column's focus on a card, and scrolls.
func (b *board) focusOn(p *model.Posting) {
	for i, col := range b.cols {
		for j, cd := range col.Cards {
			if cd.Posting == p {
				b.col, b.card[i] = i, j
			}
		}
		b.card[i] = clampInt(b.card[i], 0, max(len(col.Cards)-1, 0))
	}
	b.scroll()
}
