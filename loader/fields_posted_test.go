package loader

import (
	"testing"
	"time"
)

// Careers pages paste "Posted: 2026-11-20" under the title; job boards
// export "published". Both date the posting.
func TestPostedAndPublishedDateAPosting(t *testing.T) {
	for _, text := range []string{
		"Site Reliability Engineer\nCompany: Harborlight Ferries\nPosted: 2026-11-20\n\nWe run ferries.\n",
		"---\ntitle: SRE\npublished: 2026-11-20\n---\n\nWe run ferries.\n",
	} {
		p := Parse("sre.txt", []byte(text))
		if want := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC); !p.Date.Equal(want) {
			t.Errorf("date %v, want %v, from:\n%s", p.Date, want, text)
		}
	}
}
