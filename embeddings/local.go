package embeddings

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/failure"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

var (
	_ copilot.EmbeddingModel = (*Local)(nil)
	_ copilot.EmbeddingModel = (*Provider)(nil)
)

// Dimension bounds of the local embedder.
const (
	DefaultLocalDimensions = 384
	MinLocalDimensions     = 16
	MaxLocalDimensions     = 4096
)

// localVersion names the feature set; bump it whenever features, weights or
// hashing change so that stored vectors of the old kind are never compared with
// new ones.
const localVersion = "v1"

// parallelThreshold is the batch size from which EmbedDocuments spreads work over
// GOMAXPROCS goroutines; below it the goroutine start-up costs more than it saves.
const parallelThreshold = 32

// Local is the default embedder: deterministic, offline and fast. It hashes
// weighted word unigrams and bigrams, canonical synonyms and character n-grams of
// the normalized text into a fixed number of dimensions, adds the failure-mode
// concepts of the text as a strongly weighted block, and L2-normalizes.
// Safe for concurrent use.
type Local struct {
	dim  int
	lex  string    // failure.Version of the lexicon whose concepts the vectors carry
	pool sync.Pool // *extractor
}

// NewLocal returns a local embedder producing vectors of dim dimensions.
// Errors: EINVALID when dim is outside [MinLocalDimensions, MaxLocalDimensions].
func NewLocal(dim int) (*Local, error) { return newLocal(dim, failure.Version()) }

// newLocal is NewLocal for the lexicon of version lex.
func newLocal(dim int, lex string) (*Local, error) {
	if dim < MinLocalDimensions || dim > MaxLocalDimensions {
		return nil, copilot.Errorf(copilot.EINVALID, "local embedder dimensions must be between %d and %d, got %d",
			MinLocalDimensions, MaxLocalDimensions, dim)
	}
	l := &Local{dim: dim, lex: lex}
	l.pool.New = func() any { return newExtractor(dim) }
	return l, nil
}

// EmbedderID is "local/<version>/<dim>/lex-<lexicon version>/text-<text version>":
// the failure concepts weigh heavily in the vectors and the words are the text
// toolkit's, so an edited lexicon, stop-word list or tokenizer rule makes vectors
// that must not be compared with the old ones.
func (l *Local) EmbedderID() string {
	return fmt.Sprintf("local/%s/%d/lex-%s/text-%s", localVersion, l.dim, l.lex, text.Version())
}

// Dimensions returns the vector length.
func (l *Local) Dimensions() int { return l.dim }

// EmbedQuery returns the unit vector of text. An empty text (or one of only stop
// words and ids) gets a fixed unit vector shared by all such texts.
// Errors: only the context's.
func (l *Local) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	out := make([]float32, l.dim)
	x := l.pool.Get().(*extractor)
	x.embed(text, out)
	l.pool.Put(x)
	return out, nil
}

// EmbedDocuments returns one unit vector per text, in order. Large batches are
// spread over GOMAXPROCS goroutines. Errors: only the context's.
func (l *Local) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("embed documents: %w", err)
	}
	// One backing array for the whole batch: a single allocation instead of one per text.
	backing := make([]float32, len(texts)*l.dim)
	out := make([][]float32, len(texts))
	for i := range out {
		out[i] = backing[i*l.dim : (i+1)*l.dim : (i+1)*l.dim]
	}

	workers := min(runtime.GOMAXPROCS(0), len(texts)/parallelThreshold+1)
	if workers <= 1 {
		if err := l.embedRange(ctx, texts, out); err != nil {
			return nil, err
		}
		return out, nil
	}
	// Contiguous shares keep each worker's writes in its own part of backing.
	var wg sync.WaitGroup
	errs := make([]error, workers)
	share := (len(texts) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*share, min((w+1)*share, len(texts))
		if lo >= hi {
			break
		}
		wg.Go(func() {
			errs[w] = l.embedRange(ctx, texts[lo:hi], out[lo:hi])
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// embedRange embeds texts into out with one extractor, checking the context now
// and then so that a cancelled ingest stops promptly.
func (l *Local) embedRange(ctx context.Context, texts []string, out [][]float32) error {
	x := l.pool.Get().(*extractor)
	defer l.pool.Put(x)
	for i, t := range texts {
		if i%64 == 63 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("embed documents: %w", err)
			}
		}
		x.embed(t, out[i])
	}
	return nil
}
