package embeddings

import (
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"

	"github.com/incidentcopilot/incident-copilot/copilot"
)

// Provider names.
const (
	ProviderLocal  = "local"
	ProviderOpenAI = "openai"
)

// Defaults and limits for providers.
const (
	DefaultBatchSize = 64
	// MaxBatchSize is OpenAI's limit on inputs per embeddings request.
	MaxBatchSize = 2048
	// MaxProviderDimensions bounds what a provider may be configured to return;
	// pgvector's vector type stores at most 16,000 dimensions.
	MaxProviderDimensions = 16000
	// DefaultOpenAIBaseURL is used when BaseURL is empty, so that the process
	// environment (OPENAI_BASE_URL) never changes where texts are sent behind
	// the configuration's back.
	DefaultOpenAIBaseURL = "https://api.openai.com/v1"
)

// Config selects and configures an embedder. The zero value is the local
// embedder with 384 dimensions.
type Config struct {
	Provider   string              // "local" (default) | "openai" (OpenAI or any OpenAI-compatible server: Ollama, vLLM)
	Model      string              // e.g. "text-embedding-3-small"; required for "openai"
	BaseURL    string              // OpenAI-compatible base URL, e.g. "http://localhost:11434/v1"; default DefaultOpenAIBaseURL
	APIKey     string              // required for api.openai.com; optional for other servers
	Dimensions int                 // expected vector length; required for providers, default 384 for local
	BatchSize  int                 // texts per provider request; default 64
	Redact     func(string) string // applied to every text before it leaves the process; nil = identity

	// envErr records a value ConfigFromEnv could not parse, reported by Validate.
	envErr string
}

// String describes the config without the API key (only whether it is set) and
// without credentials or query in the base URL, so that logging it with %v,
// %+v or %#v is safe.
func (c Config) String() string {
	return fmt.Sprintf("provider=%s model=%s base_url=%s api_key=%s dimensions=%d batch_size=%d redact=%t",
		c.Provider, c.Model, loggableURL(c.BaseURL), setOrUnset(c.APIKey), c.Dimensions, c.BatchSize, c.Redact != nil)
}

// GoString is String for %#v.
func (c Config) GoString() string { return "embeddings.Config{" + c.String() + "}" }

// LogValue keeps the API key out of slog output.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("provider", c.Provider),
		slog.String("model", c.Model),
		slog.String("base_url", loggableURL(c.BaseURL)),
		slog.String("api_key", setOrUnset(c.APIKey)),
		slog.Int("dimensions", c.Dimensions),
		slog.Int("batch_size", c.BatchSize),
	)
}

func setOrUnset(secret string) string {
	if secret == "" {
		return "unset"
	}
	return "set"
}

// loggableURL drops user info, query and fragment, which may carry credentials.
func loggableURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable)"
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

// withDefaults fills in the defaults Validate and New assume.
func (c Config) withDefaults() Config {
	c.Provider = strings.ToLower(strings.TrimSpace(c.Provider))
	if c.Provider == "" {
		c.Provider = ProviderLocal
	}
	if c.Provider == ProviderLocal && c.Dimensions == 0 {
		c.Dimensions = DefaultLocalDimensions
	}
	if c.BatchSize == 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.Provider == ProviderOpenAI && strings.TrimSpace(c.BaseURL) == "" {
		c.BaseURL = DefaultOpenAIBaseURL
	}
	c.BaseURL = strings.TrimRight(strings.TrimSpace(c.BaseURL), "/")
	return c
}

// Validate reports the first problem of the config as an EINVALID *copilot.Error
// whose message names the field (and its environment variable). It never
// repeats the API key.
func (c Config) Validate() error {
	if c.envErr != "" {
		return copilot.Errorf(copilot.EINVALID, "embedder config: %s", c.envErr)
	}
	c = c.withDefaults()
	bad := func(format string, args ...any) error {
		return copilot.Errorf(copilot.EINVALID, "embedder config: "+format, args...)
	}
	switch c.Provider {
	case ProviderLocal:
		if c.Dimensions < MinLocalDimensions || c.Dimensions > MaxLocalDimensions {
			return bad("Dimensions (COPILOT_EMBED_DIM) must be between %d and %d for the local embedder, got %d",
				MinLocalDimensions, MaxLocalDimensions, c.Dimensions)
		}
		return nil
	case ProviderOpenAI:
	default:
		return bad("Provider (COPILOT_EMBEDDER) must be %q or %q, got %q", ProviderLocal, ProviderOpenAI, c.Provider)
	}
	if strings.TrimSpace(c.Model) == "" {
		return bad("Model (COPILOT_EMBED_MODEL) is required for provider %q", c.Provider)
	}
	if c.Dimensions <= 0 || c.Dimensions > MaxProviderDimensions {
		return bad("Dimensions (COPILOT_EMBED_DIM) must be between 1 and %d for provider %q, got %d",
			MaxProviderDimensions, c.Provider, c.Dimensions)
	}
	if c.BatchSize < 1 || c.BatchSize > MaxBatchSize {
		return bad("BatchSize must be between 1 and %d, got %d", MaxBatchSize, c.BatchSize)
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// The URL itself is not repeated: it may carry credentials.
		return bad("BaseURL (COPILOT_EMBED_BASE_URL) must be an http or https URL")
	}
	if u.User != nil {
		return bad("BaseURL (COPILOT_EMBED_BASE_URL) must not contain credentials; use APIKey (COPILOT_EMBED_API_KEY)")
	}
	if c.APIKey == "" && strings.EqualFold(u.Hostname(), "api.openai.com") {
		return bad("APIKey (COPILOT_EMBED_API_KEY or OPENAI_API_KEY) is required for %s", u.Host)
	}
	return nil
}

// ConfigFromEnv reads the embedder config from environment variables:
// COPILOT_EMBEDDER, COPILOT_EMBED_MODEL, COPILOT_EMBED_BASE_URL,
// COPILOT_EMBED_API_KEY (falling back to OPENAI_API_KEY) and COPILOT_EMBED_DIM.
// A value that cannot be parsed is reported by Validate.
func ConfigFromEnv(getenv func(string) string) Config {
	c := Config{
		Provider: strings.TrimSpace(getenv("COPILOT_EMBEDDER")),
		Model:    strings.TrimSpace(getenv("COPILOT_EMBED_MODEL")),
		BaseURL:  strings.TrimSpace(getenv("COPILOT_EMBED_BASE_URL")),
		APIKey:   strings.TrimSpace(getenv("COPILOT_EMBED_API_KEY")),
	}
	if c.APIKey == "" {
		c.APIKey = strings.TrimSpace(getenv("OPENAI_API_KEY"))
	}
	if s := strings.TrimSpace(getenv("COPILOT_EMBED_DIM")); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			c.envErr = fmt.Sprintf("Dimensions (COPILOT_EMBED_DIM) must be an integer, got %q", s)
		}
		c.Dimensions = n
	}
	return c
}

// New builds the embedder c describes, after Validate.
// Errors: EINVALID for a config Validate rejects.
func New(c Config) (copilot.EmbeddingModel, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	switch c.Provider {
	case ProviderOpenAI:
		return newOpenAI(c)
	default:
		return NewLocal(c.Dimensions)
	}
}
