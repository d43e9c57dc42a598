package loader

import "testing"

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
