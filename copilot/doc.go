// Package copilot owns the incident domain: the types (incidents, messages, chunks,
// answers), the error codes, the interfaces it consumes (memory, engine, embedder),
// and the Copilot service every front door calls, with citations, chunking, safe
// output, validation and the reading side of the masking placeholders.
//
// It imports only the standard library. The engines that draft answers live beside
// it: copilot/local (deterministic, offline) and copilot/llm (a language model with
// the local engine as fallback); copilot/memtest holds an in-memory Memory for tests.
package copilot
