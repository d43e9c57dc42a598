package keymap

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

func TestValidKey(t *testing.T) {
	for s, want := range map[string]bool{
		"s": true, "*": true, "G": true, "?": true, "+": true, "é": true,
		"enter": true, "esc": true, "space": true, "tab": true, "pgdown": true, "f5": true, "f12": true, "home": true,
		"ctrl+s": true, "alt+enter": true, "ctrl+shift+up": true, "ctrl++": true, "shift+tab": true,
		"": false, " ": false, "ctrl": false, "ctrl-s": false, "escape": false, "pagedown": false, "foo": false,
		"shift+a": false, "alt+ctrl+s": false, "ctrl+ctrl+s": false, "ctrl+": false, "\x1b": false, "ab": false,
	} {
		if got := ValidKey(s); got != want {
			t.Errorf("ValidKey(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestActionsCoverKeyMap(t *testing.T) {
	k := DefaultKeyMap()
	var all []*key.Binding
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := range v.NumField() {
			f := v.Field(i)
			switch b := f.Addr().Interface().(type) {
			case *key.Binding:
				all = append(all, b)
			case *EditorKeys:
				walk(f)
			case *[8]key.Binding:
				for j := range b {
					all = append(all, &b[j])
				}
			}
		}
	}
	walk(reflect.ValueOf(&k).Elem())
	seen := map[*key.Binding]string{}
	for _, a := range actions {
		b := a.get(&k)
		if !slices.Contains(all, b) {
			t.Errorf("action %s is no binding of the KeyMap", a.name)
		}
		if other, dup := seen[b]; dup {
			t.Errorf("actions %s and %s are the same binding", a.name, other)
		}
		seen[b] = a.name
	}
	if len(seen) != len(all) {
		t.Errorf("%d actions for %d bindings", len(seen), len(all))
	}
	for _, a := range Actions() {
		if len(a.Keys) == 0 || a.Help == "" || strings.ToLower(a.Name) != a.Name || strings.ContainsAny(a.Name, " -") {
			t.Errorf("action %+v: want a snake_case name, keys and help", a)
		}
	}
}

func TestDefaultsHaveNoConflict(t *testing.T) {
	k := DefaultKeyMap()
	everything := map[string]bool{}
	for _, a := range actions {
		everything[a.name] = true
	}
	if c := k.conflict(everything); c != nil {
		t.Errorf("default keymap has a conflict: %v", c)
	}
}

func TestRebind(t *testing.T) {
	tests := []struct {
		name  string
		binds map[string][]string
		keys  map[string][]string // action → keys after
		errs  []BindError         // Action, Key, Other, Err of each refusal
	}{
		{"two keys", map[string][]string{"shortlist": {"s", "*"}, "quit": {"q"}},
			map[string][]string{"shortlist": {"s", "*"}, "quit": {"q"}}, nil},
		{"editor key", map[string][]string{"editor_yes": {"Y"}}, map[string][]string{"editor_yes": {"Y"}}, nil},
		{"swap", map[string][]string{"shortlist": {"x"}, "export": {"s"}},
			map[string][]string{"shortlist": {"x"}, "export": {"s"}}, nil},
		{"same key in different modes", map[string][]string{"filter_accept": {"ctrl+j"}, "down": {"ctrl+j"}},
			map[string][]string{"filter_accept": {"ctrl+j"}, "down": {"ctrl+j"}}, nil},
		{"unknown action", map[string][]string{"frobnicate": {"f"}, "tags": {"T"}},
			map[string][]string{"tags": {"T"}}, []BindError{{Action: "frobnicate", Err: ErrUnknownAction}}},
		{"bad key", map[string][]string{"tags": {"T", "ctrl-t"}},
			map[string][]string{"tags": {"t"}}, []BindError{{Action: "tags", Key: "ctrl-t", Err: ErrBadKey}}},
		{"typed key in the filter", map[string][]string{"filter_accept": {"a"}},
			map[string][]string{"filter_accept": {"enter"}}, []BindError{{Action: "filter_accept", Key: "a", Err: ErrTypingKey}}},
		{"conflict with a default", map[string][]string{"shortlist": {"x"}},
			map[string][]string{"shortlist": {"s"}, "export": {"x"}}, []BindError{{Action: "shortlist", Key: "x", Other: "export", Err: ErrConflict}}},
		{"conflict between two rebindings", map[string][]string{"tags": {"z"}, "note": {"z"}},
			map[string][]string{"tags": {"t"}, "note": {"n"}}, []BindError{{Action: "tags", Key: "z", Other: "note", Err: ErrConflict}}},
		{"undoing one conflict reveals another", map[string][]string{"shortlist": {"x"}, "tags": {"s"}},
			map[string][]string{"shortlist": {"s"}, "tags": {"t"}, "export": {"x"}},
			[]BindError{{Action: "shortlist", Key: "x", Other: "export", Err: ErrConflict}, {Action: "tags", Key: "s", Other: "shortlist", Err: ErrConflict}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := DefaultKeyMap()
			errs := k.Rebind(tt.binds)
			var got []BindError
			for _, e := range errs {
				got = append(got, BindError{Action: e.Action, Key: e.Key, Other: e.Other, Err: e.Err})
				if !errors.Is(e, e.Err) || (e.Err != ErrBadKey && !strings.Contains(e.Error(), e.Action)) {
					t.Errorf("error %q does not name %s or unwrap to its kind", e, e.Action)
				}
				if e.Err == ErrConflict && !strings.Contains(e.Error(), e.Other) {
					t.Errorf("conflict %q does not name %s", e, e.Other)
				}
			}
			if !reflect.DeepEqual(got, tt.errs) {
				t.Errorf("errors %+v, want %+v", got, tt.errs)
			}
			for name, want := range tt.keys {
				a, _ := findAction(name)
				if got := a.get(&k).Keys(); !slices.Equal(got, want) {
					t.Errorf("%s keys %v, want %v", name, got, want)
				}
			}
			if c := k.conflict(allRebound()); c != nil {
				t.Errorf("rebound keymap has a conflict: %v", c)
			}
		})
	}
}

func allRebound() map[string]bool {
	m := map[string]bool{}
	for _, a := range actions {
		m[a.name] = true
	}
	return m
}

func TestRebindChangesHelp(t *testing.T) {
	k := DefaultKeyMap()
	if errs := k.Rebind(map[string][]string{"shortlist": {"*"}, "quit": {"Q", "ctrl+c"}, "down": {"down", "J"}}); errs != nil {
		t.Fatal(errs)
	}
	k.SetContext(Context{Mode: ModeList, Store: true, Selection: true})
	h := help.New()
	h.SetWidth(200)
	short := ansi.Strip(h.ShortHelpView(k.ShortHelp()))
	for _, want := range []string{"* shortlist", "Q/ctrl+c quit", "↓/J down"} {
		if !strings.Contains(short, want) {
			t.Errorf("short help lacks %q:\n%s", want, short)
		}
	}
	for _, old := range []string{"s shortlist", "q quit", "↓/j down"} {
		if strings.Contains(short, old) {
			t.Errorf("short help still shows %q:\n%s", old, short)
		}
	}
	full := ansi.Strip(h.FullHelpView(k.FullHelp()))
	if !strings.Contains(full, "Q/ctrl+c") || !strings.Contains(full, "↓/J") {
		t.Errorf("full help lacks the new keys:\n%s", full)
	}
	if !key.Matches(press("*"), k.Shortlist) || key.Matches(press("s"), k.Shortlist) {
		t.Error("shortlist does not match its new key alone")
	}
	if !k.Shortlist.Enabled() {
		t.Error("rebinding lost the binding's context")
	}
}
