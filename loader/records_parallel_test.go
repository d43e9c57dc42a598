package loader

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobdeck/jobdeck/model"
)

// genRecordsFile returns a JSON file of n records in the shapes of the
// job boards, whose nested values repeat across records as a board's do
// (offices, departments, pay ranges) while titles, URLs and dates vary;
// every 50th record is no posting.
func genRecordsFile(n int) []byte {
	var sb strings.Builder
	sb.WriteString(`{"meta": {"count": 1}, "jobs": [`)
	for i := range n {
		if i > 0 {
			sb.WriteString(",\n")
		}
		switch {
		case i%50 == 49:
			fmt.Fprintf(&sb, `{"notice": "legal %d", "id": %d}`, i, i)
		case i%3 == 0: // Greenhouse
			fmt.Fprintf(&sb, `{"id": %d, "title": "Backend Engineer \u00e9 %d \"Go\"", "absolute_url": "https://boards.greenhouse.io/orrery-labs/jobs/%d", `+
				`"location": {"name": "City %d"}, "updated_at": "2026-10-%02dT09:15:00-04:00", "first_published": "2026-09-%02dT08:00:00Z", `+
				`"departments": [{"id": %d, "name": "Dept %d"}], "offices": [{"id": 3, "name": "Office %d"}], `+
				`"pay_input_ranges": [{"min_cents": %d, "max_cents": 8500000, "currency_type": "EUR"}], "content": "&lt;p&gt;Run the ledger %d.&lt;/p&gt;"}`,
				i, i, i, i%7, 1+i%28, 1+i%27, i%5, i%5, i%4, 6000000+i%3*100000, i)
		case i%3 == 1: // Lever
			fmt.Fprintf(&sb, `{"text": "Designer %d", "hostedUrl": "https://jobs.lever.co/tallowmere/%d", "createdAt": %d, `+
				`"categories": {"location": "Remote, EU", "commitment": "Full-time", "team": "Team %d"}, "workplaceType": "remote", `+
				`"descriptionPlain": "Design %d.", "lists": [{"text": "You", "content": "<li>draw</li>"}], "salaryRange": {"min": 50000, "max": %d, "currency": "GBP", "interval": "per-year-salary"}}`,
				i, i, 1700000000000+int64(i)*60000, i%3, i, 60000+i%2*5000)
		default: // a scrape
			fmt.Fprintf(&sb, `{"job_title": "Analyst  %d", "company_name": "Acme %d", "job_url": "https://acme.example/jobs/%d?utm_source=x", `+
				`"location": "Oslo, Norway", "date_posted": "2026-08-%02d", "min_amount": %d, "max_amount": "90000", "currency": "NOK", "interval": "yearly", `+
				`"skills": "go, sql, #k8s", "job_type": "engineering", "description": "Numbers %d."}`,
				i, i%6, i, 1+i%28, 50000+i%4*1000, i)
		}
	}
	sb.WriteString("]}")
	return []byte(sb.String())
}

// streamPostings loads fsys and returns its postings in the order they
// were delivered.
func streamPostings(t *testing.T, ctx context.Context, fsys fs.FS, opts Options) []*model.Posting {
	t.Helper()
	var got []*model.Posting
	for b := range Stream(ctx, []Source{{FS: fsys, Root: "."}}, opts) {
		got = append(got, b.Postings...)
		for _, s := range b.Skipped {
			t.Logf("skipped %s: %s", s.Path, s.Reason)
		}
	}
	return got
}

// TestRecordsParallelSameAsSequential checks that a file's records,
// parsed on several goroutines with their memos, give exactly the
// postings, in file order, that parsing each record alone in order gives.
func TestRecordsParallelSameAsSequential(t *testing.T) {
	data := genRecordsFile(3000)
	fsys := fstest.MapFS{"jobs.json": {Data: data}}
	for _, keep := range []bool{false, true} {
		var want []*model.Posting
		var raws [][]byte
		err := jsonRecords(bytes.NewReader(data), func(i int, _ int64, raw []byte) bool {
			if p := jsonRecordPosting(raw, nil, keep, DefaultMaxBody); p != nil {
				p.Path = fmt.Sprintf("jobs.json#%d", i)
				p.SourcePath = p.Path
				want = append(want, p)
				raws = append(raws, bytes.Clone(raw))
			}
			return true
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != 2940 {
			t.Fatalf("the reference read %d postings, want 2940", len(want))
		}
		for _, workers := range []int{1, 4} {
			got := streamPostings(t, context.Background(), fsys, Options{Workers: workers, KeepBodies: keep, BatchSize: 100})
			if len(got) != len(want) {
				t.Fatalf("keep %v, %d workers: %d postings, want %d", keep, workers, len(got), len(want))
			}
			for i, p := range got {
				rf, ok := p.Source.(*recordFile)
				if !ok {
					t.Fatalf("%s: source %T", p.Path, p.Source)
				}
				if b, err := rf.bytes(); err != nil || !bytes.Equal(b, raws[i]) {
					t.Errorf("%s: source serves %.80q (%v), want %.80q", p.Path, b, err, raws[i])
				}
				q := *p
				q.Source = nil
				if !reflect.DeepEqual(&q, want[i]) {
					t.Fatalf("keep %v, %d workers, posting %d:\n got %+v\nwant %+v", keep, workers, i, &q, want[i])
				}
			}
		}
	}
}

// readCountFS counts the bytes read through it, from any goroutine, 64 KiB
// at most a read.
type readCountFS struct {
	fstest.MapFS
	read atomic.Int64
}

func (c *readCountFS) Open(name string) (fs.File, error) {
	f, err := c.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &readCountFile{File: f, c: c}, nil
}

type readCountFile struct {
	fs.File
	c *readCountFS
}

func (f *readCountFile) Read(b []byte) (int, error) {
	n, err := f.File.Read(b[:min(len(b), 64<<10)])
	f.c.read.Add(int64(n))
	if err == nil && n == 0 {
		err = io.EOF
	}
	return n, err
}

// TestRecordsParallelCancel checks that cancelling a load while a big
// JSON file is read stops it: its reader, scanner and parsers end, and
// the rest of the file is not read.
func TestRecordsParallelCancel(t *testing.T) {
	data := genRecordsFile(60000)
	before := runtime.NumGoroutine()
	fsys := &readCountFS{MapFS: fstest.MapFS{"jobs.json": {Data: data}}}
	ctx, cancel := context.WithCancel(context.Background())
	ch := Stream(ctx, []Source{{FS: fsys, Root: "."}}, Options{Workers: 4, BatchSize: 64})
	first := <-ch
	if len(first.Postings) == 0 {
		t.Fatal("the first batch has no postings")
	}
	cancel()
	drainCancelled(t, ch)
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the cancelled load, %d before", n, before)
	}
	if n := fsys.read.Load(); n >= int64(len(data)) {
		t.Errorf("read all %d bytes of the file after cancel", n)
	}
}

// TestCSVRecordsStreamBeforeTheFileEnds checks that a big CSV streams as
// a JSON file does: its first postings arrive while the rest of the file
// has not been read yet, and then all of them, in file order, each as
// its row parsed alone gives it.
func TestCSVRecordsStreamBeforeTheFileEnds(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("\uFEFFJob Title,Company Name,Job Url,date_posted,min_amount,max_amount,currency\n")
	for i := range 20000 {
		fmt.Fprintf(&sb, "Engineer %d,\"Acme, Inc\",https://acme.example/jobs/%d,2026-08-%02d,%d,90000,USD\n", i, i, 1+i%28, 50000+i%3)
	}
	data := []byte(sb.String())
	g := &gatedFS{MapFS: fstest.MapFS{"jobs.csv": {Data: data}}, name: "jobs.csv", data: data, first: 600 << 10, gate: make(chan struct{})}
	ch := Stream(context.Background(), []Source{{FS: g, Root: "."}}, Options{})
	var got []*model.Posting
	select {
	case b := <-ch:
		got = b.Postings
	case <-time.After(10 * time.Second):
		t.Fatal("no batch while the file is still being read")
	}
	if len(got) == 0 {
		t.Fatal("first batch has no postings")
	}
	close(g.gate)
	for b := range ch {
		got = append(got, b.Postings...)
	}
	if len(got) != 20000 {
		t.Fatalf("%d postings, want 20000", len(got))
	}
	var want []*model.Posting
	err := csvRecords(bytes.NewReader(data), nil, func(i int, _, _ int64, _ *csvHeader, rec map[string]any) bool {
		p := mapRecordPosting(rec, nil, false, DefaultMaxBody, csvIdentity(rec))
		p.Path = fmt.Sprintf("jobs.csv#%d", i)
		p.SourcePath = p.Path
		want = append(want, p)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range got {
		q := *p
		q.Source = nil
		if !reflect.DeepEqual(&q, want[i]) {
			t.Fatalf("posting %d:\n got %+v\nwant %+v", i, &q, want[i])
		}
	}
}
