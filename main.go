// Command jobdeck is a keyboard-driven terminal browser for job postings.
//
//	jobdeck [flags] [PATH...]          open the browser
//	jobdeck list [flags] [PATH...]     print postings, one a line (or JSON Lines)
//	jobdeck export [flags] [PATH...]   write the shortlist as markdown, CSV or JSON
//	jobdeck cache info|clear           show or remove the parse cache
//
// main.go only parses flags, wires the packages together and picks exit codes.
package main

import (
	"bufio"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/ui"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

//go:embed all:testdata/demo
var demoFiles embed.FS

// version is set at build time with -ldflags "-X main.version=..."; otherwise
// the module version from the build info is used.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// common holds the flags every command takes.
type common struct {
	demo    bool
	state   string
	noCache bool
	help    bool
	version bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.demo, "demo", false, "use the built-in demo postings instead of PATHs")
	fs.StringVar(&c.state, "state", "", "state `FILE` for tags, shortlist and notes (default $JOBDECK_STATE or $XDG_DATA_HOME/jobdeck/state.json)")
	fs.BoolVar(&c.noCache, "no-cache", false, "read and parse every file; neither use nor update the parse cache")
	fs.BoolVar(&c.help, "help", false, "show help")
	fs.BoolVar(&c.help, "h", false, "show help")
	fs.BoolVar(&c.version, "version", false, "print the version")
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return runList(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "cache":
			return runCache(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage)
			return exitOK
		}
	}
	return runBrowse(args, stdout, stderr)
}

const usage = `jobdeck — a terminal browser for job postings

Usage:
  jobdeck [flags] [PATH...]           open the browser on the postings in PATHs (default: .)
  jobdeck list [flags] [PATH...]      print the postings, one a line
  jobdeck export [flags] [PATH...]    write the shortlist (or a selection) as md, csv or json
  jobdeck cache info                  where the parse cache is, its size and entries
  jobdeck cache clear                 remove the parse cache

Flags for every command:
  --demo            use the built-in demo postings instead of PATHs
  --state FILE      state file for tags, shortlist and notes
                    (default $JOBDECK_STATE, else $XDG_DATA_HOME/jobdeck/state.json)
  --no-cache        read and parse every file, without the parse cache
                    ($XDG_CACHE_HOME/jobdeck, else ~/.cache/jobdeck)
  -h, --help        show this help
  --version         print the version

Browser flags:
  --style STYLE     auto, dark, light or notty (default auto; NO_COLOR turns colour off)

list flags:
  --json            JSON Lines: one object a posting, with its markdown body
  --query Q         only postings matching Q, ranked as the browser ranks them
  --sort ORDER      newest, oldest, company or title (default newest)
  --shortlist       only shortlisted postings
  --tag NAME        only postings with the tag NAME

export flags:
  --format FORMAT   md, csv or json (default md)
  --output FILE     write to FILE instead of stdout; never overwrites without --force
  --force           allow --output to replace an existing file
  --tag NAME        export the postings tagged NAME instead of the shortlist
  --all             export every posting

Exit codes: 0 success, 1 failure, 2 usage error.
`

// newFlagSet returns a flag set that reports errors instead of exiting and
// prints the usage text for -h.
func newFlagSet(name string, stderr io.Writer, c *common) *flag.FlagSet {
	f := flag.NewFlagSet(name, flag.ContinueOnError)
	f.SetOutput(io.Discard)
	c.register(f)
	return f
}

// parse parses args into f, printing a one-line error for bad usage. It
// returns the PATHs and the exit code to return right away, or -1 to go on.
func parse(f *flag.FlagSet, c *common, args []string, stdout, stderr io.Writer) ([]string, int) {
	paths, err := parseInterspersed(f, args)
	switch {
	case errors.Is(err, flag.ErrHelp) || (err == nil && c.help):
		fmt.Fprint(stdout, usage)
		return nil, exitOK
	case err != nil:
		fmt.Fprintf(stderr, "jobdeck: %v (see jobdeck --help)\n", err)
		return nil, exitUsage
	case c.version:
		fmt.Fprintln(stdout, "jobdeck", versionString())
		return nil, exitOK
	}
	return paths, -1
}

func runBrowse(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("jobdeck", stderr, &c)
	style := f.String("style", "auto", "")
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	switch *style {
	case "auto", "dark", "light", "notty":
	default:
		fmt.Fprintf(stderr, "jobdeck: --style must be auto, dark, light or notty, not %q\n", *style)
		return exitUsage
	}
	srcs, err := sources(c.demo, paths)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	limitMemory()
	store, storeErr := openStore(c.state)
	if store == nil {
		return fail(stderr, exitFailure, storeErr)
	}
	if storeErr != nil { // also said in the browser; this stays in the scrollback
		fmt.Fprintf(stderr, "jobdeck: warning: %v\n", storeErr)
	}
	opts, pc := loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	m := ui.New(ui.Config{
		Sources:  srcs,
		Loader:   opts,
		Style:    *style,
		NoColor:  os.Getenv("NO_COLOR") != "",
		Store:    store,
		StoreErr: storeErr,
	})
	if _, err := tea.NewProgram(m).Run(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	return exitOK
}

// browserMemoryLimit is the soft heap limit of the browser. Parsing 100k
// files makes garbage fast, and with the default GOGC the heap peaks at about
// twice the ~90 MB of postings the browser keeps; near the limit the
// collector works harder, which keeps the peak RSS of a 100k-posting folder
// well under 250 MB.
const browserMemoryLimit = 180 << 20

// limitMemory sets browserMemoryLimit unless the user chose a limit with
// GOMEMLIMIT. It runs once, before the program starts.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(browserMemoryLimit)
	}
}

// fail prints err as jobdeck's one-line error and returns code.
func fail(stderr io.Writer, code int, err error) int {
	fmt.Fprintf(stderr, "jobdeck: %v\n", err)
	return code
}

// prepare resolves the sources and opens the state store for list and
// export. A store that opened read-only is only a warning there: they never
// write it. It returns the exit code to stop with, or -1 to go on.
func prepare(c common, paths []string, stderr io.Writer) ([]loader.Source, *model.Store, int) {
	srcs, err := sources(c.demo, paths)
	if err != nil {
		return nil, nil, fail(stderr, exitUsage, err)
	}
	store, err := openStore(c.state)
	if store == nil {
		return nil, nil, fail(stderr, exitFailure, err)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jobdeck: warning: %v\n", err)
	}
	return srcs, store, -1
}

// openStore opens the state file named by --state, $JOBDECK_STATE or the
// default. A store that is unusable for writing still comes back (read-only)
// with its error; a nil store means not even that.
func openStore(flagPath string) (*model.Store, error) {
	p := flagPath
	if p == "" {
		var err error
		if p, err = model.DefaultStatePath(); err != nil {
			return nil, err
		}
	}
	return model.OpenStore(p)
}

// load reads all postings of srcs with opts, reporting skips on
// skipped.
func load(ctx context.Context, srcs []loader.Source, opts loader.Options, skipped io.Writer) ([]*model.Posting, int, error) {
	ps, skips, err := loader.Load(ctx, srcs, opts)
	for _, s := range skips {
		fmt.Fprintf(skipped, "skipped %s: %s\n", s.Path, s.Reason)
	}
	return ps, len(skips), err
}

// loaderOptions returns the load options of a command: with the parse
// cache unless --no-cache or --demo (whose files are built in). A cache
// folder that cannot be found is said in one line on stderr and the load
// goes on without it. The caller closes the cache with closeCache.
func loaderOptions(c common, stderr io.Writer) (loader.Options, *cache.Cache) {
	opts := loader.Options{}
	if c.noCache || c.demo {
		return opts, nil
	}
	dir, err := cache.DefaultDir()
	if err != nil {
		fmt.Fprintf(stderr, "jobdeck: cache: %v; loading without it\n", err)
		return opts, nil
	}
	pc := cache.Open(dir, loader.CacheStamp(opts), nil)
	opts.Cache = pc
	return opts, pc
}

// closeCache closes the parse cache (writing what it learnt) and prints
// its problem, if any, in one line on stderr.
func closeCache(pc *cache.Cache, stderr io.Writer) {
	if pc == nil {
		return
	}
	if p := pc.Close(); p != "" {
		fmt.Fprintf(stderr, "jobdeck: cache: %s\n", p)
	}
}

func runList(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("list", stderr, &c)
	asJSON := f.Bool("json", false, "")
	query := f.String("query", "", "")
	sortName := f.String("sort", "newest", "")
	shortlist := f.Bool("shortlist", false, "")
	tag := f.String("tag", "", "")
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	sort, err := model.ParseSortOrder(*sortName)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	srcs, store, code := prepare(c, paths, stderr)
	if code >= 0 {
		return code
	}
	q := model.ParseQuery(*query)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, pc := loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	ps, skipped, err := load(ctx, srcs, opts, stderr)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	files := skipped
	for _, p := range ps {
		files += len(p.AllPaths())
	}

	coll := model.NewCollection()
	coll.Add(ps...)
	res, err := model.Filter(ctx, coll.Snapshot(), q, sort, store, nil)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	shown := make([]*model.Posting, res.Len())
	for i := range shown {
		shown[i] = res.Posting(i)
	}
	if *shortlist || *tag != "" {
		shown = model.SelectPostings(shown, store, model.Selection{Tag: *tag})
	}

	w := bufio.NewWriterSize(stdout, 64<<10)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		err = loader.ReadBodies(ctx, shown, loader.DefaultMaxBody, 0, func(i int, body string, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "jobdeck: %s: reading body: %v\n", shown[i].Path, err)
			}
			return enc.Encode(model.NewRecord(shown[i], body))
		})
	} else {
		for _, p := range shown {
			fmt.Fprintln(w, p.Line())
		}
	}
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	fmt.Fprintf(stderr, "loaded %d postings from %d files (%d skipped)\n", len(ps), files, skipped)
	return exitOK
}

func runExport(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("export", stderr, &c)
	format := f.String("format", "md", "")
	output := f.String("output", "", "")
	force := f.Bool("force", false, "")
	tag := f.String("tag", "", "")
	all := f.Bool("all", false, "")
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	fmtv, err := model.ParseFormat(*format)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	srcs, store, code := prepare(c, paths, stderr)
	if code >= 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, pc := loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	ps, _, err := load(ctx, srcs, opts, io.Discard)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	sel := model.Selection{All: *all, Tag: *tag}
	items := model.SelectForExport(ps, store, sel)
	x := model.Exporter{
		Format:   fmtv,
		Title:    sel.Title(),
		Now:      time.Now(),
		ReadBody: func(p *model.Posting) (string, error) { return loader.Body(p, loader.DefaultMaxBody) },
	}
	if *output != "" {
		if err := model.ExportToFile(*output, *force, x, items); err != nil {
			return fail(stderr, exitFailure, err)
		}
		fmt.Fprintf(stderr, "exported %d postings to %s\n", len(items), *output)
		return exitOK
	}
	w := bufio.NewWriter(stdout)
	if err := x.Write(w, items); err != nil {
		return fail(stderr, exitFailure, err)
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	return exitOK
}

// runCache runs `jobdeck cache info` and `jobdeck cache clear`.
func runCache(args []string, stdout, stderr io.Writer) int {
	f := flag.NewFlagSet("cache", flag.ContinueOnError)
	f.SetOutput(io.Discard)
	help := f.Bool("help", false, "")
	f.BoolVar(help, "h", false, "")
	if err := f.Parse(args); errors.Is(err, flag.ErrHelp) || (err == nil && *help) {
		fmt.Fprint(stdout, usage)
		return exitOK
	} else if err != nil {
		return fail(stderr, exitUsage, fmt.Errorf("%v (see jobdeck --help)", err))
	}
	if f.NArg() != 1 || (f.Arg(0) != "info" && f.Arg(0) != "clear") {
		return fail(stderr, exitUsage, errors.New("cache takes info or clear (see jobdeck --help)"))
	}
	dir, err := cache.DefaultDir()
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	if f.Arg(0) == "clear" {
		n, err := cache.Clear(dir)
		if err != nil {
			return fail(stderr, exitFailure, fmt.Errorf("clearing the cache: %w", err))
		}
		fmt.Fprintf(stdout, "removed %d cache files from %s\n", n, dir)
		return exitOK
	}
	info, err := cache.Describe(dir)
	if err != nil {
		return fail(stderr, exitFailure, fmt.Errorf("reading the cache: %w", err))
	}
	printCacheInfo(stdout, info, loader.CacheStamp(loader.Options{}))
	return exitOK
}

// printCacheInfo writes what `jobdeck cache info` says: the folder, its
// size, its entries (one a file parsed), and one line per source folder
// (marked when written by another version, which the next load of that
// folder rebuilds).
func printCacheInfo(w io.Writer, info cache.Info, stamp string) {
	fmt.Fprintf(w, "cache:   %s\n", info.Dir)
	fmt.Fprintf(w, "size:    %s in %s\n", humanSize(info.Bytes), plural(len(info.Files)+info.Damaged, "file"))
	fmt.Fprintf(w, "entries: %d (files parsed) from %s\n", info.Entries(), plural(len(info.Files), "folder"))
	for _, fi := range info.Files {
		note := ""
		if fi.Stamp != stamp {
			note = " (another jobdeck version: rebuilt on its next load)"
		}
		fmt.Fprintf(w, "  %s: %d entries, %s%s\n", fi.Root, fi.Entries, humanSize(fi.Bytes), note)
	}
	if info.Damaged > 0 {
		fmt.Fprintf(w, "damaged: %s (rebuilt on their next load; jobdeck cache clear removes them)\n", plural(info.Damaged, "file"))
	}
}

// humanSize formats n bytes as "812 B", "4.2 kB" or "21.3 MB".
func humanSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1e6:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// plural is "1 file", "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// parseInterspersed parses flags that may come before or after the PATHs, as
// users expect from `jobdeck list DIR --json`. "--" ends the flags.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return paths, nil
		}
		if rest[0] == "--" || (len(args) > len(rest) && args[len(args)-len(rest)-1] == "--") {
			if rest[0] == "--" {
				rest = rest[1:]
			}
			return append(paths, rest...), nil
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
}

// sources turns the PATH arguments (or --demo) into loader sources.
func sources(demo bool, paths []string) ([]loader.Source, error) {
	if demo {
		if len(paths) > 0 {
			return nil, fmt.Errorf("--demo takes no PATH (got %q)", paths[0])
		}
		sub, err := fs.Sub(demoFiles, "testdata/demo")
		if err != nil {
			return nil, err
		}
		return []loader.Source{{FS: sub, Root: ".", Name: "demo"}}, nil
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return loader.SourcesFromPaths(paths)
}

func versionString() string {
	if version != "" {
		return version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionFrom(bi)
}

// versionFrom describes a build from its build info: the module version
// when it was installed as a module, else the commit, its date and
// "modified" when built from a checkout with changes; "(devel)" alone
// when the build carries no version control stamp (go run, -buildvcs=false).
func versionFrom(bi *debug.BuildInfo) string {
	if bi == nil {
		return "(devel)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	if v != "(devel)" {
		return v
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	out := v + " " + rev[:min(len(rev), 12)]
	if at != "" {
		out += " " + at
	}
	if modified {
		out += " (modified)"
	}
	return out
}
