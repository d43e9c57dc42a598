package loader_test

import (
	"path"
	"slices"
	"testing"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/corpus"
)

// TestCorpusParsesAsGenerated parses generated postings of every shape
// and defect and compares the fields with what the generator meant.
func TestCorpusParsesAsGenerated(t *testing.T) {
	for i := range 700 {
		it := corpus.MakeItem(i, 9)
		p := loader.Parse(path.Base(it.Name), it.Data)
		w := it.Posting
		if p.Title != w.Title || p.Company != w.Company || p.Location != w.Location || p.URL != w.URL ||
			p.Salary != w.Salary || p.EmploymentType != w.EmploymentType || p.Remote != w.Remote ||
			!p.Date.Equal(w.Date) || !slices.Equal(p.Keywords, w.Keywords) {
			t.Errorf("item %d (%s, shape %d):\n got %q %q %q %q %q %q %v %v %q\nwant %q %q %q %q %q %q %v %v %q", i, it.Name, it.Shape,
				p.Title, p.Company, p.Location, p.URL, p.Salary, p.EmploymentType, p.Remote, p.Date, p.Keywords,
				w.Title, w.Company, w.Location, w.URL, w.Salary, w.EmploymentType, w.Remote, w.Date, w.Keywords)
		}
	}
}
