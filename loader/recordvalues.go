package loader

// recordValues are the values of one record by key, as the field readers
// ask for them: decoded, nil for a key the record does not have.
type recordValues interface {
	// value returns the value of key k, nil when there is none.
	value(k string) any
	// keys calls fn with each key that may have a value.
	keys(fn func(k string))
	// drop removes key k.
	drop(k string)
}

// mapValues are the values of a record decoded whole.
type mapValues map[string]any

func (m mapValues) value(k string) any { return m[k] }
func (m mapValues) drop(k string)      { delete(m, k) }
func (m mapValues) keys(fn func(k string)) {
	for k := range m {
		fn(k)
	}
}

// jsonValues are the values of one JSON record kept raw, each decoded
// when first asked for: a record's keys that fill no field, or lose to a
// better alias, are never decoded.
type jsonValues struct {
	e []jsonValue
}

// jsonValue is one key of a JSON record and its value.
type jsonValue struct {
	key  string // normKey form
	raw  []byte // nil once decoded
	v    any
	bad  bool // not decodable, or dropped: no value
	done bool
}

// add keeps raw as the value of key: a later key replaces an earlier
// one that folds the same, unless its value does not decode (tooBig: over
// the decode bounds, known to the caller already).
func (j *jsonValues) add(key string, raw []byte, tooBig bool) {
	for i := range j.e {
		if j.e[i].key != key {
			continue
		}
		if tooBig {
			return
		}
		if v, ok := decodeValue(raw); ok {
			j.e[i] = jsonValue{key: key, v: v, done: true}
		}
		return
	}
	j.e = append(j.e, jsonValue{key: key, raw: raw, bad: tooBig, done: tooBig})
}

func (j *jsonValues) value(k string) any {
	for i := range j.e {
		if e := &j.e[i]; e.key == k {
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

func (j *jsonValues) drop(k string) {
	for i := range j.e {
		if j.e[i].key == k {
			j.e[i] = jsonValue{key: k, bad: true, done: true}
		}
	}
}

func (j *jsonValues) keys(fn func(k string)) {
	for i := range j.e {
		if !j.e[i].bad {
			fn(j.e[i].key)
		}
	}
}
