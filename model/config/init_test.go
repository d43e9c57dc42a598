package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

var sampleActions = []ActionDoc{
	{Name: "up", Keys: []string{"up", "k"}, Help: "up"},
	{Name: "shortlist", Keys: []string{"s"}, Help: "shortlist"},
	{Name: "quit", Keys: []string{"q", "ctrl+c"}, Help: "quit"},
}

// uncomment turns on every setting of the commented default: the lines
// "#key = value", which prose lines ("# ...") never look like.
func uncomment(s string) string {
	return regexp.MustCompile(`(?m)^#(\S)`).ReplaceAllString(s, "$1")
}

func TestTemplateIsTheDefault(t *testing.T) {
	env, _ := testEnv(t)
	c, probs := Parse("init.toml", []byte(Template(sampleActions)), env)
	if len(probs) != 0 || !reflect.DeepEqual(c, Default()) {
		t.Errorf("the commented default is not the default: %+v, %v", c, probs)
	}
}

func TestTemplateDocumentsEveryKey(t *testing.T) {
	env, home := testEnv(t)
	if err := os.MkdirAll(filepath.Join(home, "Downloads", "postings"), 0o755); err != nil {
		t.Fatal(err)
	}
	on := uncomment(Template(sampleActions))
	c, probs := Parse("init.toml", []byte(on), env)
	if len(probs) != 0 {
		t.Fatalf("the settings of the commented default have problems: %v\n%s", probs, on)
	}
	var m map[string]any
	md, err := toml.Decode(on, &m)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range md.Keys() {
		keys = append(keys, k.String())
	}
	var want []string
	for _, typ := range []struct {
		prefix string
		v      any
	}{{"", rawFile{}}, {"theme.", rawTheme{}}} {
		rt := reflect.TypeOf(typ.v)
		for i := range rt.NumField() {
			want = append(want, typ.prefix+rt.Field(i).Tag.Get("toml"))
		}
	}
	for _, s := range stageNames() {
		want = append(want, "theme.stages."+s)
	}
	for _, a := range sampleActions {
		want = append(want, "keys."+a.Name)
	}
	for _, k := range want {
		if !slices.Contains(keys, k) {
			t.Errorf("config init does not show %s", k)
		}
	}
	if len(c.Keys) != len(sampleActions) || c.Keys[2].Action != "quit" || !slices.Equal(c.Keys[2].Keys, []string{"q", "ctrl+c"}) {
		t.Errorf("key lines: %+v", c.Keys)
	}
	if !strings.Contains(on, "quit = [\"q\", \"ctrl+c\"] # quit") {
		t.Errorf("key help not aligned after the keys:\n%s", on)
	}
}

func TestWriteNew(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a", "b", "config.toml")
	if err := WriteNew(p, "first"); err != nil {
		t.Fatal(err)
	}
	err := WriteNew(p, "second")
	if !errors.Is(err, ErrExists) || !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), p) {
		t.Errorf("second write: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "first" {
		t.Errorf("file was overwritten: %q", b)
	}
}
