package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/evals"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
	"github.com/incidentcopilot/incident-copilot/tracker/jira"
)

// Config is everything the binary reads from its environment. Flags override it.
type Config struct {
	DatabaseURL string
	Addr        string
	APITokens   string // name:token:scope+scope,...
	HNSW        postgres.HNSW
	// LexicalExactBelow is COPILOT_LEXICAL_EXACT_BELOW (postgres.Options.LexicalExactBelow).
	LexicalExactBelow int
	Fusion            string // COPILOT_FUSION: how similar-incident search fuses its sides (postgres.Options.Fusion)
	Embedder          embeddings.Config
	Chat              embeddings.ChatConfig
	ShutdownWait      time.Duration
	MaxBodyBytes      int64
	Slack             SlackConfig
	Jira              *jira.Config // nil: no tracker (config_jira.go)
	// Capabilities are the operator's modes (COPILOT_CAPABILITIES), which turn a
	// capability off or to suggest-only whatever its eval says.
	Capabilities map[string]string
	// Gates are the targets that open the runtime gate: evals/gates.yaml as built
	// in, or the file COPILOT_GATES names.
	Gates *evals.GateSet
	// VectorWeight is COPILOT_FUSION_VECTOR_WEIGHT, the vector share of the weighted
	// fusion (postgres.Options.VectorWeight; nil: the default).
	VectorWeight *float64
	// LexicalNorm is COPILOT_LEXICAL_NORM, the lexical side's length normalisation
	// (postgres.Options.LexicalNorm; "": postgres.DefaultLexicalNorm).
	LexicalNorm string
}

// ConfigFromEnv reads the configuration; defaults fill what is unset.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		DatabaseURL:  getenv("DATABASE_URL"),
		Addr:         getenv("COPILOT_ADDR"),
		APITokens:    getenv("COPILOT_API_TOKENS"),
		HNSW:         postgres.DefaultHNSW,
		Fusion:       getenv("COPILOT_FUSION"),
		LexicalNorm:  getenv("COPILOT_LEXICAL_NORM"),
		Embedder:     embeddings.ConfigFromEnv(getenv),
		Chat:         embeddings.ChatConfigFromEnv(getenv),
		ShutdownWait: 15 * time.Second,
		Slack:        slackConfigFromEnv(getenv),
	}
	if v := getenv("COPILOT_FUSION_VECTOR_WEIGHT"); v != "" {
		w, err := strconv.ParseFloat(v, 64)
		if err != nil || !(w >= 0 && w <= 1) {
			return c, copilot.Errorf(copilot.EINVALID, "COPILOT_FUSION_VECTOR_WEIGHT: %q is not a number from 0 to 1", v)
		}
		c.VectorWeight = &w
	}
	if err := postgres.CheckLexicalNorm(c.LexicalNorm); err != nil {
		return c, copilot.Errorf(copilot.EINVALID, "COPILOT_LEXICAL_NORM: %v", err)
	}
	if v := getenv("COPILOT_MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return c, copilot.Errorf(copilot.EINVALID, "COPILOT_MAX_BODY_BYTES: %q is not a positive whole number", v)
		}
		c.MaxBodyBytes = n
	}
	var err error
	if c.Jira, err = jiraFromEnv(getenv); err != nil {
		return c, err
	}
	modes := getenv("COPILOT_CAPABILITIES")
	if path, ok := strings.CutPrefix(modes, "@"); ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return c, copilot.Errorf(copilot.EINVALID, "COPILOT_CAPABILITIES: read %s: %v", path, err)
		}
		modes = strings.Join(strings.Fields(string(b)), ",")
	}
	if c.Capabilities, err = evals.ParseModes(modes); err != nil {
		return c, err
	}
	c.Gates = evals.TargetGates()
	if path := getenv("COPILOT_GATES"); path != "" {
		if c.Gates, err = evals.LoadGates(path); err != nil {
			return c, fmt.Errorf("COPILOT_GATES: %w", err)
		}
	}
	// Text sent to a remote embedder is masked like text sent to an LLM.
	c.Embedder.Redact = redact.String
	if c.Addr == "" {
		c.Addr = ":8080"
	}
	for _, f := range []struct {
		env string
		dst *int
	}{
		{"COPILOT_HNSW_M", &c.HNSW.M},
		{"COPILOT_HNSW_EF_CONSTRUCTION", &c.HNSW.EfConstruction},
		{"COPILOT_HNSW_EF_SEARCH", &c.HNSW.EfSearch},
		{"COPILOT_HNSW_EXACT_BELOW", &c.HNSW.ExactBelow},
		{"COPILOT_LEXICAL_EXACT_BELOW", &c.LexicalExactBelow},
	} {
		if v := getenv(f.env); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return c, copilot.Errorf(copilot.EINVALID, "%s: %q is not a whole number", f.env, v)
			}
			*f.dst = n
		}
	}
	return c, c.validate()
}

func (c Config) validate() error {
	if strings.TrimSpace(c.DatabaseURL) == "" {
		return copilot.Errorf(copilot.EINVALID, "DATABASE_URL: not set (for the project's own database: export DATABASE_URL=$(make -s db-url))")
	}
	if err := c.Embedder.Validate(); err != nil {
		return fmt.Errorf("embedder: %w", err)
	}
	if c.Chat.Provider != "" {
		if err := c.Chat.Validate(); err != nil {
			return fmt.Errorf("llm: %w", err)
		}
	}
	return c.Slack.validate()
}
