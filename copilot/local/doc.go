// Package local is the deterministic, offline answer engine: summaries, follow-ups
// and runbook steps drafted from the transcript alone by rules versioned as Version.
// It is the default engine, the LLM engine's fallback, and the eval baseline.
package local
