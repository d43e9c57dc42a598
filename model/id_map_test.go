package model

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestIDMapKeepsIDsApart checks that hexadecimal IDs and others, and IDs
// that differ only in case or length, get values of their own, and that
// Add keeps the first value.
func TestIDMapKeepsIDsApart(t *testing.T) {
	ids := []string{"0123456789abcdef", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0",
		"000000000000000a", "a", "", "ffffffffffffffff", "0000000000000000", "g123456789abcdef", "0123456789abcdeF"}
	var m IDMap
	for i, id := range ids {
		if v, had := m.Add(id, int32(i)); had || v != int32(i) {
			t.Errorf("Add(%q) = %d, %v on first add", id, v, had)
		}
	}
	for i, id := range ids {
		if v, had := m.Add(id, 99); !had || v != int32(i) {
			t.Errorf("Add(%q) again = %d, %v, want %d, true", id, v, had, i)
		}
		if v, ok := m.Get(id); !ok || v != int32(i) {
			t.Errorf("Get(%q) = %d, %v, want %d", id, v, ok, i)
		}
	}
	if m.Len() != len(ids) {
		t.Errorf("Len = %d, want %d", m.Len(), len(ids))
	}
	if _, ok := m.Get("1123456789abcdef"); ok {
		t.Error("an ID never added was found")
	}
	var empty IDMap
	if _, ok := empty.Get("0123456789abcdef"); ok || empty.Len() != 0 {
		t.Error("the zero IDMap is not empty")
	}
	for n := range 1000 {
		id := fmt.Sprintf("%016x", uint64(n)*0x9e3779b97f4a7c15)
		if got, ok := hexID(id); !ok || fmt.Sprintf("%016x", got) != id {
			t.Fatalf("hexID(%q) = %x, %v", id, got, ok)
		}
	}
}

// TestHexTableIsAMap checks the table of hexadecimal IDs against a Go map
// through its growths: keys that differ in their low bits only, in their
// high bits only, zero, and random ones, each added twice.
func TestHexTableIsAMap(t *testing.T) {
	var tab hexTable
	want := map[uint64]int32{}
	r := rand.New(rand.NewPCG(5, 6))
	var keys []uint64
	for i := range 5000 {
		keys = append(keys, uint64(i), uint64(i)<<48, r.Uint64())
	}
	for i, k := range keys {
		v, had := tab.add(k, int32(i))
		w, wantHad := want[k]
		if !wantHad {
			want[k], w = int32(i), int32(i)
		}
		if v != w || had != wantHad {
			t.Fatalf("add(%#x, %d) = %d, %v, want %d, %v", k, i, v, had, w, wantHad)
		}
	}
	if tab.n != len(want) {
		t.Errorf("%d keys, want %d", tab.n, len(want))
	}
	for k, w := range want {
		if v, ok := tab.get(k); !ok || v != w {
			t.Fatalf("get(%#x) = %d, %v, want %d", k, v, ok, w)
		}
		if v, had := tab.add(k, 1); !had || v != w {
			t.Fatalf("add(%#x) again = %d, %v, want %d, true", k, v, had, w)
		}
	}
	for range 1000 {
		if k := r.Uint64(); want[k] == 0 {
			if _, ok := tab.get(k); ok {
				if _, in := want[k]; !in {
					t.Fatalf("get(%#x) found a key never added", k)
				}
			}
		}
	}
	var empty hexTable
	if _, ok := empty.get(0); ok {
		t.Error("the zero hexTable holds 0")
	}
}

// BenchmarkIDMapAdd adds a million random hexadecimal IDs, as the
// loader's collector does with the IDs of a million postings.
func BenchmarkIDMapAdd(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	ids := make([]string, 1_000_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("%016x", r.Uint64())
	}
	for b.Loop() {
		var m IDMap
		for i, id := range ids {
			m.Add(id, int32(i))
		}
	}
}

// TestHexIDAsDigitByDigit checks hexID against reading a digit at a time,
// on IDs of every digit, and on IDs with one byte that is no lower-case
// hexadecimal digit (the bytes around the digits' ranges, upper case,
// bytes over 0x7f).
func TestHexIDAsDigitByDigit(t *testing.T) {
	ref := func(id string) (uint64, bool) {
		n, err := strconv.ParseUint(id, 16, 64)
		return n, err == nil && len(id) == 16 && strings.ToLower(id) == id && !strings.ContainsAny(id, "+-_xX")
	}
	r := rand.New(rand.NewPCG(9, 10))
	const digits = "0123456789abcdef"
	for range 20000 {
		b := make([]byte, 16)
		for i := range b {
			b[i] = digits[r.IntN(16)]
		}
		if r.IntN(2) == 0 {
			b[r.IntN(16)] = []byte{'/', ':', '`', 'g', 'A', 'F', 'G', 0, 0x7f, 0x80, 0xb0, 0xe6, 0xff, ' '}[r.IntN(14)]
		}
		id := string(b)
		got, ok := hexID(id)
		want, wok := ref(id)
		if ok != wok || ok && got != want {
			t.Fatalf("hexID(%q) = %x, %v; want %x, %v", id, got, ok, want, wok)
		}
	}
	if _, ok := hexID("0123456789abcde"); ok {
		t.Error("a 15-digit ID was read")
	}
}
