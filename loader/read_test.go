package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		name string
		data string
		want string
	}{
		{"empty", "", ReasonEmpty},
		{"blank", " \n\t\r\n ", ReasonWhitespace},
		{"bom only", "\xEF\xBB\xBF\n", ReasonWhitespace},
		{"nul", "text\x00more", ReasonBinary},
		{"controls", strings.Repeat("\x01\x02\x03x", 50), ReasonBinary},
		{"random high bytes", strings.Repeat("\xff\xfe\xc3\x28", 100), ReasonBinary},
		{"text", "Title\n\nBody with ’ and 🚀\n", ""},
		{"cp1252 text", "M\xfcnchen caf\xe9 \x93quoted\x94 and plenty of plain ascii words around it", ""},
		{"ansi colours", "\x1b[31mRed\x1b[0m title\nand a normal paragraph of text here\n", ""},
		{"blank start, text later", strings.Repeat(" ", 10000) + "x", ""},
	} {
		if got, _ := sniff([]byte(c.data)); got != c.want {
			t.Errorf("%s: sniff = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCutAt(t *testing.T) {
	if got := string(cutAt([]byte("line one\nline two\npart"))); got != "line one\nline two\n" {
		t.Errorf("cut at line: %q", got)
	}
	long := strings.Repeat("é", 40000) // no newline in the last 64 KiB
	b := []byte(long)[:len(long)-1]    // ends inside a rune
	if got := cutAt(b); len(got) != len(long)-2 || !strings.HasPrefix(long, string(got)) {
		t.Errorf("cut at rune: %d bytes", len(got))
	}
}

func TestHumanBytes(t *testing.T) {
	for n, want := range map[int64]string{1 << 20: "1 MiB", 20 << 20: "20 MiB", 1536: "1.5 KiB", 256 << 10: "256 KiB", 999: "999 bytes", 3 << 19: "1.5 MiB"} {
		if got := humanBytes(n); got != want {
			t.Errorf("humanBytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestReadCappedReadsToTheEnd checks that a file is read whole, up to the
// size fstat gives, or cut at the cap, whatever its size against the
// buffer.
func TestReadCappedReadsToTheEnd(t *testing.T) {
	dir := t.TempDir()
	d := newDirFS(dir)
	for _, n := range []int{1, 4095, 4096, 4097, 70000, 300000} {
		want := strings.Repeat("x", n-1) + "y"
		if err := os.WriteFile(filepath.Join(dir, "f.md"), []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		buf, data, cut, err := readCapped(d, "f.md", 1<<20, nil)
		if err != nil || string(data) != want || cut != "" {
			t.Errorf("%d bytes: read %d bytes, cut %q, err %v", n, len(data), cut, err)
		}
		putBuf(buf)
		buf, data, cut, err = readCapped(d, "f.md", int64(n-1), nil)
		if err != nil || len(data) > n-1 || cut == "" {
			t.Errorf("%d bytes capped at %d: read %d bytes, cut %q, err %v", n, n-1, len(data), cut, err)
		}
		putBuf(buf)
	}
}
