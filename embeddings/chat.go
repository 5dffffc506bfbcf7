package embeddings

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tmc/langchaingo/httputil"
	"github.com/tmc/langchaingo/llms"
	"github.com/tmc/langchaingo/llms/anthropic"
	"github.com/tmc/langchaingo/llms/openai"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/text"
)

// Chat model providers. "openai" also covers every server that speaks the OpenAI
// chat-completions API through BaseURL: Ollama, vLLM, LM Studio.
const (
	ChatProviderOpenAI    = "openai"
	ChatProviderAnthropic = "anthropic"
)

// Chat model defaults.
const (
	DefaultOpenAIChatModel    = "gpt-4o-mini"
	DefaultAnthropicChatModel = "claude-3-5-haiku-latest"
	// DefaultAnthropicBaseURL is set explicitly for the same reason as
	// DefaultOpenAIBaseURL: the environment must not redirect texts.
	DefaultAnthropicBaseURL = "https://api.anthropic.com/v1"
	DefaultChatTimeout      = 60 * time.Second
)

// ChatConfig selects the language model the LLM engine drafts with. The zero value
// (no provider) means no model: the copilot answers with its local engine alone.
type ChatConfig struct {
	Provider string        // "openai" | "anthropic" | "" (none)
	Model    string        // default DefaultOpenAIChatModel / DefaultAnthropicChatModel
	BaseURL  string        // e.g. "http://localhost:11434/v1" for Ollama; default the provider's API
	APIKey   string        // required for the providers' own APIs; optional for other servers
	Timeout  time.Duration // bounds each HTTP request; default DefaultChatTimeout
}

// String describes the config without its API key, so logging it is safe.
func (c ChatConfig) String() string {
	key := "unset"
	if c.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("provider=%q model=%q base_url=%q api_key=%s timeout=%s", c.Provider, c.Model, safeURL(c.BaseURL), key, c.Timeout)
}

// GoString keeps %#v from printing the API key.
func (c ChatConfig) GoString() string { return "embeddings.ChatConfig{" + c.String() + "}" }

// LogValue keeps slog from printing the API key.
func (c ChatConfig) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("provider", c.Provider),
		slog.String("model", c.Model),
		slog.String("base_url", safeURL(c.BaseURL)),
		slog.Bool("api_key_set", c.APIKey != ""),
		slog.Duration("timeout", c.Timeout),
	)
}

// safeURL drops credentials and query (where tokens hide) from a URL for display.
func safeURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable)"
	}
	u.User, u.RawQuery, u.Fragment = nil, "", ""
	return u.String()
}

// ModelName is the model the config asks for, the provider's default when unset.
func (c ChatConfig) ModelName() string { return c.withDefaults().Model }

func (c ChatConfig) withDefaults() ChatConfig {
	c.Provider = strings.ToLower(strings.TrimSpace(c.Provider))
	c.Model = strings.TrimSpace(c.Model)
	c.BaseURL = strings.TrimRight(strings.TrimSpace(c.BaseURL), "/")
	switch c.Provider {
	case ChatProviderOpenAI:
		if c.Model == "" {
			c.Model = DefaultOpenAIChatModel
		}
		if c.BaseURL == "" {
			c.BaseURL = DefaultOpenAIBaseURL
		}
	case ChatProviderAnthropic:
		if c.Model == "" {
			c.Model = DefaultAnthropicChatModel
		}
		if c.BaseURL == "" {
			c.BaseURL = DefaultAnthropicBaseURL
		}
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultChatTimeout
	}
	return c
}

// Validate reports the first problem of the config as an EINVALID *copilot.Error
// whose message names the field and its environment variable. It never repeats the
// API key or the base URL (which may carry credentials).
func (c ChatConfig) Validate() error {
	c = c.withDefaults()
	bad := func(format string, args ...any) error {
		return copilot.Errorf(copilot.EINVALID, "chat model config: "+format, args...)
	}
	switch c.Provider {
	case "":
		return nil
	case ChatProviderOpenAI, ChatProviderAnthropic:
	default:
		return bad("Provider (COPILOT_LLM) must be %q, %q or empty, got %q", ChatProviderOpenAI, ChatProviderAnthropic, text.ClipBytes(c.Provider, 40, text.Ellipsis))
	}
	if c.Timeout < 0 {
		return bad("Timeout must not be negative, got %s", c.Timeout)
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("BaseURL (COPILOT_LLM_BASE_URL) must be an http or https URL")
	}
	if u.User != nil {
		return bad("BaseURL (COPILOT_LLM_BASE_URL) must not contain credentials; use APIKey (COPILOT_LLM_API_KEY)")
	}
	if c.APIKey == "" {
		host := strings.ToLower(u.Hostname())
		if host == "api.openai.com" || host == "api.anthropic.com" {
			return bad("APIKey (COPILOT_LLM_API_KEY or %s) is required for %s", providerKeyEnv(c.Provider), host)
		}
	}
	return nil
}

func providerKeyEnv(provider string) string {
	if provider == ChatProviderAnthropic {
		return "ANTHROPIC_API_KEY"
	}
	return "OPENAI_API_KEY"
}

// ChatConfigFromEnv reads the chat model config from COPILOT_LLM (openai, anthropic or
// empty for none), COPILOT_LLM_MODEL, COPILOT_LLM_BASE_URL and COPILOT_LLM_API_KEY,
// which falls back to the provider's own variable (OPENAI_API_KEY or
// ANTHROPIC_API_KEY).
func ChatConfigFromEnv(getenv func(string) string) ChatConfig {
	c := ChatConfig{
		Provider: strings.ToLower(strings.TrimSpace(getenv("COPILOT_LLM"))),
		Model:    strings.TrimSpace(getenv("COPILOT_LLM_MODEL")),
		BaseURL:  strings.TrimSpace(getenv("COPILOT_LLM_BASE_URL")),
		APIKey:   strings.TrimSpace(getenv("COPILOT_LLM_API_KEY")),
	}
	if c.APIKey == "" && c.Provider != "" {
		c.APIKey = strings.TrimSpace(getenv(providerKeyEnv(c.Provider)))
	}
	return c
}

// NewChatModel builds the langchaingo chat model c describes, after Validate. A
// config without a provider returns a nil model and no error: the copilot then runs
// on its local engine alone.
//
// Errors: EINVALID for a config Validate rejects, EINTERNAL when the client cannot be
// built.
func NewChatModel(c ChatConfig) (llms.Model, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	if c.Provider == "" {
		return nil, nil
	}
	// langchaingo's client adds its User-Agent; the timeout is the backstop behind
	// the engine's own per-call deadline.
	client := &http.Client{Transport: httputil.DefaultTransport, Timeout: c.Timeout}
	// The clients insist on a token; servers such as Ollama ignore it.
	key := c.APIKey
	if key == "" {
		key = "unused"
	}
	var (
		model llms.Model
		err   error
	)
	switch c.Provider {
	case ChatProviderOpenAI:
		model, err = openai.New(openai.WithToken(key), openai.WithModel(c.Model), openai.WithBaseURL(c.BaseURL), openai.WithHTTPClient(client))
	case ChatProviderAnthropic:
		model, err = anthropic.New(anthropic.WithToken(key), anthropic.WithModel(c.Model), anthropic.WithBaseURL(c.BaseURL), anthropic.WithHTTPClient(client))
	}
	if err != nil {
		// The client's own message names no secret, but it is not for users either.
		return nil, copilot.Errorf(copilot.EINTERNAL, "build %s chat model: %s", c.Provider, strings.ReplaceAll(err.Error(), key, "[key]"))
	}
	return model, nil
}
