package ui

import (
	"context"
	"time"

	"github.com/jobdeck/jobdeck/loader"
	"github.com/jobdeck/jobdeck/model"
)

// Config is what main.go tells the browser.
type Config struct {
	Sources []loader.Source
	Loader  loader.Options
	Style   string // "auto" (default, from the terminal background), "dark", "light", "notty"
	NoColor bool   // NO_COLOR is set: no colour at all
	// Store holds the user's tags, shortlist and notes; nil: none (the
	// s, t, n, L and x keys stay off). A store from model.NewStore that is
	// not loaded yet is loaded by a Cmd from Init: the postings show
	// meanwhile, and s, t, n, L and x say the state file is still loading.
	// StoreErr is what model.OpenStore returned with a loaded store:
	// non-nil means the store runs read-only, and the status line says why
	// (as it does for an error of the Load that Init runs).
	Store    *model.Store
	StoreErr error
	// ExportDir is the folder `x` writes the shortlist to ("" means ".").
	ExportDir string
	// AddDir is the folder `A` writes the postings it adds to, made when
	// missing; "" turns the key off.
	AddDir string
	// Fetcher fetches the URLs `A` is given (as `jobdeck add` does).
	Fetcher loader.Fetcher
	// Prefs are the user's settings from the config file.
	Prefs Prefs
	// Index brings the full-text index behind Text in step with the
	// postings, in the background once they are loaded; nil: no index.
	Index IndexFunc
	// Seen remembers when each posting was first seen (is:new, the rows'
	// new label); nil: none.
	Seen SeenLog
	// Searches are the saved searches (' picks one, 1–9 recall the first
	// nine); SaveSearches writes them all after ctrl+s saved one (nil:
	// saved searches last the session).
	Searches     []SavedSearch
	SaveSearches SaveSearchesFunc
	// Suspend stops the process for ctrl+z (main releases the terminal
	// first); nil means Bubble Tea's tea.Suspend.
	Suspend func()
	// Loaded, when set, is called once the last batch of the load from
	// Sources was added (from a Cmd, off Update), whether the load ended
	// or failed; it is not called when there are no Sources.
	Loaded func()
	// Text answers the query's quoted (full-text) terms; nil: none, and a
	// quoted term says full-text search is off. While it answers
	// model.ErrIndexNotReady the browser keeps its last result; send
	// [TextIndexReadyMsg] when the index becomes ready to run the query.
	Text model.TextSearcher
}

// New returns the browser for cfg. Nothing is read until the program runs
// Init, which starts streaming postings from cfg.Sources; bodies the loader
// dropped are read again with loader.Body when shown.
func New(cfg Config) *Model {
	m := newModel(cfg.Style, cfg.NoColor)
	m.applyPrefs(cfg.Prefs)
	m.c.suspend = cfg.Suspend
	m.c.text = cfg.Text
	m.index.sync = cfg.Index
	m.c.seen = cfg.Seen
	m.c.searches, m.c.saveSearches = cfg.Searches, cfg.SaveSearches
	if len(cfg.Sources) > 0 {
		ctx, cancel := context.WithCancel(context.Background())
		m.load = loadStream{stream: streamSources(ctx, cfg.Sources, cfg.Loader), cancel: cancel, loaded: cfg.Loaded}
	}
	maxBody := cfg.Loader.MaxBody
	m.c.read = func(p *model.Posting) (string, error) {
		if p.Body != "" || p.Source == nil {
			return p.Body, nil
		}
		return loader.Body(p, maxBody)
	}
	addOpts := cfg.Loader
	addOpts.Cache = nil // one file read back: the parse cache keeps the load's folders
	m.add = adding{dir: cfg.AddDir, adder: loader.Adder{Fetcher: cfg.Fetcher, Aliases: cfg.Loader.Aliases}, opts: addOpts}
	m.initState(cfg)
	return m
}

// streamSources starts the loader and converts its batches for Update.
// Batches that arrive while Update has not taken the last one yet, or
// within batchEvery of it, are joined into one message (see
// [batchMsg.join]): a folder read from the parse cache streams in a batch
// of a thousand postings every few milliseconds, faster than Update and
// View take them, and each message costs an Update and a View whatever
// its size.
func streamSources(ctx context.Context, sources []loader.Source, opts loader.Options) <-chan batchMsg {
	return joinBatches(ctx, loader.Stream(ctx, sources, opts), batchEvery)
}

// batchEvery is the least time between two messages of a load (the last
// one excepted, which goes as soon as Update takes it): 40 a second keep
// the count on the status line moving while the load costs ~30 Views, not
// one per folder of the stream (~100 at 100k postings). A load that has
// run longer waits longer (see [batchPace]).
const batchEvery = 25 * time.Millisecond

// maxBatchEvery bounds how long a long load waits between two messages:
// ten a second still move the count on the status line.
const maxBatchEvery = 100 * time.Millisecond

// batchPace is the least time between two messages of a load that has run
// for elapsed: every, or a fifth of elapsed up to maxBatchEvery when that
// is longer. Each message costs an Update and a View whatever its size,
// and once the first rows show, a message every 25 ms for the seconds a
// million postings take was ~200 Views beside the loader on two cores.
// An every of 0 never waits.
func batchPace(every, elapsed time.Duration) time.Duration {
	if every <= 0 {
		return 0
	}
	return max(every, min(elapsed/5, maxBatchEvery))
}

// joinBatches converts the batches of in for Update, joining those that
// arrive before the last one was taken or less than batchPace(every, the
// time since the load began) after it was; the last batch of in (Done)
// goes without waiting for that. The channel
// is closed after the last batch of in, or when ctx ends.
func joinBatches(ctx context.Context, in <-chan loader.Batch, every time.Duration) <-chan batchMsg {
	out := make(chan batchMsg)
	start := time.Now()
	go func() {
		defer close(out)
		var pending batchMsg
		have := false
		var wait <-chan time.Time // set while every has not passed since the last message
		for in != nil || have {
			var send chan<- batchMsg
			if have && (wait == nil || pending.done || in == nil) {
				send = out
			}
			select {
			case b, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				if have {
					pending.join(toBatchMsg(b))
				} else {
					pending, have = toBatchMsg(b), true
				}
			case send <- pending:
				pending, have = batchMsg{}, false
				if d := batchPace(every, time.Since(start)); d > 0 {
					wait = time.After(d)
				}
			case <-wait:
				wait = nil
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// toBatchMsg is the message of the loader's batch b.
func toBatchMsg(b loader.Batch) batchMsg {
	msg := batchMsg{
		postings: b.Postings,
		progress: progress{Seen: b.Progress.Seen, Loaded: b.Progress.Loaded, Skipped: b.Progress.Skipped, Duplicates: b.Progress.Duplicates, Files: b.Progress.Files},
		done:     b.Done,
	}
	for _, mg := range b.Merges {
		msg.merges = append(msg.merges, merge{ID: mg.ID, Path: mg.Path, first: mg.First})
	}
	return msg
}
