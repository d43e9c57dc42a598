package model

import (
	"fmt"
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
