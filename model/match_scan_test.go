package model

import (
	"math/rand/v2"
	"testing"
)

// TestScanEqualsBestField checks the fast key scan (byte prefilter, ASCII
// scorer) against scoring every field of the posting with fuzzyScore, on
// random postings and patterns, for every field restriction.
func TestScanEqualsBestField(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ps := genPostings(300, 11)
	// Mix in postings of random text with odd folding runes and a NUL.
	for range 300 {
		p := &Posting{Title: randString(r, 20), Company: randString(r, 10), Location: randString(r, 8)}
		for range r.IntN(3) {
			p.Keywords = append(p.Keywords, randString(r, 6))
		}
		ps = append(ps, p)
	}
	ps = append(ps, &Posting{Title: "Nul\x00Title", Company: "Acme"})
	// And postings with more fields than the key's case bits name one by
	// one (the last bit stands for the rest), with camel case and
	// non-ASCII text among the late keywords or not.
	for _, late := range [][3]string{{"goLang", "über", "Acme"}, {"golang", "uber", "Zürich Labs"}, {"kw", "sE", "Acme"}} {
		p := &Posting{Title: "backendDev Engineer", Company: late[2]}
		for i := range 40 {
			p.Keywords = append(p.Keywords, string(rune('a'+i%26))+"kw")
		}
		p.Keywords[33], p.Keywords[36] = late[0], late[1]
		ps = append(ps, p)
	}
	pats := []string{"l", "s", "se", "sen", "eng", "backend", "zür", "ü", "k", "\u212a", "ſ", "python", "GO", "lab", "x", "😀"}
	for range 60 {
		pats = append(pats, randString(r, 3))
	}
	checked := 0
	for _, p := range ps {
		e := newEntry(p)
		for _, pat := range pats {
			if pat == "" {
				continue
			}
			tm := Term{Text: pat}
			tm.prepare()
			for only := -1; only <= fieldLocation; only++ {
				f1, s1, ok1 := tm.scan(&e, p, only)
				f2, s2, ok2 := tm.bestField(p, only)
				if f1 != f2 || s1 != s2 || ok1 != ok2 {
					t.Fatalf("pattern %q in %+v (only %d): scan %d %d %v, bestField %d %d %v",
						pat, p, only, f1, s1, ok1, f2, s2, ok2)
				}
				if ok1 {
					checked++
				}
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d matches checked", checked)
	}
}

func TestEntryAligned(t *testing.T) {
	tests := []struct {
		p       Posting
		aligned bool
		ascii   uint32 // nonASCII field bits
	}{
		{Posting{Title: "Backend Engineer", Company: "Acme"}, true, 0},
		{Posting{Title: "Entwickler", Location: "Zürich"}, true, 1 << fieldLocation},
		{Posting{Title: "\u212aelvin"}, false, 1}, // 3-byte rune folds to 1 byte
		{Posting{Title: "Stra\u1e9ee"}, false, 1}, // capital sharp s folds to ß
		{Posting{Title: "a\x00b"}, false, 0},
		{Posting{Title: "bad \xff byte"}, false, 1},
		{Posting{Title: "x", Keywords: []string{"go", "ü"}}, true, 1 << (fieldKeywords + 1)},
	}
	for _, tc := range tests {
		e := newEntry(&tc.p)
		if (e.ends != nil) != tc.aligned || e.nonASCII != tc.ascii {
			t.Errorf("newEntry(%q): aligned %v nonASCII %b, want %v %b", tc.p.Title, e.ends != nil, e.nonASCII, tc.aligned, tc.ascii)
		}
	}
}

// TestFuzzyScoreASCIIEqualsGeneric checks the ASCII scorer against the
// rune scorer, matching or not.
func TestFuzzyScoreASCIIEqualsGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	alpha := []byte("aAbBsSeE -_./\\xyZ")
	rs := func(n int) string {
		b := make([]byte, r.IntN(n+1))
		for i := range b {
			b[i] = alpha[r.IntN(len(alpha))]
		}
		return string(b)
	}
	for range 30000 {
		pat, s := rs(4), rs(20)
		if pat == "" {
			continue
		}
		pf := string(appendFolded(nil, pat))
		want, wok := fuzzyScore([]rune(pat), s, nil)
		got, ok := fuzzyScoreASCII(pf, s, string(appendFolded(nil, s)))
		if ok != wok || ok && got != want {
			t.Fatalf("fuzzyScoreASCII(%q, %q) = %d %v, want %d %v", pat, s, got, ok, want, wok)
		}
	}
}

// TestScore1EqualsGeneric checks the one-character scorer against the rune
// scorer on random fields of ASCII and non-ASCII letters and separators,
// matching or not.
func TestScore1EqualsGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	alpha := []rune("aAbBsSeE -_./\\xyZüÜéÉß京")
	checked := 0
	for range 30000 {
		rs := make([]rune, r.IntN(21))
		for i := range rs {
			rs[i] = alpha[r.IntN(len(alpha))]
		}
		s, pat := string(rs), string(alpha[r.IntN(10)])
		kf := string(appendFolded(nil, s))
		uni := len(kf) != len([]rune(s))
		want, wok := fuzzyScore([]rune(pat), s, nil)
		got, ok := score1(appendFolded(nil, pat)[0], s, kf, uni)
		if ok != wok || ok && got != want {
			t.Fatalf("score1(%q, %q) = %d %v, want %d %v", pat, s, got, ok, want, wok)
		}
		if ok && uni {
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d non-ASCII matches checked", checked)
	}
}

// TestEntryRawKeyOfLateFields checks that a field past the key's last
// case bit still reads its own text when it has a camel-case boundary or
// non-ASCII text, and its folded text otherwise.
func TestEntryRawKeyOfLateFields(t *testing.T) {
	p := &Posting{Title: "Backend", Company: "Acme"}
	for range 40 {
		p.Keywords = append(p.Keywords, "kw")
	}
	p.Keywords[33], p.Keywords[36] = "goLang", "Über"
	e := newEntry(p)
	ends := e.fieldEnds()
	if ends == nil {
		t.Fatal("the key is not aligned")
	}
	for f, want := range map[int]string{fieldKeywords + 33: "goLang", fieldKeywords + 36: "Über",
		fieldKeywords + 35: "kw", fieldTitle: "backend"} {
		start := 0
		if f > 0 {
			start = int(ends[f-1]) + 1
		}
		if _, s, _ := e.fieldCase(f, start, int(ends[f])); s != want {
			t.Errorf("field %d reads %q, want %q", f, s, want)
		}
	}
}
