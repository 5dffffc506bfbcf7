package main

import (
	"github.com/incidentcopilot/incident-copilot/copilot"
	"github.com/incidentcopilot/incident-copilot/copilot/llm"
	"github.com/incidentcopilot/incident-copilot/copilot/local"
	"github.com/incidentcopilot/incident-copilot/copilot/redact"
	"github.com/incidentcopilot/incident-copilot/embeddings"
	"github.com/incidentcopilot/incident-copilot/retrieval/postgres"
)

// newEngine returns the local engine, or, when an LLM provider is configured, the
// LLM engine with the local engine as its fallback.
func newEngine(model postgres.Model, cfg Config) (copilot.Engine, error) {
	offline := local.New(model)
	if cfg.Chat.Provider == "" {
		return offline, nil
	}
	chat, err := embeddings.NewChatModel(cfg.Chat)
	if err != nil {
		return nil, err
	}
	return &llm.Engine{Model: chat, ModelName: cfg.Chat.ModelName(), Fallback: offline, Redact: redact.String}, nil
}
