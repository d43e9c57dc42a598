// Command jobdeck is a keyboard-driven terminal browser for job postings.
//
//	jobdeck [flags] [PATH...]          open the browser
//	jobdeck list [flags] [PATH...]     print postings, one a line (or JSON Lines)
//	jobdeck export [flags] [PATH...]   write the shortlist as markdown, CSV or JSON
//	jobdeck stats [flags] [PATH...]    sum up the job search
//	jobdeck due [flags] [PATH...]      print the follow-ups due
//	jobdeck config path|init|check     where the config file is, write one, check it
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
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/loader/cache"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/config"
	"github.com/jobdeck/jobdeck/model/seen"
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
	demo      bool
	state     string
	config    string
	followAll bool
	noCache   bool
	help      bool
	version   bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.demo, "demo", false, "use the built-in demo postings instead of PATHs")
	fs.StringVar(&c.state, "state", "", "state `FILE` for tags, shortlist and notes (default $JOBDECK_STATE or $XDG_DATA_HOME/jobdeck/state.json)")
	fs.StringVar(&c.config, "config", "", "config `FILE` (default $JOBDECK_CONFIG or $XDG_CONFIG_HOME/jobdeck/config.toml)")
	fs.BoolVar(&c.followAll, "follow-all", false, "follow every symlink to a folder")
	fs.BoolVar(&c.noCache, "no-cache", false, "read and parse every file; neither use nor update the parse cache")
	fs.BoolVar(&c.help, "help", false, "show help")
	fs.BoolVar(&c.help, "h", false, "show help")
	fs.BoolVar(&c.version, "version", false, "print the version")
}

// check rejects flag values that parse but make no sense: an empty
// --state would silently mean the default file.
func (c *common) check(f *flag.FlagSet) error {
	var err error
	f.Visit(func(fl *flag.Flag) {
		if fl.Name == "state" && c.state == "" {
			err = errors.New("--state needs a file name, not an empty string (leave it out for the default)")
		}
	})
	return err
}

func run(args []string, stdout, stderr io.Writer) int {
	gov := startGovernor()
	defer gov.stop()
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return runList(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "stats":
			return runStats(args[1:], stdout, stderr)
		case "due":
			return runDue(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
		case "add":
			return runAdd(args[1:], os.Stdin, stdout, stderr, nil)
		case "cache":
			return runCache(args[1:], stdout, stderr)
		case "help":
			fmt.Fprint(stdout, usage)
			return exitOK
		}
	}
	return runBrowse(args, stdout, stderr, gov)
}

const usage = `jobdeck — a terminal browser for job postings

Usage:
  jobdeck [flags] [PATH...]           open the browser on the postings in PATHs (default: .)
  jobdeck list [flags] [PATH...]      print the postings, one a line
  jobdeck export [flags] [PATH...]    write the shortlist (or a selection) as md, csv or json
  jobdeck add [flags] [FILE|URL|-]    take a posting in as a markdown file (- reads stdin)
  jobdeck stats [flags] [PATH...]     postings per stage, applications per week, response rate
  jobdeck due [flags] [PATH...]       the follow-ups due today or earlier, one a line
                                      (exit 0 when there is one, 1 when none)
  jobdeck config path                 print where the config file is
  jobdeck config init                 write a commented config file (never over one)
  jobdeck config check                print the config file's problems; exit 1 if any

With no PATH, jobdeck, list and export open the config file's paths (else .).
  jobdeck cache info                  where the parse cache is, its size and entries
  jobdeck cache clear                 remove the parse cache

Flags for every command:
  --demo            use the built-in demo postings instead of PATHs
  --state FILE      state file for tags, shortlist, notes and stages
                    (default $JOBDECK_STATE, else $XDG_DATA_HOME/jobdeck/state.json)
  --config FILE     config file (default $JOBDECK_CONFIG, else
                    $XDG_CONFIG_HOME/jobdeck/config.toml)
  --follow-all      also follow symlinks to folders on another file system,
                    to / or to a folder holding the PATH
  --no-cache        read and parse every file, without the parse cache
                    ($XDG_CACHE_HOME/jobdeck, else ~/.cache/jobdeck); also
                    turns off the full-text index and what is new
  -h, --help        show this help
  --version         print the version

Browser flags:
  --style STYLE     auto, dark, light or notty (default: the config's, else auto;
                    NO_COLOR turns colour off)
  --since AGE       is:new and the rows' new label mean first seen in the last
                    AGE (12h, 3d, 2w) instead of since the previous launch

list flags:
  --json            JSON Lines: one object a posting, with its markdown body
  --query Q         only postings matching Q, ranked as the browser ranks them
  --sort ORDER      newest, oldest, company, title, stage, follow-up or salary
                    (default: the config's, else newest)
  --shortlist       only shortlisted postings
  --tag NAME        only postings with the tag NAME
  --stage NAME      only postings in the stage NAME (a prefix will do: interv)
  --due             only postings whose follow-up is due today or earlier
  --new             only postings first seen since the previous launch (or
                    --since); records these as seen
  --since AGE       with --new or is:new: first seen in the last AGE (12h, 3d, 2w)

export flags:
  --format FORMAT   md, csv or json (default md)
  --output FILE     write to FILE instead of stdout; never overwrites without --force
  --force           allow --output to replace an existing file
  --tag NAME        export the postings tagged NAME instead of the shortlist
  --stage NAME      export the postings in the stage NAME instead of the shortlist
  --due             export the postings whose follow-up is due instead of the shortlist
  --all             export every posting

stats flags:
  --json            print the numbers as one JSON object

stats and due read only the state file unless PATHs (or --demo) are given;
then they take only the postings found there.

add flags:
  --to DIR          write the posting into DIR (default: the config's inbox, else
                    the first of the config's paths, else the current folder)
  --dry-run         print what would be written, write nothing

Exit codes: 0 success, 1 failure (due: nothing is due), 2 usage error.
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
	if err == nil {
		err = c.check(f)
	}
	switch {
	case errors.Is(err, flag.ErrHelp) || (err == nil && c.help):
		fmt.Fprint(stdout, usage)
		return nil, exitOK
	case err != nil:
		fmt.Fprintf(stderr, "jobdeck: %s (see jobdeck --help)\n", loader.SafePath(err.Error()))
		return nil, exitUsage
	case c.version:
		fmt.Fprintln(stdout, "jobdeck", versionString())
		return nil, exitOK
	}
	return paths, -1
}

func runBrowse(args []string, stdout, stderr io.Writer, gov *governor) int {
	var c common
	f := newFlagSet("jobdeck", stderr, &c)
	style := f.String("style", "auto", "")
	sinceFlag := f.String("since", "", "")
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
	set := loadSettings(c.config, stderr)
	if !isSet(f, "style") {
		*style = set.cfg.Theme.Style
	}
	srcs, err := sources(c.demo, set.paths(c.demo, paths))
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	now := time.Now()
	since, err := parseSince(*sinceFlag, now)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	path, err := statePath(c.state)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	store := model.NewStore(path) // the browser loads it off the first frame
	opts, pc := set.loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	text, index, closeIndex := browserTextIndex(c, set.paths(c.demo, paths), opts.MaxBody, stderr)
	defer closeIndex() // after the program: cancels a sync still running
	var seenLog ui.SeenLog
	if seenWanted(c) {
		seenLog = openSeenLater(func() (*seen.Log, error) { return openSeenLog(set.paths(c.demo, paths), now, since) })
	}
	m := ui.New(ui.Config{
		Sources: srcs,
		Loader:  opts,
		Style:   *style,
		NoColor: os.Getenv("NO_COLOR") != "",
		Store:   store,
		Prefs:   set.prefs(),
		Suspend: suspendSelf,
		AddDir:  set.addDir(),
		Text:    text,
		Index:   index,
		Seen:    seenLog,

		Searches:     set.savedSearches(stderr),
		SaveSearches: set.saveSearches(),

		Loaded: loadingWith(gov, srcs),
	})
	// lipgloss detected the terminal's colors when it was initialised, from
	// the same output and environment the program would detect them from
	// again: inside tmux each detection runs "tmux info", tens of
	// milliseconds before the first frame.
	p := tea.NewProgram(m, tea.WithoutSignalHandler(), tea.WithColorProfile(lipgloss.Writer.Profile))
	relay := startSignalRelay(p)
	_, err = p.Run()
	sig := relay.stop()
	if roErr := store.ReadOnly(); roErr != nil && !errors.Is(roErr, model.ErrLoading) {
		warn(stderr, roErr) // also said in the browser; this stays in the scrollback
	}
	if sig != nil {
		return signalExit(sig)
	}
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	return exitOK
}

// loadingWith tells gov that the browser loads srcs (see governor.load)
// and returns what the browser calls once it has; nil, telling nothing,
// when there is nothing to load: the browser then never calls it.
func loadingWith(gov *governor, srcs []loader.Source) func() {
	if len(srcs) == 0 {
		return nil
	}
	return gov.load()
}

// fail prints err as jobdeck's one-line error and returns code. The text
// is escaped (loader.SafePath): it may name a file.
func fail(stderr io.Writer, code int, err error) int {
	fmt.Fprintf(stderr, "jobdeck: %s\n", loader.SafePath(err.Error()))
	return code
}

// warn prints err as jobdeck's one-line warning, escaped as fail does.
func warn(stderr io.Writer, err error) {
	fmt.Fprintf(stderr, "jobdeck: warning: %s\n", loader.SafePath(err.Error()))
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
		warn(stderr, err)
	}
	return srcs, store, -1
}

// openStore opens the state file named by --state, $JOBDECK_STATE or the
// default. A store that is unusable for writing still comes back (read-only)
// with its error; a nil store means not even that.
func openStore(flagPath string) (*model.Store, error) {
	p, err := statePath(flagPath)
	if err != nil {
		return nil, err
	}
	return model.OpenStore(p)
}

// statePath returns the state file named by --state, else $JOBDECK_STATE
// or the default (see model.DefaultStatePath).
func statePath(flagPath string) (string, error) {
	if flagPath != "" {
		return flagPath, nil
	}
	return model.DefaultStatePath()
}

// load reads all postings of srcs, reporting skips on stderr.
func load(ctx context.Context, srcs []loader.Source, opts loader.Options, stderr io.Writer) ([]*model.Posting, []loader.Skip, error) {
	ps, skips, err := loader.Load(ctx, srcs, opts)
	for _, s := range skips {
		fmt.Fprintf(stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	return ps, skips, err
}

// loaderOptions returns the load options of a command: what the flags c
// and the config file ask for, with the parse cache unless --no-cache or
// --demo (whose files are built in). A cache
// folder that cannot be found is said in one line on stderr and the load
// goes on without it. The caller closes the cache with closeCache.
func (s settings) loaderOptions(c common, stderr io.Writer) (loader.Options, *cache.Cache) {
	opts := loader.Options{FollowAll: c.followAll, Aliases: s.aliases}
	if c.noCache || c.demo {
		return opts, nil
	}
	dir, err := cache.DefaultDir()
	if err != nil {
		fmt.Fprintf(stderr, "jobdeck: cache: %s; loading without it\n", loader.SafePath(err.Error()))
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
		fmt.Fprintf(stderr, "jobdeck: cache: %s\n", loader.SafePath(p))
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
	onlyNew := f.Bool("new", false, "")
	searchName := f.String("search", "", "")
	sinceFlag := f.String("since", "", "")
	var track trackFlags
	track.register(f)
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	now := time.Now()
	since, err := parseSince(*sinceFlag, now)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	sort, err := model.ParseSortOrder(*sortName)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	sel, err := track.selection(*tag)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	set := loadSettings(c.config, stderr)
	if !isSet(f, "sort") {
		sort = set.cfg.Sort
	}
	srcs, store, code := prepare(c, set.paths(c.demo, paths), stderr)
	if code >= 0 {
		return code
	}
	if isSet(f, "search") {
		saved, err := set.findSearch(*searchName, stderr)
		if err != nil {
			return fail(stderr, exitUsage, err)
		}
		*query = strings.TrimSpace(saved + " " + *query)
	}
	q := model.ParseQuery(*query)
	if q.Err != nil {
		return fail(stderr, exitUsage, fmt.Errorf("--query %q: %w", *query, q.Err))
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, pc := set.loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	ps, skipped, err := load(ctx, srcs, opts, stderr)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	files := loader.CountFiles(ps, skipped)
	tx, text, err := listTextIndex(ctx, c, set.paths(c.demo, paths), q, ps, stderr)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	defer closeTextIndex(tx, stderr)

	var ann model.Annotations = store
	if *onlyNew || queriesNew(q) {
		log := openSeen(c, set.paths(c.demo, paths), now, since, stderr)
		if log == nil {
			return fail(stderr, exitFailure, errors.New("--new and is:new need the cache folder (not --no-cache or --demo)"))
		}
		ann = model.WithNew(store, log)
		if *onlyNew {
			q.Terms = append(q.Terms, model.Term{Scope: model.ScopeNew})
		}
		defer recordSeen(log, ps, stderr) // after the filter: what it found stays new
	}

	if text != nil && q.HasText() {
		if q, err = q.WithTextHits(ctx, text); err != nil {
			return fail(stderr, exitFailure, err)
		}
	}
	coll := model.NewCollectionOf(ps)
	res, err := model.Filter(ctx, coll.Snapshot(), q, sort, ann, nil)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	shown := make([]*model.Posting, res.Len())
	for i := range shown {
		shown[i] = res.Posting(i)
	}
	if *shortlist || sel != (model.Selection{}) {
		shown = model.SelectPostings(shown, store, sel)
	}

	w := bufio.NewWriterSize(stdout, 64<<10)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		err = loader.ReadBodies(ctx, shown, loader.DefaultMaxBody, 0, func(i int, body string, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "jobdeck: %s: reading body: %s\n", shown[i].Path, loader.SafePath(err.Error()))
			}
			return enc.Encode(model.NewRecord(shown[i], body))
		})
	} else {
		var line []byte
		for _, p := range shown {
			line = append(p.AppendLine(line[:0]), '\n')
			if _, err = w.Write(line); err != nil {
				break
			}
		}
	}
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	fmt.Fprintf(stderr, "loaded %d postings from %d files (%d skipped)\n", len(ps), files, len(skipped))
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
	var track trackFlags
	track.register(f)
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	fmtv, err := model.ParseFormat(*format)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	sel, err := track.selection(*tag)
	if err != nil {
		return fail(stderr, exitUsage, err)
	}
	sel.All = *all
	set := loadSettings(c.config, stderr)
	srcs, store, code := prepare(c, set.paths(c.demo, paths), stderr)
	if code >= 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, pc := set.loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	ps, _, err := load(ctx, srcs, opts, io.Discard)
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
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
		fmt.Fprintf(stderr, "exported %d postings to %s\n", len(items), loader.SafePath(*output))
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

// trackFlags are the --stage and --due flags of list and export.
type trackFlags struct {
	stage string
	due   bool
}

func (t *trackFlags) register(f *flag.FlagSet) {
	f.StringVar(&t.stage, "stage", "", "")
	f.BoolVar(&t.due, "due", false, "")
}

// selection returns the selection the flags and --tag name, as of now.
func (t trackFlags) selection(tag string) (model.Selection, error) {
	sel := model.Selection{Tag: tag, Due: t.due}
	if t.due {
		sel.Now = time.Now()
	}
	if t.stage != "" {
		st, err := model.ParseStage(t.stage)
		if err == nil && st == model.StageNone {
			err = errors.New("--stage takes a stage, not none")
		}
		if err != nil {
			return sel, fmt.Errorf("--stage: %w", err)
		}
		sel.Stage = st
	}
	return sel, nil
}

// parseTracked parses the command line of stats or due with f, then
// returns the entries they work on (see [trackedEntries]); or the exit
// code to stop with (help, a bad flag, an unreadable state file), else -1.
func parseTracked(f *flag.FlagSet, c *common, args []string, stdout, stderr io.Writer) (map[string]model.Entry, int) {
	paths, code := parse(f, c, args, stdout, stderr)
	if code >= 0 {
		return nil, code
	}
	return trackedEntries(*c, paths, stderr)
}

// trackedEntries opens the state file and returns the entries stats and
// due work on: all of them, or with PATHs (or --demo) only those of the
// postings found there. It returns the exit code to stop with, or -1.
func trackedEntries(c common, paths []string, stderr io.Writer) (map[string]model.Entry, int) {
	if !c.demo && len(paths) == 0 {
		store, err := openStore(c.state)
		if store == nil {
			return nil, fail(stderr, exitFailure, err)
		}
		if err != nil {
			warn(stderr, err)
		}
		return model.TrackedEntries(nil, store), -1
	}
	set := loadSettings(c.config, stderr) // its field aliases give the postings their IDs
	srcs, store, code := prepare(c, paths, stderr)
	if code >= 0 {
		return nil, code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opts, pc := set.loaderOptions(c, stderr)
	defer closeCache(pc, stderr)
	ps, _, err := load(ctx, srcs, opts, io.Discard)
	if err != nil {
		return nil, fail(stderr, exitFailure, err)
	}
	if ps == nil {
		ps = []*model.Posting{}
	}
	return model.TrackedEntries(ps, store), -1
}

func runStats(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("stats", stderr, &c)
	asJSON := f.Bool("json", false, "")
	entries, code := parseTracked(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	st := model.ComputeStats(entries, time.Now())
	w := bufio.NewWriter(stdout)
	var err error
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(st)
	} else {
		err = model.WriteStatsText(w, st)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	return exitOK
}

func runDue(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("due", stderr, &c)
	entries, code := parseTracked(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	due := model.DueFollowUps(entries, time.Now())
	w := bufio.NewWriter(stdout)
	for _, d := range due {
		fmt.Fprintln(w, d.Line())
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	if len(due) == 0 {
		return exitFailure
	}
	return exitOK
}

// isSet reports whether the flag name was given on the command line.
func isSet(f *flag.FlagSet, name string) bool {
	set := false
	f.Visit(func(fl *flag.Flag) { set = set || fl.Name == name })
	return set
}

// settings are the config file's, checked: the keymap is rebound, the
// [fields] table made loader aliases, and probs are every problem of the
// file and of its keys, by line (the aliases' last: they have none).
type settings struct {
	cfg     config.Config
	keys    keymap.KeyMap
	aliases loader.FieldAliases
	probs   []config.Problem
	path    string // the config file's ("" when none could be named)
}

// configEnv is what the config package needs from the process.
func configEnv() config.Env { return config.Env{Getenv: os.Getenv, Home: os.UserHomeDir} }

// readSettings reads and checks the config file at path (named: the user
// chose it).
func readSettings(path string, named bool) settings {
	cfg, probs := config.Load(path, named, configEnv())
	keys := keymap.DefaultKeyMap()
	for _, e := range keys.Rebind(cfg.KeyMap()) {
		probs = append(probs, cfg.KeyProblem(path, e.Action, e))
	}
	slices.SortStableFunc(probs, func(a, b config.Problem) int { return a.Line - b.Line })
	// The config checked the field names; what the loader still refuses (a
	// key listed for two fields) is left out, the other aliases kept.
	aliases, err := loader.NewFieldAliases(cfg.Fields)
	if err != nil {
		probs = append(probs, config.Problem{File: path, Key: "fields", Msg: strings.TrimPrefix(err.Error(), "loader: "), Kind: err})
	}
	return settings{cfg: cfg, keys: keys, aliases: aliases, probs: probs}
}

// loadSettings reads the config file named by --config, $JOBDECK_CONFIG or
// the default, and says its problems on stderr: the commands run anyway,
// with the defaults for what is wrong.
func loadSettings(flagPath string, stderr io.Writer) settings {
	path, named, err := config.Path(flagPath, configEnv())
	set := settings{cfg: config.Default(), keys: keymap.DefaultKeyMap()}
	if err == nil {
		set = readSettings(path, named)
		set.path = path
	} else {
		set.probs = []config.Problem{{Msg: err.Error(), Kind: err}}
	}
	for _, p := range set.probs {
		warn(stderr, fmt.Errorf("config: %w", p))
	}
	return set
}

// addDir is the folder `jobdeck add` writes to without --to: the
// config's inbox, else the first of its paths (the folder of a file),
// else the current folder.
func (s settings) addDir() string {
	switch {
	case s.cfg.Inbox != "":
		return s.cfg.Inbox
	case len(s.cfg.Paths) > 0:
		if fi, err := os.Stat(s.cfg.Paths[0]); err == nil && !fi.IsDir() {
			return filepath.Dir(s.cfg.Paths[0])
		}
		return s.cfg.Paths[0]
	}
	return "."
}

// paths returns the PATH arguments, or the config's paths when there are
// none (nil, the current folder, when the config has none either) and
// the postings are not the demo's.
func (s settings) paths(demo bool, args []string) []string {
	if demo || len(args) > 0 {
		return args
	}
	return s.cfg.Paths
}

// prefs returns the browser's share of the settings.
func (s settings) prefs() ui.Prefs {
	t := s.cfg.Theme
	p := ui.Prefs{
		Keys:          &s.keys,
		Sort:          s.cfg.Sort,
		ListShare:     s.cfg.ListWidth,
		AbsoluteDates: s.cfg.DateFormat == config.DateAbsolute,
		Colors:        ui.Colors{Accent: t.Accent, Dim: t.Dim, Label: t.Label, Tags: t.Tags, Stages: byStage(t.Stages)},
		Glamour:       t.GlamourStyle,
		FollowUps:     byStage(s.cfg.Stages),
	}
	if t.Glamour != "auto" {
		p.GlamourName = t.Glamour
	}
	if n := len(s.probs); n > 0 {
		first := s.probs[0]
		if first.File != "" {
			first.File = filepath.Base(first.File) // the status line is short; stderr has the path
		}
		p.Notice = first.Error()
		if n > 1 {
			p.Notice += fmt.Sprintf(" (and %d more: jobdeck config check)", n-1)
		}
	}
	return p
}

// runConfig runs `jobdeck config path|init|check`.
func runConfig(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("config", stderr, &c)
	rest, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	if len(rest) != 1 || !slices.Contains([]string{"path", "init", "check"}, rest[0]) {
		fmt.Fprintln(stderr, "jobdeck: config takes one of path, init or check (see jobdeck --help)")
		return exitUsage
	}
	path, named, err := config.Path(c.config, configEnv())
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	switch rest[0] {
	case "path":
		fmt.Fprintln(stdout, path)
	case "init":
		if err := config.WriteNew(path, config.Template(actionDocs())); err != nil {
			return fail(stderr, exitFailure, err)
		}
		fmt.Fprintf(stdout, "wrote %s\n", path)
	case "check":
		set := readSettings(path, named)
		for _, p := range set.probs {
			fmt.Fprintln(stdout, p)
		}
		if len(set.probs) > 0 {
			return exitFailure
		}
		if _, err := os.Stat(path); err != nil {
			fmt.Fprintf(stdout, "ok (no config file at %s: the defaults; jobdeck config init writes one)\n", path)
			return exitOK
		}
		fmt.Fprintln(stdout, "ok")
	}
	return exitOK
}

// actionDocs lists the keymap's actions for the commented default.
func actionDocs() []config.ActionDoc {
	var out []config.ActionDoc
	for _, a := range keymap.Actions() {
		out = append(out, config.ActionDoc{Name: a.Name, Keys: a.Keys, Help: a.Help})
	}
	return out
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
	fmt.Fprintf(w, "entries: %d (files parsed and folders read) from %s\n", info.Entries(), plural(len(info.Files), "folder"))
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

// runAdd is `jobdeck add`; client fetches URLs (nil: loader's default,
// with its timeout).
func runAdd(args []string, stdin io.Reader, stdout, stderr io.Writer, client *http.Client) int {
	var c common
	f := newFlagSet("add", stderr, &c)
	to := f.String("to", "", "")
	dry := f.Bool("dry-run", false, "")
	inputs, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	switch {
	case len(inputs) > 1:
		return fail(stderr, exitUsage, fmt.Errorf("add takes one FILE, URL or - (got %d)", len(inputs)))
	case len(inputs) == 0:
		inputs = []string{"-"}
	}
	set := loadSettings(c.config, stderr)
	inbox := false // the config's inbox, made when missing
	if !isSet(f, "to") {
		*to = set.addDir()
		inbox = *to == set.cfg.Inbox
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	a := loader.Adder{Fetcher: loader.Fetcher{Client: client}, Stdin: stdin, Aliases: set.aliases}
	p, err := a.Read(ctx, inputs[0])
	if err != nil {
		return fail(stderr, exitFailure, err)
	}
	now := time.Now()
	var where string
	if *dry {
		where = "would write " + loader.SafePath(filepath.Join(*to, loader.AddName(p, now)))
	} else {
		if inbox {
			if err := os.MkdirAll(*to, 0o755); err != nil {
				return fail(stderr, exitFailure, err)
			}
		}
		path, err := loader.WriteAdded(*to, p, now)
		if err != nil {
			return fail(stderr, exitFailure, err)
		}
		where = "added " + loader.SafePath(path)
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, where)
	for _, kv := range [][2]string{{"title", p.Title}, {"company", p.Company}, {"location", p.Location},
		{"date", dateOnly(p.Date)}, {"url", p.URL}, {"apply_url", p.ApplyURL}, {"salary", p.Salary},
		{"type", p.EmploymentType}, {"keywords", strings.Join(p.Keywords, ", ")}} {
		if kv[1] != "" {
			fmt.Fprintf(w, "  %-9s %s\n", kv[0]+":", kv[1])
		}
	}
	for _, warn := range p.Warnings() {
		fmt.Fprintf(w, "  warning:  %s\n", warn)
	}
	if err := w.Flush(); err != nil {
		return fail(stderr, exitFailure, err)
	}
	return exitOK
}

// dateOnly is t as YYYY-MM-DD, or "" when unknown.
func dateOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// byStage turns a table of the config keyed by stage name ([stages],
// [theme.stages]) into one keyed by stage; the config checked the names.
func byStage[V any](by map[string]V) map[model.Stage]V {
	out := make(map[model.Stage]V, len(by))
	for name, v := range by {
		if st, err := model.ParseStage(name); err == nil && st != model.StageNone {
			out[st] = v
		}
	}
	return out
}
