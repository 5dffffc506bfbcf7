package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	lcpgvector "github.com/tmc/langchaingo/vectorstores/pgvector"

	"github.com/jackc/pgx/v5"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/internal/synth"
	"github.com/incidentcopilot/incident-copilot/retrieval"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// searchMsgsPer is the size of the corpus incidents: a mid-sized incident channel,
// which the chunker cuts into a few chunks.
const searchMsgsPer = 40

// corpus is the synthetic memory both stores load, chunk by chunk in the same order.
type corpus struct {
	incs  []*copilot.Incident
	texts []string // what the store embeds for each chunk
	owner []int    // index into incs of each chunk
	seq   []int    // chunk number within its incident
	info  Corpus
}

// buildCorpus generates incidents until their chunks number at least target. The
// chunk texts come from the store, so both stores embed exactly the same strings.
func buildCorpus(target int, seed uint64) *corpus {
	c := &corpus{}
	for block := uint64(0); len(c.texts) < target; block++ {
		// A chunk takes a dozen or so messages, so a block of size remaining/2
		// overshoots only by the incidents it stops short of using.
		size := min(2000, max(10, (target-len(c.texts))/2))
		for _, inc := range synth.Incidents(size, searchMsgsPer, seed+block, fmt.Sprintf("S%d", block)) {
			if len(c.texts) >= target {
				break
			}
			texts := chunkTexts(inc)
			for i, t := range texts {
				c.texts = append(c.texts, t)
				c.owner = append(c.owner, len(c.incs))
				c.seq = append(c.seq, i)
			}
			c.incs = append(c.incs, inc)
			c.info.Messages += len(inc.Messages)
			if inc.Visibility == copilot.VisibilityPublic {
				c.info.PublicIncidents++
			}
		}
	}
	c.info.Incidents, c.info.Chunks = len(c.incs), len(c.texts)
	return c
}

// query is one benchmark query as each path asks it.
type query struct {
	text       string // a free-text query, or
	incidentID string // a by-incident lookup
	// lcText is what langchaingo and the raw vector path embed: the query text, or for
	// a by-incident lookup the incident's transcript, as a langchaingo user would pass.
	lcText string
}

// makeQueries returns n queries: a third incident titles and a third error lines of
// incidents that are not in the corpus (same vocabulary, new combinations), and a
// third by-incident lookups of public corpus incidents.
func makeQueries(c *corpus, n int, seed uint64) ([]query, error) {
	var public []*copilot.Incident
	for _, inc := range c.incs {
		if inc.Visibility == copilot.VisibilityPublic {
			public = append(public, inc)
		}
	}
	if len(public) == 0 {
		return nil, copilot.Errorf(copilot.EINVALID, "corpus has no public incident to look up; raise --chunks")
	}
	held := synth.Incidents(n, searchMsgsPer, seed^0x5eed, "Q")
	r := rand.New(rand.NewPCG(seed, 77))
	qs := make([]query, n)
	for i := range qs {
		switch i % 3 {
		case 0:
			qs[i].text = held[i].Title
		case 1:
			qs[i].text = errorLine(held[i])
		default:
			inc := public[r.IntN(len(public))]
			qs[i].incidentID = inc.ID
			qs[i].lcText = copilot.IncidentText(inc, 16<<10)
			continue
		}
		qs[i].lcText = qs[i].text
	}
	return qs, nil
}

// errorLine is the first quoted error message of a synthetic incident (responders
// paste them in backquotes), or its title when none was pasted.
func errorLine(inc *copilot.Incident) string {
	for _, m := range inc.Messages {
		if _, rest, ok := strings.Cut(m.Text, "`"); ok {
			if line, _, ok := strings.Cut(rest, "`"); ok && strings.TrimSpace(line) != "" {
				return line
			}
		}
	}
	return inc.Title
}

// timings collects one path's latencies by query kind.
type timings struct {
	all, text, byIncident []time.Duration
	empty                 int
}

func (t *timings) add(q query, d time.Duration, results int) {
	t.all = append(t.all, d)
	if q.incidentID != "" {
		t.byIncident = append(t.byIncident, d)
	} else {
		t.text = append(t.text, d)
	}
	if results == 0 {
		t.empty++
	}
}

func (t *timings) latency() PathLatency {
	return PathLatency{All: latencyOf(t.all), Text: latencyOf(t.text), ByIncident: latencyOf(t.byIncident), Empty: t.empty}
}

// searchRun holds what one RunSearch has open.
type searchRun struct {
	// searched counts in-process searches, textSkipped those whose answer says the
	// lexical side did not run.
	searched, textSkipped int
	log                   io.Writer
	cfg                   SearchConfig
	model                 *embeddings.Local
	store                 *postgres.Store
	db                    *benchDB
	lc                    lcpgvector.Store
	api                   *apiServer
}

// RunSearch loads a synthetic corpus of at least cfg.Chunks chunks into our store and
// into langchaingo's pgvector store, both in a throw-away schema, then times the
// query paths and measures the HNSW index's recall against exact search. Progress
// lines go to log.
//
// Errors: EINVALID for a bad configuration, ECONFLICT when the schema exists,
// EUNAVAILABLE when the database cannot be reached.
func RunSearch(ctx context.Context, cfg SearchConfig, log io.Writer) (rep *SearchReport, err error) {
	began := time.Now()
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	if log == nil {
		log = io.Discard
	}
	model, err := embeddings.NewLocal(dimensions)
	if err != nil {
		return nil, err
	}
	var (
		s       *postgres.Store
		db      *benchDB
		cleanup func() error
		kept    *keptCorpus
	)
	if cfg.Keep {
		s, db, cleanup, kept, err = openKept(ctx, cfg, model)
	} else {
		s, db, cleanup, err = openFresh(ctx, cfg.DatabaseURL, cfg.Schema, model)
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if cerr := cleanup(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	run := &searchRun{log: log, cfg: cfg, model: model, store: s, db: db}

	rep = &SearchReport{Command: cfg.Command, Environment: environment(), Schema: cfg.Schema, Kept: cfg.Keep}
	rep.Environment.Embedder = model.EmbedderID()
	if rep.Environment.Postgres, rep.Environment.PGVector, rep.Environment.SharedBuffers, err = db.ServerVersions(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(log, "bench search: load average %.2f at start; %s\n", rep.Environment.LoadAvg, rep.Environment.line())
	fmt.Fprintf(log, "bench search: to re-run: DATABASE_URL=<same database> %s (store defaults: HNSW m=%d, ef_construction=%d, ef_search=%d, exact below %d chunks; lexical full read below %d incidents)\n",
		cfg.Command, postgres.DefaultHNSW.M, postgres.DefaultHNSW.EfConstruction, postgres.DefaultHNSW.EfSearch, postgres.DefaultHNSW.ExactBelow, postgres.DefaultLexicalExactBelow)

	c := buildCorpus(cfg.Chunks, cfg.Seed)
	rep.Corpus = c.info
	if kept != nil && kept.loaded {
		fmt.Fprintf(log, "bench search: reusing the %d chunks (%d incidents) loaded into schema %s at %s\n", c.info.Chunks, c.info.Incidents, cfg.Schema, kept.loadedAt.Format(time.RFC3339))
		rep.Ours, rep.Langchaingo, rep.Reused = kept.ours, kept.lc, true
	} else {
		fmt.Fprintf(log, "bench search: loading %d chunks (%d incidents) into our store, schema %s\n", c.info.Chunks, c.info.Incidents, cfg.Schema)
		start := time.Now()
		res, err := s.Ingest(ctx, c.incs, copilot.IngestOptions{Actor: copilot.Actor{Name: "test", Private: true}})
		if err != nil {
			return nil, fmt.Errorf("ingest corpus: %w", err)
		}
		rep.Ours = insertOf(res.Chunks, time.Since(start), 0)
		if res.Chunks != c.info.Chunks || res.Written != c.info.Incidents {
			return nil, copilot.Errorf(copilot.EINTERNAL, "ingest stored %d chunks of %d incidents, want %d of %d", res.Chunks, res.Written, c.info.Chunks, c.info.Incidents)
		}
	}

	var lc lcpgvector.Store
	var lcConn *pgx.Conn
	if rep.Reused {
		lc, lcConn, err = openLangchaingo(ctx, cfg.DatabaseURL, cfg.Schema, model)
		if err != nil {
			return nil, err
		}
	} else {
		fmt.Fprintf(log, "bench search: loading the same %d chunks into langchaingo's pgvector store, %d documents a call\n", c.info.Chunks, cfg.LangchainBatch)
		var lcTime time.Duration
		lc, lcConn, lcTime, err = loadLangchaingo(ctx, cfg.DatabaseURL, cfg.Schema, model, c, cfg.LangchainBatch)
		if err != nil {
			return nil, err
		}
		rep.Langchaingo = insertOf(len(c.texts), lcTime, cfg.LangchainBatch)
	}
	defer lcConn.Close(context.WithoutCancel(ctx))
	run.lc = lc
	if cfg.Keep && !rep.Reused {
		if err := db.MarkLoaded(ctx, cfg, rep.Ours, rep.Langchaingo); err != nil {
			return nil, err
		}
	}

	// Production tables have planner statistics; fresh ones may or may not, depending
	// on whether autovacuum got there first.
	if err := db.AnalyzeSchema(ctx); err != nil {
		return nil, err
	}

	qs, err := makeQueries(c, cfg.Queries, cfg.Seed)
	if err != nil {
		return nil, err
	}
	warm, err := warmupQueries(c, cfg.Warmup, cfg.Seed, qs)
	if err != nil {
		return nil, err
	}
	rep.Queries = Queries{Total: len(qs), Warmup: len(warm), K: DefaultK}
	for _, q := range qs {
		if q.incidentID != "" {
			rep.Queries.ByIncident++
		} else {
			rep.Queries.Text++
		}
	}

	if run.api, err = startAPI(ctx, s); err != nil {
		return nil, err
	}
	defer func() {
		if cerr := run.api.close(); err == nil && cerr != nil {
			err = fmt.Errorf("stop api server: %w", cerr)
		}
	}()

	if cfg.LexicalOnly {
		fmt.Fprintf(log, "bench search: lexical side, bounded against the full read\n")
		if rep.Lexical, err = run.measureLexical(ctx, qs); err != nil {
			return nil, err
		}
		rep.Seconds = round(time.Since(began).Seconds(), 1)
		return rep, nil
	}
	if rep.Reused {
		// An earlier run may have left another build; time the store's default.
		d := HNSWBuild{M: postgres.DefaultHNSW.M, EfConstruction: postgres.DefaultHNSW.EfConstruction}
		secs, err := db.BuildIndex(ctx, d)
		if err != nil {
			return nil, err
		}
		if secs > 0 {
			fmt.Fprintf(log, "bench search: rebuilt the kept index with the default m=%d ef_construction=%d in %.1f s\n", d.M, d.EfConstruction, secs)
		}
	}
	if !cfg.RecallOnly {
		what := "4 paths"
		if cfg.SearchOnly {
			what = "Store.Search alone"
		}
		fmt.Fprintf(log, "bench search: timing %d queries through %s (%d warm-up queries of their own first)\n", len(qs), what, len(warm))
		if err := run.timePaths(ctx, warm, qs, rep); err != nil {
			return nil, err
		}
	}
	if cfg.SearchOnly {
		rep.Seconds = round(time.Since(began).Seconds(), 1)
		return rep, nil
	}
	fmt.Fprintf(log, "bench search: recall@%d at ef_search %v against exact search\n", DefaultK, cfg.EfSearch)
	if err := run.measureRecall(ctx, warm, qs, rep); err != nil {
		return nil, err
	}

	l, x := rep.Latency, &rep.Ratios
	x.InsertOursOverLangchaingo = ratio(rep.Ours.ChunksPerSec, rep.Langchaingo.ChunksPerSec)
	x.HTTPOverInProcessP50 = ratio(l.HTTP.All.P50Ms, l.InProcess.All.P50Ms)
	x.HTTPOverInProcessP95 = ratio(l.HTTP.All.P95Ms, l.InProcess.All.P95Ms)
	x.InProcessOverLangchaingoP50 = ratio(l.InProcess.All.P50Ms, l.Langchaingo.All.P50Ms)
	x.VectorHNSWOverLangchaingoP50 = ratio(l.VectorHNSW.All.P50Ms, l.Langchaingo.All.P50Ms)
	x.VectorHNSWOverLangchaingoP95 = ratio(l.VectorHNSW.All.P95Ms, l.Langchaingo.All.P95Ms)
	for _, pt := range rep.Recall.Points {
		if pt.EfSearch == rep.Recall.DefaultEfSearch {
			x.HNSWOverExactP50 = ratio(pt.Latency.P50Ms, rep.Recall.Exact.P50Ms)
		}
	}
	rep.Seconds = round(time.Since(began).Seconds(), 1)
	return rep, nil
}

// path answers one query one way and says how many results came back.
type path func(ctx context.Context, q query) (int, error)

func (r *searchRun) paths() []path {
	k := DefaultK
	return []path{
		func(ctx context.Context, q query) (int, error) {
			res, err := r.store.Search(ctx, copilot.SearchQuery{Text: q.text, IncidentID: q.incidentID, Limit: k})
			r.searched++
			for _, x := range res {
				if x.Why.TextSkipped {
					r.textSkipped++
					break
				}
			}
			return len(res), err
		},
		func(ctx context.Context, q query) (int, error) { return r.api.search(ctx, q, k) },
		func(ctx context.Context, q query) (int, error) {
			docs, err := r.lc.SimilaritySearch(ctx, q.lcText, k)
			if err != nil {
				return 0, scrub(err, r.cfg.DatabaseURL)
			}
			return len(docs), nil
		},
		func(ctx context.Context, q query) (int, error) {
			vec, err := r.model.EmbedQuery(ctx, q.lcText)
			if err != nil {
				return 0, err
			}
			hits, err := r.db.VectorTopK(ctx, vec, k, VectorScan{})
			return len(hits), err
		},
	}
}

var pathNames = []string{"in-process search", "http search", "langchaingo similarity search", "vector top-k"}

// warmupQueries returns up to n queries of the timed ones' kinds that none of the
// timed queries repeats (no equal text, no lookup of the same incident), so no timed
// query finds its own pages left warm by its twin. Synthetic titles come from
// templates and repeat across seeds, so it draws from further seeds until it has n
// or gives up with fewer.
func warmupQueries(c *corpus, n int, seed uint64, timed []query) ([]query, error) {
	key := func(q query) string { return q.incidentID + "\x00" + q.text }
	taken := map[string]bool{}
	for _, q := range timed {
		taken[key(q)] = true
	}
	var warm []query
	for round := uint64(1); len(warm) < n && round <= 64; round++ {
		more, err := makeQueries(c, n, seed+round*warmupSeed)
		if err != nil {
			return nil, err
		}
		for _, q := range more {
			if len(warm) < n && !taken[key(q)] {
				taken[key(q)] = true
				warm = append(warm, q)
			}
		}
	}
	return warm, nil
}

// warmupSeed steps the warm-up queries' seeds away from the timed ones'.
const warmupSeed = 0x3a3a

// timePaths warms every path up with the warm queries, then times each query
// through all four paths in turn, so a change in the machine's load hits every
// path alike.
func (r *searchRun) timePaths(ctx context.Context, warm, qs []query, rep *SearchReport) error {
	paths := r.paths()
	skip := func(i int) bool { return (i == 2 && r.cfg.SkipLangchaingo) || (i > 0 && r.cfg.SearchOnly) }
	for _, q := range warm {
		for i, p := range paths {
			if skip(i) {
				continue
			}
			if _, err := p(ctx, q); err != nil {
				return fmt.Errorf("warm-up, %s: %w", pathNames[i], err)
			}
		}
	}
	t := make([]timings, len(paths))
	for _, q := range qs {
		for i, p := range paths {
			if skip(i) {
				continue
			}
			start := time.Now()
			n, err := p(ctx, q)
			d := time.Since(start)
			if err != nil {
				return fmt.Errorf("%s: %w", pathNames[i], err)
			}
			t[i].add(q, d, n)
		}
	}
	rep.Latency = Paths{InProcess: t[0].latency(), HTTP: t[1].latency(), Langchaingo: t[2].latency(), VectorHNSW: t[3].latency()}
	rep.TextSkipped = TextSkipped{Queries: r.textSkipped, Of: r.searched}
	if r.searched > 0 {
		rep.TextSkipped.Share = round(float64(r.textSkipped)/float64(r.searched), 4)
	}
	return nil
}

// measureRecall runs every query vector through exact search and through the HNSW
// index at each ef_search, timing the database query alone.
func (r *searchRun) measureRecall(ctx context.Context, warm, qs []query, rep *SearchReport) error {
	k := DefaultK
	embed := func(qs []query) ([][]float32, error) {
		vecs := make([][]float32, len(qs))
		for i, q := range qs {
			v, err := r.model.EmbedQuery(ctx, q.lcText)
			if err != nil {
				return nil, err
			}
			vecs[i] = v
		}
		return vecs, nil
	}
	vecs, err := embed(qs)
	if err != nil {
		return err
	}
	warmVecs, err := embed(warm)
	if err != nil {
		return err
	}
	rc := Recall{K: k, Queries: len(qs), DefaultEfSearch: postgres.DefaultHNSW.EfSearch}
	used, err := r.db.VectorScanUsesIndex(ctx, VectorScan{Exact: true})
	if err != nil {
		return err
	}
	rc.ExactUsedIndex = used
	if used {
		return errors.New("exact search plan uses the HNSW index; recall would compare the index with itself")
	}

	if rc.PlannerPicksIndex, err = r.db.VectorScanUsesIndex(ctx, VectorScan{LetPlannerChoose: true}); err != nil {
		return err
	}

	scans := []VectorScan{{Exact: true}}
	for _, ef := range r.cfg.EfSearch {
		scans = append(scans, VectorScan{EfSearch: ef})
	}
	// One untimed pass per scan brings each plan's pages into the cache.
	for _, sc := range scans {
		for _, v := range warmVecs {
			if _, err := r.db.VectorTopK(ctx, v, k, sc); err != nil {
				return fmt.Errorf("warm-up vector search: %w", err)
			}
		}
	}
	exact := make([][]VectorHit, len(vecs))
	var exactTimes []time.Duration
	for i, v := range vecs {
		start := time.Now()
		hits, err := r.db.VectorTopK(ctx, v, k, scans[0])
		exactTimes = append(exactTimes, time.Since(start))
		if err != nil {
			return fmt.Errorf("exact vector search: %w", err)
		}
		exact[i] = hits
	}
	rc.Exact = latencyOf(exactTimes)

	// What search itself ranks: the store's vector side with every chunk compared.
	exactStore, err := r.openStore(ctx, postgres.HNSW{ExactBelow: math.MaxInt32})
	if err != nil {
		return err
	}
	defer exactStore.Close()
	exactInc := make([][]string, len(qs))
	var incTimes []time.Duration
	for i, q := range qs {
		start := time.Now()
		ids, err := searchIDs(ctx, exactStore, q, k)
		incTimes = append(incTimes, time.Since(start))
		if err != nil {
			return fmt.Errorf("exact incident search: %w", err)
		}
		exactInc[i] = ids
	}
	rc.IncidentExact = latencyOf(incTimes)

	if !r.cfg.RecallOnly {
		fmt.Fprintf(r.log, "bench search: lexical side, bounded against the full read\n")
		if rep.Lexical, err = r.measureLexical(ctx, qs); err != nil {
			return err
		}
	}

	defaultBuild := HNSWBuild{M: postgres.DefaultHNSW.M, EfConstruction: postgres.DefaultHNSW.EfConstruction}
	for _, b := range r.cfg.HNSW {
		secs, err := r.db.BuildIndex(ctx, b)
		if err != nil {
			return err
		}
		rc.Builds = append(rc.Builds, IndexBuild{M: b.M, EfConstruction: b.EfConstruction, Seconds: round(secs, 1)})
		fmt.Fprintf(r.log, "bench search: HNSW m=%d ef_construction=%d (built in %.1f s)\n", b.M, b.EfConstruction, secs)
		for _, sc := range scans[1:] {
			pt, err := r.recallPoint(ctx, qs, vecs, exact, exactInc, sc, b)
			if err != nil {
				return err
			}
			rc.Points = append(rc.Points, pt)
		}
	}
	// The search paths are timed on the default build; leave it as the store has it.
	if _, err := r.db.BuildIndex(ctx, defaultBuild); err != nil {
		return err
	}
	rep.Recall = rc
	return nil
}

// recallPoint measures one build at one ef_search: the raw top-k chunks against
// exact search, and the store's index path against its exact vector side.
func (r *searchRun) recallPoint(ctx context.Context, qs []query, vecs [][]float32, exact [][]VectorHit, exactInc [][]string, sc VectorScan, b HNSWBuild) (RecallPoint, error) {
	k := DefaultK
	used, err := r.db.VectorScanUsesIndex(ctx, sc)
	if err != nil {
		return RecallPoint{}, err
	}
	if !used {
		return RecallPoint{}, fmt.Errorf("hnsw vector search (ef_search %d) is not planned with the index", sc.EfSearch)
	}
	pt := RecallPoint{M: b.M, EfConstruction: b.EfConstruction, EfSearch: sc.EfSearch, IndexUsed: used, MinRecall: 1, MinIncidentRecall: 1}
	var times []time.Duration
	var all, text, byIncident []float64
	for i, v := range vecs {
		start := time.Now()
		hits, err := r.db.VectorTopK(ctx, v, k, sc)
		times = append(times, time.Since(start))
		if err != nil {
			return RecallPoint{}, fmt.Errorf("hnsw vector search (ef_search %d): %w", sc.EfSearch, err)
		}
		rec := recallAt(exact[i], hits, k)
		all = append(all, rec)
		if qs[i].incidentID != "" {
			byIncident = append(byIncident, rec)
		} else {
			text = append(text, rec)
		}
		pt.MinRecall = min(pt.MinRecall, rec)
	}
	pt.Recall, pt.RecallText, pt.RecallByIncident = mean(all), mean(text), mean(byIncident)
	pt.MinRecall = round(pt.MinRecall, 4)
	pt.Latency = latencyOf(times)

	indexed, err := r.openStore(ctx, postgres.HNSW{EfSearch: sc.EfSearch, ExactBelow: -1})
	if err != nil {
		return RecallPoint{}, err
	}
	defer indexed.Close()
	var inc []float64
	var incTimes []time.Duration
	for i, q := range qs {
		start := time.Now()
		ids, err := searchIDs(ctx, indexed, q, k)
		incTimes = append(incTimes, time.Since(start))
		if err != nil {
			return RecallPoint{}, fmt.Errorf("indexed incident search (ef_search %d): %w", sc.EfSearch, err)
		}
		rec := overlap(exactInc[i], ids)
		inc = append(inc, rec)
		pt.MinIncidentRecall = min(pt.MinIncidentRecall, rec)
	}
	pt.IncidentRecall, pt.MinIncidentRecall = mean(inc), round(pt.MinIncidentRecall, 4)
	pt.IncidentLatency = latencyOf(incTimes)
	return pt, nil
}

const lexicalQueries = 100

// measureLexical compares the store's bounded lexical side (the default at this
// size) with the full read, lexical ranking alone: the share of the full read's top
// k the bounded one also ranks in its top k, and each one's latency.
func (r *searchRun) measureLexical(ctx context.Context, qs []query) (LexicalRecall, error) {
	k := DefaultK
	open := func(exactBelow int) (*postgres.Store, error) {
		return postgres.Open(ctx, r.cfg.DatabaseURL, r.model, postgres.Options{Schema: r.cfg.Schema, MaxConns: 2,
			LexicalExactBelow: exactBelow, Fusion: retrieval.FusionLexical, Redact: redact.String, RedactVersion: redact.Version})
	}
	full, err := open(math.MaxInt32)
	if err != nil {
		return LexicalRecall{}, err
	}
	defer full.Close()
	bounded, err := open(0)
	if err != nil {
		return LexicalRecall{}, err
	}
	defer bounded.Close()
	// The full read is the slow reference, far too slow at 100k chunks for
	// whole-transcript (by-incident) queries, whose hundreds of terms have posting
	// lists of tens of thousands: it is measured on up to lexicalQueries free-text
	// queries.
	var text []query
	for _, q := range qs {
		if q.incidentID == "" && len(text) < lexicalQueries {
			text = append(text, q)
		}
	}
	qs = text
	lr := LexicalRecall{K: k, Queries: len(qs), MinRecall: 1}
	var fullTimes, boundedTimes []time.Duration
	var recs []float64
	for _, q := range qs {
		start := time.Now()
		want, err := searchIDs(ctx, full, q, k)
		fullTimes = append(fullTimes, time.Since(start))
		if err != nil {
			return LexicalRecall{}, fmt.Errorf("full lexical search: %w", err)
		}
		start = time.Now()
		got, err := searchIDs(ctx, bounded, q, k)
		boundedTimes = append(boundedTimes, time.Since(start))
		if err != nil {
			return LexicalRecall{}, fmt.Errorf("bounded lexical search: %w", err)
		}
		rec := overlap(want, got)
		recs = append(recs, rec)
		lr.MinRecall = min(lr.MinRecall, rec)
	}
	lr.Recall, lr.MinRecall = mean(recs), round(lr.MinRecall, 4)
	lr.Full, lr.Bounded = latencyOf(fullTimes), latencyOf(boundedTimes)
	return lr, nil
}

// openStore opens a second store on the bench schema that ranks by the vector side
// alone, with the given HNSW search settings.
func (r *searchRun) openStore(ctx context.Context, h postgres.HNSW) (*postgres.Store, error) {
	return postgres.Open(ctx, r.cfg.DatabaseURL, r.model, postgres.Options{Schema: r.cfg.Schema, MaxConns: 2, HNSW: h,
		Fusion: retrieval.FusionVector, Redact: redact.String, RedactVersion: redact.Version})
}

// searchIDs asks the store one query and returns the incident ids it ranks.
func searchIDs(ctx context.Context, s *postgres.Store, q query, k int) ([]string, error) {
	res, err := s.Search(ctx, copilot.SearchQuery{Text: q.text, IncidentID: q.incidentID, Limit: k})
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res))
	for i, r := range res {
		ids[i] = r.IncidentID
	}
	return ids, nil
}

// overlap is the share of want that got also holds; 1 when want is empty.
func overlap(want, got []string) float64 {
	if len(want) == 0 {
		return 1
	}
	in := map[string]bool{}
	for _, g := range got {
		in[g] = true
	}
	n := 0
	for _, w := range want {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(len(want))
}
