package cache

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
	"unsafe"

	"github.com/jobdeck/jobdeck/model"
)

// errDamaged is the decoding error of bytes that are not what the encoder
// wrote.
var errDamaged = errors.New("damaged")

// Flags of an encoded posting.
const (
	flagRemote = 1 << iota
	flagDate
	flagApplied
)

// encodable reports whether the codec gives p back exactly: no body, no
// Source, and a Date that is zero or a UTC time without a monotonic
// reading.
func encodable(p *model.Posting) bool {
	return p != nil && p.Body == "" && p.Source == nil && exactTime(p.Date) && exactTime(p.Applied())
}

func exactTime(t time.Time) bool {
	return t == time.Time{} || t == time.Unix(t.Unix(), int64(t.Nanosecond())).UTC()
}

// appendPostings encodes ps (each encodable): their count, then each one's
// flags, the lengths of its lists (0 for nil, else n+1), its strings, list
// items and date.
func appendPostings(b []byte, ps []*model.Posting) []byte {
	b = binary.AppendUvarint(b, uint64(len(ps)))
	for _, p := range ps {
		var flags byte
		if p.Remote {
			flags |= flagRemote
		}
		if p.Date != (time.Time{}) {
			flags |= flagDate
		}
		if p.Applied() != (time.Time{}) {
			flags |= flagApplied
		}
		b = append(b, flags)
		for _, l := range [...][]string{p.Paths(), p.Keywords, p.Warnings()} {
			n := uint64(0)
			if l != nil {
				n = uint64(len(l)) + 1
			}
			b = binary.AppendUvarint(b, n)
		}
		for _, s := range [...]string{p.ID, p.Path, p.Title, p.Company, p.Location, p.URL, p.ApplyURL,
			p.Salary, p.EmploymentType, p.SourcePath, p.CompanyURL(), p.SalaryCurrency.String(), p.SalaryPeriod.String()} {
			b = appendString(b, s)
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.SalaryMin))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p.SalaryMax))
		for _, l := range [...][]string{p.Paths(), p.Keywords, p.Warnings()} {
			for _, s := range l {
				b = appendString(b, s)
			}
		}
		if flags&flagDate != 0 {
			b = appendTime(b, p.Date)
		}
		if flags&flagApplied != 0 {
			b = appendTime(b, p.Applied())
		}
	}
	return b
}

// appendTime encodes t, a UTC time, as its seconds and nanoseconds.
func appendTime(b []byte, t time.Time) []byte {
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// reader decodes from a string without copying: the strings it returns
// are substrings of s. Any error sticks and makes later reads return
// zero values.
type reader struct {
	s   string
	i   int
	err error
}

func (r *reader) fail() { r.err, r.i = errDamaged, len(r.s) }

func (r *reader) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if r.i >= len(r.s) || shift > 63 {
			r.fail()
			return 0
		}
		c := r.s[r.i]
		r.i++
		x |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a number of items of at least min bytes each; a count the
// rest of the input cannot hold is damage (so garbage never makes a huge
// allocation).
func (r *reader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.i)/uint64(min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) byte() byte {
	if r.i >= len(r.s) {
		r.fail()
		return 0
	}
	c := r.s[r.i]
	r.i++
	return c
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.i) {
		r.fail()
		return ""
	}
	s := r.s[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// listLen reads an encoded list length: -1 for nil, else the length.
func (r *reader) listLen() int {
	n := r.count(1)
	return n - 1
}

// decodePostings decodes what appendPostings wrote, as new postings the
// caller owns; their strings share s's memory. The whole of s must be
// used. Bad input is an error, never a panic.
func decodePostings(s string) (_ []*model.Posting, err error) {
	defer func() {
		if recover() != nil {
			err = errDamaged
		}
	}()
	r := reader{s: s}
	n := r.count(14) // flags, three list lengths, ten string lengths
	var ps []model.Posting
	var out []*model.Posting
	if n == 1 { // most files: one allocation for the posting and the slice
		one := new(struct {
			ptr [1]*model.Posting
			p   [1]model.Posting
		})
		ps, out = one.p[:], one.ptr[:]
	} else {
		ps, out = make([]model.Posting, n), make([]*model.Posting, n)
	}
	for i := range ps {
		out[i] = &ps[i]
		r.posting(&ps[i])
	}
	if r.err == nil && r.i != len(s) {
		r.fail()
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}

func (r *reader) posting(p *model.Posting) {
	flags := r.byte()
	var lens [3]int
	total := 0
	for i := range lens {
		lens[i] = r.listLen()
		total += max(lens[i], 0)
	}
	var companyURL, currency, period string
	for _, f := range [...]*string{&p.ID, &p.Path, &p.Title, &p.Company, &p.Location, &p.URL, &p.ApplyURL,
		&p.Salary, &p.EmploymentType, &p.SourcePath, &companyURL, &currency, &period} {
		*f = r.string()
	}
	var ok bool
	if p.SalaryCurrency, ok = model.CurrencyOf(currency); !ok && currency != "" {
		r.fail()
	}
	if p.SalaryPeriod, ok = model.PeriodOf(period); !ok && period != "" {
		r.fail()
	}
	p.SalaryMin, p.SalaryMax = r.float(), r.float()
	if r.err != nil || total > len(r.s)-r.i {
		r.fail()
		return
	}
	var items []string
	if total > 0 {
		items = make([]string, total)
	}
	var paths, warnings []string
	for i, l := range [...]*[]string{&paths, &p.Keywords, &warnings} {
		switch lens[i] {
		case -1:
			continue
		case 0:
			*l = []string{}
			continue
		}
		*l = items[:lens[i]:lens[i]]
		items = items[lens[i]:]
		for j := range *l {
			(*l)[j] = r.string()
		}
	}
	p.Remote = flags&flagRemote != 0
	if flags&flagDate != 0 {
		p.Date = r.time()
	}
	var applied time.Time
	if flags&flagApplied != 0 {
		applied = r.time()
	}
	if paths != nil || warnings != nil || companyURL != "" || applied != (time.Time{}) {
		p.SetPaths(paths)
		p.SetWarnings(warnings)
		p.SetCompanyURL(companyURL)
		p.SetApplied(applied)
	}
	if flags&^(flagRemote|flagDate|flagApplied) != 0 {
		r.fail()
	}
}

// float decodes a float64 stored as its 8 bits, little-endian.
func (r *reader) float() float64 {
	if r.err != nil || len(r.s)-r.i < 8 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.s[r.i : r.i+8]))
	r.i += 8
	return math.Float64frombits(v)
}

// time decodes what appendTime encoded.
func (r *reader) time() time.Time {
	sec, nsec := r.varint(), r.uvarint()
	if nsec >= 1e9 {
		r.fail()
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).UTC()
}

// stringOf views b as a string without copying; b must never be modified
// afterwards.
func stringOf(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
