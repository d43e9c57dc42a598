package loader

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jobdeck/jobdeck/model"
)

// mapJSONRecordPosting is the reference reader of one JSON record: every
// key the record is read for decoded into one map (objects nested in it
// into maps too), then the map read whole (mapRecordPosting).
// jsonRecordPosting must give the same posting.
func mapJSONRecordPosting(raw []byte, al *aliasSet, wantBody bool, maxBody int64) *model.Posting {
	m := make(map[string]any, 8)
	var kb [64]byte
	var over []string
	err := objectFieldsRaw(raw, func(rk, v []byte) error {
		n, _, _, ok := recordKey(kb[:0], rk, al, wantBody)
		if ok {
			x, ok, tooBig := mapDecodeBounded(v)
			switch {
			case ok:
				m[n] = x
			case tooBig && len(over) < 10:
				if k, ok := decodeString(rk); ok {
					over = append(over, cleanField(k))
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil
	}
	p := mapRecordPosting(m, al, wantBody, maxBody, func() string { return string(raw) })
	if p != nil && len(over) > 0 {
		p.SetWarnings(append(p.Warnings(), WarnNotDecoded+": "+strings.Join(over, ", ")))
	}
	return p
}

// diffAliases are the alias sets the differential checks run with: the
// built-in ones, and a user's keys that take some built-in ones over.
func diffAliases(t testing.TB) []*aliasSet {
	fa, err := NewFieldAliases(map[string][]string{
		"url": {"offer_link", "content"}, "title": {"name", "Type"}, "company": {"employer_name"}, "date": {"posted_on"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return []*aliasSet{nil, fa.set}
}

// checkSameRecordPosting fails when jsonRecordPosting and the map reader
// differ on raw, with and without the body, for each of diffAliases; and
// when a reader with a memo (see [recordMemo]) differs from them, the
// first time and the second time it meets raw. memos holds a memo for
// each case, shared by the records one test checks.
func checkSameRecordPosting(t *testing.T, raw []byte, memos map[diffCase]*recordMemo) {
	t.Helper()
	for i, al := range diffAliases(t) {
		for _, body := range []bool{false, true} {
			want := mapJSONRecordPosting(raw, al, body, DefaultMaxBody)
			got := jsonRecordPosting(raw, al, body, DefaultMaxBody)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("record %.200q (body %v, user aliases %v):\n got %+v\nwant %+v", raw, body, al != nil, got, want)
			}
			c := diffCase{i, body}
			if memos[c] == nil {
				memos[c] = newRecordMemo()
			}
			for pass := range 2 {
				got := jsonRecordPostingMemo(raw, al, body, DefaultMaxBody, memos[c])
				if !reflect.DeepEqual(got, want) {
					t.Errorf("record %.200q (body %v, user aliases %v, memo pass %d):\n got %+v\nwant %+v", raw, body, al != nil, pass, got, want)
				}
			}
		}
	}
}

// diffCase is one of checkSameRecordPosting's cases: the index of its
// alias set in diffAliases, and whether the body is read.
type diffCase struct {
	aliases int
	body    bool
}

// diffSeeds are records that take the readers' rarer paths: keys that
// fold alike, values that do not decode, bounds, categories as an object.
var diffSeeds = []string{
	`{"title":"A","Title":"B","url":"https://a.example/1","title ":[]}`,
	`{"title":"A","title":tru,"company":"C"}`,
	`{"title":tru,"title":"A","company":"C","company":{"name":"D"}}`,
	`{"title":"A","company":"C","location":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
	`{"title":"A","company":"C","location":"x","location":` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
	`{"text":"T","categories":{"location":"Oslo","commitment":"Full-time","team":"Ops"},"hostedUrl":"https://jobs.lever.co/orrery/1"}`,
	`{"title":"A","categories":["x","y"],"tags":"go, rust","company_name":"C","type":"engineering","job_type":"contract"}`,
	`{"title":"A","url":"https://boards.greenhouse.io/acme/jobs/1","pay_input_ranges":[{"min_cents":1,"max_cents":"x"}],"offices":[{"name":"Lisbon"},{"name":" "}]}`,
	`{"position":"P","offer_link":"https://x.example/o?utm_source=q","employer_name":"E","posted_on":"2026-01-02","name":"N","content":"<p>hi</p>"}`,
	`{"title":"A","company":"C","description":"<p>x</p>","lists":[{"text":"Do","content":"<li>a</li>"}],"additional":"more"}`,
	`{"title":"A","date":"","date_posted":"2026-10-01","createdAt":1700000000,"salary":{"currency":"USD","value":{"minValue":1,"maxValue":2,"unitText":"YEAR"}}}`,
	`{"ti\u0074le":"Esc","company":"C","\u00fcber":1,"min_amount":"100","max_amount":200,"currency":"EUR","interval":"yearly"}`,
	`{"title":"A","company":"C","location":{"Address":{"addressLocality":"Leeds","addressCountry":"UK"}},"remote":"yes"}`,
	`{"title":"A","company":"C","skills":[{"name":"Go"},"#rust #c"],"application_date":"2026-03-04"}`,
	`{"title":"A","company":{"Name":"X","name":"Y","legal_name":"Z"},"location":{"city":"Oslo","City":"Bergen","country":{"name":"NO"}}}`,
	`{"title":"A","company":"C","location":{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k18":18,"k19":19,"Name":"Big","k3":"x"},"salary":{"currency":"USD","value":{"value":5,"unit_text":"HOUR"}}}`,
	`{"title":"A","company":"C","location":{},"categories":{"Location":"Paris","location":"Lyon","team":["a","b"]}}`,
	`[1]`, `{}`, `{"title":"A"}`, `{"title":"A","company":"C"`,
}

func TestJSONRecordSameAsMapReader(t *testing.T) {
	memos := map[diffCase]*recordMemo{}
	for _, s := range diffSeeds {
		checkSameRecordPosting(t, []byte(s), memos)
	}
	for _, raw := range fixtureRecords(t) {
		checkSameRecordPosting(t, raw, memos)
	}
}

// fixtureRecords returns each JSON record of the record fixtures.
func fixtureRecords(t testing.TB) [][]byte {
	var out [][]byte
	for _, name := range fixtureFiles(t, "../testdata/loader/records", ".json", ".jsonl") {
		data := readFixture(t, name)
		fn := func(_ int, _ int64, raw []byte) bool {
			out = append(out, bytes.Clone(raw))
			return true
		}
		if strings.HasSuffix(name, ".jsonl") {
			_ = lineRecords(bytes.NewReader(data), fn)
		} else {
			_ = jsonRecords(bytes.NewReader(data), fn)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d fixture records", len(out))
	}
	return out
}

// FuzzJSONRecordSameAsMapReader checks jsonRecordPosting against the map
// reader on any record.
func FuzzJSONRecordSameAsMapReader(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add([]byte(s))
	}
	for _, raw := range fixtureRecords(f) {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkSameRecordPosting(t, raw, map[diffCase]*recordMemo{}) })
}

// fixtureFiles returns the files under dir whose names end in one of exts.
func fixtureFiles(t testing.TB, dir string, exts ...string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range exts {
			if strings.HasSuffix(strings.ToLower(p), e) {
				out = append(out, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readFixture(t testing.TB, name string) []byte {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mapDecodeBounded is decodeBounded with objects decoded into maps.
func mapDecodeBounded(raw []byte) (v any, ok, over bool) {
	if len(raw) > 0 && (raw[0] == '{' || raw[0] == '[') {
		if !withinDecodeBounds(raw) {
			return nil, false, true
		}
		b := newDecodeBudget()
		v, ok = mapDecodeAny(raw, 0, b)
		return v, ok, b.over
	}
	v, ok = decodeScalar(raw)
	return v, ok, false
}

// mapDecodeAny is decodeAny with objects decoded into maps.
func mapDecodeAny(raw []byte, depth int, b *decodeBudget) (any, bool) {
	raw = raw[skipJSONSpace(raw, 0):]
	if len(raw) == 0 || !b.take(depth) {
		return nil, false
	}
	switch raw[0] {
	case '{':
		m := make(map[string]any, 4)
		err := objectFieldsRaw(raw, func(rk, v []byte) error {
			k, ok := decodeString(rk)
			if !ok {
				return errSyntax
			}
			x, ok := mapDecodeAny(v, depth+1, b)
			if !ok {
				return errSyntax
			}
			m[normKey(k)] = x
			return nil
		})
		return m, err == nil
	case '[':
		if l, ok := decodeArray(raw, func(e []byte) (any, bool) { return mapDecodeAny(e, depth+1, b) }); ok {
			return l, true
		}
		return nil, false
	}
	return decodeScalar(raw)
}

// TestJSONRecordMemoKeysOfAShorterRecord checks that a memo which saw a
// record's keys, then a shorter record whose first key differs, still
// finds a later key that folds like an earlier one: the map reader keeps
// the last value of a key given twice.
func TestJSONRecordMemoKeysOfAShorterRecord(t *testing.T) {
	memos := map[diffCase]*recordMemo{}
	for _, s := range []string{
		`{"x":1,"company":"C","title":"First","url":"https://a.example/1"}`,
		`{"Title":"Alone","company":"C"}`,
		`{"Title":"First","company":"C","title":"Second","url":"https://a.example/2"}`,
		`{"Title":"First","company":"C","title":"Second","url":"https://a.example/2"}`,
	} {
		checkSameRecordPosting(t, []byte(s), memos)
	}
}

// FuzzJSONRecordMemoSequence checks records read in turn with one memo
// per case against the map reader: what the memo kept of one record's
// keys and values must not leak into the next's.
func FuzzJSONRecordMemoSequence(f *testing.F) {
	for i := 1; i < len(diffSeeds); i++ {
		f.Add([]byte(diffSeeds[i-1]), []byte(diffSeeds[i]))
	}
	f.Add([]byte(`{"x":1,"company":"C","title":"A","url":"https://a.example/1"}`), []byte(`{"Title":"B","company":"C"}`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		memos := map[diffCase]*recordMemo{}
		for _, raw := range [][]byte{a, b, a, b} {
			checkSameRecordPosting(t, raw, memos)
		}
	})
}

// TestBoardCompanyMemoSameAsBoardCompany reads a run of URLs with one
// memo, as a file's records are read, and checks each company against
// boardCompany's without one: the memo's last board URL is taken only
// for a URL of the same board path segment.
func TestBoardCompanyMemoSameAsBoardCompany(t *testing.T) {
	urls := []string{
		"https://boards.greenhouse.io/acme/jobs/1",
		"https://boards.greenhouse.io/acme/jobs/2",
		"https://boards.greenhouse.io/acme",
		"https://boards.greenhouse.io/acme?gh_jid=3",
		"https://boards.greenhouse.io/acme#apply",
		"https://boards.greenhouse.io/acmecorp/jobs/4",
		"https://boards.greenhouse.io/acme-labs/jobs/5",
		"https://boards.greenhouse.io/acme%20labs/jobs/6",
		"https://Boards.Greenhouse.io/acme/jobs/7",
		"https://boards.greenhouse.io/acme/jobs/8",
		"https://jobs.lever.co/acme/9",
		"https://jobs.lever.co/acme",
		"https://example.com/acme/jobs/10",
		"https://boards.greenhouse.io/",
		"https://boards.greenhouse.io//jobs/11",
		"http://boards.greenhouse.io/acme/jobs/12",
		"https://boards.greenhouse.io/acme/jobs/13",
	}
	m := newRecordMemo()
	for _, u := range urls {
		if got, want := boardCompanyMemo(u, m), boardCompany(u); got != want {
			t.Errorf("boardCompanyMemo(%q) = %q after the URLs before it, want %q", u, got, want)
		}
	}
}
