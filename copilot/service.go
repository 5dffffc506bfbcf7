package copilot

import "context"

// Embedder turns text into vectors. Its method set is langchaingo's
// embeddings.Embedder, so every langchaingo provider plugs in unchanged.
//
// Errors: EINVALID for a provider answer of the wrong shape, EUNAVAILABLE when the
// provider cannot be reached or rate-limits, EINTERNAL otherwise.
type Embedder interface {
	EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error)
	EmbedQuery(ctx context.Context, text string) ([]float32, error)
}

// EmbedderInfo identifies the vectors an embedder produces. Vectors of different
// ids are never compared.
type EmbedderInfo interface {
	// EmbedderID is "name/version/dimension", e.g. "local/v1/384".
	EmbedderID() string
	Dimensions() int
}

// EmbeddingModel is an embedder that says which vectors it produces: what the
// store embeds and searches with, and what package embeddings makes.
type EmbeddingModel interface {
	Embedder
	EmbedderInfo
}

// EngineInfo names an engine and the version of what shapes its answers: the local
// engine's rules, or the LLM engine's model and prompts. A change of either shows up
// in eval runs.
type EngineInfo struct {
	Name    string `json:"name"` // EngineLocal or EngineLLM
	Version string `json:"version"`
}

// Engine drafts the answers. The local engine is deterministic and offline; the
// LLM engine falls back to it. Every answer names the engine that actually drafted
// it (Engine, PromptVersion) and, after a fallback, why (Fallback).
//
// Errors: EINVALID for an incident that cannot be answered (no messages), EINTERNAL otherwise.
type Engine interface {
	// Info names the engine as configured; an answer may still come from its fallback.
	Info() EngineInfo
	Summarize(ctx context.Context, inc *Incident) (*SummaryAnswer, error)
	FollowUps(ctx context.Context, inc *Incident) (*FollowUpsAnswer, error)
	// Runbook drafts steps from how the similar past incidents were mitigated; the
	// library runbooks are ranked by the caller and passed through. similar may
	// hold inc itself (same ID): an engine takes its own steps only when the
	// incident is over, and never suggests an open incident's actions back to it.
	Runbook(ctx context.Context, inc *Incident, similar []*Incident, runbooks []RunbookMatch) (*RunbookAnswer, error)
}
