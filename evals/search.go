package evals

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Similar-incident search is measured in four modes, each a different question a
// responder asks:
const (
	// ModeIncident: the query is a stored incident (copilot similar ID); a hit is
	// another incident of its family.
	ModeIncident = "incident"
	// ModeText: the query is free text a responder would type about the failure:
	// the labelled root cause when there is one, else the incident's title; a hit is
	// another incident of its family.
	ModeText = "text"
	// ModeEarly: the query is what a channel holds minutes after it opened, the
	// title (the alert) and the first earlyMessages messages; a hit is another
	// incident of its family.
	ModeEarly = "early"
	// ModeKnown: the query quotes the incident itself (its title, or a couple of
	// sentences from a third and from two thirds of the way through); a hit is
	// that incident ranked first.
	ModeKnown = "known"
)

// Modes lists the search modes in report order.
var Modes = []string{ModeIncident, ModeText, ModeEarly, ModeKnown}

// The store's search ablations, beside EngineHybrid: each ranks by one side alone.
const (
	EngineVector  = "vector"
	EngineLexical = "lexical"
)

// SearchEngines lists every ranking reported for similar incidents, in report order.
var SearchEngines = []string{EngineHybrid, EngineVector, EngineLexical, BaselineBM25, BaselineTFIDF}

// Per-mode metric names (ModeIncident keeps the older names above).
const (
	MetricSimilarTextMRR   = "similar.text.mrr"
	MetricSimilarTextHit3  = "similar.text.hit_at_3"
	MetricSimilarEarlyMRR  = "similar.early.mrr"
	MetricSimilarEarlyHit3 = "similar.early.hit_at_3"
	// MetricSimilarDistinctFirst counts the distinct incidents ranked first over
	// the by-incident queries: a hub (one report first for many queries) lowers it.
	MetricSimilarDistinctFirst = "similar.distinct_first"
)

// earlyMessages is how many opening messages an early-incident query holds;
// knownChars is how long a known-item passage grows (whole messages, at most
// knownMessages of them).
const (
	earlyMessages = 5
	knownChars    = 200
	knownMessages = 3
)

// isAblation reports whether engine names one side of the store's search alone.
func isAblation(engine string) bool { return engine == EngineVector || engine == EngineLexical }

// isReference reports whether engine is a yardstick (baseline or ablation) rather
// than the system itself.
func isReference(engine string) bool { return isBaseline(engine) || isAblation(engine) }

// freeText is the ModeText query of an incident.
func freeText(li *LabeledIncident) string {
	if li.Labels.RootCause != nil && strings.TrimSpace(li.Labels.RootCause.Text) != "" {
		return li.Labels.RootCause.Text
	}
	return li.Incident.Title
}

// earlyText is the ModeEarly query of an incident: its title and first messages,
// each as a chat message would say it (chatText), leaving out what is no message.
func earlyText(inc *copilot.Incident) string {
	table := slices.ContainsFunc(inc.Messages, isTimelineRow)
	parts := []string{inc.Title}
	for _, m := range inc.Messages {
		if len(parts) > earlyMessages {
			break
		}
		if t, ok := chatText(m, table); ok {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// isTimeline reports whether m is a block of a postmortem's timeline section.
func isTimeline(m copilot.Message) bool {
	return m.Kind == copilot.KindSection && strings.HasPrefix(strings.ToLower(m.UserName), "timeline")
}

// isTimelineRow reports whether m is a row of a postmortem's timeline table: cells
// joined by " | " (transcript.ReadPostmortem), the first a date or time.
func isTimelineRow(m copilot.Message) bool {
	first, _, row := strings.Cut(m.Text, " | ")
	return isTimeline(m) && row && isStamp(first)
}

// chatText is a message's text as a channel would hold it, false for a message no
// channel holds. A postmortem's timeline table (table: the incident has one) is its
// incident's messages written into rows: a row's first cell is the time the event
// happened, which a chat message carries as its ts, not in its words; and the
// paragraphs beside the table are notes on it (the time zone), not events. Other
// messages, a timeline written as a list among them, are kept as they are.
func chatText(m copilot.Message, table bool) (string, bool) {
	switch {
	case isTimelineRow(m):
		_, rest, _ := strings.Cut(m.Text, " | ")
		return rest, true
	case table && isTimeline(m) && !strings.Contains(m.Text, " | "):
		return "", false
	}
	return m.Text, true
}

// isStamp reports whether a table cell is a date or time ("2020-02-03 11:21",
// "2022-05-?? HH:mm", "09:00 - 11:00"): it holds a digit and no word of three letters.
func isStamp(cell string) bool {
	digit := false
	letters := 0
	for _, r := range cell {
		switch {
		case unicode.IsDigit(r):
			digit = true
			letters = 0
		case unicode.IsLetter(r):
			letters++
			if letters >= 3 {
				return false
			}
		default:
			letters = 0
		}
	}
	return digit
}

// knownQueries are the ModeKnown queries of an incident: its title, then passages
// starting a third and two thirds of the way through its messages, each whole
// messages until knownChars characters (at most knownMessages messages).
func knownQueries(inc *copilot.Incident) []string {
	qs := []string{inc.Title}
	n := len(inc.Messages)
	if n == 0 {
		return qs
	}
	seen := map[int]bool{}
	for _, at := range []int{n / 3, 2 * n / 3} {
		if seen[at] {
			continue
		}
		seen[at] = true
		var b strings.Builder
		for i := at; i < n && i < at+knownMessages && b.Len() < knownChars; i++ {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(inc.Messages[i].Text)
		}
		if len(contentTokens(b.String())) >= 3 {
			qs = append(qs, b.String())
		}
	}
	return qs
}

// FusedSearcher answers one query under several fusions of the same two search
// sides at once (postgres.Store.SearchFusions).
type FusedSearcher interface {
	SearchFusions(ctx context.Context, q copilot.SearchQuery, fusions []string) ([][]copilot.SearchResult, error)
}

// EachFusion is a RunOptions.SearchEach that answers every engine of fusionOf
// (engine -> the fusion it ranks by, "" for the store's own) from one search of s: the
// hybrid search and its ablations then cost one read of each side, not one each.
func EachFusion(s FusedSearcher, fusionOf map[string]string) func(context.Context, copilot.SearchQuery, []string) (map[string][]copilot.SearchResult, error) {
	return func(ctx context.Context, q copilot.SearchQuery, engines []string) (map[string][]copilot.SearchResult, error) {
		fusions := make([]string, len(engines))
		for i, e := range engines {
			f, ok := fusionOf[e]
			if !ok {
				return nil, fmt.Errorf("engine %q has no fusion", e)
			}
			fusions[i] = f
		}
		res, err := s.SearchFusions(ctx, q, fusions)
		if err != nil {
			return nil, err
		}
		out := make(map[string][]copilot.SearchResult, len(engines))
		for i, e := range engines {
			out[e] = res[i]
		}
		return out, nil
	}
}

// searchRankings holds, per mode and engine, one ranking per query.
type searchRankings map[string]map[string][]ranking

func (s searchRankings) add(mode, engine string, rk ranking) {
	if s[mode] == nil {
		s[mode] = map[string][]ranking{}
	}
	s[mode][engine] = append(s[mode][engine], rk)
}

// searchLimit is how many results each search asks for (the store's maximum).
const searchLimit = 50

// searchWorkers is how many incidents are measured at once. A search mostly waits
// for the database, so a few at a time keep its backends busy; the figures do not
// depend on it (every incident's outcome is merged in the incidents' order).
var searchWorkers = 4

// hits counts known-item queries and those that found their incident first.
type hits struct{ found, queries int }

// searchOutcome is what measuring one incident found.
type searchOutcome struct {
	rks     searchRankings
	known   map[string]map[string]*hits // engine -> dataset/split -> hits
	runbook *runbookScore
	misses  []Miss
}

func newSearchOutcome() *searchOutcome {
	return &searchOutcome{rks: searchRankings{}, known: map[string]map[string]*hits{}}
}

// eachAtOnce calls f(0) … f(n-1) on up to workers goroutines and returns the error
// of the lowest index that failed; after a failure no new index starts.
func eachAtOnce(ctx context.Context, n, workers int, f func(i int) error) error {
	errs := make([]error, n)
	var (
		next   atomic.Int64
		failed atomic.Bool
		wg     sync.WaitGroup
	)
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || failed.Load() || ctx.Err() != nil {
					return
				}
				if errs[i] = f(i); errs[i] != nil {
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return ctx.Err()
}

// measureSearch runs similar-incident search in every mode with its ablations and
// baselines, and runbooks (drafted from the by-incident hybrid results). Every
// dataset's incidents share one memory, but a query's answers are read within its
// own dataset (as a responder filters by team): a dataset is one organisation's
// history, its figures must not depend on which other datasets a run loads, and an
// incident of another dataset can never be a sibling anyway.
func (r *Report) measureSearch(ctx context.Context, o RunOptions, rec *recorder, pool []*copilot.Incident, datasetOf map[string]string, all []*LabeledIncident, tick func()) error {
	family := map[string]string{} // incident id -> dataset/family
	size := map[string]int{}
	for _, li := range all {
		f := li.Dataset + "/" + li.Labels.Family
		family[li.Incident.ID] = f
		size[f]++
	}
	byID := map[string]*copilot.Incident{}
	for _, inc := range pool {
		byID[inc.ID] = inc
	}
	searchers := map[string]Searcher{EngineHybrid: o.Search}
	engines := []string{EngineHybrid} // the store's rankings measured, hybrid first
	for _, e := range []string{EngineVector, EngineLexical} {
		if s := o.Ablations[e]; s != nil {
			searchers[e] = s
			engines = append(engines, e)
		}
	}
	ix := newLexicalIndex(pool)
	// others holds, per dataset, the incidents of the memory outside it.
	others := map[string][]string{}
	datasets := corpora(datasetOf)
	for _, inc := range pool {
		for _, c := range datasets {
			if datasetOf[inc.ID] != c {
				others[c] = append(others[c], inc.ID)
			}
		}
	}
	// fetch asks the engines es for their answers to q as every measured query asks:
	// private incidents included, the store's maximum of answers, all at once when
	// SearchEach can, and within the query incident's dataset: family labels are a
	// dataset's own. The other datasets' incidents are filtered out in the query, as
	// a responder filters by team, so an engine ranks the dataset's incidents as the
	// baselines do: read from the top searchLimit of the whole memory instead, a
	// sibling past the other datasets' best matches was lost (BENCHMARKS.md).
	fetch := func(li *LabeledIncident, es []string, q copilot.SearchQuery) (map[string][]copilot.SearchResult, error) {
		q.Filter.IncludePrivate = true
		q.Limit = searchLimit
		q.Filter.ExcludeIDs = append(slices.Clip(q.Filter.ExcludeIDs), others[li.Dataset]...)
		if o.SearchEach != nil {
			return o.SearchEach(ctx, q, es)
		}
		res := make(map[string][]copilot.SearchResult, len(es))
		for _, e := range es {
			r, err := searchers[e].Search(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e, err)
			}
			res[e] = r
		}
		return res, nil
	}
	// pick returns up to limit answers to q of the query incident's dataset, without
	// the query incident and what q excludes (the store leaves them out already; a
	// Searcher under test may not).
	pick := func(res []copilot.SearchResult, li *LabeledIncident, limit int, q copilot.SearchQuery) []string {
		ids := make([]string, 0, limit)
		for _, x := range res {
			if len(ids) == limit {
				break
			}
			if x.IncidentID != q.IncidentID && !slices.Contains(q.Filter.ExcludeIDs, x.IncidentID) && datasetOf[x.IncidentID] == li.Dataset {
				ids = append(ids, x.IncidentID)
			}
		}
		return ids
	}
	// search returns, per engine, up to limit answers to q of the query incident's
	// dataset.
	search := func(li *LabeledIncident, limit int, q copilot.SearchQuery) (map[string][]string, error) {
		res, err := fetch(li, engines, q)
		if err != nil {
			return nil, err
		}
		ids := make(map[string][]string, len(engines))
		for _, e := range engines {
			ids[e] = pick(res[e], li, limit, q)
		}
		return ids, nil
	}
	// baseline ranks the pool with a baseline, keeping the query's dataset.
	baseline := func(li *LabeledIncident, exclude string, terms map[string]bool, score func(int, map[string]bool) float64, limit int) []string {
		var ids []string
		for _, id := range ix.rank(exclude, terms, score, len(pool)) {
			if len(ids) == limit {
				break
			}
			if datasetOf[id] == li.Dataset {
				ids = append(ids, id)
			}
		}
		return ids
	}
	// measureOne runs every search of one incident and drafts its runbook. It keeps
	// what it finds in its own outcome: incidents are measured several at a time.
	measureOne := func(li *LabeledIncident) (*searchOutcome, error) {
		out := newSearchOutcome()
		rks, known := out.rks, out.known
		sp := li.Labels.SplitOf()
		id := li.Incident.ID
		// By incident: the ablations too when the incident has a sibling to find.
		byIncident := engines[:1]
		if size[family[id]] >= 2 {
			byIncident = engines
		}
		start := time.Now()
		hq := copilot.SearchQuery{IncidentID: id}
		answers, err := fetch(li, byIncident, hq)
		if err != nil {
			return nil, fmt.Errorf("similar %s: %w", id, err)
		}
		hybrid := answers[EngineHybrid]
		rec.time(copilot.CapSimilar, EngineHybrid, time.Since(start))
		tick()

		queries := map[string]string{ModeText: freeText(li), ModeEarly: earlyText(li.Incident)}
		if size[family[id]] >= 2 {
			for _, e := range engines {
				rks.add(ModeIncident, e, ranking{li, pick(answers[e], li, similarDepth, hq)})
			}
			whole := tokenSet(incidentText(li.Incident))
			rks.add(ModeIncident, BaselineBM25, ranking{li, baseline(li, id, whole, ix.bm25, similarDepth)})
			rks.add(ModeIncident, BaselineTFIDF, ranking{li, baseline(li, id, whole, ix.tfidf, similarDepth)})
			for _, mode := range []string{ModeText, ModeEarly} {
				q := queries[mode]
				ids, err := search(li, similarDepth, copilot.SearchQuery{Text: q, Filter: copilot.IncidentFilter{ExcludeIDs: []string{id}}})
				if err != nil {
					return nil, fmt.Errorf("search %s (%s): %w", id, mode, err)
				}
				for _, e := range engines {
					rks.add(mode, e, ranking{li, ids[e]})
				}
				terms := tokenSet(q)
				rks.add(mode, BaselineBM25, ranking{li, baseline(li, id, terms, ix.bm25, similarDepth)})
				rks.add(mode, BaselineTFIDF, ranking{li, baseline(li, id, terms, ix.tfidf, similarDepth)})
			}
		}

		// Known item: a responder quotes the incident and expects it first.
		for qi, q := range knownQueries(li.Incident) {
			firsts := map[string]string{}
			ids, err := search(li, 1, copilot.SearchQuery{Text: q})
			if err != nil {
				return nil, fmt.Errorf("search %s (known item): %w", id, err)
			}
			for e, x := range ids {
				if len(x) > 0 {
					firsts[e] = x[0]
				}
			}
			terms := tokenSet(q)
			for _, b := range []struct {
				name  string
				score func(int, map[string]bool) float64
			}{{BaselineBM25, ix.bm25}, {BaselineTFIDF, ix.tfidf}} {
				if ids := baseline(li, "", terms, b.score, 1); len(ids) > 0 {
					firsts[b.name] = ids[0]
				}
			}
			for _, e := range SearchEngines {
				if e != EngineHybrid && !isBaseline(e) && searchers[e] == nil {
					continue
				}
				if known[e] == nil {
					known[e] = map[string]*hits{}
				}
				for _, key := range []string{"/" + sp, li.Dataset + "/" + sp} {
					if known[e][key] == nil {
						known[e][key] = &hits{}
					}
					known[e][key].queries++
					if firsts[e] == id {
						known[e][key].found++
					}
				}
			}
			if firsts[EngineHybrid] != id {
				// Named, not quoted: a report must not carry an incident's text.
				what := "its title"
				if qi > 0 {
					what = fmt.Sprintf("passage %d of its messages", qi)
				}
				out.misses = append(out.misses, Miss{Capability: copilot.CapSimilar, Split: sp, IncidentID: id, Score: 0.5,
					Detail: fmt.Sprintf("quoting %s does not find it first", what)})
			}
		}
		tick()

		// Runbook: drafted as the service drafts it, from the most similar incidents of
		// the query's own dataset (the by-incident search above): an organisation
		// drafts from its own history, and the figure must not depend on which other
		// datasets a run loads.
		memoryIDs := pick(hybrid, li, runbookK, hq)
		var similar []*copilot.Incident
		for _, sid := range memoryIDs {
			if inc := byID[sid]; inc != nil {
				similar = append(similar, inc)
			}
		}
		ans, err := rec.as(copilot.CapRunbook).Runbook(ctx, li.Incident, similar, nil)
		if err != nil {
			return nil, fmt.Errorf("runbook of %s: %w", id, err)
		}
		out.runbook = &runbookScore{datasetOf: datasetOf}
		var rbMisses Report
		out.runbook.add(li, ans.Steps, family, ix, &rbMisses)
		out.misses = append(out.misses, rbMisses.Misses...)
		tick()
		return out, nil
	}
	outs := make([]*searchOutcome, len(all))
	err := eachAtOnce(ctx, len(all), searchWorkers, func(i int) error {
		out, err := measureOne(all[i])
		outs[i] = out
		return err
	})
	if err != nil {
		return err
	}
	// Merged in the incidents' order, so the report is the one a sequential run makes.
	rks := searchRankings{}
	known := map[string]map[string]*hits{} // engine -> dataset/split -> hits
	runbooks := map[string]*runbookScore{}
	for i, out := range outs {
		for mode, byEngine := range out.rks {
			for e, rk := range byEngine {
				for _, x := range rk {
					rks.add(mode, e, x)
				}
			}
		}
		for e, byKey := range out.known {
			if known[e] == nil {
				known[e] = map[string]*hits{}
			}
			for key, h := range byKey {
				if known[e][key] == nil {
					known[e][key] = &hits{}
				}
				known[e][key].found += h.found
				known[e][key].queries += h.queries
			}
		}
		sp := all[i].Labels.SplitOf()
		if runbooks[sp] == nil {
			runbooks[sp] = &runbookScore{datasetOf: datasetOf}
		}
		runbooks[sp].merge(out.runbook)
		r.Misses = append(r.Misses, out.misses...)
	}
	for e, byKey := range known {
		for key, h := range byKey {
			ds, sp, _ := strings.Cut(key, "/")
			r.Add(Metric{Name: MetricSimilarKnownItem, Dataset: ds, Split: sp, Engine: e, Value: ratio(h.found, h.queries),
				Detail: fmt.Sprintf("%d/%d quotes (titles and passages) find their incident first", h.found, h.queries)})
		}
	}
	for sp, rb := range runbooks {
		eng := rec.engineOf(copilot.CapRunbook)
		if rb.goldSteps > 0 {
			r.Add(Metric{Name: MetricRunbookRecall5, Split: sp, Engine: eng, Value: ratio(rb.recalled, rb.goldSteps), Detail: fmt.Sprintf("%d/%d gold steps matched by a top-%d step (%d naming only the incident's own things left out)", rb.recalled, rb.goldSteps, runbookK, rb.ownOnly)})
		}
		r.Add(Metric{Name: MetricRunbookCoverage, Split: sp, Engine: eng, Value: ratio(rb.withSteps, rb.incidents), Detail: fmt.Sprintf("%d/%d incidents get at least one step", rb.withSteps, rb.incidents)})
		r.Add(Metric{Name: MetricRunbookFamily3, Split: sp, Engine: eng, Value: ratio(rb.sameFamily, rb.top3), Detail: fmt.Sprintf("%d/%d top-3 steps come from an incident of the same family (%d from another dataset, same only where it uses the same family name); %d/%d incidents get a step", rb.sameFamily, rb.top3, rb.otherDataset, rb.withSteps, rb.incidents)})
	}
	r.addRunbookCeilings(all, ix)
	for _, mode := range []string{ModeIncident, ModeText, ModeEarly} {
		for _, sys := range SearchEngines {
			r.addRankingMetrics(mode, sys, rks[mode][sys], family, size)
		}
	}
	r.Families = familyScores(rks[ModeIncident], family, size)
	return nil
}

// addRankingMetrics adds one mode's metrics of one engine, per split pooled over the
// datasets and per dataset.
func (r *Report) addRankingMetrics(mode, sys string, rankings []ranking, family map[string]string, size map[string]int) {
	type key struct{ dataset, split string }
	groups := map[key][]ranking{}
	var keys []key
	for _, rk := range rankings {
		sp := rk.query.Labels.SplitOf()
		for _, k := range []key{{"", sp}, {rk.query.Dataset, sp}} {
			if groups[k] == nil {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], rk)
		}
	}
	for _, k := range keys {
		var h1, h3, rr, ndcg float64
		firsts := map[string]bool{}
		for _, rk := range groups[k] {
			s := scoreRanking(rk, family, size)
			h1 += s.hit1
			h3 += s.hit3
			rr += s.rr
			ndcg += s.ndcg
			if len(rk.ids) > 0 {
				firsts[rk.ids[0]] = true
			}
			if k.dataset == "" && sys == EngineHybrid && s.hit3 == 0 && mode == ModeIncident {
				r.Misses = append(r.Misses, Miss{Capability: copilot.CapSimilar, Split: k.split, IncidentID: rk.query.Incident.ID, Score: 1 - s.rr,
					Detail: fmt.Sprintf("no %s incident in the top 3: %s", rk.query.Labels.Family, strings.Join(withFamilies(rk.ids[:min(3, len(rk.ids))], family), ", "))})
			}
		}
		n := float64(len(groups[k]))
		detail := fmt.Sprintf("%d queries with a sibling", len(groups[k]))
		add := func(name string, v float64, d string) {
			r.Add(Metric{Name: name, Dataset: k.dataset, Split: k.split, Engine: sys, Value: v, Detail: d})
		}
		switch mode {
		case ModeIncident:
			add(MetricSimilarHit1, h1/n, detail)
			add(MetricSimilarHit3, h3/n, detail)
			add(MetricSimilarMRR, rr/n, fmt.Sprintf("first sibling within the top %d", similarDepth))
			add(MetricSimilarNDCG5, ndcg/n, "binary relevance: same family")
			add(MetricSimilarDistinctFirst, float64(len(firsts)), fmt.Sprintf("distinct incidents ranked first over %d queries", len(groups[k])))
		case ModeText:
			add(MetricSimilarTextHit3, h3/n, detail+"; query: labelled root cause, else title")
			add(MetricSimilarTextMRR, rr/n, fmt.Sprintf("first sibling within the top %d", similarDepth))
		case ModeEarly:
			add(MetricSimilarEarlyHit3, h3/n, fmt.Sprintf("%s; query: title and first %d messages", detail, earlyMessages))
			add(MetricSimilarEarlyMRR, rr/n, fmt.Sprintf("first sibling within the top %d", similarDepth))
		}
	}
}

// modeMetrics names the MRR and hit@3 metrics of a mode ("" for ModeKnown's hit@3).
func modeMetrics(mode string) (mrr, hit3 string) {
	switch mode {
	case ModeIncident:
		return MetricSimilarMRR, MetricSimilarHit3
	case ModeText:
		return MetricSimilarTextMRR, MetricSimilarTextHit3
	case ModeEarly:
		return MetricSimilarEarlyMRR, MetricSimilarEarlyHit3
	}
	return MetricSimilarKnownItem, ""
}

// SimilarTable renders similar-incident search side by side: one row per dataset
// (then pooled), split and mode; one column per engine, "MRR / hit@3" (known item:
// share found first). The last column is the distinct first results of hybrid
// against TF-IDF, by incident.
func (r *Report) SimilarTable() [][]string {
	type rowKey struct{ dataset, split string }
	var keys []rowKey
	seen := map[rowKey]bool{}
	for _, m := range r.Metrics {
		if m.Capability() != copilot.CapSimilar {
			continue
		}
		k := rowKey{m.Dataset, m.Split}
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if (a.dataset == "") != (b.dataset == "") {
			return b.dataset == ""
		}
		if a.dataset != b.dataset {
			return a.dataset < b.dataset
		}
		return a.split < b.split
	})
	get := func(ds, sp, name, engine string) (float64, bool) {
		for _, m := range r.Metrics {
			if m.Name == name && m.Dataset == ds && m.Split == sp && m.Engine == engine {
				return m.Value, true
			}
		}
		return 0, false
	}
	head := []string{"DATASET", "SPLIT", "MODE"}
	for _, e := range SearchEngines {
		head = append(head, strings.ToUpper(e))
	}
	head = append(head, "DISTINCT FIRST")
	out := [][]string{head}
	for _, k := range keys {
		ds := k.dataset
		if ds == "" {
			ds = "pooled"
		}
		for _, mode := range Modes {
			mrr, hit3 := modeMetrics(mode)
			row := []string{ds, k.split, mode}
			any := false
			for _, e := range SearchEngines {
				v, ok := get(k.dataset, k.split, mrr, e)
				if !ok {
					row = append(row, "-")
					continue
				}
				any = true
				cell := fmt.Sprintf("%.3f", v)
				if h, ok := get(k.dataset, k.split, hit3, e); ok && hit3 != "" {
					cell += fmt.Sprintf(" / %.3f", h)
				}
				row = append(row, cell)
			}
			if !any {
				continue
			}
			distinct := ""
			if mode == ModeIncident {
				h, ok1 := get(k.dataset, k.split, MetricSimilarDistinctFirst, EngineHybrid)
				t, ok2 := get(k.dataset, k.split, MetricSimilarDistinctFirst, BaselineTFIDF)
				if ok1 && ok2 {
					distinct = fmt.Sprintf("%.0f vs tfidf %.0f", h, t)
				}
			}
			out = append(out, append(row, distinct))
		}
	}
	return out
}

// corpora are the distinct datasets of datasetOf, sorted.
func corpora(datasetOf map[string]string) []string {
	var out []string
	for _, d := range datasetOf {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}
