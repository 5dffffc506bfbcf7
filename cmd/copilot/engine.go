package main

import (
	"incidentcopilot/copilot"
	"incidentcopilot/copilot/redact"
	"incidentcopilot/embeddings"
	"incidentcopilot/retrieval/postgres"
)

// newEngine returns the local engine, or, when an LLM provider is configured, the
// LLM engine with the local engine as its fallback.
func newEngine(model postgres.Model, cfg Config) (copilot.Engine, error) {
	local := copilot.NewLocalEngine(model)
	if cfg.Chat.Provider == "" {
		return local, nil
	}
	chat, err := embeddings.NewChatModel(cfg.Chat)
	if err != nil {
		return nil, err
	}
	return &copilot.LLMEngine{Model: chat, Fallback: local, Redact: redact.String}, nil
}
