package cache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// storedOf returns a log, for the cache file name, holding es stored in
// this order.
func storedOf(name string, es ...entry) *storedLog {
	l := newStoredLog(name)
	for i := range es {
		if p := l.add(appendEntry(nil, &es[i])); p != nil {
			p.write()
			l.done(p)
		}
	}
	l.finish()
	return l
}

// sortedPaths lists what l.sorted yields, as path:size, and its error.
func sortedPaths(l *storedLog) ([]string, error) {
	it := l.sorted()
	var got []string
	for e := it.peek(); e != nil; e = it.peek() {
		got = append(got, fmt.Sprintf("%s:%d", e.path, e.size))
		it.next()
	}
	return got, it.err
}

// TestStoredLogRunsMerge stores more entries than several runs hold, in
// an order that is not the paths' and with some paths stored twice (in one
// run and in two), and checks that they come back sorted, each path once
// with the entry stored last, from runs in the spill file.
func TestStoredLogRunsMerge(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x"+Ext)
	blob := strings.Repeat("b", 900)
	var es []entry
	const n = 12_000 // ~11 MB: three runs
	for i := range n {
		j := (i * 7919) % n // every path once, out of order
		es = append(es, entry{path: fmt.Sprintf("d%02d/%05d.md", j%13, j), size: int64(j), blob: blob})
		if i%1000 == 999 {
			// stored again at once (the same run) and much later (another run)
			es = append(es, entry{path: es[len(es)-1].path, size: -1, blob: blob})
			es = append(es, entry{path: es[i/2].path, size: -2, blob: blob})
		}
	}
	want := map[string]int64{}
	for _, e := range es {
		want[e.path] = e.size
	}
	l := storedOf(name, es...)
	defer l.close()
	if l.f == nil || len(l.runs) < 3 {
		t.Fatalf("%d runs, spill file %v; want 3 or more in a file", len(l.runs), l.f)
	}
	if ents, _ := os.ReadDir(filepath.Dir(name)); len(ents) != 0 {
		t.Errorf("the spill file has a name in the folder: %v", ents)
	}
	got, err := sortedPaths(l)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, g := range got {
		path, size, _ := strings.Cut(g, ":")
		if i > 0 && strings.Split(got[i-1], ":")[0] >= path {
			t.Fatalf("entry %d (%s) is not after %s", i, g, got[i-1])
		}
		if fmt.Sprint(want[path]) != size {
			t.Fatalf("%s: size %s, want the last stored, %d", path, size, want[path])
		}
	}
}

// TestStoredLogInMemory checks that a log whose spill file cannot be made
// keeps its runs in memory and gives the same entries.
func TestStoredLogInMemory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	blob := strings.Repeat("b", 1000)
	var es []entry
	for i := range 9000 {
		es = append(es, entry{path: fmt.Sprintf("%05d", 9000-i), size: int64(i), blob: blob})
	}
	l := storedOf(filepath.Join(dir, "x"+Ext), es...) // its folder is a file
	if l.f != nil || len(l.runs) < 2 {
		t.Fatalf("%d runs, spill file %v; want 2 or more in memory", len(l.runs), l.f)
	}
	got, err := sortedPaths(l)
	if err != nil || len(got) != 9000 || got[0] != "00001:8999" || got[8999] != "09000:0" {
		t.Fatalf("%d entries (%v … %v), %v", len(got), got[:1], got[len(got)-1:], err)
	}
}

// TestStoredLogDamagedSpill checks that a spill file cut short is an
// error of the iterator, not entries that end early without one.
func TestStoredLogDamagedSpill(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x"+Ext)
	blob := strings.Repeat("b", 1000)
	var es []entry
	for i := range 9000 {
		es = append(es, entry{path: fmt.Sprintf("%05d", i), blob: blob})
	}
	l := storedOf(name, es...)
	defer l.close()
	if l.f == nil {
		t.Fatal("no spill file")
	}
	if err := l.f.Truncate(l.size / 2); err != nil {
		t.Fatal(err)
	}
	got, err := sortedPaths(l)
	if err == nil {
		t.Fatalf("%d entries and no error from a truncated spill file", len(got))
	}
	var m memFile
	it := l.sorted()
	_ = writeEntries(&m, "s", "/r", fileState{stored: l}.entries(nil, it), 0)
	if it.err == nil || !errors.Is(it.err, errDamaged) && !strings.Contains(it.err.Error(), "reading") {
		t.Fatalf("write's iterator error: %v", it.err)
	}
}
