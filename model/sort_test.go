package model

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSortOrderStringNext(t *testing.T) {
	want := []string{"newest", "oldest", "company", "title", "stage", "follow-up", "salary"}
	o := SortNewest
	for i := range 14 {
		if got := o.String(); got != want[i%7] {
			t.Errorf("step %d: String() = %q, want %q", i, got, want[i%7])
		}
		o = o.Next()
	}
	if o != SortNewest {
		t.Errorf("Next cycled to %v after 14 steps", o)
	}
	if got := SortOrder(9).String(); got != "SortOrder(9)" {
		t.Errorf("invalid String() = %q", got)
	}
	if got := SortOrder(-1).Next(); got != SortNewest {
		t.Errorf("invalid Next() = %v", got)
	}
}

func TestParseSortOrder(t *testing.T) {
	for _, o := range []SortOrder{SortNewest, SortOldest, SortCompany, SortTitle, SortStage, SortFollowUp, SortSalary} {
		got, err := ParseSortOrder(o.String())
		if err != nil || got != o {
			t.Errorf("ParseSortOrder(%q) = %v, %v", o.String(), got, err)
		}
	}
	if got, err := ParseSortOrder("Company"); err != nil || got != SortCompany {
		t.Errorf("ParseSortOrder(Company) = %v, %v", got, err)
	}
	if _, err := ParseSortOrder("pay"); !errors.Is(err, ErrUnknownSort) {
		t.Errorf("ParseSortOrder(pay) err = %v, want ErrUnknownSort", err)
	}
}

// sortIDs returns the IDs of c in order o.
func sortIDs(c *Collection, o SortOrder) []string {
	s := c.Snapshot()
	var out []string
	for _, i := range s.order(o) {
		out = append(out, s.At(int(i)).ID)
	}
	return out
}

func TestSortOrdersWithTies(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	c := NewCollection()
	c.Add(
		&Posting{ID: "u1", Path: "b.md", Title: "Zeta", Company: "beta"},              // undated
		&Posting{ID: "u2", Path: "a.md", Title: "Zeta", Company: "beta"},              // undated, same text: path decides
		&Posting{ID: "n1", Path: "c.md", Title: "alpha", Company: "Beta", Date: d(5)}, // same day as n2
		&Posting{ID: "n2", Path: "d.md", Title: "Alpha", Company: "alpha", Date: d(5)},
		&Posting{ID: "o", Path: "e.md", Title: "Mid", Company: "", Date: d(1)},
		&Posting{ID: "t", Path: "f.md", Title: "", Company: "Gamma", Date: d(9)},
	)
	tests := []struct {
		o    SortOrder
		want []string
	}{
		// Same date: title (case-insensitive), then company.
		{SortNewest, []string{"t", "n2", "n1", "o", "u2", "u1"}},
		{SortOldest, []string{"o", "n2", "n1", "t", "u2", "u1"}},
		// No company sorts last.
		{SortCompany, []string{"n2", "n1", "u2", "u1", "t", "o"}},
		// No title sorts last.
		{SortTitle, []string{"n2", "n1", "o", "u2", "u1", "t"}},
	}
	for _, tc := range tests {
		if got := sortIDs(c, tc.o); !slices.Equal(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.o, got, tc.want)
		}
	}
}

// TestSortIncrementalEqualsFull checks that extending a cached order by
// merging appended postings gives the order a fresh sort gives, and that an
// older, smaller snapshot still gets its own order.
func TestSortIncrementalEqualsFull(t *testing.T) {
	ps := genPostings(3000, 17)
	for o := range numSortOrders {
		inc := NewCollection()
		old := Snapshot{}
		for k := 0; k < len(ps); k += 700 {
			if k == 1400 {
				old = inc.Snapshot()
			}
			inc.Add(ps[k:min(k+700, len(ps))]...)
			inc.Snapshot().order(o) // extends the cache batch by batch
		}
		full := NewCollection()
		full.Add(ps...)
		if got, want := inc.Snapshot().order(o), full.Snapshot().order(o); !slices.Equal(got, want) {
			t.Fatalf("%v: incremental order differs from a full sort", o)
		}
		small := NewCollection()
		small.Add(ps[:old.Len()]...)
		if got, want := old.order(o), small.Snapshot().order(o); !slices.Equal(got, want) {
			t.Fatalf("%v: order of an older snapshot differs", o)
		}
	}
}

// TestSortUnevenBatchesEqualsFull checks the galloping merge with batches
// of 1 to a few hundred postings going into a growing order, as refilters
// take them while a folder streams in.
func TestSortUnevenBatchesEqualsFull(t *testing.T) {
	ps := genPostings(3000, 29)
	sizes := []int{1, 2, 900, 3, 40, 1, 7, 300, 64, 1, 500}
	for o := range numSortOrders {
		inc := NewCollection()
		for k, i := 0, 0; k < len(ps); i++ {
			n := min(sizes[i%len(sizes)], len(ps)-k)
			inc.Add(ps[k : k+n]...)
			inc.Snapshot().order(o)
			k += n
		}
		full := NewCollection()
		full.Add(ps...)
		if got, want := inc.Snapshot().order(o), full.Snapshot().order(o); !slices.Equal(got, want) {
			t.Fatalf("%v: order built from uneven batches differs from a full sort", o)
		}
	}
}

// TestSortParallelEqualsSequential checks the split-and-merge sort of a
// large range against one sequential sort.
func TestSortParallelEqualsSequential(t *testing.T) {
	c := NewCollection()
	c.Add(genPostings(3*parallelMin, 23)...)
	s := c.Snapshot()
	for o := range numSortOrders {
		want := make([]int32, s.Len())
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortFunc(want, func(a, b int32) int { return s.compare(o, a, b) })
		if got := s.sortRange(o, 0, s.Len()); !slices.Equal(got, want) {
			t.Fatalf("%v: parallel sort differs from sequential", o)
		}
	}
}

// TestDateKeyOrdersAsDates checks that comparing dateKeys orders dates as
// time.Time.Compare does wherever it tells them apart, and that equal keys
// of whole seconds are equal dates.
func TestDateKeyOrdersAsDates(t *testing.T) {
	base := time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)
	dates := []time.Time{
		base, base.Add(time.Nanosecond), base.Add(999 * time.Millisecond), base.Add(time.Second),
		base.Add(-time.Nanosecond), base.Add(-time.Second), base.In(time.FixedZone("x", 3600)),
		time.Date(1969, 12, 31, 23, 59, 59, 500, time.UTC), time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
	}
	for _, a := range dates {
		for _, b := range dates {
			ka, kb := dateKey(a), dateKey(b)
			switch c := cmpInt(ka, kb); {
			case c != 0 && c != a.Compare(b):
				t.Errorf("%v vs %v: keys compare %d, dates %d", a, b, c, a.Compare(b))
			case c == 0 && ka&1 == 0 && !a.Equal(b):
				t.Errorf("%v and %v: equal whole-second keys for different dates", a, b)
			}
		}
	}
	if dateKey(time.Time{}) != undated {
		t.Error("the zero date is not undated")
	}
}

// TestOrderKeysSortAsTheFields checks the date and title sorts, which
// compare order keys first, against comparing the dates and folded fields
// themselves, on titles and companies that share 8- or 16-byte prefixes,
// end inside one, are empty or not ASCII, and dates that tie or differ by
// a fraction of a second.
func TestOrderKeysSortAsTheFields(t *testing.T) {
	titles := []string{"", "a", "ab", "Abcdefgh", "abcdefgh", "abcdefghi", "abcdefgh engineer", "abcdefgg", "abcdefgh\u00e9", "zürich lead", "zurich", "Zz", "日本語のタイトル", "x\x01",
		"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoo", "abcdefghijklmnop engineer", "abcdefghijklmno"}
	companies := []string{"b", "a", "", "acme corporation", "acme corp", "Acme Corporation Ltd", "acme co", "acme cor\u00e9"}
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	dates := []time.Time{{}, base, base.Add(time.Nanosecond), base.Add(500 * time.Millisecond), base.Add(time.Second)}
	c := NewCollection()
	n := 0
	for _, title := range titles {
		for k, d := range dates {
			c.Add(&Posting{ID: fmt.Sprint(n), Path: fmt.Sprintf("%03d.md", (n*37)%101), Title: title, Company: companies[(n+k)%len(companies)], Date: d})
			n++
		}
	}
	s := c.Snapshot()
	ref := func(o SortOrder, a, b int32) int {
		ea, eb := s.keys.at(int(a)), s.keys.at(int(b))
		pa, pb := s.postings[a], s.postings[b]
		c := 0
		switch o {
		case SortNewest, SortOldest:
			switch za, zb := pa.Date.IsZero(), pb.Date.IsZero(); {
			case za && !zb:
				return 1
			case zb && !za:
				return -1
			case !za:
				c = pa.Date.Compare(pb.Date)
				if o == SortNewest {
					c = -c
				}
			}
			c = cmp.Or(c, strings.Compare(ea.field(fieldTitle), eb.field(fieldTitle)), strings.Compare(ea.field(fieldCompany), eb.field(fieldCompany)))
		case SortCompany:
			c = cmp.Or(compareNonEmptyFirst(ea.field(fieldCompany), eb.field(fieldCompany)), compareNonEmptyFirst(ea.field(fieldTitle), eb.field(fieldTitle)))
		default:
			c = cmp.Or(compareNonEmptyFirst(ea.field(fieldTitle), eb.field(fieldTitle)), compareNonEmptyFirst(ea.field(fieldCompany), eb.field(fieldCompany)))
		}
		return cmp.Or(c, strings.Compare(pa.Path, pb.Path), int(a)-int(b))
	}
	for _, o := range []SortOrder{SortNewest, SortOldest, SortTitle, SortCompany} {
		want := make([]int32, n)
		for i := range want {
			want[i] = int32(i)
		}
		slices.SortFunc(want, func(a, b int32) int { return ref(o, a, b) })
		if got := s.order(o); !slices.Equal(got, want) {
			t.Errorf("%v: order differs from comparing the fields", o)
		}
	}
}

// TestPathOrderedSortsAsPaths checks that postings added in the order of
// their paths, whose sorts break ties by index, sort as the same postings
// added in another order, whose sorts compare paths.
func TestPathOrderedSortsAsPaths(t *testing.T) {
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	var ps []*Posting
	for i := range 300 {
		ps = append(ps, &Posting{ID: fmt.Sprint(i), Path: fmt.Sprintf("d%02d/%03d.md", i%7, i),
			Title: []string{"Engineer", "engineer", "Designer"}[i%3], Company: []string{"Acme", ""}[i%2],
			Date: base.Add(time.Duration(i%4) * 24 * time.Hour)})
	}
	slices.SortFunc(ps, func(a, b *Posting) int { return strings.Compare(a.Path, b.Path) })
	ordered, shuffled := NewCollection(), NewCollection()
	ordered.Add(ps[:100]...)
	ordered.Add(ps[100:]...)
	mixed := slices.Clone(ps)
	rand.New(rand.NewPCG(5, 6)).Shuffle(len(mixed), func(i, j int) { mixed[i], mixed[j] = mixed[j], mixed[i] })
	shuffled.Add(mixed...)
	so, ss := ordered.Snapshot(), shuffled.Snapshot()
	if !so.pathOrdered || ss.pathOrdered {
		t.Fatalf("pathOrdered: in path order %v, shuffled %v", so.pathOrdered, ss.pathOrdered)
	}
	paths := func(s Snapshot, perm []int32) []string {
		out := make([]string, len(perm))
		for k, i := range perm {
			out[k] = s.postings[i].Path
		}
		return out
	}
	for o := range numSortOrders {
		if got, want := paths(so, so.order(o)), paths(ss, ss.order(o)); !slices.Equal(got, want) {
			t.Errorf("%v: added in path order sorts as %v, shuffled as %v", o, got[:8], want[:8])
		}
	}
}
