package loader

import (
	"bytes"
	"hash/maphash"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// Bounds on a [recordMemo]: how many entries each of its tables holds
// before it is emptied, and how long a value or a text may be to be
// remembered. Its six tables of values (see memoKind) and its decoded
// values hold at most 1 MB of keys each, its tables of texts less: a
// memo stays under 10 MB whatever the file.
const (
	memoEntries  = 2048
	memoValueLen = 512
	memoTextLen  = 256
	internSlots  = 1 << 14 // a power of two
)

// recordMemo is what one goroutine parsing the records of a file
// remembers between them: the postings of one file (a job board's dump)
// repeat the same nested values (an office, a department, a pay range)
// and the same texts (a salary, a company, a city). Each is decoded or
// parsed once, by its raw bytes, and shared by the postings that hold it.
// What it gives is what the parse without it gives: the functions it
// remembers depend on nothing else, and their results are never changed
// by their callers. A nil *recordMemo remembers nothing and interns
// through the process-wide table (see [intern]).
type recordMemo struct {
	values   map[string]any        // a raw JSON container → decodeValue's value
	salaries map[string]memoSalary // a salary field → ParseSalary's result
	// lastSalary is the result for lastSalaryField, the field last asked.
	lastSalaryField string
	lastSalary      memoSalary
	// texts are canonical copies of the texts internFields shares, each
	// in the slot its hash names: a text evicts another of its slot. The
	// table doubles, up to internSlots, each time it was given as many
	// new texts as it has slots.
	texts  []internSlot
	misses int
	seed   maphash.Seed
	// derived maps a raw JSON value to what a field reader made of it,
	// by what it was read for (see memoKind).
	derived [memoKinds]map[string]derivedValue
	// lastDerived is, by kind, the raw value derived was last asked or
	// told about, with its entry: a file's records often repeat the
	// value of the record before, which is then told without hashing it.
	lastDerived [memoKinds]lastDerived
	// keys are the raw keys of the last records, by their place in the
	// record, with what recordKey said of them: a file's records have the
	// same keys in the same order.
	keys      [memoKeys]memoKey
	last      [8]string // the copies intern last returned, by slot
	slotStats [8]internStats
	// dates are the dates parseDateString read last, each in one of the
	// two slots its text's hash names (see date).
	dates [memoDates]memoDate
	// fmValues is the list a file's frontmatter values are read from
	// (see fmFields.values), kept for the next file.
	fmValues []jsonValue
	// jsonValues is the list a JSON record's values were read into (see
	// jsonRecordPostingIn), kept for the next record's: past its length
	// are a record's values, written whole before they are read again.
	jsonValues []jsonValue
	// boardURL is the last board URL whose company boardCompanyMemo
	// found by its path segment, up to the segment's end, and
	// boardCompany that company: a file's records are mostly of one
	// board.
	boardURL, boardCompany string
	// lastLocation is the location remoteLocation told last, and
	// lastRemote what it told.
	lastLocation string
	lastRemote   bool
	// urlDir is the last URL normalizeURL kept as it is, up to the last
	// '/' of its path (see normalizeURL).
	urlDir string
	// slab makes the postings of records and their own strings.
	slab postingSlab
}

// internSlot is a slot of a memo's intern table: a text and its hash,
// compared first, so that a text that is not the slot's is told apart
// without reading the slot's (most likely not in the cache).
type internSlot struct {
	h uint64
	s string
}

// memoKeys is how many of a record's first keys a memo remembers.
const memoKeys = 24

// memoKey is recordKey's answer for a raw key, with the arguments it
// depends on.
type memoKey struct {
	raw      string
	al       *aliasSet
	wantBody bool
	key      string
	f        field
	prio     int
	ok       bool
	// unique: in the last record read whose keys up to this one were
	// these, this key folded unlike each earlier key that was read, so a
	// record with the same keys needs no look for an earlier one.
	unique bool
}

// memoKind is what a remembered value was read for: a field (setField's
// result, for the fields whose values records share: memoField), the
// salary of the keys composeSalary reads (the raw value is then theirs,
// each after its salaryKeyIndex and length), or a board URL's company
// (boardCompany: the raw value is then the URL's path segment).
type memoKind uint8

const (
	memoSalaryKeys = memoKind(fLast + 1 + iota)
	memoBoardCompany
	memoKinds
)

// memoField reports the fields whose setField result is remembered.
func memoField(f field) bool {
	return f == fCompany || f == fLocation || f == fTags || f == fSalary
}

// derivedValue is what a field reader made of a value: a text (and
// whether the reader found one), or the keywords of fTags.
type derivedValue struct {
	s  string
	kw []string
	ok bool
}

// lastDerived is a raw value and what derived holds for it.
type lastDerived struct {
	raw []byte
	d   derivedValue
	set bool
}

type memoSalary struct {
	s   Salary
	ok  bool
	set bool // in lastSalary: there is one
}

func newRecordMemo() *recordMemo {
	return &recordMemo{values: map[string]any{}, salaries: map[string]memoSalary{}, seed: maphash.MakeSeed()}
}

// memoDates is how many dates a memo remembers: the records of a file
// share few (a day a posting was published, the time the board was
// updated), and more distinct ones are parsed as they come.
const memoDates = 64

// memoDate is a date's text (up to len(raw) bytes) and what
// parseDateString made of it.
type memoDate struct {
	raw [32]byte
	n   uint8 // the text's length; 0: an empty slot
	t   time.Time
}

// date is parseDateString(s), remembered in one of the two slots s's
// hash names (in an empty one, else in the first): parseDateString
// depends on s alone, and its time is a value.
func (m *recordMemo) date(s string) time.Time {
	if m == nil || len(s) == 0 || len(s) > len(memoDate{}.raw) {
		return parseDateString(s)
	}
	h := maphash.String(m.seed, s)
	d, e := &m.dates[h%memoDates], &m.dates[(h>>32)%memoDates]
	switch {
	case d.holds(s):
		return d.t
	case e.holds(s):
		return e.t
	case d.n != 0 && e.n == 0:
		d = e
	}
	t := parseDateString(s)
	d.n = uint8(copy(d.raw[:], s))
	d.t = t
	return t
}

// holds reports whether d is the date of s.
func (d *memoDate) holds(s string) bool { return int(d.n) == len(s) && string(d.raw[:d.n]) == s }

// decode is decodeValue(raw), remembered for a small container.
func (m *recordMemo) decode(raw []byte) (any, bool) {
	if m == nil || len(raw) > memoValueLen || len(raw) < 2 || (raw[0] != '{' && raw[0] != '[') {
		return decodeValue(raw)
	}
	if v, ok := m.values[string(raw)]; ok {
		return v, true
	}
	v, ok := decodeValue(raw)
	if ok {
		if len(m.values) >= memoEntries {
			clear(m.values)
		}
		m.values[string(raw)] = v
	}
	return v, ok
}

// parseSalary is ParseSalary(field, ""), remembered for a short field.
func (m *recordMemo) parseSalary(field string) (Salary, bool) {
	if m == nil || len(field) > memoTextLen {
		return ParseSalary(field, "")
	}
	if m.lastSalary.set && m.lastSalaryField == field {
		return m.lastSalary.s, m.lastSalary.ok
	}
	r, found := m.salaries[field]
	if !found {
		r.s, r.ok = ParseSalary(field, "")
		if len(m.salaries) >= memoEntries {
			clear(m.salaries)
		}
		m.salaries[field] = r
	}
	m.lastSalaryField, m.lastSalary = field, memoSalary{r.s, r.ok, true}
	return r.s, r.ok
}

// intern returns the copy of s the memo's postings share: the one it
// was first given since no other text of the same hash slot was (s is
// the caller's own copy, as cleanField makes). slot names the field s is
// of (see internFieldsIn): the copy last returned for it is known
// without a lookup, as when the memo gave s.
func (m *recordMemo) intern(slot int, s string) string {
	if m == nil {
		return intern(s)
	}
	if s == "" || len(s) > memoTextLen {
		return s
	}
	slot = min(slot, len(m.last)-1)
	last := &m.last[slot]
	if len(*last) == len(s) && unsafe.StringData(*last) == unsafe.StringData(s) {
		return s
	}
	st := &m.slotStats[slot]
	if st.off {
		return s
	}
	if m.misses >= len(m.texts) && len(m.texts) < internSlots {
		m.growTexts()
	}
	h := maphash.String(m.seed, s)
	c := &m.texts[h&uint64(len(m.texts)-1)]
	if c.h != h || c.s != s {
		*c = internSlot{h, s}
		m.misses++
	} else {
		st.hits++
	}
	if st.tries++; st.tries == internProbe {
		st.off = st.hits < internProbe/16
		st.tries, st.hits = 0, 0
	}
	*last = c.s
	return c.s
}

// internProbe is how many texts of a field intern looks up before it
// judges whether the field's texts repeat: a field whose texts were
// found in fewer than one lookup in 16 (the titles of a job board, mostly
// distinct) is no longer looked up, as each lookup most likely misses
// the processor's cache and saves nothing.
const internProbe = 1024

// internStats counts intern's lookups of one field's texts (see
// internProbe).
type internStats struct {
	tries, hits int
	off         bool // the field's texts are kept as they are
}

// setField is setField(p, f, v) for v decoded from raw, remembered by
// raw for the fields memoField names.
func (m *recordMemo) setField(p *model.Posting, f field, raw []byte, v any) {
	if !m.recalled(p, f, raw) {
		m.setAndRemember(p, f, raw, v)
	}
}

// recalled sets field f of p to what the memo remembers of raw for it,
// and reports whether it remembered something.
func (m *recordMemo) recalled(p *model.Posting, f field, raw []byte) bool {
	d, ok := m.recall(f, raw)
	if ok {
		d.apply(p, f, m)
	}
	return ok
}

// recall returns what the memo remembers of raw for field f: only a
// value that was not empty is remembered (see setAndRemember).
func (m *recordMemo) recall(f field, raw []byte) (derivedValue, bool) {
	if m == nil || raw == nil || !memoField(f) || len(raw) > memoValueLen {
		return derivedValue{}, false
	}
	return m.derivedOf(memoKind(f), raw)
}

// derivedOf returns what the memo remembers of raw as kind k.
func (m *recordMemo) derivedOf(k memoKind, raw []byte) (derivedValue, bool) {
	l := &m.lastDerived[k]
	if l.set && bytes.Equal(l.raw, raw) {
		return l.d, true
	}
	d, ok := m.derived[k][string(raw)]
	if ok {
		l.raw, l.d, l.set = append(l.raw[:0], raw...), d, true
	}
	return d, ok
}

// apply sets field f of p to d, what setField made of a value (a list
// copied through m: see [recordMemo.cloneStrings]).
func (d derivedValue) apply(p *model.Posting, f field, m *recordMemo) {
	switch f {
	case fCompany:
		p.Company = d.s
	case fLocation:
		p.Location = d.s
	case fSalary:
		p.Salary = d.s
	case fTags:
		p.Keywords = m.cloneStrings(d.kw) // internFields writes into it
	}
}

// setAndRemember is setField(p, f, v), remembered by raw for the fields
// memoField names.
func (m *recordMemo) setAndRemember(p *model.Posting, f field, raw []byte, v any) {
	setField(p, f, v)
	if m == nil || !memoField(f) || len(raw) > memoValueLen {
		return
	}
	var d derivedValue
	switch f {
	case fTags:
		d.kw = slices.Clone(p.Keywords)
	case fCompany:
		d.s = p.Company
	case fLocation:
		d.s = p.Location
	case fSalary:
		d.s = p.Salary
	}
	m.remember(memoKind(f), raw, d)
}

// ownTextField reports whether f is a field that setField fills with
// cleanField(scalarText(v)) and that records seldom share (a title, a
// URL), so the memo does not remember it.
func ownTextField(f field) bool {
	switch f {
	case fTitle, fURL, fApplyURL, fCompanyURL:
		return true
	}
	return false
}

// setOwnText sets field f of p, one that ownTextField names, to s.
func setOwnText(p *model.Posting, f field, s string) {
	switch f {
	case fTitle:
		p.Title = s
	case fURL:
		p.URL = s
	case fApplyURL:
		p.ApplyURL = s
	case fCompanyURL:
		p.SetCompanyURL(s)
	}
}

// growTexts doubles the intern table (from 64 slots), keeping its texts.
func (m *recordMemo) growTexts() {
	old := m.texts
	m.texts = make([]internSlot, max(64, 2*len(old)))
	for _, t := range old {
		if t.s != "" {
			m.texts[t.h&uint64(len(m.texts)-1)] = t
		}
	}
	m.misses = 0
}

// memoText is fn(v) for v read from raw (a value's raw JSON, or the text
// it is made from), remembered in m by raw as kind k.
func memoText[T any](m *recordMemo, k memoKind, raw []byte, v T, fn func(T) (string, bool)) (string, bool) {
	if m == nil || raw == nil || len(raw) > memoValueLen {
		return fn(v)
	}
	d, ok := m.derivedOf(k, raw)
	if !ok {
		d.s, d.ok = fn(v)
		m.remember(k, raw, d)
	}
	return d.s, d.ok
}

// remember stores d as what raw gave for kind k.
func (m *recordMemo) remember(k memoKind, raw []byte, d derivedValue) {
	t := m.derived[k]
	switch {
	case t == nil:
		t = map[string]derivedValue{}
		m.derived[k] = t
	case len(t) >= memoEntries:
		clear(t)
	}
	t[string(raw)] = d
	l := &m.lastDerived[k]
	l.raw, l.d, l.set = append(l.raw[:0], raw...), d, true
}

// recordKey is recordKey(buf, rawKey, al, wantBody) for the i-th key of a
// record, remembered for the i-th key of the next.
func (m *recordMemo) recordKey(i int, buf, rawKey []byte, al *aliasSet, wantBody bool) (string, field, int, bool) {
	n, f, prio, ok, _ := m.recordKeyHit(i, buf, rawKey, al, wantBody)
	return n, f, prio, ok
}

// sameKey returns the memo's entry for the i-th key of a record when it
// is rawKey, read with al and wantBody (what recordKeyHit then tells),
// nil when it is not or there is none. It is small enough to be inlined
// where recordKeyHit is not.
func (m *recordMemo) sameKey(i int, rawKey []byte, al *aliasSet, wantBody bool) *memoKey {
	if m == nil || i >= memoKeys {
		return nil
	}
	if k := &m.keys[i]; k.al == al && k.wantBody == wantBody && k.raw == string(rawKey) {
		return k
	}
	return nil
}

// recordKeyHit is recordKey that also reports whether the i-th key of the
// memo's last record was the same raw key, read with the same aliases
// and body: its entry (see memoKey.unique) is then that record's.
func (m *recordMemo) recordKeyHit(i int, buf, rawKey []byte, al *aliasSet, wantBody bool) (string, field, int, bool, bool) {
	if m == nil || i >= memoKeys {
		n, f, prio, ok := recordKey(buf, rawKey, al, wantBody)
		return n, f, prio, ok, false
	}
	k := &m.keys[i]
	if k.al != al || k.wantBody != wantBody || k.raw != string(rawKey) {
		n, f, prio, ok := recordKey(buf, rawKey, al, wantBody)
		*k = memoKey{raw: string(rawKey), al: al, wantBody: wantBody, key: n, f: f, prio: prio, ok: ok}
		for j := i + 1; j < memoKeys; j++ { // their earlier keys are no longer these
			m.keys[j].unique = false
		}
		return k.key, k.f, k.prio, k.ok, false
	}
	return k.key, k.f, k.prio, k.ok, true
}

// setUnique notes whether the i-th key of the record read last folds
// unlike each of its earlier keys that were read (see memoKey.unique).
func (m *recordMemo) setUnique(i int, unique bool) {
	if m != nil && i < memoKeys {
		m.keys[i].unique = unique
	}
}

// newPosting returns a new zero posting, from the memo's slab when there
// is a memo.
func (m *recordMemo) newPosting() *model.Posting {
	if m == nil {
		return &model.Posting{}
	}
	return m.slab.posting()
}

// cloneStrings is slices.Clone(l), from the memo's slab when there is a
// memo (with no room to grow into there).
func (m *recordMemo) cloneStrings(l []string) []string {
	if m == nil {
		return slices.Clone(l)
	}
	return m.slab.strings(l)
}

// hashID is hashID(kind, s), made in the memo's slab when there is a
// memo.
func (m *recordMemo) hashID(kind, s string) string {
	if m == nil {
		return hashID(kind, s)
	}
	return m.slab.hashID(kind, s)
}

// ownString is the decoded raw JSON string raw, made in the memo's slab
// when there is a memo and raw needs no more than a copy.
func (m *recordMemo) ownString(raw []byte) (string, bool) {
	if m == nil || len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return decodeString(raw)
	}
	in := raw[1 : len(raw)-1]
	if !plainText(in) {
		return decodeString(raw)
	}
	return m.slab.text.copyOf(in), true
}

// normalizeURL is normalizeURL(raw), told by its end alone for a URL that
// starts with the memo's urlDir (a file's records mostly share a board's
// path): a URL that normalizeURL keeps as it is, up to a '/' of its
// path, followed by path bytes that do not end in '/', is one it keeps.
func (m *recordMemo) normalizeURL(raw string) string {
	if m == nil {
		return normalizeURL(raw)
	}
	if d := m.urlDir; d != "" && len(raw) > len(d) && raw[:len(d)] == d && isNormalURLPath(raw[len(d):]) {
		return raw
	}
	n := normalizeURL(raw)
	if n != "" && n == raw {
		host := strings.Index(n, "://") + len("://")
		if i := strings.LastIndexByte(n, '/'); i > host {
			m.urlDir = n[:i+1]
		}
	}
	return n
}

// remoteLocation reports whether the location loc says the posting is
// remote (the word "remote", in any case), remembered for the location
// told last: a file's records mostly share theirs.
func (m *recordMemo) remoteLocation(loc string) bool {
	if m != nil && loc == m.lastLocation && loc != "" {
		return m.lastRemote
	}
	r := containsFold(loc, "remote") && containsWord(strings.ToLower(loc), "remote")
	if m != nil {
		m.lastLocation, m.lastRemote = loc, r
	}
	return r
}
