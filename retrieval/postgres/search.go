package postgres

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/retrieval"
)

// MaxLimit bounds how many incidents one search returns.
const MaxLimit = 50

// Search finds incidents similar to a text or to a stored incident, scoring each
// incident as a whole: the cosine of its closest chunk and BM25 over its whole text,
// fused (Options.Fusion). Incidents that share no word with the query and are not
// close enough (retrieval.MinSimilarity) are no answer.
//
// Errors: EINVALID for an empty query or bad limit, ENOTFOUND for an unknown (or
// invisible) query incident, EUNAVAILABLE.
func (s *Store) Search(ctx context.Context, q copilot.SearchQuery) ([]copilot.SearchResult, error) {
	res, err := s.SearchFusions(ctx, q, []string{s.opts.Fusion})
	if err != nil {
		return nil, err
	}
	return res[0], nil
}

// SearchFusions answers q once for each fusion (Options.Fusion's values, "" for the
// store's own), in order, from one read of each side: the answers are those of Search
// on stores opened with each fusion, at the cost of one search. The evaluation ranks
// its ablations (one side alone) beside the configured fusion this way.
//
// Errors: those of Search, and EINVALID for an unknown fusion.
func (s *Store) SearchFusions(ctx context.Context, q copilot.SearchQuery, fusions []string) ([][]copilot.SearchResult, error) {
	fusions = slices.Clone(fusions)
	for i, f := range fusions {
		if f == "" {
			fusions[i] = s.opts.Fusion
		} else if err := checkFusion(f); err != nil {
			return nil, err
		}
	}
	if q.Limit == 0 {
		q.Limit = 5
	}
	if q.Limit < 1 || q.Limit > MaxLimit {
		return nil, copilot.Errorf(copilot.EINVALID, "limit: %d is outside 1..%d", q.Limit, MaxLimit)
	}
	// The vector side needs only the query's vector and the lexical side only its
	// words: search starts each side as soon as its own input is read.
	var (
		vecOf  func() ([]float32, error)
		textOf func() (queryText, error)
	)
	switch {
	case q.IncidentID != "":
		id, private := q.IncidentID, q.Filter.IncludePrivate
		vecOf = func() ([]float32, error) { return s.incidentVector(ctx, id) }
		textOf = func() (queryText, error) {
			inc, err := s.FindIncidentByID(ctx, id, private)
			if err != nil {
				return queryText{}, err
			}
			words := copilot.IncidentText(inc, maxIncidentQueryBytes)
			return queryText{words: words, conceptText: words, services: inc.Services}, nil
		}
		q.Filter.ExcludeIDs = append(q.Filter.ExcludeIDs, q.IncidentID)
	case strings.TrimSpace(q.Text) != "":
		if len(q.Text) > 64<<10 {
			return nil, copilot.Errorf(copilot.EINVALID, "query: longer than 64 KiB")
		}
		text := queryText{words: q.Text, conceptText: q.Text, services: q.Filter.Services}
		textOf = func() (queryText, error) { return text, nil }
		vecOf = func() ([]float32, error) {
			vec, err := s.model.EmbedQuery(ctx, text.words)
			if err != nil {
				return nil, fmt.Errorf("embed query: %w", err)
			}
			return vec, nil
		}
	default:
		return nil, copilot.Errorf(copilot.EINVALID, "query: give a text or an incident id")
	}
	return s.search(ctx, vecOf, textOf, q, fusions)
}

// queryText is what the lexical side and the explanations read of a query: words
// for BM25, conceptText for the failure concepts, and the services it names.
type queryText struct {
	words, conceptText string
	services           []string
}

// incidentVector is the centroid of an incident's chunk vectors: a summary of what
// the whole transcript is about.
func (s *Store) incidentVector(ctx context.Context, externalID string) ([]float32, error) {
	rows, err := s.pool.Query(ctx, `SELECT c.embedding FROM chunks c JOIN incidents i ON i.id = c.incident_id
		WHERE i.external_id = $1 AND c.embedder = $2`, externalID, s.model.EmbedderID())
	if err != nil {
		return nil, mapError(err)
	}
	sum := make([]float64, s.model.Dimensions())
	n := 0
	var v pgvector.Vector
	_, err = pgx.ForEachRow(rows, []any{&v}, func() error {
		for i, x := range v.Slice() {
			if i < len(sum) {
				sum[i] += float64(x)
			}
		}
		n++
		return nil
	})
	if err != nil {
		return nil, mapError(err)
	}
	if n == 0 {
		return nil, copilot.Errorf(copilot.EUNAVAILABLE, "Incident %q has no vectors of embedder %s yet; run `copilot reembed`.", externalID, s.model.EmbedderID())
	}
	var norm float64
	for _, x := range sum {
		norm += x * x
	}
	norm = math.Sqrt(norm)
	out := make([]float32, len(sum))
	for i, x := range sum {
		if norm > 0 {
			out[i] = float32(x / norm)
		}
	}
	return out, nil
}

// maxIncidentQueryBytes bounds the transcript a by-incident query reads words and
// concepts from; far beyond any channel's length, it only guards against a runaway one.
const maxIncidentQueryBytes = 1 << 20

// vectorSide ranks incidents by the cosine distance of their closest chunk to vec,
// closest first, ties to the lower incident id, at most depth of them. A memory of
// fewer than HNSW.ExactBelow chunks is compared chunk by chunk (exact). A larger one
// takes its candidates from the embedder's HNSW index: the EfSearch (at least depth)
// nearest visible chunks, in distance order (pgvector's iterative scan keeps reading the graph while
// filters reject rows), grouped by incident. Both paths compute the same distances,
// so where the index finds the true nearest chunks they give the same ranking.
//
// The index path reads only as far down that list as the ranking needs
// (closestIncidents): nearly every chunk near a query belongs to another incident, so
// depth incidents are known after little more than depth chunks, and the rest of the
// list (fetching each chunk's vector again to compute its distance, and on a filtered
// memory another pass over the graph) is work for nothing. When the first read does
// not settle the ranking, the whole list is read, as before.
//
// Each read is one batch in its own implicit transaction, its settings local to it:
// one process sums each score in one order, so equal queries get equal floats.
func (s *Store) vectorSide(ctx context.Context, vec []float32, depth int, where string, args []any) ([]retrieval.IncidentHit, error) {
	embedderID := s.model.EmbedderID()
	var (
		chunks        float64
		haveIndex     bool
		vectorVersion string
	)
	// reltuples is the planner's count of chunks (-1 before the first ANALYZE; a bulk
	// load ends with one); the index is missing while a bulk load rebuilds it.
	if err := s.pool.QueryRow(ctx, `SELECT coalesce((SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)), 0),
			to_regclass($2) IS NOT NULL, coalesce((SELECT extversion FROM pg_extension WHERE extname = 'vector'), '')`,
		s.rel("chunks"), s.rel(HNSWIndexName(embedderID))).Scan(&chunks, &haveIndex, &vectorVersion); err != nil {
		return nil, mapError(err)
	}
	if !haveIndex || (s.opts.HNSW.ExactBelow >= 0 && chunks < float64(s.opts.HNSW.ExactBelow)) {
		return s.vectorExact(ctx, vec, depth, where, args)
	}
	limit := max(s.opts.HNSW.EfSearch, depth)
	read := min(limit, depth+depth/4)
	for {
		var cands []candidate
		var c candidate
		err := s.readWith(ctx, s.indexedVectorSettings(vectorVersion), s.indexedVectorSQL(where),
			append([]any{pgvector.NewVector(vec), read}, args...), []any{&c.incidentID, &c.distance}, func() error {
				cands = append(cands, c)
				return nil
			})
		if err != nil {
			return nil, err
		}
		hits, settled := closestIncidents(cands, depth, len(cands) < read)
		if settled || read == limit {
			return hits, nil
		}
		read = limit
	}
}

// candidate is one chunk the index path read: its incident and distance.
type candidate struct {
	incidentID int64
	distance   float64
}

// vectorOrderSlack bounds how far the distance a query computes may fall below that
// of a chunk the index listed before it: the cosine index orders by its own,
// normalised copy of each vector, which can differ in the last bits (2e-8 at most
// on the 100k-chunk bench corpus).
const vectorOrderSlack = 1e-6

// closestIncidents groups candidates, the head of the index's list in its order, by
// incident: the depth incidents with the closest chunks, closest first, ties to the
// lower id. The list is settled when it is complete or when no chunk after the head
// can change those depth incidents or their distances: every later chunk lies at
// least as far as the farthest chunk read (less vectorOrderSlack), and that is
// beyond the depth-th incident's distance.
func closestIncidents(cands []candidate, depth int, complete bool) ([]retrieval.IncidentHit, bool) {
	closest := map[int64]float64{}
	farthest := math.Inf(-1)
	for _, c := range cands {
		if d, ok := closest[c.incidentID]; !ok || c.distance < d {
			closest[c.incidentID] = c.distance
		}
		farthest = max(farthest, c.distance)
	}
	hits := make([]candidate, 0, len(closest))
	for id, d := range closest {
		hits = append(hits, candidate{id, d})
	}
	// Ranked by similarity, as the fusion reads it: distances a float apart can be
	// equally similar, and then the lower id goes first.
	sort.Slice(hits, func(a, b int) bool {
		if sa, sb := 1-hits[a].distance, 1-hits[b].distance; sa != sb {
			return sa > sb
		}
		return hits[a].incidentID < hits[b].incidentID
	})
	settled := complete || (len(hits) >= depth && farthest-vectorOrderSlack > hits[depth-1].distance)
	if len(hits) > depth {
		hits = hits[:depth]
	}
	out := make([]retrieval.IncidentHit, len(hits))
	for i, h := range hits {
		out[i] = retrieval.IncidentHit{IncidentID: h.incidentID, Similarity: 1 - h.distance}
	}
	return out, settled
}

// noParallel keeps a query in one process: a parallel plan could sum a score's parts
// in another order and give an equal query unequal floats.
const noParallel = `set_config('max_parallel_workers_per_gather', '0', true)`

// readWith runs settings (a SELECT list of set_config(..., true) calls) and then sql
// in one batch: one round trip, one implicit transaction that the settings last
// for. Each row of sql is scanned into dest and handed to fn.
func (s *Store) readWith(ctx context.Context, settings, sql string, args, dest []any, fn func() error) error {
	b := &pgx.Batch{}
	b.Queue("SELECT " + settings)
	b.Queue(sql, args...)
	br := s.pool.SendBatch(ctx, b)
	if _, err := br.Exec(); err != nil {
		br.Close()
		return mapError(err)
	}
	rows, err := br.Query()
	if err == nil {
		_, err = pgx.ForEachRow(rows, dest, fn)
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	return mapError(err)
}

// indexedVectorSettings are the index path's settings. Sorting off leaves the index
// as the only plan that returns chunks in distance order.
func (s *Store) indexedVectorSettings(vectorVersion string) string {
	settings := fmt.Sprintf(`%s, set_config('hnsw.ef_search', '%d', true), set_config('enable_sort', 'off', true)`, noParallel, s.opts.HNSW.EfSearch)
	if iterativeScan(vectorVersion) {
		settings += `, set_config('hnsw.iterative_scan', 'strict_order', true)`
	}
	return settings
}

// indexedVectorSQL is the index path's query: the visible chunks nearest to $1, in
// the shape the embedder's partial HNSW index serves, at most $2 of them.
func (s *Store) indexedVectorSQL(where string) string {
	return fmt.Sprintf(`SELECT c.incident_id, c.embedding::vector(%[1]d) <=> $1::vector(%[1]d)
		FROM chunks c JOIN incidents i ON i.id = c.incident_id
		WHERE c.embedder = %[2]s %[3]s
		ORDER BY c.embedding::vector(%[1]d) <=> $1::vector(%[1]d) LIMIT $2`, s.model.Dimensions(), quoteLiteral(s.model.EmbedderID()), where)
}

// vectorExact compares every visible chunk of the embedder. Ordering by an aggregate
// keeps the planner off the approximate HNSW index; ties go to the lower incident id.
func (s *Store) vectorExact(ctx context.Context, vec []float32, depth int, where string, args []any) ([]retrieval.IncidentHit, error) {
	dim := s.model.Dimensions()
	var (
		hits []retrieval.IncidentHit
		h    retrieval.IncidentHit
		dist float64
	)
	err := s.readWith(ctx, noParallel, fmt.Sprintf(`SELECT c.incident_id, min(c.embedding::vector(%d) <=> $1::vector(%d)) AS dist
		FROM chunks c JOIN incidents i ON i.id = c.incident_id
		WHERE c.embedder = %s %s
		GROUP BY c.incident_id
		ORDER BY dist, c.incident_id LIMIT $2`, dim, dim, quoteLiteral(s.model.EmbedderID()), where),
		append([]any{pgvector.NewVector(vec), depth}, args...), []any{&h.IncidentID, &dist}, func() error {
			h.Similarity = 1 - dist
			hits = append(hits, h)
			return nil
		})
	if err != nil {
		return nil, err
	}
	return hits, nil
}

// iterativeScan reports whether a pgvector version has iterative index scans (0.8.0
// and later), which keep a filtered HNSW scan reading until enough rows pass.
func iterativeScan(version string) bool {
	var major, minor int
	if _, err := fmt.Sscanf(version, "%d.%d", &major, &minor); err != nil {
		return false
	}
	return major > 0 || minor >= 8
}

// loadAnswers reads the two queries of search's loading batch and closes it: the
// incident rows by row id, the evidence by chunk id and each incident's closest chunks.
func loadAnswers(br pgx.BatchResults) (map[int64]copilot.SearchResult, map[int64]retrieval.Evidence, map[int64][]retrieval.Hit, error) {
	defer br.Close()
	results := map[int64]copilot.SearchResult{}
	evidence := map[int64]retrieval.Evidence{}
	chunksOf := map[int64][]retrieval.Hit{}
	rows, err := br.Query()
	if err != nil {
		return nil, nil, nil, mapError(err)
	}
	var (
		rowID int64
		r     copilot.SearchResult
	)
	if _, err = pgx.ForEachRow(rows, []any{&rowID, &r.IncidentID, &r.Title, &r.Severity, &r.Status, &r.Services, &r.Team, &r.StartedAt, &r.ResolvedAt}, func() error {
		results[rowID] = r
		return nil
	}); err != nil {
		return nil, nil, nil, mapError(err)
	}
	if rows, err = br.Query(); err != nil {
		return nil, nil, nil, mapError(err)
	}
	var (
		c  retrieval.Hit
		ev retrieval.Evidence
	)
	if _, err = pgx.ForEachRow(rows, []any{&c.ChunkID, &c.IncidentID, &c.Distance, &ev.Text, &ev.Terms, &ev.MessageTS}, func() error {
		evidence[c.ChunkID] = ev.Prepared() // read by every fusion that keeps the incident
		chunksOf[c.IncidentID] = append(chunksOf[c.IncidentID], c)
		return nil
	}); err != nil {
		return nil, nil, nil, mapError(err)
	}
	return results, evidence, chunksOf, mapError(br.Close())
}

// search runs the hybrid query over whole incidents: vecOf reads the query's vector
// for the vector side (an incident's closest chunk), textOf its words for the
// lexical side (BM25 over each incident's whole text) and the failure concepts the
// explanations cite; each side starts as soon as its own input is read. The
// lexical side is exact below LexicalExactBelow incidents and reads a bounded number
// of postings per query term above it; the vector side is exact on small memories
// and takes its candidates from the HNSW index on large ones (vectorSide). The two sides and the
// loading of the answer each read in a transaction of their own, whose settings
// depend only on the data, so the same query ranks the same way cold, warm and under
// load; a write that lands between them can show an incident to one side only (the
// answer leaves out one it cannot load), as a write just after the search would.
func (s *Store) search(ctx context.Context, vecOf func() ([]float32, error), textOf func() (queryText, error), q copilot.SearchQuery, fusions []string) ([][]copilot.SearchResult, error) {
	depth := q.Limit * 10
	if depth < 60 {
		depth = 60
	}
	where, args := filterSQL(q.Filter, 3)
	embedderID, dim := s.model.EmbedderID(), s.model.Dimensions()
	// The lexical side ranks every incident exactly on small memories and under the
	// narrow filters (team, services, status, time) whose few incidents a capped
	// read could miss; otherwise it is bounded (lexicalSQL).
	exactBelow := s.opts.LexicalExactBelow
	if narrowFilter(q.Filter) {
		exactBelow = math.MaxInt32
	}

	// The two sides run at once, each reading on pooled connections one batch at a
	// time (the lexical side one round trip once its words are known, the vector side
	// two: see vectorSide); no connection is held while waiting for the other side,
	// so searches cannot starve a pool of its connections.
	type lexical struct {
		text    queryText
		textErr error // reading the query: an unknown or invisible incident
		hits    []retrieval.IncidentHit
		err     error
	}
	lexCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	lexDone := make(chan lexical, 1)
	go func() {
		var l lexical
		if l.text, l.textErr = textOf(); l.textErr != nil {
			lexDone <- l
			return
		}
		// The query's failure concepts join its words: incidents hold theirs among
		// their terms (ingest), so a shared concept counts by its rarity in the memory.
		words := l.text.words
		if toks := retrieval.ConceptTerms(l.text.conceptText); toks != "" {
			words += "\n" + toks
		}
		if strings.TrimSpace(words) != "" {
			ls := s.opts.lexical.forQuery(len(retrieval.ContentTerms(l.text.conceptText)))
			textSQL := lexicalSQL(quoteLiteral(embedderID), where, 3+len(args), ls)
			var h retrieval.IncidentHit
			l.err = s.readWith(lexCtx, noParallel, textSQL, append(append([]any{words, depth}, args...), exactBelow),
				[]any{&h.IncidentID, &h.TextScore}, func() error {
					l.hits = append(l.hits, h)
					return nil
				})
		}
		lexDone <- l
	}()
	vec, err := vecOf()
	var vecHits []retrieval.IncidentHit
	if err == nil {
		vecHits, err = s.vectorSide(ctx, vec, depth, where, args)
	}
	if err != nil {
		cancel()
	}
	lex := <-lexDone
	switch {
	case lex.textErr != nil: // whatever the vector side found of an incident the caller may not see
		return nil, lex.textErr
	case err != nil:
		return nil, err
	case lex.err != nil:
		return nil, lex.err
	}
	textHits, conceptText, queryServices := lex.hits, lex.text.conceptText, lex.text.services

	// Each fusion ranks the same two sides; what the answers show is loaded once for
	// every incident any of them keeps.
	queryConcepts := failure.Concepts(conceptText)
	queryTerms := retrieval.ContentTerms(conceptText)
	rankings := make([][]retrieval.IncidentHit, len(fusions))
	var ids []int64
	loading := map[int64]bool{}
	for k, fusion := range fusions {
		var ranked []retrieval.IncidentHit
		for _, h := range retrieval.FuseIncidents(vecHits, textHits, fusion, *s.opts.VectorWeight, len(queryConcepts), len(queryTerms)) {
			if retrieval.Similar(h) {
				ranked = append(ranked, h)
			}
		}
		if len(ranked) > q.Limit {
			ranked = ranked[:q.Limit]
		}
		rankings[k] = ranked
		for _, g := range ranked {
			if !loading[g.IncidentID] {
				loading[g.IncidentID] = true
				ids = append(ids, g.IncidentID)
			}
		}
	}
	out := make([][]copilot.SearchResult, len(fusions))
	if len(ids) == 0 {
		for k := range out {
			out[k] = []copilot.SearchResult{}
		}
		return out, nil
	}

	// Load what the answer shows, in one round trip: incident rows and each
	// incident's closest chunks.
	b := &pgx.Batch{}
	b.Queue(`SELECT id, external_id, title, severity, status, services, team, started_at, resolved_at
		FROM incidents WHERE id = ANY($1)`, ids)
	b.Queue(fmt.Sprintf(`SELECT id, incident_id, dist, text, terms, message_ts FROM (
			SELECT c.id, c.incident_id, c.text, c.terms, c.message_ts, c.embedding::vector(%[1]d) <=> $1::vector(%[1]d) AS dist,
				row_number() OVER (PARTITION BY c.incident_id ORDER BY c.embedding::vector(%[1]d) <=> $1::vector(%[1]d), c.id) AS n
			FROM chunks c WHERE c.embedder = %[2]s AND c.incident_id = ANY($2)) x
		WHERE n <= %[3]d ORDER BY incident_id, n`, dim, quoteLiteral(embedderID), retrieval.MaxEvidence),
		pgvector.NewVector(vec), ids)
	results, evidence, chunksOf, err := loadAnswers(s.pool.SendBatch(ctx, b))
	if err != nil {
		return nil, err
	}

	query := retrieval.Query{Concepts: queryConcepts, Terms: queryTerms, Services: queryServices}
	for k, ranked := range rankings {
		out[k] = make([]copilot.SearchResult, 0, len(ranked))
		for _, ih := range ranked {
			res, ok := results[ih.IncidentID]
			stored := chunksOf[ih.IncidentID]
			if !ok || len(stored) == 0 {
				continue
			}
			// Each fusion explains its own copy: the ranks differ between them.
			cs := append([]retrieval.Hit(nil), stored...)
			for i := range cs {
				cs[i].VectorRank, cs[i].TextRank, cs[i].TextScore, cs[i].Score = ih.VectorRank, ih.TextRank, ih.TextScore, ih.Score
			}
			retrieval.Explain(&res, retrieval.Group{IncidentID: ih.IncidentID, Chunks: cs, Score: ih.Score}, query, evidence, false)
			out[k] = append(out[k], res)
		}
	}
	return out, nil
}

// The bounded lexical side reads at most lexicalTerms × lexicalPerTerm postings,
// whatever the memory's size: the query's rarest terms (by stored document
// frequency), and for each the postings with the highest impact (BM25's
// length-normalised term frequency, stored at ingest), in index order. The posting
// budget is shared among the terms a query has: a short query reads deeper into
// each list (never fewer than lexicalPerTerm a term). An incident missing from a term's capped list scores nothing for that term;
// every term whose list fits under the cap scores exactly.
const (
	lexicalTerms   = 32
	lexicalPerTerm = 200
)

// DefaultLexicalExactBelow is the memory size, in incidents, under which the lexical
// side ranks with every query term and every posting.
const DefaultLexicalExactBelow = 5_000

// lexicalSQL is BM25 over incident_terms with the stored statistics of
// incident_term_stats, the query's calendar dates left out as the incidents' are
// (calendar_lexeme, migration 00012). $1 is the query text, $2 the depth, filter parameters from $3,
// and $exactParam the memory size (incidents with terms) under which no cap applies
// (LIMIT NULL reads everything). Each posting carries its incident's length (dl,
// migration 00014) and the index it is read through includes tf and dl, so the
// postings are scored from the index alone (an index-only scan once vacuum has
// marked the pages visible); the incidents are summed and sorted first, and only the
// top ones are looked up for the filters and for chunks of the embedder, which
// leaves the ranking as it was when every posting was joined to its incident.
func lexicalSQL(embedder, where string, exactParam int, ls lexicalScoring) string {
	order, exactLimit := "s.df", "NULL"
	if ls.topTerms {
		order, exactLimit = "s.idf * (1 + ln(s.qtf)) DESC, s.df", fmt.Sprint(lexicalTerms)
	}
	return fmt.Sprintf(`WITH q AS (
			SELECT t.lexeme, sum(greatest(1, cardinality(t.positions)))::float8 AS qtf
			FROM unnest(string_to_array($1, E'\n')) AS l(line),
				unnest(to_tsvector('english', l.line)) AS t
			WHERE NOT calendar_lexeme(t.lexeme)
			GROUP BY t.lexeme
		), st AS (
			SELECT df::float8 AS n, CASE WHEN df > 0 THEN total / df ELSE 1 END AS avgdl,
				df < $%[6]d AS exact FROM incident_term_stats WHERE lexeme = ''
		), qi AS (
			SELECT s.lexeme, s.df, q.qtf, ln(1 + (st.n - s.df + 0.5) / (s.df + 0.5)) AS idf
			FROM q JOIN incident_term_stats s USING (lexeme) CROSS JOIN st
			WHERE s.df > 0
		), qt AS (
			SELECT s.lexeme, %[10]s AS idf FROM qi s
			ORDER BY %[11]s, s.lexeme
			LIMIT (SELECT CASE WHEN exact THEN %[12]s ELSE %[7]d END FROM st)
		), p AS (
			SELECT x.incident_id, qt.idf * x.tf * %[1]g / (x.tf + %[2]g * (1 - %[3]g + %[3]g * x.dl / st.avgdl)) AS w
			FROM st CROSS JOIN qt CROSS JOIN LATERAL (
				SELECT it.incident_id, it.tf, it.dl FROM incident_terms it WHERE it.lexeme = qt.lexeme
				ORDER BY it.impact DESC, it.incident_id
				LIMIT (SELECT CASE WHEN exact THEN NULL ELSE greatest(%[8]d, %[9]d / (SELECT count(*) FROM qt)) END FROM st)) x
		), s AS (
			SELECT p.incident_id, sum(p.w) AS score FROM p GROUP BY p.incident_id
			ORDER BY score DESC, p.incident_id
		)
		SELECT s.incident_id, s.score FROM s
		WHERE EXISTS (SELECT 1 FROM incidents i WHERE i.id = s.incident_id %[5]s
			AND EXISTS (SELECT 1 FROM chunks c WHERE c.incident_id = i.id AND c.embedder = %[4]s))
		ORDER BY s.score DESC, s.incident_id LIMIT $2`,
		retrieval.BM25K1+1, retrieval.BM25K1, ls.b, embedder, where, exactParam, lexicalTerms, lexicalPerTerm, lexicalTerms*lexicalPerTerm,
		ls.queryWeight(), order, exactLimit)
}

// narrowFilter reports whether a filter keeps only a part of the memory that a
// capped read of the postings could miss entirely; visibility and excluded ids
// leave nearly all of it.
func narrowFilter(f copilot.IncidentFilter) bool {
	return len(f.Services) > 0 || f.Team != "" || f.Status != "" || !f.Since.IsZero() || !f.Until.IsZero()
}

// filterSQL renders the filter as SQL conditions on incidents i, numbering its
// parameters from next.
func filterSQL(f copilot.IncidentFilter, next int) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, arg any) {
		conds = append(conds, fmt.Sprintf(cond, next))
		args = append(args, arg)
		next++
	}
	if !f.IncludePrivate {
		conds = append(conds, "i.visibility = 'public'")
	}
	if len(f.Services) > 0 {
		add("i.services && $%d", f.Services)
	}
	if f.Team != "" {
		add("i.team = $%d", f.Team)
	}
	if f.Status != "" {
		add("i.status = $%d", f.Status)
	}
	if !f.Since.IsZero() {
		add("i.started_at >= $%d", f.Since)
	}
	if !f.Until.IsZero() {
		add("i.started_at < $%d", f.Until)
	}
	if len(f.ExcludeIDs) > 0 {
		add("i.external_id <> ALL($%d)", f.ExcludeIDs)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "AND " + strings.Join(conds, " AND "), args
}
