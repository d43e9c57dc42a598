package loader

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	same := []string{
		"https://jobs.example.com/a/42",
		"HTTPS://Jobs.Example.COM/a/42/",
		"https://jobs.example.com/a/42#apply",
		"https://jobs.example.com:443/a/42?utm_source=x&utm_medium=y",
		"  https://jobs.example.com/a/42/?utm_campaign=z#frag  ",
	}
	want := normalizeURL(same[0])
	if want != "https://jobs.example.com/a/42" {
		t.Fatalf("normalizeURL = %q", want)
	}
	for _, u := range same[1:] {
		if got := normalizeURL(u); got != want {
			t.Errorf("normalizeURL(%q) = %q, want %q", u, got, want)
		}
	}
	if a, b := normalizeURL("https://x.example/j?id=1&b=2"), normalizeURL("https://x.example/j?b=2&id=1"); a != b || a == "" {
		t.Errorf("query order matters: %q vs %q", a, b)
	}
	if normalizeURL("https://x.example/j?id=1") == normalizeURL("https://x.example/j?id=2") {
		t.Error("different job ids normalize alike")
	}
	for _, bad := range []string{"", "not a url", "mailto:jobs@example.com", "/relative/path", "ftp://x.example/f"} {
		if got := normalizeURL(bad); got != "" {
			t.Errorf("normalizeURL(%q) = %q, want \"\"", bad, got)
		}
	}
}

func TestIDStableAcrossMovesAndContent(t *testing.T) {
	a := Parse("old/place/job.md", []byte("---\ntitle: X\nurl: https://e.example/1\n---\nbody"))
	b := Parse("new/other-name.txt", []byte("---\ntitle: X changed\nurl: HTTPS://E.example/1/?utm_source=feed\n---\nnew body"))
	if a.ID != b.ID {
		t.Errorf("same URL, different IDs: %s %s", a.ID, b.ID)
	}
	c := Parse("a.txt", []byte("Some Role\n\nText\n"))
	d := Parse("elsewhere/b.txt", []byte("Some Role\r\n\r\nText\r\n"))
	e := Parse("a.txt", []byte("Some Role\n\nOther text\n"))
	if c.ID != d.ID {
		t.Error("same content (modulo CRLF) in another place gives another ID")
	}
	if c.ID == e.ID || c.ID == a.ID {
		t.Error("different postings share an ID")
	}
}

// FuzzNormalURL checks that the URLs normalizeURL takes as they are
// come out of url.Parse's normalisation unchanged.
func FuzzNormalURL(f *testing.F) {
	for _, s := range []string{"https://jobs.example.com/a/42", "http://x.example", "https://a/b/../C_d~e", "https://a//b",
		"https://a-b.c/x-y.z", "https://x.example/j/", "https://./x", "http://a.b/%41"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !isNormalURL(raw) {
			return
		}
		if got := parseNormalizeURL(raw); got != raw {
			t.Errorf("isNormalURL(%q), but url.Parse normalises it to %q", raw, got)
		}
	})
}

// isNormalURLBytes is isNormalURL as its definition reads, a byte at a
// time with the host's end tracked.
func isNormalURLBytes(raw string) bool {
	rest, ok := strings.CutPrefix(raw, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(raw, "http://"); !ok {
			return false
		}
	}
	host := true
	for i := 0; i < len(rest); i++ {
		switch c := rest[i]; {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-':
		case c == '/':
			if i == 0 {
				return false
			}
			host = false
		case !host && (c >= 'A' && c <= 'Z' || c == '_' || c == '~'):
		default:
			return false
		}
	}
	return len(rest) > 0 && rest[len(rest)-1] != '/'
}

// TestIsNormalURLTable checks isNormalURL, which looks its bytes up in a
// table, against its definition: every text of up to 5 bytes after the
// schemes over the bytes each class ends at, and random longer ones.
func TestIsNormalURLTable(t *testing.T) {
	alphabet := []byte{'a', '/', 'A', '.', '_', '~', '?', 'z', '0', '9', '-', 'Z', '@', ':', '%', 0x80, ' '}
	check := func(s string) {
		if got, want := isNormalURL(s), isNormalURLBytes(s); got != want {
			t.Fatalf("isNormalURL(%q) = %v, want %v", s, got, want)
		}
	}
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+string(c), n-1)
		}
	}
	for _, scheme := range []string{"https://", "http://", "ftp://", "https:/", ""} {
		gen(scheme, 4)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		b := []byte("https://")
		for range rng.IntN(30) {
			b = append(b, alphabet[rng.IntN(len(alphabet))])
		}
		check(string(b))
	}
	for c := range 256 {
		check("https://a.b/x" + string(rune(c)))
		check("https://a.b/x" + string([]byte{byte(c)}))
		check("https://a" + string([]byte{byte(c)}) + "b/x")
	}
}

// TestIndexURLPart checks indexURLPart, which looks its bytes up in a
// table, against strings.IndexAny.
func TestIndexURLPart(t *testing.T) {
	for c := range 256 {
		for _, s := range []string{string([]byte{byte(c)}), "ab" + string([]byte{byte(c)}) + "/", "boards.greenhouse.io" + string([]byte{byte(c)})} {
			if got, want := indexURLPart(s), strings.IndexAny(s, "/?#"); got != want {
				t.Fatalf("indexURLPart(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// FuzzMemoNormalizeURL checks the memo's normalizeURL, which tells a URL
// by its end when it starts like the last one kept as it is, against
// normalizeURL, over a URL given after others.
func FuzzMemoNormalizeURL(f *testing.F) {
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/42")
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/")
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/4 ")
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/4/")
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/a?b")
	f.Add("https://boards.example.io/acme/jobs/41", "https://boards.example.io/acme/jobs/X_y~z")
	f.Add("http://a.example", "http://a.exampleX/y")
	f.Add("https://a.example/b", "https://a.example/C")
	f.Fuzz(func(t *testing.T, first, raw string) {
		m := newRecordMemo()
		for _, u := range []string{first, raw, first, raw} {
			if got, want := m.normalizeURL(u), normalizeURL(u); got != want {
				t.Fatalf("after %q: normalizeURL(%q) = %q with the memo, %q without", first, u, got, want)
			}
		}
	})
}
