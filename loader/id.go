package loader

import (
	"net/url"
	"strings"
)

// normalizeURL returns the form of an http(s) URL used for the posting ID
// and for dedupe: scheme and host lower-cased, default port, fragment,
// trailing slash and utm_* parameters dropped, remaining parameters
// sorted. It returns "" for anything that is not an absolute http(s) URL.
func normalizeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if isNormalURL(raw) {
		return raw
	}
	return parseNormalizeURL(raw)
}

// parseNormalizeURL is normalizeURL through url.Parse, for a trimmed URL
// that is not empty.
func parseNormalizeURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	u.Host = strings.TrimSuffix(u.Host, ":80")
	u.Host = strings.TrimSuffix(u.Host, ":443")
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	u.ForceQuery = false
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	return u.String()
}

// isNormalURL reports an http(s) URL that normalizeURL returns as it is:
// a lower-case scheme and host (letters, digits, '.', '-'; no port), a
// path of unreserved characters and '/' that does not end in '/', no
// query, fragment or user info.
func isNormalURL(raw string) bool {
	rest, ok := strings.CutPrefix(raw, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(raw, "http://"); !ok {
			return false
		}
	}
	i := 0
	for i < len(rest) && urlBytes[rest[i]]&urlHost != 0 {
		i++
	}
	if i == len(rest) {
		return i > 0
	}
	if i == 0 || rest[i] != '/' {
		return false
	}
	for ; i < len(rest); i++ {
		if urlBytes[rest[i]]&urlPath == 0 {
			return false
		}
	}
	return rest[len(rest)-1] != '/'
}

// isNormalURLPath reports whether s, the end of a URL's path, holds only
// bytes isNormalURL takes in a path and does not end in '/'.
func isNormalURLPath(s string) bool {
	for i := 0; i < len(s); i++ {
		if urlBytes[s[i]]&urlPath == 0 {
			return false
		}
	}
	return len(s) > 0 && s[len(s)-1] != '/'
}

// What a byte may be in a URL that isNormalURL takes, as urlBytes holds it.
const (
	urlHost = 1 << iota // in its host: a lower-case letter, a digit, '.', '-'
	urlPath             // in its path: those, '/', an upper-case letter, '_', '~'
)

// urlBytes holds, by byte, where isNormalURL takes it.
var urlBytes = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-':
			t[c] = urlHost | urlPath
		case c == '/' || c >= 'A' && c <= 'Z' || c == '_' || c == '~':
			t[c] = urlPath
		}
	}
	return t
}()
