package loader

import "fmt"

// object is a decoded mapping a field reader looks into: a YAML or TOML
// table (mapObject, whose keys may be in any case), or a JSON object as
// decodeAny gives it (a *jsonObject, or a map[string]any when it has many
// keys; its keys in normKey form either way).
type object interface {
	// lookup returns the value of key k, compared as it is.
	lookup(k string) (any, bool)
	// each calls fn with each key and its value.
	each(fn func(k string, v any))
	// size is the number of keys.
	size() int
}

// mapObject is a table decoded into a map.
type mapObject map[string]any

func (m mapObject) lookup(k string) (any, bool) { v, ok := m[k]; return v, ok }
func (m mapObject) folded() bool                { return false }
func (m mapObject) size() int                   { return len(m) }
func (m mapObject) each(fn func(k string, v any)) {
	for k, v := range m {
		fn(k, v)
	}
}

// jsonObject is a small JSON object: its keys (in normKey form, each
// once) and values in the order read. Looking up a key in a few is faster
// than in a map, and making one is one allocation.
type jsonObject struct{ f []objField }

type objField struct {
	k string
	v any
}

// maxJSONObjectFields is how many keys a JSON object may have to be
// decoded into a jsonObject; a larger one becomes a map, so that keys
// seen twice are found without a scan.
const maxJSONObjectFields = 16

func (o *jsonObject) lookup(k string) (any, bool) {
	for i := range o.f {
		if o.f[i].k == k {
			return o.f[i].v, true
		}
	}
	return nil, false
}
func (o *jsonObject) size() int { return len(o.f) }
func (o *jsonObject) each(fn func(k string, v any)) {
	for _, f := range o.f {
		fn(f.k, f.v)
	}
}

// asMap returns v as an object (YAML v2 gives interface keys), or nil
// when v is none.
func asMap(v any) object {
	switch x := v.(type) {
	case *jsonObject:
		return x
	case map[string]any:
		return mapObject(x)
	case mapObject:
		return x
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, val := range x {
			m[fmt.Sprint(k)] = val
		}
		return mapObject(m)
	}
	return nil
}
