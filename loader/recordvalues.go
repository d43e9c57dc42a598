package loader

// recordValues are the values of one record by key (in normKey form),
// as the field readers ask for them: a record decoded whole into m, or a
// JSON record whose values are kept raw in j and each decoded when first
// asked for, so that a key that fills no field, or loses to a better
// alias, is never decoded. A value is nil for a key the record does not
// have.
type recordValues struct {
	m map[string]any
	j []jsonValue
}

// mapValues are the values of a record decoded whole.
func mapValues(m map[string]any) *recordValues { return &recordValues{m: m} }

// jsonValue is one key of a JSON record and its value.
type jsonValue struct {
	key  string // normKey form
	raw  []byte // the value undecoded, until done
	v    any
	bad  bool // not decodable, or dropped: no value
	done bool
}

// value returns the value of key k, nil when there is none.
func (r *recordValues) value(k string) any {
	if r.m != nil {
		return r.m[k]
	}
	for i := range r.j {
		if e := &r.j[i]; e.key == k {
			if !e.done {
				e.v, e.done = decodeValue(e.raw)
				e.bad, e.done, e.raw = !e.done, true, nil
			}
			if e.bad {
				return nil
			}
			return e.v
		}
	}
	return nil
}

// drop removes key k.
func (r *recordValues) drop(k string) {
	if r.m != nil {
		delete(r.m, k)
		return
	}
	for i := range r.j {
		if r.j[i].key == k {
			r.j[i] = jsonValue{key: k, bad: true, done: true}
		}
	}
}

// each calls fn with each key that may have a value.
func (r *recordValues) each(fn func(k string)) {
	if r.m != nil {
		for k := range r.m {
			fn(k)
		}
		return
	}
	for i := range r.j {
		if !r.j[i].bad {
			fn(r.j[i].key)
		}
	}
}

// addJSONValue adds raw as the value of key to a JSON record's values:
// a later key replaces an earlier one that folds the same, unless its
// value does not decode (tooBig: over the decode bounds, which the caller
// checked).
func addJSONValue(vals []jsonValue, key string, raw []byte, tooBig bool) []jsonValue {
	for i := range vals {
		if vals[i].key != key {
			continue
		}
		if !tooBig {
			if v, ok := decodeValue(raw); ok {
				vals[i] = jsonValue{key: key, v: v, done: true}
			}
		}
		return vals
	}
	return append(vals, jsonValue{key: key, raw: raw, bad: tooBig, done: tooBig})
}
