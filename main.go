// Command jobdeck is a keyboard-driven terminal browser for job postings.
//
//	jobdeck [flags] [PATH...]          open the browser
//	jobdeck list [flags] [PATH...]     print postings, one a line (or JSON Lines)
//	jobdeck export [flags] [PATH...]   write the shortlist as markdown, CSV or JSON
//	jobdeck stats [flags] [PATH...]    sum up the job search
//	jobdeck due [flags] [PATH...]      print the follow-ups due
//	jobdeck config path|init|check     where the config file is, write one, check it
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
	"path/filepath"
	"runtime/debug"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/jobdeck/jobdeck/keymap"
	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
	"github.com/jobdeck/jobdeck/model/config"
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
	config  string
	help    bool
	version bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.BoolVar(&c.demo, "demo", false, "use the built-in demo postings instead of PATHs")
	fs.StringVar(&c.state, "state", "", "state `FILE` for tags, shortlist and notes (default $JOBDECK_STATE or $XDG_DATA_HOME/jobdeck/state.json)")
	fs.StringVar(&c.config, "config", "", "config `FILE` (default $JOBDECK_CONFIG or $XDG_CONFIG_HOME/jobdeck/config.toml)")
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
		case "stats":
			return runStats(args[1:], stdout, stderr)
		case "due":
			return runDue(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
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
  jobdeck stats [flags] [PATH...]     postings per stage, applications per week, response rate
  jobdeck due [flags] [PATH...]       the follow-ups due today or earlier, one a line
                                      (exit 0 when there is one, 1 when none)
  jobdeck config path                 print where the config file is
  jobdeck config init                 write a commented config file (never over one)
  jobdeck config check                print the config file's problems; exit 1 if any

With no PATH, jobdeck, list and export open the config file's paths (else .).

Flags for every command:
  --demo            use the built-in demo postings instead of PATHs
  --state FILE      state file for tags, shortlist, notes and stages
                    (default $JOBDECK_STATE, else $XDG_DATA_HOME/jobdeck/state.json)
  --config FILE     config file (default $JOBDECK_CONFIG, else
                    $XDG_CONFIG_HOME/jobdeck/config.toml)
  -h, --help        show this help
  --version         print the version

Browser flags:
  --style STYLE     auto, dark, light or notty (default: the config's, else auto;
                    NO_COLOR turns colour off)

list flags:
  --json            JSON Lines: one object a posting, with its markdown body
  --query Q         only postings matching Q, ranked as the browser ranks them
  --sort ORDER      newest, oldest, company, title, stage or follow-up
                    (default: the config's, else newest)
  --shortlist       only shortlisted postings
  --tag NAME        only postings with the tag NAME
  --stage NAME      only postings in the stage NAME (a prefix will do: interv)
  --due             only postings whose follow-up is due today or earlier

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
	set := loadSettings(c.config, stderr)
	if !isSet(f, "style") {
		*style = set.cfg.Theme.Style
	}
	srcs, err := sources(c.demo, set.paths(c.demo, paths))
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
	m := ui.New(ui.Config{
		Sources:  srcs,
		Loader:   loader.Options{KeepBodies: false},
		Style:    *style,
		NoColor:  os.Getenv("NO_COLOR") != "",
		Store:    store,
		StoreErr: storeErr,
		Prefs:    set.prefs(),
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

// load reads all postings of srcs, reporting skips on stderr.
func load(ctx context.Context, srcs []loader.Source, stderr io.Writer) ([]*model.Posting, int, error) {
	ps, skips, err := loader.Load(ctx, srcs, loader.Options{})
	for _, s := range skips {
		fmt.Fprintf(stderr, "skipped %s: %s\n", s.Path, s.Reason)
	}
	return ps, len(skips), err
}

func runList(args []string, stdout, stderr io.Writer) int {
	var c common
	f := newFlagSet("list", stderr, &c)
	asJSON := f.Bool("json", false, "")
	query := f.String("query", "", "")
	sortName := f.String("sort", "newest", "")
	shortlist := f.Bool("shortlist", false, "")
	tag := f.String("tag", "", "")
	var track trackFlags
	track.register(f)
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
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
	q := model.ParseQuery(*query)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ps, skipped, err := load(ctx, srcs, stderr)
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
	if *shortlist || sel != (model.Selection{}) {
		shown = model.SelectPostings(shown, store, sel)
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
	srcs, store, code := prepare(c, loadSettings(c.config, stderr).paths(c.demo, paths), stderr)
	if code >= 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ps, _, err := load(ctx, srcs, io.Discard)
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
			fmt.Fprintf(stderr, "jobdeck: warning: %v\n", err)
		}
		return model.TrackedEntries(nil, store), -1
	}
	srcs, store, code := prepare(c, paths, stderr)
	if code >= 0 {
		return nil, code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ps, _, err := load(ctx, srcs, io.Discard)
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
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	entries, code := trackedEntries(c, paths, stderr)
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
	paths, code := parse(f, &c, args, stdout, stderr)
	if code >= 0 {
		return code
	}
	entries, code := trackedEntries(c, paths, stderr)
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

// settings are the config file's, checked: the keymap is rebound, and
// probs are every problem of the file and of its keys, by line.
type settings struct {
	cfg   config.Config
	keys  keymap.KeyMap
	probs []config.Problem
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
	return settings{cfg: cfg, keys: keys, probs: probs}
}

// loadSettings reads the config file named by --config, $JOBDECK_CONFIG or
// the default, and says its problems on stderr: the commands run anyway,
// with the defaults for what is wrong.
func loadSettings(flagPath string, stderr io.Writer) settings {
	path, named, err := config.Path(flagPath, configEnv())
	set := settings{cfg: config.Default(), keys: keymap.DefaultKeyMap()}
	if err == nil {
		set = readSettings(path, named)
	} else {
		set.probs = []config.Problem{{Msg: err.Error(), Kind: err}}
	}
	for _, p := range set.probs {
		fmt.Fprintf(stderr, "jobdeck: warning: config: %v\n", p)
	}
	return set
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
