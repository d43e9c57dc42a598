package loader

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// field names a Posting field that frontmatter keys and "Key: value" lines
// can fill.
type field int

const (
	fNone field = iota
	fTitle
	fCompany
	fLocation
	fDate
	fTags
	fURL
	fApplyURL
	fSalary
	fType
	fRemote
	fCompanyURL
	fLast = fCompanyURL
)

// aliases maps a normalized key (lower case, without '_', '-', ' ' and '.')
// to the field it fills and its priority (lower wins when a file has
// several aliases of one field).
var aliases = map[string]alias{
	"title": {fTitle, 0}, "position": {fTitle, 1}, "role": {fTitle, 2}, "jobtitle": {fTitle, 3},
	"company": {fCompany, 0}, "companyname": {fCompany, 1}, "employer": {fCompany, 2},
	"organization": {fCompany, 3}, "organisation": {fCompany, 4}, "hiringorganization": {fCompany, 5},
	"location": {fLocation, 0}, "joblocation": {fLocation, 1}, "candidaterequiredlocation": {fLocation, 2},
	"date": {fDate, 0}, "dateposted": {fDate, 1}, "publicationdate": {fDate, 2}, "posteddate": {fDate, 3},
	"timestamp": {fDate, 4}, "createdat": {fDate, 5}, "posted": {fDate, 6}, "published": {fDate, 7},
	"firstpublished": {fDate, 8}, "publishedat": {fDate, 9}, "addedat": {fDate, 10}, "updatedat": {fDate, 11},
	"saveddate": {fDate, 12},
	"tags":      {fTags, 0}, "hashtags": {fTags, 1}, "skills": {fTags, 2}, "keywords": {fTags, 3}, "categories": {fTags, 4},
	"technologies": {fTags, 5}, "departments": {fTags, 6}, "category": {fTags, 7},
	"url": {fURL, 0}, "link": {fURL, 1}, "sourceurl": {fURL, 2}, "joburl": {fURL, 3}, "hostedurl": {fURL, 4},
	"absoluteurl": {fURL, 5}, "applylink": {fURL, 6},
	"applyurl": {fApplyURL, 0}, "joburldirect": {fApplyURL, 1},
	"salary": {fSalary, 0}, "basesalary": {fSalary, 1},
	"jobtype": {fType, 0}, "employmenttype": {fType, 1}, "type": {fType, 2}, "contract": {fType, 3},
	"remote": {fRemote, 0}, "workplacetype": {fRemote, 1}, "remotepolicy": {fRemote, 2}, "locationtype": {fRemote, 3},
	"joblocationtype": {fRemote, 4}, "isremote": {fRemote, 5},
	"companyurl": {fCompanyURL, 0}, "website": {fCompanyURL, 1}, "careersurl": {fCompanyURL, 2},
}

// normKey folds a key for alias lookup: "company_name", "companyName" and
// "Company Name" all become "companyname".
func normKey(k string) string {
	if isNormKey(k) {
		return k
	}
	var b strings.Builder
	b.Grow(len(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '_' || c == '-' || c == ' ' || c == '.':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// lookupAlias returns the field of key k, or fNone.
func lookupAlias(k string) (field, int) {
	return (*aliasSet)(nil).lookup(k)
}

// applyFields fills p from decoded frontmatter with the built-in aliases.
func applyFields(p *model.Posting, m map[string]any) {
	applyFieldsWith(p, m, nil)
}

// applyFieldsWith fills p from decoded frontmatter: for each field the
// alias (of al, then the built-in ones) with the best priority that gives
// a usable value wins. Employment types are the exception: every
// candidate is looked at (see applyTypes).
func applyFieldsWith(p *model.Posting, m map[string]any, al *aliasSet) {
	applyFieldsFrom(p, mapValues(m), al)
}

// applyFieldsFrom is applyFieldsWith over any record's values; a value
// is asked of m only when its key could win its field.
func applyFieldsFrom(p *model.Posting, m *recordValues, al *aliasSet) {
	type cand struct {
		set  bool
		prio int
		v    any
		i    int  // the key's place in the record (see recordValues.each)
		str  bool // the value is a JSON string, decoded only if it wins (see stringEmptyAt)
		// recalled: the field's value is d, as the memo remembers it
		// (see recordMemo.recall), and the value need not be decoded.
		recalled bool
		d        derivedValue
	}
	var best [fLast + 1]cand
	var types []typeCand
	m.each(al, func(i int, k string, f field, prio int) {
		if f == fNone || (f != fType && best[f].set && prio >= best[f].prio) {
			return
		}
		if memoField(f) { // the only ones recall may know
			if d, ok := m.memo.recall(f, m.rawAt(i)); ok {
				best[f] = cand{set: true, prio: prio, i: i, recalled: true, d: d}
				return
			}
		}
		if empty, ok := m.stringEmptyAt(i, ownTextField(f)); ok && f != fType {
			if !empty {
				best[f] = cand{set: true, prio: prio, i: i, str: true}
			}
			return
		}
		v := m.valueAt(i, k)
		if isEmptyValue(v) {
			return
		}
		if f == fType {
			types = append(types, typeCand{prio, v, isCategoryKey(normKey(k))})
			return
		}
		best[f] = cand{set: true, prio: prio, v: v, i: i}
	})
	for f := range best {
		switch c := &best[f]; {
		case !c.set:
		case c.recalled:
			c.d.apply(p, field(f), m.memo)
		case c.str:
			m.setString(p, field(f), c.i)
		default:
			m.setField(p, field(f), c.i, c.v)
		}
	}
	applyTypes(p, types)
}

func isEmptyValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	}
	return false
}

// setField stores one decoded value into p, converting as the field needs.
func setField(p *model.Posting, f field, v any) {
	switch f {
	case fTitle:
		p.Title = cleanField(scalarText(v))
	case fCompany:
		p.Company = cleanField(nameText(v))
	case fLocation:
		p.Location = cleanField(placeText(v))
	case fDate:
		p.Date = parseDate(v)
	case fTags:
		p.Keywords = parseTags(v)
	case fURL:
		p.URL = cleanField(scalarText(v))
	case fApplyURL:
		p.ApplyURL = cleanField(scalarText(v))
	case fSalary:
		p.Salary = cleanField(salaryText(v))
	case fType:
		applyTypes(p, []typeCand{{v: v}})
	case fRemote:
		p.Remote = parseBool(v)
	case fCompanyURL:
		p.SetCompanyURL(cleanField(scalarText(v)))
	}
}

// scalarText renders a scalar; lists are joined with ", ", maps rendered
// as "key: value" pairs in key order.
func scalarText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return formatNumber(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case []any:
		return listText(x)
	}
	if m := asMap(v); m != nil {
		fields := make([]objField, 0, m.size())
		m.each(func(k string, v any) {
			if !strings.HasPrefix(k, "@") {
				fields = append(fields, objField{k, v})
			}
		})
		slices.SortFunc(fields, func(a, b objField) int { return strings.Compare(a.k, b.k) })
		parts := make([]string, 0, len(fields))
		for _, f := range fields {
			if s := scalarText(f.v); s != "" {
				parts = append(parts, f.k+": "+s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}

func formatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// listText joins a list's items with ", "; a scalar is rendered as is.
func listText(v any) string {
	l, ok := v.([]any)
	if !ok {
		return scalarText(v)
	}
	parts := make([]string, 0, len(l))
	for _, it := range l {
		if s := strings.TrimSpace(scalarText(it)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// get returns the value of the first key of m matching one of names
// (normalized comparison).
func get(m object, names ...string) any {
	for _, n := range names {
		if v, ok := m.lookup(n); ok && !isEmptyValue(v) {
			return v
		}
	}
	// A table's keys may not be in normKey form (a JSON object's are): one
	// pass over those that are not (the others were looked up above), the
	// one that folds to the earliest of names wins.
	mo, ok := m.(mapObject)
	if !ok {
		return nil
	}
	best, bv := len(names), any(nil)
	for k, v := range mo {
		if isNormKey(k) || isEmptyValue(v) {
			continue
		}
		nk := normKey(k)
		for i, n := range names[:best] {
			if nk == n {
				best, bv = i, v
				break
			}
		}
	}
	return bv
}

// isNormKey reports whether k is in normKey form already.
func isNormKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; (c >= 'A' && c <= 'Z') || c == '_' || c == '-' || c == ' ' || c == '.' {
			return false
		}
	}
	return true
}

// nameText renders an organization: a map's "name", else the scalar.
func nameText(v any) string {
	if m := asMap(v); m != nil {
		if n := get(m, "name", "legalname"); n != nil {
			return scalarText(n)
		}
	}
	if l, ok := v.([]any); ok && len(l) > 0 {
		return nameText(l[0])
	}
	return scalarText(v)
}

// placeText renders a location: a schema.org Place or PostalAddress
// becomes "locality, region, country"; lists are joined.
func placeText(v any) string {
	if l, ok := v.([]any); ok {
		parts := make([]string, 0, len(l))
		for _, it := range l {
			if s := strings.TrimSpace(placeText(it)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; ")
	}
	m := asMap(v)
	if m == nil {
		return scalarText(v)
	}
	if a := get(m, "address"); a != nil {
		return placeText(a)
	}
	var parts []string
	for _, k := range []string{"addresslocality", "city", "addressregion", "region", "state", "addresscountry", "country"} {
		if x := get(m, k); x != nil {
			if s := strings.TrimSpace(nameText(x)); s != "" {
				parts = append(parts, s)
			}
		}
	}
	if len(parts) == 0 {
		if n := get(m, "name"); n != nil {
			return scalarText(n)
		}
		return scalarText(m)
	}
	return strings.Join(parts, ", ")
}

// salaryText renders a salary; a schema.org MonetaryAmount such as
// {currency: USD, value: {minValue: 100000, maxValue: 130000, unitText: YEAR}}
// becomes "USD 100000–130000 per year".
func salaryText(v any) string {
	m := asMap(v)
	if m == nil {
		return scalarText(v)
	}
	cur := scalarText(get(m, "currency"))
	val := get(m, "value")
	unit := scalarText(get(m, "unittext", "unit", "period"))
	min, max := get(m, "minvalue", "min"), get(m, "maxvalue", "max")
	if vm := asMap(val); vm != nil {
		if u := scalarText(get(vm, "unittext", "unit", "period")); u != "" {
			unit = u
		}
		min, max = get(vm, "minvalue", "min"), get(vm, "maxvalue", "max")
		val = get(vm, "value")
	}
	var amount string
	switch {
	case min != nil && max != nil:
		amount = scalarText(min) + "–" + scalarText(max)
	case min != nil:
		amount = "from " + scalarText(min)
	case max != nil:
		amount = "up to " + scalarText(max)
	case val != nil:
		amount = scalarText(val)
	default:
		return scalarText(m)
	}
	s := amount
	if cur != "" {
		s = cur + " " + s
	}
	if unit != "" {
		s += " per " + strings.ToLower(unit)
	}
	return s
}

// parseBool accepts booleans and the strings yes/true/y/1/remote.
func parseBool(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case int:
		return x != 0
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "yes", "y", "true", "1", "remote", "on", "fully remote", "100% remote", "telecommute", "remote only", "remote first", "remote-first":
			return true
		}
	}
	return false
}

// parseTags accepts a list or one string such as "#rails,#postgresql" or
// "go, grpc"; it strips '#', trims, drops empties and duplicates.
func parseTags(v any) []string {
	var rawBuf [16]string
	raw := rawBuf[:0]
	switch x := v.(type) {
	case []any:
		for _, it := range x {
			raw = appendTags(raw, nameText(it))
		}
	default:
		raw = appendTags(raw, scalarText(v))
	}
	var out []string
	var lowBuf [16]string // the tags kept, lower-cased: a few are looked through one by one
	low := lowBuf[:0]
	var seen map[string]bool
	if len(raw) > len(lowBuf) {
		seen = make(map[string]bool, len(raw))
	}
	for _, t := range raw {
		t = cleanField(strings.TrimLeft(strings.TrimSpace(t), "#"))
		if t == "" {
			continue
		}
		l := strings.ToLower(t)
		if seen != nil {
			if seen[l] {
				continue
			}
			seen[l] = true
		} else {
			if slices.Contains(low, l) {
				continue
			}
			low = append(low, l)
		}
		if out == nil {
			out = make([]string, 0, len(raw))
		}
		out = append(out, t)
	}
	return out
}

// appendTags appends the tags of one value to dst: its parts between
// commas or semicolons (empty ones dropped) or, when it has several '#',
// between spaces; else the value itself.
func appendTags(dst []string, s string) []string {
	if strings.ContainsAny(s, ",;") {
		for s != "" {
			i := strings.IndexAny(s, ",;")
			if i < 0 {
				return append(dst, s)
			}
			if i > 0 {
				dst = append(dst, s[:i])
			}
			s = s[i+1:]
		}
		return dst
	}
	if strings.Count(s, "#") > 1 {
		return append(dst, strings.Fields(s)...)
	}
	return append(dst, s)
}

// dateLayouts are tried in order for string dates.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006-01",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	time.RFC1123Z,
	time.RFC1123,
	"1/2/06, 3:04 PM", // LinkedIn's exports
	"1/2/06 3:04 PM",
	"2006-01-02T15:04:05.000Z07:00",
}

// parseDate reads ISO 8601 and date-only strings, TOML/YAML timestamps,
// and epoch seconds or milliseconds (numbers or digit strings; values of
// 10^11 and above are milliseconds). It returns the zero time when v is
// no date. Times are in UTC.
func parseDate(v any) time.Time {
	switch x := v.(type) {
	case time.Time:
		return x.UTC()
	case int:
		return epoch(float64(x))
	case int64:
		return epoch(float64(x))
	case uint64:
		return epoch(float64(x))
	case float64:
		return epoch(x)
	case string:
		return parseDateString(x)
	}
	return time.Time{}
}

// parseDateString is parseDate of a string. The result keeps nothing of
// s, which may be a view of bytes reused once it returns.
func parseDateString(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	if !isDigits(s) {
		// not an epoch
	} else if f, err := strconv.ParseFloat(s, 64); err == nil {
		return epoch(f)
	}
	if t, ok := parseRFC3339Seconds(s); ok {
		return t
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC() // in UTC, t names no zone s spelt
		}
	}
	return time.Time{}
}

// parseRFC3339Seconds is time.Parse(time.RFC3339Nano, s) in UTC for the
// dates of job boards' APIs, to the second and with a zone
// ("2026-10-02T09:15:00-04:00", "2026-10-02T13:15:00Z"), without looking
// up the local zone; false for any other text, and for one
// time.Parse refuses.
func parseRFC3339Seconds(s string) (time.Time, bool) {
	if len(s) != len("2006-01-02T15:04:05Z") && len(s) != len("2006-01-02T15:04:05-07:00") {
		return time.Time{}, false
	}
	if s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4], 0, 9999)
	month, ok2 := digits(s[5:7], 1, 12)
	day, ok3 := digits(s[8:10], 1, 31)
	hour, ok4 := digits(s[11:13], 0, 23)
	minute, ok5 := digits(s[14:16], 0, 59)
	sec, ok6 := digits(s[17:19], 0, 59)
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || !ok6 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	offset := 0
	switch zone := s[19:]; {
	case zone == "Z":
	case len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':':
		hr, ok1 := digits(zone[1:3], 0, 23)
		mm, ok2 := digits(zone[4:6], 0, 59)
		if !ok1 || !ok2 {
			return time.Time{}, false
		}
		offset = (hr*60 + mm) * 60
		if zone[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), true
}

// digits reads s, decimal digits alone, as a number from lo to hi.
func digits(s string, lo, hi int) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= lo && n <= hi
}

// daysIn is the number of days of month (1–12) in year.
func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return true
}

// epoch converts seconds or milliseconds since 1970; absurd values give
// the zero time.
func epoch(f float64) time.Time {
	if math.IsNaN(f) || f <= 0 {
		return time.Time{}
	}
	if f >= 1e11 {
		f /= 1000
	}
	if f > 1e11 { // past year 5000
		return time.Time{}
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC()
}
