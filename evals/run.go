package evals

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// EngineHybrid names the store's own search (vectors fused with lexical ranking) in
// similar-incident metrics.
const EngineHybrid = "hybrid"

// Similar-incident and runbook metric names.
const (
	MetricSimilarHit1      = "similar.hit_at_1"
	MetricSimilarHit3      = "similar.hit_at_3"
	MetricSimilarMRR       = "similar.mrr"
	MetricSimilarNDCG5     = "similar.ndcg_at_5"
	MetricSimilarKnownItem = "similar.known_item"
	MetricRunbookRecall5   = "runbook.gold_step_recall_at_5"
	MetricRunbookFamily3   = "runbook.same_family_top3"
	// MetricRunbookCoverage is the share of incidents that get any step: the
	// price of lending only from really similar incidents, held beside the share
	// of same-family steps so neither is bought with the other unseen.
	MetricRunbookCoverage = "runbook.incidents_with_steps"
	MetricDatasetSize     = "dataset.incidents"
)

// similarDepth is how deep rankings are read for MRR; stepMatchMin is the share of
// a gold runbook step's content tokens a drafted step must hold to recall it.
const (
	similarDepth = 10
	stepMatchMin = 0.5
	runbookK     = 5
)

// Searcher is the similar-incident search under evaluation; the store implements it
// once the corpora are ingested.
type Searcher interface {
	Search(ctx context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error)
}

// RunOptions configure Run.
type RunOptions struct {
	Engine copilot.Engine
	// Search, when set, measures similar incidents (with the baselines) and
	// runbooks, which draft from the similar incidents found.
	Search Searcher
	// Ablations, when set, are the same store ranking by one side alone
	// (EngineVector, EngineLexical), reported beside Search in every mode.
	Ablations map[string]Searcher
	// SearchEach, when set, answers one query for several of those engines at once
	// (EngineHybrid and ablations; EachFusion reads each side of the store's search
	// once for all of them). It must answer as Search and Ablations would, which
	// still say which engines are measured.
	SearchEach func(ctx context.Context, q copilot.SearchQuery, engines []string) (map[string][]copilot.SearchResult, error)
	// Progress is told how many items of how many are done.
	Progress func(done, total int)
}

// Run measures every capability on the corpora, each split on its own: labels
// without a split are dev. Similar-incident search and the baselines rank the
// union of the corpora (labelled or not) so that every query sees the same pool.
func Run(ctx context.Context, corpora []*Corpus, o RunOptions) (*Report, error) {
	r := &Report{Splits: map[string]int{}}
	var pool []*copilot.Incident
	datasetOf := map[string]string{} // incident id -> dataset
	bySplit := map[string]*Corpus{}
	fuBySplit := map[string]*Corpus{} // the incidents of datasets that label follow-ups
	var all []*LabeledIncident
	nFollowUps := 0
	for _, c := range corpora {
		labelsFollowUps := c.LabelsFollowUps()
		r.Datasets = append(r.Datasets, filepath.Base(c.Dir))
		pool = append(pool, c.All...)
		for _, inc := range c.All {
			datasetOf[inc.ID] = filepath.Base(c.Dir)
		}
		for _, li := range c.Incidents {
			if li.Dataset == "" {
				li.Dataset = filepath.Base(c.Dir)
			}
			sp := li.Labels.SplitOf()
			if bySplit[sp] == nil {
				bySplit[sp] = &Corpus{Dir: c.Dir}
			}
			bySplit[sp].Incidents = append(bySplit[sp].Incidents, li)
			if fuBySplit[sp] == nil {
				fuBySplit[sp] = &Corpus{Dir: c.Dir}
			}
			if labelsFollowUps {
				fuBySplit[sp].Incidents = append(fuBySplit[sp].Incidents, li)
				nFollowUps++
			}
			r.Splits[sp]++
			all = append(all, li)
		}
	}
	r.Corpus = strings.Join(r.Datasets, "+")
	r.Incidents = len(all)
	r.DatasetHash = datasetHash(corpora)
	splits := make([]string, 0, len(bySplit))
	for sp := range bySplit {
		splits = append(splits, sp)
	}
	sort.Strings(splits)

	rec := &recorder{Engine: o.Engine}
	steps := 1
	if o.Search != nil {
		steps = 4
	}
	total, done := steps*len(all)+nFollowUps, 0
	var tickMu sync.Mutex // incidents are searched several at a time
	tick := func() {
		tickMu.Lock()
		defer tickMu.Unlock()
		done++
		if o.Progress != nil {
			o.Progress(done, total)
		}
	}
	rec.tick = tick

	for _, sp := range splits {
		c := bySplit[sp]
		r.Add(Metric{Name: MetricDatasetSize, Split: sp, Value: float64(len(c.Incidents)), Detail: "labelled incidents"})
		if fc := fuBySplit[sp]; len(fc.Incidents) > 0 {
			fu, err := FollowUpMetrics(ctx, rec.as(copilot.CapFollowUps), fc)
			if err != nil {
				return nil, err
			}
			r.addAnswered(sp, rec, copilot.CapFollowUps, fu.Metrics())
			for _, inc := range fu.Incidents {
				if n := len(inc.Missed) + len(inc.FalsePositives); n > 0 {
					r.Misses = append(r.Misses, Miss{Capability: copilot.CapFollowUps, Split: sp, IncidentID: inc.ID, Score: float64(n),
						Detail: fmt.Sprintf("%d missed, %d false positives", len(inc.Missed), len(inc.FalsePositives))})
				}
			}
		}
		sum, err := SummaryMetrics(ctx, rec.as(copilot.CapSummary), c)
		if err != nil {
			return nil, err
		}
		r.addAnswered(sp, rec, copilot.CapSummary, sum.Metrics())
		for _, m := range SummaryCeilings(c) {
			m.Split = sp
			r.Add(m)
		}
		for id, f := range sum.PerIncident {
			if f < 0.5 {
				r.Misses = append(r.Misses, Miss{Capability: copilot.CapSummary, Split: sp, IncidentID: id, Score: 1 - f,
					Detail: fmt.Sprintf("key-fact F1 %.2f", f)})
			}
		}
	}
	if o.Search != nil {
		if err := r.measureSearch(ctx, o, rec, pool, datasetOf, all, tick); err != nil {
			return nil, err
		}
	}
	rec.describe(r)
	r.Capabilities = rec.capabilities()
	sort.SliceStable(r.Misses, func(i, j int) bool {
		if r.Misses[i].Capability != r.Misses[j].Capability {
			return capOrder(r.Misses[i].Capability) < capOrder(r.Misses[j].Capability)
		}
		if r.Misses[i].Score != r.Misses[j].Score {
			return r.Misses[i].Score > r.Misses[j].Score
		}
		return r.Misses[i].IncidentID < r.Misses[j].IncidentID
	})
	return r, nil
}

func capOrder(c string) int {
	if i := slices.Index(copilot.Capabilities, c); i >= 0 {
		return i
	}
	return len(copilot.Capabilities)
}

// addAnswered adds a capability's metrics for a split under the engine that
// answered most of its items.
func (r *Report) addAnswered(split string, rec *recorder, capability string, ms []Metric) {
	eng := rec.engineOf(capability)
	for _, m := range ms {
		m.Split, m.Engine = split, eng
		r.Add(m)
	}
}

// ranking is one query's ranked incident ids.
type ranking struct {
	query *LabeledIncident
	ids   []string
}

type runbookScore struct {
	goldSteps, recalled int
	// ownOnly counts gold steps left out of the recall: every content word of theirs
	// is the incident's own (a name or number no other incident uses), so no runbook
	// drafted from other incidents could hold them.
	ownOnly          int
	top3, sameFamily int
	// incidents counts the runbooks drafted, withSteps those with at least one step.
	incidents, withSteps int
	// datasetOf names each incident's dataset. A step from another dataset than the
	// query's counts as same-family only when the two happen to use the same family
	// name, so the share is conservative; otherDataset counts such steps.
	datasetOf    map[string]string
	otherDataset int
}

// merge adds the counts of o, a score of other incidents of the same pool.
func (rb *runbookScore) merge(o *runbookScore) {
	rb.goldSteps += o.goldSteps
	rb.recalled += o.recalled
	rb.ownOnly += o.ownOnly
	rb.top3 += o.top3
	rb.sameFamily += o.sameFamily
	rb.otherDataset += o.otherDataset
	rb.incidents += o.incidents
	rb.withSteps += o.withSteps
}

// add scores one incident's drafted steps against its gold steps. A runbook is
// drafted from other incidents, so a gold step is compared on the words another
// incident could share: numbers (versions, counts, sizes) and words that occur in no
// other incident of the pool (this host), and the words of the incident's own
// service names ("order-api"), are left out of the gold step, and both sides are
// compared by stem ("rolled back" is "roll back").
func (rb *runbookScore) add(li *LabeledIncident, steps []copilot.RunbookStep, family map[string]string, ix *lexicalIndex, r *Report) {
	top := steps[:min(runbookK, len(steps))]
	rb.incidents++
	if len(steps) > 0 {
		rb.withSteps++
	}
	drafted := make([]map[string]bool, len(top))
	for i, s := range top {
		drafted[i] = stemSet(contentTokens(s.Text))
	}
	found := 0
	for _, g := range li.Labels.RunbookSteps {
		want := stemSet(ix.transferable(li.Incident, contentTokens(g.Text)))
		if len(want) == 0 {
			rb.ownOnly++
			continue
		}
		rb.goldSteps++
		for _, d := range drafted {
			if coverage(d, want) >= stepMatchMin {
				rb.recalled++
				found++
				break
			}
		}
	}
	if n := len(li.Labels.RunbookSteps); n > 0 && found == 0 {
		r.Misses = append(r.Misses, Miss{Capability: copilot.CapRunbook, Split: li.Labels.SplitOf(), IncidentID: li.Labels.ID, Score: float64(n),
			Detail: fmt.Sprintf("none of %d gold steps among %d drafted", n, len(top))})
	}
	for _, s := range steps[:min(3, len(steps))] {
		rb.top3++
		if len(s.Sources) > 0 && rb.datasetOf != nil && rb.datasetOf[s.Sources[0].IncidentID] != li.Dataset {
			rb.otherDataset++
		}
		if len(s.Sources) > 0 && familyName(family[s.Sources[0].IncidentID]) == familyName(family[li.Incident.ID]) {
			rb.sameFamily++
		}
	}
}

// familyName is the family of a dataset-qualified family ("dev3/disk-full" ->
// "disk-full"). The eval drafts runbooks from the query's own dataset; a runbook
// drafted from a shared memory may hold a step from another dataset, which counts as
// same-family when that dataset uses the same family name (dev3 was written in the
// corpus's families; the test split's names are its own).
func familyName(f string) string {
	_, name, ok := strings.Cut(f, "/")
	if !ok || name == "" {
		return ""
	}
	return name
}

// coverage is the share of want's members that got holds.
func coverage(got, want map[string]bool) float64 {
	if len(want) == 0 {
		return 0
	}
	n := 0
	for t := range want {
		if got[t] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}

type rankScore struct{ hit1, hit3, rr, ndcg float64 }

func scoreRanking(rk ranking, family map[string]string, size map[string]int) rankScore {
	fam := family[rk.query.Incident.ID]
	var s rankScore
	var dcg float64
	for i, id := range rk.ids {
		if family[id] != fam {
			continue
		}
		if s.rr == 0 {
			s.rr = 1 / float64(i+1)
			if i == 0 {
				s.hit1 = 1
			}
			if i < 3 {
				s.hit3 = 1
			}
		}
		if i < 5 {
			dcg += 1 / math.Log2(float64(i+2))
		}
	}
	var ideal float64
	for i := range min(5, size[fam]-1) {
		ideal += 1 / math.Log2(float64(i+2))
	}
	if ideal > 0 {
		s.ndcg = dcg / ideal
	}
	return s
}

func withFamilies(ids []string, family map[string]string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		f := family[id]
		if f == "" {
			f = "unlabelled"
		}
		out[i] = id + " (" + f + ")"
	}
	return out
}

func familyScores(rankings map[string][]ranking, family map[string]string, size map[string]int) []FamilyScore {
	type key struct{ split, family string }
	acc := map[key]*FamilyScore{}
	var keys []key
	for _, sys := range []string{EngineHybrid, BaselineBM25} {
		for _, rk := range rankings[sys] {
			k := key{rk.query.Labels.SplitOf(), rk.query.Labels.Family}
			fs := acc[k]
			if fs == nil {
				fs = &FamilyScore{Split: k.split, Family: k.family}
				acc[k] = fs
				keys = append(keys, k)
			}
			s := scoreRanking(rk, family, size)
			if sys == EngineHybrid {
				fs.Queries++
				fs.HitAt3 += s.hit3
				fs.MRR += s.rr
			} else {
				fs.BM25 += s.hit3
			}
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].split != keys[j].split {
			return keys[i].split < keys[j].split
		}
		return keys[i].family < keys[j].family
	})
	out := make([]FamilyScore, 0, len(keys))
	for _, k := range keys {
		fs := *acc[k]
		if fs.Queries > 0 {
			n := float64(fs.Queries)
			fs.HitAt3, fs.MRR, fs.BM25 = fs.HitAt3/n, fs.MRR/n, fs.BM25/n
		}
		out = append(out, fs)
	}
	return out
}

// datasetHash identifies what a run measured: every labelled incident's labels and
// messages, in order. Unlabelled distractors count too, by id and message text.
func datasetHash(corpora []*Corpus) string {
	h := sha256.New()
	for _, c := range corpora {
		for _, li := range c.Incidents {
			b, _ := json.Marshal(li.Labels)
			h.Write(b)
		}
		for _, inc := range c.All {
			fmt.Fprintf(h, "%s\x00", inc.ID)
			for _, m := range inc.Messages {
				fmt.Fprintf(h, "%s\x00%s\x00", m.TS, m.Text)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// capRecorder is the recorder seen as the engine of one capability.
type capRecorder struct {
	*recorder
	capability string
}

func (r *recorder) as(capability string) copilot.Engine { return capRecorder{r, capability} }

func (c capRecorder) Summarize(ctx context.Context, inc *copilot.Incident) (*copilot.SummaryAnswer, error) {
	start := time.Now()
	a, err := c.Engine.Summarize(ctx, inc)
	if err == nil {
		c.answered(c.capability, a.Engine, a.PromptVersion, a.Fallback, time.Since(start))
	}
	return a, err
}

func (c capRecorder) FollowUps(ctx context.Context, inc *copilot.Incident) (*copilot.FollowUpsAnswer, error) {
	start := time.Now()
	a, err := c.Engine.FollowUps(ctx, inc)
	if err == nil {
		c.answered(c.capability, a.Engine, a.PromptVersion, a.Fallback, time.Since(start))
	}
	return a, err
}

func (c capRecorder) Runbook(ctx context.Context, inc *copilot.Incident, similar []*copilot.Incident, rbs []copilot.RunbookMatch) (*copilot.RunbookAnswer, error) {
	start := time.Now()
	a, err := c.Engine.Runbook(ctx, inc, similar, rbs)
	if err == nil {
		c.answered(c.capability, a.Engine, a.PromptVersion, a.Fallback, time.Since(start))
	}
	return a, err
}

// capStats is what the recorder keeps per capability.
type capStats struct {
	engines, fallbacks map[string]int
	latency            []time.Duration
}

func (r *recorder) stats(capability string) *capStats {
	if r.caps == nil {
		r.caps = map[string]*capStats{}
	}
	s := r.caps[capability]
	if s == nil {
		s = &capStats{engines: map[string]int{}, fallbacks: map[string]int{}}
		r.caps[capability] = s
	}
	return s
}

func (r *recorder) answered(capability, engine, version, fallback string, d time.Duration) {
	r.note(engine, version, fallback)
	r.mu.Lock()
	s := r.stats(capability)
	s.engines[engine]++
	if fallback != "" {
		s.fallbacks[fallback]++
	}
	s.latency = append(s.latency, d)
	tick := r.tick
	r.mu.Unlock()
	if tick != nil && capability != copilot.CapRunbook {
		tick()
	}
}

func (r *recorder) time(capability, engine string, d time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.stats(capability)
	s.engines[engine]++
	s.latency = append(s.latency, d)
}

// engineOf is the engine that answered most items of the capability (ties to the
// smaller name); before any answer, the configured engine.
func (r *recorder) engineOf(capability string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.caps[capability]
	if s == nil || len(s.engines) == 0 {
		return r.Engine.Info().Name
	}
	best, n := "", -1
	for e, k := range s.engines {
		if k > n || (k == n && e < best) {
			best, n = e, k
		}
	}
	return best
}

func (r *recorder) capabilities() []CapabilityRun {
	var out []CapabilityRun
	for _, name := range copilot.Capabilities {
		s := r.caps[name]
		if s == nil {
			continue
		}
		c := CapabilityRun{Name: name, Items: len(s.latency), Engine: r.engineOf(name), Engines: s.engines}
		if len(s.fallbacks) > 0 {
			c.Fallbacks = s.fallbacks
		}
		c.P50ms, c.P95ms = percentileMS(s.latency, 0.50), percentileMS(s.latency, 0.95)
		out = append(out, c)
	}
	return out
}

// percentileMS is the nearest-rank percentile of ds in milliseconds.
func percentileMS(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(p*float64(len(s)))) - 1
	i = max(0, min(i, len(s)-1))
	return math.Round(float64(s[i].Microseconds())/10) / 100
}
