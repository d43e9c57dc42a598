package loader

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Limits of a fetch by [Fetcher].
const (
	FetchTimeout  = 15 * time.Second
	MaxFetchBytes = 5 << 20
	MaxRedirects  = 5
	UserAgent     = "jobdeck (a terminal browser for job postings; https://github.com/jobdeck/jobdeck)"
)

// Errors of a fetch, wrapped with the details (errors.Is works).
var (
	ErrFetchScheme    = errors.New("only http and https URLs can be fetched")
	ErrFetchDNS       = errors.New("DNS lookup failed")
	ErrFetchTLS       = errors.New("TLS handshake failed")
	ErrFetchStatus    = errors.New("the server did not return the page")
	ErrFetchTooLarge  = errors.New("page too large")
	ErrFetchRedirects = errors.New("too many redirects")
	ErrFetchTimeout   = errors.New("timed out")
	ErrNotPosting     = errors.New("not a posting")
)

// Fetcher fetches one posting page over HTTP(S): http and https only, at
// most MaxBytes (MaxFetchBytes when 0) and MaxRedirects redirects, with a
// User-Agent naming jobdeck. Client is the HTTP client (tests inject one;
// nil means one with FetchTimeout); its CheckRedirect is replaced.
type Fetcher struct {
	Client   *http.Client
	MaxBytes int64
}

// Page is a fetched page: its bytes, the URL it was finally served from
// and its media type ("text/html").
type Page struct {
	Data      []byte
	URL       string
	MediaType string
}

// Fetch gets raw. Its error says why it failed, wrapping one of the
// ErrFetch errors (or ErrNotPosting for a content type that holds no
// posting: not HTML, text or JSON).
func (f Fetcher) Fetch(ctx context.Context, raw string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q: %w", raw, ErrFetchScheme)
	}
	c := http.Client{Timeout: FetchTimeout}
	if f.Client != nil {
		c = *f.Client
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > MaxRedirects {
			return fmt.Errorf("%w: more than %d", ErrFetchRedirects, MaxRedirects)
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %q: %w", req.URL.Redacted(), ErrFetchScheme)
		}
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,text/plain;q=0.8")
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u.Redacted(), classifyFetchError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s: HTTP %s: %w", u.Redacted(), resp.Status, ErrFetchStatus)
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if mt == "" {
		mt = "text/html"
	}
	if !fetchableType(mt) {
		return nil, fmt.Errorf("%s: content type %s: %w", u.Redacted(), mt, ErrNotPosting)
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = MaxFetchBytes
	}
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("%s: %s, more than %s: %w", u.Redacted(), humanBytes(resp.ContentLength), humanBytes(limit), ErrFetchTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading the page: %w", u.Redacted(), classifyFetchError(err))
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: more than %s: %w", u.Redacted(), humanBytes(limit), ErrFetchTooLarge)
	}
	return &Page{Data: data, URL: resp.Request.URL.String(), MediaType: mt}, nil
}

// fetchableType reports the media types a posting can come in.
func fetchableType(mt string) bool {
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/json", "application/ld+json":
		return true
	}
	return false
}

// classifyFetchError wraps err with the ErrFetch error that says why.
func classifyFetchError(err error) error {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var rec tls.RecordHeaderError
	var unk x509.UnknownAuthorityError
	var host x509.HostnameError
	var inv x509.CertificateInvalidError
	var ne net.Error
	switch {
	case errors.Is(err, ErrFetchRedirects) || errors.Is(err, ErrFetchScheme):
		return err
	case errors.As(err, &dns):
		return fmt.Errorf("%w: %s", ErrFetchDNS, dns.Error())
	case errors.As(err, &cert) || errors.As(err, &rec) || errors.As(err, &unk) || errors.As(err, &host) || errors.As(err, &inv):
		return fmt.Errorf("%w: %v", ErrFetchTLS, err)
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return fmt.Errorf("%w: %v", ErrFetchTimeout, err)
	}
	return err
}
