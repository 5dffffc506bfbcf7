package copilot

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
)

// SimilarAnswer is what similar-incident search returns: the ranked incidents and,
// when part of the answer could not be had, a note that says which.
type SimilarAnswer struct {
	Results []SearchResult
	// Note says what the answer lacks, e.g. that the tracker did not answer and
	// open fixes are not shown.
	Note string
}

// Open-fix lookups ask the tracker about the tickets of past incidents while a
// responder waits for similar incidents: they get a short budget, their answers
// are kept for a while (a fix does not close every minute), and a tracker that
// failed is not asked again for a little while, so an outage of the tracker does
// not slow every search.
const (
	fixLookupTimeout = 2 * time.Second
	fixCacheTTL      = 5 * time.Minute
	fixRetryAfter    = 30 * time.Second
	fixLookupWorkers = 4
	fixCacheMax      = 4096
)

// NoteTrackerDown is the note of an answer whose open fixes could not be looked up.
const NoteTrackerDown = "The ticket tracker did not answer in time; open fixes of past incidents are not shown."

// fixCache remembers what the tracker said of ticket keys, per process.
type fixCache struct {
	mu        sync.Mutex
	entries   map[string]fixEntry
	downUntil time.Time
	// timeout and now are the defaults unless a test sets them.
	timeout time.Duration
	now     func() time.Time
}

type fixEntry struct {
	ticket TrackedTicket
	known  bool // the tracker knows the key (not ENOTFOUND or not one of its keys)
	at     time.Time
}

func (fc *fixCache) clock() time.Time {
	if fc.now != nil {
		return fc.now()
	}
	return time.Now()
}

// Similar finds past incidents like a stored incident or a text, as Memory.Search
// does, and marks the fixes of each that are still open in the tracker
// (SearchResult.OpenFixes): "this happened before, and its fix PAY-881 is still
// open". The tracker never fails a search: when it is slow or down the results
// come without open fixes and with a Note.
//
// Errors: those of Memory.Search (EINVALID, ENOTFOUND, EUNAVAILABLE).
func (c *Copilot) Similar(ctx context.Context, q SearchQuery) (*SimilarAnswer, error) {
	results, err := c.Memory.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	ans := &SimilarAnswer{Results: results}
	if c.Tracker != nil && len(results) > 0 {
		ans.Note = c.addOpenFixes(ctx, results, q.Filter.IncludePrivate)
	}
	return ans, nil
}

// addOpenFixes fills OpenFixes of each result and returns a note when the tracker
// (or the incidents' tickets) could not be read.
func (c *Copilot) addOpenFixes(ctx context.Context, results []SearchResult, includePrivate bool) string {
	keys, err := c.fixKeys(ctx, results, includePrivate)
	if err != nil {
		return "The past incidents' tickets could not be read; open fixes are not shown."
	}
	known, complete := c.lookUpTickets(ctx, keys)
	for i := range results {
		for _, k := range keys[results[i].IncidentID] {
			if e, ok := known[k]; ok && e.known && !e.ticket.Done {
				results[i].OpenFixes = append(results[i].OpenFixes, e.ticket)
			}
		}
	}
	if !complete {
		return NoteTrackerDown
	}
	return ""
}

// fixKeys lists, per result, the keys of its fixes: the tickets cited in its
// transcript and those filed from the copilot.
func (c *Copilot) fixKeys(ctx context.Context, results []SearchResult, includePrivate bool) (map[string][]string, error) {
	ids := make([]string, len(results))
	for i, r := range results {
		ids[i] = r.IncidentID
	}
	incs, err := c.Memory.FindIncidentsByIDs(ctx, ids, includePrivate)
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	add := func(id, key string) {
		if key != "" && !strings.Contains(key, "/") && !slices.Contains(out[id], key) {
			out[id] = append(out[id], key)
		}
	}
	for _, inc := range incs {
		for _, t := range inc.Tickets {
			add(inc.ID, t.Key)
		}
		if c.Ledger != nil {
			recs, err := c.Ledger.FollowUpTickets(ctx, inc.ID)
			if err != nil {
				return nil, err
			}
			for _, r := range recs {
				add(inc.ID, r.Key)
			}
		}
		sort.Strings(out[inc.ID])
	}
	return out, nil
}

// lookUpTickets answers what the tracker says of every key, from the cache where
// it can. complete is false when some key could not be looked up.
func (c *Copilot) lookUpTickets(ctx context.Context, keys map[string][]string) (map[string]fixEntry, bool) {
	fc := &c.fixes
	now := fc.clock()
	out := map[string]fixEntry{}
	var todo []string
	fc.mu.Lock()
	for _, ks := range keys {
		for _, k := range ks {
			if _, seen := out[k]; seen {
				continue
			}
			if e, ok := fc.entries[k]; ok && now.Sub(e.at) < fixCacheTTL {
				out[k] = e
			} else if !slices.Contains(todo, k) {
				todo = append(todo, k)
			}
		}
	}
	down := now.Before(fc.downUntil)
	timeout := fc.timeout
	fc.mu.Unlock()
	if len(todo) == 0 {
		return out, true
	}
	if down {
		return out, false
	}
	if timeout <= 0 {
		timeout = fixLookupTimeout
	}
	lctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	type answer struct {
		key   string
		entry fixEntry
		err   error
	}
	jobs := make(chan string)
	answers := make(chan answer, len(todo))
	var wg sync.WaitGroup
	for range min(fixLookupWorkers, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				t, err := c.Tracker.Ticket(lctx, k)
				switch ErrorCode(err) {
				case "":
					answers <- answer{key: k, entry: fixEntry{ticket: t, known: true}}
				case ENOTFOUND, EINVALID:
					// Not a ticket of this tracker (another tracker's key, or gone).
					answers <- answer{key: k, entry: fixEntry{}}
				default:
					answers <- answer{key: k, err: err}
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, k := range todo {
			select {
			case jobs <- k:
			case <-lctx.Done():
				return
			}
		}
	}()
	// Wait for the answers or the budget, whichever ends first; a lookup still
	// running after the budget is abandoned (its context is cancelled).
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-lctx.Done():
	}
	complete := true
	got := 0
	fc.mu.Lock()
	defer fc.mu.Unlock()
	if fc.entries == nil || len(fc.entries) > fixCacheMax {
		fc.entries = map[string]fixEntry{}
	}
	for more := true; more; {
		select {
		case a := <-answers:
			got++
			if a.err != nil {
				complete = false
				continue
			}
			a.entry.at = now
			fc.entries[a.key] = a.entry
			out[a.key] = a.entry
		default:
			more = false
		}
	}
	if got < len(todo) {
		complete = false
	}
	if !complete {
		fc.downUntil = now.Add(fixRetryAfter)
	}
	return out, complete
}

// OpenFixNote is the sentence a responder reads under a similar incident whose
// fixes are still open, or "".
func (r SearchResult) OpenFixNote() string {
	if len(r.OpenFixes) == 0 {
		return ""
	}
	keys := make([]string, len(r.OpenFixes))
	for i, t := range r.OpenFixes {
		keys[i] = t.Key
	}
	if len(keys) == 1 {
		return fmt.Sprintf("This happened before (%s), and its fix %s is still open.", r.IncidentID, keys[0])
	}
	return fmt.Sprintf("This happened before (%s), and its fixes %s are still open.", r.IncidentID, strings.Join(keys, ", "))
}
