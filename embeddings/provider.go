package embeddings

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	lcembeddings "github.com/tmc/langchaingo/embeddings"
	"github.com/tmc/langchaingo/httputil"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/openai"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// ProviderOptions describe the vectors a wrapped client returns.
type ProviderOptions struct {
	Name       string // provider name for the embedder id, e.g. "openai"
	Model      string // model name for the embedder id
	Dimensions int    // every vector must have this length
	BatchSize  int    // texts per request; default DefaultBatchSize
	Redact     func(string) string
}

// Provider wraps a langchaingo embedding client (anything with CreateEmbedding,
// e.g. *openai.LLM) with what langchaingo does not do itself: texts are redacted
// before they leave the process, sent in batches, and every answer is checked (one
// vector per text, the configured dimension, finite values) before anyone stores
// it. Provider failures become *copilot.Error values whose messages carry neither
// the API key nor any text. Safe for concurrent use if the client is.
type Provider struct {
	client lcembeddings.EmbedderClient
	opts   ProviderOptions
}

// NewProvider wraps client. Errors: EINVALID for missing names or bad sizes.
func NewProvider(client lcembeddings.EmbedderClient, opts ProviderOptions) (*Provider, error) {
	if opts.BatchSize == 0 {
		opts.BatchSize = DefaultBatchSize
	}
	switch {
	case client == nil:
		return nil, copilot.Errorf(copilot.EINVALID, "embedding provider: no client")
	case opts.Name == "" || opts.Model == "":
		return nil, copilot.Errorf(copilot.EINVALID, "embedding provider: Name and Model are required")
	case opts.Dimensions <= 0 || opts.Dimensions > MaxProviderDimensions:
		return nil, copilot.Errorf(copilot.EINVALID, "embedding provider: Dimensions must be between 1 and %d, got %d", MaxProviderDimensions, opts.Dimensions)
	case opts.BatchSize < 1 || opts.BatchSize > MaxBatchSize:
		return nil, copilot.Errorf(copilot.EINVALID, "embedding provider: BatchSize must be between 1 and %d, got %d", MaxBatchSize, opts.BatchSize)
	}
	if opts.Redact == nil {
		opts.Redact = func(s string) string { return s }
	}
	return &Provider{client: client, opts: opts}, nil
}

// providerHTTPTimeout bounds one request when the caller set no deadline, so a
// stalled server cannot hold an ingest job forever.
const providerHTTPTimeout = 2 * time.Minute

// newOpenAI builds the OpenAI (or OpenAI-compatible) embedder for a validated config.
func newOpenAI(c Config) (*Provider, error) {
	token := c.APIKey
	if token == "" {
		// langchaingo insists on a token; local OpenAI-compatible servers (Ollama,
		// vLLM) ignore it.
		token = "unused"
	}
	opts := []openai.Option{
		openai.WithToken(token),
		openai.WithBaseURL(c.BaseURL),
		openai.WithModel(c.Model),
		openai.WithEmbeddingModel(c.Model),
		// Explicit, so that OPENAI_ORGANIZATION in the environment is not sent.
		openai.WithOrganization(""),
		openai.WithHTTPClient(&http.Client{Transport: httputil.DefaultTransport, Timeout: providerHTTPTimeout}),
	}
	// Only the text-embedding-3 family can shorten its vectors on request; other
	// models (and most OpenAI-compatible servers) reject or ignore the field and
	// must simply be configured with their native dimension.
	if strings.HasPrefix(c.Model, "text-embedding-3") {
		opts = append(opts, openai.WithEmbeddingDimensions(c.Dimensions))
	}
	llm, err := openai.New(opts...)
	if err != nil {
		return nil, copilot.Errorf(copilot.EINVALID, "embedder config: cannot build the %s client", ProviderOpenAI)
	}
	return NewProvider(llm, ProviderOptions{
		Name:       ProviderOpenAI,
		Model:      c.Model,
		Dimensions: c.Dimensions,
		BatchSize:  c.BatchSize,
		Redact:     c.Redact,
	})
}

// EmbedderID is "<provider>/<model>/<dim>".
func (p *Provider) EmbedderID() string {
	return fmt.Sprintf("%s/%s/%d", p.opts.Name, p.opts.Model, p.opts.Dimensions)
}

// Dimensions returns the configured vector length.
func (p *Provider) Dimensions() int { return p.opts.Dimensions }

// EmbedQuery embeds one text.
// Errors: EINVALID for an answer of the wrong shape or a request the provider
// rejects, EUNAVAILABLE when it cannot be reached, rate-limits or fails,
// EUNAUTHORIZED when it refuses the key, EINTERNAL otherwise.
func (p *Provider) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	vecs, err := p.embed(ctx, []string{text})
	if err != nil {
		return nil, fmt.Errorf("embed query: %w", err)
	}
	return vecs[0], nil
}

// EmbedDocuments embeds texts in batches of BatchSize, one vector per text in order.
// Errors as EmbedQuery.
func (p *Provider) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	vecs, err := p.embed(ctx, texts)
	if err != nil {
		return nil, fmt.Errorf("embed documents: %w", err)
	}
	return vecs, nil
}

func (p *Provider) embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	// Texts with nothing to embed are not sent (OpenAI rejects empty input); like
	// the local embedder they get a fixed unit vector.
	var send []string
	var at []int
	for i, t := range texts {
		r := p.opts.Redact(t)
		if strings.TrimSpace(r) == "" {
			out[i] = emptyVector(p.opts.Dimensions)
			continue
		}
		send = append(send, r)
		at = append(at, i)
	}
	for start := 0; start < len(send); start += p.opts.BatchSize {
		end := min(start+p.opts.BatchSize, len(send))
		batch := send[start:end]
		vecs, err := p.client.CreateEmbedding(ctx, batch)
		if err != nil {
			return nil, providerError(ctx, err)
		}
		if err := p.check(vecs, len(batch)); err != nil {
			return nil, err
		}
		for k, v := range vecs {
			out[at[start+k]] = v
		}
	}
	return out, nil
}

// check validates one batch answer.
func (p *Provider) check(vecs [][]float32, want int) error {
	if len(vecs) != want {
		return copilot.Errorf(copilot.EINVALID, "embedding provider returned %d vectors for %d texts", len(vecs), want)
	}
	for i, v := range vecs {
		if len(v) != p.opts.Dimensions {
			return copilot.Errorf(copilot.EINVALID, "embedding provider returned a vector of %d dimensions, want %d (text %d of the batch); check Dimensions (COPILOT_EMBED_DIM) against the model",
				len(v), p.opts.Dimensions, i)
		}
		var sum float64
		for _, x := range v {
			f := float64(x)
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return copilot.Errorf(copilot.EINVALID, "embedding provider returned a non-finite value (text %d of the batch)", i)
			}
			sum += f * f
		}
		if sum == 0 || sum > math.MaxFloat32 {
			// A zero vector has no direction (cosine NaN); one whose squared length
			// overflows float32 makes pgvector's cosine (computed in float32) NaN.
			return copilot.Errorf(copilot.EINVALID, "embedding provider returned a vector of zero or unbounded length (text %d of the batch)", i)
		}
	}
	return nil
}

// emptyVector is the fixed unit vector for texts with nothing to embed.
func emptyVector(dim int) []float32 {
	v := make([]float32, dim)
	v[0] = 1
	return v
}

var statusRE = regexp.MustCompile(`status code: (\d{3})`)

// providerError maps a langchaingo/OpenAI client error onto our codes. The
// client's own message is never passed on: servers may echo the key or the input.
// A context error stays in the chain so callers can still test errors.Is.
func providerError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return errors.Join(copilot.Errorf(copilot.EUNAVAILABLE, "embedding provider did not answer before the deadline"), ctxErr)
		}
		return ctxErr
	}
	switch {
	case errors.Is(err, openai.ErrUnexpectedResponseLength):
		return copilot.Errorf(copilot.EINVALID, "embedding provider returned a different number of vectors than texts")
	case errors.Is(err, openai.ErrEmptyResponse) || strings.HasSuffix(err.Error(), "empty response"):
		return copilot.Errorf(copilot.EINVALID, "embedding provider returned no vectors")
	}
	status := 0
	if m := statusRE.FindStringSubmatch(err.Error()); m != nil {
		status, _ = strconv.Atoi(m[1])
	}
	mapped := openai.MapError(err)
	msg := strings.ToLower(err.Error())
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden ||
		status == 0 && llms.IsAuthenticationError(mapped):
		return copilot.Errorf(copilot.EUNAUTHORIZED, "embedding provider refused the credentials (HTTP %d); check COPILOT_EMBED_API_KEY", status)
	case status == http.StatusTooManyRequests ||
		status == 0 && (llms.IsRateLimitError(mapped) || llms.IsQuotaExceededError(mapped)):
		return copilot.Errorf(copilot.EUNAVAILABLE, "embedding provider is rate limiting requests (HTTP 429); try again later")
	case status >= 500 || status == http.StatusRequestTimeout:
		return copilot.Errorf(copilot.EUNAVAILABLE, "embedding provider failed (HTTP %d); try again later", status)
	case status == http.StatusNotFound:
		return copilot.Errorf(copilot.EINVALID, "embedding provider answered HTTP 404; check COPILOT_EMBED_MODEL and COPILOT_EMBED_BASE_URL")
	case status >= 400:
		return copilot.Errorf(copilot.EINVALID, "embedding provider rejected the request (HTTP %d); a text may be too long for the model", status)
	case strings.Contains(msg, "decode response"):
		return copilot.Errorf(copilot.EINVALID, "embedding provider answer is not valid embeddings JSON")
	case llms.IsTimeoutError(mapped) || llms.IsProviderUnavailableError(mapped) ||
		strings.Contains(msg, "network error") || strings.Contains(msg, "request timeout") ||
		strings.Contains(msg, "connection refused") || strings.Contains(msg, "no such host") ||
		strings.Contains(msg, "eof") || strings.Contains(msg, "connection reset"):
		return copilot.Errorf(copilot.EUNAVAILABLE, "embedding provider cannot be reached; check COPILOT_EMBED_BASE_URL")
	}
	return copilot.Errorf(copilot.EINTERNAL, "embedding provider failed")
}
